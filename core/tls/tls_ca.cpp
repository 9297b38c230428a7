#include "core/tls/tls_ca.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace netstage {

namespace {

struct Free
{
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(X509* p) const { X509_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Free>;
using Cert = std::unique_ptr<X509, Free>;
using Bio = std::unique_ptr<BIO, Free>;

Key newKey()
{
    return Key(EVP_EC_gen("P-256"));
}

bool addExt(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

void setName(X509_NAME* name, const char* cn)
{
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("NetStage"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(cn), -1, -1, 0);
}

// A certificate for `key`, signed by `issuerKey` (itself when issuer is null).
Cert makeCert(EVP_PKEY* key, const char* cn, X509* issuer, EVP_PKEY* issuerKey, long days, bool ca,
              const char* san, long fromDays = 0)
{
    Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f; // positive
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    // An hour of clock skew before now; fromDays moves the whole period (an expired one).
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), fromDays * 24 * 3600 - 3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), (fromDays + days) * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    setName(X509_get_subject_name(cert.get()), cn);
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer)
                                            : X509_get_subject_name(cert.get()));
    X509* signer = issuer ? issuer : cert.get();
    bool ok = addExt(cert.get(), signer, NID_subject_key_identifier, "hash");
    ok = ok && addExt(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
    if (ca) {
        ok = ok && addExt(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
        ok = ok && addExt(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        ok = ok && addExt(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        ok = ok && addExt(cert.get(), signer, NID_key_usage, "critical,digitalSignature");
        ok = ok && addExt(cert.get(), signer, NID_ext_key_usage, "serverAuth");
        ok = ok && addExt(cert.get(), signer, NID_subject_alt_name, san);
    }
    if (!ok || X509_sign(cert.get(), issuerKey, EVP_sha256()) == 0)
        return nullptr;
    return cert;
}

QByteArray pem(X509* cert)
{
    Bio b(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(b.get(), cert);
    char* data = nullptr;
    const long n = BIO_get_mem_data(b.get(), &data);
    return QByteArray(data, n);
}

QByteArray pem(EVP_PKEY* key)
{
    Bio b(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(b.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long n = BIO_get_mem_data(b.get(), &data);
    return QByteArray(data, n);
}

Cert readCert(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return nullptr;
    const QByteArray bytes = f.readAll();
    Bio b(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
    return Cert(PEM_read_bio_X509(b.get(), nullptr, nullptr, nullptr));
}

Key readKey(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return nullptr;
    const QByteArray bytes = f.readAll();
    Bio b(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
    return Key(PEM_read_bio_PrivateKey(b.get(), nullptr, nullptr, nullptr));
}

bool save(const QString& path, const QByteArray& bytes, bool secret, QString* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = TlsCa::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    if (secret)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(bytes);
    if (!f.commit()) {
        *error = TlsCa::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

TlsCa::TlsCa(const QString& directory) : dir_(directory) {}

QString TlsCa::defaultDirectory()
{
    const QString env = qEnvironmentVariable("NETSTAGE_TLS_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/tls");
}

QString TlsCa::caCertPath() const
{
    return dir_ + QStringLiteral("/ca.pem");
}
QString TlsCa::caKeyPath() const
{
    return dir_ + QStringLiteral("/ca.key");
}
QString TlsCa::serverCertPath() const
{
    return dir_ + QStringLiteral("/server.pem");
}
QString TlsCa::serverKeyPath() const
{
    return dir_ + QStringLiteral("/server.key");
}

bool TlsCa::ensure(QString* error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    created_ = false;
    Cert caCert = readCert(caCertPath());
    Key caKey = readKey(caKeyPath());
    Cert serverCert = readCert(serverCertPath());
    Key serverKey = readKey(serverKeyPath());
    if (caCert && caKey && serverCert && serverKey &&
        X509_verify(serverCert.get(), caKey.get()) == 1)
        return true;
    if (!QDir().mkpath(dir_)) {
        *error = tr("cannot make the folder %1").arg(dir_);
        return false;
    }
    QFile::setPermissions(dir_,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!caCert || !caKey || X509_check_private_key(caCert.get(), caKey.get()) != 1) {
        caKey = newKey();
        caCert = caKey ? makeCert(caKey.get(), "NetStage Local CA", nullptr, caKey.get(), 3650,
                                  true, nullptr)
                       : nullptr;
        if (!caCert) {
            *error = tr("OpenSSL could not make the local certificate authority");
            return false;
        }
        if (!save(caKeyPath(), pem(caKey.get()), true, error) ||
            !save(caCertPath(), pem(caCert.get()), false, error))
            return false;
    }
    serverKey = newKey();
    serverCert = serverKey ? makeCert(serverKey.get(), "www.example.test", caCert.get(),
                                      caKey.get(), 365, false,
                                      "DNS:www.example.test,DNS:example.test,DNS:localhost,"
                                      "IP:127.0.0.1")
                           : nullptr;
    if (!serverCert) {
        *error = tr("OpenSSL could not make the server certificate");
        return false;
    }
    if (!save(serverKeyPath(), pem(serverKey.get()), true, error) ||
        !save(serverCertPath(), pem(serverCert.get()), false, error))
        return false;
    created_ = true;
    return true;
}

bool TlsCa::makeBadCertificate(BadCertificate kind, const QString& dir, QString* certPath,
                               QString* keyPath, QString* error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    if (!ensure(error))
        return false;
    Cert caCert = readCert(caCertPath());
    Key caKey = readKey(caKeyPath());
    Key key = newKey();
    if (!caCert || !caKey || !key || !QDir().mkpath(dir)) {
        *error = tr("OpenSSL could not make the server certificate");
        return false;
    }
    const char* goodNames = "DNS:www.example.test,DNS:example.test,DNS:localhost,IP:127.0.0.1";
    Cert cert;
    switch (kind) {
    case BadCertificate::SelfSigned:
        cert = makeCert(key.get(), "www.example.test", nullptr, key.get(), 365, false, goodNames);
        break;
    case BadCertificate::WrongName:
        cert = makeCert(key.get(), "other.example", caCert.get(), caKey.get(), 365, false,
                        "DNS:other.example");
        break;
    case BadCertificate::Expired:
        cert = makeCert(key.get(), "www.example.test", caCert.get(), caKey.get(), 30, false,
                        goodNames, -60);
        break;
    case BadCertificate::UnknownCa: {
        // A CA nobody was told to trust, made here and thrown away.
        Key strangerKey = newKey();
        Cert stranger = strangerKey ? makeCert(strangerKey.get(), "Some Other CA", nullptr,
                                               strangerKey.get(), 365, true, nullptr)
                                    : nullptr;
        if (stranger)
            cert = makeCert(key.get(), "www.example.test", stranger.get(), strangerKey.get(), 365,
                            false, goodNames);
        break;
    }
    }
    if (!cert) {
        *error = tr("OpenSSL could not make the server certificate");
        return false;
    }
    *certPath = dir + QStringLiteral("/bad-cert.pem");
    *keyPath = dir + QStringLiteral("/bad-cert.key");
    return save(*keyPath, pem(key.get()), true, error) &&
           save(*certPath, pem(cert.get()), false, error);
}

} // namespace netstage
