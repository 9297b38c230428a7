// Over 800 lines on purpose: the server side (tap socket, upgrade, frames) and the client
// side share the lab's events and connection bookkeeping; the sections are marked with rules.
// The shared server scaffold (issue 13) takes the listening and admission parts out.

#include "core/ws/ws_lab.h"

#include "core/base/errors.h"
#include "core/net/lab_server.h"

#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "core/net/native_tcp_connection.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/ws/ws_frame_parser.h"
#include "core/ws/ws_handshake.h"

#include <QJsonArray>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

namespace netstage {

const QString WsLab::kServerId = QStringLiteral("ws-server");
namespace {
// Ping and pong frames a client may send within one second.
constexpr int kMaxControlPerSecond = 1000;
} // namespace

namespace {
const QString kWs = QStringLiteral("ws");
const QString kHandshake = QStringLiteral("handshake");
const QString kFrame = QStringLiteral("frame");
const QString kSeenBytes = QStringLiteral("bytes");
const QString kSeenApi = QStringLiteral("api");

// The extra fields every frame event carries. A busy connection repeats the same few shapes
// (opcode, FIN, mask, header size), so each is built once and shared (QJsonObject is
// copy-on-write): a frame event costs a microsecond less.
QJsonObject frameExtra(const WsFrame& f)
{
    static thread_local QHash<quint32, QJsonObject> shapes;
    const quint32 key = quint32(f.opcode) | (f.fin ? 0x10u : 0u) | (f.masked ? 0x20u : 0u) |
                        (quint32(f.headerLength) << 8);
    auto it = shapes.constFind(key);
    if (it == shapes.constEnd()) {
        if (shapes.size() > 256)
            shapes.clear(); // odd shapes (reserved opcodes) never pile up
        it = shapes.insert(key, QJsonObject{{QStringLiteral("opcode"), f.opcodeName()},
                                            {QStringLiteral("fin"), f.fin},
                                            {QStringLiteral("masked"), f.masked},
                                            {QStringLiteral("header_bytes"), f.headerLength},
                                            {QStringLiteral("seen"), kSeenBytes}});
    }
    return *it;
}

QString reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Bad Request");
    case 408:
        return QStringLiteral("Request Timeout");
    case 426:
        return QStringLiteral("Upgrade Required");
    case 431:
        return QStringLiteral("Request Header Fields Too Large");
    case 503:
        return QStringLiteral("Service Unavailable");
    default:
        return QStringLiteral("Error");
    }
}
} // namespace

// A QTcpSocket that shows the lab every byte it carries, both ways, while QWebSocket drives it.
//
// Writes: QIODevice::write() goes through writeData(), so overriding it sees the 101 answer and
// every frame QWebSocket sends. Reads: QAbstractSocket fills its buffer straight from the
// descriptor, without readData(). So the tap notes how many bytes are buffered when the read
// notifier fires (before Qt reads) and, in the first slot on readyRead (before QWebSocket's
// queued processing), peeks what was added. Checked against Qt 6.4: a 3,000-message run with
// 100 kB messages parsed back exactly.
class WsTapSocket : public QTcpSocket
{
public:
    using Bytes = std::function<void(const QByteArray&)>;
    explicit WsTapSocket(QObject* parent) : QTcpSocket(parent) {}

    bool adopt(qintptr fd, Bytes in, Bytes out)
    {
        in_ = std::move(in);
        out_ = std::move(out);
        if (!setSocketDescriptor(fd))
            return false;
        for (QSocketNotifier* n : findChildren<QSocketNotifier*>()) {
            if (n->type() == QSocketNotifier::Read)
                n->installEventFilter(this);
        }
        // Connected before anyone else: runs first on every readyRead.
        connect(this, &QIODevice::readyRead, this, &WsTapSocket::onReadyRead);
        return true;
    }
    void stopTapping()
    {
        in_ = nullptr;
        out_ = nullptr;
    }
    // Backpressure: while paused Qt never reads from the descriptor (its read notifier is
    // switched off and its activations swallowed, as Qt may switch it on again itself).
    void setReadPaused(bool on)
    {
        paused_ = on;
        for (QSocketNotifier* n : findChildren<QSocketNotifier*>()) {
            if (n->type() == QSocketNotifier::Read)
                n->setEnabled(!on);
        }
    }
    bool readPaused() const { return paused_; }
    // From the 101 on: text fragments are re-cut at character boundaries for Qt.
    void setRefragmenting(bool on) { refragment_ = on; }

protected:
    bool eventFilter(QObject* watched, QEvent* e) override
    {
        if (e->type() == QEvent::SockAct && paused_) {
            static_cast<QSocketNotifier*>(watched)->setEnabled(false);
            return true;
        }
        if (e->type() == QEvent::SockAct)
            before_ = bytesAvailable();
        return QTcpSocket::eventFilter(watched, e);
    }
    qint64 writeData(const char* data, qint64 len) override
    {
        if (out_ && len > 0)
            out_(QByteArray(data, int(len)));
        return QTcpSocket::writeData(data, len);
    }

private:
    void onReadyRead()
    {
        // Bytes only arrive between a SockAct and the readyRead that follows it; readyRead may
        // also come again from inside our own callback (QWebSocketServer::handleConnection
        // emits it), so note what was seen before passing it on.
        const qint64 now = bytesAvailable();
        const qint64 from = before_;
        before_ = now;
        if (now <= from)
            return;
        const QByteArray raw = peek(now).mid(int(from));
        if (refragment_) {
            // Re-cut what just arrived before QWebSocket (queued) reads it (see
            // WsUtf8Refragmenter); the buffer is rewritten only when something changed.
            const QByteArray cut = refragmenter_.feed(raw);
            if (cut != raw) {
                QByteArray all = read(now);
                all.truncate(int(from));
                all += cut;
                for (qsizetype i = all.size(); i-- > 0;)
                    ungetChar(all[i]);
                before_ = bytesAvailable();
            }
        }
        if (in_)
            in_(raw); // the lab shows the bytes as the client sent them
    }

