#include "core/http/http_message.h"

#include <QFileInfo>

#include <cstring>
#include <ctime>

namespace netstage {

namespace {

bool equalsNoCase(const QByteArray& a, const char* b)
{
    return qstricmp(a.constData(), b) == 0;
}

} // namespace

QByteArray httpHeader(const HttpHeaders& headers, const char* name)
{
    for (const HttpHeader& h : headers) {
        if (equalsNoCase(h.name, name))
            return h.value;
    }
    return {};
}

bool httpHasHeader(const HttpHeaders& headers, const char* name)
{
    for (const HttpHeader& h : headers) {
        if (equalsNoCase(h.name, name))
            return true;
    }
    return false;
}

bool httpHeaderHasToken(const HttpHeaders& headers, const char* name, const char* token)
{
    for (const HttpHeader& h : headers) {
        if (!equalsNoCase(h.name, name))
            continue;
        for (const QByteArray& part : h.value.split(',')) {
            if (equalsNoCase(part.trimmed(), token))
                return true;
        }
    }
    return false;
}

QJsonArray httpHeadersToJson(const HttpHeaders& headers)
{
    QJsonArray out;
    for (const HttpHeader& h : headers)
        out.append(QJsonArray{QString::fromLatin1(h.name), QString::fromLatin1(h.value)});
    return out;
}

HttpHeaders httpHeadersFromJson(const QJsonArray& array)
{
    HttpHeaders out;
    for (const QJsonValue& v : array) {
        const QJsonArray pair = v.toArray();
        if (pair.size() == 2)
            out.append(HttpHeader{pair[0].toString().toLatin1(), pair[1].toString().toLatin1()});
    }
    return out;
}

QByteArray HttpMessage::version() const
{
    QByteArray v("HTTP/");
    v += char('0' + versionMajor);
    v += '.';
    v += char('0' + versionMinor);
    return v;
}

bool HttpMessage::keepAlive() const
{
    if (httpHeaderHasToken(headers, "Connection", "close"))
        return false;
    if (versionMajor == 1 && versionMinor >= 1)
        return true;
    return httpHeaderHasToken(headers, "Connection", "keep-alive");
}

QByteArray httpPreview(const QByteArray& bytes)
{
    constexpr qsizetype kPreview = 96; // Timeline::kPreviewBytes
    return QByteArray(bytes.constData(), qMin(bytes.size(), kPreview));
}

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return {};
    }
}

QByteArray httpDateNow()
{
    // Formatting a date costs more than answering a small request; the value changes once a
    // second. Thread-local, so a worker thread may call it too.
    thread_local std::time_t cachedSecond = 0;
    thread_local QByteArray cached;
    const std::time_t now = std::time(nullptr);
    if (now != cachedSecond || cached.isEmpty()) {
        static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
        static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        std::tm tm{};
        gmtime_r(&now, &tm);
        char buf[40];
        std::snprintf(buf, sizeof(buf), "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday],
                      tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                      tm.tm_sec);
        cached = QByteArray(buf);
        cachedSecond = now;
    }
    return cached;
}

QByteArray httpMimeType(const QString& fileName)
{
    const QString ext = QFileInfo(fileName).suffix().toLower();
    if (ext == QLatin1String("html") || ext == QLatin1String("htm"))
        return "text/html; charset=utf-8";
    if (ext == QLatin1String("css"))
        return "text/css; charset=utf-8";
    if (ext == QLatin1String("js") || ext == QLatin1String("mjs"))
        return "text/javascript; charset=utf-8";
    if (ext == QLatin1String("json"))
        return "application/json";
    if (ext == QLatin1String("txt") || ext == QLatin1String("md"))
        return "text/plain; charset=utf-8";
    if (ext == QLatin1String("png"))
        return "image/png";
    if (ext == QLatin1String("jpg") || ext == QLatin1String("jpeg"))
        return "image/jpeg";
    if (ext == QLatin1String("gif"))
        return "image/gif";
    if (ext == QLatin1String("svg"))
        return "image/svg+xml";
    if (ext == QLatin1String("ico"))
        return "image/x-icon";
    if (ext == QLatin1String("webp"))
        return "image/webp";
    if (ext == QLatin1String("xml"))
        return "application/xml";
    if (ext == QLatin1String("wasm"))
        return "application/wasm";
    return "application/octet-stream";
}

QByteArray httpSerializeResponse(int status, const QByteArray& reason, const HttpHeaders& headers,
                                 const QByteArray& body, bool headOnly)
{
    QByteArray out;
    qsizetype size = 32 + reason.size() + (headOnly ? 0 : body.size());
    for (const HttpHeader& h : headers)
        size += h.name.size() + h.value.size() + 4;
    out.reserve(size);
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += reason;
    out += "\r\n";
    for (const HttpHeader& h : headers) {
        out += h.name;
        out += ": ";
        out += h.value;
        out += "\r\n";
    }
    out += "\r\n";
    if (!headOnly)
        out += body;
    return out;
}

} // namespace netstage
