#pragma once

#include "core/base/event.h"
#include "core/http/http_parser.h"
#include "core/http/http_site.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

namespace netstage {

class KernelObserver;
class LabServer;
class Timeline;
class WireCapture;

struct HttpServerOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8080;
    QString siteDir; // empty: the built-in demo site
    HttpLimits limits;
    // A request (head and body) must arrive within this time after its first byte, and a new
    // connection must send its first request within it: otherwise 408 and close (Node's
    // headersTimeout / requestTimeout, nginx's client_header_timeout; shorter, for class).
    int requestTimeoutMs = 10000;
    // An idle keep-alive connection is closed after this (Node's keepAliveTimeout: 5 s).
    int keepAliveTimeoutMs = 5000;
    // More open connections than this are refused (Node's server.maxConnections).
    int maxConnections = 100;
    // Socket ids: "<prefix>-server" and "<prefix>-conn-N". The URL walk runs its own server.
    QString idPrefix = QStringLiteral("http");
};

// An HTTP/1.1 server on the lab's native TCP sockets: every connection is a lab socket with
// its TCP events (connection, data, end, close: proto "tcp"), the kernel's states and the
// wire's segments, and on top of them the HTTP events (proto "http") on the same socket id:
//   request      method, target, version, headers, body_bytes, host
//   response     status, reason, headers, body_bytes, duration_us (first byte of the request
//                to the response handed to the kernel), method, target, host
//   clientError  a malformed or oversized request or a slow client (code HPE_..., a
//                sentence, status): answered with 400/408/413/414/431/505 and Connection: close
//   drop         a connection refused because maxConnections are open: 503 and close
// Requests on one connection are answered strictly in order (pipelining); HEAD gets the
// headers GET would; keep-alive unless the client says close. One bad client never disturbs
// the others. Nothing blocks: files of a --site folder are read on a worker thread.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    HttpServer(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
               QObject* parent = nullptr);
    ~HttpServer() override;

    // Starts listening (stopping first if running). False with an `error` event when it
    // cannot (address in use, bad address, unreadable site folder).
    bool start(const HttpServerOptions& options);
    // Stops listening and closes every connection gracefully.
    void stop();
    bool isListening() const;
    quint16 port() const; // the bound port (useful with port 0)
    HttpServerOptions options() const { return options_; }
    QString serverId() const { return options_.idPrefix + QStringLiteral("-server"); }
    QString local() const { return serverLocal_; }

    int connectionCount() const { return conns_.size(); }
    quint64 requestCount() const { return requests_; }
    quint64 connectionTotal() const { return accepted_; }
    const HttpSite& site() const { return site_; }

signals:
    void listeningChanged(bool listening);
    void connectionCountChanged(int count);

private:
    class Conn;
    struct Pending;

    void adopt(qintptr fd);
    void onData(Conn* conn, const QByteArray& data);
    void process(Conn* conn);
    void handle(Conn* conn, HttpMessage&& msg);
    void reject(Conn* conn, HttpParseError err);
    void timeout(Conn* conn);
    void queueResponse(Conn* conn, quint64 seq, HttpSiteResponse&& r);
    void flush(Conn* conn);
    Conn* pickVictim(const Conn* newcomer, const QHostAddress* only,
                     const QHash<QHostAddress, int>& perAddress) const;
    void evict(Conn* victim, const Conn* newcomer, bool overShare, int share, int limit);
    void pause(Conn* conn);       // stops parsing and reading from this client (backpressure)
    void maybeResume(Conn* conn); // goes on once its output drained
    void readChunk(Conn* conn);   // reads the next chunk of the file being sent, on a worker
    void onChunk(Conn* conn, const QByteArray& chunk, qint64 want);
    void finishClose(Conn* conn);
    bool sendOut(Conn* conn, const QByteArray& bytes); // a `data` event, then the write; false
                                                       // when the connection closed meanwhile
    void armTimer(Conn* conn);
    void onPeerEnd(Conn* conn);
    void onClosed(Conn* conn, bool hadError);
    Event base(const Conn* conn, const QString& event, const QString& proto) const;
    void error(const QString& code, const QString& detail);

    Timeline* timeline_;
    QPointer<KernelObserver> observer_;
    QPointer<WireCapture> wire_;
    LabServer* listener_ = nullptr;
    HttpServerOptions options_;
    HttpSite site_;
    QString serverLocal_;
    QHash<QString, Conn*> conns_;
    int nextConn_ = 1;
    quint64 requests_ = 0;
    quint64 accepted_ = 0;
};

} // namespace netstage
