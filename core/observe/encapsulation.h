#pragma once

#include "core/base/captured_frame.h"
#include "core/base/event.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <vector>

namespace netstage {

// One header field (or the payload) of one layer: its name, its value as a person reads it,
// and where it sits in the frame (bits from the frame's first byte) when the bytes are known.
struct PacketField
{
    QString name;       // "Time to live"
    QString value;      // "64", or "not captured"
    QString meaning;    // a short sentence, may be empty
    int bitOffset = -1; // from the start of the frame; -1 when there are no bytes
    int bitSize = -1;
    bool captured = true; // false: the source does not know this field

    int byteOffset() const { return bitOffset < 0 ? -1 : bitOffset / 8; }
    int byteEnd() const { return bitOffset < 0 ? -1 : (bitOffset + bitSize + 7) / 8; }
};

// One layer of the encapsulation, outermost first: link frame ⊃ IP ⊃ TCP/UDP ⊃ application.
struct PacketLayer
{
    enum class Kind
    {
        Link,
        Internet,
        Transport,
        Application
    };
    Kind kind = Kind::Application;
    QString name;        // "Ethernet II", "IPv4", "TCP", "UDP", "HTTP"
    int byteOffset = -1; // where the layer starts in the frame
    int headerBytes = -1;
    int totalBytes = -1;  // header and everything it carries
    bool captured = true; // false: the source has no such layer (then `note` says why)
    QString note;
    QList<PacketField> fields;
};

// What an event shows of one packet, layer by layer. Pure data: the layers view draws it,
// tests check it. Sources:
//  - a wire segment or datagram whose frame bytes are at hand: decoded from the bytes
//    (Ethernet / BSD loopback / raw IP; IPv4, IPv6; TCP with its options; UDP);
//  - a wire event without bytes (a recording): what the event recorded (ports, seq, ack,
//    flags, window, options, the IP fields in `extra`), the rest "not captured";
//  - a model segment: the TCP fields RFC 9293 gives, no TTL, IP id or checksums;
//  - an app event (data, message, request...): only the bytes the program saw; it never sees
//    a header, and the other layers say so.
struct Encapsulation
{
    Q_DECLARE_TR_FUNCTIONS(netstage::Encapsulation)
public:
    QString source;   // "wire", "model", "app"...
    QString title;    // "Frame 12: TCP 127.0.0.1:51514 → 127.0.0.1:8124 [SYN]"
    QString origin;   // a sentence on where the picture comes from
    QByteArray bytes; // the frame's bytes (empty when not captured)
    int linkType = -1;
    quint64 frameNumber = 0;
    std::vector<PacketLayer> layers; // outermost first

    bool isEmpty() const { return layers.empty(); }
    bool hasBytes() const { return !bytes.isEmpty(); }
    const PacketLayer* layer(PacketLayer::Kind kind) const;

    // Events this can show: segments, datagrams and app events that carry bytes.
    static bool appliesTo(const Event& e);
    // The layers of an event; `frame` (when valid) holds the wire event's captured bytes.
    static Encapsulation fromEvent(const Event& e, const CapturedFrame& frame = {});
    // The layers of raw frame bytes of a link type (LINKTYPE_*).
    static Encapsulation decode(const QByteArray& bytes, int linkType);

    // "not captured", translated: the value of a field the source does not have.
    static QString notCaptured();
};

} // namespace netstage
