#include "ladder.h"

#include "tcp_model.h"

#include <QHash>
#include <algorithm>

namespace netstage {

namespace {

QString letterPlus(const QString& letter, qint64 rel)
{
    if (rel == 0)
        return letter;
    return rel > 0 ? QStringLiteral("%1+%2").arg(letter).arg(rel)
                   : QStringLiteral("%1%2").arg(letter).arg(rel);
}

qint64 relative(qint64 value, qint64 isn)
{
    return static_cast<qint64>(static_cast<quint32>((value - isn) & 0xffffffff));
}

bool isSyn(const Event& e)
{
    const QStringList f = e.flags.split(QLatin1Char(','));
    return f.contains(QLatin1String("SYN")) && !f.contains(QLatin1String("ACK"));
}

} // namespace

QString LadderArrow::textbookSeq() const
{
    return QStringLiteral("seq=%1").arg(letterPlus(seqLetter, relSeq));
}

QString LadderArrow::textbookAck() const
{
    if (ack < 0)
        return {};
    return QStringLiteral("ack=%1").arg(letterPlus(ackLetter, relAck));
}

Ladder Ladder::fromEvents(const std::vector<Event>& events, const QString& preferSource)
{
    Ladder l;
    // Which source draws the arrows.
    bool haveWire = false, haveModel = false;
    for (const Event& e : events) {
        if (e.event == ev::Segment) {
            haveWire |= e.source == ev::Wire;
            haveModel |= e.source == ev::Model;
        }
    }
    std::vector<Event> derived;
    if (preferSource == ev::Wire && haveWire) {
        l.source = ev::Wire;
    } else if (haveModel) {
        l.source = ev::Model;
    } else {
        derived = TcpModel::derive(events);
        l.source = derived.empty() ? QString() : ev::Model;
    }

    // The segments to draw, with the index of their event (-1 for freshly derived ones).
    std::vector<std::pair<Event, qint64>> segs;
    if (!derived.empty()) {
        for (const Event& e : derived) {
            if (e.event == ev::Segment)
                segs.emplace_back(e, -1);
        }
    } else {
        for (std::size_t i = 0; i < events.size(); ++i) {
            if (events[i].event == ev::Segment && events[i].source == l.source)
                segs.emplace_back(events[i], qint64(i));
        }
    }
    std::stable_sort(segs.begin(), segs.end(),
                     [](const auto& a, const auto& b) { return a.first.t_us < b.first.t_us; });

    // Lanes: for each connection (in order of its SYN) the client, then its server.
    QHash<QString, int> laneOf;
    QStringList listeners;
    for (const Event& e : events) {
        if (e.source == ev::App && e.event == ev::Listening && !e.local.isEmpty())
            listeners << e.local;
    }
    auto addLane = [&](const QString& ep, const QString& role) {
        if (ep.isEmpty() || laneOf.contains(ep))
            return;
        laneOf.insert(ep, int(l.lanes.size()));
        l.lanes.push_back({ep, role, QString()});
    };
    for (const auto& [s, idx] : segs) {
        if (isSyn(s)) {
            addLane(s.src, QStringLiteral("client"));
            addLane(s.dst, QStringLiteral("server"));
        }
    }
    for (const auto& [s, idx] : segs) {
        addLane(s.src,
                listeners.contains(s.src) ? QStringLiteral("server") : QStringLiteral("peer"));
        addLane(s.dst,
                listeners.contains(s.dst) ? QStringLiteral("server") : QStringLiteral("peer"));
    }
    if (segs.empty()) {
        // Nothing on the wire yet: lanes from what the programs saw.
        for (const Event& e : events) {
            if (e.source != ev::App)
                continue;
            if (e.event == ev::Listening)
                addLane(e.local, QStringLiteral("server"));
            else if (e.socket.startsWith(QLatin1String("tcp-client")) && !e.local.isEmpty())
                addLane(e.local, QStringLiteral("client"));
        }
    }
    // Lane labels: the lab sockets living on that endpoint.
    QHash<int, QStringList> names;
    for (const Event& e : events) {
        if (e.socket.isEmpty() || e.local.isEmpty() || e.source == ev::Wire ||
            e.source == ev::Model)
            continue;
        const int lane = laneOf.value(e.local, -1);
        if (lane >= 0 && !names[lane].contains(e.socket))
            names[lane] << e.socket;
    }
    for (int i = 0; i < int(l.lanes.size()); ++i) {
        l.lanes[i].label = names.value(i).join(QStringLiteral(" / "));
        if (l.lanes[i].label.isEmpty())
            l.lanes[i].label = l.lanes[i].role;
    }

    // Arrows with relative numbers (like Wireshark) and textbook letters.
    QHash<QString, qint64> isn;
    QHash<QString, QString> letter;
    int connections = 0;
    for (const auto& [s, idx] : segs) {
        if (isSyn(s) && !letter.contains(s.src)) {
            // x, y for the first connection; x2, y2 for the next...
            const QString n = connections == 0 ? QString() : QString::number(connections + 1);
            letter.insert(s.src, QStringLiteral("x") + n);
            letter.insert(s.dst, QStringLiteral("y") + n);
            ++connections;
        }
    }
    const bool absolute = l.source == ev::Wire;
    std::vector<Event> segEvents;
    segEvents.reserve(segs.size());
    for (const auto& [s, idx] : segs) {
        if (absolute && !isn.contains(s.src))
            isn.insert(s.src, s.seq); // the SYN's number, or the first seen
        LadderArrow a;
        a.from = laneOf.value(s.src);
        a.to = laneOf.value(s.dst);
        a.t_us = s.t_us;
        a.flags = s.flags;
        a.seq = s.seq;
        a.ack = s.ack;
        a.len = std::max<qint64>(s.len, 0);
        a.win = s.win;
        a.opts = s.opts;
        a.payload = s.payload;
        a.source = s.source;
        a.eventIndex = idx;
        a.seqLetter = letter.value(s.src, QStringLiteral("x"));
        a.ackLetter = letter.value(s.dst, QStringLiteral("y"));
        if (absolute) {
            a.relSeq = relative(s.seq, isn.value(s.src));
            if (s.ack >= 0 && isn.contains(s.dst))
                a.relAck = relative(s.ack, isn.value(s.dst));
        } else {
            a.relSeq = s.seq;
            a.relAck = s.ack;
        }
        l.arrows.push_back(a);
        segEvents.push_back(s);
    }

    // States, derived from the arrows: exact to the segment.
    struct Pending
    {
        qint64 t;
        int sub; // 0 state before its arrow, 1 arrow or marker, 2 state after its arrow
        qint64 seq;
        LadderItem item;
    };
    std::vector<Pending> pending;
    qint64 order = 0;
    // Initial states, before anything happens on the lane.
    qint64 firstT = std::numeric_limits<qint64>::max();
    for (const Event& e : events)
        firstT = std::min(firstT, e.t_us);
    if (firstT == std::numeric_limits<qint64>::max())
        firstT = 0;
    for (int i = 0; i < int(l.lanes.size()); ++i) {
        const bool listens = listeners.contains(l.lanes[i].endpoint) ||
                             std::any_of(segEvents.begin(), segEvents.end(), [&](const Event& s) {
                                 return s.src == l.lanes[i].endpoint &&
                                        s.flags.contains(QLatin1String("SYN")) &&
                                        s.flags.contains(QLatin1String("ACK"));
                             });
        l.states.push_back({i, firstT,
                            listens ? QStringLiteral("LISTEN") : QStringLiteral("CLOSED"), l.source,
                            -1});
        pending.push_back(
            {firstT, -1, order++, {LadderItem::Kind::State, int(l.states.size() - 1), firstT}});
    }
    const std::vector<TcpModel::StateChange> changes =
        TcpModel::statesFromSegments(segEvents, listeners);
    for (const TcpModel::StateChange& c : changes) {
        const LadderArrow& a = l.arrows[c.segment];
        l.states.push_back({laneOf.value(c.endpoint), a.t_us, c.state, l.source, a.eventIndex});
        pending.push_back({a.t_us,
                           c.atSender ? 0 : 2,
                           qint64(c.segment),
                           {LadderItem::Kind::State, int(l.states.size() - 1), a.t_us}});
    }
    for (int i = 0; i < int(l.arrows.size()); ++i)
        pending.push_back({l.arrows[i].t_us, 1, i, {LadderItem::Kind::Arrow, i, l.arrows[i].t_us}});

    // Kernel observations and application markers.
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        const int lane = laneOf.value(e.local, -1);
        if (lane < 0)
            continue;
        if (e.source == ev::Kernel && e.event == ev::State) {
            l.kernel.push_back({lane, e.t_us, e.state, ev::Kernel, qint64(i)});
            continue;
        }
        if (e.source != ev::App || e.event == ev::Info)
            continue;
        QString text = e.event;
        if (e.event == ev::Data) {
            QString t = e.text();
            t.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
            if (t.size() > 24)
                t = t.left(23) + QChar(0x2026);
            text = QStringLiteral("%1 %2 %3 B \"%4\"")
                       .arg(e.event, e.dir == ev::Out ? QStringLiteral("→") : QStringLiteral("←"))
                       .arg(e.bytes)
                       .arg(t);
        } else if (e.event == QLatin1String("frame") || e.event == QLatin1String("handshake")) {
            // WebSocket (issue 5): the opcode or the HTTP line says more than the event name.
            const QString what = e.extra.value(QStringLiteral("opcode")).toString();
            const QString line = e.extra
                                     .value(e.dir == ev::Out ? QStringLiteral("status_line")
                                                             : QStringLiteral("request_line"))
                                     .toString();
            text = QStringLiteral("%1 %2 %3")
                       .arg(e.event, e.dir == ev::Out ? QStringLiteral("→") : QStringLiteral("←"),
                            e.event == QLatin1String("frame")
                                ? QStringLiteral("%1 %2 B").arg(what).arg(e.bytes)
                                : line);
        } else if (e.event == ev::Error) {
            text = QStringLiteral("error %1").arg(e.code);
        } else if (e.event == ev::Close && e.flags.contains(QLatin1String("RST"))) {
            text = QStringLiteral("close (abort)");
        }
        l.markers.push_back({lane, e.t_us, e.event, text, qint64(i)});
        pending.push_back({e.t_us,
                           1,
                           1000000000 + qint64(i),
                           {LadderItem::Kind::Marker, int(l.markers.size() - 1), e.t_us}});
    }

