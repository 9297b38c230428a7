// The WebSocket lab in process on real loopback sockets: the server's byte view (the upgrade
// request, the 101 with its accept value recomputed, every frame with opcode, FIN and mask),
// the echo and chat presets, the QWebSocket client's honest "hidden" view, and bad input that
// ends one connection while the server goes on serving the others.
#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "core/ws/ws_handshake.h"
#include "core/ws/ws_lab.h"
#include "test_util.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using netstage::Event;
using netstage::Timeline;
using netstage::WsHandshake;
using netstage::WsLab;
using netstage::WsPreset;
using netstage::WsServerOptions;
namespace ev = netstage::ev;

namespace {
const QString kServer = QStringLiteral("ws-server");
const QString kHandshake = QStringLiteral("handshake");
const QString kFrame = QStringLiteral("frame");

WsServerOptions anyPort(WsPreset preset = WsPreset::Echo)
{
    WsServerOptions o;
    o.port = 0;
    o.preset = preset;
    return o;
}

QString url(const WsLab& lab, const QString& path = QStringLiteral("/"))
{
    return QStringLiteral("ws://127.0.0.1:%1%2").arg(lab.serverPort()).arg(path);
}

QString opcode(const Event& e)
{
    return e.extra.value(QStringLiteral("opcode")).toString();
}

std::vector<Event> frames(const Timeline& tl, const QString& socket, const QString& dir,
                          const QString& op = {})
{
    std::vector<Event> out;
    for (const Event& e : testutil::filter(tl, {socket, kFrame, ev::App, dir}))
        if (op.isEmpty() || opcode(e) == op)
            out.push_back(e);
    return out;
}

int closeCode(const Timeline& tl, const QString& socket)
{
    const auto c = testutil::first(tl, {socket, ev::Close, ev::App});
    return c ? c->extra.value(QStringLiteral("close_code")).toInt(-1) : -2;
}

QByteArray maskedFrame(int opcode, const QByteArray& payload, bool fin = true, bool mask = true)
{
    QByteArray f;
    f.append(char((fin ? 0x80 : 0) | opcode));
    f.append(char((mask ? 0x80 : 0) | payload.size())); // short payloads only
    const QByteArray key = QByteArray::fromHex("11223344");
    if (mask)
        f += key;
    for (int i = 0; i < payload.size(); ++i)
        f.append(mask ? char(payload[i] ^ key[i % 4]) : payload[i]);
    return f;
}

QByteArray upgradeRequest(quint16 port, const QByteArray& version = "13")
{
    return "GET /raw HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: " +
           version + "\r\n\r\n";
}

// A raw TCP client that collects everything the server says.
struct Raw
{
    QTcpSocket s;
    QByteArray got;
    bool disconnected = false;
    explicit Raw(quint16 port)
    {
        QObject::connect(&s, &QIODevice::readyRead, [this] { got += s.readAll(); });
        QObject::connect(&s, &QAbstractSocket::disconnected, [this] { disconnected = true; });
        s.connectToHost(QHostAddress::LocalHost, port);
    }
};
} // namespace

class TstWsLab : public QObject
{
    Q_OBJECT
private slots:
    void handshakeFramesAndClose();
    void clientSaysItsBytesAreHidden();
    void chatSendsToEveryone();
    void serverClosesWithItsOwnCode();
    void notWebSocket_data();
    void notWebSocket();
    void handshakeTimeout();
    void wrongVersionIsRefusedByQt();
    void tooBigIsClosedWith1009();
    void abruptDisconnectIs1006();
    void fragmentsFromARawClient();
    void unmaskedClientFrameIsAProtocolError();
    void framesRightBehindTheRequest();
    void badUrls();
    void refused();
    void closeCodeMeanings();
};

