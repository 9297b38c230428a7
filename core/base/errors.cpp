#include "core/base/errors.h"

#include <cerrno>
#include <cstring>

namespace netstage {

QString errnoName(int err)
{
    // glibc 2.32+: the symbolic name, which is what students look up.
    if (const char* n = strerrorname_np(err))
        return QString::fromLatin1(n);
    return QStringLiteral("E%1").arg(err);
}

int errnoFromName(const QString& name)
{
    if (!name.startsWith(QLatin1Char('E')))
        return 0;
    for (int e = 1; e < 200; ++e) {
        const char* n = strerrorname_np(e);
        if (n && name == QLatin1String(n))
            return e;
    }
    return 0;
}

QString qtSocketErrorCode(QAbstractSocket::SocketError error, const QString& otherwise)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QStringLiteral("ECONNREFUSED");
    case QAbstractSocket::RemoteHostClosedError:
        return QStringLiteral("ECONNRESET");
    case QAbstractSocket::HostNotFoundError:
        return QStringLiteral("ENOTFOUND");
    case QAbstractSocket::SocketTimeoutError:
        return QStringLiteral("ETIMEDOUT");
    case QAbstractSocket::NetworkError:
        return QStringLiteral("ENETUNREACH");
    case QAbstractSocket::AddressInUseError:
        return QStringLiteral("EADDRINUSE");
    case QAbstractSocket::SocketAccessError:
        return QStringLiteral("EACCES");
    case QAbstractSocket::SocketAddressNotAvailableError:
        return QStringLiteral("EADDRNOTAVAIL");
    default:
        return otherwise;
    }
}

} // namespace netstage