    std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
        if (a.t != b.t)
            return a.t < b.t;
        if (a.sub != b.sub)
            return a.sub < b.sub;
        return a.seq < b.seq;
    });
    l.items.reserve(pending.size());
    for (const Pending& p : pending)
        l.items.push_back(p.item);
    return l;
}

QString Ladder::toText() const
{
    QString out;
    out += source == ev::Wire    ? QStringLiteral("Ladder drawn from the wire (libpcap on lo)\n")
           : source == ev::Model ? QStringLiteral("Ladder drawn from the TCP model (RFC 9293), "
                                                  "not captured\n")
                                 : QStringLiteral("Ladder: no segments\n");
    for (std::size_t i = 0; i < lanes.size(); ++i)
        out += QStringLiteral("  lane %1: %2 %3 (%4)\n")
                   .arg(i)
                   .arg(lanes[i].label, lanes[i].endpoint, lanes[i].role);
    const qint64 t0 = items.empty() ? 0 : items.front().t_us;
    for (const LadderItem& it : items) {
        QString line = QStringLiteral("%1 ms  ").arg((it.t_us - t0) / 1000.0, 10, 'f', 3);
        switch (it.kind) {
        case LadderItem::Kind::Arrow: {
            const LadderArrow& a = arrows[it.index];
            const QString flags = QString(a.flags).replace(QLatin1Char(','), QLatin1Char('+'));
            line += QStringLiteral("%1 %2 %3  %4 %5 len=%6")
                        .arg(std::min(a.from, a.to))
                        .arg(a.from < a.to ? QStringLiteral("──%1──▶").arg(flags, -8)
                                           : QStringLiteral("◀──%1──").arg(flags, -8))
                        .arg(std::max(a.from, a.to))
                        .arg(a.textbookSeq(), -10)
                        .arg(a.textbookAck(), -10)
                        .arg(a.len);
            if (a.source == ev::Wire)
                line += QStringLiteral(" win=%1 (seq %2 ack %3)").arg(a.win).arg(a.seq).arg(a.ack);
            if (!a.opts.isEmpty() && a.flags.contains(QLatin1String("SYN")))
                line += QStringLiteral(" <%1>").arg(a.opts);
            break;
        }
        case LadderItem::Kind::State: {
            const LadderState& st = states[it.index];
            line += QStringLiteral("   lane %1 is %2").arg(st.lane).arg(st.state);
            break;
        }
        case LadderItem::Kind::Marker: {
            const LadderMarker& m = markers[it.index];
            line += QStringLiteral("   lane %1 app: %2").arg(m.lane).arg(m.text);
            break;
        }
        }
        out += line + QLatin1Char('\n');
    }
    return out;
}

QString Ladder::laneStateAt(int lane, int upTo) const
{
    QString s;
    for (int i = 0; i < upTo && i < int(items.size()); ++i) {
        if (items[i].kind == LadderItem::Kind::State && states[items[i].index].lane == lane)
            s = states[items[i].index].state;
    }
    return s;
}

} // namespace netstage