void TstWsLab::handshakeFramesAndClose()
{
    Timeline tl;
    WsLab lab(&tl);
    QVERIFY(lab.startServer(anyPort()));
    const QString c = lab.connectTo(url(lab, QStringLiteral("/chat")));
    QCOMPARE(c, QStringLiteral("ws-client-1"));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, ev::Connect, ev::App}), 5000);
    const QString s = QStringLiteral("ws-conn-1");
    QVERIFY(testutil::has(tl, {s, ev::Connection, ev::App}));

    // The request, as the server saw it.
    const auto req = testutil::first(tl, {s, kHandshake, ev::App, ev::In});
    QVERIFY(req);
    QCOMPARE(req->proto, QStringLiteral("ws"));
    const QJsonObject rx = req->extra;
    QCOMPARE(rx.value(QStringLiteral("request_line")).toString(),
             QStringLiteral("GET /chat HTTP/1.1"));
    const QJsonObject headers = rx.value(QStringLiteral("request_headers")).toObject();
    QCOMPARE(headers.value(QStringLiteral("Upgrade")).toString().toLower(),
             QStringLiteral("websocket"));
    QCOMPARE(headers.value(QStringLiteral("Sec-WebSocket-Version")).toString(),
             QStringLiteral("13"));
    const QByteArray key = rx.value(QStringLiteral("key")).toString().toLatin1();
    QCOMPARE(QByteArray::fromBase64(key).size(), 16); // a random 16-byte nonce
    QVERIFY(req->payload.startsWith("GET /chat HTTP/1.1\r\n"));

    // The answer, with the accept value checked by the lab.
    const auto resp = testutil::first(tl, {s, kHandshake, ev::App, ev::Out});
    QVERIFY(resp);
    const QJsonObject tx = resp->extra;
    QCOMPARE(tx.value(QStringLiteral("status")).toInt(), 101);
    QCOMPARE(tx.value(QStringLiteral("accept")).toString(),
             QString::fromLatin1(WsHandshake::acceptFor(key)));
    QVERIFY(tx.value(QStringLiteral("accept_ok")).toBool());
    QVERIFY(tx.value(QStringLiteral("request_headers"))
                .toObject()
                .contains(QStringLiteral("Sec-WebSocket-Key")));
    QVERIFY(tx.value(QStringLiteral("response_headers"))
                .toObject()
                .contains(QStringLiteral("Sec-WebSocket-Accept")));
    QVERIFY(netstage::Explain::sentence(*resp).contains(QStringLiteral("matches")));

    // A UTF-8 text, echoed.
    const QString text = QStringLiteral("héllo 世界");
    QVERIFY(lab.sendText(c, text));
    QTRY_VERIFY_WITH_TIMEOUT(!frames(tl, c, ev::In, QStringLiteral("text")).empty(), 5000);
    const auto in = frames(tl, s, ev::In, QStringLiteral("text"));
    QCOMPARE(in.size(), std::size_t(1));
    QCOMPARE(in[0].text(), text);
    QCOMPARE(in[0].bytes, qint64(text.toUtf8().size()));
    QVERIFY(in[0].extra.value(QStringLiteral("masked")).toBool());
    QVERIFY(in[0].extra.value(QStringLiteral("fin")).toBool());
    QCOMPARE(in[0].extra.value(QStringLiteral("header_bytes")).toInt(), 6); // 2 + 4 of mask
    QCOMPARE(in[0].extra.value(QStringLiteral("seen")).toString(), QStringLiteral("bytes"));
    const auto out = frames(tl, s, ev::Out, QStringLiteral("text"));
    QCOMPARE(out.size(), std::size_t(1));
    QVERIFY(!out[0].extra.value(QStringLiteral("masked")).toBool());
    QCOMPARE(frames(tl, c, ev::In, QStringLiteral("text"))[0].text(), text);

    // Ping, answered by a pong with the same bytes.
    QVERIFY(lab.ping(c, "are you there"));
    QTRY_VERIFY_WITH_TIMEOUT(!frames(tl, c, ev::In, QStringLiteral("pong")).empty(), 5000);
    QCOMPARE(frames(tl, s, ev::In, QStringLiteral("ping"))[0].payload, QByteArray("are you there"));
    QCOMPARE(frames(tl, s, ev::Out, QStringLiteral("pong"))[0].payload,
             QByteArray("are you there"));

    // The closing handshake: 1000 seen on both sides.
    QSignalSpy last(&lab, &WsLab::lastConnectionClosed);
    QVERIFY(lab.close(c, 1000, QStringLiteral("bye")));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, ev::Close, ev::App}) &&
                                 testutil::has(tl, {s, ev::Close, ev::App}),
                             5000);
    const auto closeIn = frames(tl, s, ev::In, QStringLiteral("close"));
    QCOMPARE(closeIn.size(), std::size_t(1));
    QCOMPARE(closeIn[0].extra.value(QStringLiteral("close_code")).toInt(), 1000);
    QCOMPARE(closeIn[0].extra.value(QStringLiteral("reason")).toString(), QStringLiteral("bye"));
    QCOMPARE(frames(tl, s, ev::Out, QStringLiteral("close")).size(), std::size_t(1));
    QCOMPARE(closeCode(tl, s), 1000);
    QCOMPARE(closeCode(tl, c), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(last.count() >= 1, 5000);
    QCOMPARE(lab.openConnectionCount(), 0);
    // In order: connection, request, 101, frames, close.
    QVERIFY(testutil::indexOf(tl, {s, ev::Connection}) < testutil::indexOf(tl, {s, kHandshake}));
    QVERIFY(testutil::indexOf(tl, {s, kHandshake, {}, ev::Out}) <
            testutil::indexOf(tl, {s, kFrame}));
    QVERIFY(testutil::indexOf(tl, {s, kFrame}) < testutil::indexOf(tl, {s, ev::Close}));
}

