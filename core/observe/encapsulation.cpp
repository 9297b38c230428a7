// Over 800 lines on purpose: one Decoder walks a frame layer by layer (Ethernet, IPv4/IPv6,
// TCP/UDP, the application) and fromFields() builds the same layers from an event without
// bytes; both must name the same fields, so they are read side by side.

#include "core/observe/encapsulation.h"

#include <QHostAddress>
#include <QJsonValue>

#include <algorithm>
#include <cstring>
#include <utility>

namespace netstage {

namespace {

using Kind = PacketLayer::Kind;

quint16 be16(const uchar* p)
{
    return quint16((p[0] << 8) | p[1]);
}
quint32 be32(const uchar* p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

QString hex(quint32 v, int digits)
{
    return QStringLiteral("0x%1").arg(v, digits, 16, QLatin1Char('0'));
}

QString mac(const uchar* m)
{
    QStringList parts;
    for (int i = 0; i < 6; ++i)
        parts << QStringLiteral("%1").arg(m[i], 2, 16, QLatin1Char('0'));
    return parts.join(QLatin1Char(':'));
}

PacketField field(const QString& name, const QString& value, int bitOffset, int bitSize,
                  const QString& meaning = {})
{
    PacketField f;
    f.name = name;
    f.value = value;
    f.bitOffset = bitOffset;
    f.bitSize = bitSize;
    f.meaning = meaning;
    return f;
}

PacketField missing(const QString& name, const QString& meaning = {})
{
    PacketField f;
    f.name = name;
    f.value = Encapsulation::notCaptured();
    f.captured = false;
    f.meaning = meaning;
    return f;
}

// Ones' complement sum of 16-bit words, as the Internet checksum (RFC 1071) adds them.
quint32 sum16(const uchar* p, int len, quint32 sum = 0)
{
    for (int i = 0; i + 1 < len; i += 2)
        sum += be16(p + i);
    if (len & 1)
        sum += quint32(p[len - 1]) << 8;
    return sum;
}
quint16 fold(quint32 sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(sum);
}

QString tcpFlagNames(quint8 f)
{
    // In the order the app's events name them ("SYN,ACK", "PSH,ACK", "FIN,ACK").
    static const std::pair<quint8, const char*> names[] = {
        {0x02, "SYN"}, {0x01, "FIN"}, {0x04, "RST"}, {0x08, "PSH"},
        {0x10, "ACK"}, {0x20, "URG"}, {0x40, "ECE"}, {0x80, "CWR"}};
    QStringList out;
    for (const auto& [bit, name] : names) {
        if (f & bit)
            out << QLatin1String(name);
    }
    return out.join(QLatin1Char(','));
}

QString protocolName(int p)
{
    switch (p) {
    case 6:
        return QStringLiteral("TCP");
    case 17:
        return QStringLiteral("UDP");
    case 1:
        return QStringLiteral("ICMP");
    case 58:
        return QStringLiteral("ICMPv6");
    default:
        return QString::number(p);
    }
}

// "127.0.0.1:8124" / "[::1]:8124" -> address and port.
bool splitEndpoint(const QString& ep, QString* address, int* port)
{
    const int colon = ep.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    bool ok = false;
    *port = ep.mid(colon + 1).toInt(&ok);
    QString a = ep.left(colon);
    if (a.startsWith(QLatin1Char('[')) && a.endsWith(QLatin1Char(']')))
        a = a.mid(1, a.size() - 2);
    *address = a;
    return ok;
}

// What the application layer is called, from the lab that owns the socket.
QString applicationName(const Event& e)
{
    const QString& s = e.socket;
    if (e.proto == QLatin1String("http") || s.startsWith(QLatin1String("http-")))
        return QStringLiteral("HTTP");
    if (e.proto == QLatin1String("ws") || s.startsWith(QLatin1String("ws-")))
        return QStringLiteral("WebSocket");
    if (e.proto == QLatin1String("dns") || s.startsWith(QLatin1String("dns-")))
        return QStringLiteral("DNS");
    return Encapsulation::tr("Application data");
}

bool isUdp(const Event& e)
{
    return e.proto == QLatin1String("udp") || e.proto == QLatin1String("dns");
}

QString preview(const QByteArray& b)
{
    if (b.isEmpty())
        return {};
    QString t = QString::fromUtf8(b);
    QString out;
    for (const QChar c : t) {
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c.isPrint())
            out += c;
        else
            out += QChar(0xB7);
    }
    if (out.size() > 80)
        out = out.left(79) + QChar(0x2026);
    return out;
}

class Decoder
{
public:
    Decoder(const QByteArray& bytes, Encapsulation* out)
        : p_(reinterpret_cast<const uchar*>(bytes.constData())), n_(bytes.size()), out_(out)
    {
    }

