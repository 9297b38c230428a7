// The UDP lab in process on real loopback sockets: the seed server names each sender's real
// port (rinfo), echo answers, a series numbers its datagrams, the relay sits between, and the
// kernel's errors come out as the events a student should see: EMSGSIZE over 65,507 bytes,
// EADDRINUSE, and ECONNREFUSED only on a connected socket.
#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "core/net/native_tcp_connection.h"
#include "core/net/udp_socket.h"
#include "core/udp/udp_lab.h"
#include "test_util.h"

#include <QSignalSpy>
#include <QTest>

using netstage::Event;
using netstage::Timeline;
using netstage::UdpClientOptions;
using netstage::UdpLab;
using netstage::UdpPreset;
using netstage::UdpRelay;
using netstage::UdpRelayOptions;
using netstage::UdpServerOptions;
namespace ev = netstage::ev;

namespace {
const QString kMessage = QStringLiteral("message");
const QString kServer = QStringLiteral("udp-server"); // the id the lab documents

UdpServerOptions anyPort(UdpPreset preset = UdpPreset::Seed)
{
    UdpServerOptions o;
    o.port = 0;
    o.preset = preset;
    return o;
}

// A port with nothing bound to it (bound, then released).
quint16 closedUdpPort()
{
    netstage::UdpSocket s;
    s.bind(QHostAddress(QHostAddress::LocalHost), 0);
    return s.localPort();
}
} // namespace

class TstUdpLab : public QObject
{
    Q_OBJECT
private slots:
    void seedServerNamesTheSendersRealPort();
    void echoAnswers();
    void binaryAndEmptyDatagrams();
    void seriesNumbersItsDatagrams();
    void largestDatagramPassesOneMoreFails();
    void usedPort();
    void connectedSocketHearsPortUnreachable();
    void unconnectedSocketNeverKnows();
    void throughTheRelay();
    void badTargets();
    void closeAndReopen();
};

void TstUdpLab::seedServerNamesTheSendersRealPort()
{
    Timeline tl;
    UdpLab lab(&tl);
    QSignalSpy listening(&lab, &UdpLab::listeningChanged);
    QVERIFY(lab.startServer(anyPort()));
    QCOMPARE(listening.count(), 1);
    const quint16 port = lab.serverPort();
    QVERIFY(port != 0);
    const QString c = lab.openClient(QStringLiteral("127.0.0.1"), port);
    QCOMPARE(c, QStringLiteral("udp-client-1"));
    QVERIFY(lab.send(c, "hello 你好"));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {kServer, kMessage, ev::App, ev::In}), 5000);

    const auto bound = testutil::first(tl, {c, ev::Listening});
    QVERIFY(bound);
    const auto got = testutil::first(tl, {kServer, kMessage, ev::App, ev::In});
    QCOMPARE(got->proto, QStringLiteral("udp"));
    QCOMPARE(got->remote, bound->local); // rinfo is the client's bound port
    QCOMPARE(got->local, QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(got->bytes, qint64(QByteArray("hello 你好").size()));
    QCOMPARE(got->text(), QStringLiteral("hello 你好"));
    // The tutorial's console.log line.
    QCOMPARE(got->detail, QStringLiteral("server got: hello 你好 from %1").arg(bound->local));
    const auto sent = testutil::first(tl, {c, kMessage, ev::App, ev::Out});
    QCOMPARE(sent->remote, QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(sent->t_us <= got->t_us);
    // The seed answers nothing: by the time a second datagram has reached the server, an
    // answer to the first would have reached the client (loopback keeps the order).
    QVERIFY(lab.send(c, "second"));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::count(tl, {kServer, kMessage, ev::App, ev::In}), 2, 5000);
    QVERIFY(!testutil::has(tl, {c, kMessage, ev::App, ev::In}));
    // UDP's own sentences, not TCP's.
    Event closeEv;
    closeEv.proto = QStringLiteral("udp");
    closeEv.event = ev::Close;
    QVERIFY(netstage::Explain::sentence(closeEv).contains(QStringLiteral("FIN")));
    QVERIFY(netstage::Explain::sentence(*sent).contains(QStringLiteral("datagram")));
}

