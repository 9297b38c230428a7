#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <vector>

class QTimer;

namespace netstage {

class Timeline;
struct Event;

// The sockets of a lab as the timeline tells them: who they are, their addresses, what the
// program thinks (open, half-closed...) and what the kernel says (ESTABLISHED, TIME-WAIT...).
// Fed only by events, never by asking a socket, so it shows exactly what was recorded and
// works the same on a replayed file. Closed sockets stay, greyed, so TIME-WAIT stays in view.
class SocketListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // The states first: they are what the class watches; addresses may scroll off on a small
    // screen.
    enum Column
    {
        Id,
        Role,
        AppStatus,
        KernelState,
        Local,
        Remote,
        ColumnCount
    };
    enum class Kind
    {
        Listener,
        Accepted,
        Client,
        Other
    };
    enum class Status
    {
        Unknown,
        Listening,
        Connecting,
        Open,
        HalfClosed,
        PeerEnded,
        BothEnded,
        Closed
    };
    enum ItemRole
    {
        SocketIdRole = Qt::UserRole + 1
    };

    struct Row
    {
        QString id;
        Kind kind = Kind::Other;
        QString local;
        QString remote;
        Status status = Status::Unknown;
        QString kernelState; // empty until the kernel observer reports
        QString lastError;   // errno name of the last error event

        // Closed, or never opened (the connect failed).
        bool isGone() const
        {
            return status == Status::Closed ||
                   ((status == Status::Connecting || status == Status::Unknown) &&
                    !lastError.isEmpty());
        }
    };

    // proto: only sockets whose events carry this protocol ("tcp") are listed.
    explicit SocketListModel(Timeline* timeline, const QString& proto, QObject* parent = nullptr);
    ~SocketListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int rowOf(const QString& id) const { return rowIndex_.value(id, -1); }
    const Row& row(int r) const { return rows_[std::size_t(r)]; }
    const Row* find(const QString& id) const;

    // Reads what the timeline gained since the last call; runs on a frame timer by itself.
    void flush();
    void setPolling(bool on);

    static QString kindText(Kind k);
    static QString statusText(Status s);

signals:
    void socketAdded(const QString& id);
    void socketChanged(const QString& id);

private:
    void apply(const Event& e);
    void onCleared();
    int ensureRow(const QString& id);

    QPointer<Timeline> timeline_;
    QString proto_;
    QTimer* timer_;
    quint64 seenEnd_ = 0;
    std::vector<Row> rows_;
    QHash<QString, int> rowIndex_;
    std::vector<int> dirty_;
};

} // namespace netstage
