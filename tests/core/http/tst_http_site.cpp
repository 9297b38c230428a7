// The site behind the server: virtual hosts (example.test -> www.example.test), the built-in
// demo site, and a folder served without ever leaving it (.., percent-encoding, symlinks).
#include "core/http/http_site.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using netstage::HttpSite;
using netstage::HttpSiteRequest;
using netstage::HttpSiteResponse;

namespace {

HttpSiteResponse ask(const HttpSite& site, const QByteArray& target,
                     const QByteArray& host = "www.example.test:8080",
                     const QByteArray& method = "GET")
{
    HttpSiteRequest r;
    r.method = method;
    r.target = target;
    r.host = host;
    r.serverPort = 8080;
    return site.respond(r);
}

QByteArray header(const HttpSiteResponse& r, const char* name)
{
    return netstage::httpHeader(r.headers, name);
}

void write(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TstHttpSite : public QObject
{
    Q_OBJECT
private slots:
    void strictRequests()
    {
        // Issue 18: two Host headers are refused (RFC 9112 3.2); the 301 page escapes the
        // client's target; a file of the built-in site asked as a folder is not there.
        HttpSite site;
        HttpSiteRequest two;
        two.method = "GET";
        two.target = "/";
        two.host = "a.test";
        two.hostFields = 2;
        QCOMPARE(site.respond(two).status, 400);
        const HttpSiteResponse r = ask(site, "/\"><script>alert(1)</script>", "example.test");
        QCOMPARE(r.status, 301);
        QVERIFY2(!r.body.contains("<script>"), r.body.constData());
        QVERIFY(r.body.contains("&lt;script&gt;"));
        QCOMPARE(ask(site, "/index.html/").status, 404);
    }

    void virtualHosts()
    {
        HttpSite site;
        HttpSiteResponse r = ask(site, "/img/logo.svg?x=1", "example.test:8080");
        QCOMPARE(r.status, 301);
        QCOMPARE(header(r, "Location"),
                 QByteArray("http://www.example.test:8080/img/logo.svg?x=1"));
        QVERIFY(!r.note.isEmpty());
        QCOMPARE(ask(site, "/", "EXAMPLE.TEST").status, 301); // names are case-insensitive
        QCOMPARE(ask(site, "/", "www.example.test:8080").status, 200);
        QCOMPARE(ask(site, "/", "localhost:8080").status, 200);
        QCOMPARE(ask(site, "/", "127.0.0.1:8080").status, 200);
        // HTTP/1.1 without Host: 400 (RFC 9112 3.2).
        HttpSiteRequest noHost;
        noHost.method = "GET";
        noHost.target = "/";
        QCOMPARE(site.respond(noHost).status, 400);
        noHost.versionMinor = 0;
        QCOMPARE(site.respond(noHost).status, 200);
        // Absolute form: the authority decides the host.
        QCOMPARE(ask(site, "http://example.test/x", "localhost").status, 301);
    }

    void builtInSite()
    {
        HttpSite site;
        const QStringList files = site.builtInFiles();
        for (const char* f : {"index.html", "style.css", "app.js", "img/logo.svg",
                              "img/handshake.png", "img/teardown.png"})
            QVERIFY2(files.contains(QLatin1String(f)), f);
        HttpSiteResponse r = ask(site, "/");
        QCOMPARE(r.status, 200);
        QCOMPARE(header(r, "Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(r.body.contains("style.css"));
        QVERIFY(r.body.contains("app.js"));
        QVERIFY(r.body.contains("/api/time") || ask(site, "/app.js").body.contains("/api/time"));
        QVERIFY(QString::fromUtf8(r.body).contains(QStringLiteral("三次握手")));
        QVERIFY(r.body.contains("The 3-way handshake"));
        QCOMPARE(header(ask(site, "/style.css"), "Content-Type"),
                 QByteArray("text/css; charset=utf-8"));
        QCOMPARE(header(ask(site, "/app.js"), "Content-Type"),
                 QByteArray("text/javascript; charset=utf-8"));
        r = ask(site, "/img/handshake.png");
        QCOMPARE(header(r, "Content-Type"), QByteArray("image/png"));
        QVERIFY(r.body.startsWith("\x89PNG"));
        QCOMPARE(header(ask(site, "/img/logo.svg"), "Content-Type"), QByteArray("image/svg+xml"));

        r = ask(site, "/api/time");
        QCOMPARE(r.status, 200);
        QCOMPARE(header(r, "Content-Type"), QByteArray("application/json"));
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QVERIFY(o.value(QStringLiteral("epoch_ms")).toDouble() > 1.6e12);

        QCOMPARE(ask(site, "/nope.html").status, 404);
        QCOMPARE(ask(site, "/img").status, 403);
        r = ask(site, "/", "www.example.test", "DELETE");
        QCOMPARE(r.status, 405);
        QCOMPARE(header(r, "Allow"), QByteArray("GET, HEAD"));
        QCOMPARE(ask(site, "/", "www.example.test", "HEAD").status, 200);
        HttpSiteRequest post;
        post.method = "POST";
        post.target = "/api/echo";
        post.host = "localhost";
        post.body = "hello";
        r = site.respond(post);
        QCOMPARE(r.status, 200);
        QCOMPARE(
            QJsonDocument::fromJson(r.body).object().value(QStringLiteral("body_bytes")).toInt(),
            5);
    }

    void percentDecoding()
    {
        QByteArray out;
        QVERIFY(HttpSite::percentDecode("/a%20b%2Fc", &out));
        QCOMPARE(out, QByteArray("/a b/c"));
        QVERIFY(!HttpSite::percentDecode("/a%2", &out));
        QVERIFY(!HttpSite::percentDecode("/a%zz", &out));
        QVERIFY(!HttpSite::percentDecode("/a%00b", &out));
        QVERIFY(HttpSite::percentDecode("%252e", &out));
        QCOMPARE(out, QByteArray("%2e")); // once, never twice
    }

    void folderStaysInside()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QDir d(tmp.path());
        QVERIFY(d.mkpath(QStringLiteral("www/sub")));
        QVERIFY(d.mkpath(QStringLiteral("www/empty")));
        write(d.filePath(QStringLiteral("secret.txt")), "TOPSECRET");
        write(d.filePath(QStringLiteral("www/index.html")), "<h1>hi</h1>");
        write(d.filePath(QStringLiteral("www/a b.txt")), "spaced");
        write(d.filePath(QStringLiteral("www/sub/index.html")), "sub");
        write(d.filePath(QStringLiteral("www/.env")), "hidden");
        write(d.filePath(QStringLiteral("www/%2e%2e")), "literal name");
        QVERIFY(::symlink(qPrintable(d.filePath(QStringLiteral("secret.txt"))),
                          qPrintable(d.filePath(QStringLiteral("www/escape.txt")))) == 0);
        QVERIFY(::symlink(qPrintable(d.path()), qPrintable(d.filePath(QStringLiteral("www/up")))) ==
                0);
        QVERIFY(::symlink(qPrintable(d.filePath(QStringLiteral("www/index.html"))),
                          qPrintable(d.filePath(QStringLiteral("www/inside.html")))) == 0);

        HttpSite site;
        QVERIFY(site.setFolder(d.filePath(QStringLiteral("www"))));
        QVERIFY(!HttpSite().setFolder(d.filePath(QStringLiteral("missing"))));

        QCOMPARE(ask(site, "/").body, QByteArray("<h1>hi</h1>"));
        QCOMPARE(ask(site, "/a%20b.txt").body, QByteArray("spaced"));
        QCOMPARE(ask(site, "/inside.html").status, 200); // a symlink that stays inside is fine
        QCOMPARE(ask(site, "/sub/").body, QByteArray("sub"));
        HttpSiteResponse r = ask(site, "/sub?q=1");
        QCOMPARE(r.status, 301);
        QCOMPARE(header(r, "Location"), QByteArray("/sub/?q=1"));
        // Issue 18: a path-absolute Location ("//sub/" would name the host "sub"), and a file
        // asked for as a folder is not there.
        QCOMPARE(header(ask(site, "//sub"), "Location"), QByteArray("/sub/"));
        QCOMPARE(ask(site, "/index.html/").status, 404);
        // Streamed: the file is named, not read.
        HttpSiteRequest sr;
        sr.method = "GET";
        sr.target = "/index.html";
        sr.host = "localhost";
        sr.streamFiles = true;
        const HttpSiteResponse streamed = site.respond(sr);
        QCOMPARE(streamed.status, 200);
        QVERIFY(streamed.body.isEmpty());
        QCOMPARE(streamed.fileSize, qint64(11));
        QCOMPARE(ask(site, "/empty/").status, 403);

        // Every way out is closed.
        for (const char* t : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                              "/sub/../../secret.txt", "/..%2fsecret.txt"})
            QVERIFY2(ask(site, t).status == 400, t);
        QCOMPARE(ask(site, "/escape.txt").status, 403);
        QCOMPARE(ask(site, "/up/secret.txt").status, 403);
        QCOMPARE(ask(site, "/.env").status, 404);
        QCOMPARE(ask(site, "/%2e%2e").status, 400); // decoded once: ".." refused
        QCOMPARE(ask(site, "/%252e%252e").body, QByteArray("literal name")); // not twice
        QCOMPARE(ask(site, "/a%zz").status, 400);
        QCOMPARE(ask(site, "/a%00.txt").status, 400);
        QCOMPARE(ask(site, "/missing").status, 404);
        for (const HttpSiteResponse& x : {ask(site, "/escape.txt"), ask(site, "/up/secret.txt")})
            QVERIFY(!x.body.contains("TOPSECRET"));
        QCOMPARE(ask(site, "/index.html", "localhost", "POST").status, 405);
    }
};

QTEST_GUILESS_MAIN(TstHttpSite)
#include "tst_http_site.moc"
