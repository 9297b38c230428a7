// The event store: round trip of every field, clock stamping, per-socket indices, the ring bound
// and what it reports when it drops, sinks, clear.
#include "core/base/clock.h"
#include "core/base/event.h"
#include "core/base/timeline.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <vector>

using netstage::Event;
using netstage::ManualClock;
using netstage::Timeline;

namespace {

Event fullEvent()
{
    Event e;
    e.t_us = 1234;
    e.socket = QStringLiteral("tcp-client-1");
    e.proto = QStringLiteral("tcp");
    e.event = QStringLiteral("data");
    e.source = QStringLiteral("app");
    e.dir = QStringLiteral("in");
    e.bytes = 5;
    e.payload = QByteArrayLiteral("hello");
    e.local = QStringLiteral("127.0.0.1:51514");
    e.remote = QStringLiteral("127.0.0.1:8124");
    e.state = QStringLiteral("ESTABLISHED");
    e.flags = QStringLiteral("SYN,ACK");
    e.seq = 0;
    e.ack = 1;
    e.src = QStringLiteral("127.0.0.1:8124");
    e.dst = QStringLiteral("127.0.0.1:51514");
    e.opts = QStringLiteral("mss=65495");
    e.len = 5;
    e.win = 512;
    e.code = QStringLiteral("ECONNREFUSED");
    e.detail = QStringLiteral("A sentence.");
    return e;
}

Event simple(const QString& socket, qint64 seq, qint64 t_us = 1)
{
    Event e;
    e.t_us = t_us;
    e.socket = socket;
    e.proto = QStringLiteral("tcp");
    e.event = QStringLiteral("data");
    e.source = QStringLiteral("app");
    e.dir = QStringLiteral("out");
    e.bytes = 3;
    e.payload = QByteArrayLiteral("abc");
    e.seq = seq; // used as a serial number to check which event sits at an index
    return e;
}

} // namespace

class TstTimeline : public QObject
{
    Q_OBJECT
private slots:
    void appendAtRoundTripsEveryField();
    void bigNumbersRoundTrip();
    void stampsTimeWhenZero();
    void keepsGivenTime();
    void perSocketIndices();
    void socketIdsInOrderOfFirstAppearance();
    void socketSeenOncePerSocket();
    void payloadTruncatedButBytesKept();
    void capacityBound();
    void sinksCalledInOrder();
    void removedSinkNotCalled();
    void clearEmptiesEverything();
    void shortEventsAreSmall();
    void reorderWindowSortsLateSource();
    void reorderWindowReleasesOnItsOwn();
    void lateBeyondWindowNeverGoesBack();
    void observeKeepsOnlyChosenSources();
    void wallClockFollowsAMovingOffset();
    void longExtraValuesBecomePreviews();
};

void TstTimeline::appendAtRoundTripsEveryField()
{
    Timeline tl;
    const Event e = fullEvent();
    const quint64 i = tl.append(e);
    QCOMPARE(i, quint64(0));
    QCOMPARE(tl.size(), std::size_t(1));
    QVERIFY(tl.contains(i));
    const Event got = tl.at(i);
    QCOMPARE(got.t_us, e.t_us);
    QCOMPARE(got.socket, e.socket);
    QCOMPARE(got.proto, e.proto);
    QCOMPARE(got.event, e.event);
    QCOMPARE(got.source, e.source);
    QCOMPARE(got.dir, e.dir);
    QCOMPARE(got.bytes, e.bytes);
    QCOMPARE(got.payload, e.payload);
    QCOMPARE(got.local, e.local);
    QCOMPARE(got.remote, e.remote);
    QCOMPARE(got.state, e.state);
    QCOMPARE(got.flags, e.flags);
    QCOMPARE(got.seq, e.seq);
    QCOMPARE(got.ack, e.ack);
    QCOMPARE(got.src, e.src);
    QCOMPARE(got.dst, e.dst);
    QCOMPARE(got.opts, e.opts);
    QCOMPARE(got.len, e.len);
    QCOMPARE(got.win, e.win);
    QCOMPARE(got.code, e.code);
    QCOMPARE(got.detail, e.detail);
    QVERIFY(got == e);
    QCOMPARE(tl.socketAt(i), e.socket);
    QCOMPARE(tl.sourceAt(i), e.source);

    // "Does not apply" survives too: empty strings and -1 stay so.
    Event sparse;
    sparse.t_us = 7;
    sparse.socket = QStringLiteral("tcp-server");
    sparse.proto = QStringLiteral("tcp");
    sparse.event = QStringLiteral("listening");
    sparse.source = QStringLiteral("app");
    const quint64 j = tl.append(sparse);
    QCOMPARE(j, quint64(1));
    const Event back = tl.at(j);
    QVERIFY(back == sparse);
    QCOMPARE(back.bytes, qint64(-1));
    QCOMPARE(back.seq, qint64(-1));
    QCOMPARE(back.ack, qint64(-1));
    QVERIFY2(back.dir.isEmpty(), qPrintable(back.dir));
    QVERIFY2(back.remote.isEmpty(), qPrintable(back.remote));
    QVERIFY2(back.state.isEmpty(), qPrintable(back.state));
    QVERIFY(back.payload.isEmpty());
    QVERIFY(back.code.isEmpty());
    QVERIFY(back.detail.isEmpty());
}

