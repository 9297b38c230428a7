#include "ui/url/url_step_model.h"

#include "core/explain/explain.h"
#include "ui/common/stage_colors.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QJsonArray>
#include <QUrl>
#include <algorithm>

namespace netstage {

namespace {
const QString kStep = QStringLiteral("step");
const QString kUrlProto = QStringLiteral("url");

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

int exchangeOf(const Event& e)
{
    return e.extra.value(QLatin1String("exchange")).toInt();
}

// The timing colour a phase stands for, so the step list and the waterfall agree.
QColor phaseColor(const QString& p)
{
    if (p == QLatin1String("cache") || p == QLatin1String("dns"))
        return StageColors::timingPhase(1);
    if (p == QLatin1String("connect"))
        return StageColors::timingPhase(2);
    if (p == QLatin1String("request"))
        return StageColors::timingPhase(3);
    if (p == QLatin1String("response") || p == QLatin1String("redirect"))
        return StageColors::timingPhase(4);
    if (p == QLatin1String("subresource") || p == QLatin1String("async"))
        return StageColors::timingPhase(5);
    return StageColors::timingPhase(0);
}

} // namespace

UrlStepModel::UrlStepModel(QObject* parent) : QAbstractItemModel(parent) {}

QString UrlStepModel::hostAndPath(const QString& url)
{
    const QUrl u(url);
    if (!u.isValid() || u.host().isEmpty())
        return url;
    QString path = u.path(QUrl::FullyEncoded);
    if (path.isEmpty())
        path = QStringLiteral("/");
    return u.host() + path;
}

bool UrlStepModel::isStepEvent(const Event& e)
{
    return e.event == kStep && e.proto == kUrlProto;
}

bool UrlStepModel::isWalkEvent(const Event& e)
{
    // "web-…": the walk's own demo site.
    return isStepEvent(e) || e.socket.startsWith(QLatin1String("url-")) ||
           e.socket.startsWith(QLatin1String("dns-")) || e.socket.startsWith(QLatin1String("web-"));
}

bool UrlStepModel::Filter::take(const Event& e)
{
    if (isWalkEvent(e)) {
        if (e.socket.startsWith(QLatin1String("url-client"))) {
            if (!e.local.isEmpty())
                endpoints_.insert(e.local);
            if (e.event == ev::Segment && e.dir == ev::Out && !e.src.isEmpty())
                endpoints_.insert(e.src);
        }
        return true;
    }
    if (endpoints_.isEmpty())
        return false;
    return endpoints_.contains(e.remote) || endpoints_.contains(e.src) ||
           endpoints_.contains(e.dst);
}

QString UrlStepModel::phaseTitle(const QString& p)
{
    if (p == QLatin1String("url"))
        return tr("Read the URL");
    if (p == QLatin1String("cache"))
        return tr("Look in the DNS caches");
    if (p == QLatin1String("dns"))
        return tr("Ask DNS");
    if (p == QLatin1String("connect"))
        return tr("Open a TCP connection");
    if (p == QLatin1String("request"))
        return tr("Send the request");
    if (p == QLatin1String("response"))
        return tr("Read the response");
    if (p == QLatin1String("redirect"))
        return tr("Follow the redirect");
    if (p == QLatin1String("parse"))
        return tr("Parse the HTML");
    if (p == QLatin1String("subresource"))
        return tr("Fetch a sub-resource");
    if (p == QLatin1String("async"))
        return tr("Asynchronous request");
    if (p == QLatin1String("render"))
        return tr("Render the page");
    if (p == QLatin1String("done"))
        return tr("Done");
    return p;
}

void UrlStepModel::clear()
{
    beginResetModel();
    phases_.clear();
    open_.clear();
    all_.clear();
    filter_.clear();
    originUs_ = -1;
    endResetModel();
}

void UrlStepModel::setEvents(const std::vector<Event>& events)
{
    clear();
    addEvents(events);
}

void UrlStepModel::addEvents(const std::vector<Event>& events)
{
    for (const Event& e : events)
        addEvent(e);
}

int UrlStepModel::runningPhase() const
{
    return open_.empty() ? -1 : open_.back();
}

void UrlStepModel::addEvent(const Event& e)
{
    if (!filter_.take(e))
        return;
    all_.push_back(e);
    if (!isStepEvent(e)) {
        attach(e);
        return;
    }
    const QString p = str(e.extra, "phase");
    const QString stage = str(e.extra, "stage");
    const int visit = e.extra.value(QLatin1String("visit")).toInt(1);
    if (originUs_ < 0)
        originUs_ = e.t_us;
    if (stage == QLatin1String("begin")) {
        Phase ph;
        ph.phase = p;
        ph.visit = visit;
        ph.host = str(e.extra, "host");
        ph.url = str(e.extra, "url");
        ph.exchange = exchangeOf(e);
        // Where the phase starts: the walk says so (a pause before it is not part of it).
        ph.beginUs = e.extra.contains(QLatin1String("start_us"))
                         ? e.extra.value(QLatin1String("start_us")).toInteger()
                         : e.t_us;
        ph.sentence = e.detail;
        const int row = int(phases_.size());
        beginInsertRows({}, row, row);
        phases_.push_back(std::move(ph));
        endInsertRows();
        open_.push_back(row);
        emit phaseBegan(row);
        return;
    }
    // An end: the open phase it closes (same phase and visit; the same exchange or URL when
    // several are open at once).
    int row = -1;
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
        const Phase& ph = phases_[std::size_t(*it)];
        if (ph.phase != p || ph.visit != visit)
            continue;
        const int x = exchangeOf(e);
        const QString url = str(e.extra, "url");
        if ((x && ph.exchange && x != ph.exchange) ||
            (!url.isEmpty() && !ph.url.isEmpty() && url != ph.url))
            continue;
        row = *it;
        break;
    }
    if (row < 0)
        return; // an end without its begin (a recording cut short): nothing to close
    open_.erase(std::find(open_.begin(), open_.end(), row));
    Phase& ph = phases_[std::size_t(row)];
    ph.durationUs = e.extra.contains(QLatin1String("duration_us"))
                        ? e.extra.value(QLatin1String("duration_us")).toInteger()
                        : e.t_us - ph.beginUs;
    if (e.extra.contains(QLatin1String("start_us")))
        ph.beginUs = e.extra.value(QLatin1String("start_us")).toInteger();
    if (!e.detail.isEmpty())
        ph.sentence = e.detail;
    if (ph.url.isEmpty())
        ph.url = str(e.extra, "url");
    if (ph.host.isEmpty())
        ph.host = str(e.extra, "host");
    ph.endExtra = e.extra;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit phaseEnded(row);
}

