#include "core/format/json_lines.h"

#include "core/base/timeline.h"
#include "core/explain/explain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

#include <charconv>
#include <cstring>

namespace netstage {

namespace {

void appendEscaped(QByteArray& out, const QByteArray& utf8)
{
    out += '"';
    // Copy runs that need no escaping in one go; most text is one run.
    const char* p = utf8.constData();
    const char* const endp = p + utf8.size();
    const char* run = p;
    for (; p < endp; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {
            static const char hex[] = "0123456789abcdef";
            const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(esc, 6);
        }
        }
    }
    out.append(run, endp - run);
    out += '"';
}

// Writes into one buffer reserved up front: no allocation per field. Most strings (ids,
// addresses, event names) are plain ASCII and are copied as they are.
struct LineBuilder
{
    QByteArray out;
    bool first = true;

    void raw(const char* p, qsizetype n) { out.append(p, n); }
    void key(const char* k)
    {
        raw(first ? "{\"" : ",\"", 2);
        first = false;
        raw(k, qsizetype(strlen(k)));
        raw("\":", 2);
    }
    void str(const char* k, const QString& v)
    {
        if (v.isEmpty())
            return;
        key(k);
        for (const QChar c : v) {
            const ushort u = c.unicode();
            if (u < 0x20 || u >= 0x80 || u == '"' || u == '\\') {
                appendEscaped(out, v.toUtf8());
                return;
            }
        }
        const qsizetype n = out.size();
        out.resize(n + v.size() + 2);
        char* p = out.data() + n;
        *p++ = '"';
        for (const QChar c : v)
            *p++ = char(c.unicode());
        *p = '"';
    }
    void num(const char* k, qint64 v, bool always = false)
    {
        if (v < 0 && !always)
            return;
        key(k);
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof(buf), v);
        raw(buf, r.ptr - buf);
    }
};

} // namespace

QByteArray toJsonLine(const Event& e, bool explain)
{
    LineBuilder b;
    b.out.reserve(320 + e.payload.size() * 2);
    b.num("t_us", e.t_us, true);
    b.str("socket", e.socket);
    b.str("proto", e.proto);
    b.str("event", e.event);
    b.str("source", e.source);
    b.str("dir", e.dir);
    b.num("bytes", e.bytes);
    if (!e.payload.isEmpty()) {
        if (e.payloadIsBinary()) {
            b.key("hex");
            appendEscaped(b.out, e.payload.toHex(' '));
        } else {
            b.key("text");
            appendEscaped(b.out, QString::fromUtf8(e.payload).toUtf8());
        }
    }
    b.str("local", e.local);
    b.str("remote", e.remote);
    b.str("src", e.src);
    b.str("dst", e.dst);
    b.str("state", e.state);
    b.str("flags", e.flags);
    b.num("seq", e.seq);
    b.num("ack", e.ack);
    b.num("len", e.len);
    b.num("win", e.win);
    b.str("opts", e.opts);
    b.str("code", e.code);
    for (auto it = e.extra.constBegin(); it != e.extra.constEnd(); ++it) {
        b.key(it.key().toUtf8().constData());
        b.out +=
            QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    }
    b.str("detail", explain ? Explain::sentence(e) : e.detail);
    b.out += "}\n";
    return b.out;
}

std::optional<Event> fromJsonLine(const QByteArray& line, QString* error)
{
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(line.trimmed(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error) {
            *error = perr.error != QJsonParseError::NoError
                         ? QStringLiteral("not JSON: %1 at offset %2")
                               .arg(perr.errorString())
                               .arg(perr.offset)
                         : QStringLiteral("not a JSON object");
        }
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (!o.value(QLatin1String("t_us")).isDouble() || !o.value(QLatin1String("event")).isString()) {
        if (error)
            *error = QStringLiteral("not a NetStage event: \"t_us\" and \"event\" are required");
        return std::nullopt;
    }
    // Every known field must have its type: a recording with "bytes":"five" is broken.
    static const char* const numbers[] = {"t_us", "bytes", "seq", "ack", "len", "win"};
    static const char* const strings[] = {"socket", "proto", "event",  "source", "dir", "text",
                                          "hex",    "local", "remote", "src",    "dst", "state",
                                          "flags",  "opts",  "code",   "detail"};
    for (const char* k : numbers) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (!v.isUndefined() && !v.isDouble()) {
            if (error)
                *error = QStringLiteral("\"%1\" must be a number").arg(QLatin1String(k));
            return std::nullopt;
        }
    }
    for (const char* k : strings) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (!v.isUndefined() && !v.isString()) {
            if (error)
                *error = QStringLiteral("\"%1\" must be a string").arg(QLatin1String(k));
            return std::nullopt;
        }
    }
    auto s = [&o](const char* k) { return o.value(QLatin1String(k)).toString(); };
    auto n = [&o](const char* k) {
        const QJsonValue v = o.value(QLatin1String(k));
        return v.isDouble() ? static_cast<qint64>(v.toDouble()) : qint64(-1);
    };
    Event e;
    e.t_us = n("t_us");
    e.socket = s("socket");
    e.proto = s("proto");
    e.event = s("event");
    e.source = s("source");
    e.dir = s("dir");
    e.bytes = n("bytes");
    if (o.contains(QLatin1String("hex")))
        e.payload = QByteArray::fromHex(s("hex").toLatin1());
    else
        e.payload = s("text").toUtf8();
    e.local = s("local");
    e.remote = s("remote");
    e.src = s("src");
    e.dst = s("dst");
    e.state = s("state");
    e.flags = s("flags");
    e.seq = n("seq");
    e.ack = n("ack");
    e.len = n("len");
    e.win = n("win");
    e.opts = s("opts");
    e.code = s("code");
    e.detail = s("detail");
    static const QSet<QString> common = {
        QStringLiteral("t_us"),  QStringLiteral("socket"), QStringLiteral("proto"),
        QStringLiteral("event"), QStringLiteral("source"), QStringLiteral("dir"),
        QStringLiteral("bytes"), QStringLiteral("text"),   QStringLiteral("hex"),
        QStringLiteral("local"), QStringLiteral("remote"), QStringLiteral("src"),
        QStringLiteral("dst"),   QStringLiteral("state"),  QStringLiteral("flags"),
        QStringLiteral("seq"),   QStringLiteral("ack"),    QStringLiteral("len"),
        QStringLiteral("win"),   QStringLiteral("opts"),   QStringLiteral("code"),
        QStringLiteral("detail")};
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!common.contains(it.key()))
            e.extra.insert(it.key(), it.value());
    }
    return e;
}

JsonLinesWriter::JsonLinesWriter(Timeline* timeline, QIODevice* device)
    : timeline_(timeline), device_(device)
{
    sink_ = timeline->addSink([this](const Event& e) {
        const QByteArray line = toJsonLine(e);
        if (device_->write(line) == line.size())
            ++written_;
    });
}

JsonLinesWriter::~JsonLinesWriter()
{
    if (timeline_)
        timeline_->removeSink(sink_);
}

} // namespace netstage
