#include "core/base/timeline.h"

#include "core/base/clock.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace netstage {

Timeline::Timeline(std::size_t capacity, QObject* parent)
    : QObject(parent), capacity_(std::max<std::size_t>(capacity, 1)),
      clock_(std::make_shared<SteadyClock>())
{
    strings_.append(QString()); // id 0 is "does not apply"
}

Timeline::~Timeline() = default;

void Timeline::setCapacity(std::size_t capacity)
{
    capacity_ = std::max<std::size_t>(capacity, 1);
    while (events_.size() > capacity_) {
        const Stored& old = events_.front();
        auto it = perSocket_.find(old.socket);
        if (it != perSocket_.end() && !it->empty() && it->front() == first_)
            it->pop_front();
        events_.pop_front();
        ++first_;
        ++dropped_;
    }
}

void Timeline::setClock(std::shared_ptr<Clock> clock)
{
    if (clock)
        clock_ = std::move(clock);
}

qint64 Timeline::now() const
{
    return clock_->nowUs();
}

quint32 Timeline::intern(const QString& s)
{
    if (s.isEmpty())
        return 0;
    const auto it = stringIds_.constFind(s);
    if (it != stringIds_.constEnd())
        return it.value();
    const auto id = static_cast<quint32>(strings_.size());
    strings_.append(s);
    stringIds_.insert(s, id);
    return id;
}

void Timeline::setReorderWindow(qint64 us)
{
    windowUs_ = std::max<qint64>(us, 0);
    if (windowUs_ == 0)
        flush();
}

void Timeline::setSources(const QStringList& sources, bool all)
{
    allSources_ = all;
    sources_ = QSet<QString>(sources.begin(), sources.end());
}

quint64 Timeline::append(Event e)
{
    if (!allSources_ && e.event != ev::Error && !sources_.contains(e.source))
        return endIndex();
    if (e.t_us == 0)
        e.t_us = clock_->nowUs();
    if (windowUs_ == 0 && pending_.empty())
        return store(std::move(e));
    if (e.t_us < lastStoredUs_) {
        // Later than the window: it can only follow what is already stored.
        QJsonObject x = e.extra;
        x.insert(QStringLiteral("late_us"), lastStoredUs_ - e.t_us);
        e.extra = x;
        e.t_us = lastStoredUs_;
        ++late_;
    }
    // Mostly in order already: search from the back.
    auto pos = pending_.end();
    while (pos != pending_.begin() && std::prev(pos)->t_us > e.t_us)
        --pos;
    const quint64 index = endIndex() + quint64(pos - pending_.begin());
    pending_.insert(pos, std::move(e));
    release(clock_->nowUs() - windowUs_);
    scheduleRelease();
    return index;
}

void Timeline::release(qint64 upTo)
{
    while (!pending_.empty() && pending_.front().t_us <= upTo) {
        Event e = std::move(pending_.front());
        pending_.pop_front();
        store(std::move(e));
    }
}

void Timeline::flush()
{
    release(std::numeric_limits<qint64>::max());
}

void Timeline::scheduleRelease()
{
    if (pending_.empty()) {
        if (releaseTimer_)
            releaseTimer_->stop();
        return;
    }
    if (!releaseTimer_) {
        releaseTimer_ = new QTimer(this);
        releaseTimer_->setSingleShot(true);
        releaseTimer_->setTimerType(Qt::PreciseTimer);
        connect(releaseTimer_, &QTimer::timeout, this, [this] {
            release(clock_->nowUs() - windowUs_);
            scheduleRelease();
        });
    }
    const qint64 dueUs = pending_.front().t_us + windowUs_ - clock_->nowUs();
    const int ms = int(std::clamp<qint64>((dueUs + 999) / 1000, 1, 1000));
    if (!releaseTimer_->isActive() || releaseTimer_->remainingTime() > ms)
        releaseTimer_->start(ms);
}

namespace {
QJsonValue boundValue(const QJsonValue& v, qint64* cut)
{
    if (v.isString()) {
        const QString str = v.toString();
        if (str.size() <= Timeline::kMaxExtraString)
            return v;
        *cut += str.size() - Timeline::kMaxExtraString;
        return QJsonValue(str.left(Timeline::kMaxExtraString) + QChar(0x2026));
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a.replace(i, boundValue(a.at(i), cut));
        return a;
    }
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        const QStringList keys = o.keys();
        for (const QString& k : keys)
            o.insert(k, boundValue(o.value(k), cut));
        return o;
    }
    return v;
}
} // namespace