    Bytes in_;
    Bytes out_;
    qint64 before_ = 0;
    bool paused_ = false;
    bool refragment_ = false;
    WsUtf8Refragmenter refragmenter_;
};

struct WsLab::Conn
{
    enum class Phase
    {
        Request,   // reading the client's upgrade request
        Upgrading, // handed to QWebSocketServer, waiting for its answer
        Open,
        Refused, // answered with an HTTP error; closing
        Closed
    };
    bool client = false;
    Phase phase = Phase::Request;
    QPointer<WsTapSocket> tcp; // server side
    QPointer<QWebSocket> ws;
    QString local, remote;
    QTimer* handshakeTimer = nullptr;

    // Server side: the bytes seen so far of each direction's HTTP head, and the frames after.
    QByteArray requestBytes;
    std::optional<HttpHead> request;
    QByteArray earlyIn; // bytes after the request that came before the 101 went out
    QByteArray responseBytes;
    WsFrameParser inParser;
    WsFrameParser outParser;
    bool byteViewLost = false;

    // The closing handshake: who sent a close frame, with what.
    int closeIn = -1;
    QString reasonIn;
    int closeOut = -1;
    QString reasonOut;
    bool aborting = false;
    bool closed = false;
    bool protocolError = false; // the lab closed it with 1002: nothing more is answered
    // Ping/pong frames from the client in the current second; over the limit it is dropped.
    qint64 controlWindowUs = 0;
    int controlInWindow = 0;
    bool floodCut = false;

    // Client side.
    QString url;
    bool opened = false;
    bool sawClosing = false; // QWebSocket ran its closing handshake: a close frame was exchanged
    bool inText = false, inBinary = false; // a fragmented message is under way
    bool errorReported = false;
};

QString wsPresetName(WsPreset p)
{
    switch (p) {
    case WsPreset::Echo:
        return QStringLiteral("echo");
    case WsPreset::Chat:
        return QStringLiteral("chat");
    }
    return {};
}

bool wsPresetFromName(const QString& name, WsPreset* out)
{
    for (WsPreset p : {WsPreset::Echo, WsPreset::Chat}) {
        if (name == wsPresetName(p)) {
            *out = p;
            return true;
        }
    }
    return false;
}

WsLab::WsLab(Timeline* timeline, KernelObserver* observer, QObject* parent)
    : QObject(parent), timeline_(timeline), observer_(observer)
{
}

WsLab::~WsLab()
{
    // Sockets are children of the lab and die with it; no goodbyes from half-destroyed state.
    for (Conn* c : std::as_const(conns_)) {
        if (c->tcp) {
            c->tcp->stopTapping();
            c->tcp->disconnect(this);
        }
        if (c->ws)
            c->ws->disconnect(this);
        delete c;
    }
    conns_.clear();
}

Event WsLab::base(const QString& socket, const QString& event) const
{
    Event e;
    e.socket = socket;
    e.proto = kWs;
    e.event = event;
    e.source = ev::App;
    if (socket == kServerId) {
        e.local = serverLocal_;
    } else if (const Conn* c = conns_.value(socket)) {
        e.local = c->local;
        e.remote = c->remote;
    }
    return e;
}

void WsLab::emitEvent(Event e)
{
    timeline_->append(std::move(e));
}

void WsLab::error(const QString& socket, const QString& code, const QString& detail)
{
    Event e = base(socket, ev::Error);
    e.code = code;
    e.detail = detail;
    emitEvent(e);
}

bool WsLab::startServer(const WsServerOptions& options)
{
    if (isListening())
        stopServer();
    serverOptions_ = options;
    if (!listener_)
        listener_ = new LabServer([this](qintptr fd) { adopt(fd); }, this);
    if (!wsServer_) {
        // Never listens: it only runs the handshake and the frames on sockets handed to it.
        wsServer_ =
            new QWebSocketServer(QStringLiteral("NetStage"), QWebSocketServer::NonSecureMode, this);
        wsServer_->setHandshakeTimeout(options.handshakeTimeoutMs);
        connect(wsServer_, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket* ws = wsServer_->nextPendingConnection())
                onServerSocket(ws);
        });
    }
    const bool ok = listener_->open(options.host, options.port);
    serverLocal_ = listener_->local();
    if (!ok) {
        error(kServerId, listener_->errorCode(), listener_->errorDetail());
        return false;
    }
    Event e = base(kServerId, ev::Listening);
    e.extra = QJsonObject{{QStringLiteral("preset"), wsPresetName(options.preset)},
                          {QStringLiteral("max_message_bytes"), options.maxMessageBytes}};
    e.detail = tr("The WebSocket server listens on %1 (plain TCP underneath). A client first "
                  "opens a TCP connection, then asks in HTTP to upgrade it.")
                   .arg(serverLocal_);
    emitEvent(e);
    if (listener_->exposed()) {
        Event warn = base(kServerId, ev::Info);
        warn.detail = listener_->exposureSentence();
        emitEvent(warn);
    }
    if (observer_)
        observer_->track(kServerId, serverLocal_, QStringLiteral("*"), kWs);
    if (wire_)
        wire_->watchPort(listener_->serverPort());
    emit socketOpened(kServerId);
    emit listeningChanged(true);
    return true;
}

void WsLab::stopServer()
{
    if (!isListening())
        return;
    listener_->close();
    Event e = base(kServerId, ev::Close);
    e.detail = tr("The server stopped listening; WebSocket connections it accepted stay open "
                  "until they are closed.");
    emitEvent(e);
    if (observer_)
        observer_->appClosed(kServerId);
    emit socketClosed(kServerId);
    emit listeningChanged(false);
}

bool WsLab::isListening() const
{
    return listener_ && listener_->isListening();
}

quint16 WsLab::serverPort() const
{
    return isListening() ? listener_->serverPort() : serverOptions_.port;
}

void WsLab::setPreset(WsPreset preset)
{
    serverOptions_.preset = preset;
}

// ---------------------------------------------------------------------------------------------
// Server side

