// The first five minutes: the start page a first run opens (settings in a temporary folder),
// each card's button opening its view ready to run, the guided run of the TCP chapter
// advancing only on what the lab really did, Esc ending it, and the empty states that say
// what will appear and fill the view with their one action. Offscreen, real sockets.
#include "core/base/timeline.h"
#include "core/cli/cli.h"
#include "core/lessons/replay_player.h"
#include "core/tcp/tcp_lab.h"
#include "core/udp/udp_lab.h"
#include "core/ws/ws_lab.h"
#include "ui/common/app_settings.h"
#include "ui/common/empty_state.h"
#include "ui/http/http_panel.h"
#include "ui/ladder/ladder_view.h"
#include "ui/lessons/lesson_panel.h"
#include "ui/log/event_log_panel.h"
#include "ui/log/socket_list_model.h"
#include "ui/shell/guided_tour.h"
#include "ui/shell/main_window.h"
#include "ui/shell/start_page.h"
#include "ui/tcp/tcp_panel.h"
#include "ui/url/url_panel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace netstage;

namespace {

template <typename T> T* named(QWidget* root, const QString& name)
{
    return root->findChild<T*>(name);
}

// As a user does: wait until the button can be pressed (the panel enables it when the model,
// which follows the timeline on a frame timer, shows the socket), then press it.
bool press(QWidget* root, const QString& name)
{
    auto* b = root->findChild<QPushButton*>(name);
    if (!b)
        return false;
    if (!QTest::qWaitFor([b] { return b->isEnabled() && b->isVisible(); }, 5000))
        return false;
    QTest::mouseClick(b, Qt::LeftButton);
    return true;
}

QString plain(const QString& text)
{
    return QString(text).remove(QLatin1Char('&'));
}

} // namespace

class TstStartPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void firstRunOpensTheStartPage();
    void laterRunsOpenTheLastView();
    void skippingTheOfferIsRemembered();
    void cardOpensItsViewReady_data();
    void cardOpensItsViewReady();
    void handshakeCardRunsWithOneMorePress();
    void guidedRunAdvancesOnRealActions();
    void escEndsTheGuidedRun();
    void emptyStatesSayWhatAndFillTheView();
    void everythingFollowsTheLanguage();

private:
    void freshSettings();
    QTemporaryDir config_;
    int run_ = 0;
};

void TstStartPage::initTestCase()
{
    QVERIFY(config_.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("NetStage"));
    QCoreApplication::setApplicationName(QStringLiteral("netstage-start-test"));
    installTranslators(qApp, QStringLiteral("en"));
}

// A settings folder no run has used: the app has never run.
void TstStartPage::freshSettings()
{
    const QString dir = config_.filePath(QString::number(++run_));
    QVERIFY(QDir().mkpath(dir));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QVERIFY(QSettings().allKeys().isEmpty());
}