void TstUdpLab::echoAnswers()
{
    Timeline tl;
    UdpLab lab(&tl);
    QVERIFY(lab.startServer(anyPort(UdpPreset::Echo)));
    const QString c = lab.openClient(QStringLiteral("localhost"), lab.serverPort());
    QVERIFY(!c.isEmpty());
    QVERIFY(lab.send(c, "ping"));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, kMessage, ev::App, ev::In}), 5000);
    const auto answer = testutil::first(tl, {c, kMessage, ev::App, ev::In});
    QCOMPARE(answer->payload, QByteArray("ping"));
    QCOMPARE(answer->remote, QStringLiteral("127.0.0.1:%1").arg(lab.serverPort()));
    QVERIFY(testutil::has(tl, {kServer, kMessage, ev::App, ev::Out}));
    // Switching the preset applies to the running server.
    lab.setPreset(UdpPreset::Seed);
    QVERIFY(lab.send(c, "again"));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::count(tl, {kServer, kMessage, ev::App, ev::In}), 2, 5000);
    QCOMPARE(testutil::count(tl, {c, kMessage, ev::App, ev::In}), 1);
}

void TstUdpLab::binaryAndEmptyDatagrams()
{
    Timeline tl;
    UdpLab lab(&tl);
    QVERIFY(lab.startServer(anyPort()));
    const QString c = lab.openClient(QStringLiteral("127.0.0.1"), lab.serverPort());
    QVERIFY(lab.send(c, QByteArray::fromHex("00ff10")));
    QVERIFY(lab.send(c, QByteArray()));
    QTRY_COMPARE_WITH_TIMEOUT(testutil::count(tl, {kServer, kMessage, ev::App, ev::In}), 2, 5000);
    const auto got = testutil::filter(tl, {kServer, kMessage, ev::App, ev::In});
    QVERIFY(got[0].payloadIsBinary());
    QVERIFY(got[0].detail.contains(QStringLiteral("00 ff 10")));
    QCOMPARE(got[1].bytes, qint64(0)); // an empty datagram is still a datagram
}

void TstUdpLab::seriesNumbersItsDatagrams()
{
    Timeline tl;
    UdpLab lab(&tl);
    QVERIFY(lab.startServer(anyPort()));
    const QString c = lab.openClient(QStringLiteral("127.0.0.1"), lab.serverPort());
    QSignalSpy sending(&lab, &UdpLab::sendingChanged);
    QVERIFY(lab.sendRepeated(c, "n={n}", 5, 10));
    QVERIFY(lab.isSending(c));
    QTRY_VERIFY_WITH_TIMEOUT(!lab.isSending(c), 5000);
    QCOMPARE(sending.count(), 2); // on, off
    QTRY_COMPARE_WITH_TIMEOUT(testutil::count(tl, {kServer, kMessage, ev::App, ev::In}), 5, 5000);
    const auto got = testutil::filter(tl, {kServer, kMessage, ev::App, ev::In});
    for (int i = 0; i < 5; ++i)
        QCOMPARE(got[std::size_t(i)].payload, QByteArray("n=") + QByteArray::number(i + 1));
    const auto sent = testutil::filter(tl, {c, kMessage, ev::App, ev::Out});
    QCOMPARE(sent.back().extra.value(QStringLiteral("n")).toInt(), 5);
    // Stopping a series stops it.
    QVERIFY(lab.sendRepeated(c, "x", 1000, 50));
    lab.stopSending(c);
    QVERIFY(!lab.isSending(c));
    QCOMPARE(lab.remainingToSend(c), 0);
    QVERIFY(!lab.sendRepeated(c, "x", 0, 10));
    QVERIFY(testutil::has(tl, {c, ev::Error, ev::App, {}, QStringLiteral("EINVAL")}));
}

