#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QTimer;

namespace netstage {

class DnsResolver;
class DnsServer;
class Timeline;
class UdpSocket;

// The URL walk's own small Internet naming system, on loopback, each part a real UDP socket
// with its own port and socket id:
//   dns-root      the root zone "."; refers test. to ns1.nic.test.
//   dns-tld       the zone test.; refers example.test. to ns1.example.test.
//   dns-auth      the zone example.test.: example.test and www.example.test -> 127.0.0.1
//   dns-resolver  a recursive resolver with a cache that starts at dns-root
//   dns-browser   the browser's stub: one question with RD=1 to the resolver per lookup
// Names below test. are answered here (foo.test gets a real NXDOMAIN); everything else is not
// this hierarchy's business (the walk asks the system resolver for those).
class DnsHierarchy : public QObject
{
    Q_OBJECT
public:
    static constexpr quint32 kTtlSeconds = 60; // of the A records of example.test

    explicit DnsHierarchy(Timeline* timeline, QObject* parent = nullptr);
    ~DnsHierarchy() override;

    // Binds every socket on 127.0.0.1 (free ports); false and *error when one cannot.
    bool start(QString* error = nullptr);
    void stop();
    bool isRunning() const { return running_; }
    static bool holds(const QString& host); // "www.example.test" yes, "example.org" no

    quint16 resolverPort() const;
    quint16 rootPort() const;
    quint16 tldPort() const;
    quint16 authPort() const;
    DnsResolver* resolver() const { return resolver_.get(); }
    quint64 datagramsSent() const { return sent_; } // by the stub and all servers

    // Asks the resolver through the browser's stub socket. done(address, ttl, error) comes
    // exactly once, from the event loop; address is null on NXDOMAIN, SERVFAIL or timeout.
    using Done =
        std::function<void(const QHostAddress& address, quint32 ttl, const QString& error)>;
    void lookup(const QString& host, Done done, int timeoutMs = 3000);
    void cancelAll();

private:
    struct Pending
    {
        QString host;
        Done done;
        QTimer* timer = nullptr;
    };
    void onStubDatagram(const QByteArray& data, const QHostAddress& from, quint16 port);
    void complete(quint16 id, const QHostAddress& a, quint32 ttl, const QString& error);

    Timeline* timeline_;
    bool running_ = false;
    std::unique_ptr<DnsServer> root_, tld_, auth_;
    std::unique_ptr<DnsResolver> resolver_;
    UdpSocket* stub_ = nullptr;
    QString stubLocal_;
    QHash<quint16, Pending> pending_;
    quint16 nextId_ = 1;
    quint64 sent_ = 0;
};

} // namespace netstage
