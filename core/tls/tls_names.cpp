#include "core/tls/tls_names.h"

namespace netstage::tls {

namespace {
QString unknown(int v)
{
    return QStringLiteral("0x%1").arg(v, 4, 16, QLatin1Char('0'));
}
} // namespace

bool isGrease(int v)
{
    return (v & 0x0f0f) == 0x0a0a && ((v >> 8) & 0xff) == (v & 0xff);
}

QString contentTypeName(int t)
{
    switch (t) {
    case 20:
        return QStringLiteral("change_cipher_spec");
    case 21:
        return QStringLiteral("alert");
    case 22:
        return QStringLiteral("handshake");
    case 23:
        return QStringLiteral("application_data");
    case 24:
        return QStringLiteral("heartbeat");
    }
    return QString::number(t);
}

QString handshakeTypeName(int t)
{
    switch (t) {
    case 0:
        return QStringLiteral("HelloRequest");
    case 1:
        return QStringLiteral("ClientHello");
    case 2:
        return QStringLiteral("ServerHello");
    case 4:
        return QStringLiteral("NewSessionTicket");
    case 5:
        return QStringLiteral("EndOfEarlyData");
    case 8:
        return QStringLiteral("EncryptedExtensions");
    case 11:
        return QStringLiteral("Certificate");
    case 12:
        return QStringLiteral("ServerKeyExchange");
    case 13:
        return QStringLiteral("CertificateRequest");
    case 14:
        return QStringLiteral("ServerHelloDone");
    case 15:
        return QStringLiteral("CertificateVerify");
    case 16:
        return QStringLiteral("ClientKeyExchange");
    case 20:
        return QStringLiteral("Finished");
    case 24:
        return QStringLiteral("KeyUpdate");
    case 254:
        return QStringLiteral("MessageHash");
    }
    return QStringLiteral("Handshake(%1)").arg(t);
}

QString versionName(int v)
{
    switch (v) {
    case 0x0300:
        return QStringLiteral("SSL 3.0");
    case 0x0301:
        return QStringLiteral("TLS 1.0");
    case 0x0302:
        return QStringLiteral("TLS 1.1");
    case 0x0303:
        return QStringLiteral("TLS 1.2");
    case 0x0304:
        return QStringLiteral("TLS 1.3");
    }
    return isGrease(v) ? QStringLiteral("GREASE") : unknown(v);
}

QString groupName(int g)
{
    switch (g) {
    case 0x0017:
        return QStringLiteral("secp256r1");
    case 0x0018:
        return QStringLiteral("secp384r1");
    case 0x0019:
        return QStringLiteral("secp521r1");
    case 0x001d:
        return QStringLiteral("x25519");
    case 0x001e:
        return QStringLiteral("x448");
    case 0x0100:
        return QStringLiteral("ffdhe2048");
    case 0x0101:
        return QStringLiteral("ffdhe3072");
    case 0x0102:
        return QStringLiteral("ffdhe4096");
    case 0x0103:
        return QStringLiteral("ffdhe6144");
    case 0x0104:
        return QStringLiteral("ffdhe8192");
    case 0x11ec:
        return QStringLiteral("X25519MLKEM768");
    }
    return isGrease(g) ? QStringLiteral("GREASE") : unknown(g);
}

QString signatureName(int s)
{
    switch (s) {
    case 0x0401:
        return QStringLiteral("rsa_pkcs1_sha256");
    case 0x0501:
        return QStringLiteral("rsa_pkcs1_sha384");
    case 0x0601:
        return QStringLiteral("rsa_pkcs1_sha512");
    case 0x0403:
        return QStringLiteral("ecdsa_secp256r1_sha256");
    case 0x0503:
        return QStringLiteral("ecdsa_secp384r1_sha384");
    case 0x0603:
        return QStringLiteral("ecdsa_secp521r1_sha512");
    case 0x0804:
        return QStringLiteral("rsa_pss_rsae_sha256");
    case 0x0805:
        return QStringLiteral("rsa_pss_rsae_sha384");
    case 0x0806:
        return QStringLiteral("rsa_pss_rsae_sha512");
    case 0x0807:
        return QStringLiteral("ed25519");
    case 0x0808:
        return QStringLiteral("ed448");
    }
    return unknown(s);
}

QString alertName(int d)
{
    switch (d) {
    case 0:
        return QStringLiteral("close_notify");
    case 10:
        return QStringLiteral("unexpected_message");
    case 20:
        return QStringLiteral("bad_record_mac");
    case 22:
        return QStringLiteral("record_overflow");
    case 40:
        return QStringLiteral("handshake_failure");
    case 42:
        return QStringLiteral("bad_certificate");
    case 43:
        return QStringLiteral("unsupported_certificate");
    case 44:
        return QStringLiteral("certificate_revoked");
    case 45:
        return QStringLiteral("certificate_expired");
    case 46:
        return QStringLiteral("certificate_unknown");
    case 47:
        return QStringLiteral("illegal_parameter");
    case 48:
        return QStringLiteral("unknown_ca");
    case 49:
        return QStringLiteral("access_denied");
    case 50:
        return QStringLiteral("decode_error");
    case 51:
        return QStringLiteral("decrypt_error");
    case 70:
        return QStringLiteral("protocol_version");
    case 71:
        return QStringLiteral("insufficient_security");
    case 80:
        return QStringLiteral("internal_error");
    case 86:
        return QStringLiteral("inappropriate_fallback");
    case 90:
        return QStringLiteral("user_canceled");
    case 109:
        return QStringLiteral("missing_extension");
    case 110:
        return QStringLiteral("unsupported_extension");
    case 112:
        return QStringLiteral("unrecognized_name");
    case 116:
        return QStringLiteral("certificate_required");
    case 120:
        return QStringLiteral("no_application_protocol");
    }
    return QString::number(d);
}

QString extensionName(int t)
{
    switch (t) {
    case 0:
        return QStringLiteral("server_name");
    case 5:
        return QStringLiteral("status_request");
    case 10:
        return QStringLiteral("supported_groups");
    case 11:
        return QStringLiteral("ec_point_formats");
    case 13:
        return QStringLiteral("signature_algorithms");
    case 16:
        return QStringLiteral("application_layer_protocol_negotiation");
    case 18:
        return QStringLiteral("signed_certificate_timestamp");
    case 21:
        return QStringLiteral("padding");
    case 22:
        return QStringLiteral("encrypt_then_mac");
    case 23:
        return QStringLiteral("extended_master_secret");
    case 35:
        return QStringLiteral("session_ticket");
    case 41:
        return QStringLiteral("pre_shared_key");
    case 42:
        return QStringLiteral("early_data");
    case 43:
        return QStringLiteral("supported_versions");
    case 44:
        return QStringLiteral("cookie");
    case 45:
        return QStringLiteral("psk_key_exchange_modes");
    case 49:
        return QStringLiteral("post_handshake_auth");
    case 51:
        return QStringLiteral("key_share");
    case 0xff01:
        return QStringLiteral("renegotiation_info");
    }
    return isGrease(t) ? QStringLiteral("GREASE") : unknown(t);
}

} // namespace netstage::tls
