#pragma once

#include "core/base/event.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class QTcpServer;
class QWebSocket;
class QWebSocketServer;

namespace netstage {

class Timeline;
class WsTapSocket;
class LabServer;
struct WsFrame;
struct HttpHead;

enum class WsPreset
{
    Echo, // sends every message back to its sender
    Chat, // sends every message to every client, the sender included: a classroom chat
};
QString wsPresetName(WsPreset p);
bool wsPresetFromName(const QString& name, WsPreset* out);

struct WsServerOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8090;
    WsPreset preset = WsPreset::Echo;
    // A larger message is refused with close code 1009 (message too big).
    qint64 maxMessageBytes = 1024 * 1024;
    // A connection that has not sent its whole upgrade request by then is closed.
    int handshakeTimeoutMs = 10000;
};

// The WebSocket lab: a server (QWebSocketServer) with a preset, and clients (QWebSocket).
//
// The server accepts each TCP connection itself and watches every byte before handing the
// socket to QWebSocketServer::handleConnection (docs/PLATFORM-FACTS.md): the upgrade request and
// the 101 answer become `handshake` events (headers in extra, Sec-WebSocket-Accept recomputed
// and compared), every frame in either direction a `frame` event (extra opcode, fin, masked,
// and close_code/reason for close frames). A request that is not a WebSocket upgrade is
// answered 426 or 400 and closed; a message over the limit is closed with 1009; a peer that
// vanishes without a close frame is reported as 1006. Each is an event, and the server goes
// on serving the others.
//
// QWebSocket as a client hides its bytes; the client's events come from its API and say so
// (extra "seen": "api").
//
// Ids: "ws-server", "ws-conn-N" (accepted), "ws-client-N".
class WsLab : public QObject
{
    Q_OBJECT
public:
    static const QString kServerId; // "ws-server"

    WsLab(Timeline* timeline, KernelObserver* observer = nullptr, QObject* parent = nullptr);
    ~WsLab() override;

    void setWireCapture(WireCapture* wire) { wire_ = wire; }

    bool startServer(const WsServerOptions& options);
    void stopServer(); // stops listening; open connections stay
    bool isListening() const;
    quint16 serverPort() const;
    WsServerOptions serverOptions() const { return serverOptions_; }
    void setPreset(WsPreset preset);

    // Opens a client connection to a ws:// URL ("ws://127.0.0.1:8090/"). Returns its id at
    // once, or "" when the URL cannot be used (an error event says why).
    QString connectTo(const QString& url);

    // For clients and accepted connections alike.
    bool sendText(const QString& socket, const QString& text);
    bool sendBinary(const QString& socket, const QByteArray& bytes);
    bool ping(const QString& socket, const QByteArray& payload = {});
    bool close(const QString& socket, int code = 1000, const QString& reason = {});
    bool abort(const QString& socket); // drops the TCP connection without a close frame
    void closeAll();

    QStringList openSockets() const;
    bool isOpen(const QString& socket) const;
    bool isClient(const QString& socket) const;
    int openConnectionCount() const; // accepted + clients, open or opening
    Timeline* timeline() const { return timeline_; }

signals:
    void socketOpened(const QString& socket);
    void socketClosed(const QString& socket);
    void listeningChanged(bool listening);
    void lastConnectionClosed();

private:
    struct Conn;

    void adopt(qintptr fd);
    void onIncoming(const QString& id, const QByteArray& bytes);
    void onOutgoing(const QString& id, const QByteArray& bytes);
    void onRequestHead(const QString& id);
    void refuse(const QString& id, int status, const QString& reason, const QString& why);
    void onServerSocket(QWebSocket* ws);
    void onFrame(const QString& id, const QString& dir, const WsFrame& f);
    void onMessage(const QString& id, const QByteArray& data, bool text);
    void onConnClosed(const QString& id);
    void wireClient(const QString& id, QWebSocket* ws);
    void onClientClosed(const QString& id);
    void clientFrame(const QString& id, const QString& dir, int opcode, qint64 bytes,
                     const QByteArray& payload, bool fin, int closeCode = -1,
                     const QString& reason = {});
    Event base(const QString& socket, const QString& event) const;
    void emitEvent(Event e);
    void error(const QString& socket, const QString& code, const QString& detail = {});
    void finishIfIdle();
    void retire(const QString& id); // forgets a closed connection once the stack unwinds

    Timeline* timeline_;
    QPointer<KernelObserver> observer_;
    QPointer<WireCapture> wire_;
    LabServer* listener_ = nullptr;
    QWebSocketServer* wsServer_ = nullptr;
    QString serverLocal_;
    WsServerOptions serverOptions_;
    QHash<QString, Conn*> conns_;
    QHash<QString, QString> byRemote_; // "127.0.0.1:51514" -> "ws-conn-3"
    int nextConn_ = 1;
    int nextClient_ = 1;
};

} // namespace netstage
