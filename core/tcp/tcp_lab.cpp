#include "core/tcp/tcp_lab.h"

#include "core/net/lab_server.h"

#include "core/base/errors.h"
#include "core/base/timeline.h"
#include "core/net/native_tcp_connection.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonObject>

namespace netstage {

const QString TcpLab::kWelcome = QStringLiteral("欢迎光临《深入浅出Node.js》示例：\n");
const QString TcpLab::kReply = QStringLiteral("你好");

namespace {
const QString kServerId = QStringLiteral("tcp-server");
const QString kFinish = QStringLiteral("finish");
} // namespace

QString tcpPresetName(TcpPreset p)
{
    switch (p) {
    case TcpPreset::Seed:
        return QStringLiteral("seed");
    case TcpPreset::Echo:
        return QStringLiteral("echo");
    case TcpPreset::Silent:
        return QStringLiteral("silent");
    }
    return {};
}

bool tcpPresetFromName(const QString& name, TcpPreset* out)
{
    for (TcpPreset p : {TcpPreset::Seed, TcpPreset::Echo, TcpPreset::Silent}) {
        if (name == tcpPresetName(p)) {
            *out = p;
            return true;
        }
    }
    return false;
}

TcpLab::TcpLab(Timeline* timeline, KernelObserver* observer, QObject* parent)
    : QObject(parent), timeline_(timeline), observer_(observer)
{
}

TcpLab::~TcpLab()
{
    // Connections are children: their descriptors close with them.
    for (auto& c : conns_) {
        if (c.c)
            c.c->disconnect(this);
    }
}

Event TcpLab::base(const QString& socket, const QString& event) const
{
    Event e;
    e.socket = socket;
    e.proto = ev::Tcp;
    e.event = event;
    e.source = ev::App;
    if (socket == kServerId) {
        e.local = serverLocal_;
    } else if (const auto it = conns_.constFind(socket); it != conns_.constEnd()) {
        e.local = it->local;
        e.remote = it->remote;
    }
    return e;
}

void TcpLab::emitEvent(Event e)
{
    timeline_->append(std::move(e));
}

void TcpLab::error(const QString& socket, const QString& code, const QString& detail)
{
    Event e = base(socket, ev::Error);
    e.code = code;
    e.detail = detail;
    emitEvent(e);
}

bool TcpLab::startServer(const TcpServerOptions& options)
{
    if (isListening())
        stopServer();
    serverOptions_ = options;
    // Each accepted descriptor goes straight to a NativeTcpConnection: Qt never reads from it.
    if (!server_)
        server_ = new LabServer([this](qintptr fd) { adoptAccepted(fd); }, this);
    const bool ok = server_->open(options.host, options.port);
    serverLocal_ = server_->local();
    if (!ok) {
        error(kServerId, server_->errorCode(), server_->errorDetail());
        return false;
    }
    emitEvent(base(kServerId, ev::Listening));
    if (server_->exposed()) {
        Event warn = base(kServerId, ev::Info);
        warn.detail = server_->exposureSentence();
        emitEvent(warn);
    }
    if (observer_)
        observer_->track(kServerId, serverLocal_, QStringLiteral("*"));
    if (wire_)
        wire_->watchPort(server_->serverPort());
    emit socketOpened(kServerId);
    emit listeningChanged(true);
    return true;
}

void TcpLab::stopServer()
{
    if (!isListening())
        return;
    server_->close();
    Event e = base(kServerId, ev::Close);
    e.detail = tr("The server stopped listening; connections it accepted stay open until they "
                  "are closed.");
    emitEvent(e);
    if (observer_)
        observer_->appClosed(kServerId);
    emit socketClosed(kServerId);
    emit listeningChanged(false);
}

bool TcpLab::isListening() const
{
    return server_ && server_->isListening();
}

quint16 TcpLab::serverPort() const
{
    return isListening() ? server_->serverPort() : serverOptions_.port;
}

void TcpLab::setPreset(TcpPreset preset)
{
    serverOptions_.preset = preset;
}

int TcpLab::openAcceptedCount() const
{
    int n = 0;
    for (const Conn& conn : conns_)
        n += conn.role == Role::Accepted && conn.c &&
             conn.c->state() != NativeTcpConnection::State::Closed;
    return n;
}

void TcpLab::adoptAccepted(qintptr fd)
{
    auto* c = new NativeTcpConnection(this);
    if (!c->adopt(static_cast<int>(fd))) {
        delete c;
        return;
    }
    const int limit = LabServer::admissionLimit();
    if (limit > 0 && openAcceptedCount() >= limit) {
        // Like Node's server.maxConnections: the connection is closed at once and the server
        // emits 'drop'. The peer sees its connection reset.
        Event e = base(kServerId, QStringLiteral("drop"));
        e.local = endpointString(c->localAddress(), c->localPort());
        e.remote = endpointString(c->peerAddress(), c->peerPort());
        e.detail = tr("LAN mode allows %n connection(s) at once: the connection from %1 is "
                      "refused and closed (Node's server.maxConnections emits 'drop').",
                      nullptr, limit)
                       .arg(e.remote);
        QJsonObject x;
        x.insert(QStringLiteral("max_connections"), limit);
        e.extra = x;
        emitEvent(e);
        c->abort();
        c->deleteLater();
        return;
    }
    const QString id = QStringLiteral("tcp-conn-%1").arg(nextConn_++);
    conns_.insert(id, Conn{c, Role::Accepted, endpointString(c->localAddress(), c->localPort()),
                           endpointString(c->peerAddress(), c->peerPort())});
    wire(id, c);
    if (observer_)
        observer_->track(id, conns_[id].local, conns_[id].remote);
    if (wire_)
        wire_->track(id, conns_[id].local, conns_[id].remote);
    emitEvent(base(id, ev::Connection));
    emit socketOpened(id);
    if (serverOptions_.preset == TcpPreset::Seed)
        send(id, kWelcome.toUtf8());
}

QString TcpLab::connectTo(const QString& hostIn, quint16 port)
{
    const QString host = hostIn.trimmed();
    const QString id = QStringLiteral("tcp-client-%1").arg(nextClient_++);
    if (port == 0) {
        Event e = base(id, ev::Error);
        e.code = QStringLiteral("EINVAL");
        e.remote = host + QStringLiteral(":0");
        e.detail = tr("Port 0 cannot be connected to: choose the server's port (1-65535).");
        emitEvent(e);
        return {};
    }
    QHostAddress addr;
    if (host == QLatin1String("localhost")) {
        startConnect(id, QHostAddress(QHostAddress::LocalHost), port);
    } else if (addr.setAddress(host)) {
        startConnect(id, addr, port);
    } else if (host.isEmpty()) {
        Event e = base(id, ev::Error);
        e.code = QStringLiteral("EINVAL");
        e.detail = tr("No host given: type an address such as 127.0.0.1.");
        emitEvent(e);
        return {};
    } else {
        // A name: resolve first (never blocking the loop), then connect to its first address.
        QHostInfo::lookupHost(host, this, [this, id, host, port](const QHostInfo& info) {
            QHostAddress chosen;
            for (const QHostAddress& a : info.addresses()) {
                if (chosen.isNull() || (a.protocol() == QAbstractSocket::IPv4Protocol &&
                                        chosen.protocol() != QAbstractSocket::IPv4Protocol))
                    chosen = a;
            }
            if (chosen.isNull()) {
                Event e = base(id, ev::Error);
                e.code = QStringLiteral("ENOTFOUND");
                e.remote = host + QLatin1Char(':') + QString::number(port);
                e.detail =
                    tr("The name \"%1\" could not be resolved: %2").arg(host, info.errorString());
                emitEvent(e);
                return;
            }
            startConnect(id, chosen, port);
        });
    }
    return id;
}

void TcpLab::startConnect(const QString& id, const QHostAddress& addr, quint16 port)
{
    auto* c = new NativeTcpConnection(this);
    conns_.insert(id, Conn{c, Role::Client, QString(), endpointString(addr, port)});
    wire(id, c);
    if (wire_)
        wire_->watchPort(port); // before the SYN leaves
    if (!c->connectTo(addr, port)) {
        error(id, errnoName(c->lastError()));
        conns_.remove(id);
        c->deleteLater();
        return;
    }
    conns_[id].local = endpointString(c->localAddress(), c->localPort());
    if (observer_)
        observer_->track(id, conns_[id].local, conns_[id].remote);
    if (wire_)
        wire_->track(id, conns_[id].local, conns_[id].remote);
    emit socketOpened(id);
}

void TcpLab::wire(const QString& id, NativeTcpConnection* c)
{
    connect(c, &NativeTcpConnection::connected, this, [this, id, c] {
        conns_[id].local = endpointString(c->localAddress(), c->localPort());
        emitEvent(base(id, ev::Connect));
        if (observer_)
            observer_->poke();
    });
    connect(c, &NativeTcpConnection::dataReceived, this,
            [this, id](const QByteArray& d) { onData(id, d); });
    connect(c, &NativeTcpConnection::dataWritten, this, [this, id](qint64) { onDrained(id); });
    connect(c, &NativeTcpConnection::peerFinished, this, [this, id] { onPeerEnd(id); });
    connect(c, &NativeTcpConnection::errorOccurred, this,
            [this, id](int err) { error(id, errnoName(err)); });
    connect(c, &NativeTcpConnection::closed, this,
            [this, id](bool hadError) { onClosed(id, hadError); });
}

void TcpLab::onData(const QString& id, const QByteArray& data)
{
    Event e = base(id, ev::Data);
    e.dir = ev::In;
    e.bytes = data.size();
    e.payload = data.left(Timeline::kPreviewBytes);
    emitEvent(e);
    if (conns_.value(id).role != Role::Accepted)
        return;
    if (serverOptions_.preset == TcpPreset::Seed)
        send(id, kReply.toUtf8());
    else if (serverOptions_.preset == TcpPreset::Echo)
        send(id, data);
    // Backpressure: answers pile up for a peer that does not read; stop reading from it.
    NativeTcpConnection* c = conns_.value(id).c;
    if (c && !c->readingPaused() && c->state() == NativeTcpConnection::State::Open &&
        c->pendingWrite() > Backpressure::kHighWater) {
        c->pauseReading();
        Event e = base(id, Backpressure::kPause);
        e.bytes = c->pendingWrite();
        e.detail = LabServer::pauseSentence(c->pendingWrite());
        emitEvent(e);
    }
}

void TcpLab::onDrained(const QString& id)
{
    NativeTcpConnection* c = conns_.value(id).c;
    if (!c || !c->readingPaused() || c->pendingWrite() >= Backpressure::kLowWater)
        return;
    c->resumeReading();
    Event e = base(id, Backpressure::kResume);
    e.bytes = c->pendingWrite();
    e.detail = LabServer::resumeSentence(c->pendingWrite());
    emitEvent(e);
}

void TcpLab::onPeerEnd(const QString& id)
{
    const Conn conn = conns_.value(id); // a copy: sinks run inside emitEvent
    Event e = base(id, ev::End);
    const bool serverEnds =
        conn.role == Role::Accepted && serverOptions_.preset != TcpPreset::Silent;
    if (conn.role == Role::Accepted && serverOptions_.preset == TcpPreset::Seed) {
        e.detail = tr("The client sent FIN. The seed server prints \"%1\" as in the tutorial and "
                      "ends its own side too, like Node's default (allowHalfOpen: false).")
                       .arg(QStringLiteral("连接断开"));
    } else if (conn.role == Role::Accepted && serverOptions_.preset == TcpPreset::Silent) {
        e.detail = tr("The client sent FIN. The silent server keeps its side open: the "
                      "connection stays in CLOSE-WAIT until you close it.");
    }
    emitEvent(e);
    if (observer_)
        observer_->poke();
    NativeTcpConnection* c = conn.c;
    if (!c)
        return;
    if (serverEnds || (conn.role == Role::Client && (c->writeShut() || clientAutoEnd_)))
        c->close();
}

void TcpLab::onClosed(const QString& id, bool hadError)
{
    const Conn conn = conns_.value(id);
    Event e = base(id, ev::Close);
    if (conn.aborting)
        e.flags = QStringLiteral("RST"); // what the kernel sent instead of FIN
    if (conn.aborting)
        e.detail = tr("Aborted: with SO_LINGER 0 the kernel sent RST and dropped anything "
                      "queued. No FIN, no TIME-WAIT.");
    else if (hadError)
        e.detail = tr("Closed because of the error above.");
    emitEvent(e);
    if (observer_)
        observer_->appClosed(id);
    if (conn.c)
        conn.c->deleteLater();
    // Forgotten with its descriptor, so a classroom's thousands of short connections leave
    // nothing behind (a later command on this id is answered ENOTCONN, as before).
    conns_.remove(id);
    emit socketClosed(id);
    if (openConnectionCount() == 0)
        emit lastConnectionClosed();
}

NativeTcpConnection* TcpLab::find(const QString& socket, const char* action)
{
    const auto it = conns_.constFind(socket);
    if (it == conns_.constEnd() || !it->c || it->c->state() == NativeTcpConnection::State::Closed) {
        error(socket, QStringLiteral("ENOTCONN"),
              tr("Cannot %1: %2 is not an open connection.")
                  .arg(QCoreApplication::translate("netstage::TcpLab", action), socket));
        return nullptr;
    }
    return it->c;
}

bool TcpLab::send(const QString& socket, const QByteArray& bytes)
{
    NativeTcpConnection* c = find(socket, QT_TR_NOOP("send"));
    if (!c)
        return false;
    if (!c->write(bytes)) {
        error(socket, QStringLiteral("EPIPE"),
              tr("This side already sent its FIN (half-close or close), so it cannot send "
                 "any more."));
        return false;
    }
    Event e = base(socket, ev::Data);
    e.dir = ev::Out;
    e.bytes = bytes.size();
    e.payload = bytes.left(Timeline::kPreviewBytes);
    emitEvent(e);
    // No poke: data does not change the TCP state, and a flood of pokes would keep the
    // observer polling at its fastest for nothing.
    return true;
}

bool TcpLab::halfClose(const QString& socket)
{
    NativeTcpConnection* c = find(socket, QT_TR_NOOP("half-close"));
    if (!c)
        return false;
    if (!c->shutdownWrite()) {
        error(socket, QStringLiteral("EPIPE"), tr("This side already sent its FIN."));
        return false;
    }
    Event e = base(socket, kFinish);
    e.detail = tr("This side sent FIN (shutdown SHUT_WR, Node's socket.end()): it will send "
                  "nothing more, but it keeps reading what the peer still sends.");
    emitEvent(e);
    if (observer_)
        observer_->poke();
    // The peer may have finished already: then both directions are done.
    if (c->peerEnded())
        c->close();
    return true;
}

bool TcpLab::close(const QString& socket)
{
    if (socket == kServerId) {
        stopServer();
        return true;
    }
    NativeTcpConnection* c = find(socket, QT_TR_NOOP("close"));
    if (!c)
        return false;
    c->close();
    if (observer_)
        observer_->poke();
    return true;
}

bool TcpLab::abort(const QString& socket)
{
    NativeTcpConnection* c = find(socket, QT_TR_NOOP("abort"));
    if (!c)
        return false;
    conns_[socket].aborting = true;
    c->abort();
    return true;
}

void TcpLab::closeAll()
{
    stopServer();
    const QStringList ids = conns_.keys();
    for (const QString& id : ids) {
        const Conn& conn = conns_[id];
        if (conn.c && conn.c->state() != NativeTcpConnection::State::Closed)
            conn.c->close();
    }
}

QStringList TcpLab::openSockets() const
{
    QStringList out;
    if (isListening())
        out << kServerId;
    for (auto it = conns_.constBegin(); it != conns_.constEnd(); ++it) {
        if (it->c && it->c->state() != NativeTcpConnection::State::Closed)
            out << it.key();
    }
    return out;
}

bool TcpLab::isOpen(const QString& socket) const
{
    if (socket == kServerId)
        return isListening();
    const auto it = conns_.constFind(socket);
    return it != conns_.constEnd() && it->c && it->c->state() != NativeTcpConnection::State::Closed;
}

TcpLab::Role TcpLab::role(const QString& socket) const
{
    if (socket == kServerId)
        return Role::Listener;
    return conns_.value(socket, Conn{nullptr, Role::Client, {}, {}}).role;
}

int TcpLab::openConnectionCount() const
{
    int n = 0;
    for (const Conn& c : conns_) {
        if (c.c && c.c->state() != NativeTcpConnection::State::Closed)
            ++n;
    }
    return n;
}

} // namespace netstage