void TstWsLab::clientSaysItsBytesAreHidden()
{
    Timeline tl;
    WsLab lab(&tl);
    QVERIFY(lab.startServer(anyPort()));
    const QString c = lab.connectTo(url(lab));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, kHandshake, ev::App}), 5000);
    const auto h = testutil::first(tl, {c, kHandshake, ev::App});
    QCOMPARE(h->extra.value(QStringLiteral("seen")).toString(), QStringLiteral("api"));
    QVERIFY(h->detail.contains(QStringLiteral("hides")));
    QVERIFY(lab.sendText(c, QStringLiteral("x")));
    const auto f = frames(tl, c, ev::Out);
    QCOMPARE(f.size(), std::size_t(1));
    QCOMPARE(f[0].extra.value(QStringLiteral("seen")).toString(), QStringLiteral("api"));
    QVERIFY(lab.isClient(c));
    QVERIFY(!lab.isClient(QStringLiteral("ws-conn-1")));
}

void TstWsLab::chatSendsToEveryone()
{
    Timeline tl;
    WsLab lab(&tl);
    QVERIFY(lab.startServer(anyPort(WsPreset::Chat)));
    const QString a = lab.connectTo(url(lab));
    const QString b = lab.connectTo(url(lab));
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(tl, {a, ev::Connect}) && testutil::has(tl, {b, ev::Connect}), 5000);
    QVERIFY(lab.sendText(a, QStringLiteral("hello class")));
    QTRY_VERIFY_WITH_TIMEOUT(!frames(tl, a, ev::In, QStringLiteral("text")).empty() &&
                                 !frames(tl, b, ev::In, QStringLiteral("text")).empty(),
                             5000);
    QCOMPARE(frames(tl, b, ev::In, QStringLiteral("text"))[0].text(),
             QStringLiteral("hello class"));
    QVERIFY(lab.sendBinary(b, QByteArray::fromHex("00ff")));
    QTRY_VERIFY_WITH_TIMEOUT(!frames(tl, a, ev::In, QStringLiteral("binary")).empty(), 5000);
    QCOMPARE(frames(tl, a, ev::In, QStringLiteral("binary"))[0].payload,
             QByteArray::fromHex("00ff"));
}

void TstWsLab::serverClosesWithItsOwnCode()
{
    Timeline tl;
    WsLab lab(&tl);
    QVERIFY(lab.startServer(anyPort()));
    const QString c = lab.connectTo(url(lab));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, ev::Connect}), 5000);
    const QString s = QStringLiteral("ws-conn-1");
    QVERIFY(lab.close(s, 4000, QStringLiteral("class is over")));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, ev::Close}) && testutil::has(tl, {s, ev::Close}),
                             5000);
    QCOMPARE(frames(tl, s, ev::Out, QStringLiteral("close"))[0]
                 .extra.value(QStringLiteral("close_code"))
                 .toInt(),
             4000);
    QCOMPARE(closeCode(tl, c), 4000);
    QCOMPARE(closeCode(tl, s), 4000);
    QVERIFY(!lab.close(QStringLiteral("ws-conn-9"), 1000));
    // Codes that only describe what happened cannot be sent.
    const QString d = lab.connectTo(url(lab));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {d, ev::Connect}), 5000);
    QVERIFY(!lab.close(d, 1006));
    QVERIFY(testutil::has(tl, {d, ev::Error, ev::App, {}, QStringLiteral("EINVAL")}));
}

