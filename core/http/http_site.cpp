#include "core/http/http_site.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace netstage {

namespace {

const QString kResourceRoot = QStringLiteral(":/site");

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QString htmlEscape(const QString& s)
{
    return s.toHtmlEscaped();
}

// The host name of a Host field or an authority, lower case, without the port.
QByteArray hostName(const QByteArray& hostField)
{
    QByteArray h = hostField.trimmed().toLower();
    if (h.startsWith('[')) {
        const int close = h.indexOf(']');
        return close > 0 ? h.left(close + 1) : h;
    }
    const int colon = h.lastIndexOf(':');
    return colon >= 0 ? h.left(colon) : h;
}

} // namespace

HttpSite::HttpSite()
{
    QDirIterator it(kResourceRoot, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString rel = path.mid(kResourceRoot.size() + 1);
        files_.insert(rel, File{f.readAll(), httpMimeType(rel)});
    }
}

bool HttpSite::setFolder(const QString& dir, QString* error)
{
    const QFileInfo fi(dir);
    if (!fi.exists() || !fi.isDir()) {
        if (error)
            *error = tr("\"%1\" is not a folder.").arg(dir);
        return false;
    }
    if (!fi.isReadable()) {
        if (error)
            *error = tr("The folder \"%1\" cannot be read.").arg(dir);
        return false;
    }
    root_ = fi.canonicalFilePath();
    return true;
}

void HttpSite::useBuiltIn()
{
    root_.clear();
}

bool HttpSite::percentDecode(const QByteArray& in, QByteArray* out)
{
    out->clear();
    out->reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c != '%') {
            out->append(c);
            continue;
        }
        if (i + 2 >= in.size())
            return false;
        const int hi = hexDigit(in[i + 1]);
        const int lo = hexDigit(in[i + 2]);
        if (hi < 0 || lo < 0)
            return false;
        const char d = char(hi * 16 + lo);
        if (d == 0)
            return false;
        out->append(d);
        i += 2;
    }
    return true;
}

bool HttpSite::safeSegments(const QByteArray& path, QStringList* segments, int* status,
                            QString* why)
{
    segments->clear();
    QByteArray decoded;
    if (!percentDecode(path, &decoded)) {
        *status = 400;
        *why = tr("The path has a broken percent escape (%% must be followed by two hex digits) "
                  "or encodes a NUL byte.");
        return false;
    }
    // Decoded once: "%252e%252e" stays the literal name "%2e%2e", as in nginx.
    const QString text = QString::fromUtf8(decoded);
    if (text.contains(QChar::ReplacementCharacter)) {
        *status = 400;
        *why = tr("The decoded path is not valid UTF-8.");
        return false;
    }
    for (const QString& seg : text.split(QLatin1Char('/'))) {
        if (seg.isEmpty() || seg == QLatin1String("."))
            continue;
        if (seg == QLatin1String("..")) {
            *status = 400;
            *why = tr("The path contains \"..\" (after decoding): it tries to climb out of the "
                      "site's folder, so it is refused.");
            return false;
        }
        if (seg.startsWith(QLatin1Char('.'))) {
            *status = 404;
            *why = tr("Hidden files (names starting with a dot) are not served.");
            return false;
        }
        for (const QChar ch : seg) {
            if (ch.unicode() < 0x20 || ch == QLatin1Char('\\')) {
                *status = 400;
                *why = tr("The decoded path contains a control character or a backslash.");
                return false;
            }
        }
        segments->append(seg);
    }
    return true;
}

HttpSiteResponse HttpSite::page(int status, const QString& why)
{
    HttpSiteResponse r;
    r.status = status;
    r.note = why;
    const QString reason = QString::fromLatin1(httpReasonPhrase(status));
    r.body = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1 %2"
                            "</title></head>\n<body><h1>%1 %2</h1>\n<p>%3</p>\n"
                            "<hr><p>NetStage</p></body></html>\n")
                 .arg(status)
                 .arg(reason, htmlEscape(why))
                 .toUtf8();
    r.headers.append(HttpHeader{"Content-Type", "text/html; charset=utf-8"});
    return r;
}

HttpSiteResponse HttpSite::notAllowed(const QByteArray& allow, const QByteArray& method)
{
    HttpSiteResponse r =
        page(405, tr("%1 is not allowed here; this resource allows %2.")
                      .arg(QString::fromLatin1(method), QString::fromLatin1(allow)));
    r.headers.append(HttpHeader{"Allow", allow});
    return r;
}

