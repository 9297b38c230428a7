// The `netstage udp` and `netstage ws` commands against real peers: the tutorial's Node dgram
// server and a Node dgram client, and the npm `ws` package (pinned in tests/peers) as client and
// as server. What a student writes in Node must interoperate with what NetStage runs.
#include "core/base/event.h"
#include "core/ws/ws_handshake.h"
#include "test_util.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUdpSocket>

using netstage::Event;
namespace ev = netstage::ev;

namespace {

constexpr int kStartMs = 15000;
constexpr int kFinishMs = 60000;
const QString kMessage = QStringLiteral("message");

QString peer(const QString& script)
{
    return QDir(QStringLiteral(NETSTAGE_PEERS_DIR)).filePath(script);
}

quint16 freeUdpPort()
{
    QUdpSocket s;
    s.bind(QHostAddress::LocalHost, 0);
    return s.localPort();
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
        env.insert(QStringLiteral("NODE_PATH"), peer(QStringLiteral("node_modules")));
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
        p.setWorkingDirectory(QStringLiteral(NETSTAGE_PEERS_DIR));
        p.start(program, args);
    }
    bool finish(int ms = kFinishMs)
    {
        const bool ok = p.waitForFinished(ms);
        out += p.readAllStandardOutput();
        err += p.readAllStandardError();
        return ok;
    }
    // SIGTERM, then wait: what an orderly stop looks like.
    bool stop()
    {
        p.terminate();
        return finish(10000);
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

// `listening PORT` printed by a Node peer, or 0.
quint16 printedPort(const QByteArray& out)
{
    for (const QByteArray& line : out.split('\n')) {
        if (line.startsWith("listening "))
            return quint16(line.mid(10).trimmed().toUInt());
    }
    return 0;
}

// JSON objects printed one per line by a Node peer.
QList<QJsonObject> jsonLines(const QByteArray& out)
{
    QList<QJsonObject> lines;
    for (const QByteArray& line : out.split('\n')) {
        const QJsonDocument d = QJsonDocument::fromJson(line);
        if (d.isObject())
            lines << d.object();
    }
    return lines;
}

QList<QJsonObject> withEvent(const QList<QJsonObject>& lines, const QString& event)
{
    QList<QJsonObject> out;
    for (const QJsonObject& o : lines) {
        if (o.value(QStringLiteral("event")).toString() == event)
            out << o;
    }
    return out;
}

// The port of a netstage server's `listening` event, from its JSON Lines.
quint16 netstagePort(const QByteArray& out, const QString& socket)
{
    const auto l = testutil::filter(testutil::parseLines(out), {socket, ev::Listening});
    if (l.empty())
        return 0;
    return quint16(l.front().local.mid(l.front().local.lastIndexOf(QLatin1Char(':')) + 1).toUInt());
}

} // namespace

#define NEED_NODE()                                                                                \
    do {                                                                                           \
        if (node_.isEmpty())                                                                       \
            QSKIP("node is not installed: the Node.js peers cannot run");                          \
    } while (false)

#define NEED_WS()                                                                                  \
    do {                                                                                           \
        NEED_NODE();                                                                               \
        if (!QFileInfo::exists(peer(QStringLiteral("node_modules/ws/package.json"))))              \
            QSKIP("tests/peers/node_modules is missing: run `npm ci` in tests/peers");             \
    } while (false)

class TstUdpWsPeers : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void help();
    void badUsage_data();
    void badUsage();
    void nodeSeedServerReceivesFromUdpSend();
    void nodeClientAgainstUdpServe();
    void echoAnswersNodeClient();
    void emsgsizeIsAnErrorWithClearText();
    void usedPortIsAnErrorWithClearText();
    void connectedSendHearsPortUnreachable();
    void relayLossOverThousandDatagrams();
    void wsClientAgainstWsServe();
    void wsServeAcceptEqualsWhatWsReceived();
    void wsServeBadInputKeepsServing();
    void wsConnectAgainstWsServer();
    void wsConnectOverTheLimitFails();
    void wsConnectRefused();

private:
    Proc* serveUdp(const QStringList& extra);
    Proc* serveWs(const QStringList& extra);
    QString node_;
    QString netstage_;
    std::vector<std::unique_ptr<Proc>> procs_;
};

