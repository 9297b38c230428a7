#include "core/udp/udp_lab.h"

#include "core/base/errors.h"
#include "core/base/timeline.h"
#include "core/net/lab_server.h"
#include "core/net/native_tcp_connection.h"
#include "core/net/udp_socket.h"
#include "core/observe/wire_capture.h"

#include <QTimer>

namespace netstage {

const QString UdpLab::kServerId = QStringLiteral("udp-server");

namespace {
const QString kUdp = QStringLiteral("udp");
const QString kMessage = QStringLiteral("message");

// Where a socket aimed at `target` binds: loopback stays on loopback, so the port the server
// sees in rinfo is the one the client's `listening` event names.
QHostAddress bindAddressFor(const QHostAddress& target)
{
    const bool v6 = target.protocol() == QAbstractSocket::IPv6Protocol;
    if (target.isLoopback())
        return v6 ? QHostAddress(QHostAddress::LocalHostIPv6)
                  : QHostAddress(QHostAddress::LocalHost);
    return v6 ? QHostAddress(QHostAddress::AnyIPv6) : QHostAddress(QHostAddress::AnyIPv4);
}
} // namespace

QString udpPresetName(UdpPreset p)
{
    switch (p) {
    case UdpPreset::Seed:
        return QStringLiteral("seed");
    case UdpPreset::Echo:
        return QStringLiteral("echo");
    }
    return {};
}

bool udpPresetFromName(const QString& name, UdpPreset* out)
{
    for (UdpPreset p : {UdpPreset::Seed, UdpPreset::Echo}) {
        if (name == udpPresetName(p)) {
            *out = p;
            return true;
        }
    }
    return false;
}

UdpLab::UdpLab(Timeline* timeline, QObject* parent) : QObject(parent), timeline_(timeline) {}

UdpLab::~UdpLab()
{
    // Sockets are children and close with the lab; the relay's goodbye is not needed then.
    for (Client& c : clients_) {
        if (c.socket)
            c.socket->disconnect(this);
    }
    if (server_)
        server_->disconnect(this);
}

QByteArray UdpLab::expand(const QByteArray& bytes, int n)
{
    if (!bytes.contains("{n}"))
        return bytes;
    QByteArray out = bytes;
    return out.replace("{n}", QByteArray::number(n));
}

Event UdpLab::base(const QString& socket, const QString& event) const
{
    Event e;
    e.socket = socket;
    e.proto = kUdp;
    e.event = event;
    e.source = ev::App;
    if (socket == kServerId) {
        e.local = serverLocal_;
    } else if (const auto it = clients_.constFind(socket); it != clients_.constEnd()) {
        e.local = it->local;
    }
    return e;
}

void UdpLab::emitEvent(Event e)
{
    timeline_->append(std::move(e));
}

QString UdpLab::errorDetail(const QString& code, qint64 size, const QString& remote) const
{
    if (code == QLatin1String("EMSGSIZE"))
        return tr("Message too long: %1 bytes do not fit in one UDP datagram. Over IPv4 a "
                  "datagram carries at most 65,507 bytes (65,535 minus the 20-byte IP header "
                  "and the 8-byte UDP header). Nothing was sent: UDP never splits a message "
                  "for you, as TCP's byte stream does.")
            .arg(size);
    if (code == QLatin1String("ECONNREFUSED"))
        return tr("Connection refused, UDP style: nothing listens on %1, so that machine's "
                  "kernel answered with ICMP \"port unreachable\". Only a connected UDP socket "
                  "hears of it (here, on its next send or receive); an unconnected one never "
                  "knows its datagram vanished.")
            .arg(remote);
    if (code == QLatin1String("EADDRINUSE"))
        return tr("Address in use: another socket is already bound to UDP port %1 on this "
                  "address (another server, or the tutorial's Node server?). Stop it or "
                  "choose another port.")
            .arg(remote.mid(remote.lastIndexOf(QLatin1Char(':')) + 1));
    return {};
}

void UdpLab::error(const QString& socket, const QString& code, const QString& detail,
                   const QString& remote)
{
    Event e = base(socket, ev::Error);
    e.code = code;
    e.remote = remote;
    e.detail = detail;
    emitEvent(e);
}

void UdpLab::setWireCapture(WireCapture* wire)
{
    wire_ = wire;
}

bool UdpLab::startServer(const UdpServerOptions& options)
{
    if (isListening())
        stopServer();
    serverOptions_ = options;
    QHostAddress addr;
    const QString host = options.host.trimmed();
    if (!parseLabAddress(host, &addr)) {
        serverLocal_ = host + QLatin1Char(':') + QString::number(options.port);
        error(kServerId, QStringLiteral("EINVAL"), LabServer::badAddressSentence(host));
        return false;
    }
    serverLocal_ = endpointString(addr, options.port);
    auto* s = new UdpSocket(this);
    if (const int err = s->bind(addr, options.port)) {
        delete s;
        const QString code = errnoName(err);
        error(kServerId, code, errorDetail(code, -1, serverLocal_));
        return false;
    }
    server_ = s;
    serverLocal_ = endpointString(s->localAddress(), s->localPort());
    if (wire_) {
        wire_->watchUdpPort(s->localPort());
        wire_->trackUdp(kServerId, serverLocal_);
    }
    connect(s, &UdpSocket::datagramReceived, this, &UdpLab::onServerDatagram);
    connect(s, &UdpSocket::kernelDropped, this, &UdpLab::onKernelDrops);
    Event e = base(kServerId, ev::Listening);
    e.extra = QJsonObject{{QStringLiteral("preset"), udpPresetName(options.preset)}};
    e.detail = tr("The UDP server is bound to %1: it has no connections and no handshake; "
                  "every datagram that arrives is one `message` with its sender's address "
                  "(rinfo).")
                   .arg(serverLocal_);
    emitEvent(e);
    if (!addr.isLoopback()) {
        Event warn = base(kServerId, ev::Info);
        warn.detail = tr("Bound to %1, not to loopback: other machines on the network can send "
                         "datagrams to this server.")
                          .arg(serverLocal_);
        emitEvent(warn);
    }
    emit socketOpened(kServerId);
    emit listeningChanged(true);
    return true;
}

void UdpLab::stopServer()
{
    if (!server_)
        return;
    UdpSocket* s = server_;
    server_ = nullptr;
    s->disconnect(this);
    s->close();
    s->deleteLater();
    Event e = base(kServerId, ev::Close);
    e.detail = tr("The server closed its socket. Datagrams sent to its port from now on are "
                  "answered by the kernel with ICMP \"port unreachable\".");
    emitEvent(e);
    emit socketClosed(kServerId);
    emit listeningChanged(false);
}

bool UdpLab::isListening() const
{
    return server_ && server_->isOpen();
}

quint16 UdpLab::serverPort() const
{
    return isListening() ? server_->localPort() : serverOptions_.port;
}

void UdpLab::setPreset(UdpPreset preset)
{
    serverOptions_.preset = preset;
}

void UdpLab::onKernelDrops(quint32 dropped, quint32 total)
{
    // One `drop` event at most every half second, with what the kernel counted meanwhile.
    dropsPending_ += dropped;
    dropsTotal_ = total;
    if (!dropTimer_) {
        dropTimer_ = new QTimer(this);
        dropTimer_->setSingleShot(true);
        dropTimer_->setInterval(500);
        connect(dropTimer_, &QTimer::timeout, this, [this] {
            if (dropsPending_ > 0)
                reportDrops();
        });
    }
    if (dropTimer_->isActive())
        return;
    reportDrops();
    dropTimer_->start();
}

void UdpLab::reportDrops()
{
    Event e = base(kServerId, QStringLiteral("drop"));
    e.extra = QJsonObject{{QStringLiteral("dropped"), qint64(dropsPending_)},
                          {QStringLiteral("kernel_total"), qint64(dropsTotal_)}};
    e.detail = tr("The kernel dropped %n datagram(s) for this socket: its receive buffer was "
                  "full, the program did not read fast enough (SO_RXQ_OVFL counts them; %1 so "
                  "far). UDP has no flow control: nobody, not even the sender, is told.",
                  nullptr, int(dropsPending_))
                   .arg(dropsTotal_);
    dropsPending_ = 0;
    emitEvent(e);
    if (dropTimer_)
        dropTimer_->start();
}

void UdpLab::onServerDatagram(const QByteArray& data, const QHostAddress& from, quint16 port)
{
    const QString remote = endpointString(from, port);
    Event e = base(kServerId, kMessage);
    e.dir = ev::In;
    e.bytes = data.size();
    e.payload = data.left(Timeline::kPreviewBytes);
    e.remote = remote;
    if (serverOptions_.preset == UdpPreset::Seed) {
        // The tutorial's console.log line (program output, so not translated).
        e.detail =
            QStringLiteral("server got: %1 from %2:%3")
                .arg(e.payloadIsBinary() ? QString::fromLatin1(e.payload.toHex(' ')) : e.text(),
                     from.toString())
                .arg(port);
    }
    emitEvent(e);
    if (serverOptions_.preset != UdpPreset::Echo || !server_)
        return;
    if (const int err = server_->sendTo(data, from, port)) {
        const QString code = errnoName(err);
        error(kServerId, code, errorDetail(code, data.size(), remote), remote);
        return;
    }
    Event out = base(kServerId, kMessage);
    out.dir = ev::Out;
    out.bytes = data.size();
    out.payload = e.payload;
    out.remote = remote;
    emitEvent(out);
}

bool UdpLab::ensureRelay(const QHostAddress& target, quint16 port)
{
    if (relay_ && relay_->isRunning() && relay_->targetEndpoint() == endpointString(target, port))
        return true;
    if (!relay_)
        relay_ = new UdpRelay(timeline_, this);
    if (!relay_->start(target, port, relayOptions_))
        return false;
    emit socketOpened(UdpRelay::kSocketId);
    return true;
}

void UdpLab::setRelayOptions(const UdpRelayOptions& options)
{
    relayOptions_ = options.clamped();
    if (relay_ && relay_->isRunning()) {
        relay_->setOptions(relayOptions_);
        Event e = base(UdpRelay::kSocketId, ev::Info);
        e.local = relay_->endpoint();
        e.detail = tr("The relay now works with %1.").arg(relayOptions_.summary());
        emitEvent(e);
    }
}

QString UdpLab::openClient(const QString& hostIn, quint16 port, const UdpClientOptions& options)
{
    const QString id = QStringLiteral("udp-client-%1").arg(nextClient_++);
    const QString host = hostIn.trimmed();
    QHostAddress target;
    if (host.isEmpty()) {
        error(id, QStringLiteral("EINVAL"),
              tr("No host given: type an address such as 127.0.0.1."));
        return {};
    }
    if (!parseLabAddress(host, &target)) {
        error(id, QStringLiteral("EINVAL"),
              tr("\"%1\" is not an IP address. The UDP lab sends to addresses (127.0.0.1, ::1) "
                 "or localhost.")
                  .arg(host),
              host + QLatin1Char(':') + QString::number(port));
        return {};
    }
    const QString targetEp = endpointString(target, port);
    if (port == 0) {
        error(id, QStringLiteral("EINVAL"),
              tr("Port 0 cannot be sent to: choose the server's port (1-65535)."), targetEp);
        return {};
    }
    QHostAddress sendTo = target;
    quint16 sendPort = port;
    if (options.viaRelay) {
        if (!ensureRelay(target, port))
            return {};
        sendTo = relay_->address();
        sendPort = relay_->port();
    }
    auto* s = new UdpSocket(this);
    if (const int err = s->bind(bindAddressFor(sendTo), 0)) {
        delete s;
        error(id, errnoName(err));
        return {};
    }
    Client c;
    c.socket = s;
    c.target = target;
    c.targetPort = port;
    c.options = options;
    c.local = endpointString(s->localAddress(), s->localPort());
    if (wire_) {
        // In force before the first datagram leaves: the client's port and the server's.
        wire_->watchUdpPort(s->localPort());
        wire_->watchUdpPort(port);
        wire_->trackUdp(id, c.local);
    }
    c.timer = new QTimer(this);
    c.timer->setTimerType(Qt::PreciseTimer);
    connect(c.timer, &QTimer::timeout, this, [this, id] { tick(id); });
    clients_.insert(id, c);
    connect(s, &UdpSocket::datagramReceived, this,
            [this, id](const QByteArray& d, const QHostAddress& from, quint16 p) {
                onClientDatagram(id, d, from, p);
            });
    connect(s, &UdpSocket::errorOccurred, this, [this, id](int err) { onClientError(id, err); });

    Event e = base(id, ev::Listening);
    e.extra = QJsonObject{{QStringLiteral("role"), QStringLiteral("client")},
                          {QStringLiteral("target"), targetEp}};
    e.detail = tr("The client's socket is bound to %1: the kernel picked a free port, and that "
                  "is the port the server will see as rinfo.port.")
                   .arg(c.local);
    emitEvent(e);
    emit socketOpened(id);
    if (options.connected) {
        if (const int err = s->connectTo(sendTo, sendPort)) {
            error(id, errnoName(err), {}, endpointString(sendTo, sendPort));
            return id;
        }
        Event ce = base(id, ev::Connect);
        ce.remote = endpointString(sendTo, sendPort);
        ce.detail = tr("connect() on a UDP socket sends nothing: no handshake, no packet. It only "
                       "fixes the peer, so plain send() works and ICMP errors such as \"port "
                       "unreachable\" come back as ECONNREFUSED.");
        emitEvent(ce);
    }
    return id;
}

bool UdpLab::sendOne(const QString& id, const QByteArray& bytes)
{
    const auto it = clients_.find(id);
    if (it == clients_.end() || !it->socket || !it->socket->isOpen()) {
        error(id, QStringLiteral("ENOTCONN"), tr("Cannot send: %1 is not an open socket.").arg(id));
        return false;
    }
    UdpSocket* s = it->socket;
    const bool relayed = it->options.viaRelay && relay_ && relay_->isRunning();
    if (it->options.viaRelay && !relayed) {
        if (!ensureRelay(it->target, it->targetPort))
            return false;
    }
    const QHostAddress to = it->options.viaRelay ? relay_->address() : it->target;
    const quint16 toPort = it->options.viaRelay ? relay_->port() : it->targetPort;
    const QString remote = endpointString(to, toPort);
    const QString target = endpointString(it->target, it->targetPort);
    const int err = s->isConnected() ? s->send(bytes) : s->sendTo(bytes, to, toPort);
    if (err) {
        const QString code = errnoName(err);
        error(id, code, errorDetail(code, bytes.size(), target), remote);
        return false;
    }
    Event e = base(id, kMessage);
    e.dir = ev::Out;
    e.bytes = bytes.size();
    e.payload = bytes.left(Timeline::kPreviewBytes);
    e.remote = remote;
    if (it->options.viaRelay)
        e.extra = QJsonObject{{QStringLiteral("via"), UdpRelay::kSocketId},
                              {QStringLiteral("target"), target}};
    if (it->repeatCount > 1)
        e.extra.insert(QStringLiteral("n"), it->repeatSent + 1);
    emitEvent(e);
    return true;
}

bool UdpLab::send(const QString& client, const QByteArray& bytes)
{
    const auto it = clients_.find(client);
    if (it != clients_.end() && it->repeatCount > 0)
        stopSending(client);
    return sendOne(client, expand(bytes, 1));
}

bool UdpLab::sendRepeated(const QString& client, const QByteArray& bytes, int count, int intervalMs)
{
    auto it = clients_.find(client);
    if (it == clients_.end() || !it->socket) {
        error(client, QStringLiteral("ENOTCONN"),
              tr("Cannot send: %1 is not an open socket.").arg(client));
        return false;
    }
    if (count < 1 || count > kMaxCount) {
        error(client, QStringLiteral("EINVAL"),
              tr("The count must be between 1 and %1.").arg(kMaxCount));
        return false;
    }
    stopSending(client);
    it = clients_.find(client);
    it->repeatBytes = bytes;
    it->repeatCount = count;
    it->repeatSent = 0;
    it->timer->setInterval(std::clamp(intervalMs, 0, 3600000));
    emit sendingChanged(client, true);
    tick(client);
    return true;
}

void UdpLab::tick(const QString& id)
{
    auto it = clients_.find(id);
    if (it == clients_.end() || it->repeatCount == 0)
        return;
    const int n = it->repeatSent + 1;
    const bool ok = sendOne(id, expand(it->repeatBytes, n));
    it = clients_.find(id); // sinks may have run; the hash is unchanged but be safe
    if (it == clients_.end())
        return;
    ++it->repeatSent;
    // EMSGSIZE and friends repeat for every datagram: one error is enough.
    if (!ok || it->repeatSent >= it->repeatCount) {
        stopSending(id);
        return;
    }
    if (!it->timer->isActive())
        it->timer->start();
}

bool UdpLab::isSending(const QString& client) const
{
    const auto it = clients_.constFind(client);
    return it != clients_.constEnd() && it->repeatCount > 0;
}

int UdpLab::remainingToSend(const QString& client) const
{
    const auto it = clients_.constFind(client);
    return it == clients_.constEnd() ? 0 : std::max(0, it->repeatCount - it->repeatSent);
}

void UdpLab::stopSending(const QString& client)
{
    const auto it = clients_.find(client);
    if (it == clients_.end() || it->repeatCount == 0)
        return;
    it->timer->stop();
    it->repeatCount = 0;
    it->repeatSent = 0;
    it->repeatBytes.clear();
    emit sendingChanged(client, false);
}

void UdpLab::onClientDatagram(const QString& id, const QByteArray& data, const QHostAddress& from,
                              quint16 port)
{
    Event e = base(id, kMessage);
    e.dir = ev::In;
    e.bytes = data.size();
    e.payload = data.left(Timeline::kPreviewBytes);
    e.remote = endpointString(from, port);
    const auto it = clients_.constFind(id);
    if (it != clients_.constEnd() && it->options.viaRelay && relay_ &&
        e.remote == relay_->endpoint())
        e.extra = QJsonObject{{QStringLiteral("via"), UdpRelay::kSocketId},
                              {QStringLiteral("from"), endpointString(it->target, it->targetPort)}};
    emitEvent(e);
}

void UdpLab::onClientError(const QString& id, int err)
{
    const auto it = clients_.constFind(id);
    const QString code = errnoName(err);
    QString remote;
    if (it != clients_.constEnd() && it->socket)
        remote = endpointString(it->socket->peerAddress(), it->socket->peerPort());
    error(id, code, errorDetail(code, -1, remote), remote);
}

bool UdpLab::close(const QString& socket)
{
    if (socket == kServerId) {
        if (!isListening()) {
            error(socket, QStringLiteral("ENOTCONN"),
                  tr("Cannot close: %1 is not an open socket.").arg(socket));
            return false;
        }
        stopServer();
        return true;
    }
    if (socket == UdpRelay::kSocketId) {
        if (!relay_ || !relay_->isRunning())
            return false;
        relay_->stop();
        emit socketClosed(socket);
        return true;
    }
    const auto it = clients_.find(socket);
    if (it == clients_.end() || !it->socket || !it->socket->isOpen()) {
        error(socket, QStringLiteral("ENOTCONN"),
              tr("Cannot close: %1 is not an open socket.").arg(socket));
        return false;
    }
    stopSending(socket);
    it->socket->close();
    it->socket->deleteLater();
    emitEvent(base(socket, ev::Close));
    emit socketClosed(socket);
    return true;
}

void UdpLab::closeAll()
{
    stopServer();
    const QStringList ids = clients_.keys();
    for (const QString& id : ids) {
        const Client& c = clients_[id];
        if (c.socket && c.socket->isOpen())
            close(id);
    }
    if (relay_ && relay_->isRunning())
        close(UdpRelay::kSocketId);
}

QStringList UdpLab::openSockets() const
{
    QStringList out;
    if (isListening())
        out << kServerId;
    QStringList ids;
    for (auto it = clients_.constBegin(); it != clients_.constEnd(); ++it) {
        if (it->socket && it->socket->isOpen())
            ids << it.key();
    }
    std::sort(ids.begin(), ids.end(), [](const QString& a, const QString& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    out << ids;
    if (relay_ && relay_->isRunning())
        out << UdpRelay::kSocketId;
    return out;
}

bool UdpLab::isOpen(const QString& socket) const
{
    return openSockets().contains(socket);
}

QString UdpLab::localEndpoint(const QString& socket) const
{
    if (socket == kServerId)
        return isListening() ? serverLocal_ : QString();
    if (socket == UdpRelay::kSocketId)
        return relay_ ? relay_->endpoint() : QString();
    return clients_.value(socket).local;
}

} // namespace netstage
