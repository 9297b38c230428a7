// Explain's sentences for the UDP and WebSocket labs (issue 5), kept beside explain.cpp so the
// labs can grow their texts without touching the TCP ones.
#include "core/explain/explain.h"

#include <QJsonObject>

namespace netstage {

QString Explain::forWsCloseCode(int code)
{
    switch (code) {
    case 1000:
        return tr("1000 normal closure: both sides are done and said so");
    case 1001:
        return tr("1001 going away: the server shuts down or the page is left");
    case 1002:
        return tr("1002 protocol error: a frame broke RFC 6455 (an unmasked client frame, a "
                  "bad opcode...)");
    case 1003:
        return tr("1003 unsupported data: a kind of message this endpoint does not accept (text "
                  "where only binary is understood, or the other way round)");
    case 1005:
        return tr("1005 no status: the close frame carried no code");
    case 1006:
        return tr("1006 abnormal closure: the connection ended without any close frame (never "
                  "sent on the wire; it describes a vanished peer)");
    case 1007:
        return tr("1007 invalid data: a text message that is not valid UTF-8");
    case 1008:
        return tr("1008 policy violation: the message breaks the server's rules");
    case 1009:
        return tr("1009 message too big: larger than this endpoint accepts");
    case 1010:
        return tr("1010 extension missing: the client needs an extension the server did not "
                  "agree to");
    case 1011:
        return tr("1011 internal error: the server met a condition it could not handle");
    case 1012:
        return tr("1012 service restart");
    case 1013:
        return tr("1013 try again later: the server is overloaded");
    case 1015:
        return tr("1015 TLS handshake failed (never sent on the wire)");
    default:
        break;
    }
    if (code >= 3000 && code <= 3999)
        return tr("%1: a code registered with IANA by a library or framework").arg(code);
    if (code >= 4000 && code <= 4999)
        return tr("%1: an application's own code, meaningful only to its two ends").arg(code);
    return tr("%1: not a code RFC 6455 defines").arg(code);
}

QString Explain::forUdpWs(const Event& e)
{
    const QString action = e.extra.value(QStringLiteral("action")).toString();
    if (e.event == QLatin1String("relay")) {
        const QString toward =
            e.extra.value(QStringLiteral("toward")).toString() == QLatin1String("client")
                ? tr("toward the client")
                : tr("toward the server");
        const int n = e.extra.value(QStringLiteral("n")).toInt();
        const int delay = e.extra.value(QStringLiteral("delay_ms")).toInt();
        if (action == QLatin1String("drop")) {
            if (e.extra.value(QStringLiteral("reason")).toString() == QLatin1String("overflow"))
                return tr("Datagram %1 (%2) dropped: too many datagrams were waiting in the "
                          "relay, as a router drops when its queue is full.")
                    .arg(n)
                    .arg(toward);
            return tr("Datagram %1 (%2) lost on purpose. Nobody is told: UDP has no "
                      "acknowledgements and no retransmission, so the receiver simply never "
                      "sees it.")
                .arg(n)
                .arg(toward);
        }
        if (action == QLatin1String("delay"))
            return tr("Datagram %1 (%2) delayed by %3 ms.").arg(n).arg(toward).arg(delay);
        if (action == QLatin1String("duplicate"))
            return tr("Datagram %1 (%2) sent twice: the receiver gets two identical copies and "
                      "UDP does nothing to notice.")
                .arg(n)
                .arg(toward);
        if (action == QLatin1String("reorder"))
            return tr("Datagram %1 (%2) held back until the next one has gone: it will arrive "
                      "out of order, and UDP keeps no sequence numbers to fix that.")
                .arg(n)
                .arg(toward);
        return tr("Datagram %1 (%2) passed on unchanged.").arg(n).arg(toward);
    }
    if (e.proto == QLatin1String("udp")) {
        if (e.event == QLatin1String("message"))
            return e.dir == ev::Out
                       ? tr("One datagram sent: one send() is one packet, delivered whole or "
                            "not at all, with no handshake before it and no acknowledgement "
                            "after it.")
                       : tr("One datagram received, whole, with the sender's address and port "
                            "(rinfo in Node).");
        if (e.event == ev::Close)
            return tr("The socket is closed. UDP has no connection to tear down: no FIN, no "
                      "TIME-WAIT.");
        if (e.event == ev::Listening)
            return tr("The socket is bound to its address and port and can receive datagrams.");
        return {};
    }
    if (e.proto != QLatin1String("ws"))
        return {};
    const QString opcode = e.extra.value(QStringLiteral("opcode")).toString();
    if (e.event == QLatin1String("handshake")) {
        const QString phase = e.extra.value(QStringLiteral("phase")).toString();
        if (phase == QLatin1String("request"))
            return tr("The opening handshake, part 1: an ordinary HTTP GET asking to switch "
                      "protocols (Upgrade: websocket, Connection: Upgrade), with a random "
                      "Sec-WebSocket-Key and Sec-WebSocket-Version: 13.");
        if (phase == QLatin1String("response")) {
            const int status = e.extra.value(QStringLiteral("status")).toInt();
            if (status != 101)
                return tr("The server answered %1 instead of 101: no WebSocket on this "
                          "connection.")
                    .arg(status);
            if (e.extra.contains(QStringLiteral("accept_ok")))
                return e.extra.value(QStringLiteral("accept_ok")).toBool()
                           ? tr("The opening handshake, part 2: \"101 Switching Protocols\". "
                                "Sec-WebSocket-Accept is base64(SHA-1(key + "
                                "258EAFA5-E914-47DA-95CA-C5AB0DC85B11)); the lab computed it "
                                "again and it matches.")
                           : tr("Sec-WebSocket-Accept does NOT match base64(SHA-1(key + "
                                "258EAFA5-E914-47DA-95CA-C5AB0DC85B11)): a client must refuse "
                                "this answer.");
            return tr("\"101 Switching Protocols\": from here on the TCP connection carries "
                      "WebSocket frames.");
        }
        return {};
    }
    if (e.event == QLatin1String("frame")) {
        const bool fin = e.extra.value(QStringLiteral("fin")).toBool(true);
        const bool masked = e.extra.value(QStringLiteral("masked")).toBool();
        const QString mask = masked ? tr("masked (client to server, as RFC 6455 requires)")
                                    : tr("not masked (server to client)");
        if (opcode == QLatin1String("close")) {
            const int code = e.extra.value(QStringLiteral("close_code")).toInt(-1);
            return tr("Close frame: %1. The other side answers with a close frame, then the "
                      "server closes the TCP connection.")
                .arg(forWsCloseCode(code));
        }
        if (opcode == QLatin1String("ping"))
            return tr("Ping (a control frame): the other side must answer with a pong carrying "
                      "the same bytes; %1.")
                .arg(mask);
        if (opcode == QLatin1String("pong"))
            return tr("Pong: the answer to a ping, carrying the ping's bytes; %1.").arg(mask);
        if (opcode == QLatin1String("continuation"))
            return fin ? tr("Continuation frame, the last of its message (FIN set); %1.").arg(mask)
                       : tr("Continuation frame: more of the same message follows; %1.").arg(mask);
        if (opcode == QLatin1String("text") || opcode == QLatin1String("binary"))
            return fin ? tr("A %1 frame holding a whole message (FIN set); %2.").arg(opcode, mask)
                       : tr("A %1 frame starting a message split in fragments (FIN clear); %2.")
                             .arg(opcode, mask);
        return {};
    }
    if (e.event == ev::Close && e.extra.contains(QStringLiteral("close_code")))
        return forWsCloseCode(e.extra.value(QStringLiteral("close_code")).toInt());
    return {};
}

QString Explain::forUdpWsError(const QString& code)
{
    if (code == QLatin1String("EMSGSIZE"))
        return tr("Message too long: more bytes than one datagram can carry (65,507 over IPv4).");
    if (code == QLatin1String("WS_NOT_WEBSOCKET"))
        return tr("Not a WebSocket handshake: the server answered with an HTTP error and closed "
                  "that connection.");
    if (code == QLatin1String("WS_ERR_UNSUPPORTED_MESSAGE_LENGTH"))
        return tr("Message too big: the server closed the WebSocket with 1009.");
    if (code == QLatin1String("WS_HANDSHAKE_TIMEOUT"))
        return tr("The client never finished its upgrade request: 408, then close.");
    return {};
}

} // namespace netstage
