#include "core/explain/explain.h"

#include <QJsonArray>
#include <QJsonObject>

namespace netstage {

QString Explain::sentence(const Event& e)
{
    if (!e.detail.isEmpty())
        return e.detail;
    if (e.proto == QLatin1String("udp") || e.proto == QLatin1String("ws")) {
        // Their listening, close and message mean something else than TCP's.
        if (const QString s = forUdpWs(e); !s.isEmpty())
            return s;
    }
    if (e.event == ev::Error)
        return forError(e.code);
    if (e.event == ev::State)
        return forState(e.state);
    if (e.event == ev::Segment)
        return forSegment(e);
    if (e.event == ev::Listening)
        return tr("The server socket is bound and listening: the kernel now completes handshakes "
                  "for it and queues the new connections until the program accepts them.");
    if (e.event == ev::Connection)
        return tr("The server accepted a new connection: the 3-way handshake (SYN, SYN+ACK, ACK) "
                  "is already complete in the kernel.");
    if (e.event == ev::Connect)
        return tr("The client's 3-way handshake completed (SYN, SYN+ACK, ACK): the connection is "
                  "ESTABLISHED and both sides can send.");
    if (e.event == ev::End)
        return tr("The peer sent FIN: it will send nothing more. Reading returns end-of-stream; "
                  "this side may still write until it closes too.");
    if (e.event == ev::Close)
        return tr("The program closed its socket. The kernel may still hold the connection "
                  "(FIN-WAIT, TIME-WAIT) until the teardown completes.");
    if (e.proto == QLatin1String("http") || e.proto == QLatin1String("dns"))
        return forHttp(e);
    return {};
}

QString Explain::forError(const QString& code)
{
    if (code == QLatin1String("ECONNREFUSED"))
        return tr("Connection refused: nothing listens on that port, so the peer's kernel answered "
                  "the SYN with RST.");
    if (code == QLatin1String("EADDRINUSE"))
        return tr("Address in use: another socket already listens on this address and port. "
                  "Stop the other program or choose another port.");
    if (code == QLatin1String("ECONNRESET"))
        return tr("Connection reset: the peer sent RST. It aborted (SO_LINGER 0) or closed while "
                  "data was still unread, so the connection ends at once, without a FIN.");
    if (code == QLatin1String("ETIMEDOUT"))
        return tr("Timed out: no answer came to the SYN in time (a firewall may drop it silently, "
                  "or the host is unreachable).");
    if (code == QLatin1String("EPIPE"))
        return tr("Broken pipe: this side already shut down its sending direction, or the peer "
                  "reset the connection; the data cannot be sent.");
    if (code == QLatin1String("EACCES"))
        return tr("Permission denied: ports below 1024 need administrator rights.");
    if (code == QLatin1String("EADDRNOTAVAIL"))
        return tr("Address not available: that IP address does not belong to this machine.");
    if (code == QLatin1String("ENETUNREACH") || code == QLatin1String("EHOSTUNREACH"))
        return tr("No route to that network or host.");
    if (code == QLatin1String("EHOSTNOTFOUND"))
        return tr("The host name could not be resolved to an address.");
    if (code == QLatin1String("ENOTCONN"))
        return tr("That socket is not open (it was closed already, or never existed).");
    if (code == QLatin1String("EINVAL"))
        return tr("That input cannot be used.");
    // HTTP lab: Node's llhttp names (HPE_*) and the server's own limits.
    if (code == QLatin1String("HPE_HEADER_OVERFLOW"))
        return tr("The request's headers are too large or too many: 431 Request Header Fields "
                  "Too Large.");
    if (code == QLatin1String("HTTP_URI_TOO_LONG"))
        return tr("The request line is too long: 414 URI Too Long.");
    if (code == QLatin1String("HTTP_BODY_TOO_LARGE"))
        return tr("The body is larger than the server accepts: 413 Content Too Large.");
    if (code == QLatin1String("ERR_HTTP_REQUEST_TIMEOUT"))
        return tr("The client was too slow to send its request: 408 Request Timeout, then "
                  "close.");
    if (code == QLatin1String("HPE_INVALID_EOF_STATE"))
        return tr("The connection closed in the middle of an HTTP message.");
    if (code == QLatin1String("HPE_INVALID_VERSION"))
        return tr("The HTTP version is malformed or not HTTP/1.x (505 for HTTP/2 sent as "
                  "text).");
    if (code.startsWith(QLatin1String("HPE_")))
        return tr("The bytes are not well-formed HTTP/1.1 (%1): 400 Bad Request, then close.")
            .arg(code);
    if (code == QLatin1String("ERR_HTTP_PIPELINE_OVERFLOW"))
        return tr("The client sent requests faster than it read the answers; the server cut "
                  "it off.");
    if (code == QLatin1String("ENOTFOUND"))
        return tr("The host name could not be resolved to an address.");
    if (code == QLatin1String("ECANCELED"))
        return tr("The request was cancelled before an answer came.");
    if (const QString s = forUdpWsError(code); !s.isEmpty())
        return s;
    return tr("The operation failed (%1).").arg(code);
}

QString Explain::forState(const QString& state)
{
    if (state == QLatin1String("LISTEN"))
        return tr("LISTEN: waiting for SYNs from clients.");
    if (state == QLatin1String("SYN-SENT"))
        return tr("SYN-SENT: the client sent SYN and waits for SYN+ACK.");
    if (state == QLatin1String("SYN-RECEIVED"))
        return tr("SYN-RECEIVED: the server got SYN, answered SYN+ACK and waits for the final "
                  "ACK.");
    if (state == QLatin1String("ESTABLISHED"))
        return tr("ESTABLISHED: the handshake is complete; data flows both ways.");
    if (state == QLatin1String("FIN-WAIT-1"))
        return tr("FIN-WAIT-1: this side sent FIN and waits for it to be acknowledged.");
    if (state == QLatin1String("FIN-WAIT-2"))
        return tr("FIN-WAIT-2: our FIN was acknowledged; we wait for the peer's FIN and can "
                  "still receive data (half-closed).");
    if (state == QLatin1String("CLOSE-WAIT"))
        return tr("CLOSE-WAIT: the peer sent FIN and the kernel acknowledged it; the connection "
                  "stays half-open until this program closes its side.");
    if (state == QLatin1String("CLOSING"))
        return tr("CLOSING: both sides sent FIN at the same time; waiting for the ACK of ours.");
    if (state == QLatin1String("LAST-ACK"))
        return tr("LAST-ACK: this side sent its FIN after the peer's; waiting for the last ACK.");
    if (state == QLatin1String("TIME-WAIT"))
        return tr("TIME-WAIT: the side that closed first waits 2×MSL (60 s on Linux) so late "
                  "segments die out and the last ACK can be repeated if it was lost.");
    if (state == QLatin1String("CLOSED"))
        return tr("CLOSED: the kernel has forgotten this connection.");
    return {};
}

QString Explain::forSegment(const Event& e)
{
    const QStringList f = e.flags.split(QLatin1Char(','));
    const bool syn = f.contains(QLatin1String("SYN"));
    const bool ack = f.contains(QLatin1String("ACK"));
    const bool fin = f.contains(QLatin1String("FIN"));
    const bool rst = f.contains(QLatin1String("RST"));
    if (rst)
        return tr("RST: reset. The connection is dropped at once, without FIN and without "
                  "TIME-WAIT (an abort, or a SYN to a port where nothing listens).");
    if (syn && !ack)
        return tr("SYN (handshake 1/3): asks to open a connection. seq is this side's initial "
                  "sequence number (ISN), chosen at random; the options offer MSS, window "
                  "scaling, SACK and timestamps.");
    if (syn && ack)
        return tr("SYN+ACK (handshake 2/3): the server agrees and sends its own ISN. ack is the "
                  "client's ISN + 1, because a SYN consumes one sequence number.");
    if (fin)
        return tr("FIN: this side has nothing more to send. A FIN consumes one sequence number, "
                  "so the peer acknowledges seq + 1. Linux often puts FIN and ACK in one "
                  "segment.");
    if (e.len > 0)
        return tr("Data: %n byte(s) with sequence numbers from seq on; the receiver acknowledges "
                  "seq + length.",
                  nullptr, int(e.len));
    if (ack)
        return tr("ACK: acknowledges every byte before the ack number; no data of its own.");
    return {};
}

QString Explain::qtName(const QString& event)
{
    if (event == ev::Listening)
        return QStringLiteral("QTcpServer::listen() == true");
    if (event == ev::Connection)
        return QStringLiteral("QTcpServer::newConnection");
    if (event == ev::Connect)
        return QStringLiteral("QAbstractSocket::connected");
    if (event == ev::Data)
        return QStringLiteral("QIODevice::readyRead / bytesWritten");
    if (event == ev::End)
        return QStringLiteral("QIODevice::readChannelFinished");
    if (event == ev::Close)
        return QStringLiteral("QAbstractSocket::disconnected");
    if (event == ev::Error)
        return QStringLiteral("QAbstractSocket::errorOccurred");
    if (event == ev::State)
        return QStringLiteral("ss -tan (NETLINK_SOCK_DIAG)");
    return {};
}

QString Explain::forHttp(const Event& e)
{
    const QJsonObject& x = e.extra;
    if (e.event == QLatin1String("request"))
        return tr("HTTP request %1 %2 (%3): the request line, %n header field(s) and %4 byte(s) "
                  "of body, sent as plain text over the TCP connection.",
                  nullptr, int(x.value(QStringLiteral("headers")).toArray().size()))
            .arg(x.value(QStringLiteral("method")).toString(),
                 x.value(QStringLiteral("target")).toString(),
                 x.value(QStringLiteral("version")).toString())
            .arg(x.value(QStringLiteral("body_bytes")).toInteger());
    if (e.event == QLatin1String("response")) {
        const int status = x.value(QStringLiteral("status")).toInt();
        QString kind;
        if (status >= 500)
            kind = tr("a server error");
        else if (status >= 400)
            kind = tr("a client error: the request was refused");
        else if (status >= 300)
            kind = tr("a redirect: ask again at Location");
        else if (status >= 200)
            kind = tr("success");
        else
            kind = tr("informational");
        return tr("HTTP response %1 %2 (%3), %4 byte(s) of body.")
            .arg(status)
            .arg(x.value(QStringLiteral("reason")).toString(), kind)
            .arg(x.value(QStringLiteral("body_bytes")).toInteger());
    }
    if (e.event == QLatin1String("clientError"))
        return forError(e.code);
    if (e.event == QLatin1String("drop"))
        return tr("The server has as many connections as it allows; this one is refused.");
    if (e.event == QLatin1String("dns"))
        return tr("The host name is turned into an IP address before any connection can "
                  "open.");
    return {};
}

} // namespace netstage
