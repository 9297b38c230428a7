#include "core/tls/tls_engine.h"

#include "core/tls/tls_names.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace netstage {

namespace {

const QString kTls = QStringLiteral("tls");

// Reads big-endian fields of a handshake message without ever running past its end.
struct Reader
{
    const unsigned char* p;
    size_t n;
    bool ok = true;
    size_t pos = 0;

    bool has(size_t k) const { return ok && pos + k <= n; }
    int u8()
    {
        if (!has(1))
            return ok = false, 0;
        return p[pos++];
    }
    int u16()
    {
        if (!has(2))
            return ok = false, 0;
        const int v = (p[pos] << 8) | p[pos + 1];
        pos += 2;
        return v;
    }
    int u24()
    {
        if (!has(3))
            return ok = false, 0;
        const int v = (p[pos] << 16) | (p[pos + 1] << 8) | p[pos + 2];
        pos += 3;
        return v;
    }
    quint32 u32()
    {
        const quint32 hi = static_cast<quint32>(u16());
        return (hi << 16) | static_cast<quint32>(u16());
    }
    Reader sub(size_t k)
    {
        if (!has(k)) {
            ok = false;
            return Reader{p, 0};
        }
        Reader r{p + pos, k};
        pos += k;
        return r;
    }
    void skip(size_t k)
    {
        if (!has(k))
            ok = false;
        else
            pos += k;
    }
    bool atEnd() const { return !ok || pos >= n; }
};

QString asn1Time(const ASN1_TIME* t)
{
    struct tm tm = {};
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        return QString();
    const QDateTime d(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                      QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
    return d.toString(Qt::ISODate);
}

QString nameLine(const X509_NAME* name)
{
    BIO* b = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(b, name, 0, XN_FLAG_RFC2253);
    char* data = nullptr;
    const long n = BIO_get_mem_data(b, &data);
    const QString s = QString::fromUtf8(data, static_cast<int>(n));
    BIO_free(b);
    return s;
}

QJsonObject describeCert(const unsigned char* der, size_t len)
{
    QJsonObject c;
    const unsigned char* q = der;
    X509* x = d2i_X509(nullptr, &q, static_cast<long>(len));
    if (!x)
        return c;
    c.insert(QStringLiteral("subject"), nameLine(X509_get_subject_name(x)));
    c.insert(QStringLiteral("issuer"), nameLine(X509_get_issuer_name(x)));
    c.insert(QStringLiteral("not_before"), asn1Time(X509_get0_notBefore(x)));
    c.insert(QStringLiteral("not_after"), asn1Time(X509_get0_notAfter(x)));
    QJsonArray san;
    auto* names =
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME* g = sk_GENERAL_NAME_value(names, i);
        if (g->type == GEN_DNS) {
            san.append(QStringLiteral("DNS:") +
                       QString::fromLatin1(
                           reinterpret_cast<const char*>(ASN1_STRING_get0_data(g->d.dNSName)),
                           ASN1_STRING_length(g->d.dNSName)));
        } else if (g->type == GEN_IPADD && ASN1_STRING_length(g->d.iPAddress) == 4) {
            const unsigned char* a = ASN1_STRING_get0_data(g->d.iPAddress);
            san.append(QStringLiteral("IP:%1.%2.%3.%4").arg(a[0]).arg(a[1]).arg(a[2]).arg(a[3]));
        }
    }
    GENERAL_NAMES_free(names);
    c.insert(QStringLiteral("san"), san);
    X509_free(x);
    return c;
}

int keylogIndex()
{
    static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

TlsEngine* engineOf(const SSL* ssl)
{
    return static_cast<TlsEngine*>(SSL_get_ex_data(ssl, keylogIndex()));
}

void messageCallback(int writeP, int, int contentType, const void* buf, size_t len, SSL* ssl, void*)
{
    if (TlsEngine* e = engineOf(ssl))
        e->onMessage(writeP != 0, contentType, static_cast<const unsigned char*>(buf), len);
}

void keylogCallback(const SSL* ssl, const char* line)
{
    if (TlsEngine* e = engineOf(ssl))
        e->onKeyLog(line);
}

QString opensslError()
{
    const unsigned long err = ERR_peek_last_error();
    ERR_clear_error();
    if (!err)
        return QString();
    const char* reason = ERR_reason_error_string(err);
    return reason ? QString::fromLatin1(reason) : QString::number(err);
}

bool applyVersion(SSL_CTX* ctx, TlsVersion v)
{
    switch (v) {
    case TlsVersion::Any:
        return SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) == 1 &&
               SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION) == 1;
    case TlsVersion::V12:
        return SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) == 1 &&
               SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION) == 1;
    case TlsVersion::V13:
        return SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION) == 1 &&
               SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION) == 1;
    }
    return false;
}