void TstUdpWsPeers::initTestCase()
{
    netstage_ = QStringLiteral(NETSTAGE_BIN);
    QVERIFY2(QFileInfo(netstage_).isExecutable(), qPrintable(netstage_));
    node_ = QStandardPaths::findExecutable(QStringLiteral("node"));
    for (const char* s :
         {"udp_seed_server.js", "udp_client.js", "ws_client.js", "ws_echo_server.js"})
        QVERIFY2(QFileInfo::exists(peer(QLatin1String(s))), s);
}

Proc* TstUdpWsPeers::serveUdp(const QStringList& extra)
{
    procs_.push_back(std::make_unique<Proc>());
    Proc* p = procs_.back().get();
    p->start(netstage_,
             QStringList{QStringLiteral("udp"), QStringLiteral("serve"), QStringLiteral("--port"),
                         QStringLiteral("0"), QStringLiteral("--events"), QStringLiteral("-")} +
                 extra);
    return p;
}

Proc* TstUdpWsPeers::serveWs(const QStringList& extra)
{
    procs_.push_back(std::make_unique<Proc>());
    Proc* p = procs_.back().get();
    p->start(netstage_,
             QStringList{QStringLiteral("ws"), QStringLiteral("serve"), QStringLiteral("--port"),
                         QStringLiteral("0"), QStringLiteral("--events"), QStringLiteral("-")} +
                 extra);
    return p;
}

void TstUdpWsPeers::help()
{
    for (const QString& lab : {QStringLiteral("udp"), QStringLiteral("ws")}) {
        Proc p;
        p.start(netstage_, {lab, QStringLiteral("--help")});
        QVERIFY(p.finish());
        QVERIFY2(p.exitedWith(0), p.report().constData());
        QVERIFY(p.out.contains("Usage:"));
        QVERIFY(p.out.contains(lab == QLatin1String("udp") ? "udp send" : "ws connect"));
    }
    Proc all;
    all.start(netstage_, {QStringLiteral("--help")});
    QVERIFY(all.finish());
    QVERIFY(all.out.contains("  udp ") && all.out.contains("  ws "));
}

void TstUdpWsPeers::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("udp no verb") << QStringList{"udp"};
    QTest::newRow("udp bad verb") << QStringList{"udp", "shout"};
    QTest::newRow("udp send no text") << QStringList{"udp", "send", "127.0.0.1:41234"};
    QTest::newRow("udp send bad target") << QStringList{"udp", "send", "nowhere", "x"};
    QTest::newRow("udp send bad loss")
        << QStringList{"udp", "send", "127.0.0.1:1", "x", "--loss", "2"};
    QTest::newRow("udp send bad hex") << QStringList{"udp", "send", "127.0.0.1:1", "zz", "--hex"};
    QTest::newRow("udp serve bad preset") << QStringList{"udp", "serve", "--preset", "loud"};
    QTest::newRow("udp serve send option") << QStringList{"udp", "serve", "--count", "3"};
    QTest::newRow("ws no verb") << QStringList{"ws"};
    QTest::newRow("ws connect no url") << QStringList{"ws", "connect"};
    QTest::newRow("ws connect http url") << QStringList{"ws", "connect", "http://x/"};
    QTest::newRow("ws connect bad close")
        << QStringList{"ws", "connect", "ws://x/", "--close", "1006"};
    QTest::newRow("ws serve bad preset") << QStringList{"ws", "serve", "--preset", "loud"};
}

void TstUdpWsPeers::badUsage()
{
    QFETCH(QStringList, args);
    Proc p;
    p.start(netstage_, args);
    QVERIFY(p.finish());
    QVERIFY2(p.exitedWith(2), p.report().constData());
    QVERIFY2(p.err.startsWith("netstage: "), p.report().constData());
    QVERIFY(p.out.isEmpty());
}

