#include "ui/shell/gui.h"

#include "core/base/timeline.h"
#include "core/http/http_server.h"
#include "core/ladder/ladder.h"
#include "core/lessons/lesson.h"
#include "core/lessons/replay_player.h"
#include "core/observe/wire_capture.h"
#include "core/tcp/tcp_lab.h"
#include "core/tls/https_client.h"
#include "core/udp/udp_lab.h"
#include "core/url/url_walk.h"
#include "core/ws/ws_lab.h"
#include "ui/http/http_exchange_view.h"
#include "ui/http/http_panel.h"
#include "ui/http/https_pane.h"
#include "ui/ladder/ladder_view.h"
#include "ui/lessons/lesson_panel.h"
#include "ui/osi/osi_panel.h"
#include "ui/osi/packet_layers_view.h"
#include "ui/shell/main_window.h"
#include "ui/shell/presentation.h"
#include "ui/shell/shortcuts_overlay.h"
#include "ui/tcp/tcp_panel.h"
#include "ui/udp/udp_panel.h"
#include "ui/url/url_panel.h"
#include "ui/url/url_step_model.h"
#include "ui/ws/ws_panel.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFont>
#include <QImage>
#include <QListWidget>
#include <QPixmap>
#include <QPointer>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTcpServer>
#include <QTimer>
#include <QTreeView>
#include <cstdio>