void TstWsLab::notWebSocket_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("not http") << QByteArray("hello\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("tls hello") << QByteArray::fromHex("160301") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("plain get") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                               << QByteArray("HTTP/1.1 426 ");
    QTest::newRow("get gibberish")
        << QByteArray("GET me a coffee\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
}

void TstWsLab::notWebSocket()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, status);
    Timeline tl;
    WsLab lab(&tl);
    QVERIFY(lab.startServer(anyPort()));
    // A WebSocket client is open first, and must not notice.
    const QString c = lab.connectTo(url(lab));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, ev::Connect}), 5000);
    Raw raw(lab.serverPort());
    QVERIFY(raw.s.waitForConnected(5000));
    raw.s.write(bytes);
    QTRY_VERIFY_WITH_TIMEOUT(raw.disconnected, 5000);
    QVERIFY2(raw.got.startsWith(status), raw.got.constData());
    const auto err = testutil::first(
        tl,
        {QStringLiteral("ws-conn-2"), ev::Error, ev::App, {}, QStringLiteral("WS_NOT_WEBSOCKET")});
    QVERIFY2(err, testutil::dump(tl).constData());
    QVERIFY(!err->detail.isEmpty());
    QVERIFY(testutil::has(tl, {QStringLiteral("ws-conn-2"), kHandshake, ev::App, ev::Out}));
    QVERIFY(testutil::has(tl, {QStringLiteral("ws-conn-2"), ev::Close, ev::App}));
    // The server goes on: the open client still gets its echo, a new one still connects.
    QVERIFY(lab.sendText(c, QStringLiteral("still here")));
    QTRY_VERIFY_WITH_TIMEOUT(!frames(tl, c, ev::In, QStringLiteral("text")).empty(), 5000);
    const QString d = lab.connectTo(url(lab));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {d, ev::Connect}), 5000);
    QVERIFY(lab.isListening());
}

void TstWsLab::handshakeTimeout()
{
    Timeline tl;
    WsLab lab(&tl);
    WsServerOptions o = anyPort();
    o.handshakeTimeoutMs = 200;
    QVERIFY(lab.startServer(o));
    Raw raw(lab.serverPort());
    QVERIFY(raw.s.waitForConnected(5000));
    raw.s.write("GET / HT"); // and then nothing
    QTRY_VERIFY_WITH_TIMEOUT(raw.disconnected, 5000);
    QVERIFY2(raw.got.startsWith("HTTP/1.1 408 "), raw.got.constData());
    QVERIFY(testutil::has(tl, {QStringLiteral("ws-conn-1"),
                               ev::Error,
                               ev::App,
                               {},
                               QStringLiteral("WS_HANDSHAKE_TIMEOUT")}));
}

void TstWsLab::wrongVersionIsRefusedByQt()
{
    Timeline tl;
    WsLab lab(&tl);
    QVERIFY(lab.startServer(anyPort()));
    Raw raw(lab.serverPort());
    QVERIFY(raw.s.waitForConnected(5000));
    raw.s.write(upgradeRequest(lab.serverPort(), "8"));
    const QString s = QStringLiteral("ws-conn-1");
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {s, kHandshake, ev::App, ev::Out}), 5000);
    const auto resp = testutil::first(tl, {s, kHandshake, ev::App, ev::Out});
    QVERIFY2(resp->extra.value(QStringLiteral("status")).toInt() != 101,
             testutil::dump(tl).constData());
    QVERIFY(testutil::has(tl, {s, ev::Error, ev::App, {}, QStringLiteral("WS_NOT_WEBSOCKET")}));
}

