// A language switch in the middle of a class: a UDP server, a WebSocket chat, an HTTP server
// and a finished URL walk on the screen, then Chinese from the menu. Nothing is asked, and all
// four are still there and still work, on real sockets (the window owns every lab; the panels
// are rebuilt over them, the URL panel retranslates itself in place).

#include "core/base/timeline.h"
#include "core/base/translators.h"
#include "core/http/http_server.h"
#include "core/udp/udp_lab.h"
#include "core/ws/ws_lab.h"
#include "ui/http/http_exchange_view.h"
#include "ui/http/http_panel.h"
#include "ui/shell/main_window.h"
#include "ui/udp/udp_panel.h"
#include "ui/url/url_panel.h"
#include "ui/url/url_step_model.h"
#include "ui/ws/ws_panel.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTextBrowser>
#include <QUdpSocket>
#include <QtTest>

using namespace netstage;

class TstLanguageSwitch : public QObject
{
    Q_OBJECT
private slots:
    void labsSurvive();
};

namespace {

// True when `socket` has an event `name` in direction `dir` (any: "") whose text holds `text` (a
// WebSocket client's messages arrive as `frame` events, a UDP server's as `message`).
bool heard(const Timeline* tl, const QString& socket, const QString& name, const QString& dir,
           const QString& text)
{
    for (quint64 i : tl->indicesOf(socket)) {
        const Event e = tl->at(i);
        if (e.event == name && (dir.isEmpty() || e.dir == dir) && e.text().contains(text))
            return true;
    }
    return false;
}

QString tabTitle(MainWindow* w, QWidget* panel)
{
    auto* tabs = w->findChild<QTabWidget*>(QStringLiteral("labTabs"));
    return tabs->tabText(tabs->indexOf(panel));
}

} // namespace

void TstLanguageSwitch::labsSurvive()
{
    installTranslators(qApp, QStringLiteral("en"));
    MainWindow w;
    w.resize(1400, 900);
    w.show();

    // UDP: the seed server on a free port.
    auto* udp = w.findChild<UdpPanel*>();
    QVERIFY(udp);
    udp->setPort(0);
    QVERIFY(udp->startServer());
    const quint16 udpPort = w.udpLab()->serverPort();
    QVERIFY(udpPort > 0);

    // WebSocket: a chat server and two clients.
    auto* ws = w.findChild<WsPanel*>();
    QVERIFY(ws);
    ws->setPort(0);
    QVERIFY(ws->startServer());
    w.wsLab()->setPreset(WsPreset::Chat);
    const quint16 wsPort = w.wsLab()->serverPort();
    ws->setUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(wsPort));
    const QString a = ws->connectClient();
    const QString b = ws->connectClient();
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    // Open: each client saw its `connect` (the 101 came back).
    QTRY_VERIFY_WITH_TIMEOUT(heard(w.timeline(), a, ev::Connect, QString(), QString()) &&
                                 heard(w.timeline(), b, ev::Connect, QString(), QString()),
                             5000);
    QVERIFY(w.wsLab()->sendText(a, QStringLiteral("before")));
    QTRY_VERIFY_WITH_TIMEOUT(
        heard(w.timeline(), b, QStringLiteral("frame"), ev::In, QStringLiteral("before")), 5000);

    // HTTP: the demo site on a free port.
    w.httpPanel()->setPort(0);
    QVERIFY(w.httpPanel()->startServer());
    const quint16 httpPort = w.httpServer()->port();
    QVERIFY(httpPort > 0);

    // The URL walk, to the end, on the screen.
    UrlPanel* url = w.urlPanel();
    QSignalSpy walked(url, &UrlPanel::walkFinished);
    QVERIFY(url->go());
    QVERIFY(walked.wait(20000));
    QCOMPARE(walked.first().at(0).toBool(), true);
    // The timeline hands events on after its reorder window (50 ms): the last steps follow.
    QTRY_VERIFY2_WITH_TIMEOUT(url->stepModel()->phaseCount() >= 12,
                              qPrintable(QString::number(url->stepModel()->phaseCount())), 3000);
    const int phases = url->stepModel()->phaseCount();
    const QString page = url->pageView()->documentTitle();
    QVERIFY(!page.isEmpty());
    QCOMPARE(tabTitle(&w, url), QStringLiteral("URL → page"));

    // Chinese, from the menu, as a teacher does it: no question comes up.
    QAction* zh = w.menuBar()->findChild<QAction*>(QStringLiteral("language_zh_CN"));
    QVERIFY(zh);
    QSignalSpy changed(&w, &MainWindow::languageChanged);
    zh->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 5000);
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(w.language(), QStringLiteral("zh_CN"));

    // UDP: the same server, bound to the same port, hears a new datagram; the new panel
    // shows it bound.
    QVERIFY(w.udpLab()->isListening());
    QCOMPARE(w.udpLab()->serverPort(), udpPort);
    QVERIFY(w.findChild<UdpPanel*>() != nullptr);
    QCOMPARE(w.findChild<UdpPanel*>()->lab(), w.udpLab());
    QUdpSocket sender;
    QVERIFY(sender.writeDatagram(QByteArray("after the switch"), QHostAddress::LocalHost, udpPort) >
            0);
    QTRY_VERIFY_WITH_TIMEOUT(heard(w.timeline(), UdpLab::kServerId, QStringLiteral("message"),
                                   ev::In, QStringLiteral("after the switch")),
                             5000);

    // WebSocket: both clients still open, and the chat still carries a message from a to b.
    QVERIFY(w.wsLab()->isListening());
    QCOMPARE(w.wsLab()->serverPort(), wsPort);
    QVERIFY(w.wsLab()->isOpen(a));
    QVERIFY(w.wsLab()->isOpen(b));
    QVERIFY(w.wsLab()->sendText(a, QStringLiteral("你好，之后")));
    QTRY_VERIFY_WITH_TIMEOUT(
        heard(w.timeline(), b, QStringLiteral("frame"), ev::In, QStringLiteral("你好，之后")),
        5000);

    // HTTP: the same server answers a new request.
    QVERIFY(w.httpServer()->isListening());
    QCOMPARE(w.httpServer()->port(), httpPort);
    QTcpSocket get;
    get.connectToHost(QHostAddress::LocalHost, httpPort);
    QVERIFY(get.waitForConnected(5000));
    get.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += get.readAll()).startsWith("HTTP/1.1 200"), 5000);

    // The URL walk: the same panel, the same steps and page, its tab now in Chinese.
    QCOMPARE(w.urlPanel(), url);
    QCOMPARE(url->stepModel()->phaseCount(), phases);
    QCOMPARE(url->pageView()->documentTitle(), page);
    QVERIFY2(tabTitle(&w, url) != QStringLiteral("URL → page"), qPrintable(tabTitle(&w, url)));
    QVERIFY(url->isVisible() || w.currentView() != QStringLiteral("url"));

    // And back to English: still the same labs.
    QVERIFY(w.setLanguage(QStringLiteral("en"), false));
    QCOMPARE(w.udpLab()->serverPort(), udpPort);
    QVERIFY(w.wsLab()->isOpen(a));
    QVERIFY(w.httpServer()->isListening());
    QCOMPARE(tabTitle(&w, url), QStringLiteral("URL → page"));
}

QTEST_MAIN(TstLanguageSwitch)
#include "tst_language_switch.moc"
