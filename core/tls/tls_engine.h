#pragma once

#include "core/base/event.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <functional>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_session_st SSL_SESSION;

namespace netstage {

// Which versions a context offers: 1.3 only, 1.2 only, or both (1.3 preferred, the default).
enum class TlsVersion
{
    Any,
    V12,
    V13
};
// "1.2", "1.3" or "" -> the enum; false for anything else.
bool parseTlsVersion(const QString& text, TlsVersion* out);

// One OpenSSL context (SSL_CTX) with the lab's settings: versions, ALPN http/1.1, and for a
// server the certificate and key, for a client the CA file to verify with.
class TlsContext
{
    Q_DECLARE_TR_FUNCTIONS(netstage::TlsContext)
public:
    TlsContext() = default;
    ~TlsContext();
    TlsContext(const TlsContext&) = delete;
    TlsContext& operator=(const TlsContext&) = delete;

    bool initServer(const QString& certPem, const QString& keyPem, TlsVersion version,
                    QString* error);
    bool initClient(const QString& caFile, TlsVersion version, QString* error);
    SSL_CTX* get() const { return ctx_; }
    bool isServer() const { return server_; }

private:
    SSL_CTX* ctx_ = nullptr;
    bool server_ = false;
};

// TLS on one connection, driven by the bytes the lab's socket gives it (memory BIOs: OpenSSL
// never touches the socket and never blocks). Every record and handshake message it sees
// becomes an event (proto "tls") on the connection's socket id:
//   record      dir, bytes (header + body), content_type (outer, as on the wire), inner_type
//               (TLS 1.3: what the encrypted record held), wire "clear" or "encrypted"
//   handshake   dir, message ("ClientHello"...), length, visibility "clear" (readable by
//               anyone on the wire) or "decrypted" (only the two ends see it), and its fields:
//               ClientHello versions, cipher_suites, sni, alpn, key_share groups;
//               ServerHello version, cipher_suite, key_share; EncryptedExtensions alpn;
//               Certificate subject, issuer, not_before, not_after, san; CertificateVerify
//               signature; NewSessionTicket lifetime_s; ServerKeyExchange group
//   alert       dir, level, description (close_notify is an alert too), visibility
//   secure      the handshake is complete: version, cipher, alpn, resumed, handshake_us
//   tlsError    the handshake or a record failed: code (OpenSSL's reason), a sentence
// Application bytes come out of plaintext(); bytes for the socket out of takeOutgoing().
class TlsEngine
{
    Q_DECLARE_TR_FUNCTIONS(netstage::TlsEngine)
public:
    using Sink = std::function<void(Event)>;

    TlsEngine(TlsContext* context, Sink sink);
    ~TlsEngine();
    TlsEngine(const TlsEngine&) = delete;
    TlsEngine& operator=(const TlsEngine&) = delete;

    // Event fields every event of this connection carries.
    void setEndpoints(const QString& socket, const QString& local, const QString& remote);
    // Client: the name for SNI and for checking the certificate; a session to resume.
    void setServerName(const QString& host);
    void setSession(SSL_SESSION* session);
    // Lines in the SSLKEYLOGFILE format, as OpenSSL derives the secrets.
    void setKeyLogSink(std::function<void(const QByteArray& line)> sink);

    // Client: sends the ClientHello.
    void start();
    // Bytes from the socket.
    void receive(const QByteArray& bytes);
    // Application bytes to send (after the handshake; queued before it).
    void write(const QByteArray& plain);
    // close_notify.
    void shutdown();

    QByteArray takeOutgoing();
    QByteArray takePlaintext();

    bool isSecure() const { return secure_; }
    bool hasFailed() const { return failed_; }
    bool peerClosed() const { return peerClosed_; } // close_notify from the peer
    QString failure() const { return failure_; }
    QString version() const;
    QString cipher() const;
    QString alpn() const; // the protocol the server chose, empty for none
    bool resumed() const;
    // The session for resuming later (a new reference; free with SSL_SESSION_free).
    SSL_SESSION* session() const;
    int handshakeMessages() const { return handshakeMessages_; }
    qint64 wireBytesOut() const { return wireOut_; }
    qint64 wireBytesIn() const { return wireIn_; }

    // Internal: OpenSSL's callbacks.
    void onMessage(bool written, int contentType, const unsigned char* buf, size_t len);
    void onKeyLog(const char* line);

private:
    void pump();
    void drainOutgoing();
    void fail(int sslError);
    void flushRecord(bool written);
    void emitEvent(Event e);
    void describeHandshake(bool written, const unsigned char* p, size_t n, QJsonObject* x,
                           QString* detail);
    QString visibility(bool written) const;
    bool encrypted(bool written, int outerType) const;

    TlsContext* ctx_;
    Sink sink_;
    SSL* ssl_ = nullptr;
    QString socket_, local_, remote_;
    QByteArray out_, plain_, pendingWrite_;
    bool server_ = false;
    bool secure_ = false;
    bool failed_ = false;
    bool peerClosed_ = false;
    bool shutdownSent_ = false;
    QString failure_;
    std::function<void(const QByteArray&)> keyLog_;
    int handshakeMessages_ = 0;
    qint64 wireOut_ = 0, wireIn_ = 0;
    // The record whose header was seen last in each direction ([0] read, [1] written): its
    // outer type says whether what it carries was readable on the wire.
    struct Record
    {
        bool pending = false;
        int type = 0;
        int inner = -1;
        int length = 0;
        int version = 0;
    };
    Record last_[2];
    bool ccs_[2] = {false, false}; // ChangeCipherSpec seen: [0] read, [1] written
};

} // namespace netstage
