#include "core/tcp/tcp_model.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <map>

namespace netstage {

namespace {

bool hasFlag(const QString& flags, const char* f)
{
    return flags.split(QLatin1Char(',')).contains(QLatin1String(f));
}

quint32 u32(qint64 v)
{
    return static_cast<quint32>(v & 0xffffffff);
}

// What happened on an abstract connection, in the order it happened.
struct Action
{
    enum Kind
    {
        Open,
        Refused,
        Send,
        Fin,
        Rst
    };
    Action(Kind k, int s, qint64 t, qint64 b = 0, QByteArray p = {})
        : kind(k), side(s), t_us(t), bytes(b), payload(std::move(p))
    {
    }
    Kind kind;
    int side; // 0 client, 1 server
    qint64 t_us;
    qint64 bytes = 0;
    QByteArray payload;
};

struct Conn
{
    QString ep[2];     // client, server endpoints
    QString socket[2]; // lab socket ids ("" when that side is not the lab's)
    std::vector<Action> actions;
};

} // namespace

std::vector<TcpModel::StateChange> TcpModel::statesFromSegments(const std::vector<Event>& segments,
                                                                const QStringList& listeners)
{
    struct Side
    {
        QString state;
        bool finSent = false;
        quint32 finEnd = 0;
    };
    // A side that answers a SYN with SYN+ACK was listening, unless it sent a SYN of its own
    // first (simultaneous open: both ends connect, their SYNs cross).
    QSet<QString> answersSyn;
    QSet<QString> sentSyn;
    for (const Event& s : segments) {
        if (hasFlag(s.flags, "SYN") && !hasFlag(s.flags, "ACK"))
            sentSyn.insert(s.src);
        else if (hasFlag(s.flags, "SYN") && !sentSyn.contains(s.src))
            answersSyn.insert(s.src);
    }
    // A SYN or FIN the wire saw but the receiver never got (a lesson's nftables rule drops it
    // after the capture): the sender sent it again before the receiver acknowledged it, or,
    // for a SYN, the receiver never answered at all. Its receipt changes no state.
    std::vector<char> lost(segments.size(), 0);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Event& s = segments[i];
        const bool syn = hasFlag(s.flags, "SYN"), fin = hasFlag(s.flags, "FIN");
        if (hasFlag(s.flags, "RST")) {
            // A reset that arrived ends the connection: if the receiver still sends on it
            // afterwards (anything but an RST of its own), this one never got there.
            for (std::size_t j = i + 1; j < segments.size() && !lost[i]; ++j) {
                const Event& r = segments[j];
                lost[i] = r.src == s.dst && r.dst == s.src && !hasFlag(r.flags, "RST");
            }
            continue;
        }
        if (!syn && !fin)
            continue;
        const quint32 end = u32(s.seq + std::max<qint64>(s.len, 0) + 1);
        bool answered = false;
        bool heard = false;
        bool again = false;
        for (std::size_t j = i + 1; j < segments.size(); ++j) {
            const Event& r = segments[j];
            if (r.src == s.dst && r.dst == s.src) {
                heard = true;
                if (hasFlag(r.flags, "RST") ||
                    (hasFlag(r.flags, "ACK") && qint32(u32(r.ack) - end) >= 0)) {
                    answered = true;
                    break;
                }
            } else if (r.src == s.src && r.dst == s.dst && r.seq == s.seq &&
                       hasFlag(r.flags, "SYN") == syn && hasFlag(r.flags, "FIN") == fin) {
                again = true;
                break;
            }
        }
        lost[i] = !answered && (again || (syn && !heard));
    }
    QHash<QString, Side> sides;
    auto side = [&](const QString& ep) -> Side& {
        auto it = sides.find(ep);
        if (it == sides.end()) {
            Side s;
            s.state = listeners.contains(ep) || answersSyn.contains(ep) ? QStringLiteral("LISTEN")
                                                                        : QStringLiteral("CLOSED");
            it = sides.insert(ep, s);
        }
        return it.value();
    };
    std::vector<StateChange> out;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Event& s = segments[i];
        const bool syn = hasFlag(s.flags, "SYN"), ack = hasFlag(s.flags, "ACK"),
                   fin = hasFlag(s.flags, "FIN"), rst = hasFlag(s.flags, "RST");
        Side& a = side(s.src);
        Side& b = side(s.dst);
        const QString aBefore = a.state, bBefore = b.state;