int alpnSelect(SSL*, const unsigned char** out, unsigned char* outlen, const unsigned char* in,
               unsigned int inlen, void*)
{
    // The lab speaks HTTP/1.1 only; a client that offers no http/1.1 gets no ALPN at all.
    static const unsigned char ours[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    unsigned char* sel = nullptr;
    if (SSL_select_next_proto(&sel, outlen, ours, sizeof ours, in, inlen) != OPENSSL_NPN_NEGOTIATED)
        return SSL_TLSEXT_ERR_NOACK;
    *out = sel;
    return SSL_TLSEXT_ERR_OK;
}

} // namespace

bool parseTlsVersion(const QString& text, TlsVersion* out)
{
    if (text.isEmpty())
        *out = TlsVersion::Any;
    else if (text == QLatin1String("1.2"))
        *out = TlsVersion::V12;
    else if (text == QLatin1String("1.3"))
        *out = TlsVersion::V13;
    else
        return false;
    return true;
}

TlsContext::~TlsContext()
{
    SSL_CTX_free(ctx_);
}

bool TlsContext::initServer(const QString& certPem, const QString& keyPem, TlsVersion version,
                            QString* error)
{
    server_ = true;
    ctx_ = SSL_CTX_new(TLS_server_method());
    if (!ctx_ || !applyVersion(ctx_, version)) {
        *error = tr("OpenSSL could not make a TLS context: %1").arg(opensslError());
        return false;
    }
    if (SSL_CTX_use_certificate_chain_file(ctx_, QFile::encodeName(certPem).constData()) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx_, QFile::encodeName(keyPem).constData(),
                                    SSL_FILETYPE_PEM) != 1) {
        *error = tr("cannot load the server certificate %1: %2").arg(certPem, opensslError());
        return false;
    }
    SSL_CTX_set_alpn_select_cb(ctx_, alpnSelect, nullptr);
    SSL_CTX_set_msg_callback(ctx_, messageCallback);
    SSL_CTX_set_keylog_callback(ctx_, keylogCallback);
    // Resumption is a lesson: keep tickets on (OpenSSL's default), one ticket per handshake.
    SSL_CTX_set_num_tickets(ctx_, 1);
    return true;
}

