#include "core/cli/cli.h"

#include "core/cli/cli_support.h"

#include "core/base/errors.h"
#include "core/base/tcp_state.h"
#include "core/base/timeline.h"
#include "core/cli/http_cli.h"
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
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>
#include <QTranslator>

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

Cli::DiagramWriter& diagramWriter()
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
        printErr(failureLine(s.errors.value(s.errors.size() - 1), Cli::tr("cannot connect")));
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
    for (const Event& e : std::as_const(s.errors)) {
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
    return {httpCli(), udpCli(), wsCli(), urlCli()};
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

void Cli::setSlidesWriter(SlidesWriter writer)
{
    slidesWriter() = std::move(writer);
}

bool Cli::needsGui(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--diagram") == 0 || qstrcmp(argv[i], "--waterfall") == 0 ||
            qstrcmp(argv[i], "--slides") == 0)
            return true;
    }
    return false;
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
              "                  handshake, tcp-vs-udp, udp, http, ws, url, url-waterfall, osi,\n"
              "                  presentation, shortcuts; empty-V: view V before anything ran\n"
              "  --help          this text; 'netstage <lab> --help' for one lab\n"
              "  --version       the version\n"
              "\n"
              "Exit status: 0 success, 1 runtime failure, 2 bad usage.\n");
}

QString Cli::tcpHelp()
{
    return tr(
        "Usage:\n"
        "  netstage tcp serve   [--host 127.0.0.1] [--port 8124] [--preset seed|echo|silent]\n"
        "                       [--for SECONDS] [--events FILE|-] [--quiet]\n"
        "  netstage tcp connect HOST:PORT [--send TEXT]... [--hex]\n"
        "                       [--then half-close|close|abort] [--wait MS]\n"
        "                       [--pcap FILE] [--events FILE|-] [--quiet]\n"
        "  netstage tcp lesson  NAME [--step-delay MS] [--diagram FILE.png|FILE.svg]\n"
        "                       [--source wire|model] [--port PORT] [--record FILE]\n"
        "                       [--loss PERCENT] [--pcap FILE] [--slides DIR]\n"
        "                       [--events FILE|-]\n"
        "  netstage tcp lesson  --list\n"
        "\n"
        "serve    listens (127.0.0.1 unless --host says otherwise; --port 0 picks a free\n"
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
        "--pcap FILE      (connect, lesson) the captured frames as pcapng, for\n"
        "                 Wireshark or tshark; needs capture permission\n"
        "--events FILE|-  every event as a JSON line (t_us, socket, event, source, ...)\n"
        "--quiet          no people-readable lines\n");
}

