// The `netstage` binary against real Node.js peers (tests/peers): the tutorial's own server and a
// Node `net` client. What a student runs from the seed must interoperate with what NetStage runs.
#include "core/base/event.h"
#include "test_util.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using netstage::Event;
namespace ev = netstage::ev;

namespace {

constexpr int kStartMs = 15000;  // a process prints its first line
constexpr int kFinishMs = 30000; // a bounded command finishes

QString peer(const QString& script)
{
    return QDir(QStringLiteral(NETSTAGE_PEERS_DIR)).filePath(script);
}

QByteArray welcome()
{
    return QStringLiteral("欢迎光临《深入浅出Node.js》示例：\n").toUtf8();
}
QByteArray reply()
{
    return QStringLiteral("你好").toUtf8();
}

quint16 closedPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 p = s.serverPort();
    s.close();
    return p;
}

// A child process whose output is collected as it comes; killed if still running at the end.
class Proc
{
public:
    Proc()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        QObject::connect(&p, &QProcess::readyReadStandardOutput,
                         [this] { out += p.readAllStandardOutput(); });
        QObject::connect(&p, &QProcess::readyReadStandardError,
                         [this] { err += p.readAllStandardError(); });
    }
    ~Proc()
    {
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
        }
    }
    Proc(const Proc&) = delete;
    Proc& operator=(const Proc&) = delete;

    void start(const QString& program, const QStringList& args)
    {
        cmd = program + QLatin1Char(' ') + args.join(QLatin1Char(' '));
        p.start(program, args);
    }
    bool finish(int ms = kFinishMs)
    {
        const bool ok = p.waitForFinished(ms);
        out += p.readAllStandardOutput();
        err += p.readAllStandardError();
        return ok;
    }
    bool exitedWith(int code) const
    {
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == code;
    }
    QByteArray report() const
    {
        return QStringLiteral("$ %1\nexit status %2, code %3\n--- stdout\n%4--- stderr\n%5")
            .arg(cmd)
            .arg(int(p.exitStatus()))
            .arg(p.exitCode())
            .arg(QString::fromUtf8(out), QString::fromUtf8(err))
            .toUtf8();
    }

    QProcess p;
    QByteArray out, err;
    QString cmd;
};

// The port a peer printed as `listening PORT`, or 0.
quint16 listeningPort(const QByteArray& out)
{
    for (const QByteArray& line : out.split('\n'))
        if (line.startsWith("listening "))
            return quint16(line.mid(10).trimmed().toUInt());
    return 0;
}

// The port in the `listening` event of netstage's JSON Lines, or 0.
quint16 listeningPort(const std::vector<Event>& evs)
{
    const auto l = testutil::filter(evs, {QStringLiteral("tcp-server"), ev::Listening});
    if (l.empty())
        return 0;
    const QString local = l.front().local;
    return quint16(local.mid(local.lastIndexOf(QLatin1Char(':')) + 1).toUInt());
}

} // namespace

#define NEED_NODE()                                                                                \
    do {                                                                                           \
        if (node_.isEmpty())                                                                       \
            QSKIP("node is not installed: the Node.js peers cannot run");                          \
    } while (false)

class TstNodePeers : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void netstageConnectsToNodeSeedServer();
    void connectThenHalfCloseOrAbort_data();
    void connectThenHalfCloseOrAbort();
    void connectSendsHex();
    void nodeClientAgainstNetstageSeedServer();
    void serveOnPortNodeHolds();
    void connectToClosedPort();
    void badUsage_data();
    void badUsage();
    void serveForEndsByItself();
    void help();

private:
    QString node_;
    QString netstage_;
};

void TstNodePeers::initTestCase()
{
    netstage_ = QStringLiteral(NETSTAGE_BIN);
    QVERIFY2(QFileInfo(netstage_).isExecutable(), qPrintable(netstage_));
    // Without node only the tests that need a Node peer are skipped (NEED_NODE).
    node_ = QStandardPaths::findExecutable(QStringLiteral("node"));
    QVERIFY(QFileInfo::exists(peer(QStringLiteral("seed_server.js"))));
    QVERIFY(QFileInfo::exists(peer(QStringLiteral("net_client.js"))));
}

