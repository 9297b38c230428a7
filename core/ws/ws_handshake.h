#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace netstage {

// The head of an HTTP message as it came over the wire: the start line and the header fields
// in their order and spelling.
struct HttpHead
{
    QString startLine; // "GET /chat HTTP/1.1" or "HTTP/1.1 101 Switching Protocols"
    QList<QPair<QString, QString>> fields;
    qint64 size = 0; // bytes up to and including the blank line

    // The value of a field, matched without regard to case; several are joined with ", ".
    QString field(const QString& name) const;
    bool hasToken(const QString& name,
                  const QString& token) const; // "Connection: keep-alive, Upgrade"
    // Field names as sent -> values (repeated fields joined with ", ").
    QJsonObject fieldsJson() const;
    int statusCode() const; // a response's status, or -1
};

// RFC 6455's opening handshake, as the lab checks and explains it.
class WsHandshake
{
public:
    // 258EAFA5-E914-47DA-95CA-C5AB0DC85B11: fixed by RFC 6455, so any server proves it
    // understood this very request (and is not a cache replaying an old answer).
    static const QByteArray kGuid;
    static constexpr qint64 kMaxHeadBytes = 16 * 1024;

    // base64(SHA-1(key + GUID)), what Sec-WebSocket-Accept must be for this key.
    static QByteArray acceptFor(const QByteArray& key);

    // RFC 6455 4.2.1: the key is 16 bytes in base64 (24 characters, "==" at the end).
    static bool keyIsValid(const QByteArray& key);

    // Parses the head at the start of `bytes` (up to the blank line). Returns nullopt when it
    // is not complete or not shaped like an HTTP head.
    static std::optional<HttpHead> parseHead(const QByteArray& bytes);
    // Where the head ends (one past CRLF CRLF), or -1 when it is not complete yet.
    static qint64 headEnd(const QByteArray& bytes);
    // True while `bytes` (the first ones on a connection) could still start "GET ".
    static bool couldBeGet(const QByteArray& bytes);

    enum class Verdict
    {
        Upgrade,      // a WebSocket opening handshake (Qt decides on the details)
        NotWebSocket, // a valid HTTP request that does not ask for an upgrade
        NotHttp,      // not HTTP at all
    };
    static Verdict classify(const HttpHead& request);
};

} // namespace netstage
