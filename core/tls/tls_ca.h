#pragma once

#include <QCoreApplication>
#include <QString>

namespace netstage {

// The HTTPS lab's own certificate authority, made with OpenSSL on first use and kept in the
// user's data folder (QStandardPaths::AppDataLocation/tls; NETSTAGE_TLS_DIR overrides it, as
// the tests do). Never in the repository, never trusted system-wide: a student trusts it in a
// browser by hand (README). Files:
//   ca.pem / ca.key          the CA ("NetStage Local CA"), 10 years
//   server.pem / server.key  example.test, www.example.test, localhost, 127.0.0.1 (SAN), 1 year
// Keys are ECDSA P-256 (small records on the ladder); the server key file is mode 0600.
class TlsCa
{
    Q_DECLARE_TR_FUNCTIONS(netstage::TlsCa)
public:
    explicit TlsCa(const QString& directory = defaultDirectory());

    static QString defaultDirectory();
    QString directory() const { return dir_; }
    QString caCertPath() const;
    QString caKeyPath() const;
    QString serverCertPath() const;
    QString serverKeyPath() const;

    // Makes the CA and the server certificate if they are missing or unreadable. False with
    // *error (a sentence) when the folder cannot be written.
    bool ensure(QString* error);
    bool createdNow() const { return created_; }

    // A server certificate the client must refuse, for the bad-certificate lesson: signed by
    // nobody (self-signed), for another name, expired (valid 60 to 30 days ago), or signed by a
    // CA the client does not know. Written as bad-cert.pem / bad-cert.key into `dir`.
    enum class BadCertificate
    {
        SelfSigned,
        WrongName,
        Expired,
        UnknownCa
    };
    bool makeBadCertificate(BadCertificate kind, const QString& dir, QString* certPath,
                            QString* keyPath, QString* error);

private:
    QString dir_;
    bool created_ = false;
};

} // namespace netstage
