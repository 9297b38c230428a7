#pragma once

#include "core/ladder/ladder.h"

#include <QString>

namespace netstage::test {

// A realistic ladder, hand-made so painter tests do not depend on how core builds one: the
// seed's TCP lab on loopback (client 127.0.0.1:51514, server 127.0.0.1:8124), wire numbers as
// libpcap saw them (client ISN 3148290479, server ISN 3300419134), the server pausing in
// CLOSE-WAIT for the teacher, so the teardown shows the textbook four segments.
class SampleLadder
{
public:
    // `greeting` is what the client sends (try "你好" for the Chinese screenshot).
    static Ladder full(const QString& source = QStringLiteral("wire"),
                       const QString& greeting = QStringLiteral("hello"))
    {
        SampleLadder b(source);
        const qint64 x = b.model_ ? 0 : 3148290479LL, y = b.model_ ? 0 : 3300419134LL;
        const QByteArray hello = greeting.toUtf8();
        const QByteArray welcome("Welcome to NetStage!\r\n");
        const qint64 h = hello.size(), w = welcome.size();

        b.state(0, 0, "CLOSED");
        b.state(1, 0, "LISTEN");
        b.marker(1, 20, "listening", "listening");
        // Handshake, within ~0.1 ms.
        b.state(0, 1000, "SYN-SENT");
        b.arrow(0, 1, 1000, "SYN", x, -1, 0, 65495,
                "mss=65495,sack_perm,ts=2401370661/0,nop,wscale=10");
        b.state(1, 1000, "SYN-RECEIVED");
        b.arrow(1, 0, 1014, "SYN,ACK", y, x + 1, 0, 65483,
                "mss=65495,sack_perm,ts=2401370661/2401370661,nop,wscale=10");
        b.state(0, 1014, "ESTABLISHED");
        b.arrow(0, 1, 1027, "ACK", x + 1, y + 1, 0, 64);
        b.state(1, 1027, "ESTABLISHED");
        b.marker(0, 1060, "connect", "connect");
        b.marker(1, 1102, "connection", "connection");
        // The server's welcome, acknowledged at once (the client is reading).
        b.arrow(1, 0, 1290, "PSH,ACK", y + 1, x + 1, w, 64, {}, welcome);
        b.arrow(0, 1, 1302, "ACK", x + 1, y + 1 + w, 0, 64);
        b.marker(0, 1340, "data", "data ← 22 B \"Welcome to NetStage!\\r\\n\"");
        // The client's greeting; the server's ACK waits for the delayed-ACK timer (~40 ms).
        b.arrow(0, 1, 5120, "PSH,ACK", x + 1, y + 1 + w, h, 64, {}, hello);
        b.marker(1, 5170, "data", QStringLiteral("data ← %1 B \"%2\"").arg(h).arg(greeting));
        b.arrow(1, 0, 48200, "ACK", y + 1 + w, x + 1 + h, 0, 64);
        // The teacher steps: the client half-closes.
        b.marker(0, 2100000, "step", "step: the client closes");
        b.state(0, 2100010, "FIN-WAIT-1");
        b.arrow(0, 1, 2100010, "FIN,ACK", x + 1 + h, y + 1 + w, 0, 64);
        b.state(1, 2100010, "CLOSE-WAIT");
        b.marker(1, 2100090, "end", "end");
        b.arrow(1, 0, 2143200, "ACK", y + 1 + w, x + 2 + h, 0, 64);
        b.state(0, 2143200, "FIN-WAIT-2");
        // The server sits in CLOSE-WAIT until the teacher steps again.
        b.marker(1, 4300000, "close", "close");
        b.state(1, 4300020, "LAST-ACK");
        b.arrow(1, 0, 4300020, "FIN,ACK", y + 1 + w, x + 2 + h, 0, 64);
        b.state(0, 4300020, "TIME-WAIT");
        b.arrow(0, 1, 4300041, "ACK", x + 2 + h, y + 2 + w, 0, 64);
        b.state(1, 4300041, "CLOSED");
        b.marker(0, 4300100, "close", "close");
        return std::move(b.l_);
    }

