// The HTTP server and client on real loopback sockets (port 0): raw peers that send exactly the
// bytes a test wants, and the lab's own client. Every bad input gets its status and a closed
// connection, and the server goes on answering everyone else.
#include "core/base/timeline.h"
#include "core/http/http_client.h"
#include "core/http/http_server.h"
#include "test_util.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>

using netstage::Event;
using netstage::HttpClient;
using netstage::HttpClientRequest;
using netstage::HttpExchange;
using netstage::HttpMessage;
using netstage::HttpParser;
using netstage::HttpServer;
using netstage::HttpServerOptions;
using netstage::Timeline;
namespace ev = netstage::ev;

namespace {

// A raw client: sends bytes, collects and parses what comes back.
struct RawPeer
{
    QTcpSocket s;
    HttpParser parser{HttpParser::Mode::Response};
    QList<HttpMessage> answers;
    QByteArray raw;
    bool closed = false;
    QList<int> noBody; // indices of answers to HEAD

    explicit RawPeer(quint16 port)
    {
        QObject::connect(&s, &QTcpSocket::readyRead, [this] {
            const QByteArray d = s.readAll();
            raw += d;
            parser.append(d);
            for (;;) {
                HttpMessage m;
                parser.setNextHasNoBody(noBody.contains(int(answers.size())));
                if (parser.next(&m) != HttpParser::Result::Message)
                    break;
                answers.append(m);
            }
        });
        QObject::connect(&s, &QTcpSocket::disconnected, [this] { closed = true; });
        s.connectToHost(QHostAddress::LocalHost, port);
    }
    bool connected() { return s.waitForConnected(5000); }
    void send(const QByteArray& b)
    {
        s.write(b);
        s.flush();
    }
};

struct Fixture
{
    Timeline timeline;
    HttpServer server{&timeline, nullptr, nullptr};

    bool start(HttpServerOptions o = {})
    {
        o.port = 0;
        return server.start(o);
    }
    quint16 port() const { return server.port(); }
};

QByteArray get(const QByteArray& path, const QByteArray& host = "localhost",
               const QByteArray& extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extra + "\r\n";
}

// A fresh connection asks for / and gets 200: the server still serves.
bool stillServes(quint16 port)
{
    RawPeer p(port);
    if (!p.connected())
        return false;
    p.send(get("/"));
    if (!QTest::qWaitFor([&] { return !p.answers.isEmpty(); }, 5000))
        return false;
    return p.answers[0].status == 200;
}

} // namespace

