// `netstage http get` against Node's own `http` server: status, headers, body, redirects,
// --resolve, and timing phases that come in order and add up to the total. Skipped without node.
#include "http_test_util.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

using httptest::Proc;
using netstage::Event;
namespace ev = netstage::ev;

namespace {

const QString kBin = QStringLiteral(NETSTAGE_BIN);

QString headerOf(const Event& e, const QString& name)
{
    for (const QJsonValue& v : e.extra.value(QStringLiteral("headers")).toArray()) {
        const QJsonArray pair = v.toArray();
        if (pair[0].toString().compare(name, Qt::CaseInsensitive) == 0)
            return pair[1].toString();
    }
    return {};
}

} // namespace

class TstHttpNode : public QObject
{
    Q_OBJECT
    Proc node_;
    quint16 port_ = 0;

private slots:
    void initTestCase()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed (apt-get install nodejs)");
        node_.start(node, {QStringLiteral(NETSTAGE_HTTP_TESTS_DIR "/node_http_server.js")});
        QVERIFY2(QTest::qWaitFor([this] { return node_.out.contains("listening "); }, 15000),
                 node_.report());
        port_ = quint16(node_.out.mid(node_.out.indexOf("listening ") + 10).trimmed().toUInt());
        QVERIFY(port_ > 0);
    }
    void cleanupTestCase() { node_.terminate(); }

    void statusHeadersBodyAndPhases()
    {
        QTemporaryDir tmp;
        const QString body = tmp.filePath(QStringLiteral("body"));
        Proc p;
        QVERIFY(p.run(kBin, {QStringLiteral("http"), QStringLiteral("get"),
                             QStringLiteral("http://127.0.0.1:%1/slow").arg(port_),
                             QStringLiteral("--events"), QStringLiteral("-"),
                             QStringLiteral("--output"), body}));
        QVERIFY2(p.exitedWith(0), p.report());
        QVERIFY2(p.err.contains("< HTTP/1.1 200 OK"), p.report());
        QVERIFY2(p.err.contains("< X-Node: slow"), p.report());
        QVERIFY(p.err.contains("waiting (TTFB)"));
        QFile f(body);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("first part\nsecond part\n"));

        const std::vector<Event> evs = testutil::parseLines(p.out);
        const auto resp = testutil::filter(evs, {QString(), QStringLiteral("response")});
        QCOMPARE(resp.size(), size_t(1));
        const Event& r = resp[0];
        const QString sock = r.socket;
        QVERIFY(sock.startsWith(QLatin1String("http-client-")));
        QCOMPARE(r.proto, QStringLiteral("http"));
        QCOMPARE(r.extra.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(headerOf(r, QStringLiteral("x-node")), QStringLiteral("slow"));
        QCOMPARE(headerOf(r, QStringLiteral("transfer-encoding")), QStringLiteral("chunked"));
        QCOMPARE(r.extra.value(QStringLiteral("body_bytes")).toInt(), 23);

        // The phases: in the order the events happened, non-negative, adding up to the total.
        const QJsonObject t = r.extra.value(QStringLiteral("timing")).toObject();
        qint64 sum = 0;
        for (const char* k :
             {"queued_us", "dns_us", "connect_us", "send_us", "wait_us", "download_us"}) {
            const qint64 v = t.value(QLatin1String(k)).toInteger(-1);
            QVERIFY2(v >= 0, k);
            sum += v;
        }
        QCOMPARE(sum, t.value(QStringLiteral("total_us")).toInteger());
        QCOMPARE(t.value(QStringLiteral("total_us")).toInteger(),
                 r.extra.value(QStringLiteral("duration_us")).toInteger());
        QVERIFY(t.value(QStringLiteral("connect_us")).toInteger() > 0);
        QVERIFY2(t.value(QStringLiteral("wait_us")).toInteger() >= 35000, "Node waits 40 ms");
        // The body's end comes 30 ms after its start; when the client saw the start depends
        // on when it was scheduled (a loaded machine reads both parts late, together), so
        // only the sum has a lower bound that always holds.
        QVERIFY(t.value(QStringLiteral("download_us")).toInteger() > 0);
        QVERIFY2(t.value(QStringLiteral("wait_us")).toInteger() +
                         t.value(QStringLiteral("download_us")).toInteger() >=
                     65000,
                 "Node waits 40 ms, then 30 ms more");

        const int iDns = testutil::indexOf(evs, {sock, QStringLiteral("dns")});
        const int iConnect = testutil::indexOf(evs, {sock, ev::Connect});
        const int iRequest = testutil::indexOf(evs, {sock, QStringLiteral("request")});
        const int iOut = testutil::indexOf(evs, {sock, ev::Data, ev::App, ev::Out});
        const int iIn = testutil::indexOf(evs, {sock, ev::Data, ev::App, ev::In});
        const int iResp = testutil::indexOf(evs, {sock, QStringLiteral("response")});
        const int iClose = testutil::indexOf(evs, {sock, ev::Close, ev::App});
        QVERIFY(iDns >= 0 && iDns < iConnect && iConnect < iRequest && iRequest < iOut &&
                iOut < iIn && iIn < iResp && iResp < iClose);
        for (int i : {iConnect, iRequest, iOut, iIn, iResp, iClose})
            QVERIFY(evs[size_t(i)].t_us >= evs[size_t(iDns)].t_us);
        QVERIFY(evs[size_t(iResp)].t_us - evs[size_t(iOut)].t_us >= 65000);
        const Event req = evs[size_t(iRequest)];
        QCOMPARE(req.extra.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(req.extra.value(QStringLiteral("target")).toString(), QStringLiteral("/slow"));
    }

    void resolvePostHeaderAndReuse()
    {
        QTemporaryDir tmp;
        const QString body = tmp.filePath(QStringLiteral("echo.json"));
        Proc p;
        QVERIFY(p.run(kBin, {QStringLiteral("http"), QStringLiteral("get"),
                             QStringLiteral("http://example.test:%1/").arg(port_),
                             QStringLiteral("http://example.test:%1/echo").arg(port_),
                             QStringLiteral("--output"), body, QStringLiteral("--resolve"),
                             QStringLiteral("example.test:127.0.0.1"), QStringLiteral("--data"),
                             QStringLiteral("hi there"), QStringLiteral("--header"),
                             QStringLiteral("User-Agent: student/1"), QStringLiteral("--events"),
                             QStringLiteral("-")}));
        QVERIFY2(p.exitedWith(0), p.report());
        const std::vector<Event> evs = testutil::parseLines(p.out);
        const auto resp = testutil::filter(evs, {QString(), QStringLiteral("response")});
        QCOMPARE(resp.size(), size_t(2));
        // Node saw our method, Host, User-Agent and body.
        QVERIFY2(p.err.contains("reused connection"), p.report());
        QCOMPARE(resp[0].socket, resp[1].socket); // kept alive and reused
        QVERIFY(resp[1].extra.value(QStringLiteral("reused")).toBool());
        const auto dns = testutil::filter(evs, {QString(), QStringLiteral("dns")});
        QCOMPARE(dns.size(), size_t(1));
        QCOMPARE(dns[0].extra.value(QStringLiteral("via")).toString(), QStringLiteral("--resolve"));
        QFile f(body);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject echo = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(echo.value(QStringLiteral("host")).toString(),
                 QStringLiteral("example.test:%1").arg(port_));
        QCOMPARE(echo.value(QStringLiteral("agent")).toString(), QStringLiteral("student/1"));
        QCOMPARE(echo.value(QStringLiteral("body")).toString(), QStringLiteral("hi there"));
    }

    void followsRedirect()
    {
        Proc p;
        QVERIFY(p.run(kBin, {QStringLiteral("http"), QStringLiteral("get"),
                             QStringLiteral("http://127.0.0.1:%1/redirect").arg(port_),
                             QStringLiteral("--follow"), QStringLiteral("--quiet")}));
        QVERIFY2(p.exitedWith(0), p.report());
        QVERIFY(p.err.contains("< HTTP/1.1 302 Found"));
        QVERIFY(p.err.contains("< HTTP/1.1 200 OK"));
        QVERIFY(p.err.indexOf("302") < p.err.indexOf("200 OK"));
    }

    void exitCodes()
    {
        Proc notFound;
        QVERIFY(notFound.run(kBin, {QStringLiteral("http"), QStringLiteral("get"),
                                    QStringLiteral("http://127.0.0.1:%1/nope").arg(port_),
                                    QStringLiteral("--quiet")}));
        QVERIFY2(notFound.exitedWith(0), notFound.report()); // an answer is an answer
        QVERIFY(notFound.err.contains("404 Not Found"));

        Proc garbage;
        QVERIFY(garbage.run(kBin, {QStringLiteral("http"), QStringLiteral("get"),
                                   QStringLiteral("http://127.0.0.1:%1/garbage").arg(port_),
                                   QStringLiteral("--quiet")}));
        QVERIFY2(garbage.exitedWith(1), garbage.report());
        QVERIFY(garbage.err.contains("HPE_"));

        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closed = probe.serverPort();
        probe.close();
        Proc refused;
        QVERIFY(refused.run(kBin, {QStringLiteral("http"), QStringLiteral("get"),
                                   QStringLiteral("http://127.0.0.1:%1/").arg(closed),
                                   QStringLiteral("--quiet")}));
        QVERIFY2(refused.exitedWith(1), refused.report());
        QVERIFY(refused.err.contains("ECONNREFUSED"));

        Proc usage;
        QVERIFY(usage.run(kBin, {QStringLiteral("http"), QStringLiteral("get")}));
        QVERIFY(usage.exitedWith(2));
        Proc badOpt;
        QVERIFY(badOpt.run(kBin, {QStringLiteral("http"), QStringLiteral("get"),
                                  QStringLiteral("http://x/"), QStringLiteral("--resolve"),
                                  QStringLiteral("nonsense")}));
        QVERIFY(badOpt.exitedWith(2));
        Proc help;
        QVERIFY(help.run(kBin, {QStringLiteral("http"), QStringLiteral("--help")}));
        QVERIFY(help.exitedWith(0));
        QVERIFY(help.out.contains("netstage http serve"));
    }
};

QTEST_GUILESS_MAIN(TstHttpNode)
#include "tst_http_node.moc"
