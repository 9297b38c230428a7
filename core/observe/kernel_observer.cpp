#include "core/observe/kernel_observer.h"

#include "core/base/clock.h"
#include "core/base/errors.h"
#include "core/base/tcp_state.h"
#include "core/base/timeline.h"

#include <QHash>
#include <QHostAddress>
#include <QTimer>

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace netstage {

namespace {
// How often to look: fast right after something happened (handshakes and FINs on loopback
// take microseconds to milliseconds), slower while nothing moves (TIME-WAIT lasts 60 s).
constexpr int kFastMs = 2;
constexpr qint64 kFastWindowUs = 400000;
constexpr int kMediumMs = 20;
constexpr qint64 kMediumWindowUs = 3000000;
constexpr int kSlowMs = 100;
// A tracked socket not yet seen in the table is given this many polls to appear.
constexpr int kMaxMissingPolls = 200;

// A socket's address pair in binary, so matching the whole dump costs no string formatting
// and no allocation; only tracked sockets ever get a name.
struct Key
{
    quint32 src[4] = {0, 0, 0, 0};
    quint32 dst[4] = {0, 0, 0, 0};
    quint16 sport = 0;
    quint16 dport = 0;
    quint8 family = 0;
    quint8 listen = 0; // a listener: no remote side
    bool operator==(const Key& o) const
    {
        return family == o.family && listen == o.listen && sport == o.sport && dport == o.dport &&
               memcmp(src, o.src, sizeof(src)) == 0 && memcmp(dst, o.dst, sizeof(dst)) == 0;
    }
};

size_t qHash(const Key& k, size_t seed = 0)
{
    return qHashBits(&k, sizeof(Key), seed);
}

// "127.0.0.1:8124" or "[::1]:8124" -> family, address words (network order), port.
bool parseEndpoint(const QString& ep, quint8* family, quint32* addr, quint16* port)
{
    const int colon = ep.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = ep.left(colon);
    if (host.startsWith(QLatin1Char('[')))
        host = host.mid(1, host.size() - 2);
    QHostAddress a;
    if (!a.setAddress(host))
        return false;
    *port = static_cast<quint16>(ep.mid(colon + 1).toUInt());
    if (a.protocol() == QAbstractSocket::IPv4Protocol) {
        *family = AF_INET;
        addr[0] = htonl(a.toIPv4Address());
    } else {
        *family = AF_INET6;
        const Q_IPV6ADDR v6 = a.toIPv6Address();
        memcpy(addr, &v6, 16);
    }
    return true;
}

} // namespace

class KernelPoller : public QObject
{
    Q_OBJECT
public:
    explicit KernelPoller(const Clock* clock) : clock_(clock) {}
    ~KernelPoller() override
    {
        if (fd_ >= 0)
            ::close(fd_);
    }

    std::atomic<int> trackedCount{0};

    void start()
    {
        timer_ = new QTimer(this);
        timer_->setSingleShot(true);
        timer_->setTimerType(Qt::PreciseTimer);
        connect(timer_, &QTimer::timeout, this, &KernelPoller::poll);
    }

    void track(const QString& socket, const QString& local, const QString& remote,
               const QString& proto)
    {
        Tracked t;
        t.socket = socket;
        t.proto = proto;
        t.local = local;
        t.remote = remote;
        Key k;
        quint8 fam2 = 0;
        if (!parseEndpoint(local, &k.family, k.src, &k.sport))
            return;
        if (remote == QLatin1String("*"))
            k.listen = 1;
        else if (!parseEndpoint(remote, &fam2, k.dst, &k.dport))
            return;
        t.key = k;
        tracked_.insert(socket, t);
        byKey_.insert(k, socket);
        trackedCount = tracked_.size();
        poke();
    }

    void appClosed(const QString& socket)
    {
        auto it = tracked_.find(socket);
        if (it != tracked_.end())
            it->appClosed = true;
        poke();
    }

    void untrackAll()
    {
        tracked_.clear();
        byKey_.clear();
        trackedCount = 0;
        if (timer_)
            timer_->stop();
    }

    void poke()
    {
        lastActivityUs_ = clock_->nowUs();
        if (!tracked_.isEmpty())
            timer_->start(0);
    }

signals:
    void observed(const netstage::Event& e);
    void allGone();

private:
    struct Tracked
    {
        QString socket, proto, local, remote;
        Key key;
        TcpState last = TcpState::Unknown;
        bool seen = false;
        bool appClosed = false;
        int missing = 0;
    };

    bool openSocket()
    {
        if (fd_ >= 0)
            return true;
        fd_ = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
        return fd_ >= 0;
    }

    // One dump of one address family's TCP sockets: key -> state.
    bool dump(int family, QHash<Key, int>* states)
    {
        struct
        {
            nlmsghdr nlh;
            inet_diag_req_v2 req;
        } msg{};
        msg.nlh.nlmsg_len = sizeof(msg);
        msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
        msg.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        msg.nlh.nlmsg_seq = ++seq_;
        msg.req.sdiag_family = static_cast<__u8>(family);
        msg.req.sdiag_protocol = IPPROTO_TCP;
        msg.req.idiag_states = ~0u;
        sockaddr_nl nladdr{};
        nladdr.nl_family = AF_NETLINK;
        if (::sendto(fd_, &msg, sizeof(msg), 0, reinterpret_cast<sockaddr*>(&nladdr),
                     sizeof(nladdr)) < 0)
            return false;
        alignas(nlmsghdr) char buf[32768];
        for (int rounds = 0; rounds < 10000; ++rounds) {
            const ssize_t n = ::recv(fd_, buf, sizeof(buf), 0);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return false;
            }
            int len = static_cast<int>(n);
            for (auto* h = reinterpret_cast<nlmsghdr*>(buf); NLMSG_OK(h, len);
                 h = NLMSG_NEXT(h, len)) {
                if (h->nlmsg_seq != seq_)
                    continue;
                if (h->nlmsg_type == NLMSG_DONE)
                    return true;
                if (h->nlmsg_type == NLMSG_ERROR)
                    return false;
                const auto* d = static_cast<const inet_diag_msg*>(NLMSG_DATA(h));
                Key key;
                key.family = static_cast<quint8>(family);
                key.sport = ntohs(d->id.idiag_sport);
                memcpy(key.src, d->id.idiag_src, family == AF_INET ? 4 : 16);
                if (d->idiag_state == 10 /* LISTEN */) {
                    key.listen = 1;
                } else {
                    key.dport = ntohs(d->id.idiag_dport);
                    memcpy(key.dst, d->id.idiag_dst, family == AF_INET ? 4 : 16);
                }
                if (byKey_.contains(key))
                    states->insert(key, d->idiag_state);
            }
        }
        return false;
    }

    void poll()
    {
        if (tracked_.isEmpty())
            return;
        if (!openSocket())
            return;
        // Stamped before the dump: the states read are those at this moment or just after.
        const qint64 now = clock_->nowUs();
        QHash<Key, int> states;
        const bool ok = dump(AF_INET, &states) && dump(AF_INET6, &states);
        if (ok) {
            QStringList gone;
            for (auto it = tracked_.begin(); it != tracked_.end(); ++it) {
                Tracked& t = it.value();
                const auto st = states.constFind(t.key);
                if (st != states.constEnd() && byKey_.value(t.key) == t.socket) {
                    t.missing = 0;
                    t.seen = true;
                    const TcpState s = tcpStateFromLinux(st.value());
                    if (s != t.last) {
                        t.last = s;
                        report(t, s, now);
                    }
                } else if (t.seen || t.appClosed || ++t.missing > kMaxMissingPolls) {
                    if (t.seen || t.appClosed)
                        report(t, TcpState::Closed, now);
                    gone.append(it.key());
                }
            }
            for (const QString& g : gone) {
                const Tracked t = tracked_.take(g);
                if (byKey_.value(t.key) == g)
                    byKey_.remove(t.key);
            }
            trackedCount = tracked_.size();
            if (tracked_.isEmpty()) {
                emit allGone();
                return;
            }
        }
        const qint64 idle = now - lastActivityUs_;
        timer_->start(idle < kFastWindowUs     ? kFastMs
                      : idle < kMediumWindowUs ? kMediumMs
                                               : kSlowMs);
    }

    void report(const Tracked& t, TcpState s, qint64 now)
    {
        lastActivityUs_ = now; // a change often comes with more: look again soon
        Event e;
        e.t_us = now;
        e.socket = t.socket;
        e.proto = t.proto;
        e.event = ev::State;
        e.source = ev::Kernel;
        e.state = tcpStateName(s);
        e.local = t.local;
        if (t.remote != QLatin1String("*"))
            e.remote = t.remote;
        emit observed(e);
    }

    const Clock* clock_;
    QTimer* timer_ = nullptr;
    int fd_ = -1;
    quint32 seq_ = 0;
    qint64 lastActivityUs_ = 0;
    QHash<QString, Tracked> tracked_;
    QHash<Key, QString> byKey_;
};

