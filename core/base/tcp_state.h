#pragma once

#include <QString>

namespace netstage {

// Linux's TCP states (include/net/tcp_states.h numbering), named as RFC 9293 and `ss` name them.
enum class TcpState
{
    Unknown = 0,
    Established = 1,
    SynSent = 2,
    SynReceived = 3,
    FinWait1 = 4,
    FinWait2 = 5,
    TimeWait = 6,
    Closed = 7, // also "gone": the kernel no longer has the socket
    CloseWait = 8,
    LastAck = 9,
    Listen = 10,
    Closing = 11,
    NewSynReceived = 12, // a request socket; shown as SYN-RECEIVED
};

// "ESTABLISHED", "SYN-SENT", "FIN-WAIT-2", "TIME-WAIT", "CLOSED"...
QString tcpStateName(TcpState s);
TcpState tcpStateFromName(const QString& name); // Unknown for anything else
TcpState tcpStateFromLinux(int linuxState);

} // namespace netstage
