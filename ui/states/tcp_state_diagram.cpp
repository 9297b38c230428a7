#include "ui/states/tcp_state_diagram.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QtMath>
#include <algorithm>
#include <array>

namespace netstage {

namespace {

constexpr qreal kWidth = 960;
constexpr qreal kHeight = 860;
constexpr qreal kBoxW = 184;
constexpr qreal kBoxH = 46;
constexpr qreal kCol[3] = {180, 480, 780};
constexpr qreal kRow[7] = {118, 212, 316, 420, 535, 650, 792};
constexpr int kMaxLanes = 4;

struct Place
{
    int col;
    int row;
};
// Where each box sits, following the RFC's figure: opening at the top, the closer's states
// down the left, the other side's down the right.
constexpr std::array<Place, TcpStateDiagram::NodeCount> kPlace = {{
    {1, 0}, // CLOSED
    {1, 1}, // LISTEN
    {0, 2}, // SYN-RECEIVED
    {2, 2}, // SYN-SENT
    {1, 3}, // ESTABLISHED
    {0, 4}, // FIN-WAIT-1
    {0, 5}, // FIN-WAIT-2
    {2, 4}, // CLOSE-WAIT
    {1, 5}, // CLOSING
    {2, 5}, // LAST-ACK
    {1, 6}, // TIME-WAIT
    {2, 6}, // CLOSED (the end)
}};

struct Palette
{
    QColor bg, text, subtle, faint, faintText, box, boxBorder, accent, labelBg;
};

Palette paletteFor(TcpStateDiagram::Theme theme)
{
    if (theme == TcpStateDiagram::Theme::Dark)
        return {QColor(0x17, 0x19, 0x1d), QColor(0xf2, 0xf2, 0xf2), QColor(0xc4, 0xc8, 0xce),
                QColor(0x4a, 0x4f, 0x57), QColor(0x8a, 0x90, 0x99), QColor(0x25, 0x28, 0x2e),
                QColor(0x6a, 0x70, 0x7a), QColor(0xff, 0xb8, 0x6b), QColor(0x17, 0x19, 0x1d, 220)};
    return {QColor(Qt::white),        QColor(0x14, 0x14, 0x14), QColor(0x48, 0x48, 0x48),
            QColor(0xcc, 0xcc, 0xcc), QColor(0x8f, 0x8f, 0x8f), QColor(0xf4, 0xf5, 0xf7),
            QColor(0x9a, 0x9a, 0x9a), QColor(0xcc, 0x79, 0xa7), QColor(255, 255, 255, 225)};
}

QPointF centerOf(TcpStateDiagram::Node n)
{
    const Place p = kPlace[std::size_t(n)];
    return {kCol[p.col], kRow[p.row]};
}

// Where the ray from the box's centre towards `toward` leaves the box.
QPointF boxExit(TcpStateDiagram::Node n, QPointF toward)
{
    const QPointF c = centerOf(n);
    const QPointF d = toward - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const qreal tx = qFuzzyIsNull(d.x()) ? 1e9 : (kBoxW / 2 + 3) / qAbs(d.x());
    const qreal ty = qFuzzyIsNull(d.y()) ? 1e9 : (kBoxH / 2 + 3) / qAbs(d.y());
    return c + d * std::min(tx, ty);
}

struct Curve
{
    QPointF s, c, e;
    QPointF at(qreal t) const
    {
        const qreal u = 1 - t;
        return u * u * s + 2 * u * t * c + t * t * e;
    }
};

Curve curveBetween(TcpStateDiagram::Node from, TcpStateDiagram::Node to, qreal bend)
{
    const QPointF a = centerOf(from);
    const QPointF b = centerOf(to);
    const QPointF d = b - a;
    const qreal len = std::max<qreal>(1, std::hypot(d.x(), d.y()));
    const QPointF normal(-d.y() / len, d.x() / len);
    const QPointF ctrl = (a + b) / 2 + normal * bend;
    Curve c;
    c.s = boxExit(from, ctrl);
    c.e = boxExit(to, ctrl);
    c.c = (c.s + c.e) / 2 + normal * bend;
    return c;
}

Curve shifted(Curve c, qreal by)
{
    const QPointF d = c.e - c.s;
    const qreal len = std::max<qreal>(1, std::hypot(d.x(), d.y()));
    const QPointF n(-d.y() / len * by, d.x() / len * by);
    c.s += n;
    c.c += n;
    c.e += n;
    return c;
}

QPainterPath curvePath(const Curve& c, qreal upTo = 1.0)
{
    QPainterPath p(c.s);
    if (upTo >= 1.0) {
        p.quadTo(c.c, c.e);
        return p;
    }
    constexpr int kSteps = 24;
    for (int i = 1; i <= kSteps; ++i)
        p.lineTo(c.at(upTo * i / kSteps));
    return p;
}

void arrowHead(QPainter* p, QPointF tip, QPointF from, qreal size, const QColor& color)
{
    const QPointF d = tip - from;
    const qreal len = std::max<qreal>(0.001, std::hypot(d.x(), d.y()));
    const QPointF u = d / len;
    const QPointF n(-u.y(), u.x());
    QPolygonF head;
    head << tip << tip - u * size + n * size * 0.5 << tip - u * size - n * size * 0.5;
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    p->drawPolygon(head);
}

QFont fontOf(qreal px, bool bold = false)
{
    QFont f;
    f.setPixelSize(int(px));
    f.setBold(bold);
    return f;
}

TcpStateDiagram::Node nodeForState(const QString& state, bool begun)
{
    using N = TcpStateDiagram;
    static const std::array<std::pair<const char*, TcpStateDiagram::Node>, 11> names = {{
        {"LISTEN", N::Listen},
        {"SYN-RECEIVED", N::SynReceived},
        {"SYN-RECV", N::SynReceived},
        {"SYN-SENT", N::SynSent},
        {"ESTABLISHED", N::Established},
        {"FIN-WAIT-1", N::FinWait1},
        {"FIN-WAIT-2", N::FinWait2},
        {"CLOSE-WAIT", N::CloseWait},
        {"CLOSING", N::Closing},
        {"LAST-ACK", N::LastAck},
        {"TIME-WAIT", N::TimeWait},
    }};
    for (const auto& [name, node] : names) {
        if (state == QLatin1String(name))
            return node;
    }
    return begun ? N::ClosedEnd : N::Closed;
}

int findTransition(TcpStateDiagram::Node from, TcpStateDiagram::Node& to)
{
    const auto& all = TcpStateDiagram::transitions();
    for (int i = 0; i < int(all.size()); ++i) {
        if (all[std::size_t(i)].from == from && all[std::size_t(i)].to == to)
            return i;
    }
    // CLOSED is one state drawn twice: take whichever box has the edge.
    if (to == TcpStateDiagram::Closed || to == TcpStateDiagram::ClosedEnd) {
        const TcpStateDiagram::Node other =
            to == TcpStateDiagram::Closed ? TcpStateDiagram::ClosedEnd : TcpStateDiagram::Closed;
        for (int i = 0; i < int(all.size()); ++i) {
            if (all[std::size_t(i)].from == from && all[std::size_t(i)].to == other) {
                to = other;
                return i;
            }
        }
    }
    return -1;
}

QString labelText(int transition)
{
    const auto& all = TcpStateDiagram::transitions();
    const TcpStateDiagram::Transition& t = all[std::size_t(transition)];
    const QString event = TcpStateDiagram::tr(t.event);
    return *t.action ? event + QLatin1Char('\n') + TcpStateDiagram::tr(t.action) : event;
}

} // namespace

const std::vector<TcpStateDiagram::Transition>& TcpStateDiagram::transitions()
{
    static const std::vector<Transition> all = {
        {Closed, Listen, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "passive OPEN"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "create TCB"), 34, true},
        {Closed, SynSent, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "active OPEN"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd SYN"), -20, true},
        {Listen, SynReceived, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "rcv SYN"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd SYN,ACK"), 26, true},
        {Listen, SynSent, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "SEND"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd SYN"), 0, true},
        {Listen, Closed, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "CLOSE"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "delete TCB"), 34, true},
        {SynReceived, Listen, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "rcv RST"), "", 26,
         true},
        {SynSent, SynReceived, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "rcv SYN"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd SYN,ACK"), 0, true},
        {SynSent, Established, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "rcv SYN,ACK"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd ACK"), 0, true},
        {SynSent, Closed,
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "CLOSE, rcv RST or timeout"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "delete TCB"), 110, true},
        {SynReceived, Established, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "rcv ACK of SYN"),
         "", 0, true},
        {SynReceived, FinWait1, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "CLOSE"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd FIN"), 0, true},
        {Established, FinWait1, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "CLOSE"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd FIN"), 0, true},
        {Established, CloseWait, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "rcv FIN"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd ACK"), 0, true},
        {Established, ClosedEnd,
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "ABORT, rcv RST or timeout"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd RST"), 30, false},
        {FinWait1, FinWait2, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "rcv ACK of FIN"), "",
         0, true},
        {FinWait1, Closing, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "rcv FIN"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd ACK"), 0, true},
        {FinWait1, TimeWait, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "rcv FIN,ACK of FIN"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd ACK"), 0, false},
        {FinWait2, TimeWait, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "rcv FIN"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd ACK"), 0, true},
        {Closing, TimeWait, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "rcv ACK of FIN"), "", 0,
         true},
        {CloseWait, LastAck, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "CLOSE"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "snd FIN"), 0, true},
        {LastAck, ClosedEnd, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "rcv ACK of FIN"), "",
         0, true},
        {TimeWait, ClosedEnd, QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "timeout = 2MSL"),
         QT_TRANSLATE_NOOP("netstage::TcpStateDiagram", "delete TCB"), 0, true},
    };
    return all;
}

QString TcpStateDiagram::nodeName(Node node)
{
    static const char* const names[NodeCount] = {
        "CLOSED",     "LISTEN",     "SYN-RECEIVED", "SYN-SENT", "ESTABLISHED", "FIN-WAIT-1",
        "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING",      "LAST-ACK", "TIME-WAIT",   "CLOSED"};
    if (int(node) < 0 || int(node) >= int(NodeCount))
        return QString();
    return QString::fromLatin1(names[node]);
}

QString TcpStateDiagram::transitionLabel(int transition)
{
    const auto& all = transitions();
    if (transition < 0 || transition >= int(all.size()))
        return tr("not drawn in RFC 9293's figure");
    const Transition& t = all[std::size_t(transition)];
    const QString event = tr(t.event);
    return *t.action ? event + QStringLiteral(" / ") + tr(t.action) : event;
}

TcpStateDiagram::Path TcpStateDiagram::pathOf(const Ladder& ladder)
{
    Path path;
    std::vector<int> pathLaneOf(ladder.lanes.size(), -1);
    for (int i = 0; i < int(ladder.lanes.size()) && int(path.lanes.size()) < kMaxLanes; ++i) {
        if (ladder.lanes[std::size_t(i)].proto == QLatin1String("tcp")) {
            pathLaneOf[std::size_t(i)] = int(path.lanes.size());
            path.lanes.push_back(i);
        }
    }
    path.start.assign(path.lanes.size(), Closed);
    path.startItem.assign(path.lanes.size(), -1);
    std::vector<Node> current(path.lanes.size(), Closed);
    std::vector<char> begun(path.lanes.size(), 0);
    // The arrow items by event, so a state change finds the segment that caused it.
    std::vector<int> itemOfArrow(ladder.arrows.size(), -1);
    for (int i = 0; i < int(ladder.items.size()); ++i) {
        if (ladder.items[std::size_t(i)].kind == LadderItem::Kind::Arrow)
            itemOfArrow[std::size_t(ladder.items[std::size_t(i)].index)] = i;
    }
    for (int i = 0; i < int(ladder.items.size()); ++i) {
        const LadderItem& it = ladder.items[std::size_t(i)];
        if (it.kind != LadderItem::Kind::State)
            continue;
        const LadderState& s = ladder.states[std::size_t(it.index)];
        if (s.lane < 0 || s.lane >= int(pathLaneOf.size()) || pathLaneOf[std::size_t(s.lane)] < 0)
            continue;
        const int lane = pathLaneOf[std::size_t(s.lane)];
        Node to = nodeForState(s.state, begun[std::size_t(lane)]);
        if (!begun[std::size_t(lane)]) {
            begun[std::size_t(lane)] = 1;
            path.start[std::size_t(lane)] = to;
            path.startItem[std::size_t(lane)] = i;
            current[std::size_t(lane)] = to;
            continue;
        }
        const Node from = current[std::size_t(lane)];
        if (nodeName(from) == nodeName(to))
            continue;
        Step step;
        step.lane = lane;
        step.from = from;
        step.transition = findTransition(from, to);
        step.to = to;
        step.stateItem = i;
        step.t_us = it.t_us;
        if (s.eventIndex >= 0) {
            for (std::size_t a = 0; a < ladder.arrows.size(); ++a) {
                if (ladder.arrows[a].eventIndex == s.eventIndex) {
                    step.causeItem = itemOfArrow[a];
                    break;
                }
            }
        }
        path.steps.push_back(step);
        current[std::size_t(lane)] = to;
    }
    return path;
}

QStringList TcpStateDiagram::Path::statesOf(int lane, int upTo) const
{
    QStringList out;
    if (lane < 0 || lane >= int(lanes.size()) || startItem[std::size_t(lane)] < 0)
        return out;
    if (upTo >= 0 && startItem[std::size_t(lane)] >= upTo)
        return out;
    out << nodeName(start[std::size_t(lane)]);
    for (const Step& s : steps) {
        if (upTo >= 0 && s.stateItem >= upTo)
            break;
        if (s.lane == lane)
            out << nodeName(s.to);
    }
    return out;
}

TcpStateDiagram::Node TcpStateDiagram::Path::currentNode(int lane, int upTo) const
{
    if (lane < 0 || lane >= int(lanes.size()) || startItem[std::size_t(lane)] < 0 ||
        (upTo >= 0 && startItem[std::size_t(lane)] >= upTo))
        return NodeCount;
    Node n = start[std::size_t(lane)];
    for (const Step& s : steps) {
        if (upTo >= 0 && s.stateItem >= upTo)
            break;
        if (s.lane == lane)
            n = s.to;
    }
    return n;
}

int TcpStateDiagram::Path::lastStep(int upTo) const
{
    int last = -1;
    for (int i = 0; i < int(steps.size()); ++i) {
        if (upTo >= 0 && steps[std::size_t(i)].stateItem >= upTo)
            break;
        last = i;
    }
    return last;
}

std::vector<TcpStateDiagram::Moment> TcpStateDiagram::momentsIn(const Ladder& ladder,
                                                                const Path& path, Node node)
{
    std::vector<Moment> out;
    const QString name = nodeName(node);
    auto timeOf = [&ladder](int item) {
        return item >= 0 && item < int(ladder.items.size()) ? ladder.items[std::size_t(item)].t_us
                                                            : qint64(-1);
    };
    for (int lane = 0; lane < int(path.lanes.size()); ++lane) {
        if (path.startItem[std::size_t(lane)] < 0)
            continue;
        Node at = path.start[std::size_t(lane)];
        int since = path.startItem[std::size_t(lane)];
        for (const Step& s : path.steps) {
            if (s.lane != lane)
                continue;
            if (nodeName(at) == name)
                out.push_back({lane, since, s.stateItem, timeOf(since), s.t_us});
            at = s.to;
            since = s.stateItem;
        }
        if (nodeName(at) == name)
            out.push_back({lane, since, -1, timeOf(since), -1});
    }
    std::sort(out.begin(), out.end(),
              [](const Moment& a, const Moment& b) { return a.enterItem < b.enterItem; });
    return out;
}

QSizeF TcpStateDiagram::size()
{
    return {kWidth, kHeight};
}

QRectF TcpStateDiagram::nodeRect(Node node)
{
    const QPointF c = centerOf(node);
    return {c.x() - kBoxW / 2, c.y() - kBoxH / 2, kBoxW, kBoxH};
}

QPointF TcpStateDiagram::transitionPoint(int transition, qreal t)
{
    const auto& all = transitions();
    if (transition < 0 || transition >= int(all.size()))
        return {};
    const Transition& edge = all[std::size_t(transition)];
    return curveBetween(edge.from, edge.to, edge.bend).at(t);
}

QColor TcpStateDiagram::laneColor(int lane, Theme theme)
{
    // Okabe & Ito: blue and vermillion for client and server, told apart by every common
    // colour-vision deficiency.
    static const QColor light[kMaxLanes] = {QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00),
                                            QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7)};
    static const QColor dark[kMaxLanes] = {QColor(0x56, 0xb4, 0xe9), QColor(0xe6, 0x9f, 0x00),
                                           QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7)};
    const int i = ((lane % kMaxLanes) + kMaxLanes) % kMaxLanes;
    return theme == Theme::Dark ? dark[i] : light[i];
}

