#pragma once

#include <QLineEdit>
#include <QString>

namespace netstage {

// LAN mode moves a server's address box from `from` to `to` (127.0.0.1 <-> the LAN address)
// where it still shows what the window put there (or "localhost"); an address the user typed
// stays. Every lab panel with a server box calls it from its setLanHost().
inline void followLanHost(QLineEdit* edit, const QString& from, const QString& to)
{
    if (edit &&
        (edit->text().trimmed() == from || edit->text().trimmed() == QLatin1String("localhost")))
        edit->setText(to);
}

} // namespace netstage
