#pragma once

#include <QVector>
#include <QWidget>

class QCPBars;
class QCustomPlot;
class QMouseEvent;

namespace netstage {

struct HttpExchange;

// One horizontal bar per request, split into the phases the browser's Network tab and curl's
// -w name: queued, DNS lookup, initial connection, request sent, waiting (TTFB), content
// download. Newest at the bottom; hovering a bar shows its exact times.
class HttpTimingChart : public QWidget
{
    Q_OBJECT
public:
    explicit HttpTimingChart(QWidget* parent = nullptr);

    void addExchange(const HttpExchange& x);
    void clear();
    int rowCount() const { return rows_.size(); }
    QCustomPlot* plot() const { return plot_; }
    // The text the tooltip shows for a row (exact phase times).
    QString rowDetails(int row) const;
    static constexpr int kPhases = 6;
    static constexpr int kMaxRows = 24;
    static QString phaseName(int phase);

private:
    struct Row
    {
        QString label;
        double ms[kPhases];
        double totalMs;
    };
    void rebuild();
    void onMouseMove(QMouseEvent* e);

    QCustomPlot* plot_;
    QVector<QCPBars*> bars_;
    QVector<Row> rows_;
};

} // namespace netstage
