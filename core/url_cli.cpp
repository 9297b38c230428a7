#include "url_cli.h"

#include "cli_support.h"

namespace netstage {

namespace {
WaterfallWriter& waterfallWriter()
{
    static WaterfallWriter writer;
    return writer;
}
} // namespace

void setWaterfallWriter(WaterfallWriter writer)
{
    waterfallWriter() = std::move(writer);
}

bool hasWaterfallWriter()
{
    return bool(waterfallWriter());
}

LabCli urlCli()
{
    LabCli m;
    m.name = QStringLiteral("url");
    m.summary = Cli::tr("what happens after you type a URL: DNS, TCP, HTTP, sub-resources");
    m.help = [] {
        return Cli::tr("Usage: netstage url [URL] [--visits N] [--step-delay MS] [--waterfall "
                       "FILE.png] [--events FILE|-]\n");
    };
    m.run = [](const QStringList&) {
        printErr(Cli::tr("the URL walk is not built yet"));
        return 1;
    };
    return m;
}

} // namespace netstage
