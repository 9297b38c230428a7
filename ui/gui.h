#pragma once

#include "cli.h"

class QApplication;

namespace netstage {

// Opens the main window (or, with cmd.screenshot, writes a PNG of cmd.view and exits).
int runGui(QApplication& app, const Command& cmd);

} // namespace netstage
