#pragma once

#include <QElapsedTimer>
#include <atomic>

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

} // namespace netstage
