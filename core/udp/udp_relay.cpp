#include "core/udp/udp_relay.h"

#include "core/base/errors.h"
#include "core/base/timeline.h"
#include "core/net/native_tcp_connection.h"
#include "core/net/udp_socket.h"

#include <QTimer>
#include <algorithm>

namespace netstage {

const QString UdpRelay::kSocketId = QStringLiteral("udp-relay");

namespace {
const QString kRelay = QStringLiteral("relay");
const QString kUdp = QStringLiteral("udp");
const QString kTowardServer = QStringLiteral("server");
const QString kTowardClient = QStringLiteral("client");

// A uniform double in [0, 1) from 53 random bits: the same on every platform, unlike
// std::uniform_real_distribution, so a seed means the same decisions everywhere.
double unit(std::mt19937_64& rng)
{
    return double(rng() >> 11) * (1.0 / 9007199254740992.0);
}

QString percent(double p)
{
    return QString::number(p * 100.0, 'g', 3) + QLatin1Char('%');
}
} // namespace

UdpRelayOptions UdpRelayOptions::clamped() const
{
    UdpRelayOptions o = *this;
    auto prob = [](double p) { return p != p ? 0.0 : std::clamp(p, 0.0, 1.0); }; // NaN -> 0
    o.loss = prob(loss);
    o.duplicate = prob(duplicate);
    o.reorder = prob(reorder);
    o.delayMs = std::clamp(delayMs, 0, kMaxDelayMs);
    o.jitterMs = std::clamp(jitterMs, 0, kMaxDelayMs);
    return o;
}

bool UdpRelayOptions::isPassThrough() const
{
    return loss <= 0 && duplicate <= 0 && reorder <= 0 && delayMs <= 0 && jitterMs <= 0;
}

QString UdpRelayOptions::summary() const
{
    QStringList parts;
    if (loss > 0)
        parts << QStringLiteral("loss %1").arg(percent(loss));
    if (duplicate > 0)
        parts << QStringLiteral("duplicate %1").arg(percent(duplicate));
    if (reorder > 0)
        parts << QStringLiteral("reorder %1").arg(percent(reorder));
    if (delayMs > 0 || jitterMs > 0)
        parts << (jitterMs > 0 ? QStringLiteral("delay %1+0..%2 ms").arg(delayMs).arg(jitterMs)
                               : QStringLiteral("delay %1 ms").arg(delayMs));
    return parts.isEmpty() ? QStringLiteral("pass-through") : parts.join(QStringLiteral(", "));
}

RelayDecider::RelayDecider(const UdpRelayOptions& options)
    : o_(options.clamped()), seed_(options.seed)
{
    if (seed_ == 0) {
        std::random_device rd;
        seed_ = (quint64(rd()) << 32) ^ rd();
        if (seed_ == 0)
            seed_ = 1;
    }
    rng_.seed(seed_);
}

void RelayDecider::setRates(const UdpRelayOptions& options)
{
    o_ = options.clamped();
}

RelayDecider::Decision RelayDecider::next()
{
    // Always four draws, in this order, whatever the rates.
    const double uLoss = unit(rng_);
    const double uDup = unit(rng_);
    const double uReorder = unit(rng_);
    const double uJitter = unit(rng_);
    Decision d;
    d.delayMs = o_.delayMs + std::min(int(uJitter * (o_.jitterMs + 1)), o_.jitterMs);
    if (uLoss < o_.loss)
        d.action = Action::Drop;
    else if (uDup < o_.duplicate)
        d.action = Action::Duplicate;
    else if (uReorder < o_.reorder)
        d.action = Action::Reorder;
    else if (d.delayMs > 0)
        d.action = Action::Delay;
    if (d.action == Action::Drop)
        d.delayMs = 0;
    return d;
}

QString RelayDecider::actionName(Action a)
{
    switch (a) {
    case Action::Forward:
        return QStringLiteral("forward");
    case Action::Delay:
        return QStringLiteral("delay");
    case Action::Duplicate:
        return QStringLiteral("duplicate");
    case Action::Reorder:
        return QStringLiteral("reorder");
    case Action::Drop:
        return QStringLiteral("drop");
    }
    return {};
}

UdpRelay::UdpRelay(Timeline* timeline, QObject* parent)
    : QObject(parent), timeline_(timeline), decider_(UdpRelayOptions{}), timer_(new QTimer(this))
{
    timer_->setSingleShot(true);
    timer_->setTimerType(Qt::PreciseTimer);
    connect(timer_, &QTimer::timeout, this, &UdpRelay::onTimer);
}

UdpRelay::~UdpRelay() = default;

bool UdpRelay::start(const QHostAddress& target, quint16 targetPort, const UdpRelayOptions& options)
{
    stop();
    options_ = options.clamped();
    decider_ = RelayDecider(options_);
    options_.seed = decider_.seed();
    target_ = target;
    targetPort_ = targetPort;
    n_ = 0;
    stats_ = {};
    front_ = new UdpSocket(this);
    const bool v6 = target.protocol() == QAbstractSocket::IPv6Protocol;
    const QHostAddress bindTo =
        target.isLoopback()
            ? (v6 ? QHostAddress(QHostAddress::LocalHostIPv6)
                  : QHostAddress(QHostAddress::LocalHost))
            : (v6 ? QHostAddress(QHostAddress::AnyIPv6) : QHostAddress(QHostAddress::AnyIPv4));
    if (const int err = front_->bind(bindTo, 0)) {
        Event e;
        e.socket = kSocketId;
        e.proto = kUdp;
        e.event = ev::Error;
        e.source = ev::App;
        e.code = errnoName(err);
        timeline_->append(e);
        delete front_;
        front_ = nullptr;
        return false;
    }
    connect(front_, &UdpSocket::datagramReceived, this, &UdpRelay::onFront);
    Event e;
    e.socket = kSocketId;
    e.proto = kUdp;
    e.event = ev::Listening;
    e.source = ev::App;
    e.local = endpoint();
    e.remote = targetEndpoint();
    e.extra = QJsonObject{{QStringLiteral("role"), QStringLiteral("relay")},
                          {QStringLiteral("loss"), options_.loss},
                          {QStringLiteral("duplicate"), options_.duplicate},
                          {QStringLiteral("reorder"), options_.reorder},
                          {QStringLiteral("delay_ms"), options_.delayMs},
                          {QStringLiteral("jitter_ms"), options_.jitterMs},
                          {QStringLiteral("seed"), QString::number(options_.seed)}};
    e.detail = tr("The relay listens on %1 and passes datagrams on to %2 (%3, seed %4).")
                   .arg(e.local, e.remote, options_.summary())
                   .arg(options_.seed);
    timeline_->append(e);
    return true;
}

void UdpRelay::stop()
{
    if (!front_)
        return;
    timer_->stop();
    const quint64 lost = quint64(pending());
    queue_.clear();
    held_.clear();
    heldSince_.clear();
    for (Peer& p : peers_)
        delete p.up;
    peers_.clear();
    Event e;
    e.socket = kSocketId;
    e.proto = kUdp;
    e.event = ev::Close;
    e.source = ev::App;
    e.local = endpoint();
    e.extra = QJsonObject{{QStringLiteral("received"), qint64(stats_.received)},
                          {QStringLiteral("forwarded"), qint64(stats_.forwarded)},
                          {QStringLiteral("dropped"), qint64(stats_.dropped)},
                          {QStringLiteral("duplicated"), qint64(stats_.duplicated)},
                          {QStringLiteral("reordered"), qint64(stats_.reordered)},
                          {QStringLiteral("delayed"), qint64(stats_.delayed)}};
    e.detail = lost > 0 ? tr("The relay stopped; %n datagram(s) still waiting in it were "
                             "discarded.",
                             nullptr, int(lost))
                        : tr("The relay stopped.");
    delete front_;
    front_ = nullptr;
    timeline_->append(e);
}

bool UdpRelay::isRunning() const
{
    return front_ && front_->isOpen();
}

void UdpRelay::setOptions(const UdpRelayOptions& options)
{
    UdpRelayOptions o = options.clamped();
    o.seed = options_.seed;
    options_ = o;
    decider_.setRates(o);
}

qint64 UdpRelay::holdUs() const
{
    return qint64(kReorderHoldMs + options_.delayMs + options_.jitterMs) * 1000;
}

QHostAddress UdpRelay::address() const
{
    return front_ ? front_->localAddress() : QHostAddress();
}

quint16 UdpRelay::port() const
{
    return front_ ? front_->localPort() : 0;
}

QString UdpRelay::endpoint() const
{
    return front_ ? endpointString(front_->localAddress(), front_->localPort()) : QString();
}

QString UdpRelay::targetEndpoint() const
{
    return endpointString(target_, targetPort_);
}

void UdpRelay::onFront(const QByteArray& data, const QHostAddress& from, quint16 port)
{
    const QString sender = endpointString(from, port);
    auto it = peers_.find(sender);
    if (it == peers_.end()) {
        if (peers_.size() >= kMaxPeers) {
            // Forget the client heard from least recently.
            auto oldest = peers_.begin();
            for (auto p = peers_.begin(); p != peers_.end(); ++p) {
                if (p->lastUse < oldest->lastUse)
                    oldest = p;
            }
            delete oldest->up;
            peers_.erase(oldest);
        }
        Peer p;
        p.addr = from;
        p.port = port;
        p.up = new UdpSocket(this);
        const bool v6 = target_.protocol() == QAbstractSocket::IPv6Protocol;
        const QHostAddress bindTo =
            front_->localAddress().isLoopback()
                ? front_->localAddress()
                : (v6 ? QHostAddress(QHostAddress::AnyIPv6) : QHostAddress(QHostAddress::AnyIPv4));
        if (const int err = p.up->bind(bindTo, 0)) {
            Event e;
            e.socket = kSocketId;
            e.proto = kUdp;
            e.event = ev::Error;
            e.source = ev::App;
            e.code = errnoName(err);
            timeline_->append(e);
            delete p.up;
            return;
        }
        UdpSocket* up = p.up;
        connect(
            up, &UdpSocket::datagramReceived, this,
            [this, up](const QByteArray& d, const QHostAddress&, quint16) { onUpstream(up, d); });
        it = peers_.insert(sender, p);
    }
    it->lastUse = ++uses_;
    Datagram d;
    d.data = data;
    d.via = it->up;
    d.to = target_;
    d.toPort = targetPort_;
    d.toward = kTowardServer;
    handle(d, sender);
}

void UdpRelay::onUpstream(UdpSocket* up, const QByteArray& data)
{
    for (auto it = peers_.begin(); it != peers_.end(); ++it) {
        if (it->up != up)
            continue;
        it->lastUse = ++uses_;
        Datagram d;
        d.data = data;
        d.via = front_;
        d.to = it->addr;
        d.toPort = it->port;
        d.toward = kTowardClient;
        handle(d, targetEndpoint());
        return;
    }
}

void UdpRelay::handle(Datagram d, const QString& sender)
{
    d.n = ++n_;
    ++stats_.received;
    const RelayDecider::Decision dec = decider_.next();
    if (pending() >= kMaxPending) {
        ++stats_.dropped;
        log(d, RelayDecider::actionName(RelayDecider::Action::Drop), sender, 0,
            QStringLiteral("overflow"));
        return;
    }
    RelayDecider::Action act = dec.action;
    // One datagram waits per direction. A second one picked for reordering is the one that
    // overtakes: it goes (after its delay) and the waiting one right after it.
    if (act == RelayDecider::Action::Reorder && held_.contains(d.toward))
        act = dec.delayMs > 0 ? RelayDecider::Action::Delay : RelayDecider::Action::Forward;
    const QString action = RelayDecider::actionName(act);
    switch (act) {
    case RelayDecider::Action::Drop:
        ++stats_.dropped;
        log(d, action, sender, 0);
        return;
    case RelayDecider::Action::Reorder: {
        ++stats_.reordered;
        log(d, action, sender, 0);
        held_.insert(d.toward, d);
        heldSince_.insert(d.toward, timeline_->now());
        const int holdMs = int(holdUs() / 1000);
        if (!timer_->isActive() || timer_->remainingTime() > holdMs)
            timer_->start(holdMs);
        return;
    }
    case RelayDecider::Action::Duplicate:
        ++stats_.duplicated;
        d.copies = 2;
        break;
    case RelayDecider::Action::Delay:
        ++stats_.delayed;
        break;
    case RelayDecider::Action::Forward:
        break;
    }
    log(d, action, sender, dec.delayMs);
    if (dec.delayMs > 0)
        schedule(d, dec.delayMs);
    else
        release(d);
}

void UdpRelay::release(const Datagram& d)
{
    if (!d.via)
        return; // its client was forgotten meanwhile
    for (int i = 0; i < d.copies; ++i) {
        if (const int err = d.via->sendTo(d.data, d.to, d.toPort)) {
            Event e;
            e.socket = kSocketId;
            e.proto = kUdp;
            e.event = ev::Error;
            e.source = ev::App;
            e.local = endpoint();
            e.remote = endpointString(d.to, d.toPort);
            e.code = errnoName(err);
            timeline_->append(e);
            break;
        }
        ++stats_.forwarded;
    }
    // A datagram held for reordering goes right after the one that overtook it.
    if (held_.contains(d.toward))
        flushHeld(d.toward);
}

void UdpRelay::flushHeld(const QString& toward)
{
    const auto it = held_.find(toward);
    if (it == held_.end())
        return;
    const Datagram d = *it;
    held_.erase(it);
    heldSince_.remove(toward);
    release(d);
}

void UdpRelay::schedule(const Datagram& d, int delayMs)
{
    const qint64 due = timeline_->now() + qint64(delayMs) * 1000;
    queue_.emplace(due, d);
    const int ms = int(std::max<qint64>(0, (queue_.begin()->first - timeline_->now()) / 1000));
    if (!timer_->isActive() || timer_->remainingTime() > ms)
        timer_->start(ms);
}

void UdpRelay::onTimer()
{
    const qint64 now = timeline_->now();
    // Half a millisecond early is on time: QTimer has millisecond resolution.
    while (!queue_.empty() && queue_.begin()->first <= now + 500) {
        const Datagram d = queue_.begin()->second;
        queue_.erase(queue_.begin());
        release(d);
    }
    const QStringList towards = heldSince_.keys();
    for (const QString& t : towards) {
        if (now - heldSince_.value(t) >= holdUs() - 500)
            flushHeld(t);
    }
    qint64 next = -1;
    if (!queue_.empty())
        next = queue_.begin()->first;
    for (const qint64 since : std::as_const(heldSince_)) {
        const qint64 due = since + holdUs();
        next = next < 0 ? due : std::min(next, due);
    }
    if (next >= 0)
        timer_->start(int(std::max<qint64>(0, (next - now + 999) / 1000)));
}

void UdpRelay::log(const Datagram& d, const QString& action, const QString& sender, int delayMs,
                   const QString& why)
{
    Event e;
    e.socket = kSocketId;
    e.proto = kUdp;
    e.event = kRelay;
    e.source = ev::App;
    e.bytes = d.data.size();
    e.payload = d.data.left(Timeline::kPreviewBytes);
    e.local = endpoint();
    e.remote = sender;
    QJsonObject x{{QStringLiteral("action"), action},
                  {QStringLiteral("toward"), d.toward},
                  {QStringLiteral("n"), qint64(d.n)},
                  {QStringLiteral("to"), endpointString(d.to, d.toPort)}};
    // The socket it leaves from: the receiver sees this address, so a ladder can tell which
    // client an answer to it is for.
    if (d.via)
        x.insert(QStringLiteral("from"), endpointString(d.via->localAddress(), d.via->localPort()));
    if (delayMs > 0)
        x.insert(QStringLiteral("delay_ms"), delayMs);
    if (!why.isEmpty())
        x.insert(QStringLiteral("reason"), why);
    e.extra = x;
    timeline_->append(e);
    emit decided(e);
}

} // namespace netstage
