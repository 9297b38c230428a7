#pragma once

#include "core/base/event.h"
#include "core/http/http_parser.h"

#include <QHash>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <deque>
#include <functional>

class QTimer;

namespace netstage {

class KernelObserver;
class NativeTcpConnection;
class Timeline;
class WireCapture;

struct HttpClientRequest
{
    QByteArray method = "GET";
    QUrl url;            // http:// only
    HttpHeaders headers; // added to (or replacing) Host, User-Agent, Accept, Content-Length
    QByteArray body;
    bool follow = false; // follow 301/302/303/307/308 (at most maxRedirects)
    int maxRedirects = 5;
};

// Where the time of one request went, in microseconds on the timeline's clock, with the
// names of curl's -w and the browser's Network tab. The phases are contiguous, so
// queued + dns + connect + paused + send + wait + download == total.
struct HttpTiming
{
    qint64 startUs = 0;    // fetch() was called (or the redirect was decided)
    qint64 queuedUs = 0;   // waiting for a free connection to the host (browsers: Stalled)
    qint64 dnsUs = 0;      // DNS lookup (0 for an address, --resolve, or a reused connection)
    qint64 connectUs = 0;  // Initial connection: the TCP handshake (0 when reused)
    qint64 sendUs = 0;     // Request sent: from connected (or reuse) until the kernel has it all
    qint64 waitUs = 0;     // Waiting (TTFB): until the first byte of the answer
    qint64 downloadUs = 0; // Content download: first to last byte of the answer
    qint64 pausedUs = 0;   // held by a teacher's step (the URL walk's step mode); usually 0
    qint64 totalUs = 0;
};

// One request and its answer (or why there is none).
struct HttpExchange
{
    int id = 0;
    int redirectedFrom = 0; // the exchange whose answer sent us here
    int redirectedTo = 0;   // set when this answer was followed to another exchange
    QString socket;         // "http-client-3": the connection it went over
    bool reused = false;    // over a kept-alive connection
    bool done = false;
    HttpClientRequest request;
    QString host;
    quint16 port = 80;
    QHostAddress address;
    QString resolvedVia; // "address", "--resolve", "localhost", "resolver", "system"
    QByteArray rawRequest;
    QByteArray rawResponse; // every byte of the answer, as received
    bool ok = false;        // a complete HTTP answer arrived
    HttpMessage response;
    QString errorCode; // "ECONNREFUSED", "ETIMEDOUT", "HPE_INVALID_STATUS"...
    QString error;     // a sentence
    HttpTiming timing;
};

// The HTTP lab's client: a request composer that talks over the lab's own native TCP
// connections ("http-client-N"), so every connection has its TCP events, kernel states and
// wire segments, and on top of them the client's HTTP events (proto "http"):
//   dns       name, address, via, duration_us (proto "dns")
//   request   method, target, version, headers, body_bytes, url, exchange
//   response  status, reason, headers, body_bytes, duration_us, timing (the phases),
//             reused, url, exchange
//   error     code and sentence when no answer came
// Connections are kept alive and reused per origin (scheme, host, port), at most
// maxConnectionsPerHost at once (6, as browsers do); further requests wait their turn.
// A request on a reused connection that the server closed meanwhile is retried once on a
// new one, as browsers do.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    HttpClient(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
               QObject* parent = nullptr);
    ~HttpClient() override;

    // Like curl's --resolve HOST:ADDR: this name goes to this address, no DNS asked.
    void setResolveOverride(const QString& host, const QHostAddress& address);
    void clearResolveOverrides();
    QMap<QString, QHostAddress> resolveOverrides() const { return overrides_; }
    // Asked for names that are neither addresses nor overrides (the URL walk plugs in its
    // own DNS here). Without one, the system resolver is asked (QHostInfo).
    using ResolveDone = std::function<void(const QHostAddress& address, const QString& error)>;
    using Resolver = std::function<void(const QString& host, ResolveDone done)>;
    void setResolver(Resolver resolver) { resolver_ = std::move(resolver); }
    // Called when a connection is ready to carry a request (connected, or kept alive), before
    // a byte of it is sent; the request goes when go(pausedUs) is called. The URL walk's step
    // mode waits there and says how long it held the request for a teacher: that much is
    // counted as paused, not as sending. The request's timeout does not run meanwhile.
    using SendGate = std::function<void(int exchange, std::function<void(qint64 pausedUs)> go)>;
    void setSendGate(SendGate gate) { sendGate_ = std::move(gate); }
    // Time the resolver hook held this exchange for a teacher (counted as paused, not DNS).
    void addPausedUs(int exchange, qint64 us);

    void setMaxConnectionsPerHost(int n) { maxPerHost_ = qMax(1, n); }
    void setKeepAlive(bool on) { keepAlive_ = on; }
    void setTimeoutMs(int ms) { timeoutMs_ = ms; }
    void setIdPrefix(const QString& prefix) { idPrefix_ = prefix; }
    void setLimits(const HttpLimits& limits) { limits_ = limits; }

    // Starts a request; returns its exchange id at once. Every outcome comes as finished().
    int fetch(const HttpClientRequest& request);
    HttpExchange exchange(int id) const { return exchanges_.value(id); }
    QList<int> exchangeIds() const { return exchanges_.keys(); }
    bool isBusy() const; // something not finished yet
    void forget(int id); // drops a finished exchange's bytes (a long session)

    void closeIdle(); // closes kept-alive connections that wait for a request (FIN from us)
    void closeAll();  // closes everything; unfinished requests fail
    int openConnectionCount() const;

    // "GET / HTTP/1.1\r\nHost: ...": the bytes fetch() would send for this request.
    static QByteArray composeRequest(const HttpClientRequest& r, bool keepAlive);

signals:
    void exchangeStarted(int id);
    // The kernel has taken the whole request (or the answer began before that was seen).
    void requestSent(int id);
    void finished(const netstage::HttpExchange& exchange);

private:
    struct Conn;
    void dispatch();
    void startOn(Conn* conn, int id);
    void openConnection(const QString& key, int id);
    void resolve(Conn* conn, int id);
    void connectTo(Conn* conn, const QHostAddress& address);
    void beginSend(Conn* conn);
    void sendRequest(Conn* conn);
    void markSent(Conn* conn, qint64 us);
    void onConnected(Conn* conn);
    void onData(Conn* conn, const QByteArray& data);
    void onPeerEnd(Conn* conn);
    void onClosed(Conn* conn, bool hadError);
    void completeResponse(Conn* conn, HttpMessage&& msg);
    void failExchange(int id, const QString& code, const QString& sentence);
    void finishExchange(int id);
    void release(Conn* conn, bool keep);
    bool retryIfStale(Conn* conn);
    Event base(const Conn* conn, const QString& event, const QString& proto) const;
    static QString originKey(const QUrl& url);

    Timeline* timeline_;
    QPointer<KernelObserver> observer_;
    QPointer<WireCapture> wire_;
    QMap<QString, QHostAddress> overrides_;
    Resolver resolver_;
    SendGate sendGate_;
    int maxPerHost_ = 6;
    bool keepAlive_ = true;
    int timeoutMs_ = 30000;
    QString idPrefix_ = QStringLiteral("http-client");
    HttpLimits limits_;
    QHash<int, HttpExchange> exchanges_;
    std::deque<int> queue_; // waiting for a connection
    QList<Conn*> conns_;
    int nextExchange_ = 1;
    int nextConn_ = 1;
};

} // namespace netstage

Q_DECLARE_METATYPE(netstage::HttpExchange)
