// Every lesson on real sockets: the segments and states RFC 9293 prescribes, in order; the
// model agrees with the wire; step mode really holds the kernel in FIN-WAIT-2 / CLOSE-WAIT.
#include "core/base/timeline.h"
#include "core/ladder/ladder.h"
#include "core/lessons/lesson.h"
#include "core/net/loopback_loss.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/tcp/tcp_model.h"

#include <QSignalSpy>
#include <QTest>
#include <unistd.h>

using namespace netstage;

namespace {

const char* const kMessages[12] = {"m01;", "m02;", "m03;", "m04;", "m05;", "m06;",
                                   "m07;", "m08;", "m09;", "m10;", "m11;", "m12;"};

QByteArray sent()
{
    QByteArray all;
    for (const char* m : kMessages)
        all += m;
    return all;
}

// What the lesson's server connection read, in order.
QByteArray received(const std::vector<Event>& events)
{
    QByteArray got;
    for (const Event& e : events) {
        if (e.socket == QLatin1String("tcp-conn-1") && e.event == ev::Data && e.dir == ev::In)
            got += e.payload;
    }
    return got;
}

struct Run
{
    std::vector<Event> events;
    bool wire = false;
};

QStringList arrowsOf(const Ladder& l)
{
    QStringList out;
    for (const LadderArrow& a : l.arrows) {
        out << QStringLiteral("%1>%2 %3 s%4 a%5 l%6")
                   .arg(a.from)
                   .arg(a.to)
                   .arg(a.flags)
                   .arg(a.relSeq)
                   .arg(a.relAck)
                   .arg(a.len);
    }
    return out;
}

QStringList statesOf(const Ladder& l)
{
    QStringList out;
    for (const LadderItem& it : l.items) {
        if (it.kind == LadderItem::Kind::State)
            out << QStringLiteral("%1:%2")
                       .arg(l.states[it.index].lane)
                       .arg(l.states[it.index].state);
    }
    return out;
}

// The kernel states one socket went through, in order, without repeats.
QStringList kernelStates(const std::vector<Event>& events, const QString& socket)
{
    QStringList out;
    for (const Event& e : events) {
        if (e.source == ev::Kernel && e.event == ev::State && e.socket == socket &&
            (out.isEmpty() || out.last() != e.state))
            out << e.state;
    }
    return out;
}

bool hasAppEvent(const std::vector<Event>& events, const QString& socket, const QString& event,
                 const QString& code = {})
{
    return std::any_of(events.begin(), events.end(), [&](const Event& e) {
        return e.source == ev::App && e.socket == socket && e.event == event &&
               (code.isEmpty() || e.code == code);
    });
}

} // namespace

class TestLessons : public QObject
{
    Q_OBJECT

    Timeline timeline_;
    KernelObserver* observer_ = nullptr;
    WireCapture* wire_ = nullptr;

    Run run(const char* name, int stepDelayMs = 0)
    {
        const Lesson* lesson = Lessons::find(QLatin1String(name));
        if (!lesson)
            qFatal("no lesson %s", name);
        Run r;
        r.wire = wire_->isActive();
        const int sink = timeline_.addSink([&r](const Event& e) { r.events.push_back(e); });
        LessonRunner runner(&timeline_, observer_, wire_);
        runner.setStepDelayMs(stepDelayMs);
        QSignalSpy done(&runner, &LessonRunner::finished);
        if (!runner.start(*lesson))
            qFatal("lesson %s did not start", name);
        if (!done.wait(30000))
            qFatal("lesson %s did not finish", name);
        // Let the kernel observer report the last states (TIME-WAIT, CLOSED).
        QTest::qWait(150);
        timeline_.removeSink(sink);
        return r;
    }

private slots:
    void initTestCase()
    {
        observer_ = new KernelObserver(&timeline_, this);
        wire_ = new WireCapture(&timeline_, this);
        if (!wire_->start())
            qWarning("wire capture unavailable (%s): wire checks are skipped, the model is "
                     "checked alone",
                     qPrintable(wire_->unavailableReason()));
    }