void WsLab::adopt(qintptr fd)
{
    const QString id = QStringLiteral("ws-conn-%1").arg(nextConn_++);
    auto* tcp = new WsTapSocket(this);
    if (!tcp->adopt(
            fd, [this, id](const QByteArray& b) { onIncoming(id, b); },
            [this, id](const QByteArray& b) { onOutgoing(id, b); })) {
        delete tcp;
        ::close(int(fd));
        return;
    }
    auto* c = new Conn;
    c->tcp = tcp;
    c->local = endpointString(tcp->localAddress(), tcp->localPort());
    c->remote = endpointString(tcp->peerAddress(), tcp->peerPort());
    c->inParser = WsFrameParser(Timeline::kPreviewBytes);
    c->outParser = WsFrameParser(Timeline::kPreviewBytes);
    conns_.insert(id, c);
    byRemote_.insert(c->remote, id);
    connect(tcp, &QAbstractSocket::disconnected, this, [this, id] { onConnClosed(id); });
    connect(tcp, &QIODevice::bytesWritten, this, [this, id](qint64) {
        Conn* conn = conns_.value(id);
        if (!conn || !conn->tcp || !conn->tcp->readPaused() ||
            conn->tcp->bytesToWrite() >= Backpressure::kLowWater)
            return;
        conn->tcp->setReadPaused(false);
        Event e = base(id, Backpressure::kResume);
        e.bytes = conn->tcp->bytesToWrite();
        e.detail = LabServer::resumeSentence(e.bytes);
        emitEvent(e);
    });
    c->handshakeTimer = new QTimer(tcp);
    c->handshakeTimer->setSingleShot(true);
    connect(c->handshakeTimer, &QTimer::timeout, this, [this, id] {
        const Conn* conn = conns_.value(id);
        if (conn && conn->phase == Conn::Phase::Request)
            refuse(id, 408, QStringLiteral("WS_HANDSHAKE_TIMEOUT"),
                   tr("No complete upgrade request within %1 ms: the server answers 408 and "
                      "closes, so an idle connection cannot hold a slot for ever.")
                       .arg(serverOptions_.handshakeTimeoutMs));
    });
    c->handshakeTimer->start(serverOptions_.handshakeTimeoutMs);
    if (observer_)
        observer_->track(id, c->local, c->remote, kWs);
    if (wire_)
        wire_->track(id, c->local, c->remote);
    Event e = base(id, ev::Connection);
    e.detail = tr("A TCP connection arrived (the 3-way handshake is done). Nothing is a "
                  "WebSocket yet: the client must now send an HTTP upgrade request.");
    emitEvent(e);
    emit socketOpened(id);
    const int limit = LabServer::admissionLimit();
    int open = 0;
    for (const Conn* other : std::as_const(conns_))
        open += other->phase != Conn::Phase::Refused && other->phase != Conn::Phase::Closed;
    if (limit > 0 && open > limit) {
        // The classroom's limit: told in HTTP (503) before any upgrade, then closed.
        refuse(id, 503, QStringLiteral("drop"),
               tr("LAN mode allows %n connection(s) at once: this one is answered 503 Service "
                  "Unavailable and closed before it becomes a WebSocket.",
                  nullptr, limit));
    }
}

void WsLab::onIncoming(const QString& id, const QByteArray& bytes)
{
    Conn* c = conns_.value(id);
    if (!c || c->closed)
        return;
    switch (c->phase) {
    case Conn::Phase::Request: {
        c->requestBytes += bytes;
        if (!WsHandshake::couldBeGet(c->requestBytes)) {
            QString shown = QString::fromLatin1(c->requestBytes.left(24).toHex(' '));
            refuse(id, 400, QStringLiteral("WS_NOT_WEBSOCKET"),
                   tr("This is not an HTTP request (it starts with the bytes %1), so it cannot "
                      "be a WebSocket handshake: the server answers 400 Bad Request and closes "
                      "this connection. Other clients are not affected.")
                       .arg(shown));
            return;
        }
        if (WsHandshake::headEnd(c->requestBytes) >= 0) {
            onRequestHead(id);
        } else if (c->requestBytes.size() > WsHandshake::kMaxHeadBytes) {
            refuse(id, 431, QStringLiteral("WS_NOT_WEBSOCKET"),
                   tr("The request head grew past %1 bytes without ending: the server answers "
                      "431 and closes.")
                       .arg(WsHandshake::kMaxHeadBytes));
        }
        return;
    }
    case Conn::Phase::Upgrading:
        c->earlyIn += bytes;
        return;
    case Conn::Phase::Open:
        if (c->byteViewLost || c->floodCut)
            return;
        if (!c->inParser.feed(bytes, [this, id](const WsFrame& f) { onFrame(id, ev::In, f); })) {
            c = conns_.value(id);
            if (!c)
                return;
            c->byteViewLost = true;
            Event e = base(id, ev::Info);
            e.detail = tr("The incoming bytes no longer parse as WebSocket frames (%1); the "
                          "lab stops showing frames for this connection.")
                           .arg(c->inParser.error());
            emitEvent(e);
        }
        return;
    case Conn::Phase::Refused:
    case Conn::Phase::Closed:
        return;
    }
}

