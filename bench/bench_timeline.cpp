// The event store under load: how many events per second Timeline::append takes, and what one
// event costs in memory, for 1,000,000 `data` events with short text previews (16-40 bytes) on a
// handful of sockets, the shape of a busy TCP lab.
//
//   bench_timeline                          all benchmarks
//   bench_timeline --benchmark_filter=Fill  one of them
//
// Counters: items_per_second (appends), bytes_per_event (Timeline::approximateBytes() / size(),
// the store's own estimate), heap_bytes_per_event (what malloc really handed out while the store
// filled, from mallinfo2(), payload buffers included).
#include "core/base/timeline.h"
#include "core/format/json_lines.h"

#include <QFile>
#include <QString>
#include <QStringList>
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <memory>
#include <vector>

namespace {

using netstage::Event;
using netstage::Timeline;

constexpr std::size_t kEvents = 1000000;
constexpr std::size_t kChunk = 10000; // events prepared outside the timed region at a time

std::size_t heapInUse()
{
    const struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

// What a lab hands the store: ids, endpoints and names as QStrings, a fresh payload buffer per
// read (as a socket read makes one), t_us 0 so the store's clock stamps it.
class EventMaker
{
public:
    EventMaker()
    {
        for (int i = 1; i <= 4; ++i) {
            sockets_ << QStringLiteral("tcp-client-%1").arg(i)
                     << QStringLiteral("tcp-conn-%1").arg(i);
            ports_ << QStringLiteral("127.0.0.1:%1").arg(51000 + i)
                   << QStringLiteral("127.0.0.1:%1").arg(51000 + i);
        }
        for (int i = 0; i < 64; ++i) {
            QByteArray text = "message " + QByteArray::number(i * 7919) + " from NetStage";
            const int len = 16 + i % 25; // 16..40 bytes
            while (text.size() < len)
                text += '.';
            texts_.push_back(text.left(len));
        }
    }

    Event make(std::size_t n) const
    {
        const int s = int(n % std::size_t(sockets_.size()));
        const bool isClient = s % 2 == 0;
        Event e;
        e.socket = sockets_[s];
        e.proto = QStringLiteral("tcp");
        e.event = QStringLiteral("data");
        e.source = QStringLiteral("app");
        e.dir = (n / 8) % 2 ? QStringLiteral("in") : QStringLiteral("out");
        const QByteArray& t = texts_[n % texts_.size()];
        e.payload = QByteArray(t.constData(), t.size()); // a buffer of its own, like a read
        e.bytes = e.payload.size();
        e.local = isClient ? ports_[s] : server_;
        e.remote = isClient ? server_ : ports_[s];
        return e;
    }

private:
    QStringList sockets_, ports_;
    const QString server_ = QStringLiteral("127.0.0.1:8124");
    std::vector<QByteArray> texts_;
};

// Appends `total` events to a store of `capacity`; only the appends are timed.
void runAppends(benchmark::State& state, std::size_t capacity, std::size_t total, bool jsonSink)
{
    const EventMaker maker;
    std::size_t appended = 0;
    double approxPerEvent = 0, heapPerEvent = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const std::size_t heapBefore = heapInUse();
        auto tl = std::make_unique<Timeline>(capacity);
        QFile devNull(QStringLiteral("/dev/null"));
        std::unique_ptr<netstage::JsonLinesWriter> writer;
        if (jsonSink) {
            if (!devNull.open(QIODevice::WriteOnly)) {
                state.SkipWithError("cannot open /dev/null");
                break;
            }
            writer = std::make_unique<netstage::JsonLinesWriter>(tl.get(), &devNull);
        }
        std::vector<Event> chunk;
        chunk.reserve(kChunk);
        for (std::size_t done = 0; done < total; done += kChunk) {
            chunk.clear();
            for (std::size_t i = 0; i < kChunk && done + i < total; ++i)
                chunk.push_back(maker.make(done + i));
            state.ResumeTiming();
            for (Event& e : chunk)
                benchmark::DoNotOptimize(tl->append(std::move(e)));
            state.PauseTiming();
        }
        chunk = std::vector<Event>();
        writer.reset();
        appended += total;
        approxPerEvent = double(tl->approximateBytes()) / double(tl->size());
        heapPerEvent = double(heapInUse() - heapBefore) / double(tl->size());
        if (tl->size() != std::min(capacity, total) || tl->dropped() != total - tl->size()) {
            state.SkipWithError("the store did not keep what it should");
            break;
        }
        tl.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(int64_t(appended));
    state.counters["bytes_per_event"] = approxPerEvent;
    state.counters["heap_bytes_per_event"] = heapPerEvent;
}

// 1,000,000 events into an empty store of 1,000,000: the store grows to its bound.
void BM_TimelineFill(benchmark::State& state)
{
    runAppends(state, kEvents, kEvents, false);
}

// 1,000,000 events into a store of 100,000: the ring is full and evicts on every append.
void BM_TimelineRing(benchmark::State& state)
{
    runAppends(state, kEvents / 10, kEvents, false);
}

// As Fill, with the JSON Lines writer streaming every event to /dev/null (`--events FILE`).
void BM_TimelineFillJsonSink(benchmark::State& state)
{
    runAppends(state, kEvents, kEvents, true);
}

// One JSON line for one data event, the cost the CLI pays per event on top of the append.
void BM_ToJsonLine(benchmark::State& state)
{
    const EventMaker maker;
    std::vector<Event> events;
    for (std::size_t i = 0; i < 256; ++i) {
        events.push_back(maker.make(i));
        events.back().t_us = qint64(1000 + i);
        events.back().detail = QStringLiteral("data"); // skip Explain's lookup: measure JSON only
    }
    std::size_t i = 0, bytes = 0;
    for (auto _ : state) {
        const QByteArray line = netstage::toJsonLine(events[i++ % events.size()]);
        bytes += std::size_t(line.size());
        benchmark::DoNotOptimize(line.constData());
    }
    state.SetItemsProcessed(int64_t(state.iterations()));
    state.SetBytesProcessed(int64_t(bytes));
}

} // namespace

BENCHMARK(BM_TimelineFill)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_TimelineRing)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_TimelineFillJsonSink)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ToJsonLine);

BENCHMARK_MAIN();
