#include "core/http/http_server.h"

#include "core/net/lab_server.h"
#include "core/net/lan_mode.h"

#include "core/base/errors.h"
#include "core/base/timeline.h"
#include "core/net/native_tcp_connection.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <deque>
#include <optional>
#include <tuple>

namespace netstage {

static_assert(Timeline::kPreviewBytes == 96, "httpPreview() copies 96 bytes");

namespace {
const QString kHttp = QStringLiteral("http");
const QString kRequest = QStringLiteral("request");
const QString kResponse = QStringLiteral("response");
const QString kClientError = QStringLiteral("clientError");
const QString kDrop = QStringLiteral("drop");

// Backpressure (core/net/lab_server.h): writes waiting for a slow reader beyond the high-water
// mark, a file being streamed, or this many answers in flight pause the parsing of further
// pipelined requests and the reading from that client, so one client cannot make the server
// buffer without bound.
constexpr qsizetype kMaxInFlight = 4;
// What a paused connection may still send us before it is cut off (a read already under way).
constexpr qint64 kMaxBufferedWhilePaused = 4 * 1024 * 1024;
// Over the limit, a connection whose request began this long ago and is still not whole may
// be closed to make room (a slowloris client); a real request arrives in milliseconds.
constexpr qint64 kStaleRequestUs = 2 * 1000 * 1000;
// Files are sent in chunks of this size, the next one read when the last has drained.
constexpr qint64 kFileChunk = 256 * 1024;

QByteArray serverHeader()
{
    return QByteArrayLiteral("NetStage/") + NETSTAGE_VERSION;
}
} // namespace

// One response in the connection's queue. Responses leave strictly in request order; one
// whose file is still being read on a worker holds the ones behind it.
struct HttpServer::Pending
{
    quint64 seq = 0;
    bool ready = false;
    bool close = false;
    bool head = false;
    QByteArray method, target, host;
    qint64 startUs = 0;
    HttpSiteResponse r;
};

class HttpServer::Conn : public QObject
{
public:
    explicit Conn(QObject* parent) : QObject(parent) {}
    QString id;
    quint64 order = 0; // accept order: the oldest gives way first
    NativeTcpConnection* c = nullptr;
    QString local, remote;
    HttpParser parser{HttpParser::Mode::Request};
    QTimer* timer = nullptr;
    bool timerIsIdle = false; // keep-alive idle (close quietly) or request (408)
    std::deque<Pending> pending;
    quint64 nextSeq = 1;
    quint64 requests = 0;
    qint64 requestStartUs = 0; // first byte of the request being read, 0 between requests
    bool closeAfter = false;   // no more requests: answer what is queued, then close
    bool peerEnded = false;
    bool closing = false;
    bool closed = false;
    bool paused = false;
    bool pauseTold = false; // a `pause` event was emitted: a `resume` follows
    bool resuming = false;
    bool continued = false; // 100 Continue sent for the request being read
    // The file whose body is being sent (later answers wait behind it).
    struct Stream
    {
        QString file;
        qint64 offset = 0;
        qint64 size = 0;
        bool reading = false; // a chunk is being read on a worker
        bool close = false;   // close the connection once it is sent
    };
    std::optional<Stream> stream;
};

HttpServer::HttpServer(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                       QObject* parent)
    : QObject(parent), timeline_(timeline), observer_(observer), wire_(wire)
{
}

HttpServer::~HttpServer()
{
    for (Conn* conn : std::as_const(conns_)) {
        if (conn->c)
            conn->c->disconnect(this);
    }
}

Event HttpServer::base(const Conn* conn, const QString& event, const QString& proto) const
{
    Event e;
    e.socket = conn ? conn->id : serverId();
    e.proto = proto;
    e.event = event;
    e.source = ev::App;
    if (conn) {
        e.local = conn->local;
        e.remote = conn->remote;
    } else {
        e.local = serverLocal_;
    }
    return e;
}

void HttpServer::error(const QString& code, const QString& detail)
{
    Event e = base(nullptr, ev::Error, ev::Tcp);
    e.code = code;
    e.detail = detail;
    timeline_->append(e);
}

bool HttpServer::start(const HttpServerOptions& options)
{
    if (isListening())
        stop();
    options_ = options;
    QString siteError;
    if (options.siteDir.isEmpty()) {
        site_.useBuiltIn();
    } else if (!site_.setFolder(options.siteDir, &siteError)) {
        serverLocal_ = options.host + QLatin1Char(':') + QString::number(options.port);
        error(QStringLiteral("ENOENT"), siteError);
        return false;
    }
    if (!listener_)
        listener_ = new LabServer([this](qintptr fd) { adopt(fd); }, this);
    const bool ok = listener_->open(options.host, options.port);
    serverLocal_ = listener_->local();
    if (!ok) {
        error(listener_->errorCode(), listener_->errorDetail());
        return false;
    }
    Event e = base(nullptr, ev::Listening, ev::Tcp);
    e.detail = site_.isFolder()
                   ? tr("The HTTP server listens on %1 and serves the folder %2.")
                         .arg(serverLocal_, site_.folder())
                   : tr("The HTTP server listens on %1 and serves the demo site (example.test "
                        "redirects to www.example.test).")
                         .arg(serverLocal_);
    timeline_->append(e);
    if (listener_->exposed()) {
        Event warn = base(nullptr, ev::Info, ev::Tcp);
        warn.detail = listener_->exposureSentence();
        timeline_->append(warn);
    }
    if (observer_)
        observer_->track(serverId(), serverLocal_, QStringLiteral("*"));
    if (wire_)
        wire_->watchPort(listener_->serverPort());
    emit listeningChanged(true);
    return true;
}

void HttpServer::stop()
{
    if (isListening()) {
        listener_->close();
        Event e = base(nullptr, ev::Close, ev::Tcp);
        e.detail = tr("The HTTP server stopped listening; open connections are closed after "
                      "their answers.");
        timeline_->append(e);
        if (observer_)
            observer_->appClosed(serverId());
        emit listeningChanged(false);
    }
    const QList<Conn*> all = conns_.values();
    for (Conn* conn : all) {
        if (conn->closed || conn->closing)
            continue;
        conn->closeAfter = true;
        if (conn->stream) {
            conn->stream->close = true; // after the file being sent
        } else if (conn->pending.empty()) {
            conn->closing = true;
            conn->c->close();
        }
    }
}

bool HttpServer::isListening() const
{
    return listener_ && listener_->isListening();
}

quint16 HttpServer::port() const
{
    return isListening() ? listener_->serverPort() : options_.port;
}

void HttpServer::adopt(qintptr fd)
{
    auto* conn = new Conn(this);
    conn->c = new NativeTcpConnection(conn);
    if (!conn->c->adopt(static_cast<int>(fd))) {
        delete conn;
        return;
    }
    ++accepted_;
    conn->order = accepted_;
    conn->id = options_.idPrefix + QStringLiteral("-conn-") + QString::number(nextConn_++);
    conn->local = endpointString(conn->c->localAddress(), conn->c->localPort());
    conn->remote = endpointString(conn->c->peerAddress(), conn->c->peerPort());
    conn->parser = HttpParser(HttpParser::Mode::Request, options_.limits);
    conns_.insert(conn->id, conn);
    if (observer_)
        observer_->track(conn->id, conn->local, conn->remote);
    if (wire_)
        wire_->track(conn->id, conn->local, conn->remote);

    NativeTcpConnection* c = conn->c;
    connect(c, &NativeTcpConnection::dataReceived, this,
            [this, conn](const QByteArray& d) { onData(conn, d); });
    connect(c, &NativeTcpConnection::dataWritten, this, [this, conn](qint64) {
        if (conn->stream && !conn->stream->reading &&
            conn->c->pendingWrite() < Backpressure::kLowWater)
            readChunk(conn);
        maybeResume(conn);
    });
    connect(c, &NativeTcpConnection::peerFinished, this, [this, conn] { onPeerEnd(conn); });
    connect(c, &NativeTcpConnection::errorOccurred, this, [this, conn](int err) {
        Event e = base(conn, ev::Error, ev::Tcp);
        e.code = errnoName(err);
        timeline_->append(e);
    });
    connect(c, &NativeTcpConnection::closed, this,
            [this, conn](bool hadError) { onClosed(conn, hadError); });

    timeline_->append(base(conn, ev::Connection, ev::Tcp));
    emit connectionCountChanged(conns_.size());

    // Fair admission. LAN mode may set a lower limit for the classroom; one address may hold
    // a share of it. Over either, the oldest connection that is idle (or stuck in a request
    // begun long ago) gives way; only when there is none is the newcomer refused.
    const int lanLimit = LanMode::connectionLimit();
    const int limit = LabServer::admissionLimit(options_.maxConnections);
    const int share = LabServer::addressShare(limit);
    const QHostAddress addr = conn->c->peerAddress();
    QHash<QHostAddress, int> perAddress; // only the connections held to a share
    int open = 0;
    for (const Conn* other : std::as_const(conns_)) {
        if (other->closed || other->closing)
            continue;
        ++open;
        if (LabServer::heldToShare(other->c->peerAddress(), other->c->localAddress()))
            ++perAddress[other->c->peerAddress()];
    }
    const bool overShare = perAddress.value(addr) > share;
    if (open > limit || overShare) {
        if (Conn* victim = pickVictim(conn, overShare ? &addr : nullptr, perAddress)) {
            evict(victim, conn, overShare, share, limit);
            armTimer(conn);
            return;
        }
    }
    if (open > limit || overShare) {
        // Like Node's server.maxConnections, but the client is told why (503) instead of
        // just seeing its connection closed.
        Event d = base(conn, kDrop, kHttp);
        d.detail = overShare
                       ? tr("The address %1 already holds %2 connection(s), its share of the "
                            "server's %3, and none of them is idle: this one is refused with "
                            "503 Service Unavailable and closed, so one machine cannot take "
                            "every slot.")
                             .arg(addr.toString())
                             .arg(share)
                             .arg(limit)
                       : tr("%n connection(s) are already open, the server's limit, and none "
                            "of them is idle: this one is refused with 503 Service Unavailable "
                            "and closed (Node's server.maxConnections emits 'drop').",
                            nullptr, limit);
        QJsonObject x;
        x.insert(QStringLiteral("max_connections"), limit);
        x.insert(QStringLiteral("address_share"), share);
        x.insert(QStringLiteral("lan_mode"), lanLimit > 0);
        d.extra = x;
        timeline_->append(d);
        conn->closeAfter = true;
        Pending p;
        p.seq = conn->nextSeq++;
        p.ready = true;
        p.close = true;
        p.startUs = timeline_->now();
        p.r.status = 503;
        p.r.headers.append(HttpHeader{"Content-Type", "text/plain; charset=utf-8"});
        p.r.headers.append(HttpHeader{"Retry-After", "1"});
        p.r.body = "Too many connections; try again shortly.\n";
        p.r.note = d.detail;
        conn->pending.push_back(std::move(p));
        flush(conn);
        return;
    }
    armTimer(conn);
}

HttpServer::Conn* HttpServer::pickVictim(const Conn* newcomer, const QHostAddress* only,
                                         const QHash<QHostAddress, int>& perAddress) const
{
    // Idle first (waiting for a first request, or kept alive between requests), then a
    // request begun long ago and still not whole (a slowloris); the address holding the most
    // connections first, then the oldest. A connection that is being answered is never taken.
    const qint64 now = timeline_->now();
    Conn* best = nullptr;
    auto key = [&](const Conn* c) {
        const int tier = c->parser.hasStarted() ? 1 : 0;
        return std::make_tuple(tier, -perAddress.value(c->c->peerAddress()), c->order);
    };
    for (Conn* c : conns_) {
        if (c == newcomer || c->closed || c->closing || c->stream || !c->pending.empty())
            continue;
        if (only && c->c->peerAddress() != *only)
            continue;
        if (c->parser.hasStarted() &&
            (c->requestStartUs == 0 || now - c->requestStartUs < kStaleRequestUs))
            continue;
        if (!best || key(c) < key(best))
            best = c;
    }
    return best;
}

void HttpServer::evict(Conn* victim, const Conn* newcomer, bool overShare, int share, int limit)
{
    Event d = base(victim, kDrop, kHttp);
    const QString why =
        overShare ? tr("the address %1 holds more than its share (%2 of %3)")
                        .arg(victim->c->peerAddress().toString())
                        .arg(share)
                        .arg(limit)
                  : tr("the server's limit of %n connection(s) is reached", nullptr, limit);
    d.detail = victim->parser.hasStarted()
                   ? tr("%1 arrived and %2: this connection, whose request began %3 s ago and "
                        "is still not whole, is closed to make room.")
                         .arg(newcomer->remote, why)
                         .arg((timeline_->now() - victim->requestStartUs) / 1e6, 0, 'f', 1)
                   : tr("%1 arrived and %2: this connection, the oldest idle one, is closed to "
                        "make room (idle connections give way to new ones).")
                         .arg(newcomer->remote, why);
    QJsonObject x;
    x.insert(QStringLiteral("evicted"), true);
    x.insert(QStringLiteral("for"), newcomer->id);
    x.insert(QStringLiteral("max_connections"), limit);
    x.insert(QStringLiteral("address_share"), share);
    d.extra = x;
    timeline_->append(d);
    victim->closeAfter = true;
    victim->closing = true;
    if (victim->timer)
        victim->timer->stop();
    victim->c->close();
    if (observer_)
        observer_->poke();
}

void HttpServer::armTimer(Conn* conn)
{
    if (conn->closed || conn->closing)
        return;
    if (!conn->timer) {
        conn->timer = new QTimer(conn);
        conn->timer->setSingleShot(true);
        connect(conn->timer, &QTimer::timeout, this, [this, conn] { timeout(conn); });
    }
    if (!conn->pending.empty() && !conn->parser.hasStarted()) {
        conn->timer->stop(); // the server owes an answer: the client is not late
        return;
    }
    // Idle between requests on a kept-alive connection that has been answered: the idle
    // clock starts again after every answer.
    if (conn->requests > 0 && !conn->parser.hasStarted()) {
        conn->timerIsIdle = true;
        conn->timer->start(options_.keepAliveTimeoutMs);
        return;
    }
    // Waiting for (the rest of) a request: one clock for all of its pieces.
    if (conn->timer->isActive() && !conn->timerIsIdle)
        return;
    conn->timerIsIdle = false;
    conn->timer->start(options_.requestTimeoutMs);
}

void HttpServer::timeout(Conn* conn)
{
    if (conn->closed || conn->closing)
        return;
    if (conn->timerIsIdle) {
        Event e = base(conn, ev::Info, kHttp);
        e.detail = tr("The kept-alive connection was idle for %1 s, so the server closes it "
                      "(Node's keepAliveTimeout).")
                       .arg(options_.keepAliveTimeoutMs / 1000.0);
        timeline_->append(e);
        conn->closing = true;
        conn->c->close();
        return;
    }
    Event e = base(conn, kClientError, kHttp);
    e.code = QStringLiteral("ERR_HTTP_REQUEST_TIMEOUT");
    e.detail = conn->parser.hasStarted()
                   ? tr("The client did not finish its request within %1 s: 408 Request "
                        "Timeout, and the connection is closed. A slow client must not hold a "
                        "connection forever.")
                         .arg(options_.requestTimeoutMs / 1000.0)
                   : tr("The client connected but sent no request within %1 s: 408 Request "
                        "Timeout, and the connection is closed.")
                         .arg(options_.requestTimeoutMs / 1000.0);
    QJsonObject x;
    x.insert(QStringLiteral("status"), 408);
    e.extra = x;
    timeline_->append(e);
    Pending p;
    p.seq = conn->nextSeq++;
    p.ready = true;
    p.close = true;
    p.startUs = conn->requestStartUs ? conn->requestStartUs : timeline_->now();
    p.r.status = 408;
    p.r.headers.append(HttpHeader{"Content-Type", "text/plain; charset=utf-8"});
    p.r.body = "Request Timeout\n";
    p.r.note = e.detail;
    conn->closeAfter = true;
    conn->pending.push_back(std::move(p));
    flush(conn);
}

void HttpServer::onData(Conn* conn, const QByteArray& data)
{
    Event e = base(conn, ev::Data, ev::Tcp);
    e.dir = ev::In;
    e.bytes = data.size();
    e.payload = httpPreview(data);
    timeline_->append(e);
    if (conn->closeAfter || conn->closed)
        return; // after a close decision (or an error) later bytes are not requests
    if (conn->requestStartUs == 0)
        conn->requestStartUs = e.t_us ? e.t_us : timeline_->now();
    conn->parser.append(data);
    if (conn->paused) {
        if (conn->parser.buffered() > kMaxBufferedWhilePaused) {
            Event x = base(conn, kClientError, kHttp);
            x.code = QStringLiteral("ERR_HTTP_PIPELINE_OVERFLOW");
            x.detail = tr("The client keeps sending requests without reading the answers; the "
                          "server stops buffering and aborts the connection.");
            timeline_->append(x);
            conn->closing = true;
            conn->c->abort();
        }
        return;
    }
    process(conn);
}

void HttpServer::process(Conn* conn)
{
    while (!conn->closed && !conn->closeAfter) {
        if (conn->c->pendingWrite() > Backpressure::kHighWater || conn->stream ||
            qsizetype(conn->pending.size()) >= kMaxInFlight) {
            pause(conn);
            break;
        }
        HttpMessage msg;
        const HttpParser::Result r = conn->parser.next(&msg);
        if (r == HttpParser::Result::NeedMore) {
            // A client that asked "Expect: 100-continue" waits for this before its body
            // (curl does for large uploads), as Node and nginx send it.
            if (conn->parser.inBody() && !conn->continued &&
                httpHeaderHasToken(conn->parser.current().headers, "Expect", "100-continue")) {
                conn->continued = true;
                const QByteArray cont = "HTTP/1.1 100 Continue\r\n\r\n";
                Event e = base(conn, ev::Data, ev::Tcp);
                e.dir = ev::Out;
                e.bytes = cont.size();
                e.payload = cont;
                e.detail = tr("100 Continue: the server read the headers and invites the "
                              "client to send the body.");
                timeline_->append(e);
                conn->c->write(cont);
            }
            break;
        }
        conn->continued = false;
        if (r == HttpParser::Result::Error) {
            reject(conn, conn->parser.error());
            break;
        }
        handle(conn, std::move(msg));
        // The next pipelined request (if any) starts with the bytes already here.
        conn->requestStartUs = conn->parser.buffered() > 0 ? timeline_->now() : 0;
    }
    if (conn->closed)
        return;
    flush(conn);
    if (!conn->closed && !conn->closing)
        armTimer(conn);
}

void HttpServer::pause(Conn* conn)
{
    conn->paused = true;
    if (conn->closed || conn->closing)
        return;
    if (!conn->c->readingPaused())
        conn->c->pauseReading();
    if (conn->pauseTold)
        return;
    const qint64 waiting =
        conn->c->pendingWrite() + (conn->stream ? conn->stream->size - conn->stream->offset : 0);
    // A few answers in flight are ordinary pipelining: only a real pile-up is told.
    if (waiting <= Backpressure::kHighWater)
        return;
    conn->pauseTold = true;
    Event e = base(conn, Backpressure::kPause, ev::Tcp);
    e.bytes = waiting;
    e.detail = LabServer::pauseSentence(waiting);
    timeline_->append(e);
}

void HttpServer::maybeResume(Conn* conn)
{
    if (!conn->paused || conn->closed || conn->closing || conn->resuming)
        return;
    if (conn->c->pendingWrite() >= Backpressure::kLowWater || conn->stream ||
        qsizetype(conn->pending.size()) >= kMaxInFlight)
        return;
    conn->paused = false;
    if (conn->c->readingPaused()) {
        conn->c->resumeReading();
        if (std::exchange(conn->pauseTold, false)) {
            Event e = base(conn, Backpressure::kResume, ev::Tcp);
            e.bytes = conn->c->pendingWrite();
            e.detail = LabServer::resumeSentence(e.bytes);
            timeline_->append(e);
        }
    }
    conn->resuming = true;
    process(conn);
    conn->resuming = false;
}

void HttpServer::readChunk(Conn* conn)
{
    Conn::Stream& st = *conn->stream;
    st.reading = true;
    const qint64 want = qMin(kFileChunk, st.size - st.offset);
    QPointer<Conn> guard(conn);
    QThreadPool::globalInstance()->start([guard, file = st.file, offset = st.offset, want] {
        QByteArray chunk;
        QFile f(file);
        if (f.open(QIODevice::ReadOnly) && f.seek(offset))
            chunk = f.read(want);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, chunk, want] {
                if (!guard || guard->closed || !guard->stream)
                    return;
                static_cast<HttpServer*>(guard->parent())->onChunk(guard, chunk, want);
            },
            Qt::QueuedConnection);
    });
}

