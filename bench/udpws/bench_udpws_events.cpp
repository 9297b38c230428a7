// What one event of the UDP and WebSocket labs costs on its way to a class: built, stored in
// the timeline, written as a JSON line (the CLI's --events path), with and without its
// explanation. Google Benchmark; the end-to-end comparisons with Node are the run_*_bench.sh
// scripts beside it.
#include "core/base/event.h"
#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "core/format/json_lines.h"
#include "core/ws/ws_frame_parser.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <benchmark/benchmark.h>

using namespace netstage;

namespace {

Event wsFrame()
{
    Event e;
    e.socket = QStringLiteral("ws-conn-17");
    e.proto = QStringLiteral("ws");
    e.event = QStringLiteral("frame");
    e.source = ev::App;
    e.dir = ev::In;
    e.bytes = 32;
    e.payload = QByteArrayLiteral("abcdefghijklmnopqrstuvwxyzabcdef");
    e.local = QStringLiteral("127.0.0.1:8090");
    e.remote = QStringLiteral("127.0.0.1:51514");
    e.extra = QJsonObject{{QStringLiteral("opcode"), QStringLiteral("text")},
                          {QStringLiteral("fin"), true},
                          {QStringLiteral("masked"), true},
                          {QStringLiteral("header_bytes"), 6},
                          {QStringLiteral("seen"), QStringLiteral("bytes")}};
    return e;
}

Event udpMessage()
{
    Event e;
    e.socket = QStringLiteral("udp-server");
    e.proto = QStringLiteral("udp");
    e.event = QStringLiteral("message");
    e.source = ev::App;
    e.dir = ev::In;
    e.bytes = 64;
    e.payload = QByteArray(64, 'x');
    e.local = QStringLiteral("127.0.0.1:41234");
    e.remote = QStringLiteral("127.0.0.1:51514");
    e.detail = QStringLiteral("server got: xxxx from 127.0.0.1:51514");
    return e;
}

void BM_WsFrameEventBuild(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(wsFrame());
}
BENCHMARK(BM_WsFrameEventBuild);

void BM_WsFrameSentence(benchmark::State& state)
{
    const Event e = wsFrame();
    for (auto _ : state)
        benchmark::DoNotOptimize(Explain::sentence(e));
}
BENCHMARK(BM_WsFrameSentence);

void BM_WsFrameJsonLine(benchmark::State& state)
{
    const Event e = wsFrame();
    for (auto _ : state)
        benchmark::DoNotOptimize(toJsonLine(e));
}
BENCHMARK(BM_WsFrameJsonLine);

// The whole path of the CLI: build, append (stored, interned), written as JSON to a buffer.
template <Event (*Make)()> void BM_AppendAndWrite(benchmark::State& state)
{
    Timeline tl(1 << 20);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    JsonLinesWriter writer(&tl, &out);
    for (auto _ : state) {
        tl.append(Make());
        if (out.size() > (64 << 20))
            out.seek(0);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK_TEMPLATE(BM_AppendAndWrite, wsFrame);
BENCHMARK_TEMPLATE(BM_AppendAndWrite, udpMessage);

// How JSON Lines writes a lab's extra fields today (one QJsonDocument per field) against one
// pass over the object: evidence for a cheaper writer (json_lines.cpp is shared code).
void BM_ExtraPerField(benchmark::State& state)
{
    const QJsonObject x = wsFrame().extra;
    for (auto _ : state) {
        QByteArray out;
        for (auto it = x.constBegin(); it != x.constEnd(); ++it) {
            out += it.key().toUtf8();
            out += QJsonDocument(QJsonArray{it.value()})
                       .toJson(QJsonDocument::Compact)
                       .mid(1)
                       .chopped(1);
        }
        benchmark::DoNotOptimize(out);
    }
}
BENCHMARK(BM_ExtraPerField);

void BM_ExtraOnePass(benchmark::State& state)
{
    const QJsonObject x = wsFrame().extra;
    for (auto _ : state) {
        QByteArray out = QJsonDocument(x).toJson(QJsonDocument::Compact);
        out[0] = ',';
        out.chop(1);
        benchmark::DoNotOptimize(out);
    }
}
BENCHMARK(BM_ExtraOnePass);

void BM_FrameParser(benchmark::State& state)
{
    // 64 masked 32-byte text frames, as a busy client sends them.
    QByteArray one;
    one.append(char(0x81)).append(char(0x80 | 32)).append("\x12\x34\x56\x78", 4);
    one += QByteArray(32, 'm');
    const QByteArray stream = one.repeated(64);
    WsFrameParser p;
    qint64 frames = 0;
    for (auto _ : state) {
        p.feed(stream, [&frames](const WsFrame&) { ++frames; });
    }
    state.SetItemsProcessed(frames);
}
BENCHMARK(BM_FrameParser);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
