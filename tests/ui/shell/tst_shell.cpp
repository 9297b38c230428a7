// The window around the labs: the language switched from the menu (and remembered), recent
// recordings, drag and drop, the settings kept between runs. Offscreen, with a private
// settings directory (XDG_CONFIG_HOME) so the user's own settings are never read or touched.
#include "core/base/timeline.h"
#include "core/cli/cli.h"
#include "core/lessons/replay_player.h"
#include "core/tcp/tcp_lab.h"
#include "ui/common/app_settings.h"
#include "ui/lessons/lesson_panel.h"
#include "ui/shell/main_window.h"
#include "ui/shell/presentation.h"
#include "ui/tcp/tcp_panel.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace netstage;

namespace {

QStringList menuTitles(QMainWindow* w)
{
    QStringList titles;
    for (QAction* a : w->menuBar()->actions())
        titles << a->text();
    return titles;
}

QStringList tabTitles(QMainWindow* w)
{
    QStringList titles;
    auto* tabs = w->findChild<QTabWidget*>(QStringLiteral("labTabs"));
    for (int i = 0; tabs && i < tabs->count(); ++i)
        titles << tabs->tabText(i);
    return titles;
}

QString copySample(const QTemporaryDir& dir, const QString& name)
{
    const QString path = dir.filePath(name + QStringLiteral(".netstage.jsonl"));
    QFile::remove(path);
    if (!QFile::copy(QStringLiteral(":/recordings/%1.netstage.jsonl").arg(name), path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void drop(QWidget* target, const QStringList& files)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& f : files)
        urls << QUrl::fromLocalFile(f);
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
}

} // namespace

class TstShell : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void languageSwitchesAtRunTimeAndKeepsTheSession();
    void languageIsRemembered();
    void recentFilesAndDragAndDrop();
    void brokenDropIsExplainedAndNothingIsLost();
    void portsAndLastViewSurviveARestart();
    void lanModeBindsLimitsAndSaysWhere();

private:
    QTemporaryDir config_;
    QTemporaryDir files_;
};

void TstShell::initTestCase()
{
    QVERIFY(config_.isValid() && files_.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("NetStage"));
    QCoreApplication::setApplicationName(QStringLiteral("netstage-test"));
    installTranslators(qApp, QStringLiteral("en"));
}

void TstShell::languageSwitchesAtRunTimeAndKeepsTheSession()
{
    MainWindow w;
    w.show();
    QCOMPARE(w.language(), QStringLiteral("en"));
    QVERIFY(menuTitles(&w).contains(QStringLiteral("&File")));
    const int tabs = tabTitles(&w).size();
    QVERIFY(tabTitles(&w).contains(QStringLiteral("Handshake && teardown")));

    // A real server and a real connection before the switch.
    TcpServerOptions options;
    options.port = 0;
    QVERIFY(w.tcpLab()->startServer(options));
    const quint16 port = w.tcpLab()->serverPort();
    QTcpSocket before;
    before.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(before.waitForConnected(5000));
    QTRY_VERIFY_WITH_TIMEOUT(w.timeline()->size() > 2, 5000);
    const std::size_t eventsBefore = w.timeline()->size();
    w.showView(QStringLiteral("http"));

    // From the menu, as a user does it.
    QAction* zh = w.menuBar()->findChild<QAction*>(QStringLiteral("language_zh_CN"));
    QVERIFY(zh);
    QSignalSpy changed(&w, &MainWindow::languageChanged);
    // Sockets are open (the server and its connection); the window owns every lab, so a
    // switch closes none and asks nothing (a question box, if one came, is answered yes and
    // fails the test below).
    QString question;
    QTimer::singleShot(300, [&question] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        question = box->text();
        box->button(QMessageBox::Yes)->click();
    });
    zh->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 5000);
    QCOMPARE(w.language(), QStringLiteral("zh_CN"));
    QVERIFY2(question.isEmpty(), qPrintable(question));
    QVERIFY2(menuTitles(&w).contains(QStringLiteral("文件(&F)")),
             qPrintable(menuTitles(&w).join(QLatin1Char('|'))));
    QVERIFY2(tabTitles(&w).contains(QStringLiteral("握手与挥手")),
             qPrintable(tabTitles(&w).join(QLatin1Char('|'))));
    QCOMPARE(tabTitles(&w).size(), tabs);
    QCOMPARE(w.currentView(), QStringLiteral("http")); // the same lab stays in front
    // Only one set of menus: the old ones are gone, not hidden.
    QCOMPARE(w.menuBar()->actions().size(), menuTitles(&w).size());
    QVERIFY(!menuTitles(&w).contains(QStringLiteral("&File")));
    QVERIFY(w.menuBar()->findChild<QAction*>(QStringLiteral("language_zh_CN"))->isChecked());

    // The session survived: the log still has its events, the server still listens and
    // answers a new connection, and the old connection is still open.
    QVERIFY(w.timeline()->size() >= eventsBefore);
    QVERIFY(w.tcpLab()->isListening());
    QTcpSocket after;
    after.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(after.waitForConnected(5000));
    QCOMPARE(before.state(), QAbstractSocket::ConnectedState);

    // A lesson on the screen stays there, at the same step, through a switch.
    QSignalSpy opened(w.lessonPanel(), &LessonPanel::recordingOpened);
    w.lessonPanel()->openRecording(QStringLiteral(":/recordings/teardown.netstage.jsonl"));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 5000);
    w.lessonPanel()->player()->seek(5);
    const std::size_t lessonEvents = w.lessonPanel()->events().size();
    QVERIFY(lessonEvents > 10);

    // And back.
    QVERIFY(w.setLanguage(QStringLiteral("en"), false));
    QCOMPARE(w.lessonPanel()->events().size(), lessonEvents);
    QCOMPARE(w.lessonPanel()->lessonName(), QStringLiteral("teardown"));
    QCOMPARE(w.lessonPanel()->player()->position(), 5);
    QVERIFY(menuTitles(&w).contains(QStringLiteral("&File")));
    QVERIFY(tabTitles(&w).contains(QStringLiteral("Handshake && teardown")));
    QVERIFY(!w.setLanguage(QStringLiteral("fr"), false)); // not one we ship
    QCOMPARE(w.language(), QStringLiteral("en"));
}