        // The sender, as it sends.
        if (rst) {
            a.state = QStringLiteral("CLOSED");
        } else if (syn && !ack) {
            // A SYN sent again changes nothing (its side may have moved on meanwhile).
            if (a.state == QLatin1String("CLOSED") || a.state == QLatin1String("LISTEN"))
                a.state = QStringLiteral("SYN-SENT");
        } else if (syn && ack) {
            if (a.state == QLatin1String("LISTEN") || a.state == QLatin1String("CLOSED"))
                a.state = QStringLiteral("SYN-RECEIVED");
        }
        if (fin && !rst) {
            if (a.state == QLatin1String("ESTABLISHED") || a.state == QLatin1String("SYN-RECEIVED"))
                a.state = QStringLiteral("FIN-WAIT-1");
            else if (a.state == QLatin1String("CLOSE-WAIT"))
                a.state = QStringLiteral("LAST-ACK");
            a.finSent = true;
            a.finEnd = u32(s.seq + std::max<qint64>(s.len, 0) + 1);
        }
        if (a.state != aBefore)
            out.push_back({s.src, a.state, i, true});

        // The receiver, as it receives: ACK first, then FIN (a FIN+ACK that acknowledges our
        // FIN in FIN-WAIT-1 goes straight to TIME-WAIT).
        if (lost[i]) {
            // never arrived
        } else if (rst) {
            b.state = QStringLiteral("CLOSED");
        } else {
            if (syn && !ack &&
                (b.state == QLatin1String("LISTEN") || b.state == QLatin1String("SYN-SENT")))
                b.state = QStringLiteral("SYN-RECEIVED"); // from SYN-SENT: simultaneous open
            if (syn && ack && b.state == QLatin1String("SYN-SENT"))
                b.state = QStringLiteral("ESTABLISHED");
            if (!syn && ack) {
                if (b.state == QLatin1String("SYN-RECEIVED"))
                    b.state = QStringLiteral("ESTABLISHED");
                if (b.finSent && u32(s.ack) == b.finEnd) {
                    if (b.state == QLatin1String("FIN-WAIT-1"))
                        b.state = QStringLiteral("FIN-WAIT-2");
                    else if (b.state == QLatin1String("CLOSING"))
                        b.state = QStringLiteral("TIME-WAIT");
                    else if (b.state == QLatin1String("LAST-ACK"))
                        b.state = QStringLiteral("CLOSED");
                }
            }
            if (fin) {
                if (b.state == QLatin1String("ESTABLISHED"))
                    b.state = QStringLiteral("CLOSE-WAIT");
                else if (b.state == QLatin1String("FIN-WAIT-2"))
                    b.state = QStringLiteral("TIME-WAIT");
                else if (b.state == QLatin1String("FIN-WAIT-1"))
                    b.state = QStringLiteral("CLOSING");
            }
        }
        if (b.state != bBefore)
            out.push_back({s.dst, b.state, i, false});
    }
    return out;
}