int UrlStepModel::phaseFor(const Event& e) const
{
    if (phases_.empty())
        return -1;
    if (open_.empty())
        return int(phases_.size()) - 1;
    if (open_.size() > 1) {
        const int x = exchangeOf(e);
        for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
            if (x && phases_[std::size_t(*it)].exchange == x)
                return *it;
        }
        for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
            if (phases_[std::size_t(*it)].sockets.contains(e.socket))
                return *it;
        }
    }
    return open_.back();
}

void UrlStepModel::attach(const Event& e)
{
    const int row = phaseFor(e);
    if (row < 0)
        return; // before the first step: nothing to hang it on
    Phase& ph = phases_[std::size_t(row)];
    // In time order: the kernel's states arrive a poll later than they happened.
    const auto at = std::upper_bound(ph.events.begin(), ph.events.end(), e.t_us,
                                     [](qint64 t, const Event& x) { return t < x.t_us; });
    const int child = int(at - ph.events.begin());
    beginInsertRows(index(row, 0), child, child);
    ph.events.insert(at, e);
    if (!e.socket.isEmpty() && !ph.sockets.contains(e.socket))
        ph.sockets << e.socket;
    endInsertRows();
}

QString UrlStepModel::relativeMs(qint64 t_us) const
{
    const qint64 d = originUs_ < 0 ? 0 : t_us - originUs_;
    return tr("+%1 ms").arg(d / 1000.0, 0, 'f', 3);
}

