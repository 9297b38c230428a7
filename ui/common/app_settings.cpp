#include "ui/common/app_settings.h"

#include <QAbstractSlider>
#include <QFileInfo>
#include <QSettings>
#include <QSpinBox>
#include <QWidget>

namespace netstage::AppSettings {

namespace {

const QString kLanguage = QStringLiteral("language");
const QString kLastView = QStringLiteral("window/lastView");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kRecent = QStringLiteral("recentFiles");

bool remembered(const QString& objectName)
{
    return objectName.endsWith(QLatin1String("PortSpin")) ||
           objectName == QLatin1String("speedSlider");
}

} // namespace

QString language()
{
    const QString lang = QSettings().value(kLanguage).toString();
    return lang == QLatin1String("zh_CN") || lang == QLatin1String("en") ? lang : QString();
}

void setLanguage(const QString& lang)
{
    QSettings().setValue(kLanguage, lang);
}

QString lastView()
{
    return QSettings().value(kLastView).toString();
}

void setLastView(const QString& view)
{
    QSettings().setValue(kLastView, view);
}

QByteArray windowGeometry()
{
    return QSettings().value(kGeometry).toByteArray();
}

void setWindowGeometry(const QByteArray& geometry)
{
    QSettings().setValue(kGeometry, geometry);
}

QStringList recentFiles()
{
    QStringList files = QSettings().value(kRecent).toStringList();
    // Gone files drop out; resources (":/recordings/...") stay.
    files.removeIf([](const QString& f) { return !QFileInfo::exists(f); });
    return files.mid(0, kMaxRecentFiles);
}

void addRecentFile(const QString& path)
{
    QSettings s;
    QStringList files = s.value(kRecent).toStringList();
    const QString abs =
        path.startsWith(QLatin1Char(':')) ? path : QFileInfo(path).absoluteFilePath();
    files.removeAll(abs);
    files.prepend(abs);
    s.setValue(kRecent, files.mid(0, kMaxRecentFiles));
}

void removeRecentFile(const QString& path)
{
    QSettings s;
    QStringList files = s.value(kRecent).toStringList();
    files.removeAll(path);
    s.setValue(kRecent, files);
}

void clearRecentFiles()
{
    QSettings().remove(kRecent);
}

QVariant value(const QString& key, const QVariant& fallback)
{
    return QSettings().value(key, fallback);
}

void setValue(const QString& key, const QVariant& value)
{
    QSettings().setValue(key, value);
}

QVariantHash controlValues(const QWidget* root)
{
    QVariantHash values;
    for (const QSpinBox* spin : root->findChildren<QSpinBox*>()) {
        if (remembered(spin->objectName()))
            values.insert(spin->objectName(), spin->value());
    }
    for (const QAbstractSlider* slider : root->findChildren<QAbstractSlider*>()) {
        if (remembered(slider->objectName()))
            values.insert(slider->objectName(), slider->value());
    }
    return values;
}

void setControlValues(QWidget* root, const QVariantHash& values)
{
    for (QSpinBox* spin : root->findChildren<QSpinBox*>()) {
        const QVariant v = values.value(spin->objectName());
        if (remembered(spin->objectName()) && v.isValid() && spin->isEnabled())
            spin->setValue(v.toInt());
    }
    for (QAbstractSlider* slider : root->findChildren<QAbstractSlider*>()) {
        const QVariant v = values.value(slider->objectName());
        if (remembered(slider->objectName()) && v.isValid())
            slider->setValue(v.toInt());
    }
}

void saveControls(const QString& view, const QWidget* root)
{
    QSettings s;
    s.beginGroup(QStringLiteral("controls/%1").arg(view));
    const QVariantHash values = controlValues(root);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        s.setValue(it.key(), it.value());
    s.endGroup();
}

void restoreControls(const QString& view, QWidget* root)
{
    QSettings s;
    QVariantHash values;
    s.beginGroup(QStringLiteral("controls/%1").arg(view));
    for (const QString& key : s.childKeys())
        values.insert(key, s.value(key));
    s.endGroup();
    setControlValues(root, values);
}

} // namespace netstage::AppSettings
