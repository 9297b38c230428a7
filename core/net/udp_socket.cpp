#include "core/net/udp_socket.h"

#include <QSocketNotifier>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace netstage {

namespace {
// Largest UDP payload over IPv6 is 65,527 bytes, over IPv4 65,507: one 64 KiB slot holds any.
constexpr int kSlotBytes = 65536;
constexpr int kSlots = 16;
// Datagrams read per wake-up before yielding to the event loop.
constexpr int kReadBudget = 256;

bool toSockaddr(const QHostAddress& host, quint16 port, sockaddr_storage* ss, socklen_t* len)
{
    *ss = {};
    if (host.protocol() == QAbstractSocket::IPv4Protocol) {
        auto* sin = reinterpret_cast<sockaddr_in*>(ss);
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
        sin->sin_addr.s_addr = htonl(host.toIPv4Address());
        *len = sizeof(sockaddr_in);
        return true;
    }
    if (host.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* sin6 = reinterpret_cast<sockaddr_in6*>(ss);
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
        const Q_IPV6ADDR a = host.toIPv6Address();
        memcpy(&sin6->sin6_addr, &a, sizeof(a));
        *len = sizeof(sockaddr_in6);
        return true;
    }
    return false;
}

void fromSockaddr(const sockaddr_storage& ss, QHostAddress* addr, quint16* port)
{
    if (ss.ss_family == AF_INET) {
        const auto* sin = reinterpret_cast<const sockaddr_in*>(&ss);
        addr->setAddress(ntohl(sin->sin_addr.s_addr));
        *port = ntohs(sin->sin_port);
    } else if (ss.ss_family == AF_INET6) {
        addr->setAddress(reinterpret_cast<const sockaddr*>(&ss));
        *port = ntohs(reinterpret_cast<const sockaddr_in6*>(&ss)->sin6_port);
    }
}
} // namespace

UdpSocket::UdpSocket(QObject* parent) : QObject(parent) {}

UdpSocket::~UdpSocket()
{
    close();
}

int UdpSocket::open(int family)
{
    if (fd_ >= 0)
        return 0;
    fd_ = ::socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd_ < 0)
        return errno;
    // Every datagram read carries the kernel's count of datagrams dropped so far for this
    // socket (receive buffer full): UDP's losses made visible.
    const int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_RXQ_OVFL, &one, sizeof(one));
    notifier_ = new QSocketNotifier(fd_, QSocketNotifier::Read, this);
    connect(notifier_, &QSocketNotifier::activated, this, &UdpSocket::onReadable);
    return 0;
}

int UdpSocket::bind(const QHostAddress& address, quint16 port)
{
    sockaddr_storage ss;
    socklen_t len = 0;
    if (!toSockaddr(address, port, &ss, &len))
        return EINVAL;
    if (const int err = open(ss.ss_family))
        return err;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&ss), len) != 0) {
        const int err = errno;
        close();
        return err;
    }
    refreshLocal();
    return 0;
}

int UdpSocket::connectTo(const QHostAddress& address, quint16 port)
{
    sockaddr_storage ss;
    socklen_t len = 0;
    if (!toSockaddr(address, port, &ss, &len))
        return EINVAL;
    if (const int err = open(ss.ss_family))
        return err;
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&ss), len) != 0)
        return errno;
    connected_ = true;
    peerAddr_ = address;
    peerPort_ = port;
    refreshLocal(); // connect() binds an unbound socket: the local port is known now
    return 0;
}

int UdpSocket::sendTo(const QByteArray& data, const QHostAddress& address, quint16 port)
{
    sockaddr_storage ss;
    socklen_t len = 0;
    if (!toSockaddr(address, port, &ss, &len))
        return EINVAL;
    if (const int err = open(ss.ss_family))
        return err;
    const ssize_t n = ::sendto(fd_, data.constData(), size_t(data.size()), MSG_NOSIGNAL,
                               reinterpret_cast<sockaddr*>(&ss), len);
    if (n < 0)
        return errno;
    if (localPort_ == 0)
        refreshLocal(); // the first send bound the socket implicitly
    return 0;
}

