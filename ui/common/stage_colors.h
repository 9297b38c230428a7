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

// A note that says something went wrong ("port 8124 is already in use"): dark red ink, or a
// light red on a dark theme. noteStyle() is the style sheet of a note label: bold problem ink
// when `bad`, the palette's own text otherwise.
QColor problemInk(bool darkTheme = false);
QString noteStyle(bool bad);
// A note that informs (a lesson's running explanation): dark blue, or light blue on dark.
QColor infoInk(bool darkTheme = false);
// A banner that must be seen from the back row: a loud warning (yellow under problem ink, e.g.
// the TCP panel's "listening on the network") and the LAN-mode banner (orange, black text).
QString warningBannerStyle();
QString lanBannerStyle();

} // namespace StageColors

} // namespace netstage
