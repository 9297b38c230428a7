// The UDP panel offscreen: the buttons drive the lab on real loopback sockets and what comes
// back is shown from events only: the socket list, the datagram picture (arrived, lost, out of
// order), the relay's counts, and a plain note when something cannot be done.
#include "core/base/timeline.h"
#include "core/udp/udp_lab.h"
#include "test_util.h"
#include "ui/log/event_log_model.h"
#include "ui/log/event_log_panel.h"
#include "ui/log/socket_list_model.h"
#include "ui/udp/udp_datagram_view.h"
#include "ui/udp/udp_panel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using netstage::Timeline;
using netstage::UdpPanel;
namespace ev = netstage::ev;

namespace {
QString text(const UdpPanel& p, const char* name)
{
    const auto* l = p.findChild<QLabel*>(QLatin1String(name));
    return l ? l->text() : QString();
}
} // namespace

class TstUdpPanel : public QObject
{
    Q_OBJECT
private slots:
    void startSendAndSee();
    void seriesThroughALossyRelay();
    void reorderingShows();
    void echoAndHex();
    void mistakesGetAPlainNote();
    void connectedSendToClosedPort();
    void usedPort();
};

void TstUdpPanel::startSendAndSee()
{
    Timeline tl;
    UdpPanel panel(&tl, nullptr, nullptr);
    panel.resize(1400, 900);
    panel.show();
    panel.setPort(0);
    QVERIFY(panel.startServer());
    QVERIFY(panel.lab()->isListening());
    const quint16 port = panel.lab()->serverPort();
    QCOMPARE(panel.findChild<QLineEdit*>(QStringLiteral("udpTargetEdit"))->text(),
             QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(text(panel, "udpServerNote").contains(QString::number(port)));
    QVERIFY(!panel.findChild<QPushButton*>(QStringLiteral("udpStartButton"))->isEnabled());

    panel.setMessage(QStringLiteral("hello {n}"));
    const QString c = panel.send();
    QCOMPARE(c, QStringLiteral("udp-client-1"));
    QTRY_COMPARE_WITH_TIMEOUT(panel.datagramView()->rows().size(), std::size_t(1), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(panel.datagramView()->rows()[0].arrivals, 1, 5000);
    QCOMPARE(panel.datagramView()->rows()[0].payload, QByteArray("hello 1"));
    QTRY_VERIFY_WITH_TIMEOUT(panel.socketModel()->rowOf(c) >= 0, 5000);
    QVERIFY(panel.socketModel()->rowOf(QStringLiteral("udp-server")) >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(panel.logPanel()->model()->rowCount() >= 4, 5000);
    // The same socket is reused while the target stays the same.
    QCOMPARE(panel.send(), c);
    panel.stopServer();
    QVERIFY(!panel.lab()->isListening());
    QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("udpStartButton"))->isEnabled());
}

void TstUdpPanel::seriesThroughALossyRelay()
{
    Timeline tl;
    UdpPanel panel(&tl, nullptr, nullptr);
    panel.show();
    panel.setPort(0);
    QVERIFY(panel.startServer());
    panel.setRelay(true, 50, 0, 0, 0, 0, 4242);
    panel.setCount(40, 2);
    const QString c = panel.send();
    QVERIFY(!c.isEmpty());
    QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("udpStopSendButton"))->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.lab()->isSending(c), 10000);
    const netstage::UdpRelay* relay = panel.lab()->relay();
    QVERIFY(relay);
    QTRY_COMPARE_WITH_TIMEOUT(relay->stats().received, quint64(40), 5000);
    const int lost = int(relay->stats().dropped);
    QVERIFY2(lost > 5 && lost < 35, qPrintable(QString::number(lost)));
    QTRY_COMPARE_WITH_TIMEOUT(panel.datagramView()->lostCount(), lost, 5000);
    int arrived = 0;
    for (const auto& r : panel.datagramView()->rows())
        arrived += r.arrivals > 0;
    QTRY_COMPARE_WITH_TIMEOUT(arrived + 0, 40 - lost, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        text(panel, "udpRelayStats").contains(QStringLiteral("%1 dropped").arg(lost)), 5000);
    QVERIFY(text(panel, "udpRelayStats").contains(QStringLiteral("seed 4242")));
}