    void run(int linkType)
    {
        int off = 0;
        int etherType = -1;
        if (linkType == 1) {
            if (n_ < 14)
                return truncated(Kind::Link, Encapsulation::tr("Ethernet II"));
            PacketLayer l;
            l.kind = Kind::Link;
            l.name = Encapsulation::tr("Ethernet II");
            l.byteOffset = 0;
            l.headerBytes = 14;
            l.totalBytes = n_;
            l.fields << field(Encapsulation::tr("Destination MAC"), mac(p_), 0, 48)
                     << field(Encapsulation::tr("Source MAC"), mac(p_ + 6), 48, 48);
            etherType = be16(p_ + 12);
            const QString typeName = etherType == 0x0800   ? QStringLiteral("IPv4")
                                     : etherType == 0x86DD ? QStringLiteral("IPv6")
                                     : etherType == 0x0806 ? QStringLiteral("ARP")
                                                           : QString();
            l.fields << field(Encapsulation::tr("EtherType"),
                              typeName.isEmpty() ? hex(quint32(etherType), 4)
                                                 : QStringLiteral("%1 (%2)").arg(
                                                       hex(quint32(etherType), 4), typeName),
                              96, 16, Encapsulation::tr("Which protocol the frame carries."));
            if (be32(p_) == 0 && be16(p_ + 4) == 0)
                l.note = Encapsulation::tr(
                    "On the loopback interface Linux writes an Ethernet header with all-zero "
                    "addresses: the frame never leaves the machine, so there is no cable, no "
                    "preamble and no frame check sequence (the physical layer) to capture.");
            out_->layers.push_back(l);
            off = 14;
            if (etherType != 0x0800 && etherType != 0x86DD)
                return;
        } else if (linkType == 0) {
            if (n_ < 4)
                return truncated(Kind::Link, Encapsulation::tr("BSD loopback"));
            PacketLayer l;
            l.kind = Kind::Link;
            l.name = Encapsulation::tr("BSD loopback");
            l.byteOffset = 0;
            l.headerBytes = 4;
            l.totalBytes = n_;
            quint32 family;
            memcpy(&family, p_, 4);
            l.fields << field(Encapsulation::tr("Address family"), QString::number(family), 0, 32);
            out_->layers.push_back(l);
            off = 4;
        } else if (linkType == 101) {
            PacketLayer l;
            l.kind = Kind::Link;
            l.name = Encapsulation::tr("Link layer");
            l.captured = false;
            l.note = Encapsulation::tr("A raw IP capture: the packet was captured without its "
                                       "link-layer header.");
            out_->layers.push_back(l);
        } else {
            PacketLayer l;
            l.kind = Kind::Link;
            l.name = Encapsulation::tr("Link type %1").arg(linkType);
            l.captured = false;
            l.note = Encapsulation::tr("NetStage does not decode this link type.");
            out_->layers.push_back(l);
            return;
        }
        ip(off);
    }

private:
    void truncated(Kind kind, const QString& name)
    {
        PacketLayer l;
        l.kind = kind;
        l.name = name;
        l.captured = false;
        l.note = Encapsulation::tr("The captured bytes end before this header does.");
        out_->layers.push_back(l);
    }

    void ip(int off)
    {
        if (n_ - off < 1)
            return truncated(Kind::Internet, QStringLiteral("IP"));
        const int version = p_[off] >> 4;
        if (version == 4)
            ipv4(off);
        else if (version == 6)
            ipv6(off);
        else
            truncated(Kind::Internet, Encapsulation::tr("IP version %1").arg(version));
    }