void TstUdpLab::largestDatagramPassesOneMoreFails()
{
    Timeline tl;
    UdpLab lab(&tl);
    QVERIFY(lab.startServer(anyPort()));
    const QString c = lab.openClient(QStringLiteral("127.0.0.1"), lab.serverPort());
    QVERIFY(lab.send(c, QByteArray(UdpLab::kMaxIpv4Payload, 'x')));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {kServer, kMessage, ev::App, ev::In}), 5000);
    QCOMPARE(testutil::first(tl, {kServer, kMessage, ev::App, ev::In})->bytes,
             qint64(UdpLab::kMaxIpv4Payload)); // whole: one datagram, never split
    QVERIFY(!lab.send(c, QByteArray(UdpLab::kMaxIpv4Payload + 1, 'x')));
    const auto err = testutil::first(tl, {c, ev::Error, ev::App, {}, QStringLiteral("EMSGSIZE")});
    QVERIFY(err);
    QVERIFY(err->detail.contains(QStringLiteral("65,507")));
    QVERIFY(err->detail.contains(QStringLiteral("65508")));
    QCOMPARE(testutil::count(tl, {c, kMessage, ev::App, ev::Out}), 1);
    // A series stops at the first such error instead of repeating it.
    QVERIFY(lab.sendRepeated(c, QByteArray(70000, 'y'), 10, 1));
    QTRY_VERIFY_WITH_TIMEOUT(!lab.isSending(c), 5000);
    QCOMPARE(testutil::count(tl, {c, ev::Error, ev::App, {}, QStringLiteral("EMSGSIZE")}), 2);
}

void TstUdpLab::usedPort()
{
    Timeline tl;
    UdpLab first(&tl), second(&tl);
    QVERIFY(first.startServer(anyPort()));
    UdpServerOptions o = anyPort();
    o.port = first.serverPort();
    QVERIFY(!second.startServer(o));
    QVERIFY(!second.isListening());
    const auto err =
        testutil::first(tl, {kServer, ev::Error, ev::App, {}, QStringLiteral("EADDRINUSE")});
    QVERIFY(err);
    QVERIFY(err->detail.contains(QString::number(o.port)));
    QCOMPARE(err->local, QStringLiteral("127.0.0.1:%1").arg(o.port));
    // An address that is not an address.
    o.host = QStringLiteral("not-an-ip");
    QVERIFY(!second.startServer(o));
    QVERIFY(testutil::has(tl, {kServer, ev::Error, ev::App, {}, QStringLiteral("EINVAL")}));
}

void TstUdpLab::connectedSocketHearsPortUnreachable()
{
    Timeline tl;
    UdpLab lab(&tl);
    const quint16 port = closedUdpPort();
    UdpClientOptions o;
    o.connected = true;
    const QString c = lab.openClient(QStringLiteral("127.0.0.1"), port, o);
    QVERIFY(!c.isEmpty());
    const auto connected = testutil::first(tl, {c, ev::Connect, ev::App});
    QVERIFY(connected);
    QVERIFY(connected->detail.contains(QStringLiteral("sends nothing")));
    QVERIFY(lab.send(c, "anyone?")); // the send itself succeeds: UDP does not wait
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(tl, {c, ev::Error, ev::App, {}, QStringLiteral("ECONNREFUSED")}), 5000);
    const auto err =
        testutil::first(tl, {c, ev::Error, ev::App, {}, QStringLiteral("ECONNREFUSED")});
    QVERIFY(err->detail.contains(QStringLiteral("ICMP")));
    QCOMPARE(err->remote, QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(netstage::Explain::sentence(*err), err->detail); // not TCP's "answered the SYN"
}

void TstUdpLab::unconnectedSocketNeverKnows()
{
    Timeline tl;
    UdpLab lab(&tl);
    const QString c = lab.openClient(QStringLiteral("127.0.0.1"), closedUdpPort());
    QVERIFY(lab.send(c, "anyone?"));
    QVERIFY(lab.send(c, "still nobody?"));
    // A datagram to the client afterwards: a socket reports a queued error before the data
    // behind it, so once this one is read, an ICMP error would have been reported already.
    netstage::UdpSocket peer;
    QCOMPARE(peer.bind(QHostAddress(QHostAddress::LocalHost), 0), 0);
    QCOMPARE(peer.sendTo("sentinel", QHostAddress(QHostAddress::LocalHost),
                         quint16(lab.localEndpoint(c).section(QLatin1Char(':'), -1).toUInt())),
             0);
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, kMessage, ev::App, ev::In}), 5000);
    QVERIFY2(!testutil::has(tl, {c, ev::Error}), testutil::dump(tl).constData());
    QCOMPARE(testutil::count(tl, {c, kMessage, ev::App, ev::Out}), 2);
}