void WsLab::onRequestHead(const QString& id)
{
    Conn* c = conns_.value(id);
    const std::optional<HttpHead> head = WsHandshake::parseHead(c->requestBytes);
    c->handshakeTimer->stop();
    if (!head) {
        refuse(id, 400, QStringLiteral("WS_NOT_WEBSOCKET"),
               tr("The request head is not valid HTTP (a line without \"name: value\"): the "
                  "server answers 400 Bad Request and closes."));
        return;
    }
    c->request = head;
    const QByteArray key = head->field(QStringLiteral("Sec-WebSocket-Key")).toLatin1();
    Event e = base(id, kHandshake);
    e.dir = ev::In;
    e.bytes = head->size;
    e.payload = c->requestBytes.left(Timeline::kPreviewBytes);
    QJsonObject x{{QStringLiteral("phase"), QStringLiteral("request")},
                  {QStringLiteral("request_head"),
                   QString::fromLatin1(c->requestBytes.left(int(head->size)))},
                  {QStringLiteral("request_line"), head->startLine},
                  {QStringLiteral("request_headers"), head->fieldsJson()},
                  {QStringLiteral("seen"), kSeenBytes}};
    if (!key.isEmpty()) {
        x.insert(QStringLiteral("key"), QString::fromLatin1(key));
        x.insert(QStringLiteral("accept_computed"),
                 QString::fromLatin1(WsHandshake::acceptFor(key)));
    }
    e.extra = x;
    emitEvent(e);

    switch (WsHandshake::classify(*head)) {
    case WsHandshake::Verdict::NotHttp:
        refuse(id, 400, QStringLiteral("WS_NOT_WEBSOCKET"),
               tr("\"%1\" is not an HTTP request line: the server answers 400 Bad Request and "
                  "closes this connection.")
                   .arg(head->startLine));
        return;
    case WsHandshake::Verdict::NotWebSocket:
        refuse(id, 426, QStringLiteral("WS_NOT_WEBSOCKET"),
               tr("A plain HTTP request (\"%1\") without \"Upgrade: websocket\": this port only "
                  "speaks WebSocket, so the server answers 426 Upgrade Required and closes. "
                  "Other clients are not affected.")
                   .arg(head->startLine));
        return;
    case WsHandshake::Verdict::Upgrade:
        break;
    }
    if (!WsHandshake::keyIsValid(key)) {
        // Qt 6.4 would answer 101 to a short key and drop the connection silently without one.
        refuse(id, 400, QStringLiteral("WS_BAD_KEY"),
               key.isEmpty()
                   ? tr("The upgrade request has no Sec-WebSocket-Key (or an empty one): RFC "
                        "6455 (4.2.1) wants 16 random bytes in base64, so the server answers "
                        "400 Bad Request and closes.")
                   : tr("The Sec-WebSocket-Key \"%1\" is not 16 bytes in base64 (24 "
                        "characters): RFC 6455 (4.2.1) wants exactly that, so the server "
                        "answers 400 Bad Request and closes.")
                         .arg(QString::fromLatin1(key.left(64))));
        return;
    }
    c->phase = Conn::Phase::Upgrading;
    c->earlyIn = c->requestBytes.mid(int(head->size));
    c->requestBytes.truncate(int(head->size));
    // Qt checks the details (version 13, a key) and answers; the tap shows what it writes.
    wsServer_->handleConnection(c->tcp);
}

void WsLab::refuse(const QString& id, int status, const QString& code, const QString& why)
{
    Conn* c = conns_.value(id);
    if (!c || !c->tcp || c->phase == Conn::Phase::Refused || c->phase == Conn::Phase::Closed)
        return;
    c->phase = Conn::Phase::Refused;
    c->handshakeTimer->stop();
    error(id, code, why);
    const QByteArray body =
        status == 503 ? QByteArrayLiteral("Too many connections; try again shortly.\n")
                      : QStringLiteral("This port speaks WebSocket (RFC 6455). Send GET with "
                                       "\"Upgrade: websocket\", \"Connection: Upgrade\", "
                                       "\"Sec-WebSocket-Key\" and "
                                       "\"Sec-WebSocket-Version: 13\".\n")
                            .toUtf8();
    QByteArray response =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status).toLatin1() + "\r\n";
    if (status == 426)
        response += "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n";
    response += "Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n"
                "Content-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body;
    c->tcp->write(response); // the tap logs it as the handshake's answer
    c->tcp->disconnectFromHost();
}

void WsLab::onOutgoing(const QString& id, const QByteArray& bytes)
{
    Conn* c = conns_.value(id);
    if (!c || c->closed)
        return;
    if (c->phase == Conn::Phase::Open) {
        // Backpressure: frames (echoes, pongs, chat) pile up for a peer that does not read.
        const qint64 pending = c->tcp ? c->tcp->bytesToWrite() + bytes.size() : 0;
        if (c->tcp && !c->tcp->readPaused() && pending > Backpressure::kHighWater) {
            c->tcp->setReadPaused(true);
            Event e = base(id, Backpressure::kPause);
            e.bytes = pending;
            e.detail = LabServer::pauseSentence(pending);
            emitEvent(e);
            c = conns_.value(id);
            if (!c)
                return;
        }
        if (!c->byteViewLost &&
            !c->outParser.feed(bytes, [this, id](const WsFrame& f) { onFrame(id, ev::Out, f); }))
            c->byteViewLost = true;
        return;
    }
    c->responseBytes += bytes;
    const std::optional<HttpHead> head = WsHandshake::parseHead(c->responseBytes);
    if (!head) {
        if (c->responseBytes.size() > WsHandshake::kMaxHeadBytes)
            c->responseBytes.clear();
        return;
    }
    const QByteArray after = c->responseBytes.mid(int(head->size));
    const int status = head->statusCode();
    Event e = base(id, kHandshake);
    e.dir = ev::Out;
    e.bytes = head->size;
    e.payload = c->responseBytes.left(Timeline::kPreviewBytes);
    // The heads as they crossed the wire (order and spelling kept), for views that show them.
    QJsonObject x{{QStringLiteral("phase"), QStringLiteral("response")},
                  {QStringLiteral("response_head"),
                   QString::fromLatin1(c->responseBytes.left(int(head->size)))},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("status_line"), head->startLine},
                  {QStringLiteral("response_headers"), head->fieldsJson()},
                  {QStringLiteral("seen"), kSeenBytes}};
    if (c->request) {
        x.insert(QStringLiteral("request_head"),
                 QString::fromLatin1(c->requestBytes.left(int(c->request->size))));
        x.insert(QStringLiteral("request_line"), c->request->startLine);
        x.insert(QStringLiteral("request_headers"), c->request->fieldsJson());
        const QByteArray key = c->request->field(QStringLiteral("Sec-WebSocket-Key")).toLatin1();
        if (!key.isEmpty()) {
            const QString computed = QString::fromLatin1(WsHandshake::acceptFor(key));
            x.insert(QStringLiteral("key"), QString::fromLatin1(key));
            x.insert(QStringLiteral("accept_computed"), computed);
            const QString sent = head->field(QStringLiteral("Sec-WebSocket-Accept"));
            if (!sent.isEmpty()) {
                x.insert(QStringLiteral("accept"), sent);
                x.insert(QStringLiteral("accept_ok"), sent == computed);
            }
        }
    }
    e.extra = x;
    emitEvent(e);
    c = conns_.value(id);
    if (!c)
        return;
    c->responseBytes.clear();
    if (status == 101 && c->phase == Conn::Phase::Upgrading) {
        c->phase = Conn::Phase::Open;
        if (c->tcp)
            c->tcp->setRefragmenting(true);
        const QByteArray early = std::exchange(c->earlyIn, {});
        if (!early.isEmpty()) {
            onIncoming(id, early);
            // QWebSocketServer (Qt 6.4) reads them away with the request and never answers.
            Event info = base(id, ev::Info);
            info.bytes = early.size();
            info.detail = tr("The client sent %n byte(s) of frames before the server's 101 "
                             "answer. RFC 6455 (section 4.1) says a client must wait for the "
                             "answer first; this server does not act on them.",
                             nullptr, int(early.size()));
            emitEvent(info);
        }
        if (!after.isEmpty())
            onOutgoing(id, after);
    } else if (status != 101 && c->phase == Conn::Phase::Upgrading) {
        // Qt refused the upgrade (a wrong version, no key...): say so in plain words.
        c->phase = Conn::Phase::Refused;
        error(id, QStringLiteral("WS_NOT_WEBSOCKET"),
              tr("The upgrade request was refused with \"%1\": the request asked for a "
                 "WebSocket but something in it is wrong (RFC 6455 wants "
                 "Sec-WebSocket-Version: 13 and a 16-byte base64 Sec-WebSocket-Key).")
                  .arg(head->startLine));
    }
}

