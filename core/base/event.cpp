#include "core/base/event.h"

#include <QStringDecoder>

namespace netstage {

QString Event::text() const
{
    return QString::fromUtf8(payload);
}

bool Event::payloadIsBinary() const
{
    // Text is what decodes as UTF-8 (control characters included: JSON escapes them); anything
    // else is shown and written as hex.
    if (payload.isEmpty())
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(payload); // decoding happens on conversion
    Q_UNUSED(decoded);
    return decoder.hasError();
}

bool Event::operator==(const Event& o) const
{
    return t_us == o.t_us && socket == o.socket && proto == o.proto && event == o.event &&
           source == o.source && dir == o.dir && bytes == o.bytes && payload == o.payload &&
           local == o.local && remote == o.remote && src == o.src && dst == o.dst &&
           state == o.state && flags == o.flags && opts == o.opts && seq == o.seq && ack == o.ack &&
           len == o.len && win == o.win && code == o.code && detail == o.detail && extra == o.extra;
}

} // namespace netstage
