// netstage: with no lab name it opens the window; `netstage <lab> <verb> ...` runs headless.
#include "cli.h"
#include "gui.h"

#include <QApplication>
#include <QCoreApplication>
#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("NetStage"));
    QCoreApplication::setApplicationName(QStringLiteral("netstage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NETSTAGE_VERSION));

    if (netstage::Cli::isHeadless(argc, argv)) {
        QCoreApplication app(argc, argv);
        netstage::installTranslators(&app, netstage::Cli::langFromArgv(argc, argv));
        return netstage::Cli::run(netstage::Cli::parse(app.arguments()));
    }

    QApplication app(argc, argv);
    const netstage::Command cmd = netstage::Cli::parse(app.arguments());
    if (cmd.kind == netstage::Command::Kind::UsageError) {
        std::fprintf(stderr, "netstage: %s\n", qPrintable(cmd.error));
        return 2;
    }
    netstage::installTranslators(&app, cmd.lang);
    return netstage::runGui(app, cmd);
}
