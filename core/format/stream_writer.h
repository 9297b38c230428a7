#pragma once

#include "core/base/event.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace netstage {

// Writes events to a file descriptor (a file, stdout, a pipe) on a thread of its own, so the
// thread that serves sockets never waits for a reader or a disk. push() only copies the event
// into a bounded queue; the writer thread turns events into lines (the format function runs
// there) and writes them.
//
// - A reader that stalls: the queue fills, push() drops and counts. When there is room again
//   the stream gets one `dropped` event (extra "count": how many were left out) before the
//   next event, so a reader sees where the gap is. The in-memory store is not affected.
// - A write that fails (ENOSPC, EIO...): writing stops, failed() and errorString() say why,
//   onFailure runs once (on the writer thread). A regular file is cut back to its last whole
//   line, so it never ends in half a line.
// - A reader that closed the pipe (EPIPE; SIGPIPE must be ignored): writing stops quietly,
//   readerClosed() says so. That is what `netstage ... --events - | head -n1` does.
// - Pipes are written in pieces that fit the pipe's free room after poll(), so stop() can
//   always end the thread, also while the reader stalls: it waits up to graceMs for the queue
//   to drain, then gives up (what was still queued is dropped).
class StreamWriter
{
public:
    using Format = std::function<QByteArray(const Event&)>;
    static constexpr std::size_t kDefaultQueue = 65536; // events

    // fd stays owned by the caller (kept open until stop() returns).
    StreamWriter(int fd, Format format, std::size_t maxQueued = kDefaultQueue);
    ~StreamWriter(); // stop(500)
    StreamWriter(const StreamWriter&) = delete;
    StreamWriter& operator=(const StreamWriter&) = delete;

    // Called on the writer thread once, when a write fails (not for EPIPE).
    void setOnFailure(std::function<void()> f) { onFailure_ = std::move(f); }

    // False when the event was dropped (queue full) or writing has stopped.
    bool push(const Event& e);
    void stop(int graceMs);
    // Waits up to ms until everything pushed so far is written (or given up); true if it was.
    // For a command that prints something of its own after the events.
    bool waitDrained(int ms);

    quint64 dropped() const { return droppedTotal_.load(); }
    quint64 writtenLines() const { return written_.load(); }
    bool failed() const { return failed_.load(); }
    bool readerClosed() const { return readerClosed_.load(); }
    QString errorString() const;
    int errorCode() const { return errno_.load(); }

private:
    void run();
    bool writeAll(const QByteArray& buf);

    const int fd_;
    const Format format_;
    const std::size_t maxQueued_;
    bool regular_ = false;
    std::function<void()> onFailure_;

    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::condition_variable doneCv_;
    bool done_ = false;
    quint64 enqueued_ = 0;  // under mutex_
    quint64 processed_ = 0; // under mutex_
    std::deque<Event> queue_;
    bool stopping_ = false;
    std::atomic<bool> abort_{false};
    std::atomic<bool> failed_{false};
    std::atomic<bool> readerClosed_{false};
    std::atomic<int> errno_{0};
    std::atomic<quint64> droppedTotal_{0};
    std::atomic<quint64> written_{0};
    quint64 droppedPending_ = 0; // dropped since the last `dropped` event (push's thread)
    qint64 lastT_ = 0;
    qint64 wholeLinesBytes_ = 0; // bytes up to the last '\n' written (regular files)
    qint64 startOffset_ = 0;
    qint64 bytesOut_ = 0;
    std::thread thread_;
};

} // namespace netstage
