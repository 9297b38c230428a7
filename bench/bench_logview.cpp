// How the live event log keeps up with a flood. A QTableView over EventLogModel (inside the
// real EventLogPanel, auto-scroll on) receives 200,000 events in bursts of 2,000, as a busy lab
// would deliver them in one 16 ms frame; each flush (one beginInsertRows, then layout and
// paint via processEvents) is timed on the GUI thread. Then random scrolling with a repaint.
//
// Run: QT_QPA_PLATFORM=offscreen build/bench/bench_logview [total] [burst]
#include "core/base/timeline.h"
#include "ui/log/event_log_model.h"
#include "ui/log/event_log_panel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace netstage;

namespace {

struct Stats
{
    double median, p99, max, mean;
};

// CPU time of this thread: on a machine shared with compilers, wall time also counts the
// time the scheduler gave to others; CPU time is what the log itself costs.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

Stats summarize(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) { return ms[std::min(ms.size() - 1, std::size_t(p * ms.size()))]; };
    double sum = 0;
    for (double v : ms)
        sum += v;
    return {pct(0.5), pct(0.99), ms.back(), sum / ms.size()};
}

void print(const char* what, const Stats& s, std::size_t n)
{
    std::printf("%-34s n=%-5zu median %7.3f ms   p99 %7.3f ms   max %7.3f ms   mean %7.3f ms\n",
                what, n, s.median, s.p99, s.max, s.mean);
}

// Counts paints of the view, to show that each timed batch really repainted.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject* o, QEvent* e) override
    {
        if (e->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(o, e);
    }
};

Event makeEvent(quint64 i)
{
    Event e;
    e.socket = QStringLiteral("tcp-client-%1").arg(i % 50 + 1);
    e.proto = ev::Tcp;
    e.source = ev::App;
    e.local = QStringLiteral("127.0.0.1:%1").arg(40000 + i % 50);
    e.remote = QStringLiteral("127.0.0.1:8124");
    if (i % 10 == 9) {
        e.source = ev::Kernel;
        e.event = ev::State;
        e.state = QStringLiteral("ESTABLISHED");
    } else {
        e.event = ev::Data;
        e.dir = (i % 2) ? ev::In : ev::Out;
        e.payload = QByteArrayLiteral("hello from the load generator #") + QByteArray::number(i);
        e.bytes = e.payload.size();
    }
    return e;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int total = argc > 1 ? std::atoi(argv[1]) : 200000;
    const int burst = argc > 2 ? std::atoi(argv[2]) : 2000;

    Timeline timeline;
    EventLogPanel panel(&timeline, QStringLiteral("tcp-"));
    EventLogModel* model = panel.model();
    model->setPolling(false); // the benchmark is the frame timer
    QTableView* view = panel.view();
    PaintCounter counter;
    view->viewport()->installEventFilter(&counter);
    panel.resize(1400, 700);
    panel.show();
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();

    std::printf("bench_logview: %d events in bursts of %d, view %dx%d, platform %s\n", total, burst,
                view->viewport()->width(), view->viewport()->height(),
                qPrintable(QGuiApplication::platformName()));

    std::vector<double> appendMs, flushMs, insertMs, flushCpuMs;
    QElapsedTimer t;
    quint64 next = 0;
    const int paintsBefore = counter.paints;
    while (next < quint64(total)) {
        t.start();
        for (int k = 0; k < burst && next < quint64(total); ++k)
            timeline.append(makeEvent(next++));
        appendMs.push_back(t.nsecsElapsed() / 1e6);

        t.start();
        const double cpu0 = threadCpuMs();
        model->flush(); // the model's part: one beginInsertRows, and the auto-scroll
        insertMs.push_back(t.nsecsElapsed() / 1e6);
        QCoreApplication::processEvents(); // the view's part: layout and paint
        flushMs.push_back(t.nsecsElapsed() / 1e6);
        flushCpuMs.push_back(threadCpuMs() - cpu0);
    }
    const int batchPaints = counter.paints - paintsBefore;
    if (qEnvironmentVariableIsSet("BENCH_VERBOSE")) {
        for (std::size_t i = 0; i < flushMs.size(); ++i)
            std::printf("batch %3zu: %.3f ms (model %.3f ms)\n", i, flushMs[i], insertMs[i]);
    }
    print("timeline.append, per burst", summarize(appendMs), appendMs.size());
    print("  of which model flush + scroll", summarize(insertMs), insertMs.size());
    print("flush + view update, per batch", summarize(flushMs), flushMs.size());
    print("  same, GUI thread CPU time", summarize(flushCpuMs), flushCpuMs.size());
    std::printf("  rows %d, insert batches %d, viewport paints %d, at bottom %s\n",
                model->rowCount(), model->insertBatches(), batchPaints,
                view->verticalScrollBar()->value() == view->verticalScrollBar()->maximum() ? "yes"
                                                                                           : "no");

    // Random access: the reader jumps around; each jump re-formats the visible rows.
    std::vector<double> scrollMs, scrollCpuMs;
    QRandomGenerator rng(42);
    for (int i = 0; i < 300; ++i) {
        const int row = int(rng.bounded(model->rowCount()));
        t.start();
        const double cpu0 = threadCpuMs();
        view->scrollTo(model->index(row, 0), QAbstractItemView::PositionAtCenter);
        const QPixmap shot = view->viewport()->grab();
        scrollMs.push_back(t.nsecsElapsed() / 1e6);
        scrollCpuMs.push_back(threadCpuMs() - cpu0);
        if (shot.isNull())
            return 1;
    }
    print("scrollTo random row + repaint", summarize(scrollMs), scrollMs.size());
    print("  same, GUI thread CPU time", summarize(scrollCpuMs), scrollCpuMs.size());

    // Choosing a socket in the filter rebuilds the rows from the per-socket index.
    std::vector<double> filterMs;
    for (int i = 0; i < 10; ++i) {
        t.start();
        model->setSocketFilter(QStringLiteral("tcp-client-%1").arg(i + 1));
        QCoreApplication::processEvents();
        filterMs.push_back(t.nsecsElapsed() / 1e6);
    }
    print("filter to one socket (+ repaint)", summarize(filterMs), filterMs.size());
    t.start();
    model->setSocketFilter(QString());
    QCoreApplication::processEvents();
    std::printf("%-34s %.3f ms (%d rows)\n", "back to all sockets (+ repaint)",
                t.nsecsElapsed() / 1e6, model->rowCount());

    const Stats f = summarize(flushMs);
    const Stats c = summarize(flushCpuMs);
    std::printf("goal: under 4 ms per batch: median wall %s, p99 wall %s, p99 CPU %s\n",
                f.median < 4.0 ? "met" : "NOT met", f.p99 < 4.0 ? "met" : "NOT met",
                c.p99 < 4.0 ? "met" : "NOT met");
    return 0;
}
