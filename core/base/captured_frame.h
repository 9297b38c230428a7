#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace netstage {

// One frame as libpcap delivered it: the bytes the kernel handed over (link header included),
// its kernel timestamp and the link type. The wire capture keeps the newest of them so a
// capture can be exported as pcapng and a segment shown layer by layer.
struct CapturedFrame
{
    quint64 number = 0;         // 1, 2, ... in capture order (Wireshark's frame number)
    qint64 wallNs = 0;          // kernel timestamp, nanoseconds since the Unix epoch
    qint64 t_us = 0;            // the same moment on the session's clock (the event's t_us)
    int linkType = 1;           // LINKTYPE_* of pcap/pcapng: 1 Ethernet, 101 raw IP, 0 BSD loopback
    quint32 originalLength = 0; // the frame's length on the wire (bytes may be fewer: snaplen)
    QByteArray bytes;           // as captured

    bool isValid() const { return number != 0; }
};

} // namespace netstage
