// curl against `netstage http serve`: the tutorial's 301, the demo page's resources with their
// types and lengths, keep-alive reuse (curl says so), HEAD, 404, and every bad input with its
// status, the server answering the next client each time. Skipped without curl.
#include "http_test_util.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <memory>

using httptest::Proc;

namespace {

const QString kBin = QStringLiteral(NETSTAGE_BIN);
const QString kSite = QStringLiteral(NETSTAGE_SITE_DIR);

QByteArray siteFile(const QString& name)
{
    QFile f(kSite + QLatin1Char('/') + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TstHttpCurl : public QObject
{
    Q_OBJECT
    QString curl_;
    Proc server_;
    QTemporaryFile events_;
    quint16 port_ = 0;

    QByteArray eventsText()
    {
        QFile f(events_.fileName());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QString url(const QString& path, const QString& host = QStringLiteral("www.example.test")) const
    {
        return QStringLiteral("http://%1:%2%3").arg(host).arg(port_).arg(path);
    }
    QStringList resolve() const
    {
        return {QStringLiteral("--resolve"), QStringLiteral("example.test:%1:127.0.0.1").arg(port_),
                QStringLiteral("--resolve"),
                QStringLiteral("www.example.test:%1:127.0.0.1").arg(port_)};
    }
    // curl with the resolve list, -sS, and a bound on its time.
    bool curl(Proc& p, const QStringList& args)
    {
        return p.run(curl_, QStringList{QStringLiteral("-sS"), QStringLiteral("--max-time"),
                                        QStringLiteral("20")} +
                                resolve() + args);
    }
    // The status a plain GET / gets now: the server still serves.
    int statusOfRoot()
    {
        Proc p;
        if (!curl(p, {QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                      QStringLiteral("%{http_code}"), url(QStringLiteral("/"))}))
            return -1;
        return p.out.toInt();
    }

private slots:
    void initTestCase()
    {
        curl_ = QStandardPaths::findExecutable(QStringLiteral("curl"));
        if (curl_.isEmpty())
            QSKIP("curl is not installed (apt-get install curl)");
        // Events to a file, not a pipe: while a curl runs this test does not read pipes, and
        // a full pipe would stall the server.
        QVERIFY(events_.open());
        server_.start(kBin,
                      {QStringLiteral("http"), QStringLiteral("serve"), QStringLiteral("--port"),
                       QStringLiteral("0"), QStringLiteral("--events"), events_.fileName(),
                       QStringLiteral("--quiet"), QStringLiteral("--request-timeout"),
                       QStringLiteral("400"), QStringLiteral("--max-connections"),
                       QStringLiteral("4")});
        QVERIFY2(QTest::qWaitFor(
                     [this] {
                         port_ =
                             httptest::listeningPort(eventsText(), QStringLiteral("http-server"));
                         return port_ != 0;
                     },
                     15000),
                 server_.report());
    }
    void cleanupTestCase()
    {
        server_.terminate();
        QVERIFY(server_.finish(10000));
        QVERIFY2(server_.exitedWith(0), server_.report());
        // Every request curl made is in the event stream, each with its answer.
        const auto evs = testutil::parseLines(eventsText());
        QVERIFY(testutil::filter(evs, {QString(), QStringLiteral("request")}).size() >= 10);
        QVERIFY(testutil::has(evs, {QString(), QStringLiteral("clientError")}));
        QVERIFY(testutil::has(evs, {QString(), QStringLiteral("drop")}));
    }

    void redirectToWww()
    {
        Proc p;
        QVERIFY(curl(p, {QStringLiteral("-D"), QStringLiteral("-"), QStringLiteral("-o"),
                         QStringLiteral("/dev/null"),
                         url(QStringLiteral("/"), QStringLiteral("example.test"))}));
        QVERIFY2(p.exitedWith(0), p.report());
        QVERIFY2(p.out.startsWith("HTTP/1.1 301 Moved Permanently\r\n"), p.report());
        QVERIFY2(p.out.contains("Location: http://www.example.test:" + QByteArray::number(port_) +
                                "/\r\n"),
                 p.report());
        // And curl -L lands on the page.
        Proc l;
        QVERIFY(curl(l, {QStringLiteral("-L"), QStringLiteral("-w"),
                         QStringLiteral("\n%{num_redirects} %{url_effective}"),
                         url(QStringLiteral("/"), QStringLiteral("example.test"))}));
        QVERIFY(l.out.endsWith("1 " + url(QStringLiteral("/")).toUtf8()));
        QVERIFY(l.out.contains("<html"));
    }

    void pageCssImage_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("type");
        QTest::newRow("page") << "/"
                              << "index.html"
                              << "text/html; charset=utf-8";
        QTest::newRow("css") << "/style.css"
                             << "style.css"
                             << "text/css; charset=utf-8";
        QTest::newRow("js") << "/app.js"
                            << "app.js"
                            << "text/javascript; charset=utf-8";
        QTest::newRow("png") << "/img/handshake.png"
                             << "img/handshake.png"
                             << "image/png";
        QTest::newRow("svg") << "/img/logo.svg"
                             << "img/logo.svg"
                             << "image/svg+xml";
    }
    void pageCssImage()
    {
        QFETCH(QString, path);
        QFETCH(QString, file);
        QFETCH(QString, type);
        QTemporaryDir tmp;
        const QString body = tmp.filePath(QStringLiteral("b"));
        Proc p;
        QVERIFY(curl(p, {QStringLiteral("-o"), body, QStringLiteral("-w"),
                         QStringLiteral("%{http_code}|%{content_type}|%{size_download}|"
                                        "%{header_json}"),
                         url(path)}));
        QVERIFY2(p.exitedWith(0), p.report());
        const QList<QByteArray> f = p.out.split('|');
        QCOMPARE(f.value(0), QByteArray("200"));
        QCOMPARE(QString::fromUtf8(f.value(1)), type);
        const QByteArray expected = siteFile(file);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(f.value(2).toLongLong(), qint64(expected.size()));
        QVERIFY(p.out.contains("\"content-length\":[\"" + QByteArray::number(expected.size())));
        QFile got(body);
        QVERIFY(got.open(QIODevice::ReadOnly));
        QCOMPARE(got.readAll(), expected);
    }

    void keepAliveReused()
    {
        Proc p;
        QVERIFY(curl(p, {QStringLiteral("-v"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                         QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-o"),
                         QStringLiteral("/dev/null"), url(QStringLiteral("/")),
                         url(QStringLiteral("/style.css")), url(QStringLiteral("/img/logo.svg"))}));
        QVERIFY2(p.exitedWith(0), p.report());
        QCOMPARE(p.err.count("Re-using existing connection"), 2);
        QCOMPARE(p.err.count("Connected to www.example.test"), 1);
        QVERIFY(p.err.contains("< Connection: keep-alive"));
        QVERIFY(p.err.contains("< Keep-Alive: timeout=5"));
    }

    void headAnd404()
    {
        Proc h;
        QVERIFY(curl(h, {QStringLiteral("-I"), url(QStringLiteral("/img/teardown.png"))}));
        QVERIFY2(h.exitedWith(0), h.report());
        QVERIFY(h.out.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(h.out.contains(
            "Content-Length: " +
            QByteArray::number(siteFile(QStringLiteral("img/teardown.png")).size())));
        QVERIFY(h.out.endsWith("\r\n\r\n")); // headers only
        QVERIFY(h.out.contains("Date: "));
        QVERIFY(h.out.contains("Server: NetStage/"));

        Proc n;
        QVERIFY(curl(n, {QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                         QStringLiteral("%{http_code}"), url(QStringLiteral("/no/such/page"))}));
        QCOMPARE(n.out, QByteArray("404"));
        Proc m;
        QVERIFY(curl(m, {QStringLiteral("-X"), QStringLiteral("DELETE"), QStringLiteral("-D"),
                         QStringLiteral("-"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                         url(QStringLiteral("/"))}));
        QVERIFY(m.out.startsWith("HTTP/1.1 405"));
        QVERIFY(m.out.contains("Allow: GET, HEAD"));
        Proc api;
        QVERIFY(curl(api, {url(QStringLiteral("/api/time"))}));
        QVERIFY(api.out.contains("\"epoch_ms\""));
    }

    void badInputs_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("status");
        const QString big(20000, QLatin1Char('b'));
        QTest::newRow("414 long URI")
            << QStringList{QStringLiteral("/") + QString(9000, QLatin1Char('a'))}
            << QStringLiteral("414");
        QTest::newRow("431 big header") << QStringList{QStringLiteral("/"), QStringLiteral("-H"),
                                                       QStringLiteral("X-Big: ") + big}
                                        << QStringLiteral("431");
        QTest::newRow("413 big body")
            << QStringList{QStringLiteral("/api/echo"), QStringLiteral("--data-binary"),
                           QStringLiteral("@BIGFILE")}
            << QStringLiteral("413");
        QTest::newRow("400 space in target")
            << QStringList{QStringLiteral("/"), QStringLiteral("--request-target"),
                           QStringLiteral("/a b")}
            << QStringLiteral("400");
        QTest::newRow("400 bad method")
            << QStringList{QStringLiteral("/"), QStringLiteral("-X"), QStringLiteral("GE(T")}
            << QStringLiteral("400");
        QTest::newRow("400 climbing out")
            << QStringList{QStringLiteral("/"), QStringLiteral("--request-target"),
                           QStringLiteral("/%2e%2e/%2e%2e/etc/passwd")}
            << QStringLiteral("400");
        QTest::newRow("400 no Host")
            << QStringList{QStringLiteral("/"), QStringLiteral("-H"), QStringLiteral("Host:")}
            << QStringLiteral("400");
    }
    void badInputs()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, status);
        QTemporaryDir tmp;
        QStringList a = args;
        const QString path = a.takeFirst();
        for (QString& x : a) {
            if (x == QLatin1String("@BIGFILE")) {
                QFile big(tmp.filePath(QStringLiteral("big")));
                QVERIFY(big.open(QIODevice::WriteOnly));
                big.write(QByteArray(2 * 1024 * 1024, 'x'));
                x = QLatin1Char('@') + big.fileName();
            }
        }
        Proc p;
        QVERIFY(curl(p, QStringList{QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                    QStringLiteral("-w"), QStringLiteral("%{http_code}")} +
                            a + QStringList{url(path)}));
        QVERIFY2(p.out == status.toUtf8(), p.report());
        QCOMPARE(statusOfRoot(), 200);
    }

    void slowUploadGets408()
    {
        // curl uploads from stdin, which this test never closes: the request never completes.
        Proc p;
        p.start(curl_,
                QStringList{QStringLiteral("-sS"), QStringLiteral("--max-time"),
                            QStringLiteral("20"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                            QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                            QStringLiteral("-T"), QStringLiteral("-")} +
                    resolve() + QStringList{url(QStringLiteral("/api/echo"))});
        QVERIFY(p.p.waitForStarted(5000));
        p.p.write("a little, and then nothing more");
        // The server gives up on the request (400 ms) and answers 408; curl, still waiting for
        // more to upload, reads that answer once its input ends.
        QVERIFY(QTest::qWaitFor([this] { return eventsText().contains("\"status\":408"); }, 10000));
        p.p.closeWriteChannel();
        QVERIFY(p.finish(20000));
        QVERIFY2(p.out == "408", p.report());
        QCOMPARE(statusOfRoot(), 200);
    }

    void tooManyConnections()
    {
        // The server allows 4: hold 4 idle connections; curl is still served, since idle
        // connections give way to new ones (the oldest first, issue 18).
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 4; ++i) {
            held.push_back(std::make_unique<QTcpSocket>());
            held.back()->connectToHost(QHostAddress::LocalHost, port_);
            QVERIFY(held.back()->waitForConnected(5000));
            // One answered request each: then they sit idle, kept alive for 5 s.
            held.back()->write("GET /api/time HTTP/1.1\r\nHost: localhost\r\n\r\n");
            QVERIFY(held.back()->waitForReadyRead(5000));
        }
        Proc p;
        QVERIFY(curl(p, {QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                         QStringLiteral("%{http_code}"), url(QStringLiteral("/"))}));
        QVERIFY2(p.out == "200", p.report());
        // The event reaches the file through the timeline's reorder window and the writer thread.
        QTRY_VERIFY_WITH_TIMEOUT(eventsText().contains("\"evicted\":true"), 3000);
        held.clear(); // they go away; the server serves as before
        QTRY_COMPARE_WITH_TIMEOUT(statusOfRoot(), 200, 10000);
    }
};

QTEST_GUILESS_MAIN(TstHttpCurl)
#include "tst_http_curl.moc"