Command Cli::parse(const QStringList& args)
{
    Command cmd;
    QStringList pos;
    QStringList rest = args.mid(1);
    bool wantHelp = false;
    auto bad = [&cmd](const QString& msg) {
        cmd.kind = Command::Kind::UsageError;
        cmd.error = msg;
        return cmd;
    };
    // Another lab's module parses its own arguments; only --lang is global.
    for (int i = 0; i < rest.size(); ++i) {
        if (rest[i] == QLatin1String("--lang")) {
            ++i;
            continue;
        }
        if (rest[i].startsWith(QLatin1Char('-')))
            continue;
        for (const LabCli& m : labModules()) {
            if (m.name != rest[i])
                continue;
            cmd.kind = Command::Kind::LabModule;
            cmd.lab = m.name;
            for (int k = i + 1; k < rest.size(); ++k) {
                if (rest[k] == QLatin1String("--lang") && k + 1 < rest.size()) {
                    cmd.lang = rest[++k];
                    continue;
                }
                cmd.labArgs << rest[k];
            }
            for (int k = 0; k < i; ++k) {
                if (rest[k] == QLatin1String("--lang") && k + 1 < rest.size())
                    cmd.lang = rest[k + 1];
            }
            return cmd;
        }
        break;
    }
    for (int i = 0; i < rest.size(); ++i) {
        const QString a = rest[i];
        auto value = [&](QString* out) {
            if (i + 1 >= rest.size())
                return false;
            *out = rest[++i];
            return true;
        };
        QString v;
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            wantHelp = true;
        } else if (a == QLatin1String("--version")) {
            cmd.kind = Command::Kind::Version;
            return cmd;
        } else if (a == QLatin1String("--lang")) {
            if (!value(&cmd.lang))
                return bad(tr("--lang needs a value (zh_CN or en)"));
            if (cmd.lang != QLatin1String("zh_CN") && cmd.lang != QLatin1String("en"))
                return bad(tr("--lang must be zh_CN or en, not \"%1\"").arg(cmd.lang));
        } else if (a == QLatin1String("--screenshot")) {
            if (!value(&cmd.screenshot))
                return bad(tr("--screenshot needs a file name"));
        } else if (a == QLatin1String("--view")) {
            if (!value(&cmd.view))
                return bad(tr("--view needs a view name"));
        } else if (a == QLatin1String("--events")) {
            if (!value(&cmd.events))
                return bad(tr("--events needs a file name or -"));
        } else if (a == QLatin1String("--host")) {
            if (!value(&cmd.host))
                return bad(tr("--host needs an address"));
        } else if (a == QLatin1String("--port")) {
            bool ok = false;
            const uint p = value(&v) ? v.toUInt(&ok) : 0;
            if (!ok || p > 65535)
                return bad(tr("--port needs a number from 0 to 65535"));
            cmd.port = static_cast<quint16>(p);
            cmd.portGiven = true;
        } else if (a == QLatin1String("--preset")) {
            if (!value(&v) || !tcpPresetFromName(v, &cmd.preset))
                return bad(tr("--preset must be seed, echo or silent"));
        } else if (a == QLatin1String("--for")) {
            bool ok = false;
            cmd.forSeconds = value(&v) ? v.toDouble(&ok) : -1;
            if (!ok || cmd.forSeconds < 0)
                return bad(tr("--for needs a number of seconds"));
        } else if (a == QLatin1String("--send")) {
            if (!value(&v))
                return bad(tr("--send needs a text"));
            cmd.sends << v;
        } else if (a == QLatin1String("--hex")) {
            cmd.hex = true;
        } else if (a == QLatin1String("--list")) {
            cmd.listLessons = true;
        } else if (a == QLatin1String("--step-delay")) {
            bool ok = false;
            cmd.stepDelayMs = value(&v) ? v.toInt(&ok) : -1;
            if (!ok || cmd.stepDelayMs < 0 || cmd.stepDelayMs > 600000)
                return bad(tr("--step-delay needs milliseconds (0 to 600000)"));
        } else if (a == QLatin1String("--loss")) {
            bool ok = false;
            cmd.lossPercent = value(&v) ? v.toInt(&ok) : -1;
            if (!ok || cmd.lossPercent < 1 || cmd.lossPercent > 100)
                return bad(tr("--loss needs a percentage from 1 to 100"));
        } else if (a == QLatin1String("--diagram")) {
            if (!value(&cmd.diagram) ||
                !(cmd.diagram.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ||
                  cmd.diagram.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)))
                return bad(tr("--diagram needs a file name ending in .png or .svg"));
        } else if (a == QLatin1String("--slides")) {
            if (!value(&cmd.slides))
                return bad(tr("--slides needs a folder"));
        } else if (a == QLatin1String("--record")) {
            if (!value(&cmd.record))
                return bad(tr("--record needs a file name"));
        } else if (a == QLatin1String("--pcap")) {
            if (!value(&cmd.pcap))
                return bad(tr("--pcap needs a file name"));
        } else if (a == QLatin1String("--source")) {
            if (!value(&cmd.ladderSource) || (cmd.ladderSource != QLatin1String("wire") &&
                                              cmd.ladderSource != QLatin1String("model")))
                return bad(tr("--source must be wire or model"));
        } else if (a == QLatin1String("--quiet") || a == QLatin1String("-q")) {
            cmd.quiet = true;
        } else if (a == QLatin1String("--then")) {
            if (!value(&cmd.then) ||
                (cmd.then != QLatin1String("close") && cmd.then != QLatin1String("half-close") &&
                 cmd.then != QLatin1String("abort")))
                return bad(tr("--then must be half-close, close or abort"));
        } else if (a == QLatin1String("--wait")) {
            bool ok = false;
            cmd.waitMs = value(&v) ? v.toInt(&ok) : -1;
            if (!ok || cmd.waitMs < 0 || cmd.waitMs > 600000)
                return bad(tr("--wait needs milliseconds (0 to 600000)"));
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            return bad(tr("unknown option %1").arg(a));
        } else {
            pos << a;
        }
    }

    if (pos.isEmpty()) {
        if (wantHelp) {
            cmd.kind = Command::Kind::Help;
            cmd.helpText = mainHelp();
        }
        return cmd; // the window
    }
    if (pos[0] != QLatin1String("tcp"))
        return bad(tr("unknown lab \"%1\" (try: tcp)").arg(pos[0]));
    if (wantHelp || pos.size() == 1) {
        if (!wantHelp)
            return bad(tr("tcp needs a verb: serve or connect"));
        cmd.kind = Command::Kind::Help;
        cmd.helpText = tcpHelp();
        return cmd;
    }
    const QString verb = pos[1];
    if (verb == QLatin1String("serve")) {
        if (pos.size() > 2)
            return bad(tr("tcp serve takes no argument \"%1\"").arg(pos[2]));
        if (!cmd.sends.isEmpty() || cmd.hex)
            return bad(tr("--send and --hex belong to tcp connect"));
        cmd.kind = Command::Kind::TcpServe;
        return cmd;
    }
    if (verb == QLatin1String("lesson")) {
        if (cmd.listLessons) {
            cmd.kind = Command::Kind::TcpLesson;
            return cmd;
        }
        if (pos.size() != 3)
            return bad(tr("tcp lesson needs a NAME (or --list)"));
        cmd.lesson = pos[2];
        cmd.kind = Command::Kind::TcpLesson;
        return cmd;
    }
    if (verb == QLatin1String("connect")) {
        if (pos.size() != 3)
            return bad(tr("tcp connect needs HOST:PORT, e.g. 127.0.0.1:8124"));
        if (!parseHostPort(pos[2], &cmd.host, &cmd.port))
            return bad(
                tr("\"%1\" is not HOST:PORT (port 1-65535), e.g. 127.0.0.1:8124").arg(pos[2]));
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
    return bad(tr("unknown tcp verb \"%1\" (try: serve, connect, lesson)").arg(verb));
}

