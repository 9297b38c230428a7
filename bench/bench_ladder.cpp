// How long one frame of the ladder takes when the recording is long: 10,000 segments, painted
// into a window-sized image (the raster engine a widget uses) at several scroll positions and
// zoom levels. The painter must only visit the rows on screen, so the time per frame should not
// depend on where in the ladder the view is.
//
//   bench_ladder [frames-per-case]      (QT_QPA_PLATFORM=offscreen works)
#include "ui/ladder/ladder_painter.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace netstage;

namespace {

// A long loopback transfer: handshake, data and ACKs (some delayed 40 ms, a few pauses of a
// second), teardown; states where they change, an app marker every 50 segments.
Ladder longLadder(int arrows)
{
    Ladder l;
    l.source = QStringLiteral("wire");
    l.lanes.push_back({QStringLiteral("127.0.0.1:51514"), QStringLiteral("client"),
                       QStringLiteral("tcp-client-1")});
    l.lanes.push_back(
        {QStringLiteral("127.0.0.1:8124"), QStringLiteral("server"), QStringLiteral("tcp-conn-1")});
    const qint64 isn[2] = {3148290479LL, 3300419134LL};
    qint64 next[2] = {isn[0], isn[1]};
    qint64 t = 0;
    auto state = [&](int lane, const char* s) {
        l.states.push_back({lane, t, QString::fromLatin1(s), l.source, -1});
        l.items.push_back({LadderItem::Kind::State, int(l.states.size()) - 1, t});
    };
    auto marker = [&](int lane, const QString& text) {
        l.markers.push_back({lane, t, QStringLiteral("data"), text, -1});
        l.items.push_back({LadderItem::Kind::Marker, int(l.markers.size()) - 1, t});
    };
    auto arrow = [&](int from, const char* flags, qint64 len, bool ack, const QString& opts = {}) {
        LadderArrow a;
        a.from = from;
        a.to = 1 - from;
        a.t_us = t;
        a.flags = QString::fromLatin1(flags);
        a.seq = next[from];
        a.ack = ack ? next[1 - from] : -1;
        a.relSeq = a.seq - isn[from];
        a.relAck = ack ? a.ack - isn[1 - from] : -1;
        a.len = len;
        a.win = 64;
        a.opts = opts;
        if (len > 0)
            a.payload = QByteArray("hello world, this is segment ")
                            .append(QByteArray::number(qint64(l.arrows.size())));
        a.source = l.source;
        a.seqLetter = from == 0 ? QStringLiteral("x") : QStringLiteral("y");
        a.ackLetter = from == 0 ? QStringLiteral("y") : QStringLiteral("x");
        next[from] +=
            len + (a.flags.contains(QLatin1String("SYN")) || a.flags.contains(QLatin1String("FIN"))
                       ? 1
                       : 0);
        l.arrows.push_back(a);
        l.items.push_back({LadderItem::Kind::Arrow, int(l.arrows.size()) - 1, t});
    };
    state(0, "CLOSED");
    state(1, "LISTEN");
    t = 1000;
    state(0, "SYN-SENT");
    arrow(0, "SYN", 0, false, QStringLiteral("mss=65495,sack_perm,ts=1/0,nop,wscale=10"));
    state(1, "SYN-RECEIVED");
    t += 14;
    arrow(1, "SYN,ACK", 0, true, QStringLiteral("mss=65495,sack_perm,ts=1/1,nop,wscale=10"));
    state(0, "ESTABLISHED");
    t += 13;
    arrow(0, "ACK", 0, true);
    state(1, "ESTABLISHED");
    int i = 0;
    while (int(l.arrows.size()) + 2 <= arrows - 4) {
        const int from = (i / 7) % 2; // bursts from either side
        t += (i % 997 == 996) ? 1000000 : 200;
        arrow(from, "PSH,ACK", 100 + i % 1300, true);
        t += (i % 11 == 0) ? 40000 : 30;
        arrow(1 - from, "ACK", 0, true);
        if (i % 25 == 0)
            marker(1 - from, QStringLiteral("data ← %1 B").arg(100 + i % 1300));
        ++i;
    }
    if (int(l.arrows.size()) < arrows - 4) { // a window update makes the count exact
        t += 30;
        arrow(0, "ACK", 0, true);
    }
    t += 2000000;
    state(0, "FIN-WAIT-1");
    arrow(0, "FIN,ACK", 0, true);
    state(1, "CLOSE-WAIT");
    t += 40000;
    arrow(1, "ACK", 0, true);
    state(0, "FIN-WAIT-2");
    t += 1000000;
    state(1, "LAST-ACK");
    arrow(1, "FIN,ACK", 0, true);
    state(0, "TIME-WAIT");
    t += 20;
    arrow(0, "ACK", 0, true);
    state(1, "CLOSED");
    return l;
}

// CPU time of this thread: on a busy machine (other builds running) wall time mostly measures
// the scheduler; this measures the painting.
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct Stats
{
    double median, p99, max;
};

Stats stats(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size() - 1) + 0.5))];
    };
    return {at(0.5), at(0.99), ms.back()};
}

} // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    const int frames = argc > 1 ? std::max(5, atoi(argv[1])) : 100;
    const QSize viewport(1280, 800);

    QElapsedTimer build;
    build.start();
    const Ladder ladder = longLadder(10000);
    std::printf("ladder: %zu arrows, %zu states, %zu markers, %zu items (built in %.1f ms)\n",
                ladder.arrows.size(), ladder.states.size(), ladder.markers.size(),
                ladder.items.size(), build.nsecsElapsed() / 1e6);

    const LadderPainter painter;
    LadderPainter::Options o;
    o.title = QStringLiteral("10,000 segments");
    o.stickyHeader = true;

    // Layout: once per ladder (and numbers mode) in the view; O(items).
    {
        std::vector<double> ms;
        for (int k = 0; k < 20; ++k) {
            QElapsedTimer t;
            t.start();
            const LadderPainter::Layout l = painter.layout(ladder, o);
            ms.push_back(t.nsecsElapsed() / 1e6);
            if (l.itemCount() != int(ladder.items.size()))
                return 1;
        }
        const Stats s = stats(ms);
        std::printf("layout (once per ladder):        median %6.2f ms  p99 %6.2f ms\n", s.median,
                    s.p99);
    }

    QImage frame(viewport, QImage::Format_ARGB32_Premultiplied);
    auto paintFrame = [&](const Ladder& l, const LadderPainter::Layout& layout,
                          const QRectF& source, std::vector<double>& wall,
                          std::vector<double>& cpu) {
        QElapsedTimer t;
        const double c0 = cpuMs();
        t.start();
        QPainter p(&frame);
        painter.paint(&p, QRectF(QPointF(0, 0), viewport), l, layout, -1, o, source);
        p.end();
        wall.push_back(t.nsecsElapsed() / 1e6);
        cpu.push_back(cpuMs() - c0);
    };
    std::printf("\nframe %dx%d, %d frames per case; wall and thread-CPU time in ms\n",
                viewport.width(), viewport.height(), frames);
    std::printf("%-5s %-7s | %8s %8s | %8s %8s %8s\n", "zoom", "scroll", "wall-med", "wall-p99",
                "cpu-med", "cpu-p99", "cpu-max");
    double worstCpuMedian = 0, worstCpuP99 = 0;
    for (qreal zoom : {0.5, 1.0, 2.0}) {
        o.zoom = zoom;
        const LadderPainter::Layout layout = painter.layout(ladder, o);
        const QSizeF size = LadderPainter::sizeFor(layout, o);
        // A current arrow with its packet half way: the animation frame is the busiest.
        o.currentItem = layout.itemCount() / 2;
        o.progress = 0.5;
        for (double pos : {0.0, 0.25, 0.5, 0.75, 1.0}) {
            const qreal y = pos * std::max(0.0, size.height() - viewport.height());
            const QRectF source(0, y, viewport.width(), viewport.height());
            std::vector<double> wall, cpu;
            for (int k = 0; k < frames; ++k)
                paintFrame(ladder, layout, source, wall, cpu);
            const Stats w = stats(wall), c = stats(cpu);
            worstCpuMedian = std::max(worstCpuMedian, c.median);
            worstCpuP99 = std::max(worstCpuP99, c.p99);
            std::printf("%-5.1f %-7s | %8.2f %8.2f | %8.2f %8.2f %8.2f\n", zoom,
                        qPrintable(QStringLiteral("%1%").arg(int(pos * 100))), w.median, w.p99,
                        c.median, c.p99, c.max);
        }
    }
    o.currentItem = -1;
    o.progress = 1.0;

    // The same viewport on a short ladder: if painting only visits the rows on screen, the
    // frame costs the same as on the long one.
    {
        o.zoom = 1.0;
        const Ladder small = longLadder(100);
        const LadderPainter::Layout layout = painter.layout(small, o);
        const qreal h = LadderPainter::sizeFor(layout, o).height() - viewport.height();
        std::vector<double> wall, cpu;
        for (int k = 0; k < frames; ++k)
            paintFrame(small, layout, QRectF(0, h / 2, viewport.width(), viewport.height()), wall,
                       cpu);
        const Stats w = stats(wall), c = stats(cpu);
        std::printf("%-5s %-7s | %8.2f %8.2f | %8.2f %8.2f %8.2f   (100 arrows, for comparison)\n",
                    "1.0", "50%", w.median, w.p99, c.median, c.p99, c.max);
    }

    // Scrolling through the whole ladder, a different position every frame (zoom 1).
    {
        o.zoom = 1.0;
        const LadderPainter::Layout layout = painter.layout(ladder, o);
        const qreal h = LadderPainter::sizeFor(layout, o).height() - viewport.height();
        std::vector<double> wall, cpu;
        const int n = frames * 4;
        for (int k = 0; k < n; ++k)
            paintFrame(ladder, layout,
                       QRectF(0, h * k / (n - 1), viewport.width(), viewport.height()), wall, cpu);
        const Stats w = stats(wall), c = stats(cpu);
        std::printf("\nscroll sweep over the whole ladder, %d positions:\n"
                    "  wall median %.2f ms, p99 %.2f ms; cpu median %.2f ms, p99 %.2f ms, max "
                    "%.2f ms\n",
                    n, w.median, w.p99, c.median, c.p99, c.max);

        // Hit testing (hover, click): binary search on the rows.
        std::vector<double> hit;
        for (int k = 0; k < 1000; ++k) {
            const QPointF pos(600, h * k / 999 + 400);
            QElapsedTimer t;
            t.start();
            volatile int item = painter.itemAt(ladder, layout, pos, o);
            (void)item;
            hit.push_back(t.nsecsElapsed() / 1e6);
        }
        const Stats hs = stats(hit);
        std::printf("itemAt (hover, click): median %.4f ms, p99 %.4f ms\n", hs.median, hs.p99);
    }
    std::printf("\nworst case: cpu median %.2f ms, cpu p99 %.2f ms per frame (%s the 16.7 ms of a "
                "60 Hz frame)\n",
                worstCpuMedian, worstCpuP99, worstCpuP99 < 16.7 ? "within" : "OVER");
    return 0;
}
