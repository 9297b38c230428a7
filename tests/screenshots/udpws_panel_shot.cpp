// Draws the UDP or the WebSocket panel after a short real demo and writes a PNG, for the
// screenshot tests under xvfb-run (and for looking at them).
// Usage: udpws_panel_shot FILE.png udp|ws|ws-ladder [en|zh_CN]
//   udp        12 datagrams through a relay that loses 25% and reorders 20% (seed 7)
//   ws         two clients: an echo, a ping, one closes with 1000; the handshake as the server saw
//   it ws-ladder  the same connection's ladder (from the wire capture where it is permitted)
#include "core/base/timeline.h"
#include "core/cli/cli.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/udp/udp_lab.h"
#include "core/ws/ws_lab.h"
#include "ui/udp/udp_panel.h"
#include "ui/ws/ws_panel.h"

#include <QApplication>
#include <QTabWidget>
#include <QTest>

#include <cstdio>

using namespace netstage;

namespace {

bool save(QWidget* w, const char* file)
{
    const QImage img = w->grab().toImage();
    if (!img.save(QString::fromLocal8Bit(file))) {
        std::fprintf(stderr, "cannot write %s\n", file);
        return false;
    }
    std::printf("wrote %s (%dx%d)\n", file, img.width(), img.height());
    return true;
}

int udp(Timeline* tl, const char* file)
{
    UdpPanel panel(tl, nullptr, nullptr);
    panel.setWindowTitle(QStringLiteral("NetStage — UDP"));
    panel.resize(1400, 900);
    panel.show();
    panel.setPort(0);
    if (!panel.startServer())
        return 1;
    panel.setRelay(true, 25, 0, 20, 0, 0, 7);
    panel.setMessage(QStringLiteral("hello {n}"));
    panel.setCount(12, 40);
    const QString c = panel.send();
    if (c.isEmpty())
        return 1;
    if (!QTest::qWaitFor([&] { return !panel.lab()->isSending(c); }, 10000))
        std::fprintf(stderr, "the series did not finish\n");
    QTest::qWait(600); // the held-back datagram and the views' frame timers
    return save(&panel, file) ? 0 : 1;
}

int ws(Timeline* tl, KernelObserver* observer, WireCapture* wire, const char* file, bool ladder)
{
    WsPanel panel(tl, observer, wire);
    panel.setWindowTitle(QStringLiteral("NetStage — WebSocket"));
    panel.resize(1400, 900);
    panel.show();
    panel.setPort(0);
    if (!panel.startServer())
        return 1;
    const QString a = panel.connectClient();
    if (!QTest::qWaitFor([&] { return panel.lab()->isOpen(a) && panel.selectedSocket() == a; },
                         5000))
        std::fprintf(stderr, "the first client did not open\n");
    QTest::qWait(100);
    panel.lab()->sendText(a, QStringLiteral("你好, WebSocket!"));
    QTest::qWait(60);
    panel.lab()->ping(a, QByteArrayLiteral("are you there"));
    QTest::qWait(60);
    const QString b = panel.connectClient();
    QTest::qWait(150);
    panel.lab()->sendText(b, QStringLiteral("hello class"));
    QTest::qWait(60);
    panel.lab()->close(b, 1000, QStringLiteral("bye"));
    QTest::qWait(300);
    panel.selectSocket(QStringLiteral("ws-conn-1"));
    panel.detailTabs()->setCurrentIndex(ladder ? 1 : 0);
    QTest::qWait(700); // kernel states, the log's frame timer
    return save(&panel, file) ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: udpws_panel_shot FILE.png udp|ws|ws-ladder [en|zh_CN]\n");
        return 2;
    }
    installTranslators(&app, argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString());
    QFont f = app.font();
    if (f.pointSizeF() > 0 && f.pointSizeF() < 11) { // what the app does for the back row
        f.setPointSizeF(11);
        app.setFont(f);
    }
    Timeline timeline;
    KernelObserver observer(&timeline);
    WireCapture wire(&timeline);
    wire.start();
    const QByteArray what = argv[2];
    if (what == "udp")
        return udp(&timeline, argv[1]);
    if (what == "ws" || what == "ws-ladder")
        return ws(&timeline, &observer, &wire, argv[1], what == "ws-ladder");
    std::fprintf(stderr, "unknown view %s\n", argv[2]);
    return 2;
}
