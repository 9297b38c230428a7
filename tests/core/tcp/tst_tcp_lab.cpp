// The TCP lab with real sockets on 127.0.0.1, in process: the seed's sequence, the presets, many
// clients, errors students meet (EADDRINUSE, ECONNREFUSED, ECONNRESET), and the kernel's own
// states around a half-close, which must be held for as long as the application holds them.
#include "core/base/event.h"
#include "core/base/timeline.h"
#include "core/observe/kernel_observer.h"
#include "core/tcp/tcp_lab.h"
#include "test_util.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <memory>

using netstage::Event;
using netstage::KernelObserver;
using netstage::TcpLab;
using netstage::TcpPreset;
using netstage::TcpServerOptions;
using netstage::Timeline;
using testutil::Match;
namespace ev = netstage::ev;

namespace {

constexpr int kTimeout = 10000; // generous: loopback events take microseconds

const QString kServer = QStringLiteral("tcp-server");
QString client(int n)
{
    return QStringLiteral("tcp-client-%1").arg(n);
}
QString conn(int n)
{
    return QStringLiteral("tcp-conn-%1").arg(n);
}

TcpServerOptions options(TcpPreset preset, quint16 port = 0)
{
    TcpServerOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = port;
    o.preset = preset;
    return o;
}

QByteArray welcome()
{
    return QStringLiteral("欢迎光临《深入浅出Node.js》示例：\n").toUtf8();
}
QByteArray reply()
{
    return QStringLiteral("你好").toUtf8();
}

// A port nobody listens on: bind one, note it, let it go.
quint16 closedPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 p = s.serverPort();
    s.close();
    return p;
}

struct Fixture
{
    Timeline tl;
    KernelObserver observer{&tl};
    TcpLab lab{&tl, &observer};
};

} // namespace

class TstTcpLab : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void listening();
    void seedSequence();
    void echoPreset();
    void manyClients();
    void addressInUseKeepsLabUsable();
    void connectionRefused();
    void clientAbortResetsServerSide();
    void serverClosesAndAbortsChosenConnections();
    void halfCloseHoldsKernelStates();
    void clientAutoEndOffHoldsCloseWait();
    void commandsThatCannotBeDone();
    void stopServerKeepsConnections();
    void closeAllClosesEverything();

private:
    // The tcp-conn-N whose remote endpoint is this client's local one ("" if none yet).
    QString connOf(const QString& clientId) const;
    std::unique_ptr<Fixture> f_;
};

void TstTcpLab::init()
{
    f_ = std::make_unique<Fixture>();
}

void TstTcpLab::cleanup()
{
    if (QTest::currentTestFailed())
        qWarning("timeline at failure:\n%s", testutil::dump(f_->tl).constData());
    f_.reset();
}

QString TstTcpLab::connOf(const QString& clientId) const
{
    const auto c = testutil::first(f_->tl, {clientId, ev::Connect, ev::App});
    if (!c)
        return {};
    for (const Event& e : testutil::filter(f_->tl, {{}, ev::Connection, ev::App}))
        if (e.remote == c->local)
            return e.socket;
    return {};
}

void TstTcpLab::listening()
{
    TcpLab& lab = f_->lab;
    QSignalSpy listeningChanged(&lab, &TcpLab::listeningChanged);
    QVERIFY(lab.startServer(options(TcpPreset::Seed)));
    QVERIFY(lab.isListening());
    const quint16 port = lab.serverPort();
    QVERIFY(port != 0);
    QCOMPARE(lab.role(kServer), TcpLab::Role::Listener);
    QVERIFY(lab.openSockets().contains(kServer));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(f_->tl, {kServer, ev::Listening, ev::App}), kTimeout);
    const Event e = *testutil::first(f_->tl, {kServer, ev::Listening, ev::App});
    QCOMPARE(e.proto, ev::Tcp);
    QCOMPARE(e.local, QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(listeningChanged.count() >= 1);
    QCOMPARE(listeningChanged.last().at(0).toBool(), true);
    // The kernel agrees: the listener is in LISTEN.
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(f_->tl, {kServer, ev::State, ev::Kernel, {}, {}, QStringLiteral("LISTEN")}),
        kTimeout);
}