void TstTimeline::bigNumbersRoundTrip()
{
    // The number fields are qint64 in Event; the store must give back what it was given: a byte
    // count past 2 GiB (a cumulative count, a long transfer), sequence numbers near 2^32, and
    // the largest segment length and unscaled window the wire can carry.
    Timeline tl;
    Event e = fullEvent();
    e.t_us = Q_INT64_C(9000000000000);
    e.bytes = Q_INT64_C(5000000000);
    e.seq = Q_INT64_C(4294967295);
    e.ack = Q_INT64_C(4294967294);
    e.len = 65535;
    e.win = 65535;
    const Event got = tl.at(tl.append(e));
    QCOMPARE(got.t_us, e.t_us);
    QCOMPARE(got.bytes, e.bytes);
    QCOMPARE(got.seq, e.seq);
    QCOMPARE(got.ack, e.ack);
    QCOMPARE(got.len, e.len);
    QCOMPARE(got.win, e.win);
}

void TstTimeline::stampsTimeWhenZero()
{
    Timeline tl;
    auto clock = std::make_shared<ManualClock>();
    clock->set(12345);
    tl.setClock(clock);
    QCOMPARE(tl.now(), qint64(12345));
    QCOMPARE(tl.clock().nowUs(), qint64(12345));

    Event e = simple(QStringLiteral("a"), 0, 0);
    const quint64 i = tl.append(e);
    QCOMPARE(tl.at(i).t_us, qint64(12345));

    clock->advance(55);
    const quint64 j = tl.append(simple(QStringLiteral("a"), 1, 0));
    QCOMPARE(tl.at(j).t_us, qint64(12400));
    QCOMPARE(tl.now(), qint64(12400));
}

void TstTimeline::keepsGivenTime()
{
    Timeline tl;
    auto clock = std::make_shared<ManualClock>();
    clock->set(999);
    tl.setClock(clock);
    const quint64 i = tl.append(simple(QStringLiteral("a"), 0, 42));
    QCOMPARE(tl.at(i).t_us, qint64(42));
}

void TstTimeline::perSocketIndices()
{
    Timeline tl;
    const QString a = QStringLiteral("tcp-client-1"), b = QStringLiteral("tcp-conn-1");
    QCOMPARE(tl.append(simple(a, 0)), quint64(0));
    QCOMPARE(tl.append(simple(b, 1)), quint64(1));
    QCOMPARE(tl.append(simple(a, 2)), quint64(2));
    QCOMPARE(tl.append(simple(a, 3)), quint64(3));
    QCOMPARE(tl.append(simple(b, 4)), quint64(4));

    QCOMPARE(tl.indicesOf(a), (std::vector<quint64>{0, 2, 3}));
    QCOMPARE(tl.indicesOf(b), (std::vector<quint64>{1, 4}));
    QCOMPARE(tl.countOf(a), std::size_t(3));
    QCOMPARE(tl.countOf(b), std::size_t(2));
    QVERIFY(tl.indicesOf(QStringLiteral("nobody")).empty());
    QCOMPARE(tl.countOf(QStringLiteral("nobody")), std::size_t(0));
    for (quint64 i : tl.indicesOf(a))
        QCOMPARE(tl.socketAt(i), a);
    QCOMPARE(tl.firstIndex(), quint64(0));
    QCOMPARE(tl.endIndex(), quint64(5));
    QCOMPARE(tl.dropped(), quint64(0));
}

