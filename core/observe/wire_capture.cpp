// Over 800 lines on purpose: the capture thread (WireWorker: the libpcap loop, the frame
// parser and the frame store) is one unit whose parts share the worker's state. If it grows,
// the frame parser (flags, options, endpoints) is what moves out first.

#include "core/observe/wire_capture.h"

#include "core/base/clock.h"
#include "core/base/timeline.h"
#include "core/format/pcapng.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>

#include <QJsonObject>

#include <arpa/inet.h>
#include <atomic>
#include <deque>
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

QString macString(const u_char* m)
{
    return QStringLiteral("%1:%2:%3:%4:%5:%6")
        .arg(m[0], 2, 16, QLatin1Char('0'))
        .arg(m[1], 2, 16, QLatin1Char('0'))
        .arg(m[2], 2, 16, QLatin1Char('0'))
        .arg(m[3], 2, 16, QLatin1Char('0'))
        .arg(m[4], 2, 16, QLatin1Char('0'))
        .arg(m[5], 2, 16, QLatin1Char('0'));
}

QString hex16(quint16 v)
{
    return QStringLiteral("0x%1").arg(v, 4, 16, QLatin1Char('0'));
}

// pcap's DLT_ numbers differ from the LINKTYPE_ numbers files carry for a few link types.
int linkTypeOf(int dlt)
{
    switch (dlt) {
    case DLT_EN10MB:
        return 1;
    case DLT_RAW:
        return 101;
    case DLT_NULL:
        return 0;
    case DLT_LINUX_SLL:
        return 113;
    default:
        return dlt;
    }
}

QString linkName(int linkType)
{
    switch (linkType) {
    case 1:
        return QStringLiteral("EN10MB");
    case 101:
        return QStringLiteral("RAW");
    case 0:
        return QStringLiteral("NULL");
    case 113:
        return QStringLiteral("LINUX_SLL");
    default:
        return QString::number(linkType);
    }
}

} // namespace

// The TCP sequence number in a frame, or -1 when it is not a TCP segment.
static qint64 tcpSeqOf(const CapturedFrame& f)
{
    const auto* p = reinterpret_cast<const u_char*>(f.bytes.constData());
    int n = int(f.bytes.size());
    if (f.linkType == 1) {
        if (n < 14 || (be16(p + 12) != 0x0800 && be16(p + 12) != 0x86DD))
            return -1;
        p += 14;
        n -= 14;
    } else if (f.linkType != 101) {
        return -1;
    }
    if (n < 1)
        return -1;
    int hl;
    if ((p[0] >> 4) == 4) {
        hl = (p[0] & 0x0f) * 4;
        if (n < 20 || p[9] != 6)
            return -1;
    } else if ((p[0] >> 4) == 6) {
        hl = 40;
        if (n < 40 || p[6] != 6)
            return -1;
    } else {
        return -1;
    }
    if (n < hl + 8)
        return -1;
    return be32(p + hl + 4);
}

// The newest captured frames, bounded in count and bytes. Written by the capture thread,
// read by the GUI or CLI thread (export, layers view).
class FrameStore
{
public:
    void add(CapturedFrame f)
    {
        QMutexLocker lock(&mutex_);
        bytes_ += cost(f);
        frames_.push_back(std::move(f));
        while (!frames_.empty() && (frames_.size() > std::size_t(WireCapture::kMaxStoredFrames) ||
                                    bytes_ > WireCapture::kMaxStoredBytes)) {
            bytes_ -= cost(frames_.front());
            frames_.pop_front();
            ++dropped_;
        }
    }
    std::vector<CapturedFrame> all() const
    {
        QMutexLocker lock(&mutex_);
        return {frames_.begin(), frames_.end()};
    }
    CapturedFrame find(quint64 number) const
    {
        QMutexLocker lock(&mutex_);
        if (frames_.empty() || number < frames_.front().number)
            return {};
        const quint64 i = number - frames_.front().number; // numbers are consecutive
        if (i >= frames_.size())
            return {};
        return frames_[std::size_t(i)];
    }
    // A wire event without a frame number (a ladder arrow rebuilt from a recording of this
    // session): the frame captured at the same moment with the same numbers.
    CapturedFrame match(qint64 t_us, qint64 seq) const
    {
        QMutexLocker lock(&mutex_);
        for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
            if (it->t_us == t_us && (seq < 0 || tcpSeqOf(*it) == seq))
                return *it;
            if (it->t_us < t_us)
                break;
        }
        return {};
    }
    quint64 size() const
    {
        QMutexLocker lock(&mutex_);
        return frames_.size();
    }
    quint64 dropped() const
    {
        QMutexLocker lock(&mutex_);
        return dropped_;
    }
    std::atomic<int> timestampDigits{6};
    std::atomic<int> snapLength{0};