void TstTcpLab::seedSequence()
{
    Timeline& tl = f_->tl;
    TcpLab& lab = f_->lab;
    QSignalSpy opened(&lab, &TcpLab::socketOpened);
    QSignalSpy closedSpy(&lab, &TcpLab::socketClosed);
    QSignalSpy lastClosed(&lab, &TcpLab::lastConnectionClosed);
    QVERIFY(lab.startServer(options(TcpPreset::Seed)));
    const QString serverAddr = QStringLiteral("127.0.0.1:%1").arg(lab.serverPort());

    const QString id = lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort());
    QCOMPARE(id, client(1));
    QCOMPARE(lab.role(id), TcpLab::Role::Client);

    // connect on the client, connection on the server, with matching endpoints.
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::Connect, ev::App}), kTimeout);
    const Event connect = *testutil::first(tl, {client(1), ev::Connect, ev::App});
    QCOMPARE(connect.remote, serverAddr);
    QVERIFY(connect.local.startsWith(QStringLiteral("127.0.0.1:")));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(1), ev::Connection, ev::App}), kTimeout);
    const Event connection = *testutil::first(tl, {conn(1), ev::Connection, ev::App});
    QCOMPARE(connection.local, serverAddr);
    QCOMPARE(connection.remote, connect.local);
    QCOMPARE(lab.role(conn(1)), TcpLab::Role::Accepted);

    // The welcome, out on the server, in on the client, intact.
    QTRY_COMPARE_WITH_TIMEOUT(testutil::joined(tl, client(1), ev::In), welcome(), kTimeout);
    const auto out1 = testutil::first(tl, {conn(1), ev::Data, ev::App, ev::Out});
    QVERIFY(out1);
    QCOMPARE(out1->payload, welcome());
    QCOMPARE(out1->text(), QString::fromUtf8(welcome()));
    QCOMPARE(out1->bytes, qint64(welcome().size()));

    // Each data the server receives is answered with 你好.
    QVERIFY(lab.send(client(1), "hello"));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::Data, ev::App, ev::Out}), kTimeout);
    const Event sent = *testutil::first(tl, {client(1), ev::Data, ev::App, ev::Out});
    QCOMPARE(sent.bytes, qint64(5));
    QCOMPARE(sent.text(), QStringLiteral("hello"));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::joined(tl, conn(1), ev::In), QByteArray("hello"), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::joined(tl, client(1), ev::In), welcome() + reply(),
                              kTimeout);
    QCOMPARE(testutil::joined(tl, conn(1), ev::Out), welcome() + reply());
    QCOMPARE(lab.openConnectionCount(), 2);

    // The client closes: the server logs end, ends its side too, and closes.
    QVERIFY(lab.close(client(1)));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::Close, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(1), ev::Close, ev::App}), kTimeout);

    const std::vector<Event> evs = testutil::all(tl);
    const int iConnection = testutil::indexOf(evs, {conn(1), ev::Connection, ev::App});
    const int iOut = testutil::indexOf(evs, {conn(1), ev::Data, ev::App, ev::Out});
    const int iIn = testutil::indexOf(evs, {conn(1), ev::Data, ev::App, ev::In});
    const int iEnd = testutil::indexOf(evs, {conn(1), ev::End, ev::App});
    const int iClose = testutil::indexOf(evs, {conn(1), ev::Close, ev::App});
    QVERIFY2(iConnection >= 0 && iOut > iConnection && iIn > iOut && iEnd > iIn && iClose > iEnd,
             qPrintable(QStringLiteral("connection %1, data out %2, data in %3, end %4, close %5")
                            .arg(iConnection)
                            .arg(iOut)
                            .arg(iIn)
                            .arg(iEnd)
                            .arg(iClose)));
    QVERIFY(testutil::indexOf(evs, {client(1), ev::Connect, ev::App}) <
            testutil::indexOf(evs, {client(1), ev::Close, ev::App}));
    // A graceful close on both sides: no error anywhere, exactly one close each.
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App}), 0);
    QCOMPARE(testutil::count(tl, {client(1), ev::Close, ev::App}), 1);
    QCOMPARE(testutil::count(tl, {conn(1), ev::Close, ev::App}), 1);
    for (const Event& e : testutil::filter(evs, {{}, {}, ev::App}))
        QCOMPARE(e.proto, ev::Tcp);

    QVERIFY(!lab.isOpen(client(1)));
    QVERIFY(!lab.isOpen(conn(1)));
    QVERIFY(lab.isListening());
    QCOMPARE(lab.openConnectionCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(lastClosed.count() >= 1, kTimeout);
    QStringList openedIds, closedIds;
    for (const QList<QVariant>& args : opened)
        openedIds << args.at(0).toString();
    for (const QList<QVariant>& args : closedSpy)
        closedIds << args.at(0).toString();
    QVERIFY2(openedIds.contains(client(1)) && openedIds.contains(conn(1)),
             qPrintable(openedIds.join(',')));
    QVERIFY2(closedIds.contains(client(1)) && closedIds.contains(conn(1)),
             qPrintable(closedIds.join(',')));
    QVERIFY(tl.socketIds().contains(kServer));
}

