#pragma once

#include "core/base/event.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace netstage {

// What a ladder (sequence) diagram shows, derived from events: one lane per endpoint in the
// order they appear (a client left of the server it talks to), one arrow per TCP segment and
// per datagram (UDP, DNS), each TCP lane's state over time, and the application's events as
// markers on the lane where the program saw them. Pure data, built by core and drawn by ui
// (widget, PNG, SVG) — the same picture live, in replay and headless.
struct LadderLane
{
    QString endpoint; // "127.0.0.1:8124"
    QString role;     // "client" or "server" (or "peer")
    QString label;    // what the lane is called in the header, e.g. "tcp-client-1"
    QString proto = QStringLiteral("tcp"); // "tcp", or "udp" / "dns": datagrams only, no states
};

struct LadderArrow
{
    int from = 0; // lane index
    int to = 0;
    qint64 t_us = 0; // when it was sent (wire: captured; model: derived)
    QString flags;   // "SYN", "SYN,ACK", "PSH,ACK", "FIN,ACK", "RST,ACK"
    qint64 seq = -1; // as in the event (absolute for wire, relative for model)
    qint64 ack = -1;
    qint64 relSeq = -1; // relative to the sender's ISN (0 = the SYN's number)
    qint64 relAck = -1; // relative to the receiver's ISN
    qint64 len = 0;
    qint64 win = -1;
    QString opts;
    QByteArray payload;
    QString source;                          // "wire" or "model"
    qint64 eventIndex = -1;                  // index into the events the ladder was built from
    QString seqLetter = QStringLiteral("x"); // the sender's ISN name: client x, server y
    QString ackLetter = QStringLiteral("y"); // the receiver's

    // The same sequence numbers (bytes, SYN or FIN) were sent before: the first copy was lost
    // and the sender's kernel sent it again (real loss on loopback: LoopbackLoss).
    bool retransmission = false;
    // Sent again later, and the receiver acknowledged nothing of it in between: this copy was
    // lost on the way (drawn ending halfway).
    bool unacknowledged = false;

    // A datagram (UDP, DNS) instead of a segment: drawn from the programs' own send and
    // receive events (source "app"), with no flags, numbers or states. `len` is its size.
    bool datagram = false;
    QString proto;        // "udp" or "dns"
    QString label;        // short: "A? www.example.test", "A 127.0.0.1", "“hello”"
    qint64 arriveUs = -1; // when the receiver got it; -1: not seen arriving
    int arriveItem = -1;  // the item (row) it arrives in, when later than its own row
    QString fate;         // the relay's decision: "" (direct), forward, delay, duplicate,
                          // reorder, drop ("copy" for a duplicate's second copy)
    int delayMs = 0;      // the relay's added delay
    // Textbook labels: "seq=x", "seq=y ack=x+1" (client ISN x, server ISN y).
    QString textbookSeq() const;
    QString textbookAck() const;
};

struct LadderState
{
    int lane = 0;
    qint64 t_us = 0;
    QString state;  // "SYN-SENT", "ESTABLISHED", ...
    QString source; // "kernel" or "model"
    qint64 eventIndex = -1;
};

struct LadderMarker
{
    int lane = 0;
    qint64 t_us = 0;
    QString event; // connect, connection, data, end, finish, close, error, step
    QString text;  // short: "data 5 B \"hello\"", "error ECONNREFUSED"
    qint64 eventIndex = -1;
};

// One step of playback: the kind and the index into arrows / states / markers.
struct LadderItem
{
    enum class Kind
    {
        Arrow,
        State,
        Marker
    };
    Kind kind;
    int index;
    qint64 t_us;
};

struct Ladder
{
    QString source; // "wire", "model" or "" (no segments): which source the arrows are from
    std::vector<LadderLane> lanes;
    std::vector<LadderArrow> arrows;
    // Each lane's state, derived from the arrows by RFC 9293's state machine, so a badge
    // changes exactly at the segment that changes it (source "wire" or "model").
    std::vector<LadderState> states;
    // What the kernel itself reported (NETLINK_SOCK_DIAG polls): confirmation, not timing.
    std::vector<LadderState> kernel;
    std::vector<LadderMarker> markers;
    std::vector<LadderItem> items; // everything above in time order: the playback steps
    int datagrams = 0;             // how many arrows are datagrams

    // Builds the ladder. Arrows come from `wire` segments when there are any (preferSource
    // "wire"), otherwise from `model` segments; preferSource "model" forces the model. States
    // are derived from the arrows; kernel observations are kept beside them. With neither
    // wire nor model segments among the events, the model is derived from the app events.
    // Datagrams: every app event of proto "udp" or "dns" with dir "out" and both endpoints is
    // one arrow, from the sender's lane to the receiver's, ending where the receiver's "in"
    // event is. Through the UDP lab's relay, the relay is not a lane: the arrow goes from the
    // client to the server (and back), and the relay's decision (`relay` events) says what
    // became of it: lost (an ✕ halfway), delayed, duplicated (a second arrow) or held back.
    static Ladder fromEvents(const std::vector<Event>& events,
                             const QString& preferSource = QStringLiteral("wire"));

    // Lane state just after item `upTo` (exclusive end: items [0, upTo) applied).
    QString laneStateAt(int lane, int upTo) const;
    bool isEmpty() const { return items.empty(); }
    // The ladder as text, one line per item, for terminals and logs.
    QString toText() const;
};

} // namespace netstage
