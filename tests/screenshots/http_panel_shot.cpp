// Draws the HTTP panel after a real visit to the demo site and writes a PNG, for the screenshot
// test under xvfb-run (and for looking at it).
// Usage: http_panel_shot FILE.png [en|zh_CN] [body|raw]: the page's rendered body (default) or
// its raw response bytes.
#include "core/base/timeline.h"
#include "core/cli/cli.h"
#include "core/http/http_client.h"
#include "core/http/http_server.h"
#include "ui/http/http_exchange_view.h"
#include "ui/http/http_panel.h"

#include <QApplication>
#include <QListWidget>
#include <QTabWidget>
#include <QTest>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: http_panel_shot FILE.png [en|zh_CN]\n");
        return 2;
    }
    netstage::installTranslators(&app, argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString());
    netstage::Timeline timeline;
    netstage::HttpPanel panel(&timeline, nullptr, nullptr);
    panel.setWindowTitle(QStringLiteral("NetStage — HTTP"));
    panel.resize(1400, 900);
    panel.show();
    panel.setPort(0);
    if (!panel.startServer()) {
        std::fprintf(stderr, "the server did not start\n");
        return 1;
    }
    const quint16 port = panel.server()->port();
    panel.setUrl(QStringLiteral("http://example.test:%1/").arg(port));
    panel.sendRequest();
    // 301, the page, its CSS and three images.
    if (!QTest::qWaitFor([&] { return panel.history()->count() >= 6; }, 15000))
        std::fprintf(stderr, "only %d requests finished\n", panel.history()->count());
    panel.history()->setCurrentRow(1); // the page itself
    const bool raw = argc > 3 && qstrcmp(argv[3], "raw") == 0;
    panel.exchangeView()->tabs()->setCurrentIndex(raw ? 1 : 3);
    QTest::qWait(300); // let the rendered page and the chart settle
    const QImage img = panel.grab().toImage();
    if (!img.save(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "cannot write %s\n", argv[1]);
        return 1;
    }
    std::printf("wrote %s (%dx%d), %d requests\n", argv[1], img.width(), img.height(),
                panel.history()->count());
    return 0;
}