void TstNodePeers::netstageConnectsToNodeSeedServer()
{
    NEED_NODE();
    Proc server;
    server.start(node_, {peer(QStringLiteral("seed_server.js")), QStringLiteral("0")});
    QTRY_VERIFY2_WITH_TIMEOUT(listeningPort(server.out) != 0, server.report().constData(),
                              kStartMs);
    const quint16 port = listeningPort(server.out);
    QVERIFY(server.out.contains("server bound"));

    Proc ns;
    ns.start(netstage_, {QStringLiteral("tcp"), QStringLiteral("connect"),
                         QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--send"),
                         QStringLiteral("hello"), QStringLiteral("--events"), QStringLiteral("-")});
    QVERIFY2(ns.finish(), ns.report().constData());
    QVERIFY2(ns.exitedWith(0), ns.report().constData());

    // stdout holds JSON Lines only.
    QList<QByteArray> bad;
    const std::vector<Event> evs = testutil::parseLines(ns.out, &bad);
    QVERIFY2(bad.isEmpty(), ns.report().constData());
    QVERIFY2(!evs.empty(), ns.report().constData());

    const QString me = QStringLiteral("tcp-client-1");
    QVERIFY2(testutil::has(evs, {me, ev::Connect, ev::App}), ns.report().constData());
    const QByteArray in = testutil::joined(evs, me, ev::In);
    QVERIFY2(in.startsWith(welcome()), ns.report().constData()); // intact, first
    QVERIFY2(in.contains(reply()), ns.report().constData());
    for (const Event& e : testutil::filter(evs, {me, ev::Data, ev::App, ev::In}))
        QVERIFY2(!e.payloadIsBinary(), ns.report().constData()); // no character cut in two
    QCOMPARE(testutil::joined(evs, me, ev::Out), QByteArray("hello"));
    QVERIFY2(testutil::indexOf(evs, {me, ev::Close, ev::App}) >
                 testutil::indexOf(evs, {me, ev::Connect, ev::App}),
             ns.report().constData());
    // (Only app errors: without capture permission the wire source reports EPERM, rightly.)
    QVERIFY2(testutil::filter(evs, {{}, ev::Error, ev::App}).empty(), ns.report().constData());

    // The tutorial's server saw the end of the connection.
    QTRY_VERIFY2_WITH_TIMEOUT(server.out.contains(QStringLiteral("连接断开").toUtf8()),
                              server.report().constData(), kStartMs);
    QVERIFY2(!server.out.contains("error "), server.report().constData());
}

void TstNodePeers::connectThenHalfCloseOrAbort_data()
{
    QTest::addColumn<QString>("then");
    QTest::newRow("half-close") << "half-close";
    QTest::newRow("abort") << "abort";
}

void TstNodePeers::connectThenHalfCloseOrAbort()
{
    NEED_NODE();
    QFETCH(QString, then);
    Proc server;
    server.start(node_, {peer(QStringLiteral("seed_server.js")), QStringLiteral("0")});
    QTRY_VERIFY2_WITH_TIMEOUT(listeningPort(server.out) != 0, server.report().constData(),
                              kStartMs);
    const quint16 port = listeningPort(server.out);

    Proc ns;
    ns.start(netstage_,
             {QStringLiteral("tcp"), QStringLiteral("connect"),
              QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--send"),
              QStringLiteral("hello"), QStringLiteral("--wait"), QStringLiteral("200"),
              QStringLiteral("--then"), then, QStringLiteral("--events"), QStringLiteral("-")});
    QVERIFY2(ns.finish(), ns.report().constData());
    QVERIFY2(ns.exitedWith(0), ns.report().constData());
    QList<QByteArray> bad;
    const std::vector<Event> evs = testutil::parseLines(ns.out, &bad);
    QVERIFY2(bad.isEmpty(), ns.report().constData());
    const QString me = QStringLiteral("tcp-client-1");
    QVERIFY2(testutil::joined(evs, me, ev::In).contains(reply()), ns.report().constData());
    QVERIFY2(testutil::has(evs, {me, ev::Close, ev::App}), ns.report().constData());

    if (then == QLatin1String("half-close")) {
        // Our FIN: Node logs the end and (allowHalfOpen false) ends too; we read its FIN.
        QTRY_VERIFY2_WITH_TIMEOUT(server.out.contains(QStringLiteral("连接断开").toUtf8()),
                                  server.report().constData(), kStartMs);
        const int iEnd = testutil::indexOf(evs, {me, ev::End, ev::App});
        QVERIFY2(iEnd >= 0 && iEnd < testutil::indexOf(evs, {me, ev::Close, ev::App}),
                 ns.report().constData());
        QVERIFY2(!server.out.contains("ECONNRESET"), server.report().constData());
    } else {
        // RST: Node's socket errors with ECONNRESET and never sees an end.
        QTRY_VERIFY2_WITH_TIMEOUT(server.out.contains("error ECONNRESET"),
                                  server.report().constData(), kStartMs);
        QVERIFY2(!server.out.contains(QStringLiteral("连接断开").toUtf8()),
                 server.report().constData());
        QVERIFY2(!testutil::has(evs, {me, ev::End, ev::App}), ns.report().constData());
    }
}

