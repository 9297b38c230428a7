#pragma once

#include "core/base/event.h"
#include "ui/http/http_timing_chart.h"

#include <QHash>
#include <vector>

namespace netstage {

// The URL walk's waterfall, like the browser's Network panel: one row per request the walk
// made (each `response` or `error` event of its HTTP client, "url-…" sockets), placed where it
// began on a time axis in milliseconds since the walk started, its bar split into the
// request's own timing (queued, DNS, connect, send, wait, download) exactly as the event's
// `timing` field says. Built only from events, so a recording draws the same picture.
class WaterfallChart : public HttpTimingChart
{
    Q_OBJECT
public:
    explicit WaterfallChart(QWidget* parent = nullptr);

    // True for the events that make a row: a response or error of the walk's HTTP client.
    static bool isRequestEvent(const Event& e);
    // The rows of these events (any events; others only set the origin and the visit).
    static QVector<Row> rowsFromEvents(const std::vector<Event>& events);

    void setEvents(const std::vector<Event>& events); // replaces the rows
    void addEvent(const Event& e);                    // live: one more event of the session
    void reset();

    // Draws the waterfall of these events into a PNG (or SVG, by the file's extension) of the
    // given width; the height follows the number of rows. Needs a QApplication (the chart is a
    // widget) but no screen: it works on the offscreen platform. False with a sentence in
    // *error when nothing can be drawn or written.
    static bool writeImage(const std::vector<Event>& events, const QString& path, QString* error,
                           int width = 1200);

private:
    // What the rows of a stream of events need to remember between events.
    struct Cursor
    {
        qint64 originUs = -1; // the walk's first step
        int visit = 1;
        int visits = 1;
        QHash<int, qint64> requestUs; // exchange -> when its request went out (for errors)
        bool take(const Event& e, Row* row);
    };
    Cursor cursor_;
};

} // namespace netstage
