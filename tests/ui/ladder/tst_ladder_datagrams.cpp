// Datagrams on the ladder, from real UDP sockets on loopback (the UDP lab, its relay): one lane
// per endpoint in the order they appear, one arrow per datagram with no states, a datagram the
// relay dropped ends halfway, a delayed one reaches down to the row where it arrived. DNS
// datagrams (the URL walk's events, docs/EVENTS.md) are labelled with their question
// and answer. The pictures land in the build directory for a person to look at.
#include "core/base/timeline.h"
#include "core/cli/cli.h"
#include "core/ladder/ladder.h"
#include "core/observe/wire_capture.h"
#include "core/udp/udp_lab.h"
#include "core/ws/ws_lab.h"
#include "ui/ladder/ladder_explainer.h"
#include "ui/ladder/ladder_painter.h"
#include "ui/ladder/ladder_view.h"

#include <QFile>
#include <QJsonArray>
#include <QtTest>

using namespace netstage;

namespace {

int countOf(const Ladder& l, LadderItem::Kind kind)
{
    return int(std::count_if(l.items.begin(), l.items.end(),
                             [kind](const LadderItem& it) { return it.kind == kind; }));
}

int itemOfArrow(const Ladder& l, int arrow)
{
    for (int i = 0; i < int(l.items.size()); ++i) {
        if (l.items[std::size_t(i)].kind == LadderItem::Kind::Arrow &&
            l.items[std::size_t(i)].index == arrow)
            return i;
    }
    return -1;
}

int countEvents(const std::vector<Event>& events, const QString& socket, const QString& event,
                const QString& dir = {})
{
    return int(std::count_if(events.begin(), events.end(), [&](const Event& e) {
        return e.socket == socket && e.event == event && (dir.isEmpty() || e.dir == dir);
    }));
}

Event dns(qint64 t, const QString& socket, const QString& event, const QString& dir,
          const QString& local, const QString& remote, const QJsonObject& extra)
{
    Event e;
    e.t_us = t;
    e.socket = socket;
    e.proto = QStringLiteral("dns");
    e.event = event;
    e.source = ev::App;
    e.dir = dir;
    e.local = local;
    e.remote = remote;
    e.bytes = 40;
    e.payload = QByteArray(12, '\x01');
    e.extra = extra;
    return e;
}

} // namespace

class TestLadderDatagrams : public QObject
{
    Q_OBJECT

    Timeline timeline_;
    std::vector<Event> events_;
    int sink_ = -1;

private slots:
    // English as the app shows it: the plural forms come from the English translation.
    void initTestCase() { installTranslators(qApp, QStringLiteral("en")); }
    void init()
    {
        events_.clear();
        sink_ = timeline_.addSink([this](const Event& e) { events_.push_back(e); });
    }
    void cleanup() { timeline_.removeSink(sink_); }

    // The tutorial's exchange with an echo: two arrows, two lanes, no state anywhere.
    void directEcho()
    {
        UdpLab lab(&timeline_);
        UdpServerOptions so;
        so.port = 0;
        so.preset = UdpPreset::Echo;
        QVERIFY(lab.startServer(so));
        const QString c = lab.openClient(QStringLiteral("127.0.0.1"), lab.serverPort());
        QVERIFY(!c.isEmpty());
        QVERIFY(lab.send(c, QByteArrayLiteral("hello")));
        QTRY_COMPARE_WITH_TIMEOUT(countEvents(events_, c, QStringLiteral("message"), ev::In), 1,
                                  3000);
        const Ladder l = Ladder::fromEvents(events_);
        QCOMPARE(int(l.lanes.size()), 2);
        QCOMPARE(l.lanes[0].label, c);
        QCOMPARE(l.lanes[0].role, QStringLiteral("client"));
        QCOMPARE(l.lanes[0].proto, QStringLiteral("udp"));
        QCOMPARE(l.lanes[1].label, QStringLiteral("udp-server"));
        QCOMPARE(l.lanes[1].endpoint, QStringLiteral("127.0.0.1:%1").arg(lab.serverPort()));
        QCOMPARE(l.datagrams, 2);
        QCOMPARE(int(l.arrows.size()), 2);
        QCOMPARE(countOf(l, LadderItem::Kind::State), 0); // UDP has no states to show
        const LadderArrow& there = l.arrows[0];
        const LadderArrow& back = l.arrows[1];
        QVERIFY(there.datagram);
        QCOMPARE(there.from, 0);
        QCOMPARE(there.to, 1);
        QCOMPARE(there.len, 5);
        QCOMPARE(there.label, QStringLiteral("“hello”"));
        QVERIFY(there.arriveUs >= there.t_us);
        QCOMPARE(back.from, 1);
        QCOMPARE(back.to, 0);
        QVERIFY(back.t_us >= there.arriveUs);
        QVERIFY(back.arriveUs >= back.t_us);
        // Each arrives in the next row, so its arrival is its head, not a marker of its own.
        QVERIFY(std::none_of(l.markers.begin(), l.markers.end(), [](const LadderMarker& m) {
            return m.event == QLatin1String("message");
        }));
        const QString text = l.toText();
        QVERIFY2(text.contains(QStringLiteral("0 ~~UDP 5 B ~~▶ 1  “hello”")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("0 ◀~~UDP 5 B ~~ 1")), qPrintable(text));
        lab.closeAll();
    }