class TstHttpServer : public QObject
{
    Q_OBJECT
private slots:
    void pipelinedKeepAlive()
    {
        Fixture f;
        QVERIFY(f.start());
        RawPeer p(f.port());
        QVERIFY(p.connected());
        // Three requests in one write: answered in order on the one connection.
        p.send(get("/") + get("/style.css", "www.example.test") +
               "HEAD /img/handshake.png HTTP/1.1\r\nHost: localhost\r\n\r\n");
        p.noBody << 2;
        QTRY_COMPARE_WITH_TIMEOUT(p.answers.size(), 3, 5000);
        QCOMPARE(p.answers[0].header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(p.answers[1].header("Content-Type"), QByteArray("text/css; charset=utf-8"));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(p.answers[i].header("Connection"), QByteArray("keep-alive"));
            QVERIFY(!p.answers[i].header("Date").isEmpty());
            QVERIFY(p.answers[i].header("Server").startsWith("NetStage/"));
            QCOMPARE(p.answers[i].header("Content-Length").toInt(), p.answers[i].body.size());
        }
        // HEAD: the length GET would send, and not one byte of body.
        const qsizetype head = p.raw.lastIndexOf("HTTP/1.1 200 OK");
        QVERIFY(p.raw.mid(head).endsWith("\r\n\r\n"));
        QVERIFY(p.raw.mid(head).contains(
            "Content-Length: " +
            QByteArray::number(
                f.server.site()
                    .respond({"GET", "/img/handshake.png", "localhost", 1, 80, {}, {}})
                    .body.size())));
        QVERIFY(!p.closed);
        QCOMPARE(f.server.connectionCount(), 1);

        const auto reqs = testutil::filter(
            f.timeline, {QStringLiteral("http-conn-1"), QStringLiteral("request"), ev::App});
        QCOMPARE(reqs.size(), size_t(3));
        QCOMPARE(reqs[1].proto, QStringLiteral("http"));
        QCOMPARE(reqs[1].extra.value(QStringLiteral("target")).toString(),
                 QStringLiteral("/style.css"));
        QCOMPARE(reqs[1].extra.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(reqs[1].extra.value(QStringLiteral("version")).toString(),
                 QStringLiteral("HTTP/1.1"));
        QVERIFY(reqs[1].extra.value(QStringLiteral("headers")).toArray().size() == 1);
        const auto resps = testutil::filter(
            f.timeline, {QStringLiteral("http-conn-1"), QStringLiteral("response"), ev::App});
        QCOMPARE(resps.size(), size_t(3));
        QCOMPARE(resps[0].extra.value(QStringLiteral("status")).toInt(), 200);
        QVERIFY(resps[0].extra.value(QStringLiteral("duration_us")).toDouble() >= 0);
        QCOMPARE(resps[2].extra.value(QStringLiteral("body_bytes")).toInt(), 0);
        QVERIFY(testutil::has(f.timeline, {QStringLiteral("http-conn-1"), ev::Connection}));
        QVERIFY(
            testutil::has(f.timeline, {QStringLiteral("http-conn-1"), ev::Data, ev::App, ev::In}));
        QVERIFY(
            testutil::has(f.timeline, {QStringLiteral("http-conn-1"), ev::Data, ev::App, ev::Out}));

        // Connection: close is honoured: answer, then FIN from the server.
        p.send(get("/app.js", "localhost", "Connection: close\r\n"));
        QTRY_VERIFY_WITH_TIMEOUT(p.closed, 5000);
        QCOMPARE(p.answers.last().header("Connection"), QByteArray("close"));
        QTRY_COMPARE(f.server.connectionCount(), 0);
    }

    void bodies()
    {
        Fixture f;
        QVERIFY(f.start());
        RawPeer p(f.port());
        QVERIFY(p.connected());
        p.send("POST /api/echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
               "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n"
               "POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\nabc");
        QTRY_COMPARE(p.answers.size(), 2);
        QVERIFY(p.answers[0].body.contains("\"body\":\"hello, world\""));
        QVERIFY(p.answers[1].body.contains("\"body_bytes\":3"));
        const auto reqs = testutil::filter(f.timeline, {QString(), QStringLiteral("request")});
        QCOMPARE(reqs[0].extra.value(QStringLiteral("body_bytes")).toInt(), 12);
        QVERIFY(reqs[0].extra.value(QStringLiteral("chunked")).toBool());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("400 malformed")
            << QByteArray("HELLO WORLD\r\n\r\n") << 400 << QStringLiteral("HPE_INVALID_CONSTANT");
        QTest::newRow("400 space in target") << QByteArray("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n")
                                             << 400 << QStringLiteral("HPE_INVALID_URL");
        QTest::newRow("400 smuggling")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << 400 << QStringLiteral("HPE_UNEXPECTED_CONTENT_LENGTH");
        QTest::newRow("414 long URI")
            << QByteArray("GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n") << 414
            << QStringLiteral("HTTP_URI_TOO_LONG");
        QTest::newRow("431 big headers")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(20000, 'b') +
                          "\r\n\r\n")
            << 431 << QStringLiteral("HPE_HEADER_OVERFLOW");
        QTest::newRow("413 big body")
            << QByteArray("POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n")
            << 413 << QStringLiteral("HTTP_BODY_TOO_LARGE");
        QTest::newRow("505 HTTP/2 as text") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n")
                                            << 505 << QStringLiteral("HPE_INVALID_VERSION");
    }
    void errors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, code);
        Fixture f;
        QVERIFY(f.start());
        RawPeer p(f.port());
        QVERIFY(p.connected());
        p.send(bytes);
        QTRY_VERIFY_WITH_TIMEOUT(p.closed, 5000);
        QVERIFY2(p.raw.startsWith("HTTP/1.1 " + QByteArray::number(status)), p.raw.left(80));
        QVERIFY(p.raw.contains("Connection: close"));
        const auto ce = testutil::first(f.timeline, {QString(), QStringLiteral("clientError")});
        QVERIFY(ce);
        QCOMPARE(ce->code, code);
        QVERIFY(!ce->detail.isEmpty());
        QCOMPARE(ce->extra.value(QStringLiteral("status")).toInt(), status);
        QVERIFY(stillServes(f.port()));
    }

    void slowClientGets408()
    {
        Fixture f;
        HttpServerOptions o;
        o.requestTimeoutMs = 200;
        QVERIFY(f.start(o));
        RawPeer slow(f.port());
        QVERIFY(slow.connected());
        slow.send("GET / HTTP/1.1\r\nHost: loc"); // and nothing more
        // Meanwhile everyone else is served.
        QVERIFY(stillServes(f.port()));
        QTRY_VERIFY_WITH_TIMEOUT(slow.closed, 5000);
        QVERIFY(slow.raw.startsWith("HTTP/1.1 408 Request Timeout"));
        const auto ce = testutil::first(
            f.timeline, {QStringLiteral("http-conn-1"), QStringLiteral("clientError")});
        QVERIFY(ce);
        QCOMPARE(ce->code, QStringLiteral("ERR_HTTP_REQUEST_TIMEOUT"));
    }

    void idleKeepAliveClosed()
    {
        Fixture f;
        HttpServerOptions o;
        o.keepAliveTimeoutMs = 150;
        QVERIFY(f.start(o));
        RawPeer p(f.port());
        QVERIFY(p.connected());
        p.send(get("/"));
        QTRY_COMPARE(p.answers.size(), 1);
        QCOMPARE(p.answers[0].header("Keep-Alive"), QByteArray("timeout=0"));
        QTRY_VERIFY_WITH_TIMEOUT(p.closed, 5000); // closed quietly, no 408
        QCOMPARE(p.answers.size(), 1);
    }

    void tooManyConnectionsDropped()
    {
        Fixture f;
        HttpServerOptions o;
        o.maxConnections = 2;
        QVERIFY(f.start(o));
        RawPeer a(f.port()), b(f.port());
        QVERIFY(a.connected() && b.connected());
        QTRY_COMPARE(f.server.connectionCount(), 2);
        // Both are busy (a request begun just now), so none gives way: the third is refused.
        a.send("GET / HTTP/1.1\r\n");
        b.send("GET / HTTP/1.1\r\n");
        QTRY_COMPARE(testutil::filter(f.timeline, {QString(), ev::Data, QString(), ev::In}).size(),
                     size_t(2));
        RawPeer c(f.port());
        QVERIFY(c.connected());
        QTRY_VERIFY_WITH_TIMEOUT(c.closed, 5000);
        QVERIFY(c.raw.startsWith("HTTP/1.1 503"));
        QVERIFY(testutil::has(f.timeline, {QString(), QStringLiteral("drop")}));
        // The two that were in are served.
        a.send("Host: localhost\r\n\r\n");
        QTRY_COMPARE(a.answers.size(), 1);
        QCOMPARE(a.answers[0].status, 200);
    }

    void oldestIdleGivesWay()
    {
        // Issue 18: at the limit, the oldest idle connection is closed for the newcomer.
        Fixture f;
        HttpServerOptions o;
        o.maxConnections = 2;
        QVERIFY(f.start(o));
        RawPeer a(f.port()), b(f.port());
        QVERIFY(a.connected() && b.connected());
        QTRY_COMPARE(f.server.connectionCount(), 2);
        RawPeer c(f.port());
        QVERIFY(c.connected());
        QTRY_VERIFY_WITH_TIMEOUT(a.closed, 5000);
        QVERIFY(a.raw.isEmpty()); // idle: closed without an answer
        const auto drops = testutil::filter(f.timeline, {QString(), QStringLiteral("drop")});
        QCOMPARE(drops.size(), size_t(1));
        QVERIFY(drops[0].extra.value(QStringLiteral("evicted")).toBool());
        c.send(get("/"));
        QTRY_COMPARE(c.answers.size(), 1);
        QCOMPARE(c.answers[0].status, 200);
        QVERIFY(!b.closed);
    }

    void peerFinAfterRequest()
    {
        Fixture f;
        QVERIFY(f.start());
        RawPeer p(f.port());
        QVERIFY(p.connected());
        p.send(get("/"));
        // FIN right after the request (half-close): the answer still comes, then the server
        // ends its side too.
        QVERIFY(::shutdown(int(p.s.socketDescriptor()), SHUT_WR) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(p.closed || p.s.state() != QAbstractSocket::ConnectedState, 5000);
        QCOMPARE(p.answers.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(f.server.connectionCount() == 0, 5000);
        QVERIFY(testutil::has(f.timeline, {QStringLiteral("http-conn-1"), ev::End}));
        QVERIFY(
            testutil::has(f.timeline, {QStringLiteral("http-conn-1"), QStringLiteral("response")}));
    }

    void folderSiteReadsOnWorker()
    {
        QTemporaryDir tmp;
        QFile file(tmp.filePath(QStringLiteral("index.html")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<p>from a folder</p>");
        file.close();
        Fixture f;
        HttpServerOptions o;
        o.siteDir = tmp.path();
        QVERIFY(f.start(o));
        RawPeer p(f.port());
        QVERIFY(p.connected());
        // Pipelined: a file (worker) then a 400-path answer (also worker): order kept.
        p.send(get("/") + get("/../x") + get("/index.html"));
        QTRY_COMPARE(p.answers.size(), 3);
        QCOMPARE(p.answers[0].body, QByteArray("<p>from a folder</p>"));
        QCOMPARE(p.answers[1].status, 400);
        QCOMPARE(p.answers[2].status, 200);
        HttpServer bad(&f.timeline, nullptr, nullptr);
        HttpServerOptions missing;
        missing.port = 0;
        missing.siteDir = tmp.filePath(QStringLiteral("nope"));
        QVERIFY(!bad.start(missing));
    }

    void clientRedirectReuseTiming()
    {
        Fixture f;
        QVERIFY(f.start());
        HttpClient client(&f.timeline, nullptr, nullptr);
        client.setResolveOverride(QStringLiteral("example.test"), QHostAddress::LocalHost);
        client.setResolveOverride(QStringLiteral("www.example.test"), QHostAddress::LocalHost);
        QSignalSpy done(&client, &HttpClient::finished);
        HttpClientRequest r;
        r.url = QUrl(QStringLiteral("http://example.test:%1/").arg(f.port()));
        r.follow = true;
        const int first = client.fetch(r);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 5000);
        const HttpExchange a = client.exchange(first);
        QVERIFY(a.ok);
        QCOMPARE(a.response.status, 301);
        QVERIFY(a.redirectedTo > 0);
        const HttpExchange b = client.exchange(a.redirectedTo);
        QVERIFY(b.ok);
        QCOMPARE(b.response.status, 200);
        QCOMPARE(b.request.url.host(), QStringLiteral("www.example.test"));
        QVERIFY(b.socket != a.socket); // another origin: another connection
        QVERIFY(b.rawRequest.startsWith("GET / HTTP/1.1\r\nHost: www.example.test:"));
        QVERIFY(b.rawResponse.startsWith("HTTP/1.1 200 OK\r\n"));
        QCOMPARE(b.resolvedVia, QStringLiteral("--resolve"));

        // The same origin again: the kept-alive connection is reused.
        HttpClientRequest css;
        css.url = QUrl(QStringLiteral("http://www.example.test:%1/style.css").arg(f.port()));
        const int third = client.fetch(css);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 3, 5000);
        const HttpExchange c = client.exchange(third);
        QVERIFY(c.ok);
        QVERIFY(c.reused);
        QCOMPARE(c.socket, b.socket);
        QCOMPARE(c.timing.dnsUs, 0);
        QCOMPARE(c.timing.connectUs, 0);

        for (const HttpExchange& x : {a, b, c}) {
            const netstage::HttpTiming& t = x.timing;
            for (qint64 v : {t.queuedUs, t.dnsUs, t.connectUs, t.sendUs, t.waitUs, t.downloadUs})
                QVERIFY(v >= 0);
            QCOMPARE(t.queuedUs + t.dnsUs + t.connectUs + t.sendUs + t.waitUs + t.downloadUs,
                     t.totalUs);
            QVERIFY(t.totalUs > 0);
        }
        QVERIFY(b.timing.connectUs > 0);
        const auto resp = testutil::filter(f.timeline, {b.socket, QStringLiteral("response")});
        QCOMPARE(resp.size(), size_t(2)); // b's and c's: one connection
        QVERIFY(resp[0]
                    .extra.value(QStringLiteral("timing"))
                    .toObject()
                    .contains(QStringLiteral("wait_us")));
        QVERIFY(testutil::has(f.timeline, {a.socket, QStringLiteral("dns")}));
        QVERIFY(testutil::has(f.timeline, {a.socket, ev::Connect}));

        client.closeAll();
        QTRY_COMPARE(client.openConnectionCount(), 0);
        QTRY_COMPARE(f.server.connectionCount(), 0);
    }

    void clientFailures()
    {
        Timeline tl;
        HttpClient client(&tl, nullptr, nullptr);
        client.setTimeoutMs(300);
        QSignalSpy done(&client, &HttpClient::finished);

        // Refused: nothing listens.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        HttpClientRequest r;
        r.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort));
        int id = client.fetch(r);
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(client.exchange(id).errorCode, QStringLiteral("ECONNREFUSED"));

        // Not HTTP: a server that answers with something else.
        QTcpServer liar;
        QVERIFY(liar.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&liar, &QTcpServer::newConnection, [&] {
            QTcpSocket* s = liar.nextPendingConnection();
            s->write("SSH-2.0-OpenSSH_9.2\r\n");
        });
        r.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(liar.serverPort()));
        id = client.fetch(r);
        QTRY_COMPARE(done.count(), 2);
        QVERIFY(!client.exchange(id).ok);
        QVERIFY(client.exchange(id).errorCode.startsWith(QLatin1String("HPE_")));

        // Silent: accepts and never answers.
        QTcpServer mute;
        QVERIFY(mute.listen(QHostAddress::LocalHost, 0));
        r.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(mute.serverPort()));
        id = client.fetch(r);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 3, 5000);
        QCOMPARE(client.exchange(id).errorCode, QStringLiteral("ETIMEDOUT"));

        r.url = QUrl(QStringLiteral("https://127.0.0.1/"));
        id = client.fetch(r);
        QTRY_COMPARE(done.count(), 4);
        QCOMPARE(client.exchange(id).errorCode, QStringLiteral("EINVAL"));
    }

    void clientPerHostLimit()
    {
        Fixture f;
        QVERIFY(f.start());
        HttpClient client(&f.timeline, nullptr, nullptr);
        client.setMaxConnectionsPerHost(2);
        QSignalSpy done(&client, &HttpClient::finished);
        int peak = 0;
        QObject::connect(&f.server, &HttpServer::connectionCountChanged,
                         [&peak](int n) { peak = qMax(peak, n); });
        for (int i = 0; i < 6; ++i) {
            HttpClientRequest r;
            r.url = QUrl(QStringLiteral("http://localhost:%1/img/teardown.png").arg(f.port()));
            client.fetch(r);
        }
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 6, 5000);
        QVERIFY(peak <= 2);
        for (int id : client.exchangeIds())
            QVERIFY(client.exchange(id).ok);
    }
};

QTEST_GUILESS_MAIN(TstHttpServer)
#include "tst_http_server.moc"
