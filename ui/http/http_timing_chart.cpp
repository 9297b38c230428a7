#include "ui/http/http_timing_chart.h"

#include "core/http/http_client.h"
#include "ui/common/stage_colors.h"

#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>

namespace netstage {

QString HttpTimingChart::phaseName(int phase)
{
    switch (phase) {
    case 0:
        return tr("Queued");
    case 1:
        return tr("DNS lookup");
    case 2:
        return tr("Initial connection");
    case 3:
        return tr("Request sent");
    case 4:
        return tr("Waiting (TTFB)");
    case 5:
        return tr("Content download");
    default:
        return {};
    }
}

HttpTimingChart::HttpTimingChart(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setMinimumHeight(140);
    plot_->xAxis->setLabel(tr("milliseconds since the request started"));
    plot_->yAxis->setRangeReversed(true); // first request on top, like a waterfall
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot_->yAxis->grid()->setVisible(false);
    // The invisible base of each stack: the time before the request began.
    offset_ = new QCPBars(plot_->yAxis, plot_->xAxis);
    offset_->setPen(Qt::NoPen);
    offset_->setBrush(Qt::NoBrush);
    offset_->setWidth(0.6);
    offset_->setSelectable(QCP::stNone);
    QCPBars* below = offset_;
    for (int i = 0; i < kPhases; ++i) {
        auto* b = new QCPBars(plot_->yAxis, plot_->xAxis);
        b->setName(phaseName(i));
        b->setPen(Qt::NoPen);
        b->setBrush(StageColors::timingPhase(i));
        b->setWidth(0.6);
        if (below)
            b->moveAbove(below);
        below = b;
        bars_.append(b);
    }
    // Time a teacher held the request (step mode) is a gap in the bar, not a phase: hatched,
    // stacked between the connection and the request, where the walk's pauses fall.
    paused_ = new QCPBars(plot_->yAxis, plot_->xAxis);
    paused_->setName(tr("Paused (step mode)"));
    paused_->setPen(Qt::NoPen);
    paused_->setBrush(QBrush(QColor(0x90, 0x90, 0x90), Qt::BDiagPattern));
    paused_->setWidth(0.6);
    paused_->moveAbove(bars_[2]);
    // The legend in a row of its own under the chart, so it never covers a bar.
    plot_->legend->setVisible(true);
    plot_->legend->removeItem(plot_->legend->itemWithPlottable(offset_));
    plot_->legend->removeItem(plot_->legend->itemWithPlottable(paused_));
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->plotLayout()->addElement(1, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(1, 0.001);
    plot_->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot_->legend->setWrap(kPhases);
    plot_->legend->setBorderPen(Qt::NoPen);
    applyFonts();
    plot_->setMouseTracking(true);
    connect(plot_, &QCustomPlot::mouseMove, this, &HttpTimingChart::onMouseMove);
    rebuild();
}

void HttpTimingChart::applyFonts()
{
    // QCustomPlot keeps the fonts it was given: follow the widget's (zoom, presentation).
    const QFont f = font();
    QFont small = f;
    small.setPointSizeF(f.pointSizeF() * 0.85);
    plot_->legend->setFont(small);
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setTickLabelFont(small);
        axis->setLabelFont(f);
    }
    updateLegendWrap();
}

void HttpTimingChart::updateLegendWrap()
{
    // As many entries per row as fit whole (the longest name decides), in even rows.
    const int entries = plot_->legend->itemCount();
    if (entries == 0)
        return;
    const QFontMetrics fm(plot_->legend->font());
    int longest = 0;
    for (int i = 0; i < kPhases; ++i)
        longest = std::max(longest, fm.horizontalAdvance(phaseName(i)));
    longest = std::max(longest, fm.horizontalAdvance(paused_->name()));
    const int perEntry = longest + plot_->legend->iconSize().width() + 24;
    const int fit = std::clamp(std::max(1, width() - 16) / perEntry, 1, entries);
    const int rows = (entries + fit - 1) / fit;
    const int wrap = (entries + rows - 1) / rows;
    if (wrap != plot_->legend->wrap()) {
        plot_->legend->setWrap(wrap);
        plot_->legend->setFillOrder(QCPLegend::foColumnsFirst, true); // lay them out again
    }
}

void HttpTimingChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange) {
        applyFonts();
        plot_->replot(QCustomPlot::rpQueuedReplot);
    }
    QWidget::changeEvent(event);
}

void HttpTimingChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateLegendWrap();
}