void WsLab::onFrame(const QString& id, const QString& dir, const WsFrame& f)
{
    Conn* c = conns_.value(id);
    if (!c || c->floodCut)
        return;
    if (dir == ev::In && !c->client && (f.opcode == 0x9 || f.opcode == 0xA)) {
        // QWebSocket answers every ping of what it has read in one go, and a flood of them
        // keeps the server from everyone else: past the limit the client is dropped.
        const qint64 now = timeline_->now();
        if (now - c->controlWindowUs > 1000 * 1000) {
            c->controlWindowUs = now;
            c->controlInWindow = 0;
        }
        if (++c->controlInWindow > kMaxControlPerSecond) {
            c->floodCut = true;
            if (c->tcp)
                c->tcp->setReadPaused(true);
            error(id, QStringLiteral("WS_CONTROL_FLOOD"),
                  tr("More than %1 ping or pong frames within a second: the server drops this "
                     "client (RST), so that one client cannot keep it busy; the others are "
                     "served as before.")
                      .arg(kMaxControlPerSecond));
            // After the tap's slot, before QWebSocket (queued) reads the rest of the flood.
            QMetaObject::invokeMethod(
                this,
                [this, id] {
                    if (const Conn* cc = conns_.value(id); cc && !cc->closed)
                        abort(id);
                },
                Qt::QueuedConnection);
            return;
        }
    }
    Event e = base(id, kFrame);
    e.dir = dir;
    e.bytes = f.payloadLength;
    e.payload = f.preview;
    QJsonObject x = frameExtra(f);
    if (f.rsv)
        x.insert(QStringLiteral("rsv"), f.rsv);
    if (f.opcode == 0x8) {
        const int code = f.closeCode >= 0 ? f.closeCode : 1005;
        x.insert(QStringLiteral("close_code"), code);
        x.insert(QStringLiteral("reason"), f.closeReason);
        if (dir == ev::In) {
            c->closeIn = code;
            c->reasonIn = f.closeReason;
        } else {
            c->closeOut = code;
            c->reasonOut = f.closeReason;
        }
    }
    e.extra = x;
    const bool unmasked = dir == ev::In && !f.masked && !c->client;
    if (unmasked)
        e.detail = tr("An unmasked frame from a client breaks RFC 6455 (every client frame "
                      "must be masked), so this server closes with 1002. (QWebSocketServer "
                      "alone would let it pass: the lab checks it.)");
    emitEvent(e);
    if (unmasked && !c->protocolError && c->ws) {
        c->protocolError = true;
        c->ws->close(QWebSocketProtocol::CloseCodeProtocolError,
                     QStringLiteral("client frames must be masked"));
    }
    if (f.opcode == 0x8 && dir == ev::Out && f.closeCode == 1009)
        error(id, QStringLiteral("WS_ERR_UNSUPPORTED_MESSAGE_LENGTH"),
              tr("The client sent a message larger than this server accepts (%1 bytes): the "
                 "server closes with 1009 (message too big). Other clients are not affected.")
                  .arg(serverOptions_.maxMessageBytes));
}

void WsLab::onServerSocket(QWebSocket* ws)
{
    const QString remote = endpointString(ws->peerAddress(), ws->peerPort());
    const QString id = byRemote_.value(remote);
    Conn* c = conns_.value(id);
    if (!c) {
        ws->abort();
        ws->deleteLater();
        return;
    }
    c->ws = ws;
    ws->setParent(this);
    const auto max = quint64(std::max<qint64>(1, serverOptions_.maxMessageBytes));
    ws->setMaxAllowedIncomingMessageSize(max);
    ws->setMaxAllowedIncomingFrameSize(max);
    connect(ws, &QWebSocket::textMessageReceived, this,
            [this, id](const QString& t) { onMessage(id, t.toUtf8(), true); });
    connect(ws, &QWebSocket::binaryMessageReceived, this,
            [this, id](const QByteArray& b) { onMessage(id, b, false); });
}

void WsLab::onMessage(const QString& id, const QByteArray& data, bool text)
{
    if (const Conn* from = conns_.value(id); !from || from->protocolError)
        return;
    if (serverOptions_.preset == WsPreset::Echo) {
        Conn* c = conns_.value(id);
        if (!c || !c->ws)
            return;
        if (text)
            c->ws->sendTextMessage(QString::fromUtf8(data));
        else
            c->ws->sendBinaryMessage(data);
        return;
    }
    // Chat: everyone, the sender included, like a classroom chat.
    const QString message = text ? QString::fromUtf8(data) : QString();
    for (auto it = conns_.constBegin(); it != conns_.constEnd(); ++it) {
        Conn* c = it.value();
        if (c->client || !c->ws || c->phase != Conn::Phase::Open || c->closed)
            continue;
        if (text)
            c->ws->sendTextMessage(message);
        else
            c->ws->sendBinaryMessage(data);
    }
}

