#include "core/tls/https_client.h"

#include "core/base/errors.h"
#include "core/base/timeline.h"
#include "core/http/http_parser.h"
#include "core/net/native_tcp_connection.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/tls/tls_ca.h"

#include <QFile>
#include <QHostInfo>
#include <QJsonObject>
#include <QTimer>

#include <openssl/ssl.h>

namespace netstage {

namespace {
const QString kHttp = QStringLiteral("http");
const QString kTls = QStringLiteral("tls");
} // namespace

struct HttpsClient::Job : public QObject
{
    int id = 0;
    QString socket;
    QUrl url;
    QString host;
    quint16 port = 443;
    QByteArray method;
    NativeTcpConnection* c = nullptr;
    std::unique_ptr<TlsEngine> tls;
    HttpParser parser{HttpParser::Mode::Response};
    QString local, remote;
    QTimer* timer = nullptr;
    bool requestSent = false;
    bool finished = false;
    bool closed = false;
    qint64 startUs = 0, resolvedUs = 0, connectedUs = 0, secureUs = 0, sentUs = 0, firstByteUs = 0;
};

HttpsClient::HttpsClient(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                         QObject* parent)
    : QObject(parent), timeline_(timeline), observer_(observer), wire_(wire)
{
}

HttpsClient::~HttpsClient()
{
    for (Job* j : std::as_const(jobs_)) {
        if (j->c)
            j->c->disconnect(this);
    }
    for (void* s : std::as_const(sessions_))
        SSL_SESSION_free(static_cast<SSL_SESSION*>(s));
}

bool HttpsClient::setup(const QString& caFile, TlsVersion version, QString* error)
{
    QString ca = caFile;
    if (ca.isEmpty()) {
        TlsCa local;
        if (!local.ensure(error))
            return false;
        ca = local.caCertPath();
    }
    context_ = std::make_unique<TlsContext>();
    return context_->initClient(ca, version, error);
}

bool HttpsClient::setKeyLogFile(const QString& path, QString* error)
{
    keyLog_ = std::make_unique<QFile>(path);
    if (!keyLog_->open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = tr("cannot write the key log %1: %2").arg(path, keyLog_->errorString());
        keyLog_.reset();
        return false;
    }
    return true;
}

void HttpsClient::setResolveOverride(const QString& host, const QHostAddress& address)
{
    resolve_.insert(host.toLower(), address);
}

Event HttpsClient::base(const Job* job, const QString& event, const QString& proto) const
{
    Event e;
    e.socket = job->socket;
    e.proto = proto;
    e.event = event;
    e.source = ev::App;
    e.local = job->local;
    e.remote = job->remote;
    return e;
}

int HttpsClient::fetch(const QUrl& url, const QByteArray& method)
{
    auto* job = new Job;
    job->setParent(this);
    job->id = nextId_++;
    job->socket = prefix_ + QStringLiteral("-client-") + QString::number(job->id);
    job->url = url;
    job->host = url.host().toLower();
    job->port = static_cast<quint16>(url.port(443));
    job->method = method;
    job->startUs = timeline_->now();
    jobs_.insert(job->id, job);
    HttpsResult r;
    r.url = url;
    r.socket = job->socket;
    results_.insert(job->id, r);

    job->timer = new QTimer(job);
    job->timer->setSingleShot(true);
    connect(job->timer, &QTimer::timeout, this, [this, job] {
        complete(job, false, QStringLiteral("ETIMEDOUT"),
                 tr("no answer within %n ms", nullptr, timeoutMs_));
    });
    job->timer->start(timeoutMs_);

    if (!context_) {
        QString why;
        if (!setup(QString(), TlsVersion::Any, &why)) {
            QTimer::singleShot(
                0, this, [this, job, why] { complete(job, false, QStringLiteral("EACCES"), why); });
            return job->id;
        }
    }
    if (url.scheme() != QLatin1String("https") || job->host.isEmpty()) {
        QTimer::singleShot(0, this, [this, job] {
            complete(job, false, QStringLiteral("ERR_INVALID_URL"),
                     tr("not an https:// URL with a host name"));
        });
        return job->id;
    }
    QHostAddress addr;
    if (resolve_.contains(job->host)) {
        addr = resolve_.value(job->host);
    } else if (job->host == QLatin1String("localhost")) {
        addr = QHostAddress::LocalHost;
    } else if (!addr.setAddress(job->host)) {
        QPointer<Job> guard(job);
        QHostInfo::lookupHost(job->host, this, [this, guard](const QHostInfo& info) {
            if (!guard || guard->finished)
                return;
            QHostAddress a;
            for (const QHostAddress& h : info.addresses()) {
                if (h.protocol() == QAbstractSocket::IPv4Protocol) {
                    a = h;
                    break;
                }
            }
            if (a.isNull() && !info.addresses().isEmpty())
                a = info.addresses().first();
            if (a.isNull()) {
                complete(guard, false, QStringLiteral("ENOTFOUND"),
                         tr("the name %1 is not found").arg(guard->host));
                return;
            }
            guard->resolvedUs = timeline_->now();
            connectTo(guard, a);
        });
        return job->id;
    }
    job->resolvedUs = job->startUs;
    QTimer::singleShot(0, this, [this, job, addr] { connectTo(job, addr); });
    return job->id;
}

void HttpsClient::connectTo(Job* job, const QHostAddress& address)
{
    if (job->finished)
        return;
    job->remote = endpointString(address, job->port);
    job->c = new NativeTcpConnection(job);
    NativeTcpConnection* c = job->c;
    job->tls = std::make_unique<TlsEngine>(context_.get(),
                                           [this](Event e) { timeline_->append(std::move(e)); });
    if (keyLog_) {
        QFile* f = keyLog_.get();
        job->tls->setKeyLogSink([f](const QByteArray& line) {
            f->write(line);
            f->flush();
        });
    }
    job->tls->setServerName(job->host);
    if (resumption_ && sessions_.contains(job->host))
        job->tls->setSession(static_cast<SSL_SESSION*>(sessions_.value(job->host)));
    connect(c, &NativeTcpConnection::connected, this, [this, job] {
        job->connectedUs = timeline_->now();
        job->local = endpointString(job->c->localAddress(), job->c->localPort());
        job->tls->setEndpoints(job->socket, job->local, job->remote);
        Event e = base(job, ev::Connect, ev::Tcp);
        e.t_us = job->connectedUs;
        timeline_->append(e);
        if (observer_)
            observer_->poke();
        job->tls->start();
        sendOut(job);
    });
    connect(c, &NativeTcpConnection::dataReceived, this,
            [this, job](const QByteArray& d) { onBytes(job, d); });
    connect(c, &NativeTcpConnection::peerFinished, this, [this, job] {
        timeline_->append(base(job, ev::End, ev::Tcp));
        if (!job->finished) {
            if (!job->tls->isSecure())
                complete(job, false, QStringLiteral("ECONNRESET"),
                         job->tls->hasFailed()
                             ? job->tls->failure()
                             : tr("the server closed the connection during the TLS handshake"));
            else {
                HttpMessage m;
                if (job->parser.finish(&m) == HttpParser::Result::Message) {
                    HttpsResult& r = results_[job->id];
                    r.status = m.status;
                    r.reason = m.reason;
                    r.headers = m.headers;
                    r.body = m.body;
                    complete(job, true, {}, {});
                } else {
                    complete(job, false, QStringLiteral("ECONNRESET"),
                             tr("the server closed the connection before a whole answer"));
                }
            }
        }
        if (job->c->state() == NativeTcpConnection::State::Open)
            job->c->close();
    });
    connect(c, &NativeTcpConnection::errorOccurred, this, [this, job](int err) {
        Event e = base(job, ev::Error, ev::Tcp);
        e.code = errnoName(err);
        timeline_->append(e);
        complete(job, false, e.code, errnoName(err));
    });
    connect(c, &NativeTcpConnection::closed, this, [this, job](bool) { onClosed(job); });
    if (wire_)
        wire_->watchPort(job->port);
    if (!c->connectTo(address, job->port, timeoutMs_)) {
        const QString code = errnoName(c->lastError());
        Event e = base(job, ev::Error, ev::Tcp);
        e.code = code;
        timeline_->append(e);
        complete(job, false, code, code);
        onClosed(job);
        return;
    }
    job->local = endpointString(c->localAddress(), c->localPort());
    job->tls->setEndpoints(job->socket, job->local, job->remote);
    if (observer_)
        observer_->track(job->socket, job->local, job->remote);
    if (wire_)
        wire_->track(job->socket, job->local, job->remote);
}

void HttpsClient::sendOut(Job* job)
{
    const QByteArray out = job->tls->takeOutgoing();
    if (!out.isEmpty() && job->c && job->c->state() == NativeTcpConnection::State::Open)
        job->c->write(out);
}

void HttpsClient::onBytes(Job* job, const QByteArray& data)
{
    if (job->finished && job->tls->peerClosed())
        return;
    const bool wasSecure = job->tls->isSecure();
    job->tls->receive(data);
    sendOut(job);
    if (job->tls->hasFailed()) {
        complete(job, false, QStringLiteral("ERR_TLS_HANDSHAKE"), job->tls->failure());
        return;
    }
    if (!wasSecure && job->tls->isSecure()) {
        job->secureUs = timeline_->now();
        QByteArray target = job->url.path(QUrl::FullyEncoded).toLatin1();
        if (target.isEmpty())
            target = "/";
        if (job->url.hasQuery())
            target += '?' + job->url.query(QUrl::FullyEncoded).toLatin1();
        QByteArray hostHeader = job->host.toLatin1();
        if (job->port != 443)
            hostHeader += ':' + QByteArray::number(job->port);
        const QByteArray req = job->method + ' ' + target + " HTTP/1.1\r\nHost: " + hostHeader +
                               "\r\nUser-Agent: NetStage/" NETSTAGE_VERSION
                               "\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        if (job->method == "HEAD")
            job->parser.setNextHasNoBody(true);
        job->tls->write(req);
        sendOut(job);
        job->sentUs = timeline_->now();
        job->requestSent = true;
        Event e = base(job, QStringLiteral("request"), kHttp);
        e.dir = ev::Out;
        e.bytes = req.size();
        QJsonObject x;
        x.insert(QStringLiteral("method"), QString::fromLatin1(job->method));
        x.insert(QStringLiteral("target"), QString::fromLatin1(target));
        x.insert(QStringLiteral("host"), QString::fromLatin1(hostHeader));
        x.insert(QStringLiteral("tls"), true);
        e.extra = x;
        timeline_->append(e);
    }
    const QByteArray plain = job->tls->takePlaintext();
    if (!plain.isEmpty() && !job->finished) {
        if (!job->firstByteUs)
            job->firstByteUs = timeline_->now();
        job->parser.append(plain);
        HttpMessage m;
        const HttpParser::Result r = job->parser.next(&m);
        if (r == HttpParser::Result::Message) {
            HttpsResult& res = results_[job->id];
            res.status = m.status;
            res.reason = m.reason;
            res.headers = m.headers;
            res.body = m.body;
            Event e = base(job, QStringLiteral("response"), kHttp);
            e.dir = ev::In;
            e.bytes = m.totalBytes;
            QJsonObject x;
            x.insert(QStringLiteral("status"), m.status);
            x.insert(QStringLiteral("reason"), QString::fromLatin1(m.reason));
            x.insert(QStringLiteral("headers"), httpHeadersToJson(m.headers));
            x.insert(QStringLiteral("body_bytes"), m.body.size());
            x.insert(QStringLiteral("tls"), true);
            e.extra = x;
            timeline_->append(e);
            complete(job, true, {}, {});
        } else if (r == HttpParser::Result::Error) {
            complete(job, false, HttpParser::errorCode(job->parser.error()),
                     HttpParser::sentence(job->parser.error(), job->parser.limits()));
        }
    }
    if (job->tls->peerClosed() && job->c->state() == NativeTcpConnection::State::Open) {
        if (!job->finished)
            complete(job, false, QStringLiteral("ECONNRESET"),
                     tr("the server sent close_notify before a whole answer"));
        job->c->close();
    }
}

void HttpsClient::complete(Job* job, bool ok, const QString& code, const QString& why)
{
    if (job->finished)
        return;
    job->finished = true;
    job->timer->stop();
    const qint64 now = timeline_->now();
    HttpsResult& r = results_[job->id];
    r.done = true;
    r.ok = ok;
    r.code = code;
    r.error = why;
    HttpsTiming& t = r.timing;
    if (job->resolvedUs)
        t.dnsUs = job->resolvedUs - job->startUs;
    if (job->connectedUs)
        t.connectUs = job->connectedUs - job->resolvedUs;
    if (job->secureUs)
        t.tlsUs = job->secureUs - job->connectedUs;
    if (job->firstByteUs) {
        t.waitUs = job->firstByteUs - job->sentUs;
        t.downloadUs = now - job->firstByteUs;
    }
    t.totalUs = now - job->startUs;
    if (job->tls) {
        r.version = job->tls->isSecure() ? job->tls->version() : QString();
        r.cipher = job->tls->isSecure() ? job->tls->cipher() : QString();
        r.alpn = job->tls->alpn();
        r.resumed = job->tls->isSecure() && job->tls->resumed();
        r.handshakeMessages = job->tls->handshakeMessages();
        r.wireBytesOut = job->tls->wireBytesOut();
        r.wireBytesIn = job->tls->wireBytesIn();
        if (ok && resumption_) {
            SSL_SESSION* s = job->tls->session();
            if (s && SSL_SESSION_is_resumable(s)) {
                if (void* old = sessions_.take(job->host))
                    SSL_SESSION_free(static_cast<SSL_SESSION*>(old));
                sessions_.insert(job->host, s);
            } else if (s) {
                SSL_SESSION_free(s);
            }
        }
    }
    if (!ok && !code.isEmpty() && !job->tls) {
        Event e = base(job, ev::Error, kTls);
        e.code = code;
        e.detail = why;
        timeline_->append(e);
    }
    if (job->c && job->c->state() == NativeTcpConnection::State::Open) {
        if (job->tls && job->tls->isSecure() && !job->tls->hasFailed()) {
            job->tls->shutdown();
            sendOut(job);
        }
        job->c->close();
    } else if (!job->c || job->c->state() != NativeTcpConnection::State::Connecting) {
        if (!job->c)
            onClosed(job);
    }
    emit finished(job->id);
}

void HttpsClient::onClosed(Job* job)
{
    if (job->closed)
        return;
    job->closed = true;
    if (job->c) {
        timeline_->append(base(job, ev::Close, ev::Tcp));
        if (observer_)
            observer_->appClosed(job->socket);
    }
    if (!job->finished)
        complete(job, false, QStringLiteral("ECONNRESET"), tr("the connection closed"));
    jobs_.remove(job->id);
    job->deleteLater();
}

void HttpsClient::closeAll()
{
    for (Job* j : jobs_.values()) {
        if (!j->finished)
            complete(j, false, QStringLiteral("ECANCELED"), tr("cancelled"));
        if (j->c && j->c->state() != NativeTcpConnection::State::Closed)
            j->c->abort();
    }
}

} // namespace netstage