void TstUdpWsPeers::nodeSeedServerReceivesFromUdpSend()
{
    NEED_NODE();
    Proc server;
    server.start(node_, {peer(QStringLiteral("udp_seed_server.js")), QStringLiteral("0")});
    QTRY_VERIFY2_WITH_TIMEOUT(printedPort(server.out) != 0, server.report().constData(), kStartMs);
    const quint16 port = printedPort(server.out);

    Proc ns;
    ns.start(netstage_, {QStringLiteral("udp"), QStringLiteral("send"),
                         QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("hello 你好"),
                         QStringLiteral("--wait"), QStringLiteral("100"),
                         QStringLiteral("--events"), QStringLiteral("-")});
    QVERIFY2(ns.finish(), ns.report().constData());
    QVERIFY2(ns.exitedWith(0), ns.report().constData());
    QList<QByteArray> bad;
    const std::vector<Event> evs = testutil::parseLines(ns.out, &bad);
    QVERIFY2(bad.isEmpty(), ns.report().constData()); // stdout: JSON Lines only
    const auto bound = testutil::filter(evs, {QStringLiteral("udp-client-1"), ev::Listening});
    QCOMPARE(bound.size(), std::size_t(1));
    QVERIFY(ns.err.contains("1 datagram sent")); // people-readable lines on stderr
    // The tutorial's own line, with the sender's real address and port.
    const QByteArray line = "server got:hello 你好from " + bound[0].local.toUtf8();
    QTRY_VERIFY2_WITH_TIMEOUT(server.out.contains(line), server.report().constData(), 5000);
    QVERIFY(server.stop());
    QVERIFY(server.out.contains("close"));
}

void TstUdpWsPeers::nodeClientAgainstUdpServe()
{
    NEED_NODE();
    Proc* ns = serveUdp({QStringLiteral("--for"), QStringLiteral("30")});
    QTRY_VERIFY2_WITH_TIMEOUT(netstagePort(ns->out, QStringLiteral("udp-server")) != 0,
                              ns->report().constData(), kStartMs);
    const quint16 port = netstagePort(ns->out, QStringLiteral("udp-server"));
    Proc client;
    client.start(node_, {peer(QStringLiteral("udp_client.js")), QStringLiteral("127.0.0.1"),
                         QString::number(port), QStringLiteral("--wait"), QStringLiteral("100"),
                         QStringLiteral("one"), QStringLiteral("two")});
    QVERIFY2(client.finish(), client.report().constData());
    QVERIFY2(client.exitedWith(0), client.report().constData());
    const auto bound = withEvent(jsonLines(client.out), QStringLiteral("listening"));
    QCOMPARE(bound.size(), 1);
    const int clientPort = bound[0].value(QStringLiteral("port")).toInt();
    QTRY_COMPARE_WITH_TIMEOUT(
        testutil::filter(testutil::parseLines(ns->out),
                         {QStringLiteral("udp-server"), kMessage, ev::App, ev::In})
            .size(),
        std::size_t(2), 5000);
    QVERIFY(ns->stop());
    QVERIFY2(ns->exitedWith(0), ns->report().constData());
    const auto got = testutil::filter(testutil::parseLines(ns->out),
                                      {QStringLiteral("udp-server"), kMessage, ev::App, ev::In});
    QCOMPARE(got[0].remote, QStringLiteral("127.0.0.1:%1").arg(clientPort)); // its real port
    QCOMPARE(got[0].payload, QByteArray("one"));
    QCOMPARE(got[1].payload, QByteArray("two"));
    QCOMPARE(got[0].detail, QStringLiteral("server got: one from 127.0.0.1:%1").arg(clientPort));
    // The seed server answers nothing, and closes cleanly on SIGTERM.
    QCOMPARE(withEvent(jsonLines(client.out), kMessage).size(), 0);
    QVERIFY(
        testutil::has(testutil::parseLines(ns->out), {QStringLiteral("udp-server"), ev::Close}));
}