void WsLab::onConnClosed(const QString& id)
{
    Conn* c = conns_.value(id);
    if (!c || c->closed)
        return;
    c->closed = true;
    const Conn::Phase phase = c->phase;
    c->phase = Conn::Phase::Closed;
    c->handshakeTimer->stop();
    Event e = base(id, ev::Close);
    if (phase == Conn::Phase::Open) {
        int code = 1006;
        QString reason;
        QString by = QStringLiteral("none");
        if (c->closeIn >= 0 && (c->closeOut < 0 || !c->aborting)) {
            code = c->closeIn;
            reason = c->reasonIn;
            by = c->closeOut >= 0 ? QStringLiteral("both") : QStringLiteral("client");
        }
        if (c->closeOut >= 0 && c->closeIn < 0) {
            code = c->closeOut;
            reason = c->reasonOut;
            by = QStringLiteral("server");
        } else if (c->closeOut >= 0 && c->closeIn >= 0) {
            // Whoever spoke first chose the code; the other echoed it.
            code = c->closeIn;
            reason = c->reasonIn;
        }
        if (c->aborting) {
            code = 1006;
            reason.clear();
            by = QStringLiteral("none");
        }
        e.extra = QJsonObject{{QStringLiteral("close_code"), code},
                              {QStringLiteral("reason"), reason},
                              {QStringLiteral("close_frames"), by}};
        if (code == 1006)
            e.detail = c->aborting
                           ? tr("Aborted by this side: the TCP connection was dropped without a "
                                "close frame. The peer sees 1006 (abnormal closure).")
                           : tr("The client vanished without a close frame (its TCP connection "
                                "simply ended): that is 1006, abnormal closure. The server "
                                "goes on serving the others.");
        else
            e.detail = tr("The WebSocket is closed (%1) and so is its TCP connection.")
                           .arg(Explain::forWsCloseCode(code));
    } else {
        e.detail = tr("The TCP connection closed before it became a WebSocket.");
    }
    emitEvent(e);
    if (observer_)
        observer_->appClosed(id);
    byRemote_.remove(c->remote);
    if (c->tcp) {
        c->tcp->stopTapping();
        c->tcp->deleteLater();
    }
    if (c->ws) {
        c->ws->disconnect(this);
        c->ws->deleteLater();
    }
    emit socketClosed(id);
    retire(id);
    finishIfIdle();
}

void WsLab::retire(const QString& id)
{
    // Later, not now: the socket that reported the close is still on the call stack.
    QTimer::singleShot(0, this, [this, id] {
        Conn* c = conns_.value(id);
        if (c && c->closed)
            delete conns_.take(id);
    });
}

// ---------------------------------------------------------------------------------------------
// Client side

QString WsLab::connectTo(const QString& urlText)
{
    const QString id = QStringLiteral("ws-client-%1").arg(nextClient_++);
    const QUrl url = QUrl::fromUserInput(urlText.trimmed());
    auto fail = [&](const QString& code, const QString& why) {
        Event e = base(id, ev::Error);
        e.code = code;
        e.detail = why;
        e.remote = urlText;
        emitEvent(e);
        return QString();
    };
    if (!url.isValid() || url.host().isEmpty())
        return fail(QStringLiteral("EINVAL"),
                    tr("\"%1\" is not a WebSocket URL such as ws://127.0.0.1:8090/.").arg(urlText));
    if (url.scheme() == QLatin1String("wss"))
        return fail(QStringLiteral("EINVAL"),
                    tr("wss:// (WebSocket over TLS) is not part of the lab: use ws://."));
    if (url.scheme() != QLatin1String("ws"))
        return fail(
            QStringLiteral("EINVAL"),
            tr("\"%1\" is not a ws:// URL (for example ws://127.0.0.1:8090/).").arg(urlText));
    const int port = url.port(80);
    auto* c = new Conn;
    c->client = true;
    c->phase = Conn::Phase::Upgrading;
    c->url = url.toString();
    c->remote = url.host() + QLatin1Char(':') + QString::number(port);
    QHostAddress addr;
    if (addr.setAddress(url.host()))
        c->remote = endpointString(addr, quint16(port));
    else if (url.host() == QLatin1String("localhost"))
        c->remote = endpointString(QHostAddress(QHostAddress::LocalHost), quint16(port));
    auto* ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    c->ws = ws;
    conns_.insert(id, c);
    wireClient(id, ws);
    if (wire_)
        wire_->watchPort(quint16(port)); // before the SYN leaves
    Event e = base(id, ev::Info);
    e.extra = QJsonObject{{QStringLiteral("url"), c->url}};
    e.detail = tr("Opening %1: QWebSocket makes the TCP connection, sends the HTTP upgrade "
                  "request and checks the 101 answer by itself, without showing those bytes.")
                   .arg(c->url);
    emitEvent(e);
    emit socketOpened(id);
    ws->open(url);
    return id;
}

