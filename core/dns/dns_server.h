#pragma once

#include "core/base/event.h"
#include "core/dns/dns_message.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <functional>

namespace netstage {

class Timeline;
class UdpSocket;

// What one DNS server knows: its zone's own records (A, NS, SOA) and the delegations to the
// zones below it (their NS records and the glue A records of those name servers).
struct DnsZone
{
    QString origin; // ".", "test.", "example.test."
    DnsRecord soa;  // for negative answers (NXDOMAIN, no data)
    QList<DnsRecord> records;
};

// A DNS datagram as an event (proto "dns"): event "query" or "answer", dir "out" or "in",
// local and remote endpoints, bytes, the bytes as payload, and the decoded header and records
// in extra: id, qname, qtype, rcode, answers, referral, ttl.
Event dnsDatagramEvent(const QString& socket, const QString& dir, const QString& local,
                       const QString& remote, const QByteArray& wire, const DnsMessage& m);

// An authoritative DNS server for one zone on a real UDP socket: answers what it holds (AA),
// refers questions for a delegated zone to that zone's servers (no AA, NS in the authority
// section, glue in the additional section), NXDOMAIN for names it does not have, REFUSED
// outside its zone, NOTIMP for anything but a QUERY, FORMERR for bytes that are not a message.
// Every datagram in and out is an event on its socket id ("dns-root"...).
class DnsServer : public QObject
{
    Q_OBJECT
public:
    DnsServer(Timeline* timeline, const QString& socketId, const DnsZone& zone,
              QObject* parent = nullptr);
    ~DnsServer() override;

    // Binds address:port (0 = a free port); 0 or errno. Logs `listening` or `error`.
    int start(const QHostAddress& address, quint16 port);
    void stop(); // logs `close`
    quint16 port() const;
    QString local() const { return local_; }
    QString socketId() const { return id_; }
    const DnsZone& zone() const { return zone_; }
    quint64 answered() const { return answered_; }

    // The answer to a question, from the zone alone (no sockets): the server's whole logic.
    static DnsMessage answer(const DnsZone& zone, const DnsMessage& query);

private:
    void onDatagram(const QByteArray& data, const QHostAddress& from, quint16 port);

    Timeline* timeline_;
    QString id_;
    DnsZone zone_;
    UdpSocket* socket_ = nullptr;
    QString local_;
    quint64 answered_ = 0;
};

// A recursive (iterative) resolver on a real UDP socket ("dns-resolver"): a client asks with
// RD=1; it answers from its cache while the TTL lasts, otherwise it asks the root, follows each
// referral (root -> .test -> example.test) and caches both the answer and the referrals it
// learned, so the next name under example.test goes straight to that zone's server.
//
// On a real network every server listens on port 53, so a referral's glue address is enough.
// Here all of them share 127.0.0.1, each on its own port: the resolver finds a name server's
// port by its name in a table it is given, the way it is given the root servers' addresses
// (root hints).
class DnsResolver : public QObject
{
    Q_OBJECT
public:
    DnsResolver(Timeline* timeline, QObject* parent = nullptr);
    ~DnsResolver() override;

    struct NameServer
    {
        QString name; // "a.root-servers.test."
        QHostAddress address;
        quint16 port = 53;
    };
    void setRootHints(const NameServer& root) { root_ = root; }
    void setServerPort(const QString& nsName, quint16 port)
    {
        ports_.insert(DnsMessage::absolute(nsName), port);
    }
    void setTimeoutMs(int ms) { timeoutMs_ = ms; }

    int start(const QHostAddress& address, quint16 port);
    void stop();
    quint16 port() const;
    QString local() const { return local_; }
    void clearCache();
    quint64 upstreamQueries() const { return upstream_; }

private:
    struct Job;
    struct Cached
    {
        DnsMessage answer; // rcode and answer records
        qint64 expiresMs = 0;
    };
    struct Delegation
    {
        NameServer ns;
        qint64 expiresMs = 0;
    };
    void onDatagram(const QByteArray& data, const QHostAddress& from, quint16 port);
    void onClientQuery(const DnsMessage& q, const QHostAddress& from, quint16 port);
    void onUpstreamAnswer(const DnsMessage& m, const QHostAddress& from, quint16 port);
    void askNext(Job* job, const NameServer& ns);
    void finish(Job* job, DnsMessage reply);
    void send(const QByteArray& wire, const DnsMessage& m, const QHostAddress& to, quint16 port);
    qint64 nowMs() const;

    Timeline* timeline_;
    UdpSocket* socket_ = nullptr;
    QString local_;
    NameServer root_;
    QHash<QString, quint16> ports_;
    QHash<QString, Cached> cache_;           // "name|type"
    QHash<QString, Delegation> delegations_; // zone -> its server
    QHash<quint16, Job*> jobs_;              // by upstream query id
    int timeoutMs_ = 2000;
    quint64 upstream_ = 0;
    quint16 nextId_ = 0x2a00;
};

} // namespace netstage
