// netstage: with no lab name it opens the window; `netstage <lab> <verb> ...` runs headless.
#include "core/cli/cli.h"
#include "core/cli/url_cli.h"
#include "core/net/loopback_loss.h"
#include "ui/common/app_settings.h"
#include "ui/ladder/ladder_painter.h"
#include "ui/lessons/slides_export.h"
#include "ui/shell/gui.h"
#include "ui/url/waterfall_chart.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unistd.h>

namespace {

QStringList argvList(int argc, char** argv)
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list << QString::fromLocal8Bit(argv[i]);
    return list;
}

// Qt's own options of a widgets application (-platform offscreen, -style fusion...) are taken
// by QApplication, not by our parser: left out when the command line is checked before it.
QStringList withoutQtOptions(const QStringList& args)
{
    static const QStringList withValue{
        QStringLiteral("-platform"),        QStringLiteral("-platformpluginpath"),
        QStringLiteral("-platformtheme"),   QStringLiteral("-plugin"),
        QStringLiteral("-style"),           QStringLiteral("-stylesheet"),
        QStringLiteral("-display"),         QStringLiteral("-geometry"),
        QStringLiteral("-qwindowgeometry"), QStringLiteral("-qwindowtitle"),
        QStringLiteral("-qwindowicon"),     QStringLiteral("-session")};
    QStringList out;
    for (int i = 0; i < args.size(); ++i) {
        if (withValue.contains(args[i])) {
            ++i;
            continue;
        }
        if (args[i] == QLatin1String("-reverse"))
            continue;
        out << args[i];
    }
    return out;
}

// While QApplication starts: a platform plugin that cannot start is fatal in Qt (abort, core
// dump). Say it in one sentence and exit 1 instead.
void fatalPlatformHandler(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "netstage: cannot open the window (no usable display). The labs "
                             "run without one, e.g. 'netstage tcp serve'.\n");
        std::fflush(stderr);
        std::_Exit(1);
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("NetStage"));
    QCoreApplication::setApplicationName(QStringLiteral("netstage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NETSTAGE_VERSION));
    // A netstage killed during a lossy lesson (SIGKILL) leaves its nftables table behind:
    // every start removes those of dead processes (only root can have made them).
    if (::geteuid() == 0)
        netstage::LoopbackLoss::removeStale();

    // A bad command line is said on the terminal, never answered with the window.
    const QStringList args = argvList(argc, argv);
    const bool badUsage =
        netstage::Cli::parse(withoutQtOptions(args)).kind == netstage::Command::Kind::UsageError;
    if (badUsage || netstage::Cli::isHeadless(argc, argv)) {
        // Headless, but drawing a diagram needs fonts and the waterfall a QCustomPlot widget:
        // a widgets application on the offscreen platform, no display required.
        std::unique_ptr<QCoreApplication> app;
        if (netstage::Cli::needsGui(argc, argv)) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            app = std::make_unique<QApplication>(argc, argv);
            netstage::Cli::setDiagramWriter(
                [](const netstage::Ladder& ladder, const QString& path, QString* error) {
                    netstage::LadderPainter::Options options;
                    return netstage::LadderPainter::writeImage(ladder, options, path, error);
                });
            netstage::setWaterfallWriter([](const std::vector<netstage::Event>& events,
                                            const QString& path, QString* error) {
                return netstage::WaterfallChart::writeImage(events, path, error);
            });
            netstage::Cli::setSlidesWriter([](const std::vector<netstage::Event>& events,
                                              const netstage::Ladder& ladder, const QString& lesson,
                                              const QString& dir, QString* error) {
                return netstage::SlidesExport::exportLesson(events, ladder, lesson, dir, error);
            });
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        netstage::installTranslators(app.get(), netstage::Cli::langFromArgv(argc, argv));
        return netstage::Cli::run(netstage::Cli::parse(app->arguments()));
    }

    // The window needs a display; without one QApplication would abort with a core dump.
    if (!netstage::Cli::windowUnavailable(args).isEmpty()) {
        QCoreApplication app(argc, argv); // for the translators: the sentence follows --lang
        netstage::installTranslators(&app, netstage::Cli::langFromArgv(argc, argv));
        std::fprintf(stderr, "%s\n", qPrintable(netstage::Cli::windowUnavailable(args)));
        return 1;
    }
    const QtMessageHandler previous = qInstallMessageHandler(fatalPlatformHandler);
    QApplication app(argc, argv);
    qInstallMessageHandler(previous);
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/netstage.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.netstage.NetStage"));
    const netstage::Command cmd = netstage::Cli::parse(app.arguments());
    if (cmd.kind == netstage::Command::Kind::UsageError) {
        std::fprintf(stderr, "netstage: %s\n", qPrintable(cmd.error));
        return 2;
    }
    // --lang first, then the language chosen in the menu last time, then the system's.
    // Screenshots ignore what was remembered, so they come out the same everywhere.
    QString lang = cmd.lang;
    if (lang.isEmpty() && cmd.screenshot.isEmpty())
        lang = netstage::AppSettings::language();
    const QString used = netstage::installTranslators(&app, lang);
    return netstage::runGui(app, netstage::GuiOptions{cmd.screenshot, cmd.view}, used);
}
