// The URL walk's tab offscreen, on real walks of the built-in demo site: the step tree (phases in
// order, each opening to its events), the waterfall (one row per request, segments equal to the
// timing fields), the page preview, step mode, a recording opened again, the waterfall PNG.
#include "core/base/timeline.h"
#include "core/lessons/replay_player.h"
#include "core/url/url_walk.h"
#include "ui/http/http_exchange_view.h"
#include "ui/ladder/ladder_view.h"
#include "ui/url/url_panel.h"
#include "ui/url/url_step_model.h"
#include "ui/url/waterfall_chart.h"

#include <QElapsedTimer>
#include <QImage>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTreeView>
#include <qcustomplot.h>

using namespace netstage;

namespace {

// Walks the demo site once (real DNS hierarchy, real connections) and returns its events.
std::vector<Event> walkOnce(Timeline* timeline, int visits = 1)
{
    std::vector<Event> events;
    const int sink = timeline->addSink([&events](const Event& e) { events.push_back(e); });
    UrlWalk walk(timeline);
    QSignalSpy done(&walk, &UrlWalk::finished);
    UrlWalkOptions options;
    options.visits = visits;
    walk.start(options);
    if (!done.wait(15000))
        qWarning("the walk did not finish within 15 s");
    timeline->removeSink(sink);
    if (!done.isEmpty() && !done.first().at(0).toBool())
        qWarning("the walk failed: %s", qPrintable(done.first().at(1).toString()));
    return events;
}

QStringList phaseNames(const UrlStepModel& m)
{
    QStringList names;
    for (int i = 0; i < m.phaseCount(); ++i)
        names << m.phase(i).phase;
    return names;
}

// Child events of a phase row, as "socket event" strings.
QStringList childEvents(const UrlStepModel& m, int row)
{
    QStringList out;
    const QModelIndex parent = m.index(row, 0);
    for (int i = 0; i < m.rowCount(parent); ++i) {
        const Event e = m.index(i, 0, parent).data(UrlStepModel::EventRole).value<Event>();
        out << e.socket + QLatin1Char(' ') + e.event;
    }
    return out;
}

int firstRow(const UrlStepModel& m, const QString& phase, int from = 0)
{
    for (int i = from; i < m.phaseCount(); ++i) {
        if (m.phase(i).phase == phase)
            return i;
    }
    return -1;
}

} // namespace

class TestUrlUi : public QObject
{
    Q_OBJECT
private slots:
    void stepModelFromRealWalk();
    void waterfallRowsMatchTiming();
    void waterfallImage();
    void panelShowsPage();
    void stepModeWaits();
    void recordingReplays();
    void badUrlSaysSo();
    void refusedConnectionSaysSo();
    void secondVisitFromCache();
};