void TstShell::languageIsRemembered()
{
    qputenv("XDG_CONFIG_HOME", config_.path().toUtf8());
    AppSettings::setLanguage(QString());
    {
        MainWindow w;
        w.rememberSettings();
        QVERIFY(w.setLanguage(QStringLiteral("zh_CN"), false));
    }
    QCOMPARE(AppSettings::language(), QStringLiteral("zh_CN"));
    {
        // A window that does not remember (tests, screenshots) leaves the choice alone.
        MainWindow w;
        QVERIFY(w.setLanguage(QStringLiteral("en"), false));
    }
    QCOMPARE(AppSettings::language(), QStringLiteral("zh_CN"));
    installTranslators(qApp, QStringLiteral("en"));
}

void TstShell::recentFilesAndDragAndDrop()
{
    qputenv("XDG_CONFIG_HOME", config_.path().toUtf8());
    AppSettings::clearRecentFiles();
    const QString handshake = copySample(files_, QStringLiteral("handshake"));
    const QString reset = copySample(files_, QStringLiteral("reset"));
    QVERIFY(!handshake.isEmpty() && !reset.isEmpty());

    MainWindow w;
    w.rememberSettings();
    w.show();
    QSignalSpy opened(w.lessonPanel(), &LessonPanel::recordingOpened);
    drop(&w, {handshake});
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 5000);
    QCOMPARE(opened.at(0).at(0).toString(), handshake);
    QCOMPARE(w.currentView(), QStringLiteral("lessons"));

    // Two dropped: the first opens, the status bar names what was left.
    drop(&w, {reset, handshake});
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 5000);
    QCOMPARE(opened.at(1).at(0).toString(), reset);
    QTRY_VERIFY2_WITH_TIMEOUT(
        w.statusBar()->currentMessage().contains(QStringLiteral("1 other file")),
        qPrintable(w.statusBar()->currentMessage()), 5000);

    // Newest first, in the menu too.
    QCOMPARE(AppSettings::recentFiles(), (QStringList{reset, handshake}));
    auto* recent = w.menuBar()->findChild<QMenu*>(QStringLiteral("recentMenu"));
    QVERIFY(recent);
    emit recent->aboutToShow();
    QStringList items;
    for (QAction* a : recent->actions())
        items << a->text();
    QVERIFY2(items.size() >= 2 && items.at(0).contains(QStringLiteral("reset.netstage.jsonl")) &&
                 items.at(1).contains(QStringLiteral("handshake.netstage.jsonl")),
             qPrintable(items.join(QLatin1Char('|'))));
    // A recent entry opens its file again.
    recent->actions().at(1)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 3, 5000);
    QCOMPARE(opened.at(2).at(0).toString(), handshake);

    // A file that is gone drops out of the list.
    QVERIFY(QFile::remove(reset));
    QCOMPARE(AppSettings::recentFiles(), QStringList{handshake});
}

void TstShell::brokenDropIsExplainedAndNothingIsLost()
{
    const QString good = copySample(files_, QStringLiteral("teardown"));
    const QString broken = files_.filePath(QStringLiteral("broken.netstage.jsonl"));
    {
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"netstage\": \"recording\", \"version\": 1}\nthis is not json\n");
    }
    MainWindow w;
    w.show();
    QSignalSpy opened(w.lessonPanel(), &LessonPanel::recordingOpened);
    QSignalSpy failed(w.lessonPanel(), &LessonPanel::recordingFailed);
    drop(&w, {good});
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 5000);
    drop(&w, {broken});
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("line")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(opened.count(), 1);
    QVERIFY(w.isVisible());
}