    // Two clients of one server: the clients stand left of it, in the order they spoke.
    void clientsLeftOfTheirServer()
    {
        UdpLab lab(&timeline_);
        UdpServerOptions so;
        so.port = 0;
        QVERIFY(lab.startServer(so)); // seed: answers nothing
        const QString a = lab.openClient(QStringLiteral("127.0.0.1"), lab.serverPort());
        const QString b = lab.openClient(QStringLiteral("127.0.0.1"), lab.serverPort());
        QVERIFY(lab.send(a, QByteArrayLiteral("one")));
        QTRY_COMPARE_WITH_TIMEOUT(
            countEvents(events_, QStringLiteral("udp-server"), QStringLiteral("message")), 1, 3000);
        QVERIFY(lab.send(b, QByteArrayLiteral("two")));
        QTRY_COMPARE_WITH_TIMEOUT(
            countEvents(events_, QStringLiteral("udp-server"), QStringLiteral("message")), 2, 3000);
        const Ladder l = Ladder::fromEvents(events_);
        QCOMPARE(int(l.lanes.size()), 3);
        QCOMPARE(l.lanes[0].label, a);
        QCOMPARE(l.lanes[1].label, b);
        QCOMPARE(l.lanes[2].label, QStringLiteral("udp-server"));
        QCOMPARE(l.arrows[0].to, 2);
        QCOMPARE(l.arrows[1].from, 1);
        QCOMPARE(l.arrows[1].to, 2);
        lab.closeAll();
    }

