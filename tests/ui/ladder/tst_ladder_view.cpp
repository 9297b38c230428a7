// The ladder view and the step explanation, offscreen, driven by keys and clicks the way a
// teacher drives them.
#include "sample_ladder.h"
#include "ui/ladder/ladder_explainer.h"
#include "ui/ladder/ladder_view.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QWheelEvent>
#include <QtTest>

using namespace netstage;
using test::SampleLadder;

namespace {

int itemOfKind(const Ladder& l, LadderItem::Kind kind, int nth = 0)
{
    for (int i = 0; i < int(l.items.size()); ++i) {
        if (l.items[std::size_t(i)].kind == kind && nth-- == 0)
            return i;
    }
    return -1;
}

int stateItem(const Ladder& l, const char* state)
{
    for (int i = 0; i < int(l.items.size()); ++i) {
        const LadderItem& it = l.items[std::size_t(i)];
        if (it.kind == LadderItem::Kind::State &&
            l.states[std::size_t(it.index)].state == QLatin1String(state))
            return i;
    }
    return -1;
}

QString shotsDir()
{
    const QString dir = qEnvironmentVariable("NETSTAGE_LADDER_SHOTS", QDir::currentPath());
    QDir().mkpath(dir);
    return dir;
}

} // namespace

class TstLadderView : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void keysEmitSignals();
    void keysZoom();
    void ctrlWheelZooms();
    void clickOnArrowEmitsItsIndex();
    void hiddenItemsCannotBeClicked();
    void packetTravelsThenFinishes();
    void currentItemIsScrolledIntoView();
    void tooltipHasFieldsAndExplanation();
    void explainerFollowsTheView();
    void explanationsTeachTheTextbookPoints();
    void viewScreenshots();

private:
    LadderView* view_ = nullptr;
};

void TstLadderView::init()
{
    view_ = new LadderView;
    view_->resize(1200, 800);
    view_->setAnimationDuration(0);
    view_->show();
    QVERIFY(QTest::qWaitForWindowExposed(view_));
}

void TstLadderView::cleanup()
{
    delete view_;
    view_ = nullptr;
}

