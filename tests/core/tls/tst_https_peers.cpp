// Real peers against `netstage https`: curl --cacert (TLS 1.3 and 1.2, phases), Node's https
// module as client and as server, openssl s_client (version, cipher, chain), and tshark
// decrypting a NetStage capture with its key log. Each skips when its peer is not installed.
#include "http_test_util.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>

using httptest::Proc;

namespace {
const QString kBin = QStringLiteral(NETSTAGE_BIN);

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TstHttpsPeers : public QObject
{
    Q_OBJECT
    QTemporaryDir dir_;
    Proc server_;
    quint16 port_ = 0;
    QString ca_;

    QString path(const char* name) const { return dir_.filePath(QLatin1String(name)); }
    QByteArray serverEvents() const { return readAll(path("server.jsonl")); }
    std::vector<netstage::Event> serverEventList() const
    {
        return testutil::parseLines(serverEvents());
    }
    QString secureVersionOfLastConnection() const
    {
        QString v;
        for (const auto& e : serverEventList()) {
            if (e.event == QLatin1String("secure"))
                v = e.extra.value(QLatin1String("version")).toString();
        }
        return v;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        qputenv("NETSTAGE_TLS_DIR", path("tls").toUtf8());
        Proc ca;
        QVERIFY2(ca.run(kBin, {QStringLiteral("https"), QStringLiteral("ca")}) && ca.exitedWith(0),
                 ca.report().constData());
        ca_ = QString::fromUtf8(ca.out.trimmed());
        QCOMPARE(ca_, path("tls") + QStringLiteral("/ca.pem"));
        QVERIFY(QFile::exists(ca_));
        // server_ was made before the variable was set: give it the test's CA folder too.
        QProcessEnvironment env = server_.p.processEnvironment();
        env.insert(QStringLiteral("NETSTAGE_TLS_DIR"), path("tls"));
        server_.p.setProcessEnvironment(env);
        server_.start(
            kBin, {QStringLiteral("https"), QStringLiteral("serve"), QStringLiteral("--port"),
                   QStringLiteral("0"), QStringLiteral("--keylog"), path("server.keys"),
                   QStringLiteral("--events"), path("server.jsonl"), QStringLiteral("--quiet")});
        for (int i = 0; i < 100 && !port_; ++i) {
            QTest::qWait(50);
            port_ = httptest::listeningPort(serverEvents(), QStringLiteral("https-server"));
        }
        QVERIFY2(port_, server_.report().constData());
    }
    void cleanupTestCase()
    {
        server_.terminate();
        QVERIFY(server_.finish(10000));
    }

    void curlWithTheCa_data()
    {
        QTest::addColumn<QStringList>("tlsArgs");
        QTest::addColumn<QString>("version");
        QTest::newRow("TLS 1.3") << QStringList() << QStringLiteral("TLSv1.3");
        QTest::newRow("TLS 1.2") << QStringList({QStringLiteral("--tlsv1.2"),
                                                 QStringLiteral("--tls-max"),
                                                 QStringLiteral("1.2")})
                                 << QStringLiteral("TLSv1.2");
    }
    void curlWithTheCa()
    {
        QFETCH(QStringList, tlsArgs);
        QFETCH(QString, version);
        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        if (curl.isEmpty())
            QSKIP("curl is not installed");
        Proc p;
        QVERIFY(p.run(
            curl,
            QStringList{QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("20"),
                        QStringLiteral("--cacert"), ca_, QStringLiteral("--resolve"),
                        QStringLiteral("www.example.test:%1:127.0.0.1").arg(port_),
                        QStringLiteral("-o"), path("curl.html"), QStringLiteral("-w"),
                        QStringLiteral("%{http_code} %{ssl_verify_result} "
                                       "%{time_connect} %{time_appconnect} "
                                       "%{size_download}")} +
                tlsArgs + QStringList{QStringLiteral("https://www.example.test:%1/").arg(port_)}));
        QVERIFY2(p.exitedWith(0), p.report().constData());
        const QList<QByteArray> w = p.out.split(' ');
        QCOMPARE(w.value(0), QByteArray("200"));
        QCOMPARE(w.value(1), QByteArray("0")); // the certificate verified with the CA
        // The TLS handshake takes time after the TCP connection (appconnect > connect).
        QVERIFY2(w.value(3).toDouble() > w.value(2).toDouble(), p.out.constData());
        QCOMPARE(w.value(4).toLongLong(), QFileInfo(path("curl.html")).size());
        QVERIFY(readAll(path("curl.html")).contains("<html"));
        QTest::qWait(200);
        QCOMPARE(secureVersionOfLastConnection(), version);
        bool sni = false;
        for (const auto& e : serverEventList())
            sni |=
                e.event == QLatin1String("handshake") &&
                e.extra.value(QLatin1String("sni")).toString() == QLatin1String("www.example.test");
        QVERIFY(sni);
    }

    void nodeHttpsClient()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed");
        const QString script =
            QStringLiteral(
                "const https=require('https'),fs=require('fs');"
                "const "
                "req=https.get({host:'127.0.0.1',servername:'localhost',port:%1,path:'/style.css',"
                "ca:fs.readFileSync(process.argv[1])},res=>{let n=0;"
                "const v=res.socket.getProtocol();res.on('data',d=>n+=d.length);"
                "res.on('end',()=>{console.log(res.statusCode,v,n);});});"
                "req.on('error',e=>{console.log('ERR',e.code);process.exit(1);});"
                "setTimeout(()=>process.exit(3),15000).unref();")
                .arg(port_);
        Proc p;
        QVERIFY(p.run(node, {QStringLiteral("-e"), script, ca_}));
        QVERIFY2(p.exitedWith(0), p.report().constData());
        const QList<QByteArray> w = p.out.trimmed().split(' ');
        QCOMPARE(w.value(0), QByteArray("200"));
        QCOMPARE(w.value(1), QByteArray("TLSv1.3"));
        QVERIFY(w.value(2).toInt() > 0);
    }

