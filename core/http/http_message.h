#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace netstage {

// One header field exactly as it came (name case kept: the log shows what was sent).
struct HttpHeader
{
    QByteArray name;
    QByteArray value;
};
using HttpHeaders = QList<HttpHeader>;

// The value of the first field with this name (case-insensitive), or a null QByteArray.
QByteArray httpHeader(const HttpHeaders& headers, const char* name);
bool httpHasHeader(const HttpHeaders& headers, const char* name);
// True when a comma-separated field (Connection, Transfer-Encoding) lists this token.
bool httpHeaderHasToken(const HttpHeaders& headers, const char* name, const char* token);
// [["Host","localhost:8080"],["Accept","*/*"]]: pairs, so repeated fields and order survive
// (Node's rawHeaders keeps them too, as a flat list).
QJsonArray httpHeadersToJson(const HttpHeaders& headers);
HttpHeaders httpHeadersFromJson(const QJsonArray& array);

// A request or a response as parsed from the wire (or about to be written to it).
struct HttpMessage
{
    // Request line
    QByteArray method; // "GET"
    QByteArray target; // "/style.css?v=1", as sent (not decoded)
    // Status line
    int status = 0;
    QByteArray reason;

    int versionMajor = 1;
    int versionMinor = 1;
    HttpHeaders headers;
    QByteArray body; // de-chunked
    bool chunked = false;
    qint64 headBytes = 0;  // start line and header section, line ends included
    qint64 totalBytes = 0; // every byte the message took on the wire

    QByteArray version() const; // "HTTP/1.1"
    QByteArray header(const char* name) const { return httpHeader(headers, name); }
    // Whether the sender lets the connection stay open after this message: HTTP/1.1 unless
    // "Connection: close", HTTP/1.0 only with "Connection: keep-alive".
    bool keepAlive() const;
};

// The first bytes of a buffer for an event's preview, as a copy of their own: a shallow
// QByteArray::left() of a short read keeps the whole 64 KiB read buffer alive in the timeline.
QByteArray httpPreview(const QByteArray& bytes);

// "Not Found" for 404; "" for codes without a standard phrase.
QByteArray httpReasonPhrase(int status);
// IMF-fixdate of now, "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 5.6.7); computed once a second.
QByteArray httpDateNow();
// "text/html; charset=utf-8" for "index.html"; application/octet-stream when unknown.
QByteArray httpMimeType(const QString& fileName);

// The bytes of a response: status line, the headers in order, a blank line, then the body
// unless it answers HEAD (whose Content-Length still says what GET would send).
QByteArray httpSerializeResponse(int status, const QByteArray& reason, const HttpHeaders& headers,
                                 const QByteArray& body, bool headOnly);

} // namespace netstage
