#include "core/cli/cli_support.h"

#include "core/base/errors.h"
#include "core/base/hex.h"
#include "core/explain/explain.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>

namespace netstage {

bool parseHostPort(const QString& s, QString* host, quint16* port)
{
    const int colon = s.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString h = s.left(colon);
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    bool ok = false;
    const uint p = s.mid(colon + 1).toUInt(&ok);
    if (!ok || p == 0 || p > 65535 || h.isEmpty())
        return false;
    *host = h;
    *port = static_cast<quint16>(p);
    return true;
}

QByteArray parseHex(const QString& s, bool* ok)
{
    const HexBytes h = HexBytes::parse(s);
    *ok = h.ok();
    return h.bytes;
}

void printErr(const QString& line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stderr);
    std::fflush(stderr);
}

int usageError(const QString& message, const QString& lab)
{
    const QString help = lab.isEmpty() ? QStringLiteral("netstage --help")
                                       : QStringLiteral("netstage %1 --help").arg(lab);
    printErr(Cli::tr("netstage: %1 (see '%2')").arg(message, help));
    return 2;
}

QString humanLine(const Event& e, qint64 t0)
{
    QString arrow;
    if (e.dir == ev::In)
        arrow = QStringLiteral(" ←");
    else if (e.dir == ev::Out)
        arrow = QStringLiteral(" →");
    QString line = QStringLiteral("%1 ms  %2  %3%4")
                       .arg((e.t_us - t0) / 1000.0, 10, 'f', 3)
                       .arg(e.socket, -13)
                       .arg(e.event == ev::State ? e.state : e.event)
                       .arg(arrow);
    if (e.source != ev::App)
        line += QStringLiteral(" (%1)").arg(e.source);
    if (e.event == ev::Segment) {
        line += QStringLiteral("  %1 → %2  [%3] seq=%4").arg(e.src, e.dst, e.flags).arg(e.seq);
        if (e.ack >= 0)
            line += QStringLiteral(" ack=%1").arg(e.ack);
        line += QStringLiteral(" win=%1 len=%2").arg(e.win).arg(e.len);
        if (!e.opts.isEmpty())
            line += QStringLiteral(" <%1>").arg(e.opts);
        return line;
    }
    if (e.bytes >= 0)
        line += QStringLiteral("  %1 B").arg(e.bytes);
    if (!e.payload.isEmpty()) {
        QString t = e.payloadIsBinary() ? QString::fromLatin1(e.payload.toHex(' ')) : e.text();
        t.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        line += QStringLiteral("  \"%1\"").arg(t);
    }
    if (!e.code.isEmpty())
        line += QStringLiteral("  %1: %2").arg(e.code, Explain::forError(e.code));
    else if (e.event == ev::Listening || e.event == ev::Connection || e.event == ev::Connect)
        line += QStringLiteral("  %1 %2").arg(
            e.local, e.remote.isEmpty() ? QString() : QStringLiteral("↔ ") + e.remote);
    else if (!e.detail.isEmpty())
        line += QStringLiteral("  %1").arg(e.detail);
    return line;
}

