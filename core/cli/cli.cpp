#include "core/cli/cli.h"

#include "core/cli/cli_options.h"
#include "core/cli/cli_support.h"

#include "core/base/errors.h"
#include "core/base/tcp_state.h"
#include "core/base/timeline.h"
#include "core/cli/http_cli.h"
#include "core/cli/https_cli.h"
#include "core/cli/udp_cli.h"
#include "core/cli/url_cli.h"
#include "core/cli/ws_cli.h"
#include "core/explain/explain.h"
#include "core/format/json_lines.h"
#include "core/format/recording.h"
#include "core/lessons/lesson.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>
#include <sys/signalfd.h>
#include <unistd.h>

namespace netstage {

namespace {

bool isLabName(const QString& a)
{
    if (a == QLatin1String("tcp"))
        return true;
    for (const LabCli& m : Cli::labModules()) {
        if (m.name == a)
            return true;
    }
    return false;
}

// "tcp, http, udp, ws, url": every lab `netstage <lab>` knows, for the usage errors.
QString labNames()
{
    QStringList names{QStringLiteral("tcp")};
    for (const LabCli& m : Cli::labModules())
        names << m.name;
    return names.join(QLatin1String(", "));
}

// The option table of `netstage tcp` (parsed by parseCliArgs, usage generated from it).
std::vector<CliVerb> tcpVerbs()
{
    const CliOption pcap{QStringLiteral("--pcap"), QStringLiteral("FILE")};
    return {
        {QStringLiteral("serve"), QString(), serveOptions(QStringLiteral("seed|echo|silent"))},
        {QStringLiteral("connect"), QStringLiteral("HOST:PORT"),
         withOutput({{QStringLiteral("--send"), QStringLiteral("TEXT"), QString(), true},
                     {QStringLiteral("--hex")},
                     {QStringLiteral("--then"), QStringLiteral("half-close|close|abort")},
                     {QStringLiteral("--wait"), QStringLiteral("MS")},
                     pcap})},
        {QStringLiteral("lesson"), QStringLiteral("NAME"),
         withOutput({{QStringLiteral("--list")},
                     {QStringLiteral("--step-delay"), QStringLiteral("MS")},
                     {QStringLiteral("--diagram"), QStringLiteral("FILE.png|FILE.svg")},
                     {QStringLiteral("--source"), QStringLiteral("wire|model")},
                     {QStringLiteral("--port"), QStringLiteral("PORT")},
                     {QStringLiteral("--record"), QStringLiteral("FILE")},
                     {QStringLiteral("--loss"), QStringLiteral("PERCENT")},
                     pcap,
                     {QStringLiteral("--slides"), QStringLiteral("DIR")},
                     {QStringLiteral("--states"), QStringLiteral("FILE.png|FILE.svg")},
                     {QStringLiteral("--syn-retries"), QStringLiteral("N")}})},
    };
}

Cli::DiagramWriter& diagramWriter()
{
    static Cli::DiagramWriter writer;
    return writer;
}

Cli::DiagramWriter& statesWriter()
{
    static Cli::DiagramWriter writer;
    return writer;
}

Cli::SlidesWriter& slidesWriter()
{
    static Cli::SlidesWriter writer;
    return writer;
}

int runServe(const Command& cmd)
{
    Session s;
    if (!s.open(cmd.events, cmd.quiet))
        return 1;
    TcpLab lab(&s.timeline, s.observer.get());
    s.attach(&lab);
    TcpServerOptions opts;
    opts.host = cmd.host;
    opts.port = cmd.port;
    opts.preset = cmd.preset;
    if (!lab.startServer(opts)) {
        printErr(failureLine(s.firstError(QStringLiteral("tcp-server")),
                             Cli::tr("the server could not start")));
        return 1;
    }
    std::function<void()> onSignal;
    SignalWatcher watcher([&](int) {
        if (onSignal)
            onSignal();
    });
    serveUntilStopped(onSignal, cmd.forSeconds, [&] { lab.closeAll(); });
    waitUntil([&lab] { return lab.openConnectionCount() == 0; }, 2000);
    lingerForKernel(s, 200);
    return 0;
}

int runConnect(const Command& cmd)
{
    Session s;
    if (!s.open(cmd.events, cmd.quiet))
        return 1;
    if (!cmd.pcap.isEmpty() && !checkCaptureFor(s, cmd.pcap))
        return 1;
    TcpLab lab(&s.timeline, s.observer.get());
    s.attach(&lab);
    bool connected = false;
    bool closed = false;
    bool peerEnded = false;
    qint64 lastActivity = 0;
    QString id;
    s.timeline.addSink([&](const Event& e) {
        if (e.socket != id || e.source != ev::App)
            return;
        lastActivity = s.timeline.now();
        if (e.event == ev::Connect)
            connected = true;
        else if (e.event == ev::Close)
            closed = true;
        else if (e.event == ev::End)
            peerEnded = true;
    });
    id = lab.connectTo(cmd.host, cmd.port);
    if (id.isEmpty()) {
        printErr(failureLine(s.lastError(), Cli::tr("cannot connect")));
        return 1;
    }
    SignalWatcher watcher([&](int) { lab.abort(id); });
    waitUntil([&] { return connected || closed || !s.firstError(id).event.isEmpty(); }, 15000);
    if (!connected) {
        waitUntil([&] { return closed; }, 1000);
        lingerForKernel(s, 200);
        printErr(failureLine(s.firstError(id),
                             Cli::tr("could not connect to %1:%2").arg(cmd.host).arg(cmd.port)));
        return 1;
    }
    // Let the server speak first (the seed server greets).
    waitUntil([&] { return closed; }, cmd.waitMs);
    bool sendFailed = false;
    for (const QString& text : cmd.sends) {
        if (closed) {
            sendFailed = true;
            break;
        }
        bool ok = true;
        const QByteArray bytes = cmd.hex ? parseHex(text, &ok) : text.toUtf8();
        lab.send(id, bytes);
        waitUntil([&] { return closed; }, cmd.waitMs);
    }
    if (!closed) {
        if (cmd.then == QLatin1String("abort")) {
            lab.abort(id);
        } else if (cmd.then == QLatin1String("half-close")) {
            lab.halfClose(id);
            // Keep reading until the peer ends too, or it stays quiet for --wait ms.
            waitUntil(
                [&] {
                    return closed || peerEnded ||
                           s.timeline.now() - lastActivity > qint64(cmd.waitMs) * 1000;
                },
                60000);
            if (!closed && !peerEnded) {
                printErr(Cli::tr("the peer did not close its side within %1 ms; closing")
                             .arg(cmd.waitMs));
                lab.close(id);
            }
        } else {
            lab.close(id);
        }
    }
    waitUntil([&] { return closed; }, 5000);
    lingerForKernel(s, 300);
    if (!cmd.pcap.isEmpty() && !writeCaptureFile(s, cmd.pcap))
        return 1;
    for (const Event& e : s.allErrors()) {
        if (e.socket == id) {
            printErr(failureLine(e, QString()));
            return 1;
        }
    }
    if (sendFailed) {
        printErr(Cli::tr("the connection closed before every --send was sent"));
        return 1;
    }
    return 0;
}

int runLesson(const Command& cmd)
{
    if (cmd.listLessons) {
        for (const Lesson& l : Lessons::all())
            std::printf("%-20s %s\n", l.name, qPrintable(Lessons::title(l)));
        return 0;
    }
    const Lesson* lesson = Lessons::find(cmd.lesson);
    if (!lesson) {
        printErr(Cli::tr("no lesson named \"%1\"; 'netstage tcp lesson --list' lists them")
                     .arg(cmd.lesson));
        return 2;
    }
    if (!cmd.diagram.isEmpty() && !diagramWriter()) {
        printErr(Cli::tr("this build cannot draw diagrams"));
        return 1;
    }
    if (!cmd.states.isEmpty() && !statesWriter()) {
        printErr(Cli::tr("this build cannot draw diagrams"));
        return 1;
    }
    if (!cmd.slides.isEmpty() && !slidesWriter()) {
        printErr(Cli::tr("this build cannot draw slides"));
        return 1;
    }
    Session s;
    if (!s.open(cmd.events, cmd.quiet))
        return 1;
    if (!cmd.pcap.isEmpty() && !checkCaptureFor(s, cmd.pcap))
        return 1;
    std::vector<Event> all;
    s.timeline.addSink([&all](const Event& e) { all.push_back(e); });
    LessonRunner runner(&s.timeline, s.observer.get(), s.wire.get());
    runner.setStepDelayMs(cmd.stepDelayMs);
    runner.setLossPercent(cmd.lossPercent);
    runner.setSynRetries(cmd.synRetries);
    bool done = false;
    QObject::connect(&runner, &LessonRunner::finished, [&done] { done = true; });
    SignalWatcher watcher([&](int) { runner.stop(); });
    const quint16 port = cmd.portGiven ? cmd.port : 0;
    if (!runner.start(*lesson, port)) {
        const Event lossError = s.firstError(QStringLiteral("lesson"));
        printErr(failureLine(lossError.event.isEmpty() ? s.firstError(QStringLiteral("tcp-server"))
                                                       : lossError,
                             Cli::tr("the lesson could not start")));
        return 1;
    }
    waitUntil([&done] { return done; }, 600000);
    lingerForKernel(s, 100);
    // Before the ladder is built: the wait lets the last segments' events arrive too.
    if (!cmd.pcap.isEmpty() && !writeCaptureFile(s, cmd.pcap))
        return 1;

    s.timeline.flush(); // what waits in the reorder window belongs to the lesson
    s.drainOutput();    // the event lines before the ladder's text
    const Ladder ladder = Ladder::fromEvents(all, cmd.ladderSource);
    FILE* human = cmd.events == QLatin1String("-") ? stderr : stdout;
    if (!cmd.quiet) {
        std::fputs(qPrintable(QLatin1Char('\n') + ladder.toText()), human);
        if (cmd.lossPercent > 0)
            std::fputs(qPrintable(Cli::tr("The nftables rule dropped %n TCP segment(s) on the "
                                          "way to the server.",
                                          nullptr, int(runner.tcpSegmentsDropped())) +
                                  QLatin1Char('\n')),
                       human);
        std::fflush(human);
    }
    if (!cmd.record.isEmpty()) {
        Recording rec;
        rec.header.appVersion = QStringLiteral(NETSTAGE_VERSION);
        rec.header.lesson = QLatin1String(lesson->name);
        rec.header.capture = ladder.source;
        rec.events = all;
        QString error;
        if (!RecordingFile::save(cmd.record, rec, &error)) {
            printErr(error);
            return 1;
        }
    }
    if (!cmd.diagram.isEmpty()) {
        QString error;
        if (!diagramWriter()(ladder, cmd.diagram, &error)) {
            printErr(Cli::tr("cannot write the diagram to %1: %2").arg(cmd.diagram, error));
            return 1;
        }
    }
    if (!cmd.states.isEmpty()) {
        QString error;
        if (!statesWriter()(ladder, cmd.states, &error)) {
            printErr(Cli::tr("cannot write the state diagram to %1: %2").arg(cmd.states, error));
            return 1;
        }
    }
    if (!cmd.slides.isEmpty()) {
        QString error;
        const int n = slidesWriter()(all, ladder, QLatin1String(lesson->name), cmd.slides, &error);
        if (n < 0) {
            printErr(Cli::tr("cannot write the slides to %1: %2").arg(cmd.slides, error));
            return 1;
        }
        if (!cmd.quiet) {
            std::fputs(
                qPrintable(
                    Cli::tr("wrote %n slide(s) and index.html to %1", nullptr, n).arg(cmd.slides) +
                    QLatin1Char('\n')),
                human);
            std::fflush(human);
        }
    }
    return 0;
}

} // namespace

std::vector<LabCli> Cli::labModules()
{
    // Each lab's module, in the order `netstage --help` lists them. Built on every call, not
    // cached: the first call comes before the translator is installed, and the summaries must
    // follow --lang.
    return {httpCli(), httpsCli(), udpCli(), wsCli(), urlCli()};
}

bool Cli::isHeadless(int argc, char** argv)
{
    bool screenshot = false;
    bool headless = false;
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == QLatin1String("--lang") || a == QLatin1String("--view")) {
            ++i;
            continue;
        }
        if (a == QLatin1String("--screenshot"))
            screenshot = true;
        if (isLabName(a) || a == QLatin1String("--help") || a == QLatin1String("-h") ||
            a == QLatin1String("--version"))
            headless = true;
    }
    return headless && !screenshot;
}

