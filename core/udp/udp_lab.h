#pragma once

#include "core/base/event.h"
#include "core/udp/udp_relay.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QTimer;

namespace netstage {

class Timeline;
class UdpSocket;
class WireCapture;

enum class UdpPreset
{
    Seed, // the tutorial: logs "server got: <msg> from <address>:<port>" and answers nothing
    Echo, // sends every datagram back to its sender
};
QString udpPresetName(UdpPreset p);
bool udpPresetFromName(const QString& name, UdpPreset* out);

struct UdpServerOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 41234; // the port of Node's dgram documentation
    UdpPreset preset = UdpPreset::Seed;
};

struct UdpClientOptions
{
    // connect(2) the socket to the server first: then the kernel reports ICMP "port
    // unreachable" as ECONNREFUSED (an unconnected UDP socket never hears of it).
    bool connected = false;
    // Send through the lab's relay (loss, delay, duplicate, reorder) instead of directly.
    bool viaRelay = false;
};

// The UDP lab: one server with a preset behaviour, any number of clients, and the relay that
// loses, delays, duplicates and reorders on request. Every observation is an event: `listening`
// (a socket is bound), `connect` (a UDP connect), `message` (dir, bytes, text, remote = rinfo),
// `relay` (a decision of the relay), `error` and `close`. Ids: "udp-server", "udp-client-N",
// "udp-relay". Like the TCP lab, a command that cannot be done appends an `error` event and
// returns false; nothing blocks.
class UdpLab : public QObject
{
    Q_OBJECT
public:
    static const QString kServerId; // "udp-server"
    // IPv4's limit: 65,535 minus the 20-byte IP header and the 8-byte UDP header.
    static constexpr int kMaxIpv4Payload = 65507;
    // Repeated sends are capped so a typo cannot flood the class machine for hours.
    static constexpr int kMaxCount = 100000;

    explicit UdpLab(Timeline* timeline, QObject* parent = nullptr);
    ~UdpLab() override;

    // Real datagrams from the wire where capture runs: the lab's ports are watched and its
    // sockets' endpoints tracked, so each datagram becomes a `datagram` event (source "wire").
    void setWireCapture(WireCapture* wire);

    bool startServer(const UdpServerOptions& options);
    void stopServer();
    bool isListening() const;
    quint16 serverPort() const; // the bound port (useful with port 0)
    UdpServerOptions serverOptions() const { return serverOptions_; }
    void setPreset(UdpPreset preset);

    // A new client socket aimed at host:port (an IP address or "localhost"). It is bound at
    // once, so its port is known before it sends ("udp-client-N"); "" and an error event when
    // it cannot be made.
    QString openClient(const QString& host, quint16 port, const UdpClientOptions& options = {});
    bool send(const QString& client, const QByteArray& bytes);
    // Sends `count` datagrams, the first now and then one every intervalMs. In the text,
    // "{n}" becomes the datagram's number (1, 2, ...) so losses and reordering can be seen.
    bool sendRepeated(const QString& client, const QByteArray& bytes, int count, int intervalMs);
    bool isSending(const QString& client) const;
    void stopSending(const QString& client);
    // Datagrams a client has still to send in its current series.
    int remainingToSend(const QString& client) const;

    bool close(const QString& socket);
    void closeAll(); // server, clients and relay

    // The relay's rates and delays; applied at once to a running relay.
    void setRelayOptions(const UdpRelayOptions& options);
    UdpRelayOptions relayOptions() const { return relayOptions_; }
    UdpRelay* relay() const { return relay_; }

    QStringList openSockets() const;
    bool isOpen(const QString& socket) const;
    QString localEndpoint(const QString& socket) const;
    Timeline* timeline() const { return timeline_; }

    static QByteArray expand(const QByteArray& bytes, int n); // "{n}" -> n

signals:
    void socketOpened(const QString& socket);
    void socketClosed(const QString& socket);
    void listeningChanged(bool listening);
    void sendingChanged(const QString& client, bool sending);

private:
    struct Client
    {
        QPointer<UdpSocket> socket;
        QHostAddress target;
        quint16 targetPort = 0;
        UdpClientOptions options;
        QTimer* timer = nullptr;
        QByteArray repeatBytes;
        int repeatSent = 0;
        int repeatCount = 0;
        QString local;
    };

    Event base(const QString& socket, const QString& event) const;
    void emitEvent(Event e);
    void error(const QString& socket, const QString& code, const QString& detail = {},
               const QString& remote = {});
    void onServerDatagram(const QByteArray& data, const QHostAddress& from, quint16 port);
    void onKernelDrops(quint32 dropped, quint32 total);
    void reportDrops();
    void onClientDatagram(const QString& id, const QByteArray& data, const QHostAddress& from,
                          quint16 port);
    void onClientError(const QString& id, int err);
    bool sendOne(const QString& id, const QByteArray& bytes);
    void tick(const QString& id);
    bool ensureRelay(const QHostAddress& target, quint16 port);
    QString errorDetail(const QString& code, qint64 size, const QString& remote) const;

    Timeline* timeline_;
    QPointer<WireCapture> wire_;
    UdpSocket* server_ = nullptr;
    QTimer* dropTimer_ = nullptr;
    quint64 dropsPending_ = 0; // dropped by the kernel, not yet told
    quint32 dropsTotal_ = 0;
    QString serverLocal_;
    UdpServerOptions serverOptions_;
    QHash<QString, Client> clients_;
    int nextClient_ = 1;
    UdpRelay* relay_ = nullptr;
    UdpRelayOptions relayOptions_;
};

} // namespace netstage
