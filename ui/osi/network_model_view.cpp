#include "ui/osi/network_model_view.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>
#include <QTextOption>

namespace netstage {

namespace {

using Kind = PacketLayer::Kind;

// TCP/IP layer of each OSI row, top (7, application) to bottom (1, physical).
constexpr Kind kOsiToTcpIp[7] = {Kind::Application, Kind::Application, Kind::Application,
                                 Kind::Transport,   Kind::Internet,    Kind::Link,
                                 Kind::Link};

// The rows each TCP/IP layer spans: first row and count.
struct Span
{
    Kind kind;
    int first;
    int count;
};
constexpr Span kSpans[4] = {
    {Kind::Application, 0, 3}, {Kind::Transport, 3, 1}, {Kind::Internet, 4, 1}, {Kind::Link, 5, 2}};

// Row of a TCP/IP layer in the tables below, top (application) to bottom (link).
int indexOf(Kind k)
{
    switch (k) {
    case Kind::Application:
        return 0;
    case Kind::Transport:
        return 1;
    case Kind::Internet:
        return 2;
    case Kind::Link:
        return 3;
    }
    return 0;
}

} // namespace

NetworkModelView::NetworkModelView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("networkModelView"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QColor NetworkModelView::fillOf(PacketLayer::Kind kind)
{
    // Okabe-Ito hues (colour-blind safe), lightened so black text stays readable.
    switch (kind) {
    case Kind::Application:
        return QColor(0xfc, 0xe4, 0xb0); // orange
    case Kind::Transport:
        return QColor(0xcd, 0xe9, 0xf8); // sky blue
    case Kind::Internet:
        return QColor(0xbf, 0xe8, 0xda); // bluish green
    case Kind::Link:
        return QColor(0xf0, 0xd3, 0xe4); // reddish purple
    }
    return Qt::white;
}

QColor NetworkModelView::inkOf(PacketLayer::Kind kind)
{
    switch (kind) {
    case Kind::Application:
        return QColor(0x9a, 0x5b, 0x00);
    case Kind::Transport:
        return QColor(0x00, 0x5a, 0x8c);
    case Kind::Internet:
        return QColor(0x00, 0x6b, 0x4e);
    case Kind::Link:
        return QColor(0x8a, 0x2f, 0x66);
    }
    return Qt::black;
}

void NetworkModelView::setPacket(const Encapsulation* packet)
{
    hasPacket_ = packet && !packet->isEmpty();
    for (Shown& s : shown_)
        s = Shown();
    if (hasPacket_) {
        for (const PacketLayer& l : packet->layers) {
            Shown& s = shown_[indexOf(l.kind)];
            s.present = true;
            s.captured = l.captured;
            s.name = l.name;
            if (l.kind == Kind::Application && l.captured && l.totalBytes >= 0)
                s.name = tr("%1, %n byte(s)", nullptr, l.totalBytes).arg(l.name);
        }
    }
    update();
}

QSize NetworkModelView::sizeHint() const
{
    return {1100, 420};
}

QSize NetworkModelView::minimumSizeHint() const
{
    return {640, 280};
}

void NetworkModelView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    paint(&p, QRectF(rect()).adjusted(8, 8, -8, -8));
}

void NetworkModelView::paint(QPainter* p, const QRectF& r) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setRenderHint(QPainter::TextAntialiasing);

    // Sizes follow the height, so the picture reads the same on a laptop and a projector.
    const qreal headerH = std::clamp(r.height() * 0.11, 28.0, 56.0);
    const qreal rowH = (r.height() - headerH) / 7.0;
    const qreal px = std::clamp(rowH * 0.36, 11.0, 24.0);
    QFont base = font();
    base.setPixelSize(int(px));
    QFont bold = base;
    bold.setBold(true);
    QFont big = bold;
    big.setPixelSize(int(px * 1.2));
    QFont small = base;
    small.setPixelSize(int(std::max(10.0, px * 0.8)));

    const qreal widths[4] = {0.22, 0.19, 0.27, 0.32};
    qreal xs[5];
    xs[0] = r.left();
    for (int i = 0; i < 4; ++i)
        xs[i + 1] = xs[i] + r.width() * widths[i];
    const qreal gap = 3;

    auto cell = [&](int col, int firstRow, int rows) {
        return QRectF(xs[col] + gap, r.top() + headerH + firstRow * rowH + gap,
                      xs[col + 1] - xs[col] - 2 * gap, rows * rowH - 2 * gap);
    };
    auto text = [&](const QRectF& box, const QString& s, const QFont& f, const QColor& ink,
                    Qt::Alignment align = Qt::AlignCenter) {
        p->setFont(f);
        p->setPen(ink);
        QTextOption o(align);
        o.setWrapMode(QTextOption::WordWrap);
        const qreal v = box.height() > 3 * px ? 4 : 1;
        p->drawText(box.adjusted(8, v, -8, -v), s, o);
    };

    // A font that gives way (down to 9 px) so one line of text fits the width.
    auto fit = [](QFont f, const QString& s, qreal width) {
        while (f.pixelSize() > 9 && QFontMetricsF(f).horizontalAdvance(s) > width - 16)
            f.setPixelSize(f.pixelSize() - 1);
        return f;
    };

    // Column titles.
    const QString titles[4] = {tr("OSI model (7 layers)"), tr("TCP/IP model (4 layers)"),
                               tr("Protocols"), tr("Where NetStage shows it")};
    for (int c = 0; c < 4; ++c)
        text(QRectF(xs[c], r.top(), xs[c + 1] - xs[c], headerH), titles[c],
             fit(bold, titles[c], xs[c + 1] - xs[c]), palette().color(QPalette::Text));