void TstUdpPanel::reorderingShows()
{
    Timeline tl;
    UdpPanel panel(&tl, nullptr, nullptr);
    panel.show();
    panel.setPort(0);
    QVERIFY(panel.startServer());
    panel.setRelay(true, 0, 0, 100, 0, 0, 1);
    panel.setCount(6, 20);
    const QString c = panel.send();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.lab()->isSending(c), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(testutil::count(tl, {QStringLiteral("udp-server"),
                                                   QStringLiteral("message"), ev::App, ev::In}),
                              6, 5000);
    panel.datagramView()->flush();
    QCOMPARE(panel.datagramView()->outOfOrderCount(), 3); // 2,1,4,3,6,5: every odd one is late
    QVERIFY(panel.datagramView()->rows()[0].outOfOrder);
    QVERIFY(!panel.datagramView()->rows()[1].outOfOrder);
}

void TstUdpPanel::echoAndHex()
{
    Timeline tl;
    UdpPanel panel(&tl, nullptr, nullptr);
    panel.show();
    panel.setPort(0);
    auto* preset = panel.findChild<QComboBox*>(QStringLiteral("udpPresetCombo"));
    QVERIFY(preset);
    preset->setCurrentIndex(1); // echo
    QVERIFY(panel.startServer());
    panel.setMessage(QStringLiteral("48 69 00 ff"), true);
    const QString c = panel.send();
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, QStringLiteral("message"), ev::App, ev::In}),
                             5000);
    QCOMPARE(testutil::first(tl, {c, QStringLiteral("message"), ev::App, ev::In})->payload,
             QByteArray::fromHex("486900ff"));
}

void TstUdpPanel::mistakesGetAPlainNote()
{
    Timeline tl;
    UdpPanel panel(&tl, nullptr, nullptr);
    panel.setTarget(QStringLiteral("nowhere"));
    QVERIFY(panel.send().isEmpty());
    QVERIFY(text(panel, "udpClientNote").contains(QStringLiteral("host:port")));
    panel.setTarget(QStringLiteral("127.0.0.1:9"));
    panel.setMessage(QStringLiteral("zz"), true);
    QVERIFY(panel.send().isEmpty());
    QVERIFY(!text(panel, "udpClientNote").isEmpty());
    panel.setMessage(QStringLiteral("x"));
    panel.setSize(65508);
    panel.send(); // the socket is made, the datagram refused
    QTRY_VERIFY2_WITH_TIMEOUT(text(panel, "udpClientNote").contains(QStringLiteral("EMSGSIZE")),
                              qPrintable(text(panel, "udpClientNote")), 5000);
    QVERIFY(text(panel, "udpClientNote").contains(QStringLiteral("65,507")));
    panel.setSize(65507); // the largest that fits
    panel.send();
    QVERIFY(text(panel, "udpClientNote").contains(QStringLiteral("sent one datagram")));
}

void TstUdpPanel::connectedSendToClosedPort()
{
    Timeline tl;
    UdpPanel panel(&tl, nullptr, nullptr);
    panel.show();
    quint16 closed;
    {
        netstage::UdpLab probe(&tl);
        QVERIFY(probe.startServer({QStringLiteral("127.0.0.1"), 0, netstage::UdpPreset::Seed}));
        closed = probe.serverPort();
    }
    panel.setTarget(QStringLiteral("127.0.0.1:%1").arg(closed));
    panel.findChild<QCheckBox*>(QStringLiteral("udpConnectBox"))->setChecked(true);
    const QString c = panel.send();
    QVERIFY(!c.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::has(tl, {c, ev::Error, ev::App, {}, QStringLiteral("ECONNREFUSED")}), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(panel.socketModel()->find(c) &&
                                 panel.socketModel()->find(c)->lastError == "ECONNREFUSED",
                             5000);
}

void TstUdpPanel::usedPort()
{
    Timeline tl;
    UdpPanel a(&tl, nullptr, nullptr), b(&tl, nullptr, nullptr);
    a.setPort(0);
    QVERIFY(a.startServer());
    b.setPort(a.lab()->serverPort());
    QVERIFY(!b.startServer());
    QVERIFY(text(b, "udpServerNote").contains(QStringLiteral("EADDRINUSE")));
}

QTEST_MAIN(TstUdpPanel)
#include "tst_udp_panel.moc"
