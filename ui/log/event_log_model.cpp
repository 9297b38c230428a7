#include "ui/log/event_log_model.h"

#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "ui/common/stage_colors.h"

#include <QFont>
#include <QTimer>
#include <algorithm>
#include <numeric>

namespace netstage {

namespace {
constexpr int kDefaultPollMs = 16; // one frame: fast enough to look live, slow enough to batch
} // namespace

EventLogModel::EventLogModel(Timeline* timeline, QObject* parent)
    : QAbstractTableModel(parent), timeline_(timeline), timer_(new QTimer(this))
{
    timer_->setInterval(kDefaultPollMs);
    connect(timer_, &QTimer::timeout, this, [this] { flush(); });
    if (timeline_) {
        connect(timeline_, &Timeline::cleared, this, &EventLogModel::onCleared);
        rebuild();
    }
    timer_->start();
}

EventLogModel::~EventLogModel() = default;

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void EventLogModel::setPollInterval(int intervalMs)
{
    timer_->setInterval(intervalMs);
}

void EventLogModel::setPolling(bool on)
{
    if (on)
        timer_->start();
    else
        timer_->stop();
}

bool EventLogModel::passes(quint64 index) const
{
    if (!socketFilter_.isEmpty() && timeline_->socketAt(index) != socketFilter_)
        return false;
    if (!prefixFilter_.isEmpty() && !timeline_->socketAt(index).startsWith(prefixFilter_))
        return false;
    if (!hiddenSources_.isEmpty() && hiddenSources_.contains(timeline_->sourceAt(index)))
        return false;
    return true;
}

void EventLogModel::rebuild()
{
    beginResetModel();
    rows_.clear();
    for (auto& slot : cache_)
        slot.index = ~quint64(0);
    if (timeline_) {
        const quint64 first = timeline_->firstIndex();
        const quint64 end = timeline_->endIndex();
        if (t0_ < 0 && end > first)
            t0_ = timeline_->at(first).t_us;
        if (!socketFilter_.isEmpty()) {
            // The per-socket index avoids a scan of the whole store when one socket is chosen.
            for (quint64 i : timeline_->indicesOf(socketFilter_)) {
                if (passes(i))
                    rows_.push_back(i);
            }
        } else if (hiddenSources_.isEmpty() && prefixFilter_.isEmpty()) {
            rows_.resize(std::size_t(end - first)); // everything passes: no need to look
            std::iota(rows_.begin(), rows_.end(), first);
        } else {
            rows_.reserve(std::size_t(end - first));
            for (quint64 i = first; i < end; ++i) {
                if (passes(i))
                    rows_.push_back(i);
            }
        }
        seenEnd_ = end;
    }
    endResetModel();
}

void EventLogModel::onCleared()
{
    t0_ = -1;
    rebuild();
}

int EventLogModel::flush()
{
    if (!timeline_)
        return 0;
    const quint64 first = timeline_->firstIndex();
    const quint64 end = timeline_->endIndex();
    if (end < seenEnd_) {
        // The store went back in time (cleared without our hearing of it): start again.
        t0_ = -1;
        rebuild();
        return 0;
    }

    if (!rows_.empty() && rows_.front() < first) {
        const auto keep = std::lower_bound(rows_.begin(), rows_.end(), first);
        const int gone = int(keep - rows_.begin());
        beginRemoveRows({}, 0, gone - 1);
        rows_.erase(rows_.begin(), keep);
        endRemoveRows();
    }

    const quint64 from = std::max(seenEnd_, first);
    seenEnd_ = end;
    if (from >= end)
        return 0;
    if (t0_ < 0)
        t0_ = timeline_->at(first).t_us;

    std::vector<quint64> fresh;
    const bool filtered =
        !socketFilter_.isEmpty() || !hiddenSources_.isEmpty() || !prefixFilter_.isEmpty();
    if (filtered) {
        for (quint64 i = from; i < end; ++i) {
            if (passes(i))
                fresh.push_back(i);
        }
    } else {
        fresh.resize(std::size_t(end - from));
        for (std::size_t k = 0; k < fresh.size(); ++k)
            fresh[k] = from + k;
    }
    if (fresh.empty())
        return 0;

    const int n = int(fresh.size());
    const int at = int(rows_.size());
    beginInsertRows({}, at, at + n - 1);
    rows_.insert(rows_.end(), fresh.begin(), fresh.end());
    endInsertRows();
    ++insertBatches_;
    emit rowsAppended(n);
    return n;
}

void EventLogModel::setSocketFilter(const QString& socket)
{
    if (socket == socketFilter_)
        return;
    socketFilter_ = socket;
    rebuild();
}

void EventLogModel::setSocketPrefixFilter(const QString& prefix)
{
    if (prefix == prefixFilter_)
        return;
    prefixFilter_ = prefix;
    rebuild();
}

void EventLogModel::setSourceShown(const QString& source, bool shown)
{
    if (shown == !hiddenSources_.contains(source))
        return;
    if (shown)
        hiddenSources_.remove(source);
    else
        hiddenSources_.insert(source);
    rebuild();
}

void EventLogModel::setHexMode(bool on)
{
    if (on == hexMode_)
        return;
    hexMode_ = on;
    if (!rows_.empty())
        emit dataChanged(index(0, Text), index(int(rows_.size()) - 1, Text));
}

const Event& EventLogModel::cached(quint64 index) const
{
    CacheSlot& slot = cache_[index % kCacheSlots];
    if (slot.index != index) {
        slot.event = timeline_->at(index);
        slot.index = index;
    }
    return slot.event;
}

Event EventLogModel::eventAt(int row) const
{
    const quint64 gi = rows_[std::size_t(row)];
    if (!timeline_ || !timeline_->contains(gi))
        return {};
    return cached(gi);
}

std::vector<Event> EventLogModel::eventsOfRows(QList<int> rows) const
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::vector<Event> out;
    out.reserve(std::size_t(rows.size()));
    for (int r : rows) {
        if (r < 0 || r >= int(rows_.size()) || !timeline_ ||
            !timeline_->contains(rows_[std::size_t(r)]))
            continue;
        out.push_back(timeline_->at(rows_[std::size_t(r)]));
    }
    return out;
}

