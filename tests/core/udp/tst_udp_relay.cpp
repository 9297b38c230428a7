// The UDP relay: its dice (reproducible, rates as set, bounded options) and the relay itself on
// real loopback sockets: loss over 1,000 datagrams, duplicates, reordering, delay, answers back
// to the right client, and its bound on waiting datagrams.
#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "core/net/native_tcp_connection.h"
#include "core/net/udp_socket.h"
#include "core/udp/udp_relay.h"
#include "test_util.h"

#include <QSignalSpy>
#include <QTest>
#include <cmath>

using netstage::RelayDecider;
using netstage::Timeline;
using netstage::UdpRelay;
using netstage::UdpRelayOptions;
using netstage::UdpSocket;
using Action = RelayDecider::Action;

namespace {

const QHostAddress kLo(QHostAddress::LocalHost);

// A loopback UDP socket that remembers what it received.
struct Endpoint
{
    UdpSocket s;
    QList<QByteArray> got;
    QList<qint64> at; // timeline microseconds of each arrival
    explicit Endpoint(Timeline* tl = nullptr, bool echo = false)
    {
        if (s.bind(kLo, 0) != 0)
            qFatal("cannot bind a loopback UDP socket");
        QObject::connect(&s, &UdpSocket::datagramReceived,
                         [this, tl, echo](const QByteArray& d, const QHostAddress& a, quint16 p) {
                             got << d;
                             at << (tl ? tl->now() : 0);
                             if (echo)
                                 s.sendTo(d, a, p);
                         });
    }
};

int countAction(const Timeline& tl, const QString& action)
{
    int n = 0;
    for (const auto& e : testutil::filter(tl, {UdpRelay::kSocketId, QStringLiteral("relay")}))
        n += e.extra.value(QStringLiteral("action")).toString() == action;
    return n;
}

} // namespace

class TstUdpRelay : public QObject
{
    Q_OBJECT
private slots:
    void deciderIsReproducible();
    void deciderRatesMatch();
    void sameSeedSameLossWhateverTheDelay();
    void optionsAreClamped();
    void passThroughForwardsEverything();
    void lossOverThousandDatagrams();
    void duplicateSendsTwo();
    void reorderSwapsNeighbours();
    void delayHoldsDatagrams();
    void answersGoBackToTheirClient();
    void waitingDatagramsAreBounded();
};

void TstUdpRelay::deciderIsReproducible()
{
    UdpRelayOptions o;
    o.loss = 0.3;
    o.duplicate = 0.1;
    o.reorder = 0.1;
    o.jitterMs = 50;
    o.seed = 12345;
    RelayDecider a(o), b(o);
    o.seed = 54321;
    RelayDecider c(o);
    int differ = 0;
    for (int i = 0; i < 1000; ++i) {
        const auto x = a.next(), y = b.next(), z = c.next();
        QCOMPARE(int(x.action), int(y.action));
        QCOMPARE(x.delayMs, y.delayMs);
        differ += x.action != z.action || x.delayMs != z.delayMs;
    }
    QVERIFY(differ > 100);
    // Seed 0 asks for a random one, reported so a run can be repeated.
    o.seed = 0;
    QVERIFY(RelayDecider(o).seed() != 0);
}

