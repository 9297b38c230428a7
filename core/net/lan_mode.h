#pragma once

#include <QHostAddress>
#include <QList>

namespace netstage {

// LAN mode, off by default: the teacher lets the labs' servers be reached from the classroom
// network, so students' own programs (the tutorial's Node client) connect to the teacher's
// screen. While it is on, every lab server accepts at most connectionLimit() connections at
// once; the ones over the limit are refused with a `drop` event (Node's server.maxConnections).
// Off, nothing changes: servers bind 127.0.0.1 and have no extra limit.
namespace LanMode {

bool enabled();
void setEnabled(bool on);

// The address the servers bind to while LAN mode is on (an interface's address, or 0.0.0.0
// for all of them).
QHostAddress address();
void setAddress(const QHostAddress& address);

int maxConnections(); // the limit while on (default 30: a class)
void setMaxConnections(int n);

// 0 when LAN mode is off (no extra limit), else maxConnections().
int connectionLimit();

// The IPv4 addresses of this machine's interfaces that are up and not loopback: what a
// student types to reach the teacher.
QList<QHostAddress> lanAddresses();

} // namespace LanMode

} // namespace netstage
