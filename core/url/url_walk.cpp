// Over 800 lines on purpose: the walk is one state machine (DNS -> TCP -> HTTP ->
// sub-resources -> render) whose phases share the visit's state; the sections are marked with
// rules. The page scanning at the end (findResources, findFetches) is what moves out first.

#include "core/url/url_walk.h"

#include "core/base/timeline.h"
#include "core/dns/dns_hierarchy.h"
#include "core/http/http_client.h"
#include "core/http/http_server.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"

#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>

namespace netstage {

namespace {
const QString kWalk = QStringLiteral("url-walk");
const QString kProto = QStringLiteral("url");
const QString kStep = QStringLiteral("step");
constexpr quint32 kSystemTtl = 60; // the system resolver tells no TTL; browsers keep ~60 s
constexpr int kMaxRedirects = 5;
constexpr qint64 kMaxHostsFile = 64 * 1024;

bool isDemoHost(const QString& host)
{
    return host.compare(QLatin1String("example.test"), Qt::CaseInsensitive) == 0 ||
           host.compare(QLatin1String("www.example.test"), Qt::CaseInsensitive) == 0;
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString ms(qint64 us)
{
    return QString::number(us / 1000.0, 'f', 3);
}

QString urlKey(QUrl url)
{
    url.setFragment(QString());
    return url.toString(QUrl::FullyEncoded);
}

// &amp; &lt; &gt; &quot; &apos; &#NN; &#xNN; in an attribute value (the ones URLs carry).
QString decodeEntities(const QString& in)
{
    if (!in.contains(QLatin1Char('&')))
        return in;
    QString out;
    for (int i = 0; i < in.size(); ++i) {
        if (in[i] != QLatin1Char('&')) {
            out += in[i];
            continue;
        }
        const int semi = in.indexOf(QLatin1Char(';'), i);
        if (semi < 0 || semi - i > 10) {
            out += in[i];
            continue;
        }
        const QString name = in.mid(i + 1, semi - i - 1);
        QString rep;
        if (name == QLatin1String("amp"))
            rep = QStringLiteral("&");
        else if (name == QLatin1String("lt"))
            rep = QStringLiteral("<");
        else if (name == QLatin1String("gt"))
            rep = QStringLiteral(">");
        else if (name == QLatin1String("quot"))
            rep = QStringLiteral("\"");
        else if (name == QLatin1String("apos"))
            rep = QStringLiteral("'");
        else if (name.startsWith(QLatin1Char('#'))) {
            bool ok = false;
            const uint code = name.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
                                  ? name.mid(2).toUInt(&ok, 16)
                                  : name.mid(1).toUInt(&ok, 10);
            if (ok && code > 0 && code < 0x110000) {
                const char32_t c = code;
                rep = QString::fromUcs4(&c, 1);
            }
        }
        if (rep.isEmpty()) {
            out += in[i];
            continue;
        }
        out += rep;
        i = semi;
    }
    return out;
}
} // namespace

UrlWalk::UrlWalk(Timeline* timeline, KernelObserver* observer, WireCapture* wire, QObject* parent)
    : QObject(parent), timeline_(timeline), observer_(observer), wire_(wire)
{
    pauseTimer_ = new QTimer(this);
    pauseTimer_->setSingleShot(true);
    connect(pauseTimer_, &QTimer::timeout, this, [this] {
        if (pending_)
            next();
    });
}

UrlWalk::~UrlWalk()
{
    ++gen_;
    if (client_)
        client_->disconnect(this);
}

quint16 UrlWalk::demoPort() const
{
    return site_ && site_->isListening() ? site_->port() : 0;
}

QByteArray UrlWalk::body(const QUrl& url) const
{
    return bodies_.value(urlKey(url));
}

QString UrlWalk::contentType(const QUrl& url) const
{
    return types_.value(urlKey(url));
}

// ---------------------------------------------------------------------------------------------
// Events and phases

Event UrlWalk::stepEvent(const QString& phase, const QString& stage, const QString& sentence) const
{
    Event e;
    e.socket = kWalk;
    e.proto = kProto;
    e.event = kStep;
    e.source = ev::App;
    e.detail = sentence;
    QJsonObject o;
    o.insert(QStringLiteral("phase"), phase);
    o.insert(QStringLiteral("stage"), stage);
    o.insert(QStringLiteral("visit"), visit_);
    e.extra = o;
    return e;
}

void UrlWalk::beginPhase(const QString& phase, const QString& sentence, const QJsonObject& extra)
{
    currentPhase_ = phase;
    const qint64 now = timeline_->now();
    // Phases tile the visit: one begins where the last ended (or where the teacher's pause
    // ended), so the event loop's turns between them belong to the phase they lead to and the
    // durations add up to the total.
    phaseStartUs_ = lastEndUs_ >= 0 ? qMin(lastEndUs_, now) : now;
    Event e = stepEvent(phase, QStringLiteral("begin"), sentence);
    e.t_us = now;
    for (auto it = extra.begin(); it != extra.end(); ++it)
        e.extra.insert(it.key(), it.value());
    e.extra.insert(QStringLiteral("start_us"), phaseStartUs_);
    timeline_->append(e);
    emit phaseStarted(phase, visit_);
}

void UrlWalk::endPhase(const QString& phase, const QString& sentence, QJsonObject extra, qint64 at)
{
    const qint64 now = at >= 0 ? at : timeline_->now();
    Event e = stepEvent(phase, QStringLiteral("end"), sentence);
    e.t_us = now;
    extra.insert(QStringLiteral("start_us"), phaseStartUs_);
    extra.insert(QStringLiteral("duration_us"), now - phaseStartUs_);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        e.extra.insert(it.key(), it.value());
    timeline_->append(e);
    currentPhase_.clear();
    lastEndUs_ = now;
    emit phaseFinished(phase, visit_);
}

void UrlWalk::gate(const QString& phase, std::function<void(qint64)> fn)
{
    if (!running_)
        return;
    if (!options_.stepMode && options_.stepDelayMs <= 0) {
        fn(0);
        return;
    }
    pauseStartUs_ = timeline_->now();
    pendingPhase_ = phase;
    const quint64 gen = gen_;
    pending_ = [this, fn, gen] {
        if (gen != gen_)
            return;
        const qint64 now = timeline_->now();
        if (lastEndUs_ >= 0)
            lastEndUs_ = now; // the pause is in no phase
        fn(now - pauseStartUs_);
    };
    if (options_.stepMode) {
        waiting_ = true;
        emit waitingForNext(phase);
    } else {
        pauseTimer_->start(options_.stepDelayMs);
    }
}

void UrlWalk::next()
{
    if (!pending_)
        return;
    waiting_ = false;
    pauseTimer_->stop();
    auto fn = std::move(pending_);
    pending_ = nullptr;
    pendingPhase_.clear();
    fn();
}

// ---------------------------------------------------------------------------------------------
// Start, visits, stop

void UrlWalk::start(const UrlWalkOptions& options)
{
    if (running_)
        stop();
    ++gen_;
    options_ = options;
    options_.visits = qBound(1, options_.visits, 100);
    options_.maxConnectionsPerHost = qBound(1, options_.maxConnectionsPerHost, 64);
    running_ = true;
    waiting_ = false;
    pending_ = nullptr;
    visit_ = 0;
    stage_ = Stage::Idle;
    bodies_.clear();
    types_.clear();
    resources_.clear();
    loadHostsFile();

    QUrl url = options_.url;
    const quint64 gen = gen_;
    auto failSoon = [this, gen](const QString& sentence) {
        QTimer::singleShot(0, this, [this, gen, sentence] {
            if (gen == gen_)
                fail(sentence);
        });
    };
    if (!url.isEmpty() && (!url.isValid() || url.host().isEmpty())) {
        failSoon(tr("\"%1\" is not a URL with a host name.").arg(url.toString()));
        return;
    }
    if (!url.isEmpty() && url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0) {
        failSoon(url.scheme() == QLatin1String("https")
                     ? tr("HTTPS is not part of this walk (no TLS here): use an http:// URL.")
                     : tr("Only http:// URLs can be walked (not \"%1\").").arg(url.scheme()));
        return;
    }
    // The built-in site: no URL, or example.test / www.example.test without a port.
    const bool demo = url.isEmpty() || (isDemoHost(url.host()) && url.port() == -1);
    if (demo) {
        if (!site_ || !site_->isListening()) {
            site_ = std::make_unique<HttpServer>(timeline_, observer_, wire_);
            HttpServerOptions so;
            so.host = QStringLiteral("127.0.0.1");
            so.port = 0;
            so.idPrefix = QStringLiteral("web");
            // A teacher may pause between the handshake and the request for long.
            so.requestTimeoutMs = 600000;
            so.keepAliveTimeoutMs = 60000;
            if (!site_->start(so)) {
                site_.reset();
                failSoon(tr("The demo web site could not start on 127.0.0.1."));
                return;
            }
        }
        if (url.isEmpty())
            url = QUrl(QStringLiteral("http://example.test/"));
        url.setPort(site_->port());
    }
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    startUrl_ = url;
    pageUrl_ = url;

    client_ = std::make_unique<HttpClient>(timeline_, observer_, wire_);
    client_->setIdPrefix(QStringLiteral("url-client"));
    client_->setMaxConnectionsPerHost(options_.maxConnectionsPerHost);
    client_->setTimeoutMs(options_.timeoutMs);
    client_->setResolver([this, gen](const QString& host, HttpClient::ResolveDone done) {
        if (gen != gen_)
            return;
        resolveFor(host, [done](const QHostAddress& a, const QString& err) { done(a, err); });
    });
    client_->setSendGate([this, gen](int id, std::function<void(qint64)> go) {
        if (gen == gen_)
            onSendGate(id, std::move(go));
    });
    connect(client_.get(), &HttpClient::finished, this, &UrlWalk::onFinished);
    connect(client_.get(), &HttpClient::requestSent, this, &UrlWalk::onRequestSent);

    if (DnsHierarchy::holds(url.host())) {
        QString why;
        if (!ensureDns(&why)) {
            failSoon(why);
            return;
        }
    }
    QTimer::singleShot(0, this, [this, gen] {
        if (gen == gen_)
            beginVisit();
    });
}

bool UrlWalk::ensureDns(QString* error)
{
    if (!dns_)
        dns_ = std::make_unique<DnsHierarchy>(timeline_);
    return dns_->isRunning() || dns_->start(error);
}

void UrlWalk::beginVisit()
{
    ++visit_;
    lastEndUs_ = -1;
    stage_ = Stage::Page;
    redirects_ = 0;
    requests_ = 0;
    bytes_ = 0;
    connections_.clear();
    outstanding_.clear();
    pageExchange_ = 0;
    connectOpen_ = false;
    gate(QStringLiteral("url"), [this](qint64) {
        const QUrl& u = startUrl_;
        QJsonObject o;
        o.insert(QStringLiteral("url"), u.toString());
        o.insert(QStringLiteral("host"), u.host());
        beginPhase(QStringLiteral("url"),
                   tr("Visit %1: the browser reads the URL %2.").arg(visit_).arg(u.toString()), o);
        visitStartUs_ = phaseStartUs_;
        QJsonObject parts;
        parts.insert(QStringLiteral("scheme"), u.scheme());
        parts.insert(QStringLiteral("host"), u.host());
        parts.insert(QStringLiteral("port"), u.port(80));
        parts.insert(QStringLiteral("path"), u.path(QUrl::FullyEncoded));
        QJsonObject end = o;
        end.insert(QStringLiteral("parts"), parts);
        endPhase(QStringLiteral("url"),
                 tr("Scheme %1: speak HTTP over TCP. Host %2: the name to look up. Port %3: "
                    "where the web server listens. Path %4: which document to ask for.")
                     .arg(u.scheme(), u.host())
                     .arg(u.port(80))
                     .arg(u.path(QUrl::FullyEncoded)),
                 end);
        fetchPage(startUrl_);
    });
}

void UrlWalk::fetchPage(const QUrl& url)
{
    stage_ = Stage::Page;
    pageUrl_ = url;
    connectOpen_ = false;
    HttpClientRequest req;
    req.url = url;
    req.follow = false; // the walk follows redirects itself, as its own phase
    const QString host = url.host();
    QHostAddress literal;
    const bool isLiteral = literal.setAddress(host);
    const bool isLocalhost = host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
    if (!isLiteral && !isLocalhost) {
        // The resolver hook runs the cache and dns phases when the client needs the address.
        pageExchange_ = client_->fetch(req);
        return;
    }
    // HttpClient needs no lookup for these; the walk still shows the cache step.
    gate(QStringLiteral("cache"), [this, req, host, isLiteral](qint64) {
        QJsonObject o;
        o.insert(QStringLiteral("host"), host);
        beginPhase(QStringLiteral("cache"),
                   tr("Where is %1? The browser looks in its DNS cache first.").arg(host), o);
        o.insert(QStringLiteral("hit"), true);
        o.insert(QStringLiteral("where"),
                 isLiteral ? QStringLiteral("address") : QStringLiteral("localhost"));
        endPhase(QStringLiteral("cache"),
                 isLiteral ? tr("%1 is already an address: nothing to look up.").arg(host)
                           : tr("localhost is always this machine (127.0.0.1): nothing to look "
                                "up."),
                 o);
        gate(QStringLiteral("connect"), [this, req, host](qint64) {
            QJsonObject c;
            c.insert(QStringLiteral("host"), host);
            c.insert(QStringLiteral("url"), req.url.toString());
            beginPhase(QStringLiteral("connect"),
                       tr("The browser opens a TCP connection to %1 port %2: SYN, SYN+ACK, ACK.")
                           .arg(host)
                           .arg(req.url.port(80)),
                       c);
            connectOpen_ = true;
            pageExchange_ = client_->fetch(req);
        });
    });
}

void UrlWalk::resolveFor(const QString& host, Resolved done)
{
    if (stage_ == Stage::Page && currentPhase_.isEmpty() && !connectOpen_) {
        resolvePage(host, std::move(done));
        return;
    }
    // A sub-resource on a new connection: the same cache and lookups, without phases of
    // their own (they are part of the subresource or async phase).
    QString where;
    qint64 ttl = 0;
    const QHostAddress a = lookupCache(host, &where, &ttl);
    if (!a.isNull()) {
        done(a, {});
        return;
    }
    const quint64 gen = gen_;
    lookupNetwork(host, [this, gen, host, done](const QHostAddress& addr, const QString& via,
                                                quint32 ttl, const QString& err) {
        if (gen != gen_)
            return;
        if (!addr.isNull())
            remember(host, addr, via, ttl);
        done(addr, err);
    });
}

void UrlWalk::resolvePage(const QString& host, Resolved done)
{
    const int exchange = pageExchange_;
    const quint64 gen = gen_;
    // The pauses before cache, dns and connect are the teacher's, not the lookup's.
    auto paused = [this, exchange](qint64 us) {
        if (us > 0)
            client_->addPausedUs(exchange, us);
    };
    auto toConnect = [this, host, done, paused](const QHostAddress& address) {
        gate(QStringLiteral("connect"), [this, host, done, paused, address](qint64 waited) {
            paused(waited);
            QJsonObject c;
            c.insert(QStringLiteral("host"), host);
            c.insert(QStringLiteral("url"), pageUrl_.toString());
            c.insert(QStringLiteral("exchange"), pageExchange_);
            beginPhase(QStringLiteral("connect"),
                       tr("The browser opens a TCP connection to %1 port %2: SYN, SYN+ACK, ACK.")
                           .arg(address.toString())
                           .arg(pageUrl_.port(80)),
                       c);
            connectOpen_ = true;
            done(address, {});
        });
    };
    gate(QStringLiteral("cache"), [this, host, done, paused, toConnect, gen](qint64 waited) {
        paused(waited);
        QJsonObject o;
        o.insert(QStringLiteral("host"), host);
        beginPhase(QStringLiteral("cache"),
                   tr("Where is %1? The browser looks in its DNS cache, then in the system's "
                      "hosts file.")
                       .arg(host),
                   o);
        QString where;
        qint64 ttlLeft = 0;
        const QHostAddress cached = lookupCache(host, &where, &ttlLeft);
        o.insert(QStringLiteral("where"), where);
        o.insert(QStringLiteral("hit"), !cached.isNull());
        if (!cached.isNull()) {
            o.insert(QStringLiteral("address"), cached.toString());
            if (where == QLatin1String("browser")) {
                o.insert(QStringLiteral("ttl_s"), ttlLeft);
                endPhase(QStringLiteral("cache"),
                         tr("Cache hit: %1 is %2, still valid for %3 s. No DNS question goes out.")
                             .arg(host, cached.toString())
                             .arg(ttlLeft),
                         o);
            } else {
                endPhase(QStringLiteral("cache"),
                         tr("The hosts file says %1 is %2. No DNS question goes out.")
                             .arg(host, cached.toString()),
                         o);
            }
            toConnect(cached);
            return;
        }
        endPhase(QStringLiteral("cache"),
                 tr("Cache miss: neither the browser nor the hosts file knows %1.").arg(host), o);
        gate(QStringLiteral("dns"), [this, host, done, paused, toConnect, gen](qint64 waited) {
            paused(waited);
            const bool inHierarchy = DnsHierarchy::holds(host);
            QJsonObject d;
            d.insert(QStringLiteral("host"), host);
            d.insert(QStringLiteral("via"),
                     inHierarchy ? QStringLiteral("hierarchy") : QStringLiteral("system"));
            beginPhase(QStringLiteral("dns"),
                       inHierarchy
                           ? tr("The browser asks the resolver for %1; the resolver asks the root, "
                                "then the .test server, then example.test's own server.")
                                 .arg(host)
                           : tr("%1 is not in NetStage's small DNS; the system resolver is asked.")
                                 .arg(host),
                       d);
            lookupNetwork(host, [this, gen, host, done, d,
                                 toConnect](const QHostAddress& a, const QString& via, quint32 ttl,
                                            const QString& err) mutable {
                if (gen != gen_)
                    return;
                d.insert(QStringLiteral("via"), via);
                if (a.isNull()) {
                    d.insert(QStringLiteral("error"), err);
                    endPhase(QStringLiteral("dns"), tr("No address for %1: %2").arg(host, err), d);
                    done({}, err);
                    return;
                }
                remember(host, a, via, ttl);
                d.insert(QStringLiteral("address"), a.toString());
                d.insert(QStringLiteral("ttl"), qint64(ttl));
                endPhase(QStringLiteral("dns"),
                         via == QLatin1String("hierarchy")
                             ? tr("%1 is %2 (TTL %3 s); the browser keeps it that long.")
                                   .arg(host, a.toString())
                                   .arg(ttl)
                             : tr("The system resolver says %1 is %2; the browser keeps it %3 s.")
                                   .arg(host, a.toString())
                                   .arg(ttl),
                         d);
                toConnect(a);
            });
        });
    });
}

QHostAddress UrlWalk::lookupCache(const QString& hostIn, QString* where, qint64* ttlLeftS)
{
    const QString host = hostIn.toLower();
    const qint64 now = timeline_->now();
    const auto it = browserCache_.find(host);
    if (it != browserCache_.end()) {
        if (it->expiresUs > now) {
            *where = QStringLiteral("browser");
            *ttlLeftS = (it->expiresUs - now + 999999) / 1000000;
            return it->address;
        }
        browserCache_.erase(it); // expired
    }
    const auto h = hosts_.constFind(host);
    if (h != hosts_.constEnd()) {
        *where = QStringLiteral("hosts");
        *ttlLeftS = 0;
        return h.value();
    }
    *where = QStringLiteral("none");
    *ttlLeftS = 0;
    return {};
}

void UrlWalk::remember(const QString& host, const QHostAddress& a, const QString& via, quint32 ttl)
{
    if (ttl == 0)
        return; // TTL 0: use once, keep never (RFC 1035 3.2.1)
    browserCache_.insert(host.toLower(),
                         CacheEntry{a, timeline_->now() + qint64(ttl) * 1000000, via});
}

void UrlWalk::lookupNetwork(const QString& host, Looked done)
{
    if (DnsHierarchy::holds(host)) {
        QString why;
        if (!ensureDns(&why)) {
            QTimer::singleShot(0, this,
                               [done, why] { done({}, QStringLiteral("hierarchy"), 0, why); });
            return;
        }
        dns_->lookup(
            host,
            [done](const QHostAddress& a, quint32 ttl, const QString& err) {
                done(a, QStringLiteral("hierarchy"), ttl, err);
            },
            options_.timeoutMs);
        return;
    }
    // Asynchronous: QHostInfo asks getaddrinfo on its own thread.
    QHostInfo::lookupHost(host, this, [done](const QHostInfo& info) {
        QHostAddress chosen;
        for (const QHostAddress& a : info.addresses()) {
            if (chosen.isNull() || (a.protocol() == QAbstractSocket::IPv4Protocol &&
                                    chosen.protocol() != QAbstractSocket::IPv4Protocol))
                chosen = a;
        }
        done(chosen, QStringLiteral("system"), kSystemTtl,
             chosen.isNull() ? info.errorString() : QString());
    });
}

void UrlWalk::loadHostsFile()
{
    // The system's own "cache": /etc/hosts, read once (a few hundred bytes; bounded).
    if (hostsLoaded_)
        return;
    hostsLoaded_ = true;
    QFile f(QStringLiteral("/etc/hosts"));
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QByteArray all = f.read(kMaxHostsFile);
    for (QByteArray line : all.split('\n')) {
        const int hash = line.indexOf('#');
        if (hash >= 0)
            line.truncate(hash);
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2)
            continue;
        QHostAddress a;
        if (!a.setAddress(QString::fromLatin1(fields[0])))
            continue;
        for (int i = 1; i < fields.size(); ++i) {
            const QString name = QString::fromLatin1(fields[i]).toLower();
            if (!hosts_.contains(name))
                hosts_.insert(name, a);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Requests

void UrlWalk::onSendGate(int id, std::function<void(qint64)> go)
{
    if (id != pageExchange_ || stage_ != Stage::Page) {
        go(0);
        return;
    }
    const HttpExchange x = client_->exchange(id);
    QJsonObject c;
    c.insert(QStringLiteral("host"), x.host);
    c.insert(QStringLiteral("url"), x.request.url.toString());
    c.insert(QStringLiteral("exchange"), id);
    c.insert(QStringLiteral("connection"), x.socket);
    if (!connectOpen_) {
        // A kept-alive connection to the same origin: no lookup, no handshake.
        beginPhase(QStringLiteral("connect"),
                   tr("The browser reuses its open connection %1 to %2.").arg(x.socket, x.host), c);
        c.insert(QStringLiteral("reused"), true);
        endPhase(QStringLiteral("connect"),
                 tr("No handshake needed: %1 is kept alive.").arg(x.socket), c);
    } else {
        c.insert(QStringLiteral("reused"), false);
        endPhase(QStringLiteral("connect"),
                 tr("Connected: %1 is ESTABLISHED (3 segments on the wire).").arg(x.socket), c);
    }
    connectOpen_ = false;
    gate(QStringLiteral("request"), [this, id, go, x](qint64 waited) {
        QJsonObject r;
        r.insert(QStringLiteral("host"), x.host);
        r.insert(QStringLiteral("url"), x.request.url.toString());
        r.insert(QStringLiteral("exchange"), id);
        beginPhase(QStringLiteral("request"),
                   tr("The browser sends GET %1 to %2 over %3.")
                       .arg(x.request.url.path(QUrl::FullyEncoded), x.host, x.socket),
                   r);
        go(waited);
    });
}

void UrlWalk::onRequestSent(int id)
{
    if (id != pageExchange_ || currentPhase_ != QLatin1String("request"))
        return;
    const HttpExchange x = client_->exchange(id);
    QJsonObject o;
    o.insert(QStringLiteral("host"), x.host);
    o.insert(QStringLiteral("url"), x.request.url.toString());
    o.insert(QStringLiteral("exchange"), id);
    QJsonObject end = o;
    end.insert(QStringLiteral("bytes"), x.rawRequest.size());
    endPhase(QStringLiteral("request"),
             tr("The kernel has all %1 bytes of the request.").arg(x.rawRequest.size()), end);
    beginPhase(QStringLiteral("response"),
               tr("The server works and answers; the browser waits for the first byte, then reads "
                  "to the end."),
               o);
}

void UrlWalk::onFinished(const HttpExchange& x)
{
    if (!running_)
        return;
    if (x.ok) {
        ++requests_;
        bytes_ += x.rawResponse.size();
        if (!x.socket.isEmpty())
            connections_.insert(x.socket);
        const QString key = urlKey(x.request.url);
        bodies_.insert(key, x.response.body);
        types_.insert(key, QString::fromLatin1(x.response.header("Content-Type")));
    }
    if (x.id == pageExchange_ && stage_ == Stage::Page) {
        onPageAnswer(x);
        return;
    }
    if (!outstanding_.remove(x.id))
        return;
    if (!outstanding_.isEmpty())
        return;
    if (stage_ == Stage::Subresources) {
        int ok = 0;
        for (const QUrl& u : std::as_const(resources_))
            ok += bodies_.contains(urlKey(u)) ? 1 : 0;
        QJsonObject o;
        o.insert(QStringLiteral("count"), resources_.size());
        o.insert(QStringLiteral("fetched"), ok);
        o.insert(QStringLiteral("connections"), connections_.size());
        endPhase(QStringLiteral("subresource"),
                 tr("%1 of %2 sub-resources arrived, over %3 connections.")
                     .arg(ok)
                     .arg(resources_.size())
                     .arg(connections_.size()),
                 o);
        startAsync();
    } else if (stage_ == Stage::Async) {
        QJsonObject o;
        o.insert(QStringLiteral("status"), x.ok ? x.response.status : 0);
        o.insert(QStringLiteral("url"), x.request.url.toString());
        o.insert(QStringLiteral("exchange"), x.id);
        endPhase(QStringLiteral("async"),
                 x.ok ? tr("The script's request came back: %1 %2, %3 bytes.")
                            .arg(x.response.status)
                            .arg(QString::fromLatin1(x.response.reason))
                            .arg(x.response.body.size())
                      : tr("The script's request failed: %1").arg(x.error),
                 o);
        render();
    }
}

void UrlWalk::onPageAnswer(const HttpExchange& x)
{
    if (!x.ok) {
        if (!currentPhase_.isEmpty()) {
            QJsonObject o;
            o.insert(QStringLiteral("error"), x.errorCode);
            o.insert(QStringLiteral("exchange"), x.id);
            endPhase(currentPhase_, x.error, o);
        }
        fail(tr("The page could not be fetched: %1").arg(x.error));
        return;
    }
    if (currentPhase_ == QLatin1String("request")) {
        // The answer came before the walk saw the request leave (it cannot, but be safe).
        onRequestSent(x.id);
    }
    {
        QJsonObject o;
        o.insert(QStringLiteral("status"), x.response.status);
        o.insert(QStringLiteral("url"), x.request.url.toString());
        o.insert(QStringLiteral("host"), x.host);
        o.insert(QStringLiteral("exchange"), x.id);
        o.insert(QStringLiteral("bytes"), x.rawResponse.size());
        endPhase(QStringLiteral("response"),
                 tr("%1 %2: %3 bytes (%4 of body), first byte after %5 ms.")
                     .arg(x.response.status)
                     .arg(QString::fromLatin1(x.response.reason))
                     .arg(x.rawResponse.size())
                     .arg(x.response.body.size())
                     .arg(ms(x.timing.waitUs)),
                 o);
    }
    const QByteArray location = x.response.header("Location");
    if (isRedirect(x.response.status) && !location.isEmpty()) {
        if (redirects_ >= kMaxRedirects) {
            fail(tr("More than %1 redirects: the browser gives up.").arg(kMaxRedirects));
            return;
        }
        ++redirects_;
        const QUrl to = x.request.url.resolved(QUrl::fromEncoded(location));
        gate(QStringLiteral("redirect"), [this, x, to](qint64) {
            QJsonObject o;
            o.insert(QStringLiteral("url"), to.toString());
            o.insert(QStringLiteral("from"), x.request.url.toString());
            o.insert(QStringLiteral("host"), to.host());
            o.insert(QStringLiteral("status"), x.response.status);
            beginPhase(QStringLiteral("redirect"),
                       tr("%1 %2 says: ask %3 instead (Location).")
                           .arg(x.response.status)
                           .arg(QString::fromLatin1(x.response.reason), to.toString()),
                       o);
            if (to.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0) {
                o.insert(QStringLiteral("error"), QStringLiteral("EINVAL"));
                endPhase(QStringLiteral("redirect"),
                         tr("The redirect leads to %1, which this walk cannot follow (only "
                            "http://).")
                             .arg(to.toString()),
                         o);
                fail(tr("The redirect leads to %1, which is not http://.").arg(to.toString()));
                return;
            }
            endPhase(QStringLiteral("redirect"),
                     to.host().compare(x.host, Qt::CaseInsensitive) == 0
                         ? tr("Same host: the browser asks again, on the same connection if it is "
                              "still open.")
                         : tr("A new host name: the browser looks up %1 and connects again.")
                               .arg(to.host()),
                     o);
            fetchPage(to);
        });
        return;
    }
    pageUrl_ = x.request.url;
    const QByteArray type = x.response.header("Content-Type").toLower();
    const bool html =
        type.contains("html") || (type.isEmpty() && x.response.body.trimmed().startsWith('<'));
    if (!html) {
        resources_.clear();
        render();
        return;
    }
    gate(QStringLiteral("parse"), [this, x](qint64) {
        QJsonObject o;
        o.insert(QStringLiteral("url"), pageUrl_.toString());
        beginPhase(QStringLiteral("parse"),
                   tr("The browser parses %1 bytes of HTML and looks for what else it needs.")
                       .arg(x.response.body.size()),
                   o);
        resources_ = findResources(x.response.body, pageUrl_);
        QJsonArray list;
        for (const QUrl& u : std::as_const(resources_))
            list.append(u.toString());
        o.insert(QStringLiteral("resources"), list);
        endPhase(QStringLiteral("parse"),
                 tr("The page names %n sub-resource(s): style sheets, scripts and images.", nullptr,
                    int(resources_.size())),
                 o);
        gate(QStringLiteral("subresource"), [this](qint64) { startSubresources(); });
    });
}

void UrlWalk::startSubresources()
{
    stage_ = Stage::Subresources;
    QJsonObject o;
    o.insert(QStringLiteral("count"), resources_.size());
    o.insert(QStringLiteral("max_connections"), options_.maxConnectionsPerHost);
    beginPhase(QStringLiteral("subresource"),
               tr("The browser fetches each sub-resource once: over the kept-alive connection and "
                  "up to %1 parallel connections per host.")
                   .arg(options_.maxConnectionsPerHost),
               o);
    if (resources_.isEmpty()) {
        o.insert(QStringLiteral("fetched"), 0);
        endPhase(QStringLiteral("subresource"), tr("Nothing else to fetch."), o);
        startAsync();
        return;
    }
    for (const QUrl& u : std::as_const(resources_)) {
        HttpClientRequest req;
        req.url = u;
        outstanding_.insert(client_->fetch(req));
    }
}

void UrlWalk::startAsync()
{
    stage_ = Stage::Async;
    QList<QUrl> calls;
    for (const QUrl& u : std::as_const(resources_)) {
        const QString type = types_.value(urlKey(u)).toLower();
        if (!type.contains(QLatin1String("javascript")) && !u.path().endsWith(QLatin1String(".js")))
            continue;
        for (const QUrl& f : findFetches(bodies_.value(urlKey(u)), pageUrl_)) {
            if (!calls.contains(f))
                calls.append(f);
        }
    }
    gate(QStringLiteral("async"), [this, calls](qint64) {
        QJsonObject o;
        QJsonArray list;
        for (const QUrl& u : calls)
            list.append(u.toString());
        o.insert(QStringLiteral("requests"), list);
        beginPhase(
            QStringLiteral("async"),
            calls.isEmpty()
                ? tr("The page's scripts run (NetStage does not run JavaScript; it looks for "
                     "fetch('...') calls in them).")
                : tr("The page's script asks for %1 in the background (fetch).")
                      .arg(calls.first().path()),
            o);
        if (calls.isEmpty()) {
            endPhase(QStringLiteral("async"),
                     tr("No script of this page starts a request that NetStage can see."), o);
            render();
            return;
        }
        for (const QUrl& u : calls) {
            HttpClientRequest req;
            req.url = u;
            outstanding_.insert(client_->fetch(req));
        }
    });
}

void UrlWalk::render()
{
    stage_ = Stage::Render;
    gate(QStringLiteral("render"), [this](qint64) {
        QJsonObject o;
        o.insert(QStringLiteral("url"), pageUrl_.toString());
        beginPhase(QStringLiteral("render"),
                   tr("The browser lays out the page with its styles and images."), o);
        qint64 have = 0;
        for (const QUrl& u : std::as_const(resources_))
            have += bodies_.contains(urlKey(u)) ? 1 : 0;
        o.insert(QStringLiteral("resources"), have);
        endPhase(QStringLiteral("render"),
                 tr("The page %1 is ready to show, with %2 of its %3 sub-resources.")
                     .arg(pageUrl_.toString())
                     .arg(have)
                     .arg(resources_.size()),
                 o);
        gate(QStringLiteral("done"), [this](qint64) { finishVisit(); });
    });
}

void UrlWalk::finishVisit()
{
    stage_ = Stage::Done;
    QJsonObject o;
    o.insert(QStringLiteral("url"), pageUrl_.toString());
    beginPhase(QStringLiteral("done"), tr("Visit %1 is complete.").arg(visit_), o);
    const qint64 now = timeline_->now();
    const qint64 total = now - visitStartUs_;
    o.insert(QStringLiteral("total_us"), total);
    o.insert(QStringLiteral("requests"), requests_);
    o.insert(QStringLiteral("bytes"), bytes_);
    o.insert(QStringLiteral("connections"), connections_.size());
    endPhase(QStringLiteral("done"),
             tr("From typing the URL to the page: %1 ms, %2 requests, %3 bytes, %4 connections.")
                 .arg(ms(total))
                 .arg(requests_)
                 .arg(bytes_)
                 .arg(connections_.size()),
             o, now);
    // Like closing the tab: the connections go, the DNS cache stays.
    client_->closeAll();
    if (visit_ < options_.visits) {
        const quint64 gen = gen_;
        QTimer::singleShot(0, this, [this, gen] {
            if (gen == gen_)
                beginVisit();
        });
        return;
    }
    running_ = false;
    stage_ = Stage::Idle;
    emit finished(true, tr("The walk is complete: %n visit(s).", nullptr, options_.visits));
}

void UrlWalk::fail(const QString& sentence)
{
    if (!running_)
        return;
    Event e;
    e.socket = kWalk;
    e.proto = kProto;
    e.event = ev::Error;
    e.source = ev::App;
    e.detail = sentence;
    QJsonObject o;
    o.insert(QStringLiteral("visit"), visit_);
    e.extra = o;
    timeline_->append(e);
    running_ = false;
    stage_ = Stage::Idle;
    pending_ = nullptr;
    waiting_ = false;
    pauseTimer_->stop();
    if (client_)
        client_->closeAll();
    emit finished(false, sentence);
}

void UrlWalk::stop()
{
    if (!running_)
        return;
    ++gen_;
    if (!currentPhase_.isEmpty()) {
        QJsonObject o;
        o.insert(QStringLiteral("error"), QStringLiteral("ECANCELED"));
        endPhase(currentPhase_, tr("Stopped."), o);
    }
    if (dns_)
        dns_->cancelAll();
    fail(tr("The walk was stopped."));
    if (dns_)
        dns_->stop();
    if (site_)
        site_->stop();
}

// ---------------------------------------------------------------------------------------------
// The sub-resource scanner
//
// A tag and attribute scanner, as a browser's preload scanner is, not an HTML parser: it knows
// comments, quoted and unquoted attribute values, character references in values, <base href>,
// and that the text of <script>, <style>, <textarea>, <title> is not markup. It finds
// <link rel=stylesheet|icon|preload|modulepreload href>, <script src>, <img src>. It does not
// read srcset, <picture>/<source>, <video>, <iframe>, CSS url() and @import, inline styles,
// or what scripts add (no JavaScript runs); <noscript> content counts as markup; only http://
// URLs are kept.

QList<QUrl> UrlWalk::findResources(const QByteArray& html, const QUrl& pageUrl)
{
    QList<QUrl> out;
    QSet<QString> seen;
    QUrl base = pageUrl;
    const QString text = QString::fromUtf8(html);
    const int n = text.size();
    auto add = [&](const QString& raw) {
        const QString v = decodeEntities(raw).trimmed();
        if (v.isEmpty() || v.startsWith(QLatin1Char('#')))
            return;
        QUrl u = base.resolved(QUrl(v));
        u.setFragment(QString());
        if (u.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0 ||
            u.host().isEmpty())
            return;
        const QString key = u.toString(QUrl::FullyEncoded);
        if (seen.contains(key))
            return;
        seen.insert(key);
        out.append(u);
    };
    int i = 0;
    while (i < n) {
        const int lt = text.indexOf(QLatin1Char('<'), i);
        if (lt < 0)
            break;
        i = lt + 1;
        if (text.mid(lt, 4) == QLatin1String("<!--")) {
            const int end = text.indexOf(QLatin1String("-->"), lt + 4);
            i = end < 0 ? n : end + 3;
            continue;
        }
        if (i < n && (text[i] == QLatin1Char('!') || text[i] == QLatin1Char('?') ||
                      text[i] == QLatin1Char('/'))) {
            const int gt = text.indexOf(QLatin1Char('>'), i);
            i = gt < 0 ? n : gt + 1;
            continue;
        }
        if (i >= n || !text[i].isLetter())
            continue; // a lone '<' in text
        int j = i;
        while (j < n && (text[j].isLetterOrNumber() || text[j] == QLatin1Char('-')))
            ++j;
        const QString tag = text.mid(i, j - i).toLower();
        // Attributes up to the closing '>'.
        QHash<QString, QString> attrs;
        i = j;
        while (i < n && text[i] != QLatin1Char('>')) {
            if (text[i].isSpace() || text[i] == QLatin1Char('/')) {
                ++i;
                continue;
            }
            int k = i;
            while (k < n && !text[k].isSpace() && text[k] != QLatin1Char('=') &&
                   text[k] != QLatin1Char('>') && text[k] != QLatin1Char('/'))
                ++k;
            const QString name = text.mid(i, k - i).toLower();
            i = k;
            while (i < n && text[i].isSpace())
                ++i;
            QString value;
            if (i < n && text[i] == QLatin1Char('=')) {
                ++i;
                while (i < n && text[i].isSpace())
                    ++i;
                if (i < n && (text[i] == QLatin1Char('"') || text[i] == QLatin1Char('\''))) {
                    const QChar q = text[i];
                    const int close = text.indexOf(q, i + 1);
                    const int end = close < 0 ? n : close;
                    value = text.mid(i + 1, end - i - 1);
                    i = close < 0 ? n : close + 1;
                } else {
                    int k2 = i;
                    while (k2 < n && !text[k2].isSpace() && text[k2] != QLatin1Char('>'))
                        ++k2;
                    value = text.mid(i, k2 - i);
                    i = k2;
                }
            }
            if (!name.isEmpty() && !attrs.contains(name))
                attrs.insert(name, value); // the first of duplicates counts, as in HTML
        }
        if (i >= n)
            break; // the input ends inside the tag: HTML drops such a tag
        ++i;       // past '>'
        if (tag == QLatin1String("base") && attrs.contains(QStringLiteral("href"))) {
            const QUrl b =
                pageUrl.resolved(QUrl(decodeEntities(attrs.value(QStringLiteral("href")))));
            if (b.isValid())
                base = b;
        } else if (tag == QLatin1String("link")) {
            const QStringList rel = attrs.value(QStringLiteral("rel"))
                                        .toLower()
                                        .split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (rel.contains(QLatin1String("stylesheet")) || rel.contains(QLatin1String("icon")) ||
                rel.contains(QLatin1String("preload")) ||
                rel.contains(QLatin1String("modulepreload")))
                add(attrs.value(QStringLiteral("href")));
        } else if (tag == QLatin1String("script") || tag == QLatin1String("img")) {
            add(attrs.value(QStringLiteral("src")));
        }
        // Raw text: nothing inside is markup, up to the matching end tag.
        if (tag == QLatin1String("script") || tag == QLatin1String("style") ||
            tag == QLatin1String("textarea") || tag == QLatin1String("title")) {
            const int end = text.indexOf(QLatin1String("</") + tag, i, Qt::CaseInsensitive);
            i = end < 0 ? n : end;
        }
    }
    return out;
}

QList<QUrl> UrlWalk::findFetches(const QByteArray& script, const QUrl& base)
{
    static const QRegularExpression re(
        QStringLiteral(R"(\bfetch\s*\(\s*(['"])([^'"\r\n]{1,2000})\1)"));
    QList<QUrl> out;
    auto it = re.globalMatch(QString::fromUtf8(script));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QUrl u = base.resolved(QUrl(m.captured(2)));
        u.setFragment(QString());
        if (u.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0 && !out.contains(u))
            out.append(u);
    }
    return out;
}

} // namespace netstage