bool TlsContext::initClient(const QString& caFile, TlsVersion version, QString* error)
{
    server_ = false;
    ctx_ = SSL_CTX_new(TLS_client_method());
    if (!ctx_ || !applyVersion(ctx_, version)) {
        *error = tr("OpenSSL could not make a TLS context: %1").arg(opensslError());
        return false;
    }
    if (!caFile.isEmpty() &&
        SSL_CTX_load_verify_locations(ctx_, QFile::encodeName(caFile).constData(), nullptr) != 1) {
        *error = tr("cannot read the CA certificate %1: %2").arg(caFile, opensslError());
        return false;
    }
    SSL_CTX_set_verify(ctx_, SSL_VERIFY_PEER, nullptr);
    static const unsigned char alpn[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    SSL_CTX_set_alpn_protos(ctx_, alpn, sizeof alpn);
    SSL_CTX_set_session_cache_mode(ctx_, SSL_SESS_CACHE_CLIENT);
    SSL_CTX_set_msg_callback(ctx_, messageCallback);
    SSL_CTX_set_keylog_callback(ctx_, keylogCallback);
    return true;
}

TlsEngine::TlsEngine(TlsContext* context, Sink sink) : ctx_(context), sink_(std::move(sink))
{
    server_ = context->isServer();
    ssl_ = SSL_new(context->get());
    SSL_set_ex_data(ssl_, keylogIndex(), this);
    BIO* rbio = BIO_new(BIO_s_mem());
    BIO* wbio = BIO_new(BIO_s_mem());
    BIO_set_mem_eof_return(rbio, -1); // empty means "more to come", not end of file
    SSL_set_bio(ssl_, rbio, wbio);
    if (server_)
        SSL_set_accept_state(ssl_);
    else
        SSL_set_connect_state(ssl_);
}

TlsEngine::~TlsEngine()
{
    SSL_set_ex_data(ssl_, keylogIndex(), nullptr);
    SSL_free(ssl_);
}

void TlsEngine::setEndpoints(const QString& socket, const QString& local, const QString& remote)
{
    socket_ = socket;
    local_ = local;
    remote_ = remote;
}

void TlsEngine::setServerName(const QString& host)
{
    const QByteArray h = host.toUtf8();
    QHostAddress addr;
    if (!addr.setAddress(host)) // RFC 6066: no SNI for an IP address
        SSL_set_tlsext_host_name(ssl_, h.constData());
    SSL_set1_host(ssl_, h.constData());
}

void TlsEngine::setSession(SSL_SESSION* session)
{
    SSL_set_session(ssl_, session);
}

void TlsEngine::setKeyLogSink(std::function<void(const QByteArray&)> sink)
{
    keyLog_ = std::move(sink);
}

QString TlsEngine::version() const
{
    return QString::fromLatin1(SSL_get_version(ssl_));
}

QString TlsEngine::cipher() const
{
    const SSL_CIPHER* c = SSL_get_current_cipher(ssl_);
    return c ? QString::fromLatin1(SSL_CIPHER_standard_name(c)) : QString();
}

QString TlsEngine::alpn() const
{
    const unsigned char* p = nullptr;
    unsigned int n = 0;
    SSL_get0_alpn_selected(ssl_, &p, &n);
    return n ? QString::fromLatin1(reinterpret_cast<const char*>(p), static_cast<int>(n))
             : QString();
}

bool TlsEngine::resumed() const
{
    return SSL_session_reused(ssl_) == 1;
}

SSL_SESSION* TlsEngine::session() const
{
    return SSL_get1_session(ssl_);
}

void TlsEngine::emitEvent(Event e)
{
    e.socket = socket_;
    e.local = local_;
    e.remote = remote_;
    e.proto = kTls;
    e.source = ev::App;
    sink_(std::move(e));
}

void TlsEngine::start()
{
    pump();
}

void TlsEngine::receive(const QByteArray& bytes)
{
    if (failed_)
        return;
    wireIn_ += bytes.size();
    BIO_write(SSL_get_rbio(ssl_), bytes.constData(), static_cast<int>(bytes.size()));
    pump();
}

void TlsEngine::write(const QByteArray& plain)
{
    if (failed_ || shutdownSent_)
        return;
    pendingWrite_ += plain;
    pump();
}

void TlsEngine::shutdown()
{
    if (failed_ || shutdownSent_)
        return;
    shutdownSent_ = true;
    SSL_shutdown(ssl_);
    flushRecord(true);
    drainOutgoing();
}

void TlsEngine::pump()
{
    if (failed_)
        return;
    if (!secure_) {
        const int r = SSL_do_handshake(ssl_);
        flushRecord(false);
        flushRecord(true);
        if (r == 1) {
            secure_ = true;
            Event e;
            e.event = QStringLiteral("secure");
            QJsonObject x;
            x.insert(QStringLiteral("version"), version());
            x.insert(QStringLiteral("cipher"), cipher());
            if (!alpn().isEmpty())
                x.insert(QStringLiteral("alpn"), alpn());
            x.insert(QStringLiteral("resumed"), resumed());
            x.insert(QStringLiteral("handshake_messages"), handshakeMessages_);
            e.extra = x;
            e.detail = resumed()
                           ? tr("%1 with %2: the handshake is complete, resumed from a session "
                                "ticket (no certificate sent). From here on only encrypted "
                                "application_data records cross the wire.")
                                 .arg(version(), cipher())
                           : tr("%1 with %2: the handshake is complete. From here on only "
                                "encrypted application_data records cross the wire.")
                                 .arg(version(), cipher());
            emitEvent(e);
        } else {
            const int err = SSL_get_error(ssl_, r);
            if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE) {
                drainOutgoing(); // the alert we send about it
                fail(err);
                return;
            }
        }
    }
    if (secure_) {
        while (!pendingWrite_.isEmpty() && !shutdownSent_) {
            size_t written = 0;
            if (SSL_write_ex(ssl_, pendingWrite_.constData(), pendingWrite_.size(), &written) != 1)
                break;
            pendingWrite_.remove(0, static_cast<qsizetype>(written));
        }
        char buf[16384];
        for (;;) {
            size_t n = 0;
            const int r = SSL_read_ex(ssl_, buf, sizeof buf, &n);
            if (r == 1) {
                plain_.append(buf, static_cast<qsizetype>(n));
                continue;
            }
            const int err = SSL_get_error(ssl_, 0);
            if (err == SSL_ERROR_ZERO_RETURN) {
                peerClosed_ = true;
            } else if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE) {
                flushRecord(false);
                drainOutgoing();
                fail(err);
                return;
            }
            break;
        }
        flushRecord(false);
        flushRecord(true);
    }
    drainOutgoing();
}