void HttpTimingChart::addExchange(const HttpExchange& x)
{
    Row r;
    const HttpTiming& t = x.timing;
    const qint64 us[kPhases] = {t.queuedUs, t.dnsUs, t.connectUs, t.sendUs, t.waitUs, t.downloadUs};
    for (int i = 0; i < kPhases; ++i)
        r.ms[i] = x.ok ? us[i] / 1000.0 : 0.0;
    r.pausedMs = x.ok ? t.pausedUs / 1000.0 : 0.0;
    r.totalMs = t.totalUs / 1000.0;
    if (!x.ok)
        r.problem = x.error;
    QString path = x.request.url.path();
    if (path.isEmpty())
        path = QStringLiteral("/");
    if (path.size() > 22)
        path = path.left(10) + QStringLiteral("…") + path.right(10);
    r.label = QStringLiteral("#%1 %2 %3 %4")
                  .arg(x.id)
                  .arg(x.ok ? QString::number(x.response.status) : x.errorCode)
                  .arg(x.request.url.host(), path);
    addRow(r);
}

void HttpTimingChart::addRow(const Row& row)
{
    rows_.append(row);
    if (maxRows_ > 0 && rows_.size() > maxRows_)
        rows_.remove(0, rows_.size() - maxRows_);
    rebuild();
}

void HttpTimingChart::setRows(const QVector<Row>& rows)
{
    rows_ = rows;
    if (maxRows_ > 0 && rows_.size() > maxRows_)
        rows_.remove(0, rows_.size() - maxRows_);
    rebuild();
}

void HttpTimingChart::setMaxRows(int n)
{
    maxRows_ = qMax(0, n);
}

void HttpTimingChart::setTimeAxisLabel(const QString& text)
{
    plot_->xAxis->setLabel(text);
}

void HttpTimingChart::setHeightRange(int minHeight, int maxHeight)
{
    minHeight_ = minHeight;
    maxHeight_ = qMax(minHeight, maxHeight);
    rebuild();
}

void HttpTimingChart::clear()
{
    rows_.clear();
    rebuild();
}

QString HttpTimingChart::rowDetails(int row) const
{
    if (row < 0 || row >= rows_.size())
        return {};
    const Row& r = rows_[row];
    QString text = (r.title.isEmpty() ? r.label : r.title) + QLatin1Char('\n');
    if (!r.problem.isEmpty())
        text += r.problem + QLatin1Char('\n');
    if (r.startMs > 0)
        text += tr("Started at %1 ms").arg(r.startMs, 0, 'f', 3) + QLatin1Char('\n');
    for (int i = 0; i < kPhases; ++i)
        text += tr("%1: %2 ms").arg(phaseName(i)).arg(r.ms[i], 0, 'f', 3) + QLatin1Char('\n');
    if (r.pausedMs > 0)
        text += tr("Paused by the step mode: %1 ms (not part of any phase)")
                    .arg(r.pausedMs, 0, 'f', 3) +
                QLatin1Char('\n');
    text += tr("Total: %1 ms").arg(r.totalMs, 0, 'f', 3);
    return text;
}

void HttpTimingChart::rebuild()
{
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot_->yAxis->ticker());
    ticker->clear();
    QVector<double> keys;
    QVector<double> starts;
    QVector<double> paused;
    QVector<double> values[kPhases];
    double maxTotal = 0;
    for (int row = 0; row < rows_.size(); ++row) {
        keys.append(row);
        starts.append(rows_[row].startMs);
        paused.append(rows_[row].pausedMs);
        ticker->addTick(row, rows_[row].label);
        double sum = rows_[row].startMs + rows_[row].pausedMs;
        for (int i = 0; i < kPhases; ++i) {
            values[i].append(rows_[row].ms[i]);
            sum += rows_[row].ms[i];
        }
        maxTotal = qMax(maxTotal, sum);
    }
    offset_->setData(keys, starts, true);
    paused_->setData(keys, paused, true);
    // Only pauses one can see: the walk's own hops between phases take microseconds.
    const bool anyPaused =
        std::any_of(paused.cbegin(), paused.cend(), [](double v) { return v >= 0.05; });
    if (anyPaused != plot_->legend->hasItemWithPlottable(paused_)) {
        if (anyPaused)
            paused_->addToLegend();
        else
            paused_->removeFromLegend();
        updateLegendWrap();
    }
    for (int i = 0; i < kPhases; ++i)
        bars_[i]->setData(keys, values[i], true);
    plot_->yAxis->setRange(-0.6, qMax(3.0, rows_.size() - 0.4));
    // One readable line per request: grow with the rows (up to a point, then it scrolls by zoom).
    plot_->setMinimumHeight(qBound(minHeight_, 70 + 22 * int(rows_.size()), maxHeight_));
    plot_->xAxis->setRange(0, maxTotal > 0 ? maxTotal * 1.08 : 1.0);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void HttpTimingChart::onMouseMove(QMouseEvent* e)
{
    const double y = plot_->yAxis->pixelToCoord(e->position().y());
    const int row = qRound(y);
    if (row < 0 || row >= rows_.size() || qAbs(y - row) > 0.35) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(e->globalPosition().toPoint(), rowDetails(row), plot_);
}

} // namespace netstage
