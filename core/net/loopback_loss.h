#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QTimer;

namespace netstage {

// Real loss for TCP on loopback, for ONE port: "compare with TCP over the same knob". The UDP
// lab's relay loses datagrams inside the app; TCP cannot be relayed that way without hiding
// what we teach (a relay would terminate the connection), so the kernel drops the segments:
// an nftables table of this process's own ("netstage_<pid>", family inet) with one rule in
// the input hook that drops a random share of the data segments sent to 127.0.0.1:<port>. On
// lo the capture tap sees a packet before the input hook, so the wire shows the copy that was
// lost (never acknowledged) and then the sender's retransmission.
//
// Measured on this machine kind: sch_netem is not built into the kernel (tc answers "Specified
// qdisc kind is unknown", and sch_prio is missing too), iptables is not installed, but
// nf_tables with `numgen random` is, driven by the `nft` program (Debian nftables) run as a
// separate process — libnftables is GPL-2.0-only and may not be linked into this
// GPL-3.0-or-later program. Each call waits for nft (a few ms). Needs CAP_NET_ADMIN (root);
// without it apply() fails with a clear sentence.
//
// Always removed: by remove(), the destructor, an exit handler, and — for a process that died
// without any of those (SIGKILL) — by the next start of netstage (removeStale()), which deletes
// tables of dead pids. Until then such a table drops nothing: the port is a set element with
// a timeout of kArmedSeconds that only the living process refreshes (every kRefreshMs).
class LoopbackLoss
{
public:
    static constexpr int kArmedSeconds = 6;
    static constexpr int kRefreshMs = 2000;

    LoopbackLoss() = default;
    ~LoopbackLoss();
    LoopbackLoss(const LoopbackLoss&) = delete;
    LoopbackLoss& operator=(const LoopbackLoss&) = delete;

    // Drops `lossPercent` (1..100) of the TCP segments sent to 127.0.0.1:port. False and a
    // sentence in *error when it cannot (no permission, no nf_tables).
    bool apply(quint16 port, int lossPercent, QString* error);
    bool remove(QString* error = nullptr);
    bool isActive() const { return active_; }
    quint16 port() const { return port_; }
    int lossPercent() const { return loss_; }
    // How many segments the rule dropped so far (its counter), or -1 when unknown.
    qint64 dropped() const;
    QString tableName() const;

    // Removes tables left behind by NetStage processes that no longer exist. Returns how
    // many were removed.
    static int removeStale();
    // The NetStage tables in the kernel now ("netstage_<pid>"), for tests and diagnostics.
    static QStringList tables();

private:
    void refresh();

    std::unique_ptr<QTimer> refresh_;
    bool active_ = false;
    quint16 port_ = 0;
    int loss_ = 0;
};

} // namespace netstage