void TstWsLab::tooBigIsClosedWith1009()
{
    Timeline tl;
    WsLab lab(&tl);
    WsServerOptions o = anyPort();
    o.maxMessageBytes = 100;
    QVERIFY(lab.startServer(o));
    const QString big = lab.connectTo(url(lab));
    const QString other = lab.connectTo(url(lab));
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(tl, {big, ev::Connect}) && testutil::has(tl, {other, ev::Connect}), 5000);
    QVERIFY(lab.sendText(big, QString(200, QLatin1Char('b'))));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {big, ev::Close}), 5000);
    QCOMPARE(closeCode(tl, big), 1009);
    const auto err = testutil::filter(
        tl, {{}, ev::Error, ev::App, {}, QStringLiteral("WS_ERR_UNSUPPORTED_MESSAGE_LENGTH")});
    QCOMPARE(err.size(), std::size_t(1));
    QVERIFY(err[0].socket.startsWith(QStringLiteral("ws-conn-")));
    QTRY_COMPARE_WITH_TIMEOUT(closeCode(tl, err[0].socket), 1009, 5000);
    // The other client is served as before.
    QVERIFY(lab.sendText(other, QString(100, QLatin1Char('o'))));
    QTRY_VERIFY_WITH_TIMEOUT(!frames(tl, other, ev::In, QStringLiteral("text")).empty(), 5000);
}

void TstWsLab::abruptDisconnectIs1006()
{
    Timeline tl;
    WsLab lab(&tl);
    QVERIFY(lab.startServer(anyPort()));
    const QString c = lab.connectTo(url(lab));
    const QString other = lab.connectTo(url(lab));
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(tl, {c, ev::Connect}) && testutil::has(tl, {other, ev::Connect}), 5000);
    QVERIFY(lab.abort(c));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {QStringLiteral("ws-conn-1"), ev::Close}), 5000);
    QCOMPARE(closeCode(tl, QStringLiteral("ws-conn-1")), 1006);
    QTRY_COMPARE_WITH_TIMEOUT(closeCode(tl, c), 1006, 5000);
    QVERIFY(frames(tl, QStringLiteral("ws-conn-1"), ev::In, QStringLiteral("close")).empty());
    // The server drops one the hard way (RST): its client sees 1006 too.
    QVERIFY(lab.abort(QStringLiteral("ws-conn-2")));
    QTRY_COMPARE_WITH_TIMEOUT(closeCode(tl, other), 1006, 5000);
    QCOMPARE(closeCode(tl, QStringLiteral("ws-conn-2")), 1006);
    QVERIFY(lab.isListening());
}

void TstWsLab::fragmentsFromARawClient()
{
    Timeline tl;
    WsLab lab(&tl);
    QVERIFY(lab.startServer(anyPort()));
    Raw raw(lab.serverPort());
    QVERIFY(raw.s.waitForConnected(5000));
    raw.s.write(upgradeRequest(lab.serverPort()));
    QTRY_VERIFY_WITH_TIMEOUT(raw.got.contains("\r\n\r\n"), 5000);
    // Two fragments in one write: the lab must split them where the frames end.
    raw.s.write(maskedFrame(0x1, "Hel", false) + maskedFrame(0x0, "lo", true));
    const QString s = QStringLiteral("ws-conn-1");
    QTRY_VERIFY2_WITH_TIMEOUT(!frames(tl, s, ev::Out, QStringLiteral("text")).empty(),
                              testutil::dump(tl).constData(), 5000);
    const auto in = frames(tl, s, ev::In);
    QCOMPARE(in.size(), std::size_t(2));
    QCOMPARE(opcode(in[0]), QStringLiteral("text"));
    QVERIFY(!in[0].extra.value(QStringLiteral("fin")).toBool());
    QCOMPARE(opcode(in[1]), QStringLiteral("continuation"));
    QCOMPARE(in[1].payload, QByteArray("lo"));
    QCOMPARE(frames(tl, s, ev::Out, QStringLiteral("text"))[0].payload, QByteArray("Hello"));
    // The RFC's own key gives the RFC's own accept value.
    QVERIFY(raw.got.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
}

void TstWsLab::unmaskedClientFrameIsAProtocolError()
{
    Timeline tl;
    WsLab lab(&tl);
    QVERIFY(lab.startServer(anyPort()));
    Raw raw(lab.serverPort());
    QVERIFY(raw.s.waitForConnected(5000));
    raw.s.write(upgradeRequest(lab.serverPort()));
    const QString s = QStringLiteral("ws-conn-1");
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {s, kHandshake, ev::App, ev::Out}), 5000);
    raw.s.write(maskedFrame(0x1, "naked", true, false));
    QTRY_VERIFY2_WITH_TIMEOUT(testutil::has(tl, {s, ev::Close}), testutil::dump(tl).constData(),
                              5000);
    const auto in = frames(tl, s, ev::In, QStringLiteral("text"));
    QCOMPARE(in.size(), std::size_t(1));
    QVERIFY(in[0].detail.contains(QStringLiteral("1002")));
    QCOMPARE(closeCode(tl, s), 1002);
    QVERIFY(frames(tl, s, ev::Out, QStringLiteral("text")).empty()); // not echoed
    // On the wire: a close frame (0x88) whose payload starts with 1002 (03 ea).
    QTRY_VERIFY_WITH_TIMEOUT(raw.got.indexOf(char(0x88)) > 0, 5000);
    const qsizetype at = raw.got.indexOf(char(0x88));
    QCOMPARE(raw.got.mid(at + 2, 2), QByteArray::fromHex("03ea"));
}

