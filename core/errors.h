#pragma once

#include <QString>

namespace netstage {

// "ECONNREFUSED" for ECONNREFUSED; "E<number>" for errno values without a name.
QString errnoName(int err);
int errnoFromName(const QString& name); // 0 when unknown

} // namespace netstage
