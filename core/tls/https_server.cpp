#include "core/tls/https_server.h"

#include "core/base/errors.h"
#include "core/base/timeline.h"
#include "core/http/http_parser.h"
#include "core/net/native_tcp_connection.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/tls/tls_ca.h"

#include <QFile>
#include <QJsonObject>
#include <QTcpServer>
#include <QTimer>

namespace netstage {

namespace {
const QString kHttp = QStringLiteral("http");

// The first bytes of a plain HTTP request: a method and a space (nginx answers these with
// "400 The plain HTTP request was sent to HTTPS port").
bool looksLikePlainHttp(const QByteArray& b)
{
    static const char* const methods[] = {"GET ",    "HEAD ",    "POST ",  "PUT ",
                                          "DELETE ", "OPTIONS ", "PATCH ", "CONNECT "};
    for (const char* m : methods) {
        if (b.startsWith(m))
            return true;
    }
    return false;
}
} // namespace

class HttpsServer::Conn : public QObject
{
public:
    explicit Conn(QObject* parent) : QObject(parent) {}
    QString id;
    NativeTcpConnection* c = nullptr;
    std::unique_ptr<TlsEngine> tls;
    HttpParser parser{HttpParser::Mode::Request};
    QString local, remote;
    QTimer* idle = nullptr;
    bool firstBytes = true;
    bool closing = false;
    bool closed = false;
    bool secureSeen = false;
    qint64 acceptedUs = 0;
};

class HttpsServer::Listener : public QTcpServer
{
public:
    explicit Listener(HttpsServer* s) : QTcpServer(s), s_(s) {}

protected:
    void incomingConnection(qintptr fd) override { s_->adopt(fd); }

private:
    HttpsServer* s_;
};

HttpsServer::HttpsServer(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                         QObject* parent)
    : QObject(parent), timeline_(timeline), observer_(observer), wire_(wire)
{
}

HttpsServer::~HttpsServer()
{
    for (Conn* conn : std::as_const(conns_)) {
        if (conn->c)
            conn->c->disconnect(this);
    }
}

Event HttpsServer::base(const Conn* conn, const QString& event, const QString& proto) const
{
    Event e;
    e.socket = conn ? conn->id : serverId();
    e.proto = proto;
    e.event = event;
    e.source = ev::App;
    e.local = conn ? conn->local : serverLocal_;
    if (conn)
        e.remote = conn->remote;
    return e;
}

void HttpsServer::append(Event e)
{
    timeline_->append(std::move(e));
}

bool HttpsServer::isListening() const
{
    return listener_ && listener_->isListening();
}

quint16 HttpsServer::port() const
{
    return isListening() ? listener_->serverPort() : 0;
}

bool HttpsServer::start(const HttpsServerOptions& options)
{
    if (isListening())
        stop();
    options_ = options;
    site_.useBuiltIn();
    serverLocal_ = options.host + QLatin1Char(':') + QString::number(options.port);
    auto fail = [this](const QString& code, const QString& detail) {
        Event e = base(nullptr, ev::Error, ev::Tcp);
        e.code = code;
        e.detail = detail;
        append(e);
        return false;
    };
    QString certFile = options.certFile, keyFile = options.keyFile;
    if (certFile.isEmpty()) {
        TlsCa ca;
        QString why;
        if (!ca.ensure(&why))
            return fail(QStringLiteral("EACCES"), why);
        certFile = ca.serverCertPath();
        keyFile = ca.serverKeyPath();
    }
    context_ = std::make_unique<TlsContext>();
    QString why;
    if (!context_->initServer(certFile, keyFile, options.version, &why))
        return fail(QStringLiteral("ERR_TLS_CERT"), why);
    keyLog_.reset();
    if (!options.keyLogFile.isEmpty()) {
        keyLog_ = std::make_unique<QFile>(options.keyLogFile);
        if (!keyLog_->open(QIODevice::WriteOnly | QIODevice::Append)) {
            const QString err = keyLog_->errorString();
            keyLog_.reset();
            return fail(QStringLiteral("EACCES"),
                        tr("cannot write the key log %1: %2").arg(options.keyLogFile, err));
        }
    }
    QHostAddress addr;
    if (options.host == QLatin1String("localhost"))
        addr = QHostAddress::LocalHost;
    else if (!addr.setAddress(options.host))
        return fail(QStringLiteral("EINVAL"),
                    tr("\"%1\" is not an IP address this server can bind to (try 127.0.0.1).")
                        .arg(options.host));
    if (!listener_)
        listener_ = new Listener(this);
    serverLocal_ = endpointString(addr, options.port);
    if (!listener_->listen(addr, options.port)) {
        const QString code = qtSocketErrorCode(listener_->serverError(), QStringLiteral("EINVAL"));
        return fail(code, code == QLatin1String("EINVAL") ? listener_->errorString() : QString());
    }
    serverLocal_ = endpointString(addr, listener_->serverPort());
    Event e = base(nullptr, ev::Listening, ev::Tcp);
    e.detail = tr("The HTTPS server listens on %1 and serves the demo site over TLS with the "
                  "certificate %2.")
                   .arg(serverLocal_, certFile);
    append(e);
    if (observer_)
        observer_->track(serverId(), serverLocal_, QStringLiteral("*"));
    if (wire_)
        wire_->watchPort(listener_->serverPort());
    emit listeningChanged(true);
    return true;
}

void HttpsServer::stop()
{
    if (isListening()) {
        listener_->close();
        Event e = base(nullptr, ev::Close, ev::Tcp);
        e.detail = tr("The HTTPS server stopped listening; open connections are closed with "
                      "close_notify.");
        append(e);
        emit listeningChanged(false);
    }
    for (Conn* conn : conns_.values())
        finish(conn, false);
}

void HttpsServer::adopt(qintptr fd)
{
    auto* conn = new Conn(this);
    conn->c = new NativeTcpConnection(conn);
    if (!conn->c->adopt(static_cast<int>(fd))) {
        delete conn;
        return;
    }
    conn->id = options_.idPrefix + QStringLiteral("-conn-") + QString::number(nextConn_++);
    conn->local = endpointString(conn->c->localAddress(), conn->c->localPort());
    conn->remote = endpointString(conn->c->peerAddress(), conn->c->peerPort());
    conn->acceptedUs = timeline_->now();
    conns_.insert(conn->id, conn);
    if (observer_)
        observer_->track(conn->id, conn->local, conn->remote);
    if (wire_)
        wire_->track(conn->id, conn->local, conn->remote);
    conn->tls = std::make_unique<TlsEngine>(context_.get(), [this](Event e) { append(e); });
    conn->tls->setEndpoints(conn->id, conn->local, conn->remote);
    if (keyLog_) {
        QFile* f = keyLog_.get();
        conn->tls->setKeyLogSink([f](const QByteArray& line) {
            f->write(line);
            f->flush();
        });
    }
    NativeTcpConnection* c = conn->c;
    connect(c, &NativeTcpConnection::dataReceived, this,
            [this, conn](const QByteArray& d) { onBytes(conn, d); });
    connect(c, &NativeTcpConnection::peerFinished, this, [this, conn] {
        append(base(conn, ev::End, ev::Tcp));
        if (!conn->tls->isSecure() && !conn->tls->hasFailed()) {
            Event e = base(conn, QStringLiteral("tlsError"), QStringLiteral("tls"));
            e.code = QStringLiteral("ECONNRESET");
            e.detail = tr("The client closed the connection in the middle of the handshake.");
            append(e);
        }
        finish(conn, false);
    });
    connect(c, &NativeTcpConnection::errorOccurred, this, [this, conn](int err) {
        Event e = base(conn, ev::Error, ev::Tcp);
        e.code = errnoName(err);
        append(e);
    });
    connect(c, &NativeTcpConnection::closed, this, [this, conn](bool) { onClosed(conn); });
    append(base(conn, ev::Connection, ev::Tcp));

    conn->idle = new QTimer(conn);
    conn->idle->setSingleShot(true);
    connect(conn->idle, &QTimer::timeout, this, [this, conn] {
        Event e = base(conn, ev::Info, QStringLiteral("tls"));
        e.detail = conn->tls->isSecure()
                       ? tr("Idle for %n ms: the server closes the connection with close_notify.",
                            nullptr, options_.idleTimeoutMs)
                       : tr("No complete handshake within %n ms: the client stopped in the "
                            "middle; the server closes the connection.",
                            nullptr, options_.idleTimeoutMs);
        append(e);
        finish(conn, false);
    });
    conn->idle->start(options_.idleTimeoutMs);
    if (conns_.size() > options_.maxConnections) {
        Event e = base(conn, QStringLiteral("drop"), kHttp);
        e.detail = tr("%n connection(s) are already open, the server's limit: this one is "
                      "closed before its handshake.",
                      nullptr, options_.maxConnections);
        append(e);
        finish(conn, true);
    }
}

void HttpsServer::onBytes(Conn* conn, const QByteArray& data)
{
    if (conn->closing || conn->closed)
        return;
    conn->idle->start(options_.idleTimeoutMs);
    if (conn->firstBytes) {
        conn->firstBytes = false;
        if (looksLikePlainHttp(data)) {
            Event e = base(conn, QStringLiteral("tlsError"), QStringLiteral("tls"));
            e.code = QStringLiteral("HTTP_REQUEST");
            e.payload = data.left(Timeline::kPreviewBytes);
            e.bytes = data.size();
            e.detail = tr("A plain HTTP request arrived at the TLS port (the bytes are readable "
                          "text, not a TLS record). The server answers 400 in clear, as nginx "
                          "does, and closes.");
            append(e);
            const QByteArray body = "The plain HTTP request was sent to HTTPS port\n";
            HttpHeaders h{{"Content-Type", "text/plain; charset=utf-8"},
                          {"Content-Length", QByteArray::number(body.size())},
                          {"Connection", "close"}};
            conn->c->write(httpSerializeResponse(400, "Bad Request", h, body, false));
            finish(conn, false);
            return;
        }
    }
    const bool wasSecure = conn->tls->isSecure();
    conn->tls->receive(data);
    if (!wasSecure && conn->tls->isSecure()) {
        ++handshakes_;
        conn->secureSeen = true;
    }
    sendOut(conn);
    if (conn->tls->hasFailed()) {
        finish(conn, false);
        return;
    }
    serveRequests(conn);
    if (conn->tls->peerClosed() && !conn->closing)
        finish(conn, false);
}

void HttpsServer::sendOut(Conn* conn)
{
    const QByteArray out = conn->tls->takeOutgoing();
    if (!out.isEmpty() && conn->c->state() == NativeTcpConnection::State::Open)
        conn->c->write(out);
}

void HttpsServer::serveRequests(Conn* conn)
{
    const QByteArray plain = conn->tls->takePlaintext();
    if (plain.isEmpty())
        return;
    conn->parser.append(plain);
    for (;;) {
        HttpMessage msg;
        const HttpParser::Result r = conn->parser.next(&msg);
        if (r == HttpParser::Result::NeedMore)
            return;
        if (r == HttpParser::Result::Error) {
            const HttpParseError err = conn->parser.error();
            Event e = base(conn, QStringLiteral("clientError"), kHttp);
            e.code = HttpParser::errorCode(err);
            e.detail = HttpParser::sentence(err, conn->parser.limits());
            append(e);
            const int status = HttpParser::statusFor(err);
            const QByteArray body = httpReasonPhrase(status) + '\n';
            HttpHeaders h{{"Content-Length", QByteArray::number(body.size())},
                          {"Connection", "close"}};
            conn->tls->write(
                httpSerializeResponse(status, httpReasonPhrase(status), h, body, false));
            sendOut(conn);
            finish(conn, false);
            return;
        }
        ++requests_;
        const qint64 startUs = timeline_->now();
        const QByteArray host = msg.header("Host");
        {
            Event e = base(conn, QStringLiteral("request"), kHttp);
            e.dir = ev::In;
            e.bytes = msg.totalBytes;
            QJsonObject x;
            x.insert(QStringLiteral("method"), QString::fromLatin1(msg.method));
            x.insert(QStringLiteral("target"), QString::fromLatin1(msg.target));
            x.insert(QStringLiteral("version"), QString::fromLatin1(msg.version()));
            x.insert(QStringLiteral("headers"), httpHeadersToJson(msg.headers));
            x.insert(QStringLiteral("body_bytes"), msg.body.size());
            if (!host.isEmpty())
                x.insert(QStringLiteral("host"), QString::fromLatin1(host));
            x.insert(QStringLiteral("tls"), true);
            e.extra = x;
            append(e);
        }
        HttpSiteRequest req;
        req.method = msg.method;
        req.target = msg.target;
        req.host = host;
        req.versionMinor = msg.versionMinor;
        req.serverPort = port();
        req.contentType = msg.header("Content-Type");
        req.body = msg.body;
        HttpSiteResponse r2 = site_.respond(req);
        for (HttpHeader& h : r2.headers) {
            // The site writes http:// redirects; over TLS they stay on TLS.
            if (h.name.compare("Location", Qt::CaseInsensitive) == 0 &&
                h.value.startsWith("http://"))
                h.value = "https://" + h.value.mid(7);
        }
        const bool close = !msg.keepAlive();
        HttpHeaders headers = r2.headers;
        headers.append(HttpHeader{"Date", httpDateNow()});
        headers.append(HttpHeader{"Server", QByteArrayLiteral("NetStage/") + NETSTAGE_VERSION});
        headers.append(
            HttpHeader{"Strict-Transport-Security", "max-age=300"}); // short: a lab, not a bank
        headers.append(HttpHeader{"Content-Length", QByteArray::number(r2.body.size())});
        headers.append(HttpHeader{"Connection", close ? "close" : "keep-alive"});
        const bool head = msg.method == "HEAD";
        const QByteArray reason = httpReasonPhrase(r2.status);
        const QByteArray bytes = httpSerializeResponse(r2.status, reason, headers, r2.body, head);
        conn->tls->write(bytes);
        sendOut(conn);
        Event e = base(conn, QStringLiteral("response"), kHttp);
        e.dir = ev::Out;
        e.bytes = bytes.size();
        e.detail = r2.note;
        QJsonObject x;
        x.insert(QStringLiteral("status"), r2.status);
        x.insert(QStringLiteral("reason"), QString::fromLatin1(reason));
        x.insert(QStringLiteral("headers"), httpHeadersToJson(headers));
        x.insert(QStringLiteral("body_bytes"), head ? 0 : r2.body.size());
        x.insert(QStringLiteral("duration_us"), timeline_->now() - startUs);
        x.insert(QStringLiteral("method"), QString::fromLatin1(msg.method));
        x.insert(QStringLiteral("target"), QString::fromLatin1(msg.target));
        if (!host.isEmpty())
            x.insert(QStringLiteral("host"), QString::fromLatin1(host));
        x.insert(QStringLiteral("tls"), true);
        e.extra = x;
        append(e);
        if (close) {
            finish(conn, false);
            return;
        }
    }
}

void HttpsServer::finish(Conn* conn, bool abort)
{
    if (conn->closing || conn->closed)
        return;
    conn->closing = true;
    if (conn->idle)
        conn->idle->stop();
    if (abort) {
        conn->c->abort();
        return;
    }
    if (conn->tls->isSecure() && !conn->tls->hasFailed()) {
        conn->tls->shutdown();
        sendOut(conn);
    }
    conn->c->close();
}

void HttpsServer::onClosed(Conn* conn)
{
    if (conn->closed)
        return;
    conn->closed = true;
    append(base(conn, ev::Close, ev::Tcp));
    if (observer_)
        observer_->appClosed(conn->id);
    conns_.remove(conn->id);
    conn->deleteLater();
}

} // namespace netstage
