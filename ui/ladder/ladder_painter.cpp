// Over 800 lines on purpose: layout, hit testing and drawing must agree on one geometry
// (rows, lanes, badges), so they live together; the sections are marked with rules.

#include "ui/ladder/ladder_painter.h"

#include "ui/common/stage_colors.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QStringTokenizer>
#include <QSvgGenerator>
#include <QtMath>
#include <algorithm>
#include <cmath>

namespace netstage {

namespace {

// Geometry at zoom 1, in pixels. Chosen for a 1280-wide projector: two lanes with their
// markers fit, and the smallest text is 14 px.
constexpr qreal kMargin = 20;
constexpr qreal kGutter = 124;      // the time gaps, left of everything
constexpr qreal kOuter = 236;       // beside the outer lanes: marker labels, wide badges
constexpr qreal kGapTextbook = 540; // between two lanes: room for the arrow labels
constexpr qreal kGapReal = 640;     // real numbers are longer
constexpr qreal kBand = 12;         // the state band on a lane
constexpr qreal kSlant = 22;        // how much lower an arrow's head is than its tail
constexpr qreal kStateRow = 46;
constexpr qreal kMarkerRow = 42;
constexpr qreal kBreak = 44; // the break mark above a row after a long gap
constexpr qreal kLaneHeader = 58;
constexpr qreal kStickyExtra = 46; // below the pinned headers: each lane's current state
constexpr qreal kBottom = 30;
constexpr qint64 kBreakUs = 200000;  // gaps this long get a break mark
constexpr qint64 kNotableUs = 10000; // gaps this long are written in bold (delayed ACK: 40 ms)
constexpr qreal kPillH = 32;
constexpr qreal kLineH = 20;

QFont font(qreal px, bool bold = false)
{
    QFont f = QGuiApplication::font();
    f.setPixelSize(qRound(px));
    f.setBold(bold);
    // Unhinted glyphs scale linearly, so widths measured at zoom 1 hold at every zoom.
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

bool hasFlag(const QString& flags, const char* flag)
{
    // Tokenized in place: layout asks this for every arrow of a long recording.
    for (const QStringView f : qTokenize(flags, u','))
        if (f == QLatin1String(flag))
            return true;
    return false;
}

// Black or white, whichever contrasts more with the fill (WCAG relative luminance).
QColor inkOn(const QColor& fill)
{
    auto lin = [](qreal c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const qreal l =
        0.2126 * lin(fill.redF()) + 0.7152 * lin(fill.greenF()) + 0.0722 * lin(fill.blueF());
    return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? QColor(Qt::white) : QColor(Qt::black);
}

qreal lineWidth(LadderPainter::Kind k)
{
    switch (k) {
    case LadderPainter::Kind::Data:
    case LadderPainter::Kind::Rst:
        return 6;
    case LadderPainter::Kind::Ack:
        return 3.5;
    default:
        return 4.5;
    }
}

QString payloadText(const QByteArray& payload)
{
    if (payload.isEmpty())
        return {};
    QString s = QString::fromUtf8(payload);
    if (s.contains(QChar::ReplacementCharacter))
        return QString::fromLatin1(payload.left(12).toHex(' ')) +
               (payload.size() > 12 ? QStringLiteral(" …") : QString());
    s.replace(QStringLiteral("\r\n"), QStringLiteral("↵"));
    s.replace(QLatin1Char('\n'), QStringLiteral("↵"));
    s.replace(QLatin1Char('\r'), QStringLiteral("↵"));
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return QStringLiteral("“%1”").arg(s);
}

qreal laneGap(LadderPainter::Numbers n)
{
    return n == LadderPainter::Numbers::Real ? kGapReal : kGapTextbook;
}

} // namespace

struct LadderPainter::Palette
{
    QColor bg, text, subtle, lane, panel, panelBorder, highlight, accent, markerFill, markerBox,
        markerBorder, errorFill, modelTag;
    bool dark = false;
};

struct LadderPainter::ArrowGeometry
{
    bool valid = false;
    QPointF tail, head;
    QRectF pill, numbers, absolute, below;
    QString flags, numbersText, absoluteText, belowText;
    qreal top = 0, bottom = 0;
    bool dropped = false; // a datagram lost on the way: the line stops halfway at an ✕
};

LadderPainter::Palette LadderPainter::palette(Theme theme)
{
    Palette p;
    p.dark = theme == Theme::Dark;
    if (p.dark) {
        p.bg = QColor(0x17, 0x19, 0x1d);
        p.text = QColor(0xf2, 0xf2, 0xf2);
        p.subtle = QColor(0xc4, 0xc8, 0xce);
        p.lane = QColor(0x80, 0x86, 0x8f);
        p.panel = QColor(0x25, 0x28, 0x2e);
        p.panelBorder = QColor(0x6a, 0x70, 0x7a);
        p.highlight = QColor(0x56, 0x8a, 0xc8, 70);
        p.accent = QColor(0xff, 0xb8, 0x6b);
        p.markerFill = QColor(0xf0, 0xe4, 0x42);
        p.markerBox = QColor(0x33, 0x31, 0x1a);
        p.markerBorder = QColor(0xc9, 0xbf, 0x3a);
        p.errorFill = QColor(0xf0, 0x71, 0x2a);
        p.modelTag = QColor(0xf0, 0x71, 0x2a);
    } else {
        p.bg = QColor(Qt::white);
        p.text = QColor(0x14, 0x14, 0x14);
        p.subtle = QColor(0x48, 0x48, 0x48);
        p.lane = QColor(0x8c, 0x8c, 0x8c);
        p.panel = QColor(0xf1, 0xf3, 0xf6);
        p.panelBorder = QColor(0x9a, 0xa0, 0xa8);
        p.highlight = QColor(0xf0, 0xe4, 0x42, 96);
        p.accent = QColor(0xa3, 0x46, 0x00);
        p.markerFill = QColor(0xf0, 0xe4, 0x42);
        p.markerBox = QColor(0xff, 0xfb, 0xd9);
        p.markerBorder = QColor(0x7a, 0x72, 0x00);
        p.errorFill = QColor(0xd5, 0x5e, 0x00);
        p.modelTag = QColor(0xd5, 0x5e, 0x00);
    }
    return p;
}

// Okabe–Ito: distinguishable with every common colour-vision deficiency. Lighter variants on
// the dark background where the originals would sink into it.
QColor LadderPainter::kindColor(Kind kind, Theme theme)
{
    const bool dark = theme == Theme::Dark;
    switch (kind) {
    case Kind::Handshake:
        return dark ? QColor(0x56, 0xb4, 0xe9) : QColor(0x00, 0x72, 0xb2); // (sky) blue
    case Kind::Data:
        return QColor(0xe6, 0x9f, 0x00); // orange
    case Kind::Ack:
        return dark ? QColor(0x2c, 0xc2, 0x95) : QColor(0x00, 0x9e, 0x73); // bluish green
    case Kind::Fin:
        return dark ? QColor(0xe0, 0x95, 0xc2) : QColor(0xcc, 0x79, 0xa7); // reddish purple
    case Kind::Rst:
        return dark ? QColor(0xf0, 0x71, 0x2a) : QColor(0xd5, 0x5e, 0x00); // vermillion
    case Kind::Datagram:
        return dark ? QColor(0xe8, 0xe8, 0xe8) : QColor(0x33, 0x33, 0x33); // black / white
    }
    return QColor(Qt::gray);
}

LadderPainter::Kind LadderPainter::kindOf(const LadderArrow& a)
{
    if (a.datagram)
        return Kind::Datagram;
    if (hasFlag(a.flags, "RST"))
        return Kind::Rst;
    if (hasFlag(a.flags, "SYN"))
        return Kind::Handshake;
    if (hasFlag(a.flags, "FIN"))
        return Kind::Fin;
    if (a.len > 0)
        return Kind::Data;
    return Kind::Ack;
}

QString LadderPainter::flagsLabel(const QString& flags)
{
    QString s = flags;
    s.replace(QLatin1Char(','), QLatin1Char('+'));
    return s;
}

QString LadderPainter::fateText(const LadderArrow& a)
{
    if (!a.datagram)
        return {};
    QString t;
    if (a.fate == QLatin1String("drop"))
        t = tr("lost in the relay: never arrives");
    else if (a.fate == QLatin1String("reorder"))
        t = tr("held back by the relay: arrives after a later one");
    else if (a.fate == QLatin1String("duplicate"))
        t = tr("duplicated by the relay: copy 1");
    else if (a.fate == QLatin1String("copy"))
        t = tr("duplicated by the relay: copy 2");
    if (a.delayMs > 0)
        t = t.isEmpty() ? tr("delayed %1 ms by the relay").arg(a.delayMs)
                        : tr("%1, delayed %2 ms").arg(t).arg(a.delayMs);
    return t;
}

QString LadderPainter::numbersText(const LadderArrow& a, Numbers numbers)
{
    if (a.datagram)
        return a.label;
    QStringList parts;
    if (numbers == Numbers::Textbook) {
        parts << a.textbookSeq();
        const QString ack = a.textbookAck();
        if (!ack.isEmpty())
            parts << ack;
        if (a.len > 0)
            parts << QStringLiteral("len=%1").arg(a.len);
        if (a.win >= 0)
            parts << QStringLiteral("win=%1").arg(a.win);
    } else {
        parts << QStringLiteral("Seq=%1").arg(a.relSeq >= 0 ? a.relSeq : a.seq);
        if (a.ack >= 0)
            parts << QStringLiteral("Ack=%1").arg(a.relAck >= 0 ? a.relAck : a.ack);
        if (a.len > 0)
            parts << QStringLiteral("Len=%1").arg(a.len);
        if (a.win >= 0)
            parts << QStringLiteral("Win=%1").arg(a.win);
    }
    return parts.join(QLatin1Char(' '));
}

QString LadderPainter::absoluteText(const LadderArrow& a, Numbers numbers)
{
    // The model's numbers are relative already: it has no absolute ones to show.
    if (numbers != Numbers::Real || a.source != QLatin1String("wire") || a.seq < 0)
        return {};
    if (a.ack >= 0)
        return tr("absolute: seq %1, ack %2").arg(a.seq).arg(a.ack);
    return tr("absolute: seq %1").arg(a.seq);
}

QString LadderPainter::optionsText(const QString& opts)
{
    QStringList out;
    for (const QString& o : opts.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString key = o.section(QLatin1Char('='), 0, 0).trimmed();
        const QString value = o.section(QLatin1Char('='), 1);
        if (key == QLatin1String("mss"))
            out << QStringLiteral("MSS %1").arg(value);
        else if (key == QLatin1String("sack_perm"))
            out << QStringLiteral("SACK");
        else if (key == QLatin1String("ts"))
            out << QStringLiteral("TS");
        else if (key == QLatin1String("wscale"))
            out << QStringLiteral("WS %1 (×%2)")
                       .arg(value)
                       .arg(qint64(1) << qBound(0, value.toInt(), 30));
        else if (key == QLatin1String("nop") || key == QLatin1String("eol"))
            continue;
        else
            out << o.trimmed();
    }
    return out.join(QStringLiteral(" · "));
}

QString LadderPainter::formatDuration(qint64 us)
{
    if (us < 1000)
        return tr("%1 ms").arg(us / 1000.0, 0, 'f', 3);
    if (us < 10000)
        return tr("%1 ms").arg(us / 1000.0, 0, 'f', 2);
    if (us < 1000000)
        return tr("%1 ms").arg(qRound64(us / 1000.0));
    if (us < 100000000)
        return tr("%1 s").arg(us / 1e6, 0, 'f', 1);
    return tr("%1 s").arg(qRound64(us / 1e6));
}

QString LadderPainter::formatGap(qint64 us)
{
    if (us <= 0)
        return {};
    return QStringLiteral("+") + formatDuration(us);
}

QString LadderPainter::sourceTitle(const QString& source)
{
    if (source == QLatin1String("wire"))
        return tr("Drawn from the wire (libpcap on lo): every arrow is a captured segment");
    if (source == QLatin1String("model"))
        return tr("Drawn from the TCP model (RFC 9293) — not captured: dashed arrows");
    return tr("No segments yet: only what the programs and the kernel reported");
}

// ---------------------------------------------------------------------------------------------
// Layout

qreal LadderPainter::arrowRowHeight(const LadderArrow& a, Numbers numbers) const
{
    qreal h = 6 + kPillH + 2 + kLineH; // pill, numbers
    if (!absoluteText(a, numbers).isEmpty())
        h += 18;
    h += 8 + kSlant; // to the head
    const bool below = a.retransmission || a.unacknowledged ||
                       (kindOf(a) == Kind::Handshake && !a.opts.isEmpty()) ||
                       (a.datagram ? !fateText(a).isEmpty() : !a.payload.isEmpty());
    h += below ? 4 + 18 + 10 : 14;
    return h;
}

LadderPainter::Layout LadderPainter::layout(const Ladder& ladder, const Options& o) const
{
    Layout l;
    l.numbers = o.numbers;
    l.hasTitle = !o.title.isEmpty();
    const qreal gap = laneGap(o.numbers);
    const int lanes = int(ladder.lanes.size());
    for (int i = 0; i < lanes; ++i)
        l.laneX.push_back(kMargin + kGutter + kOuter + i * gap);
    l.width = lanes > 0 ? l.laneX.back() + kOuter + kMargin
                        : kMargin + kGutter + 2 * kOuter + gap + kMargin;

    qreal y = 16;
    if (l.hasTitle)
        y += 38;
    y += 30 + 26 + 30 + 10; // source line, numbers line, legend
    l.laneHeaderTop = y;
    y += kLaneHeader + 16;

    l.laneStates.assign(std::size_t(lanes), {});
    const int n = int(ladder.items.size());
    l.rowTop.reserve(std::size_t(n) + 1);
    l.breakBefore.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        const LadderItem& it = ladder.items[std::size_t(i)];
        const bool brk = i > 0 && it.t_us - ladder.items[std::size_t(i - 1)].t_us >= kBreakUs;
        l.rowTop.push_back(y);
        l.breakBefore.push_back(brk ? 1 : 0);
        if (brk)
            y += kBreak;
        switch (it.kind) {
        case LadderItem::Kind::Arrow:
            if (it.index >= 0 && it.index < int(ladder.arrows.size()))
                y += arrowRowHeight(ladder.arrows[std::size_t(it.index)], o.numbers);
            else
                y += kMarkerRow;
            break;
        case LadderItem::Kind::State:
            y += kStateRow;
            if (it.index >= 0 && it.index < int(ladder.states.size())) {
                const int lane = ladder.states[std::size_t(it.index)].lane;
                if (lane >= 0 && lane < lanes)
                    l.laneStates[std::size_t(lane)].push_back(i);
            }
            break;
        case LadderItem::Kind::Marker:
            y += kMarkerRow;
            break;
        }
    }
    l.rowTop.push_back(y);
    l.height = y + kBottom;
    return l;
}

QSizeF LadderPainter::sizeFor(const Layout& layout, const Options& o)
{
    return QSizeF(std::ceil(layout.width * o.zoom), std::ceil(layout.height * o.zoom));
}

QSizeF LadderPainter::sizeFor(const Ladder& ladder, const Options& o) const
{
    return sizeFor(layout(ladder, o), o);
}

QRectF LadderPainter::rowRect(const Layout& l, int item, const Options& o)
{
    if (item < 0 || item >= l.itemCount())
        return {};
    return QRectF(0, l.rowTop[std::size_t(item)] * o.zoom, l.width * o.zoom,
                  (l.rowTop[std::size_t(item) + 1] - l.rowTop[std::size_t(item)]) * o.zoom);
}

qreal LadderPainter::stickyHeaderHeight(const Options& o)
{
    return (kLaneHeader + kStickyExtra) * o.zoom;
}

LadderPainter::ArrowGeometry LadderPainter::arrowGeometry(const Ladder& ladder, const Layout& l,
                                                          int item) const
{
    ArrowGeometry g;
    const LadderItem& it = ladder.items[std::size_t(item)];
    if (it.index < 0 || it.index >= int(ladder.arrows.size()))
        return g;
    const LadderArrow& a = ladder.arrows[std::size_t(it.index)];
    const int lanes = int(l.laneX.size());
    if (a.from < 0 || a.from >= lanes || a.to < 0 || a.to >= lanes || a.from == a.to)
        return g;
    g.valid = true;
    const qreal x1 = l.laneX[std::size_t(a.from)], x2 = l.laneX[std::size_t(a.to)];
    const qreal dirX = x2 > x1 ? 1 : -1;
    const qreal midX = (x1 + x2) / 2;
    const qreal span = std::abs(x2 - x1);
    g.top = l.rowTop[std::size_t(item)] + (l.breakBefore[std::size_t(item)] ? kBreak : 0);
    g.bottom = l.rowTop[std::size_t(item) + 1];

    g.flags = a.datagram ? tr("%1 %2 B").arg(a.proto.toUpper()).arg(a.len) : flagsLabel(a.flags);
    const QFontMetricsF big(font(21, true));
    const qreal pillW = big.horizontalAdvance(g.flags) + 28;
    qreal y = g.top + 6;
    g.pill = QRectF(midX - pillW / 2, y, pillW, kPillH);
    y += kPillH + 2;
    g.numbersText = numbersText(a, l.numbers);
    g.numbers = QRectF(midX - (span - 60) / 2, y, span - 60, kLineH);
    y += kLineH;
    g.absoluteText = absoluteText(a, l.numbers);
    if (!g.absoluteText.isEmpty()) {
        g.absolute = QRectF(midX - (span - 60) / 2, y, span - 60, 18);
        y += 18;
    }
    y += 8;
    g.tail = QPointF(x1 + dirX * (kBand / 2 + 2), y);
    g.head = QPointF(x2 - dirX * (kBand / 2 + 1), y + kSlant);
    if (a.datagram) {
        // It arrives where the receiver saw it: rows further down when it was delayed, held
        // back or overtaken; lost, it stops halfway.
        if (a.fate == QLatin1String("drop")) {
            g.dropped = true;
            g.head = QPointF(midX, y + kSlant / 2);
        } else if (a.arriveItem > item && a.arriveItem < l.itemCount()) {
            g.head.setY(l.rowTop[std::size_t(a.arriveItem)] +
                        (l.breakBefore[std::size_t(a.arriveItem)] ? kBreak : 0) + 21);
        }
        g.belowText = fateText(a);
        if (!g.belowText.isEmpty())
            g.below = QRectF(midX - (span - 60) / 2, y + kSlant + 4, span - 60, 18);
        return g;
    }
    if (kindOf(a) == Kind::Handshake && !a.opts.isEmpty())
        g.belowText = optionsText(a.opts);
    else if (!a.payload.isEmpty())
        g.belowText = payloadText(a.payload);
    if (a.retransmission)
        g.belowText = g.belowText.isEmpty() ? tr("retransmission: sent again after a loss")
                                            : tr("retransmission · %1").arg(g.belowText);
    if (a.unacknowledged) {
        // Never acknowledged and sent again: lost on the way.
        g.dropped = true;
        g.head = QPointF(midX, g.tail.y() + kSlant / 2);
        g.belowText = tr("lost: no ACK came, sent again below");
        g.below = QRectF(midX - (span - 60) / 2, g.head.y() + 4, span - 60, 18);
        return g;
    }
    if (!g.belowText.isEmpty())
        g.below = QRectF(midX - (span - 160) / 2, g.head.y() + 4, span - 160, 18);
    return g;
}

QString LadderPainter::stateBadgeText(const Ladder& ladder, const Layout& l, int item,
                                      int upTo) const
{
    const LadderItem& it = ladder.items[std::size_t(item)];
    if (it.index < 0 || it.index >= int(ladder.states.size()))
        return {};
    const LadderState& s = ladder.states[std::size_t(it.index)];
    if (s.lane < 0 || s.lane >= int(l.laneStates.size()))
        return s.state;
    // Once the next change is on screen, say how long the lane sat in this state: that is
    // what makes CLOSE-WAIT and TIME-WAIT visible as waits.
    const std::vector<int>& mine = l.laneStates[std::size_t(s.lane)];
    const auto next = std::upper_bound(mine.begin(), mine.end(), item);
    if (next != mine.end() && *next < upTo) {
        const qint64 d = ladder.items[std::size_t(*next)].t_us - it.t_us;
        if (d > 0)
            return tr("%1 · %2").arg(s.state, formatDuration(d));
    }
    return s.state;
}

QRectF LadderPainter::stateBadgeRect(const Ladder& ladder, const Layout& l, int item,
                                     int upTo) const
{
    const LadderItem& it = ladder.items[std::size_t(item)];
    if (it.index < 0 || it.index >= int(ladder.states.size()))
        return {};
    const int lane = ladder.states[std::size_t(it.index)].lane;
    if (lane < 0 || lane >= int(l.laneX.size()))
        return {};
    const QFontMetricsF fm(font(16, true));
    const qreal w = fm.horizontalAdvance(stateBadgeText(ladder, l, item, upTo)) + 26;
    const qreal top = l.rowTop[std::size_t(item)] + (l.breakBefore[std::size_t(item)] ? kBreak : 0);
    return QRectF(l.laneX[std::size_t(lane)] - w / 2, top + 8, w, 30);
}

QRectF LadderPainter::markerRect(const Ladder& ladder, const Layout& l, int item) const
{
    const LadderItem& it = ladder.items[std::size_t(item)];
    if (it.index < 0 || it.index >= int(ladder.markers.size()) || l.laneX.empty())
        return {};
    const LadderMarker& m = ladder.markers[std::size_t(it.index)];
    const int lanes = int(l.laneX.size());
    const int lane = qBound(0, m.lane, lanes - 1);
    const qreal top = l.rowTop[std::size_t(item)] + (l.breakBefore[std::size_t(item)] ? kBreak : 0);
    const qreal x = l.laneX[std::size_t(lane)];
    const QString text = m.text.isEmpty() ? m.event : m.text;
    const QFontMetricsF fm(font(15, true));
    // The label sits outside the lanes where there is room: left of the first lane, right of
    // the others.
    const qreal room = lane == lanes - 1 || lane == 0 ? kOuter - 30 : laneGap(l.numbers) / 2 - 40;
    const qreal w = std::min(room, fm.horizontalAdvance(text) + 20);
    const QRectF box = lane == 0 && lanes > 1 ? QRectF(x - 18 - w, top + 6, w, 30)
                                              : QRectF(x + 18, top + 6, w, 30);
    return box.united(QRectF(x - 12, top + 9, 24, 24));
}

// ---------------------------------------------------------------------------------------------
// Hit testing

QRectF LadderPainter::itemRect(const Ladder& ladder, int item, const Options& o) const
{
    return itemRect(ladder, layout(ladder, o), item, o);
}

QRectF LadderPainter::itemRect(const Ladder& ladder, const Layout& l, int item,
                               const Options& o) const
{
    if (item < 0 || item >= l.itemCount() || item >= int(ladder.items.size()))
        return {};
    QRectF r;
    switch (ladder.items[std::size_t(item)].kind) {
    case LadderItem::Kind::Arrow: {
        const ArrowGeometry g = arrowGeometry(ladder, l, item);
        if (!g.valid)
            return {};
        r = QRectF(std::min(g.tail.x(), g.head.x()), g.top, std::abs(g.head.x() - g.tail.x()),
                   g.bottom - g.top);
        r = r.united(g.pill);
        break;
    }
    case LadderItem::Kind::State:
        r = stateBadgeRect(ladder, l, item, int(ladder.items.size()));
        break;
    case LadderItem::Kind::Marker:
        r = markerRect(ladder, l, item);
        break;
    }
    return QRectF(r.topLeft() * o.zoom, r.size() * o.zoom);
}

int LadderPainter::itemAt(const Ladder& ladder, QPointF pos, const Options& o, int upTo) const
{
    return itemAt(ladder, layout(ladder, o), pos, o, upTo);
}

int LadderPainter::itemAt(const Ladder& ladder, const Layout& l, QPointF pos, const Options& o,
                          int upTo) const
{
    const int n = std::min(l.itemCount(), int(ladder.items.size()));
    const int shown = upTo < 0 ? n : std::min(upTo, n);
    if (shown <= 0 || o.zoom <= 0)
        return -1;
    const qreal y = pos.y() / o.zoom;
    const auto it = std::upper_bound(l.rowTop.begin(), l.rowTop.end(), y);
    const int row = int(it - l.rowTop.begin()) - 1;
    if (row < 0 || row >= shown)
        return -1;
    return itemRect(ladder, l, row, o).contains(pos) ? row : -1;
}

QStringList LadderPainter::itemTexts(const Ladder& ladder, int item, const Options& o) const
{
    QStringList out;
    if (item < 0 || item >= int(ladder.items.size()))
        return out;
    const LadderItem& it = ladder.items[std::size_t(item)];
    const Layout l = layout(ladder, o);
    switch (it.kind) {
    case LadderItem::Kind::Arrow: {
        const ArrowGeometry g = arrowGeometry(ladder, l, item);
        if (!g.valid)
            break;
        out << g.flags << g.numbersText;
        if (!g.absoluteText.isEmpty())
            out << g.absoluteText;
        if (!g.belowText.isEmpty())
            out << g.belowText;
        break;
    }
    case LadderItem::Kind::State:
        out << stateBadgeText(ladder, l, item, int(ladder.items.size()));
        break;
    case LadderItem::Kind::Marker:
        if (it.index >= 0 && it.index < int(ladder.markers.size())) {
            const LadderMarker& m = ladder.markers[std::size_t(it.index)];
            out << (m.text.isEmpty() ? m.event : m.text);
        }
        break;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Painting

void LadderPainter::paint(QPainter* painter, const QRectF& target, const Ladder& ladder, int upTo,
                          const Options& o) const
{
    paint(painter, target, ladder, layout(ladder, o), upTo, o,
          QRectF(QPointF(0, 0), target.size()));
}

void LadderPainter::paint(QPainter* p, const QRectF& target, const Ladder& ladder, const Layout& l,
                          int upTo, const Options& o, const QRectF& source) const
{
    const Palette pal = palette(o.theme);
    const int n = std::min(l.itemCount(), int(ladder.items.size()));
    const int shown = upTo < 0 ? n : std::clamp(upTo, 0, n);
    const qreal z = o.zoom > 0 ? o.zoom : 1.0;

    p->save();
    p->setClipRect(target, Qt::IntersectClip);
    p->fillRect(target, pal.bg);
    p->translate(target.topLeft() - source.topLeft());
    p->scale(z, z);
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setRenderHint(QPainter::TextAntialiasing, true);

    // What is visible, in layout (zoom 1) coordinates.
    const qreal visTop = source.top() / z, visBottom = source.bottom() / z;
    const qreal rowsBottom = l.rowTop.empty() ? l.height - kBottom : l.rowTop.back();
    const qreal headerBottom = l.laneHeaderTop + kLaneHeader;

    if (visTop < l.laneHeaderTop)
        drawTitle(p, ladder, l, o, pal);
    if (visTop < headerBottom && !l.laneX.empty())
        drawLaneHeaders(p, ladder, l, l.laneHeaderTop, -1, pal);
    if (l.laneX.empty() || n == 0) {
        p->setFont(font(18));
        p->setPen(pal.subtle);
        p->drawText(QRectF(kMargin, headerBottom + 20, l.width - 2 * kMargin, 40), Qt::AlignCenter,
                    tr("Nothing recorded yet: start a lesson or open a recording."));
        p->restore();
        return;
    }

    // Rows [first, last) intersect the visible band.
    const int first = std::max(
        0, int(std::upper_bound(l.rowTop.begin(), l.rowTop.end(), visTop) - l.rowTop.begin()) - 1);
    const int last =
        std::min(shown, int(std::lower_bound(l.rowTop.begin(), l.rowTop.end(), visBottom) -
                            l.rowTop.begin()));
    const qreal shownBottom = shown > 0 ? l.rowTop[std::size_t(shown)] : headerBottom + 16;

    // Current row highlight, under everything else in the row.
    if (o.currentItem >= first && o.currentItem < last) {
        const qreal t = l.rowTop[std::size_t(o.currentItem)] +
                        (l.breakBefore[std::size_t(o.currentItem)] ? kBreak : 0);
        const QRectF r(kMargin, t, l.width - 2 * kMargin,
                       l.rowTop[std::size_t(o.currentItem) + 1] - t);
        p->fillRect(r, pal.highlight);
        QPainterPath tri;
        tri.moveTo(kMargin + 4, r.center().y() - 10);
        tri.lineTo(kMargin + 18, r.center().y());
        tri.lineTo(kMargin + 4, r.center().y() + 10);
        tri.closeSubpath();
        p->fillPath(tri, pal.accent);
    }

    // Lane lines: solid where items are shown, dotted for what is still to come.
    const qreal lineTop = std::max(headerBottom, visTop - 2);
    const qreal lineBottom = std::min(rowsBottom + 10, visBottom + 2);
    for (qreal x : l.laneX) {
        p->setPen(QPen(pal.lane, 2.5 * o.lineScale));
        if (shownBottom > lineTop)
            p->drawLine(QPointF(x, lineTop), QPointF(x, std::min(shownBottom, lineBottom)));
        if (lineBottom > shownBottom) {
            p->setPen(QPen(pal.lane, 2 * o.lineScale, Qt::DotLine));
            p->drawLine(QPointF(x, std::max(shownBottom, lineTop)), QPointF(x, lineBottom));
        }
    }

    // State bands: a lane is coloured by its state from one change to the next, so "this side
    // sits in CLOSE-WAIT" is a visible stretch of lane, not a single badge.
    for (std::size_t lane = 0; lane < l.laneStates.size(); ++lane) {
        const std::vector<int>& s = l.laneStates[lane];
        auto k = std::upper_bound(s.begin(), s.end(), first);
        if (k != s.begin())
            --k;
        for (; k != s.end() && *k < last; ++k) {
            const int item = *k;
            const LadderItem& it = ladder.items[std::size_t(item)];
            if (it.index < 0 || it.index >= int(ladder.states.size()))
                continue;
            const QColor c =
                StageColors::forState(ladder.states[std::size_t(it.index)].state).background;
            if (!c.isValid())
                continue;
            const qreal y1 = stateBadgeRect(ladder, l, item, shown).center().y();
            const auto next = k + 1;
            const qreal y2 = next != s.end() && *next < shown
                                 ? stateBadgeRect(ladder, l, *next, shown).center().y()
                                 : shownBottom;
            QColor band = c;
            band.setAlphaF(o.theme == Theme::Dark ? 0.7 : 0.55);
            // Clipped by hand: a band can be a million pixels tall, and the rasterizer walks
            // every scanline of what it is given before the clip applies.
            const qreal top = std::max(y1, visTop - 4), bottom = std::min(y2, visBottom + 4);
            if (bottom > top)
                p->fillRect(QRectF(l.laneX[lane] - kBand / 2, top, kBand, bottom - top), band);
        }
    }

    // Break marks interrupt lanes and bands, so they go on top of them.
    for (int i = first; i < last; ++i) {
        if (l.breakBefore[std::size_t(i)])
            drawBreak(p, l, i,
                      ladder.items[std::size_t(i)].t_us - ladder.items[std::size_t(i - 1)].t_us,
                      pal);
    }

    // A datagram sent above the visible rows may arrive in them (delayed, held back): look a
    // bounded way up, so the cost per frame stays the same.
    for (int i = std::max(0, first - 64); i < first && i < shown; ++i) {
        const LadderItem& it = ladder.items[std::size_t(i)];
        if (it.kind != LadderItem::Kind::Arrow || it.index < 0 ||
            it.index >= int(ladder.arrows.size()))
            continue;
        const LadderArrow& a = ladder.arrows[std::size_t(it.index)];
        if (a.datagram && a.arriveItem >= first)
            drawArrow(p, ladder, l, i, o, pal, shown);
    }
    for (int i = first; i < last; ++i) {
        const LadderItem& it = ladder.items[std::size_t(i)];
        // The real time since the previous item, beside the row.
        if (i > 0 && !l.breakBefore[std::size_t(i)]) {
            const qint64 gap = it.t_us - ladder.items[std::size_t(i - 1)].t_us;
            if (gap > 0) {
                const bool notable = gap >= kNotableUs;
                p->setFont(font(notable ? 16 : 14, notable));
                p->setPen(notable ? pal.accent : pal.subtle);
                qreal anchor = l.rowTop[std::size_t(i)] + 23;
                if (it.kind == LadderItem::Kind::Arrow) {
                    const ArrowGeometry g = arrowGeometry(ladder, l, i);
                    if (g.valid)
                        anchor = g.tail.y();
                }
                p->drawText(QRectF(kMargin + 18, anchor - 12, kGutter - 24, 24),
                            Qt::AlignRight | Qt::AlignVCenter, formatGap(gap));
            }
        }
        switch (it.kind) {
        case LadderItem::Kind::Arrow:
            drawArrow(p, ladder, l, i, o, pal, shown);
            break;
        case LadderItem::Kind::State:
            drawState(p, ladder, l, i, shown, pal);
            break;
        case LadderItem::Kind::Marker:
            drawMarker(p, ladder, l, i, pal);
            break;
        }
    }

    // Scrolled past the headers: pin them, with the state each lane is in at the top row.
    if (o.stickyHeader && visTop > l.laneHeaderTop - 8) {
        const qreal top = visTop;
        const qreal h = kLaneHeader + kStickyExtra;
        p->fillRect(QRectF(0, top, l.width, h), pal.bg);
        p->setPen(QPen(pal.panelBorder, 1.5));
        p->drawLine(QPointF(0, top + h), QPointF(l.width, top + h));
        // The states in effect at the row just under the pinned strip.
        const int rowAtEdge =
            int(std::upper_bound(l.rowTop.begin(), l.rowTop.end(), top + h) - l.rowTop.begin()) - 1;
        drawLaneHeaders(p, ladder, l, top + 6, std::clamp(rowAtEdge + 1, 0, shown), pal);
    }
    p->restore();
}

void LadderPainter::drawTitle(QPainter* p, const Ladder& ladder, const Layout& l, const Options& o,
                              const Palette& pal) const
{
    qreal y = 16;
    const qreal w = l.width - 2 * kMargin;
    if (l.hasTitle) {
        p->setFont(font(26, true));
        p->setPen(pal.text);
        p->drawText(QRectF(kMargin, y, w, 36), Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetricsF(font(26, true)).elidedText(o.title, Qt::ElideRight, w));
        y += 38;
    }
    // The source line: the model must never look like the wire.
    qreal x = kMargin;
    const bool model = ladder.source == QLatin1String("model");
    const bool wire = ladder.source == QLatin1String("wire");
    if (model || wire) {
        const QString tag = model ? tr("MODEL") : tr("WIRE");
        const QFont tf = font(17, true);
        const qreal tw = QFontMetricsF(tf).horizontalAdvance(tag) + 20;
        const QRectF tagRect(x, y + 1, tw, 26);
        const QColor fill = model ? pal.modelTag : kindColor(Kind::Ack, o.theme);
        p->setPen(Qt::NoPen);
        p->setBrush(fill);
        p->drawRoundedRect(tagRect, 5, 5);
        p->setFont(tf);
        p->setPen(inkOn(fill));
        p->drawText(tagRect, Qt::AlignCenter, tag);
        x += tw + 12;
    }
    const bool onlyDatagrams =
        ladder.datagrams > 0 && int(ladder.arrows.size()) == ladder.datagrams;
    QString source = sourceTitle(ladder.source);
    if (onlyDatagrams)
        source = tr("Drawn from what the programs sent and received: every arrow is one datagram");
    else if (ladder.datagrams > 0)
        source = tr("%1; datagrams as the programs sent and received them").arg(source);
    p->setFont(font(18, true));
    p->setPen(model ? pal.modelTag : pal.text);
    p->drawText(QRectF(x, y, kMargin + w - x, 28), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(font(18, true)).elidedText(source, Qt::ElideRight, kMargin + w - x));
    y += 30;

    p->setFont(font(15));
    p->setPen(pal.subtle);
    const QString numbers =
        onlyDatagrams
            ? tr("UDP: no handshake, no acknowledgement, no state — each arrow is all there is")
        : o.numbers == Numbers::Textbook
            ? tr("Numbers: textbook — x = the client's initial sequence number, y = the server's")
            : tr("Numbers: relative to each side's initial sequence number, like Wireshark");
    p->drawText(QRectF(kMargin, y, w, 24), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(font(15)).elidedText(numbers, Qt::ElideRight, w));
    y += 26;

    // Legend: the same line, head and colour as the arrows.
    struct Entry
    {
        Kind kind;
        QString text;
    };
    std::vector<Entry> entries;
    if (!onlyDatagrams)
        entries = {{Kind::Handshake, tr("SYN handshake")},
                   {Kind::Data, tr("data")},
                   {Kind::Ack, tr("ACK only")},
                   {Kind::Fin, tr("FIN")},
                   {Kind::Rst, tr("RST")}};
    if (ladder.datagrams > 0)
        entries.push_back({Kind::Datagram, tr("datagram")});
    x = kMargin;
    const QFont lf = font(15, true);
    for (const Entry& e : entries) {
        const QColor c = kindColor(e.kind, o.theme);
        const qreal cy = y + 14;
        const bool dashed = model && e.kind != Kind::Datagram;
        QPen pen(c, lineWidth(e.kind), dashed ? Qt::CustomDashLine : Qt::SolidLine, Qt::FlatCap);
        if (dashed)
            pen.setDashPattern({2.5, 1.5});
        p->setPen(pen);
        p->drawLine(QPointF(x, cy), QPointF(x + 30, cy));
        p->setPen(QPen(c, lineWidth(e.kind), Qt::SolidLine, Qt::RoundCap, Qt::MiterJoin));
        if (e.kind == Kind::Ack) {
            p->drawLine(QPointF(x + 30, cy - 7), QPointF(x + 40, cy));
            p->drawLine(QPointF(x + 30, cy + 7), QPointF(x + 40, cy));
        } else {
            QPainterPath head;
            head.moveTo(x + 44, cy);
            head.lineTo(x + 30, cy - 8);
            head.lineTo(x + 30, cy + 8);
            head.closeSubpath();
            p->fillPath(head, c);
            if (e.kind == Kind::Rst)
                p->drawLine(QPointF(x + 46, cy - 10), QPointF(x + 46, cy + 10));
        }
        p->setFont(lf);
        p->setPen(pal.text);
        const qreal tw = QFontMetricsF(lf).horizontalAdvance(e.text);
        p->drawText(QRectF(x + 54, y, tw + 4, 28), Qt::AlignLeft | Qt::AlignVCenter, e.text);
        x += 54 + tw + 30;
    }
}

void LadderPainter::drawLaneHeaders(QPainter* p, const Ladder& ladder, const Layout& l, qreal top,
                                    int stateUpTo, const Palette& pal) const
{
    p->setFont(font(14));
    p->setPen(pal.subtle);
    p->drawText(QRectF(kMargin, top, kGutter - 6, kLaneHeader), Qt::AlignRight | Qt::AlignBottom,
                tr("time gap"));
    const qreal w = std::min(kOuter * 2 - 24, laneGap(l.numbers) - 40);
    for (std::size_t i = 0; i < l.laneX.size() && i < ladder.lanes.size(); ++i) {
        const LadderLane& lane = ladder.lanes[i];
        const QRectF box(l.laneX[i] - w / 2, top, w, kLaneHeader);
        p->setPen(QPen(pal.panelBorder, 2));
        p->setBrush(pal.panel);
        p->drawRoundedRect(box, 8, 8);
        QString role;
        if (lane.role == QLatin1String("client"))
            role = tr("CLIENT");
        else if (lane.role == QLatin1String("server"))
            role = tr("SERVER");
        else if (lane.role == QLatin1String("peer"))
            role = tr("PEER");
        else
            role = lane.role.toUpper();
        const QFont rf = font(19, true);
        const QFont sf = font(14);
        QString line1 = role;
        if (!lane.label.isEmpty() && lane.label != lane.role)
            line1 += QStringLiteral("  ") + lane.label;
        p->setFont(rf);
        p->setPen(pal.text);
        p->drawText(box.adjusted(10, 4, -10, -kLaneHeader / 2), Qt::AlignCenter,
                    QFontMetricsF(rf).elidedText(line1, Qt::ElideRight, w - 20));
        p->setFont(sf);
        p->setPen(pal.subtle);
        const QString where = lane.proto == QLatin1String("tcp")
                                  ? lane.endpoint
                                  : tr("%1 · %2").arg(lane.endpoint, lane.proto.toUpper());
        p->drawText(box.adjusted(10, kLaneHeader / 2, -10, -4), Qt::AlignCenter,
                    QFontMetricsF(sf).elidedText(where, Qt::ElideMiddle, w - 20));

        if (stateUpTo >= 0 && i < l.laneStates.size()) {
            const std::vector<int>& s = l.laneStates[i];
            const auto k = std::lower_bound(s.begin(), s.end(), stateUpTo);
            if (k == s.begin())
                continue;
            const LadderItem& it = ladder.items[std::size_t(*(k - 1))];
            if (it.index < 0 || it.index >= int(ladder.states.size()))
                continue;
            const QString state = ladder.states[std::size_t(it.index)].state;
            const StageColors::Pair c = StageColors::forState(state);
            const QFont bf = font(15, true);
            const qreal bw = QFontMetricsF(bf).horizontalAdvance(state) + 22;
            const QRectF badge(l.laneX[i] - bw / 2, box.bottom() + 6, bw, 28);
            p->setPen(Qt::NoPen);
            p->setBrush(c.background.isValid() ? c.background : pal.lane);
            p->drawRoundedRect(badge, 14, 14);
            p->setFont(bf);
            p->setPen(c.foreground.isValid() ? c.foreground : pal.text);
            p->drawText(badge, Qt::AlignCenter, state);
        }
    }
}

void LadderPainter::drawArrow(QPainter* p, const Ladder& ladder, const Layout& l, int item,
                              const Options& o, const Palette& pal, int shown) const
{
    const ArrowGeometry g = arrowGeometry(ladder, l, item);
    if (!g.valid)
        return;
    const LadderArrow& a = ladder.arrows[std::size_t(ladder.items[std::size_t(item)].index)];
    const Kind kind = kindOf(a);
    const QColor c = kindColor(kind, o.theme);
    const bool model = a.source == QLatin1String("model") ||
                       (a.source.isEmpty() && ladder.source == QLatin1String("model"));
    const bool current = item == o.currentItem;
    qreal progress = current ? std::clamp(o.progress, 0.0, 1.0) : 1.0;
    // A datagram whose arrival row is still to come is on its way.
    if (a.datagram && a.arriveItem >= shown)
        progress = std::min(progress, 0.5);
    const qreal width = (lineWidth(kind) + (current ? 1.5 : 0)) * o.lineScale;

    const QPointF d = g.head - g.tail;
    const qreal len = std::hypot(d.x(), d.y());
    const QPointF u = d / len;        // along the arrow
    const QPointF nrm(-u.y(), u.x()); // across it
    // Heads grow with the lines, but more slowly: a fat head would hide the lane it points at.
    const qreal headGrow = 1.0 + (o.lineScale - 1.0) * 0.5;
    const qreal headLen = 20 * headGrow, headHalf = 9.5 * headGrow;
    const QPointF lineEnd = g.dropped           ? g.head
                            : kind == Kind::Ack ? g.head - u * 2
                                                : g.head - u * (headLen - 2);

    QPen pen(c, width, model ? Qt::CustomDashLine : Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
    if (model)
        pen.setDashPattern({2.5, 1.5});

    if (current) {
        // A soft halo makes the current arrow findable from the back row.
        QColor halo = c;
        halo.setAlpha(70);
        p->setPen(QPen(halo, width + 10, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(g.tail, g.tail + d * progress);
    }

    // While the packet travels, the part ahead of it is only a faint trace.
    if (progress < 1.0) {
        QPen faint = pen;
        QColor fc = c;
        fc.setAlpha(60);
        faint.setColor(fc);
        p->setPen(faint);
        p->drawLine(g.tail, lineEnd);
    }
    p->setPen(pen);
    const QPointF reached = g.tail + d * progress;
    p->drawLine(g.tail, progress < 1.0 ? reached : lineEnd);

    // Tail dot: where it was sent (a square for a datagram: a shape no segment has).
    p->setPen(Qt::NoPen);
    p->setBrush(c);
    if (kind == Kind::Datagram)
        p->drawRect(QRectF(g.tail - QPointF(6, 6), QSizeF(12, 12)));
    else
        p->drawEllipse(g.tail, 5, 5);

    // Head, drawn once the packet has arrived (faint before).
    p->setOpacity(progress < 1.0 ? 0.3 : 1.0);
    const QPointF base = g.head - u * headLen;
    if (g.dropped) {
        // Lost on the way: a cross where it died, no head.
        p->setPen(QPen(pal.errorFill, 6, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(g.head + QPointF(-13, -13), g.head + QPointF(13, 13));
        p->drawLine(g.head + QPointF(-13, 13), g.head + QPointF(13, -13));
    } else if (kind == Kind::Ack) {
        // Open head: a pure ACK carries nothing.
        p->setPen(QPen(c, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p->setBrush(Qt::NoBrush);
        QPainterPath v;
        v.moveTo(base + nrm * headHalf);
        v.lineTo(g.head);
        v.lineTo(base - nrm * headHalf);
        p->drawPath(v);
    } else {
        QPainterPath head;
        head.moveTo(g.head);
        head.lineTo(base + nrm * headHalf);
        head.lineTo(base - nrm * headHalf);
        head.closeSubpath();
        p->setPen(Qt::NoPen);
        p->fillPath(head, c);
        if (kind == Kind::Rst) {
            // A stop bar: the connection ends here.
            p->setPen(QPen(c, 5, Qt::SolidLine, Qt::FlatCap));
            p->drawLine(g.head + u * 3 + nrm * 14, g.head + u * 3 - nrm * 14);
        }
    }
    p->setOpacity(1.0);

    // Labels: flags big in a pill of the arrow's colour, numbers smaller underneath.
    p->setPen(model ? QPen(pal.text, 2, Qt::DashLine) : QPen(Qt::NoPen));
    p->setBrush(c);
    p->drawRoundedRect(g.pill, kPillH / 2, kPillH / 2);
    p->setFont(font(21, true));
    p->setPen(inkOn(c));
    p->drawText(g.pill, Qt::AlignCenter, g.flags);

    const QFont nf = font(16);
    p->setFont(nf);
    p->setPen(pal.text);
    p->drawText(g.numbers, Qt::AlignCenter,
                QFontMetricsF(nf).elidedText(g.numbersText, Qt::ElideRight, g.numbers.width()));
    const QFont sf = font(14);
    if (!g.absoluteText.isEmpty()) {
        p->setFont(sf);
        p->setPen(pal.subtle);
        p->drawText(
            g.absolute, Qt::AlignCenter,
            QFontMetricsF(sf).elidedText(g.absoluteText, Qt::ElideRight, g.absolute.width()));
    }
    if (!g.belowText.isEmpty()) {
        const bool alarm = g.dropped || a.retransmission || a.unacknowledged;
        const QFont bf = alarm ? font(15, true) : sf;
        const QString text =
            QFontMetricsF(bf).elidedText(g.belowText, Qt::ElideRight, g.below.width());
        if (a.datagram && a.arriveItem > item) {
            // A datagram still on its way crosses its own label: keep the words readable.
            const qreal tw = QFontMetricsF(bf).horizontalAdvance(text) + 12;
            p->fillRect(QRectF(g.below.center().x() - tw / 2, g.below.top(), tw, g.below.height()),
                        pal.bg);
        }
        p->setFont(bf);
        p->setPen(alarm ? pal.errorFill : pal.subtle);
        p->drawText(g.below, Qt::AlignCenter, text);
    }

    // The packet itself.
    if (progress < 1.0) {
        p->setPen(QPen(pal.bg, 3));
        p->setBrush(c);
        p->drawEllipse(reached, 11, 11);
    }
}

void LadderPainter::drawState(QPainter* p, const Ladder& ladder, const Layout& l, int item,
                              int upTo, const Palette& pal) const
{
    const QRectF r = stateBadgeRect(ladder, l, item, upTo);
    if (r.isNull())
        return;
    const QString text = stateBadgeText(ladder, l, item, upTo);
    const QString state = ladder.states[std::size_t(ladder.items[std::size_t(item)].index)].state;
    const StageColors::Pair c = StageColors::forState(state);
    p->setPen(QPen(pal.bg, 2));
    p->setBrush(c.background.isValid() ? c.background : pal.lane);
    p->drawRoundedRect(r, 15, 15);
    p->setFont(font(16, true));
    p->setPen(c.foreground.isValid() ? c.foreground : pal.text);
    p->drawText(r, Qt::AlignCenter, text);
}

void LadderPainter::drawMarker(QPainter* p, const Ladder& ladder, const Layout& l, int item,
                               const Palette& pal) const
{
    const QRectF all = markerRect(ladder, l, item);
    if (all.isNull())
        return;
    const LadderMarker& m = ladder.markers[std::size_t(ladder.items[std::size_t(item)].index)];
    const int lane = qBound(0, m.lane, int(l.laneX.size()) - 1);
    const qreal x = l.laneX[std::size_t(lane)];
    const qreal top = l.rowTop[std::size_t(item)] + (l.breakBefore[std::size_t(item)] ? kBreak : 0);
    const qreal cy = top + 21;
    const bool error = m.event == QLatin1String("error");
    const bool step = m.event == QLatin1String("step");

    if (step) {
        // A teacher's step spans every lane: everything below happened after it.
        p->setPen(QPen(pal.subtle, 2, Qt::DashLine));
        p->drawLine(QPointF(l.laneX.front() - kOuter + 30, cy), QPointF(l.laneX.back() + 40, cy));
    }

    // The label box, away from the diamond.
    QRectF box = all;
    if (all.left() < x - 12)
        box.setRight(x - 18);
    else
        box.setLeft(x + 18);
    box.setTop(top + 6);
    box.setHeight(30);
    p->setPen(QPen(error ? pal.errorFill : pal.markerBorder, 1.5));
    p->setBrush(pal.markerBox);
    p->drawRoundedRect(box, 6, 6);

    // Diamond: application events are not segments, so they get a shape no arrow has.
    QPainterPath dia;
    dia.moveTo(x, cy - 12);
    dia.lineTo(x + 12, cy);
    dia.lineTo(x, cy + 12);
    dia.lineTo(x - 12, cy);
    dia.closeSubpath();
    p->setPen(QPen(pal.dark ? QColor(Qt::black) : pal.markerBorder, 2));
    p->setBrush(error ? pal.errorFill : pal.markerFill);
    p->drawPath(dia);

    // "data → 5 B "hello"": the event name bold, the rest plain.
    const QString text = m.text.isEmpty() ? m.event : m.text;
    QString head = text, rest;
    if (text.startsWith(m.event) && !m.event.isEmpty()) {
        head = m.event;
        rest = text.mid(m.event.size());
    }
    const QFont bf = font(15, true), nf = font(15);
    const QRectF inner = box.adjusted(10, 0, -8, 0);
    const qreal hw = std::min(inner.width(), QFontMetricsF(bf).horizontalAdvance(head));
    p->setFont(bf);
    p->setPen(error ? pal.errorFill : pal.text);
    p->drawText(QRectF(inner.left(), inner.top(), hw + 1, inner.height()),
                Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(bf).elidedText(head, Qt::ElideRight, inner.width()));
    if (!rest.isEmpty() && inner.width() - hw > 12) {
        p->setFont(nf);
        p->setPen(pal.text);
        const QRectF rr(inner.left() + hw, inner.top(), inner.width() - hw, inner.height());
        p->drawText(rr, Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetricsF(nf).elidedText(rest, Qt::ElideRight, rr.width()));
    }
}

void LadderPainter::drawBreak(QPainter* p, const Layout& l, int item, qint64 gapUs,
                              const Palette& pal) const
{
    const qreal top = l.rowTop[std::size_t(item)];
    const qreal left = kMargin + kGutter, right = l.width - kMargin;
    const QRectF strip(left, top + 8, right - left, kBreak - 16);
    p->fillRect(strip, pal.bg);
    // Two thin edges across, and each lane cut by a short zigzag: time is not to scale here.
    // (Straight lines: a full-width antialiased wave cost more than the rest of the frame.)
    p->setPen(QPen(pal.lane, 1.5));
    p->drawLine(QPointF(left, strip.top()), QPointF(right, strip.top()));
    p->drawLine(QPointF(left, strip.bottom()), QPointF(right, strip.bottom()));
    p->setPen(QPen(pal.lane, 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (qreal x : l.laneX) {
        const qreal h = strip.height() / 4;
        const QPointF zig[] = {{x, strip.top()},
                               {x - 7, strip.top() + h},
                               {x + 7, strip.top() + 3 * h},
                               {x, strip.bottom()}};
        p->drawPolyline(zig, 4);
    }
    p->setFont(font(17, true));
    p->setPen(pal.accent);
    p->drawText(QRectF(kMargin + 18, strip.top(), kGutter - 24, strip.height()),
                Qt::AlignRight | Qt::AlignVCenter, formatGap(gapUs));
    const qreal mid = l.laneX.size() > 1 ? (l.laneX[0] + l.laneX[1]) / 2 : (left + right) / 2;
    p->setFont(font(14, true));
    p->drawText(QRectF(mid - 200, strip.top(), 400, strip.height()), Qt::AlignCenter,
                tr("%1 later (not to scale)").arg(formatDuration(gapUs)));
}

// ---------------------------------------------------------------------------------------------
// Files

bool LadderPainter::writeImage(const Ladder& ladder, const Options& options, const QString& path,
                               QString* error, int upTo)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return fail(tr("Cannot save the diagram as \"%1\": use a file name ending in .png or "
                       ".svg.")
                        .arg(path));
    const LadderPainter painter;
    const Layout l = painter.layout(ladder, options);
    const QSizeF size = sizeFor(l, options);
    const QRectF target(QPointF(0, 0), size);
    const QRectF source = target;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write \"%1\": %2").arg(path, file.errorString()));

    if (suffix == QLatin1String("png")) {
        QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return fail(tr("The diagram is too large for a PNG (%1 × %2 pixels): save it as "
                           ".svg or show fewer steps.")
                            .arg(size.width())
                            .arg(size.height()));
        image.fill(palette(options.theme).bg);
        QPainter p(&image);
        painter.paint(&p, target, ladder, l, upTo, options, source);
        p.end();
        if (!image.save(&file, "PNG"))
            return fail(tr("Cannot write \"%1\": %2").arg(path, file.errorString()));
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size.toSize());
        svg.setViewBox(target);
        svg.setTitle(options.title.isEmpty() ? tr("TCP ladder diagram") : options.title);
        svg.setDescription(sourceTitle(ladder.source));
        QPainter p;
        if (!p.begin(&svg))
            return fail(tr("Cannot write \"%1\": the SVG could not be started.").arg(path));
        painter.paint(&p, target, ladder, l, upTo, options, source);
        p.end();
    }
    if (!file.commit())
        return fail(tr("Cannot write \"%1\": %2").arg(path, file.errorString()));
    return true;
}

} // namespace netstage