quint64 Timeline::store(Event e)
{
    lastStoredUs_ = std::max(lastStoredUs_, e.t_us);
    if (e.payload.size() > kPreviewBytes) {
        if (e.bytes < 0)
            e.bytes = e.payload.size();
        e.payload.truncate(kPreviewBytes);
    }
    // Never keep a big read buffer alive for a short preview (a truncated or shallow copy of a
    // 64 KiB buffer keeps all of it): store exactly the preview's bytes.
    if (e.payload.capacity() > e.payload.size() + 32)
        e.payload = QByteArray(e.payload.constData(), e.payload.size());

    if (events_.size() >= capacity_) {
        const Stored& old = events_.front();
        auto it = perSocket_.find(old.socket);
        if (it != perSocket_.end() && !it->empty() && it->front() == first_)
            it->pop_front();
        events_.pop_front();
        ++first_;
        ++dropped_;
    }

    const quint32 socketId = intern(e.socket);
    Stored s{e.t_us,
             e.bytes,
             static_cast<quint32>(e.seq),
             static_cast<quint32>(e.ack),
             static_cast<qint32>(e.len),
             static_cast<qint32>(e.win),
             static_cast<quint8>((e.seq >= 0 ? 1 : 0) | (e.ack >= 0 ? 2 : 0)),
             socketId,
             intern(e.proto),
             intern(e.event),
             intern(e.source),
             intern(e.dir),
             intern(e.local),
             intern(e.remote),
             intern(e.src),
             intern(e.dst),
             intern(e.state),
             intern(e.flags),
             intern(e.opts),
             intern(e.code),
             e.payload,
             nullptr};
    if (!e.detail.isEmpty() || !e.extra.isEmpty()) {
        s.rare = std::make_unique<Stored::Rare>();
        s.rare->detail = e.detail;
        if (!e.extra.isEmpty()) {
            s.rare->extra = QJsonDocument(e.extra).toJson(QJsonDocument::Compact);
            if (s.rare->extra.size() > kMaxExtraBytes) {
                // A client must not decide how much memory the store takes (15,000 requests with
                // a 15 KB header were +284 MB): long values become previews, and the event
                // says how much was cut.
                qint64 cut = 0;
                QJsonValue bounded = boundValue(QJsonValue(e.extra), &cut);
                if (cut > 0) {
                    QJsonObject o = bounded.toObject();
                    o.insert(QStringLiteral("cut_chars"), cut);
                    e.extra = o;
                    s.rare->extra = QJsonDocument(o).toJson(QJsonDocument::Compact);
                }
            }
        }
    }
    events_.push_back(std::move(s));
    const quint64 index = first_ + events_.size() - 1;

    auto& perSocket = perSocket_[socketId];
    perSocket.push_back(index);
    if (socketId != 0 && !seenSockets_.contains(socketId)) {
        seenSockets_.insert(socketId);
        socketOrder_.append(e.socket);
        emit socketSeen(e.socket);
    }

    for (const auto& [id, sink] : sinks_)
        sink(e);
    return index;
}

Event Timeline::at(quint64 index) const
{
    const Stored& s = events_[index - first_];
    Event e;
    e.t_us = s.t_us;
    e.socket = str(s.socket);
    e.proto = str(s.proto);
    e.event = str(s.event);
    e.source = str(s.source);
    e.dir = str(s.dir);
    e.bytes = s.bytes;
    e.payload = s.payload;
    e.local = str(s.local);
    e.remote = str(s.remote);
    e.src = str(s.src);
    e.dst = str(s.dst);
    e.state = str(s.state);
    e.flags = str(s.flags);
    e.opts = str(s.opts);
    e.seq = (s.has & 1) ? qint64(s.seq) : -1;
    e.ack = (s.has & 2) ? qint64(s.ack) : -1;
    e.len = s.len;
    e.win = s.win;
    e.code = str(s.code);
    if (s.rare) {
        e.detail = s.rare->detail;
        if (!s.rare->extra.isEmpty())
            e.extra = QJsonDocument::fromJson(s.rare->extra).object();
    }
    return e;
}

QString Timeline::socketAt(quint64 index) const
{
    return str(events_[index - first_].socket);
}

QString Timeline::sourceAt(quint64 index) const
{
    return str(events_[index - first_].source);
}

QStringList Timeline::socketIds() const
{
    return socketOrder_;
}

std::vector<quint64> Timeline::indicesOf(const QString& socket) const
{
    const auto sid = stringIds_.constFind(socket);
    if (sid == stringIds_.constEnd())
        return {};
    const auto it = perSocket_.constFind(sid.value());
    if (it == perSocket_.constEnd())
        return {};
    return std::vector<quint64>(it->begin(), it->end());
}

std::size_t Timeline::countOf(const QString& socket) const
{
    const auto sid = stringIds_.constFind(socket);
    if (sid == stringIds_.constEnd())
        return 0;
    const auto it = perSocket_.constFind(sid.value());
    return it == perSocket_.constEnd() ? 0 : it->size();
}

void Timeline::clear()
{
    pending_.clear(); // what waits belongs to before the clear
    if (releaseTimer_)
        releaseTimer_->stop();
    lastStoredUs_ = std::numeric_limits<qint64>::min();
    first_ += events_.size(); // indices stay unique across a clear
    events_.clear();
    perSocket_.clear();
    socketOrder_.clear();
    seenSockets_.clear();
    emit cleared();
}

int Timeline::addSink(Sink sink)
{
    const int id = nextSink_++;
    sinks_.emplace_back(id, std::move(sink));
    return id;
}

void Timeline::removeSink(int id)
{
    sinks_.erase(
        std::remove_if(sinks_.begin(), sinks_.end(), [id](const auto& p) { return p.first == id; }),
        sinks_.end());
}

std::size_t Timeline::approximateBytes() const
{
    std::size_t total = events_.size() * sizeof(Stored);
    for (const Stored& s : events_) {
        // QArrayData header (16 bytes) plus the characters, rounded like malloc does.
        if (!s.payload.isNull())
            total += (16 + s.payload.size() + 1 + 15) & ~std::size_t(15);
        if (s.rare) {
            total += (sizeof(Stored::Rare) + 15) & ~std::size_t(15);
            if (!s.rare->extra.isNull())
                total += (16 + s.rare->extra.size() + 1 + 15) & ~std::size_t(15);
            if (!s.rare->detail.isNull())
                total += (16 + 2 * (s.rare->detail.size() + 1) + 15) & ~std::size_t(15);
        }
    }
    for (const auto& q : perSocket_)
        total += q.size() * sizeof(quint64);
    return total;
}

} // namespace netstage