private:
    static qint64 cost(const CapturedFrame& f) { return f.bytes.size() + 64; }
    mutable QMutex mutex_;
    std::deque<CapturedFrame> frames_;
    qint64 bytes_ = 0;
    quint64 dropped_ = 0;
};

class WireWorker : public QObject
{
    Q_OBJECT
public:
    WireWorker(const Clock* clock, std::shared_ptr<FrameStore> store)
        : clock_(clock), store_(std::move(store))
    {
    }
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
        // The first 4 KiB of each frame: every header and what a lesson's messages carry.
        pcap_set_snaplen(pcap_, kSnapLength);
        pcap_set_immediate_mode(pcap_, 1); // ~30 µs to the callback instead of ~800 ms
        // In immediate mode libpcap's ring has fixed slots of one snap length each: whole
        // 64 KiB frames would leave a few hundred slots, and a stalled moment would make the
        // kernel drop segments (measured with bench_wire_latency). 4 KiB slots in 32 MiB give
        // ~8,000.
        pcap_set_buffer_size(pcap_, kBufferBytes);
        pcap_set_tstamp_precision(pcap_, PCAP_TSTAMP_PRECISION_NANO);
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
        nano_ = pcap_get_tstamp_precision(pcap_) == PCAP_TSTAMP_PRECISION_NANO;
        store_->timestampDigits = nano_ ? 9 : 6;
        store_->snapLength = pcap_snapshot(pcap_);
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

    // Packets the kernel dropped because the capture ring was full (pcap_stats).
    quint64 kernelDrops()
    {
        QMutexLocker lock(&mutex);
        pcap_stat st{};
        if (!pcap_ || pcap_stats(pcap_, &st) != 0)
            return 0;
        return st.ps_drop;
    }

    void watchUdpPort(quint16 port)
    {
        QMutexLocker lock(&mutex);
        if (udpPorts_.contains(port))
            return;
        udpPorts_.insert(port);
        applyFilter();
    }

    void trackUdp(const QString& socket, const QString& local)
    {
        udpByLocal_.insert(local, socket);
        flushPending();
    }

    void track(const QString& socket, const QString& local, const QString& remote)
    {
        bySrcDst_.insert(local + QLatin1Char('|') + remote, socket);
        flushPending();
    }