void TstTcpLab::echoPreset()
{
    Timeline& tl = f_->tl;
    TcpLab& lab = f_->lab;
    QVERIFY(lab.startServer(options(TcpPreset::Echo)));
    QCOMPARE(lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort()), client(1));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::Connect, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(1), ev::Connection, ev::App}), kTimeout);

    QVERIFY(lab.send(client(1), "ping"));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::joined(tl, client(1), ev::In), QByteArray("ping"),
                              kTimeout);
    // The echo server says nothing of its own.
    QCOMPARE(testutil::joined(tl, conn(1), ev::Out), QByteArray("ping"));

    // Much more than a socket buffer: every byte comes back, counted exactly in `bytes`.
    QByteArray big(300000, '\0');
    for (int i = 0; i < big.size(); ++i)
        big[i] = char('a' + i % 26);
    QVERIFY(lab.send(client(1), big));
    const qint64 expected = 4 + big.size();
    QTRY_COMPARE_WITH_TIMEOUT(testutil::totalBytes(tl, client(1), ev::In), expected, 30000);
    QCOMPARE(testutil::totalBytes(tl, conn(1), ev::In), expected);
    QCOMPARE(testutil::totalBytes(tl, conn(1), ev::Out), expected);
    QCOMPARE(testutil::totalBytes(tl, client(1), ev::Out), expected);
    for (const Event& e : testutil::filter(tl, {{}, ev::Data, ev::App}))
        QVERIFY(e.payload.size() <= Timeline::kPreviewBytes);

    // Echo ends when the peer ends.
    QVERIFY(lab.halfClose(client(1)));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(1), ev::End, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::End, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(1), ev::Close, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::Close, ev::App}), kTimeout);
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App}), 0);
}

void TstTcpLab::manyClients()
{
    constexpr int kClients = 20;
    Timeline& tl = f_->tl;
    TcpLab& lab = f_->lab;
    QSignalSpy lastClosed(&lab, &TcpLab::lastConnectionClosed);
    QVERIFY(lab.startServer(options(TcpPreset::Seed)));
    for (int i = 1; i <= kClients; ++i)
        QCOMPARE(lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort()), client(i));

    QTRY_COMPARE_WITH_TIMEOUT(testutil::count(tl, {{}, ev::Connect, ev::App}), kClients, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::count(tl, {{}, ev::Connection, ev::App}), kClients,
                              kTimeout);
    QStringList connIds;
    for (const Event& e : testutil::filter(tl, {{}, ev::Connection, ev::App}))
        connIds << e.socket;
    connIds.sort();
    QStringList expectedConnIds;
    for (int i = 1; i <= kClients; ++i)
        expectedConnIds << conn(i);
    expectedConnIds.sort();
    QCOMPARE(connIds, expectedConnIds);
    QCOMPARE(lab.openConnectionCount(), 2 * kClients);

    for (int i = 1; i <= kClients; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(testutil::joined(tl, client(i), ev::In), welcome(), kTimeout);
        QVERIFY(lab.send(client(i), QByteArray("hi from ") + QByteArray::number(i)));
    }
    for (int i = 1; i <= kClients; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(testutil::joined(tl, client(i), ev::In), welcome() + reply(),
                                  kTimeout);
        const QString c = connOf(client(i));
        QVERIFY2(!c.isEmpty(), qPrintable(client(i)));
        QCOMPARE(testutil::joined(tl, c, ev::In), QByteArray("hi from ") + QByteArray::number(i));
    }

    for (int i = 1; i <= kClients; ++i)
        QVERIFY(lab.close(client(i)));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::count(tl, {{}, ev::Close, ev::App}), 2 * kClients,
                              kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(lab.openConnectionCount(), 0, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(lastClosed.count() >= 1, kTimeout);
    QCOMPARE(testutil::count(tl, {{}, ev::End, ev::App}) >= kClients, true);
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App}), 0);
}

