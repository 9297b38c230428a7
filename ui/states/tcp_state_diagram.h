#pragma once

#include "core/ladder/ladder.h"

#include <QColor>
#include <QCoreApplication>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <vector>

class QPainter;

namespace netstage {

// RFC 9293's TCP state diagram (Figure 5: the 11 states and the transitions between them,
// labelled "rcv SYN / snd SYN,ACK") with the path a real connection took drawn on it. The path
// comes from a Ladder's states, which change exactly at the segment that changes them, so the
// diagram and the ladder always agree and replay together: items [0, upTo) of the ladder give
// the diagram at that moment. Each end has its lane colour; its current state is filled with it,
// the transitions it took are traced and numbered in order, the last one drawn as it happens;
// transitions nobody took stay faint so the whole map is visible. QPainter only: the same
// picture in the view, a PNG and an SVG, headless too.
class TcpStateDiagram
{
    Q_DECLARE_TR_FUNCTIONS(netstage::TcpStateDiagram)
public:
    // The boxes. CLOSED is drawn twice, as in the RFC's figure: where a connection starts (top)
    // and where it ends (bottom).
    enum Node
    {
        Closed,
        Listen,
        SynReceived,
        SynSent,
        Established,
        FinWait1,
        FinWait2,
        CloseWait,
        Closing,
        LastAck,
        TimeWait,
        ClosedEnd,
        NodeCount
    };
    struct Transition
    {
        Node from;
        Node to;
        const char* event;  // "rcv SYN" (source string, translated when drawn)
        const char* action; // "snd SYN,ACK", or "" for none
        qreal bend;         // curvature, so edges that share two boxes do not overlap
        bool inFigure;      // false: Linux does it but the RFC's figure does not draw it
    };
    static const std::vector<Transition>& transitions();
    static QString nodeName(Node node);             // "ESTABLISHED", "SYN-RECEIVED", "CLOSED"
    static QString transitionLabel(int transition); // "rcv SYN / snd SYN,ACK", translated

    // One change of state of one end, in the order the ladder shows them.
    struct Step
    {
        int lane = 0; // index into Path::lanes
        Node from = Closed;
        Node to = Closed;
        int transition = -1; // into transitions(); -1: the RFC has no such edge
        int stateItem = -1;  // the ladder item of the state change
        int causeItem = -1;  // the ladder item of the segment that caused it; -1: none
        qint64 t_us = 0;
    };
    struct Path
    {
        std::vector<int> lanes;     // the ladder's TCP lanes drawn (at most 4)
        std::vector<Node> start;    // per lane: where it began
        std::vector<int> startItem; // per lane: the item of its first state
        std::vector<Step> steps;    // every change, in item order
        // The states a lane passed through among items [0, upTo) (all: upTo < 0), by name,
        // starting with where it began: "CLOSED", "SYN-SENT", "ESTABLISHED"...
        QStringList statesOf(int lane, int upTo = -1) const;
        Node currentNode(int lane, int upTo) const;
        int lastStep(int upTo) const; // the latest step shown among items [0, upTo), or -1
    };
    static Path pathOf(const Ladder& ladder);

    // When a socket was in a state: one entry per stay, from the item that entered it to the
    // one that left it (-1: still there at the end of the recording).
    struct Moment
    {
        int lane = 0;
        int enterItem = -1;
        int leaveItem = -1;
        qint64 fromUs = 0;
        qint64 toUs = -1;
    };
    static std::vector<Moment> momentsIn(const Ladder& ladder, const Path& path, Node node);

    enum class Theme
    {
        Light,
        Dark
    };
    struct Options
    {
        Theme theme = Theme::Light;
        int upTo = -1;         // items of the ladder shown; -1: all
        qreal progress = 1.0;  // of the last transition: where its dot is (0..1)
        QString title;         // e.g. the lesson; a legend with each end is always drawn
        int selectedNode = -1; // outlined: the state whose moments are listed
    };

    static QSizeF size(); // of the whole diagram at scale 1
    // Draws the diagram scaled to fit `target` (aspect kept, centred).
    void paint(QPainter* painter, const QRectF& target, const Ladder& ladder, const Path& path,
               const Options& options) const;
    // Hit tests in diagram coordinates (scale 1, see size()).
    int nodeAt(QPointF pos) const;                             // a Node or -1
    int stepAt(const Path& path, QPointF pos, int upTo) const; // a taken step or -1
    static QRectF nodeRect(Node node);
    static QPointF transitionPoint(int transition, qreal t); // on its curve, t in [0, 1]

    // PNG or SVG by the file's extension; needs a QGuiApplication (fonts), offscreen is enough.
    static bool writeImage(const Ladder& ladder, const Options& options, const QString& path,
                           QString* error);

    static QColor laneColor(int lane, Theme theme);
    // "client 127.0.0.1:51514" for the legend and the moments list.
    static QString laneName(const Ladder& ladder, const Path& path, int lane);
};

} // namespace netstage