void TstUdpLab::throughTheRelay()
{
    Timeline tl;
    UdpLab lab(&tl);
    QVERIFY(lab.startServer(anyPort(UdpPreset::Echo)));
    UdpRelayOptions r;
    r.seed = 5;
    lab.setRelayOptions(r);
    UdpClientOptions o;
    o.viaRelay = true;
    const QString c = lab.openClient(QStringLiteral("127.0.0.1"), lab.serverPort(), o);
    QVERIFY(!c.isEmpty());
    QVERIFY2(lab.relay() && lab.relay()->isRunning(), testutil::dump(tl).constData());
    QVERIFY(lab.openSockets().contains(UdpRelay::kSocketId));
    QVERIFY(lab.send(c, "via"));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, kMessage, ev::App, ev::In}), 5000);
    const auto sent = testutil::first(tl, {c, kMessage, ev::App, ev::Out});
    QCOMPARE(sent->remote, lab.relay()->endpoint());
    QCOMPARE(sent->extra.value(QStringLiteral("target")).toString(),
             QStringLiteral("127.0.0.1:%1").arg(lab.serverPort()));
    // The server sees the relay, not the client: as behind a NAT.
    const auto got = testutil::first(tl, {kServer, kMessage, ev::App, ev::In});
    QVERIFY(got->remote != testutil::first(tl, {c, ev::Listening})->local);
    QCOMPARE(testutil::count(tl, {UdpRelay::kSocketId, QStringLiteral("relay")}), 2);
    // New rates apply at once and are announced.
    r.loss = 1;
    lab.setRelayOptions(r);
    QVERIFY(lab.send(c, "lost"));
    QTRY_VERIFY_WITH_TIMEOUT(lab.relay()->stats().dropped == 1, 5000);
    QVERIFY(testutil::has(tl, {UdpRelay::kSocketId, ev::Info}));
    lab.closeAll();
    QVERIFY(lab.openSockets().isEmpty());
}

void TstUdpLab::badTargets()
{
    Timeline tl;
    UdpLab lab(&tl);
    QVERIFY(lab.openClient(QStringLiteral("no.such.name"), 41234).isEmpty());
    QVERIFY(lab.openClient(QString(), 41234).isEmpty());
    QVERIFY(lab.openClient(QStringLiteral("127.0.0.1"), 0).isEmpty());
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App, {}, QStringLiteral("EINVAL")}), 3);
    QVERIFY(!lab.send(QStringLiteral("udp-client-99"), "x"));
    QVERIFY(testutil::has(
        tl, {QStringLiteral("udp-client-99"), ev::Error, ev::App, {}, QStringLiteral("ENOTCONN")}));
}

void TstUdpLab::closeAndReopen()
{
    Timeline tl;
    UdpLab lab(&tl);
    QSignalSpy closed(&lab, &UdpLab::socketClosed);
    QVERIFY(lab.startServer(anyPort()));
    const quint16 port = lab.serverPort();
    const QString c = lab.openClient(QStringLiteral("127.0.0.1"), port);
    QCOMPARE(lab.openSockets(), (QStringList{kServer, c}));
    QVERIFY(lab.close(c));
    QVERIFY(!lab.close(c)); // twice: an error event, not a crash
    QVERIFY(!lab.isOpen(c));
    lab.stopServer();
    QCOMPARE(closed.count(), 2);
    QVERIFY(testutil::has(tl, {kServer, ev::Close, ev::App}));
    // The port is free again at once: UDP has no TIME-WAIT.
    UdpServerOptions o = anyPort();
    o.port = port;
    QVERIFY(lab.startServer(o));
    QCOMPARE(lab.serverPort(), port);
}

QTEST_GUILESS_MAIN(TstUdpLab)
#include "tst_udp_lab.moc"