void HttpServer::onChunk(Conn* conn, const QByteArray& chunk, qint64 want)
{
    Conn::Stream& st = *conn->stream;
    st.reading = false;
    if (chunk.size() != want) {
        // The file changed under us: the Content-Length already sent cannot be kept.
        Event e = base(conn, ev::Error, ev::Tcp);
        e.code = QStringLiteral("EIO");
        e.detail = tr("The file %1 could not be read to its end while it was being sent (did "
                      "it change?): the connection is aborted, since the length already "
                      "announced cannot be kept.")
                       .arg(st.file);
        timeline_->append(e);
        conn->stream.reset();
        conn->closing = true;
        conn->c->abort();
        return;
    }
    st.offset += chunk.size();
    if (!sendOut(conn, chunk))
        return;
    if (st.offset < st.size) {
        if (conn->c->pendingWrite() < Backpressure::kLowWater)
            readChunk(conn);
        else if (conn->paused)
            pause(conn); // the client does not read: say so once
        return;
    }
    const bool close = st.close;
    conn->stream.reset();
    if (close) {
        finishClose(conn);
        return;
    }
    flush(conn);
    if (!conn->closed && !conn->closing)
        armTimer(conn);
    maybeResume(conn);
}

bool HttpServer::sendOut(Conn* conn, const QByteArray& bytes)
{
    Event e = base(conn, ev::Data, ev::Tcp);
    e.dir = ev::Out;
    e.bytes = bytes.size();
    e.payload = httpPreview(bytes);
    timeline_->append(e);
    conn->c->write(bytes);
    return !conn->closed;
}

