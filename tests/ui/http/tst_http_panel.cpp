// The HTTP panel offscreen: the server starts from its controls, the composer's request goes
// over a real connection (the 301 is followed, the page's images and CSS are fetched), and the
// request log, history, raw views and timing chart all show it.
#include "core/base/timeline.h"
#include "core/http/http_client.h"
#include "core/http/http_server.h"
#include "ui/http/http_exchange_view.h"
#include "ui/http/http_panel.h"
#include "ui/http/http_request_log_model.h"
#include "ui/http/http_timing_chart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace netstage;

class TstHttpPanel : public QObject
{
    Q_OBJECT
private slots:
    void requestRoundTrip()
    {
        Timeline tl;
        HttpPanel panel(&tl, nullptr, nullptr);
        panel.resize(1400, 900);
        panel.show();
        panel.setPort(0);
        QVERIFY(panel.startServer());
        const quint16 port = panel.server()->port();
        QVERIFY(port != 0);
        panel.setUrl(QStringLiteral("http://example.test:%1/").arg(port));
        QVERIFY(panel.sendRequest() > 0);

        // 301, 200, then the page's style sheet and images (each a real request).
        auto historyText = [&panel] {
            QStringList rows;
            for (int i = 0; i < panel.history()->count(); ++i)
                rows << panel.history()->item(i)->text();
            return rows.join(QLatin1Char('\n')).toUtf8();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(panel.history()->count() >= 5, historyText(), 10000);
        QVERIFY(panel.history()->item(0)->text().contains(QLatin1String("301")));
        QVERIFY(panel.history()->item(1)->text().contains(QLatin1String("200")));
        QTRY_VERIFY(panel.requestLog()->rowCount() >= 5);
        QCOMPARE(
            panel.requestLog()
                ->data(panel.requestLog()->index(0, HttpRequestLogModel::Status), Qt::DisplayRole)
                .toString(),
            QStringLiteral("301 Moved Permanently"));
        QCOMPARE(
            panel.requestLog()
                ->data(panel.requestLog()->index(0, HttpRequestLogModel::Host), Qt::DisplayRole)
                .toString(),
            QStringLiteral("example.test:%1").arg(port));
        QVERIFY(panel.timingChart()->rowCount() >= 5);
        QVERIFY(panel.timingChart()->rowDetails(1).contains(QLatin1String("Waiting (TTFB)")));

        // The page is shown: raw bytes with visible line ends, headers, the rendered page.
        HttpExchangeView* v = panel.exchangeView();
        QTRY_VERIFY(v->rawResponseView()->toPlainText().startsWith(
            QStringLiteral("HTTP/1.1 200 OK\\r\\n\n")));
        QVERIFY(v->rawRequestView()->toPlainText().startsWith(
            QStringLiteral("GET / HTTP/1.1\\r\\n\nHost: www.example.test:%1\\r\\n").arg(port)));
        QVERIFY(v->headersView()->topLevelItemCount() == 2);
        QVERIFY(v->pageView()->toPlainText().contains(QStringLiteral("三次握手")));
        v->findChild<QCheckBox*>()->setChecked(true); // Hex
        QVERIFY(
            v->rawRequestView()->toPlainText().startsWith(QStringLiteral("00000000  47 45 54")));
        v->findChild<QCheckBox*>()->setChecked(false);

        // Images fetched for the page reused the kept-alive connection.
        int reused = 0;
        for (int id : panel.client()->exchangeIds())
            reused += panel.client()->exchange(id).reused ? 1 : 0;
        QVERIFY(reused >= 1);

        // A POST with a body and a header.
        const int before = panel.history()->count();
        panel.setMethod(QStringLiteral("POST"));
        panel.setUrl(QStringLiteral("http://localhost:%1/api/echo").arg(port));
        panel.setHeadersText(QStringLiteral("Content-Type: text/plain\nX-Class: 3"));
        panel.setBodyText(QStringLiteral("你好"));
        QVERIFY(panel.sendRequest() > 0);
        QTRY_COMPARE(panel.history()->count(), before + 1);
        QVERIFY(v->rawRequestView()->toPlainText().contains(QLatin1String("X-Class: 3")));
        QVERIFY(v->rawResponseView()->toPlainText().contains(QStringLiteral("\"body\":\"你好\"")));

        // Bad input in the composer is refused with a reason, nothing is sent.
        panel.setHeadersText(QStringLiteral("no colon here"));
        QCOMPARE(panel.sendRequest(), 0);
        panel.setHeadersText(QString());
        panel.setUrl(QStringLiteral("http://"));
        QCOMPARE(panel.sendRequest(), 0);

        // A second server on the same port says why it cannot start.
        HttpPanel other(&tl, nullptr, nullptr);
        other.setPort(port);
        QVERIFY(!other.startServer());

        panel.stopServer();
        QVERIFY(!panel.server()->isListening());
    }

    void headerLines()
    {
        QList<QPair<QByteArray, QByteArray>> out;
        QString error;
        QVERIFY(
            HttpPanel::parseHeaderLines(QStringLiteral("A: 1\n\n B : two words \n"), &out, &error));
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[1].first, QByteArray("B"));
        QCOMPARE(out[1].second, QByteArray("two words"));
        QVERIFY(!HttpPanel::parseHeaderLines(QStringLiteral("nope"), &out, &error));
        QVERIFY(!error.isEmpty());
    }

    void hexAndText()
    {
        const QString two = HttpExchangeView::hexDump("AB");
        const QString full = HttpExchangeView::hexDump("0123456789abcdef");
        QVERIFY(two.startsWith(QStringLiteral("00000000  41 42 ")));
        QVERIFY(two.endsWith(QStringLiteral(" |AB|\n")));
        QCOMPARE(two.indexOf(QLatin1Char('|')), full.indexOf(QLatin1Char('|'))); // columns line up
        QCOMPARE(HttpExchangeView::visibleText("HTTP/1.1 200 OK\r\n\r\nhi", 19),
                 QStringLiteral("HTTP/1.1 200 OK\\r\\n\n\\r\\n\nhi"));
        QVERIFY(HttpExchangeView::visibleText(QByteArray("H\r\n\r\n\x89PNG\x00\x01", 10), 5)
                    .contains(QLatin1String("binary")));
    }
};

QTEST_MAIN(TstHttpPanel)
#include "tst_http_panel.moc"