void TlsEngine::drainOutgoing()
{
    BIO* wbio = SSL_get_wbio(ssl_);
    char buf[16384];
    while (BIO_ctrl_pending(wbio) > 0) {
        const int n = BIO_read(wbio, buf, sizeof buf);
        if (n <= 0)
            break;
        out_.append(buf, n);
        wireOut_ += n;
    }
}

QByteArray TlsEngine::takeOutgoing()
{
    QByteArray o;
    o.swap(out_);
    return o;
}

QByteArray TlsEngine::takePlaintext()
{
    QByteArray o;
    o.swap(plain_);
    return o;
}

void TlsEngine::fail(int sslError)
{
    failed_ = true;
    flushRecord(false);
    flushRecord(true);
    QString reason = opensslError();
    const long verify = SSL_get_verify_result(ssl_);
    Event e;
    e.event = QStringLiteral("tlsError");
    QJsonObject x;
    if (!server_ && verify != X509_V_OK) {
        const QString why = QString::fromLatin1(X509_verify_cert_error_string(verify));
        x.insert(QStringLiteral("verify_error"), why);
        e.detail = tr("The server's certificate is not accepted: %1. The client ends the "
                      "handshake with an alert.")
                       .arg(why);
    } else if (reason == QLatin1String("http request")) {
        e.detail = tr("The peer sent a plain HTTP request to this TLS port (its first bytes "
                      "are text, not a TLS record).");
    } else if (reason == QLatin1String("wrong version number") ||
               reason == QLatin1String("packet length too long") ||
               reason == QLatin1String("record layer failure")) {
        e.detail = tr("The bytes that arrived are not a TLS record (%1): the peer does not "
                      "speak TLS, or the stream is damaged.")
                       .arg(reason);
    } else if (reason.startsWith(QLatin1String("tlsv1 alert")) ||
               reason.startsWith(QLatin1String("sslv3 alert"))) {
        e.detail = tr("The peer refused the handshake with an alert: %1.").arg(reason);
    } else {
        e.detail =
            tr("TLS failed: %1.")
                .arg(reason.isEmpty() ? QStringLiteral("SSL_get_error %1").arg(sslError) : reason);
    }
    e.code = reason.isEmpty() ? QStringLiteral("SSL_ERROR_%1").arg(sslError)
                              : reason.toUpper().replace(QLatin1Char(' '), QLatin1Char('_'));
    x.insert(QStringLiteral("reason"), reason);
    e.extra = x;
    failure_ = e.detail;
    emitEvent(e);
}

// TLS 1.3 hides every protected record behind the outer type application_data; TLS 1.2 keeps
// the real type in clear but encrypts everything after that side's ChangeCipherSpec.
bool TlsEngine::encrypted(bool written, int outerType) const
{
    if (outerType == 23)
        return true;
    return ccs_[written ? 1 : 0] && outerType != 20 && SSL_version(ssl_) != TLS1_3_VERSION;
}

QString TlsEngine::visibility(bool written) const
{
    return encrypted(written, last_[written ? 1 : 0].type) ? QStringLiteral("decrypted")
                                                           : QStringLiteral("clear");
}

void TlsEngine::flushRecord(bool written)
{
    Record& r = last_[written ? 1 : 0];
    if (!r.pending)
        return;
    r.pending = false;
    Event e;
    e.event = QStringLiteral("record");
    e.dir = written ? ev::Out : ev::In;
    e.bytes = 5 + r.length;
    QJsonObject x;
    x.insert(QStringLiteral("content_type"), tls::contentTypeName(r.type));
    if (r.inner >= 0)
        x.insert(QStringLiteral("inner_type"), tls::contentTypeName(r.inner));
    x.insert(QStringLiteral("length"), r.length);
    x.insert(QStringLiteral("record_version"), tls::versionName(r.version));
    const bool known = r.type >= 20 && r.type <= 23;
    x.insert(QStringLiteral("wire"), !known                       ? QStringLiteral("invalid")
                                     : encrypted(written, r.type) ? QStringLiteral("encrypted")
                                                                  : QStringLiteral("clear"));
    e.extra = x;
    emitEvent(e);
}