void TstUdpWsPeers::echoAnswersNodeClient()
{
    NEED_NODE();
    Proc* ns = serveUdp({QStringLiteral("--preset"), QStringLiteral("echo"),
                         QStringLiteral("--for"), QStringLiteral("30")});
    QTRY_VERIFY2_WITH_TIMEOUT(netstagePort(ns->out, QStringLiteral("udp-server")) != 0,
                              ns->report().constData(), kStartMs);
    const quint16 port = netstagePort(ns->out, QStringLiteral("udp-server"));
    Proc client;
    client.start(node_, {peer(QStringLiteral("udp_client.js")), QStringLiteral("127.0.0.1"),
                         QString::number(port), QStringLiteral("--wait"), QStringLiteral("300"),
                         QStringLiteral("echo me")});
    QVERIFY2(client.finish(), client.report().constData());
    const auto answers = withEvent(jsonLines(client.out), kMessage);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers[0].value(QStringLiteral("text")).toString(), QStringLiteral("echo me"));
    QCOMPARE(answers[0].value(QStringLiteral("from")).toString(),
             QStringLiteral("127.0.0.1:%1").arg(port));
}

void TstUdpWsPeers::emsgsizeIsAnErrorWithClearText()
{
    const quint16 port = freeUdpPort();
    Proc ns;
    ns.start(netstage_, {QStringLiteral("udp"), QStringLiteral("send"),
                         QStringLiteral("127.0.0.1:%1").arg(port), QString(65508, QLatin1Char('x')),
                         QStringLiteral("--wait"), QStringLiteral("0"), QStringLiteral("--events"),
                         QStringLiteral("-")});
    QVERIFY(ns.finish());
    QVERIFY2(ns.exitedWith(1), ns.report().constData());
    QVERIFY2(ns.err.contains("EMSGSIZE") && ns.err.contains("65,507"), ns.report().constData());
    const auto err =
        testutil::filter(testutil::parseLines(ns.out), {QStringLiteral("udp-client-1"), ev::Error});
    QCOMPARE(err.size(), std::size_t(1));
    QCOMPARE(err[0].code, QStringLiteral("EMSGSIZE"));
    // One byte less is one datagram, and fine.
    Proc ok;
    ok.start(netstage_, {QStringLiteral("udp"), QStringLiteral("send"),
                         QStringLiteral("127.0.0.1:%1").arg(port), QString(65507, QLatin1Char('x')),
                         QStringLiteral("--wait"), QStringLiteral("0"), QStringLiteral("--quiet")});
    QVERIFY(ok.finish());
    QVERIFY2(ok.exitedWith(0), ok.report().constData());
}

void TstUdpWsPeers::usedPortIsAnErrorWithClearText()
{
    NEED_NODE();
    Proc server;
    server.start(node_, {peer(QStringLiteral("udp_seed_server.js")), QStringLiteral("0")});
    QTRY_VERIFY2_WITH_TIMEOUT(printedPort(server.out) != 0, server.report().constData(), kStartMs);
    const quint16 port = printedPort(server.out);
    Proc ns;
    ns.start(netstage_, {QStringLiteral("udp"), QStringLiteral("serve"), QStringLiteral("--port"),
                         QString::number(port), QStringLiteral("--events"), QStringLiteral("-")});
    QVERIFY(ns.finish());
    QVERIFY2(ns.exitedWith(1), ns.report().constData());
    QVERIFY2(ns.err.contains(
                 QStringLiteral("port %1 is already in use (EADDRINUSE)").arg(port).toUtf8()),
             ns.report().constData());
    QVERIFY(testutil::has(
        testutil::parseLines(ns.out),
        {QStringLiteral("udp-server"), ev::Error, ev::App, {}, QStringLiteral("EADDRINUSE")}));
}