void TstLadderView::keysEmitSignals()
{
    view_->setLadder(SampleLadder::handshake());
    QSignalSpy step(view_, &LadderView::stepRequested);
    QSignalSpy play(view_, &LadderView::playPauseRequested);
    QSignalSpy restart(view_, &LadderView::restartRequested);
    QTest::keyClick(view_, Qt::Key_N);
    QTest::keyClick(view_, Qt::Key_Right);
    QTest::keyClick(view_, Qt::Key_P);
    QTest::keyClick(view_, Qt::Key_Left);
    QCOMPARE(step.count(), 4);
    QCOMPARE(step.at(0).at(0).toInt(), 1);
    QCOMPARE(step.at(1).at(0).toInt(), 1);
    QCOMPARE(step.at(2).at(0).toInt(), -1);
    QCOMPARE(step.at(3).at(0).toInt(), -1);
    QTest::keyClick(view_, Qt::Key_Space);
    QCOMPARE(play.count(), 1);
    QTest::keyClick(view_, Qt::Key_Home);
    QCOMPARE(restart.count(), 1);
    // Shift+arrows pan instead of stepping.
    QTest::keyClick(view_, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(step.count(), 4);
}

void TstLadderView::keysZoom()
{
    view_->setLadder(SampleLadder::full());
    QSignalSpy zoom(view_, &LadderView::zoomChanged);
    QTest::keyClick(view_, Qt::Key_Plus);
    QVERIFY(view_->zoom() > 1.0);
    QTest::keyClick(view_, Qt::Key_0);
    QCOMPARE(view_->zoom(), 1.0);
    QTest::keyClick(view_, Qt::Key_Minus);
    QVERIFY(view_->zoom() < 1.0);
    QCOMPARE(zoom.count(), 3);
    for (int i = 0; i < 40; ++i)
        QTest::keyClick(view_, Qt::Key_Minus);
    QCOMPARE(view_->zoom(), LadderView::kMinZoom);
    // Down pans.
    view_->resetZoom();
    const int before = view_->verticalScrollBar()->value();
    QTest::keyClick(view_, Qt::Key_Down);
    QVERIFY(view_->verticalScrollBar()->value() > before);
}

void TstLadderView::ctrlWheelZooms()
{
    view_->setLadder(SampleLadder::full());
    const QPointF pos(400, 300);
    QWheelEvent wheel(pos, view_->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view_->viewport(), &wheel);
    QVERIFY(view_->zoom() > 1.1);
}

void TstLadderView::clickOnArrowEmitsItsIndex()
{
    const Ladder l = SampleLadder::handshake();
    view_->setLadder(l);
    QSignalSpy clicked(view_, &LadderView::itemClicked);
    for (int nth = 0; nth < 3; ++nth) {
        const int item = itemOfKind(l, LadderItem::Kind::Arrow, nth);
        const QRect r = view_->viewportRectOf(item);
        QVERIFY(view_->viewport()->rect().contains(r.center()));
        QTest::mouseClick(view_->viewport(), Qt::LeftButton, {}, r.center());
        QCOMPARE(clicked.count(), nth + 1);
        QCOMPARE(clicked.last().at(0).toInt(), item);
    }
    // A marker too.
    const int marker = itemOfKind(l, LadderItem::Kind::Marker);
    QTest::mouseClick(view_->viewport(), Qt::LeftButton, {},
                      view_->viewportRectOf(marker).center());
    QCOMPARE(clicked.last().at(0).toInt(), marker);
    // Empty space: nothing.
    const int before = clicked.count();
    QTest::mouseClick(view_->viewport(), Qt::LeftButton, {}, QPoint(3, 3));
    QCOMPARE(clicked.count(), before);
}

void TstLadderView::hiddenItemsCannotBeClicked()
{
    const Ladder l = SampleLadder::handshake();
    view_->setLadder(l);
    const int ack = itemOfKind(l, LadderItem::Kind::Arrow, 2);
    view_->setShownItems(ack); // the ACK not yet
    QSignalSpy clicked(view_, &LadderView::itemClicked);
    QTest::mouseClick(view_->viewport(), Qt::LeftButton, {}, view_->viewportRectOf(ack).center());
    QCOMPARE(clicked.count(), 0);
    QCOMPARE(view_->itemAtViewport(view_->viewportRectOf(ack).center()), -1);
    view_->setShownItems(ack + 1);
    QCOMPARE(view_->itemAtViewport(view_->viewportRectOf(ack).center()), ack);
}

void TstLadderView::packetTravelsThenFinishes()
{
    const Ladder l = SampleLadder::handshake();
    view_->setLadder(l);
    view_->setAnimationDuration(300);
    const int syn = itemOfKind(l, LadderItem::Kind::Arrow, 0);
    view_->setShownItems(syn + 1);
    QSignalSpy finished(view_, &LadderView::animationFinished);
    QSignalSpy current(view_, &LadderView::currentItemChanged);
    view_->setCurrentItem(syn, true);
    QVERIFY(view_->isAnimating());
    QVERIFY(view_->options().progress < 1.0);
    QCOMPARE(current.count(), 1);
    QVERIFY(finished.wait(3000));
    QCOMPARE(finished.last().at(0).toInt(), syn);
    QCOMPARE(view_->options().progress, 1.0);
    // A state change has nothing to travel.
    view_->setCurrentItem(syn + 1, true);
    QVERIFY(!view_->isAnimating());
}

void TstLadderView::currentItemIsScrolledIntoView()
{
    const Ladder l = SampleLadder::full();
    view_->resize(1200, 500);
    view_->setLadder(l);
    QCOMPARE(view_->verticalScrollBar()->value(), 0);
    const int last = int(l.items.size()) - 1;
    view_->setCurrentItem(last);
    QVERIFY(view_->verticalScrollBar()->value() > 0);
    QVERIFY(view_->viewport()->rect().contains(view_->viewportRectOf(last)));
    // And back to the top: not hidden under the pinned lane headers.
    view_->setCurrentItem(3);
    const QRect r = view_->viewportRectOf(3);
    QVERIFY(view_->viewport()->rect().contains(r));
    QVERIFY(r.top() >= 0);
}

void TstLadderView::tooltipHasFieldsAndExplanation()
{
    const Ladder l = SampleLadder::full();
    const int synAck = itemOfKind(l, LadderItem::Kind::Arrow, 1);
    const QString tip = LadderExplainer::tooltip(l, synAck, LadderPainter::Numbers::Real);
    QVERIFY(tip.contains(QLatin1String("SYN+ACK")));
    QVERIFY(tip.contains(QLatin1String("3300419134")));
    QVERIFY(tip.contains(QLatin1String("127.0.0.1:8124")));
    QVERIFY(tip.contains(QLatin1String("mss=65495")));
    QVERIFY(tip.contains(QLatin1String("consumes one sequence number")));
    const QString state =
        LadderExplainer::tooltip(l, stateItem(l, "CLOSE-WAIT"), LadderPainter::Numbers::Textbook);
    QVERIFY(state.contains(QLatin1String("CLOSE-WAIT")));
}

void TstLadderView::explainerFollowsTheView()
{
    LadderExplainer explainer;
    explainer.setView(view_);
    QCOMPARE(explainer.headingText(), LadderExplainer::tr("Ready"));
    const Ladder l = SampleLadder::full();
    view_->setLadder(l);
    const int synAck = itemOfKind(l, LadderItem::Kind::Arrow, 1);
    view_->setCurrentItem(synAck);
    QVERIFY(explainer.headingText().contains(QLatin1String("SYN+ACK")));
    QVERIFY(explainer.paragraphText().contains(QLatin1String("x+1")));
    view_->setNumbers(LadderPainter::Numbers::Real);
    QVERIFY(explainer.paragraphText().contains(QLatin1String("3148290480")));
}

void TstLadderView::explanationsTeachTheTextbookPoints()
{
    const Ladder l = SampleLadder::full();
    const auto tb = LadderPainter::Numbers::Textbook;
    // SYN+ACK: ack = x+1 because the SYN consumes one number.
    const QString synAck =
        LadderExplainer::paragraph(l, itemOfKind(l, LadderItem::Kind::Arrow, 1), tb);
    QVERIFY(synAck.contains(QLatin1String("ack = x+1 = x + 1")));
    // The first FIN: this side will be the one in TIME-WAIT.
    const QString fin1 =
        LadderExplainer::paragraph(l, itemOfKind(l, LadderItem::Kind::Arrow, 7), tb);
    QVERIFY2(fin1.contains(QLatin1String("TIME-WAIT")), qPrintable(fin1));
    // The delayed ACK of the FIN (43 ms later).
    const QString ackFin =
        LadderExplainer::paragraph(l, itemOfKind(l, LadderItem::Kind::Arrow, 8), tb);
    QVERIFY2(ackFin.contains(QLatin1String("delays")), qPrintable(ackFin));
    QVERIFY(ackFin.contains(QLatin1String("43 ms")));
    // The second FIN after a separate ACK: the textbook four.
    const QString fin2 =
        LadderExplainer::paragraph(l, itemOfKind(l, LadderItem::Kind::Arrow, 9), tb);
    QVERIFY2(fin2.contains(QLatin1String("4-way")), qPrintable(fin2));
    // TIME-WAIT: 2×MSL, 60 s on Linux.
    const QString tw = LadderExplainer::paragraph(l, stateItem(l, "TIME-WAIT"), tb);
    QVERIFY(tw.contains(QLatin1String("60 s")));
    // CLOSE-WAIT lasts until the program closes; the paragraph says how long it lasted.
    const QString cw = LadderExplainer::paragraph(l, stateItem(l, "CLOSE-WAIT"), tb);
    QVERIFY2(cw.contains(QLatin1String("2.2 s")), qPrintable(cw));
    // Refused: RST answers the SYN.
    const Ladder r = SampleLadder::refused();
    const QString rst =
        LadderExplainer::paragraph(r, itemOfKind(r, LadderItem::Kind::Arrow, 1), tb);
    QVERIFY2(rst.contains(QLatin1String("ECONNREFUSED")), qPrintable(rst));

    // Linux's merged FIN+ACK: the second FIN acknowledges the first, no ACK between.
    Ladder merged = SampleLadder::full();
    const int ackOfFin = itemOfKind(merged, LadderItem::Kind::Arrow, 8);
    merged.items.erase(merged.items.begin() + ackOfFin);
    const QString three =
        LadderExplainer::paragraph(merged, itemOfKind(merged, LadderItem::Kind::Arrow, 8), tb);
    QVERIFY2(three.contains(QLatin1String("3 segments")), qPrintable(three));
}

void TstLadderView::viewScreenshots()
{
    // The widget as the class sees it: mid-handshake with the packet on its way, and at the
    // end (scrolled, so the lane headers are pinned with the states of both sides).
    const Ladder l = SampleLadder::full();
    view_->resize(1280, 720);
    view_->setLadder(l);
    view_->setTitle(QStringLiteral("Lesson: normal open and close"));
    view_->setAnimationDuration(2000);
    const int synAck = itemOfKind(l, LadderItem::Kind::Arrow, 1);
    view_->setShownItems(synAck + 1);
    view_->setCurrentItem(synAck, true);
    QTest::qWait(900);
    const QString dir = shotsDir();
    QVERIFY(view_->grab().save(dir + QStringLiteral("/ladder_view_mid_handshake.png")));
    view_->setAnimationDuration(0);
    const int tw = stateItem(l, "TIME-WAIT");
    view_->setShownItems(tw + 1);
    view_->setCurrentItem(tw);
    QVERIFY(view_->verticalScrollBar()->value() > 0);
    QVERIFY(view_->grab().save(dir + QStringLiteral("/ladder_view_time_wait.png")));
    view_->setTheme(LadderPainter::Theme::Dark);
    view_->setZoom(1.5);
    view_->setCurrentItem(tw);
    QVERIFY(view_->grab().save(dir + QStringLiteral("/ladder_view_time_wait_dark_zoom.png")));
    // Export what is shown.
    QString error;
    QVERIFY2(view_->saveImage(dir + QStringLiteral("/ladder_view_export.svg"), &error),
             qPrintable(error));
}

QTEST_MAIN(TstLadderView)
#include "tst_ladder_view.moc"