bool waitUntil(const std::function<bool()>& pred, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        const qint64 left = ms - t.elapsed();
        if (left <= 0)
            return false;
        QEventLoop loop;
        QTimer::singleShot(std::min<qint64>(left, 5), &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

bool checkCaptureFor(Session& s, const QString& path)
{
    if (!s.wire || !s.wire->isActive()) {
        printErr(Cli::tr("cannot write %1: wire capture is not running (%2). Run as root, or "
                         "once: sudo setcap cap_net_raw,cap_net_admin=eip %3")
                     .arg(path, s.wire ? s.wire->unavailableReason() : QString(),
                          QCoreApplication::applicationFilePath()));
        return false;
    }
    return true;
}

bool writeCaptureFile(Session& s, const QString& path)
{
    if (!checkCaptureFor(s, path))
        return false;
    // Frames reach the store ~30 µs after the kernel sends them and their events a queued
    // signal later: wait until nothing new arrives for 50 ms (at most one second).
    quint64 last = s.wire->captured();
    QElapsedTimer quiet;
    quiet.start();
    waitUntil(
        [&] {
            const quint64 now = s.wire->captured();
            if (now != last) {
                last = now;
                quiet.restart();
            }
            return quiet.elapsed() >= 50;
        },
        1000);
    QString error;
    if (!s.wire->writePcapng(path, &error)) {
        printErr(error);
        return false;
    }
    return true;
}

void lingerForKernel(Session& s, int ms)
{
    waitUntil([&s] { return s.observer->trackedCount() == 0; }, ms);
    s.drainOutput(); // what the command prints next comes after the event lines
}

void serveUntilStopped(std::function<void()>& onSignal, double forSeconds,
                       const std::function<void()>& stopServing)
{
    QEventLoop loop;
    bool stopping = false;
    auto stop = [&] {
        if (stopping)
            return;
        stopping = true;
        stopServing();
        QTimer::singleShot(0, &loop, &QEventLoop::quit);
    };
    onSignal = stop;
    if (forSeconds >= 0)
        QTimer::singleShot(static_cast<int>(forSeconds * 1000), &loop, stop);
    loop.exec();
    onSignal = nullptr;
}

QString failureLine(const Event& e, const QString& fallback)
{
    if (e.code == QLatin1String("EADDRINUSE")) {
        const QString port = e.local.mid(e.local.lastIndexOf(QLatin1Char(':')) + 1);
        return Cli::tr("port %1 is already in use (EADDRINUSE)").arg(port);
    }
    if (e.code == QLatin1String("ECONNREFUSED"))
        return Cli::tr("connection to %1 refused: nothing listens there (ECONNREFUSED)")
            .arg(e.remote);
    if (e.code.isEmpty())
        return fallback;
    return QStringLiteral("%1 (%2)").arg(Explain::sentence(e), e.code);
}

} // namespace netstage

namespace netstage {

namespace {
std::atomic<bool> g_eventsWriteFailed{false};
} // namespace

PipelineOptions& pipelineOptions()
{
    static PipelineOptions o;
    return o;
}

bool eventsWriteFailed()
{
    return g_eventsWriteFailed.load();
}

bool parseObserve(const QString& s, QStringList* sources, bool* all)
{
    sources->clear();
    *all = false;
    if (s == QLatin1String("all")) {
        *all = true;
        *sources = {ev::App, ev::Kernel, ev::Wire};
        return true;
    }
    if (s == QLatin1String("none"))
        return true;
    for (const QString& part : s.split(QLatin1Char(','))) {
        const QString p = part.trimmed();
        if (p != ev::App && p != ev::Kernel && p != ev::Wire)
            return false;
        if (!sources->contains(p))
            sources->append(p);
    }
    return !sources->isEmpty();
}

bool Session::open(const QString& events, bool quiet, LineFormat format)
{
    const PipelineOptions& o = pipelineOptions();
    QStringList sources;
    bool all = true;
    parseObserve(o.observe, &sources, &all);
    // Model events (a lesson's textbook arrows) come with the app's.
    if (sources.contains(ev::App))
        sources << ev::Model;
    timeline.setSources(sources, all);
    timeline.setCapacity(o.capacity);
    timeline.setReorderWindow(Timeline::kDefaultReorderWindowUs);

    observer = std::make_unique<KernelObserver>(&timeline);
    observer->setEnabled(all || sources.contains(ev::Kernel));
    if (!events.isEmpty()) {
        eventsName = events;
        if (events == QLatin1String("-")) {
            eventsFd = STDOUT_FILENO;
        } else {
            eventsFd = ::open(QFile::encodeName(events).constData(),
                              O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            ownsEventsFd = eventsFd >= 0;
        }
        if (eventsFd < 0) {
            printErr(Cli::tr("cannot write events to %1: %2")
                         .arg(events, QString::fromLocal8Bit(std::strerror(errno))));
            return false;
        }
        const bool explain = o.explain;
        // NETSTAGE_EVENTS_QUEUE: how many events may wait for a slow reader (tests use a small
        // queue to reach the limit quickly).
        bool queueOk = false;
        const qlonglong queue = qEnvironmentVariableIntValue("NETSTAGE_EVENTS_QUEUE", &queueOk);
        writer = std::make_unique<StreamWriter>(
            eventsFd, [explain](const Event& e) { return toJsonLine(e, explain); },
            queueOk ? std::size_t(std::clamp<qlonglong>(queue, 16, 10000000))
                    : StreamWriter::kDefaultQueue);
        writer->setOnFailure([this] {
            QMetaObject::invokeMethod(
                &timeline, [this] { reportWriteFailure(); }, Qt::QueuedConnection);
        });
    }
    // Human lines go to stderr when stdout carries JSON, to stdout otherwise.
    if (!quiet) {
        const int fd = events == QLatin1String("-") ? STDERR_FILENO : STDOUT_FILENO;
        humanWriter = std::make_unique<StreamWriter>(fd, [this, format](const Event& e) {
            return (format(e, t0) + QLatin1Char('\n')).toUtf8();
        });
    }
    timeline.addSink([this](const Event& e) {
        if (e.event == ev::Error)
            errors.append(e);
        if (writer && !writer->push(e) && !dropNoticed && !writer->failed() &&
            !writer->readerClosed()) {
            dropNoticed = true;
            printErr(Cli::tr("netstage: the reader of %1 is not keeping up; events are left out "
                             "of the stream (a \"dropped\" event marks each gap), the servers "
                             "keep serving")
                         .arg(eventsName == QLatin1String("-") ? Cli::tr("stdout") : eventsName));
        }
        if (humanWriter)
            humanWriter->push(e);
    });
    wire = std::make_unique<WireCapture>(&timeline);
    if (all || sources.contains(ev::Wire))
        wire->start();
    return true;
}

void Session::reportWriteFailure()
{
    if (failureReported || !writer)
        return;
    failureReported = true;
    g_eventsWriteFailed.store(true);
    const QString why = writer->errorString();
    printErr(Cli::tr("netstage: cannot write events to %1: %2; the stream stops here")
                 .arg(eventsName, why));
    Event e;
    e.socket = QStringLiteral("events");
    e.event = ev::Error;
    e.source = ev::App;
    e.code = errnoName(writer->errorCode());
    e.detail = Cli::tr("Cannot write events to %1: %2.").arg(eventsName, why);
    timeline.append(e);
}

Session::~Session()
{
    timeline.flush();
    if (writer)
        writer->stop(1000);
    if (humanWriter)
        humanWriter->stop(1000);
    if (writer && writer->failed())
        reportWriteFailure();
    if (writer && writer->dropped() > 0) {
        printErr(Cli::tr("netstage: %n event(s) were left out of the stream to %1 because its "
                         "reader did not keep up (the in-memory log kept them)",
                         nullptr, int(std::min<quint64>(writer->dropped(), INT_MAX)))
                     .arg(eventsName == QLatin1String("-") ? Cli::tr("stdout") : eventsName));
    }
    writer.reset();
    humanWriter.reset();
    if (ownsEventsFd)
        ::close(eventsFd);
}

} // namespace netstage
