// Units of the WebSocket lab's byte view: the opening handshake (RFC 6455 section 4, with the
// RFC's own example key) and the frame parser (section 5, with the RFC's example frames), fed
// whole and one byte at a time.
#include "core/ws/ws_frame_parser.h"
#include "core/ws/ws_handshake.h"

#include <QTest>
#include <vector>

using netstage::HttpHead;
using netstage::WsFrame;
using netstage::WsFrameParser;
using netstage::WsHandshake;
using netstage::WsUtf8Refragmenter;

namespace {

std::vector<WsFrame> parseAll(const QByteArray& bytes, bool byteByByte, QString* error = nullptr)
{
    WsFrameParser p;
    std::vector<WsFrame> out;
    auto sink = [&out](const WsFrame& f) { out.push_back(f); };
    if (byteByByte) {
        for (char c : bytes) {
            if (!p.feed(&c, 1, sink))
                break;
        }
    } else {
        p.feed(bytes, sink);
    }
    if (error)
        *error = p.error();
    return out;
}

QByteArray frame(int opcode, const QByteArray& payload, bool fin = true,
                 const QByteArray& mask = {})
{
    QByteArray f;
    f.append(char((fin ? 0x80 : 0) | opcode));
    const quint8 m = mask.isEmpty() ? 0 : 0x80;
    const qint64 n = payload.size();
    if (n < 126) {
        f.append(char(m | n));
    } else if (n < 65536) {
        f.append(char(m | 126));
        f.append(char(n >> 8));
        f.append(char(n & 0xff));
    } else {
        f.append(char(m | 127));
        for (int i = 7; i >= 0; --i)
            f.append(char((quint64(n) >> (8 * i)) & 0xff));
    }
    f += mask;
    for (qint64 i = 0; i < n; ++i)
        f.append(mask.isEmpty() ? payload[int(i)] : char(payload[int(i)] ^ mask[int(i % 4)]));
    return f;
}

} // namespace

class TstWsProtocol : public QObject
{
    Q_OBJECT
private slots:
    void acceptOfTheRfcExample();
    void keyMustBeSixteenBytes();
    void textFragmentsRecutAtCharacters();
    void parseUpgradeRequest();
    void classify_data();
    void classify();
    void couldBeGet();
    void headNotComplete();
    void rfcUnmaskedAndMasked_data();
    void rfcUnmaskedAndMasked();
    void fragmentedMessage();
    void controlFrames();
    void extendedLengthsKeepOnlyAPreview();
    void closeWithoutCode();
    void invalidStreamsStop_data();
    void invalidStreamsStop();
};

