#pragma once

#include <QString>

class QApplication;

namespace netstage {

// What the command line asks of the window: nothing (open it), or a screenshot of a view.
struct GuiOptions
{
    QString screenshot; // --screenshot FILE: let the view settle, write a PNG, exit
    QString view;       // --view NAME for the screenshot ("tcp" when empty)
};

// Opens the main window (or, with options.screenshot, writes a PNG of options.view and exits).
// `language` is the one installTranslators() put in place.
int runGui(QApplication& app, const GuiOptions& options, const QString& language);

} // namespace netstage
