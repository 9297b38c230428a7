#pragma once

#include "core/base/event.h"

#include <QStringList>
#include <vector>

namespace netstage {

// The TCP model: an RFC 9293 state machine that derives, from the application's events of a
// connection (connect, connection, data, finish, end, close, error), the segments that must
// have been exchanged and the states both sides went through, with relative (textbook)
// numbers: the client's ISN is x = 0, the server's y = 0, SYN and FIN consume one number.
// Its events carry source "model"; it never pretends to be the wire.
//
// Linux details it follows, because students compare it with the wire: the final ACK of a
// handshake is its own segment; a side that closes within the delayed-ACK window (40 ms) of
// the peer's FIN sends FIN+ACK in one segment (so "4-way" shows 3 segments); abort sends
// RST+ACK; a SYN to a closed port is answered by RST+ACK.
class TcpModel
{
public:
    // Derives model `segment` and `state` events from the app events among `events` (other
    // sources are ignored). The results are in time order.
    static std::vector<Event> derive(const std::vector<Event>& events);

    // One side's state change caused by a segment: the sender changes as it sends, the
    // receiver as it receives.
    struct StateChange
    {
        QString endpoint;
        QString state;
        std::size_t segment; // index into the segments given
        bool atSender;       // true: before the arrow (on send); false: after it (on receipt)
    };
    // Runs RFC 9293's state machine over segments (wire or model, in order). Endpoints in
    // `listeners` start in LISTEN, others in CLOSED; a side that answers a SYN with SYN+ACK
    // was listening too.
    static std::vector<StateChange> statesFromSegments(const std::vector<Event>& segments,
                                                       const QStringList& listeners);
    static constexpr qint64 kDelayedAckUs = 40000; // Linux's delayed ACK on loopback
};

} // namespace netstage
