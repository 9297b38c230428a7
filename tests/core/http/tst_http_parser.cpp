// The HTTP/1.x parser on its own: requests whole and in pieces, pipelining, bodies (length and
// chunked), every limit with the status a server answers, and responses as the client reads them.
#include "core/http/http_parser.h"

#include <QTest>

using netstage::HttpLimits;
using netstage::HttpMessage;
using netstage::HttpParseError;
using netstage::HttpParser;
using Result = HttpParser::Result;

namespace {

// Feeds the bytes in pieces of `step` and collects every message; stops at an error.
struct Outcome
{
    QList<HttpMessage> messages;
    HttpParseError error = HttpParseError::None;
};

Outcome parse(const QByteArray& bytes, int step = 0,
              HttpParser::Mode mode = HttpParser::Mode::Request, const HttpLimits& limits = {})
{
    HttpParser p(mode, limits);
    Outcome o;
    const int n = step > 0 ? step : int(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); i += n) {
        p.append(bytes.mid(i, n));
        for (;;) {
            HttpMessage m;
            const Result r = p.next(&m);
            if (r == Result::Message) {
                o.messages.append(m);
                continue;
            }
            if (r == Result::Error) {
                o.error = p.error();
                return o;
            }
            break;
        }
    }
    return o;
}

} // namespace

class TstHttpParser : public QObject
{
    Q_OBJECT
private slots:
    void simpleGet()
    {
        const QByteArray req = "GET /style.css?v=1 HTTP/1.1\r\nHost: www.example.test:8080\r\n"
                               "User-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
        for (int step : {0, 1, 3, 7}) {
            const Outcome o = parse(req, step);
            QCOMPARE(o.error, HttpParseError::None);
            QCOMPARE(o.messages.size(), 1);
            const HttpMessage& m = o.messages[0];
            QCOMPARE(m.method, QByteArray("GET"));
            QCOMPARE(m.target, QByteArray("/style.css?v=1"));
            QCOMPARE(m.version(), QByteArray("HTTP/1.1"));
            QCOMPARE(m.headers.size(), 3);
            QCOMPARE(m.header("host"), QByteArray("www.example.test:8080"));
            QCOMPARE(m.headers[1].name, QByteArray("User-Agent")); // case kept
            QCOMPARE(m.totalBytes, qint64(req.size()));
            QVERIFY(m.keepAlive());
        }
    }

