#pragma once

#include <QColor>
#include <QString>

namespace netstage {

struct Event;

// Colours chosen to survive a classroom projector: states are saturated fills under white bold
// text, log rows get tints strong enough to tell apart from the back row but light enough to
// keep black text readable. One place, so the socket list, the log and later the ladder agree.
namespace StageColors {

struct Pair
{
    QColor background;
    QColor foreground;
};

// Fill and text colour for a kernel TCP state name ("ESTABLISHED", "TIME-WAIT"...).
// An unknown or empty state gives an invalid background (no fill).
Pair forState(const QString& state);

// Row tint for an event in the log, by kind (error, connect, end, close, data) and source.
QColor rowTint(const Event& e);
// Text colour for the event-name cell: the kind made obvious even without the tint.
QColor eventInk(const Event& e);

// Text colour for rows whose socket is gone.
QColor retiredInk();

// The six timing phases of a request, in the order of HttpTiming and the browser's Network
// tab: 0 queued, 1 DNS, 2 connect, 3 send, 4 wait (TTFB), 5 download. Okabe & Ito's palette,
// told apart with every common colour-vision deficiency (and by lightness in greyscale).
// An index out of range gives grey.
QColor timingPhase(int phase);

} // namespace StageColors

} // namespace netstage