    void ipv4(int off)
    {
        if (n_ - off < 20)
            return truncated(Kind::Internet, QStringLiteral("IPv4"));
        const uchar* h = p_ + off;
        const int ihl = (h[0] & 0x0f) * 4;
        const int total = be16(h + 2);
        const int b = off * 8;
        PacketLayer l;
        l.kind = Kind::Internet;
        l.name = QStringLiteral("IPv4");
        l.byteOffset = off;
        l.headerBytes = ihl;
        l.totalBytes = total;
        l.fields << field(Encapsulation::tr("Version"), QStringLiteral("4"), b, 4)
                 << field(Encapsulation::tr("Header length"),
                          Encapsulation::tr("%1 bytes (%2 × 4)").arg(ihl).arg(ihl / 4), b + 4, 4)
                 << field(Encapsulation::tr("DSCP"), QString::number(h[1] >> 2), b + 8, 6,
                          Encapsulation::tr("Differentiated services: the packet's priority "
                                            "class."))
                 << field(Encapsulation::tr("ECN"), QString::number(h[1] & 3), b + 14, 2,
                          Encapsulation::tr("Explicit congestion notification."))
                 << field(Encapsulation::tr("Total length"),
                          Encapsulation::tr("%1 bytes").arg(total), b + 16, 16,
                          Encapsulation::tr("The IP header and everything it carries."))
                 << field(Encapsulation::tr("Identification"),
                          QStringLiteral("%1 (%2)").arg(hex(be16(h + 4), 4)).arg(be16(h + 4)),
                          b + 32, 16,
                          Encapsulation::tr("Names the packet so its fragments can be put "
                                            "together again."));
        const int flags = h[6] >> 5;
        QStringList fl;
        if (flags & 2)
            fl << QStringLiteral("DF");
        if (flags & 1)
            fl << QStringLiteral("MF");
        l.fields << field(Encapsulation::tr("Flags"),
                          fl.isEmpty() ? hex(quint32(flags), 1)
                                       : QStringLiteral("%1 (%2)").arg(hex(quint32(flags), 1),
                                                                       fl.join(QLatin1Char(','))),
                          b + 48, 3,
                          Encapsulation::tr("DF: do not fragment; MF: more fragments follow."))
                 << field(Encapsulation::tr("Fragment offset"),
                          QString::number(be16(h + 6) & 0x1fff), b + 51, 13)
                 << field(Encapsulation::tr("Time to live"), QString::number(h[8]), b + 64, 8,
                          Encapsulation::tr("Each router takes one off; at 0 the packet is "
                                            "dropped, so a routing loop cannot keep it "
                                            "forever."))
                 << field(Encapsulation::tr("Protocol"),
                          QStringLiteral("%1 (%2)").arg(h[9]).arg(protocolName(h[9])), b + 72, 8,
                          Encapsulation::tr("What the IP packet carries."));
        QString check = hex(be16(h + 10), 4);
        QString checkMeaning;
        if (n_ - off >= ihl) {
            const bool good = fold(sum16(h, ihl)) == 0xffff;
            check += good ? Encapsulation::tr(" (correct)") : Encapsulation::tr(" (wrong)");
            checkMeaning = Encapsulation::tr("Covers the IP header only; every router "
                                             "recomputes it because the TTL changes.");
        }
        l.fields << field(Encapsulation::tr("Header checksum"), check, b + 80, 16, checkMeaning)
                 << field(Encapsulation::tr("Source address"),
                          QHostAddress(be32(h + 12)).toString(), b + 96, 32)
                 << field(Encapsulation::tr("Destination address"),
                          QHostAddress(be32(h + 16)).toString(), b + 128, 32);
        if (ihl > 20)
            l.fields << field(Encapsulation::tr("Options"),
                              Encapsulation::tr("%1 bytes").arg(ihl - 20), b + 160, (ihl - 20) * 8);
        out_->layers.push_back(l);
        srcAddr_ = QByteArray(reinterpret_cast<const char*>(h + 12), 4);
        dstAddr_ = QByteArray(reinterpret_cast<const char*>(h + 16), 4);
        const int end = std::min(n_, off + std::max(total, ihl));
        transport(h[9], off + ihl, end, total - ihl);
    }

