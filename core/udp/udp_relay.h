#pragma once

#include "core/base/event.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <map>
#include <random>

class QTimer;

namespace netstage {

class Timeline;
class UdpSocket;

// What the relay does to the datagrams that pass through it.
struct UdpRelayOptions
{
    double loss = 0;      // probability a datagram is dropped, 0..1
    double duplicate = 0; // probability it is sent twice
    double reorder = 0;   // probability it is held back and sent after the next one
    int delayMs = 0;      // added to every datagram, 0..kMaxDelayMs
    int jitterMs = 0;     // plus a random 0..jitterMs (so datagrams may overtake each other)
    quint64 seed = 0;     // 0: a random seed; any other value repeats the same decisions

    static constexpr int kMaxDelayMs = 10000;
    // Out-of-range values clamped, so a typo cannot make the relay hold datagrams for hours.
    UdpRelayOptions clamped() const;
    bool isPassThrough() const;
    QString summary() const; // "loss 10%, delay 50 ms" (untranslated: JSON and logs)
};

// The relay's dice: one decision per datagram, reproducible for a given seed. It draws the
// same four numbers for every datagram whatever the rates, so with one seed the same
// datagrams are lost when only the delay changes.
class RelayDecider
{
public:
    enum class Action
    {
        Forward,   // sent on at once
        Delay,     // sent on after delayMs
        Duplicate, // sent twice (after delayMs)
        Reorder,   // held back until the next datagram has gone, then sent
        Drop       // never sent
    };
    struct Decision
    {
        Action action = Action::Forward;
        int delayMs = 0;
    };

    explicit RelayDecider(const UdpRelayOptions& options);
    Decision next();
    // New rates and delays; the dice go on where they were (the seed is not changed).
    void setRates(const UdpRelayOptions& options);
    quint64 seed() const { return seed_; }
    static QString actionName(Action a); // "forward", "delay", "duplicate", "reorder", "drop"

private:
    UdpRelayOptions o_;
    quint64 seed_;
    std::mt19937_64 rng_;
};

// A relay inside the app, between a UDP client and its server, that loses, delays,
// duplicates and reorders datagrams on purpose, so a class can watch what UDP does not
// promise. The client sends to the relay ("udp-relay"); for each client the relay sends on
// from a socket of its own (as a NAT would), so answers find their way back through it and
// get the same treatment. Every decision is an event: `relay` with extra
// {"action", "toward", "n", "to", "from" (the relay socket it leaves from), "delay_ms"}.
//
// Bounded: at most kMaxPending datagrams wait in it (more are dropped, and the event says
// why) and at most kMaxPeers clients have an upstream socket.
class UdpRelay : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxPending = 4096;
    static constexpr int kMaxPeers = 64;
    // A datagram held for reordering goes anyway after this (plus the set delay and jitter)
    // when no other datagram comes to overtake it.
    static constexpr int kReorderHoldMs = 200;

    struct Stats
    {
        quint64 received = 0, forwarded = 0, dropped = 0, duplicated = 0, reordered = 0,
                delayed = 0;
    };

    UdpRelay(Timeline* timeline, QObject* parent = nullptr);
    ~UdpRelay() override;

    // Binds the relay's front socket next to the target (127.0.0.1:0 for a loopback target).
    // False and an error event when it cannot.
    bool start(const QHostAddress& target, quint16 targetPort, const UdpRelayOptions& options);
    void stop();
    bool isRunning() const;
    // Rates and delays may change while it runs; the seed stays.
    void setOptions(const UdpRelayOptions& options);
    UdpRelayOptions options() const { return options_; }

    QHostAddress address() const;
    quint16 port() const;
    QString endpoint() const;
    QString targetEndpoint() const;
    Stats stats() const { return stats_; }
    int pending() const { return int(queue_.size()) + int(held_.size()); }

    static const QString kSocketId; // "udp-relay"

signals:
    void decided(const netstage::Event& e); // after it is on the timeline

private:
    struct Datagram
    {
        QByteArray data;
        QPointer<UdpSocket> via;
        QHostAddress to;
        quint16 toPort = 0;
        QString toward; // "server" or "client"
        quint64 n = 0;
        int copies = 1;
    };
    void onFront(const QByteArray& data, const QHostAddress& from, quint16 port);
    void onUpstream(UdpSocket* up, const QByteArray& data);
    void handle(Datagram d, const QString& sender);
    void release(const Datagram& d);
    void schedule(const Datagram& d, int delayMs);
    void onTimer();
    qint64 holdUs() const;
    void flushHeld(const QString& toward);
    void log(const Datagram& d, const QString& action, const QString& sender, int delayMs,
             const QString& why = {});

    Timeline* timeline_;
    UdpRelayOptions options_;
    RelayDecider decider_;
    UdpSocket* front_ = nullptr;
    QHostAddress target_;
    quint16 targetPort_ = 0;
    struct Peer
    {
        QHostAddress addr;
        quint16 port = 0;
        UdpSocket* up = nullptr;
        quint64 lastUse = 0;
    };
    QHash<QString, Peer> peers_;            // "127.0.0.1:5000" -> its upstream socket
    std::multimap<qint64, Datagram> queue_; // release time (µs, timeline clock) -> datagram
    QHash<QString, Datagram> held_;         // toward -> the datagram held for reorder
    QHash<QString, qint64> heldSince_;
    QTimer* timer_;
    quint64 n_ = 0;
    quint64 uses_ = 0;
    Stats stats_;
};

} // namespace netstage
