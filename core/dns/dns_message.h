#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace netstage {

// One resource record as people read it: "www.example.test. 60 IN A 127.0.0.1".
struct DnsRecord
{
    QString name; // absolute, lower case, with the final dot: "www.example.test."
    QString type; // "A", "NS", "SOA", "AAAA"...
    quint32 ttl = 0;
    QString data; // the RDATA in presentation form: "127.0.0.1", "ns1.example.test."
    QString toString() const;
};

// An RFC 1035 message, class IN only. Encoding and decoding are done by ldns (NLnet Labs,
// Debian's libldns-dev): the wire format with name compression, every length checked, is
// not ours to get wrong. This struct is only the Qt-side view the labs and events use.
struct DnsMessage
{
    Q_DECLARE_TR_FUNCTIONS(netstage::DnsMessage)
public:
    enum Rcode
    {
        NoError = 0,
        FormErr = 1,
        ServFail = 2,
        NxDomain = 3,
        NotImp = 4,
        Refused = 5
    };

    quint16 id = 0;
    bool response = false; // QR
    bool aa = false;       // authoritative answer
    bool tc = false;
    bool rd = false; // recursion desired
    bool ra = false; // recursion available
    int opcode = 0;  // 0 = QUERY
    int rcode = NoError;
    QString qname; // absolute with the final dot; empty when the question section is empty
    QString qtype = QStringLiteral("A");
    QList<DnsRecord> answers, authority, additional;

    // The wire bytes; empty (and *error) when a record does not parse.
    QByteArray encode(QString* error = nullptr) const;
    // False (and *error, a sentence) when the bytes are not a DNS message ldns can read.
    static bool decode(const QByteArray& wire, DnsMessage* out, QString* error = nullptr);
    // The 16-bit ID of something that may not decode, so a FORMERR can still be matched.
    static bool peekId(const QByteArray& wire, quint16* id);

    static DnsMessage query(quint16 id, const QString& name, const QString& type, bool rd);
    DnsMessage reply() const; // a response shell: same id, question, opcode and RD

    static QString rcodeName(int rcode); // "NOERROR", "NXDOMAIN"...
    QJsonArray answerStrings() const;    // every answer record as text
    // "ns1.example.test." -> "ns1.example.test."; "Example.Test" -> "example.test."
    static QString absolute(const QString& name);
    // True when name is zone or lies below it (both absolute).
    static bool isWithin(const QString& name, const QString& zone);
};

} // namespace netstage
