#pragma once

#include "core/cli/cli.h"

class QApplication;

namespace netstage {

// Opens the main window (or, with cmd.screenshot, writes a PNG of cmd.view and exits).
// `language` is the one installTranslators() put in place.
int runGui(QApplication& app, const Command& cmd, const QString& language);

} // namespace netstage
