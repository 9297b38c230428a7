#pragma once

#include <QAbstractSocket>
#include <QString>

namespace netstage {

// "ECONNREFUSED" for ECONNREFUSED; "E<number>" for errno values without a name.
QString errnoName(int err);
int errnoFromName(const QString& name); // 0 when unknown
// Node's name for a Qt socket error ("EADDRINUSE" for AddressInUseError...); `otherwise` for
// an error Node has no name for (EIO for a connection, EINVAL for a listen).
QString qtSocketErrorCode(QAbstractSocket::SocketError error,
                          const QString& otherwise = QStringLiteral("EIO"));

} // namespace netstage