void TstNodePeers::connectSendsHex()
{
    NEED_NODE();
    Proc server;
    server.start(node_, {peer(QStringLiteral("seed_server.js")), QStringLiteral("0")});
    QTRY_VERIFY2_WITH_TIMEOUT(listeningPort(server.out) != 0, server.report().constData(),
                              kStartMs);
    const quint16 port = listeningPort(server.out);

    Proc ns;
    ns.start(netstage_,
             {QStringLiteral("tcp"), QStringLiteral("connect"),
              QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--hex"),
              QStringLiteral("--send"), QStringLiteral("68 65 6c 6c 6f"), QStringLiteral("--wait"),
              QStringLiteral("200"), QStringLiteral("--events"), QStringLiteral("-")});
    QVERIFY2(ns.finish(), ns.report().constData());
    QVERIFY2(ns.exitedWith(0), ns.report().constData());
    const std::vector<Event> evs = testutil::parseLines(ns.out);
    const auto out =
        testutil::filter(evs, {QStringLiteral("tcp-client-1"), ev::Data, ev::App, ev::Out});
    QVERIFY2(out.size() == 1, ns.report().constData());
    QCOMPARE(out.front().payload, QByteArray("hello"));
    QCOMPARE(out.front().bytes, qint64(5));
    QVERIFY2(testutil::joined(evs, QStringLiteral("tcp-client-1"), ev::In).contains(reply()),
             ns.report().constData());
}

void TstNodePeers::nodeClientAgainstNetstageSeedServer()
{
    NEED_NODE();
    Proc ns;
    ns.start(netstage_, {QStringLiteral("tcp"), QStringLiteral("serve"), QStringLiteral("--port"),
                         QStringLiteral("0"), QStringLiteral("--preset"), QStringLiteral("seed"),
                         QStringLiteral("--events"), QStringLiteral("-"), QStringLiteral("--for"),
                         QStringLiteral("30")});
    QTRY_VERIFY2_WITH_TIMEOUT(listeningPort(testutil::parseLines(ns.out)) != 0,
                              ns.report().constData(), kStartMs);
    const quint16 port = listeningPort(testutil::parseLines(ns.out));

    Proc client;
    client.start(node_, {peer(QStringLiteral("net_client.js")), QStringLiteral("127.0.0.1"),
                         QString::number(port), QStringLiteral("hello from node")});
    QVERIFY2(client.finish(), client.report().constData());
    QVERIFY2(client.exitedWith(0), client.report().constData());

    // What Node received.
    QJsonObject summary;
    QStringList nodeEvents;
    for (const QByteArray& line : client.out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        nodeEvents << o.value(QStringLiteral("event")).toString();
        if (o.value(QStringLiteral("event")).toString() == QStringLiteral("summary"))
            summary = o;
    }
    QVERIFY2(!summary.isEmpty(), client.report().constData());
    const QString received = summary.value(QStringLiteral("received")).toString();
    QVERIFY2(received.startsWith(QString::fromUtf8(welcome())), client.report().constData());
    QVERIFY2(received.contains(QString::fromUtf8(reply())), client.report().constData());
    QVERIFY2(nodeEvents.contains(QStringLiteral("end")), client.report().constData());
    QVERIFY2(!nodeEvents.contains(QStringLiteral("error")), client.report().constData());

    // What netstage saw, in order, on the accepted connection.
    const QString c1 = QStringLiteral("tcp-conn-1");
    QTRY_VERIFY2_WITH_TIMEOUT(testutil::has(testutil::parseLines(ns.out), {c1, ev::Close, ev::App}),
                              ns.report().constData(), kStartMs);
    QList<QByteArray> bad;
    const std::vector<Event> evs = testutil::parseLines(ns.out, &bad);
    QVERIFY2(bad.isEmpty(), ns.report().constData());
    const int iConnection = testutil::indexOf(evs, {c1, ev::Connection, ev::App});
    const int iIn = testutil::indexOf(evs, {c1, ev::Data, ev::App, ev::In});
    const int iEnd = testutil::indexOf(evs, {c1, ev::End, ev::App});
    const int iClose = testutil::indexOf(evs, {c1, ev::Close, ev::App});
    QVERIFY2(iConnection >= 0 && iIn > iConnection && iEnd > iIn && iClose > iEnd,
             ns.report().constData());
    QCOMPARE(testutil::joined(evs, c1, ev::In), QByteArray("hello from node"));
    QCOMPARE(testutil::joined(evs, c1, ev::Out), welcome() + reply());
    QVERIFY2(testutil::filter(evs, {{}, ev::Error, ev::App}).empty(), ns.report().constData());

    // SIGTERM: a clean stop, exit 0.
    QVERIFY(ns.p.state() == QProcess::Running);
    ns.p.terminate();
    QVERIFY2(ns.finish(), ns.report().constData());
    QVERIFY2(ns.exitedWith(0), ns.report().constData());
    bad.clear();
    testutil::parseLines(ns.out, &bad);
    QVERIFY2(bad.isEmpty(), ns.report().constData());
}