void Cli::setDiagramWriter(DiagramWriter writer)
{
    diagramWriter() = std::move(writer);
}

bool Cli::drawDiagram(const Ladder& ladder, const QString& path, QString* error)
{
    if (!diagramWriter()) {
        *error = tr("this build cannot draw diagrams");
        return false;
    }
    return diagramWriter()(ladder, path, error);
}

void Cli::setStatesWriter(DiagramWriter writer)
{
    statesWriter() = std::move(writer);
}

void Cli::setSlidesWriter(SlidesWriter writer)
{
    slidesWriter() = std::move(writer);
}

bool Cli::needsGui(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--diagram") == 0 || qstrcmp(argv[i], "--waterfall") == 0 ||
            qstrcmp(argv[i], "--slides") == 0 || qstrcmp(argv[i], "--states") == 0)
            return true;
    }
    return false;
}

QString Cli::windowUnavailable(const QStringList& args)
{
    // The platform Qt will try: -platform NAME, else QT_QPA_PLATFORM ("wayland;xcb" lists
    // fallbacks), else Qt's default on Linux (xcb; wayland first in a Wayland session).
    QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    const int at = args.indexOf(QStringLiteral("-platform"));
    if (at >= 0 && at + 1 < args.size())
        platform = args[at + 1];
    QStringList candidates = platform.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    if (candidates.isEmpty())
        candidates = {QStringLiteral("wayland"), QStringLiteral("xcb")};
    const QString display = qEnvironmentVariable("DISPLAY");
    const QString wayland = qEnvironmentVariable("WAYLAND_DISPLAY");
    for (const QString& c : std::as_const(candidates)) {
        const QString name = c.section(QLatin1Char(':'), 0, 0);
        if (name == QLatin1String("xcb")) {
            // A local display ":N" is a socket in /tmp/.X11-unix; without it Qt would abort.
            static const QRegularExpression local(QStringLiteral("^(unix)?:(\\d+)(\\.\\d+)?$"));
            const QRegularExpressionMatch m = local.match(display);
            if (!display.isEmpty() &&
                (!m.hasMatch() ||
                 QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X") + m.captured(2))))
                return QString();
        } else if (name.startsWith(QLatin1String("wayland"))) {
            if (!wayland.isEmpty())
                return QString();
        } else {
            return QString(); // offscreen, minimal, vnc, eglfs...: no display needed
        }
    }
    const QString why = display.isEmpty() ? tr("there is no display (DISPLAY is not set)")
                                          : tr("there is no display at DISPLAY=%1").arg(display);
    return tr("netstage: cannot open the window: %1. The labs run without one, e.g. 'netstage "
              "tcp serve'; 'netstage --help' lists them.")
        .arg(why);
}

QString Cli::langFromArgv(int argc, char** argv)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--lang") == 0)
            return QString::fromLocal8Bit(argv[i + 1]);
    }
    return {};
}

