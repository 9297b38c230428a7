#pragma once

#include "core/base/event.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <deque>
#include <functional>
#include <limits>
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
// Lines writer) are called synchronously when an event is stored.
//
// One time order: the sources (app, kernel, wire, model, lesson) are stamped by one clock but
// arrive on this thread at different delays (a captured SYN is delivered after the `connect`
// that it made possible). With a reorder window (setReorderWindow), an appended event waits
// until the clock has passed its t_us by the window, and waiting events are stored (and given
// to the sinks) in t_us order, arrival order among equals. So t_us never goes back in the
// store, the views, the streams and the recordings, and an event is shown at most one window
// (plus a timer tick) after it happened. An event that arrives later than the window after
// events after it were stored is stored next with t_us raised to the last stored one (the
// amount goes in its extra "late_us"; lateEvents() counts them). Window 0 (the default, and
// what tests of single sources use) stores every event at once.
class Timeline : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPreviewBytes = 96;
    // A lab's extra fields are bounded too: when they take more than kMaxExtraBytes as JSON,
    // every string value longer than kMaxExtraString characters (a header's value) is kept as
    // a preview of that many characters and "…", and extra "cut_chars" says how many were cut.
    static constexpr int kMaxExtraBytes = 2048;
    static constexpr int kMaxExtraString = 256;

    explicit Timeline(std::size_t capacity = 1000000, QObject* parent = nullptr);
    ~Timeline() override;

    // The clock that stamps events; owned by the timeline unless set from outside.
    const Clock& clock() const { return *clock_; }
    void setClock(std::shared_ptr<Clock> clock);
    qint64 now() const;

    // Stores the event (payload truncated to kPreviewBytes; t_us stamped if it is 0) and
    // returns its global index. With a reorder window the event may wait: then the index
    // returned is the one it gets if nothing earlier arrives meanwhile.
    quint64 append(Event e);

    // How long (µs) an event may wait for earlier ones that arrive after it; 0: no waiting.
    void setReorderWindow(qint64 us);
    static constexpr qint64 kDefaultReorderWindowUs = 50000; // what the window and CLI use
    qint64 reorderWindow() const { return windowUs_; }
    // Stores every waiting event now (before a recording is written, at the end of a command).
    void flush();
    std::size_t waiting() const { return pending_.size(); }
    // Which sources are kept (--observe): the others' events are not stored (errors always
    // are, they explain a failure). Empty list and `all`: everything.
    void setSources(const QStringList& sources, bool all);
    bool keepsSource(const QString& source) const
    {
        return allSources_ || sources_.contains(source);
    }

    // Events that arrived later than the window (stored with t_us raised, see above).
    quint64 lateEvents() const { return late_; }

    quint64 firstIndex() const { return first_; }        // oldest index still stored
    quint64 endIndex() const { return first_ + size(); } // one past the newest
    std::size_t size() const { return events_.size(); }
    std::size_t capacity() const { return capacity_; }
    void setCapacity(std::size_t capacity); // --capacity N; the oldest go first when it shrinks
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
    quint64 store(Event e);
    void release(qint64 upTo);
    void scheduleRelease();
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
    qint64 windowUs_ = 0;
    bool allSources_ = true;
    QSet<QString> sources_;
    qint64 lastStoredUs_ = std::numeric_limits<qint64>::min();
    quint64 late_ = 0;
    std::deque<Event> pending_; // sorted by t_us, arrival order among equals
    QTimer* releaseTimer_ = nullptr;
};

} // namespace netstage
