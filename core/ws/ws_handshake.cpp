#include "core/ws/ws_handshake.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace netstage {

const QByteArray WsHandshake::kGuid = QByteArrayLiteral("258EAFA5-E914-47DA-95CA-C5AB0DC85B11");

QString HttpHead::field(const QString& name) const
{
    QStringList values;
    for (const auto& [k, v] : fields) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            values << v;
    }
    return values.join(QStringLiteral(", "));
}

bool HttpHead::hasToken(const QString& name, const QString& token) const
{
    const QStringList parts = field(name).split(QLatin1Char(','));
    for (const QString& p : parts) {
        if (p.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonObject HttpHead::fieldsJson() const
{
    QJsonObject o;
    for (const auto& [k, v] : fields) {
        const QString prev = o.value(k).toString();
        o.insert(k, prev.isEmpty() ? v : prev + QStringLiteral(", ") + v);
    }
    return o;
}

int HttpHead::statusCode() const
{
    static const QRegularExpression re(QStringLiteral("^HTTP/\\d\\.\\d (\\d{3})"));
    const QRegularExpressionMatch m = re.match(startLine);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

bool WsHandshake::keyIsValid(const QByteArray& keyIn)
{
    const QByteArray key = keyIn.trimmed();
    if (key.size() != 24)
        return false;
    const auto decoded =
        QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    return decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok &&
           decoded.decoded.size() == 16;
}

QByteArray WsHandshake::acceptFor(const QByteArray& key)
{
    return QCryptographicHash::hash(key + kGuid, QCryptographicHash::Sha1).toBase64();
}

qint64 WsHandshake::headEnd(const QByteArray& bytes)
{
    const qsizetype at = bytes.indexOf("\r\n\r\n");
    return at < 0 ? -1 : qint64(at) + 4;
}

bool WsHandshake::couldBeGet(const QByteArray& bytes)
{
    static const QByteArray get = QByteArrayLiteral("GET ");
    const qsizetype n = std::min(bytes.size(), get.size());
    return bytes.left(n) == get.left(n);
}

std::optional<HttpHead> WsHandshake::parseHead(const QByteArray& bytes)
{
    const qint64 end = headEnd(bytes);
    if (end < 0)
        return std::nullopt;
    HttpHead h;
    h.size = end;
    const QList<QByteArray> lines = bytes.left(end - 4).split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        // Header bytes are ASCII by RFC 9110; Latin-1 shows anything else without loss.
        const QString text = QString::fromLatin1(line);
        if (i == 0) {
            if (text.isEmpty())
                return std::nullopt;
            h.startLine = text;
            continue;
        }
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return std::nullopt;
        h.fields.append({text.left(colon).trimmed(), text.mid(colon + 1).trimmed()});
    }
    return h;
}

WsHandshake::Verdict WsHandshake::classify(const HttpHead& request)
{
    static const QRegularExpression requestLine(QStringLiteral("^[A-Z]+ \\S+ HTTP/\\d\\.\\d$"));
    if (!requestLine.match(request.startLine).hasMatch())
        return Verdict::NotHttp;
    if (!request.startLine.startsWith(QLatin1String("GET ")) ||
        !request.hasToken(QStringLiteral("Upgrade"), QStringLiteral("websocket")))
        return Verdict::NotWebSocket;
    return Verdict::Upgrade;
}

} // namespace netstage
