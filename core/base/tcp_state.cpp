#include "core/base/tcp_state.h"

#include <array>

namespace netstage {

namespace {
struct Name
{
    TcpState state;
    const char* name;
};
constexpr std::array<Name, 13> kNames{{
    {TcpState::Unknown, "UNKNOWN"},
    {TcpState::Established, "ESTABLISHED"},
    {TcpState::SynSent, "SYN-SENT"},
    {TcpState::SynReceived, "SYN-RECEIVED"},
    {TcpState::FinWait1, "FIN-WAIT-1"},
    {TcpState::FinWait2, "FIN-WAIT-2"},
    {TcpState::TimeWait, "TIME-WAIT"},
    {TcpState::Closed, "CLOSED"},
    {TcpState::CloseWait, "CLOSE-WAIT"},
    {TcpState::LastAck, "LAST-ACK"},
    {TcpState::Listen, "LISTEN"},
    {TcpState::Closing, "CLOSING"},
    {TcpState::NewSynReceived, "SYN-RECEIVED"},
}};
} // namespace

QString tcpStateName(TcpState s)
{
    for (const Name& n : kNames) {
        if (n.state == s)
            return QString::fromLatin1(n.name);
    }
    return QStringLiteral("UNKNOWN");
}

TcpState tcpStateFromName(const QString& name)
{
    for (const Name& n : kNames) {
        if (name == QLatin1String(n.name))
            return n.state;
    }
    return TcpState::Unknown;
}

TcpState tcpStateFromLinux(int linuxState)
{
    if (linuxState >= 1 && linuxState <= 12)
        return static_cast<TcpState>(linuxState);
    return TcpState::Unknown;
}

} // namespace netstage