    // Only the handshake: three arrows and the states around them.
    static Ladder handshake(const QString& source = QStringLiteral("wire"))
    {
        SampleLadder b(source);
        const qint64 x = b.model_ ? 0 : 3148290479LL, y = b.model_ ? 0 : 3300419134LL;
        b.state(0, 0, "CLOSED");
        b.state(1, 0, "LISTEN");
        b.state(0, 1000, "SYN-SENT");
        b.arrow(0, 1, 1000, "SYN", x, -1, 0, 65495,
                "mss=65495,sack_perm,ts=2401370661/0,nop,wscale=10");
        b.state(1, 1000, "SYN-RECEIVED");
        b.arrow(1, 0, 1014, "SYN,ACK", y, x + 1, 0, 65483,
                "mss=65495,sack_perm,ts=2401370661/2401370661,nop,wscale=10");
        b.state(0, 1014, "ESTABLISHED");
        b.arrow(0, 1, 1027, "ACK", x + 1, y + 1, 0, 64);
        b.state(1, 1027, "ESTABLISHED");
        b.marker(0, 1060, "connect", "connect");
        return std::move(b.l_);
    }

    // A connection to a closed port: SYN answered by RST+ACK.
    static Ladder refused()
    {
        SampleLadder b(QStringLiteral("wire"));
        b.l_.lanes[1].label = QString();
        b.state(0, 0, "CLOSED");
        b.state(1, 0, "CLOSED");
        b.state(0, 100, "SYN-SENT");
        b.arrow(0, 1, 100, "SYN", 3148290479LL, -1, 0, 65495, "mss=65495,sack_perm,wscale=10");
        b.arrow(1, 0, 131, "RST,ACK", 0, 3148290480LL, 0, 0);
        b.state(0, 131, "CLOSED");
        b.marker(0, 180, "error", "error ECONNREFUSED");
        return std::move(b.l_);
    }

private:
    explicit SampleLadder(const QString& source) : model_(source == QLatin1String("model"))
    {
        l_.source = source;
        l_.lanes.push_back({QStringLiteral("127.0.0.1:51514"), QStringLiteral("client"),
                            QStringLiteral("tcp-client-1")});
        l_.lanes.push_back({QStringLiteral("127.0.0.1:8124"), QStringLiteral("server"),
                            QStringLiteral("tcp-server / tcp-conn-1")});
    }

    void state(int lane, qint64 t, const char* name)
    {
        l_.states.push_back({lane, t, QString::fromLatin1(name), l_.source, -1});
        l_.items.push_back({LadderItem::Kind::State, int(l_.states.size()) - 1, t});
    }
    void marker(int lane, qint64 t, const char* event, const QString& text)
    {
        l_.markers.push_back({lane, t, QString::fromLatin1(event), text, -1});
        l_.items.push_back({LadderItem::Kind::Marker, int(l_.markers.size()) - 1, t});
    }
    void arrow(int from, int to, qint64 t, const char* flags, qint64 seq, qint64 ack, qint64 len,
               qint64 win, const QString& opts = {}, const QByteArray& payload = {})
    {
        LadderArrow a;
        a.from = from;
        a.to = to;
        a.t_us = t;
        a.flags = QString::fromLatin1(flags);
        a.seq = seq;
        a.ack = ack;
        // Relative numbers as Wireshark shows them: from each side's first sequence number
        // (its ISN), as core does.
        if (isn_[from] < 0)
            isn_[from] = model_ ? 0 : seq;
        a.relSeq = seq - isn_[from];
        a.relAck = ack >= 0 && isn_[to] >= 0 ? ack - isn_[to] : -1;
        a.len = len;
        a.win = win;
        a.opts = opts;
        a.payload = payload;
        a.source = l_.source;
        a.seqLetter = from == 0 ? QStringLiteral("x") : QStringLiteral("y");
        a.ackLetter = to == 0 ? QStringLiteral("x") : QStringLiteral("y");
        l_.arrows.push_back(a);
        l_.items.push_back({LadderItem::Kind::Arrow, int(l_.arrows.size()) - 1, t});
    }

    Ladder l_;
    bool model_ = false;
    qint64 isn_[2] = {-1, -1};
};

} // namespace netstage::test
