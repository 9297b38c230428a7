// Encapsulation: real captured frames decoded layer by layer (the values are what tshark
// 4.0 reads from the same bytes), events without bytes marked "not captured", app events with
// no header at all, and a live capture decoded against tshark.
#include "core/base/timeline.h"
#include "core/observe/encapsulation.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/tcp/tcp_lab.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace netstage;
using Kind = PacketLayer::Kind;

namespace {

// Captured on lo with tshark (Debian 12, Linux 6.x): Python's connect() to 127.0.0.1:47123,
// its "hello", and a UDP "hi udp" to port 47124.
const char* kSyn = "00000000000000000000000008004500003c423840004006fa817f0000017f000001988cb813a9"
                   "bb9e0700000000a002ffd7fe3000000204ffd70402080a02fa9705000000000103030a";
const char* kHello =
    "000000000000000000000000080045000039423a40004006fa827f0000017f000001988cb813a9"
    "bb9e082f4771b980180040fe2d00000101080a02fa97053ad3fb6f68656c6c6f";
const char* kUdp = "000000000000000000000000080045000022d258400040116a707f0000017f000001e086b81400"
                   "0efe21686920756470";

// The same kind of SYN over IPv6 (::1 port 57178 -> 47125); tshark: hop limit 64, payload
// length 40, flow label 0x040d50, seq_raw 2623325404.
const char* kSyn6 = "00000000000000000000000086dd60040d50002806400000000000000000000000000000000100"
                    "000000000000000000000000000001df5ab8159c5cc4dc00000000a002ffc4003000000204ffc4"
                    "0402080ada0070b0000000000103030a";

const PacketField* fieldOf(const Encapsulation& x, Kind kind, const QString& name)
{
    const PacketLayer* l = x.layer(kind);
    if (!l)
        return nullptr;
    for (const PacketField& f : l->fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QString valueOf(const Encapsulation& x, Kind kind, const QString& name)
{
    const PacketField* f = fieldOf(x, kind, name);
    return f ? f->value : QStringLiteral("<no field %1>").arg(name);
}

} // namespace

class TestEncapsulation : public QObject
{
    Q_OBJECT

private slots:
    void decodesARealSyn()
    {
        const Encapsulation x = Encapsulation::decode(QByteArray::fromHex(kSyn), 1);
        QCOMPARE(int(x.layers.size()), 4);
        QCOMPARE(x.layers[0].name, QStringLiteral("Ethernet II"));
        QCOMPARE(x.layers[1].name, QStringLiteral("IPv4"));
        QCOMPARE(x.layers[2].name, QStringLiteral("TCP"));
        QCOMPARE(x.layers[3].kind, Kind::Application);
        QCOMPARE(valueOf(x, Kind::Link, QStringLiteral("EtherType")),
                 QStringLiteral("0x0800 (IPv4)"));
        QCOMPARE(valueOf(x, Kind::Link, QStringLiteral("Source MAC")),
                 QStringLiteral("00:00:00:00:00:00"));
        // tshark: ip.ttl 64, ip.id 0x4238, ip.checksum 0xfa81, ip.flags 0x02 (DF), ip.len 60.
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Time to live")), QStringLiteral("64"));
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Identification")),
                 QStringLiteral("0x4238 (16952)"));
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Header checksum")),
                 QStringLiteral("0xfa81 (correct)"));
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Flags")), QStringLiteral("0x2 (DF)"));
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Total length")),
                 QStringLiteral("60 bytes"));
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Source address")),
                 QStringLiteral("127.0.0.1"));
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Protocol")), QStringLiteral("6 (TCP)"));
        // tshark: ports 39052 -> 47123, seq_raw 2847645191, window 65495, hdr_len 40.
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Source port")),
                 QStringLiteral("39052"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Destination port")),
                 QStringLiteral("47123"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Sequence number")),
                 QStringLiteral("2847645191"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Flags")),
                 QStringLiteral("0x02 (SYN)"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Window")), QStringLiteral("65495"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Header length")),
                 QStringLiteral("40 bytes (10 × 4)"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Option: maximum segment size")),
                 QStringLiteral("65495 bytes"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Option: window scale")),
                 QStringLiteral("shift 10 (× 1024)"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Option: timestamps")),
                 QStringLiteral("TSval=49977093 TSecr=0"));
        // Loopback leaves the TCP checksum to a card that does not exist (tshark: status Bad).
        QVERIFY(valueOf(x, Kind::Transport, QStringLiteral("Checksum"))
                    .startsWith(QStringLiteral("0xfe30 (not filled in")));
        // Where the fields sit: TTL is byte 22 of the frame, the sequence number bytes 38-41,
        // the header length the high nibble of byte 46.
        const PacketField* ttl = fieldOf(x, Kind::Internet, QStringLiteral("Time to live"));
        QCOMPARE(ttl->bitOffset, 22 * 8);
        QCOMPARE(ttl->bitSize, 8);
        const PacketField* seq = fieldOf(x, Kind::Transport, QStringLiteral("Sequence number"));
        QCOMPARE(seq->byteOffset(), 38);
        QCOMPARE(seq->byteEnd(), 42);
        const PacketField* hl = fieldOf(x, Kind::Transport, QStringLiteral("Header length"));
        QCOMPARE(hl->bitOffset, 46 * 8);
        QCOMPARE(hl->bitSize, 4);
        QCOMPARE(x.layers[3].totalBytes, 0);
        QVERIFY(x.layers[3].fields.isEmpty());
    }

    void decodesDataAndUdp()
    {
        const Encapsulation x = Encapsulation::decode(QByteArray::fromHex(kHello), 1);
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Flags")),
                 QStringLiteral("0x18 (PSH,ACK)"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Acknowledgment number")),
                 QStringLiteral("793211321"));
        QCOMPARE(x.layers[3].totalBytes, 5);
        QCOMPARE(x.layers[3].byteOffset, 66);
        QCOMPARE(valueOf(x, Kind::Application, QStringLiteral("As text")), QStringLiteral("hello"));

        const Encapsulation u = Encapsulation::decode(QByteArray::fromHex(kUdp), 1);
        QCOMPARE(u.layers[2].name, QStringLiteral("UDP"));
        QCOMPARE(valueOf(u, Kind::Transport, QStringLiteral("Source port")),
                 QStringLiteral("57478"));
        QCOMPARE(valueOf(u, Kind::Transport, QStringLiteral("Length")), QStringLiteral("14 bytes"));
        QCOMPARE(valueOf(u, Kind::Internet, QStringLiteral("Protocol")),
                 QStringLiteral("17 (UDP)"));
        QCOMPARE(valueOf(u, Kind::Application, QStringLiteral("As text")),
                 QStringLiteral("hi udp"));
    }

    void decodesIpv6()
    {
        const Encapsulation x = Encapsulation::decode(QByteArray::fromHex(kSyn6), 1);
        QCOMPARE(int(x.layers.size()), 4);
        QCOMPARE(x.layers[1].name, QStringLiteral("IPv6"));
        QCOMPARE(valueOf(x, Kind::Link, QStringLiteral("EtherType")),
                 QStringLiteral("0x86dd (IPv6)"));
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Hop limit")), QStringLiteral("64"));
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Payload length")),
                 QStringLiteral("40 bytes"));
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Flow label")),
                 QStringLiteral("0x40d50"));
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Source address")),
                 QStringLiteral("::1"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Source port")),
                 QStringLiteral("57178"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Sequence number")),
                 QStringLiteral("2623325404"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Flags")),
                 QStringLiteral("0x02 (SYN)"));
        // The hop limit is byte 14 + 7.
        QCOMPARE(fieldOf(x, Kind::Internet, QStringLiteral("Hop limit"))->byteOffset(), 21);
    }

    void truncatedBytesSaySo()
    {
        const Encapsulation x = Encapsulation::decode(QByteArray::fromHex(kSyn).left(30), 1);
        const PacketLayer* ip = x.layer(Kind::Internet);
        QVERIFY(ip);
        QVERIFY(!ip->captured);
        QVERIFY(ip->note.contains(QStringLiteral("end before")));
        // Nothing at all, and garbage, decode without a crash.
        QVERIFY(Encapsulation::decode(QByteArray(), 1).layers.size() <= 1);
        QVERIFY(!Encapsulation::decode(QByteArray(200, '\xff'), 1).isEmpty());
    }

    void modelSegmentMarksWhatItCannotKnow()
    {
        Event e;
        e.source = ev::Model;
        e.event = ev::Segment;
        e.proto = ev::Tcp;
        e.socket = QStringLiteral("tcp-client-1");
        e.src = QStringLiteral("127.0.0.1:51514");
        e.dst = QStringLiteral("127.0.0.1:8124");
        e.flags = QStringLiteral("SYN");
        e.seq = 0;
        QVERIFY(Encapsulation::appliesTo(e));
        const Encapsulation x = Encapsulation::fromEvent(e);
        QVERIFY(!x.hasBytes());
        QVERIFY(!x.layer(Kind::Link)->captured);
        const PacketField* ttl = fieldOf(x, Kind::Internet, QStringLiteral("Time to live"));
        QVERIFY(ttl && !ttl->captured);
        QCOMPARE(ttl->value, Encapsulation::notCaptured());
        QVERIFY(!fieldOf(x, Kind::Internet, QStringLiteral("Identification"))->captured);
        QVERIFY(!fieldOf(x, Kind::Transport, QStringLiteral("Checksum"))->captured);
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Destination port")),
                 QStringLiteral("8124"));
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Source address")),
                 QStringLiteral("127.0.0.1"));
        QVERIFY(valueOf(x, Kind::Transport, QStringLiteral("Sequence number"))
                    .startsWith(QStringLiteral("0 (relative")));
        QVERIFY(x.origin.contains(QStringLiteral("model")));
    }

    void wireEventWithoutBytesUsesWhatItRecorded()
    {
        // A wire segment from a recording: the IP fields were kept in extra, the bytes not.
        Event e;
        e.source = ev::Wire;
        e.event = ev::Segment;
        e.proto = ev::Tcp;
        e.src = QStringLiteral("127.0.0.1:8124");
        e.dst = QStringLiteral("127.0.0.1:51514");
        e.flags = QStringLiteral("SYN,ACK");
        e.seq = 100;
        e.ack = 201;
        e.win = 65483;
        e.extra = QJsonObject{{QStringLiteral("ip_ttl"), 64},
                              {QStringLiteral("ip_id"), 0},
                              {QStringLiteral("link"), QStringLiteral("EN10MB")},
                              {QStringLiteral("eth_src"), QStringLiteral("00:00:00:00:00:00")},
                              {QStringLiteral("tcp_checksum"), QStringLiteral("0xfe30")}};
        const Encapsulation x = Encapsulation::fromEvent(e);
        QVERIFY(!x.hasBytes());
        QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Time to live")), QStringLiteral("64"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Checksum")), QStringLiteral("0xfe30"));
        QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Acknowledgment number")),
                 QStringLiteral("201"));
        QVERIFY(!fieldOf(x, Kind::Internet, QStringLiteral("Header checksum"))->captured);
        QVERIFY(x.layer(Kind::Link)->captured);
        QVERIFY(!fieldOf(x, Kind::Link, QStringLiteral("EtherType"))->captured);
    }

    void appEventHasNoHeaders()
    {
        Event e;
        e.source = ev::App;
        e.event = ev::Data;
        e.proto = ev::Tcp;
        e.socket = QStringLiteral("tcp-client-1");
        e.dir = ev::Out;
        e.bytes = 5;
        e.payload = "hello";
        QVERIFY(Encapsulation::appliesTo(e));
        const Encapsulation x = Encapsulation::fromEvent(e);
        QCOMPARE(int(x.layers.size()), 4);
        for (Kind k : {Kind::Link, Kind::Internet, Kind::Transport}) {
            QVERIFY(!x.layer(k)->captured);
            QVERIFY(x.layer(k)->fields.isEmpty());
            QVERIFY(x.layer(k)->note.contains(QStringLiteral("kernel")));
        }
        QCOMPARE(valueOf(x, Kind::Application, QStringLiteral("Data")),
                 Encapsulation::tr("%n byte(s)", nullptr, 5));
        QVERIFY(x.origin.contains(QStringLiteral("no header")));
        Event state;
        state.source = ev::Kernel;
        state.event = ev::State;
        QVERIFY(!Encapsulation::appliesTo(state));
    }

    // A live connection: every wire segment's frame decodes to the numbers its event carries,
    // and to what tshark reads from the exported file.
    void liveCaptureDecodesLikeTshark()
    {
        Timeline timeline;
        KernelObserver observer(&timeline);
        WireCapture wire(&timeline);
        if (!wire.start())
            QSKIP(qPrintable(QStringLiteral("wire capture is not permitted here (%1); CI runs as "
                                            "root")
                                 .arg(wire.unavailableReason())));
        if (QByteArray(NETSTAGE_TSHARK).isEmpty())
            QSKIP("tshark is not installed");
        TcpLab lab(&timeline, &observer);
        lab.setWireCapture(&wire);
        std::vector<Event> segments;
        timeline.addSink([&](const Event& e) {
            if (e.source == ev::Wire && e.event == ev::Segment)
                segments.push_back(e);
        });
        TcpServerOptions o;
        o.port = 0;
        o.preset = TcpPreset::Echo;
        QVERIFY(lab.startServer(o));
        const QString c = lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort());
        QTRY_VERIFY_WITH_TIMEOUT(segments.size() >= 3, 5000);
        lab.send(c, "layers");
        QTRY_VERIFY_WITH_TIMEOUT(segments.size() >= 6, 5000);
        lab.close(c);
        QTRY_VERIFY_WITH_TIMEOUT(segments.size() >= 8, 5000);

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("live.pcapng"));
        QString error;
        QVERIFY2(wire.writePcapng(file, &error), qPrintable(error));
        QProcess tshark;
        tshark.start(QStringLiteral(NETSTAGE_TSHARK),
                     {QStringLiteral("-r"), file, QStringLiteral("-T"), QStringLiteral("fields"),
                      QStringLiteral("-E"), QStringLiteral("separator=|"), QStringLiteral("-e"),
                      QStringLiteral("frame.number"), QStringLiteral("-e"),
                      QStringLiteral("ip.ttl"), QStringLiteral("-e"), QStringLiteral("ip.id"),
                      QStringLiteral("-e"), QStringLiteral("tcp.seq_raw"), QStringLiteral("-e"),
                      QStringLiteral("tcp.window_size_value"), QStringLiteral("-e"),
                      QStringLiteral("tcp.len")});
        QVERIFY(tshark.waitForFinished(30000));
        QHash<int, QStringList> rows;
        for (const QByteArray& line : tshark.readAllStandardOutput().split('\n')) {
            const QStringList f = QString::fromUtf8(line).split(QLatin1Char('|'));
            if (f.size() == 6)
                rows.insert(f[0].toInt(), f);
        }
        int checked = 0;
        for (const Event& e : segments) {
            const CapturedFrame frame = wire.frameOf(e);
            QVERIFY2(frame.isValid(), qPrintable(e.flags));
            const Encapsulation x = Encapsulation::fromEvent(e, frame);
            QVERIFY(x.hasBytes());
            const QStringList t = rows.value(int(frame.number));
            QCOMPARE(t.size(), 6);
            QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Time to live")), t[1]);
            QVERIFY(valueOf(x, Kind::Internet, QStringLiteral("Identification")).startsWith(t[2]));
            QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Sequence number")), t[3]);
            QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Sequence number")),
                     QString::number(e.seq));
            QCOMPARE(valueOf(x, Kind::Transport, QStringLiteral("Window")), t[4]);
            const PacketLayer* app = x.layer(Kind::Application);
            QCOMPARE(QString::number(app->totalBytes), t[5]);
            QCOMPARE(qint64(app->totalBytes), e.len);
            // The event's extra and the decoded bytes agree.
            QCOMPARE(valueOf(x, Kind::Internet, QStringLiteral("Time to live")),
                     QString::number(e.extra.value(QStringLiteral("ip_ttl")).toInt()));
            ++checked;
        }
        QVERIFY(checked >= 8);
        lab.closeAll();
    }
};

QTEST_GUILESS_MAIN(TestEncapsulation)
#include "tst_encapsulation.moc"
