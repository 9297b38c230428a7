#include "ui/common/stage_colors.h"

#include "core/base/event.h"

namespace netstage {
namespace StageColors {

Pair forState(const QString& s)
{
    const QColor white(Qt::white);
    if (s == QLatin1String("LISTEN"))
        return {QColor(0x15, 0x65, 0xc0), white}; // blue: waiting
    if (s == QLatin1String("SYN-SENT") || s == QLatin1String("SYN-RECEIVED") ||
        s == QLatin1String("SYN-RECV"))
        return {QColor(0xf9, 0xa8, 0x25), QColor(Qt::black)}; // amber: opening
    if (s == QLatin1String("ESTABLISHED"))
        return {QColor(0x2e, 0x7d, 0x32), white}; // green: open
    if (s == QLatin1String("FIN-WAIT-1") || s == QLatin1String("FIN-WAIT-2"))
        return {QColor(0xe6, 0x51, 0x00), white}; // orange: we closed first
    if (s == QLatin1String("CLOSE-WAIT"))
        return {QColor(0x6a, 0x1b, 0x9a), white}; // purple: the peer closed, we have not
    if (s == QLatin1String("CLOSING") || s == QLatin1String("LAST-ACK"))
        return {QColor(0xc6, 0x28, 0x28), white}; // red: last steps
    if (s == QLatin1String("TIME-WAIT"))
        return {QColor(0x00, 0x83, 0x8f), white}; // teal: the 60 s wait everyone asks about
    if (s == QLatin1String("CLOSED"))
        return {QColor(0x75, 0x75, 0x75), white}; // grey: gone
    return {QColor(), QColor()};
}

QColor rowTint(const Event& e)
{
    if (e.event == ev::Error)
        return QColor(0xff, 0xcd, 0xd2);
    if (e.source == ev::Kernel)
        return QColor(0xd6, 0xe4, 0xff);
    if (e.source == ev::Wire)
        return QColor(0xe8, 0xda, 0xf5);
    if (e.source == ev::Model)
        return QColor(0xec, 0xec, 0xec);
    if (e.event == ev::Listening || e.event == ev::Connection || e.event == ev::Connect)
        return QColor(0xc8, 0xf0, 0xc8);
    if (e.event == ev::End || e.event == ev::Close)
        return QColor(0xff, 0xe0, 0xb2);
    if (e.event == ev::Data)
        return e.dir == ev::Out ? QColor(0xff, 0xfb, 0xe0) : QColor(0xff, 0xff, 0xff);
    return QColor(0xff, 0xff, 0xff);
}

QColor eventInk(const Event& e)
{
    if (e.event == ev::Error)
        return QColor(0xb7, 0x1c, 0x1c);
    if (e.source == ev::Kernel)
        return QColor(0x0d, 0x47, 0xa1);
    if (e.event == ev::Listening || e.event == ev::Connection || e.event == ev::Connect)
        return QColor(0x1b, 0x5e, 0x20);
    if (e.event == ev::End || e.event == ev::Close)
        return QColor(0xbf, 0x36, 0x0c);
    return QColor(Qt::black);
}

QColor retiredInk()
{
    return QColor(0x8a, 0x8a, 0x8a);
}

QColor timingPhase(int phase)
{
    switch (phase) {
    case 1:
        return QColor(0x00, 0x9e, 0x73); // DNS: bluish green
    case 2:
        return QColor(0xe6, 0x9f, 0x00); // initial connection: orange
    case 3:
        return QColor(0xcc, 0x79, 0xa7); // request sent: reddish purple
    case 4:
        return QColor(0x56, 0xb4, 0xe9); // waiting (TTFB): sky blue
    case 5:
        return QColor(0x00, 0x72, 0xb2); // content download: blue
    default:
        return QColor(0xb4, 0xb4, 0xb4); // queued / stalled: grey
    }
}

QColor problemInk(bool darkTheme)
{
    return darkTheme ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
}

QString noteStyle(bool bad)
{
    return bad ? QStringLiteral("color: %1; font-weight: bold;").arg(problemInk().name())
               : QString();
}

QColor infoInk(bool darkTheme)
{
    return darkTheme ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x0b, 0x53, 0x94);
}

QString warningBannerStyle()
{
    return QStringLiteral("QLabel { background: #fff176; color: %1; font-weight: bold; "
                          "border: 2px solid %1; border-radius: 4px; padding: 4px; }")
        .arg(problemInk().name());
}

QString lanBannerStyle()
{
    // Okabe & Ito's orange, the colour of the timing charts' connect phase.
    return QStringLiteral("QLabel { background: %1; color: black; font-weight: bold; "
                          "padding: 2px 8px; }")
        .arg(timingPhase(2).name());
}

} // namespace StageColors
} // namespace netstage
