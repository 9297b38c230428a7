// pcapng export: the file tshark reads holds exactly the segments the app logged (count,
// flags, seq, ack, lengths, ports), with the kernel's nanosecond timestamps; the headless
// --pcap of `tcp lesson` and `udp send`; UDP datagrams from the wire; the writer's blocks on
// stored real bytes (no capture needed).
#include "core/base/timeline.h"
#include "core/format/json_lines.h"
#include "core/format/pcapng.h"
#include "core/lessons/lesson.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/tcp/tcp_lab.h"
#include "core/udp/udp_lab.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace netstage;

namespace {

// One segment as both sides describe it: "39052>47123 SYN s2847645191 a- l0".
QString flagNames(uint f)
{
    QStringList out;
    const std::pair<uint, const char*> names[] = {{0x02, "SYN"}, {0x01, "FIN"}, {0x04, "RST"},
                                                  {0x08, "PSH"}, {0x10, "ACK"}, {0x20, "URG"},
                                                  {0x40, "ECE"}, {0x80, "CWR"}};
    for (const auto& [bit, name] : names) {
        if (f & bit)
            out << QLatin1String(name);
    }
    return out.join(QLatin1Char(','));
}

QString portOf(const QString& endpoint)
{
    return endpoint.mid(endpoint.lastIndexOf(QLatin1Char(':')) + 1);
}

QString describe(const Event& e)
{
    return QStringLiteral("%1>%2 %3 s%4 a%5 l%6")
        .arg(portOf(e.src), portOf(e.dst), e.flags)
        .arg(e.seq)
        .arg(e.ack < 0 ? QStringLiteral("-") : QString::number(e.ack))
        .arg(e.len);
}

struct Tshark
{
    bool ok = false;
    QString error;
    QList<QStringList> rows;
};

Tshark tshark(const QString& file, const QStringList& fields, const QString& filter = {})
{
    Tshark t;
    QStringList args{QStringLiteral("-r"), file,
                     QStringLiteral("-T"), QStringLiteral("fields"),
                     QStringLiteral("-E"), QStringLiteral("separator=|")};
    if (!filter.isEmpty())
        args << QStringLiteral("-Y") << filter;
    for (const QString& f : fields)
        args << QStringLiteral("-e") << f;
    QProcess p;
    p.start(QStringLiteral(NETSTAGE_TSHARK), args);
    if (!p.waitForFinished(60000)) {
        t.error = QStringLiteral("tshark did not finish");
        return t;
    }
    const QByteArray err = p.readAllStandardError();
    if (p.exitCode() != 0) {
        t.error = QString::fromUtf8(err);
        return t;
    }
    for (const QByteArray& line : p.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            t.rows << QString::fromUtf8(line).split(QLatin1Char('|'));
    }
    t.ok = true;
    return t;
}

// tshark's view of one TCP row (fields as asked in tcpFields) in the form of describe().
const QStringList kTcpFields{QStringLiteral("frame.number"), QStringLiteral("tcp.srcport"),
                             QStringLiteral("tcp.dstport"),  QStringLiteral("tcp.flags"),
                             QStringLiteral("tcp.seq_raw"),  QStringLiteral("tcp.ack_raw"),
                             QStringLiteral("tcp.len"),      QStringLiteral("frame.time_epoch"),
                             QStringLiteral("ip.ttl"),       QStringLiteral("ip.id"),
                             QStringLiteral("tcp.checksum"), QStringLiteral("tcp.flags.str")};
QString describeRow(const QStringList& r)
{
    const uint flags = r[3].toUInt(nullptr, 16);
    return QStringLiteral("%1>%2 %3 s%4 a%5 l%6")
        .arg(r[1], r[2], flagNames(flags), r[4], (flags & 0x10) ? r[5] : QStringLiteral("-"), r[6]);
}

bool haveTshark()
{
    return !QByteArray(NETSTAGE_TSHARK).isEmpty();
}

} // namespace

