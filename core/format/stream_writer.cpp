#include "core/format/stream_writer.h"

#include <QJsonObject>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace netstage {

StreamWriter::StreamWriter(int fd, Format format, std::size_t maxQueued)
    : fd_(fd), format_(std::move(format)), maxQueued_(std::max<std::size_t>(maxQueued, 1))
{
    struct stat st
    {
    };
    regular_ = fd_ >= 0 && ::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode);
    if (regular_)
        startOffset_ = std::max<off_t>(::lseek(fd_, 0, SEEK_CUR), 0);
    thread_ = std::thread([this] { run(); });
}

StreamWriter::~StreamWriter()
{
    stop(500);
}

bool StreamWriter::push(const Event& e)
{
    if (failed_.load() || readerClosed_.load())
        return false;
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_)
        return false;
    lastT_ = e.t_us;
    const bool wasEmpty = queue_.empty(); // the writer may be waiting for this
    // Room for the event and, when something was dropped, the `dropped` event before it.
    const std::size_t need = droppedPending_ > 0 ? 2 : 1;
    if (queue_.size() + need > maxQueued_) {
        ++droppedPending_;
        droppedTotal_.fetch_add(1);
        return false;
    }
    if (droppedPending_ > 0) {
        Event d;
        d.t_us = e.t_us;
        d.event = QStringLiteral("dropped");
        d.source = QStringLiteral("app");
        d.extra.insert(QStringLiteral("count"), qint64(droppedPending_));
        d.extra.insert(QStringLiteral("total"), qint64(droppedTotal_.load()));
        queue_.push_back(std::move(d));
        ++enqueued_;
        droppedPending_ = 0;
    }
    ++enqueued_;
    queue_.push_back(e);
    if (wasEmpty)
        cv_.notify_one();
    return true;
}

void StreamWriter::stop(int graceMs)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        if (droppedPending_ > 0) {
            // The count of the last gap, also when the reader never caught up.
            Event d;
            d.t_us = lastT_;
            d.event = QStringLiteral("dropped");
            d.source = QStringLiteral("app");
            d.extra.insert(QStringLiteral("count"), qint64(droppedPending_));
            d.extra.insert(QStringLiteral("total"), qint64(droppedTotal_.load()));
            queue_.push_back(std::move(d));
            ++enqueued_;
            droppedPending_ = 0;
        }
    }
    cv_.notify_one();
    if (!thread_.joinable())
        return;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        doneCv_.wait_for(lock, std::chrono::milliseconds(std::max(graceMs, 0)),
                         [this] { return done_; });
    }
    abort_.store(true); // a reader still stalled: the writer gives up within 50 ms
    thread_.join();
}

bool StreamWriter::waitDrained(int ms)
{
    std::unique_lock<std::mutex> lock(mutex_);
    return doneCv_.wait_for(lock, std::chrono::milliseconds(std::max(ms, 0)),
                            [this] { return processed_ >= enqueued_ || done_; });
}

QString StreamWriter::errorString() const
{
    const int code = errno_.load();
    return code ? QString::fromLocal8Bit(std::strerror(code)) : QString();
}

void StreamWriter::run()
{
    std::deque<Event> batch;
    QByteArray buf;
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            cv_.wait(lock, [this] { return !queue_.empty() || stopping_; });
            if (queue_.empty() && stopping_)
                break;
            batch.swap(queue_);
        }
        if (abort_.load())
            break;
        buf.clear();
        if (!failed_.load() && !readerClosed_.load()) {
            for (const Event& e : batch)
                buf += format_(e);
        }
        const quint64 lines = batch.size();
        batch.clear();
        if (!buf.isEmpty() && writeAll(buf))
            written_.fetch_add(lines);
        std::lock_guard<std::mutex> lock(mutex_);
        processed_ += lines;
        doneCv_.notify_all();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
    doneCv_.notify_all();
}

bool StreamWriter::writeAll(const QByteArray& buf)
{
    const char* p = buf.constData();
    qint64 left = buf.size();
    while (left > 0) {
        if (abort_.load())
            return false;
        qint64 chunk = left;
        if (!regular_) {
            // Wait for room, in steps, so stop() can end a wait for a reader that stalls.
            pollfd pfd{fd_, POLLOUT, 0};
            const int r = ::poll(&pfd, 1, 50);
            if (r == 0)
                continue;
            if (r < 0) {
                if (errno == EINTR)
                    continue;
            }
            // One page fits in a pipe that has room at all: the write does not block.
            chunk = std::min<qint64>(left, 4096);
        }
        const ssize_t n = ::write(fd_, p, size_t(chunk));
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            const int code = errno;
            if (code == EPIPE) {
                readerClosed_.store(true);
                return false;
            }
            errno_.store(code);
            if (regular_) // never end in half a line
                (void)!::ftruncate(fd_, startOffset_ + wholeLinesBytes_);
            failed_.store(true);
            if (onFailure_)
                onFailure_();
            return false;
        }
        if (regular_) {
            const char* nl = static_cast<const char*>(memrchr(p, '\n', size_t(n)));
            if (nl)
                wholeLinesBytes_ = (bytesOut_ + (nl - p) + 1);
            bytesOut_ += n;
        }
        p += n;
        left -= n;
    }
    return true;
}

} // namespace netstage
