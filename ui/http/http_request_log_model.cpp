#include "ui/http/http_request_log_model.h"

#include "core/base/timeline.h"

#include <QBrush>
#include <QFont>
#include <QTimer>

namespace netstage {

HttpRequestLogModel::HttpRequestLogModel(Timeline* timeline, const QString& socketPrefix,
                                         QObject* parent)
    : QAbstractTableModel(parent), timeline_(timeline), prefix_(socketPrefix),
      timer_(new QTimer(this))
{
    connect(timer_, &QTimer::timeout, this, &HttpRequestLogModel::poll);
    timer_->start(100);
    if (timeline_)
        next_ = timeline_->firstIndex();
}

int HttpRequestLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int HttpRequestLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QColor HttpRequestLogModel::statusColor(int status)
{
    if (status >= 500)
        return QColor(0xc6, 0x28, 0x28);
    if (status >= 400)
        return QColor(0xd9, 0x6c, 0x00);
    if (status >= 300)
        return QColor(0x1f, 0x5f, 0xa8);
    if (status >= 200)
        return QColor(0x2d, 0x7d, 0x46);
    return QColor(0x60, 0x60, 0x60);
}

QVariant HttpRequestLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const Row& r = rows_[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return QString::number(r.t_us / 1e6, 'f', 3);
        case Connection:
            return r.socket;
        case Status:
            return QStringLiteral("%1 %2").arg(r.status).arg(r.reason);
        case Method:
            return r.method;
        case Host:
            return r.host;
        case Path:
            return r.target;
        case Size:
            return r.bytes >= 1024 ? tr("%1 KiB").arg(r.bytes / 1024.0, 0, 'f', 1)
                                   : tr("%1 B").arg(r.bytes);
        case Duration:
            return tr("%1 ms").arg(r.durationUs / 1000.0, 0, 'f', 2);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status)
        return QBrush(statusColor(r.status));
    if (role == Qt::FontRole && index.column() == Status) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Size || index.column() == Duration || index.column() == Time))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1 %2 → %3 %4").arg(r.method, r.target).arg(r.status).arg(r.reason);
    return {};
}

QVariant HttpRequestLogModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time (s)");
    case Connection:
        return tr("Connection");
    case Status:
        return tr("Status");
    case Method:
        return tr("Method");
    case Host:
        return tr("Host");
    case Path:
        return tr("Path");
    case Size:
        return tr("Size");
    case Duration:
        return tr("Time to answer");
    default:
        return {};
    }
}

void HttpRequestLogModel::poll()
{
    if (!timeline_)
        return;
    if (next_ < timeline_->firstIndex())
        next_ = timeline_->firstIndex(); // the store dropped old events
    const quint64 end = timeline_->endIndex();
    QVector<Row> fresh;
    // Bounded work per tick: the rest waits for the next one.
    for (int budget = 20000; next_ < end && budget > 0; ++next_, --budget) {
        const QString socket = timeline_->socketAt(next_);
        if (!socket.startsWith(prefix_))
            continue;
        const Event e = timeline_->at(next_);
        if (e.event != QLatin1String("response"))
            continue;
        const QJsonObject& x = e.extra;
        Row r;
        r.t_us = e.t_us;
        r.durationUs = x.value(QStringLiteral("duration_us")).toInteger();
        r.bytes = e.bytes;
        r.status = x.value(QStringLiteral("status")).toInt();
        r.socket = e.socket;
        r.reason = x.value(QStringLiteral("reason")).toString();
        r.method = x.value(QStringLiteral("method")).toString();
        r.host = x.value(QStringLiteral("host")).toString();
        r.target = x.value(QStringLiteral("target")).toString();
        fresh.append(r);
    }
    if (fresh.isEmpty())
        return;
    const int overflow = int(rows_.size() + fresh.size()) - kMaxRows;
    if (overflow > 0) {
        const int drop = qMin<int>(overflow, rows_.size());
        beginRemoveRows({}, 0, drop - 1);
        rows_.remove(0, drop);
        endRemoveRows();
        if (fresh.size() > kMaxRows)
            fresh.remove(0, fresh.size() - kMaxRows);
    }
    beginInsertRows({}, rows_.size(), rows_.size() + fresh.size() - 1);
    rows_ += fresh;
    endInsertRows();
}

void HttpRequestLogModel::clear()
{
    beginResetModel();
    rows_.clear();
    endResetModel();
}

} // namespace netstage