void TstTcpLab::addressInUseKeepsLabUsable()
{
    Timeline& tl = f_->tl;
    TcpLab& lab = f_->lab;
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));

    QVERIFY(!lab.startServer(options(TcpPreset::Seed, holder.serverPort())));
    QVERIFY(!lab.isListening());
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(tl, {kServer, ev::Error, ev::App, {}, QStringLiteral("EADDRINUSE")}),
        kTimeout);
    QVERIFY(!testutil::has(tl, {kServer, ev::Listening}));

    // Still usable: another port works, and so do clients.
    QVERIFY(lab.startServer(options(TcpPreset::Seed, 0)));
    QVERIFY(lab.isListening());
    QVERIFY(lab.serverPort() != 0);
    QVERIFY(lab.serverPort() != holder.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {kServer, ev::Listening, ev::App}), kTimeout);
    const QString id = lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort());
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(testutil::joined(tl, id, ev::In), welcome(), kTimeout);
}

void TstTcpLab::connectionRefused()
{
    Timeline& tl = f_->tl;
    TcpLab& lab = f_->lab;
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    const QString id = lab.connectTo(QStringLiteral("127.0.0.1"), port);
    QCOMPARE(id, client(1));
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(tl, {id, ev::Error, ev::App, {}, QStringLiteral("ECONNREFUSED")}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {id, ev::Close, ev::App}), kTimeout);
    const std::vector<Event> evs = testutil::all(tl);
    QVERIFY(testutil::indexOf(evs, {id, ev::Error, ev::App}) <
            testutil::indexOf(evs, {id, ev::Close, ev::App}));
    QVERIFY(!testutil::has(tl, {id, ev::Connect}));
    QVERIFY(!lab.isOpen(id));
    QCOMPARE(lab.openConnectionCount(), 0);
}

void TstTcpLab::clientAbortResetsServerSide()
{
    Timeline& tl = f_->tl;
    TcpLab& lab = f_->lab;
    QVERIFY(lab.startServer(options(TcpPreset::Seed)));
    QCOMPARE(lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort()), client(1));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::joined(tl, client(1), ev::In), welcome(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(1), ev::Connection, ev::App}), kTimeout);

    QVERIFY(lab.abort(client(1)));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::Close, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(tl, {conn(1), ev::Error, ev::App, {}, QStringLiteral("ECONNRESET")}),
        kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(1), ev::Close, ev::App}), kTimeout);
    const std::vector<Event> evs = testutil::all(tl);
    QVERIFY(testutil::indexOf(evs, {conn(1), ev::Error, ev::App}) <
            testutil::indexOf(evs, {conn(1), ev::Close, ev::App}));
    // An RST is not a FIN: the server saw no `end`, and the aborting side no error of its own.
    QVERIFY(!testutil::has(tl, {conn(1), ev::End, ev::App}));
    QVERIFY(!testutil::has(tl, {client(1), ev::Error, ev::App, {}, QStringLiteral("ECONNRESET")}));
    QVERIFY(!lab.isOpen(conn(1)));
    QVERIFY(!lab.isOpen(client(1)));
}

