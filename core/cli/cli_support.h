#pragma once

// What every headless command shares: the session (timeline, kernel observer, wire capture,
// JSON Lines sink, people-readable lines), orderly SIGINT/SIGTERM, and small parsers. Each
// lab's command module (tcp in cli.cpp; others in <lab>_cli.cpp) builds on it.

#include "core/base/timeline.h"
#include "core/cli/cli.h"
#include "core/format/json_lines.h"
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

// The shared set-up of every headless command: timeline, observer, wire capture, sinks.
struct Session
{
    Timeline timeline;
    std::unique_ptr<KernelObserver> observer;
    std::unique_ptr<WireCapture> wire;
    std::unique_ptr<QFile> eventsFile;
    std::unique_ptr<JsonLinesWriter> writer;
    QTimer flushTimer;
    qint64 t0 = 0; // the session's clock starts with the timeline
    QList<Event> errors;

    // How one event reads for people (the TCP lab's by default; a lab may bring its own).
    using LineFormat = QString (*)(const Event& e, qint64 t0);

    bool open(const QString& events, bool quiet, LineFormat format = &humanLine)
    {
        observer = std::make_unique<KernelObserver>(&timeline);
        if (!events.isEmpty()) {
            eventsFile = std::make_unique<QFile>();
            bool ok;
            if (events == QLatin1String("-")) {
                ok = eventsFile->open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
            } else {
                eventsFile->setFileName(events);
                ok = eventsFile->open(QIODevice::WriteOnly | QIODevice::Truncate);
            }
            if (!ok) {
                printErr(Cli::tr("cannot write events to %1: %2")
                             .arg(events, eventsFile->errorString()));
                return false;
            }
            writer = std::make_unique<JsonLinesWriter>(&timeline, eventsFile.get());
            QObject::connect(&flushTimer, &QTimer::timeout, [f = eventsFile.get()] { f->flush(); });
            flushTimer.start(50);
        }
        // Human lines go to stderr when stdout carries JSON, to stdout otherwise.
        FILE* human = events == QLatin1String("-") ? stderr : stdout;
        timeline.addSink([this, human, quiet, format](const Event& e) {
            if (e.event == ev::Error)
                errors.append(e);
            if (!quiet) {
                std::fputs(qPrintable(format(e, t0) + QLatin1Char('\n')), human);
                std::fflush(human);
            }
        });
        wire = std::make_unique<WireCapture>(&timeline);
        wire->start();
        return true;
    }

    void attach(TcpLab* lab) { lab->setWireCapture(wire.get()); }

    // The first error of this socket (the wire's permission notice is not a failure).
    Event firstError(const QString& socket) const
    {
        for (const Event& e : errors) {
            if (e.socket == socket)
                return e;
        }
        return {};
    }

    ~Session()
    {
        writer.reset();
        if (eventsFile)
            eventsFile->flush();
    }
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
