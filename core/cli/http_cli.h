#pragma once

#include "core/cli/cli.h"

namespace netstage {

// `netstage http serve|get ...`: the HTTP lab headless (listed in Cli::labModules()).
LabCli httpCli();

// Parses "example.test:127.0.0.1" (or curl's "example.test:8080:127.0.0.1") for --resolve.
bool parseResolve(const QString& text, QString* host, QString* address);

} // namespace netstage
