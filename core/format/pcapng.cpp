#include "core/format/pcapng.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QMap>
#include <QSaveFile>
#include <QSysInfo>

namespace netstage {

namespace {

// Block types and option codes of the pcapng specification.
constexpr quint32 kSectionHeader = 0x0A0D0D0A;
constexpr quint32 kInterfaceDescription = 0x00000001;
constexpr quint32 kEnhancedPacket = 0x00000006;
constexpr quint32 kByteOrderMagic = 0x1A2B3C4D;
constexpr quint16 kOptEnd = 0;
constexpr quint16 kOptComment = 1;
constexpr quint16 kShbOs = 3;
constexpr quint16 kShbUserAppl = 4;
constexpr quint16 kIfName = 2;
constexpr quint16 kIfDescription = 3;
constexpr quint16 kIfTsresol = 9;

void put16(QByteArray& b, quint16 v)
{
    b.append(reinterpret_cast<const char*>(&v), 2); // host order: the magic tells readers
}
void put32(QByteArray& b, quint32 v)
{
    b.append(reinterpret_cast<const char*>(&v), 4);
}
void pad4(QByteArray& b)
{
    while (b.size() % 4)
        b.append('\0');
}
void option(QByteArray& b, quint16 code, const QByteArray& value)
{
    if (value.isEmpty())
        return;
    put16(b, code);
    put16(b, quint16(value.size()));
    b.append(value);
    pad4(b);
}
void endOptions(QByteArray& b)
{
    put16(b, kOptEnd);
    put16(b, 0);
}

// type, total length, body, total length: the frame every block shares.
QByteArray block(quint32 type, const QByteArray& body)
{
    const quint32 total = quint32(12 + body.size());
    QByteArray b;
    b.reserve(int(total));
    put32(b, type);
    put32(b, total);
    b.append(body);
    put32(b, total);
    return b;
}

} // namespace

bool PcapngWriter::write(QIODevice* out, const std::vector<CapturedFrame>& frames,
                         const Options& options, QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    auto emitBlock = [&](const QByteArray& b) { return out->write(b) == b.size(); };

    QByteArray shb;
    put32(shb, kByteOrderMagic);
    put16(shb, 1); // version 1.0
    put16(shb, 0);
    const qint64 unknownLength = -1; // section length not given: readers walk the blocks
    shb.append(reinterpret_cast<const char*>(&unknownLength), 8);
    option(shb, kOptComment, options.comment.toUtf8());
    option(shb, kShbOs, QSysInfo::prettyProductName().toUtf8());
    option(shb, kShbUserAppl, options.application.toUtf8());
    endOptions(shb);
    if (!emitBlock(block(kSectionHeader, shb)))
        return fail(out->errorString());

    // One interface per link type, in order of first appearance (usually just Ethernet on lo).
    QMap<int, quint32> interfaceOf;
    const int digits = options.timestampDigits == 6 ? 6 : 9;
    for (const CapturedFrame& f : frames) {
        if (interfaceOf.contains(f.linkType))
            continue;
        const quint32 id = quint32(interfaceOf.size());
        interfaceOf.insert(f.linkType, id);
        QByteArray idb;
        put16(idb, quint16(f.linkType));
        put16(idb, 0);
        put32(idb, options.snapLength);
        option(idb, kIfName, options.interfaceName.toUtf8());
        option(idb, kIfDescription, options.interfaceDescription.toUtf8());
        option(idb, kIfTsresol, QByteArray(1, char(digits)));
        endOptions(idb);
        if (!emitBlock(block(kInterfaceDescription, idb)))
            return fail(out->errorString());
    }

    QByteArray epb;
    for (const CapturedFrame& f : frames) {
        epb.clear();
        const quint64 ts = digits == 9 ? quint64(f.wallNs) : quint64(f.wallNs / 1000);
        put32(epb, interfaceOf.value(f.linkType));
        put32(epb, quint32(ts >> 32));
        put32(epb, quint32(ts & 0xffffffffu));
        put32(epb, quint32(f.bytes.size()));
        put32(epb, std::max<quint32>(f.originalLength, quint32(f.bytes.size())));
        epb.append(f.bytes);
        pad4(epb);
        if (!emitBlock(block(kEnhancedPacket, epb)))
            return fail(out->errorString());
    }
    return true;
}

bool PcapngWriter::writeFile(const QString& path, const std::vector<CapturedFrame>& frames,
                             const Options& options, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("netstage::PcapngWriter", "cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    if (!write(&file, frames, options, error)) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("netstage::PcapngWriter", "cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace netstage