void TestUrlUi::stepModelFromRealWalk()
{
    Timeline timeline;
    const std::vector<Event> events = walkOnce(&timeline);
    UrlStepModel model;
    model.setEvents(events);
    const QStringList names = phaseNames(model);
    QVERIFY2(model.phaseCount() >= 12, qPrintable(names.join(QLatin1Char(' '))));

    // The order: url, cache, dns, connect, request, response, redirect, (the new name:
    // cache, dns, connect, request, response), parse, sub-resources, async, render, done.
    const QStringList order = {
        QStringLiteral("url"),      QStringLiteral("cache"),   QStringLiteral("dns"),
        QStringLiteral("connect"),  QStringLiteral("request"), QStringLiteral("response"),
        QStringLiteral("redirect"), QStringLiteral("parse"),   QStringLiteral("subresource"),
        QStringLiteral("async"),    QStringLiteral("render"),  QStringLiteral("done")};
    int last = -1;
    for (const QString& p : order) {
        const int row = firstRow(model, p);
        QVERIFY2(row > last, qPrintable(QStringLiteral("%1 at %2 after %3: %4")
                                            .arg(p)
                                            .arg(row)
                                            .arg(last)
                                            .arg(names.join(QLatin1Char(' ')))));
        last = row;
    }
    QCOMPARE(names.first(), QStringLiteral("url"));
    QCOMPARE(names.last(), QStringLiteral("done"));
    // After the redirect the new name is looked up and a new connection opened.
    const int redirect = firstRow(model, QStringLiteral("redirect"));
    QVERIFY(firstRow(model, QStringLiteral("dns"), redirect) > redirect);
    QVERIFY(firstRow(model, QStringLiteral("connect"), redirect) > redirect);

    // Every phase ended, with a duration and a sentence; none runs.
    QCOMPARE(model.runningPhase(), -1);
    for (int i = 0; i < model.phaseCount(); ++i) {
        const UrlStepModel::Phase& p = model.phase(i);
        QVERIFY2(!p.running(), qPrintable(p.phase));
        QVERIFY2(!p.sentence.isEmpty(), qPrintable(p.phase));
        QVERIFY(model.index(i, UrlStepModel::DurationColumn)
                    .data()
                    .toString()
                    .endsWith(QLatin1String(" ms")));
    }

    // Expanding shows the events: DNS datagrams under dns, the handshake under connect, the
    // GET under request, the 301 under response.
    const QStringList dns = childEvents(model, firstRow(model, QStringLiteral("dns")));
    QVERIFY2(dns.contains(QStringLiteral("dns-root query")) ||
                 dns.filter(QStringLiteral(" query")).size() >= 3,
             qPrintable(dns.join(QStringLiteral(", "))));
    QVERIFY2(!dns.filter(QStringLiteral(" answer")).isEmpty(),
             qPrintable(dns.join(QStringLiteral(", "))));
    const QStringList connect = childEvents(model, firstRow(model, QStringLiteral("connect")));
    QVERIFY2(
        !connect.filter(QRegularExpression(QStringLiteral("^url-client-\\d+ connect$"))).isEmpty(),
        qPrintable(connect.join(QStringLiteral(", "))));
    const QStringList request = childEvents(model, firstRow(model, QStringLiteral("request")));
    QVERIFY2(!request.filter(QStringLiteral(" request")).isEmpty(),
             qPrintable(request.join(QStringLiteral(", "))));
    const int response = firstRow(model, QStringLiteral("response"));
    QVERIFY2(!childEvents(model, response).filter(QStringLiteral(" response")).isEmpty(),
             qPrintable(childEvents(model, response).join(QStringLiteral(", "))));
    // A child row reads as a sentence, and no event of another lab slipped in.
    const QModelIndex child = model.index(0, UrlStepModel::SentenceColumn,
                                          model.index(firstRow(model, QStringLiteral("dns")), 0));
    QVERIFY(!child.data().toString().isEmpty());
    for (const Event& e : model.walkEvents())
        QVERIFY(UrlStepModel::isWalkEvent(e));
}