void TlsEngine::onKeyLog(const char* line)
{
    if (keyLog_)
        keyLog_(QByteArray(line) + '\n');
}

void TlsEngine::onMessage(bool written, int contentType, const unsigned char* buf, size_t len)
{
    const int side = written ? 1 : 0;
    if (contentType == SSL3_RT_HEADER) {
        flushRecord(written);
        if (len < 5)
            return;
        Record& r = last_[side];
        r.pending = true;
        r.type = buf[0];
        r.version = (buf[1] << 8) | buf[2];
        r.length = (buf[3] << 8) | buf[4];
        r.inner = -1;
        if (r.type == 20 && !written) {
            // OpenSSL reports a ChangeCipherSpec it reads only as this record header.
            flushRecord(false);
            onMessage(false, SSL3_RT_CHANGE_CIPHER_SPEC, buf + 5, 0);
        }
        return;
    }
    if (contentType == SSL3_RT_INNER_CONTENT_TYPE) {
        if (len >= 1)
            last_[side].inner = buf[0];
        return;
    }
    flushRecord(written);
    Event e;
    e.dir = written ? ev::Out : ev::In;
    QJsonObject x;
    x.insert(QStringLiteral("visibility"), visibility(written));
    if (contentType == SSL3_RT_HANDSHAKE && len >= 4) {
        ++handshakeMessages_;
        e.event = QStringLiteral("handshake");
        e.bytes = static_cast<qint64>(len);
        QString detail;
        describeHandshake(written, buf, len, &x, &detail);
        e.detail = detail;
    } else if (contentType == SSL3_RT_ALERT && len >= 2) {
        e.event = QStringLiteral("alert");
        x.insert(QStringLiteral("level"),
                 buf[0] == 2 ? QStringLiteral("fatal") : QStringLiteral("warning"));
        x.insert(QStringLiteral("description"), tls::alertName(buf[1]));
        if (buf[1] == 0)
            e.detail = written ? tr("close_notify: this side will send no more data over TLS.")
                               : tr("close_notify: the peer will send no more data over TLS.");
        else
            e.detail = written ? tr("This side ends the handshake with the alert %1.")
                                     .arg(tls::alertName(buf[1]))
                               : tr("The peer ends the connection with the alert %1.")
                                     .arg(tls::alertName(buf[1]));
    } else if (contentType == SSL3_RT_CHANGE_CIPHER_SPEC) {
        ccs_[side] = true;
        e.event = QStringLiteral("handshake");
        x.insert(QStringLiteral("message"), QStringLiteral("ChangeCipherSpec"));
        e.bytes = static_cast<qint64>(len);
    } else {
        return;
    }
    e.extra = x;
    emitEvent(e);
}

