// Capture to event: how long after the kernel timestamps a segment on `lo` does it reach the
// timeline on the main thread (where the log and the ladder pick it up on their next frame)?
// Needs capture permission (root, or setcap on this binary). Prints median, p99 and max.
//
//   build/bench/bench_wire_latency [messages] [interval-ms]
// interval 0 is a burst (each message right after the previous echo); a positive interval
// paces messages like a person typing, which is how lessons and the TCP panel send.
#include "core/base/timeline.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/tcp/tcp_lab.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace netstage;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int messages = argc > 1 ? std::max(1, atoi(argv[1])) : 2000;
    const int intervalMs = argc > 2 ? std::max(0, atoi(argv[2])) : 0;
    Timeline timeline;
    KernelObserver observer(&timeline);
    WireCapture wire(&timeline);
    if (!wire.start()) {
        std::fprintf(stderr, "wire capture not permitted: %s\n",
                     qPrintable(wire.unavailableReason()));
        return 1;
    }
    std::vector<qint64> latencies;
    latencies.reserve(messages * 4);
    QObject::connect(&wire, &WireCapture::segmentObserved,
                     [&](const Event& e) { latencies.push_back(timeline.now() - e.t_us); });
    TcpLab lab(&timeline, &observer);
    lab.setWireCapture(&wire);
    TcpServerOptions opts;
    opts.port = 0;
    opts.preset = TcpPreset::Echo;
    if (!lab.startServer(opts))
        return 1;
    const QString client = lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort());
    int echoed = 0;
    timeline.addSink([&](const Event& e) {
        if (e.socket == client && e.event == ev::Data && e.dir == ev::In)
            ++echoed;
    });
    auto spin = [](const std::function<bool()>& done, int ms) {
        QElapsedTimer t;
        t.start();
        while (!done() && t.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    };
    spin([&] { return lab.isOpen(client) && lab.openConnectionCount() == 2; }, 3000);
    // One message at a time, as a lesson sends them, each waiting for its echo.
    for (int i = 0; i < messages; ++i) {
        lab.send(client, QByteArrayLiteral("ping"));
        const int want = i + 1;
        spin([&] { return echoed >= want; }, 2000);
        if (intervalMs > 0) {
            QElapsedTimer pause;
            pause.start();
            spin([&] { return pause.elapsed() >= intervalMs; }, intervalMs + 100);
        }
    }
    spin([] { return false; }, 100); // the last ACKs
    lab.closeAll();
    spin([&] { return lab.openConnectionCount() == 0; }, 2000);
    if (latencies.empty())
        return 1;
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        return latencies[std::min(latencies.size() - 1, size_t(p * latencies.size()))];
    };
    std::printf(
        "segments %zu (messages %d, interval %d ms), capture -> timeline latency: median %.3f ms, "
        "p99 %.3f ms, max %.3f ms\n",
        latencies.size(), messages, intervalMs, pct(0.5) / 1000.0, pct(0.99) / 1000.0,
        latencies.back() / 1000.0);
    std::printf("kernel dropped %llu packet(s) (capture ring full)\n",
                static_cast<unsigned long long>(wire.kernelDropped()));
    std::printf("on screen: add at most one frame of the log/ladder timer (16 ms)\n");
    return 0;
}
