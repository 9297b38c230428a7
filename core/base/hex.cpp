#include "core/base/hex.h"

#include <QRegularExpression>
#include <QStringList>

namespace netstage {

HexBytes HexBytes::parse(const QString& text)
{
    HexBytes h;
    static const QRegularExpression separators(QStringLiteral("[\\s:]+"));
    static const QRegularExpression hexOnly(QStringLiteral("^[0-9a-fA-F]+$"));
    for (const QString& token : text.split(separators, Qt::SkipEmptyParts)) {
        QString digits = token;
        if (digits.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
            digits = digits.mid(2);
        if (!hexOnly.match(digits).hasMatch()) {
            h.problem = Problem::NotHex;
        } else if (digits.size() % 2 != 0) {
            h.problem = Problem::OddDigits;
        } else {
            h.bytes += QByteArray::fromHex(digits.toLatin1());
            continue;
        }
        h.badToken = token;
        h.bytes.clear();
        return h;
    }
    return h;
}

} // namespace netstage
