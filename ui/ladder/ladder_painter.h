#pragma once

#include "core/ladder/ladder.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QRectF>
#include <QSizeF>
#include <QStringList>
#include <vector>

class QPainter;

namespace netstage {

// Draws a Ladder (sequence diagram) with QPainter only, so the same picture goes into the
// widget, a PNG (QImage) and an SVG (QSvgGenerator), headless too. Built for a projector: thick
// lines, large type, Okabe–Ito colours per segment kind, and a shape per kind as well, so the
// picture survives colour blindness and greyscale printing.
//
// Time flows down in rows, one per item (arrow, state change, marker): loopback timing (µs for a
// handshake, 40 ms for a delayed ACK, seconds while the teacher talks) cannot be drawn to
// scale, so the real gap is written beside each row and long gaps get a break mark.
//
// Coordinates: "diagram" coordinates are pixels of the whole diagram at options.zoom, with
// (0, 0) its top-left corner. Geometry is computed once per ladder (Layout); everything scales
// with the zoom, fonts and lines together.
class LadderPainter
{
    Q_DECLARE_TR_FUNCTIONS(netstage::LadderPainter)
public:
    enum class Numbers
    {
        Textbook, // seq=x, ack=y+1
        Real,     // Seq=1 Ack=1 (abs 3148290480 / 3300419135), like Wireshark's relative numbers
    };
    enum class Theme
    {
        Light,
        Dark
    };
    // What kind of segment an arrow is; decides its colour, line width and head.
    enum class Kind
    {
        Handshake, // SYN, SYN+ACK
        Data,      // carries payload
        Ack,       // pure ACK
        Fin,
        Rst,
        Datagram // UDP or DNS: one message, no connection, no state
    };

    struct Options
    {
        Numbers numbers = Numbers::Textbook;
        Theme theme = Theme::Light;
        qreal zoom = 1.0; // presentation scale: fonts and lines scale together
        // Thicker lines for a projector without widening the diagram (presentation mode):
        // arrows, arrowheads and lane lines times this.
        qreal lineScale = 1.0;
        QString title;        // e.g. the lesson; the source line is always added below it
        int currentItem = -1; // highlighted row; -1 none
        qreal progress = 1.0; // of the current arrow: where its packet dot is (0..1); 1 = arrived
        // Views: when scrolled down, keep the lane headers (with the state each lane is in) at
        // the top of what is drawn.
        bool stickyHeader = false;
    };

    // Geometry at zoom 1, independent of upTo, so a diagram does not move while it plays. A view
    // keeps one per ladder; the overloads without a Layout compute it on the fly (O(items)).
    struct Layout
    {
        Numbers numbers = Numbers::Textbook;
        bool hasTitle = false;
        std::vector<qreal> laneX;
        std::vector<qreal> rowTop;     // items + 1 entries: row i spans [rowTop[i], rowTop[i+1])
        std::vector<char> breakBefore; // a break mark above the row (a long real gap)
        std::vector<std::vector<int>> laneStates; // per lane: its State items, in order
        qreal laneHeaderTop = 0;
        qreal width = 0;
        qreal height = 0;
        int itemCount() const { return int(rowTop.size()) - 1; }
    };

    Layout layout(const Ladder& ladder, const Options& options) const;
    QSizeF sizeFor(const Ladder& ladder, const Options& options) const;
    static QSizeF sizeFor(const Layout& layout, const Options& options);

    // Draws items [0, upTo) (upTo < 0: all) with the diagram's top-left at target.topLeft(),
    // clipped to target.
    void paint(QPainter* painter, const QRectF& target, const Ladder& ladder, int upTo,
               const Options& options) const;
    // Draws the part `source` of the diagram (diagram coordinates) into `target` (same size), like
    // QPainter::drawImage. Only rows that intersect `source` are visited (binary search), so a
    // ladder of any length costs the same per frame.
    void paint(QPainter* painter, const QRectF& target, const Ladder& ladder, const Layout& layout,
               int upTo, const Options& options, const QRectF& source) const;