QString Cli::mainHelp()
{
    QString labs = tr("  tcp serve     run the tutorial's TCP server (presets seed, echo, silent)\n"
                      "  tcp connect   connect, send, then close, half-close or abort\n"
                      "  tcp lesson    run a lesson (handshake, teardown, ...) on real sockets\n");
    for (const LabCli& m : labModules())
        labs += QStringLiteral("  %1 %2\n").arg(m.name, -13).arg(m.summary);
    return tr("Usage: netstage [--lang zh_CN|en] [--screenshot FILE [--view V]]\n"
              "       netstage <lab> <verb> [options] [--events FILE|-]\n"
              "\n"
              "NetStage shows how network connections live and die, with real sockets.\n"
              "Without a lab it opens the window. With one it runs headless and prints\n"
              "events; --events writes them as JSON Lines (\"-\" = stdout, and then\n"
              "people-readable lines go to stderr).\n"
              "\n"
              "Labs:\n") +
           labs +
           tr("\n"
              "Options:\n"
              "  --lang L        zh_CN or en (default: the system's language)\n"
              "  --screenshot F  open the window, let it settle, write a PNG to F, exit\n"
              "  --view V        the view for --screenshot: tcp (default), start, lessons,\n"
              "                  handshake, tcp-vs-udp, udp, http, https, ws, url, url-waterfall,\n"
              "                  osi, presentation, shortcuts, tcp-states; empty-V: view V before\n"
              "                  anything ran\n"
              "  --help          this text; 'netstage <lab> --help' for one lab\n"
              "  --version       the version\n"
              "\n"
              "Exit status: 0 success, 1 runtime failure, 2 bad usage.\n");
}

