// netstage: with no lab name it opens the window; `netstage <lab> <verb> ...` runs headless.
#include "core/cli/cli.h"
#include "core/cli/url_cli.h"
#include "ui/common/app_settings.h"
#include "ui/ladder/ladder_painter.h"
#include "ui/lessons/slides_export.h"
#include "ui/shell/gui.h"
#include "ui/states/tcp_state_diagram.h"
#include "ui/url/waterfall_chart.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>
#include <cstdio>
#include <memory>

int main(int argc, char** argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("NetStage"));
    QCoreApplication::setApplicationName(QStringLiteral("netstage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NETSTAGE_VERSION));

    if (netstage::Cli::isHeadless(argc, argv)) {
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
            netstage::Cli::setStatesWriter(
                [](const netstage::Ladder& ladder, const QString& path, QString* error) {
                    netstage::TcpStateDiagram::Options options;
                    return netstage::TcpStateDiagram::writeImage(ladder, options, path, error);
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

    QApplication app(argc, argv);
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
    return netstage::runGui(app, cmd, used);
}
