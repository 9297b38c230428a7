#pragma once

#include <QVector>
#include <QWidget>

class QCPBars;
class QCustomPlot;
class QMouseEvent;
class QResizeEvent;

namespace netstage {

struct HttpExchange;

// One horizontal bar per request, split into the phases the browser's Network tab and curl's
// -w name: queued, DNS lookup, initial connection, request sent, waiting (TTFB), content
// download. First request on top; hovering a bar shows its exact times. Each row may start
// later than the first (Row::startMs): the HTTP lab starts every bar at 0, the URL walk's
// waterfall (WaterfallChart) places each request where it began.
class HttpTimingChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kPhases = 6;
    static constexpr int kMaxRows = 24;

    struct Row
    {
        QString label; // the y-axis text: short
        QString title; // the tooltip's first line: the whole URL and status
        double startMs = 0;
        double ms[kPhases] = {0, 0, 0, 0, 0, 0};
        double pausedMs = 0; // held by a teacher's step (URL walk, step mode): drawn after connect
        double totalMs = 0;
        QString problem; // a failed request: why (the tooltip says it; no bars)
    };

    explicit HttpTimingChart(QWidget* parent = nullptr);

    void addExchange(const HttpExchange& x);
    void addRow(const Row& row);
    void setRows(const QVector<Row>& rows);
    void clear();
    int rowCount() const { return rows_.size(); }
    const Row& row(int i) const { return rows_[i]; }
    QCustomPlot* plot() const { return plot_; }
    // The text the tooltip shows for a row (exact phase times).
    QString rowDetails(int row) const;
    static QString phaseName(int phase);

    // The newest rows kept (older ones scroll away); 0 keeps every row.
    void setMaxRows(int n);
    void setTimeAxisLabel(const QString& text);
    // Minimum height per row and its cap, so the rows stay readable as they come.
    void setHeightRange(int minHeight, int maxHeight);

protected:
    void rebuild();
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void onMouseMove(QMouseEvent* e);
    void applyFonts();
    void updateLegendWrap();

    QCustomPlot* plot_;
    QCPBars* offset_ = nullptr; // invisible: where each row starts
    QCPBars* paused_ = nullptr; // hatched, between connect and send; in the legend when used
    QVector<QCPBars*> bars_;
    QVector<Row> rows_;
    int maxRows_ = kMaxRows;
    int minHeight_ = 140;
    int maxHeight_ = 340;
};

} // namespace netstage
