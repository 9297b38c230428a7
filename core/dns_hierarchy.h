#pragma once

#include <QHostAddress>
#include <QObject>

namespace netstage {

class Timeline;

// The small DNS hierarchy of the URL walk on loopback (see dns_hierarchy.cpp).
class DnsHierarchy : public QObject
{
    Q_OBJECT
public:
    explicit DnsHierarchy(Timeline* timeline, QObject* parent = nullptr);
    ~DnsHierarchy() override;
    bool start(QString* error = nullptr);
    void stop();
    bool isRunning() const { return running_; }
    quint16 resolverPort() const { return resolverPort_; }
    quint16 rootPort() const { return rootPort_; }
    quint16 tldPort() const { return tldPort_; }
    quint16 authPort() const { return authPort_; }

private:
    Timeline* timeline_;
    bool running_ = false;
    quint16 resolverPort_ = 0, rootPort_ = 0, tldPort_ = 0, authPort_ = 0;
};

} // namespace netstage