void TestUrlUi::waterfallRowsMatchTiming()
{
    Timeline timeline;
    const std::vector<Event> events = walkOnce(&timeline);
    std::vector<Event> answers;
    qint64 origin = -1;
    for (const Event& e : events) {
        if (origin < 0 && UrlStepModel::isStepEvent(e))
            origin = e.t_us;
        if (WaterfallChart::isRequestEvent(e))
            answers.push_back(e);
    }
    // The 301, the page, its sub-resources and the async request.
    QVERIFY2(answers.size() >= 4, qPrintable(QString::number(answers.size())));

    WaterfallChart chart;
    chart.setEvents(events);
    QCOMPARE(chart.rowCount(), int(answers.size()));
    // Plottable 0 is the invisible offset, then the six phases in HttpTiming's order.
    // The last one is the hatched pause of the step mode.
    QCOMPARE(chart.plot()->plottableCount(), 1 + HttpTimingChart::kPhases + 1);
    const char* const keys[] = {"queued_us", "dns_us",  "connect_us",
                                "send_us",   "wait_us", "download_us"};
    for (int row = 0; row < chart.rowCount(); ++row) {
        const Event& e = answers[std::size_t(row)];
        const QJsonObject t = e.extra.value(QLatin1String("timing")).toObject();
        const auto* offset = qobject_cast<QCPBars*>(chart.plot()->plottable(0));
        QVERIFY(offset);
        if (e.event == QLatin1String("response")) {
            const qint64 total = t.value(QLatin1String("total_us")).toInteger();
            QCOMPARE(offset->data()->at(row)->value, (e.t_us - total - origin) / 1000.0);
            double sum = 0;
            for (int i = 0; i < HttpTimingChart::kPhases; ++i) {
                const auto* bars = qobject_cast<QCPBars*>(chart.plot()->plottable(1 + i));
                QVERIFY(bars);
                QCOMPARE(bars->data()->at(row)->key, double(row));
                QCOMPARE(bars->data()->at(row)->value,
                         t.value(QLatin1String(keys[i])).toInteger() / 1000.0);
                sum += bars->data()->at(row)->value;
            }
            // The phases and the time a step held the request add up to the total.
            const double paused = t.value(QLatin1String("paused_us")).toInteger() / 1000.0;
            QCOMPARE(chart.row(row).pausedMs, paused);
            QVERIFY(qAbs(sum + paused - total / 1000.0) < 0.0015);
        }
        // The label names the URL; the tooltip has the exact times.
        const QString url = e.extra.value(QLatin1String("url")).toString();
        QVERIFY2(chart.rowDetails(row).contains(url), qPrintable(chart.rowDetails(row)));
        QVERIFY(chart.rowDetails(row).contains(QLatin1String("Waiting (TTFB)")));
        QVERIFY(chart.row(row).label.contains(QUrl(url).host()));
    }
    // The first row is the 301 from example.test; the page from www.example.test follows and
    // starts no earlier.
    QVERIFY(chart.row(0).label.startsWith(QLatin1String("301 example.test")));
    QVERIFY(chart.row(1).label.startsWith(QLatin1String("200 www.example.test")));
    QVERIFY(chart.row(1).startMs >= chart.row(0).startMs);

    // Hovering the middle of a row's bar shows its exact times.
    chart.resize(1000, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.plot()->replot();
    const int hover = 1;
    const QPoint at(int(chart.plot()->xAxis->coordToPixel(chart.row(hover).startMs +
                                                          chart.row(hover).totalMs / 2)),
                    int(chart.plot()->yAxis->coordToPixel(hover)));
    QMouseEvent move(QEvent::MouseMove, at, chart.plot()->mapToGlobal(at), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(chart.plot(), &move);
    QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible(), 2000);
    QCOMPARE(QToolTip::text(), chart.rowDetails(hover));
    QToolTip::hideText();

    // Fed one event at a time (live), the chart ends the same.
    WaterfallChart live;
    for (const Event& e : events)
        live.addEvent(e);
    QCOMPARE(live.rowCount(), chart.rowCount());
    for (int row = 0; row < chart.rowCount(); ++row)
        QCOMPARE(live.row(row).startMs, chart.row(row).startMs);
}

void TestUrlUi::waterfallImage()
{
    Timeline timeline;
    const std::vector<Event> events = walkOnce(&timeline);
    const int rows = WaterfallChart::rowsFromEvents(events).size();
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("waterfall.png"));
    QString error;
    QVERIFY2(WaterfallChart::writeImage(events, png, &error), qPrintable(error));
    QImage img(png);
    QVERIFY(!img.isNull());
    QCOMPARE(img.width(), 1200);
    QCOMPARE(img.height(), 110 + 26 * rows);
    // The download colour is on it (every answer has a body to download).
    int blue = 0;
    const QRgb download = QColor(0x00, 0x72, 0xb2).rgb();
    for (int y = 0; y < img.height(); ++y) {
        for (int x = 0; x < img.width(); ++x)
            blue += (img.pixel(x, y) & 0xffffff) == (download & 0xffffff);
    }
    QVERIFY2(blue > 20, qPrintable(QString::number(blue)));
    // SVG too, and a clear sentence when there is nothing to draw.
    QVERIFY2(WaterfallChart::writeImage(events, dir.filePath(QStringLiteral("w.svg")), &error),
             qPrintable(error));
    QVERIFY(!WaterfallChart::writeImage({}, dir.filePath(QStringLiteral("none.png")), &error));
    QVERIFY(error.contains(QLatin1String("no request")));
}

