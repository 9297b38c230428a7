#include "wire_capture.h"

#include "clock.h"
#include "timeline.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>

#include <arpa/inet.h>
#include <atomic>
#include <pcap/pcap.h>
#include <sys/time.h>

namespace netstage {

namespace {

// An unmapped segment (its socket's track() has not arrived yet, typically the SYN sent
// inside connect()) waits this long before it is dropped as not the lab's.
constexpr qint64 kPendingUs = 500000;

quint16 be16(const u_char* p)
{
    return static_cast<quint16>((p[0] << 8) | p[1]);
}
quint32 be32(const u_char* p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

QString flagString(u_char f)
{
    QStringList out;
    if (f & 0x02)
        out << QStringLiteral("SYN");
    if (f & 0x01)
        out << QStringLiteral("FIN");
    if (f & 0x04)
        out << QStringLiteral("RST");
    if (f & 0x08)
        out << QStringLiteral("PSH");
    if (f & 0x10)
        out << QStringLiteral("ACK");
    if (f & 0x20)
        out << QStringLiteral("URG");
    if (f & 0x40)
        out << QStringLiteral("ECE");
    if (f & 0x80)
        out << QStringLiteral("CWR");
    return out.join(QLatin1Char(','));
}

QString optionString(const u_char* o, int len)
{
    QStringList out;
    int i = 0;
    while (i < len) {
        const u_char kind = o[i];
        if (kind == 0)
            break;
        if (kind == 1) {
            ++i;
            continue;
        }
        if (i + 1 >= len || o[i + 1] < 2 || i + o[i + 1] > len)
            break;
        const int olen = o[i + 1];
        const u_char* v = o + i + 2;
        switch (kind) {
        case 2:
            if (olen == 4)
                out << QStringLiteral("mss=%1").arg(be16(v));
            break;
        case 3:
            if (olen == 3)
                out << QStringLiteral("wscale=%1").arg(v[0]);
            break;
        case 4:
            out << QStringLiteral("sack_perm");
            break;
        case 5:
            for (int k = 0; k + 8 <= olen - 2; k += 8)
                out << QStringLiteral("sack=%1-%2").arg(be32(v + k)).arg(be32(v + k + 4));
            break;
        case 8:
            if (olen == 10)
                out << QStringLiteral("ts=%1/%2").arg(be32(v)).arg(be32(v + 4));
            break;
        default:
            out << QStringLiteral("opt%1").arg(kind);
        }
        i += olen;
    }
    return out.join(QLatin1Char(','));
}

QString endpoint4(const u_char* a, quint16 port)
{
    return QStringLiteral("%1.%2.%3.%4:%5").arg(a[0]).arg(a[1]).arg(a[2]).arg(a[3]).arg(port);
}

QString endpoint6(const u_char* a, quint16 port)
{
    Q_IPV6ADDR v6;
    memcpy(&v6, a, 16);
    return QStringLiteral("[%1]:%2").arg(QHostAddress(v6).toString()).arg(port);
}

} // namespace

class WireWorker : public QObject
{
    Q_OBJECT
public:
    explicit WireWorker(const Clock* clock) : clock_(clock) {}
    ~WireWorker() override
    {
        delete notifier_;
        if (pcap_)
            pcap_close(pcap_);
    }

    std::atomic<quint64> captured{0};
    QMutex mutex; // guards pcap_ between the worker (dispatch) and watchPort (setfilter)

    // Runs on the caller's thread, before the worker thread touches pcap_.
    bool open(const QString& device, QString* reason)
    {
        char err[PCAP_ERRBUF_SIZE] = {};
        pcap_ = pcap_create(device.toLocal8Bit().constData(), err);
        if (!pcap_) {
            *reason = QString::fromLocal8Bit(err);
            return false;
        }
        pcap_set_snaplen(pcap_, 14 + 60 + 60 + Timeline::kPreviewBytes);
        pcap_set_immediate_mode(pcap_, 1); // ~30 µs to the callback instead of ~800 ms
        pcap_set_buffer_size(pcap_, 4 * 1024 * 1024);
        const int rc = pcap_activate(pcap_);
        if (rc < 0) {
            *reason = QString::fromLocal8Bit(pcap_geterr(pcap_));
            if (reason->isEmpty())
                *reason = QString::fromLatin1(pcap_statustostr(rc));
            permissionDenied =
                rc == PCAP_ERROR_PERM_DENIED || reason->contains(QLatin1String("not permitted"));
            pcap_close(pcap_);
            pcap_ = nullptr;
            return false;
        }
        linkType_ = pcap_datalink(pcap_);
        pcap_setnonblock(pcap_, 1, err);
        applyFilter();
        timeval wall{};
        gettimeofday(&wall, nullptr);
        wallOffsetUs_ = qint64(wall.tv_sec) * 1000000 + wall.tv_usec - clock_->nowUs();
        return true;
    }
    bool permissionDenied = false;

