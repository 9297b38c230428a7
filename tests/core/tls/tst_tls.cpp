// The HTTPS lab in one process on real loopback sockets: the local CA, a TLS 1.3 and a TLS 1.2
// handshake message by message (fields, and what the wire shows in clear), resumption with a
// ticket, a certificate the client does not trust, and bad input at the TLS port (plain HTTP,
// garbage, a client that stops mid-handshake), the server serving the next client each time.
#include "test_util.h"

#include "core/base/timeline.h"
#include "core/tls/https_client.h"
#include "core/tls/https_server.h"
#include "core/tls/tls_ca.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/pem.h>
#include <openssl/x509v3.h>

using namespace netstage;
using testutil::all;
using testutil::Match;

namespace {

QString field(const Event& e, const char* name)
{
    return e.extra.value(QLatin1String(name)).toString();
}

// The handshake messages of one socket in order, "dir:name".
QStringList handshake(const std::vector<Event>& evs, const QString& socket)
{
    QStringList out;
    for (const Event& e : evs) {
        if (e.socket == socket && e.event == QLatin1String("handshake"))
            out << e.dir + QLatin1Char(':') + field(e, "message");
    }
    return out;
}

const Event* message(const std::vector<Event>& evs, const QString& socket, const QString& name,
                     const QString& dir = {})
{
    for (const Event& e : evs) {
        if (e.socket == socket && e.event == QLatin1String("handshake") &&
            field(e, "message") == name && (dir.isEmpty() || e.dir == dir))
            return &e;
    }
    return nullptr;
}

} // namespace

class TstTls : public QObject
{
    Q_OBJECT
    QTemporaryDir dir_;
    Timeline tl_;
    HttpsServer* server_ = nullptr;

    HttpsResult fetch(HttpsClient& c, const QString& url)
    {
        const int id = c.fetch(QUrl(url));
        QSignalSpy spy(&c, &HttpsClient::finished);
        for (int i = 0; i < 50 && !c.result(id).done; ++i)
            spy.wait(200);
        // Let close_notify and the FINs arrive, so the events are complete.
        for (int i = 0; i < 50 && c.openConnections() > 0; ++i)
            QTest::qWait(20);
        QTest::qWait(50);
        return c.result(id);
    }
    QString url(const QString& path = QStringLiteral("/")) const
    {
        return QStringLiteral("https://localhost:%1%2").arg(server_->port()).arg(path);
    }
    void restart(TlsVersion v)
    {
        HttpsServerOptions o;
        o.port = 0;
        o.version = v;
        o.keyLogFile = dir_.filePath(QStringLiteral("server.keys"));
        QVERIFY(server_->start(o));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        qputenv("NETSTAGE_TLS_DIR", dir_.filePath(QStringLiteral("tls")).toUtf8());
        server_ = new HttpsServer(&tl_, nullptr, nullptr, this);
        restart(TlsVersion::Any);
    }