void TstStartPage::firstRunOpensTheStartPage()
{
    freshSettings();
    MainWindow w;
    w.rememberSettings();
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.currentView(), QStringLiteral("start"));
    auto* tabs = named<QTabWidget>(&w, QStringLiteral("labTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->widget(0), static_cast<QWidget*>(w.startPage())); // the first tab
    StartPage* page = w.startPage();
    QVERIFY(page->isOfferingTour());
    QVERIFY(page->tourButton()->isVisible());
    // Every chapter of the tutorial is a card with a button, in the tutorial's order.
    const QStringList ids = {"osi", "url", "handshake", "teardown", "tcp", "udp", "http", "ws"};
    QStringList order;
    for (const StartPage::Card& c : StartPage::cards())
        order << c.id;
    QCOMPARE(order, ids);
    for (const QString& id : ids) {
        QPushButton* b = page->cardButton(id);
        QVERIFY2(b && b->isVisible() && !b->text().isEmpty(), qPrintable(id));
    }
    auto* keys = named<QLabel>(page, QStringLiteral("keysHint"));
    QVERIFY(keys && keys->isVisible() && keys->text().contains(QStringLiteral("F1")));
    // Nothing to continue on a first run, and the page says so.
    QVERIFY(!named<QPushButton>(page, QStringLiteral("lastViewButton")));
    QVERIFY(!named<QPushButton>(page, QStringLiteral("recentButton")));
    // The start page is also in the Help menu.
    QVERIFY(named<QAction>(&w, QStringLiteral("startPageAction")));
}

void TstStartPage::laterRunsOpenTheLastView()
{
    freshSettings();
    const QString recording = config_.filePath(QStringLiteral("teardown.netstage.jsonl"));
    QFile::remove(recording);
    QVERIFY(QFile::copy(QStringLiteral(":/recordings/teardown.netstage.jsonl"), recording));
    {
        MainWindow w;
        w.rememberSettings();
        w.show();
        QCOMPARE(w.currentView(), QStringLiteral("start"));
        QVERIFY(w.showView(QStringLiteral("udp")));
        AppSettings::addRecentFile(recording);
        w.close();
    }
    MainWindow w;
    w.rememberSettings();
    w.show();
    QCOMPARE(w.currentView(), QStringLiteral("udp")); // the view left open
    StartPage* page = w.startPage();
    QVERIFY(!page->isOfferingTour()); // not a first run any more
    auto* last = named<QPushButton>(page, QStringLiteral("lastViewButton"));
    QVERIFY(last);
    QVERIFY2(last->text().contains(QStringLiteral("UDP")), qPrintable(last->text()));
    auto* recent = named<QPushButton>(page, QStringLiteral("recentButton"));
    QVERIFY(recent);
    QCOMPARE(recent->text(), QStringLiteral("teardown.netstage.jsonl"));
    // Continue: the recording opens in the lessons view, the last view comes back.
    QVERIFY(w.showView(QStringLiteral("start")));
    recent->click();
    QTRY_COMPARE_WITH_TIMEOUT(w.currentView(), QStringLiteral("lessons"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!w.lessonPanel()->events().empty(), 5000);
    // The opened recording went to the top of the list: the section was filled again.
    QVERIFY(w.showView(QStringLiteral("start")));
    last = named<QPushButton>(page, QStringLiteral("lastViewButton"));
    QVERIFY(last);
    last->click();
    QCOMPARE(w.currentView(), QStringLiteral("udp"));
}

void TstStartPage::skippingTheOfferIsRemembered()
{
    freshSettings();
    {
        MainWindow w;
        w.rememberSettings();
        w.show();
        QVERIFY(w.startPage()->isOfferingTour());
        auto* skip = named<QPushButton>(w.startPage(), QStringLiteral("tourSkipButton"));
        QVERIFY(skip);
        skip->click();
        QVERIFY(!w.startPage()->isOfferingTour());
        QVERIFY(!w.tour());
        // Closed on the start page: the next run opens on it again, without the offer.
        w.close();
    }
    MainWindow w;
    w.rememberSettings();
    w.show();
    QCOMPARE(w.currentView(), QStringLiteral("start"));
    QVERIFY(!w.startPage()->isOfferingTour());
}

void TstStartPage::cardOpensItsViewReady_data()
{
    QTest::addColumn<QString>("card");
    QTest::addColumn<QString>("view");
    for (const StartPage::Card& c : StartPage::cards())
        QTest::newRow(qPrintable(c.id)) << c.id << c.view;
}

void TstStartPage::cardOpensItsViewReady()
{
    QFETCH(QString, card);
    QFETCH(QString, view);
    MainWindow w;
    w.show();
    QCOMPARE(w.currentView(), QStringLiteral("start"));
    // Spoil the state first, as a previous lesson would, so the card must set it.
    auto spin = [&](const QString& name) { return w.findChild<QSpinBox*>(name); };
    auto combo = [&](const QString& name) { return w.findChild<QComboBox*>(name); };
    auto edit = [&](const QString& name) { return w.findChild<QLineEdit*>(name); };
    if (card == QLatin1String("tcp")) {
        spin(QStringLiteral("serverPortSpin"))->setValue(9999);
        combo(QStringLiteral("presetCombo"))->setCurrentIndex(2);
        edit(QStringLiteral("targetEdit"))->setText(QStringLiteral("127.0.0.1:1"));
    } else if (card == QLatin1String("udp")) {
        spin(QStringLiteral("udpPortSpin"))->setValue(9999);
        combo(QStringLiteral("udpPresetCombo"))->setCurrentIndex(1);
    } else if (card == QLatin1String("ws")) {
        spin(QStringLiteral("wsPortSpin"))->setValue(9999);
        combo(QStringLiteral("wsPresetCombo"))->setCurrentIndex(1);
    } else if (card == QLatin1String("http")) {
        w.httpPanel()->setUrl(QStringLiteral("http://elsewhere.test/x"));
    } else if (card == QLatin1String("url")) {
        w.findChild<UrlPanel*>()->setUrl(QStringLiteral("http://elsewhere.test/"));
    } else if (card == QLatin1String("handshake") || card == QLatin1String("teardown")) {
        combo(QStringLiteral("lessonCombo"))
            ->setCurrentIndex(
                combo(QStringLiteral("lessonCombo"))->findData(QStringLiteral("reset")));
    }

    QPushButton* button = w.startPage()->cardButton(card);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(w.currentView(), view);
    QWidget* v = w.findChild<QTabWidget*>(QStringLiteral("labTabs"))->currentWidget();
    QVERIFY(v && v->isVisible());

    if (card == QLatin1String("tcp")) {
        QCOMPARE(spin(QStringLiteral("serverPortSpin"))->value(), 8124);
        QCOMPARE(TcpPreset(combo(QStringLiteral("presetCombo"))->currentData().toInt()),
                 TcpPreset::Seed);
        QCOMPARE(edit(QStringLiteral("targetEdit"))->text(), QStringLiteral("127.0.0.1:8124"));
        QVERIFY(!w.tcpLab()->isListening()); // ready, not started: the teacher presses Start
    } else if (card == QLatin1String("udp")) {
        QCOMPARE(spin(QStringLiteral("udpPortSpin"))->value(), 41234);
        QCOMPARE(UdpPreset(combo(QStringLiteral("udpPresetCombo"))->currentData().toInt()),
                 UdpPreset::Seed);
    } else if (card == QLatin1String("ws")) {
        QCOMPARE(spin(QStringLiteral("wsPortSpin"))->value(), 8090);
        QCOMPARE(WsPreset(combo(QStringLiteral("wsPresetCombo"))->currentData().toInt()),
                 WsPreset::Echo);
    } else if (card == QLatin1String("http")) {
        QCOMPARE(edit(QStringLiteral("httpUrlEdit"))->text(),
                 QStringLiteral("http://example.test:8080/"));
    } else if (card == QLatin1String("url")) {
        QCOMPARE(w.findChild<UrlPanel*>()->url(), QStringLiteral("http://example.test/"));
    } else if (card == QLatin1String("handshake") || card == QLatin1String("teardown")) {
        QCOMPARE(combo(QStringLiteral("lessonCombo"))->currentData().toString(), card);
        QVERIFY(!w.lessonPanel()->isRunning());
        // The teardown step by step (the server waits in CLOSE-WAIT: four segments).
        auto* step = w.lessonPanel()->findChild<QCheckBox*>(QStringLiteral("lessonStepMode"));
        QVERIFY(step);
        QCOMPARE(step->isChecked(), card == QLatin1String("teardown"));
    }
}

void TstStartPage::handshakeCardRunsWithOneMorePress()
{
    // "Ready to run": after the card, the view's own Run button runs the promised lesson.
    MainWindow w;
    w.show();
    QTest::mouseClick(w.startPage()->cardButton(QStringLiteral("handshake")), Qt::LeftButton);
    LessonPanel* lessons = w.lessonPanel();
    lessons->setAutoStepDelay(30);
    QSignalSpy finished(lessons, &LessonPanel::lessonFinished);
    auto* run = lessons->findChild<QPushButton*>(QStringLiteral("lessonRun"));
    QVERIFY(run);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(lessons->lessonName(), QStringLiteral("handshake"));
    bool syn = false;
    for (const Event& e : lessons->events())
        syn = syn || (e.event == ev::Segment && e.flags == QLatin1String("SYN"));
    QVERIFY(syn);
}

void TstStartPage::guidedRunAdvancesOnRealActions()
{
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::mouseClick(w.startPage()->tourButton(), Qt::LeftButton);
    GuidedTour* tour = w.tour();
    QVERIFY(tour);
    QSignalSpy finished(tour, &GuidedTour::finished);
    QCOMPARE(w.currentView(), QStringLiteral("tcp"));
    TcpPanel* panel = w.tcpPanel();
    // Never the tutorial's real port in a test (another run may hold it).
    panel->findChild<QSpinBox*>(QStringLiteral("serverPortSpin"))->setValue(0);

    auto ringsAround = [&](const QString& name) {
        QWidget* t = panel->findChild<QWidget*>(name);
        if (!t || tour->target() != t)
            return false;
        const QRect r(t->mapTo(&w, QPoint(0, 0)), t->size());
        return tour->ring()->isVisible() && tour->ring()->geometry().contains(r) &&
               tour->note()->isVisible();
    };
    QCOMPARE(tour->step(), GuidedTour::StartServer);
    QTRY_VERIFY_WITH_TIMEOUT(ringsAround(QStringLiteral("startButton")), 2000);
    QVERIFY(tour->noteText().contains(QStringLiteral("listening")));
    QVERIFY(tour->noteText().contains(QStringLiteral("LISTEN")));
    QVERIFY(!QApplication::activeModalWidget()); // no dialog, ever

    // A press that does not do what the step asks does not advance it: a client refused
    // by a closed port is not the server starting.
    panel->findChild<QLineEdit*>(QStringLiteral("targetEdit"))
        ->setText(QStringLiteral("127.0.0.1:1"));
    QVERIFY(press(panel, QStringLiteral("connectButton")));
    QTest::qWait(300);
    QCOMPARE(tour->step(), GuidedTour::StartServer);
    QVERIFY(press(panel, QStringLiteral("startButton")));
    QTRY_COMPARE_WITH_TIMEOUT(tour->step(), GuidedTour::Connect, 5000);
    QVERIFY(w.tcpLab()->isListening());
    QTRY_VERIFY_WITH_TIMEOUT(ringsAround(QStringLiteral("connectButton")), 2000);
    QVERIFY(tour->noteText().contains(QStringLiteral("ESTABLISHED")));
    // The client aims at the server's real port (a user types it).
    panel->findChild<QLineEdit*>(QStringLiteral("targetEdit"))
        ->setText(QStringLiteral("127.0.0.1:%1").arg(w.tcpLab()->serverPort()));
    QVERIFY(press(panel, QStringLiteral("connectButton")));
    QTRY_COMPARE_WITH_TIMEOUT(tour->step(), GuidedTour::Send, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(ringsAround(QStringLiteral("sendButton")), 2000);
    QVERIFY(tour->noteText().contains(TcpLab::kReply));
    // For a person to look at: the ring and the note at this step (tour_send.png).
    QVERIFY(w.grab().save(QStringLiteral("tour_send.png")));

    auto* message = panel->findChild<QLineEdit*>(QStringLiteral("messageEdit"));
    QVERIFY(message);
    QTRY_VERIFY_WITH_TIMEOUT(panel->selectedSocket().startsWith(QLatin1String("tcp-client")) &&
                                 w.tcpLab()->timeline()->countOf(panel->selectedSocket()) > 1,
                             5000);
    message->setText(QStringLiteral("hello"));
    QVERIFY(press(panel, QStringLiteral("sendButton")));
    QTRY_COMPARE_WITH_TIMEOUT(tour->step(), GuidedTour::HalfClose, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(ringsAround(QStringLiteral("halfCloseButton")), 2000);
    QVERIFY(tour->noteText().contains(QStringLiteral("FIN-WAIT-2")));
    QVERIFY(!finished.count());

    QVERIFY(press(panel, QStringLiteral("halfCloseButton")));
    QTRY_COMPARE_WITH_TIMEOUT(tour->step(), GuidedTour::Done, 5000);
    QVERIFY(!tour->ring()->isVisible());
    QVERIFY(!QApplication::activeModalWidget());
    // The log really shows what the steps promised, on the client's socket.
    const QString client = panel->selectedSocket();
    QVERIFY(client.startsWith(QLatin1String("tcp-client")));
    QStringList seen;
    Timeline* tl = w.timeline();
    for (quint64 i = tl->firstIndex(); i < tl->endIndex(); ++i) {
        const Event e = tl->at(i);
        if (e.socket == client && e.source == ev::App)
            seen << e.event;
    }
    QVERIFY2(seen.contains(QStringLiteral("connect")) && seen.contains(QStringLiteral("data")) &&
                 seen.contains(QStringLiteral("finish")),
             qPrintable(seen.join(QLatin1Char(' '))));
    auto* close = tour->note()->findChild<QPushButton*>(QStringLiteral("tourEndButton"));
    QVERIFY(close);
    close->click();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QTRY_VERIFY(!w.tour());
}

void TstStartPage::escEndsTheGuidedRun()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    GuidedTour* tour = w.startTour();
    QVERIFY(tour);
    QSignalSpy finished(tour, &GuidedTour::finished);
    QWidget* note = tour->note();
    QVERIFY(note->isVisible());
    QTest::keyClick(w.tcpPanel()->socketView(), Qt::Key_Escape);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QTRY_VERIFY(!w.tour());              // gone, with its ring and note
    QVERIFY(!w.tcpLab()->isListening()); // nothing was started for the teacher
    // Skippable from any step, and it can be taken again from the Help menu.
    auto* again = w.findChild<QAction*>(QStringLiteral("tourAction"));
    QVERIFY(again);
    again->trigger();
    QVERIFY(w.tour());
    QCOMPARE(w.tour()->step(), GuidedTour::StartServer);
}

void TstStartPage::emptyStatesSayWhatAndFillTheView()
{
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.showView(QStringLiteral("tcp")));
    TcpPanel* panel = w.tcpPanel();
    panel->findChild<QSpinBox*>(QStringLiteral("serverPortSpin"))->setValue(0);
    EmptyState* sockets = EmptyState::of(panel->socketView());
    QVERIFY(sockets);
    QTRY_VERIFY(sockets->isShowing());
    QVERIFY2(sockets->hint().contains(QStringLiteral("“Start”")), qPrintable(sockets->hint()));
    EmptyState* log = panel->logPanel()->emptyState();
    QVERIFY(log && log->isShowing());
    QVERIFY(!log->title().isEmpty());
    // Its one action fills it: the server starts, its row and its events appear, the
    // overlays go.
    QVERIFY(sockets->actionButton()->isVisible());
    QTest::mouseClick(sockets->actionButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(w.tcpLab()->isListening(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!sockets->isShowing(), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(!log->isShowing(), 3000);
    QVERIFY(panel->socketModel()->rowCount() > 0);

    // The ladder of the lessons view: empty until a lesson draws; its action runs the lesson.
    QVERIFY(w.showView(QStringLiteral("lessons")));
    LessonPanel* lessons = w.lessonPanel();
    lessons->setAutoStepDelay(30);
    lessons->selectLesson(QStringLiteral("handshake"), false);
    EmptyState* ladder = EmptyState::of(lessons->view());
    QVERIFY(ladder);
    QTRY_VERIFY(ladder->isShowing());
    QVERIFY(ladder->hint().contains(QStringLiteral("Run lesson")));
    QSignalSpy finished(lessons, &LessonPanel::lessonFinished);
    QTest::mouseClick(ladder->actionButton(), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(!ladder->isShowing(), 3000);
    QVERIFY(!lessons->view()->ladder().items.empty());

    // Every lab's empty views have one (a helper shared, not one copy per panel).
    for (const QString& name :
         {QStringLiteral("udpSocketsEmpty"), QStringLiteral("udpLadderEmpty"),
          QStringLiteral("wsSocketsEmpty"), QStringLiteral("httpHistoryEmpty"),
          QStringLiteral("httpTimingEmpty"), QStringLiteral("urlStepsEmpty"),
          QStringLiteral("urlWaterfallEmpty"), QStringLiteral("urlLadderEmpty")}) {
        auto* e = w.findChild<EmptyState*>(name);
        QVERIFY2(e, qPrintable(name));
        QVERIFY2(!e->title().isEmpty() && !e->hint().isEmpty() && e->actionButton() &&
                     !plain(e->actionButton()->text()).isEmpty(),
                 qPrintable(name));
    }
}

void TstStartPage::everythingFollowsTheLanguage()
{
    // The start page and the rebuilt panels come back in Chinese; the URL panel, which a
    // switch keeps, says its empty states again in the new language.
    MainWindow w;
    w.show();
    QVERIFY(w.setLanguage(QStringLiteral("zh_CN"), false));
    QCOMPARE(w.startPage()->cardButton(QStringLiteral("tcp"))->text(),
             QStringLiteral("打开 TCP 实验"));
    QVERIFY(w.startPage()->isOfferingTour());
    auto* tcp = EmptyState::of(w.tcpPanel()->socketView());
    QVERIFY(tcp);
    QCOMPARE(tcp->title(), QStringLiteral("还没有服务器"));
    auto* walk = w.findChild<EmptyState*>(QStringLiteral("urlStepsEmpty"));
    QVERIFY(walk);
    // The kept panel hears of the switch from the event loop (LanguageChange is posted).
    QTRY_COMPARE(walk->title(), QStringLiteral("还没有走过"));
    QCOMPARE(walk->actionButton()->text(), QStringLiteral("前往"));
    QVERIFY(w.setLanguage(QStringLiteral("en"), false));
    QTRY_COMPARE(walk->title(), QStringLiteral("No walk yet"));
    QCOMPARE(walk->actionButton()->text(), QStringLiteral("Go"));
}

QTEST_MAIN(TstStartPage)
#include "tst_start_page.moc"
