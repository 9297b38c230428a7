#include "gui.h"

#include "main_window.h"
#include "tcp_lab.h"
#include "tcp_panel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFont>
#include <QImage>
#include <QPixmap>
#include <QPointer>
#include <QSpinBox>
#include <QTcpServer>
#include <QTimer>
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

} // namespace

int runGui(QApplication& app, const Command& cmd)
{
    applyReadableFont(app);
    MainWindow window;

    if (!cmd.screenshot.isEmpty()) {
        const QString view = cmd.view.isEmpty() ? QStringLiteral("tcp") : cmd.view;
        if (!window.showView(view)) {
            std::fprintf(stderr, "netstage: %s\n",
                         qPrintable(QCoreApplication::translate("netstage::Gui",
                                                                "unknown view \"%1\" (known: %2)")
                                        .arg(view, window.viewNames().join(QLatin1String(", ")))));
            return 2;
        }
        // A fixed size so screenshots compare across machines.
        window.setMinimumSize(kShotWidth, kShotHeight);
        window.setMaximumSize(kShotWidth, kShotHeight);
        window.resize(kShotWidth, kShotHeight);
        window.show();
        runDemoThenShoot(app, &window, cmd.screenshot);
        return app.exec();
    }

    window.show();
    return app.exec();
}

} // namespace netstage