HttpSiteResponse HttpSite::respond(const HttpSiteRequest& req) const
{
    QByteArray target = req.target;
    QByteArray host = req.host;
    // Absolute form (what a proxy is sent): its authority replaces Host (RFC 9112 3.2.2).
    if (target.startsWith("http://") || target.startsWith("HTTP://")) {
        const int slash = target.indexOf('/', 7);
        host = slash < 0 ? target.mid(7) : target.mid(7, slash - 7);
        target = slash < 0 ? QByteArray("/") : target.mid(slash);
    }
    if (target == "*") {
        if (req.method == "OPTIONS") {
            HttpSiteResponse r;
            r.status = 204;
            r.headers.append(HttpHeader{"Allow", "GET, HEAD, POST, OPTIONS"});
            r.note = tr("OPTIONS * asks what the server as a whole supports.");
            return r;
        }
        return page(400, tr("The target \"*\" is only meaningful with OPTIONS."));
    }
    if (!target.startsWith('/'))
        return page(400, tr("The target must be a path starting with / (or an absolute "
                            "http:// URL)."));
    if (req.hostFields > 1)
        return page(400, tr("The request has %1 Host headers: a server must refuse a request "
                            "with more than one (RFC 9112 3.2), since a proxy and this server "
                            "could each believe a different one.")
                             .arg(req.hostFields));
    if (req.versionMinor >= 1 && host.isEmpty())
        return page(400, tr("HTTP/1.1 requires a Host header (RFC 9112 3.2): it says which of "
                            "the sites on this address is meant."));

    const QByteArray name = hostName(host);
    if (name == "example.test") {
        // The tutorial's example.com -> www.example.com, on this machine's port.
        HttpSiteResponse r;
        r.status = 301;
        QByteArray location = "http://www.example.test";
        if (req.serverPort != 80)
            location += ':' + QByteArray::number(req.serverPort);
        location += target;
        r.headers.append(HttpHeader{"Location", location});
        r.headers.append(HttpHeader{"Content-Type", "text/html; charset=utf-8"});
        // The target is the client's: escaped in the page, never echoed as markup.
        const QByteArray shown = htmlEscape(QString::fromLatin1(location)).toLatin1();
        r.body = "<!DOCTYPE html>\n<html><head><title>301 Moved Permanently</title></head>\n"
                 "<body><h1>301 Moved Permanently</h1>\n<p><a href=\"" +
                 htmlEscape(QString::fromLatin1(location.toPercentEncoding(":/?&=%#"))).toLatin1() +
                 "\">" + shown + "</a></p></body></html>\n";
        r.note = tr("example.test has moved permanently to www.example.test: the browser is told "
                    "to ask again there (Location).");
        return r;
    }

    const int q = target.indexOf('?');
    const QByteArray path = q < 0 ? target : target.left(q);
    const QByteArray query = q < 0 ? QByteArray() : target.mid(q + 1);
    QStringList segments;
    int status = 0;
    QString why;
    if (!safeSegments(path, &segments, &status, &why))
        return page(status, why);
    if (isFolder())
        return fromFolder(req, segments, path, query);
    return fromBuiltIn(req, segments, query, path.endsWith('/'));
}