void TlsEngine::describeHandshake(bool written, const unsigned char* p, size_t n, QJsonObject* x,
                                  QString* detail)
{
    Reader top{p, n};
    const int type = top.u8();
    const int length = top.u24();
    const QString name = tls::handshakeTypeName(type);
    x->insert(QStringLiteral("message"), name);
    x->insert(QStringLiteral("length"), length);
    Reader r = top.sub(static_cast<size_t>(length));
    if (!r.ok)
        r = Reader{p + 4, n - 4};
    const bool tls13 = SSL_version(ssl_) == TLS1_3_VERSION;

    switch (type) {
    case 1: { // ClientHello
        x->insert(QStringLiteral("legacy_version"), tls::versionName(r.u16()));
        r.skip(32);
        r.skip(static_cast<size_t>(r.u8()));
        Reader cs = r.sub(static_cast<size_t>(r.u16()));
        QJsonArray suites;
        while (!cs.atEnd()) {
            const int id = cs.u16();
            if (!cs.ok || tls::isGrease(id))
                continue;
            const unsigned char bytes[2] = {static_cast<unsigned char>(id >> 8),
                                            static_cast<unsigned char>(id & 0xff)};
            const SSL_CIPHER* c = SSL_CIPHER_find(ssl_, bytes);
            suites.append(c ? QString::fromLatin1(SSL_CIPHER_standard_name(c))
                            : QStringLiteral("0x%1").arg(id, 4, 16, QLatin1Char('0')));
        }
        x->insert(QStringLiteral("cipher_suites"), suites);
        r.skip(static_cast<size_t>(r.u8()));
        Reader exts = r.sub(static_cast<size_t>(r.u16()));
        QJsonArray versions, groups, alpn, names;
        QString sni;
        while (!exts.atEnd()) {
            const int et = exts.u16();
            Reader d = exts.sub(static_cast<size_t>(exts.u16()));
            if (!exts.ok)
                break;
            if (!tls::isGrease(et))
                names.append(tls::extensionName(et));
            if (et == 43) {
                Reader v = d.sub(static_cast<size_t>(d.u8()));
                while (!v.atEnd()) {
                    const int ver = v.u16();
                    if (v.ok && !tls::isGrease(ver))
                        versions.append(tls::versionName(ver));
                }
            } else if (et == 0) {
                Reader l = d.sub(static_cast<size_t>(d.u16()));
                if (l.u8() == 0) {
                    const int k = l.u16();
                    if (l.has(static_cast<size_t>(k)))
                        sni = QString::fromLatin1(reinterpret_cast<const char*>(l.p + l.pos), k);
                }
            } else if (et == 16) {
                Reader l = d.sub(static_cast<size_t>(d.u16()));
                while (!l.atEnd()) {
                    const int k = l.u8();
                    if (!l.has(static_cast<size_t>(k)))
                        break;
                    alpn.append(QString::fromLatin1(reinterpret_cast<const char*>(l.p + l.pos), k));
                    l.skip(static_cast<size_t>(k));
                }
            } else if (et == 51) {
                Reader l = d.sub(static_cast<size_t>(d.u16()));
                while (!l.atEnd()) {
                    const int g = l.u16();
                    l.skip(static_cast<size_t>(l.u16()));
                    if (l.ok && !tls::isGrease(g))
                        groups.append(tls::groupName(g));
                }
            }
        }
        if (versions.isEmpty())
            versions.append(x->value(QStringLiteral("legacy_version")));
        x->insert(QStringLiteral("versions"), versions);
        if (!sni.isEmpty())
            x->insert(QStringLiteral("sni"), sni);
        x->insert(QStringLiteral("alpn"), alpn);
        x->insert(QStringLiteral("key_share"), groups);
        x->insert(QStringLiteral("extensions"), names);
        QStringList v;
        for (const auto& s : versions)
            v << s.toString();
        *detail = tr("ClientHello, in clear: offers %1, %n cipher suite(s), server name "
                     "\"%2\"; with a key share it could finish in one round trip.",
                     nullptr, suites.size())
                      .arg(v.join(QStringLiteral(", ")), sni.isEmpty() ? QStringLiteral("-") : sni);
        break;
    }
    case 2: { // ServerHello
        int version = r.u16();
        r.skip(32);
        r.skip(static_cast<size_t>(r.u8()));
        const int suite = r.u16();
        r.skip(1);
        QString group;
        if (r.has(2)) {
            Reader exts = r.sub(static_cast<size_t>(r.u16()));
            while (!exts.atEnd()) {
                const int et = exts.u16();
                Reader d = exts.sub(static_cast<size_t>(exts.u16()));
                if (et == 43)
                    version = d.u16();
                else if (et == 51)
                    group = tls::groupName(d.u16());
            }
        }
        const unsigned char bytes[2] = {static_cast<unsigned char>(suite >> 8),
                                        static_cast<unsigned char>(suite & 0xff)};
        const SSL_CIPHER* c = SSL_CIPHER_find(ssl_, bytes);
        const QString suiteName =
            c ? QString::fromLatin1(SSL_CIPHER_standard_name(c)) : QString::number(suite, 16);
        x->insert(QStringLiteral("version"), tls::versionName(version));
        x->insert(QStringLiteral("cipher_suite"), suiteName);
        if (!group.isEmpty())
            x->insert(QStringLiteral("key_share"), group);
        *detail = tr("ServerHello, in clear: %1, %2. After it both sides derive the "
                     "handshake keys; in TLS 1.3 everything that follows is encrypted.")
                      .arg(tls::versionName(version), suiteName);
        if (version == 0x0303)
            *detail = tr("ServerHello, in clear: %1, %2. In TLS 1.2 the certificate and the "
                         "key exchange follow in clear too.")
                          .arg(tls::versionName(version), suiteName);
        break;
    }
    case 8: { // EncryptedExtensions
        Reader exts = r.sub(static_cast<size_t>(r.u16()));
        QJsonArray names;
        while (!exts.atEnd()) {
            const int et = exts.u16();
            Reader d = exts.sub(static_cast<size_t>(exts.u16()));
            if (!exts.ok)
                break;
            names.append(tls::extensionName(et));
            if (et == 16) {
                Reader l = d.sub(static_cast<size_t>(d.u16()));
                const int k = l.u8();
                if (l.has(static_cast<size_t>(k)))
                    x->insert(QStringLiteral("alpn"),
                              QString::fromLatin1(reinterpret_cast<const char*>(l.p + l.pos), k));
            }
        }
        x->insert(QStringLiteral("extensions"), names);
        *detail = tr("EncryptedExtensions: the server's choices that need not be in clear "
                     "(ALPN %1).")
                      .arg(x->value(QStringLiteral("alpn")).toString(QStringLiteral("-")));
        break;
    }
    case 11: { // Certificate
        if (tls13)
            r.skip(static_cast<size_t>(r.u8()));
        Reader list = r.sub(static_cast<size_t>(r.u24()));
        QJsonArray chain;
        while (!list.atEnd()) {
            const int k = list.u24();
            if (!list.has(static_cast<size_t>(k)))
                break;
            chain.append(describeCert(list.p + list.pos, static_cast<size_t>(k)));
            list.skip(static_cast<size_t>(k));
            if (tls13)
                list.skip(static_cast<size_t>(list.u16()));
        }
        x->insert(QStringLiteral("chain"), chain);
        if (!chain.isEmpty()) {
            const QJsonObject leaf = chain.first().toObject();
            for (const QString& k :
                 {QStringLiteral("subject"), QStringLiteral("issuer"), QStringLiteral("not_before"),
                  QStringLiteral("not_after"), QStringLiteral("san")})
                x->insert(k, leaf.value(k));
            QStringList san;
            for (const auto& s : leaf.value(QStringLiteral("san")).toArray())
                san << s.toString();
            *detail = tr("Certificate: %1, issued by %2, valid until %3, names %4.")
                          .arg(leaf.value(QStringLiteral("subject")).toString(),
                               leaf.value(QStringLiteral("issuer")).toString(),
                               leaf.value(QStringLiteral("not_after")).toString(),
                               san.join(QStringLiteral(", ")));
        }
        break;
    }
    case 12: { // ServerKeyExchange (ECDHE)
        if (r.u8() == 3) {
            const QString g = tls::groupName(r.u16());
            x->insert(QStringLiteral("group"), g);
            *detail = tr("ServerKeyExchange, in clear: the server's ephemeral %1 key, signed "
                         "with its certificate's key.")
                          .arg(g);
        }
        break;
    }
    case 14:
        *detail = tr("ServerHelloDone: the server's first flight is over; the client answers "
                     "(the second round trip of TLS 1.2).");
        break;
    case 16:
        *detail = tr("ClientKeyExchange, in clear: the client's ephemeral key. Both sides can "
                     "now compute the keys.");
        break;
    case 15: { // CertificateVerify
        const QString s = tls::signatureName(r.u16());
        x->insert(QStringLiteral("signature"), s);
        *detail = tr("CertificateVerify: a %1 signature over the handshake so far, proving the "
                     "server holds the certificate's private key.")
                      .arg(s);
        break;
    }
    case 20:
        x->insert(QStringLiteral("verify_data_bytes"), length);
        *detail = written ? tr("Finished: a MAC over the whole handshake; this side is done.")
                          : tr("Finished from the peer: the handshake was not tampered with.");
        break;
    case 4: { // NewSessionTicket
        const quint32 lifetime = r.u32();
        x->insert(QStringLiteral("lifetime_s"), static_cast<qint64>(lifetime));
        if (tls13) {
            r.skip(4);
            r.skip(static_cast<size_t>(r.u8()));
        }
        x->insert(QStringLiteral("ticket_bytes"), r.u16());
        *detail = tr("NewSessionTicket: a ticket (valid %n s) the client can show next time "
                     "to resume without a certificate.",
                     nullptr, static_cast<int>(lifetime));
        break;
    }
    default:
        break;
    }
    Q_UNUSED(written);
}

} // namespace netstage