void TstTimeline::socketIdsInOrderOfFirstAppearance()
{
    Timeline tl;
    tl.append(simple(QStringLiteral("tcp-server"), 0));
    tl.append(simple(QStringLiteral("tcp-client-1"), 1));
    tl.append(simple(QStringLiteral("tcp-server"), 2));
    tl.append(simple(QStringLiteral("tcp-conn-1"), 3));
    tl.append(simple(QStringLiteral("tcp-client-1"), 4));
    QCOMPARE(tl.socketIds(),
             (QStringList{QStringLiteral("tcp-server"), QStringLiteral("tcp-client-1"),
                          QStringLiteral("tcp-conn-1")}));
}

void TstTimeline::socketSeenOncePerSocket()
{
    Timeline tl;
    QSignalSpy spy(&tl, &Timeline::socketSeen);
    QVERIFY(spy.isValid());
    tl.append(simple(QStringLiteral("x"), 0));
    tl.append(simple(QStringLiteral("x"), 1));
    tl.append(simple(QStringLiteral("y"), 2));
    tl.append(simple(QStringLiteral("x"), 3));
    tl.append(simple(QStringLiteral("y"), 4));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("x"));
    QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("y"));
}

void TstTimeline::payloadTruncatedButBytesKept()
{
    Timeline tl;
    Event e = simple(QStringLiteral("a"), 0);
    e.payload = QByteArray(500, 'z');
    e.bytes = 500;
    const quint64 i = tl.append(e);
    const Event got = tl.at(i);
    QCOMPARE(got.payload.size(), qsizetype(Timeline::kPreviewBytes));
    QCOMPARE(got.payload, QByteArray(Timeline::kPreviewBytes, 'z'));
    QCOMPARE(got.bytes, qint64(500));

    // Exactly kPreviewBytes is not cut.
    e.payload = QByteArray(Timeline::kPreviewBytes, 'q');
    e.bytes = Timeline::kPreviewBytes;
    QCOMPARE(tl.at(tl.append(e)).payload, QByteArray(Timeline::kPreviewBytes, 'q'));
}

void TstTimeline::capacityBound()
{
    Timeline tl(1000);
    QCOMPARE(tl.capacity(), std::size_t(1000));
    const QStringList sockets{QStringLiteral("s0"), QStringLiteral("s1"), QStringLiteral("s2")};
    for (int i = 0; i < 2500; ++i)
        QCOMPARE(tl.append(simple(sockets[i % 3], i)), quint64(i));

    QCOMPARE(tl.size(), std::size_t(1000));
    QCOMPARE(tl.dropped(), quint64(1500));
    QCOMPARE(tl.firstIndex(), quint64(1500));
    QCOMPARE(tl.endIndex(), quint64(2500));
    QVERIFY(!tl.contains(1499));
    QVERIFY(tl.contains(1500));
    QVERIFY(tl.contains(2499));
    QVERIFY(!tl.contains(2500));
    // Global indices never move: the event at 1500 is still the 1500th appended.
    QCOMPARE(tl.at(1500).seq, qint64(1500));
    QCOMPARE(tl.at(2499).seq, qint64(2499));
    QCOMPARE(tl.at(2000).socket, sockets[2000 % 3]);

    std::size_t total = 0;
    for (const QString& s : sockets) {
        const std::vector<quint64> idx = tl.indicesOf(s);
        QCOMPARE(tl.countOf(s), idx.size());
        total += idx.size();
        quint64 prev = 0;
        bool firstOne = true;
        for (quint64 i : idx) {
            QVERIFY2(tl.contains(i),
                     qPrintable(QStringLiteral("%1 lists evicted index %2").arg(s).arg(i)));
            QVERIFY(firstOne || i > prev);
            QCOMPARE(tl.socketAt(i), s);
            QCOMPARE(tl.at(i).seq, qint64(i));
            prev = i;
            firstOne = false;
        }
    }
    QCOMPARE(total, std::size_t(1000));
    // All three sockets still have events, so all three are still known.
    QCOMPARE(tl.socketIds().size(), 3);
}