void TestUrlUi::panelShowsPage()
{
    Timeline timeline;
    UrlPanel panel(&timeline, nullptr, nullptr);
    panel.resize(1400, 900);
    panel.show();
    QSignalSpy finished(&panel, &UrlPanel::walkFinished);
    QVERIFY(panel.go());
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    // The preview holds the demo page: its title and its heading's text.
    QCOMPARE(panel.pageView()->documentTitle(),
             QStringLiteral("NetStage · 深入浅出 Node 网络 / Node networking, step by step"));
    QVERIFY(panel.pageView()->toPlainText().contains(
        QLatin1String("The life of a network connection")));
    // The views followed the live walk: the steps, one waterfall row per request, a ladder.
    QTRY_VERIFY_WITH_TIMEOUT(panel.stepModel()->phaseCount() >= 12, 2000);
    QCOMPARE(panel.stepModel()->phase(panel.stepModel()->phaseCount() - 1).phase,
             QStringLiteral("done"));
    QCOMPARE(panel.waterfall()->rowCount(),
             WaterfallChart::rowsFromEvents(panel.stepModel()->walkEvents()).size());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.ladderView()->ladder().isEmpty(), 2000);
    // The whole walk: a client lane per connection and the server's.
    QVERIFY(panel.ladderView()->ladder().lanes.size() >= 3);

    // A step chosen in the list: the ladder shows what that step sent. The connect step: one
    // client and the server, the handshake from the program's view (no wire capture here).
    const UrlStepModel* m = panel.stepModel();
    panel.stepView()->setCurrentIndex(m->index(firstRow(*m, QStringLiteral("connect")), 0));
    QTRY_VERIFY_WITH_TIMEOUT(panel.ladderView()->ladder().lanes.size() == 2, 2000);
    QCOMPARE(panel.ladderView()->ladder().lanes[0].role, QStringLiteral("client"));
    QVERIFY(panel.ladderView()->ladder().lanes[0].label.startsWith(QLatin1String("url-client-")));
    // The DNS step: a lane for the browser's stub and each server it asked, datagram arrows.
    panel.stepView()->setCurrentIndex(m->index(firstRow(*m, QStringLiteral("dns")), 0));
    QTRY_VERIFY_WITH_TIMEOUT(panel.ladderView()->ladder().lanes.size() >= 5, 2000);
    int dnsLanes = 0;
    for (const LadderLane& lane : panel.ladderView()->ladder().lanes)
        dnsLanes += lane.proto == QLatin1String("dns");
    QCOMPARE(dnsLanes, int(panel.ladderView()->ladder().lanes.size()));
    QVERIFY(panel.ladderView()->ladder().arrows.size() >= 8); // 4 queries, 4 answers
}