QString Cli::tcpHelp()
{
    return cliUsage(QStringLiteral("tcp"), tcpVerbs()) + QLatin1Char('\n') +
           tr("serve    listens (127.0.0.1 unless --host says otherwise; --port 0 picks a free\n"
              "         port) until SIGINT/SIGTERM or --for SECONDS, then closes cleanly.\n"
              "         seed: the tutorial's server: a welcome line on connection, \"你好\"\n"
              "               for each message, ends its side when the client ends.\n"
              "         echo: writes back what arrives.   silent: says nothing and never\n"
              "               closes by itself (the connection waits in CLOSE-WAIT).\n"
              "connect  connects, reads what the server says, sends each --send (waiting\n"
              "         --wait ms, default 500, for replies after each), then closes\n"
              "         (--then close, default), sends FIN and keeps reading (half-close),\n"
              "         or resets with RST (abort). --hex: --send values are hex bytes.\n"
              "lesson   runs a lesson on real sockets, pausing --step-delay ms (default 400)\n"
              "         before each step, prints the ladder and, with --diagram, draws it.\n"
              "         The arrows come from the wire capture when it runs (root or setcap),\n"
              "         otherwise from the TCP model; --source model forces the model.\n"
              "         --record FILE saves a recording the window opens (File > Open).\n"
              "         --loss PERCENT (root or CAP_NET_ADMIN): an nftables rule drops that\n"
              "         share of the TCP segments sent to the lesson's server, so the wire\n"
              "         shows TCP sending them again; UDP steps go through the UDP relay with\n"
              "         the same loss. The rule is removed when the lesson ends.\n"
              "         --slides DIR writes one picture per step (slide-01.png...) with the\n"
              "         step's explanation, and an index.html that shows them in order.\n"
              "         --states FILE draws both ends' path on RFC 9293's state diagram.\n"
              "         syn-retries, keepalive, simultaneous-close and simultaneous-open need\n"
              "         root or CAP_NET_ADMIN (an nftables rule drops chosen segments);\n"
              "         --syn-retries N (1-6, default 2): SYNs sent again (TCP_SYNCNT).\n"
              "--pcap FILE      (connect, lesson) the captured frames as pcapng, for\n"
              "                 Wireshark or tshark; needs capture permission\n"
              "--events FILE|-  every event as a JSON line (t_us, socket, event, source, ...)\n"
              "--quiet          no people-readable lines\n");
}