QString TcpStateDiagram::laneName(const Ladder& ladder, const Path& path, int lane)
{
    if (lane < 0 || lane >= int(path.lanes.size()))
        return QString();
    const LadderLane& l = ladder.lanes[std::size_t(path.lanes[std::size_t(lane)])];
    const QString role = l.role == QLatin1String("client")   ? tr("client")
                         : l.role == QLatin1String("server") ? tr("server")
                                                             : tr("peer");
    return role + QLatin1Char(' ') + l.endpoint;
}

int TcpStateDiagram::nodeAt(QPointF pos) const
{
    for (int n = 0; n < NodeCount; ++n) {
        if (nodeRect(Node(n)).adjusted(-4, -4, 4, 4).contains(pos))
            return n;
    }
    return -1;
}

int TcpStateDiagram::stepAt(const Path& path, QPointF pos, int upTo) const
{
    // The nearest taken transition within reach; later steps win ties (the one just taken).
    int best = -1;
    qreal bestDist = 14;
    for (int i = 0; i < int(path.steps.size()); ++i) {
        const Step& s = path.steps[std::size_t(i)];
        if (upTo >= 0 && s.stateItem >= upTo)
            break;
        Curve c;
        if (s.transition >= 0) {
            const Transition& t = transitions()[std::size_t(s.transition)];
            c = curveBetween(t.from, t.to, t.bend);
        } else {
            c = curveBetween(s.from, s.to, 0);
        }
        for (int k = 0; k <= 40; ++k) {
            const QPointF d = c.at(k / 40.0) - pos;
            const qreal dist = std::hypot(d.x(), d.y());
            if (dist <= bestDist) {
                bestDist = dist;
                best = i;
            }
        }
    }
    return best;
}

