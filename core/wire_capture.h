#pragma once

#include "event.h"

#include <QObject>
#include <QThread>

namespace netstage {

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
    QString unavailableReason() const;

    // Capture TCP segments to or from this port. Takes effect before it returns, so a
    // handshake started right after is seen from its SYN.
    void watchPort(quint16 port);
    // Segments between these endpoints belong to this lab socket.
    void track(const QString& socket, const QString& local, const QString& remote);

    // Segments captured and turned into events, and segments the kernel dropped.
    quint64 captured() const;

signals:
    void segmentObserved(const netstage::Event& e); // already appended to the timeline

private:
    void onSegment(const netstage::Event& e);
    Timeline* timeline_;
    QThread thread_;
    WireWorker* worker_;
    QString reason_;
    bool active_ = false;
};

} // namespace netstage