    void startNotifier()
    {
        const int fd = pcap_get_selectable_fd(pcap_);
        notifier_ = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        connect(notifier_, &QSocketNotifier::activated, this, &WireWorker::dispatch);
        pendingTimer_ = new QTimer(this);
        connect(pendingTimer_, &QTimer::timeout, this, &WireWorker::expirePending);
        pendingTimer_->start(100);
    }

    void watchPort(quint16 port)
    {
        QMutexLocker lock(&mutex);
        if (ports_.contains(port))
            return;
        ports_.insert(port);
        applyFilter();
    }

    void track(const QString& socket, const QString& local, const QString& remote)
    {
        bySrcDst_.insert(local + QLatin1Char('|') + remote, socket);
        // Segments that arrived before their socket was known (the SYN inside connect()).
        QList<Event> still;
        for (Event& e : pending_) {
            if (assign(e))
                emit segment(e);
            else
                still.append(e);
        }
        pending_ = still;
    }

signals:
    void segment(const netstage::Event& e);

private:
    void applyFilter()
    {
        if (!pcap_)
            return;
        QStringList parts;
        for (quint16 p : std::as_const(ports_))
            parts << QStringLiteral("port %1").arg(p);
        const QString expr =
            parts.isEmpty() ? QStringLiteral("tcp and port 0")
                            : QStringLiteral("tcp and (%1)").arg(parts.join(QLatin1String(" or ")));
        bpf_program prog{};
        if (pcap_compile(pcap_, &prog, expr.toLatin1().constData(), 1, PCAP_NETMASK_UNKNOWN) == 0) {
            pcap_setfilter(pcap_, &prog);
            pcap_freecode(&prog);
        }
    }

    static void onPacket(u_char* user, const pcap_pkthdr* h, const u_char* bytes)
    {
        reinterpret_cast<WireWorker*>(user)->parse(h, bytes);
    }

    void dispatch()
    {
        for (int round = 0; round < 64; ++round) {
            int n;
            {
                QMutexLocker lock(&mutex);
                if (!pcap_)
                    return;
                n = pcap_dispatch(pcap_, 256, &WireWorker::onPacket,
                                  reinterpret_cast<u_char*>(this));
            }
            if (n <= 0)
                break;
        }
        for (const Event& e : std::as_const(ready_))
            emit segment(e);
        ready_.clear();
    }

    void parse(const pcap_pkthdr* h, const u_char* p)
    {
        int caplen = static_cast<int>(h->caplen);
        if (linkType_ == DLT_EN10MB) {
            if (caplen < 14)
                return;
            const quint16 type = be16(p + 12);
            p += 14;
            caplen -= 14;
            if (type != 0x0800 && type != 0x86DD)
                return;
        } else if (linkType_ != DLT_RAW) {
            return;
        }
        if (caplen < 20)
            return;
        QString src, dst;
        int ipHeader = 0;
        int ipPayload = 0;
        const int version = p[0] >> 4;
        if (version == 4) {
            ipHeader = (p[0] & 0x0f) * 4;
            if (p[9] != 6 || caplen < ipHeader + 20)
                return;
            ipPayload = be16(p + 2) - ipHeader;
            src = cachedEndpoint4(p + 12, be16(p + ipHeader));
            dst = cachedEndpoint4(p + 16, be16(p + ipHeader + 2));
        } else if (version == 6) {
            ipHeader = 40;
            if (p[6] != 6 || caplen < ipHeader + 20)
                return;
            ipPayload = be16(p + 4);
            src = endpoint6(p + 8, be16(p + ipHeader));
            dst = endpoint6(p + 24, be16(p + ipHeader + 2));
        } else {
            return;
        }
        const u_char* t = p + ipHeader;
        const int tcpHeader = (t[12] >> 4) * 4;
        if (tcpHeader < 20)
            return;
        const u_char flags = t[13];
        Event e;
        e.t_us = qint64(h->ts.tv_sec) * 1000000 + h->ts.tv_usec - wallOffsetUs_;
        e.proto = ev::Tcp;
        e.event = ev::Segment;
        e.source = ev::Wire;
        e.src = src;
        e.dst = dst;
        e.flags = flagString(flags);
        e.seq = be32(t + 4);
        if (flags & 0x10)
            e.ack = be32(t + 8);
        e.win = be16(t + 14);
        e.len = std::max(0, ipPayload - tcpHeader);
        if (caplen >= ipHeader + tcpHeader)
            e.opts = optionString(t + 20, std::min(tcpHeader, caplen - ipHeader) - 20);
        const int payloadCaptured = caplen - ipHeader - tcpHeader;
        if (e.len > 0 && payloadCaptured > 0)
            e.payload = QByteArray(reinterpret_cast<const char*>(t + tcpHeader),
                                   std::min<int>(payloadCaptured, int(e.len)));
        ++captured;
        if (assign(e))
            ready_.append(e);
        else
            pending_.append(e);
    }