void TcpStateDiagram::paint(QPainter* p, const QRectF& target, const Ladder& ladder,
                            const Path& path, const Options& o) const
{
    const Palette pal = paletteFor(o.theme);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setRenderHint(QPainter::TextAntialiasing);
    const qreal scale = std::min(target.width() / kWidth, target.height() / kHeight);
    p->translate(target.x() + (target.width() - kWidth * scale) / 2,
                 target.y() + (target.height() - kHeight * scale) / 2);
    p->scale(scale, scale);
    p->fillRect(QRectF(0, 0, kWidth, kHeight), pal.bg);

    const int upTo = o.upTo < 0 ? int(ladder.items.size()) : o.upTo;
    const int last = path.lastStep(upTo);
    const bool animating = last >= 0 && o.progress < 1.0;
    const int lanes = int(path.lanes.size());

    // Which transitions and boxes each lane has been through.
    const auto& all = transitions();
    std::vector<std::vector<char>> took(all.size(), std::vector<char>(std::size_t(lanes), 0));
    std::vector<std::vector<char>> visited(NodeCount, std::vector<char>(std::size_t(lanes), 0));
    std::vector<Node> now(std::size_t(lanes), NodeCount);
    for (int l = 0; l < lanes; ++l) {
        now[std::size_t(l)] = path.currentNode(l, upTo);
        if (now[std::size_t(l)] != NodeCount)
            visited[path.start[std::size_t(l)]][std::size_t(l)] = 1;
    }
    for (int i = 0; i <= last; ++i) {
        const Step& s = path.steps[std::size_t(i)];
        if (s.transition >= 0)
            took[std::size_t(s.transition)][std::size_t(s.lane)] = 1;
        visited[s.to][std::size_t(s.lane)] = 1;
    }
    if (animating) // the box lights up when the dot arrives
        now[std::size_t(path.steps[std::size_t(last)].lane)] = path.steps[std::size_t(last)].from;

    // Title and legend.
    p->setPen(pal.text);
    p->setFont(fontOf(20, true));
    p->drawText(QRectF(20, 8, kWidth - 40, 28), Qt::AlignLeft | Qt::AlignVCenter,
                o.title.isEmpty() ? tr("TCP state diagram (RFC 9293)") : o.title);
    qreal lx = 20;
    p->setFont(fontOf(17, true));
    for (int l = 0; l < lanes; ++l) {
        const QColor c = laneColor(l, o.theme);
        const Node at = now[std::size_t(l)];
        const QString text = laneName(ladder, path, l) +
                             (at == NodeCount ? QString() : QStringLiteral(": ") + nodeName(at));
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        p->drawEllipse(QRectF(lx, 46, 16, 16));
        p->setPen(pal.text);
        const qreal w = QFontMetricsF(p->font()).horizontalAdvance(text);
        p->drawText(QRectF(lx + 22, 40, w + 4, 28), Qt::AlignLeft | Qt::AlignVCenter, text);
        lx += 22 + w + 28;
    }
    p->setFont(fontOf(12));
    p->setPen(pal.faintText);
    p->drawText(QRectF(20, kHeight - 26, kWidth - 40, 20), Qt::AlignLeft | Qt::AlignVCenter,
                tr("Faint: transitions not taken in this run. Dashed: Linux does it, RFC 9293's "
                   "figure does not draw it. Numbers: the order each end took them."));

    // Every transition, faint; its label too.
    // A label in two lines (event, then action), on the line where it is straight, beside
    // the bulge where it bends, so labels of edges between the same boxes stay apart.
    auto drawLabel = [&](int i, const QColor& ink, bool bold) {
        const Transition& t = all[std::size_t(i)];
        const Curve c = curveBetween(t.from, t.to, t.bend);
        const QString text = labelText(i);
        p->setFont(fontOf(14, bold));
        const QFontMetricsF fm(p->font());
        const QRectF box = fm.boundingRect(QRectF(0, 0, 400, 100), Qt::AlignCenter, text);
        const QSizeF size(box.width() + 8, box.height() + 2);
        QPointF center;
        if (qAbs(t.bend) >= 20) {
            const QPointF apex = c.at(0.5);
            const QPointF mid = (c.s + c.e) / 2;
            const QPointF out = apex - mid;
            if (qAbs(out.x()) >= qAbs(out.y()))
                center = apex + QPointF((out.x() > 0 ? 1 : -1) * (size.width() / 2 + 4), 0);
            else
                center = apex + QPointF(0, (out.y() > 0 ? 1 : -1) * (size.height() / 2 + 4));
        } else {
            center = c.at(t.from == FinWait1 && t.to == TimeWait ? 0.62 : 0.55);
        }
        const QRectF r(center - QPointF(size.width() / 2, size.height() / 2), size);
        p->setPen(Qt::NoPen);
        p->setBrush(pal.labelBg);
        p->drawRoundedRect(r, 4, 4);
        p->setPen(ink);
        p->drawText(r, Qt::AlignCenter, text);
    };
    for (int i = 0; i < int(all.size()); ++i) {
        const Transition& t = all[std::size_t(i)];
        const Curve c = curveBetween(t.from, t.to, t.bend);
        QPen pen(pal.faint, 2);
        if (!t.inFigure)
            pen.setStyle(Qt::DashLine);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawPath(curvePath(c));
        arrowHead(p, c.e, c.at(0.92), 11, pal.faint);
    }

    // The path, lane by lane, each shifted a little so shared transitions show both colours.
    struct Disc
    {
        QPointF at;
        QColor color;
        int number;
    };
    std::vector<Disc> discs;
    std::vector<int> order(std::size_t(lanes), 0);
    for (int i = 0; i <= last; ++i) {
        const Step& s = path.steps[std::size_t(i)];
        const int n = ++order[std::size_t(s.lane)];
        Curve c;
        bool dashed = true;
        if (s.transition >= 0) {
            const Transition& t = all[std::size_t(s.transition)];
            c = curveBetween(t.from, t.to, t.bend);
            dashed = !t.inFigure;
        } else {
            c = curveBetween(s.from, s.to, 0);
        }
        c = shifted(c, (s.lane - (lanes - 1) / 2.0) * 6);
        const QColor color = laneColor(s.lane, o.theme);
        const bool isLast = i == last;
        const qreal shown = isLast && animating ? o.progress : 1.0;
        QPen pen(color, isLast ? 6 : 4, dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawPath(curvePath(c, shown));
        if (shown >= 1.0)
            arrowHead(p, c.e, c.at(0.9), isLast ? 18 : 14, color);
        if (isLast && animating) {
            p->setPen(QPen(pal.bg, 2));
            p->setBrush(color);
            p->drawEllipse(c.at(shown), 9, 9);
        }
        // The order it was taken in, a numbered disc near the start of the edge (drawn last,
        // over the labels).
        discs.push_back({c.at(0.22 + 0.1 * s.lane), color, n});
    }

    // Labels above the lines: faint for untaken, dark for taken.
    for (int i = 0; i < int(all.size()); ++i) {
        const bool taken = std::any_of(took[std::size_t(i)].begin(), took[std::size_t(i)].end(),
                                       [](char v) { return v != 0; });
        drawLabel(i, taken ? pal.text : pal.faintText, taken);
    }

    for (const Disc& d : discs) {
        p->setPen(QPen(pal.bg, 1.5));
        p->setBrush(d.color);
        p->drawEllipse(d.at, 10, 10);
        p->setPen(Qt::white);
        p->setFont(fontOf(12, true));
        p->drawText(QRectF(d.at.x() - 10, d.at.y() - 10, 20, 20), Qt::AlignCenter,
                    QString::number(d.number));
    }

    // The boxes.
    for (int n = 0; n < NodeCount; ++n) {
        const QRectF r = nodeRect(Node(n));
        std::vector<int> here;
        std::vector<int> been;
        for (int l = 0; l < lanes; ++l) {
            if (now[std::size_t(l)] == n)
                here.push_back(l);
            if (visited[std::size_t(n)][std::size_t(l)])
                been.push_back(l);
        }
        if (o.selectedNode == n) {
            p->setPen(QPen(pal.accent, 3, Qt::DashLine));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(r.adjusted(-7, -7, 7, 7), 12, 12);
        }
        p->setPen(Qt::NoPen);
        if (here.empty()) {
            p->setBrush(pal.box);
            p->drawRoundedRect(r, 8, 8);
        } else {
            // Shared by both ends: split the box between their colours.
            const qreal w = r.width() / qreal(here.size());
            QPainterPath clip;
            clip.addRoundedRect(r, 8, 8);
            p->save();
            p->setClipPath(clip);
            for (std::size_t k = 0; k < here.size(); ++k)
                p->fillRect(QRectF(r.x() + w * qreal(k), r.y(), w, r.height()),
                            laneColor(here[k], o.theme));
            p->restore();
        }
        // A ring per end that has been here.
        qreal inset = 0;
        for (int l : been) {
            p->setPen(QPen(laneColor(l, o.theme), 3));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(r.adjusted(inset, inset, -inset, -inset), 8, 8);
            inset += 3;
        }
        if (been.empty()) {
            p->setPen(QPen(pal.boxBorder, 1.5));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(r, 8, 8);
        }
        p->setFont(fontOf(19, true));
        p->setPen(!here.empty() ? QColor(Qt::white) : been.empty() ? pal.subtle : pal.text);
        p->drawText(r, Qt::AlignCenter, nodeName(Node(n)));
    }
    p->restore();
}

bool TcpStateDiagram::writeImage(const Ladder& ladder, const Options& options, const QString& path,
                                 QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return fail(tr("Cannot save the state diagram as \"%1\": use a file name ending in .png "
                       "or .svg.")
                        .arg(path));
    const TcpStateDiagram diagram;
    const Path p = pathOf(ladder);
    const QRectF target(QPointF(0, 0), size());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write \"%1\": %2").arg(path, file.errorString()));
    if (suffix == QLatin1String("png")) {
        // Twice the size: sharp on a projector and when printed.
        QImage image((size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(paletteFor(options.theme).bg);
        QPainter painter(&image);
        diagram.paint(&painter, QRectF(QPointF(0, 0), size() * 2), ladder, p, options);
        painter.end();
        if (!image.save(&file, "PNG"))
            return fail(tr("Cannot write \"%1\": %2").arg(path, file.errorString()));
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size().toSize());
        svg.setViewBox(target);
        svg.setTitle(options.title.isEmpty() ? tr("TCP state diagram (RFC 9293)") : options.title);
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(tr("Cannot write \"%1\": the SVG could not be started.").arg(path));
        diagram.paint(&painter, target, ladder, p, options);
        painter.end();
    }
    if (!file.commit())
        return fail(tr("Cannot write \"%1\": %2").arg(path, file.errorString()));
    return true;
}

} // namespace netstage