class TestPcapng : public QObject
{
    Q_OBJECT

private slots:
    // The writer alone, on a stored real frame: tshark reads the interface, the nanosecond
    // timestamp and the bytes back.
    void writerBlocksReadByTshark()
    {
        if (!haveTshark())
            QSKIP("tshark is not installed");
        CapturedFrame f;
        f.number = 1;
        f.wallNs = 1795000000123456789; // 2026-11-18, nanoseconds kept
        f.linkType = 1;
        f.bytes = QByteArray::fromHex(
            "00000000000000000000000008004500003c423840004006fa817f0000017f000001988cb813a9bb9e"
            "0700000000a002ffd7fe3000000204ffd70402080a02fa9705000000000103030a");
        f.originalLength = quint32(f.bytes.size());
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("one.pcapng"));
        PcapngWriter::Options o;
        o.application = QStringLiteral("NetStage test");
        QString error;
        QVERIFY2(PcapngWriter::writeFile(file, {f, f}, o, &error), qPrintable(error));
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray head = raw.read(12);
        QCOMPARE(head.left(4), QByteArray::fromHex("0a0d0d0a"));
        QCOMPARE(head.mid(8, 4), QByteArray::fromHex("4d3c2b1a")); // little-endian magic
        const Tshark t =
            tshark(file, {QStringLiteral("frame.time_epoch"),
                          QStringLiteral("frame.interface_name"), QStringLiteral("frame.len"),
                          QStringLiteral("tcp.flags"), QStringLiteral("tcp.seq_raw")});
        QVERIFY2(t.ok, qPrintable(t.error));
        QCOMPARE(t.rows.size(), 2);
        QCOMPARE(t.rows[0][0], QStringLiteral("1795000000.123456789"));
        QCOMPARE(t.rows[0][1], QStringLiteral("lo"));
        QCOMPARE(t.rows[0][2], QStringLiteral("74"));
        QCOMPARE(t.rows[0][3], QStringLiteral("0x0002"));
        QCOMPARE(t.rows[0][4], QStringLiteral("2847645191"));

        // A write error is reported, not swallowed.
        QVERIFY(
            !PcapngWriter::writeFile(QStringLiteral("/nonexistent-dir/x.pcapng"), {f}, o, &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/x.pcapng")));
    }

    // A real lesson with capture: the exported file holds exactly the app's segments.
    void lessonExportMatchesEvents()
    {
        if (!haveTshark())
            QSKIP("tshark is not installed");
        Timeline timeline;
        KernelObserver observer(&timeline);
        WireCapture wire(&timeline);
        if (!wire.start())
            QSKIP(qPrintable(QStringLiteral("wire capture is not permitted here (%1); CI runs as "
                                            "root")
                                 .arg(wire.unavailableReason())));
        std::vector<Event> segments;
        timeline.addSink([&](const Event& e) {
            if (e.source == ev::Wire && e.event == ev::Segment)
                segments.push_back(e);
        });
        LessonRunner runner(&timeline, &observer, &wire);
        runner.setStepDelayMs(0);
        QSignalSpy done(&runner, &LessonRunner::finished);
        QVERIFY(runner.start(*Lessons::find(QStringLiteral("data"))));
        QVERIFY(done.wait(30000));
        // The last ACK (delayed ~40 ms on loopback) and its event.
        QTRY_COMPARE_WITH_TIMEOUT(quint64(segments.size()), wire.framesStored(), 3000);
        QTest::qWait(100);
        QCOMPARE(quint64(segments.size()), wire.framesStored());
        QCOMPARE(wire.framesDropped(), quint64(0));

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("data.pcapng"));
        QString error;
        QVERIFY2(wire.writePcapng(file, &error), qPrintable(error));
        const Tshark t = tshark(file, kTcpFields);
        QVERIFY2(t.ok, qPrintable(t.error));

        // Same count; frame by frame the same segment (events can arrive out of capture order:
        // a SYN waits for its socket's track(), so order by the frame number).
        QCOMPARE(t.rows.size(), int(segments.size()));
        QMap<int, Event> byFrame;
        for (const Event& e : segments)
            byFrame.insert(e.extra.value(QStringLiteral("frame")).toInt(), e);
        QCOMPARE(byFrame.size(), int(segments.size()));
        const std::vector<CapturedFrame> frames = wire.frames();
        int withData = 0;
        for (const QStringList& r : t.rows) {
            QCOMPARE(r.size(), kTcpFields.size());
            const int n = r[0].toInt();
            QVERIFY2(byFrame.contains(n), qPrintable(r.join(QLatin1Char(' '))));
            const Event& e = byFrame[n];
            QCOMPARE(describeRow(r), describe(e));
            // The IP fields in the event's extra are the file's.
            QCOMPARE(r[8], QString::number(e.extra.value(QStringLiteral("ip_ttl")).toInt()));
            QCOMPARE(r[9].toUInt(nullptr, 16),
                     uint(e.extra.value(QStringLiteral("ip_id")).toInt()));
            QCOMPARE(r[10], e.extra.value(QStringLiteral("tcp_checksum")).toString());
            // The kernel's timestamp, to the nanosecond when the kernel gave nanoseconds.
            const CapturedFrame& f = frames[std::size_t(n - 1)];
            QCOMPARE(f.number, quint64(n));
            const QString expected =
                wire.timestampDigits() == 9
                    ? QStringLiteral("%1.%2")
                          .arg(f.wallNs / 1000000000)
                          .arg(f.wallNs % 1000000000, 9, 10, QLatin1Char('0'))
                    : QStringLiteral("%1.%2")
                          .arg(f.wallNs / 1000000000)
                          .arg((f.wallNs % 1000000000) / 1000, 6, 10, QLatin1Char('0'));
            QCOMPARE(r[7], expected);
            if (e.len > 0)
                ++withData;
        }
        QVERIFY(withData >= 2); // the data lesson sends both ways
        QVERIFY(t.rows.size() >= 8);
    }

