#include "core/ladder/ladder.h"

#include "core/tcp/tcp_model.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
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

bool hasFlagIn(const QString& flags, const char* flag)
{
    return flags.split(QLatin1Char(',')).contains(QLatin1String(flag));
}

bool isSyn(const Event& e)
{
    const QStringList f = e.flags.split(QLatin1Char(','));
    return f.contains(QLatin1String("SYN")) && !f.contains(QLatin1String("ACK"));
}

bool isDatagramProto(const QString& proto)
{
    return proto == QLatin1String("udp") || proto == QLatin1String("dns");
}

// A datagram is what one program sent: an app event with both endpoints, outbound.
bool isDatagramOut(const Event& e)
{
    return e.source == ev::App && e.dir == ev::Out && isDatagramProto(e.proto) &&
           !e.local.isEmpty() && !e.remote.isEmpty() && e.event != QLatin1String("relay") &&
           e.event != ev::Error;
}

bool isDatagramIn(const Event& e)
{
    return e.source == ev::App && e.dir == ev::In && isDatagramProto(e.proto) &&
           !e.local.isEmpty() && e.event != QLatin1String("relay") && e.event != ev::Error;
}

QString shortText(const Event& e, int max = 24)
{
    if (e.payload.isEmpty())
        return {};
    if (e.payloadIsBinary())
        return QString::fromLatin1(e.payload.left(8).toHex(' ')) +
               (e.payload.size() > 8 ? QStringLiteral(" …") : QString());
    QString t = e.text();
    t.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    if (t.size() > max)
        t = t.left(max - 1) + QChar(0x2026);
    return QStringLiteral("“%1”").arg(t);
}

// "A? www.example.test" for a query; "A 127.0.0.1", "NXDOMAIN" or "referral test." for an
// answer (the URL walk's DNS events, see docs/EVENTS.md).
QString dnsLabel(const Event& e)
{
    const QString qname = e.extra.value(QStringLiteral("qname")).toString();
    const QString qtype = e.extra.value(QStringLiteral("qtype")).toString(QStringLiteral("A"));
    if (e.event == QLatin1String("query"))
        return QStringLiteral("%1? %2").arg(qtype, qname);
    const QJsonValue rc = e.extra.value(QStringLiteral("rcode"));
    const QString rcode =
        rc.isDouble() ? (rc.toInt() == 0 ? QString() : QString::number(rc.toInt())) : rc.toString();
    if (!rcode.isEmpty() && rcode != QLatin1String("NOERROR"))
        return rcode;
    const QJsonArray answers = e.extra.value(QStringLiteral("answers")).toArray();
    if (!answers.isEmpty()) {
        QString first = answers.first().toString().simplified();
        // "www.example.test. 300 IN A 127.0.0.1" -> "A 127.0.0.1"
        const QStringList parts = first.split(QLatin1Char(' '));
        const int in = int(parts.indexOf(QStringLiteral("IN")));
        if (in >= 0 && in + 2 < parts.size())
            first = parts.mid(in + 1).join(QLatin1Char(' '));
        else if (!first.startsWith(qtype + QLatin1Char(' ')))
            first = qtype + QLatin1Char(' ') + first;
        return answers.size() > 1 ? QStringLiteral("%1 (+%2)").arg(first).arg(answers.size() - 1)
                                  : first;
    }
    const QJsonValue ref = e.extra.value(QStringLiteral("referral"));
    if (!ref.isUndefined() && !ref.isNull()) {
        const QString zone = ref.isObject()
                                 ? ref.toObject().value(QStringLiteral("zone")).toString()
                                 : ref.toString();
        return QStringLiteral("referral %1").arg(zone).trimmed();
    }
    return qname.isEmpty() ? e.event : QStringLiteral("%1 %2").arg(e.event, qname);
}