    void everyLessonIsListed()
    {
        QStringList names;
        for (const Lesson& l : Lessons::all())
            names << QLatin1String(l.name);
        for (const char* n : {"handshake", "teardown", "server-closes-first", "half-close", "reset",
                              "refused", "data", "tcp-vs-udp"})
            QVERIFY2(names.contains(QLatin1String(n)), n);
    }

    void handshakeAndTeardown_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::newRow("handshake") << QStringLiteral("handshake");
        QTest::newRow("teardown") << QStringLiteral("teardown");
        QTest::newRow("data") << QStringLiteral("data");
        QTest::newRow("half-close") << QStringLiteral("half-close");
    }

    // Client closes first (half-close too): SYN x; SYN+ACK y, x+1; ACK x+1, y+1; every FIN
    // consumes one number; the client ends in TIME-WAIT, the server in CLOSED.
    void handshakeAndTeardown()
    {
        QFETCH(QString, lesson);
        const Run r = run(qPrintable(lesson));
        const Ladder l = Ladder::fromEvents(r.events);
        QCOMPARE(l.source, r.wire ? ev::Wire : ev::Model);
        QCOMPARE(int(l.lanes.size()), 2);
        QCOMPARE(l.lanes[0].role, QStringLiteral("client"));
        const QStringList a = arrowsOf(l);
        QVERIFY2(a.size() >= 7, qPrintable(a.join(QLatin1Char('\n'))));
        QCOMPARE(a[0], QStringLiteral("0>1 SYN s0 a-1 l0"));
        QCOMPARE(a[1], QStringLiteral("1>0 SYN,ACK s0 a1 l0"));
        QCOMPARE(a[2], QStringLiteral("0>1 ACK s1 a1 l0"));
        // Each FIN is acknowledged with its number + 1.
        int fins = 0;
        for (std::size_t i = 0; i < l.arrows.size(); ++i) {
            const LadderArrow& f = l.arrows[i];
            if (!f.flags.contains(QLatin1String("FIN")))
                continue;
            ++fins;
            const bool acked =
                std::any_of(l.arrows.begin() + i + 1, l.arrows.end(), [&](const LadderArrow& x) {
                    return x.from == f.to && x.relAck == f.relSeq + 1;
                });
            QVERIFY2(acked, qPrintable(a.join(QLatin1Char('\n'))));
        }
        QCOMPARE(fins, 2);
        // Derived states: the textbook sequences.
        const QStringList s = statesOf(l);
        QStringList client, server;
        for (const QString& x : s)
            (x.startsWith(QLatin1String("0:")) ? client : server) << x.mid(2);
        QCOMPARE(client.mid(0, 3), (QStringList{"CLOSED", "SYN-SENT", "ESTABLISHED"}));
        QCOMPARE(client.last(), QStringLiteral("TIME-WAIT"));
        QVERIFY(client.contains(QStringLiteral("FIN-WAIT-1")));
        QCOMPARE(server.mid(0, 3), (QStringList{"LISTEN", "SYN-RECEIVED", "ESTABLISHED"}));
        QCOMPARE(server.mid(server.size() - 3), (QStringList{"CLOSE-WAIT", "LAST-ACK", "CLOSED"}));
        // The kernel agrees where it could see: the client held FIN-WAIT-2 and then TIME-WAIT,
        // the server held CLOSE-WAIT and is gone.
        const QStringList kc = kernelStates(r.events, QStringLiteral("tcp-client-1"));
        const QStringList ks = kernelStates(r.events, QStringLiteral("tcp-conn-1"));
        QVERIFY2(kc.contains(QStringLiteral("FIN-WAIT-2")), qPrintable(kc.join(QLatin1Char(' '))));
        QCOMPARE(kc.last(), QStringLiteral("TIME-WAIT"));
        QVERIFY2(ks.contains(QStringLiteral("CLOSE-WAIT")), qPrintable(ks.join(QLatin1Char(' '))));
        QCOMPARE(ks.last(), QStringLiteral("CLOSED"));
        QVERIFY(ks.indexOf(QStringLiteral("CLOSE-WAIT")) < ks.indexOf(QStringLiteral("CLOSED")));
    }

    void serverClosesFirst()
    {
        const Run r = run("server-closes-first");
        const Ladder l = Ladder::fromEvents(r.events);
        const QStringList s = statesOf(l);
        QCOMPARE(s.filter(QStringLiteral("TIME-WAIT")), QStringList{QStringLiteral("1:TIME-WAIT")});
        QCOMPARE(kernelStates(r.events, QStringLiteral("tcp-conn-1")).last(),
                 QStringLiteral("TIME-WAIT"));
        QVERIFY(kernelStates(r.events, QStringLiteral("tcp-client-1"))
                    .contains(QStringLiteral("CLOSE-WAIT")));
    }

    void reset()
    {
        const Run r = run("reset");
        const Ladder l = Ladder::fromEvents(r.events);
        const QStringList a = arrowsOf(l);
        QVERIFY2(a.last().startsWith(QLatin1String("0>1 RST")),
                 qPrintable(a.join(QLatin1Char('\n'))));
        QVERIFY(a.filter(QStringLiteral("FIN")).isEmpty());
        QVERIFY(hasAppEvent(r.events, QStringLiteral("tcp-conn-1"), ev::Error,
                            QStringLiteral("ECONNRESET")));
        QVERIFY(statesOf(l).filter(QStringLiteral("TIME-WAIT")).isEmpty());
    }

    void refused()
    {
        const Run r = run("refused");
        const Ladder l = Ladder::fromEvents(r.events);
        const QStringList a = arrowsOf(l);
        QCOMPARE(a, (QStringList{"0>1 SYN s0 a-1 l0", "1>0 RST,ACK s0 a1 l0"}));
        QVERIFY(hasAppEvent(r.events, QStringLiteral("tcp-client-1"), ev::Error,
                            QStringLiteral("ECONNREFUSED")));
    }

    // Where the wire is visible, the model derived from the app events draws the same
    // segments, in the same order, with the same state changes.
    void modelAgreesWithWire_data()
    {
        QTest::addColumn<QString>("lesson");
        // What the model cannot derive from the programs' events: segments an nftables rule
        // dropped, the kernel's own retries and probes, an orphan socket's RST. Those lessons
        // are checked against the wire (and the kernel) by their own tests below.
        const QStringList wireOnly = {"rst-on-closed", "syn-retries", "keepalive",
                                      "simultaneous-close", "simultaneous-open"};
        for (const Lesson& l : Lessons::all()) {
            if (!wireOnly.contains(QLatin1String(l.name)))
                QTest::newRow(l.name) << QString::fromLatin1(l.name);
        }
    }

    void modelAgreesWithWire()
    {
        QFETCH(QString, lesson);
        if (!wire_->isActive())
            QSKIP("wire capture is not permitted here (CI runs as root)");
        const Run r = run(qPrintable(lesson));
        std::vector<Event> withoutWire;
        for (const Event& e : r.events) {
            if (e.source != ev::Wire)
                withoutWire.push_back(e);
        }
        const Ladder wire = Ladder::fromEvents(r.events, ev::Wire);
        const Ladder model = Ladder::fromEvents(withoutWire);
        QCOMPARE(wire.source, ev::Wire);
        QCOMPARE(model.source, ev::Model);
        QCOMPARE(arrowsOf(model), arrowsOf(wire));
        QCOMPARE(statesOf(model), statesOf(wire));
    }

    // Step mode: after the half-close the lesson waits, and the kernel really holds the
    // client in FIN-WAIT-2 and the server in CLOSE-WAIT until the teacher steps on.
    void stepModeHoldsRealStates()
    {
        std::vector<Event> events;
        const int sink = timeline_.addSink([&events](const Event& e) { events.push_back(e); });
        LessonRunner runner(&timeline_, observer_, wire_);
        runner.setStepMode(true);
        QSignalSpy waiting(&runner, &LessonRunner::waitingForTeacher);
        QSignalSpy done(&runner, &LessonRunner::finished);
        QVERIFY(runner.start(*Lessons::find(QStringLiteral("half-close"))));
        QVERIFY(waiting.wait(5000)); // before step 1 (connect)
        QCOMPARE(waiting.last().at(0).toInt(), 0);
        runner.next();
        QVERIFY(waiting.wait(5000)); // before step 2 (half-close)
        runner.next();
        QVERIFY(waiting.wait(5000)); // before step 3: the half-close has settled
        QCOMPARE(runner.currentStep(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(kernelStates(events, QStringLiteral("tcp-client-1"))
                                     .contains(QStringLiteral("FIN-WAIT-2")),
                                 3000);
        QTRY_VERIFY_WITH_TIMEOUT(kernelStates(events, QStringLiteral("tcp-conn-1"))
                                     .contains(QStringLiteral("CLOSE-WAIT")),
                                 3000);
        // The teacher takes their time: the states stay.
        const std::size_t before = events.size();
        QTest::qWait(400);
        for (std::size_t i = before; i < events.size(); ++i)
            QVERIFY2(events[i].event != ev::State, qPrintable(events[i].state));
        QCOMPARE(kernelStates(events, QStringLiteral("tcp-client-1")).last(),
                 QStringLiteral("FIN-WAIT-2"));
        QCOMPARE(kernelStates(events, QStringLiteral("tcp-conn-1")).last(),
                 QStringLiteral("CLOSE-WAIT"));
        // Step on to the end.
        for (int i = 0; i < 10 && done.count() == 0; ++i) {
            runner.next();
            QTRY_VERIFY_WITH_TIMEOUT(runner.isWaitingForTeacher() || done.count() > 0, 5000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(kernelStates(events, QStringLiteral("tcp-client-1")).last(),
                                  QStringLiteral("TIME-WAIT"), 3000);
        timeline_.removeSink(sink);
    }

    // TCP and UDP side by side on real sockets: the TCP lanes (left) carry the handshake,
    // the data and its ACK, the teardown, and change state; the UDP lanes carry exactly two
    // arrows, "hello" there and back, and no state at all.
    void tcpVsUdp()
    {
        const Run r = run("tcp-vs-udp");
        const Ladder l = Ladder::fromEvents(r.events);
        QCOMPARE(int(l.lanes.size()), 4);
        QCOMPARE(l.lanes[0].proto, ev::Tcp);
        QCOMPARE(l.lanes[0].role, QStringLiteral("client"));
        QCOMPARE(l.lanes[1].proto, ev::Tcp);
        QCOMPARE(l.lanes[2].proto, QStringLiteral("udp"));
        QCOMPARE(l.lanes[2].label, QStringLiteral("udp-client-1"));
        QCOMPARE(l.lanes[3].label, QStringLiteral("udp-server"));
        const QStringList a = arrowsOf(l);
        QCOMPARE(a[0], QStringLiteral("0>1 SYN s0 a-1 l0"));
        QCOMPARE(a[1], QStringLiteral("1>0 SYN,ACK s0 a1 l0"));
        QCOMPARE(a[2], QStringLiteral("0>1 ACK s1 a1 l0"));
        QCOMPARE(a.filter(QStringLiteral("FIN")).size(), 2);
        QVERIFY2(a.contains(QStringLiteral("0>1 PSH,ACK s1 a1 l5")),
                 qPrintable(a.join(QLatin1Char('\n'))));
        std::vector<const LadderArrow*> datagrams;
        for (const LadderArrow& x : l.arrows) {
            if (x.datagram)
                datagrams.push_back(&x);
            else
                QVERIFY(x.from <= 1 && x.to <= 1);
        }
        QCOMPARE(int(datagrams.size()), 2);
        QCOMPARE(l.datagrams, 2);
        QCOMPARE(datagrams[0]->from, 2);
        QCOMPARE(datagrams[0]->to, 3);
        QCOMPARE(datagrams[1]->from, 3);
        QCOMPARE(datagrams[1]->to, 2);
        for (const LadderArrow* d : datagrams) {
            QCOMPARE(d->len, 5);
            QCOMPARE(d->label, QStringLiteral("“hello”"));
            QVERIFY(d->arriveUs >= d->t_us);
        }
        // States only on the TCP lanes.
        for (const QString& s : statesOf(l))
            QVERIFY2(s.startsWith(QLatin1String("0:")) || s.startsWith(QLatin1String("1:")),
                     qPrintable(s));
        QCOMPARE(statesOf(l).filter(QStringLiteral("TIME-WAIT")),
                 QStringList{QStringLiteral("0:TIME-WAIT")});
        // The order of the story: handshake, then TCP data, then the datagrams, then teardown.
        auto itemOf = [&l](const LadderArrow* p) {
            for (int i = 0; i < int(l.items.size()); ++i) {
                if (l.items[std::size_t(i)].kind == LadderItem::Kind::Arrow &&
                    &l.arrows[std::size_t(l.items[std::size_t(i)].index)] == p)
                    return i;
            }
            return -1;
        };
        int firstFin = -1;
        for (int i = 0; i < int(l.items.size()) && firstFin < 0; ++i) {
            const LadderItem& it = l.items[std::size_t(i)];
            if (it.kind == LadderItem::Kind::Arrow &&
                l.arrows[std::size_t(it.index)].flags.contains(QLatin1String("FIN")))
                firstFin = i;
        }
        QVERIFY(itemOf(datagrams[1]) < firstFin);
        QVERIFY(itemOf(datagrams[0]) > itemOf(&l.arrows[2]));
        QVERIFY(hasAppEvent(r.events, QStringLiteral("udp-server"), QStringLiteral("message")));
    }

    // Real loss on loopback (root only): an nftables rule drops half of the segments sent to
    // the lesson's server; TCP sends them again (the wire shows the same numbers twice) and
    // every byte arrives, in order. The rule is gone when the lesson ends.
    void tcpLossRetransmits()
    {
        if (::geteuid() != 0)
            QSKIP("real loss needs root (nftables)");
        if (!wire_->isActive())
            QSKIP("the retransmissions are seen on the wire, which is not captured here");
        std::vector<Event> events;
        const int sink = timeline_.addSink([&events](const Event& e) { events.push_back(e); });
        qint64 dropped = -1;
        QString table;
        {
            // Twelve messages: with half of the data segments dropped, the chance that none
            // is lost is 1 in 4096.
            Lesson lossy{"loss-test", "twelve messages", "", {}};
            lossy.steps.push_back(Lessons::find(QStringLiteral("data"))->steps.front());
            for (int i = 0; i < 12; ++i)
                lossy.steps.push_back({LessonStep::Actor::Client, LessonStep::Action::Send,
                                       kMessages[i], "send", "send"});
            // No close steps: the connection stays open after the lesson (the runner's lab
            // keeps it), so a segment sent again after a long backoff still gets through.
            LessonRunner runner(&timeline_, observer_, wire_);
            runner.setStepDelayMs(0);
            runner.setLossPercent(50);
            QSignalSpy done(&runner, &LessonRunner::finished);
            QVERIFY(runner.start(lossy));
            table = QStringLiteral("netstage_%1").arg(::getpid());
            QVERIFY(LoopbackLoss::tables().contains(table));
            QVERIFY(done.wait(60000));
            dropped = runner.tcpSegmentsDropped();
            // The rule is gone with the lesson; whatever is still to be sent again arrives.
            QTRY_COMPARE_WITH_TIMEOUT(received(events), sent(), 30000);
        }
        QTest::qWait(100);
        timeline_.removeSink(sink);
        QVERIFY2(!LoopbackLoss::tables().contains(table), "the loss rule outlived its lesson");
        QVERIFY2(dropped > 0, "with 50 % loss over a dozen segments, none was dropped");
        const Ladder l = Ladder::fromEvents(events, ev::Wire);
        QCOMPARE(l.source, ev::Wire);
        const int retrans =
            int(std::count_if(l.arrows.begin(), l.arrows.end(),
                              [](const LadderArrow& a) { return a.retransmission; }));
        if (retrans < 1)
            qWarning("%s", qPrintable(l.toText()));
        QVERIFY2(retrans >= 1, "no retransmission on the wire");
        // Everything arrived anyway, in order: that is TCP's promise.
        QCOMPARE(received(events), sent());
    }

    // Data sent to a socket whose program closed: the server's kernel answers RST.
    void rstOnClosed()
    {
        const Run r = run("rst-on-closed");
        // A reset received in CLOSE-WAIT: the next write fails with EPIPE.
        QVERIFY(hasAppEvent(r.events, QStringLiteral("tcp-client-1"), ev::Error,
                            QStringLiteral("EPIPE")));
        QVERIFY(kernelStates(r.events, QStringLiteral("tcp-client-1"))
                    .contains(QStringLiteral("CLOSE-WAIT")));
        if (!r.wire)
            return;
        const Ladder l = Ladder::fromEvents(r.events);
        const QStringList a = arrowsOf(l);
        QVERIFY2(a.last().startsWith(QLatin1String("1>0 RST")),
                 qPrintable(a.join(QLatin1Char('\n'))));
        QCOMPARE(a.filter(QStringLiteral("0>1 PSH,ACK")).size(), 1); // the second never left
        // The client went ESTABLISHED -> CLOSE-WAIT -> CLOSED, never TIME-WAIT.
        const QStringList s = statesOf(l);
        QVERIFY(s.contains(QStringLiteral("0:CLOSE-WAIT")));
        QCOMPARE(s.filter(QStringLiteral("0:")).last(), QStringLiteral("0:CLOSED"));
        QVERIFY(s.filter(QStringLiteral("TIME-WAIT")).isEmpty());
    }

    // The rule drops the SYNs: SYN-SENT, the SYN sent again after 1 s and 2 s more (the
    // kernel's backoff, measured on the wire), then ETIMEDOUT after 1 + 2 + 4 s.
    void synRetries()
    {
        if (::geteuid() != 0)
            QSKIP("the SYN-dropping rule needs root (nftables)");
        const Lesson* lesson = Lessons::find(QStringLiteral("syn-retries"));
        QVERIFY(lesson);
        Run r;
        r.wire = wire_->isActive();
        const int sink = timeline_.addSink([&r](const Event& e) { r.events.push_back(e); });
        {
            LessonRunner runner(&timeline_, observer_, wire_);
            runner.setStepDelayMs(0);
            runner.setSynRetries(2);
            QSignalSpy done(&runner, &LessonRunner::finished);
            QVERIFY(runner.start(*lesson));
            QVERIFY(done.wait(20000));
        }
        QTest::qWait(100);
        timeline_.removeSink(sink);
        QVERIFY(!LoopbackLoss::tables().contains(QStringLiteral("netstage_%1").arg(::getpid())));
        QVERIFY(hasAppEvent(r.events, QStringLiteral("tcp-client-1"), ev::Error,
                            QStringLiteral("ETIMEDOUT")));
        QVERIFY(!hasAppEvent(r.events, QStringLiteral("tcp-conn-1"), ev::Connection));
        QVERIFY(kernelStates(r.events, QStringLiteral("tcp-client-1"))
                    .contains(QStringLiteral("SYN-SENT")));
        qint64 timedOut = -1;
        for (const Event& e : r.events) {
            if (e.socket == QLatin1String("tcp-client-1") && e.event == ev::Error)
                timedOut = e.t_us;
        }
        if (!r.wire)
            return;
        const Ladder l = Ladder::fromEvents(r.events);
        std::vector<qint64> syns;
        for (const LadderArrow& a : l.arrows) {
            if (a.flags == QLatin1String("SYN"))
                syns.push_back(a.t_us);
        }
        // TCP_SYNCNT 2 allows 1 + 2 + 4 = 7 s. Linux >= 6.5 retries every second at first
        // (tcp_syn_linear_timeouts), so more than 3 SYNs fit in that time; the first gap is
        // 1 s either way.
        QVERIFY2(syns.size() >= 3, qPrintable(l.toText()));
        const double gap1 = (syns[1] - syns[0]) / 1e6;
        const double total = (timedOut - syns[0]) / 1e6;
        QString gaps;
        for (std::size_t i = 1; i < syns.size(); ++i)
            gaps += QStringLiteral(" %1").arg((syns[i] - syns[i - 1]) / 1e6, 0, 'f', 3);
        qInfo("SYNs: %d, gaps (s):%s; ETIMEDOUT %.3f s after the first SYN", int(syns.size()),
              qPrintable(gaps), total);
        QVERIFY2(gap1 > 0.9 && gap1 < 1.4, qPrintable(gaps));
        QVERIFY2(total > 6.8 && total < 8.0, qPrintable(QString::number(total)));
        // No arrow ever came back, and the server never left LISTEN.
        QVERIFY(std::all_of(l.arrows.begin(), l.arrows.end(),
                            [](const LadderArrow& a) { return a.from == 0; }));
        const QStringList s = statesOf(l);
        QCOMPARE(s.filter(QStringLiteral("0:")),
                 (QStringList{"0:CLOSED", "0:SYN-SENT", "0:CLOSED"}));
        QCOMPARE(s.filter(QStringLiteral("1:")), (QStringList{"1:LISTEN"}));
    }

    // The server vanishes (all it sends dropped): keepalive probes go unanswered, ETIMEDOUT;
    // the server, half-open, writes and gets RST.
    void keepalive()
    {
        if (::geteuid() != 0)
            QSKIP("the rule that makes the server vanish needs root (nftables)");
        const Run r = run("keepalive");
        QVERIFY(hasAppEvent(r.events, QStringLiteral("tcp-client-1"), ev::Error,
                            QStringLiteral("ETIMEDOUT")));
        QVERIFY(hasAppEvent(r.events, QStringLiteral("tcp-conn-1"), ev::Error,
                            QStringLiteral("ECONNRESET")));
        if (!r.wire)
            return;
        const Ladder l = Ladder::fromEvents(r.events);
        // Probes: bare ACKs from the client, one number below what it sends next.
        int probes = 0;
        for (std::size_t i = 1; i < l.arrows.size(); ++i) {
            const LadderArrow& a = l.arrows[i];
            if (a.from == 0 && a.flags == QLatin1String("ACK") && a.len == 0 && a.relSeq == 5)
                ++probes; // "hello" took x+1..x+5, so the next byte is x+6
        }
        QVERIFY2(probes >= LessonRunner::kKeepCount,
                 qPrintable(arrowsOf(l).join(QLatin1Char('\n'))));
        // The client's own RST at the timeout was dropped with everything else; the server
        // was still ESTABLISHED when it wrote, and the client's kernel answered RST.
        const QStringList a = arrowsOf(l);
        QVERIFY(a.last().startsWith(QLatin1String("0>1 RST")));
        QVERIFY2(a.at(a.size() - 2).startsWith(QLatin1String("1>0 PSH,ACK")),
                 qPrintable(a.join(QLatin1Char('\n'))));
        QVERIFY2(a.filter(QStringLiteral("0>1 RST")).size() == 2,
                 qPrintable(a.join(QLatin1Char('\n'))));
        const QStringList s = statesOf(l);
        QCOMPARE(s.filter(QStringLiteral("0:")).last(), QStringLiteral("0:CLOSED"));
        QCOMPARE(s.filter(QStringLiteral("1:")).mid(s.filter(QStringLiteral("1:")).size() - 2),
                 (QStringList{"1:ESTABLISHED", "1:CLOSED"}));
        qint64 timedOut = -1, reset = -1;
        for (const Event& e : r.events) {
            if (e.source == ev::App && e.event == ev::Error && e.code == QLatin1String("ETIMEDOUT"))
                timedOut = e.t_us;
            if (e.source == ev::App && e.event == ev::Error &&
                e.code == QLatin1String("ECONNRESET"))
                reset = e.t_us;
        }
        QVERIFY(timedOut > 0 && reset > timedOut);
    }

    // Both close at once, both FINs dropped: both sit in FIN-WAIT-1 together, the first FIN
    // sent again brings its receiver to CLOSING, both end in TIME-WAIT.
    void simultaneousClose()
    {
        if (::geteuid() != 0)
            QSKIP("the FIN-dropping rule needs root (nftables)");
        const Run r = run("simultaneous-close");
        QCOMPARE(kernelStates(r.events, QStringLiteral("tcp-client-1")).last(),
                 QStringLiteral("TIME-WAIT"));
        QCOMPARE(kernelStates(r.events, QStringLiteral("tcp-conn-1")).last(),
                 QStringLiteral("TIME-WAIT"));
        if (!r.wire)
            return;
        const Ladder l = Ladder::fromEvents(r.events);
        const QStringList s = statesOf(l);
        QVERIFY2(s.contains(QStringLiteral("0:FIN-WAIT-1")) &&
                     s.contains(QStringLiteral("1:FIN-WAIT-1")),
                 qPrintable(s.join(QLatin1Char(' '))));
        QVERIFY2(!s.filter(QStringLiteral("CLOSING")).isEmpty(),
                 qPrintable(s.join(QLatin1Char(' '))));
        QVERIFY(s.filter(QStringLiteral("CLOSE-WAIT")).isEmpty());
        QCOMPARE(s.filter(QStringLiteral("0:")).last(), QStringLiteral("0:TIME-WAIT"));
        QCOMPARE(s.filter(QStringLiteral("1:")).last(), QStringLiteral("1:TIME-WAIT"));
        // Four FINs on the wire: two lost, two sent again.
        QCOMPARE(arrowsOf(l).filter(QStringLiteral("FIN")).size(), 4);
    }

    // Two sockets connect to each other: a connection without a listener.
    void simultaneousOpen()
    {
        if (::geteuid() != 0)
            QSKIP("the SYN-dropping rule needs root (nftables)");
        const Run r = run("simultaneous-open");
        QVERIFY(hasAppEvent(r.events, QStringLiteral("tcp-client-1"), ev::Connect));
        QVERIFY(hasAppEvent(r.events, QStringLiteral("tcp-client-2"), ev::Connect));
        QVERIFY(!hasAppEvent(r.events, QStringLiteral("tcp-server"), ev::Listening));
        if (!r.wire)
            return;
        const Ladder l = Ladder::fromEvents(r.events);
        const QStringList s = statesOf(l);
        // One end (at least) passed SYN-SENT -> SYN-RECEIVED, which no client-server
        // connection ever does; neither started in LISTEN.
        QVERIFY2(s.filter(QStringLiteral("LISTEN")).isEmpty(),
                 qPrintable(s.join(QLatin1Char(' '))));
        QVERIFY2(!s.filter(QStringLiteral("SYN-RECEIVED")).isEmpty(),
                 qPrintable(s.join(QLatin1Char(' '))));
        QVERIFY(s.contains(QStringLiteral("0:ESTABLISHED")));
        QVERIFY(s.contains(QStringLiteral("1:ESTABLISHED")));
        QVERIFY(arrowsOf(l).filter(QStringLiteral("RST")).isEmpty());
    }

    // A connection to a peer that is not the lab's (only the client's app events): the
    // model still draws the whole exchange, taking the peer's FIN from the kernel's states.
    void modelFromOneSide()
    {
        const Run r = run("teardown");
        std::vector<Event> clientOnly;
        for (const Event& e : r.events) {
            if (e.source != ev::Wire && e.socket != QLatin1String("tcp-conn-1") &&
                e.socket != QLatin1String("tcp-server"))
                clientOnly.push_back(e);
        }
        const std::vector<Event> model = TcpModel::derive(clientOnly);
        QStringList flags;
        for (const Event& e : model) {
            if (e.event == ev::Segment)
                flags << e.flags;
        }
        QCOMPARE(flags.mid(0, 3), (QStringList{"SYN", "SYN,ACK", "ACK"}));
        QCOMPARE(flags.filter(QStringLiteral("FIN")).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
