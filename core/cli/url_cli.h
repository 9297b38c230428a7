#pragma once

#include "core/base/event.h"
#include "core/cli/cli.h"

#include <functional>
#include <vector>

namespace netstage {

// `netstage url [URL] ...`: the URL walk headless (listed in Cli::labModules()).
LabCli urlCli();

// Draws the waterfall of a walk (one row per `response` or `error` event of the walk's
// HttpClient, "url-client-N") into an image file (PNG or SVG by extension). The GUI library
// provides it (app/main.cpp sets it when the command needs a GUI); core has no painter.
// Without one, --waterfall fails with a clear message.
using WaterfallWriter =
    std::function<bool(const std::vector<Event>& events, const QString& path, QString* error)>;
void setWaterfallWriter(WaterfallWriter writer);
bool hasWaterfallWriter();

} // namespace netstage