    void ipv6(int off)
    {
        if (n_ - off < 40)
            return truncated(Kind::Internet, QStringLiteral("IPv6"));
        const uchar* h = p_ + off;
        const int b = off * 8;
        const int payload = be16(h + 4);
        Q_IPV6ADDR a, d;
        memcpy(&a, h + 8, 16);
        memcpy(&d, h + 24, 16);
        PacketLayer l;
        l.kind = Kind::Internet;
        l.name = QStringLiteral("IPv6");
        l.byteOffset = off;
        l.headerBytes = 40;
        l.totalBytes = 40 + payload;
        l.fields << field(Encapsulation::tr("Version"), QStringLiteral("6"), b, 4)
                 << field(Encapsulation::tr("Traffic class"),
                          QString::number(((h[0] & 0x0f) << 4) | (h[1] >> 4)), b + 4, 8)
                 << field(Encapsulation::tr("Flow label"),
                          hex(((h[1] & 0x0fu) << 16) | be16(h + 2), 5), b + 12, 20)
                 << field(Encapsulation::tr("Payload length"),
                          Encapsulation::tr("%1 bytes").arg(payload), b + 32, 16)
                 << field(Encapsulation::tr("Next header"),
                          QStringLiteral("%1 (%2)").arg(h[6]).arg(protocolName(h[6])), b + 48, 8)
                 << field(Encapsulation::tr("Hop limit"), QString::number(h[7]), b + 56, 8,
                          Encapsulation::tr("IPv6's time to live: each router takes one off."))
                 << field(Encapsulation::tr("Source address"), QHostAddress(a).toString(), b + 64,
                          128)
                 << field(Encapsulation::tr("Destination address"), QHostAddress(d).toString(),
                          b + 192, 128);
        out_->layers.push_back(l);
        srcAddr_ = QByteArray(reinterpret_cast<const char*>(h + 8), 16);
        dstAddr_ = QByteArray(reinterpret_cast<const char*>(h + 24), 16);
        transport(h[6], off + 40, std::min(n_, off + 40 + payload), payload);
    }

    // The checksum a sender would have written over the pseudo-header and the segment.
    QString checksumNote(int proto, int off, int length)
    {
        if (off + length > n_)
            return {};
        quint32 sum =
            sum16(reinterpret_cast<const uchar*>(srcAddr_.constData()), int(srcAddr_.size()));
        sum =
            sum16(reinterpret_cast<const uchar*>(dstAddr_.constData()), int(dstAddr_.size()), sum);
        sum += quint32(proto) + quint32(length);
        sum = sum16(p_ + off, length, sum);
        if (fold(sum) == 0xffff)
            return Encapsulation::tr(" (correct)");
        return Encapsulation::tr(" (not filled in: on loopback Linux leaves it to a network "
                                 "card that does not exist)");
    }

    void transport(int proto, int off, int end, int length)
    {
        const int b = off * 8;
        if (proto == 6) {
            if (end - off < 20)
                return truncated(Kind::Transport, QStringLiteral("TCP"));
            const uchar* t = p_ + off;
            const int hl = (t[12] >> 4) * 4;
            PacketLayer l;
            l.kind = Kind::Transport;
            l.name = QStringLiteral("TCP");
            l.byteOffset = off;
            l.headerBytes = hl;
            l.totalBytes = length;
            const quint8 flags = t[13];
            l.fields
                << field(Encapsulation::tr("Source port"), QString::number(be16(t)), b, 16)
                << field(Encapsulation::tr("Destination port"), QString::number(be16(t + 2)),
                         b + 16, 16)
                << field(Encapsulation::tr("Sequence number"), QString::number(be32(t + 4)), b + 32,
                         32,
                         Encapsulation::tr("The number of this segment's first byte (a SYN or "
                                           "FIN counts as one byte)."))
                << field(Encapsulation::tr("Acknowledgment number"),
                         (flags & 0x10)
                             ? QString::number(be32(t + 8))
                             : Encapsulation::tr("%1 (not used: no ACK flag)").arg(be32(t + 8)),
                         b + 64, 32,
                         Encapsulation::tr("The next byte the sender expects from its peer."))
                << field(Encapsulation::tr("Header length"),
                         Encapsulation::tr("%1 bytes (%2 × 4)").arg(hl).arg(hl / 4), b + 96, 4)
                << field(Encapsulation::tr("Reserved"), QString::number(t[12] & 0x0f), b + 100, 4)
                << field(Encapsulation::tr("Flags"),
                         QStringLiteral("%1 (%2)").arg(hex(flags, 2), tcpFlagNames(flags)), b + 104,
                         8)
                << field(Encapsulation::tr("Window"), QString::number(be16(t + 14)), b + 112, 16,
                         Encapsulation::tr("How many more bytes the sender can receive (before "
                                           "window scaling)."));
            QString sum = hex(be16(t + 16), 4);
            if (end - off >= length)
                sum += checksumNote(6, off, length);
            l.fields << field(Encapsulation::tr("Checksum"), sum, b + 128, 16,
                              Encapsulation::tr("Covers the TCP header, the data and a "
                                                "pseudo-header of the IP addresses."))
                     << field(Encapsulation::tr("Urgent pointer"), QString::number(be16(t + 18)),
                              b + 144, 16);
            options(l, off + 20, std::min(off + hl, end));
            out_->layers.push_back(l);
            payload(off + hl, end, length - hl);
        } else if (proto == 17) {
            if (end - off < 8)
                return truncated(Kind::Transport, QStringLiteral("UDP"));
            const uchar* u = p_ + off;
            PacketLayer l;
            l.kind = Kind::Transport;
            l.name = QStringLiteral("UDP");
            l.byteOffset = off;
            l.headerBytes = 8;
            l.totalBytes = be16(u + 4);
            QString sum = hex(be16(u + 6), 4);
            if (be16(u + 6) == 0)
                sum += Encapsulation::tr(" (none: allowed over IPv4)");
            else if (end - off >= be16(u + 4))
                sum += checksumNote(17, off, be16(u + 4));
            l.fields << field(Encapsulation::tr("Source port"), QString::number(be16(u)), b, 16)
                     << field(Encapsulation::tr("Destination port"), QString::number(be16(u + 2)),
                              b + 16, 16)
                     << field(Encapsulation::tr("Length"),
                              Encapsulation::tr("%1 bytes").arg(be16(u + 4)), b + 32, 16,
                              Encapsulation::tr("The 8-byte header and the data."))
                     << field(Encapsulation::tr("Checksum"), sum, b + 48, 16);
            out_->layers.push_back(l);
            payload(off + 8, end, be16(u + 4) - 8);
        } else {
            PacketLayer l;
            l.kind = Kind::Transport;
            l.name = protocolName(proto);
            l.byteOffset = off;
            l.captured = false;
            l.note = Encapsulation::tr("NetStage does not decode this protocol.");
            out_->layers.push_back(l);
        }
    }