void TstNodePeers::serveOnPortNodeHolds()
{
    NEED_NODE();
    Proc server;
    server.start(node_, {peer(QStringLiteral("seed_server.js")), QStringLiteral("0")});
    QTRY_VERIFY2_WITH_TIMEOUT(listeningPort(server.out) != 0, server.report().constData(),
                              kStartMs);
    const quint16 port = listeningPort(server.out);

    Proc ns;
    ns.start(netstage_, {QStringLiteral("tcp"), QStringLiteral("serve"), QStringLiteral("--port"),
                         QString::number(port), QStringLiteral("--events"), QStringLiteral("-")});
    QVERIFY2(ns.finish(), ns.report().constData());
    QVERIFY2(ns.exitedWith(1), ns.report().constData());
    QVERIFY2(ns.err.contains("EADDRINUSE"), ns.report().constData());
    QList<QByteArray> bad;
    const std::vector<Event> evs = testutil::parseLines(ns.out, &bad);
    QVERIFY2(bad.isEmpty(), ns.report().constData());
    QVERIFY2(
        testutil::has(
            evs,
            {QStringLiteral("tcp-server"), ev::Error, ev::App, {}, QStringLiteral("EADDRINUSE")}),
        ns.report().constData());
}

void TstNodePeers::connectToClosedPort()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    Proc ns;
    ns.start(netstage_, {QStringLiteral("tcp"), QStringLiteral("connect"),
                         QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--events"),
                         QStringLiteral("-")});
    QVERIFY2(ns.finish(), ns.report().constData());
    QVERIFY2(ns.exitedWith(1), ns.report().constData());
    QVERIFY2(!ns.err.trimmed().isEmpty(), ns.report().constData());
    QList<QByteArray> bad;
    const std::vector<Event> evs = testutil::parseLines(ns.out, &bad);
    QVERIFY2(bad.isEmpty(), ns.report().constData());
    QVERIFY2(testutil::has(evs, {QStringLiteral("tcp-client-1"),
                                 ev::Error,
                                 ev::App,
                                 {},
                                 QStringLiteral("ECONNREFUSED")}),
             ns.report().constData());
}

void TstNodePeers::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("connect without HOST:PORT") << QStringList{"tcp", "connect"};
    QTest::newRow("bad port") << QStringList{"tcp", "serve", "--port", "99999"};
    QTest::newRow("unknown verb") << QStringList{"tcp", "juggle"};
    QTest::newRow("bad preset") << QStringList{"tcp", "serve", "--preset", "loud"};
    QTest::newRow("bad then") << QStringList{"tcp", "connect", "127.0.0.1:9", "--then", "explode"};
}

void TstNodePeers::badUsage()
{
    QFETCH(QStringList, args);
    Proc ns;
    ns.start(netstage_, args);
    QVERIFY2(ns.finish(), ns.report().constData());
    QVERIFY2(ns.exitedWith(2), ns.report().constData());
    QVERIFY2(!ns.err.trimmed().isEmpty(), ns.report().constData());
    QVERIFY2(testutil::parseLines(ns.out).empty(), ns.report().constData()); // nothing ran
}

void TstNodePeers::serveForEndsByItself()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("events.jsonl"));
    Proc ns;
    ns.start(netstage_, {QStringLiteral("tcp"), QStringLiteral("serve"), QStringLiteral("--port"),
                         QStringLiteral("0"), QStringLiteral("--for"), QStringLiteral("0.5"),
                         QStringLiteral("--events"), file});
    QVERIFY2(ns.finish(), ns.report().constData());
    QVERIFY2(ns.exitedWith(0), ns.report().constData());
    QFile f(file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
    QList<QByteArray> bad;
    const std::vector<Event> evs = testutil::parseLines(f.readAll(), &bad);
    QVERIFY(bad.isEmpty());
    QVERIFY2(listeningPort(evs) != 0, testutil::dump(evs).constData());
}

void TstNodePeers::help()
{
    Proc ns;
    ns.start(netstage_, {QStringLiteral("--help")});
    QVERIFY2(ns.finish(), ns.report().constData());
    QVERIFY2(ns.exitedWith(0), ns.report().constData());
    QVERIFY2((ns.out + ns.err).contains("tcp"), ns.report().constData());
}

QTEST_GUILESS_MAIN(TstNodePeers)
#include "tst_node_peers.moc"