int Cli::run(const Command& cmd)
{
    // Before any thread exists, so a SIGTERM cannot kill the process from a worker thread
    // before the command has closed its sockets.
    blockTerminationSignals();
    switch (cmd.kind) {
    case Command::Kind::Help:
        std::fputs(qPrintable(cmd.helpText), stdout);
        return 0;
    case Command::Kind::Version:
        std::printf("netstage %s\n", NETSTAGE_VERSION);
        return 0;
    case Command::Kind::UsageError:
        printErr(QStringLiteral("netstage: %1").arg(cmd.error));
        printErr(tr("Try 'netstage --help'."));
        return 2;
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

QString installTranslators(QCoreApplication* app, const QString& lang)
{
    QString use = lang;
    if (use.isEmpty())
        use = QLocale::system().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                       : QStringLiteral("en");
    QLocale::setDefault(QLocale(use));
    // A second call switches the language: the translators of the first go first (each
    // removal and installation posts a LanguageChange to every widget).
    static QList<QPointer<QTranslator>> installed;
    for (const QPointer<QTranslator>& t : std::as_const(installed)) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    installed.clear();
    auto* mine = new QTranslator(app);
    if (mine->load(QStringLiteral(":/i18n/netstage_%1.qm").arg(use)))
        app->installTranslator(mine);
    auto* qt = new QTranslator(app);
    if (qt->load(QLocale(use), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    installed << mine << qt;
    return use;
}

} // namespace netstage