    void options(PacketLayer& l, int off, int end)
    {
        int i = off;
        while (i < end) {
            const uchar kind = p_[i];
            if (kind == 0) {
                l.fields << field(Encapsulation::tr("Option: end of list"), QString(), i * 8, 8);
                break;
            }
            if (kind == 1) {
                l.fields << field(Encapsulation::tr("Option: no-operation"), QString(), i * 8, 8,
                                  Encapsulation::tr("Padding that aligns the next option."));
                ++i;
                continue;
            }
            if (i + 1 >= end || p_[i + 1] < 2 || i + p_[i + 1] > end)
                break;
            const int len = p_[i + 1];
            const uchar* v = p_ + i + 2;
            switch (kind) {
            case 2:
                l.fields << field(Encapsulation::tr("Option: maximum segment size"),
                                  Encapsulation::tr("%1 bytes").arg(len == 4 ? be16(v) : 0), i * 8,
                                  len * 8,
                                  Encapsulation::tr("The largest segment payload this side "
                                                    "accepts."));
                break;
            case 3:
                l.fields << field(Encapsulation::tr("Option: window scale"),
                                  Encapsulation::tr("shift %1 (× %2)")
                                      .arg(v[0])
                                      .arg(1u << std::min<int>(v[0], 14)),
                                  i * 8, len * 8,
                                  Encapsulation::tr("The window field is multiplied by this."));
                break;
            case 4:
                l.fields << field(Encapsulation::tr("Option: SACK permitted"), QString(), i * 8,
                                  len * 8,
                                  Encapsulation::tr("This side understands selective "
                                                    "acknowledgments."));
                break;
            case 5: {
                QStringList blocks;
                for (int k = 0; k + 8 <= len - 2; k += 8)
                    blocks << QStringLiteral("%1-%2").arg(be32(v + k)).arg(be32(v + k + 4));
                l.fields << field(Encapsulation::tr("Option: SACK"),
                                  blocks.join(QStringLiteral(", ")), i * 8, len * 8);
                break;
            }
            case 8:
                l.fields << field(
                    Encapsulation::tr("Option: timestamps"),
                    len == 10 ? QStringLiteral("TSval=%1 TSecr=%2").arg(be32(v)).arg(be32(v + 4))
                              : QString(),
                    i * 8, len * 8,
                    Encapsulation::tr("Measure the round trip and tell old "
                                      "segments from new ones."));
                break;
            default:
                l.fields << field(Encapsulation::tr("Option %1").arg(kind),
                                  Encapsulation::tr("%1 bytes").arg(len), i * 8, len * 8);
            }
            i += len;
        }
    }

