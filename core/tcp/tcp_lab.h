#pragma once

#include "core/base/event.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace netstage {

class Timeline;
class KernelObserver;

class NativeTcpConnection;
class LabServer;

enum class TcpPreset
{
    Seed,   // the tutorial: welcome text on connection, "你好" per data, end on the peer's end
    Echo,   // writes back what arrives; ends on the peer's end
    Silent, // says nothing and never closes by itself: the teacher decides
};
QString tcpPresetName(TcpPreset p);
bool tcpPresetFromName(const QString& name, TcpPreset* out);

struct TcpServerOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8124;
    TcpPreset preset = TcpPreset::Seed;
};

// The TCP lab: one server (with a preset behaviour) and any number of clients, all on native
// sockets, every observation an event on the timeline. Commands address sockets by id:
// "tcp-server" (the listener), "tcp-conn-N" (accepted by the server), "tcp-client-N".
// A command that cannot be done (unknown id, socket closed) appends an `error` event and
// returns false; nothing throws, nothing blocks.
class TcpLab : public QObject
{
    Q_OBJECT
public:
    enum class Role
    {
        Listener,
        Accepted,
        Client
    };
    Q_ENUM(Role)

    static const QString kWelcome; // "欢迎光临《深入浅出Node.js》示例：\n"
    static const QString kReply;   // "你好"

    TcpLab(Timeline* timeline, KernelObserver* observer, QObject* parent = nullptr);
    ~TcpLab() override;

    bool startServer(const TcpServerOptions& options);
    void stopServer(); // stops listening; accepted connections stay until closed
    bool isListening() const;
    quint16 serverPort() const; // the bound port (useful with port 0)
    TcpServerOptions serverOptions() const { return serverOptions_; }
    void setPreset(TcpPreset preset); // applies to the running server too

    // Like Node's allowHalfOpen = false (the default): when the peer ends, end our side too.
    // Off: a client whose server closed first stays in CLOSE-WAIT until told to close.
    void setClientAutoEnd(bool on) { clientAutoEnd_ = on; }
    bool clientAutoEnd() const { return clientAutoEnd_; }

    // Starts a connection; returns its id at once ("tcp-client-N"), or an empty string when
    // the host cannot be used (an error event says why). Host names are resolved first.
    QString connectTo(const QString& host, quint16 port);

    bool send(const QString& socket, const QByteArray& bytes);
    bool halfClose(const QString& socket); // FIN, keep reading
    bool close(const QString& socket);     // graceful close
    bool abort(const QString& socket);     // RST
    void closeAll();                       // graceful close of everything, listener included

    QStringList openSockets() const; // listener and connections whose descriptor is open
    bool isOpen(const QString& socket) const;
    Role role(const QString& socket) const;
    int openConnectionCount() const; // accepted + clients still open

    Timeline* timeline() const { return timeline_; }
    // Optional: the capture learns the lab's ports and which socket each segment belongs to.
    void setWireCapture(WireCapture* wire) { wire_ = wire; }

signals:
    void socketOpened(const QString& socket);
    void socketClosed(const QString& socket);
    void listeningChanged(bool listening);
    void lastConnectionClosed(); // no accepted or client connection is open any more

private:
    struct Conn
    {
        QPointer<NativeTcpConnection> c;
        Role role = Role::Client;
        QString local, remote;
        bool aborting = false;
    };
    void adoptAccepted(qintptr fd);
    int openAcceptedCount() const;
    void wire(const QString& id, NativeTcpConnection* c);
    void onData(const QString& id, const QByteArray& data);
    void onDrained(const QString& id); // resumes reading once a paused peer's output drained
    void onPeerEnd(const QString& id);
    void onClosed(const QString& id, bool hadError);
    void emitEvent(Event e);
    Event base(const QString& socket, const QString& event) const;
    void error(const QString& socket, const QString& code, const QString& detail = {});
    NativeTcpConnection* find(const QString& socket, const char* action);
    void startConnect(const QString& id, const QHostAddress& addr, quint16 port);

    Timeline* timeline_;
    QPointer<KernelObserver> observer_;
    QPointer<WireCapture> wire_;
    LabServer* server_ = nullptr;
    QString serverLocal_;
    TcpServerOptions serverOptions_;
    bool clientAutoEnd_ = true;
    QHash<QString, Conn> conns_;
    int nextClient_ = 1;
    int nextConn_ = 1;
};

} // namespace netstage