void HttpServer::finishClose(Conn* conn)
{
    conn->closeAfter = true;
    conn->closing = true;
    if (conn->timer)
        conn->timer->stop();
    conn->c->close(); // FIN once the answer is out: the server closes first
    if (observer_)
        observer_->poke();
}

void HttpServer::handle(Conn* conn, HttpMessage&& msg)
{
    ++requests_;
    ++conn->requests;
    const QByteArray host = msg.header("Host");
    {
        Event e = base(conn, kRequest, kHttp);
        e.bytes = msg.totalBytes;
        QJsonObject x;
        x.insert(QStringLiteral("method"), QString::fromLatin1(msg.method));
        x.insert(QStringLiteral("target"), QString::fromLatin1(msg.target));
        x.insert(QStringLiteral("version"), QString::fromLatin1(msg.version()));
        x.insert(QStringLiteral("headers"), httpHeadersToJson(msg.headers));
        x.insert(QStringLiteral("body_bytes"), msg.body.size());
        if (!host.isNull())
            x.insert(QStringLiteral("host"), QString::fromLatin1(host));
        if (msg.chunked)
            x.insert(QStringLiteral("chunked"), true);
        e.extra = x;
        timeline_->append(e);
    }
    Pending p;
    p.seq = conn->nextSeq++;
    p.close = !msg.keepAlive();
    p.head = msg.method == "HEAD";
    p.method = msg.method;
    p.target = msg.target;
    p.host = host;
    p.startUs = conn->requestStartUs ? conn->requestStartUs : timeline_->now();
    if (p.close)
        conn->closeAfter = true; // later pipelined bytes are ignored, as in Node and nginx

    HttpSiteRequest sr;
    sr.method = msg.method;
    sr.target = msg.target;
    sr.host = host;
    sr.hostFields =
        int(std::count_if(msg.headers.cbegin(), msg.headers.cend(), [](const HttpHeader& h) {
            return h.name.compare("Host", Qt::CaseInsensitive) == 0;
        }));
    sr.versionMinor = msg.versionMinor;
    sr.serverPort = port();
    sr.contentType = msg.header("Content-Type");
    sr.body = std::move(msg.body);
    sr.streamFiles = true;
    const quint64 seq = p.seq;
    conn->pending.push_back(std::move(p));

    if (!site_.isFolder()) {
        queueResponse(conn, seq, site_.respond(sr));
        return;
    }
    // Reading a file may block: do it on a worker, answer when it is back (in order). The
    // answer is posted to the application object, which outlives any server; the guard is
    // read on this thread only.
    QPointer<Conn> guard(conn);
    const HttpSite site = site_;
    QThreadPool::globalInstance()->start([guard, seq, site, sr] {
        HttpSiteResponse r = site.respond(sr);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, seq, r = std::move(r)]() mutable {
                if (!guard || guard->closed)
                    return;
                auto* self = static_cast<HttpServer*>(guard->parent());
                self->queueResponse(guard, seq, std::move(r));
                self->flush(guard);
                if (guard && !guard->closed && !guard->closing)
                    self->armTimer(guard);
                if (guard)
                    self->maybeResume(guard);
            },
            Qt::QueuedConnection);
    });
}