void TstTcpLab::serverClosesAndAbortsChosenConnections()
{
    Timeline& tl = f_->tl;
    TcpLab& lab = f_->lab;
    QVERIFY(lab.startServer(options(TcpPreset::Silent)));
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort()), client(i));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::count(tl, {{}, ev::Connect, ev::App}), 3, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::count(tl, {{}, ev::Connection, ev::App}), 3, kTimeout);

    // Which client is behind which accepted connection (accept order is the kernel's).
    QHash<QString, QString> clientOf;
    for (int i = 1; i <= 3; ++i) {
        const QString c = connOf(client(i));
        QVERIFY2(!c.isEmpty(), qPrintable(client(i)));
        clientOf.insert(c, client(i));
    }
    QCOMPARE(clientOf.size(), 3);
    const QString closedClient = clientOf.value(conn(2));
    const QString abortedClient = clientOf.value(conn(3));
    const QString keptClient = clientOf.value(conn(1));

    // The server closes tcp-conn-2: its client sees end (a FIN), then closes too (auto-end).
    QVERIFY(lab.close(conn(2)));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(2), ev::Close, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {closedClient, ev::End, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {closedClient, ev::Close, ev::App}), kTimeout);
    QVERIFY(!testutil::has(tl, {closedClient, ev::Error, ev::App}));

    // The server aborts tcp-conn-3: its client sees ECONNRESET, then close.
    QVERIFY(lab.abort(conn(3)));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(3), ev::Close, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(tl, {abortedClient, ev::Error, ev::App, {}, QStringLiteral("ECONNRESET")}),
        kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {abortedClient, ev::Close, ev::App}), kTimeout);
    const std::vector<Event> evs = testutil::all(tl);
    QVERIFY(testutil::indexOf(evs, {abortedClient, ev::Error, ev::App}) <
            testutil::indexOf(evs, {abortedClient, ev::Close, ev::App}));
    QVERIFY(!testutil::has(tl, {abortedClient, ev::End, ev::App}));

    // The one nobody touched is untouched, and still talks.
    QVERIFY(lab.isOpen(conn(1)));
    QVERIFY(lab.isOpen(keptClient));
    QVERIFY(!testutil::has(tl, {conn(1), ev::Close}));
    QVERIFY(!testutil::has(tl, {keptClient, ev::End}));
    QVERIFY(!testutil::has(tl, {keptClient, ev::Close}));
    QVERIFY(lab.send(conn(1), "still here"));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::joined(tl, keptClient, ev::In), QByteArray("still here"),
                              kTimeout);
    QCOMPARE(lab.openConnectionCount(), 2);
}