    // Formatting an address per packet costs more than the rest of the parse: remember them.
    QString cachedEndpoint4(const u_char* a, quint16 port)
    {
        const quint64 key = (quint64(be32(a)) << 16) | port;
        const auto it = endpointCache_.constFind(key);
        if (it != endpointCache_.constEnd())
            return it.value();
        if (endpointCache_.size() > 4096)
            endpointCache_.clear();
        const QString ep = endpoint4(a, port);
        endpointCache_.insert(key, ep);
        return ep;
    }

    // Gives the segment to the lab socket that sent it (dir out) or else the one receiving it.
    bool assign(Event& e) const
    {
        const QString sender = bySrcDst_.value(e.src + QLatin1Char('|') + e.dst);
        if (!sender.isEmpty()) {
            e.socket = sender;
            e.dir = ev::Out;
            return true;
        }
        const QString receiver = bySrcDst_.value(e.dst + QLatin1Char('|') + e.src);
        if (!receiver.isEmpty()) {
            e.socket = receiver;
            e.dir = ev::In;
            return true;
        }
        return false;
    }

    void expirePending()
    {
        const qint64 now = clock_->nowUs();
        pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                      [now](const Event& e) { return now - e.t_us > kPendingUs; }),
                       pending_.end());
    }

    const Clock* clock_;
    pcap_t* pcap_ = nullptr;
    int linkType_ = 0;
    qint64 wallOffsetUs_ = 0;
    QSocketNotifier* notifier_ = nullptr;
    QTimer* pendingTimer_ = nullptr;
    QSet<quint16> ports_;
    QHash<QString, QString> bySrcDst_;
    QList<Event> pending_;
    QList<Event> ready_;
    QHash<quint64, QString> endpointCache_;
};

WireCapture::WireCapture(Timeline* timeline, QObject* parent)
    : QObject(parent), timeline_(timeline), worker_(new WireWorker(&timeline->clock()))
{
    qRegisterMetaType<netstage::Event>();
    connect(worker_, &WireWorker::segment, this, &WireCapture::onSegment);
    thread_.setObjectName(QStringLiteral("netstage-wire"));
}

WireCapture::~WireCapture()
{
    if (thread_.isRunning()) {
        thread_.quit(); // the worker is deleted on its own thread (finished -> deleteLater)
        thread_.wait();
    } else {
        delete worker_;
    }
}

bool WireCapture::start(const QString& device)
{
    if (active_)
        return true;
    if (!worker_->open(device, &reason_)) {
        Event e;
        e.event = ev::Error;
        e.source = ev::Wire;
        e.code = worker_->permissionDenied ? QStringLiteral("EPERM") : QStringLiteral("EINVAL");
        e.detail = worker_->permissionDenied
                       ? tr("Wire capture needs permission (%1). Run as root, or once: sudo "
                            "setcap cap_net_raw,cap_net_admin=eip %2. Until then the diagrams "
                            "are drawn from the TCP model.")
                             .arg(reason_, QCoreApplication::applicationFilePath())
                       : tr("Wire capture on %1 is not available: %2. The diagrams are drawn "
                            "from the TCP model.")
                             .arg(device, reason_);
        timeline_->append(e);
        return false;
    }
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
    QMetaObject::invokeMethod(worker_, [w = worker_] { w->startNotifier(); });
    active_ = true;
    return true;
}

bool WireCapture::isActive() const
{
    return active_;
}

QString WireCapture::unavailableReason() const
{
    return reason_;
}

void WireCapture::watchPort(quint16 port)
{
    if (active_)
        worker_->watchPort(port); // under the worker's mutex: in force when this returns
}

void WireCapture::track(const QString& socket, const QString& local, const QString& remote)
{
    if (active_)
        QMetaObject::invokeMethod(worker_, [=, w = worker_] { w->track(socket, local, remote); });
}

quint64 WireCapture::captured() const
{
    return worker_->captured.load();
}

void WireCapture::onSegment(const Event& e)
{
    timeline_->append(e);
    emit segmentObserved(e);
}

} // namespace netstage

#include "wire_capture.moc"