HttpSiteResponse HttpSite::fromBuiltIn(const HttpSiteRequest& req, const QStringList& segments,
                                       const QByteArray& query, bool dirSlash) const
{
    Q_UNUSED(query)
    const QString rel = segments.join(QLatin1Char('/'));
    const bool get = req.method == "GET" || req.method == "HEAD";

    if (rel == QLatin1String("api/time")) {
        if (!get)
            return notAllowed("GET, HEAD", req.method);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonObject o;
        o.insert(QStringLiteral("time"), now.toString(Qt::ISODateWithMs));
        o.insert(QStringLiteral("epoch_ms"), now.toMSecsSinceEpoch());
        o.insert(QStringLiteral("server"), QStringLiteral("NetStage"));
        HttpSiteResponse r;
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        r.headers.append(HttpHeader{"Content-Type", "application/json"});
        r.headers.append(HttpHeader{"Cache-Control", "no-store"});
        r.note = tr("The page's asynchronous request: the time as JSON.");
        return r;
    }
    if (rel == QLatin1String("api/echo")) {
        if (req.method != "POST")
            return notAllowed("POST", req.method);
        QJsonObject o;
        o.insert(QStringLiteral("method"), QString::fromLatin1(req.method));
        o.insert(QStringLiteral("content_type"), QString::fromLatin1(req.contentType));
        o.insert(QStringLiteral("body_bytes"), req.body.size());
        o.insert(QStringLiteral("body"), QString::fromUtf8(req.body.left(4096)));
        HttpSiteResponse r;
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        r.headers.append(HttpHeader{"Content-Type", "application/json"});
        r.headers.append(HttpHeader{"Cache-Control", "no-store"});
        r.note = tr("The server read the request body and says what it got.");
        return r;
    }

    const QString file = rel.isEmpty() ? QStringLiteral("index.html") : rel;
    const auto it = files_.constFind(file);
    if (it != files_.constEnd() && dirSlash && !rel.isEmpty())
        return page(404, tr("%1 is a file, not a folder: a slash after its name asks for "
                            "something that does not exist.")
                             .arg(QLatin1Char('/') + rel));
    if (it == files_.constEnd()) {
        // A folder of the built-in site asked without its slash, as nginx does.
        const QString dirPrefix = file + QLatin1Char('/');
        for (auto f = files_.constBegin(); f != files_.constEnd(); ++f) {
            if (f.key().startsWith(dirPrefix))
                return page(403, tr("This is a folder and the server lists no folders."));
        }
        return page(404, tr("There is no file %1 on this site.").arg(QLatin1Char('/') + rel));
    }
    if (!get)
        return notAllowed("GET, HEAD", req.method);
    HttpSiteResponse r;
    r.body = it->bytes;
    r.headers.append(HttpHeader{"Content-Type", it->type});
    return r;
}

HttpSiteResponse HttpSite::fromFolder(const HttpSiteRequest& req, const QStringList& segments,
                                      const QByteArray& path, const QByteArray& query) const
{
    const bool get = req.method == "GET" || req.method == "HEAD";
    QString candidate = root_;
    for (const QString& s : segments)
        candidate += QLatin1Char('/') + s;
    QFileInfo fi(candidate);
    if (!fi.exists())
        return page(404, tr("There is no file %1 in the site's folder.")
                             .arg(QLatin1Char('/') + segments.join(QLatin1Char('/'))));
    if (fi.isDir()) {
        if (!path.endsWith('/')) {
            HttpSiteResponse r = page(301, tr("A folder is asked for with a slash at the end."));
            // Path-absolute: "//img/" would be read as a URL to the host "img".
            QByteArray location = path + '/';
            while (location.startsWith("//"))
                location.remove(0, 1);
            if (!query.isEmpty())
                location += '?' + query;
            r.headers.append(HttpHeader{"Location", location});
            return r;
        }
        fi = QFileInfo(candidate + QStringLiteral("/index.html"));
        if (!fi.exists())
            return page(403, tr("This folder has no index.html and the server lists no "
                                "folders."));
    } else if (path.endsWith('/')) {
        return page(404, tr("%1 is a file, not a folder: a slash after its name asks for "
                            "something that does not exist.")
                             .arg(QLatin1Char('/') + segments.join(QLatin1Char('/'))));
    }
    // The real path, symlinks resolved, must still be inside the folder.
    const QString real = fi.canonicalFilePath();
    if (real.isEmpty() || !real.startsWith(root_ + QLatin1Char('/')))
        return page(403, tr("This name leads outside the site's folder (a symbolic link), so "
                            "it is not served."));
    if (!fi.isFile())
        return page(403, tr("Only regular files are served."));
    if (!get)
        return notAllowed("GET, HEAD", req.method);
    if (fi.size() > kMaxFileBytes)
        return page(500, tr("The file is larger than %1 MiB, more than this lab serves.")
                             .arg(kMaxFileBytes / (1024 * 1024)));
    QFile f(real);
    if (!f.open(QIODevice::ReadOnly))
        return page(403, tr("The file cannot be read: %1").arg(f.errorString()));
    if (req.streamFiles) {
        HttpSiteResponse r;
        r.file = real;
        r.fileSize = f.size();
        r.headers.append(HttpHeader{"Content-Type", httpMimeType(real)});
        return r;
    }
    HttpSiteResponse r;
    r.body = f.read(kMaxFileBytes);
    r.headers.append(HttpHeader{"Content-Type", httpMimeType(real)});
    return r;
}

} // namespace netstage
