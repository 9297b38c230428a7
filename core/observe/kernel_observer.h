#pragma once

#include "core/base/event.h"

#include <QObject>
#include <QThread>

namespace netstage {

class Timeline;
class KernelPoller;

// Watches the kernel's own TCP state of the lab's sockets through NETLINK_SOCK_DIAG (what `ss`
// uses; no root needed) and appends a `state` event (source "kernel") whenever one changes:
// LISTEN, SYN-SENT, ESTABLISHED, FIN-WAIT-1/2, CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT and
// finally CLOSED when the kernel forgets the socket. Sockets are matched by address and port,
// so one is followed after the app has closed it (TIME-WAIT has no inode).
//
// Polling runs on a worker thread, only while something is tracked: fast just after a change
// or a poke, slower while nothing moves.
class KernelObserver : public QObject
{
    Q_OBJECT
public:
    explicit KernelObserver(Timeline* timeline, QObject* parent = nullptr);
    ~KernelObserver() override;

    // Follow the socket with this local and remote address ("127.0.0.1:8124"); a listener's
    // remote is "*". proto is what the events carry ("tcp").
    void track(const QString& socket, const QString& local, const QString& remote,
               const QString& proto = QStringLiteral("tcp"));
    // The app closed the socket: keep following until the kernel forgets it, then stop.
    void appClosed(const QString& socket);
    // Something just happened (a send, a shutdown): look now rather than at the next tick.
    void poke();
    // Stop following everything (e.g. the lab is reset).
    void untrackAll();

    // Off (--observe without kernel): track, appClosed and poke do nothing, nothing is polled.
    void setEnabled(bool on) { enabled_ = on; }
    bool isEnabled() const { return enabled_; }

    bool isAvailable() const; // false when sock_diag cannot be opened (then one error event)
    int trackedCount() const; // sockets still followed (thread-safe snapshot)

signals:
    void stateObserved(const netstage::Event& e); // already appended to the timeline
    void allGone();                               // nothing is tracked any more

private:
    void onObserved(const netstage::Event& e);
    Timeline* timeline_;
    QThread thread_;
    KernelPoller* poller_;
    bool enabled_ = true;
};

} // namespace netstage
