#pragma once

#include "core/base/event.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>
#include <array>
#include <vector>

class QTimer;

namespace netstage {

class Timeline;

// The live event log as a table, in the manner of Wireshark's packet list: the model keeps only
// the global indices of the events that pass the filter and formats cells when the view asks.
// A frame timer polls the timeline and inserts everything new with one beginInsertRows, so a
// flood of events costs one layout per frame, not one per event. Events the timeline evicts
// leave from the front in one beginRemoveRows.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Socket,
        Source,
        EventName,
        Dir,
        Bytes,
        Text,
        State,
        Explanation,
        ColumnCount
    };
    enum Role
    {
        GlobalIndexRole = Qt::UserRole + 1
    };

    explicit EventLogModel(Timeline* timeline, QObject* parent = nullptr);
    ~EventLogModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Empty: all sockets.
    void setSocketFilter(const QString& socket);
    QString socketFilter() const { return socketFilter_; }
    // Only sockets whose id starts with this ("udp-": the UDP lab's); empty: no such filter.
    void setSocketPrefixFilter(const QString& prefix);
    QString socketPrefixFilter() const { return prefixFilter_; }
    // "app", "kernel", "wire", "model"; all shown at first.
    void setSourceShown(const QString& source, bool shown);
    bool isSourceShown(const QString& source) const { return !hiddenSources_.contains(source); }
    // Show every payload as hex, not only binary ones.
    void setHexMode(bool on);
    bool hexMode() const { return hexMode_; }

    // Polling: on by default every `intervalMs`. Tests and benchmarks switch it off and call
    // flush() themselves to measure or step one batch.
    void setPollInterval(int intervalMs);
    void setPolling(bool on);
    // Takes in what the timeline gained (and drops what it evicted) since the last flush.
    // Returns the number of rows inserted.
    int flush();
    // Number of beginInsertRows calls so far (for tests: a flood must arrive in few batches).
    int insertBatches() const { return insertBatches_; }

    quint64 globalIndex(int row) const { return rows_[std::size_t(row)]; }
    Event eventAt(int row) const;
    // The events of the given rows (any order, duplicates allowed), in timeline order.
    std::vector<Event> eventsOfRows(QList<int> rows) const;
    std::vector<Event> allEvents() const; // every row that passes the filter

    // Cell text helpers, shared with anything else that prints events the same way.
    static QString formatRelativeMs(qint64 deltaUs);
    static QString payloadHex(const QByteArray& bytes);
    static QString payloadText(const QByteArray& bytes); // control characters made visible

signals:
    // After a flush that inserted rows (for auto-scroll).
    void rowsAppended(int count);

private:
    bool passes(quint64 index) const;
    void rebuild();
    void onCleared();
    const Event& cached(quint64 index) const;
    QString cellText(const Event& e, int column) const;

    QPointer<Timeline> timeline_;
    QTimer* timer_;
    std::vector<quint64> rows_; // ascending global indices of the rows shown
    quint64 seenEnd_ = 0;       // the timeline's endIndex() at the last flush
    qint64 t0_ = -1;            // t_us of the first event: times are shown relative to it
    QString socketFilter_;
    QString prefixFilter_;
    QSet<QString> hiddenSources_;
    bool hexMode_ = false;
    int insertBatches_ = 0;

    // Views ask for many roles of each cell, cell by cell along a row: a small direct-mapped
    // cache keeps data() from copying the same event out of the timeline a dozen times.
    struct CacheSlot
    {
        quint64 index = ~quint64(0);
        Event event;
    };
    static constexpr std::size_t kCacheSlots = 256;
    mutable std::array<CacheSlot, kCacheSlots> cache_;
};

} // namespace netstage
