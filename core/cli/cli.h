#pragma once

#include "core/base/translators.h" // installTranslators, for the commands
#include "core/ladder/ladder.h"
#include "core/tcp/tcp_lab.h"

#include <QCoreApplication>
#include <QStringList>
#include <functional>
#include <vector>

namespace netstage {

// The command line of the one `netstage` binary: no lab name opens the window; a lab name runs
// the same core headless and streams events as JSON Lines.
struct Command
{
    enum class Kind
    {
        Gui,
        Help,
        Version,
        TcpServe,
        TcpConnect,
        TcpLesson,
        LabModule,
        UsageError
    };
    Kind kind = Kind::Gui;

    // Global
    QString lang;       // --lang zh_CN|en ("" = system locale)
    QString screenshot; // --screenshot FILE (GUI)
    QString view;       // --view tcp (GUI)
    QString helpText;   // Kind::Help: what to print
    QString error;      // Kind::UsageError: one line

    // tcp serve / connect
    QString events; // --events FILE or "-" (stdout)
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8124;
    bool portGiven = false;
    TcpPreset preset = TcpPreset::Seed;
    double forSeconds = -1; // serve: run this long, then close cleanly (-1: until a signal)
    QStringList sends;      // connect: --send TEXT...
    bool hex = false;       // connect: --send values are hex ("48 65 6c")
    QString then = QStringLiteral("close"); // connect: half-close | close | abort
    int waitMs = 500;                       // connect: wait for replies after each step
    bool quiet = false;                     // --quiet: no people-readable lines

    // Another lab's command (udp, ws, http...): its name and its arguments after the name.
    QString lab;
    QStringList labArgs;

    // tcp lesson
    QString lesson;                                // NAME
    bool listLessons = false;                      // --list
    int stepDelayMs = 400;                         // --step-delay MS: pause before each step
    QString diagram;                               // --diagram FILE.png|FILE.svg
    QString record;                                // --record FILE: a recording with header
    QString slides;                                // --slides DIR: one PNG per step + index
    QString ladderSource = QStringLiteral("wire"); // --source wire|model
    int lossPercent = 0; // --loss PERCENT: real TCP loss (nftables, root) and UDP relay loss
    QString pcap;        // --pcap FILE: the capture as pcapng
};

// A lab's command-line module: `netstage <name> ...` runs run(args after the name) and
// returns the exit code (0 ok, 1 runtime failure, 2 bad usage, printing one line). Modules are
// listed in cli.cpp (labModules()).
struct LabCli
{
    QString name;
    QString summary; // one line for `netstage --help`
    std::function<QString()> help;
    std::function<int(const QStringList& args)> run;
};

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(netstage::Cli)
public:
    // args as QCoreApplication::arguments() gives them (program name first).
    static Command parse(const QStringList& args);
    // True when argv names a headless command (or --help/--version), so main() can pick
    // QCoreApplication instead of QApplication before any of them exists.
    static bool isHeadless(int argc, char** argv);
    // The language asked for with --lang, read straight from argv (before parsing).
    static QString langFromArgv(int argc, char** argv);
    // Why the window cannot open here, as one sentence for stderr ("" when it can): no
    // display for the platform Qt would use. Checked before QApplication exists, because
    // QApplication aborts (core dump) without one. args: argv as strings.
    static QString windowUnavailable(const QStringList& args);
    static QString mainHelp();
    static QString tcpHelp();
    // Draws a ladder into an image file (PNG or SVG by extension). The GUI library provides
    // it; core has no painter. Without one, --diagram fails with a clear message.
    using DiagramWriter =
        std::function<bool(const Ladder& ladder, const QString& path, QString* error)>;
    static void setDiagramWriter(DiagramWriter writer);
    // Draws with the writer set above; false (and *error) without one or when it fails.
    static bool drawDiagram(const Ladder& ladder, const QString& path, QString* error);
    // Writes a lesson's slides (one PNG per step and an index.html) into a folder; returns how
    // many, or -1 with *error set. Provided by the GUI library, like the diagram writer.
    using SlidesWriter =
        std::function<int(const std::vector<Event>& events, const Ladder& ladder,
                          const QString& lesson, const QString& dir, QString* error)>;
    static void setSlidesWriter(SlidesWriter writer);
    // True when the command needs a QGuiApplication (it renders a diagram or slides).
    static bool needsGui(int argc, char** argv);
    // Runs a headless command in the current QCoreApplication; returns the exit code
    // (0 ok, 1 runtime failure, 2 usage).
    static int run(const Command& cmd);
    static std::vector<LabCli> labModules();
};

} // namespace netstage