void TstShell::portsAndLastViewSurviveARestart()
{
    qputenv("XDG_CONFIG_HOME", config_.path().toUtf8());
    {
        MainWindow w;
        w.rememberSettings();
        w.show();
        auto* port = w.findChild<QSpinBox*>(QStringLiteral("serverPortSpin"));
        QVERIFY(port);
        port->setValue(9123);
        w.showView(QStringLiteral("udp"));
        w.close();
    }
    {
        MainWindow w;
        auto* port = w.findChild<QSpinBox*>(QStringLiteral("serverPortSpin"));
        QVERIFY(port);
        QCOMPARE(port->value(), 8124); // not remembering: the defaults
        w.rememberSettings();
        QCOMPARE(port->value(), 9123);
        QCOMPARE(w.currentView(), QStringLiteral("udp"));
        // Theme and zoom, set from the View menu's controller, are kept too.
        w.presentation()->setTheme(Presentation::Theme::Dark);
        w.presentation()->setScale(1.25);
        w.close();
    }
    const QFont before = QApplication::font();
    {
        MainWindow w;
        QCOMPARE(w.presentation()->theme(), Presentation::Theme::Light);
        w.rememberSettings();
        QCOMPARE(w.presentation()->theme(), Presentation::Theme::Dark);
        QCOMPARE(w.presentation()->scale(), 1.25);
        w.presentation()->setTheme(Presentation::Theme::Light);
        w.presentation()->setScale(1.0);
    }
    QCOMPARE(QApplication::font().pointSizeF(), before.pointSizeF());
}

void TstShell::lanModeBindsLimitsAndSaysWhere()
{
    MainWindow w;
    w.show();
    auto* host = w.findChild<QLineEdit*>(QStringLiteral("serverHostEdit"));
    auto* port = w.findChild<QSpinBox*>(QStringLiteral("serverPortSpin"));
    auto* banner = w.findChild<QLabel*>(QStringLiteral("lanBanner"));
    QVERIFY(host && port && banner);
    QCOMPARE(host->text(), QStringLiteral("127.0.0.1"));
    QVERIFY(banner->isHidden());

    // All interfaces, at most 2 connections per server. (The test only connects over
    // loopback.)
    w.setLanMode(true, QHostAddress(QHostAddress::AnyIPv4), 2);
    QCOMPARE(host->text(), QStringLiteral("0.0.0.0"));
    QCOMPARE(w.findChild<QLineEdit*>(QStringLiteral("udpHostEdit"))->text(),
             QStringLiteral("0.0.0.0"));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("at most 2 connections")),
             qPrintable(banner->text()));

    port->setValue(0);
    QVERIFY(w.tcpPanel()->startServer());
    QVERIFY(w.tcpLab()->isListening());
    const quint16 p = w.tcpLab()->serverPort();
    QTcpSocket a, b, c;
    for (QTcpSocket* s : {&a, &b}) {
        s->connectToHost(QHostAddress::LocalHost, p);
        QVERIFY(s->waitForConnected(5000));
    }
    const auto count = [&w](const QString& event) {
        int n = 0;
        for (quint64 i = w.timeline()->firstIndex(); i < w.timeline()->endIndex(); ++i) {
            const Event e = w.timeline()->at(i);
            n += e.event == event && e.source == QLatin1String("app");
        }
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("connection")), 2, 5000);
    // The third is over the limit: accepted by the kernel, then closed by the lab at once.
    c.connectToHost(QHostAddress::LocalHost, p);
    QVERIFY(c.waitForConnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("drop")), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(c.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(count(QStringLiteral("connection")), 2);
    QString sentence;
    for (quint64 i = w.timeline()->firstIndex(); i < w.timeline()->endIndex(); ++i) {
        const Event e = w.timeline()->at(i);
        if (e.event == QLatin1String("drop"))
            sentence = e.detail;
    }
    QVERIFY2(sentence.contains(QStringLiteral("LAN mode allows 2 connections")),
             qPrintable(sentence));
    QCOMPARE(a.state(), QAbstractSocket::ConnectedState);

    // When one leaves, a place is free again.
    a.disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(a.state() == QAbstractSocket::UnconnectedState, 5000);
    QTest::qWait(100);
    QTcpSocket d;
    d.connectToHost(QHostAddress::LocalHost, p);
    QVERIFY(d.waitForConnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("connection")), 3, 5000);
    QCOMPARE(count(QStringLiteral("drop")), 1);

    // Off: the addresses go back to loopback, the banner goes, no limit.
    w.setLanMode(false, QHostAddress(QHostAddress::AnyIPv4), 2);
    QCOMPARE(host->text(), QStringLiteral("127.0.0.1"));
    QVERIFY(banner->isHidden());
}

QTEST_MAIN(TstShell)
#include "tst_shell.moc"