void HttpServer::queueResponse(Conn* conn, quint64 seq, HttpSiteResponse&& r)
{
    for (Pending& p : conn->pending) {
        if (p.seq == seq) {
            p.r = std::move(r);
            p.ready = true;
            return;
        }
    }
}

void HttpServer::reject(Conn* conn, HttpParseError err)
{
    const int status = HttpParser::statusFor(err);
    Event e = base(conn, kClientError, kHttp);
    e.code = HttpParser::errorCode(err);
    e.detail = HttpParser::sentence(err, options_.limits);
    QJsonObject x;
    x.insert(QStringLiteral("status"), status);
    e.extra = x;
    timeline_->append(e);
    Pending p;
    p.seq = conn->nextSeq++;
    p.ready = true;
    p.close = true;
    p.startUs = conn->requestStartUs ? conn->requestStartUs : timeline_->now();
    p.r.status = status;
    p.r.headers.append(HttpHeader{"Content-Type", "text/plain; charset=utf-8"});
    p.r.body = httpReasonPhrase(status) + '\n';
    p.r.note = e.detail;
    conn->closeAfter = true; // after a framing error the rest of the stream means nothing
    conn->pending.push_back(std::move(p));
}

void HttpServer::flush(Conn* conn)
{
    while (!conn->closed && !conn->closing && !conn->stream && !conn->pending.empty() &&
           conn->pending.front().ready) {
        Pending p = std::move(conn->pending.front());
        conn->pending.pop_front();
        const bool close =
            p.close || (conn->closeAfter && conn->pending.empty() && !conn->parser.hasStarted());
        const qint64 bodySize = p.r.fileSize >= 0 ? p.r.fileSize : p.r.body.size();
        HttpHeaders headers;
        headers.reserve(p.r.headers.size() + 6);
        headers.append(HttpHeader{"Date", httpDateNow()});
        headers.append(HttpHeader{"Server", serverHeader()});
        headers += p.r.headers;
        if (p.r.status >= 200 && p.r.status != 204 && p.r.status != 304)
            headers.append(HttpHeader{"Content-Length", QByteArray::number(bodySize)});
        if (close) {
            headers.append(HttpHeader{"Connection", "close"});
        } else {
            headers.append(HttpHeader{"Connection", "keep-alive"});
            headers.append({"Keep-Alive",
                            "timeout=" + QByteArray::number(options_.keepAliveTimeoutMs / 1000)});
        }
        const QByteArray reason = httpReasonPhrase(p.r.status);
        const QByteArray bytes = httpSerializeResponse(p.r.status, reason, headers, p.r.body,
                                                       p.head || p.r.status == 204);
        {
            Event e = base(conn, kResponse, kHttp);
            e.bytes = bytes.size();
            e.detail = p.r.note;
            QJsonObject x;
            x.insert(QStringLiteral("status"), p.r.status);
            x.insert(QStringLiteral("reason"), QString::fromLatin1(reason));
            x.insert(QStringLiteral("headers"), httpHeadersToJson(headers));
            x.insert(QStringLiteral("body_bytes"), p.head ? 0 : bodySize);
            x.insert(QStringLiteral("duration_us"), timeline_->now() - p.startUs);
            if (!p.method.isEmpty()) {
                x.insert(QStringLiteral("method"), QString::fromLatin1(p.method));
                x.insert(QStringLiteral("target"), QString::fromLatin1(p.target));
            }
            if (!p.host.isEmpty())
                x.insert(QStringLiteral("host"), QString::fromLatin1(p.host));
            e.extra = x;
            timeline_->append(e);
        }
        if (!sendOut(conn, bytes))
            return;
        if (!p.r.file.isEmpty() && !p.head && p.r.fileSize > 0) {
            // The body follows in chunks, each read when the last has drained.
            conn->stream = Conn::Stream{p.r.file, 0, p.r.fileSize, false, close};
            readChunk(conn);
            return;
        }
        if (close) {
            finishClose(conn);
            return;
        }
    }
    if (conn->closed || conn->closing)
        return;
    if (conn->peerEnded && conn->pending.empty()) {
        // The client sent FIN and everything it asked is answered: end our side too
        // (Node's allowHalfOpen: false).
        conn->closing = true;
        conn->c->close();
    }
}

void HttpServer::onPeerEnd(Conn* conn)
{
    conn->peerEnded = true;
    timeline_->append(base(conn, ev::End, ev::Tcp));
    if (observer_)
        observer_->poke();
    if (conn->closed || conn->closing)
        return;
    if (conn->parser.hasStarted() && !conn->closeAfter) {
        Event e = base(conn, kClientError, kHttp);
        e.code = HttpParser::errorCode(HttpParseError::Truncated);
        e.detail = tr("The client sent FIN in the middle of a request; nothing is answered.");
        timeline_->append(e);
    }
    conn->closeAfter = true;
    flush(conn);
}

void HttpServer::onClosed(Conn* conn, bool hadError)
{
    if (conn->closed)
        return;
    conn->closed = true;
    Event e = base(conn, ev::Close, ev::Tcp);
    if (hadError)
        e.detail = tr("Closed because of the error above.");
    timeline_->append(e);
    if (observer_)
        observer_->appClosed(conn->id);
    conns_.remove(conn->id);
    conn->c->disconnect(this);
    if (conn->timer)
        conn->timer->stop();
    conn->deleteLater(); // not now: this may run inside one of the connection's own calls
    emit connectionCountChanged(conns_.size());
}

} // namespace netstage
