#include "ui/log/socket_list_model.h"

#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "ui/common/stage_colors.h"

#include <QFont>
#include <QTimer>
#include <algorithm>

namespace netstage {

namespace {
// The lab's event for "our FIN went out" (Node's 'finish'); core has no ev:: name for it yet.
const QString kFinish = QStringLiteral("finish");
} // namespace

SocketListModel::SocketListModel(Timeline* timeline, const QString& proto, QObject* parent)
    : QAbstractTableModel(parent), timeline_(timeline), proto_(proto), timer_(new QTimer(this))
{
    timer_->setInterval(16);
    connect(timer_, &QTimer::timeout, this, &SocketListModel::flush);
    if (timeline_) {
        connect(timeline_, &Timeline::cleared, this, &SocketListModel::onCleared);
        seenEnd_ = timeline_->firstIndex();
        flush();
    }
    timer_->start();
}

SocketListModel::~SocketListModel() = default;

int SocketListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int SocketListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void SocketListModel::setPolling(bool on)
{
    if (on)
        timer_->start();
    else
        timer_->stop();
}

const SocketListModel::Row* SocketListModel::find(const QString& id) const
{
    const int r = rowOf(id);
    return r < 0 ? nullptr : &rows_[std::size_t(r)];
}

void SocketListModel::onCleared()
{
    beginResetModel();
    rows_.clear();
    rowIndex_.clear();
    dirty_.clear();
    seenEnd_ = timeline_ ? timeline_->endIndex() : 0;
    endResetModel();
}

int SocketListModel::ensureRow(const QString& id)
{
    const int existing = rowOf(id);
    if (existing >= 0)
        return existing;
    Row r;
    r.id = id;
    // The lab's naming (tcp_lab.h): "tcp-server", "tcp-conn-N", "tcp-client-N".
    if (id.contains(QLatin1String("-server")))
        r.kind = Kind::Listener;
    else if (id.contains(QLatin1String("-conn-")))
        r.kind = Kind::Accepted;
    else if (id.contains(QLatin1String("-client-"))) {
        r.kind = Kind::Client;
        r.status = Status::Connecting; // until its `connect` arrives
    }
    const int at = int(rows_.size());
    beginInsertRows({}, at, at);
    rows_.push_back(r);
    rowIndex_.insert(id, at);
    endInsertRows();
    return at;
}

void SocketListModel::flush()
{
    if (!timeline_)
        return;
    const quint64 end = timeline_->endIndex();
    if (end < seenEnd_) {
        onCleared();
        return;
    }
    const quint64 from = std::max(seenEnd_, timeline_->firstIndex());
    seenEnd_ = end;
    QStringList added;
    for (quint64 i = from; i < end; ++i) {
        const QString socket = timeline_->socketAt(i);
        if (socket.isEmpty())
            continue;
        const Event e = timeline_->at(i);
        const bool ours = e.proto == proto_ ||
                          (e.proto.isEmpty() && socket.startsWith(proto_ + QLatin1Char('-')));
        if (!ours)
            continue;
        const bool isNew = rowOf(socket) < 0;
        apply(e);
        if (isNew)
            added << socket;
    }
    if (dirty_.empty())
        return;
    std::sort(dirty_.begin(), dirty_.end());
    dirty_.erase(std::unique(dirty_.begin(), dirty_.end()), dirty_.end());
    emit dataChanged(index(dirty_.front(), 0), index(dirty_.back(), ColumnCount - 1));
    for (int r : dirty_) {
        if (!added.contains(rows_[std::size_t(r)].id))
            emit socketChanged(rows_[std::size_t(r)].id);
    }
    dirty_.clear();
    for (const QString& id : added)
        emit socketAdded(id);
}

void SocketListModel::apply(const Event& e)
{
    const int at = ensureRow(e.socket);
    Row& r = rows_[std::size_t(at)];
    dirty_.push_back(at);
    if (!e.local.isEmpty())
        r.local = e.local;
    if (!e.remote.isEmpty())
        r.remote = e.remote;

    if (e.source == ev::Kernel) {
        if (e.event == ev::State && !e.state.isEmpty())
            r.kernelState = e.state;
        return;
    }
    if (e.source != ev::App)
        return;

    if (e.event == ev::Listening) {
        r.kind = Kind::Listener;
        r.status = Status::Listening;
    } else if (e.event == ev::Connect || e.event == ev::Connection) {
        // A listener logs `connection` too (Node's server event); it stays listening.
        if (r.kind != Kind::Listener && r.status != Status::Closed)
            r.status = Status::Open;
    } else if (e.event == kFinish || e.event == ev::End) {
        // `finish`: our FIN went out (half-close, Node's socket.end()). `end`: the peer's FIN.
        if (r.status == Status::Closed)
            return;
        const bool ours = e.event == kFinish;
        const bool otherDone =
            ours ? (r.status == Status::PeerEnded) : (r.status == Status::HalfClosed);
        if (otherDone || r.status == Status::BothEnded)
            r.status = Status::BothEnded;
        else
            r.status = ours ? Status::HalfClosed : Status::PeerEnded;
    } else if (e.event == ev::Close) {
        r.status = Status::Closed;
    } else if (e.event == ev::Error) {
        // Errors after the close are refused commands ("not an open connection"), not news
        // about the connection itself.
        if (!e.code.isEmpty() && r.status != Status::Closed)
            r.lastError = e.code;
    }
}

QString SocketListModel::kindText(Kind k)
{
    switch (k) {
    case Kind::Listener:
        return tr("listener");
    case Kind::Accepted:
        return tr("accepted");
    case Kind::Client:
        return tr("client");
    case Kind::Other:
        break;
    }
    return {};
}

QString SocketListModel::statusText(Status s)
{
    switch (s) {
    case Status::Unknown:
        return {};
    case Status::Listening:
        return tr("listening");
    case Status::Connecting:
        return tr("connecting");
    case Status::Open:
        return tr("open");
    case Status::HalfClosed:
        return tr("half-closed (we sent FIN)");
    case Status::PeerEnded:
        return tr("peer ended");
    case Status::BothEnded:
        return tr("both ended");
    case Status::Closed:
        return tr("closed");
    }
    return {};
}

QVariant SocketListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(rows_.size()))
        return {};
    const Row& r = rows_[std::size_t(index.row())];
    const int column = index.column();
    const bool retired = r.isGone();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Id:
            return r.id;
        case Role:
            return kindText(r.kind);
        case Local:
            return r.local;
        case Remote:
            return r.kind == Kind::Listener ? QString() : r.remote;
        case AppStatus:
            if (retired && !r.lastError.isEmpty())
                return tr("closed (%1)").arg(r.lastError);
            if ((r.status == Status::Connecting || r.status == Status::Unknown) &&
                !r.lastError.isEmpty())
                return tr("failed (%1)").arg(r.lastError);
            return statusText(r.status);
        case KernelState:
            return r.kernelState.isEmpty() ? QStringLiteral("…") : r.kernelState;
        default:
            return {};
        }
    case SocketIdRole:
        return r.id;
    case Qt::ToolTipRole:
        if (column == KernelState && !r.kernelState.isEmpty())
            return Explain::forState(r.kernelState);
        if (column == KernelState)
            return tr("No kernel state observed yet.");
        if (column == AppStatus && !r.lastError.isEmpty())
            return Explain::forError(r.lastError);
        return {};
    case Qt::BackgroundRole:
        if (column == KernelState) {
            const auto pair = StageColors::forState(r.kernelState);
            if (pair.background.isValid())
                return pair.background;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == KernelState) {
            const auto pair = StageColors::forState(r.kernelState);
            if (pair.foreground.isValid())
                return pair.foreground;
            return {};
        }
        if (retired)
            return StageColors::retiredInk();
        if (column == AppStatus) {
            switch (r.status) {
            case Status::Listening:
                return StageColors::forState(QStringLiteral("LISTEN")).background;
            case Status::Open:
                return StageColors::forState(QStringLiteral("ESTABLISHED")).background;
            case Status::HalfClosed:
                return StageColors::forState(QStringLiteral("FIN-WAIT-2")).background;
            case Status::PeerEnded:
                return StageColors::forState(QStringLiteral("CLOSE-WAIT")).background;
            default:
                return {};
            }
        }
        return {};
    case Qt::FontRole:
        if (column == KernelState || column == AppStatus || column == Id) {
            QFont f;
            f.setBold(!retired || column == KernelState);
            f.setItalic(retired && column != KernelState);
            return f;
        }
        if (retired) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == KernelState)
            return QVariant(Qt::AlignCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant SocketListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Id:
            return tr("Socket");
        case Role:
            return tr("Role");
        case Local:
            return tr("Local");
        case Remote:
            return tr("Remote");
        case AppStatus:
            return tr("App sees");
        case KernelState:
            return tr("Kernel state");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AppStatus:
            return tr("What the program knows from its own calls and events.");
        case KernelState:
            return tr("The kernel's own TCP state, read with NETLINK_SOCK_DIAG (what `ss` "
                      "shows). It outlives the program's socket: look for TIME-WAIT.");
        default:
            return {};
        }
    }
    return {};
}

} // namespace netstage
