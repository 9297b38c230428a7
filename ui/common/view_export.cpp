#include "ui/common/view_export.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>
#include <QtConcurrent>

namespace netstage {

QImage ViewExport::renderImage(QWidget* view)
{
    const qreal dpr = view->devicePixelRatioF();
    QImage image(view->size() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(view->palette().color(QPalette::Window));
    view->render(&image);
    return image;
}

QByteArray ViewExport::renderSvg(QWidget* view, const QString& title)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(view->size());
    svg.setViewBox(QRect(QPoint(0, 0), view->size()));
    svg.setTitle(title);
    svg.setDescription(
        QCoreApplication::translate("netstage::ViewExport", "Exported from NetStage."));
    {
        QPainter painter(&svg);
        painter.fillRect(QRect(QPoint(0, 0), view->size()),
                         view->palette().color(QPalette::Window));
        view->render(&painter);
    }
    return buffer.data();
}

QString ViewExport::writeFile(const QString& path, const QByteArray& data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("netstage::ViewExport", "cannot write %1: %2")
            .arg(path, file.errorString());
    if (file.write(data) != data.size() || !file.commit())
        return QCoreApplication::translate("netstage::ViewExport", "cannot write %1: %2")
            .arg(path, file.errorString());
    return {};
}

QString ViewExport::writePng(const QString& path, const QImage& image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return QCoreApplication::translate("netstage::ViewExport",
                                           "the picture could not be encoded as PNG");
    return writeFile(path, png);
}

ViewExport* ViewExport::start(QWidget* view, const QString& path, QObject* parent, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg")) {
        *error = QCoreApplication::translate("netstage::ViewExport",
                                             "the file name must end in .png or .svg");
        return nullptr;
    }
    if (!view || view->size().isEmpty()) {
        *error = QCoreApplication::translate("netstage::ViewExport", "there is no view to export");
        return nullptr;
    }
    auto* job = new ViewExport(parent);
    auto* watcher = new QFutureWatcher<QString>(job);
    connect(watcher, &QFutureWatcherBase::finished, job, [job, watcher] {
        emit job->finished(watcher->result());
        job->deleteLater();
    });
    if (suffix == QLatin1String("png")) {
        const QImage image = renderImage(view);
        watcher->setFuture(QtConcurrent::run([path, image] { return writePng(path, image); }));
    } else {
        const QByteArray svg = renderSvg(
            view, view->windowTitle().isEmpty() ? QStringLiteral("NetStage") : view->windowTitle());
        watcher->setFuture(QtConcurrent::run([path, svg] { return writeFile(path, svg); }));
    }
    return job;
}

} // namespace netstage
