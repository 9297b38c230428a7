#pragma once

#include "core/http/http_message.h"
#include "core/tls/tls_engine.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QFile;

namespace netstage {

class KernelObserver;
class Timeline;
class WireCapture;

// The phases of one HTTPS request, in microseconds (browsers' Timing tab: "SSL" is `tlsUs`).
struct HttpsTiming
{
    qint64 dnsUs = 0;      // DNS lookup (0 for an address or --resolve)
    qint64 connectUs = 0;  // the TCP handshake
    qint64 tlsUs = 0;      // ClientHello sent until the handshake is complete
    qint64 waitUs = 0;     // request handed to TLS until the first byte of the answer
    qint64 downloadUs = 0; // first to last byte of the answer
    qint64 totalUs = 0;
};

struct HttpsResult
{
    bool done = false;
    bool ok = false; // an HTTP answer arrived
    QUrl url;
    QString socket;
    int status = 0;
    QByteArray reason;
    HttpHeaders headers;
    QByteArray body;
    QString error; // a sentence when !ok
    QString code;
    QString version, cipher, alpn;
    bool resumed = false;
    int handshakeMessages = 0;
    qint64 wireBytesOut = 0, wireBytesIn = 0; // TLS bytes on the socket, both ways
    HttpsTiming timing;
};

// A client that fetches https:// URLs one connection each (Connection: close), over the lab's
// native TCP sockets with TlsEngine: the TCP events, every TLS record and handshake message,
// then the HTTP request and response on one socket id "<prefix>-client-N". The session of the
// last connection to a host is offered to the next one (resumption with a ticket).
class HttpsClient : public QObject
{
    Q_OBJECT
public:
    HttpsClient(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                QObject* parent = nullptr);
    ~HttpsClient() override;

    // The CA to trust (empty: the local CA's certificate) and the versions to offer.
    bool setup(const QString& caFile, TlsVersion version, QString* error);
    bool setKeyLogFile(const QString& path, QString* error);
    void setResolveOverride(const QString& host, const QHostAddress& address);
    void setTimeoutMs(int ms) { timeoutMs_ = ms; }
    void setResumption(bool on) { resumption_ = on; }
    void setIdPrefix(const QString& prefix) { prefix_ = prefix; }

    // Starts a request; the result arrives with finished(id).
    int fetch(const QUrl& url, const QByteArray& method = "GET");
    HttpsResult result(int id) const { return results_.value(id); }
    int openConnections() const { return jobs_.size(); }
    void closeAll();

signals:
    void finished(int id);

private:
    struct Job;
    void connectTo(Job* job, const QHostAddress& address);
    void onBytes(Job* job, const QByteArray& data);
    void sendOut(Job* job);
    void complete(Job* job, bool ok, const QString& code, const QString& why);
    void onClosed(Job* job);
    Event base(const Job* job, const QString& event, const QString& proto) const;

    Timeline* timeline_;
    QPointer<KernelObserver> observer_;
    QPointer<WireCapture> wire_;
    std::unique_ptr<TlsContext> context_;
    std::unique_ptr<QFile> keyLog_;
    QHash<QString, QHostAddress> resolve_;
    QHash<QString, void*> sessions_; // host -> SSL_SESSION*
    QHash<int, HttpsResult> results_;
    QHash<int, Job*> jobs_;
    QString prefix_ = QStringLiteral("https");
    int timeoutMs_ = 10000;
    bool resumption_ = true;
    int nextId_ = 1;
};

} // namespace netstage