void TstUdpWsPeers::connectedSendHearsPortUnreachable()
{
    const quint16 port = freeUdpPort();
    Proc ns;
    ns.start(netstage_,
             {QStringLiteral("udp"), QStringLiteral("send"),
              QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("anyone?"),
              QStringLiteral("--connect"), QStringLiteral("--events"), QStringLiteral("-")});
    QVERIFY(ns.finish());
    QVERIFY2(ns.exitedWith(1), ns.report().constData());
    const auto err =
        testutil::filter(testutil::parseLines(ns.out), {QStringLiteral("udp-client-1"), ev::Error});
    QCOMPARE(err.size(), std::size_t(1));
    QCOMPARE(err[0].code, QStringLiteral("ECONNREFUSED"));
    QVERIFY(err[0].detail.contains(QStringLiteral("ICMP")));
    // Unconnected, the same datagram vanishes without a word: exit 0.
    Proc quiet;
    quiet.start(netstage_, {QStringLiteral("udp"), QStringLiteral("send"),
                            QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("anyone?"),
                            QStringLiteral("--quiet")});
    QVERIFY(quiet.finish());
    QVERIFY2(quiet.exitedWith(0), quiet.report().constData());
}

void TstUdpWsPeers::relayLossOverThousandDatagrams()
{
    NEED_NODE();
    Proc server;
    server.start(node_, {peer(QStringLiteral("udp_seed_server.js")), QStringLiteral("0")});
    QTRY_VERIFY2_WITH_TIMEOUT(printedPort(server.out) != 0, server.report().constData(), kStartMs);
    const quint16 port = printedPort(server.out);
    const int n = 1000;
    const double loss = 0.2;
    Proc ns;
    // 1 ms apart: the Node server keeps up, so every loss is the relay's.
    ns.start(netstage_, {QStringLiteral("udp"), QStringLiteral("send"),
                         QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("d{n}."),
                         QStringLiteral("--count"), QString::number(n),
                         QStringLiteral("--interval"), QStringLiteral("1"),
                         QStringLiteral("--loss"), QStringLiteral("20%"), QStringLiteral("--wait"),
                         QStringLiteral("300"), QStringLiteral("--events"), QStringLiteral("-")});
    QVERIFY2(ns.finish(), ns.report().constData());
    QVERIFY2(ns.exitedWith(0), ns.report().constData());
    const std::vector<Event> evs = testutil::parseLines(ns.out);
    int drops = 0, decisions = 0;
    for (const Event& e :
         testutil::filter(evs, {QStringLiteral("udp-relay"), QStringLiteral("relay")})) {
        ++decisions;
        drops += e.extra.value(QStringLiteral("action")).toString() == QLatin1String("drop");
    }
    QCOMPARE(decisions, n);
    QCOMPARE(
        testutil::filter(evs, {QStringLiteral("udp-client-1"), kMessage, ev::App, ev::Out}).size(),
        std::size_t(n));
    // What the tutorial's server printed: one line per datagram that arrived.
    QTRY_COMPARE_WITH_TIMEOUT(int(server.out.count("server got:")), n - drops, 5000);
    // Binomial(1000, 0.2): standard deviation 12.6; 5 of them is a sane bound.
    const double rate = double(drops) / n;
    QVERIFY2(std::abs(rate - loss) < 0.064, qPrintable(QString::number(rate)));
    // A lost datagram is really missing: its number never reached the server.
    for (const Event& e :
         testutil::filter(evs, {QStringLiteral("udp-relay"), QStringLiteral("relay")})) {
        const QByteArray tag = "server got:" + e.payload + "from ";
        const bool dropped = e.extra.value(QStringLiteral("action")).toString() == "drop";
        QCOMPARE(server.out.contains(tag), !dropped);
    }
    QVERIFY(ns.err.contains(
        QStringLiteral("relay: %1 datagrams in, %2 dropped").arg(n).arg(drops).toUtf8()));
}