    void caIsMadeOnceWithTheThreeNames()
    {
        TlsCa ca;
        QCOMPARE(ca.directory(), dir_.filePath(QStringLiteral("tls")));
        QString why;
        QVERIFY2(ca.ensure(&why), qPrintable(why));
        QVERIFY(!ca.createdNow()); // the server made it already
        QFile f(ca.serverCertPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pem = f.readAll();
        BIO* b = BIO_new_mem_buf(pem.constData(), int(pem.size()));
        X509* x = PEM_read_bio_X509(b, nullptr, nullptr, nullptr);
        BIO_free(b);
        QVERIFY(x);
        for (const char* host : {"example.test", "www.example.test", "localhost"})
            QVERIFY2(X509_check_host(x, host, 0, 0, nullptr) == 1, host);
        QVERIFY(X509_check_host(x, "other.test", 0, 0, nullptr) != 1);
        X509_free(x);
        QVERIFY(QFile::permissions(ca.serverKeyPath()) & QFileDevice::ReadOwner);
        QVERIFY(!(QFile::permissions(ca.serverKeyPath()) & QFileDevice::ReadOther));
    }

    void tls13EveryMessageWithItsFields()
    {
        tl_.clear();
        HttpsClient c(&tl_, nullptr, nullptr);
        QString why;
        QVERIFY2(c.setup(QString(), TlsVersion::Any, &why), qPrintable(why));
        c.setResumption(false);
        const HttpsResult r = fetch(c, url(QStringLiteral("/index.html")));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("<html"));
        QCOMPARE(r.version, QStringLiteral("TLSv1.3"));
        QCOMPARE(r.alpn, QStringLiteral("http/1.1"));
        const auto evs = all(tl_);
        const QString cs = r.socket;
        QCOMPARE(handshake(evs, cs),
                 QStringList({"out:ClientHello", "in:ServerHello", "in:ChangeCipherSpec",
                              "in:EncryptedExtensions", "in:Certificate", "in:CertificateVerify",
                              "in:Finished", "out:ChangeCipherSpec", "out:Finished",
                              "in:NewSessionTicket"}));
        const Event* ch = message(evs, cs, QStringLiteral("ClientHello"));
        QCOMPARE(field(*ch, "visibility"), QStringLiteral("clear"));
        QCOMPARE(field(*ch, "sni"), QStringLiteral("localhost"));
        QVERIFY(ch->extra.value(QLatin1String("versions"))
                    .toArray()
                    .contains(QStringLiteral("TLS 1.3")));
        QVERIFY(
            ch->extra.value(QLatin1String("alpn")).toArray().contains(QStringLiteral("http/1.1")));
        QVERIFY(ch->extra.value(QLatin1String("cipher_suites"))
                    .toArray()
                    .contains(QStringLiteral("TLS_AES_128_GCM_SHA256")));
        QVERIFY(!ch->extra.value(QLatin1String("key_share")).toArray().isEmpty());
        const Event* sh = message(evs, cs, QStringLiteral("ServerHello"));
        QCOMPARE(field(*sh, "visibility"), QStringLiteral("clear"));
        QCOMPARE(field(*sh, "version"), QStringLiteral("TLS 1.3"));
        QVERIFY(!field(*sh, "cipher_suite").isEmpty());
        const Event* ee = message(evs, cs, QStringLiteral("EncryptedExtensions"));
        QCOMPARE(field(*ee, "visibility"), QStringLiteral("decrypted"));
        QCOMPARE(field(*ee, "alpn"), QStringLiteral("http/1.1"));
        const Event* cert = message(evs, cs, QStringLiteral("Certificate"));
        QCOMPARE(field(*cert, "visibility"), QStringLiteral("decrypted"));
        QVERIFY(field(*cert, "subject").contains(QStringLiteral("CN=www.example.test")));
        QVERIFY(field(*cert, "issuer").contains(QStringLiteral("CN=NetStage Local CA")));
        QVERIFY(cert->extra.value(QLatin1String("san"))
                    .toArray()
                    .contains(QStringLiteral("DNS:localhost")));
        QVERIFY(!field(*cert, "not_after").isEmpty());
        QCOMPARE(field(*message(evs, cs, QStringLiteral("CertificateVerify")), "signature"),
                 QStringLiteral("ecdsa_secp256r1_sha256"));
        // The server's own view of the same handshake, on its connection.
        const int req =
            testutil::indexOf(evs, Match({}, QStringLiteral("request"), ev::App, ev::In));
        QVERIFY(req >= 0);
        const QString ss = evs[size_t(req)].socket;
        QVERIFY(ss != cs);
        QCOMPARE(handshake(evs, ss).mid(0, 2), QStringList({"in:ClientHello", "out:ServerHello"}));
        // Records: the ClientHello's record is handshake in clear; application data encrypted.
        bool clearHandshake = false, encryptedData = false;
        for (const Event& e : evs) {
            if (e.socket != cs || e.event != QLatin1String("record"))
                continue;
            QVERIFY(e.bytes > 5);
            if (e.dir == ev::Out && field(e, "content_type") == QLatin1String("handshake"))
                clearHandshake = field(e, "wire") == QLatin1String("clear");
            if (field(e, "inner_type") == QLatin1String("application_data"))
                encryptedData = field(e, "wire") == QLatin1String("encrypted") &&
                                field(e, "content_type") == QLatin1String("application_data");
        }
        QVERIFY(clearHandshake);
        QVERIFY(encryptedData);
        // close_notify from the client (it sent Connection: close and read the answer).
        bool closeNotify = false;
        for (const Event& e : evs)
            closeNotify |= e.socket == cs && e.event == QLatin1String("alert") &&
                           e.dir == ev::Out &&
                           field(e, "description") == QLatin1String("close_notify");
        QVERIFY(closeNotify);
        QVERIFY(r.timing.tlsUs > 0);
        QVERIFY(r.timing.connectUs > 0);
        // The key log has the TLS 1.3 secrets.
        QFile keys(dir_.filePath(QStringLiteral("server.keys")));
        QVERIFY(keys.open(QIODevice::ReadOnly));
        const QByteArray k = keys.readAll();
        QVERIFY(k.contains("CLIENT_HANDSHAKE_TRAFFIC_SECRET "));
        QVERIFY(k.contains("CLIENT_TRAFFIC_SECRET_0 "));
    }

