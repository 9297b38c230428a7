#pragma once

#include "core/base/event.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace netstage {

class Clock;

// The append-only event store. Events get a global index that never changes; the store keeps
// the newest `capacity` of them (a ring) and counts what it dropped. Each socket has its own
// index. Strings that repeat (socket ids, addresses, event names) are interned, so an event
// with a short text preview costs well under 200 bytes.
//
// Single-threaded: append from the thread that owns the Timeline (the GUI or CLI main thread).
// Views poll endIndex() on a frame timer and insert what is new in one batch; sinks (the JSON
// Lines writer) are called synchronously on every append.
class Timeline : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPreviewBytes = 96;

    explicit Timeline(std::size_t capacity = 1000000, QObject* parent = nullptr);
    ~Timeline() override;

    // The clock that stamps events; owned by the timeline unless set from outside.
    const Clock& clock() const { return *clock_; }
    void setClock(std::shared_ptr<Clock> clock);
    qint64 now() const;

    // Stores the event (payload truncated to kPreviewBytes; t_us stamped if it is 0) and
    // returns its global index.
    quint64 append(Event e);

    quint64 firstIndex() const { return first_; }        // oldest index still stored
    quint64 endIndex() const { return first_ + size(); } // one past the newest
    std::size_t size() const { return events_.size(); }
    std::size_t capacity() const { return capacity_; }
    quint64 dropped() const { return dropped_; } // events evicted because the store was full
    bool contains(quint64 index) const { return index >= first_ && index < endIndex(); }

    Event at(quint64 index) const; // index must be contained
    // Cheap accessors for views that only need one column.
    QString socketAt(quint64 index) const;
    QString sourceAt(quint64 index) const;

    QStringList socketIds() const; // in order of first appearance
    // Global indices of the socket's stored events, oldest first.
    std::vector<quint64> indicesOf(const QString& socket) const;
    std::size_t countOf(const QString& socket) const;

    void clear();

    using Sink = std::function<void(const Event&)>;
    int addSink(Sink sink);
    void removeSink(int id);

    // Bytes used by stored events, including the heap behind their previews (for benchmarks).
    std::size_t approximateBytes() const;

signals:
    void socketSeen(const QString& socket); // the first event of a socket not seen before
    void cleared();

private:
    struct Stored
    {
        qint64 t_us;
        qint64 bytes;
        quint32 seq, ack; // TCP numbers are 32-bit; `has` says whether they apply
        qint32 len, win;
        quint8 has; // bit 0: seq, bit 1: ack
        quint32 socket, proto, event, source, dir, local, remote, src, dst, state, flags, opts,
            code;
        QByteArray payload;
        // What few events carry (an own sentence, a lab's extra fields) lives behind one
        // pointer, so the many data events do not pay for it.
        struct Rare
        {
            QString detail;
            QByteArray extra; // compact JSON object
        };
        std::unique_ptr<Rare> rare;
    };
    quint32 intern(const QString& s);
    const QString& str(quint32 id) const { return strings_[id]; }

    std::size_t capacity_;
    quint64 first_ = 0;
    quint64 dropped_ = 0;
    QSet<quint32> seenSockets_;
    std::deque<Stored> events_;
    QStringList strings_;
    QHash<QString, quint32> stringIds_;
    QHash<quint32, std::deque<quint64>> perSocket_;
    QStringList socketOrder_;
    std::vector<std::pair<int, Sink>> sinks_;
    int nextSink_ = 1;
    std::shared_ptr<Clock> clock_;
};

} // namespace netstage
