#include "explain.h"

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

} // namespace netstage