QModelIndex UrlStepModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid()) {
        if (row >= int(phases_.size()))
            return {};
        return createIndex(row, column, quintptr(0));
    }
    if (parent.internalId() != 0 || parent.row() >= int(phases_.size()))
        return {};
    if (row >= int(phases_[std::size_t(parent.row())].events.size()))
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex UrlStepModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int UrlStepModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(phases_.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(phases_[std::size_t(parent.row())].events.size());
}

int UrlStepModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant UrlStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PhaseColumn:
        return tr("Step");
    case StartColumn:
        return tr("Start");
    case DurationColumn:
        return tr("Duration");
    case SentenceColumn:
        return tr("What happened");
    default:
        return {};
    }
}

QVariant UrlStepModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() != 0) {
        const Phase& ph = phases_[std::size_t(index.internalId() - 1)];
        const Event& e = ph.events[std::size_t(index.row())];
        if (role == EventRole)
            return QVariant::fromValue(e);
        if (role == Qt::ForegroundRole && index.column() == PhaseColumn)
            return QBrush(StageColors::eventInk(e));
        if (role == Qt::ToolTipRole)
            return Explain::sentence(e);
        if (role != Qt::DisplayRole)
            return {};
        switch (index.column()) {
        case PhaseColumn: {
            QString what = e.event;
            if (e.event == ev::Segment && !e.flags.isEmpty())
                what += QLatin1Char(' ') + e.flags;
            else if (e.event == ev::State && !e.state.isEmpty())
                what += QLatin1Char(' ') + e.state;
            else if (e.dir == ev::Out)
                what += QStringLiteral(" →");
            else if (e.dir == ev::In)
                what += QStringLiteral(" ←");
            return QStringLiteral("%1  %2").arg(e.socket, what);
        }
        case StartColumn:
            return relativeMs(e.t_us);
        case DurationColumn:
            return e.bytes >= 0 ? tr("%n byte(s)", nullptr, int(e.bytes)) : QString();
        case SentenceColumn:
            return Explain::sentence(e);
        default:
            return {};
        }
    }

    const int row = index.row();
    const Phase& ph = phases_[std::size_t(row)];
    switch (role) {
    case PhaseNameRole:
        return ph.phase;
    case RunningRole:
        return ph.running();
    case Qt::DecorationRole:
        if (index.column() == PhaseColumn)
            return phaseColor(ph.phase);
        return {};
    case Qt::FontRole:
        if (ph.running()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::BackgroundRole:
        // The phase under way lights up; finished ones keep a pale tint of success.
        return ph.running() ? QBrush(QColor(0xff, 0xe0, 0x82)) : QBrush(QColor(0xe8, 0xf5, 0xe9));
    case Qt::ToolTipRole:
        return ph.sentence;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case PhaseColumn: {
        QString title = phaseTitle(ph.phase);
        QString what;
        if (ph.phase == QLatin1String("subresource") || ph.phase == QLatin1String("async") ||
            ph.phase == QLatin1String("request") || ph.phase == QLatin1String("redirect"))
            what = hostAndPath(ph.url);
        else if (!ph.host.isEmpty())
            what = ph.host;
        if (!what.isEmpty())
            title = tr("%1: %2").arg(title, what);
        return ph.visit > 1 ? tr("Visit %1 · %2").arg(ph.visit).arg(title) : title;
    }
    case StartColumn:
        return relativeMs(ph.beginUs);
    case DurationColumn:
        return ph.running() ? tr("running…") : tr("%1 ms").arg(ph.durationUs / 1000.0, 0, 'f', 3);
    case SentenceColumn:
        return ph.sentence;
    default:
        return {};
    }
}

} // namespace netstage