int UdpSocket::send(const QByteArray& data)
{
    if (fd_ < 0 || !connected_)
        return EDESTADDRREQ;
    if (::send(fd_, data.constData(), size_t(data.size()), MSG_NOSIGNAL) < 0)
        return errno;
    return 0;
}

void UdpSocket::close()
{
    if (fd_ < 0)
        return;
    delete notifier_;
    notifier_ = nullptr;
    ::close(fd_);
    fd_ = -1;
    connected_ = false;
}

void UdpSocket::setReading(bool on)
{
    if (notifier_)
        notifier_->setEnabled(on);
}

void UdpSocket::refreshLocal()
{
    sockaddr_storage ss{};
    socklen_t len = sizeof(ss);
    if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0)
        fromSockaddr(ss, &localAddr_, &localPort_);
}

void UdpSocket::onReadable()
{
    if (!buffer_)
        buffer_.reset(new char[size_t(kSlots) * kSlotBytes]);
    mmsghdr msgs[kSlots];
    iovec iov[kSlots];
    sockaddr_storage from[kSlots];
    alignas(cmsghdr) char control[kSlots][CMSG_SPACE(sizeof(quint32))];
    int budget = kReadBudget;
    // The socket may be closed by a slot connected to datagramReceived: re-check each round.
    while (fd_ >= 0 && budget > 0) {
        const int want = std::min(kSlots, budget);
        for (int i = 0; i < want; ++i) {
            iov[i].iov_base = buffer_.get() + size_t(i) * kSlotBytes;
            iov[i].iov_len = kSlotBytes;
            msgs[i] = {};
            msgs[i].msg_hdr.msg_iov = &iov[i];
            msgs[i].msg_hdr.msg_iovlen = 1;
            msgs[i].msg_hdr.msg_name = &from[i];
            msgs[i].msg_hdr.msg_namelen = sizeof(sockaddr_storage);
            msgs[i].msg_hdr.msg_control = control[i];
            msgs[i].msg_hdr.msg_controllen = sizeof(control[i]);
        }
        const int n = ::recvmmsg(fd_, msgs, unsigned(want), MSG_DONTWAIT, nullptr);
        if (n < 0) {
            const int err = errno;
            if (err == EAGAIN || err == EWOULDBLOCK || err == EINTR)
                return;
            // ECONNREFUSED (ICMP port unreachable on a connected socket) and the like: the
            // kernel reports it once, then the socket works again.
            emit errorOccurred(err);
            return;
        }
        quint32 drops = drops_;
        for (int i = 0; i < n; ++i) {
            for (cmsghdr* cm = CMSG_FIRSTHDR(&msgs[i].msg_hdr); cm;
                 cm = CMSG_NXTHDR(&msgs[i].msg_hdr, cm)) {
                if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SO_RXQ_OVFL) {
                    quint32 v = 0;
                    std::memcpy(&v, CMSG_DATA(cm), sizeof(v));
                    drops = std::max(drops, v);
                }
            }
        }
        if (drops != drops_) {
            const quint32 dropped = drops - drops_;
            drops_ = drops;
            const int before = fd_;
            emit kernelDropped(dropped, drops);
            if (fd_ != before)
                return;
        }
        const int fd = fd_;
        for (int i = 0; i < n; ++i) {
            QHostAddress addr;
            quint16 port = 0;
            fromSockaddr(from[i], &addr, &port);
            ++received_;
            emit datagramReceived(
                QByteArray(static_cast<const char*>(iov[i].iov_base), int(msgs[i].msg_len)), addr,
                port);
            if (fd_ != fd)
                return; // closed (or reopened) by a receiver
        }
        budget -= n;
        if (n < want)
            return;
    }
}

} // namespace netstage
