#pragma once

#include "core/cli/cli.h"

namespace netstage {

// `netstage https ca|serve|get ...`: the HTTPS lab headless (listed in Cli::labModules()).
LabCli httpsCli();

} // namespace netstage