namespace netstage {

namespace {

constexpr int kShotWidth = 1400;
constexpr int kShotHeight = 900;
// A classroom reads from the back row: never smaller than this.
constexpr qreal kMinPointSize = 11.0;

void applyReadableFont(QApplication& app)
{
    QFont f = app.font();
    if (f.pointSizeF() > 0 && f.pointSizeF() < kMinPointSize) {
        f.setPointSizeF(kMinPointSize);
        app.setFont(f);
    }
}

bool portIsFree(quint16 port)
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}

// The screenshot's short demo, driven through the panel as a user would: start the seed
// server, connect a client, say hello, half-close; then leave time for the replies and for
// the kernel observer to see FIN-WAIT-2 / TIME-WAIT.
void runDemoThenShoot(QApplication& app, MainWindow* window, const QString& file)
{
    TcpPanel* panel = window->tcpPanel();
    auto* port = panel->findChild<QSpinBox*>(QStringLiteral("serverPortSpin"));
    if (port && !portIsFree(quint16(port->value())))
        port->setValue(0); // 8124 is taken: let the kernel pick one
    if (!panel->startServer() && port) {
        port->setValue(0);
        panel->startServer();
    }
    const QString client = panel->connectClient();

    QPointer<MainWindow> w(window);
    QTimer::singleShot(250, window, [w, client] {
        if (w && !client.isEmpty())
            w->tcpLab()->send(client, QByteArrayLiteral("hello"));
    });
    QTimer::singleShot(450, window, [w, client] {
        if (w && !client.isEmpty())
            w->tcpLab()->halfClose(client);
    });
    if (file.isEmpty())
        return; // another view takes the picture
    QTimer::singleShot(1100, window, [w, file, &app] {
        if (!w) {
            app.exit(1);
            return;
        }
        const QPixmap shot = w->grab();
        if (shot.isNull() || !shot.save(file, "PNG")) {
            std::fprintf(stderr, "netstage: %s\n",
                         qPrintable(QCoreApplication::translate("netstage::Gui",
                                                                "cannot write the screenshot %1")
                                        .arg(file)));
            app.exit(1);
            return;
        }
        app.exit(0);
    });
}

void shoot(QApplication& app, QWidget* window, const QString& file)
{
    const QPixmap shot = window->grab();
    if (shot.isNull() || !shot.save(file, "PNG")) {
        std::fprintf(stderr, "netstage: %s\n",
                     qPrintable(QCoreApplication::translate("netstage::Gui",
                                                            "cannot write the screenshot %1")
                                    .arg(file)));
        app.exit(1);
        return;
    }
    app.exit(0);
}

// The lessons view's picture: the teardown lesson really run, then the replay placed
// mid-handshake (just after the SYN+ACK) or at the end (the client in TIME-WAIT).
void runLessonThenShoot(QApplication& app, MainWindow* window, const QString& file,
                        bool midHandshake, const QString& lessonName = QStringLiteral("teardown"),
                        bool overlay = false)
{
    LessonPanel* panel = window->lessonPanel();
    panel->setAutoStepDelay(150);
    QPointer<MainWindow> w(window);
    QObject::connect(panel, &LessonPanel::lessonFinished, window,
                     [w, panel, file, midHandshake, overlay, &app] {
                         if (!w)
                             return;
                         const Ladder& l = panel->ladder();
                         int position = int(l.items.size());
                         // A comparison: stop just after the last datagram, the TCP side's
                         // teardown still to come.
                         for (int i = 0; i < int(l.items.size()); ++i) {
                             if (l.items[i].kind == LadderItem::Kind::Arrow &&
                                 l.arrows[l.items[i].index].datagram)
                                 position = i + 1;
                         }
                         if (midHandshake) {
                             int arrows = 0;
                             for (int i = 0; i < int(l.items.size()); ++i) {
                                 if (l.items[i].kind == LadderItem::Kind::Arrow && ++arrows == 2) {
                                     position = i + 1;
                                     // Include the state change the SYN+ACK causes at the client.
                                     if (i + 1 < int(l.items.size()) &&
                                         l.items[i + 1].kind == LadderItem::Kind::State)
                                         position = i + 2;
                                     break;
                                 }
                             }
                         }
                         panel->player()->seek(position);
                         QTimer::singleShot(900, w, [w, file, overlay, &app] {
                             if (!w)
                                 return;
                             if (overlay)
                                 w->presentation()->showShortcuts();
                             shoot(app, w, file);
                         });
                     });
    if (!panel->startLesson(lessonName, false))
        app.exit(1);
    // Never hang: a lesson takes about two seconds here.
    QTimer::singleShot(20000, window, [&app] { app.exit(1); });
}

// The HTTP view's picture: a real visit to the built-in site (the 301 from example.test, the
// page, its CSS and images), the page rendered, the timing bars below.
void runHttpThenShoot(QApplication& app, MainWindow* window, const QString& file)
{
    HttpPanel* panel = window->httpPanel();
    panel->setPort(0);
    if (!panel->startServer()) {
        app.exit(1);
        return;
    }
    panel->setUrl(QStringLiteral("http://example.test:%1/").arg(panel->server()->port()));
    panel->sendRequest();
    QPointer<MainWindow> w(window);
    auto* poll = new QTimer(window);
    QElapsedTimer* started = new QElapsedTimer;
    started->start();
    QObject::connect(poll, &QTimer::timeout, window, [w, panel, poll, started, file, &app] {
        if (!w)
            return;
        if (panel->history()->count() < 6 && started->elapsed() < 15000)
            return;
        poll->stop();
        delete started;
        panel->history()->setCurrentRow(1); // the page itself
        panel->exchangeView()->tabs()->setCurrentIndex(3);
        QTimer::singleShot(500, w, [w, file, &app] {
            if (w)
                shoot(app, w, file);
        });
    });
    poll->start(50);
}

// The HTTPS tab's picture: the demo site over TLS on a free port, one fetch of the page, its
// handshake message by message and the phases.
void runHttpsThenShoot(QApplication& app, MainWindow* window, const QString& file)
{
    HttpPanel* panel = window->httpPanel();
    panel->showHttps();
    HttpsPane* pane = panel->httpsPane();
    pane->setPort(0);
    if (!pane->startServer() || !pane->fetch()) {
        app.exit(1);
        return;
    }
    QPointer<MainWindow> w(window);
    QObject::connect(pane->client(), &HttpsClient::finished, window, [w, file, &app] {
        QTimer::singleShot(500, w, [w, file, &app] {
            if (w)
                shoot(app, w, file);
        });
    });
    QTimer::singleShot(20000, window, [&app] { app.exit(1); });
}

// The UDP view's picture: the echo server, a client sending six numbered datagrams through
// the relay with loss (a fixed seed, so the same ones are lost every time), then the ladder:
// one arrow per datagram, the lost ones ending in a cross, no states anywhere.
void runUdpThenShoot(QApplication& app, MainWindow* window, const QString& file)
{
    auto* panel = window->findChild<UdpPanel*>();
    if (!panel) {
        app.exit(1);
        return;
    }
    panel->setPort(0); // never clash with a lab someone left running on 41234
    panel->setRelay(true, 35, 0, 0, 0, 0, 3);
    panel->setMessage(QStringLiteral("datagram {n}"));
    panel->setCount(6, 60);
    // The echo preset: each datagram that gets through comes back (through the relay too).
    if (auto* preset = panel->findChild<QComboBox*>(QStringLiteral("udpPresetCombo")))
        preset->setCurrentIndex(1);
    if (!panel->startServer()) {
        app.exit(1);
        return;
    }
    panel->setTarget(QStringLiteral("127.0.0.1:%1").arg(panel->lab()->serverPort()));
    if (panel->send().isEmpty()) {
        app.exit(1);
        return;
    }
    QPointer<MainWindow> w(window);
    QTimer::singleShot(900, window, [w, panel, file, &app] {
        if (!w)
            return;
        panel->pictureTabs()->setCurrentWidget(panel->ladderView());
        panel->refreshLadder();
        // Open where the first datagram was lost.
        const Ladder& l = panel->ladderView()->ladder();
        for (int i = 0; i < int(l.items.size()); ++i) {
            const LadderItem& it = l.items[std::size_t(i)];
            if (it.kind == LadderItem::Kind::Arrow &&
                l.arrows[std::size_t(it.index)].fate == QLatin1String("drop")) {
                panel->ladderView()->setCurrentItem(i);
                break;
            }
        }
        QTimer::singleShot(300, w, [w, file, &app] {
            if (w)
                shoot(app, w, file);
        });
    });
}

// The network model view's picture: the TCP demo's "hello" as a real captured segment
// (or, without capture permission, the model's segment with its fields marked "not
// captured"), its TTL selected so the byte lights up in the hex.
void runOsiThenShoot(QApplication& app, MainWindow* window, const QString& file)
{
    window->showView(QStringLiteral("tcp"));
    runDemoThenShoot(app, window, QString()); // drives the demo; no picture yet
    QPointer<MainWindow> w(window);
    QTimer::singleShot(900, window, [w, file, &app] {
        if (!w)
            return;
        OsiPanel* osi = w->osiPanel();
        Timeline* tl = w->timeline();
        bool shown = false;
        for (quint64 i = tl->firstIndex(); i < tl->endIndex() && !shown; ++i) {
            if (tl->sourceAt(i) != ev::Wire)
                continue;
            const Event e = tl->at(i);
            if (e.event == ev::Segment && e.len > 0 && e.dir == ev::Out &&
                e.socket.startsWith(QLatin1String("tcp-client")))
                shown = osi->showPacket(e);
        }
        if (!shown)
            osi->showLatestPacket(true);
        w->showView(QStringLiteral("osi"));
        PacketLayersView* layers = osi->layersView();
        const Encapsulation& x = layers->encapsulation();
        for (int l = 0; l < int(x.layers.size()); ++l) {
            const PacketLayer& layer = x.layers[std::size_t(l)];
            for (int f = 0; f < layer.fields.size(); ++f) {
                if (layer.fields[f].name == Encapsulation::tr("Time to live"))
                    layers->selectField(l, f);
            }
        }
        QTimer::singleShot(300, w, [w, file, &app] {
            if (w)
                shoot(app, w, file);
        });
    });
}

// The WebSocket view's picture: the echo server, a client that sends a text, pings and
// closes with 1000; the client's connection selected, its ladder shown (from the wire where it
// runs: TCP handshake, the upgrade, frames, closing handshake, teardown).
void runWsThenShoot(QApplication& app, MainWindow* window, const QString& file)
{
    auto* panel = window->findChild<WsPanel*>();
    if (!panel) {
        app.exit(1);
        return;
    }
    panel->setPort(0);
    if (!panel->startServer()) {
        app.exit(1);
        return;
    }
    const QString client = panel->connectClient();
    if (client.isEmpty()) {
        app.exit(1);
        return;
    }
    QPointer<MainWindow> w(window);
    WsLab* lab = panel->lab();
    QTimer::singleShot(300, window,
                       [lab, client] { lab->sendText(client, QStringLiteral("hello")); });
    QTimer::singleShot(450, window, [lab, client] { lab->ping(client); });
    QTimer::singleShot(600, window, [lab, client] { lab->close(client, 1000); });
    QTimer::singleShot(1200, window, [w, panel, client, file, &app] {
        if (!w)
            return;
        panel->selectSocket(client);
        panel->detailTabs()->setCurrentIndex(panel->detailTabs()->count() - 1);
        QTimer::singleShot(400, w, [w, file, &app] {
            if (w)
                shoot(app, w, file);
        });
    });
}

// The URL view's pictures. "url": the walk of the demo site in step mode, stopped once the
// connection for the redirect target is open (the 301 answered, the new name resolved, its
// handshake on the ladder, the next phase waiting). "url-waterfall": the whole walk at real
// speed, the page rendered and every request on the waterfall.
void runUrlThenShoot(QApplication& app, MainWindow* window, const QString& file, bool midWay)
{
    auto* panel = window->findChild<UrlPanel*>();
    if (!panel) {
        app.exit(1);
        return;
    }
    QPointer<MainWindow> w(window);
    auto shootSoon = [w, file, &app] {
        QTimer::singleShot(700, w, [w, file, &app] {
            if (w)
                shoot(app, w, file);
        });
    };
    panel->setUrl(QStringLiteral("http://example.test/"));
    panel->setStepMode(midWay);
    if (midWay) {
        QObject::connect(panel->walk(), &UrlWalk::waitingForNext, window, [panel, shootSoon] {
            // Stop after the first connect that ended after the redirect began.
            const UrlStepModel* m = panel->stepModel();
            bool redirected = false;
            for (int i = 0; i < m->phaseCount(); ++i) {
                const UrlStepModel::Phase& p = m->phase(i);
                if (p.phase == QLatin1String("redirect"))
                    redirected = true;
                else if (redirected && p.phase == QLatin1String("connect") && !p.running()) {
                    panel->stepView()->setCurrentIndex(m->index(i, 0));
                    panel->stepView()->expand(m->index(i, 0));
                    shootSoon();
                    return;
                }
            }
            QTimer::singleShot(20, panel, [panel] { panel->next(); });
        });
        // A walk that ends early (an error) is still pictured: the note says why.
        QObject::connect(panel, &UrlPanel::walkFinished, window, shootSoon);
    } else {
        QObject::connect(panel, &UrlPanel::walkFinished, window, [panel, shootSoon] {
            panel->tabs()->setCurrentIndex(1); // the page
            shootSoon();
        });
    }
    if (!panel->go())
        app.exit(1);
    // Never hang: the walk takes well under a second here.
    QTimer::singleShot(20000, window, [&app] { app.exit(1); });
}

} // namespace

