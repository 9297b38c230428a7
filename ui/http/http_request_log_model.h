#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QPointer>
#include <QVector>

class QTimer;

namespace netstage {

class Timeline;

// The HTTP server's request log: one row per `response` event of the server's connections
// (time, connection, status, method, host, path, size, duration). Like the event log it polls
// the timeline on a frame timer and inserts what is new in one batch; rows are small records
// and the text is made in data().
class HttpRequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // What a student scans first comes first: status, what was asked, how big, how long.
    enum Column
    {
        Status,
        Method,
        Path,
        Host,
        Size,
        Duration,
        Connection,
        Time,
        ColumnCount
    };

    // socketPrefix: whose responses to list ("http-conn-").
    HttpRequestLogModel(Timeline* timeline, const QString& socketPrefix, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    // Reads what the timeline gained since the last call (the timer calls it too).
    void poll();
    void clear();
    static constexpr int kMaxRows = 20000;

    // The colour of a status code: 2xx green, 3xx blue, 4xx orange, 5xx red.
    static QColor statusColor(int status);

private:
    struct Row
    {
        qint64 t_us;
        qint64 durationUs;
        qint64 bytes;
        int status;
        QString socket, method, host, target, reason;
    };
    QPointer<Timeline> timeline_;
    QString prefix_;
    quint64 next_ = 0;
    QVector<Row> rows_;
    QTimer* timer_;
};

} // namespace netstage