    // `netstage tcp lesson --pcap` and `--events`: the file and the JSON lines agree.
    void headlessLessonPcap()
    {
        if (!haveTshark())
            QSKIP("tshark is not installed");
        {
            Timeline probeTimeline;
            WireCapture probe(&probeTimeline);
            if (!probe.start())
                QSKIP(qPrintable(QStringLiteral("wire capture is not permitted here (%1)")
                                     .arg(probe.unavailableReason())));
        }
        QTemporaryDir dir;
        const QString pcap = dir.filePath(QStringLiteral("handshake.pcapng"));
        const QString events = dir.filePath(QStringLiteral("handshake.jsonl"));
        QProcess p;
        p.start(QStringLiteral(NETSTAGE_BIN),
                {QStringLiteral("tcp"), QStringLiteral("lesson"), QStringLiteral("teardown"),
                 QStringLiteral("--step-delay"), QStringLiteral("0"), QStringLiteral("--quiet"),
                 QStringLiteral("--pcap"), pcap, QStringLiteral("--events"), events});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QFile f(events);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QMap<int, QString> byFrame;
        for (const QByteArray& line : f.readAll().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QString error;
            const std::optional<Event> parsed = fromJsonLine(line, &error);
            QVERIFY2(parsed, qPrintable(error));
            const Event& e = *parsed;
            if (e.source == ev::Wire && e.event == ev::Segment)
                byFrame.insert(e.extra.value(QStringLiteral("frame")).toInt(), describe(e));
        }
        const Tshark t = tshark(pcap, kTcpFields);
        QVERIFY2(t.ok, qPrintable(t.error));
        QVERIFY(t.rows.size() >= 6); // 3 for the handshake, at least 3 for the teardown
        QCOMPARE(t.rows.size(), byFrame.size());
        for (const QStringList& r : t.rows)
            QCOMPARE(describeRow(r), byFrame.value(r[0].toInt()));
    }