void TstTcpLab::halfCloseHoldsKernelStates()
{
    Timeline& tl = f_->tl;
    TcpLab& lab = f_->lab;
    QVERIFY(f_->observer.isAvailable());
    QVERIFY(lab.startServer(options(TcpPreset::Silent)));
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(tl, {kServer, ev::State, ev::Kernel, {}, {}, QStringLiteral("LISTEN")}),
        kTimeout);
    QCOMPARE(lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort()), client(1));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::Connect, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(1), ev::Connection, ev::App}), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::lastKernelState(tl, client(1)),
                              QStringLiteral("ESTABLISHED"), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::lastKernelState(tl, conn(1)), QStringLiteral("ESTABLISHED"),
                              kTimeout);

    // Kernel events carry the socket's own endpoints.
    const Event connection = *testutil::first(tl, {conn(1), ev::Connection, ev::App});
    const Event kstate = *testutil::first(tl, {conn(1), ev::State, ev::Kernel});
    QCOMPARE(kstate.proto, ev::Tcp);
    QCOMPARE(kstate.local, connection.local);
    QCOMPARE(kstate.remote, connection.remote);

    // The client half-closes: its FIN reaches the server, which (silent) holds.
    QVERIFY(lab.halfClose(client(1)));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(1), ev::End, ev::App}), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::lastKernelState(tl, client(1)),
                              QStringLiteral("FIN-WAIT-2"), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::lastKernelState(tl, conn(1)), QStringLiteral("CLOSE-WAIT"),
                              kTimeout);

    // ...and holds: these are real kernel states, not a passing moment.
    QTest::qWait(300);
    QCOMPARE(testutil::lastKernelState(tl, client(1)), QStringLiteral("FIN-WAIT-2"));
    QCOMPARE(testutil::lastKernelState(tl, conn(1)), QStringLiteral("CLOSE-WAIT"));
    QVERIFY(lab.isOpen(client(1)));
    QVERIFY(lab.isOpen(conn(1)));
    QVERIFY(!testutil::has(tl, {client(1), ev::Close}));
    QVERIFY(!testutil::has(tl, {conn(1), ev::Close}));
    QVERIFY(!testutil::has(tl, {client(1), ev::End}));

    // Our FIN is sent: the client cannot send any more, but the server still can, and the
    // half-closed client still reads.
    const int errorsBefore = testutil::count(tl, {{}, ev::Error, ev::App});
    QVERIFY(!lab.send(client(1), "too late"));
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App}), errorsBefore + 1);
    QVERIFY(lab.send(conn(1), "still here"));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::joined(tl, client(1), ev::In), QByteArray("still here"),
                              kTimeout);

    // The server closes: its FIN ends the client, which goes to TIME-WAIT; the server side goes
    // through LAST-ACK (perhaps too briefly to be seen) to CLOSED.
    QVERIFY(lab.close(conn(1)));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(1), ev::Close, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::End, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::Close, ev::App}), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::lastKernelState(tl, conn(1)), QStringLiteral("CLOSED"),
                              kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::kernelStates(tl, client(1)).contains(QStringLiteral("TIME-WAIT")), kTimeout);

    // Order among what was seen.
    const QStringList c = testutil::kernelStates(tl, client(1));
    const QStringList s = testutil::kernelStates(tl, conn(1));
    const QString trace = QStringLiteral("client: %1; server: %2").arg(c.join(' '), s.join(' '));
    QVERIFY2(c.indexOf("ESTABLISHED") < c.indexOf("FIN-WAIT-2") &&
                 c.indexOf("FIN-WAIT-2") < c.indexOf("TIME-WAIT"),
             qPrintable(trace));
    if (c.contains("FIN-WAIT-1"))
        QVERIFY2(c.indexOf("ESTABLISHED") < c.indexOf("FIN-WAIT-1") &&
                     c.indexOf("FIN-WAIT-1") < c.indexOf("FIN-WAIT-2"),
                 qPrintable(trace));
    QVERIFY2(s.indexOf("ESTABLISHED") >= 0 && s.indexOf("ESTABLISHED") < s.indexOf("CLOSE-WAIT") &&
                 s.indexOf("CLOSE-WAIT") < s.lastIndexOf("CLOSED"),
             qPrintable(trace));
    if (s.contains("LAST-ACK"))
        QVERIFY2(s.indexOf("CLOSE-WAIT") < s.indexOf("LAST-ACK") &&
                     s.indexOf("LAST-ACK") < s.lastIndexOf("CLOSED"),
                 qPrintable(trace));
    // A state event is a change: never the same state twice in a row.
    for (const QStringList& states : {c, s})
        for (int i = 1; i < states.size(); ++i)
            QVERIFY2(states[i] != states[i - 1], qPrintable(trace));
    // Nothing goes wrong in a textbook teardown.
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App}), errorsBefore + 1);
}

void TstTcpLab::clientAutoEndOffHoldsCloseWait()
{
    Timeline& tl = f_->tl;
    TcpLab& lab = f_->lab;
    lab.setClientAutoEnd(false);
    QVERIFY(!lab.clientAutoEnd());
    QVERIFY(lab.startServer(options(TcpPreset::Silent)));
    QCOMPARE(lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort()), client(1));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(1), ev::Connection, ev::App}), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::lastKernelState(tl, client(1)),
                              QStringLiteral("ESTABLISHED"), kTimeout);

    // This time the server closes first; the client holds in CLOSE-WAIT until told.
    QVERIFY(lab.close(conn(1)));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::End, ev::App}), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::lastKernelState(tl, client(1)),
                              QStringLiteral("CLOSE-WAIT"), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::lastKernelState(tl, conn(1)), QStringLiteral("FIN-WAIT-2"),
                              kTimeout);
    QTest::qWait(300);
    QCOMPARE(testutil::lastKernelState(tl, client(1)), QStringLiteral("CLOSE-WAIT"));
    QVERIFY(lab.isOpen(client(1)));
    QVERIFY(!testutil::has(tl, {client(1), ev::Close}));

    QVERIFY(lab.close(client(1)));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::Close, ev::App}), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::lastKernelState(tl, client(1)), QStringLiteral("CLOSED"),
                              kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::kernelStates(tl, conn(1)).contains(QStringLiteral("TIME-WAIT")), kTimeout);
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App}), 0);
}

