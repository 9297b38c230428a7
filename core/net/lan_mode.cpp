#include "core/net/lan_mode.h"

#include <QNetworkInterface>
#include <atomic>

namespace netstage::LanMode {

namespace {
std::atomic<bool> g_enabled{false};
std::atomic<int> g_max{30};
QHostAddress& storedAddress()
{
    static QHostAddress a(QHostAddress::AnyIPv4);
    return a;
}
} // namespace

bool enabled()
{
    return g_enabled.load();
}

void setEnabled(bool on)
{
    g_enabled.store(on);
}

QHostAddress address()
{
    return storedAddress();
}

void setAddress(const QHostAddress& address)
{
    storedAddress() = address;
}

int maxConnections()
{
    return g_max.load();
}

void setMaxConnections(int n)
{
    g_max.store(qBound(1, n, 10000));
}

int connectionLimit()
{
    return enabled() ? maxConnections() : 0;
}

QList<QHostAddress> lanAddresses()
{
    QList<QHostAddress> out;
    for (const QNetworkInterface& iface : QNetworkInterface::allInterfaces()) {
        const auto flags = iface.flags();
        if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning) ||
            (flags & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry& entry : iface.addressEntries()) {
            const QHostAddress a = entry.ip();
            if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
                out << a;
        }
    }
    return out;
}

} // namespace netstage::LanMode