    // The item under `pos` (diagram coordinates) among items [0, upTo), or -1.
    int itemAt(const Ladder& ladder, QPointF pos, const Options& options, int upTo = -1) const;
    int itemAt(const Ladder& ladder, const Layout& layout, QPointF pos, const Options& options,
               int upTo = -1) const;
    // Where an item is drawn (diagram coordinates): an arrow's row between its lanes, a badge,
    // a marker with its label. Null for an index out of range.
    QRectF itemRect(const Ladder& ladder, int item, const Options& options) const;
    QRectF itemRect(const Ladder& ladder, const Layout& layout, int item,
                    const Options& options) const;
    // The row an item occupies across the whole diagram (for scrolling it into view).
    static QRectF rowRect(const Layout& layout, int item, const Options& options);
    // How much of the top the pinned lane headers cover when Options::stickyHeader is on.
    static qreal stickyHeaderHeight(const Options& options);

    // The strings drawn for an item, first the big one (tests and accessibility use them).
    QStringList itemTexts(const Ladder& ladder, int item, const Options& options) const;

    // Renders the whole ladder (or items [0, upTo)) into a .png or .svg file, chosen by the
    // extension. Needs a QGuiApplication (fonts); the offscreen platform is enough.
    static bool writeImage(const Ladder& ladder, const Options& options, const QString& path,
                           QString* error, int upTo = -1);

    // Text helpers shared with the view and the explainer.
    static Kind kindOf(const LadderArrow& arrow);
    static QString flagsLabel(const QString& flags); // "SYN,ACK" -> "SYN+ACK"
    // "seq=x+1 ack=y+1 len=5 win=512" or "Seq=1 Ack=1 Len=5 Win=512".
    static QString numbersText(const LadderArrow& arrow, Numbers numbers);
    // Real mode on the wire: "abs seq 3148290480 ack 3300419135"; empty otherwise.
    static QString absoluteText(const LadderArrow& arrow, Numbers numbers);
    // "MSS 65495 · SACK · TS · WS 10 (×1024)" from "mss=65495,sack_perm,ts=1/0,wscale=10".
    static QString optionsText(const QString& opts);
    static QString formatGap(qint64 us);      // "+0.014 ms", "+43 ms", "+2.0 s"
    static QString formatDuration(qint64 us); // "0.014 ms", "43 ms", "2.0 s"
    static QColor kindColor(Kind kind, Theme theme);
    static QString sourceTitle(const QString& source);
    // What became of a datagram, short: "lost in the relay", "delayed 120 ms"; "" if nothing.
    static QString fateText(const LadderArrow& arrow);

private:
    struct Palette;
    struct ArrowGeometry;
    static Palette palette(Theme theme);
    ArrowGeometry arrowGeometry(const Ladder& ladder, const Layout& layout, int item) const;
    qreal arrowRowHeight(const LadderArrow& arrow, Numbers numbers) const;
    QRectF stateBadgeRect(const Ladder& ladder, const Layout& layout, int item, int upTo) const;
    QRectF markerRect(const Ladder& ladder, const Layout& layout, int item) const;
    QString stateBadgeText(const Ladder& ladder, const Layout& layout, int item, int upTo) const;

    void drawTitle(QPainter* p, const Ladder& ladder, const Layout& layout, const Options& o,
                   const Palette& pal) const;
    void drawLaneHeaders(QPainter* p, const Ladder& ladder, const Layout& layout, qreal top,
                         int stateUpTo, const Palette& pal) const;
    void drawArrow(QPainter* p, const Ladder& ladder, const Layout& layout, int item,
                   const Options& o, const Palette& pal, int shown) const;
    void drawState(QPainter* p, const Ladder& ladder, const Layout& layout, int item, int upTo,
                   const Palette& pal) const;
    void drawMarker(QPainter* p, const Ladder& ladder, const Layout& layout, int item,
                    const Palette& pal) const;
    void drawBreak(QPainter* p, const Layout& layout, int item, qint64 gapUs,
                   const Palette& pal) const;
};

} // namespace netstage
