#pragma once

#include "core/base/captured_frame.h"
#include "core/base/event.h"

#include <QObject>
#include <QThread>
#include <functional>
#include <memory>
#include <vector>

namespace netstage {

class FrameStore;
class Timeline;
class WireWorker;

// Every real TCP segment of the lab's connections, from libpcap on the loopback interface:
// flags, seq, ack, window, options (MSS, window scale, SACK-permitted, timestamps), payload
// length and a preview. Each becomes a `segment` event with source "wire" on the sending lab
// socket (dir "out"), or on the receiving one when the sender is not the lab's (a Node peer).
//
// Capture needs permission (root, or `setcap cap_net_raw,cap_net_admin=eip` on the binary).
// Without it start() returns false and one `error` event (source "wire") says so; the labs
// work as before and the ladder falls back to the model.
//
// UDP datagrams on the ports given to watchUdpPort() become `datagram` events (proto "udp",
// source "wire") the same way.
//
// Every event carries the IP and transport header fields the capture saw in `extra` (frame,
// link, eth_src/eth_dst, ip_version, ip_header_len, ip_len, ip_id, ip_ttl, ip_checksum,
// tcp_header_len, tcp_checksum / udp_len, udp_checksum). The frames themselves, bytes and
// kernel timestamps, are kept in a bounded store (the newest kMaxStoredFrames, at most
// kMaxStoredBytes; older ones are dropped and counted) for pcapng export and the layers view.
//
// Packets are read on a worker thread; events are appended on the timeline's thread.
class WireCapture : public QObject
{
    Q_OBJECT
public:
    explicit WireCapture(Timeline* timeline, QObject* parent = nullptr);
    ~WireCapture() override;

    // Opens the capture on "lo". Safe to call again; returns whether capture is running.
    bool start(const QString& device = QStringLiteral("lo"));
    bool isActive() const;
    // Tests: where the wall clock is read (µs since the epoch) when frame times are converted
    // (see WallClockMapper); before start().
    void setWallSource(std::function<qint64()> wallUs);
    QString unavailableReason() const;

    // Capture TCP segments to or from this port. Takes effect before it returns, so a
    // handshake started right after is seen from its SYN.
    void watchPort(quint16 port);
    // Segments between these endpoints belong to this lab socket.
    void track(const QString& socket, const QString& local, const QString& remote);
    // Capture UDP datagrams to or from this port (the UDP lab's server and clients).
    void watchUdpPort(quint16 port);
    // Datagrams from or to this local endpoint belong to this lab socket.
    void trackUdp(const QString& socket, const QString& local);

    // Segments and datagrams captured (including those no lab socket claimed).
    quint64 captured() const;

    static constexpr qint64 kMaxStoredBytes = 64 * 1024 * 1024;
    static constexpr int kMaxStoredFrames = 200000;
    // The stored frames, oldest first (a copy; the bytes are shared, not duplicated).
    std::vector<CapturedFrame> frames() const;
    // The frame behind a wire event (its extra "frame"), or an invalid frame when it was
    // dropped from the store or the event did not come from this capture.
    CapturedFrame frameOf(const Event& e) const;
    CapturedFrame frame(quint64 number) const;
    quint64 framesStored() const;
    quint64 framesDropped() const; // evicted from the store because it was full
    quint64 kernelDropped() const; // never captured: the kernel's capture ring was full
    int timestampDigits() const;   // 9: the kernel gave nanoseconds; 6: microseconds
    int snapLength() const;
    // Writes the stored frames as pcapng; false and *error when nothing can be written.
    bool writePcapng(const QString& path, QString* error) const;

signals:
    void
    segmentObserved(const netstage::Event& e); // already appended to the timeline (also datagrams)

private:
    void onSegment(const netstage::Event& e);
    Timeline* timeline_;
    std::shared_ptr<FrameStore> store_;
    QThread thread_;
    WireWorker* worker_;
    QString reason_;
    bool active_ = false;
};

} // namespace netstage
