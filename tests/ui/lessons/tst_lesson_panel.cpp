// The lessons panel offscreen: run a lesson in step mode from the buttons, watch the ladder
// grow with the kernel holding its states, replay it back and forth, save and reopen it, and
// refuse a broken file without losing what is shown.
#include "core/base/timeline.h"
#include "core/lessons/replay_player.h"
#include "core/net/loopback_loss.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "ui/ladder/ladder_view.h"
#include "ui/lessons/lesson_panel.h"

#include <QApplication>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace netstage;

namespace {

QPushButton* button(QWidget* root, const QString& text)
{
    for (QPushButton* b : root->findChildren<QPushButton*>()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

QStringList arrowFlags(const Ladder& l)
{
    QStringList out;
    for (const LadderArrow& a : l.arrows)
        out << a.flags;
    return out;
}

} // namespace

class TestLessonPanel : public QObject
{
    Q_OBJECT
    Timeline timeline_;
    KernelObserver* observer_ = nullptr;
    WireCapture* wire_ = nullptr;
    QTemporaryDir dir_;

private slots:
    void initTestCase()
    {
        observer_ = new KernelObserver(&timeline_, this);
        wire_ = new WireCapture(&timeline_, this);
        wire_->start(); // without permission the ladder comes from the model: same checks
    }

    // The Loss box (root only): the lesson runs with the nftables rule in place, says so in
    // its log, and takes the rule away when it ends. TCP and UDP share the ladder.
    void lossFromThePanel()
    {
        if (::geteuid() != 0)
            QSKIP("real loss needs root (nftables)");
        LessonPanel panel(&timeline_, observer_, wire_);
        panel.resize(1400, 900);
        panel.show();
        panel.setAutoStepDelay(50);
        auto* loss = panel.findChild<QSpinBox*>(QStringLiteral("lessonLossSpin"));
        QVERIFY(loss);
        QCOMPARE(loss->value(), 0); // off by default
        loss->setValue(50);
        QSignalSpy finished(&panel, &LessonPanel::lessonFinished);
        QVERIFY(panel.startLesson(QStringLiteral("tcp-vs-udp"), false));
        const QString table = QStringLiteral("netstage_%1").arg(::getpid());
        QVERIFY(LoopbackLoss::tables().contains(table));
        QVERIFY(finished.wait(60000));
        QVERIFY(!LoopbackLoss::tables().contains(table));
        QVERIFY(std::any_of(panel.events().begin(), panel.events().end(), [](const Event& e) {
            return e.socket == QLatin1String("lesson") && e.event == ev::Info &&
                   e.extra.value(QStringLiteral("loss_percent")).toInt() == 50;
        }));
        QTRY_COMPARE_WITH_TIMEOUT(int(panel.ladder().lanes.size()), 4, 3000);
        QCOMPARE(panel.ladder().lanes[2].proto, QStringLiteral("udp"));
    }

    void stepThroughHalfClose()
    {
        LessonPanel panel(&timeline_, observer_, wire_);
        panel.resize(1400, 900);
        panel.show();
        QSignalSpy finished(&panel, &LessonPanel::lessonFinished);
        QVERIFY(panel.startLesson(QStringLiteral("half-close"), true));
        QPushButton* step = button(&panel, QStringLiteral("Step"));
        QVERIFY(step);
        // Step 1 (connect): the teacher presses Step; the handshake appears.
        QTRY_VERIFY_WITH_TIMEOUT(step->isEnabled(), 5000);
        QTest::mouseClick(step, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(arrowFlags(panel.ladder()).size() >= 3, 5000);
        QCOMPARE(arrowFlags(panel.ladder()).mid(0, 3), (QStringList{"SYN", "SYN,ACK", "ACK"}));
        // Step 2 (half-close): the client's FIN; then the lesson waits and the states hold.
        QTRY_VERIFY_WITH_TIMEOUT(step->isEnabled(), 5000);
        QTest::mouseClick(step, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(step->isEnabled(), 5000);
        const Ladder& l = panel.ladder();
        const int n = int(l.items.size());
        QCOMPARE(l.laneStateAt(0, n), QStringLiteral("FIN-WAIT-2"));
        QCOMPARE(l.laneStateAt(1, n), QStringLiteral("CLOSE-WAIT"));
        QCOMPARE(panel.player()->position(), n); // live: everything shown
        // The rest of the lesson.
        for (int i = 0; i < 5 && finished.isEmpty(); ++i) {
            if (step->isEnabled())
                QTest::mouseClick(step, Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(step->isEnabled() || !finished.isEmpty(), 8000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 8000);
        const Ladder& done = panel.ladder();
        QCOMPARE(done.laneStateAt(0, int(done.items.size())), QStringLiteral("TIME-WAIT"));
        QVERIFY(arrowFlags(done).contains(QStringLiteral("PSH,ACK")));

        // Replay: back to the start and forward again, by the buttons and by the diagram's keys.
        QTest::mouseClick(button(&panel, QStringLiteral("Restart")), Qt::LeftButton);
        QCOMPARE(panel.player()->position(), 0);
        QCOMPARE(panel.view()->shownItems(), 0);
        QTest::mouseClick(button(&panel, QStringLiteral("Forward")), Qt::LeftButton);
        QTest::keyClick(panel.view(), Qt::Key_N);
        QTest::keyClick(panel.view(), Qt::Key_Right);
        QCOMPARE(panel.player()->position(), 3);
        QCOMPARE(panel.view()->shownItems(), 3);
        QTest::keyClick(panel.view(), Qt::Key_P);
        QCOMPARE(panel.player()->position(), 2);

        // Save, then open the file again: the same ladder.
        const QString path = dir_.filePath(QStringLiteral("half-close.netstage.jsonl"));
        QSignalSpy saved(&panel, &LessonPanel::recordingSaved);
        panel.saveRecording(path);
        QVERIFY(saved.wait(5000));
        const QStringList before = arrowFlags(panel.ladder());
        const int itemsBefore = int(panel.ladder().items.size());
        LessonPanel other(&timeline_, observer_, wire_);
        QSignalSpy opened(&other, &LessonPanel::recordingOpened);
        other.openRecording(path);
        QVERIFY(opened.wait(5000));
        QCOMPARE(arrowFlags(other.ladder()), before);
        QCOMPARE(int(other.ladder().items.size()), itemsBefore);
        QCOMPARE(other.lessonName(), QStringLiteral("half-close"));

        // A broken file: a clear error, nothing changes.
        const QString broken = dir_.filePath(QStringLiteral("broken.jsonl"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"netstage_recording\":1}\n{\"t_us\":1,\"event\":\"conn");
        f.close();
        QSignalSpy failed(&other, &LessonPanel::recordingFailed);
        other.openRecording(broken);
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.first().first().toString().contains(QLatin1String("line 2")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(arrowFlags(other.ladder()), before);

        // Export for slides.
        QString error;
        QVERIFY2(other.exportDiagram(dir_.filePath(QStringLiteral("ladder.svg")), &error),
                 qPrintable(error));
        QVERIFY(QFile(dir_.filePath(QStringLiteral("ladder.svg"))).size() > 1000);
    }

    // A sample recording plays to its end at the fastest teaching speed.
    void playSample()
    {
        LessonPanel panel(&timeline_, observer_, wire_);
        QSignalSpy opened(&panel, &LessonPanel::recordingOpened);
        panel.openRecording(QStringLiteral(":/recordings/handshake.netstage.jsonl"));
        QVERIFY(opened.wait(5000));
        const int n = panel.player()->itemCount();
        QVERIFY(n > 10);
        QCOMPARE(panel.player()->position(), 0);
        panel.player()->setSpeed(ReplayPlayer::kMaxSpeed);
        panel.player()->play();
        QTRY_COMPARE_WITH_TIMEOUT(panel.player()->position(), n, n * 200 + 2000);
        QCOMPARE(panel.view()->shownItems(), n);
    }
};

QTEST_MAIN(TestLessonPanel)
#include "tst_lesson_panel.moc"
