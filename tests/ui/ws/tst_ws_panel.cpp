// The WebSocket panel offscreen: start, connect, send, ping, close with a code, drop; the
// opening handshake shown byte for byte from the server's side (also for a lab client, whose
// QWebSocket hides its own), the accept value checked, and the ladder where capture runs.
#include "core/base/timeline.h"
#include "core/observe/wire_capture.h"
#include "core/ws/ws_lab.h"
#include "test_util.h"
#include "ui/ladder/ladder_view.h"
#include "ui/log/event_log_model.h"
#include "ui/log/event_log_panel.h"
#include "ui/log/socket_list_model.h"
#include "ui/ws/ws_panel.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>

using netstage::Timeline;
using netstage::WsPanel;
namespace ev = netstage::ev;

namespace {
int closeCode(const Timeline& tl, const QString& s)
{
    const auto c = testutil::first(tl, {s, ev::Close, ev::App});
    return c ? c->extra.value(QStringLiteral("close_code")).toInt(-1) : -2;
}
} // namespace

class TstWsPanel : public QObject
{
    Q_OBJECT
private slots:
    void handshakeShownFromBothEnds();
    void sendPingClose();
    void dropGives1006();
    void ladderOrAPlainNote();
    void mistakesGetAPlainNote();
};

void TstWsPanel::handshakeShownFromBothEnds()
{
    Timeline tl;
    WsPanel panel(&tl, nullptr, nullptr);
    panel.resize(1400, 900);
    panel.show();
    panel.setPort(0);
    QVERIFY(panel.startServer());
    const quint16 port = panel.lab()->serverPort();
    QCOMPARE(panel.findChild<QLineEdit*>(QStringLiteral("wsUrlEdit"))->text(),
             QStringLiteral("ws://127.0.0.1:%1/").arg(port));
    const QString c = panel.connectClient();
    QCOMPARE(c, QStringLiteral("ws-client-1"));
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, ev::Connect}), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(panel.selectedSocket(), c, 5000);
    // The client's view: its own bytes hidden, the server's view of the same handshake shown.
    QTRY_VERIFY_WITH_TIMEOUT(
        panel.handshakeView()->toPlainText().contains(QStringLiteral("GET / HTTP/1.1")), 5000);
    const QString client = panel.handshakeView()->toPlainText();
    QVERIFY(client.contains(QStringLiteral("hides")));
    QVERIFY(client.contains(QStringLiteral("ws-conn-1")));
    QVERIFY(client.contains(QStringLiteral("101 Switching Protocols")));
    QVERIFY(client.contains(QStringLiteral("258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
    QVERIFY(client.contains(QStringLiteral("matches ✓")));
    // The server's connection.
    QVERIFY(panel.selectSocket(QStringLiteral("ws-conn-1")));
    const QString server = panel.handshakeView()->toPlainText();
    QVERIFY(server.contains(QStringLiteral("Sec-WebSocket-Key:")));
    QVERIFY(server.contains(QStringLiteral("Upgrade: websocket↵")));
    QVERIFY(!server.contains(QStringLiteral("hides")));
}

void TstWsPanel::sendPingClose()
{
    Timeline tl;
    WsPanel panel(&tl, nullptr, nullptr);
    panel.show();
    panel.setPort(0);
    QVERIFY(panel.startServer());
    const QString c = panel.connectClient();
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, ev::Connect}), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(panel.selectedSocket(), c, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        panel.findChild<QPushButton*>(QStringLiteral("wsSendButton"))->isEnabled(), 5000);
    panel.setMessage(QStringLiteral("你好 class"));
    QVERIFY(panel.sendMessage());
    QVERIFY(panel.pingSelected());
    QTRY_VERIFY_WITH_TIMEOUT(
        testutil::count(tl, {c, QStringLiteral("frame"), ev::App, ev::In}) >= 2, 5000);
    // The log follows the selected socket.
    QTRY_VERIFY_WITH_TIMEOUT(panel.logPanel()->shownSocket() == c, 5000);
    panel.setCloseCode(4000, QStringLiteral("class over"));
    QVERIFY(panel.closeSelected());
    QTRY_COMPARE_WITH_TIMEOUT(closeCode(tl, c), 4000, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(closeCode(tl, QStringLiteral("ws-conn-1")), 4000, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        !panel.findChild<QPushButton*>(QStringLiteral("wsSendButton"))->isEnabled(), 5000);
}

void TstWsPanel::dropGives1006()
{
    Timeline tl;
    WsPanel panel(&tl, nullptr, nullptr);
    panel.show();
    panel.setPort(0);
    QVERIFY(panel.startServer());
    const QString c = panel.connectClient();
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, ev::Connect}), 5000);
    QVERIFY(panel.selectSocket(QStringLiteral("ws-conn-1")));
    QVERIFY(panel.abortSelected());
    QTRY_COMPARE_WITH_TIMEOUT(closeCode(tl, c), 1006, 5000);
    QCOMPARE(closeCode(tl, QStringLiteral("ws-conn-1")), 1006);
}

