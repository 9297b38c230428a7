#pragma once

#include <QString>

class QCoreApplication;

namespace netstage {

// Installs the NetStage and Qt translators for "zh_CN", "en" or the system locale (""), and
// makes that language the default locale. A second call switches the language: every widget
// gets a LanguageChange. Returns the language in use. Used by main(), the window's language
// menu, the headless commands and the tests.
QString installTranslators(QCoreApplication* app, const QString& lang);

} // namespace netstage