    void payload(int off, int end, int length)
    {
        PacketLayer l;
        l.kind = Kind::Application;
        l.name = appName_;
        l.byteOffset = off;
        l.headerBytes = 0;
        l.totalBytes = std::max(0, length);
        const int have = std::max(0, end - off);
        if (length <= 0) {
            l.note = Encapsulation::tr("No application bytes: this packet only carries "
                                       "the transport header (control, like SYN or ACK).");
        } else {
            l.fields << field(Encapsulation::tr("Data"),
                              Encapsulation::tr("%n byte(s)", nullptr, length), off * 8, have * 8);
            const QByteArray data(reinterpret_cast<const char*>(p_ + off), std::min(have, 200));
            l.fields << field(Encapsulation::tr("As text"), preview(data), off * 8,
                              std::min(have, 200) * 8);
            if (have < length)
                l.note = Encapsulation::tr("Only %1 of the %2 bytes were captured.")
                             .arg(have)
                             .arg(length);
        }
        out_->layers.push_back(l);
    }

public:
    QString appName_ = Encapsulation::tr("Application data");

private:
    const uchar* p_;
    int n_;
    Encapsulation* out_;
    QByteArray srcAddr_, dstAddr_;
};

// The layers of an event without bytes: what its fields (and `extra`) recorded.
Encapsulation fromFields(const Event& e)
{
    Encapsulation x;
    x.source = e.source;
    const bool model = e.source == ev::Model;
    const bool udp = isUdp(e);
    const QJsonObject& xt = e.extra;
    auto extraValue = [&](const char* key) -> QString {
        const QJsonValue v = xt.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        return v.isString() ? v.toString() : QString::number(v.toInteger());
    };
    const QString whyModel =
        Encapsulation::tr("The model knows what RFC 9293 says, not the bytes.");
    const QString whyRecorded =
        Encapsulation::tr("The frame's bytes are not stored (a recording, or dropped from the "
                          "capture store): only the fields the event recorded are known.");
    const QString why = model ? whyModel : whyRecorded;

    // Link
    PacketLayer link;
    link.kind = Kind::Link;
    const QString linkName = extraValue("link");
    if (!model && linkName == QLatin1String("EN10MB")) {
        link.name = Encapsulation::tr("Ethernet II");
        link.headerBytes = 14;
        link.fields
            << PacketField{Encapsulation::tr("Destination MAC"),
                           extraValue("eth_dst"),
                           {},
                           -1,
                           -1,
                           true}
            << PacketField{Encapsulation::tr("Source MAC"), extraValue("eth_src"), {}, -1, -1, true}
            << missing(Encapsulation::tr("EtherType"));
    } else {
        link.name = Encapsulation::tr("Link layer");
        link.captured = false;
        link.note = model ? Encapsulation::tr("The model describes TCP only: it has no link "
                                              "layer.")
                          : why;
    }
    x.layers.push_back(link);

    // Internet
    QString srcAddr, dstAddr;
    int srcPort = -1, dstPort = -1;
    splitEndpoint(e.src, &srcAddr, &srcPort);
    splitEndpoint(e.dst, &dstAddr, &dstPort);
    const bool v6 =
        srcAddr.contains(QLatin1Char(':')) || extraValue("ip_version") == QLatin1String("6");
    PacketLayer ip;
    ip.kind = Kind::Internet;
    ip.name = v6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4");
    auto known = [&](const QString& name, const QString& value, const QString& meaning = {}) {
        if (value.isEmpty())
            return missing(name, meaning);
        PacketField f;
        f.name = name;
        f.value = value;
        f.meaning = meaning;
        return f;
    };
    const QString ipLen = extraValue("ip_len");
    const QString ipHeader = extraValue("ip_header_len");
    ip.fields << known(Encapsulation::tr("Version"), v6 ? QStringLiteral("6") : QStringLiteral("4"))
              << known(Encapsulation::tr("Header length"),
                       ipHeader.isEmpty() ? QString() : Encapsulation::tr("%1 bytes").arg(ipHeader))
              << known(Encapsulation::tr("Total length"),
                       ipLen.isEmpty() ? QString() : Encapsulation::tr("%1 bytes").arg(ipLen));
    if (!v6)
        ip.fields << known(Encapsulation::tr("Identification"), extraValue("ip_id"));
    ip.fields << known(v6 ? Encapsulation::tr("Hop limit") : Encapsulation::tr("Time to live"),
                       extraValue("ip_ttl"))
              << known(Encapsulation::tr("Protocol"),
                       udp ? QStringLiteral("17 (UDP)") : QStringLiteral("6 (TCP)"));
    if (!v6)
        ip.fields << known(Encapsulation::tr("Header checksum"), extraValue("ip_checksum"));
    ip.fields << known(Encapsulation::tr("Source address"), srcAddr)
              << known(Encapsulation::tr("Destination address"), dstAddr);
    if (ipHeader.isEmpty())
        ip.note = why;
    if (!ipLen.isEmpty())
        ip.totalBytes = ipLen.toInt();
    if (!ipHeader.isEmpty())
        ip.headerBytes = ipHeader.toInt();
    x.layers.push_back(ip);

    // Transport
    PacketLayer t;
    t.kind = Kind::Transport;
    t.name = udp ? QStringLiteral("UDP") : QStringLiteral("TCP");
    auto num = [](qint64 v) { return v < 0 ? QString() : QString::number(v); };
    t.fields << known(Encapsulation::tr("Source port"), num(srcPort))
             << known(Encapsulation::tr("Destination port"), num(dstPort));
    if (udp) {
        const QString ulen = extraValue("udp_len");
        t.headerBytes = 8;
        t.fields << known(Encapsulation::tr("Length"),
                          ulen.isEmpty()
                              ? (e.len >= 0 ? Encapsulation::tr("%1 bytes").arg(e.len + 8)
                                            : QString())
                              : Encapsulation::tr("%1 bytes").arg(ulen))
                 << known(Encapsulation::tr("Checksum"), extraValue("udp_checksum"));
    } else {
        const QString relative =
            model ? Encapsulation::tr("%1 (relative: the model counts from the first byte)")
                  : QStringLiteral("%1");
        const QString th = extraValue("tcp_header_len");
        if (!th.isEmpty())
            t.headerBytes = th.toInt();
        t.fields << known(Encapsulation::tr("Sequence number"),
                          e.seq < 0 ? QString() : relative.arg(e.seq))
                 << known(Encapsulation::tr("Acknowledgment number"),
                          e.ack < 0 ? QString() : relative.arg(e.ack))
                 << known(Encapsulation::tr("Header length"),
                          th.isEmpty() ? QString() : Encapsulation::tr("%1 bytes").arg(th))
                 << known(Encapsulation::tr("Flags"), e.flags)
                 << known(Encapsulation::tr("Window"), num(e.win))
                 << known(Encapsulation::tr("Checksum"), extraValue("tcp_checksum"))
                 << known(Encapsulation::tr("Options"), e.opts);
    }
    if (model)
        t.note = Encapsulation::tr("Drawn from the TCP model: no TTL, IP id or checksum; the "
                                   "numbers are the model's.");
    x.layers.push_back(t);

    // Application
    PacketLayer a;
    a.kind = Kind::Application;
    a.name = applicationName(e);
    a.totalBytes = e.len >= 0 ? int(e.len) : -1;
    if (e.len > 0) {
        a.fields << known(Encapsulation::tr("Data"),
                          Encapsulation::tr("%n byte(s)", nullptr, int(e.len)))
                 << known(Encapsulation::tr("As text"), preview(e.payload));
        if (e.payload.size() < e.len)
            a.note = Encapsulation::tr("Only the first %1 bytes were kept with the event.")
                         .arg(e.payload.size());
    } else {
        a.note = Encapsulation::tr("No application bytes: this packet only carries the "
                                   "transport header (control, like SYN or ACK).");
    }
    x.layers.push_back(a);
    return x;
}

} // namespace

QString Encapsulation::notCaptured()
{
    return tr("not captured");
}

const PacketLayer* Encapsulation::layer(PacketLayer::Kind kind) const
{
    for (const PacketLayer& l : layers) {
        if (l.kind == kind)
            return &l;
    }
    return nullptr;
}

bool Encapsulation::appliesTo(const Event& e)
{
    if (e.event == ev::Segment || e.event == QLatin1String("datagram"))
        return true;
    if (e.source != ev::App)
        return false;
    return e.event == ev::Data || e.event == QLatin1String("message") ||
           e.event == QLatin1String("request") || e.event == QLatin1String("response") ||
           e.event == QLatin1String("frame");
}

Encapsulation Encapsulation::decode(const QByteArray& bytes, int linkType)
{
    Encapsulation x;
    x.source = ev::Wire;
    x.bytes = bytes;
    x.linkType = linkType;
    Decoder d(bytes, &x);
    d.run(linkType);
    return x;
}

Encapsulation Encapsulation::fromEvent(const Event& e, const CapturedFrame& frame)
{
    const QString arrow = QStringLiteral(" → ");
    const bool packet = e.event == ev::Segment || e.event == QLatin1String("datagram");
    if (packet && e.source == ev::Wire && frame.isValid() && !frame.bytes.isEmpty()) {
        Encapsulation x;
        x.source = ev::Wire;
        x.bytes = frame.bytes;
        x.linkType = frame.linkType;
        x.frameNumber = frame.number;
        Decoder d(frame.bytes, &x);
        d.appName_ = applicationName(e);
        d.run(frame.linkType);
        x.title =
            tr("Frame %1 (%2 bytes): %3 %4%5%6 %7")
                .arg(frame.number)
                .arg(frame.originalLength)
                .arg(isUdp(e) ? QStringLiteral("UDP") : QStringLiteral("TCP"), e.src, arrow, e.dst,
                     e.flags.isEmpty() ? QString() : QLatin1Char('[') + e.flags + QLatin1Char(']'));
        x.origin = tr("Decoded from the bytes captured on the wire (libpcap on lo).");
        return x;
    }
    if (packet) {
        Encapsulation x = fromFields(e);
        x.title =
            tr("%1 %2%3%4 %5")
                .arg(isUdp(e) ? QStringLiteral("UDP") : QStringLiteral("TCP"), e.src, arrow, e.dst,
                     e.flags.isEmpty() ? QString() : QLatin1Char('[') + e.flags + QLatin1Char(']'));
        x.origin = e.source == ev::Model
                       ? tr("Drawn from the TCP model (RFC 9293), not from captured bytes: "
                            "fields the model does not know are marked \"not captured\".")
                       : tr("A wire event whose frame bytes are not at hand: the fields it "
                            "recorded, the rest marked \"not captured\".");
        return x;
    }
    // An app event: the bytes the program handed over or got, and no header at all.
    Encapsulation x;
    x.source = e.source;
    const bool udp = isUdp(e);
    x.title = tr("%1 event of %2: %n byte(s)", nullptr, int(std::max<qint64>(e.bytes, 0)))
                  .arg(e.event, e.socket);
    x.origin = tr("What the program sees: only the application bytes. The kernel adds the "
                  "headers when it sends and strips them when it receives, so an app event "
                  "has no header fields at all.");
    const QString noHeader =
        tr("Not visible to the program: the kernel adds this header on the way out and strips "
           "it on the way in. Select the matching wire segment or datagram to see it.");
    PacketLayer link;
    link.kind = Kind::Link;
    link.name = tr("Link layer");
    link.captured = false;
    link.note = noHeader;
    PacketLayer ip;
    ip.kind = Kind::Internet;
    ip.name = QStringLiteral("IP");
    ip.captured = false;
    ip.note = noHeader;
    PacketLayer t;
    t.kind = Kind::Transport;
    t.name = udp ? QStringLiteral("UDP") : QStringLiteral("TCP");
    t.captured = false;
    t.note = noHeader;
    PacketLayer a;
    a.kind = Kind::Application;
    a.name = applicationName(e);
    a.totalBytes = e.bytes >= 0 ? int(e.bytes) : int(e.payload.size());
    PacketField len;
    len.name = tr("Data");
    len.value = tr("%n byte(s)", nullptr, a.totalBytes);
    a.fields << len;
    if (!e.payload.isEmpty()) {
        PacketField text;
        text.name = tr("As text");
        text.value = preview(e.payload);
        a.fields << text;
    }
    if (!e.local.isEmpty() || !e.remote.isEmpty()) {
        PacketField ends;
        ends.name = tr("Socket");
        ends.value = QStringLiteral("%1 ↔ %2").arg(e.local, e.remote);
        ends.meaning = tr("The socket's two ends, as the program knows them.");
        a.fields << ends;
    }
    x.layers = {link, ip, t, a};
    return x;
}

} // namespace netstage