void TstWsLab::framesRightBehindTheRequest()
{
    Timeline tl;
    WsLab lab(&tl);
    QVERIFY(lab.startServer(anyPort()));
    Raw raw(lab.serverPort());
    QVERIFY(raw.s.waitForConnected(5000));
    // A client that does not wait for the 101, against RFC 6455 section 4.1.
    raw.s.write(upgradeRequest(lab.serverPort()) + maskedFrame(0x1, "early"));
    const QString s = QStringLiteral("ws-conn-1");
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {s, ev::Info}), 5000);
    QVERIFY(testutil::first(tl, {s, ev::Info})->detail.contains(QStringLiteral("4.1")));
    // The lab still shows the frame: it saw the bytes.
    QCOMPARE(frames(tl, s, ev::In, QStringLiteral("text"))[0].payload, QByteArray("early"));
    // A frame sent after the 101 is answered as usual.
    raw.s.write(maskedFrame(0x1, "on time"));
    QTRY_VERIFY_WITH_TIMEOUT(!frames(tl, s, ev::Out, QStringLiteral("text")).empty(), 5000);
    QCOMPARE(frames(tl, s, ev::Out, QStringLiteral("text"))[0].payload, QByteArray("on time"));
}

void TstWsLab::badUrls()
{
    Timeline tl;
    WsLab lab(&tl);
    QVERIFY(lab.connectTo(QStringLiteral("http://127.0.0.1:8090/")).isEmpty());
    QVERIFY(lab.connectTo(QStringLiteral("wss://127.0.0.1:8090/")).isEmpty());
    QVERIFY(lab.connectTo(QStringLiteral("ws://")).isEmpty());
    QCOMPARE(testutil::count(tl, {{}, ev::Error, ev::App, {}, QStringLiteral("EINVAL")}), 3);
    QVERIFY(!lab.sendText(QStringLiteral("ws-client-42"), QStringLiteral("x")));
}

void TstWsLab::refused()
{
    quint16 port;
    {
        QTcpServer s;
        QVERIFY(s.listen(QHostAddress::LocalHost, 0));
        port = s.serverPort();
    }
    Timeline tl;
    WsLab lab(&tl);
    const QString c = lab.connectTo(QStringLiteral("ws://127.0.0.1:%1/").arg(port));
    QVERIFY(!c.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, ev::Close}), 5000);
    QVERIFY(testutil::has(tl, {c, ev::Error, ev::App, {}, QStringLiteral("ECONNREFUSED")}));
    QVERIFY(!testutil::has(tl, {c, ev::Connect}));
}

void TstWsLab::closeCodeMeanings()
{
    QSet<QString> seen;
    for (int code : {1000, 1001, 1002, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011}) {
        const QString m = netstage::Explain::forWsCloseCode(code);
        QVERIFY(m.startsWith(QString::number(code)));
        seen.insert(m);
    }
    QCOMPARE(seen.size(), 11);
    QVERIFY(netstage::Explain::forWsCloseCode(4001).contains(QStringLiteral("application")));
}

QTEST_GUILESS_MAIN(TstWsLab)
#include "tst_ws_lab.moc"
