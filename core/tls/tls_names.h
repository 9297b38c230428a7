#pragma once

#include <QString>

namespace netstage::tls {

// The names RFC 8446 and RFC 5246 give to the numbers on the wire, as Wireshark prints them.
QString contentTypeName(int type);   // 22 -> "handshake"
QString handshakeTypeName(int type); // 1 -> "ClientHello"
QString versionName(int version);    // 0x0304 -> "TLS 1.3"
QString groupName(int group);        // 0x001d -> "x25519"
QString signatureName(int scheme);   // 0x0403 -> "ecdsa_secp256r1_sha256"
QString alertName(int description);  // 0 -> "close_notify", 42 -> "bad_certificate"
QString extensionName(int type);     // 0 -> "server_name"
bool isGrease(int value);            // RFC 8701 values (0x0a0a, 0x1a1a...)

} // namespace netstage::tls