void TstTcpLab::commandsThatCannotBeDone()
{
    Timeline& tl = f_->tl;
    TcpLab& lab = f_->lab;
    int errors = 0;
    QVERIFY(!lab.send(QStringLiteral("tcp-client-42"), "x"));
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App}), ++errors);
    QVERIFY(!lab.halfClose(QStringLiteral("tcp-client-42")));
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App}), ++errors);
    QVERIFY(!lab.close(QStringLiteral("tcp-conn-42")));
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App}), ++errors);
    QVERIFY(!lab.abort(QStringLiteral("nonsense")));
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App}), ++errors);
    QVERIFY(!lab.isOpen(QStringLiteral("tcp-client-42")));

    // A closed socket cannot be used either.
    QVERIFY(lab.startServer(options(TcpPreset::Silent)));
    QCOMPARE(lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort()), client(1));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::Connect, ev::App}), kTimeout);
    QVERIFY(lab.close(client(1)));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(1), ev::Close, ev::App}), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!lab.isOpen(client(1)), kTimeout);
    errors = testutil::count(tl, {{}, ev::Error, ev::App});
    QVERIFY(!lab.send(client(1), "x"));
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App}), ++errors);
    QVERIFY(!lab.close(client(1)));
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App}), ++errors);
    // Ids are never reused.
    QCOMPARE(lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort()), client(2));
}

void TstTcpLab::stopServerKeepsConnections()
{
    Timeline& tl = f_->tl;
    TcpLab& lab = f_->lab;
    QSignalSpy listeningChanged(&lab, &TcpLab::listeningChanged);
    QVERIFY(lab.startServer(options(TcpPreset::Seed)));
    const quint16 port = lab.serverPort();
    QCOMPARE(lab.connectTo(QStringLiteral("127.0.0.1"), port), client(1));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::joined(tl, client(1), ev::In), welcome(), kTimeout);

    lab.stopServer();
    QVERIFY(!lab.isListening());
    QTRY_VERIFY_WITH_TIMEOUT(!listeningChanged.isEmpty() && !listeningChanged.last().at(0).toBool(),
                             kTimeout);
    // The accepted connection lives on and still answers.
    QVERIFY(lab.isOpen(conn(1)));
    QVERIFY(lab.send(client(1), "anyone?"));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::joined(tl, client(1), ev::In), welcome() + reply(),
                              kTimeout);
    // Nobody listens any more.
    const QString late = lab.connectTo(QStringLiteral("127.0.0.1"), port);
    QCOMPARE(late, client(2));
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(tl, {late, ev::Error, ev::App, {}, QStringLiteral("ECONNREFUSED")}),
        kTimeout);
}

void TstTcpLab::closeAllClosesEverything()
{
    Timeline& tl = f_->tl;
    TcpLab& lab = f_->lab;
    QSignalSpy lastClosed(&lab, &TcpLab::lastConnectionClosed);
    QVERIFY(lab.startServer(options(TcpPreset::Silent)));
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort()), client(i));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::count(tl, {{}, ev::Connection, ev::App}), 3, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::count(tl, {{}, ev::Connect, ev::App}), 3, kTimeout);
    QCOMPARE(lab.openConnectionCount(), 6);

    lab.closeAll();
    QTRY_COMPARE_WITH_TIMEOUT(lab.openConnectionCount(), 0, kTimeout);
    QVERIFY(!lab.isListening());
    QTRY_VERIFY_WITH_TIMEOUT(lab.openSockets().isEmpty(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(lastClosed.count() >= 1, kTimeout);
    for (int i = 1; i <= 3; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {client(i), ev::Close, ev::App}), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {conn(i), ev::Close, ev::App}), kTimeout);
    }
}

QTEST_GUILESS_MAIN(TstTcpLab)
#include "tst_tcp_lab.moc"