    // `tcp connect --pcap` and `udp send --pcap` against servers in this process: the files
    // hold the client's segments and datagrams (the event loop runs while they do).
    void headlessConnectAndSendPcap()
    {
        if (!haveTshark())
            QSKIP("tshark is not installed");
        {
            Timeline probeTimeline;
            WireCapture probe(&probeTimeline);
            if (!probe.start())
                QSKIP(qPrintable(QStringLiteral("wire capture is not permitted here (%1)")
                                     .arg(probe.unavailableReason())));
        }
        Timeline timeline;
        TcpLab tcp(&timeline, nullptr);
        TcpServerOptions to;
        to.port = 0;
        QVERIFY(tcp.startServer(to));
        UdpLab udp(&timeline);
        UdpServerOptions uo;
        uo.port = 0;
        QVERIFY(udp.startServer(uo));
        QTemporaryDir dir;
        const QString tcpFile = dir.filePath(QStringLiteral("connect.pcapng"));
        const QString udpFile = dir.filePath(QStringLiteral("send.pcapng"));
        QProcess c;
        c.start(QStringLiteral(NETSTAGE_BIN),
                {QStringLiteral("tcp"), QStringLiteral("connect"),
                 QStringLiteral("127.0.0.1:%1").arg(tcp.serverPort()), QStringLiteral("--send"),
                 QStringLiteral("hi"), QStringLiteral("--wait"), QStringLiteral("200"),
                 QStringLiteral("--quiet"), QStringLiteral("--pcap"), tcpFile});
        QSignalSpy cDone(&c, &QProcess::finished);
        QVERIFY(cDone.wait(30000));
        QVERIFY2(c.exitCode() == 0, c.readAllStandardError().constData());
        QProcess u;
        u.start(QStringLiteral(NETSTAGE_BIN),
                {QStringLiteral("udp"), QStringLiteral("send"),
                 QStringLiteral("127.0.0.1:%1").arg(udp.serverPort()), QStringLiteral("n{n}"),
                 QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--interval"),
                 QStringLiteral("10"), QStringLiteral("--wait"), QStringLiteral("100"),
                 QStringLiteral("--quiet"), QStringLiteral("--pcap"), udpFile});
        QSignalSpy uDone(&u, &QProcess::finished);
        QVERIFY(uDone.wait(30000));
        QVERIFY2(u.exitCode() == 0, u.readAllStandardError().constData());

        const Tshark t = tshark(tcpFile, kTcpFields);
        QVERIFY2(t.ok, qPrintable(t.error));
        QVERIFY(t.rows.size() >= 6); // handshake, data and its ACK, FINs
        QCOMPARE(describeRow(t.rows[0]).section(QLatin1Char(' '), 1, 1), QStringLiteral("SYN"));
        const bool hasHi = std::any_of(t.rows.begin(), t.rows.end(), [](const QStringList& r) {
            return r[6] == QLatin1String("2");
        });
        QVERIFY(hasHi);
        const Tshark d =
            tshark(udpFile, {QStringLiteral("udp.dstport"), QStringLiteral("data.data")},
                   QStringLiteral("udp"));
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.rows.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(d.rows[i][0], QString::number(udp.serverPort()));
            QCOMPARE(QByteArray::fromHex(d.rows[i][1].toLatin1()),
                     QByteArray("n") + QByteArray::number(i + 1));
        }
        tcp.closeAll();
        udp.closeAll();
    }

    // UDP: datagrams on the lab's ports become `datagram` events from the wire, and export.
    void udpDatagramsFromTheWire()
    {
        if (!haveTshark())
            QSKIP("tshark is not installed");
        Timeline timeline;
        WireCapture wire(&timeline);
        if (!wire.start())
            QSKIP(qPrintable(QStringLiteral("wire capture is not permitted here (%1)")
                                 .arg(wire.unavailableReason())));
        UdpLab lab(&timeline);
        lab.setWireCapture(&wire);
        std::vector<Event> datagrams;
        int appMessages = 0;
        timeline.addSink([&](const Event& e) {
            if (e.source == ev::Wire && e.event == QLatin1String("datagram"))
                datagrams.push_back(e);
            if (e.source == ev::App && e.event == QLatin1String("message") && e.dir == ev::In)
                ++appMessages;
        });
        UdpServerOptions o;
        o.port = 0;
        o.preset = UdpPreset::Echo;
        QVERIFY(lab.startServer(o));
        const QString c = lab.openClient(QStringLiteral("127.0.0.1"), lab.serverPort());
        QVERIFY(!c.isEmpty());
        for (int i = 1; i <= 3; ++i)
            QVERIFY(lab.send(c, QByteArray("datagram ") + QByteArray::number(i)));
        // 3 there, 3 echoed back.
        QTRY_COMPARE_WITH_TIMEOUT(int(datagrams.size()), 6, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(appMessages, 6, 5000);
        int out = 0;
        for (const Event& e : datagrams) {
            QCOMPARE(e.proto, QStringLiteral("udp"));
            QCOMPARE(e.len, qint64(10));
            QVERIFY(e.payload.startsWith("datagram "));
            QCOMPARE(e.extra.value(QStringLiteral("udp_len")).toInt(), 18);
            QCOMPARE(e.extra.value(QStringLiteral("ip_ttl")).toInt(), 64);
            QVERIFY(e.extra.value(QStringLiteral("udp_checksum"))
                        .toString()
                        .startsWith(QStringLiteral("0x")));
            QVERIFY(e.socket == c || e.socket == UdpLab::kServerId);
            if (e.socket == c && e.dir == ev::Out)
                ++out;
        }
        QCOMPARE(out, 3);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("udp.pcapng"));
        QString error;
        QVERIFY2(wire.writePcapng(file, &error), qPrintable(error));
        const Tshark t = tshark(file,
                                {QStringLiteral("frame.number"), QStringLiteral("udp.srcport"),
                                 QStringLiteral("udp.length"), QStringLiteral("data.data")},
                                QStringLiteral("udp"));
        QVERIFY2(t.ok, qPrintable(t.error));
        QCOMPARE(t.rows.size(), 6);
        for (const QStringList& r : t.rows) {
            QCOMPARE(r[2], QStringLiteral("18"));
            QVERIFY(QByteArray::fromHex(r[3].toLatin1()).startsWith("datagram "));
        }
        lab.closeAll();
    }

    // Without capture, --pcap fails with one clear line and exit status 1.
    void pcapWithoutCaptureIsAClearError()
    {
        Timeline timeline;
        WireCapture wire(&timeline); // never started
        QString error;
        QVERIFY(!wire.writePcapng(QStringLiteral("/tmp/never.pcapng"), &error));
        QVERIFY(error.contains(QStringLiteral("not running")));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/never.pcapng")));
    }
};

QTEST_GUILESS_MAIN(TestPcapng)
#include "tst_pcapng.moc"