QString Cli::pipelineHelp()
{
    return tr("--explain        the JSON lines carry a sentence (\"detail\") in --lang\n"
              "--observe WHAT   none, app, kernel, wire or all (default), or a list: app,wire\n"
              "--capacity N     events kept in memory (default 1000000)\n");
}

// --explain, --observe X, --capacity N: every server and client command takes them. Returns
// how many arguments it used (0: not one of them; -1: a bad value, *error says why).
static int takePipelineOption(const QStringList& args, int i, Command* cmd, QString* error)
{
    const QString& a = args[i];
    if (a == QLatin1String("--explain")) {
        cmd->explain = true;
        return 1;
    }
    if (a == QLatin1String("--observe")) {
        QStringList sources;
        bool all = false;
        if (i + 1 >= args.size() || !parseObserve(args[i + 1], &sources, &all)) {
            *error = Cli::tr("--observe must be none, app, kernel, wire or all (or a list such "
                             "as app,kernel)");
            return -1;
        }
        cmd->observe = args[i + 1];
        return 2;
    }
    if (a == QLatin1String("--capacity")) {
        bool ok = false;
        const qlonglong n = i + 1 < args.size() ? args[i + 1].toLongLong(&ok) : 0;
        if (!ok || n < 1000 || n > 100000000) {
            *error = Cli::tr("--capacity needs a number of events from 1000 to 100000000");
            return -1;
        }
        cmd->capacity = std::size_t(n);
        return 2;
    }
    return 0;
}