// The HTTPS lab (issue 15): "→ ClientHello", "← {Certificate}": braces as in RFC 8446's
// figures, for what only the endpoints see after decryption; alerts by name.
QString tlsLabel(const Event& e)
{
    const QString arrow = e.dir == ev::Out ? QStringLiteral("→ ") : QStringLiteral("← ");
    const QJsonObject& x = e.extra;
    if (e.event == QLatin1String("handshake") || e.event == QLatin1String("alert")) {
        QString what =
            e.event == QLatin1String("alert")
                ? QStringLiteral("alert ") + x.value(QStringLiteral("description")).toString()
                : x.value(QStringLiteral("message")).toString();
        if (x.value(QStringLiteral("visibility")).toString() == QLatin1String("decrypted"))
            what = QLatin1Char('{') + what + QLatin1Char('}');
        return arrow + what;
    }
    if (e.event == QLatin1String("secure"))
        return x.value(QStringLiteral("version")).toString() + QStringLiteral(" ✓");
    return e.event;
}

QString datagramLabel(const Event& e)
{
    if (e.proto == QLatin1String("dns"))
        return dnsLabel(e);
    return shortText(e);
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

    // Datagrams and the UDP lab's relay. The relay is not a lane: it stands in for the
    // network between a client and its server, so a relayed datagram is drawn from the client
    // to the server (and an answer back), and the relay's decision says what became of it.
    QHash<QString, QString> relayFront; // the relay's front endpoint -> the server behind it
    QHash<QString, QString> relayUp;    // a relay socket toward the server -> its client
    for (const Event& e : events) {
        if (e.source != ev::App || e.socket != QLatin1String("udp-relay"))
            continue;
        if (e.event == ev::Listening && !e.local.isEmpty() && !e.remote.isEmpty())
            relayFront.insert(e.local, e.remote);
        else if (e.event == QLatin1String("relay") &&
                 e.extra.value(QStringLiteral("toward")).toString() == QLatin1String("server")) {
            const QString from = e.extra.value(QStringLiteral("from")).toString();
            if (!from.isEmpty())
                relayUp.insert(from, e.remote);
        }
    }
    struct Dgram
    {
        qint64 idx;
        QString to;     // the final receiver's endpoint
        QString toward; // through the relay: "server" or "client"; "" direct
    };
    std::vector<Dgram> dgrams;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        if (!isDatagramOut(e))
            continue;
        Dgram d{qint64(i), e.remote, QString()};
        const QString target = e.extra.value(QStringLiteral("target")).toString();
        if (e.extra.value(QStringLiteral("via")).toString() == QLatin1String("udp-relay") &&
            !target.isEmpty()) {
            d.to = target;
            d.toward = QStringLiteral("server");
        } else if (relayFront.contains(e.remote)) {
            d.to = relayFront.value(e.remote);
            d.toward = QStringLiteral("server");
        } else if (relayUp.contains(e.remote)) {
            d.to = relayUp.value(e.remote);
            d.toward = QStringLiteral("client");
        }
        if (d.to != e.local)
            dgrams.push_back(d);
    }
    // Datagram lanes are keyed apart from TCP ones: UDP port 8124 is not TCP port 8124.
    auto keyOf = [](const QString& proto, const QString& ep) {
        return isDatagramProto(proto) ? QStringLiteral("udp ") + ep : ep;
    };

    // Lanes: one per endpoint, in the order they appear (a connection's SYN, a datagram), the
    // side that starts left of the side it talks to: a new client joins just left of a server
    // already drawn, so several clients of one server stay on its left.
    QHash<QString, int> laneOf;
    QStringList listeners;
    for (const Event& e : events) {
        if (e.source == ev::App && e.event == ev::Listening && !e.local.isEmpty() &&
            !isDatagramProto(e.proto))
            listeners << e.local;
    }
    struct PendingLane
    {
        QString key, endpoint, role, proto;
    };
    std::vector<PendingLane> laneOrder;
    QSet<QString> placed;
    auto addLane = [&](const QString& key, const QString& ep, const QString& role,
                       const QString& proto, const QString& before = QString()) {
        if (ep.isEmpty() || placed.contains(key))
            return;
        placed.insert(key);
        auto at = laneOrder.end();
        if (!before.isEmpty())
            at = std::find_if(laneOrder.begin(), laneOrder.end(),
                              [&](const PendingLane& p) { return p.key == before; });
        laneOrder.insert(at, {key, ep, role, proto});
    };
    struct Pair
    {
        qint64 t;
        QString a, b, proto;
    };
    std::vector<Pair> pairs;
    for (const auto& [s, idx] : segs) {
        if (isSyn(s))
            pairs.push_back({s.t_us, s.src, s.dst, ev::Tcp});
    }
    for (const Dgram& d : dgrams) {
        const Event& e = events[std::size_t(d.idx)];
        pairs.push_back({e.t_us, e.local, d.to, e.proto});
    }
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const Pair& x, const Pair& y) { return x.t < y.t; });
    for (const Pair& p : pairs) {
        const QString ka = keyOf(p.proto, p.a), kb = keyOf(p.proto, p.b);
        const QString lp = isDatagramProto(p.proto) ? p.proto : ev::Tcp;
        addLane(ka, p.a, QStringLiteral("client"), lp, placed.contains(kb) ? kb : QString());
        addLane(kb, p.b, QStringLiteral("server"), lp);
    }
    for (const auto& [s, idx] : segs) {
        addLane(s.src, s.src,
                listeners.contains(s.src) ? QStringLiteral("server") : QStringLiteral("peer"),
                ev::Tcp);
        addLane(s.dst, s.dst,
                listeners.contains(s.dst) ? QStringLiteral("server") : QStringLiteral("peer"),
                ev::Tcp);
    }
    if (segs.empty()) {
        // Nothing on the wire yet: TCP lanes from what the programs saw.
        for (const Event& e : events) {
            if (e.source != ev::App || isDatagramProto(e.proto))
                continue;
            if (e.event == ev::Listening)
                addLane(e.local, e.local, QStringLiteral("server"), ev::Tcp);
            else if (e.socket.startsWith(QLatin1String("tcp-client")) && !e.local.isEmpty())
                addLane(e.local, e.local, QStringLiteral("client"), ev::Tcp);
        }
    }
    for (const PendingLane& p : laneOrder) {
        laneOf.insert(p.key, int(l.lanes.size()));
        LadderLane lane{p.endpoint, p.role, QString()};
        lane.proto = p.proto;
        l.lanes.push_back(lane);
    }
    // Lane labels: the lab sockets living on that endpoint.
    QHash<int, QStringList> names;
    for (const Event& e : events) {
        if (e.socket.isEmpty() || e.local.isEmpty() || e.source == ev::Wire ||
            e.source == ev::Model)
            continue;
        const int lane = laneOf.value(keyOf(e.proto, e.local), -1);
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
    QHash<QString, qint64> sentEnd; // per sender: one past the last number sent (relative)
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
        const qint64 span =
            a.len + (hasFlagIn(s.flags, "SYN") ? 1 : 0) + (hasFlagIn(s.flags, "FIN") ? 1 : 0);
        if (span > 0 && a.relSeq >= 0) {
            const auto end = sentEnd.find(s.src);
            if (end != sentEnd.end() && a.relSeq < *end) {
                a.retransmission = true;
                // The earlier copy: lost if no ACK from the receiver covered it meanwhile.
                for (int k = int(l.arrows.size()) - 1; k >= 0; --k) {
                    LadderArrow& o = l.arrows[std::size_t(k)];
                    if (o.datagram)
                        continue;
                    if (o.from == a.to && o.relAck > a.relSeq)
                        break; // acknowledged: this one is a spurious retransmission
                    if (o.from == a.from && o.relSeq == a.relSeq && o.len == a.len) {
                        o.unacknowledged = true;
                        break;
                    }
                }
            }
            if (end == sentEnd.end() || *end < a.relSeq + span)
                sentEnd.insert(s.src, a.relSeq + span);
        }
        l.arrows.push_back(a);
        segEvents.push_back(s);
    }

    // Datagram arrows, after the segments (so segment i is still arrow i), each with the
    // relay's decision and the receiver's "in" event(s) where it arrived.
    QHash<qint64, int> arrivalOf; // "in" event index -> the arrow it completes
    {
        QHash<QString, std::vector<qint64>> inbox; // receiver lane key -> its "in" events
        for (std::size_t i = 0; i < events.size(); ++i) {
            if (isDatagramIn(events[i]))
                inbox[keyOf(events[i].proto, events[i].local)].push_back(qint64(i));
        }
        std::vector<qint64> relayDecisions;
        for (std::size_t i = 0; i < events.size(); ++i) {
            const Event& e = events[i];
            if (e.source == ev::App && e.event == QLatin1String("relay") &&
                e.socket == QLatin1String("udp-relay"))
                relayDecisions.push_back(qint64(i));
        }
        std::vector<char> decisionUsed(relayDecisions.size(), 0);
        std::size_t firstFree = 0;
        // A relayed datagram is decided on within this long after it was sent.
        constexpr qint64 kDecideWithinUs = 2000000;
        for (const Dgram& d : dgrams) {
            const Event& o = events[std::size_t(d.idx)];
            LadderArrow a;
            a.datagram = true;
            a.proto = o.proto;
            a.from = laneOf.value(keyOf(o.proto, o.local));
            a.to = laneOf.value(keyOf(o.proto, d.to));
            a.t_us = o.t_us;
            a.len = std::max<qint64>(o.bytes, 0);
            a.payload = o.payload;
            a.source = ev::App;
            a.eventIndex = d.idx;
            a.label = datagramLabel(o);
            QString relayFrom;
            if (!d.toward.isEmpty()) {
                while (firstFree < relayDecisions.size() && decisionUsed[firstFree])
                    ++firstFree;
                for (std::size_t k = firstFree; k < relayDecisions.size(); ++k) {
                    const Event& r = events[std::size_t(relayDecisions[k])];
                    if (r.t_us > o.t_us + kDecideWithinUs)
                        break;
                    if (decisionUsed[k] || r.t_us < o.t_us ||
                        r.extra.value(QStringLiteral("toward")).toString() != d.toward)
                        continue;
                    const bool mine = d.toward == QLatin1String("server")
                                          ? r.remote == o.local
                                          : r.extra.value(QStringLiteral("to")).toString() == d.to;
                    if (!mine)
                        continue;
                    decisionUsed[k] = 1;
                    a.fate = r.extra.value(QStringLiteral("action")).toString();
                    a.delayMs = r.extra.value(QStringLiteral("delay_ms")).toInt();
                    relayFrom = r.extra.value(QStringLiteral("from")).toString();
                    break;
                }
            }
            const int copies = a.fate == QLatin1String("drop")        ? 0
                               : a.fate == QLatin1String("duplicate") ? 2
                                                                      : 1;
            std::vector<qint64> got;
            std::vector<qint64>& in = inbox[keyOf(o.proto, d.to)];
            for (std::size_t k = 0; k < in.size() && int(got.size()) < copies; ++k) {
                const qint64 j = in[k];
                if (j < 0)
                    continue; // already matched
                const Event& r = events[std::size_t(j)];
                if (r.t_us < o.t_us || r.proto != o.proto || r.bytes != o.bytes ||
                    r.payload != o.payload)
                    continue;
                if (d.toward.isEmpty() ? r.remote != o.local
                                       : (!relayFrom.isEmpty() && r.remote != relayFrom))
                    continue;
                got.push_back(j);
                in[k] = -1;
            }
            a.arriveUs = got.empty() ? -1 : events[std::size_t(got[0])].t_us;
            if (!got.empty())
                arrivalOf.insert(got[0], int(l.arrows.size()));
            l.arrows.push_back(a);
            if (got.size() > 1) {
                LadderArrow copy = a;
                copy.fate = QStringLiteral("copy");
                copy.arriveUs = events[std::size_t(got[1])].t_us;
                arrivalOf.insert(got[1], int(l.arrows.size()));
                l.arrows.push_back(copy);
            }
            l.datagrams += int(got.size() > 1 ? 2 : 1);
            // Forget matched entries now and then, so long recordings stay linear.
            if (in.size() > 64 && in.front() < 0)
                in.erase(in.begin(),
                         std::find_if(in.begin(), in.end(), [](qint64 v) { return v >= 0; }));
        }
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
        if (l.lanes[i].proto != ev::Tcp)
            continue; // UDP has no states: nothing to show, which is the point
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
    std::vector<int> arrivalArrow; // per marker: the datagram arrow it is the arrival of, or -1
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        const int lane = laneOf.value(keyOf(e.proto, e.local), -1);
        if (lane < 0)
            continue;
        if (e.source == ev::Kernel && e.event == ev::State) {
            l.kernel.push_back({lane, e.t_us, e.state, ev::Kernel, qint64(i)});
            continue;
        }
        if (e.source != ev::App || e.event == ev::Info)
            continue;
        if (isDatagramOut(e))
            continue; // drawn as its arrow
        if (e.proto == QLatin1String("tls") && e.event == QLatin1String("record"))
            continue; // the segments under it are the arrows
        QString text = e.event;
        if (e.proto == QLatin1String("tls")) {
            text = tlsLabel(e);
        } else if (isDatagramIn(e)) {
            const QString what = datagramLabel(e);
            text = what.isEmpty()
                       ? QStringLiteral("%1 ← %2 B").arg(e.event).arg(e.bytes)
                       : QStringLiteral("%1 ← %2 B %3").arg(e.event).arg(e.bytes).arg(what);
        } else if (e.event == ev::Data) {
            QString t = e.text();
            t.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
            if (t.size() > 24)
                t = t.left(23) + QChar(0x2026);
            text = QStringLiteral("%1 %2 %3 B \"%4\"")
                       .arg(e.event, e.dir == ev::Out ? QStringLiteral("→") : QStringLiteral("←"))
                       .arg(e.bytes)
                       .arg(t);
        } else if (e.event == QLatin1String("frame")) {
            // WebSocket (issue 5): "→ text 5 B", "← ping", "→ close 1000", as the class says it.
            const QString op = e.extra.value(QStringLiteral("opcode")).toString();
            QString what = op;
            if (op == QLatin1String("close"))
                what = QStringLiteral("close %1")
                           .arg(e.extra.value(QStringLiteral("close_code")).toInt());
            else if (op == QLatin1String("text") || op == QLatin1String("binary") ||
                     op == QLatin1String("continuation"))
                what = QStringLiteral("%1 %2 B").arg(op).arg(std::max<qint64>(e.bytes, 0));
            text = QStringLiteral("%1 %2").arg(
                e.dir == ev::Out ? QStringLiteral("→") : QStringLiteral("←"), what);
        } else if (e.event == QLatin1String("handshake")) {
            // The HTTP upgrade: the request line where the server read it, the 101 where it
            // answered; the client's QWebSocket only reports that it is open.
            QString line = e.extra
                               .value(e.dir == ev::Out ? QStringLiteral("status_line")
                                                       : QStringLiteral("request_line"))
                               .toString();
            line.remove(QStringLiteral(" HTTP/1.1"));
            line.replace(QStringLiteral("HTTP/1.1 "), QString());
            if (line.isEmpty() && e.extra.value(QStringLiteral("status")).toInt() == 101)
                line = QStringLiteral("GET … 101 (upgraded)");
            // The arrow and the HTTP line say it; "handshake" would only push them out of view.
            text = QStringLiteral("%1 %2").arg(e.dir == ev::Out  ? QStringLiteral("→")
                                               : e.dir == ev::In ? QStringLiteral("←")
                                                                 : QStringLiteral("✓"),
                                               line);
        } else if (e.event == ev::Error) {
            text = QStringLiteral("error %1").arg(e.code);
        } else if (e.event == ev::Close && e.flags.contains(QLatin1String("RST"))) {
            text = QStringLiteral("close (abort)");
        }
        l.markers.push_back({lane, e.t_us, e.event, text, qint64(i)});
        arrivalArrow.push_back(arrivalOf.value(qint64(i), -1));
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
    // A datagram that arrives in the very next row is drawn within its own row (its arrival
    // event is its head); one that arrives later — delayed, held back, overtaken — keeps the
    // arrival as a marker and its arrow reaches down to that row.
    if (arrivalOf.isEmpty()) {
        l.items.reserve(pending.size());
        for (const Pending& p : pending)
            l.items.push_back(p.item);
        return l;
    }
    std::vector<char> drop(pending.size(), 0);
    for (std::size_t i = 0; i + 1 < pending.size(); ++i) {
        const LadderItem& a = pending[i].item;
        const LadderItem& b = pending[i + 1].item;
        if (a.kind == LadderItem::Kind::Arrow && b.kind == LadderItem::Kind::Marker &&
            arrivalArrow[std::size_t(b.index)] == a.index)
            drop[i + 1] = 1;
    }
    std::vector<LadderMarker> kept;
    std::vector<int> newIndex(l.markers.size(), -1);
    l.items.reserve(pending.size());
    for (std::size_t i = 0; i < pending.size(); ++i) {
        LadderItem item = pending[i].item;
        if (item.kind == LadderItem::Kind::Marker) {
            if (drop[i])
                continue;
            const int m = item.index;
            newIndex[std::size_t(m)] = int(kept.size());
            kept.push_back(l.markers[std::size_t(m)]);
            item.index = newIndex[std::size_t(m)];
            if (arrivalArrow[std::size_t(m)] >= 0)
                l.arrows[std::size_t(arrivalArrow[std::size_t(m)])].arriveItem =
                    int(l.items.size());
        }
        l.items.push_back(item);
    }
    l.markers = std::move(kept);
    return l;
}