void WsLab::wireClient(const QString& id, QWebSocket* ws)
{
    connect(ws, &QWebSocket::connected, this, [this, id, ws] {
        Conn* c = conns_.value(id);
        if (!c)
            return;
        c->opened = true;
        c->phase = Conn::Phase::Open;
        c->local = endpointString(ws->localAddress(), ws->localPort());
        c->remote = endpointString(ws->peerAddress(), ws->peerPort());
        if (observer_)
            observer_->track(id, c->local, c->remote, kWs);
        if (wire_)
            wire_->track(id, c->local, c->remote);
        Event e = base(id, ev::Connect);
        e.detail = tr("Open: the TCP handshake is done and the server answered \"101 Switching "
                      "Protocols\". From now on the connection carries frames, not HTTP.");
        emitEvent(e);
        Event h = base(id, kHandshake);
        QJsonObject sent;
        const QList<QByteArray> names = ws->request().rawHeaderList();
        for (const QByteArray& n : names)
            sent.insert(QString::fromLatin1(n), QString::fromLatin1(ws->request().rawHeader(n)));
        h.extra = QJsonObject{{QStringLiteral("phase"), QStringLiteral("client")},
                              {QStringLiteral("seen"), kSeenApi},
                              {QStringLiteral("url"), c->url},
                              {QStringLiteral("request_headers_set_by_app"), sent},
                              {QStringLiteral("status"), 101}};
        h.detail = tr("QWebSocket hides its bytes: this side cannot show its GET request, its "
                      "Sec-WebSocket-Key or the server's Sec-WebSocket-Accept (Qt checked the "
                      "accept value itself). When the server is this lab's, its ws-conn "
                      "socket shows both heads byte for byte; otherwise the wire capture shows "
                      "the segments when it runs.");
        emitEvent(h);
        if (observer_)
            observer_->poke();
    });
    connect(ws, &QWebSocket::textFrameReceived, this,
            [this, id](const QString& frame, bool isLast) {
                Conn* c = conns_.value(id);
                if (!c)
                    return;
                const int opcode = c->inText ? 0x0 : 0x1;
                c->inText = !isLast;
                const QByteArray bytes = frame.toUtf8();
                clientFrame(id, ev::In, opcode, bytes.size(), bytes, isLast);
            });
    connect(ws, &QWebSocket::binaryFrameReceived, this,
            [this, id](const QByteArray& frame, bool isLast) {
                Conn* c = conns_.value(id);
                if (!c)
                    return;
                const int opcode = c->inBinary ? 0x0 : 0x2;
                c->inBinary = !isLast;
                clientFrame(id, ev::In, opcode, frame.size(), frame, isLast);
            });
    connect(ws, &QWebSocket::pong, this, [this, id](quint64 elapsedMs, const QByteArray& payload) {
        clientFrame(id, ev::In, 0xA, payload.size(), payload, true);
        Q_UNUSED(elapsedMs)
    });
    // Qt 6.4 names it error(); errorOccurred() came in 6.5.
    connect(ws, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, id, ws](QAbstractSocket::SocketError err) {
                Conn* c = conns_.value(id);
                if (!c || c->errorReported)
                    return;
                // The server closing after the closing handshake is the normal end, not an error.
                if (err == QAbstractSocket::RemoteHostClosedError &&
                    (c->closeIn >= 0 || c->closeOut >= 0))
                    return;
                if (err == QAbstractSocket::RemoteHostClosedError && c->opened)
                    return; // reported as the close (1006) instead
                c->errorReported = true;
                const QString code = qtSocketErrorCode(err);
                Event e = base(id, ev::Error);
                e.code = code;
                if (!c->opened && err != QAbstractSocket::ConnectionRefusedError &&
                    err != QAbstractSocket::HostNotFoundError)
                    e.detail = tr("The WebSocket could not open: %1").arg(ws->errorString());
                else if (code == QLatin1String("EIO"))
                    e.detail = ws->errorString();
                emitEvent(e);
            });
    // QWebSocket announces aboutToClose only from its closing handshake (a close frame sent or
    // answered); a peer that just vanishes skips it. That is the difference 1006 needs.
    connect(ws, &QWebSocket::aboutToClose, this, [this, id] {
        if (Conn* c = conns_.value(id))
            c->sawClosing = true;
    });
    connect(ws, &QWebSocket::disconnected, this, [this, id] { onClientClosed(id); });
}

void WsLab::clientFrame(const QString& id, const QString& dir, int opcode, qint64 bytes,
                        const QByteArray& payload, bool fin, int closeCode, const QString& reason)
{
    Event e = base(id, kFrame);
    e.dir = dir;
    e.bytes = bytes;
    e.payload = payload.left(Timeline::kPreviewBytes);
    // RFC 6455: a client masks every frame it sends and the server masks none; QWebSocket does
    // it inside, where the lab cannot watch, so this is the rule, not an observation.
    QJsonObject x{{QStringLiteral("opcode"), WsFrame::opcodeName(opcode)},
                  {QStringLiteral("fin"), fin},
                  {QStringLiteral("masked"), dir == ev::Out},
                  {QStringLiteral("seen"), kSeenApi}};
    if (opcode == 0x8) {
        x.insert(QStringLiteral("close_code"), closeCode);
        x.insert(QStringLiteral("reason"), reason);
    }
    e.extra = x;
    emitEvent(e);
}

void WsLab::onClientClosed(const QString& id)
{
    Conn* c = conns_.value(id);
    if (!c || c->closed)
        return;
    c->closed = true;
    c->phase = Conn::Phase::Closed;
    QWebSocket* ws = c->ws;
    if (!c->opened && !c->errorReported && ws &&
        ws->error() != QAbstractSocket::UnknownSocketError) {
        // Qt may report the failure after the disconnect: say why before saying it ended.
        c->errorReported = true;
        Event err = base(id, ev::Error);
        err.code = qtSocketErrorCode(ws->error());
        if (err.code == QLatin1String("EIO"))
            err.detail = tr("The WebSocket could not open: %1").arg(ws->errorString());
        emitEvent(err);
    }
    Event e = base(id, ev::Close);
    if (c->opened && ws) {
        // Qt says 1000 when the peer simply vanished: no close frame means 1006 (RFC 6455
        // 7.1.5). Only a real closing handshake passes through ClosingState.
        int code = int(ws->closeCode());
        QString reason = ws->closeReason();
        if (c->aborting || !c->sawClosing) {
            code = 1006;
            reason.clear();
        }
        // A close the server started shows up as the frame it sent, once the socket closes.
        if (c->closeOut < 0 && code != 1006)
            clientFrame(id, ev::In, 0x8, reason.toUtf8().size() + 2, reason.toUtf8(), true, code,
                        reason);
        e.extra =
            QJsonObject{{QStringLiteral("close_code"), code}, {QStringLiteral("reason"), reason}};
        e.detail = code == 1006
                       ? (c->aborting ? tr("Aborted: the TCP connection was dropped without a "
                                           "close frame (1006 on both sides).")
                                      : tr("The connection ended without a close frame: 1006, "
                                           "abnormal closure."))
                       : tr("The WebSocket is closed (%1) and so is its TCP connection.")
                             .arg(Explain::forWsCloseCode(code));
    } else {
        e.detail = tr("The WebSocket never opened.");
    }
    emitEvent(e);
    if (observer_ && c->opened)
        observer_->appClosed(id);
    if (ws) {
        ws->disconnect(this);
        ws->deleteLater();
    }
    emit socketClosed(id);
    retire(id);
    finishIfIdle();
}