void TstTimeline::sinksCalledInOrder()
{
    Timeline tl;
    auto clock = std::make_shared<ManualClock>();
    clock->set(500);
    tl.setClock(clock);

    std::vector<QString> calls;
    std::vector<Event> seen;
    tl.addSink([&](const Event& e) {
        calls.push_back(QStringLiteral("first:") + e.socket);
        seen.push_back(e);
    });
    tl.addSink([&](const Event& e) { calls.push_back(QStringLiteral("second:") + e.socket); });

    Event big = simple(QStringLiteral("a"), 0, 0);
    big.payload = QByteArray(300, 'p');
    big.bytes = 300;
    tl.append(big);
    tl.append(simple(QStringLiteral("b"), 1));

    QCOMPARE(calls, (std::vector<QString>{QStringLiteral("first:a"), QStringLiteral("second:a"),
                                          QStringLiteral("first:b"), QStringLiteral("second:b")}));
    // Sinks see the event as stored: stamped and truncated (the JSON writer relies on it).
    QCOMPARE(seen.size(), std::size_t(2));
    QCOMPARE(seen[0].t_us, qint64(500));
    QCOMPARE(seen[0].payload.size(), qsizetype(Timeline::kPreviewBytes));
    QCOMPARE(seen[0].bytes, qint64(300));
    QCOMPARE(seen[1].t_us, qint64(1));
}

void TstTimeline::removedSinkNotCalled()
{
    Timeline tl;
    int a = 0, b = 0;
    const int ida = tl.addSink([&](const Event&) { ++a; });
    const int idb = tl.addSink([&](const Event&) { ++b; });
    QVERIFY(ida != idb);
    tl.append(simple(QStringLiteral("s"), 0));
    tl.removeSink(ida);
    tl.append(simple(QStringLiteral("s"), 1));
    QCOMPARE(a, 1);
    QCOMPARE(b, 2);
    tl.removeSink(12345); // unknown ids are ignored
    tl.removeSink(idb);
    tl.append(simple(QStringLiteral("s"), 2));
    QCOMPARE(b, 2);
}

void TstTimeline::clearEmptiesEverything()
{
    Timeline tl;
    QSignalSpy cleared(&tl, &Timeline::cleared);
    QSignalSpy seen(&tl, &Timeline::socketSeen);
    for (int i = 0; i < 10; ++i)
        tl.append(simple(i % 2 ? QStringLiteral("odd") : QStringLiteral("even"), i));
    QCOMPARE(seen.count(), 2);

    tl.clear();
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(tl.size(), std::size_t(0));
    QCOMPARE(tl.endIndex(), tl.firstIndex());
    QVERIFY(tl.socketIds().isEmpty());
    QVERIFY(tl.indicesOf(QStringLiteral("odd")).empty());
    QCOMPARE(tl.countOf(QStringLiteral("even")), std::size_t(0));

    // After a clear the store starts over: a known socket is new again for the views.
    const quint64 i = tl.append(simple(QStringLiteral("odd"), 100));
    QVERIFY(tl.contains(i));
    QCOMPARE(tl.at(i).seq, qint64(100));
    QCOMPARE(tl.size(), std::size_t(1));
    QCOMPARE(tl.socketIds(), QStringList{QStringLiteral("odd")});
    QCOMPARE(tl.indicesOf(QStringLiteral("odd")), std::vector<quint64>{i});
    QCOMPARE(seen.count(), 3);
}

void TstTimeline::shortEventsAreSmall()
{
    // timeline.h: "an event with a short text preview costs well under 200 bytes".
    Timeline tl;
    for (int i = 0; i < 10000; ++i) {
        Event e = simple(QStringLiteral("tcp-conn-%1").arg(i % 4), i);
        e.payload = QByteArray("message number ") + QByteArray::number(i);
        e.bytes = e.payload.size();
        e.local = QStringLiteral("127.0.0.1:8124");
        e.remote = QStringLiteral("127.0.0.1:5%1").arg(i % 4);
        tl.append(e);
    }
    const double perEvent = double(tl.approximateBytes()) / double(tl.size());
    QVERIFY2(perEvent > 0 && perEvent < 200, qPrintable(QString::number(perEvent)));
}

