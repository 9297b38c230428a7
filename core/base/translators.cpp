#include "core/base/translators.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QList>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace netstage {

QString installTranslators(QCoreApplication* app, const QString& lang)
{
    QString use = lang;
    if (use.isEmpty())
        use = QLocale::system().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                       : QStringLiteral("en");
    QLocale::setDefault(QLocale(use));
    // A second call switches the language: the translators of the first go first (each
    // removal and installation posts a LanguageChange to every widget).
    static QList<QPointer<QTranslator>> installed;
    for (const QPointer<QTranslator>& t : std::as_const(installed)) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    installed.clear();
    auto* mine = new QTranslator(app);
    if (mine->load(QStringLiteral(":/i18n/netstage_%1.qm").arg(use)))
        app->installTranslator(mine);
    auto* qt = new QTranslator(app);
    if (qt->load(QLocale(use), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    installed << mine << qt;
    return use;
}

} // namespace netstage