    void tls12TakesTwoRoundTrips()
    {
        tl_.clear();
        HttpsClient c(&tl_, nullptr, nullptr);
        QString why;
        QVERIFY(c.setup(QString(), TlsVersion::V12, &why));
        c.setResumption(false);
        const HttpsResult r = fetch(c, url());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.version, QStringLiteral("TLSv1.2"));
        const auto evs = all(tl_);
        const QStringList h = handshake(evs, r.socket);
        QCOMPARE(h.mid(0, 5), QStringList({"out:ClientHello", "in:ServerHello", "in:Certificate",
                                           "in:ServerKeyExchange", "in:ServerHelloDone"}));
        QCOMPARE(h.mid(5),
                 QStringList({"out:ClientKeyExchange", "out:ChangeCipherSpec", "out:Finished",
                              "in:NewSessionTicket", "in:ChangeCipherSpec", "in:Finished"}));
        // In TLS 1.2 the certificate crosses the wire in clear; only Finished is encrypted.
        QCOMPARE(field(*message(evs, r.socket, QStringLiteral("Certificate")), "visibility"),
                 QStringLiteral("clear"));
        QCOMPARE(field(*message(evs, r.socket, QStringLiteral("Finished"), ev::In), "visibility"),
                 QStringLiteral("decrypted"));
        // Two flights from the client before the request: ClientHello, then ClientKeyExchange.
        int clientFlights = 0;
        QString lastDir;
        for (const QString& m : h) {
            const QString d = m.section(QLatin1Char(':'), 0, 0);
            if (d == QLatin1String("out") && lastDir != d)
                ++clientFlights;
            lastDir = d;
        }
        QCOMPARE(clientFlights, 2);
    }

    void resumptionSkipsTheCertificate()
    {
        tl_.clear();
        HttpsClient c(&tl_, nullptr, nullptr);
        QString why;
        QVERIFY(c.setup(QString(), TlsVersion::Any, &why));
        const HttpsResult first = fetch(c, url());
        const HttpsResult second = fetch(c, url(QStringLiteral("/style.css")));
        QVERIFY2(first.ok && second.ok, qPrintable(first.error + second.error));
        QVERIFY(!first.resumed);
        QVERIFY(second.resumed);
        const auto evs = all(tl_);
        QVERIFY(message(evs, first.socket, QStringLiteral("Certificate")));
        QVERIFY(!message(evs, second.socket, QStringLiteral("Certificate")));
        QVERIFY(second.handshakeMessages < first.handshakeMessages);
        QVERIFY2(
            second.wireBytesIn < first.wireBytesIn,
            qPrintable(QStringLiteral("%1 vs %2").arg(second.wireBytesIn).arg(first.wireBytesIn)));
    }

    void untrustedCertificateFailsWithAnAlert()
    {
        tl_.clear();
        // A CA of its own in another folder: the server's certificate is not signed by it.
        QTemporaryDir other;
        TlsCa stranger(other.path());
        QString why;
        QVERIFY(stranger.ensure(&why));
        HttpsClient c(&tl_, nullptr, nullptr);
        QVERIFY(c.setup(stranger.caCertPath(), TlsVersion::Any, &why));
        const HttpsResult r = fetch(c, url());
        QVERIFY(!r.ok);
        QCOMPARE(r.code, QStringLiteral("ERR_TLS_HANDSHAKE"));
        QVERIFY2(r.error.contains(QStringLiteral("certificate")), qPrintable(r.error));
        const auto evs = all(tl_);
        bool sent = false, got = false;
        for (const Event& e : evs) {
            if (e.event != QLatin1String("alert"))
                continue;
            if (e.socket == r.socket && e.dir == ev::Out)
                sent = field(e, "description") == QLatin1String("unknown_ca");
            if (e.socket != r.socket && e.dir == ev::In)
                got = field(e, "description") == QLatin1String("unknown_ca");
        }
        QVERIFY(sent);
        QVERIFY(got);
    }

    void badInputIsOneConnectionsProblem_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QByteArray>("answerStart");
        QTest::addColumn<bool>("clientStops");
        QTest::newRow("plain HTTP")
            << QByteArray("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
            << QStringLiteral("HTTP_REQUEST") << QByteArray("HTTP/1.1 400 Bad Request") << false;
        // Not a record at all: OpenSSL closes without an alert (no version to speak it in).
        QTest::newRow("garbage") << QByteArray(64, '\xff') << QStringLiteral("WRONG_VERSION_NUMBER")
                                 << QByteArray() << false;
        // A ClientHello record header promising 512 bytes, then the client stops.
        QTest::newRow("stops mid-handshake")
            << QByteArray::fromHex("160301020001") << QStringLiteral("ECONNRESET") << QByteArray()
            << true;
    }
    void badInputIsOneConnectionsProblem()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, code);
        QFETCH(QByteArray, answerStart);
        QFETCH(bool, clientStops);
        tl_.clear();
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server_->port());
        QVERIFY(s.waitForConnected(3000));
        s.write(bytes);
        s.flush();
        if (clientStops) {
            QTest::qWait(100);
            s.disconnectFromHost(); // FIN in the middle of the record
        }
        QByteArray answer;
        for (int i = 0; i < 50 && s.state() == QAbstractSocket::ConnectedState; ++i) {
            QTest::qWait(20);
            answer += s.readAll();
        }
        answer += s.readAll();
        QVERIFY2(answer.startsWith(answerStart), answer.toHex().constData());
        QCOMPARE(s.state(), QAbstractSocket::UnconnectedState); // the server closed it
        QTest::qWait(50);
        const auto errs = testutil::filter(all(tl_), Match({}, QStringLiteral("tlsError")));
        QVERIFY(!errs.empty());
        if (!code.isEmpty())
            QCOMPARE(errs.front().code, code);
        QVERIFY(!errs.front().detail.isEmpty());
        // The next client is served.
        HttpsClient c(&tl_, nullptr, nullptr);
        QString why;
        QVERIFY(c.setup(QString(), TlsVersion::Any, &why));
        QVERIFY(fetch(c, url()).ok);
    }

    void redirectStaysOnTls()
    {
        HttpsClient c(&tl_, nullptr, nullptr);
        QString why;
        QVERIFY(c.setup(QString(), TlsVersion::Any, &why));
        c.setResolveOverride(QStringLiteral("example.test"), QHostAddress::LocalHost);
        const HttpsResult r =
            fetch(c, QStringLiteral("https://example.test:%1/").arg(server_->port()));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.status, 301);
        QCOMPARE(httpHeader(r.headers, "Location"),
                 QStringLiteral("https://www.example.test:%1/").arg(server_->port()).toLatin1());
    }
};

QTEST_GUILESS_MAIN(TstTls)
#include "tst_tls.moc"