void TstUdpWsPeers::wsClientAgainstWsServe()
{
    NEED_WS();
    Proc* ns = serveWs({QStringLiteral("--for"), QStringLiteral("30")});
    QTRY_VERIFY2_WITH_TIMEOUT(netstagePort(ns->out, QStringLiteral("ws-server")) != 0,
                              ns->report().constData(), kStartMs);
    const quint16 port = netstagePort(ns->out, QStringLiteral("ws-server"));
    const QString text = QStringLiteral("héllo 世界 ✓");
    Proc client;
    client.start(node_, {peer(QStringLiteral("ws_client.js")),
                         QStringLiteral("ws://127.0.0.1:%1/lab").arg(port),
                         QStringLiteral("--ping"), text});
    QVERIFY2(client.finish(), client.report().constData());
    QVERIFY2(client.exitedWith(0), client.report().constData());
    const auto lines = jsonLines(client.out);
    // The echo, intact; the ping answered by a pong with its bytes; close 1000.
    const auto msgs = withEvent(lines, kMessage);
    QCOMPARE(msgs.size(), 1);
    QCOMPARE(msgs[0].value(QStringLiteral("text")).toString(), text);
    const auto pongs = withEvent(lines, QStringLiteral("pong"));
    QCOMPARE(pongs.size(), 1);
    QCOMPARE(pongs[0].value(QStringLiteral("text")).toString(), QStringLiteral("are you there"));
    QCOMPARE(withEvent(lines, QStringLiteral("close"))[0].value(QStringLiteral("code")).toInt(),
             1000);

    const QString s = QStringLiteral("ws-conn-1");
    QTRY_VERIFY2_WITH_TIMEOUT(testutil::has(testutil::parseLines(ns->out), {s, ev::Close}),
                              ns->report().constData(), 5000);
    const std::vector<Event> evs = testutil::parseLines(ns->out);
    auto frame = [&](const QString& dir, const QString& op) -> std::optional<Event> {
        for (const Event& e : testutil::filter(evs, {s, QStringLiteral("frame"), ev::App, dir}))
            if (e.extra.value(QStringLiteral("opcode")).toString() == op)
                return e;
        return std::nullopt;
    };
    QVERIFY(frame(ev::In, QStringLiteral("text")));
    QCOMPARE(frame(ev::In, QStringLiteral("text"))->text(), text);
    QVERIFY(frame(ev::In, QStringLiteral("text"))->extra.value(QStringLiteral("masked")).toBool());
    QVERIFY(frame(ev::Out, QStringLiteral("text")));
    QVERIFY(frame(ev::In, QStringLiteral("ping")));
    QVERIFY(frame(ev::Out, QStringLiteral("pong")));
    QCOMPARE(
        frame(ev::In, QStringLiteral("close"))->extra.value(QStringLiteral("close_code")).toInt(),
        1000);
    const auto closeEv = testutil::filter(evs, {s, ev::Close});
    QCOMPARE(closeEv.front().extra.value(QStringLiteral("close_code")).toInt(), 1000);
    QVERIFY(ns->stop());
    QVERIFY2(ns->exitedWith(0), ns->report().constData());
}

void TstUdpWsPeers::wsServeAcceptEqualsWhatWsReceived()
{
    NEED_WS();
    Proc* ns = serveWs({QStringLiteral("--for"), QStringLiteral("30")});
    QTRY_VERIFY2_WITH_TIMEOUT(netstagePort(ns->out, QStringLiteral("ws-server")) != 0,
                              ns->report().constData(), kStartMs);
    const quint16 port = netstagePort(ns->out, QStringLiteral("ws-server"));
    Proc client;
    client.start(node_, {peer(QStringLiteral("ws_client.js")),
                         QStringLiteral("ws://127.0.0.1:%1/").arg(port)});
    QVERIFY2(client.finish(), client.report().constData());
    const auto up = withEvent(jsonLines(client.out), QStringLiteral("upgrade"));
    QCOMPARE(up.size(), 1);
    const QString key = up[0].value(QStringLiteral("key")).toString();
    const QString accept = up[0].value(QStringLiteral("accept")).toString();
    QVERIFY(!key.isEmpty() && !accept.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(testutil::parseLines(ns->out),
                      {QStringLiteral("ws-conn-1"), QStringLiteral("handshake"), ev::App, ev::Out}),
        5000);
    const auto h = testutil::filter(
                       testutil::parseLines(ns->out),
                       {QStringLiteral("ws-conn-1"), QStringLiteral("handshake"), ev::App, ev::Out})
                       .front();
    // The key ws sent is the one the server saw; the value the app computed is what ws got.
    QCOMPARE(h.extra.value(QStringLiteral("key")).toString(), key);
    QCOMPARE(h.extra.value(QStringLiteral("accept_computed")).toString(), accept);
    QCOMPARE(h.extra.value(QStringLiteral("accept")).toString(), accept);
    QVERIFY(h.extra.value(QStringLiteral("accept_ok")).toBool());
    QCOMPARE(QString::fromLatin1(netstage::WsHandshake::acceptFor(key.toLatin1())), accept);
}

