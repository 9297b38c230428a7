#pragma once

// What every headless command shares: the session (timeline, kernel observer, wire capture,
// JSON Lines sink, people-readable lines), orderly SIGINT/SIGTERM, and small parsers. Each
// lab's command module (tcp in cli.cpp; others in <lab>_cli.cpp) builds on it.

#include "core/base/timeline.h"
#include "core/cli/cli.h"
#include "core/format/json_lines.h"
#include "core/format/stream_writer.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/tcp/tcp_lab.h"

#include <QFile>
#include <QList>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>
#include <pthread.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace netstage {

// "127.0.0.1:8124", "[::1]:8124", "localhost:8124" -> host and port (1-65535).
bool parseHostPort(const QString& s, QString* host, quint16* port);
// "48 65 6c", "48:65:6c", "0x48 0x65" -> bytes; *ok false for anything else (HexBytes, the
// reading the window shares).
QByteArray parseHex(const QString& s, bool* ok);
// One line to stderr, flushed.
void printErr(const QString& line);
// Bad usage, the same for every lab: one line "netstage: MESSAGE (see 'netstage LAB --help')"
// on stderr; returns 2, the exit status of bad usage. `lab` empty: the main help.
int usageError(const QString& message, const QString& lab = QString());
// A people-readable line for one event: "  12.345 ms  tcp-client-1  data ←  5 B  hello".
QString humanLine(const Event& e, qint64 t0);
// Spins the event loop until pred() holds or ms pass. Only headless commands use it: they
// have nothing else to do meanwhile.
bool waitUntil(const std::function<bool()>& pred, int ms);
// The one clear stderr line for a failure event ("port 8124 is already in use (EADDRINUSE)").
QString failureLine(const Event& e, const QString& fallback);

// What every server and client command takes besides its own options (Cli::parse takes them
// out before a lab's module parses the rest): --explain, --observe, --capacity.
struct PipelineOptions
{
    bool explain = false;                    // --explain: JSON lines carry "detail" (in --lang)
    QString observe = QStringLiteral("all"); // --observe none|app|kernel|wire|all (or a list)
    std::size_t capacity = 1000000;          // --capacity N: events kept in memory
};
PipelineOptions& pipelineOptions();
// "all", "none", "app", "kernel", "wire" or a comma list of the last three; false for others.
bool parseObserve(const QString& s, QStringList* sources, bool* all);
// Set when an events file could not be written (the command then exits non-zero).
bool eventsWriteFailed();

// The shared set-up of every headless command: timeline, observer, wire capture, sinks.
//
// Nothing here blocks the thread that serves the sockets: the events file (or stdout) and the
// people-readable lines are written by StreamWriter threads through bounded queues. A reader
// that stalls loses lines from the stream (one line on stderr says so, a `dropped` event marks
// each gap), never events from the in-memory store; a failed write is said once on stderr and
// as an `error` event, and the command's exit status is 1; a reader that closes the pipe
// (`| head -n1`) ends the stream quietly (SIGPIPE is ignored) while the command carries on.
struct Session
{
    Timeline timeline;
    std::unique_ptr<KernelObserver> observer;
    std::unique_ptr<WireCapture> wire;
    std::unique_ptr<StreamWriter> writer;      // --events
    std::unique_ptr<StreamWriter> humanWriter; // people-readable lines
    QString eventsName;
    int eventsFd = -1;
    bool ownsEventsFd = false;
    bool dropNoticed = false;
    bool failureReported = false;
    qint64 t0 = 0; // the session's clock starts with the timeline
    QList<Event> errors;

    // How one event reads for people (the TCP lab's by default; a lab may bring its own).
    using LineFormat = QString (*)(const Event& e, qint64 t0);

    bool open(const QString& events, bool quiet, LineFormat format = &humanLine);

    void attach(TcpLab* lab) { lab->setWireCapture(wire.get()); }

    // The first error of this socket (the wire's permission notice is not a failure). Stores
    // what waits in the reorder window first, so an error just appended is seen.
    Event firstError(const QString& socket)
    {
        timeline.flush();
        for (const Event& e : std::as_const(errors)) {
            if (e.socket == socket)
                return e;
        }
        return {};
    }
    Event lastError()
    {
        timeline.flush();
        return errors.value(errors.size() - 1);
    }
    const QList<Event>& allErrors()
    {
        timeline.flush();
        return errors;
    }

    // Stores what waits in the reorder window and lets the writers write it (bounded), before
    // a command prints something of its own.
    void drainOutput(int ms = 2000)
    {
        timeline.flush();
        if (writer)
            writer->waitDrained(ms);
        if (humanWriter)
            humanWriter->waitDrained(ms);
    }
    void reportWriteFailure();
    ~Session();
};

// --pcap FILE: lets the last frames and their events arrive, then writes the capture as
// pcapng. False (and one clear line on stderr) when capture does not run or the file cannot
// be written.
bool writeCaptureFile(Session& s, const QString& path);
// Before the run: false (and the same line) when --pcap cannot be honoured.
bool checkCaptureFor(Session& s, const QString& path);

// After the app closes its sockets, give the kernel observer a moment to report FIN-WAIT-2,
// TIME-WAIT or CLOSED, so a recording shows how the teardown really ended.
void lingerForKernel(Session& s, int ms);

// A server command's life: runs the event loop until a signal arrives (SignalWatcher's callback
// calls `onSignal`, which this sets) or `forSeconds` pass (negative: no limit), then calls
// `stopServing` once and returns.
void serveUntilStopped(std::function<void()>& onSignal, double forSeconds,
                       const std::function<void()>& stopServing);

// Blocks SIGINT and SIGTERM in the calling thread and so in every thread started after it
// (the kernel observer, the wire capture, host lookups): they arrive only through a
// SignalWatcher's signalfd. Call before anything starts a thread.
inline void blockTerminationSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

// Delivers SIGINT and SIGTERM through the event loop (signalfd), so shutdown is orderly.
class SignalWatcher
{
public:
    explicit SignalWatcher(std::function<void(int)> onSignal)
    {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        sigprocmask(SIG_BLOCK, &set, nullptr);
        fd_ = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
        if (fd_ >= 0) {
            notifier_ = std::make_unique<QSocketNotifier>(fd_, QSocketNotifier::Read);
            QObject::connect(notifier_.get(), &QSocketNotifier::activated, [this, onSignal] {
                signalfd_siginfo info{};
                if (::read(fd_, &info, sizeof(info)) == sizeof(info))
                    onSignal(static_cast<int>(info.ssi_signo));
            });
        }
    }
    ~SignalWatcher()
    {
        notifier_.reset();
        if (fd_ >= 0)
            ::close(fd_);
    }

private:
    int fd_ = -1;
    std::unique_ptr<QSocketNotifier> notifier_;
};

} // namespace netstage