std::vector<Event> TcpModel::derive(const std::vector<Event>& events)
{
    // 1. The lab's sockets: endpoints, role, and the kernel's view of them.
    struct SocketInfo
    {
        QString local, remote;
        bool client = false;
        bool server = false;
    };
    std::map<QString, SocketInfo> sockets;
    QStringList listeners;
    for (const Event& e : events) {
        if (e.proto != ev::Tcp && !e.proto.isEmpty())
            continue;
        if (e.source != ev::App || e.socket.isEmpty())
            continue;
        SocketInfo& si = sockets[e.socket];
        if (!e.local.isEmpty())
            si.local = e.local;
        if (!e.remote.isEmpty())
            si.remote = e.remote;
        if (e.event == ev::Listening)
            listeners << e.local;
        if (e.event == ev::Connect || e.socket.startsWith(QLatin1String("tcp-client")))
            si.client = true;
        if (e.event == ev::Connection)
            si.server = true;
    }

    // 2. Connections, keyed by the client's endpoint pair.
    std::map<QString, Conn> conns;
    auto connOf = [&](const QString& socket) -> Conn* {
        const auto it = sockets.find(socket);
        if (it == sockets.end() || it->second.local.isEmpty() || it->second.remote.isEmpty())
            return nullptr;
        const SocketInfo& si = it->second;
        if (!si.client && !si.server)
            return nullptr;
        const QString client = si.client ? si.local : si.remote;
        const QString server = si.client ? si.remote : si.local;
        Conn& c = conns[client + QLatin1Char('|') + server];
        c.ep[0] = client;
        c.ep[1] = server;
        c.socket[si.client ? 0 : 1] = socket;
        return &c;
    };
    for (const auto& [id, si] : sockets)
        connOf(id);

    // 3. The actions of each connection, from the app events of whichever sides are the lab's.
    QHash<QString, bool> finSent; // socket -> it already sent FIN (finish before close)
    QHash<QString, bool> failed;  // socket -> an error ended it
    QHash<QString, QString> lastKernel;
    for (const Event& e : events) {
        if (e.source == ev::Kernel && e.event == ev::State) {
            // Kernel hints about a peer that is not the lab's: a FIN it must have sent.
            Conn* c = connOf(e.socket);
            if (!c)
                continue;
            const int me = c->socket[0] == e.socket ? 0 : 1;
            const int peer = 1 - me;
            const QString before = lastKernel.value(e.socket);
            lastKernel[e.socket] = e.state;
            if (!c->socket[peer].isEmpty())
                continue;
            const bool peerFin = e.state == QLatin1String("CLOSE-WAIT") ||
                                 e.state == QLatin1String("TIME-WAIT") ||
                                 e.state == QLatin1String("CLOSING");
            if (peerFin && before != e.state) {
                // If the peer answered our FIN at once (no FIN-WAIT-2 seen), its FIN came with
                // its ACK right after ours.
                qint64 t = e.t_us;
                if (before != QLatin1String("FIN-WAIT-2") && !c->actions.empty() &&
                    c->actions.back().kind == Action::Fin && c->actions.back().side == me)
                    t = c->actions.back().t_us + 1;
                c->actions.push_back({Action::Fin, peer, t});
            }
            continue;
        }
        if (e.source != ev::App || e.socket.isEmpty())
            continue;
        Conn* c = connOf(e.socket);
        if (!c)
            continue;
        const int me = c->socket[0] == e.socket ? 0 : 1;
        const int peer = 1 - me;
        const bool peerIsLab = !c->socket[peer].isEmpty();
        if (e.event == ev::Connect || e.event == ev::Connection) {
            const bool opened = std::any_of(c->actions.begin(), c->actions.end(),
                                            [](const Action& a) { return a.kind == Action::Open; });
            if (!opened)
                c->actions.push_back({Action::Open, 0, e.t_us});
        } else if (e.event == ev::Error && e.code == QLatin1String("ECONNREFUSED")) {
            c->actions.push_back({Action::Refused, 0, e.t_us});
            failed[e.socket] = true;
        } else if (e.event == ev::Error && e.code == QLatin1String("ECONNRESET")) {
            failed[e.socket] = true;
            if (!peerIsLab)
                c->actions.push_back({Action::Rst, peer, e.t_us});
        } else if (e.event == ev::Error) {
            failed[e.socket] = true;
        } else if (e.event == ev::Data && e.dir == ev::Out) {
            c->actions.push_back({Action::Send, me, e.t_us, e.bytes, e.payload});
        } else if (e.event == ev::Data && e.dir == ev::In && !peerIsLab) {
            c->actions.push_back({Action::Send, peer, e.t_us, e.bytes, e.payload});
        } else if (e.event == QLatin1String("finish")) {
            finSent[e.socket] = true;
            c->actions.push_back({Action::Fin, me, e.t_us});
        } else if (e.event == ev::End && !peerIsLab) {
            const bool known =
                std::any_of(c->actions.begin(), c->actions.end(), [peer](const Action& a) {
                    return a.kind == Action::Fin && a.side == peer;
                });
            if (!known)
                c->actions.push_back({Action::Fin, peer, e.t_us});
        } else if (e.event == ev::Close) {
            if (hasFlag(e.flags, "RST"))
                c->actions.push_back({Action::Rst, me, e.t_us});
            else if (!finSent.value(e.socket) && !failed.value(e.socket))
                c->actions.push_back({Action::Fin, me, e.t_us});
            finSent[e.socket] = true;
        }
    }

    // 4. Play each connection through: sequence numbers, ACKs (immediate for data, delayed
    // 40 ms for a FIN unless the receiver sends something first), FIN+ACK piggybacking.
    std::vector<Event> segments;
    for (auto& [key, c] : conns) {
        std::stable_sort(c.actions.begin(), c.actions.end(),
                         [](const Action& a, const Action& b) { return a.t_us < b.t_us; });
        qint64 snd[2] = {0, 0};
        qint64 rcv[2] = {0, 0};
        bool finDone[2] = {false, false};
        qint64 owesAckAt[2] = {-1, -1}; // a delayed ACK this side owes, due at this time
        bool open = false;
        bool dead = false;
        auto seg = [&](int from, qint64 t, const char* flags, qint64 seq, qint64 ack, qint64 len,
                       const QByteArray& payload = {}) {
            Event s;
            s.t_us = t;
            s.proto = ev::Tcp;
            s.event = ev::Segment;
            s.source = ev::Model;
            s.src = c.ep[from];
            s.dst = c.ep[1 - from];
            s.flags = QString::fromLatin1(flags);
            s.seq = seq;
            s.ack = ack;
            s.len = len;
            s.payload = payload;
            if (!c.socket[from].isEmpty()) {
                s.socket = c.socket[from];
                s.dir = ev::Out;
            } else {
                s.socket = c.socket[1 - from];
                s.dir = ev::In;
            }
            segments.push_back(s);
        };
        auto flushAcks = [&](qint64 upTo) {
            for (int side = 0; side < 2; ++side) {
                if (owesAckAt[side] >= 0 && owesAckAt[side] <= upTo) {
                    seg(side, owesAckAt[side], "ACK", snd[side], rcv[side], 0);
                    owesAckAt[side] = -1;
                }
            }
        };
        for (const Action& a : c.actions) {
            if (dead)
                break;
            flushAcks(a.t_us);
            const int me = a.side, peer = 1 - a.side;
            switch (a.kind) {
            case Action::Open:
                seg(0, a.t_us - 3, "SYN", 0, -1, 0);
                seg(1, a.t_us - 2, "SYN,ACK", 0, 1, 0);
                seg(0, a.t_us - 1, "ACK", 1, 1, 0);
                snd[0] = snd[1] = rcv[0] = rcv[1] = 1;
                open = true;
                break;
            case Action::Refused:
                seg(0, a.t_us - 2, "SYN", 0, -1, 0);
                seg(1, a.t_us - 1, "RST,ACK", 0, 1, 0);
                dead = true;
                break;
            case Action::Send:
                if (!open || a.bytes <= 0)
                    break;
                owesAckAt[me] = -1; // this segment carries the ACK it owed
                seg(me, a.t_us, "PSH,ACK", snd[me], rcv[me], a.bytes, a.payload);
                snd[me] += a.bytes;
                rcv[peer] += a.bytes;
                seg(peer, a.t_us + 1, "ACK", snd[peer], rcv[peer], 0);
                owesAckAt[peer] = -1;
                break;
            case Action::Fin:
                if (!open || finDone[me])
                    break;
                owesAckAt[me] = -1;
                seg(me, a.t_us, "FIN,ACK", snd[me], rcv[me], 0);
                snd[me] += 1;
                rcv[peer] += 1;
                finDone[me] = true;
                if (finDone[peer])
                    seg(peer, a.t_us + 1, "ACK", snd[peer], rcv[peer], 0); // TIME-WAIT acks at once
                else
                    owesAckAt[peer] = a.t_us + kDelayedAckUs;
                break;
            case Action::Rst:
                if (!open)
                    break;
                owesAckAt[0] = owesAckAt[1] = -1;
                seg(me, a.t_us, "RST,ACK", snd[me], rcv[me], 0);
                dead = true;
                break;
            }
        }
        if (!dead)
            flushAcks(std::numeric_limits<qint64>::max());
    }
    std::stable_sort(segments.begin(), segments.end(),
                     [](const Event& a, const Event& b) { return a.t_us < b.t_us; });

    // 5. The states both sides went through, from the model's own segments.
    std::vector<Event> out;
    const std::vector<StateChange> changes = statesFromSegments(segments, listeners);
    std::size_t next = 0;
    QHash<QString, QString> socketOfEndpoint;
    for (const auto& [id, si] : sockets) {
        if (!si.local.isEmpty() && id != QLatin1String("tcp-server"))
            socketOfEndpoint.insert(si.local, id);
    }
    for (std::size_t i = 0; i < segments.size(); ++i) {
        auto emitStates = [&](bool atSender) {
            for (std::size_t k = next; k < changes.size() && changes[k].segment == i; ++k) {
                if (changes[k].atSender != atSender)
                    continue;
                Event st;
                st.t_us = segments[i].t_us;
                st.socket = socketOfEndpoint.value(changes[k].endpoint);
                st.proto = ev::Tcp;
                st.event = ev::State;
                st.source = ev::Model;
                st.local = changes[k].endpoint;
                st.state = changes[k].state;
                out.push_back(st);
            }
        };
        emitStates(true);
        out.push_back(segments[i]);
        emitStates(false);
        while (next < changes.size() && changes[next].segment == i)
            ++next;
    }
    return out;
}

} // namespace netstage