void TstUdpRelay::deciderRatesMatch()
{
    UdpRelayOptions o;
    o.loss = 0.2;
    o.duplicate = 0.1;
    o.reorder = 0.05;
    o.delayMs = 20;
    o.jitterMs = 10;
    o.seed = 7;
    RelayDecider d(o);
    const int n = 100000;
    int drop = 0, dup = 0, reorder = 0, delayed = 0, forward = 0;
    for (int i = 0; i < n; ++i) {
        const auto x = d.next();
        switch (x.action) {
        case Action::Drop:
            ++drop;
            QCOMPARE(x.delayMs, 0);
            break;
        case Action::Duplicate:
            ++dup;
            break;
        case Action::Reorder:
            ++reorder;
            break;
        case Action::Delay:
            ++delayed;
            QVERIFY(x.delayMs >= 20 && x.delayMs <= 30);
            break;
        case Action::Forward:
            ++forward;
            break;
        }
    }
    QCOMPARE(forward, 0); // every datagram has a 20 ms delay at least
    // Each action's share, in the order the dice are read: loss, then duplicate, then reorder.
    auto near = [n](int count, double expected) {
        return std::abs(double(count) / n - expected) < 0.01;
    };
    QVERIFY2(near(drop, 0.2), qPrintable(QString::number(drop)));
    QVERIFY2(near(dup, 0.8 * 0.1), qPrintable(QString::number(dup)));
    QVERIFY2(near(reorder, 0.8 * 0.9 * 0.05), qPrintable(QString::number(reorder)));
    QCOMPARE(drop + dup + reorder + delayed, n);
}

void TstUdpRelay::sameSeedSameLossWhateverTheDelay()
{
    UdpRelayOptions a;
    a.loss = 0.25;
    a.seed = 99;
    UdpRelayOptions b = a;
    b.delayMs = 300;
    b.jitterMs = 40;
    RelayDecider da(a), db(b);
    for (int i = 0; i < 2000; ++i)
        QCOMPARE(da.next().action == Action::Drop, db.next().action == Action::Drop);
    // setRates keeps the dice where they were.
    RelayDecider dc(a), dd(a);
    for (int i = 0; i < 10; ++i) {
        dc.next();
        dd.next();
    }
    dd.setRates(b);
    for (int i = 0; i < 500; ++i)
        QCOMPARE(dc.next().action == Action::Drop, dd.next().action == Action::Drop);
}

void TstUdpRelay::optionsAreClamped()
{
    UdpRelayOptions o;
    o.loss = 5;
    o.duplicate = -1;
    o.reorder = std::nan("");
    o.delayMs = 1000000;
    o.jitterMs = -5;
    const UdpRelayOptions c = o.clamped();
    QCOMPARE(c.loss, 1.0);
    QCOMPARE(c.duplicate, 0.0);
    QCOMPARE(c.reorder, 0.0);
    QCOMPARE(c.delayMs, UdpRelayOptions::kMaxDelayMs);
    QCOMPARE(c.jitterMs, 0);
    QVERIFY(UdpRelayOptions{}.isPassThrough());
    QVERIFY(!c.isPassThrough());
    QCOMPARE(UdpRelayOptions{}.summary(), QStringLiteral("pass-through"));
    UdpRelayOptions s;
    s.loss = 0.1;
    s.delayMs = 50;
    QCOMPARE(s.summary(), QStringLiteral("loss 10%, delay 50 ms"));
    // Everything dropped at loss 1.
    RelayDecider all(c);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(int(all.next().action), int(Action::Drop));
}

void TstUdpRelay::passThroughForwardsEverything()
{
    Timeline tl;
    Endpoint server(&tl), client(&tl);
    UdpRelay relay(&tl);
    QVERIFY(relay.start(kLo, server.s.localPort(), {}));
    QVERIFY(testutil::has(tl, {UdpRelay::kSocketId, netstage::ev::Listening}));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(client.s.sendTo(QByteArray::number(i), relay.address(), relay.port()), 0);
    QTRY_COMPARE_WITH_TIMEOUT(server.got.size(), 20, 5000);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(server.got[i], QByteArray::number(i)); // loopback keeps the order
    QCOMPARE(countAction(tl, QStringLiteral("forward")), 20);
    const auto e = testutil::first(tl, {UdpRelay::kSocketId, QStringLiteral("relay")});
    QVERIFY(e);
    QCOMPARE(e->proto, QStringLiteral("udp"));
    QCOMPARE(e->remote, netstage::endpointString(kLo, client.s.localPort()));
    QCOMPARE(e->extra.value(QStringLiteral("toward")).toString(), QStringLiteral("server"));
    QCOMPARE(e->extra.value(QStringLiteral("n")).toInt(), 1);
    QVERIFY(!netstage::Explain::sentence(*e).isEmpty());
    relay.stop();
    QVERIFY(testutil::has(tl, {UdpRelay::kSocketId, netstage::ev::Close}));
}

