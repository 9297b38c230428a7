#pragma once

#include "core/cli/cli.h"

namespace netstage {

// `netstage ws serve|connect ...`: the WebSocket lab headless (listed in Cli::labModules()).
LabCli wsCli();

} // namespace netstage
