#pragma once

#include <QStringList>
#include <QVariant>

class QWidget;

namespace netstage {

// What NetStage remembers between runs (QSettings: ~/.config/NetStage/netstage.conf): the
// language, the last lab shown, the window's geometry, recent recordings, the theme, the
// presentation scale, the playback speed and the server ports typed into the panels.
namespace AppSettings {

QString language(); // "zh_CN", "en" or "" (never chosen: follow the system)
void setLanguage(const QString& lang);

QString lastView();
void setLastView(const QString& view);

QByteArray windowGeometry();
void setWindowGeometry(const QByteArray& geometry);

constexpr int kMaxRecentFiles = 8;
QStringList recentFiles(); // newest first, existing files only
void addRecentFile(const QString& path);
void removeRecentFile(const QString& path);
void clearRecentFiles();

// Any other value by key ("theme", "presentation/scale", ...).
QVariant value(const QString& key, const QVariant& fallback = {});
void setValue(const QString& key, const QVariant& value);

// The value of every named spin box and slider under `root` whose object name says what it
// holds (…PortSpin, speedSlider), kept per view: saved on quit, restored on start.
void saveControls(const QString& view, const QWidget* root);
// The same values in memory (object name -> value), e.g. across a rebuild of the window.
QVariantHash controlValues(const QWidget* root);
void setControlValues(QWidget* root, const QVariantHash& values);
void restoreControls(const QString& view, QWidget* root);

} // namespace AppSettings

} // namespace netstage