// ---------------------------------------------------------------------------------------------
// Commands

bool WsLab::sendText(const QString& socket, const QString& text)
{
    Conn* c = conns_.value(socket);
    if (!c || !c->ws || c->closed || c->phase != Conn::Phase::Open) {
        error(socket, QStringLiteral("ENOTCONN"),
              tr("Cannot send: %1 is not an open WebSocket.").arg(socket));
        return false;
    }
    c->ws->sendTextMessage(text);
    if (c->client) {
        const QByteArray bytes = text.toUtf8();
        clientFrame(socket, ev::Out, 0x1, bytes.size(), bytes, true);
    }
    return true;
}

bool WsLab::sendBinary(const QString& socket, const QByteArray& bytes)
{
    Conn* c = conns_.value(socket);
    if (!c || !c->ws || c->closed || c->phase != Conn::Phase::Open) {
        error(socket, QStringLiteral("ENOTCONN"),
              tr("Cannot send: %1 is not an open WebSocket.").arg(socket));
        return false;
    }
    c->ws->sendBinaryMessage(bytes);
    if (c->client)
        clientFrame(socket, ev::Out, 0x2, bytes.size(), bytes, true);
    return true;
}

bool WsLab::ping(const QString& socket, const QByteArray& payload)
{
    Conn* c = conns_.value(socket);
    if (!c || !c->ws || c->closed || c->phase != Conn::Phase::Open) {
        error(socket, QStringLiteral("ENOTCONN"),
              tr("Cannot ping: %1 is not an open WebSocket.").arg(socket));
        return false;
    }
    const QByteArray p = payload.left(125); // control frames carry at most 125 bytes
    c->ws->ping(p);
    if (c->client)
        clientFrame(socket, ev::Out, 0x9, p.size(), p, true);
    return true;
}

bool WsLab::close(const QString& socket, int code, const QString& reason)
{
    if (socket == kServerId) {
        stopServer();
        return true;
    }
    Conn* c = conns_.value(socket);
    if (!c || c->closed) {
        error(socket, QStringLiteral("ENOTCONN"),
              tr("Cannot close: %1 is not an open WebSocket.").arg(socket));
        return false;
    }
    if (code < 1000 || code > 4999 || code == 1004 || code == 1005 || code == 1006 ||
        code == 1015) {
        error(socket, QStringLiteral("EINVAL"),
              tr("%1 cannot be sent in a close frame: use 1000-1003, 1007-1014 or "
                 "3000-4999 (1005, 1006 and 1015 only describe what happened).")
                  .arg(code));
        return false;
    }
    if (!c->ws) {
        if (c->tcp)
            c->tcp->disconnectFromHost();
        return true;
    }
    // 123 bytes of reason fit beside the 2-byte code in a 125-byte control frame.
    const QString r = QString::fromUtf8(reason.toUtf8().left(123));
    if (c->client && c->phase == Conn::Phase::Open) {
        const QByteArray rb = r.toUtf8();
        c->closeOut = code;
        c->reasonOut = r;
        clientFrame(socket, ev::Out, 0x8, rb.size() + 2, rb, true, code, r);
    }
    c->ws->close(QWebSocketProtocol::CloseCode(code), r);
    return true;
}

bool WsLab::abort(const QString& socket)
{
    Conn* c = conns_.value(socket);
    if (!c || c->closed) {
        error(socket, QStringLiteral("ENOTCONN"),
              tr("Cannot abort: %1 is not an open connection.").arg(socket));
        return false;
    }
    c->aborting = true;
    if (c->client) {
        if (c->ws)
            c->ws->abort();
    } else if (c->tcp) {
        // SO_LINGER 0: the kernel sends RST, the sharpest way for a peer to vanish.
        const linger l{1, 0};
        ::setsockopt(int(c->tcp->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof(l));
        c->tcp->abort();
        onConnClosed(socket); // abort() closes without emitting disconnected in every state
    }
    return true;
}

void WsLab::closeAll()
{
    stopServer();
    const QStringList ids = conns_.keys();
    for (const QString& id : ids) {
        Conn* c = conns_.value(id);
        if (!c || c->closed)
            continue;
        if (c->ws && c->phase == Conn::Phase::Open)
            close(id, 1001, QStringLiteral("going away"));
        else if (c->ws)
            c->ws->abort();
        else if (c->tcp)
            c->tcp->disconnectFromHost();
    }
}

QStringList WsLab::openSockets() const
{
    QStringList out;
    if (isListening())
        out << kServerId;
    QStringList ids;
    for (auto it = conns_.constBegin(); it != conns_.constEnd(); ++it) {
        if (!it.value()->closed)
            ids << it.key();
    }
    std::sort(ids.begin(), ids.end(), [](const QString& a, const QString& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    return out << ids;
}

bool WsLab::isOpen(const QString& socket) const
{
    if (socket == kServerId)
        return isListening();
    const Conn* c = conns_.value(socket);
    return c && !c->closed;
}

bool WsLab::isClient(const QString& socket) const
{
    const Conn* c = conns_.value(socket);
    return c && c->client;
}

int WsLab::openConnectionCount() const
{
    int n = 0;
    for (const Conn* c : conns_) {
        if (!c->closed)
            ++n;
    }
    return n;
}

void WsLab::finishIfIdle()
{
    if (openConnectionCount() == 0)
        emit lastConnectionClosed();
}

} // namespace netstage
