#pragma once

#include "core/http/http_site.h"
#include "core/tls/tls_engine.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

class QFile;

namespace netstage {

class KernelObserver;
class Timeline;
class WireCapture;

struct HttpsServerOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8443;
    TlsVersion version = TlsVersion::Any; // TLS 1.3 preferred, 1.2 accepted
    QString certFile, keyFile;            // empty: the local CA's server certificate
    QString keyLogFile;                   // SSLKEYLOGFILE lines for every connection
    int idleTimeoutMs = 5000;             // a connection silent this long is closed
    int maxConnections = 100;
    QString idPrefix = QStringLiteral("https");
};

// The demo site (HttpSite) over TLS on the lab's native TCP sockets: every connection has its
// TCP events (connection, end, close), the TLS events of TlsEngine (records, handshake
// messages, alerts) and the HTTP events (request, response: the same fields as HttpServer's)
// on one socket id "<prefix>-conn-N". The site's redirects point to https://.
// Bad input is one connection's problem only: a plain HTTP request gets nginx's "400 The plain
// HTTP request was sent to HTTPS port" in clear; anything else that is not TLS, a garbage or
// truncated record, or a client stopping mid-handshake ends that connection with an event.
class HttpsServer : public QObject
{
    Q_OBJECT
public:
    HttpsServer(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                QObject* parent = nullptr);
    ~HttpsServer() override;

    bool start(const HttpsServerOptions& options);
    void stop();
    bool isListening() const;
    quint16 port() const;
    QString serverId() const { return options_.idPrefix + QStringLiteral("-server"); }
    int connectionCount() const { return conns_.size(); }
    quint64 handshakeCount() const { return handshakes_; }
    quint64 requestCount() const { return requests_; }

signals:
    void listeningChanged(bool listening);

private:
    class Conn;
    class Listener;

    void adopt(qintptr fd);
    void onBytes(Conn* conn, const QByteArray& data);
    void serveRequests(Conn* conn);
    void sendOut(Conn* conn);
    void finish(Conn* conn, bool abort);
    void onClosed(Conn* conn);
    Event base(const Conn* conn, const QString& event, const QString& proto) const;
    void append(Event e);

    Timeline* timeline_;
    QPointer<KernelObserver> observer_;
    QPointer<WireCapture> wire_;
    Listener* listener_ = nullptr;
    HttpsServerOptions options_;
    std::unique_ptr<TlsContext> context_;
    std::unique_ptr<QFile> keyLog_;
    HttpSite site_;
    QString serverLocal_;
    QHash<QString, Conn*> conns_;
    int nextConn_ = 1;
    quint64 handshakes_ = 0;
    quint64 requests_ = 0;
};

} // namespace netstage