Command Cli::parse(const QStringList& args)
{
    Command cmd;
    const QStringList rest = args.mid(1);
    auto bad = [&cmd](const QString& msg) {
        cmd.kind = Command::Kind::UsageError;
        cmd.error = msg;
        return cmd;
    };
    // The global options come first: --lang anywhere; the window's --screenshot and --view.
    // The first word that is not an option names the lab.
    int labAt = -1;
    for (int i = 0; i < rest.size(); ++i) {
        const QString& a = rest[i];
        if (a == QLatin1String("--lang")) {
            if (i + 1 >= rest.size())
                return bad(tr("--lang needs a value (zh_CN or en)"));
            cmd.lang = rest[++i];
            if (cmd.lang != QLatin1String("zh_CN") && cmd.lang != QLatin1String("en"))
                return bad(tr("--lang must be zh_CN or en, not \"%1\"").arg(cmd.lang));
            continue;
        }
        if (a == QLatin1String("--screenshot") || a == QLatin1String("--view")) {
            ++i;
            continue;
        }
        if (labAt < 0 && !(a.startsWith(QLatin1Char('-')) && a.size() > 1))
            labAt = i;
    }

    // Another lab's module parses its own arguments (all but --lang).
    if (labAt >= 0) {
        for (const LabCli& m : labModules()) {
            if (m.name != rest[labAt])
                continue;
            cmd.kind = Command::Kind::LabModule;
            cmd.lab = m.name;
            for (int k = labAt + 1; k < rest.size(); ++k) {
                if (rest[k] == QLatin1String("--lang")) {
                    ++k; // global, read above
                    continue;
                }
                QString error;
                const int used = takePipelineOption(rest, k, &cmd, &error);
                if (used < 0)
                    return bad(error);
                if (used > 0) {
                    k += used - 1;
                    continue;
                }
                cmd.labArgs << rest[k];
            }
            return cmd;
        }
    }

    if (labAt < 0) {
        // The window: only the global options.
        for (int i = 0; i < rest.size(); ++i) {
            const QString& a = rest[i];
            if (a == QLatin1String("--lang")) {
                ++i;
            } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
                cmd.kind = Command::Kind::Help;
                cmd.helpText = mainHelp();
                return cmd;
            } else if (a == QLatin1String("--version")) {
                cmd.kind = Command::Kind::Version;
                return cmd;
            } else if (a == QLatin1String("--screenshot")) {
                if (i + 1 >= rest.size())
                    return bad(tr("--screenshot needs a file name"));
                cmd.screenshot = rest[++i];
            } else if (a == QLatin1String("--view")) {
                if (i + 1 >= rest.size())
                    return bad(tr("--view needs a view name"));
                cmd.view = rest[++i];
            } else {
                return bad(tr("unknown option %1; the options are %2")
                               .arg(a, QStringLiteral("--lang, --screenshot, --view, --help, "
                                                      "--version")));
            }
        }
        return cmd; // the window
    }
    if (rest[labAt] != QLatin1String("tcp"))
        return bad(tr("unknown lab \"%1\"; the labs are %2").arg(rest[labAt], labNames()));

    cmd.lab = QStringLiteral("tcp"); // its usage errors point at 'netstage tcp --help'
    QStringList tcpArgs = rest;
    tcpArgs.removeAt(labAt);
    for (int k = 0; k < tcpArgs.size();) {
        QString pipelineError;
        const int used = takePipelineOption(tcpArgs, k, &cmd, &pipelineError);
        if (used < 0)
            return bad(pipelineError);
        if (used == 0) {
            ++k;
            continue;
        }
        tcpArgs.erase(tcpArgs.begin() + k, tcpArgs.begin() + k + used);
    }
    const CliArgs p = parseCliArgs(QStringLiteral("tcp"), tcpVerbs(), tcpArgs);
    if (p.help) {
        cmd.kind = Command::Kind::Help;
        cmd.helpText = tcpHelp() + pipelineHelp();
        return cmd;
    }
    if (!p.error.isEmpty())
        return bad(p.error);
    for (const CliGiven& g : p.given) {
        const QString& a = g.option;
        const QString& v = g.value;
        bool ok = false;
        if (a == QLatin1String("--events")) {
            cmd.events = v;
        } else if (a == QLatin1String("--host")) {
            cmd.host = v;
        } else if (a == QLatin1String("--port")) {
            const uint port = v.toUInt(&ok);
            if (!ok || port > 65535)
                return bad(tr("--port needs a number from 0 to 65535"));
            cmd.port = static_cast<quint16>(port);
            cmd.portGiven = true;
        } else if (a == QLatin1String("--preset")) {
            if (!tcpPresetFromName(v, &cmd.preset))
                return bad(tr("--preset must be seed, echo or silent"));
        } else if (a == QLatin1String("--for")) {
            cmd.forSeconds = v.toDouble(&ok);
            if (!ok || cmd.forSeconds < 0)
                return bad(tr("--for needs a number of seconds"));
        } else if (a == QLatin1String("--send")) {
            cmd.sends << v;
        } else if (a == QLatin1String("--hex")) {
            cmd.hex = true;
        } else if (a == QLatin1String("--list")) {
            cmd.listLessons = true;
        } else if (a == QLatin1String("--step-delay")) {
            cmd.stepDelayMs = v.toInt(&ok);
            if (!ok || cmd.stepDelayMs < 0 || cmd.stepDelayMs > 600000)
                return bad(tr("--step-delay needs milliseconds (0 to 600000)"));
        } else if (a == QLatin1String("--loss")) {
            cmd.lossPercent = v.toInt(&ok);
            if (!ok || cmd.lossPercent < 1 || cmd.lossPercent > 100)
                return bad(tr("--loss needs a percentage from 1 to 100"));
        } else if (a == QLatin1String("--diagram")) {
            cmd.diagram = v;
            if (!(cmd.diagram.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ||
                  cmd.diagram.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)))
                return bad(tr("--diagram needs a file name ending in .png or .svg"));
        } else if (a == QLatin1String("--syn-retries")) {
            cmd.synRetries = v.toInt(&ok);
            if (!ok || cmd.synRetries < 1 || cmd.synRetries > 6)
                return bad(tr("--syn-retries needs a number from 1 to 6"));
        } else if (a == QLatin1String("--states")) {
            cmd.states = v;
            if (!(cmd.states.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ||
                  cmd.states.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)))
                return bad(tr("--states needs a file name ending in .png or .svg"));
        } else if (a == QLatin1String("--slides")) {
            cmd.slides = v;
        } else if (a == QLatin1String("--record")) {
            cmd.record = v;
        } else if (a == QLatin1String("--pcap")) {
            cmd.pcap = v;
        } else if (a == QLatin1String("--source")) {
            cmd.ladderSource = v;
            if (v != QLatin1String("wire") && v != QLatin1String("model"))
                return bad(tr("--source must be wire or model"));
        } else if (a == QLatin1String("--quiet")) {
            cmd.quiet = true;
        } else if (a == QLatin1String("--then")) {
            cmd.then = v;
            if (v != QLatin1String("close") && v != QLatin1String("half-close") &&
                v != QLatin1String("abort"))
                return bad(tr("--then must be half-close, close or abort"));
        } else if (a == QLatin1String("--wait")) {
            cmd.waitMs = v.toInt(&ok);
            if (!ok || cmd.waitMs < 0 || cmd.waitMs > 600000)
                return bad(tr("--wait needs milliseconds (0 to 600000)"));
        }
    }

    const QStringList& pos = p.operands;
    if (p.verb == QLatin1String("serve")) {
        if (!pos.isEmpty())
            return bad(tr("tcp serve takes no argument \"%1\"").arg(pos[0]));
        cmd.kind = Command::Kind::TcpServe;
        return cmd;
    }
    if (p.verb == QLatin1String("lesson")) {
        if (cmd.listLessons) {
            cmd.kind = Command::Kind::TcpLesson;
            return cmd;
        }
        if (pos.size() != 1)
            return bad(tr("tcp lesson needs a NAME (or --list)"));
        cmd.lesson = pos[0];
        cmd.kind = Command::Kind::TcpLesson;
        return cmd;
    }
    // connect
    if (pos.size() != 1)
        return bad(tr("tcp connect needs HOST:PORT, e.g. 127.0.0.1:8124"));
    if (!parseHostPort(pos[0], &cmd.host, &cmd.port))
        return bad(tr("\"%1\" is not HOST:PORT (port 1-65535), e.g. 127.0.0.1:8124").arg(pos[0]));
    if (cmd.hex) {
        for (const QString& sv : std::as_const(cmd.sends)) {
            bool ok = false;
            parseHex(sv, &ok);
            if (!ok)
                return bad(tr("\"%1\" is not hex bytes (e.g. \"48 65 6c 6c 6f\")").arg(sv));
        }
    }
    cmd.kind = Command::Kind::TcpConnect;
    return cmd;
}

