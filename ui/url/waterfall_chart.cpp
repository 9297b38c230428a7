#include "ui/url/waterfall_chart.h"

#include "ui/url/url_step_model.h"

#include <QApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QPainter>
#include <QSvgGenerator>
#include <QUrl>
#include <qcustomplot.h>

namespace netstage {

namespace {
const QString kHttp = QStringLiteral("http");
const QString kResponse = QStringLiteral("response");
const QString kRequest = QStringLiteral("request");

QString elideMiddle(const QString& s, int max)
{
    if (s.size() <= max)
        return s;
    const int keep = (max - 1) / 2;
    return s.left(keep) + QStringLiteral("…") + s.right(max - 1 - keep);
}

} // namespace

WaterfallChart::WaterfallChart(QWidget* parent) : HttpTimingChart(parent)
{
    setObjectName(QStringLiteral("urlWaterfall"));
    setMaxRows(0); // a walk is a few dozen requests: keep them all
    setHeightRange(160, 520);
    setTimeAxisLabel(tr("milliseconds since the walk began"));
}

bool WaterfallChart::isRequestEvent(const Event& e)
{
    return e.proto == kHttp && (e.event == kResponse || e.event == ev::Error) &&
           e.socket.startsWith(QLatin1String("url-")) &&
           e.extra.contains(QLatin1String("exchange"));
}

bool WaterfallChart::Cursor::take(const Event& e, Row* row)
{
    if (e.proto == QLatin1String("url") && e.event == QLatin1String("step")) {
        if (originUs < 0)
            originUs = e.t_us;
        visit = e.extra.value(QLatin1String("visit")).toInt(visit);
        visits = qMax(visits, visit);
        return false;
    }
    if (!e.socket.startsWith(QLatin1String("url-")))
        return false;
    const int exchange = e.extra.value(QLatin1String("exchange")).toInt();
    if (e.proto == kHttp && e.event == kRequest) {
        if (originUs < 0)
            originUs = e.t_us;
        requestUs.insert(exchange, e.t_us);
        return false;
    }
    if (!isRequestEvent(e))
        return false;

    const QString url = e.extra.value(QLatin1String("url")).toString();
    const bool ok = e.event == kResponse;
    const QJsonObject t = e.extra.value(QLatin1String("timing")).toObject();
    const qint64 totalUs = t.value(QLatin1String("total_us")).toInteger();
    const qint64 startUs = ok ? e.t_us - totalUs : requestUs.value(exchange, e.t_us);
    if (originUs < 0)
        originUs = startUs;
    Row r;
    r.startMs = qMax<qint64>(0, startUs - originUs) / 1000.0;
    if (ok) {
        static const char* const keys[kPhases] = {"queued_us", "dns_us",  "connect_us",
                                                  "send_us",   "wait_us", "download_us"};
        for (int i = 0; i < kPhases; ++i)
            r.ms[i] = t.value(QLatin1String(keys[i])).toInteger() / 1000.0;
        r.pausedMs = t.value(QLatin1String("paused_us")).toInteger() / 1000.0;
        r.totalMs = totalUs / 1000.0;
    } else {
        r.totalMs = (e.t_us - startUs) / 1000.0;
        r.problem = e.detail;
    }
    const QString status = ok ? QString::number(e.extra.value(QLatin1String("status")).toInt())
                              : (e.code.isEmpty() ? tr("error") : e.code);
    const QString where = elideMiddle(UrlStepModel::hostAndPath(url), 34);
    r.label = visit > 1 ? tr("visit %1 · %2 %3").arg(visit).arg(status, where)
                        : QStringLiteral("%1 %2").arg(status, where);
    r.title = tr("#%1 %2 %3 (over %4)").arg(exchange).arg(status, url, e.socket);
    *row = r;
    return true;
}

QVector<HttpTimingChart::Row> WaterfallChart::rowsFromEvents(const std::vector<Event>& events)
{
    QVector<Row> rows;
    Cursor c;
    for (const Event& e : events) {
        Row r;
        if (c.take(e, &r))
            rows.append(r);
    }
    return rows;
}

void WaterfallChart::setEvents(const std::vector<Event>& events)
{
    cursor_ = Cursor();
    QVector<Row> rows;
    for (const Event& e : events) {
        Row r;
        if (cursor_.take(e, &r))
            rows.append(r);
    }
    setRows(rows);
}

void WaterfallChart::addEvent(const Event& e)
{
    Row r;
    if (cursor_.take(e, &r))
        addRow(r);
}

void WaterfallChart::reset()
{
    cursor_ = Cursor();
    setRows({});
}

bool WaterfallChart::writeImage(const std::vector<Event>& events, const QString& path,
                                QString* error, int width)
{
    if (!qobject_cast<QApplication*>(QCoreApplication::instance())) {
        if (error)
            *error = tr("drawing the waterfall needs the GUI library (a QApplication)");
        return false;
    }
    const QVector<Row> rows = rowsFromEvents(events);
    if (rows.isEmpty()) {
        if (error)
            *error = tr("the walk made no request, so there is no waterfall to draw");
        return false;
    }
    WaterfallChart chart;
    chart.setRows(rows);
    QCustomPlot* plot = chart.plot();
    // A title row above the plot: what was walked and how long it took.
    double endMs = 0;
    for (const Row& r : rows) {
        double sum = r.startMs + r.pausedMs;
        for (double ms : r.ms)
            sum += ms;
        endMs = qMax(endMs, sum);
    }
    plot->plotLayout()->insertRow(0);
    auto* title =
        new QCPTextElement(plot,
                           tr("The walk's waterfall: %n request(s), the last one done at %1 ms",
                              nullptr, int(rows.size()))
                               .arg(endMs, 0, 'f', 2),
                           QFont(chart.font().family(), 12, QFont::Bold));
    plot->plotLayout()->addElement(0, 0, title);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    const int height = 110 + 26 * int(rows.size());
    bool ok;
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(QSize(width, height));
        svg.setViewBox(QRect(0, 0, width, height));
        svg.setTitle(title->text());
        QCPPainter painter;
        ok = painter.begin(&svg);
        if (ok) {
            plot->toPainter(&painter, width, height);
            ok = painter.end();
        }
    } else {
        ok = plot->savePng(path, width, height, 1.0);
    }
    if (!ok && error)
        *error = tr("cannot write %1").arg(QFileInfo(path).absoluteFilePath());
    return ok;
}

} // namespace netstage
