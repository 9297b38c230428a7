// Over 800 lines on purpose: one client with a connection pool; an exchange's life (resolve,
// connect, send, parse, keep-alive, retry of a stale connection) runs over the shared Conn.

#include "core/http/http_client.h"

#include "core/base/errors.h"
#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "core/net/native_tcp_connection.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"

#include <QHostInfo>
#include <QJsonObject>
#include <QTimer>

#include <cerrno>

namespace netstage {

namespace {
const QString kHttp = QStringLiteral("http");
const QString kDns = QStringLiteral("dns");
constexpr qint64 kMaxRawResponse = 64 * 1024 * 1024;

QByteArray userAgent()
{
    return QByteArrayLiteral("NetStage/") + NETSTAGE_VERSION;
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QJsonObject timingJson(const HttpTiming& t)
{
    QJsonObject o;
    o.insert(QStringLiteral("queued_us"), t.queuedUs);
    o.insert(QStringLiteral("dns_us"), t.dnsUs);
    o.insert(QStringLiteral("connect_us"), t.connectUs);
    o.insert(QStringLiteral("send_us"), t.sendUs);
    o.insert(QStringLiteral("wait_us"), t.waitUs);
    o.insert(QStringLiteral("download_us"), t.downloadUs);
    if (t.pausedUs > 0)
        o.insert(QStringLiteral("paused_us"), t.pausedUs);
    o.insert(QStringLiteral("total_us"), t.totalUs);
    return o;
}
} // namespace

struct HttpClient::Conn : public QObject
{
    enum class St
    {
        Resolving,
        Connecting,
        Busy,
        Idle,
        Closed
    };
    QString id;
    QString key; // origin: scheme://host:port
    QString host;
    quint16 port = 80;
    QHostAddress address;
    NativeTcpConnection* c = nullptr;
    QString local, remote;
    St st = St::Resolving;
    int exchange = 0;
    HttpParser parser{HttpParser::Mode::Response};
    qint64 toSend = 0; // bytes of the current request not yet taken by the kernel
    bool gotBytes = false;
    bool reused = false;
    int served = 0;
    QTimer* timer = nullptr;
    // Marks of the current exchange on the timeline's clock.
    qint64 dispatchUs = 0, resolvedUs = 0, connectedUs = 0, sentUs = 0, firstByteUs = 0;
    qint64 pausedResolveUs = 0, pausedSendUs = 0; // held by a teacher (step mode)
    bool sentSignalled = false;
};

HttpClient::HttpClient(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                       QObject* parent)
    : QObject(parent), timeline_(timeline), observer_(observer), wire_(wire)
{
    qRegisterMetaType<netstage::HttpExchange>();
    // Answers may be large pages and images; the request limits would be too tight.
    limits_.maxHeaderBytes = 64 * 1024;
    limits_.maxBodyBytes = kMaxRawResponse;
}

HttpClient::~HttpClient()
{
    for (Conn* conn : std::as_const(conns_)) {
        if (conn->c)
            conn->c->disconnect(this);
    }
}

void HttpClient::setResolveOverride(const QString& host, const QHostAddress& address)
{
    overrides_.insert(host.toLower(), address);
}

void HttpClient::clearResolveOverrides()
{
    overrides_.clear();
}

QString HttpClient::originKey(const QUrl& url)
{
    return url.scheme().toLower() + QStringLiteral("://") + url.host().toLower() +
           QLatin1Char(':') + QString::number(url.port(80));
}

Event HttpClient::base(const Conn* conn, const QString& event, const QString& proto) const
{
    Event e;
    e.socket = conn->id;
    e.proto = proto;
    e.event = event;
    e.source = ev::App;
    e.local = conn->local;
    e.remote = conn->remote;
    return e;
}

QByteArray HttpClient::composeRequest(const HttpClientRequest& r, bool keepAlive)
{
    QByteArray target = r.url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (r.url.hasQuery())
        target += '?' + r.url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = r.url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (r.url.port(80) != 80)
        host += ':' + QByteArray::number(r.url.port());

    HttpHeaders h;
    h.append(HttpHeader{"Host", host});
    h.append(HttpHeader{"User-Agent", userAgent()});
    h.append(HttpHeader{"Accept", "*/*"});
    const bool wantsLength =
        !r.body.isEmpty() || r.method == "POST" || r.method == "PUT" || r.method == "PATCH";
    if (wantsLength)
        h.append(HttpHeader{"Content-Length", QByteArray::number(r.body.size())});
    if (!keepAlive)
        h.append(HttpHeader{"Connection", "close"});
    // The user's fields replace ours of the same name; an empty value removes ours (as curl's
    // -H 'Accept:' does).
    for (const HttpHeader& u : r.headers) {
        bool replaced = false;
        for (int i = 0; i < h.size(); ++i) {
            if (qstricmp(h[i].name.constData(), u.name.constData()) == 0) {
                if (u.value.isEmpty())
                    h.removeAt(i);
                else
                    h[i] = u;
                replaced = true;
                break;
            }
        }
        if (!replaced && !u.value.isEmpty())
            h.append(u);
    }
    QByteArray out = r.method + ' ' + target + " HTTP/1.1\r\n";
    for (const HttpHeader& x : h)
        out += x.name + ": " + x.value + "\r\n";
    out += "\r\n";
    out += r.body;
    return out;
}

int HttpClient::fetch(const HttpClientRequest& request)
{
    const int id = nextExchange_++;
    HttpExchange x;
    x.id = id;
    x.request = request;
    x.host = request.url.host();
    x.port = quint16(request.url.port(80));
    x.timing.startUs = timeline_->now();
    exchanges_.insert(id, x);
    emit exchangeStarted(id);
    if (request.url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0) {
        const QString scheme = request.url.scheme();
        QTimer::singleShot(0, this, [this, id, scheme] {
            failExchange(id, QStringLiteral("EINVAL"),
                         scheme == QLatin1String("https")
                             ? tr("HTTPS is not part of this lab: use an http:// URL.")
                             : tr("Only http:// URLs can be fetched (not \"%1\").").arg(scheme));
        });
        return id;
    }
    if (x.host.isEmpty() || !request.url.isValid()) {
        QTimer::singleShot(0, this, [this, id] {
            failExchange(id, QStringLiteral("EINVAL"), tr("The URL has no host name."));
        });
        return id;
    }
    queue_.push_back(id);
    // Asynchronously, so the caller has its id (and its signals connected) before anything.
    QTimer::singleShot(0, this, &HttpClient::dispatch);
    return id;
}

void HttpClient::dispatch()
{
    for (auto it = queue_.begin(); it != queue_.end();) {
        const int id = *it;
        const auto x = exchanges_.constFind(id);
        if (x == exchanges_.constEnd() || x->done) {
            it = queue_.erase(it);
            continue;
        }
        const QString key = originKey(x->request.url);
        Conn* idle = nullptr;
        int open = 0;
        for (Conn* c : std::as_const(conns_)) {
            if (c->key != key || c->st == Conn::St::Closed)
                continue;
            ++open;
            if (c->st == Conn::St::Idle && !idle)
                idle = c;
        }
        if (idle) {
            it = queue_.erase(it);
            startOn(idle, id);
            continue;
        }
        if (open < maxPerHost_) {
            it = queue_.erase(it);
            openConnection(key, id);
            continue;
        }
        ++it; // this origin is at its limit; wait for one of its connections
    }
}

void HttpClient::openConnection(const QString& key, int id)
{
    auto* conn = new Conn;
    conn->setParent(this);
    conn->id = idPrefix_ + QLatin1Char('-') + QString::number(nextConn_++);
    conn->key = key;
    const HttpExchange& x = exchanges_[id];
    conn->host = x.host;
    conn->port = x.port;
    conn->remote = x.host + QLatin1Char(':') + QString::number(x.port);
    conns_.append(conn);
    conn->timer = new QTimer(conn);
    conn->timer->setSingleShot(true);
    connect(conn->timer, &QTimer::timeout, this, [this, conn] {
        if (conn->exchange == 0)
            return;
        const int ex = conn->exchange;
        failExchange(ex, QStringLiteral("ETIMEDOUT"),
                     tr("No complete answer within %1 s.").arg(timeoutMs_ / 1000.0));
        if (conn->c) {
            conn->st = Conn::St::Closed;
            conn->c->abort();
        } else {
            conn->st = Conn::St::Closed; // still resolving: the answer will be ignored
            conns_.removeOne(conn);
            conn->deleteLater();
            dispatch();
        }
    });
    startOn(conn, id);
}

void HttpClient::startOn(Conn* conn, int id)
{
    HttpExchange& x = exchanges_[id];
    conn->exchange = id;
    conn->dispatchUs = timeline_->now();
    conn->gotBytes = false;
    conn->firstByteUs = 0;
    conn->pausedResolveUs = conn->pausedSendUs = 0;
    conn->sentSignalled = false;
    x.socket = conn->id;
    x.timing.queuedUs = conn->dispatchUs - x.timing.startUs;
    conn->timer->start(timeoutMs_);
    if (conn->st == Conn::St::Idle) {
        conn->reused = true;
        x.reused = true;
        x.address = conn->address;
        x.resolvedVia = QStringLiteral("reused");
        conn->resolvedUs = conn->connectedUs = conn->dispatchUs;
        Event e = base(conn, ev::Info, kHttp);
        e.detail = tr("Reusing the kept-alive connection %1 (request %2 on it): no DNS lookup, "
                      "no handshake.")
                       .arg(conn->id)
                       .arg(conn->served + 1);
        timeline_->append(e);
        conn->st = Conn::St::Busy;
        beginSend(conn);
        return;
    }
    resolve(conn, id);
}

void HttpClient::resolve(Conn* conn, int id)
{
    const QString host = conn->host;
    QPointer<Conn> guard(conn);
    auto done = [this, guard, id, host](const QHostAddress& addr, const QString& via,
                                        const QString& err) {
        if (!guard || guard->exchange != id || guard->st != Conn::St::Resolving)
            return;
        Conn* conn = guard;
        conn->resolvedUs = timeline_->now();
        if (!conn->timer->isActive())
            conn->timer->start(timeoutMs_); // stopped while a resolver hook asked
        HttpExchange& x = exchanges_[id];
        x.resolvedVia = via;
        Event e = base(conn, kDns, kDns);
        e.t_us = conn->resolvedUs;
        QJsonObject o;
        o.insert(QStringLiteral("name"), host);
        o.insert(QStringLiteral("via"), via);
        o.insert(QStringLiteral("duration_us"), conn->resolvedUs - conn->dispatchUs);
        if (addr.isNull()) {
            e.code = QStringLiteral("ENOTFOUND");
            e.detail = err.isEmpty() ? tr("The name %1 could not be resolved.").arg(host)
                                     : tr("The name %1 could not be resolved: %2").arg(host, err);
            e.extra = o;
            timeline_->append(e);
            conn->st = Conn::St::Closed;
            failExchange(id, e.code, e.detail);
            conns_.removeOne(conn);
            conn->deleteLater();
            dispatch();
            return;
        }
        o.insert(QStringLiteral("address"), addr.toString());
        e.extra = o;
        if (via == QLatin1String("--resolve"))
            e.detail = tr("%1 → %2 from the resolve list (like curl --resolve): no DNS query.")
                           .arg(host, addr.toString());
        else if (via == QLatin1String("address"))
            e.detail = tr("%1 is already an address: nothing to look up.").arg(host);
        else if (via == QLatin1String("localhost"))
            e.detail = tr("localhost is always this machine (127.0.0.1): nothing to look up.");
        else
            e.detail = tr("%1 → %2, answered by the %3 resolver.").arg(host, addr.toString(), via);
        timeline_->append(e);
        x.address = addr;
        connectTo(conn, addr);
    };

    QHostAddress literal;
    if (literal.setAddress(host)) {
        done(literal, QStringLiteral("address"), {});
        return;
    }
    const auto ov = overrides_.constFind(host.toLower());
    if (ov != overrides_.constEnd()) {
        done(ov.value(), QStringLiteral("--resolve"), {});
        return;
    }
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        done(QHostAddress(QHostAddress::LocalHost), QStringLiteral("localhost"), {});
        return;
    }
    if (resolver_) {
        // The hook may wait for a teacher's step; its own lookups have their own timeouts.
        conn->timer->stop();
        resolver_(host, [done](const QHostAddress& a, const QString& err) {
            done(a, QStringLiteral("resolver"), err);
        });
        return;
    }
    QHostInfo::lookupHost(host, this, [done](const QHostInfo& info) {
        QHostAddress chosen;
        for (const QHostAddress& a : info.addresses()) {
            if (chosen.isNull() || (a.protocol() == QAbstractSocket::IPv4Protocol &&
                                    chosen.protocol() != QAbstractSocket::IPv4Protocol))
                chosen = a;
        }
        done(chosen, QStringLiteral("system"), chosen.isNull() ? info.errorString() : QString());
    });
}

void HttpClient::connectTo(Conn* conn, const QHostAddress& address)
{
    conn->address = address;
    conn->st = Conn::St::Connecting;
    conn->remote = endpointString(address, conn->port);
    conn->c = new NativeTcpConnection(conn);
    NativeTcpConnection* c = conn->c;
    connect(c, &NativeTcpConnection::connected, this, [this, conn] { onConnected(conn); });
    connect(c, &NativeTcpConnection::dataReceived, this,
            [this, conn](const QByteArray& d) { onData(conn, d); });
    connect(c, &NativeTcpConnection::dataWritten, this, [this, conn](qint64 n) {
        if (conn->toSend <= 0)
            return;
        conn->toSend -= n;
        if (conn->toSend <= 0)
            markSent(conn, timeline_->now());
    });
    connect(c, &NativeTcpConnection::peerFinished, this, [this, conn] { onPeerEnd(conn); });
    connect(c, &NativeTcpConnection::errorOccurred, this, [this, conn](int err) {
        Event e = base(conn, ev::Error, ev::Tcp);
        e.code = errnoName(err);
        timeline_->append(e);
        if (retryIfStale(conn))
            return;
        if (conn->exchange)
            failExchange(conn->exchange, e.code, Explain::forError(e.code));
    });
    connect(c, &NativeTcpConnection::closed, this,
            [this, conn](bool hadError) { onClosed(conn, hadError); });
    if (wire_)
        wire_->watchPort(conn->port); // before the SYN leaves
    if (!c->connectTo(address, conn->port, timeoutMs_)) {
        Event e = base(conn, ev::Error, ev::Tcp);
        e.code = errnoName(c->lastError());
        timeline_->append(e);
        const int ex = conn->exchange;
        conn->st = Conn::St::Closed;
        conns_.removeOne(conn);
        conn->deleteLater();
        failExchange(ex, e.code, {});
        dispatch();
        return;
    }
    conn->local = endpointString(c->localAddress(), c->localPort());
    if (observer_)
        observer_->track(conn->id, conn->local, conn->remote);
    if (wire_)
        wire_->track(conn->id, conn->local, conn->remote);
}

void HttpClient::onConnected(Conn* conn)
{
    conn->connectedUs = timeline_->now();
    conn->local = endpointString(conn->c->localAddress(), conn->c->localPort());
    Event e = base(conn, ev::Connect, ev::Tcp);
    e.t_us = conn->connectedUs;
    timeline_->append(e);
    if (observer_)
        observer_->poke();
    conn->st = Conn::St::Busy;
    beginSend(conn);
}

void HttpClient::addPausedUs(int exchange, qint64 us)
{
    for (Conn* c : std::as_const(conns_)) {
        if (c->exchange == exchange && c->st == Conn::St::Resolving)
            c->pausedResolveUs += qMax<qint64>(0, us);
    }
}

void HttpClient::beginSend(Conn* conn)
{
    if (!sendGate_) {
        sendRequest(conn);
        return;
    }
    const int id = conn->exchange;
    conn->timer->stop(); // a teacher may take their time
    QPointer<Conn> guard(conn);
    sendGate_(id, [this, guard, id](qint64 pausedUs) {
        if (!guard || guard->exchange != id || guard->st != Conn::St::Busy || !guard->c)
            return;
        guard->pausedSendUs += qMax<qint64>(0, pausedUs);
        guard->timer->start(timeoutMs_);
        sendRequest(guard);
    });
}

void HttpClient::markSent(Conn* conn, qint64 us)
{
    conn->sentUs = us;
    if (!conn->sentSignalled && conn->exchange) {
        conn->sentSignalled = true;
        emit requestSent(conn->exchange);
    }
}

void HttpClient::sendRequest(Conn* conn)
{
    HttpExchange& x = exchanges_[conn->exchange];
    x.rawRequest = composeRequest(x.request, keepAlive_);
    HttpMessage sent;
    {
        // The request event shows what was really sent, so parse our own bytes back.
        HttpParser p(HttpParser::Mode::Request, HttpLimits{1 << 20, 1 << 20, 10000, 1 << 30});
        p.append(x.rawRequest);
        p.next(&sent);
    }
    conn->parser = HttpParser(HttpParser::Mode::Response, limits_);
    conn->parser.setNextHasNoBody(x.request.method == "HEAD");
    {
        Event e = base(conn, QStringLiteral("request"), kHttp);
        e.bytes = x.rawRequest.size();
        QJsonObject o;
        o.insert(QStringLiteral("method"), QString::fromLatin1(x.request.method));
        o.insert(QStringLiteral("target"), QString::fromLatin1(sent.target));
        o.insert(QStringLiteral("version"), QStringLiteral("HTTP/1.1"));
        o.insert(QStringLiteral("headers"), httpHeadersToJson(sent.headers));
        o.insert(QStringLiteral("body_bytes"), x.request.body.size());
        o.insert(QStringLiteral("url"), x.request.url.toString());
        o.insert(QStringLiteral("exchange"), x.id);
        if (x.reused)
            o.insert(QStringLiteral("reused"), true);
        e.extra = o;
        timeline_->append(e);
    }
    {
        Event e = base(conn, ev::Data, ev::Tcp);
        e.dir = ev::Out;
        e.bytes = x.rawRequest.size();
        e.payload = httpPreview(x.rawRequest);
        timeline_->append(e);
    }
    conn->toSend = x.rawRequest.size();
    conn->sentUs = 0;
    const QByteArray bytes = x.rawRequest;
    conn->c->write(bytes); // dataWritten (often right inside write) marks "request sent"
    if (observer_)
        observer_->poke();
}

void HttpClient::onData(Conn* conn, const QByteArray& data)
{
    const qint64 now = timeline_->now();
    Event e = base(conn, ev::Data, ev::Tcp);
    e.t_us = now;
    e.dir = ev::In;
    e.bytes = data.size();
    e.payload = httpPreview(data);
    timeline_->append(e);
    if (conn->exchange == 0) {
        // Bytes nobody asked for on an idle connection: the stream is out of step.
        Event w = base(conn, ev::Info, kHttp);
        w.detail = tr("The server sent bytes while no request was waiting; the connection "
                      "cannot be trusted and is closed.");
        timeline_->append(w);
        conn->st = Conn::St::Closed;
        conn->c->close();
        return;
    }
    HttpExchange& x = exchanges_[conn->exchange];
    if (!conn->gotBytes) {
        conn->gotBytes = true;
        conn->firstByteUs = now;
        if (conn->sentUs == 0)
            markSent(conn, now); // the answer came before dataWritten was seen
    }
    if (x.rawResponse.size() + data.size() <= kMaxRawResponse)
        x.rawResponse += data;
    conn->parser.append(data);
    for (;;) {
        HttpMessage msg;
        const HttpParser::Result r = conn->parser.next(&msg);
        if (r == HttpParser::Result::NeedMore)
            return;
        if (r == HttpParser::Result::Error) {
            const HttpParseError err = conn->parser.error();
            failExchange(
                conn->exchange, HttpParser::errorCode(err),
                tr("The answer is not valid HTTP: %1").arg(HttpParser::sentence(err, limits_)));
            conn->st = Conn::St::Closed;
            conn->c->abort();
            return;
        }
        if (msg.status >= 100 && msg.status < 200) {
            // 100 Continue and friends: informational, the real answer follows.
            continue;
        }
        completeResponse(conn, std::move(msg));
        return;
    }
}

void HttpClient::completeResponse(Conn* conn, HttpMessage&& msg)
{
    const int id = conn->exchange;
    HttpExchange& x = exchanges_[id];
    const qint64 lastUs = timeline_->now();
    HttpTiming& t = x.timing;
    const qint64 dispatch = conn->dispatchUs;
    t.queuedUs = dispatch - t.startUs;
    t.dnsUs = conn->reused ? 0 : conn->resolvedUs - dispatch - conn->pausedResolveUs;
    t.connectUs = conn->reused ? 0 : conn->connectedUs - conn->resolvedUs;
    t.pausedUs = conn->pausedResolveUs + conn->pausedSendUs;
    const qint64 sendStart = (conn->reused ? dispatch : conn->connectedUs) + conn->pausedSendUs;
    t.sendUs = qMax<qint64>(0, conn->sentUs - sendStart);
    t.waitUs = conn->firstByteUs - (sendStart + t.sendUs);
    t.downloadUs = lastUs - conn->firstByteUs;
    t.totalUs = lastUs - t.startUs;
    x.ok = true;
    x.done = true;
    x.response = std::move(msg);
    // The raw bytes of this answer only (a pipelined stream never reaches here).
    if (x.rawResponse.size() > x.response.totalBytes && x.response.totalBytes > 0)
        x.rawResponse.truncate(x.response.totalBytes);
    conn->timer->stop();
    ++conn->served;

    Event e = base(conn, QStringLiteral("response"), kHttp);
    e.t_us = lastUs;
    e.bytes = x.response.totalBytes;
    QJsonObject o;
    o.insert(QStringLiteral("status"), x.response.status);
    o.insert(QStringLiteral("reason"), QString::fromLatin1(x.response.reason));
    o.insert(QStringLiteral("version"), QString::fromLatin1(x.response.version()));
    o.insert(QStringLiteral("headers"), httpHeadersToJson(x.response.headers));
    o.insert(QStringLiteral("body_bytes"), x.response.body.size());
    o.insert(QStringLiteral("duration_us"), t.totalUs);
    o.insert(QStringLiteral("timing"), timingJson(t));
    o.insert(QStringLiteral("reused"), x.reused);
    o.insert(QStringLiteral("url"), x.request.url.toString());
    o.insert(QStringLiteral("exchange"), id);
    e.extra = o;
    timeline_->append(e);

    const bool keep = keepAlive_ && x.response.keepAlive() && !conn->parser.hasStarted() &&
                      conn->parser.buffered() == 0;
    conn->exchange = 0;
    finishExchange(id);
    release(conn, keep);
}

void HttpClient::release(Conn* conn, bool keep)
{
    if (conn->st == Conn::St::Closed)
        return;
    if (keep && conn->c && !conn->c->peerEnded()) {
        conn->st = Conn::St::Idle;
    } else {
        conn->st = Conn::St::Closed;
        if (conn->c)
            conn->c->close();
    }
    dispatch();
}

void HttpClient::finishExchange(int id)
{
    HttpExchange& x = exchanges_[id];
    x.done = true;
    if (x.ok && x.request.follow && isRedirect(x.response.status)) {
        const QByteArray location = x.response.header("Location");
        int hops = 0;
        for (int from = x.redirectedFrom; from; from = exchanges_.value(from).redirectedFrom)
            ++hops;
        if (!location.isEmpty() && hops < x.request.maxRedirects) {
            HttpClientRequest next = x.request;
            next.url = x.request.url.resolved(QUrl::fromEncoded(location));
            const int s = x.response.status;
            if (s == 303 || ((s == 301 || s == 302) && x.request.method == "POST")) {
                next.method = "GET"; // what browsers do
                next.body.clear();
            }
            const int nextId = fetch(next);
            exchanges_[nextId].redirectedFrom = id;
            exchanges_[id].redirectedTo = nextId;
            Event e;
            e.socket = x.socket;
            e.proto = kHttp;
            e.event = ev::Info;
            e.source = ev::App;
            e.detail = tr("%1 %2: following the redirect to %3.")
                           .arg(x.response.status)
                           .arg(QString::fromLatin1(x.response.reason), next.url.toString());
            timeline_->append(e);
        }
    }
    emit finished(exchanges_.value(id));
}

void HttpClient::failExchange(int id, const QString& code, const QString& sentence)
{
    auto it = exchanges_.find(id);
    if (it == exchanges_.end() || it->done)
        return;
    it->done = true;
    it->ok = false;
    it->errorCode = code;
    it->error = sentence;
    it->timing.totalUs = timeline_->now() - it->timing.startUs;
    for (Conn* c : std::as_const(conns_)) {
        if (c->exchange == id) {
            c->exchange = 0;
            c->timer->stop();
        }
    }
    Event e;
    e.socket = it->socket.isEmpty() ? idPrefix_ : it->socket;
    e.proto = kHttp;
    e.event = ev::Error;
    e.source = ev::App;
    e.code = code;
    e.detail = sentence;
    QJsonObject o;
    o.insert(QStringLiteral("url"), it->request.url.toString());
    o.insert(QStringLiteral("exchange"), id);
    e.extra = o;
    timeline_->append(e);
    emit finished(exchanges_.value(id));
}

bool HttpClient::retryIfStale(Conn* conn)
{
    // A kept-alive connection the server closed just as we reused it: nothing of the answer
    // came, so the request is sent again on a new connection (once).
    if (!conn->reused || conn->gotBytes || conn->exchange == 0)
        return false;
    const int id = conn->exchange;
    HttpExchange& x = exchanges_[id];
    if (x.resolvedVia == QLatin1String("retried"))
        return false;
    conn->exchange = 0;
    conn->timer->stop();
    x.reused = false;
    x.resolvedVia = QStringLiteral("retried");
    Event e = base(conn, ev::Info, kHttp);
    e.detail = tr("The server had closed this kept-alive connection; the request is sent again "
                  "on a new one.");
    timeline_->append(e);
    queue_.push_front(id);
    QTimer::singleShot(0, this, &HttpClient::dispatch);
    return true;
}

void HttpClient::onPeerEnd(Conn* conn)
{
    timeline_->append(base(conn, ev::End, ev::Tcp));
    if (observer_)
        observer_->poke();
    if (conn->exchange) {
        HttpMessage msg;
        const HttpParser::Result r = conn->parser.finish(&msg);
        if (r == HttpParser::Result::Message) {
            completeResponse(conn, std::move(msg));
        } else if (!retryIfStale(conn)) {
            failExchange(conn->exchange,
                         r == HttpParser::Result::Error
                             ? HttpParser::errorCode(conn->parser.error())
                             : QStringLiteral("ECONNRESET"),
                         conn->gotBytes ? tr("The server closed the connection in the middle of "
                                             "its answer.")
                                        : tr("The server closed the connection without "
                                             "answering."));
        }
    }
    if (conn->st != Conn::St::Closed) {
        conn->st = Conn::St::Closed;
        if (conn->c)
            conn->c->close();
    }
    dispatch();
}

void HttpClient::onClosed(Conn* conn, bool hadError)
{
    Event e = base(conn, ev::Close, ev::Tcp);
    if (hadError)
        e.detail = tr("Closed because of the error above.");
    timeline_->append(e);
    if (observer_)
        observer_->appClosed(conn->id);
    if (conn->exchange && !retryIfStale(conn))
        failExchange(conn->exchange, QStringLiteral("ECONNRESET"),
                     tr("The connection closed before the answer was complete."));
    conn->st = Conn::St::Closed;
    conns_.removeOne(conn);
    conn->c->disconnect(this);
    conn->deleteLater();
    dispatch();
}

bool HttpClient::isBusy() const
{
    for (const HttpExchange& x : exchanges_) {
        if (!x.done)
            return true;
    }
    return false;
}

void HttpClient::forget(int id)
{
    const auto it = exchanges_.constFind(id);
    if (it != exchanges_.constEnd() && it->done)
        exchanges_.erase(it);
}

void HttpClient::closeIdle()
{
    const QList<Conn*> all = conns_;
    for (Conn* conn : all) {
        if (conn->st == Conn::St::Idle) {
            conn->st = Conn::St::Closed;
            conn->c->close();
        }
    }
}

void HttpClient::closeAll()
{
    queue_.clear();
    const QList<Conn*> all = conns_;
    for (Conn* conn : all) {
        if (conn->exchange)
            failExchange(conn->exchange, QStringLiteral("ECANCELED"),
                         tr("The request was cancelled."));
        if (conn->st == Conn::St::Closed && !conn->c)
            continue;
        conn->st = Conn::St::Closed;
        if (conn->c && conn->c->state() != NativeTcpConnection::State::Closed)
            conn->c->close();
        else if (!conn->c) {
            conns_.removeOne(conn);
            conn->deleteLater();
        }
    }
    QList<int> open;
    for (auto it = exchanges_.cbegin(); it != exchanges_.cend(); ++it) {
        if (!it->done)
            open.append(it.key());
    }
    for (int id : open)
        failExchange(id, QStringLiteral("ECANCELED"), tr("The request was cancelled."));
}

int HttpClient::openConnectionCount() const
{
    int n = 0;
    for (const Conn* c : conns_) {
        if (c->c && c->c->state() != NativeTcpConnection::State::Closed)
            ++n;
    }
    return n;
}

} // namespace netstage
