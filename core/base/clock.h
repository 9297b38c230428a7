#pragma once

#include <QElapsedTimer>
#include <atomic>
#include <ctime>
#include <functional>

namespace netstage {

// The one source of time for every event. Thread-safe: the kernel observer stamps from its
// own thread. Tests use ManualClock to drive time by hand.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowUs() const = 0;
};

class SteadyClock : public Clock
{
public:
    SteadyClock() { timer_.start(); }
    qint64 nowUs() const override { return timer_.nsecsElapsed() / 1000; }

private:
    QElapsedTimer timer_;
};

class ManualClock : public Clock
{
public:
    qint64 nowUs() const override { return now_.load(); }
    void set(qint64 us) { now_.store(us); }
    void advance(qint64 us) { now_.fetch_add(us); }

private:
    std::atomic<qint64> now_{0};
};

// Converts wall-clock timestamps (what libpcap stamps frames with: CLOCK_REALTIME) to the
// session's monotonic clock. The offset between the two moves: NTP slews the wall clock (up to
// 0.5 ms/s), suspend and `date -s` step it. So the offset is sampled again for every batch of
// frames (resample()), not once at start, and a frame is converted with the offset of its
// batch. The wall source can be replaced for tests (a wall clock that moves).
class WallClockMapper
{
public:
    using WallSource = std::function<qint64()>; // wall-clock microseconds since the epoch

    explicit WallClockMapper(const Clock* clock) : clock_(clock) { resample(); }
    static qint64 realWallUs()
    {
        timespec ts{};
        clock_gettime(CLOCK_REALTIME, &ts);
        return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
    }
    void setWallSource(WallSource source)
    {
        wall_ = std::move(source);
        resample();
    }
    // Wall minus monotonic, now. Both read back to back; the pair is the closer of two tries.
    void resample()
    {
        qint64 best = 0;
        qint64 bestSpan = -1;
        for (int i = 0; i < 2; ++i) {
            const qint64 m0 = clock_->nowUs();
            const qint64 w = wall_ ? wall_() : realWallUs();
            const qint64 m1 = clock_->nowUs();
            if (bestSpan < 0 || m1 - m0 < bestSpan) {
                bestSpan = m1 - m0;
                best = w - (m0 + m1) / 2;
            }
        }
        offsetUs_ = best;
        ++samples_;
    }
    qint64 offsetUs() const { return offsetUs_; }
    quint64 samples() const { return samples_; }
    qint64 toMonotonicUs(qint64 wallNs) const { return wallNs / 1000 - offsetUs_; }

private:
    const Clock* clock_;
    WallSource wall_;
    qint64 offsetUs_ = 0;
    quint64 samples_ = 0;
};

} // namespace netstage