// A wire event stamped before an app event but delivered after it (the SYN that made the
// `connect` possible) is stored first: the store, the sinks and the views see t_us order.
void TstTimeline::reorderWindowSortsLateSource()
{
    auto clock = std::make_shared<ManualClock>();
    Timeline tl;
    tl.setClock(clock);
    tl.setReorderWindow(20000);
    std::vector<Event> sunk;
    tl.addSink([&sunk](const Event& e) { sunk.push_back(e); });
    clock->set(100000);
    Event connect = simple(QStringLiteral("c"), 1, 100000);
    connect.event = QStringLiteral("connect");
    tl.append(connect);
    clock->set(105000);
    Event syn = simple(QStringLiteral("c"), 2, 99000); // happened 1 ms before, arrives 5 ms late
    syn.source = QStringLiteral("wire");
    syn.event = QStringLiteral("segment");
    tl.append(syn);
    QCOMPARE(tl.size(), std::size_t(0)); // both still inside the window
    QCOMPARE(tl.waiting(), std::size_t(2));
    clock->set(120500); // the SYN's window is over, connect's is too
    tl.append(simple(QStringLiteral("c"), 3, 120500));
    QCOMPARE(tl.size(), std::size_t(2));
    QCOMPARE(tl.at(tl.firstIndex()).seq, 2); // the SYN first
    QCOMPARE(tl.at(tl.firstIndex() + 1).seq, 1);
    QCOMPARE(sunk.size(), std::size_t(2));
    QCOMPARE(sunk[0].event, QStringLiteral("segment"));
    QCOMPARE(sunk[1].event, QStringLiteral("connect"));
    tl.flush();
    QCOMPARE(tl.size(), std::size_t(3));
    QCOMPARE(tl.waiting(), std::size_t(0));
    QCOMPARE(tl.lateEvents(), quint64(0));
}

// Nobody appends after the last event: the timer stores it once its window has passed.
void TstTimeline::reorderWindowReleasesOnItsOwn()
{
    Timeline tl; // the real clock
    tl.setReorderWindow(20000);
    tl.append(simple(QStringLiteral("a"), 1, 0));
    QCOMPARE(tl.size(), std::size_t(0));
    QTRY_COMPARE_WITH_TIMEOUT(tl.size(), std::size_t(1), 2000);
    QCOMPARE(tl.waiting(), std::size_t(0));
}

// Later than the window: it cannot go before what is stored, so it comes next, with t_us
// raised to the last stored one and the lateness said in "late_us".
void TstTimeline::lateBeyondWindowNeverGoesBack()
{
    auto clock = std::make_shared<ManualClock>();
    Timeline tl;
    tl.setClock(clock);
    tl.setReorderWindow(20000);
    clock->set(200000);
    tl.append(simple(QStringLiteral("a"), 1, 150000));
    QCOMPARE(tl.size(), std::size_t(1)); // 50 ms old: past its window at once
    tl.append(simple(QStringLiteral("a"), 2, 100000));
    tl.flush();
    QCOMPARE(tl.size(), std::size_t(2));
    const Event late = tl.at(tl.firstIndex() + 1);
    QCOMPARE(late.seq, 2);
    QCOMPARE(late.t_us, 150000);
    QCOMPARE(late.extra.value(QStringLiteral("late_us")).toInteger(), 50000);
    QCOMPARE(tl.lateEvents(), quint64(1));
    qint64 last = -1;
    for (quint64 i = tl.firstIndex(); i < tl.endIndex(); ++i) {
        QVERIFY(tl.at(i).t_us >= last);
        last = tl.at(i).t_us;
    }
}

