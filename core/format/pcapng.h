#pragma once

#include "core/base/captured_frame.h"

#include <QString>
#include <vector>

class QIODevice;

namespace netstage {

// Writes captured frames as pcapng (the format of Wireshark and tshark, RFC draft
// "PCAP Now Generic"): one Section Header Block, one Interface Description Block per link type
// (with if_name, if_tsresol and the snap length), then one Enhanced Packet Block per frame with
// its real bytes and kernel timestamp. Little-endian, as the machine writes it; readers use the
// byte-order magic.
//
// Written by hand, not with a library: libpcap 1.10 (Debian 12) dumps classic pcap only, and
// Wireshark's libwiretap, which can write pcapng, has no stable API and pulls GLib and
// Wireshark's internals in for three block types.
class PcapngWriter
{
public:
    struct Options
    {
        QString interfaceName = QStringLiteral("lo");
        QString interfaceDescription;
        int timestampDigits = 9; // if_tsresol: 9 = nanoseconds, 6 = microseconds
        quint32 snapLength = 262144;
        QString application; // shb_userappl, e.g. "NetStage 0.6"
        QString comment;     // opt_comment of the section
    };

    // Writes the whole file; false and *error on a write failure.
    static bool write(QIODevice* out, const std::vector<CapturedFrame>& frames,
                      const Options& options, QString* error);
    // Atomically (QSaveFile): a failed export leaves no half file behind.
    static bool writeFile(const QString& path, const std::vector<CapturedFrame>& frames,
                          const Options& options, QString* error);
};

} // namespace netstage
