#include "core/dns/dns_server.h"

#include "core/base/errors.h"
#include "core/base/timeline.h"
#include "core/net/native_tcp_connection.h"
#include "core/net/udp_socket.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimer>

namespace netstage {

namespace {
const QString kDns = QStringLiteral("dns");

// The zone a referral sends the asker to, and the server it names ("example.test. via
// ns1.example.test."), or empty.
QString referralOf(const DnsMessage& m)
{
    if (!m.response || m.aa || !m.answers.isEmpty() || m.rcode != DnsMessage::NoError)
        return {};
    for (const DnsRecord& r : m.authority) {
        if (r.type == QLatin1String("NS"))
            return r.name + QStringLiteral(" NS ") + r.data;
    }
    return {};
}

Event lifecycle(const QString& socket, const QString& event, const QString& local)
{
    Event e;
    e.socket = socket;
    e.proto = kDns;
    e.event = event;
    e.source = ev::App;
    e.local = local;
    return e;
}
} // namespace

Event dnsDatagramEvent(const QString& socket, const QString& dir, const QString& local,
                       const QString& remote, const QByteArray& wire, const DnsMessage& m)
{
    Event e;
    e.socket = socket;
    e.proto = kDns;
    e.event = m.response ? QStringLiteral("answer") : QStringLiteral("query");
    e.source = ev::App;
    e.dir = dir;
    e.local = local;
    e.remote = remote;
    e.bytes = wire.size();
    e.payload = wire;
    QJsonObject o;
    o.insert(QStringLiteral("id"), int(m.id));
    o.insert(QStringLiteral("qname"), m.qname);
    o.insert(QStringLiteral("qtype"), m.qtype);
    if (m.rd)
        o.insert(QStringLiteral("rd"), true);
    if (m.response) {
        o.insert(QStringLiteral("rcode"), DnsMessage::rcodeName(m.rcode));
        o.insert(QStringLiteral("aa"), m.aa);
        o.insert(QStringLiteral("answers"), m.answerStrings());
        const QString ref = referralOf(m);
        if (!ref.isEmpty()) {
            QJsonObject r;
            const QStringList parts = ref.split(QLatin1Char(' '));
            r.insert(QStringLiteral("zone"), parts.value(0));
            r.insert(QStringLiteral("server"), parts.value(2));
            for (const DnsRecord& g : m.additional) {
                if (g.name == parts.value(2) && g.type == QLatin1String("A"))
                    r.insert(QStringLiteral("address"), g.data);
            }
            o.insert(QStringLiteral("referral"), r);
        }
        if (!m.answers.isEmpty())
            o.insert(QStringLiteral("ttl"), qint64(m.answers.first().ttl));
    }
    e.extra = o;
    // A sentence a student can read next to the bytes.
    if (!m.response) {
        e.detail =
            QCoreApplication::translate("netstage::Dns", "Query %1: what is the %2 record of %3?")
                .arg(m.id)
                .arg(m.qtype, m.qname);
    } else if (!referralOf(m).isEmpty()) {
        const QJsonObject r = o.value(QStringLiteral("referral")).toObject();
        e.detail = QCoreApplication::translate(
                       "netstage::Dns", "Answer %1: I do not know %2, but %3 is served by %4 (%5).")
                       .arg(m.id)
                       .arg(m.qname, r.value(QStringLiteral("zone")).toString(),
                            r.value(QStringLiteral("server")).toString(),
                            r.value(QStringLiteral("address")).toString());
    } else if (m.rcode == DnsMessage::NoError && !m.answers.isEmpty()) {
        QStringList a;
        for (const DnsRecord& r : m.answers)
            a << r.data;
        e.detail = QCoreApplication::translate("netstage::Dns", "Answer %1: %2 is %3 (TTL %4 s)%5.")
                       .arg(m.id)
                       .arg(m.qname, a.join(QStringLiteral(", ")))
                       .arg(m.answers.first().ttl)
                       .arg(m.aa ? QCoreApplication::translate("netstage::Dns", ", authoritative")
                                 : QString());
    } else {
        e.detail = QCoreApplication::translate("netstage::Dns", "Answer %1 for %2: %3.")
                       .arg(m.id)
                       .arg(m.qname, DnsMessage::rcodeName(m.rcode));
    }
    return e;
}

// ---------------------------------------------------------------------------------------------
// DnsServer

DnsServer::DnsServer(Timeline* timeline, const QString& socketId, const DnsZone& zone,
                     QObject* parent)
    : QObject(parent), timeline_(timeline), id_(socketId), zone_(zone)
{
}

DnsServer::~DnsServer() = default;

int DnsServer::start(const QHostAddress& address, quint16 port)
{
    stop();
    socket_ = new UdpSocket(this);
    const int err = socket_->bind(address, port);
    if (err != 0) {
        Event e = lifecycle(id_, ev::Error, endpointString(address, port));
        e.code = errnoName(err);
        timeline_->append(e);
        delete socket_;
        socket_ = nullptr;
        return err;
    }
    local_ = endpointString(socket_->localAddress(), socket_->localPort());
    connect(socket_, &UdpSocket::datagramReceived, this, &DnsServer::onDatagram);
    Event e = lifecycle(id_, ev::Listening, local_);
    QJsonObject o;
    o.insert(QStringLiteral("zone"), zone_.origin);
    e.extra = o;
    e.detail = tr("The DNS server for the zone %1 listens on %2 (UDP).").arg(zone_.origin, local_);
    timeline_->append(e);
    return 0;
}

void DnsServer::stop()
{
    if (!socket_)
        return;
    socket_->disconnect(this);
    socket_->close();
    socket_->deleteLater();
    socket_ = nullptr;
    timeline_->append(lifecycle(id_, ev::Close, local_));
}

quint16 DnsServer::port() const
{
    return socket_ ? socket_->localPort() : 0;
}

DnsMessage DnsServer::answer(const DnsZone& zone, const DnsMessage& q)
{
    DnsMessage r = q.reply();
    if (q.opcode != 0) {
        r.rcode = DnsMessage::NotImp;
        return r;
    }
    if (q.qname.isEmpty()) {
        r.rcode = DnsMessage::FormErr;
        return r;
    }
    if (!DnsMessage::isWithin(q.qname, zone.origin)) {
        r.rcode = DnsMessage::Refused;
        return r;
    }
    // A delegation at or above the name (but below our origin): refer.
    QString cut;
    for (const DnsRecord& rec : zone.records) {
        if (rec.type == QLatin1String("NS") && rec.name != zone.origin &&
            DnsMessage::isWithin(q.qname, rec.name) && rec.name.size() > cut.size())
            cut = rec.name;
    }
    if (!cut.isEmpty()) {
        for (const DnsRecord& rec : zone.records) {
            if (rec.type == QLatin1String("NS") && rec.name == cut) {
                r.authority.append(rec);
                for (const DnsRecord& glue : zone.records) {
                    if (glue.name == rec.data && glue.type == QLatin1String("A"))
                        r.additional.append(glue);
                }
            }
        }
        return r;
    }
    r.aa = true;
    bool nameExists = false;
    for (const DnsRecord& rec : zone.records) {
        if (rec.name != q.qname)
            continue;
        nameExists = true;
        if (rec.type == q.qtype || q.qtype == QLatin1String("ANY"))
            r.answers.append(rec);
    }
    if (r.answers.isEmpty()) {
        // An empty non-terminal (a name with only names below it) exists too (RFC 8020).
        if (!nameExists) {
            for (const DnsRecord& rec : zone.records) {
                if (rec.name.endsWith(QLatin1Char('.') + q.qname))
                    nameExists = true;
            }
        }
        if (!nameExists && q.qname != zone.origin)
            r.rcode = DnsMessage::NxDomain;
        if (!zone.soa.name.isEmpty())
            r.authority.append(zone.soa);
    }
    return r;
}

void DnsServer::onDatagram(const QByteArray& data, const QHostAddress& from, quint16 port)
{
    const QString remote = endpointString(from, port);
    DnsMessage q;
    QString why;
    if (!DnsMessage::decode(data, &q, &why) || q.response) {
        Event e = lifecycle(id_, QStringLiteral("query"), local_);
        e.dir = ev::In;
        e.remote = remote;
        e.bytes = data.size();
        e.payload = data;
        e.code = QStringLiteral("FORMERR");
        e.detail = q.response ? tr("An answer arrived where only questions are expected; it is "
                                   "ignored.")
                              : why;
        timeline_->append(e);
        quint16 id = 0;
        if (q.response || !DnsMessage::peekId(data, &id))
            return; // nothing to answer to
        q = DnsMessage();
        q.id = id;
        q.qname.clear();
    } else {
        timeline_->append(dnsDatagramEvent(id_, ev::In, local_, remote, data, q));
    }
    DnsMessage r = answer(zone_, q);
    QString error;
    const QByteArray wire = r.encode(&error);
    if (wire.isEmpty())
        return;
    timeline_->append(dnsDatagramEvent(id_, ev::Out, local_, remote, wire, r));
    socket_->sendTo(wire, from, port);
    ++answered_;
}

// ---------------------------------------------------------------------------------------------
// DnsResolver

struct DnsResolver::Job
{
    DnsMessage question; // the client's
    QHostAddress client;
    quint16 clientPort = 0;
    NameServer asking; // whom we are waiting for
    quint16 upstreamId = 0;
    int hops = 0;
    QTimer* timer = nullptr;
};

DnsResolver::DnsResolver(Timeline* timeline, QObject* parent) : QObject(parent), timeline_(timeline)
{
}

DnsResolver::~DnsResolver()
{
    for (Job* j : std::as_const(jobs_))
        delete j;
}

qint64 DnsResolver::nowMs() const
{
    return timeline_->now() / 1000;
}

int DnsResolver::start(const QHostAddress& address, quint16 port)
{
    stop();
    socket_ = new UdpSocket(this);
    const int err = socket_->bind(address, port);
    if (err != 0) {
        Event e =
            lifecycle(QStringLiteral("dns-resolver"), ev::Error, endpointString(address, port));
        e.code = errnoName(err);
        timeline_->append(e);
        delete socket_;
        socket_ = nullptr;
        return err;
    }
    // Ids of our own questions start somewhere unpredictable, as RFC 5452 asks.
    nextId_ = quint16(QRandomGenerator::global()->bounded(1, 65535));
    local_ = endpointString(socket_->localAddress(), socket_->localPort());
    connect(socket_, &UdpSocket::datagramReceived, this, &DnsResolver::onDatagram);
    Event e = lifecycle(QStringLiteral("dns-resolver"), ev::Listening, local_);
    e.detail = tr("The recursive resolver listens on %1 (UDP); it starts at the root server "
                  "%2.")
                   .arg(local_, endpointString(root_.address, root_.port));
    timeline_->append(e);
    return 0;
}

void DnsResolver::stop()
{
    for (Job* j : std::as_const(jobs_))
        delete j;
    jobs_.clear();
    if (!socket_)
        return;
    socket_->disconnect(this);
    socket_->close();
    socket_->deleteLater();
    socket_ = nullptr;
    timeline_->append(lifecycle(QStringLiteral("dns-resolver"), ev::Close, local_));
}

quint16 DnsResolver::port() const
{
    return socket_ ? socket_->localPort() : 0;
}

void DnsResolver::clearCache()
{
    cache_.clear();
    delegations_.clear();
}

void DnsResolver::send(const QByteArray& wire, const DnsMessage& m, const QHostAddress& to,
                       quint16 port)
{
    timeline_->append(dnsDatagramEvent(QStringLiteral("dns-resolver"), ev::Out, local_,
                                       endpointString(to, port), wire, m));
    socket_->sendTo(wire, to, port);
}

void DnsResolver::onDatagram(const QByteArray& data, const QHostAddress& from, quint16 port)
{
    const QString remote = endpointString(from, port);
    DnsMessage m;
    QString why;
    if (!DnsMessage::decode(data, &m, &why)) {
        Event e = lifecycle(QStringLiteral("dns-resolver"), QStringLiteral("query"), local_);
        e.dir = ev::In;
        e.remote = remote;
        e.bytes = data.size();
        e.payload = data;
        e.code = QStringLiteral("FORMERR");
        e.detail = why;
        timeline_->append(e);
        quint16 id = 0;
        if (DnsMessage::peekId(data, &id)) {
            DnsMessage r;
            r.id = id;
            r.response = true;
            r.qname.clear();
            r.rcode = DnsMessage::FormErr;
            const QByteArray wire = r.encode();
            if (!wire.isEmpty())
                send(wire, r, from, port);
        }
        return;
    }
    timeline_->append(
        dnsDatagramEvent(QStringLiteral("dns-resolver"), ev::In, local_, remote, data, m));
    if (m.response)
        onUpstreamAnswer(m, from, port);
    else
        onClientQuery(m, from, port);
}

void DnsResolver::onClientQuery(const DnsMessage& q, const QHostAddress& from, quint16 port)
{
    DnsMessage r = q.reply();
    r.ra = true;
    if (q.opcode != 0 || q.qname.isEmpty()) {
        r.rcode = q.opcode != 0 ? DnsMessage::NotImp : DnsMessage::FormErr;
        send(r.encode(), r, from, port);
        return;
    }
    const QString key = q.qname + QLatin1Char('|') + q.qtype;
    const auto hit = cache_.constFind(key);
    const qint64 now = nowMs();
    if (hit != cache_.constEnd() && hit->expiresMs > now) {
        // From the cache: the TTL left, not the one we were given.
        const quint32 left = quint32((hit->expiresMs - now + 999) / 1000);
        r.rcode = hit->answer.rcode;
        for (DnsRecord a : hit->answer.answers) {
            a.ttl = left;
            r.answers.append(a);
        }
        Event e = lifecycle(QStringLiteral("dns-resolver"), ev::Info, local_);
        e.detail = tr("%1 is in the resolver's cache for %2 more seconds: no question to the "
                      "root.")
                       .arg(q.qname)
                       .arg(left);
        timeline_->append(e);
        send(r.encode(), r, from, port);
        return;
    }
    auto* job = new Job;
    job->question = q;
    job->client = from;
    job->clientPort = port;
    job->timer = new QTimer(this);
    job->timer->setSingleShot(true);
    // The deepest zone we already know a server for; the root otherwise.
    NameServer start = root_;
    QString best;
    for (auto it = delegations_.cbegin(); it != delegations_.cend(); ++it) {
        if (it->expiresMs > now && DnsMessage::isWithin(q.qname, it.key()) &&
            it.key().size() > best.size()) {
            best = it.key();
            start = it->ns;
        }
    }
    if (!best.isEmpty()) {
        Event e = lifecycle(QStringLiteral("dns-resolver"), ev::Info, local_);
        e.detail = tr("The resolver remembers that %1 is served by %2: it asks there directly.")
                       .arg(best, start.name);
        timeline_->append(e);
    }
    askNext(job, start);
}

void DnsResolver::askNext(Job* job, const NameServer& ns)
{
    if (job->hops++ >= 8) {
        DnsMessage r = job->question.reply();
        r.ra = true;
        r.rcode = DnsMessage::ServFail;
        finish(job, r);
        return;
    }
    job->asking = ns;
    job->upstreamId = nextId_++;
    while (jobs_.contains(job->upstreamId) || job->upstreamId == 0)
        job->upstreamId = nextId_++;
    jobs_.insert(job->upstreamId, job);
    // Iterative: RD=0, each server says what it knows.
    const DnsMessage q =
        DnsMessage::query(job->upstreamId, job->question.qname, job->question.qtype, false);
    ++upstream_;
    job->timer->disconnect();
    const quint16 id = job->upstreamId;
    connect(job->timer, &QTimer::timeout, this, [this, id] {
        Job* j = jobs_.take(id);
        if (!j)
            return;
        Event e = lifecycle(QStringLiteral("dns-resolver"), ev::Error, local_);
        e.code = QStringLiteral("ETIMEDOUT");
        e.detail = tr("%1 did not answer within %2 ms.").arg(j->asking.name).arg(timeoutMs_);
        timeline_->append(e);
        DnsMessage r = j->question.reply();
        r.ra = true;
        r.rcode = DnsMessage::ServFail;
        finish(j, r);
    });
    job->timer->start(timeoutMs_);
    send(q.encode(), q, ns.address, ns.port);
}

void DnsResolver::onUpstreamAnswer(const DnsMessage& m, const QHostAddress& from, quint16 port)
{
    Job* job = jobs_.value(m.id);
    // Only the server we asked, with the id and question we sent (RFC 5452).
    if (!job || job->asking.address != from || job->asking.port != port ||
        m.qname != job->question.qname) {
        Event e = lifecycle(QStringLiteral("dns-resolver"), ev::Info, local_);
        e.detail = tr("An answer nobody asked for (id %1 from %2) is ignored.")
                       .arg(m.id)
                       .arg(endpointString(from, port));
        timeline_->append(e);
        return;
    }
    jobs_.remove(m.id);
    job->timer->stop();
    const qint64 now = nowMs();
    const QString ref = referralOf(m);
    if (!ref.isEmpty()) {
        const QStringList parts = ref.split(QLatin1Char(' '));
        const QString zone = parts.value(0), nsName = parts.value(2);
        NameServer next;
        next.name = nsName;
        quint32 ttl = 0;
        for (const DnsRecord& r : m.authority) {
            if (r.type == QLatin1String("NS") && r.name == zone)
                ttl = r.ttl;
        }
        for (const DnsRecord& g : m.additional) {
            if (g.name == nsName && g.type == QLatin1String("A"))
                next.address = QHostAddress(g.data);
        }
        const auto p = ports_.constFind(nsName);
        // A referral must lead below where we are (no loops) and come with glue we can use.
        if (next.address.isNull() || p == ports_.constEnd() ||
            !DnsMessage::isWithin(job->question.qname, zone)) {
            Event e = lifecycle(QStringLiteral("dns-resolver"), ev::Error, local_);
            e.code = QStringLiteral("SERVFAIL");
            e.detail = tr("The referral to %1 cannot be followed: no address or port known for "
                          "%2.")
                           .arg(zone, nsName);
            timeline_->append(e);
            DnsMessage r = job->question.reply();
            r.ra = true;
            r.rcode = DnsMessage::ServFail;
            finish(job, r);
            return;
        }
        next.port = p.value();
        delegations_.insert(zone, Delegation{next, now + qint64(ttl) * 1000});
        askNext(job, next);
        return;
    }
    DnsMessage r = job->question.reply();
    r.ra = true;
    r.rcode = m.rcode;
    r.answers = m.answers;
    // Cache answers for their TTL, and negative answers for the SOA's minimum (RFC 2308).
    quint32 ttl = 0;
    if (!m.answers.isEmpty()) {
        ttl = m.answers.first().ttl;
        for (const DnsRecord& a : m.answers)
            ttl = qMin(ttl, a.ttl);
    } else {
        for (const DnsRecord& s : m.authority) {
            if (s.type == QLatin1String("SOA"))
                ttl = qMin(s.ttl, s.data.section(QLatin1Char(' '), -1).toUInt());
        }
    }
    if (ttl > 0 && (m.rcode == DnsMessage::NoError || m.rcode == DnsMessage::NxDomain))
        cache_.insert(job->question.qname + QLatin1Char('|') + job->question.qtype,
                      Cached{r, now + qint64(ttl) * 1000});
    finish(job, r);
}

void DnsResolver::finish(Job* job, DnsMessage reply)
{
    const QByteArray wire = reply.encode();
    if (socket_ && !wire.isEmpty())
        send(wire, reply, job->client, job->clientPort);
    job->timer->deleteLater();
    delete job;
}

} // namespace netstage