void TstTimeline::observeKeepsOnlyChosenSources()
{
    Timeline tl;
    tl.setSources({QStringLiteral("app")}, false);
    Event wire = simple(QStringLiteral("a"), 1);
    wire.source = QStringLiteral("wire");
    tl.append(wire);
    tl.append(simple(QStringLiteral("a"), 2));
    Event err = simple(QStringLiteral("a"), 3);
    err.source = QStringLiteral("kernel");
    err.event = QStringLiteral("error");
    tl.append(err); // errors explain failures: always kept
    QCOMPARE(tl.size(), std::size_t(2));
    QCOMPARE(tl.at(tl.firstIndex()).seq, 2);
    QCOMPARE(tl.at(tl.firstIndex() + 1).seq, 3);
    tl.setSources({}, false); // none
    tl.append(simple(QStringLiteral("a"), 4));
    QCOMPARE(tl.size(), std::size_t(2));
    tl.setSources({}, true);
    tl.append(wire);
    QCOMPARE(tl.size(), std::size_t(3));
}

// The wall clock is slewed 5 ms per second against the monotonic one (what the issue
// measured): frames stamped by that wall clock convert to the right monotonic time when the
// offset is taken again per batch; one offset from the start would be 50 ms off after 10 s.
void TstTimeline::wallClockFollowsAMovingOffset()
{
    ManualClock mono;
    mono.set(1000000);
    const qint64 epochUs = 1700000000LL * 1000000;
    // wall = epoch + mono * 1.005 (the wall clock runs 0.5 % fast)
    auto wallAt = [epochUs](qint64 monoUs) { return epochUs + monoUs + monoUs / 200; };
    netstage::WallClockMapper m(&mono);
    m.setWallSource([&] { return wallAt(mono.nowUs()); });
    const qint64 firstOffset = m.offsetUs();
    for (int second = 1; second <= 10; ++second) {
        mono.set(1000000 + second * 1000000LL);
        const qint64 frameMono = mono.nowUs() - 300; // captured 0.3 ms before its batch
        const qint64 frameWallNs = wallAt(frameMono) * 1000;
        m.resample(); // a new batch
        const qint64 got = m.toMonotonicUs(frameWallNs);
        QVERIFY2(
            std::abs(got - frameMono) <= 2,
            qPrintable(QStringLiteral("second %1: %2 vs %3").arg(second).arg(got).arg(frameMono)));
        // The offset of the start would have parted by 5 ms per second.
        const qint64 stale = frameWallNs / 1000 - firstOffset;
        QVERIFY(std::abs(stale - frameMono) >= second * 4900);
    }
    QCOMPARE(m.samples(), quint64(12)); // construction, setWallSource, ten batches
}

// A 15 KB header value is not kept whole: a preview and how much was cut.
void TstTimeline::longExtraValuesBecomePreviews()
{
    Timeline tl;
    Event e = simple(QStringLiteral("http-conn-1"), 1);
    e.event = QStringLiteral("request");
    e.extra.insert(QStringLiteral("method"), QStringLiteral("GET"));
    e.extra.insert(
        QStringLiteral("headers"),
        QJsonArray{QJsonArray{QStringLiteral("Host"), QStringLiteral("x")},
                   QJsonArray{QStringLiteral("X-Big"), QString(15000, QLatin1Char('a'))}});
    std::vector<Event> sunk;
    tl.addSink([&sunk](const Event& x) { sunk.push_back(x); });
    const std::size_t before = tl.approximateBytes();
    tl.append(e);
    const Event got = tl.at(tl.firstIndex());
    QCOMPARE(got.extra.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
    const QJsonArray headers = got.extra.value(QStringLiteral("headers")).toArray();
    QCOMPARE(headers.size(), 2);
    QCOMPARE(headers[0].toArray()[1].toString(), QStringLiteral("x"));
    QCOMPARE(headers[1].toArray()[1].toString().size(), Timeline::kMaxExtraString + 1);
    QCOMPARE(got.extra.value(QStringLiteral("cut_chars")).toInteger(),
             15000 - Timeline::kMaxExtraString);
    QVERIFY(tl.approximateBytes() - before < 2048);
    QCOMPARE(sunk.size(), std::size_t(1)); // the stream gets the same bounded event
    QCOMPARE(sunk[0].extra, got.extra);
}

QTEST_GUILESS_MAIN(TstTimeline)
#include "tst_timeline.moc"