QString Ladder::toText() const
{
    QString out;
    out += source == ev::Wire    ? QStringLiteral("Ladder drawn from the wire (libpcap on lo)\n")
           : source == ev::Model ? QStringLiteral("Ladder drawn from the TCP model (RFC 9293), "
                                                  "not captured\n")
           : datagrams > 0       ? QStringLiteral("Ladder: datagrams as the programs sent and "
                                                        "received them (no segments)\n")
                                 : QStringLiteral("Ladder: no segments\n");
    if (datagrams > 0 && !source.isEmpty())
        out += QStringLiteral("Datagrams as the programs sent and received them\n");
    for (std::size_t i = 0; i < lanes.size(); ++i)
        out += QStringLiteral("  lane %1: %2 %3 (%4)\n")
                   .arg(i)
                   .arg(lanes[i].label, lanes[i].endpoint,
                        lanes[i].proto == ev::Tcp
                            ? lanes[i].role
                            : QStringLiteral("%1, %2").arg(lanes[i].role, lanes[i].proto));
    const qint64 t0 = items.empty() ? 0 : items.front().t_us;
    for (const LadderItem& it : items) {
        QString line = QStringLiteral("%1 ms  ").arg((it.t_us - t0) / 1000.0, 10, 'f', 3);
        switch (it.kind) {
        case LadderItem::Kind::Arrow: {
            const LadderArrow& a = arrows[it.index];
            if (a.datagram) {
                const QString what = QStringLiteral("%1 %2 B").arg(a.proto.toUpper()).arg(a.len);
                line += QStringLiteral("%1 %2 %3  %4")
                            .arg(std::min(a.from, a.to))
                            .arg(a.from < a.to ? QStringLiteral("~~%1~~▶").arg(what, -8)
                                               : QStringLiteral("◀~~%1~~").arg(what, -8))
                            .arg(std::max(a.from, a.to))
                            .arg(a.label);
                if (a.fate == QLatin1String("drop"))
                    line += QStringLiteral("  ✕ lost in the relay");
                else if (a.fate == QLatin1String("reorder"))
                    line += QStringLiteral("  held back by the relay");
                else if (a.fate == QLatin1String("duplicate"))
                    line += QStringLiteral("  duplicated by the relay");
                else if (a.fate == QLatin1String("copy"))
                    line += QStringLiteral("  (second copy)");
                if (a.delayMs > 0)
                    line += QStringLiteral("  delayed %1 ms").arg(a.delayMs);
                if (a.arriveUs >= 0)
                    line += QStringLiteral("  arrives +%1 ms")
                                .arg((a.arriveUs - a.t_us) / 1000.0, 0, 'f', 3);
                else if (a.fate != QLatin1String("drop"))
                    line += QStringLiteral("  (arrival not seen)");
                break;
            }
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
            if (a.retransmission)
                line += QStringLiteral("  RETRANSMISSION");
            if (a.unacknowledged)
                line += QStringLiteral("  LOST (no ACK; sent again later)");
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
