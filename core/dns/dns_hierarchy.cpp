#include "core/dns/dns_hierarchy.h"

#include "core/base/errors.h"
#include "core/base/timeline.h"
#include "core/dns/dns_server.h"
#include "core/net/native_tcp_connection.h"
#include "core/net/udp_socket.h"

#include <QRandomGenerator>
#include <QTimer>

namespace netstage {

namespace {
const QString kBrowser = QStringLiteral("dns-browser");
const QString kLocalhost = QStringLiteral("127.0.0.1");

DnsRecord rr(const QString& name, quint32 ttl, const QString& type, const QString& data)
{
    return DnsRecord{name, type, ttl, data};
}

// The zones, as small as the lesson needs, with real NS, glue and SOA records.
DnsZone rootZone()
{
    DnsZone z;
    z.origin = QStringLiteral(".");
    z.soa = rr(QStringLiteral("."), 86400, QStringLiteral("SOA"),
               QStringLiteral("a.root-servers.test. hostmaster.nic.test. 1 1800 900 604800 "
                              "86400"));
    z.records = {
        rr(QStringLiteral("."), 518400, QStringLiteral("NS"),
           QStringLiteral("a.root-servers.test.")),
        rr(QStringLiteral("test."), 172800, QStringLiteral("NS"), QStringLiteral("ns1.nic.test.")),
        rr(QStringLiteral("ns1.nic.test."), 172800, QStringLiteral("A"), kLocalhost),
    };
    return z;
}

DnsZone tldZone()
{
    DnsZone z;
    z.origin = QStringLiteral("test.");
    z.soa = rr(QStringLiteral("test."), 900, QStringLiteral("SOA"),
               QStringLiteral("ns1.nic.test. hostmaster.nic.test. 1 1800 900 604800 900"));
    z.records = {
        rr(QStringLiteral("test."), 172800, QStringLiteral("NS"), QStringLiteral("ns1.nic.test.")),
        rr(QStringLiteral("ns1.nic.test."), 172800, QStringLiteral("A"), kLocalhost),
        rr(QStringLiteral("a.root-servers.test."), 172800, QStringLiteral("A"), kLocalhost),
        rr(QStringLiteral("example.test."), 3600, QStringLiteral("NS"),
           QStringLiteral("ns1.example.test.")),
        rr(QStringLiteral("ns1.example.test."), 3600, QStringLiteral("A"), kLocalhost),
    };
    return z;
}

DnsZone authZone()
{
    const quint32 ttl = DnsHierarchy::kTtlSeconds;
    DnsZone z;
    z.origin = QStringLiteral("example.test.");
    z.soa = rr(
        QStringLiteral("example.test."), ttl, QStringLiteral("SOA"),
        QStringLiteral("ns1.example.test. hostmaster.example.test. 1 3600 600 86400 %1").arg(ttl));
    z.records = {
        rr(QStringLiteral("example.test."), 3600, QStringLiteral("NS"),
           QStringLiteral("ns1.example.test.")),
        rr(QStringLiteral("ns1.example.test."), 3600, QStringLiteral("A"), kLocalhost),
        rr(QStringLiteral("example.test."), ttl, QStringLiteral("A"), kLocalhost),
        rr(QStringLiteral("www.example.test."), ttl, QStringLiteral("A"), kLocalhost),
    };
    return z;
}
} // namespace

DnsHierarchy::DnsHierarchy(Timeline* timeline, QObject* parent)
    : QObject(parent), timeline_(timeline)
{
}

DnsHierarchy::~DnsHierarchy()
{
    cancelAll();
}

bool DnsHierarchy::holds(const QString& host)
{
    return DnsMessage::isWithin(DnsMessage::absolute(host), QStringLiteral("test."));
}

quint16 DnsHierarchy::resolverPort() const
{
    return resolver_ ? resolver_->port() : 0;
}
quint16 DnsHierarchy::rootPort() const
{
    return root_ ? root_->port() : 0;
}
quint16 DnsHierarchy::tldPort() const
{
    return tld_ ? tld_->port() : 0;
}
quint16 DnsHierarchy::authPort() const
{
    return auth_ ? auth_->port() : 0;
}

bool DnsHierarchy::start(QString* error)
{
    if (running_)
        return true;
    const QHostAddress lo(QHostAddress::LocalHost);
    root_ = std::make_unique<DnsServer>(timeline_, QStringLiteral("dns-root"), rootZone());
    tld_ = std::make_unique<DnsServer>(timeline_, QStringLiteral("dns-tld"), tldZone());
    auth_ = std::make_unique<DnsServer>(timeline_, QStringLiteral("dns-auth"), authZone());
    resolver_ = std::make_unique<DnsResolver>(timeline_);
    int err = 0;
    for (DnsServer* s : {root_.get(), tld_.get(), auth_.get()}) {
        if (err == 0)
            err = s->start(lo, 0);
    }
    if (err == 0) {
        resolver_->setRootHints({QStringLiteral("a.root-servers.test."), lo, root_->port()});
        resolver_->setServerPort(QStringLiteral("a.root-servers.test."), root_->port());
        resolver_->setServerPort(QStringLiteral("ns1.nic.test."), tld_->port());
        resolver_->setServerPort(QStringLiteral("ns1.example.test."), auth_->port());
        err = resolver_->start(lo, 0);
    }
    if (err == 0) {
        stub_ = new UdpSocket(this);
        err = stub_->bind(lo, 0);
        if (err == 0) {
            stubLocal_ = endpointString(stub_->localAddress(), stub_->localPort());
            connect(stub_, &UdpSocket::datagramReceived, this, &DnsHierarchy::onStubDatagram);
            Event e;
            e.socket = kBrowser;
            e.proto = QStringLiteral("dns");
            e.event = ev::Listening;
            e.source = ev::App;
            e.local = stubLocal_;
            e.detail = tr("The browser's DNS client uses %1 (UDP) to ask the resolver %2.")
                           .arg(stubLocal_, endpointString(lo, resolver_->port()));
            timeline_->append(e);
        }
    }
    if (err != 0) {
        if (error)
            *error = tr("The DNS servers could not start on 127.0.0.1: %1.").arg(errnoName(err));
        stop();
        return false;
    }
    nextId_ = quint16(QRandomGenerator::global()->bounded(1, 65535));
    running_ = true;
    return true;
}

void DnsHierarchy::stop()
{
    cancelAll();
    if (stub_) {
        stub_->disconnect(this);
        stub_->close();
        stub_->deleteLater();
        stub_ = nullptr;
        Event e;
        e.socket = kBrowser;
        e.proto = QStringLiteral("dns");
        e.event = ev::Close;
        e.source = ev::App;
        e.local = stubLocal_;
        timeline_->append(e);
    }
    if (resolver_)
        resolver_->stop();
    for (auto* s : {root_.get(), tld_.get(), auth_.get()}) {
        if (s)
            s->stop();
    }
    running_ = false;
}

void DnsHierarchy::cancelAll()
{
    const auto all = pending_;
    pending_.clear();
    for (const Pending& p : all) {
        if (p.timer)
            p.timer->deleteLater();
    }
}

void DnsHierarchy::lookup(const QString& host, Done done, int timeoutMs)
{
    if (!running_ || !stub_) {
        QTimer::singleShot(0, this,
                           [done] { done({}, 0, tr("The DNS servers are not running.")); });
        return;
    }
    quint16 id = nextId_++;
    while (id == 0 || pending_.contains(id))
        id = nextId_++;
    const DnsMessage q = DnsMessage::query(id, host, QStringLiteral("A"), true);
    QString why;
    const QByteArray wire = q.encode(&why);
    if (wire.isEmpty()) {
        QTimer::singleShot(0, this, [done, why] { done({}, 0, why); });
        return;
    }
    Pending p;
    p.host = host;
    p.done = std::move(done);
    p.timer = new QTimer(this);
    p.timer->setSingleShot(true);
    connect(p.timer, &QTimer::timeout, this, [this, id, timeoutMs] {
        complete(id, {}, 0, tr("No answer from the resolver within %1 ms.").arg(timeoutMs));
    });
    p.timer->start(timeoutMs);
    pending_.insert(id, p);
    const QString remote = endpointString(QHostAddress(QHostAddress::LocalHost), resolverPort());
    timeline_->append(dnsDatagramEvent(kBrowser, ev::Out, stubLocal_, remote, wire, q));
    ++sent_;
    stub_->sendTo(wire, QHostAddress(QHostAddress::LocalHost), resolverPort());
}

void DnsHierarchy::onStubDatagram(const QByteArray& data, const QHostAddress& from, quint16 port)
{
    DnsMessage m;
    QString why;
    if (!DnsMessage::decode(data, &m, &why)) {
        Event e;
        e.socket = kBrowser;
        e.proto = QStringLiteral("dns");
        e.event = QStringLiteral("answer");
        e.source = ev::App;
        e.dir = ev::In;
        e.local = stubLocal_;
        e.remote = endpointString(from, port);
        e.bytes = data.size();
        e.payload = data;
        e.code = QStringLiteral("FORMERR");
        e.detail = why;
        timeline_->append(e);
        return;
    }
    timeline_->append(
        dnsDatagramEvent(kBrowser, ev::In, stubLocal_, endpointString(from, port), data, m));
    const auto it = pending_.constFind(m.id);
    if (it == pending_.constEnd() || port != resolverPort() || !m.response ||
        m.qname != DnsMessage::absolute(it->host))
        return; // not ours: ignored, as RFC 5452 asks
    QHostAddress address;
    quint32 ttl = 0;
    for (const DnsRecord& r : m.answers) {
        if (r.type == QLatin1String("A") && address.isNull()) {
            address = QHostAddress(r.data);
            ttl = r.ttl;
        }
    }
    QString error;
    if (address.isNull()) {
        error = m.rcode == DnsMessage::NxDomain
                    ? tr("%1 does not exist (NXDOMAIN).").arg(it->host)
                    : tr("The resolver found no address for %1 (%2).")
                          .arg(it->host, DnsMessage::rcodeName(m.rcode));
    }
    complete(m.id, address, ttl, error);
}

void DnsHierarchy::complete(quint16 id, const QHostAddress& a, quint32 ttl, const QString& error)
{
    const auto it = pending_.find(id);
    if (it == pending_.end())
        return;
    Pending p = it.value();
    pending_.erase(it);
    if (p.timer)
        p.timer->deleteLater();
    p.done(a, ttl, error);
}

} // namespace netstage