    // Through the relay with 50 % loss (a fixed seed, so the same datagrams die every run):
    // the relay is no lane; each lost datagram is an arrow that never arrives, each other one
    // arrives where the server saw it. The drops on the ladder are the relay's drops.
    void relayDropsEndHalfway()
    {
        UdpLab lab(&timeline_);
        UdpServerOptions so;
        so.port = 0;
        so.preset = UdpPreset::Echo;
        QVERIFY(lab.startServer(so));
        UdpRelayOptions ro;
        ro.loss = 0.5;
        ro.seed = 7;
        lab.setRelayOptions(ro);
        UdpClientOptions co;
        co.viaRelay = true;
        const QString c = lab.openClient(QStringLiteral("127.0.0.1"), lab.serverPort(), co);
        QVERIFY(!c.isEmpty());
        QVERIFY(lab.sendRepeated(c, QByteArrayLiteral("n{n}"), 8, 5));
        QTRY_VERIFY_WITH_TIMEOUT(!lab.isSending(c), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(lab.relay() && lab.relay()->pending() == 0, 5000);
        QTest::qWait(50); // the last echoes cross loopback
        const UdpRelay::Stats st = lab.relay()->stats();
        QVERIFY2(st.dropped >= 1 && st.forwarded >= 1, "seed 7 should both drop and forward");

        const Ladder l = Ladder::fromEvents(events_);
        QCOMPARE(int(l.lanes.size()), 2);
        QCOMPARE(l.lanes[0].label, c);
        QCOMPARE(l.lanes[1].label, QStringLiteral("udp-server"));
        int sent = 0, dropped = 0, arrived = 0;
        for (const LadderArrow& a : l.arrows) {
            QVERIFY(a.datagram);
            if (a.from == 0)
                ++sent;
            if (a.fate == QLatin1String("drop")) {
                ++dropped;
                QCOMPARE(a.arriveUs, -1);
            } else {
                QCOMPARE(a.fate, QStringLiteral("forward"));
                QVERIFY2(a.arriveUs >= a.t_us, qPrintable(a.label));
                ++arrived;
            }
        }
        QCOMPARE(sent, 8);
        QCOMPARE(quint64(dropped), st.dropped);
        QCOMPARE(quint64(arrived), st.forwarded);
        const int serverGot =
            countEvents(events_, QStringLiteral("udp-server"), QStringLiteral("message"), ev::In);
        const int towardServerArrived =
            int(std::count_if(l.arrows.begin(), l.arrows.end(),
                              [](const LadderArrow& a) { return a.from == 0 && a.arriveUs >= 0; }));
        QCOMPARE(towardServerArrived, serverGot);
        QVERIFY(l.toText().contains(QStringLiteral("✕ lost in the relay")));

        // The painter: a lost datagram says so under its arrow; PNG and SVG are written.
        const LadderPainter painter;
        LadderPainter::Options o;
        o.title = QStringLiteral("UDP through the relay, 50 % loss");
        int lost = -1;
        for (int i = 0; i < int(l.arrows.size()) && lost < 0; ++i) {
            if (l.arrows[std::size_t(i)].fate == QLatin1String("drop"))
                lost = itemOfArrow(l, i);
        }
        QVERIFY(lost >= 0);
        const QStringList texts = painter.itemTexts(l, lost, o);
        QVERIFY2(texts.contains(QStringLiteral("lost in the relay: never arrives")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.first().startsWith(QLatin1String("UDP ")));
        const QString why = LadderExplainer::paragraph(l, lost, LadderPainter::Numbers::Textbook);
        QVERIFY2(why.contains(QStringLiteral("UDP does not send it again")), qPrintable(why));
        QVERIFY(
            LadderExplainer::heading(l, lost).startsWith(QLatin1String("UDP datagram, 2 byte")));
        QString error;
        QVERIFY2(LadderPainter::writeImage(l, o, QStringLiteral("ladder_udp_relay.png"), &error),
                 qPrintable(error));
        QVERIFY2(LadderPainter::writeImage(l, o, QStringLiteral("ladder_udp_relay.svg"), &error),
                 qPrintable(error));
        QFile svg(QStringLiteral("ladder_udp_relay.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("lost in the relay"));
        lab.closeAll();
    }

    // A delay longer than the interval: datagrams are still on their way when the next ones
    // are sent, so each arrow reaches down to the row of its arrival.
    void delayedArrivalsReachDown()
    {
        UdpLab lab(&timeline_);
        UdpServerOptions so;
        so.port = 0;
        QVERIFY(lab.startServer(so));
        UdpRelayOptions ro;
        ro.delayMs = 80;
        ro.seed = 1;
        lab.setRelayOptions(ro);
        UdpClientOptions co;
        co.viaRelay = true;
        const QString c = lab.openClient(QStringLiteral("127.0.0.1"), lab.serverPort(), co);
        QVERIFY(lab.sendRepeated(c, QByteArrayLiteral("d{n}"), 3, 10));
        QTRY_COMPARE_WITH_TIMEOUT(
            countEvents(events_, QStringLiteral("udp-server"), QStringLiteral("message"), ev::In),
            3, 5000);
        const Ladder l = Ladder::fromEvents(events_);
        QCOMPARE(int(l.arrows.size()), 3);
        const LadderArrow& first = l.arrows[0];
        QCOMPARE(first.fate, QStringLiteral("delay"));
        QCOMPARE(first.delayMs, 80);
        QVERIFY(first.arriveUs - first.t_us >= 75000);
        const int own = itemOfArrow(l, 0);
        QVERIFY2(first.arriveItem > own + 1, qPrintable(l.toText()));
        const LadderItem& at = l.items[std::size_t(first.arriveItem)];
        QCOMPARE(at.kind, LadderItem::Kind::Marker);
        QCOMPARE(l.markers[std::size_t(at.index)].text, QStringLiteral("message ← 2 B “d1”"));
        // The sends of the other two come between: the arrows cross nothing but time.
        QVERIFY(itemOfArrow(l, 1) < first.arriveItem);

        const LadderPainter painter;
        LadderPainter::Options o;
        const LadderPainter::Layout lay = painter.layout(l, o);
        const QRectF sent = painter.itemRect(l, lay, own, o);
        QVERIFY(!sent.isEmpty());
        QString error;
        QVERIFY2(LadderPainter::writeImage(l, o, QStringLiteral("ladder_udp_delay.png"), &error),
                 qPrintable(error));
        lab.closeAll();
    }

    // Duplicated: a second arrow for the second copy, both arriving. Held back: the first
    // datagram arrives after the second one.
    void duplicateAndReorder()
    {
        UdpLab lab(&timeline_);
        UdpServerOptions so;
        so.port = 0;
        QVERIFY(lab.startServer(so));
        UdpRelayOptions ro;
        ro.duplicate = 1.0;
        ro.seed = 5;
        lab.setRelayOptions(ro);
        UdpClientOptions co;
        co.viaRelay = true;
        const QString c = lab.openClient(QStringLiteral("127.0.0.1"), lab.serverPort(), co);
        QVERIFY(lab.send(c, QByteArrayLiteral("twice")));
        QTRY_COMPARE_WITH_TIMEOUT(
            countEvents(events_, QStringLiteral("udp-server"), QStringLiteral("message"), ev::In),
            2, 3000);
        Ladder l = Ladder::fromEvents(events_);
        QCOMPARE(int(l.arrows.size()), 2);
        QCOMPARE(l.arrows[0].fate, QStringLiteral("duplicate"));
        QCOMPARE(l.arrows[1].fate, QStringLiteral("copy"));
        QVERIFY(l.arrows[0].arriveUs >= 0 && l.arrows[1].arriveUs >= l.arrows[0].arriveUs);
        QCOMPARE(l.datagrams, 2);

        events_.clear();
        ro.duplicate = 0;
        ro.reorder = 1.0;
        lab.setRelayOptions(ro);
        QVERIFY(lab.sendRepeated(c, QByteArrayLiteral("r{n}"), 2, 20));
        QTRY_COMPARE_WITH_TIMEOUT(
            countEvents(events_, QStringLiteral("udp-server"), QStringLiteral("message"), ev::In),
            2, 3000);
        l = Ladder::fromEvents(events_);
        QCOMPARE(int(l.arrows.size()), 2);
        const LadderArrow& first = l.arrows[0];
        const LadderArrow& second = l.arrows[1];
        QCOMPARE(first.label, QStringLiteral("“r1”"));
        QCOMPARE(first.fate, QStringLiteral("reorder"));
        QVERIFY2(first.arriveUs > second.arriveUs, qPrintable(l.toText()));
        QVERIFY(first.arriveItem > 0); // it reaches down past the second one's send
        QVERIFY(l.toText().contains(QStringLiteral("held back by the relay")));
        QString error;
        QVERIFY2(LadderPainter::writeImage(l, LadderPainter::Options(),
                                           QStringLiteral("ladder_udp_reorder.png"), &error),
                 qPrintable(error));
        lab.closeAll();
    }

    // The URL walk's DNS datagrams (events as in docs/EVENTS.md): lanes in the order
    // the resolver talks to each server, labelled with the question and the answer.
    void dnsLabels()
    {
        const QString stub = QStringLiteral("127.0.0.1:40000"),
                      resolver = QStringLiteral("127.0.0.1:5300"),
                      root = QStringLiteral("127.0.0.1:5301"),
                      auth = QStringLiteral("127.0.0.1:5303");
        const QJsonObject q{{QStringLiteral("id"), 1},
                            {QStringLiteral("qname"), QStringLiteral("www.example.test")},
                            {QStringLiteral("qtype"), QStringLiteral("A")}};
        QJsonObject referral = q;
        referral.insert(QStringLiteral("referral"),
                        QJsonObject{{QStringLiteral("zone"), QStringLiteral("test.")},
                                    {QStringLiteral("server"), auth}});
        QJsonObject answer = q;
        answer.insert(QStringLiteral("answers"),
                      QJsonArray{QStringLiteral("www.example.test. 300 IN A 127.0.0.1")});
        answer.insert(QStringLiteral("rcode"), QStringLiteral("NOERROR"));
        const std::vector<Event> events = {
            dns(100, QStringLiteral("url-walk"), QStringLiteral("query"), ev::Out, stub, resolver,
                q),
            dns(130, QStringLiteral("dns-resolver"), QStringLiteral("query"), ev::In, resolver,
                stub, q),
            dns(200, QStringLiteral("dns-resolver"), QStringLiteral("query"), ev::Out, resolver,
                root, q),
            dns(230, QStringLiteral("dns-root"), QStringLiteral("query"), ev::In, root, resolver,
                q),
            dns(300, QStringLiteral("dns-root"), QStringLiteral("answer"), ev::Out, root, resolver,
                referral),
            dns(330, QStringLiteral("dns-resolver"), QStringLiteral("answer"), ev::In, resolver,
                root, referral),
            dns(400, QStringLiteral("dns-resolver"), QStringLiteral("query"), ev::Out, resolver,
                auth, q),
            dns(430, QStringLiteral("dns-auth"), QStringLiteral("query"), ev::In, auth, resolver,
                q),
            dns(500, QStringLiteral("dns-auth"), QStringLiteral("answer"), ev::Out, auth, resolver,
                answer),
            dns(530, QStringLiteral("dns-resolver"), QStringLiteral("answer"), ev::In, resolver,
                auth, answer),
            dns(600, QStringLiteral("dns-resolver"), QStringLiteral("answer"), ev::Out, resolver,
                stub, answer),
        };
        const Ladder l = Ladder::fromEvents(events);
        QCOMPARE(int(l.lanes.size()), 4);
        QCOMPARE(l.lanes[0].endpoint, stub);
        QCOMPARE(l.lanes[1].endpoint, resolver);
        QCOMPARE(l.lanes[1].label, QStringLiteral("dns-resolver"));
        QCOMPARE(l.lanes[2].endpoint, root);
        QCOMPARE(l.lanes[3].endpoint, auth);
        QCOMPARE(l.lanes[3].proto, QStringLiteral("dns"));
        QCOMPARE(int(l.arrows.size()), 6);
        QCOMPARE(l.arrows[0].label, QStringLiteral("A? www.example.test"));
        QCOMPARE(l.arrows[2].label, QStringLiteral("referral test."));
        QCOMPARE(l.arrows[4].label, QStringLiteral("A 127.0.0.1"));
        QCOMPARE(l.arrows[4].from, 3);
        QCOMPARE(l.arrows[4].to, 1);
        QCOMPARE(l.arrows[4].arriveUs, 530);
        QCOMPARE(l.arrows[5].arriveUs, -1); // nobody recorded the stub receiving it
        QCOMPARE(countOf(l, LadderItem::Kind::State), 0);
        const LadderPainter painter;
        LadderPainter::Options o;
        QCOMPARE(painter.itemTexts(l, itemOfArrow(l, 0), o).mid(0, 2),
                 (QStringList{QStringLiteral("DNS 40 B"), QStringLiteral("A? www.example.test")}));
        QString error;
        QVERIFY2(LadderPainter::writeImage(l, o, QStringLiteral("ladder_dns.png"), &error),
                 qPrintable(error));
    }

    // When lanes are added (the UDP side of a comparison, another DNS server) the view zooms
    // out once so that every lane is on screen; two lanes keep the teacher's zoom.
    void newLanesComeIntoView()
    {
        const QString a = QStringLiteral("127.0.0.1:40000"), b = QStringLiteral("127.0.0.1:5300"),
                      c = QStringLiteral("127.0.0.1:5301"), d = QStringLiteral("127.0.0.1:5302");
        const QJsonObject q{{QStringLiteral("qname"), QStringLiteral("x.test")}};
        std::vector<Event> two = {
            dns(100, QStringLiteral("s"), QStringLiteral("query"), ev::Out, a, b, q)};
        std::vector<Event> four = two;
        four.push_back(dns(200, QStringLiteral("r"), QStringLiteral("query"), ev::Out, b, c, q));
        four.push_back(dns(300, QStringLiteral("r"), QStringLiteral("query"), ev::Out, b, d, q));
        LadderView view;
        view.resize(1100, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setLadder(Ladder::fromEvents(two));
        QCOMPARE(view.zoom(), 1.0);
        view.setLadder(Ladder::fromEvents(four));
        QVERIFY2(view.zoom() < 1.0, qPrintable(QString::number(view.zoom())));
        const LadderPainter painter;
        LadderPainter::Options o;
        o.zoom = view.zoom();
        QVERIFY(painter.sizeFor(view.ladder(), o).width() <= view.width());
        // The teacher zooms in again: the same lanes do not undo it.
        view.setZoom(1.0);
        view.setLadder(Ladder::fromEvents(four));
        QCOMPARE(view.zoom(), 1.0);
    }

    // A WebSocket connection on one timeline (wire capture needed for the segments): TCP
    // handshake, then the upgrade (GET where the server read it, 101 where it answered), then
    // the frames, the closing handshake (close 1000 both ways), then the TCP teardown.
    void webSocketOnOneTimeline()
    {
        WireCapture wire(&timeline_);
        if (!wire.start())
            QSKIP("wire capture is not permitted here (root or setcap): no segments to draw");
        WsLab lab(&timeline_);
        lab.setWireCapture(&wire);
        WsServerOptions so;
        so.port = 0;
        QVERIFY(lab.startServer(so));
        const QString c = lab.connectTo(QStringLiteral("ws://127.0.0.1:%1/").arg(lab.serverPort()));
        QVERIFY(!c.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(countEvents(events_, c, ev::Connect), 1, 5000);
        QVERIFY(lab.sendText(c, QStringLiteral("hello")));
        QTRY_COMPARE_WITH_TIMEOUT(countEvents(events_, c, QStringLiteral("frame"), ev::In), 1,
                                  3000);
        QVERIFY(lab.ping(c));
        QTRY_COMPARE_WITH_TIMEOUT(countEvents(events_, c, QStringLiteral("frame"), ev::In), 2,
                                  3000);
        QVERIFY(lab.close(c, 1000));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(events_.begin(), events_.end(),
                                             [](const Event& e) {
                                                 return e.source == ev::Wire &&
                                                        e.flags.contains(QLatin1String("FIN"));
                                             }),
                                 5000);
        QTest::qWait(100);
        const Ladder l = Ladder::fromEvents(events_, ev::Wire);
        QCOMPARE(l.source, ev::Wire);
        QCOMPARE(int(l.lanes.size()), 2);
        QCOMPARE(l.lanes[0].label, c);
        // The story in item order: texts of arrows (flags) and markers.
        QStringList story;
        for (const LadderItem& it : l.items) {
            if (it.kind == LadderItem::Kind::Arrow)
                story << l.arrows[std::size_t(it.index)].flags;
            else if (it.kind == LadderItem::Kind::Marker)
                story << l.markers[std::size_t(it.index)].text;
        }
        const QString all = story.join(QLatin1Char('|'));
        auto at = [&story](const QString& s) {
            for (int i = 0; i < story.size(); ++i) {
                if (story[i].startsWith(s))
                    return i;
            }
            return -1;
        };
        // Both sides are on the ladder: the client's "→ text" is the server's "← text".
        const int syn = at(QStringLiteral("SYN"));
        const int get = at(QStringLiteral("← GET /"));
        const int switching = at(QStringLiteral("→ 101 Switching Protocols"));
        const int text = at(QStringLiteral("→ text 5 B"));
        const int textIn = at(QStringLiteral("← text 5 B"));
        const int ping = at(QStringLiteral("→ ping"));
        const int pong = at(QStringLiteral("→ pong"));
        const int close = at(QStringLiteral("→ close 1000"));
        const int closeIn = at(QStringLiteral("← close 1000"));
        const int fin = at(QStringLiteral("FIN"));
        QVERIFY2(syn >= 0 && syn < get && get < switching, qPrintable(all));
        QVERIFY2(switching < text && text < textIn, qPrintable(all));
        QVERIFY2(textIn < ping && ping < pong, qPrintable(all));
        QVERIFY2(pong < close && close < fin && closeIn > pong, qPrintable(all));
        QVERIFY2(story.count(QStringLiteral("→ close 1000")) == 2, qPrintable(all));
        // QWebSocket closes TCP right after its close frame; when the server's close frame
        // then reaches the closed socket, the kernel resets, and the explanation says why.
        int resets = 0;
        for (int i = 0; i < int(l.items.size()); ++i) {
            const LadderItem& it = l.items[std::size_t(i)];
            if (it.kind != LadderItem::Kind::Arrow)
                continue;
            const LadderArrow& a = l.arrows[std::size_t(it.index)];
            if (a.flags.contains(QLatin1String("RST")) && a.from == 0) {
                const QString why =
                    LadderExplainer::paragraph(l, i, LadderPainter::Numbers::Textbook);
                QVERIFY2(why.contains(QStringLiteral("already closed its socket")),
                         qPrintable(why));
                QVERIFY2(why.contains(QStringLiteral("QWebSocket")), qPrintable(why));
                ++resets;
            }
        }
        QVERIFY2(resets == 1, qPrintable(all));
        QString error;
        LadderPainter::Options o;
        o.title = QStringLiteral("WebSocket: handshake, upgrade, frames, close, teardown");
        QVERIFY2(LadderPainter::writeImage(l, o, QStringLiteral("ladder_ws.png"), &error),
                 qPrintable(error));
        lab.closeAll();
    }
};

QTEST_MAIN(TestLadderDatagrams)
#include "tst_ladder_datagrams.moc"