int runGui(QApplication& app, const GuiOptions& cmd, const QString& language)
{
    applyReadableFont(app);
    MainWindow window;
    window.setLanguageInUse(language);

    if (!cmd.screenshot.isEmpty()) {
        const QString view = cmd.view.isEmpty() ? QStringLiteral("tcp") : cmd.view;
        const bool handshake = view == QLatin1String("handshake");
        // "tcp-vs-udp": the lessons view after that lesson (TCP and UDP side by side).
        const bool versus = view == QLatin1String("tcp-vs-udp");
        const bool urlWaterfall = view == QLatin1String("url-waterfall");
        // A view before anything ran in it: what it says while empty ("empty-tcp").
        const bool empty = view.startsWith(QLatin1String("empty-"));
        const bool https = view == QLatin1String("https"); // the HTTP lab's HTTPS tab
        // "tcp-states": the lessons view after the teardown lesson, the state diagram large.
        const bool states = view == QLatin1String("tcp-states");
        // The classroom: the handshake lesson in presentation mode (dark), and the keyboard
        // help over it, at a projector's 1280x800.
        const bool presenting =
            view == QLatin1String("presentation") || view == QLatin1String("shortcuts");
        if (!window.showView(handshake || versus || presenting || states ? QStringLiteral("lessons")
                             : urlWaterfall                              ? QStringLiteral("url")
                             : https                                     ? QStringLiteral("http")
                             : empty                                     ? view.mid(6)
                                                                         : view)) {
            std::fprintf(stderr, "netstage: %s\n",
                         qPrintable(QCoreApplication::translate("netstage::Gui",
                                                                "unknown view \"%1\" (known: %2)")
                                        .arg(view, window.viewNames().join(QLatin1String(", ")))));
            return 2;
        }
        // A fixed size so screenshots compare across machines.
        const QSize shot = presenting ? QSize(1280, 800) : QSize(kShotWidth, kShotHeight);
        window.setMinimumSize(shot);
        window.setMaximumSize(shot);
        window.resize(shot);
        window.show();
        if (presenting) {
            window.presentation()->setFullScreenOnPresent(false); // the size stays fixed
            window.presentation()->setTheme(Presentation::Theme::Dark);
            window.presentation()->setPresenting(true);
            runLessonThenShoot(app, &window, cmd.screenshot, false, QStringLiteral("handshake"),
                               view == QLatin1String("shortcuts"));
        } else if (empty || view == QLatin1String("start")) {
            // Nothing to run: the page and the overlays as a first run shows them.
            QTimer::singleShot(700, &window, [&app, &window, file = cmd.screenshot] {
                shoot(app, &window, file);
            });
        } else if (versus)
            runLessonThenShoot(app, &window, cmd.screenshot, false, view);
        else if (states) {
            if (auto* split =
                    window.lessonPanel()->findChild<QSplitter*>(QStringLiteral("lessonSplitter")))
                split->setSizes({440, 720, 240});
            runLessonThenShoot(app, &window, cmd.screenshot, false);
        } else if (handshake || view == QLatin1String("lessons"))
            runLessonThenShoot(app, &window, cmd.screenshot, handshake);
        else if (view == QLatin1String("http"))
            runHttpThenShoot(app, &window, cmd.screenshot);
        else if (https)
            runHttpsThenShoot(app, &window, cmd.screenshot);
        else if (view == QLatin1String("udp"))
            runUdpThenShoot(app, &window, cmd.screenshot);
        else if (view == QLatin1String("ws"))
            runWsThenShoot(app, &window, cmd.screenshot);
        else if (view == QLatin1String("osi"))
            runOsiThenShoot(app, &window, cmd.screenshot);
        else if (urlWaterfall || view == QLatin1String("url"))
            runUrlThenShoot(app, &window, cmd.screenshot, !urlWaterfall);
        else
            runDemoThenShoot(app, &window, cmd.screenshot);
        return app.exec();
    }

    window.rememberSettings();
    window.show();
    return app.exec();
}

} // namespace netstage
