// The HTTP lab's HTTPS tab offscreen: a real server and client on loopback; the table shows
// the client's handshake message by message, what the wire shows in clear and what it hides,
// and the summary the phases; a bad URL is refused with a sentence.
#include "core/base/timeline.h"
#include "core/tls/https_client.h"
#include "core/tls/https_server.h"
#include "ui/http/https_pane.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace netstage;

class TstHttpsPane : public QObject
{
    Q_OBJECT
    QTemporaryDir dir_;

    static QString summaryOf(HttpsPane& pane)
    {
        return pane.findChild<QLabel*>(QStringLiteral("httpsSummary"))->text();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        qputenv("NETSTAGE_TLS_DIR", dir_.path().toUtf8());
    }

    void fetchShowsTheHandshake()
    {
        Timeline tl;
        HttpsPane pane(&tl, nullptr, nullptr);
        pane.resize(1200, 800);
        pane.show();
        pane.setPort(0);
        QVERIFY(pane.startServer());
        QVERIFY(pane.server()->port() > 0);
        QSignalSpy done(pane.client(), &HttpsClient::finished);
        QVERIFY(pane.fetch() > 0);
        QVERIFY(done.wait(10000));
        QTableWidget* t = pane.messages();
        QVERIFY(t->rowCount() >= 8);
        QCOMPARE(t->item(0, 2)->text(), QStringLiteral("ClientHello"));
        QVERIFY(t->item(0, 3)->text().contains(QStringLiteral("in clear")));
        QCOMPARE(t->item(0, 1)->text(), QStringLiteral("client → server"));
        int cert = -1;
        for (int r = 0; r < t->rowCount(); ++r) {
            if (t->item(r, 2)->text() == QLatin1String("Certificate"))
                cert = r;
        }
        QVERIFY(cert > 0);
        QVERIFY(t->item(cert, 3)->text().contains(QStringLiteral("encrypted")));
        QVERIFY(t->item(cert, 4)->text().contains(QStringLiteral("www.example.test")));
        const QString s = summaryOf(pane);
        QVERIFY2(s.contains(QStringLiteral("HTTP 200 over TLSv1.3")), qPrintable(s));
        QVERIFY(s.contains(QStringLiteral("TLS handshake")));
    }

    void notAnHttpsUrl()
    {
        Timeline tl;
        HttpsPane pane(&tl, nullptr, nullptr);
        pane.findChild<QLineEdit*>(QStringLiteral("httpsUrlEdit"))
            ->setText(QStringLiteral("http://localhost:8080/"));
        QCOMPARE(pane.fetch(), 0);
        QVERIFY(summaryOf(pane).contains(QStringLiteral("is not an https:// URL")));
        QCOMPARE(pane.client()->openConnections(), 0);
    }
};

QTEST_MAIN(TstHttpsPane)
#include "tst_https_pane.moc"