int Cli::run(const Command& cmd)
{
    // Before any thread exists, so a SIGTERM cannot kill the process from a worker thread
    // before the command has closed its sockets.
    blockTerminationSignals();
    // A reader that closes the pipe (`| head -n1`) ends the stream, not the command: writes
    // then fail with EPIPE, which the stream writers take as "stop writing".
    std::signal(SIGPIPE, SIG_IGN);
    PipelineOptions& po = pipelineOptions();
    po.explain = cmd.explain;
    po.observe = cmd.observe;
    po.capacity = cmd.capacity;
    const int rc = dispatch(cmd);
    // An events file that could not be written makes the run a failure.
    return rc == 0 && eventsWriteFailed() ? 1 : rc;
}

int Cli::dispatch(const Command& cmd)
{
    switch (cmd.kind) {
    case Command::Kind::Help:
        std::fputs(qPrintable(cmd.helpText), stdout);
        return 0;
    case Command::Kind::Version:
        std::printf("netstage %s\n", NETSTAGE_VERSION);
        return 0;
    case Command::Kind::UsageError:
        return usageError(cmd.error, cmd.lab);
    case Command::Kind::TcpServe:
        return runServe(cmd);
    case Command::Kind::TcpConnect:
        return runConnect(cmd);
    case Command::Kind::TcpLesson:
        return runLesson(cmd);
    case Command::Kind::LabModule:
        for (const LabCli& m : labModules()) {
            if (m.name == cmd.lab)
                return m.run(cmd.labArgs);
        }
        return 2;
    case Command::Kind::Gui:
        printErr(tr("netstage: no command given"));
        return 2;
    }
    return 2;
}

} // namespace netstage