    void netstageGetAgainstNodeHttpsServer()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed");
        const QString script =
            QStringLiteral("const https=require('https'),fs=require('fs');"
                           "const s=https.createServer({cert:fs.readFileSync(process.argv[1]),"
                           "key:fs.readFileSync(process.argv[2])},(q,r)=>{r.setHeader('Content-"
                           "Type','text/plain');"
                           "r.end('node says hi '+q.url);});"
                           "s.listen(0,'127.0.0.1',()=>console.log(s.address().port));"
                           "setTimeout(()=>process.exit(0),20000).unref();");
        Proc srv;
        srv.start(node, {QStringLiteral("-e"), script, path("tls") + QStringLiteral("/server.pem"),
                         path("tls") + QStringLiteral("/server.key")});
        for (int i = 0; i < 100 && !srv.out.contains('\n'); ++i)
            QTest::qWait(50);
        const int nodePort = srv.out.trimmed().toInt();
        QVERIFY2(nodePort > 0, srv.report().constData());
        Proc get;
        QVERIFY(get.run(kBin, {QStringLiteral("https"), QStringLiteral("get"),
                               QStringLiteral("https://localhost:%1/hello").arg(nodePort),
                               QStringLiteral("--events"), QStringLiteral("-"),
                               QStringLiteral("--output"), path("node.txt")}));
        QVERIFY2(get.exitedWith(0), get.report().constData());
        QCOMPARE(readAll(path("node.txt")), QByteArray("node says hi /hello"));
        QVERIFY(get.err.contains("TLS handshake"));
        const auto evs = testutil::parseLines(get.out);
        QStringList msgs;
        for (const auto& e : evs) {
            if (e.event == QLatin1String("handshake"))
                msgs << e.extra.value(QLatin1String("message")).toString();
        }
        QVERIFY2(msgs.mid(0, 2) ==
                     QStringList({QStringLiteral("ClientHello"), QStringLiteral("ServerHello")}),
                 qPrintable(msgs.join(QLatin1Char(' '))));
        QVERIFY(msgs.contains(QStringLiteral("Certificate")));
        QVERIFY(msgs.contains(QStringLiteral("Finished")));
    }

    void opensslSClient()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is not installed");
        Proc p;
        p.start(openssl, {QStringLiteral("s_client"), QStringLiteral("-connect"),
                          QStringLiteral("127.0.0.1:%1").arg(port_), QStringLiteral("-servername"),
                          QStringLiteral("www.example.test"), QStringLiteral("-CAfile"), ca_,
                          QStringLiteral("-verify_return_error"), QStringLiteral("-showcerts")});
        p.p.write("GET / HTTP/1.1\r\nHost: www.example.test\r\nConnection: close\r\n\r\n");
        QVERIFY(p.finish(20000));
        QVERIFY2(p.exitedWith(0), p.report().constData());
        const QByteArray all = p.out + p.err;
        QVERIFY2(all.contains("New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384"), all.constData());
        QVERIFY(all.contains("Verify return code: 0 (ok)"));
        QVERIFY(all.contains("0 s:O = NetStage, CN = www.example.test"));
        QVERIFY(all.contains("i:O = NetStage, CN = NetStage Local CA"));
        QVERIFY(all.contains("HTTP/1.1 200 OK"));
    }

    void tsharkDecryptsWithTheKeyLog()
    {
        const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
        if (tshark.isEmpty())
            QSKIP("tshark is not installed");
        Proc get;
        QVERIFY(get.run(kBin,
                        {QStringLiteral("https"), QStringLiteral("get"),
                         QStringLiteral("https://localhost:%1/app.js").arg(port_),
                         QStringLiteral("--pcap"), path("tls.pcapng"), QStringLiteral("--quiet")}));
        if (get.exitedWith(1) && get.err.contains("wire capture is not running"))
            QSKIP("no capture permission here (run as root or setcap)");
        QVERIFY2(get.exitedWith(0), get.report().constData());
        const QString keys = path("tls.pcapng") + QStringLiteral(".keys");
        QVERIFY(readAll(keys).contains("CLIENT_TRAFFIC_SECRET_0"));
        const QStringList decode{QStringLiteral("-d"),
                                 QStringLiteral("tcp.port==%1,tls").arg(port_)};
        const QStringList fields{QStringLiteral("-Y"), QStringLiteral("http.request"),
                                 QStringLiteral("-T"), QStringLiteral("fields"),
                                 QStringLiteral("-e"), QStringLiteral("http.request.method"),
                                 QStringLiteral("-e"), QStringLiteral("http.request.uri")};
        Proc with;
        QVERIFY(with.run(tshark,
                         QStringList{QStringLiteral("-r"), path("tls.pcapng"), QStringLiteral("-o"),
                                     QStringLiteral("tls.keylog_file:") + keys} +
                             decode + fields));
        QVERIFY2(with.exitedWith(0), with.report().constData());
        QCOMPARE(with.out.trimmed(), QByteArray("GET\t/app.js"));
        // Without the keys the same capture shows no HTTP at all.
        Proc without;
        QVERIFY(without.run(tshark, QStringList{QStringLiteral("-r"), path("tls.pcapng")} + decode +
                                        fields));
        QVERIFY2(without.exitedWith(0), without.report().constData());
        QCOMPARE(without.out.trimmed(), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TstHttpsPeers)
#include "tst_https_peers.moc"
