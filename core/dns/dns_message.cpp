#include "core/dns/dns_message.h"

#include <ldns/ldns.h>

#include <cstdlib>
#include <memory>

namespace netstage {

namespace {

struct PktFree
{
    void operator()(ldns_pkt* p) const { ldns_pkt_free(p); }
};
using Pkt = std::unique_ptr<ldns_pkt, PktFree>;

// ldns hands out malloc'd strings.
QString takeString(char* s)
{
    if (!s)
        return {};
    QString out = QString::fromLatin1(s);
    std::free(s);
    return out;
}

QList<DnsRecord> records(const ldns_rr_list* list)
{
    QList<DnsRecord> out;
    if (!list)
        return out;
    const size_t n = ldns_rr_list_rr_count(list);
    for (size_t i = 0; i < n; ++i) {
        const ldns_rr* rr = ldns_rr_list_rr(list, i);
        DnsRecord r;
        r.name = takeString(ldns_rdf2str(ldns_rr_owner(rr))).toLower();
        r.type = takeString(ldns_rr_type2str(ldns_rr_get_type(rr)));
        r.ttl = ldns_rr_ttl(rr);
        QStringList parts;
        for (size_t k = 0; k < ldns_rr_rd_count(rr); ++k)
            parts << takeString(ldns_rdf2str(ldns_rr_rdf(rr, k)));
        r.data = parts.join(QLatin1Char(' '));
        out.append(r);
    }
    return out;
}

bool pushRecord(ldns_pkt* pkt, ldns_pkt_section section, const DnsRecord& r, QString* error)
{
    ldns_rr* rr = nullptr;
    const QByteArray text = r.toString().toLatin1();
    const ldns_status st = ldns_rr_new_frm_str(&rr, text.constData(), 0, nullptr, nullptr);
    if (st != LDNS_STATUS_OK || !rr) {
        if (error)
            *error = DnsMessage::tr("The record \"%1\" is not valid: %2")
                         .arg(QString::fromLatin1(text),
                              QString::fromLatin1(ldns_get_errorstr_by_id(st)));
        return false;
    }
    ldns_pkt_push_rr(pkt, section, rr); // the packet owns it now
    return true;
}

} // namespace

QString DnsRecord::toString() const
{
    return QStringLiteral("%1 %2 IN %3 %4").arg(name).arg(ttl).arg(type, data);
}

QString DnsMessage::absolute(const QString& name)
{
    QString n = name.trimmed().toLower();
    if (!n.endsWith(QLatin1Char('.')))
        n += QLatin1Char('.');
    return n;
}

bool DnsMessage::isWithin(const QString& name, const QString& zone)
{
    if (zone == QLatin1String("."))
        return true;
    return name == zone || name.endsWith(QLatin1Char('.') + zone);
}

DnsMessage DnsMessage::query(quint16 id, const QString& name, const QString& type, bool rd)
{
    DnsMessage m;
    m.id = id;
    m.qname = absolute(name);
    m.qtype = type;
    m.rd = rd;
    return m;
}

DnsMessage DnsMessage::reply() const
{
    DnsMessage m;
    m.id = id;
    m.response = true;
    m.opcode = opcode;
    m.rd = rd;
    m.qname = qname;
    m.qtype = qtype;
    return m;
}

QByteArray DnsMessage::encode(QString* error) const
{
    Pkt pkt(ldns_pkt_new());
    if (!pkt)
        return {};
    ldns_pkt_set_id(pkt.get(), id);
    ldns_pkt_set_qr(pkt.get(), response);
    ldns_pkt_set_aa(pkt.get(), aa);
    ldns_pkt_set_tc(pkt.get(), tc);
    ldns_pkt_set_rd(pkt.get(), rd);
    ldns_pkt_set_ra(pkt.get(), ra);
    ldns_pkt_set_opcode(pkt.get(), static_cast<ldns_pkt_opcode>(opcode));
    ldns_pkt_set_rcode(pkt.get(), static_cast<uint8_t>(rcode));
    if (!qname.isEmpty()) {
        ldns_rr* q = nullptr;
        const QByteArray text = (qname + QStringLiteral(" IN ") + qtype).toLatin1();
        const ldns_status st = ldns_rr_new_question_frm_str(&q, text.constData(), nullptr, nullptr);
        if (st != LDNS_STATUS_OK || !q) {
            if (error)
                *error = tr("The question \"%1\" is not valid: %2")
                             .arg(QString::fromLatin1(text),
                                  QString::fromLatin1(ldns_get_errorstr_by_id(st)));
            return {};
        }
        ldns_pkt_push_rr(pkt.get(), LDNS_SECTION_QUESTION, q);
    }
    for (const DnsRecord& r : answers) {
        if (!pushRecord(pkt.get(), LDNS_SECTION_ANSWER, r, error))
            return {};
    }
    for (const DnsRecord& r : authority) {
        if (!pushRecord(pkt.get(), LDNS_SECTION_AUTHORITY, r, error))
            return {};
    }
    for (const DnsRecord& r : additional) {
        if (!pushRecord(pkt.get(), LDNS_SECTION_ADDITIONAL, r, error))
            return {};
    }
    uint8_t* wire = nullptr;
    size_t size = 0;
    const ldns_status st = ldns_pkt2wire(&wire, pkt.get(), &size);
    if (st != LDNS_STATUS_OK || !wire) {
        if (error)
            *error = QString::fromLatin1(ldns_get_errorstr_by_id(st));
        return {};
    }
    QByteArray out(reinterpret_cast<const char*>(wire), qsizetype(size));
    std::free(wire);
    return out;
}

bool DnsMessage::decode(const QByteArray& wire, DnsMessage* out, QString* error)
{
    ldns_pkt* raw = nullptr;
    const ldns_status st = ldns_wire2pkt(&raw, reinterpret_cast<const uint8_t*>(wire.constData()),
                                         size_t(wire.size()));
    Pkt pkt(raw);
    if (st != LDNS_STATUS_OK || !pkt) {
        if (error)
            *error = tr("Not a valid DNS message (%1 bytes): %2")
                         .arg(wire.size())
                         .arg(QString::fromLatin1(ldns_get_errorstr_by_id(st)));
        return false;
    }
    DnsMessage m;
    m.id = ldns_pkt_id(pkt.get());
    m.response = ldns_pkt_qr(pkt.get());
    m.aa = ldns_pkt_aa(pkt.get());
    m.tc = ldns_pkt_tc(pkt.get());
    m.rd = ldns_pkt_rd(pkt.get());
    m.ra = ldns_pkt_ra(pkt.get());
    m.opcode = int(ldns_pkt_get_opcode(pkt.get()));
    m.rcode = int(ldns_pkt_get_rcode(pkt.get()));
    const ldns_rr_list* q = ldns_pkt_question(pkt.get());
    if (q && ldns_rr_list_rr_count(q) > 0) {
        const ldns_rr* rr = ldns_rr_list_rr(q, 0);
        m.qname = takeString(ldns_rdf2str(ldns_rr_owner(rr))).toLower();
        m.qtype = takeString(ldns_rr_type2str(ldns_rr_get_type(rr)));
    } else {
        m.qname.clear();
        m.qtype.clear();
    }
    m.answers = records(ldns_pkt_answer(pkt.get()));
    m.authority = records(ldns_pkt_authority(pkt.get()));
    m.additional = records(ldns_pkt_additional(pkt.get()));
    *out = m;
    return true;
}

bool DnsMessage::peekId(const QByteArray& wire, quint16* id)
{
    if (wire.size() < 2)
        return false;
    *id = quint16((quint8(wire[0]) << 8) | quint8(wire[1]));
    return true;
}

QString DnsMessage::rcodeName(int rcode)
{
    switch (rcode) {
    case NoError:
        return QStringLiteral("NOERROR");
    case FormErr:
        return QStringLiteral("FORMERR");
    case ServFail:
        return QStringLiteral("SERVFAIL");
    case NxDomain:
        return QStringLiteral("NXDOMAIN");
    case NotImp:
        return QStringLiteral("NOTIMP");
    case Refused:
        return QStringLiteral("REFUSED");
    default:
        return QStringLiteral("RCODE%1").arg(rcode);
    }
}

QJsonArray DnsMessage::answerStrings() const
{
    QJsonArray a;
    for (const DnsRecord& r : answers)
        a.append(r.toString());
    return a;
}

} // namespace netstage