    void flushPending()
    {
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
        auto portsOf = [](const QSet<quint16>& ports) {
            QStringList parts;
            for (quint16 p : ports)
                parts << QStringLiteral("port %1").arg(p);
            return parts.join(QLatin1String(" or "));
        };
        QStringList protos;
        if (!ports_.isEmpty())
            protos << QStringLiteral("(tcp and (%1))").arg(portsOf(ports_));
        if (!udpPorts_.isEmpty())
            protos << QStringLiteral("(udp and (%1))").arg(portsOf(udpPorts_));
        const QString expr = protos.isEmpty() ? QStringLiteral("tcp and port 0")
                                              : protos.join(QLatin1String(" or "));
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

    void parse(const pcap_pkthdr* h, const u_char* frame)
    {
        CapturedFrame f;
        f.number = ++frameNumber_;
        f.wallNs = qint64(h->ts.tv_sec) * 1000000000 +
                   (nano_ ? qint64(h->ts.tv_usec) : qint64(h->ts.tv_usec) * 1000);
        f.t_us = f.wallNs / 1000 - wallOffsetUs_;
        f.linkType = linkTypeOf(linkType_);
        f.originalLength = h->len;
        f.bytes = QByteArray(reinterpret_cast<const char*>(frame), int(h->caplen));
        const quint64 number = f.number;
        const qint64 t_us = f.t_us;
        store_->add(std::move(f));

        QJsonObject extra;
        extra.insert(QStringLiteral("frame"), qint64(number));
        extra.insert(QStringLiteral("link"), linkName(linkTypeOf(linkType_)));
        int caplen = static_cast<int>(h->caplen);
        const u_char* p = frame;
        if (linkType_ == DLT_EN10MB) {
            if (caplen < 14)
                return;
            const quint16 type = be16(p + 12);
            extra.insert(QStringLiteral("eth_dst"), cachedMac(p));
            extra.insert(QStringLiteral("eth_src"), cachedMac(p + 6));
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
        int proto = 0;
        const int version = p[0] >> 4;
        extra.insert(QStringLiteral("ip_version"), version);
        if (version == 4) {
            ipHeader = (p[0] & 0x0f) * 4;
            proto = p[9];
            if (ipHeader < 20 || caplen < ipHeader + 8)
                return;
            ipPayload = be16(p + 2) - ipHeader;
            extra.insert(QStringLiteral("ip_header_len"), ipHeader);
            extra.insert(QStringLiteral("ip_len"), be16(p + 2));
            extra.insert(QStringLiteral("ip_id"), be16(p + 4));
            extra.insert(QStringLiteral("ip_ttl"), p[8]);
            extra.insert(QStringLiteral("ip_checksum"), hex16(be16(p + 10)));
            src = cachedEndpoint4(p + 12, be16(p + ipHeader));
            dst = cachedEndpoint4(p + 16, be16(p + ipHeader + 2));
        } else if (version == 6) {
            ipHeader = 40;
            proto = p[6];
            if (caplen < ipHeader + 8)
                return;
            ipPayload = be16(p + 4);
            extra.insert(QStringLiteral("ip_header_len"), ipHeader);
            extra.insert(QStringLiteral("ip_len"), ipHeader + ipPayload);
            extra.insert(QStringLiteral("ip_ttl"), p[7]); // the hop limit
            src = endpoint6(p + 8, be16(p + ipHeader));
            dst = endpoint6(p + 24, be16(p + ipHeader + 2));
        } else {
            return;
        }
        const u_char* t = p + ipHeader;
        Event e;
        e.t_us = t_us;
        e.source = ev::Wire;
        e.src = src;
        e.dst = dst;
        if (proto == 17) {
            const int udpLen = be16(t + 4);
            e.proto = QStringLiteral("udp");
            e.event = QStringLiteral("datagram");
            e.len = std::max(0, std::min(udpLen, ipPayload) - 8);
            extra.insert(QStringLiteral("udp_len"), udpLen);
            extra.insert(QStringLiteral("udp_checksum"), hex16(be16(t + 6)));
            const int payloadCaptured = caplen - ipHeader - 8;
            if (e.len > 0 && payloadCaptured > 0)
                e.payload = QByteArray(
                    reinterpret_cast<const char*>(t + 8),
                    std::min<int>(std::min(payloadCaptured, int(e.len)), Timeline::kPreviewBytes));
            e.detail = QCoreApplication::translate(
                "netstage::WireCapture",
                "A UDP datagram on the wire: %n byte(s) of payload behind an 8-byte "
                "header (ports, length, checksum). No handshake, no sequence "
                "number, no acknowledgement.",
                nullptr, int(e.len));
        } else if (proto == 6) {
            if (caplen < ipHeader + 20)
                return;
            const int tcpHeader = (t[12] >> 4) * 4;
            if (tcpHeader < 20)
                return;
            const u_char flags = t[13];
            e.proto = ev::Tcp;
            e.event = ev::Segment;
            e.flags = flagString(flags);
            e.seq = be32(t + 4);
            if (flags & 0x10)
                e.ack = be32(t + 8);
            e.win = be16(t + 14);
            e.len = std::max(0, ipPayload - tcpHeader);
            extra.insert(QStringLiteral("tcp_header_len"), tcpHeader);
            extra.insert(QStringLiteral("tcp_checksum"), hex16(be16(t + 16)));
            if (caplen >= ipHeader + tcpHeader)
                e.opts = optionString(t + 20, std::min(tcpHeader, caplen - ipHeader) - 20);
            const int payloadCaptured = caplen - ipHeader - tcpHeader;
            if (e.len > 0 && payloadCaptured > 0)
                e.payload = QByteArray(
                    reinterpret_cast<const char*>(t + tcpHeader),
                    std::min<int>(std::min(payloadCaptured, int(e.len)), Timeline::kPreviewBytes));
        } else {
            return;
        }
        e.extra = extra;
        ++captured;
        if (assign(e))
            ready_.append(e);
        else
            pending_.append(e);
    }

    // On lo every MAC is 00:00:00:00:00:00: format each one once.
    QString cachedMac(const u_char* m)
    {
        const quint64 key = (quint64(be16(m)) << 32) | be32(m + 2);
        const auto it = macCache_.constFind(key);
        if (it != macCache_.constEnd())
            return it.value();
        if (macCache_.size() > 256)
            macCache_.clear();
        const QString s = macString(m);
        macCache_.insert(key, s);
        return s;
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
        if (e.proto != ev::Tcp) {
            const QString from = udpByLocal_.value(e.src);
            if (!from.isEmpty()) {
                e.socket = from;
                e.dir = ev::Out;
                return true;
            }
            const QString to = udpByLocal_.value(e.dst);
            if (!to.isEmpty()) {
                e.socket = to;
                e.dir = ev::In;
                return true;
            }
            return false;
        }
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

    static constexpr int kSnapLength = 4096;
    static constexpr int kBufferBytes = 32 * 1024 * 1024;
    const Clock* clock_;
    std::shared_ptr<FrameStore> store_;
    pcap_t* pcap_ = nullptr;
    int linkType_ = 0;
    bool nano_ = false;
    quint64 frameNumber_ = 0;
    qint64 wallOffsetUs_ = 0;
    QSocketNotifier* notifier_ = nullptr;
    QTimer* pendingTimer_ = nullptr;
    QSet<quint16> ports_;
    QSet<quint16> udpPorts_;
    QHash<QString, QString> bySrcDst_;
    QHash<QString, QString> udpByLocal_;
    QList<Event> pending_;
    QList<Event> ready_;
    QHash<quint64, QString> endpointCache_;
    QHash<quint64, QString> macCache_;
};

WireCapture::WireCapture(Timeline* timeline, QObject* parent)
    : QObject(parent), timeline_(timeline), store_(std::make_shared<FrameStore>()),
      worker_(new WireWorker(&timeline->clock(), store_))
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

void WireCapture::watchUdpPort(quint16 port)
{
    if (active_)
        worker_->watchUdpPort(port);
}

void WireCapture::trackUdp(const QString& socket, const QString& local)
{
    if (active_)
        QMetaObject::invokeMethod(worker_, [=, w = worker_] { w->trackUdp(socket, local); });
}

quint64 WireCapture::captured() const
{
    return worker_->captured.load();
}

std::vector<CapturedFrame> WireCapture::frames() const
{
    return store_->all();
}

CapturedFrame WireCapture::frame(quint64 number) const
{
    return store_->find(number);
}

CapturedFrame WireCapture::frameOf(const Event& e) const
{
    if (e.source != ev::Wire)
        return {};
    const qint64 number = e.extra.value(QStringLiteral("frame")).toInteger(0);
    if (number > 0) {
        CapturedFrame f = store_->find(quint64(number));
        // The same number from another session's recording would point at another frame.
        if (f.isValid() && f.t_us == e.t_us)
            return f;
        return {};
    }
    return store_->match(e.t_us, e.proto == ev::Tcp ? e.seq : -1);
}

quint64 WireCapture::kernelDropped() const
{
    return active_ ? worker_->kernelDrops() : 0;
}

quint64 WireCapture::framesStored() const
{
    return store_->size();
}

quint64 WireCapture::framesDropped() const
{
    return store_->dropped();
}

int WireCapture::timestampDigits() const
{
    return store_->timestampDigits;
}

int WireCapture::snapLength() const
{
    return store_->snapLength;
}

bool WireCapture::writePcapng(const QString& path, QString* error) const
{
    if (!active_) {
        if (error)
            *error = tr("there is no capture to write: wire capture is not running (%1)")
                         .arg(reason_.isEmpty() ? tr("not started") : reason_);
        return false;
    }
    PcapngWriter::Options o;
    o.timestampDigits = timestampDigits();
    o.snapLength = quint32(snapLength());
    o.application = QStringLiteral("NetStage %1").arg(QCoreApplication::applicationVersion());
    o.interfaceDescription = tr("loopback, captured by NetStage");
    return PcapngWriter::writeFile(path, frames(), o, error);
}

void WireCapture::onSegment(const Event& e)
{
    timeline_->append(e);
    emit segmentObserved(e);
}

} // namespace netstage

#include "wire_capture.moc"