KernelObserver::KernelObserver(Timeline* timeline, QObject* parent)
    : QObject(parent), timeline_(timeline), poller_(new KernelPoller(&timeline->clock()))
{
    qRegisterMetaType<netstage::Event>();
    poller_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, poller_, &QObject::deleteLater);
    connect(poller_, &KernelPoller::observed, this, &KernelObserver::onObserved);
    connect(poller_, &KernelPoller::allGone, this, &KernelObserver::allGone);
    thread_.setObjectName(QStringLiteral("netstage-kernel-observer"));
    thread_.start();
    QMetaObject::invokeMethod(poller_, [p = poller_] { p->start(); });

    if (!isAvailable()) {
        Event e;
        e.event = ev::Error;
        e.source = ev::Kernel;
        e.code = errnoName(errno);
        e.detail = tr("The kernel observer cannot open NETLINK_SOCK_DIAG, so the TCP states "
                      "are not shown.");
        timeline_->append(e);
    }
}

KernelObserver::~KernelObserver()
{
    thread_.quit();
    thread_.wait();
}

bool KernelObserver::isAvailable() const
{
    const int fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0)
        return false;
    ::close(fd);
    return true;
}

void KernelObserver::track(const QString& socket, const QString& local, const QString& remote,
                           const QString& proto)
{
    if (!enabled_)
        return;
    QMetaObject::invokeMethod(poller_,
                              [=, p = poller_] { p->track(socket, local, remote, proto); });
}

void KernelObserver::appClosed(const QString& socket)
{
    if (!enabled_)
        return;
    QMetaObject::invokeMethod(poller_, [=, p = poller_] { p->appClosed(socket); });
}

void KernelObserver::poke()
{
    if (!enabled_)
        return;
    QMetaObject::invokeMethod(poller_, [p = poller_] { p->poke(); });
}

void KernelObserver::untrackAll()
{
    QMetaObject::invokeMethod(poller_, [p = poller_] { p->untrackAll(); });
}

int KernelObserver::trackedCount() const
{
    return poller_->trackedCount.load();
}

void KernelObserver::onObserved(const Event& e)
{
    timeline_->append(e);
    emit stateObserved(e);
}

} // namespace netstage

#include "kernel_observer.moc"