void TestUrlUi::stepModeWaits()
{
    Timeline timeline;
    UrlPanel panel(&timeline, nullptr, nullptr);
    panel.show();
    panel.setStepMode(true);
    QVERIFY(panel.go());
    QTRY_VERIFY_WITH_TIMEOUT(panel.isWaiting(), 5000);
    const int before = panel.stepModel()->phaseCount();
    const QString next = panel.waitingFor();
    QVERIFY(!next.isEmpty());
    QVERIFY(panel.noteLabel()->text().contains(UrlStepModel::phaseTitle(next)));
    // It really waits: nothing new happens while nobody presses Next.
    QTest::qWait(400);
    QCOMPARE(panel.stepModel()->phaseCount(), before);
    QVERIFY(panel.isRunning());
    QVERIFY(panel.isWaiting());
    // F5 runs the phase that waits; it appears in the list.
    QTest::keyClick(panel.stepView(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(panel.stepModel()->phaseCount() > before, 3000);
    QCOMPARE(panel.stepModel()->phase(before).phase, next);
    // Pressing on until the end: bounded in presses and time.
    QElapsedTimer t;
    t.start();
    int presses = 0;
    while (panel.isRunning() && presses < 200 && t.elapsed() < 20000) {
        if (panel.isWaiting()) {
            panel.next();
            ++presses;
        }
        QTest::qWait(5);
    }
    QVERIFY(!panel.isRunning());
    QVERIFY2(presses >= 8, qPrintable(QString::number(presses)));
    QCOMPARE(panel.stepModel()->phase(panel.stepModel()->phaseCount() - 1).phase,
             QStringLiteral("done"));
}

void TestUrlUi::recordingReplays()
{
    Timeline timeline;
    UrlPanel live(&timeline, nullptr, nullptr);
    QSignalSpy finished(&live, &UrlPanel::walkFinished);
    QVERIFY(live.go());
    QVERIFY(finished.wait(15000));
    QTRY_VERIFY_WITH_TIMEOUT(live.stepModel()->phaseCount() >= 12, 2000);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("walk.netstage.jsonl"));
    QSignalSpy saved(&live, &UrlPanel::recordingSaved);
    live.saveRecording(path);
    QVERIFY(saved.wait(5000));

    Timeline other;
    UrlPanel replay(&other, nullptr, nullptr);
    replay.show(); // the F5 shortcut works in a shown window
    QSignalSpy opened(&replay, &UrlPanel::recordingOpened);
    replay.openRecording(path);
    QVERIFY(opened.wait(5000));
    QVERIFY(replay.isReplay());
    QCOMPARE(phaseNames(*replay.stepModel()), phaseNames(*live.stepModel()));
    QCOMPARE(replay.waterfall()->rowCount(), live.waterfall()->rowCount());
    for (int row = 0; row < live.waterfall()->rowCount(); ++row)
        QCOMPARE(replay.waterfall()->row(row).label, live.waterfall()->row(row).label);
    QVERIFY(!replay.ladderView()->ladder().isEmpty());
    // Step by step: position p shows the first p phases; Next (F5) goes one further.
    const int all = replay.stepModel()->phaseCount();
    QCOMPARE(replay.player()->itemCount(), all);
    replay.player()->seek(3);
    QCOMPARE(replay.stepModel()->phaseCount(), 3);
    QCOMPARE(phaseNames(*replay.stepModel()), phaseNames(*live.stepModel()).mid(0, 3));
    QCOMPARE(replay.waterfall()->rowCount(), 0); // no request answered yet
    QTest::keyClick(replay.stepView(), Qt::Key_F5);
    QCOMPARE(replay.stepModel()->phaseCount(), 4);
    replay.player()->toEnd();
    QCOMPARE(replay.stepModel()->phaseCount(), all);
    // The page itself is not in a recording, and the pane says so.
    QVERIFY(replay.pageView()->toPlainText().isEmpty());

    // A file that is not a walk is refused with a sentence.
    QSignalSpy failed(&replay, &UrlPanel::recordingFailed);
    replay.openRecording(dir.filePath(QStringLiteral("missing.jsonl")));
    QVERIFY(failed.wait(5000));
    QVERIFY(replay.noteLabel()->text().startsWith(QLatin1String("Nothing was opened.")));
}

void TestUrlUi::badUrlSaysSo()
{
    Timeline timeline;
    UrlPanel panel(&timeline, nullptr, nullptr);
    panel.setUrl(QStringLiteral("ftp://example.test/"));
    QVERIFY(!panel.go());
    QVERIFY(!panel.isRunning());
    QVERIFY(panel.noteLabel()->text().contains(QLatin1String("ftp://example.test/")));
}

void TestUrlUi::refusedConnectionSaysSo()
{
    // A port nobody listens on (bound, then closed): the connection is refused.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    Timeline timeline;
    UrlPanel panel(&timeline, nullptr, nullptr);
    QSignalSpy finished(&panel, &UrlPanel::walkFinished);
    panel.setUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    QVERIFY(panel.go());
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    // The reason is on screen, in red; the waterfall has the failed request as a row that says
    // why; the page pane says there is nothing to show.
    QVERIFY2(!panel.noteLabel()->text().isEmpty(), "no sentence");
    QVERIFY(panel.noteLabel()->styleSheet().contains(QLatin1String("#b71c1c")));
    QTRY_VERIFY_WITH_TIMEOUT(panel.waterfall()->rowCount() == 1, 2000);
    QVERIFY2(panel.waterfall()->row(0).label.startsWith(QLatin1String("ECONNREFUSED")),
             qPrintable(panel.waterfall()->row(0).label));
    QVERIFY(!panel.waterfall()->row(0).problem.isEmpty());
    QVERIFY(panel.pageView()->toPlainText().isEmpty());
    QVERIFY(!panel.isRunning());
}

void TestUrlUi::secondVisitFromCache()
{
    Timeline timeline;
    const std::vector<Event> events = walkOnce(&timeline, 2);
    UrlStepModel model;
    model.setEvents(events);
    int visit2 = -1;
    for (int i = 0; i < model.phaseCount() && visit2 < 0; ++i) {
        if (model.phase(i).visit == 2)
            visit2 = i;
    }
    QVERIFY(visit2 > 0);
    // The second visit's rows say so; its cache step is a hit and it asks no DNS.
    QVERIFY(model.index(visit2, 0).data().toString().startsWith(QStringLiteral("Visit 2 · ")));
    const int cache = firstRow(model, QStringLiteral("cache"), visit2);
    QVERIFY(cache > visit2);
    QCOMPARE(model.phase(cache).endExtra.value(QLatin1String("hit")).toBool(), true);
    QCOMPARE(firstRow(model, QStringLiteral("dns"), visit2), -1);
    // The waterfall: both visits on one time axis, the second's rows named and later.
    const QVector<HttpTimingChart::Row> rows = WaterfallChart::rowsFromEvents(events);
    int first2 = -1;
    for (int i = 0; i < rows.size() && first2 < 0; ++i) {
        if (rows[i].label.startsWith(QStringLiteral("visit 2 · ")))
            first2 = i;
    }
    QVERIFY(first2 > 0);
    QVERIFY(rows[first2].startMs >= rows[first2 - 1].startMs);
    // Its DNS segment is the cache lookup: shorter than the first visit's trip through the
    // resolver, the root, .test and example.test.
    QVERIFY2(rows[first2].ms[1] < rows[0].ms[1],
             qPrintable(QStringLiteral("%1 vs %2").arg(rows[first2].ms[1]).arg(rows[0].ms[1])));
}

QTEST_MAIN(TestUrlUi)
#include "tst_url_ui.moc"