void TstUdpWsPeers::wsServeBadInputKeepsServing()
{
    NEED_WS();
    Proc* ns = serveWs({QStringLiteral("--for"), QStringLiteral("30"),
                        QStringLiteral("--max-message"), QStringLiteral("1000")});
    QTRY_VERIFY2_WITH_TIMEOUT(netstagePort(ns->out, QStringLiteral("ws-server")) != 0,
                              ns->report().constData(), kStartMs);
    const QString url = QStringLiteral("ws://127.0.0.1:%1/")
                            .arg(netstagePort(ns->out, QStringLiteral("ws-server")));
    // Too big: closed with 1009.
    Proc big;
    big.start(node_, {peer(QStringLiteral("ws_client.js")), url, QStringLiteral("--big"),
                      QStringLiteral("5000")});
    QVERIFY(big.finish());
    QCOMPARE(withEvent(jsonLines(big.out), QStringLiteral("close"))[0]
                 .value(QStringLiteral("code"))
                 .toInt(),
             1009);
    // Abrupt: the server reports 1006.
    Proc gone;
    gone.start(node_, {peer(QStringLiteral("ws_client.js")), url, QStringLiteral("--terminate"),
                       QStringLiteral("bye?")});
    QVERIFY(gone.finish());
    // And the next client is served as if nothing happened.
    Proc next;
    next.start(node_, {peer(QStringLiteral("ws_client.js")), url, QStringLiteral("fine")});
    QVERIFY(next.finish());
    QVERIFY2(next.exitedWith(0), next.report().constData());
    QCOMPARE(withEvent(jsonLines(next.out), kMessage)[0].value(QStringLiteral("text")).toString(),
             QStringLiteral("fine"));
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(testutil::parseLines(ns->out), {QStringLiteral("ws-conn-3"), ev::Close}),
        5000);
    const std::vector<Event> evs = testutil::parseLines(ns->out);
    auto code = [&](const QString& s) {
        return testutil::filter(evs, {s, ev::Close})
            .front()
            .extra.value(QStringLiteral("close_code"))
            .toInt();
    };
    QCOMPARE(code(QStringLiteral("ws-conn-1")), 1009);
    QVERIFY(testutil::has(evs, {QStringLiteral("ws-conn-1"),
                                ev::Error,
                                ev::App,
                                {},
                                QStringLiteral("WS_ERR_UNSUPPORTED_MESSAGE_LENGTH")}));
    QCOMPARE(code(QStringLiteral("ws-conn-2")), 1006);
    QCOMPARE(code(QStringLiteral("ws-conn-3")), 1000);
}

