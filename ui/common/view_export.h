#pragma once

#include <QByteArray>
#include <QImage>
#include <QObject>
#include <QString>

class QWidget;

namespace netstage {

// "Export view as PNG/SVG": the widget is drawn on the GUI thread (widgets can only be painted
// there), the finished picture is encoded and written by a worker thread, so a slow disk never
// freezes the window. PNG is a pixel copy at the screen's resolution; SVG keeps what the widget
// paints as vectors (text, lines, the ladder's arrows) where Qt can.
class ViewExport : public QObject
{
    Q_OBJECT
public:
    // Renders `view` now and starts writing `path` (.png or .svg, by extension). Returns the
    // job (parented to `parent`, deleted after finished) or nullptr with *error set.
    static ViewExport* start(QWidget* view, const QString& path, QObject* parent, QString* error);

    // The pieces, for tests and the slides: a pixel copy, an SVG document, and a file write
    // (atomic: a failed write leaves no half file) that is safe on any thread.
    static QImage renderImage(QWidget* view);
    static QByteArray renderSvg(QWidget* view, const QString& title);
    static QString writeFile(const QString& path, const QByteArray& data); // "" or the error
    static QString writePng(const QString& path, const QImage& image);     // "" or the error

signals:
    void finished(const QString& error); // empty on success

private:
    explicit ViewExport(QObject* parent) : QObject(parent) {}
};

} // namespace netstage