    void keepAliveRules()
    {
        auto one = [](const QByteArray& r) { return parse(r).messages.value(0); };
        QVERIFY(!one("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").keepAlive());
        QVERIFY(!one("GET / HTTP/1.0\r\n\r\n").keepAlive());
        QVERIFY(one("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keepAlive());
        QVERIFY(!one("GET / HTTP/1.1\r\nConnection: keep-alive, close\r\n\r\n").keepAlive());
    }

    void pipelinedInOrder()
    {
        QByteArray burst;
        for (int i = 0; i < 5; ++i)
            burst += "GET /" + QByteArray::number(i) + " HTTP/1.1\r\nHost: a\r\n\r\n";
        for (int step : {0, 1, 10}) {
            const Outcome o = parse(burst, step);
            QCOMPARE(o.messages.size(), 5);
            for (int i = 0; i < 5; ++i)
                QCOMPARE(o.messages[i].target, "/" + QByteArray::number(i));
        }
    }

    void bodies()
    {
        const QByteArray cl = "POST /api/echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
                              "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
        Outcome o = parse(cl, 2);
        QCOMPARE(o.messages.size(), 2);
        QCOMPARE(o.messages[0].body, QByteArray("hello"));
        QCOMPARE(o.messages[1].method, QByteArray("GET"));

        const QByteArray chunked =
            "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n";
        for (int step : {0, 1, 4}) {
            o = parse(chunked, step);
            QCOMPARE(o.error, HttpParseError::None);
            QCOMPARE(o.messages.size(), 1);
            QCOMPARE(o.messages[0].body, QByteArray("hello world"));
            QVERIFY(o.messages[0].chunked);
            QCOMPARE(o.messages[0].totalBytes, qint64(chunked.size()));
        }
        // Repeated identical lengths are one length (RFC 9110 8.6).
        o = parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2, 2\r\n\r\nok");
        QCOMPARE(o.messages.value(0).body, QByteArray("ok"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("status");
        auto row = [](const char* name, const QByteArray& b, HttpParseError e, int s) {
            QTest::newRow(name) << b << int(e) << s;
        };
        row("garbage", "HELLO\r\n\r\n", HttpParseError::BadStartLine, 400);
        row("space in target", "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", HttpParseError::BadTarget,
            400);
        row("bad method", "G(T / HTTP/1.1\r\n\r\n", HttpParseError::BadMethod, 400);
        row("bad version", "GET / HTTP/x\r\n\r\n", HttpParseError::BadVersion, 400);
        row("http2 as text", "GET / HTTP/2.0\r\n\r\n", HttpParseError::UnsupportedVersion, 505);
        row("no colon", "GET / HTTP/1.1\r\nHost a\r\n\r\n", HttpParseError::BadHeader, 400);
        row("space before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", HttpParseError::BadHeader,
            400);
        row("obs-fold", "GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n", HttpParseError::ObsoleteFold, 400);
        row("control in value", QByteArray("GET / HTTP/1.1\r\nX: a\x01\r\n\r\n"),
            HttpParseError::BadHeaderValue, 400);
        row("bare CR", "GET / HTTP/1.1\r\nX: a\rb\r\n\r\n", HttpParseError::BareCR, 400);
        row("negative length", "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
            HttpParseError::BadContentLength, 400);
        row("two lengths", "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            HttpParseError::BadContentLength, 400);
        row("length and chunked",
            "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
            HttpParseError::LengthAndChunked, 400);
        row("gzip only", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
            HttpParseError::BadTransferCoding, 400);
        row("bad chunk size", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            HttpParseError::BadChunk, 400);
        row("chunk too long",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n",
            HttpParseError::BadChunk, 400);
    }
    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, error);
        QFETCH(int, status);
        for (int step : {0, 1}) {
            const Outcome o = parse(bytes, step);
            QCOMPARE(int(o.error), error);
            QCOMPARE(HttpParser::statusFor(o.error), status);
            QVERIFY(!HttpParser::errorCode(o.error).isEmpty());
            QVERIFY(!HttpParser::sentence(o.error, {}).isEmpty());
        }
    }

    void limits()
    {
        HttpLimits l;
        l.maxStartLine = 100;
        l.maxHeaderBytes = 200;
        l.maxHeaderCount = 5;
        l.maxBodyBytes = 10;
        // 414 as soon as the line is too long, without waiting for its end.
        Outcome o = parse("GET /" + QByteArray(200, 'a'), 0, HttpParser::Mode::Request, l);
        QCOMPARE(o.error, HttpParseError::StartLineTooLong);
        QCOMPARE(HttpParser::statusFor(o.error), 414);
        o = parse("GET / HTTP/1.1\r\nX: " + QByteArray(300, 'a'), 0, HttpParser::Mode::Request, l);
        QCOMPARE(o.error, HttpParseError::HeadersTooLarge);
        QCOMPARE(HttpParser::statusFor(o.error), 431);
        QByteArray many = "GET / HTTP/1.1\r\n";
        for (int i = 0; i < 6; ++i)
            many += "X" + QByteArray::number(i) + ": 1\r\n";
        o = parse(many + "\r\n", 0, HttpParser::Mode::Request, l);
        QCOMPARE(o.error, HttpParseError::TooManyHeaders);
        // 413 from the declared length, before any of the body is read.
        o = parse("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", 0, HttpParser::Mode::Request, l);
        QCOMPARE(o.error, HttpParseError::BodyTooLarge);
        QCOMPARE(HttpParser::statusFor(o.error), 413);
        o = parse("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n", 0,
                  HttpParser::Mode::Request, l);
        QCOMPARE(o.error, HttpParseError::BodyTooLarge);
        o = parse("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n",
                  0, HttpParser::Mode::Request, l);
        QCOMPARE(o.error, HttpParseError::BodyTooLarge);
    }

    void responses()
    {
        const QByteArray r = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"
                             "HTTP/1.1 204 No Content\r\n\r\n"
                             "HTTP/1.1 301 Moved Permanently\r\nLocation: /x\r\n"
                             "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        Outcome o = parse(r, 1, HttpParser::Mode::Response);
        QCOMPARE(o.error, HttpParseError::None);
        QCOMPARE(o.messages.size(), 3);
        QCOMPARE(o.messages[0].status, 200);
        QCOMPARE(o.messages[0].reason, QByteArray("OK"));
        QCOMPARE(o.messages[0].body, QByteArray("hi"));
        QCOMPARE(o.messages[1].status, 204);
        QCOMPARE(o.messages[2].body, QByteArray("abc"));

        // Until close: finish() completes it; a HEAD answer has no body despite its length.
        HttpParser p(HttpParser::Mode::Response);
        p.append("HTTP/1.0 200 OK\r\n\r\nall of it");
        HttpMessage m;
        QCOMPARE(p.next(&m), Result::NeedMore);
        QCOMPARE(p.finish(&m), Result::Message);
        QCOMPARE(m.body, QByteArray("all of it"));

        HttpParser head(HttpParser::Mode::Response);
        head.setNextHasNoBody(true);
        head.append("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n");
        QCOMPARE(head.next(&m), Result::Message);
        QVERIFY(m.body.isEmpty());

        // Truncated: the peer closed in the middle.
        HttpParser t(HttpParser::Mode::Response);
        t.append("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        QCOMPARE(t.next(&m), Result::NeedMore);
        QCOMPARE(t.finish(&m), Result::Error);
        QCOMPARE(t.error(), HttpParseError::Truncated);

        QCOMPARE(parse("HTTP/1.1 2x0 OK\r\n\r\n", 0, HttpParser::Mode::Response).error,
                 HttpParseError::BadStatus);
        QCOMPARE(parse("SSH-2.0-OpenSSH\r\n", 0, HttpParser::Mode::Response).error,
                 HttpParseError::BadStartLine);
    }

    void stopsAfterError()
    {
        HttpParser p(HttpParser::Mode::Request);
        p.append("BAD\r\n");
        HttpMessage m;
        QCOMPARE(p.next(&m), Result::Error);
        p.append("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        QCOMPARE(p.next(&m), Result::Error);
    }

    void leadingEmptyLinesTolerated()
    {
        const Outcome o = parse("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n");
        QCOMPARE(o.messages.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TstHttpParser)
#include "tst_http_parser.moc"