void TstUdpRelay::lossOverThousandDatagrams()
{
    Timeline tl;
    Endpoint server(&tl), client(&tl);
    UdpRelay relay(&tl);
    UdpRelayOptions o;
    o.loss = 0.3;
    o.seed = 20261127;
    QVERIFY(relay.start(kLo, server.s.localPort(), o));
    const int n = 1000;
    // In batches the receive buffers hold easily: any loss is the relay's, none the kernel's.
    for (int sent = 0; sent < n;) {
        for (int k = 0; k < 50 && sent < n; ++k, ++sent)
            QCOMPARE(client.s.sendTo("d" + QByteArray::number(sent), relay.address(), relay.port()),
                     0);
        QTRY_COMPARE_WITH_TIMEOUT(relay.stats().received, quint64(sent), 5000);
    }
    const UdpRelay::Stats st = relay.stats();
    QTRY_COMPARE_WITH_TIMEOUT(quint64(server.got.size()), st.forwarded, 5000);
    QCOMPARE(st.dropped + st.forwarded, quint64(n));
    QCOMPARE(countAction(tl, QStringLiteral("drop")), int(st.dropped));
    QCOMPARE(countAction(tl, QStringLiteral("forward")), int(st.forwarded));
    // Binomial(1000, 0.3): standard deviation 14.5; 5 of them is a sane bound.
    const double rate = double(n - server.got.size()) / n;
    QVERIFY2(std::abs(rate - 0.3) < 0.073, qPrintable(QString::number(rate)));
    // Which ones are lost depends only on the seed.
    Timeline tl2;
    Endpoint server2(&tl2), client2(&tl2);
    UdpRelay again(&tl2);
    QVERIFY(again.start(kLo, server2.s.localPort(), o));
    for (int sent = 0; sent < 200;) {
        for (int k = 0; k < 50; ++k, ++sent)
            client2.s.sendTo("d" + QByteArray::number(sent), again.address(), again.port());
        QTRY_COMPARE_WITH_TIMEOUT(again.stats().received, quint64(sent), 5000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(quint64(server2.got.size()), again.stats().forwarded, 5000);
    QCOMPARE(server2.got, server.got.mid(0, server2.got.size()));
}

void TstUdpRelay::duplicateSendsTwo()
{
    Timeline tl;
    Endpoint server(&tl), client(&tl);
    UdpRelay relay(&tl);
    UdpRelayOptions o;
    o.duplicate = 1;
    o.seed = 1;
    QVERIFY(relay.start(kLo, server.s.localPort(), o));
    for (int i = 0; i < 5; ++i)
        client.s.sendTo(QByteArray::number(i), relay.address(), relay.port());
    QTRY_COMPARE_WITH_TIMEOUT(server.got.size(), 10, 5000);
    QCOMPARE(countAction(tl, QStringLiteral("duplicate")), 5);
    QCOMPARE(server.got.count("3"), 2);
}

void TstUdpRelay::reorderSwapsNeighbours()
{
    Timeline tl;
    Endpoint server(&tl), client(&tl);
    UdpRelay relay(&tl);
    UdpRelayOptions o;
    o.reorder = 1;
    o.seed = 1;
    QVERIFY(relay.start(kLo, server.s.localPort(), o));
    // One at a time, so the relay sees them in order: every odd one is held, every even one
    // overtakes it.
    for (int i = 1; i <= 6; ++i) {
        client.s.sendTo(QByteArray::number(i), relay.address(), relay.port());
        QTRY_COMPARE_WITH_TIMEOUT(relay.stats().received, quint64(i), 5000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.got.size(), 6, 5000);
    QCOMPARE(server.got, (QList<QByteArray>{"2", "1", "4", "3", "6", "5"}));
    QCOMPARE(countAction(tl, QStringLiteral("reorder")), 3);
    // A held datagram with nothing behind it goes anyway after the hold time.
    client.s.sendTo("7", relay.address(), relay.port());
    QTRY_COMPARE_WITH_TIMEOUT(server.got.size(), 7, UdpRelay::kReorderHoldMs + 5000);
    QCOMPARE(server.got.last(), QByteArray("7"));
}

void TstUdpRelay::delayHoldsDatagrams()
{
    Timeline tl;
    Endpoint server(&tl), client(&tl);
    UdpRelay relay(&tl);
    UdpRelayOptions o;
    o.delayMs = 120;
    o.seed = 1;
    QVERIFY(relay.start(kLo, server.s.localPort(), o));
    const qint64 sentAt = tl.now();
    client.s.sendTo("late", relay.address(), relay.port());
    QTRY_COMPARE_WITH_TIMEOUT(server.got.size(), 1, 5000);
    QVERIFY2(server.at[0] - sentAt >= 115000, qPrintable(QString::number(server.at[0] - sentAt)));
    const auto e = testutil::first(tl, {UdpRelay::kSocketId, QStringLiteral("relay")});
    QCOMPARE(e->extra.value(QStringLiteral("action")).toString(), QStringLiteral("delay"));
    QCOMPARE(e->extra.value(QStringLiteral("delay_ms")).toInt(), 120);
}

void TstUdpRelay::answersGoBackToTheirClient()
{
    Timeline tl;
    Endpoint server(&tl, true), a(&tl), b(&tl);
    UdpRelay relay(&tl);
    QVERIFY(relay.start(kLo, server.s.localPort(), {}));
    a.s.sendTo("from a", relay.address(), relay.port());
    b.s.sendTo("from b", relay.address(), relay.port());
    QTRY_COMPARE_WITH_TIMEOUT(a.got.size() + b.got.size(), 2, 5000);
    QCOMPARE(a.got, QList<QByteArray>{"from a"});
    QCOMPARE(b.got, QList<QByteArray>{"from b"});
    int towardClient = 0;
    for (const auto& e : testutil::filter(tl, {UdpRelay::kSocketId, QStringLiteral("relay")}))
        towardClient += e.extra.value(QStringLiteral("toward")).toString() == "client";
    QCOMPARE(towardClient, 2);
}

void TstUdpRelay::waitingDatagramsAreBounded()
{
    Timeline tl;
    Endpoint server(&tl), client(&tl);
    UdpRelay relay(&tl);
    UdpRelayOptions o;
    o.delayMs = UdpRelayOptions::kMaxDelayMs;
    o.seed = 1;
    QVERIFY(relay.start(kLo, server.s.localPort(), o));
    const int n = UdpRelay::kMaxPending + 100;
    for (int sent = 0; sent < n;) {
        for (int k = 0; k < 100 && sent < n; ++k, ++sent)
            client.s.sendTo("x", relay.address(), relay.port());
        QTRY_COMPARE_WITH_TIMEOUT(relay.stats().received, quint64(sent), 5000);
    }
    QCOMPARE(relay.pending(), UdpRelay::kMaxPending);
    QCOMPARE(relay.stats().dropped, quint64(100));
    int overflow = 0;
    for (const auto& e : testutil::filter(tl, {UdpRelay::kSocketId, QStringLiteral("relay")}))
        overflow += e.extra.value(QStringLiteral("reason")).toString() == "overflow";
    QCOMPARE(overflow, 100);
    relay.stop(); // discards what waits, and says so
    QCOMPARE(relay.pending(), 0);
    const auto closed = testutil::first(tl, {UdpRelay::kSocketId, netstage::ev::Close});
    QVERIFY(closed);
    QVERIFY(closed->detail.contains(QString::number(UdpRelay::kMaxPending)));
}

QTEST_GUILESS_MAIN(TstUdpRelay)
#include "tst_udp_relay.moc"
