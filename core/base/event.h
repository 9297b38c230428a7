#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace netstage {

// One observation on the timeline. Field names and meanings follow docs/EVENTS.md's JSON shape;
// empty strings and negative numbers mean "does not apply" and are omitted from JSON.
struct Event
{
    qint64 t_us = 0; // monotonic microseconds since the session's clock started
    QString socket;  // "tcp-client-1", "tcp-server", "tcp-conn-3"
    QString proto;   // "tcp", "udp", "http", "ws", "dns"
    QString
        event; // Node vocabulary: listening, connection, connect, data, end, close, error, state...
    QString source; // "app", "kernel", "wire", "model"
    QString dir;    // "in" or "out" for data
    qint64 bytes = -1;
    QByteArray payload; // preview of the bytes (at most Timeline::kPreviewBytes); "text" in JSON
    QString local;      // "127.0.0.1:51514"
    QString remote;     // "127.0.0.1:8124"
    QString src;        // segment: who sent it ("127.0.0.1:51514")
    QString dst;        // segment: to whom
    QString state;      // TCP state name, e.g. "ESTABLISHED"
    QString flags;      // "SYN,ACK"
    QString opts;       // TCP options: "mss=65495,sack_perm,ts=123/0,wscale=7"
    qint64 seq = -1;    // absolute sequence number (wire) or relative (model)
    qint64 ack = -1;
    qint64 len = -1; // segment payload length
    qint64 win = -1; // advertised window (unscaled, as on the wire)
    QString code;    // errno name, e.g. "ECONNREFUSED"
    QString detail;  // a plain sentence; empty means Explain::sentence() supplies one
    // A lab's own fields, written as top-level JSON fields after the common ones (HTTP's
    // "method", "status", "headers"; WebSocket's "opcode", "close_code"; UDP's "count"...).
    // Names must not clash with the common fields above.
    QJsonObject extra;

    // The preview as text: UTF-8 decoded; invalid sequences become U+FFFD.
    QString text() const;
    // True when the preview is not valid UTF-8 (then JSON also carries "hex").
    bool payloadIsBinary() const;
    bool operator==(const Event& o) const;
    bool operator!=(const Event& o) const { return !(*this == o); }
};

namespace ev {
// Event names (the seed's Node.js vocabulary) and sources, spelled once.
inline const QString Listening = QStringLiteral("listening");
inline const QString Connection = QStringLiteral("connection");
inline const QString Connect = QStringLiteral("connect");
inline const QString Data = QStringLiteral("data");
inline const QString End = QStringLiteral("end");
inline const QString Close = QStringLiteral("close");
inline const QString Error = QStringLiteral("error");
inline const QString State = QStringLiteral("state");
inline const QString Info = QStringLiteral("info");
inline const QString Segment = QStringLiteral("segment");

inline const QString App = QStringLiteral("app");
inline const QString Kernel = QStringLiteral("kernel");
inline const QString Wire = QStringLiteral("wire");
inline const QString Model = QStringLiteral("model");

inline const QString In = QStringLiteral("in");
inline const QString Out = QStringLiteral("out");
inline const QString Tcp = QStringLiteral("tcp");
} // namespace ev

} // namespace netstage

Q_DECLARE_METATYPE(netstage::Event)