    // OSI: seven rows.
    const QString osi[7] = {tr("7  Application"), tr("6  Presentation"), tr("5  Session"),
                            tr("4  Transport"),   tr("3  Network"),      tr("2  Data link"),
                            tr("1  Physical")};
    const QString osiWhat[7] = {tr("what the program means"),
                                tr("encoding, compression, encryption"),
                                tr("dialogues between programs"),
                                tr("ports; reliable stream or single datagrams"),
                                tr("addresses and routes between networks"),
                                tr("frames between neighbours on one link"),
                                tr("bits as signals: cable, radio, light")};
    for (int i = 0; i < 7; ++i) {
        const Kind k = kOsiToTcpIp[i];
        const QRectF box = cell(0, i, 1);
        QColor fill = fillOf(k);
        fill = fill.lighter(106);
        p->setPen(QPen(inkOf(k).lighter(150), 1));
        p->setBrush(fill);
        p->drawRoundedRect(box, 5, 5);
        const QRectF top(box.left(), box.top(), box.width(), box.height() * 0.58);
        const QRectF bottom(box.left(), box.top() + box.height() * 0.5, box.width(),
                            box.height() * 0.5);
        text(top, osi[i], bold, Qt::black, Qt::AlignLeft | Qt::AlignVCenter);
        if (rowH > 3.2 * px)
            text(bottom, osiWhat[i], fit(small, osiWhat[i], bottom.width()),
                 QColor(0x33, 0x33, 0x33), Qt::AlignLeft | Qt::AlignVCenter);
    }

    // TCP/IP, protocols, NetStage: one box per TCP/IP layer, spanning its OSI rows.
    const QString names[4] = {tr("Application"), tr("Transport"), tr("Internet"), tr("Link")};
    const QString units[4] = {tr("unit: message (bytes of the program)"),
                              tr("segments (TCP), datagrams (UDP)"), tr("packets"),
                              tr("unit: frame, then bits")};
    const QString protocols[4] = {tr("HTTP, WebSocket, DNS, TLS, SSH, SMTP"),
                                  tr("TCP, UDP (and QUIC on top of UDP)"), tr("IPv4, IPv6, ICMP"),
                                  tr("Ethernet, Wi-Fi, ARP; here the loopback interface lo")};
    const QString labs[4] = {
        tr("HTTP lab, WebSocket lab, URL walk (DNS): requests, responses, frames, app events"),
        tr("TCP lab, lessons (handshake, teardown), UDP lab: segments, datagrams, states"),
        tr("the IP header of each captured packet: addresses, TTL, id, checksum"),
        tr("the loopback frame libpcap captures (zero MAC addresses); no physical signal")};
    for (const Span& s : kSpans) {
        const int k = indexOf(s.kind);
        const QColor fill = fillOf(s.kind);
        const QColor ink = inkOf(s.kind);
        const Shown& sh = shown_[k];
        for (int col = 1; col < 4; ++col) {
            const QRectF box = cell(col, s.first, s.count);
            QPen pen(ink, col == 1 ? 2 : 1);
            if (hasPacket_ && col == 1 && sh.present) {
                pen.setWidthF(std::max(3.0, px / 4));
                if (!sh.captured)
                    pen.setStyle(Qt::DashLine);
            }
            p->setPen(pen);
            p->setBrush(col == 1 ? fill : fill.lighter(110));
            p->drawRoundedRect(box, 6, 6);
            if (col == 1) {
                const bool badge = hasPacket_ && sh.present;
                QString sub = units[k];
                if (badge)
                    sub = sh.captured ? tr("this packet: %1").arg(sh.name)
                                      : tr("this packet: %1 (not captured)").arg(sh.name);
                if (s.count == 1) {
                    // One OSI row high: the name, and the note in small type under it.
                    text(QRectF(box.left(), box.top(), box.width(), box.height() * 0.56), names[k],
                         big, ink, Qt::AlignHCenter | Qt::AlignBottom);
                    // One line: the font gives way before the text wraps out of the box.
                    QFont note = small;
                    note.setBold(badge);
                    note = fit(note, sub, box.width());
                    text(QRectF(box.left(), box.top() + box.height() * 0.52, box.width(),
                                box.height() * 0.48),
                         sub, note, badge ? ink : QColor(Qt::black),
                         Qt::AlignHCenter | Qt::AlignTop);
                } else {
                    text(QRectF(box.left(), box.top(), box.width(), box.height() * 0.45), names[k],
                         big, ink);
                    text(QRectF(box.left(), box.top() + box.height() * 0.45, box.width(),
                                box.height() * 0.55),
                         sub, badge ? bold : small, badge ? ink : QColor(Qt::black));
                }
            } else {
                text(box, col == 2 ? protocols[k] : labs[k],
                     col == 2 ? bold : (s.count == 1 ? small : base), Qt::black,
                     Qt::AlignLeft | Qt::AlignVCenter);
            }
        }
    }
    p->restore();
}

bool NetworkModelView::saveImage(const QString& path, QString* error) const
{
    // A slide's proportions, whatever the window's: rows tall enough for every note.
    const QSize size(1400, 760);
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(tr("The network model: OSI and TCP/IP"));
        QPainter p;
        if (!p.begin(&svg)) {
            if (error)
                *error = tr("cannot write %1").arg(path);
            return false;
        }
        p.fillRect(QRect(QPoint(0, 0), size), Qt::white);
        paint(&p, QRectF(8, 8, size.width() - 16, size.height() - 16));
        p.end();
        return QFileInfo::exists(path);
    }
    QImage img(size * 2, QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(2);
    img.fill(Qt::white);
    {
        QPainter p(&img);
        paint(&p, QRectF(8, 8, size.width() - 16, size.height() - 16));
    }
    if (!img.save(path)) {
        if (error)
            *error = tr("cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace netstage