void TstWsProtocol::acceptOfTheRfcExample()
{
    // RFC 6455 section 1.3: this key must give this accept value.
    QCOMPARE(WsHandshake::acceptFor("dGhlIHNhbXBsZSBub25jZQ=="),
             QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(WsHandshake::kGuid, QByteArray("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
}

void TstWsProtocol::keyMustBeSixteenBytes()
{
    // RFC 6455 4.2.1: 16 random bytes in base64 (issue 18: short, empty and missing got 101
    // or no answer at all).
    QVERIFY(WsHandshake::keyIsValid("dGhlIHNhbXBsZSBub25jZQ=="));
    QVERIFY(!WsHandshake::keyIsValid("short"));
    QVERIFY(!WsHandshake::keyIsValid(""));
    QVERIFY(!WsHandshake::keyIsValid("dGhlIHNhbXBsZSBub25jZQ"));   // no padding: 22 characters
    QVERIFY(!WsHandshake::keyIsValid("dGhlIHNhbXBsZSBub25j!Q==")); // not base64
    QVERIFY(!WsHandshake::keyIsValid("dGhlIHNhbXBsZSBub25jZSBub25jZQ==")); // 22 bytes
}

void TstWsProtocol::textFragmentsRecutAtCharacters()
{
    // "ok€" split inside the €: Qt 6.4 would close with 1007 (issue 18); re-cut, each fragment
    // holds whole characters. Masked frames, as a client sends them.
    auto frame = [](int b0, const QByteArray& payload, const QByteArray& key) {
        QByteArray f;
        f += char(b0);
        f += char(0x80 | payload.size());
        f += key;
        for (int i = 0; i < payload.size(); ++i)
            f += char(payload[i] ^ key[i % 4]);
        return f;
    };
    const QByteArray key("\x11\x22\x33\x44", 4);
    const QByteArray zero(4, '\0');
    WsUtf8Refragmenter r;
    const QByteArray in = frame(0x01, "ok\xe2", key) + frame(0x89, "p", key) + // a ping between
                          frame(0x80, "\x82\xac", key);
    // Fed byte by byte: the result must not depend on how the bytes arrive.
    QByteArray out;
    for (char c : in)
        out += r.feed(QByteArray(1, c));
    QCOMPARE(out,
             frame(0x01, "ok", zero) + frame(0x89, "p", key) + frame(0x80, "\xe2\x82\xac", zero));
    // Binary and unfragmented text pass as they are; invalid UTF-8 stays invalid.
    WsUtf8Refragmenter p;
    const QByteArray plain = frame(0x82, "\xe2", key) + frame(0x81, "\xff", key);
    QCOMPARE(p.feed(plain), plain);
    QCOMPARE(WsUtf8Refragmenter::incompleteTail("ok\xe2\x82"), 2);
    QCOMPARE(WsUtf8Refragmenter::incompleteTail("ok\xe2\x82\xac"), 0);
    QCOMPARE(WsUtf8Refragmenter::incompleteTail("\xf0\x9f\x98"), 3);
    QCOMPARE(WsUtf8Refragmenter::incompleteTail("abc"), 0);
}

void TstWsProtocol::parseUpgradeRequest()
{
    const QByteArray req = "GET /chat HTTP/1.1\r\n"
                           "Host: server.example.com\r\n"
                           "Upgrade: websocket\r\n"
                           "Connection: keep-alive, Upgrade\r\n"
                           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                           "Sec-WebSocket-Version: 13\r\n"
                           "X-Twice: a\r\n"
                           "x-twice: b\r\n"
                           "\r\n" +
                           QByteArray::fromHex("8100"); // a frame right behind the head
    const auto head = WsHandshake::parseHead(req);
    QVERIFY(head);
    QCOMPARE(head->startLine, QStringLiteral("GET /chat HTTP/1.1"));
    QCOMPARE(head->size, qint64(req.size() - 2));
    QCOMPARE(head->field(QStringLiteral("sec-websocket-key")),
             QStringLiteral("dGhlIHNhbXBsZSBub25jZQ=="));
    QVERIFY(head->hasToken(QStringLiteral("Connection"), QStringLiteral("upgrade")));
    QVERIFY(!head->hasToken(QStringLiteral("Connection"), QStringLiteral("close")));
    QCOMPARE(head->field(QStringLiteral("X-Twice")), QStringLiteral("a, b"));
    const QJsonObject json = head->fieldsJson();
    QCOMPARE(json.value(QStringLiteral("Upgrade")).toString(), QStringLiteral("websocket"));
    QCOMPARE(json.size(), 7); // X-Twice and x-twice keep their spelling
    QCOMPARE(head->statusCode(), -1);
    QCOMPARE(WsHandshake::classify(*head), WsHandshake::Verdict::Upgrade);

    const auto resp = WsHandshake::parseHead("HTTP/1.1 101 Switching Protocols\r\n"
                                             "Upgrade: websocket\r\n\r\n");
    QVERIFY(resp);
    QCOMPARE(resp->statusCode(), 101);
}

void TstWsProtocol::classify_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("verdict");
    using V = WsHandshake::Verdict;
    QTest::newRow("upgrade") << QByteArray("GET / HTTP/1.1\r\nUpgrade: WebSocket\r\n\r\n")
                             << int(V::Upgrade);
    QTest::newRow("plain get") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                               << int(V::NotWebSocket);
    QTest::newRow("post upgrade") << QByteArray("POST / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n")
                                  << int(V::NotWebSocket);
    QTest::newRow("upgrade h2c") << QByteArray("GET / HTTP/1.1\r\nUpgrade: h2c\r\n\r\n")
                                 << int(V::NotWebSocket);
    QTest::newRow("not http") << QByteArray("GET me a coffee\r\n\r\n") << int(V::NotHttp);
}

void TstWsProtocol::classify()
{
    QFETCH(QByteArray, head);
    QFETCH(int, verdict);
    const auto h = WsHandshake::parseHead(head);
    QVERIFY(h);
    QCOMPARE(int(WsHandshake::classify(*h)), verdict);
}

void TstWsProtocol::couldBeGet()
{
    QVERIFY(WsHandshake::couldBeGet(""));
    QVERIFY(WsHandshake::couldBeGet("G"));
    QVERIFY(WsHandshake::couldBeGet("GET"));
    QVERIFY(WsHandshake::couldBeGet("GET /x"));
    QVERIFY(!WsHandshake::couldBeGet("hello"));
    QVERIFY(!WsHandshake::couldBeGet("POST"));
    QVERIFY(!WsHandshake::couldBeGet("\x16\x03\x01")); // a TLS ClientHello: wss to a ws port
}

void TstWsProtocol::headNotComplete()
{
    QVERIFY(!WsHandshake::parseHead("GET / HTTP/1.1\r\nHost: x\r\n"));
    QCOMPARE(WsHandshake::headEnd("GET / HTTP/1.1\r\n"), qint64(-1));
    QVERIFY(!WsHandshake::parseHead("GET / HTTP/1.1\r\nno colon here\r\n\r\n"));
}

void TstWsProtocol::rfcUnmaskedAndMasked_data()
{
    QTest::addColumn<bool>("byteByByte");
    QTest::newRow("whole") << false;
    QTest::newRow("byte by byte") << true;
}

void TstWsProtocol::rfcUnmaskedAndMasked()
{
    QFETCH(bool, byteByByte);
    // RFC 6455 section 5.7: "Hello" unmasked, then "Hello" masked with 37 fa 21 3d.
    const QByteArray bytes = QByteArray::fromHex("810548656c6c6f"
                                                 "818537fa213d7f9f4d5158");
    const auto frames = parseAll(bytes, byteByByte);
    QCOMPARE(frames.size(), std::size_t(2));
    for (const WsFrame& f : frames) {
        QCOMPARE(f.opcode, 1);
        QCOMPARE(f.opcodeName(), QStringLiteral("text"));
        QVERIFY(f.fin);
        QCOMPARE(f.payloadLength, qint64(5));
        QCOMPARE(f.preview, QByteArray("Hello"));
    }
    QVERIFY(!frames[0].masked);
    QCOMPARE(frames[0].headerLength, qint64(2));
    QVERIFY(frames[1].masked);
    QCOMPARE(frames[1].maskKey, QByteArray::fromHex("37fa213d"));
    QCOMPARE(frames[1].headerLength, qint64(6));
}

void TstWsProtocol::fragmentedMessage()
{
    // RFC 6455 section 5.7: "Hel" then "lo" as a text frame and a continuation.
    const auto frames = parseAll(QByteArray::fromHex("010348656c80026c6f"), false);
    QCOMPARE(frames.size(), std::size_t(2));
    QCOMPARE(frames[0].opcodeName(), QStringLiteral("text"));
    QVERIFY(!frames[0].fin);
    QCOMPARE(frames[0].preview, QByteArray("Hel"));
    QCOMPARE(frames[1].opcodeName(), QStringLiteral("continuation"));
    QVERIFY(frames[1].fin);
    QCOMPARE(frames[1].preview, QByteArray("lo"));
}

void TstWsProtocol::controlFrames()
{
    const QByteArray mask = QByteArray::fromHex("01020304");
    QByteArray closePayload;
    closePayload.append(char(1000 >> 8)).append(char(1000 & 0xff)).append("再见 bye");
    const QByteArray bytes = frame(0x9, "ping!", true, mask) + frame(0xA, "ping!") +
                             frame(0x8, closePayload, true, mask) +
                             frame(0x2, QByteArray::fromHex("0001ff"));
    for (bool byteByByte : {false, true}) {
        const auto frames = parseAll(bytes, byteByByte);
        QCOMPARE(frames.size(), std::size_t(4));
        QCOMPARE(frames[0].opcodeName(), QStringLiteral("ping"));
        QVERIFY(frames[0].isControl());
        QCOMPARE(frames[0].preview, QByteArray("ping!"));
        QCOMPARE(frames[1].opcodeName(), QStringLiteral("pong"));
        QCOMPARE(frames[2].opcodeName(), QStringLiteral("close"));
        QCOMPARE(frames[2].closeCode, 1000);
        QCOMPARE(frames[2].closeReason, QStringLiteral("再见 bye"));
        QCOMPARE(frames[2].preview, QStringLiteral("再见 bye").toUtf8());
        QCOMPARE(frames[3].opcodeName(), QStringLiteral("binary"));
        QCOMPARE(frames[3].payloadLength, qint64(3));
        QCOMPARE(frames[3].preview, QByteArray::fromHex("0001ff"));
    }
}

void TstWsProtocol::extendedLengthsKeepOnlyAPreview()
{
    const QByteArray mask = QByteArray::fromHex("a1b2c3d4");
    const QByteArray mid(300, 'm');   // 16-bit length
    const QByteArray big(70000, 'B'); // 64-bit length
    const QByteArray bytes = frame(0x1, mid, true, mask) + frame(0x2, big);
    WsFrameParser p(16);
    std::vector<WsFrame> frames;
    // Odd chunk sizes cross every boundary (header, mask, payload).
    for (int at = 0; at < bytes.size(); at += 777)
        QVERIFY(p.feed(bytes.mid(at, 777), [&](const WsFrame& f) { frames.push_back(f); }));
    QCOMPARE(frames.size(), std::size_t(2));
    QCOMPARE(frames[0].payloadLength, qint64(300));
    QCOMPARE(frames[0].headerLength, qint64(2 + 2 + 4));
    QCOMPARE(frames[0].preview, QByteArray(16, 'm'));
    QCOMPARE(frames[1].payloadLength, qint64(70000));
    QCOMPARE(frames[1].headerLength, qint64(2 + 8));
    QCOMPARE(frames[1].preview, QByteArray(16, 'B'));
    QVERIFY(!p.midFrame());
    QCOMPARE(p.framesParsed(), qint64(2));
}

void TstWsProtocol::closeWithoutCode()
{
    const auto frames = parseAll(frame(0x8, {}), false);
    QCOMPARE(frames.size(), std::size_t(1));
    QCOMPARE(frames[0].closeCode, -1); // 1005 "no status" is what the lab reports for it
}

void TstWsProtocol::invalidStreamsStop_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("reserved opcode 3") << QByteArray::fromHex("8300");
    QTest::newRow("reserved opcode 0xB") << QByteArray::fromHex("8b00");
    QTest::newRow("long ping") << frame(0x9, QByteArray(126, 'p'));
    QTest::newRow("fragmented ping") << frame(0x9, "p", false);
    QTest::newRow("top bit length") << QByteArray::fromHex("827f8000000000000000");
}

void TstWsProtocol::invalidStreamsStop()
{
    QFETCH(QByteArray, bytes);
    QString error;
    const auto frames = parseAll(bytes + frame(0x1, "after"), false, &error);
    QVERIFY(frames.empty());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TstWsProtocol)
#include "tst_ws_protocol.moc"