void TstWsPanel::ladderOrAPlainNote()
{
    Timeline tl;
    netstage::WireCapture wire(&tl);
    const bool capturing = wire.start();
    WsPanel panel(&tl, nullptr, &wire);
    panel.show();
    panel.setPort(0);
    QVERIFY(panel.startServer());
    const QString c = panel.connectClient();
    QTRY_VERIFY_WITH_TIMEOUT(testutil::has(tl, {c, ev::Connect}), 5000);
    panel.setMessage(QStringLiteral("over the wire"));
    QTRY_VERIFY_WITH_TIMEOUT(panel.sendMessage(), 5000);
    QVERIFY(panel.selectSocket(QStringLiteral("ws-conn-1")));
    panel.detailTabs()->setCurrentIndex(1);
    auto* stack = panel.findChild<QStackedWidget*>(QStringLiteral("wsLadderStack"));
    QVERIFY(stack);
    if (!capturing) {
        QCOMPARE(stack->currentWidget()->metaObject()->className(), "QLabel");
        QVERIFY(static_cast<QLabel*>(stack->currentWidget())
                    ->text()
                    .contains(QStringLiteral("permission")));
        return;
    }
    // With capture: SYN, SYN+ACK, ACK, the upgrade and the frames, all on one ladder.
    QTRY_VERIFY2_WITH_TIMEOUT(
        stack->currentWidget() == panel.ladderView() &&
            panel.ladderView()->ladder().arrows.size() >= 5,
        qPrintable(QStringLiteral("%1 arrows; %2")
                       .arg(panel.ladderView()->ladder().arrows.size())
                       .arg(QString::fromUtf8(testutil::dump(tl).left(3000)))),
        5000);
    const auto& arrows = panel.ladderView()->ladder().arrows;
    QCOMPARE(arrows.front().flags, QStringLiteral("SYN"));
}

void TstWsPanel::mistakesGetAPlainNote()
{
    Timeline tl;
    WsPanel panel(&tl, nullptr, nullptr);
    panel.setUrl(QStringLiteral("http://127.0.0.1/"));
    QVERIFY(panel.connectClient().isEmpty());
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("wsClientNote"))
                ->text()
                .contains(QStringLiteral("ws://")));
    // Nothing selected: the actions are off.
    QVERIFY(!panel.findChild<QPushButton*>(QStringLiteral("wsSendButton"))->isEnabled());
    WsPanel other(&tl, nullptr, nullptr);
    panel.setPort(0);
    QVERIFY(panel.startServer());
    other.setPort(panel.lab()->serverPort());
    QVERIFY(!other.startServer());
    QVERIFY(other.findChild<QLabel*>(QStringLiteral("wsServerNote"))
                ->text()
                .contains(QStringLiteral("EADDRINUSE")));
}

QTEST_MAIN(TstWsPanel)
#include "tst_ws_panel.moc"