void TstUdpWsPeers::wsConnectAgainstWsServer()
{
    NEED_WS();
    Proc server;
    server.start(node_, {peer(QStringLiteral("ws_echo_server.js")), QStringLiteral("0")});
    QTRY_VERIFY2_WITH_TIMEOUT(
        !withEvent(jsonLines(server.out), QStringLiteral("listening")).isEmpty(),
        server.report().constData(), kStartMs);
    const int port = withEvent(jsonLines(server.out), QStringLiteral("listening"))[0]
                         .value(QStringLiteral("port"))
                         .toInt();
    Proc ns;
    ns.start(netstage_,
             {QStringLiteral("ws"), QStringLiteral("connect"),
              QStringLiteral("ws://127.0.0.1:%1/room").arg(port), QStringLiteral("--send"),
              QStringLiteral("grüß dich"), QStringLiteral("--send"), QStringLiteral("two"),
              QStringLiteral("--ping"), QStringLiteral("--close"), QStringLiteral("4001"),
              QStringLiteral("--reason"), QStringLiteral("done"), QStringLiteral("--events"),
              QStringLiteral("-")});
    QVERIFY2(ns.finish(), ns.report().constData());
    QVERIFY2(ns.exitedWith(0), ns.report().constData());
    const std::vector<Event> evs = testutil::parseLines(ns.out);
    const QString c = QStringLiteral("ws-client-1");
    QVERIFY(testutil::has(evs, {c, ev::Connect}));
    QStringList echoed;
    bool pong = false;
    for (const Event& e : testutil::filter(evs, {c, QStringLiteral("frame"), ev::App, ev::In})) {
        if (e.extra.value(QStringLiteral("opcode")).toString() == "text")
            echoed << e.text();
        pong |= e.extra.value(QStringLiteral("opcode")).toString() == "pong";
    }
    QCOMPARE(echoed, (QStringList{QStringLiteral("grüß dich"), QStringLiteral("two")}));
    QVERIFY(pong);
    QCOMPARE(testutil::filter(evs, {c, ev::Close})
                 .front()
                 .extra.value(QStringLiteral("close_code"))
                 .toInt(),
             4001);
    // What the ws server saw: the messages, the ping, and our close code and reason.
    QTRY_VERIFY_WITH_TIMEOUT(!withEvent(jsonLines(server.out), QStringLiteral("close")).isEmpty(),
                             5000);
    const auto lines = jsonLines(server.out);
    QCOMPARE(withEvent(lines, kMessage).size(), 2);
    QCOMPARE(withEvent(lines, kMessage)[0].value(QStringLiteral("text")).toString(),
             QStringLiteral("grüß dich"));
    QCOMPARE(withEvent(lines, QStringLiteral("ping")).size(), 1);
    const auto closed = withEvent(lines, QStringLiteral("close"))[0];
    QCOMPARE(closed.value(QStringLiteral("code")).toInt(), 4001);
    QCOMPARE(closed.value(QStringLiteral("reason")).toString(), QStringLiteral("done"));
    // The ws server saw a standard upgrade request: the client side that QWebSocket hides.
    const QJsonObject headers = withEvent(lines, QStringLiteral("connection"))[0]
                                    .value(QStringLiteral("headers"))
                                    .toObject();
    QCOMPARE(headers.value(QStringLiteral("sec-websocket-version")).toString(),
             QStringLiteral("13"));
    QCOMPARE(headers.value(QStringLiteral("upgrade")).toString().toLower(),
             QStringLiteral("websocket"));
    QVERIFY(server.stop());
}

void TstUdpWsPeers::wsConnectOverTheLimitFails()
{
    NEED_WS();
    Proc* ns = serveWs({QStringLiteral("--for"), QStringLiteral("30"),
                        QStringLiteral("--max-message"), QStringLiteral("10")});
    QTRY_VERIFY2_WITH_TIMEOUT(netstagePort(ns->out, QStringLiteral("ws-server")) != 0,
                              ns->report().constData(), kStartMs);
    Proc c;
    c.start(netstage_,
            {QStringLiteral("ws"), QStringLiteral("connect"),
             QStringLiteral("ws://127.0.0.1:%1/")
                 .arg(netstagePort(ns->out, QStringLiteral("ws-server"))),
             QStringLiteral("--send"), QStringLiteral("far more than ten bytes"),
             QStringLiteral("--send"), QStringLiteral("never sent"), QStringLiteral("--quiet")});
    QVERIFY(c.finish());
    QVERIFY2(c.exitedWith(1), c.report().constData());
    QVERIFY2(c.err.contains("1009"), c.report().constData());
}

void TstUdpWsPeers::wsConnectRefused()
{
    const quint16 port = freeUdpPort(); // nothing listens on TCP there either, almost surely
    Proc c;
    c.start(netstage_, {QStringLiteral("ws"), QStringLiteral("connect"),
                        QStringLiteral("ws://127.0.0.1:%1/").arg(port), QStringLiteral("--quiet")});
    QVERIFY(c.finish());
    QVERIFY2(c.exitedWith(1), c.report().constData());
    QVERIFY2(c.err.contains("ECONNREFUSED"), c.report().constData());
}

QTEST_GUILESS_MAIN(TstUdpWsPeers)
#include "tst_udpws_peers.moc"