std::vector<Event> EventLogModel::allEvents() const
{
    std::vector<Event> out;
    if (!timeline_)
        return out;
    out.reserve(rows_.size());
    for (quint64 gi : rows_) {
        if (timeline_->contains(gi))
            out.push_back(timeline_->at(gi));
    }
    return out;
}

QString EventLogModel::formatRelativeMs(qint64 deltaUs)
{
    return tr("%1 ms").arg(double(deltaUs) / 1000.0, 0, 'f', 3);
}

QString EventLogModel::payloadHex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

QString EventLogModel::payloadText(const QByteArray& bytes)
{
    QString s = QString::fromUtf8(bytes);
    // One line per event: line breaks shown the way a programmer writes them.
    s.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    s.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    s.replace(QLatin1Char('\t'), QLatin1String("\\t"));
    return s;
}

QString EventLogModel::cellText(const Event& e, int column) const
{
    switch (column) {
    case Time:
        return formatRelativeMs(e.t_us - std::max<qint64>(t0_, 0));
    case Socket:
        return e.socket;
    case Source:
        return e.source;
    case EventName:
        return e.event;
    case Dir:
        if (e.dir == ev::Out)
            return tr("→ out");
        if (e.dir == ev::In)
            return tr("← in");
        return e.dir;
    case Bytes:
        return e.bytes >= 0 ? QString::number(e.bytes) : QString();
    case Text: {
        if (e.payload.isEmpty()) {
            if (!e.flags.isEmpty() || e.seq >= 0 || e.ack >= 0) {
                QStringList parts;
                if (!e.flags.isEmpty())
                    parts << QLatin1Char('[') + e.flags + QLatin1Char(']');
                if (e.seq >= 0)
                    parts << QStringLiteral("seq=%1").arg(e.seq);
                if (e.ack >= 0)
                    parts << QStringLiteral("ack=%1").arg(e.ack);
                if (e.len >= 0)
                    parts << QStringLiteral("len=%1").arg(e.len);
                if (e.win >= 0)
                    parts << QStringLiteral("win=%1").arg(e.win);
                return parts.join(QLatin1Char(' '));
            }
            return e.code;
        }
        QString s =
            (hexMode_ || e.payloadIsBinary()) ? payloadHex(e.payload) : payloadText(e.payload);
        if (e.bytes > e.payload.size())
            s += QStringLiteral(" …");
        return s;
    }
    case State:
        return e.state;
    case Explanation:
        return Explain::sentence(e);
    default:
        return {};
    }
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(rows_.size()) || !timeline_)
        return {};
    const quint64 gi = rows_[std::size_t(index.row())];
    if (role == GlobalIndexRole)
        return QVariant::fromValue(gi);
    if (!timeline_->contains(gi))
        return {}; // evicted since the last flush; the next flush removes the row
    const Event& e = cached(gi);
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return cellText(e, column);
    case Qt::ToolTipRole:
        switch (column) {
        case Time:
            return tr("t_us = %1 µs on the session clock").arg(e.t_us);
        case Socket:
            if (!e.local.isEmpty() || !e.remote.isEmpty())
                return tr("%1\nlocal %2\nremote %3").arg(e.socket, e.local, e.remote);
            return e.socket;
        case EventName: {
            const QString qt = Explain::qtName(e.event);
            return qt.isEmpty() ? QVariant() : QVariant(tr("In Qt: %1").arg(qt));
        }
        case Text:
            if (e.payload.isEmpty())
                return {};
            return tr("%1 bytes\nhex: %2\ntext: %3")
                .arg(e.bytes >= 0 ? e.bytes : e.payload.size())
                .arg(payloadHex(e.payload), payloadText(e.payload));
        case State:
            return e.state.isEmpty() ? QVariant() : QVariant(Explain::forState(e.state));
        case Explanation:
            return Explain::sentence(e);
        default:
            return {};
        }
    case Qt::BackgroundRole:
        if (column == State) {
            const auto pair = StageColors::forState(e.state);
            if (pair.background.isValid())
                return pair.background;
        }
        return StageColors::rowTint(e);
    case Qt::ForegroundRole:
        if (column == State) {
            const auto pair = StageColors::forState(e.state);
            if (pair.foreground.isValid())
                return pair.foreground;
        }
        if (column == EventName)
            return StageColors::eventInk(e);
        // Explicit black: the tints are light, whatever the desktop theme says.
        return QColor(Qt::black);
    case Qt::FontRole:
        if (column == EventName || (column == State && !e.state.isEmpty())) {
            static const QFont bold = [] {
                QFont f;
                f.setBold(true);
                return f;
            }();
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Time || column == Bytes)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Time:
            return tr("Time");
        case Socket:
            return tr("Socket");
        case Source:
            return tr("Source");
        case EventName:
            return tr("Event");
        case Dir:
            return tr("Dir");
        case Bytes:
            return tr("Bytes");
        case Text:
            return tr("Text");
        case State:
            return tr("State");
        case Explanation:
            return tr("Explanation");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Time:
            return tr("Milliseconds since the first event; hover a cell for the raw microseconds.");
        case Source:
            return tr("Who saw it: app (the program), kernel (the kernel's TCP state), wire "
                      "(captured packets), model (what RFC 9293 says happened).");
        case EventName:
            return tr("Node.js event name; hover a cell for the matching Qt signal.");
        case Dir:
            return tr("→ out: this socket sent it. ← in: this socket received it.");
        case Text:
            return tr("The payload as text, or as hex when it is binary or Hex is on.");
        case State:
            return tr("The TCP state the event reports.");
        default:
            return {};
        }
    }
    return {};
}

} // namespace netstage
