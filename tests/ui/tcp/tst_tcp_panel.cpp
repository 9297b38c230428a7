// The TCP panel driven like a user would: real sockets on 127.0.0.1, widgets offscreen, every
// assertion read from what the window shows (the socket list and the event log).
#include "core/base/timeline.h"
#include "core/observe/kernel_observer.h"
#include "core/tcp/tcp_lab.h"
#include "ui/log/event_log_model.h"
#include "ui/log/event_log_panel.h"
#include "ui/log/socket_list_model.h"
#include "ui/shell/main_window.h"
#include "ui/tcp/tcp_panel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>
#include <memory>

using namespace netstage;

namespace {
constexpr int kWaitMs = 5000;

// True when some row of the log satisfies pred.
bool logHas(const EventLogModel* m, const std::function<bool(const Event&)>& pred)
{
    for (int r = 0; r < m->rowCount(); ++r) {
        if (pred(m->eventAt(r)))
            return true;
    }
    return false;
}
} // namespace

class TstTcpPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void conversation();
    void invalidHexSendsNothing();
    void abortResetsThePeer();
    void saveWritesJsonLines();
    void copyPutsJsonLinesOnTheClipboard();
    void parsers();

private:
    template <typename T> T* child(const char* name)
    {
        auto* w = panel_->findChild<T*>(QLatin1String(name));
        if (!w)
            qFatal("no widget named %s", name);
        return w;
    }
    void select(const QString& id);

    std::unique_ptr<MainWindow> window_;
    TcpPanel* panel_ = nullptr;
    EventLogModel* log_ = nullptr;
    SocketListModel* sockets_ = nullptr;
};

void TstTcpPanel::initTestCase()
{
    window_ = std::make_unique<MainWindow>();
    window_->show();
    panel_ = window_->tcpPanel();
    log_ = panel_->logPanel()->model();
    sockets_ = panel_->socketModel();
    QVERIFY(window_->showView(QStringLiteral("tcp")));
    QVERIFY(!window_->showView(QStringLiteral("no-such-view")));
}

void TstTcpPanel::cleanupTestCase()
{
    window_.reset();
}

void TstTcpPanel::select(const QString& id)
{
    // A click on the row, as a teacher would.
    QTRY_VERIFY_WITH_TIMEOUT(sockets_->rowOf(id) >= 0, kWaitMs);
    QTableView* view = panel_->socketView();
    const QModelIndex index = sockets_->index(sockets_->rowOf(id), SocketListModel::Id);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    QCOMPARE(panel_->selectedSocket(), id);
    QCOMPARE(log_->socketFilter(), id);
}

void TstTcpPanel::conversation()
{
    child<QSpinBox>("serverPortSpin")->setValue(0); // the kernel picks a free port
    QTest::mouseClick(child<QPushButton>("startButton"), Qt::LeftButton);
    QVERIFY(window_->tcpLab()->isListening());
    const quint16 port = window_->tcpLab()->serverPort();
    QVERIFY(port != 0);
    QCOMPARE(child<QLineEdit>("targetEdit")->text(), QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(!child<QPushButton>("startButton")->isEnabled());
    QVERIFY(child<QPushButton>("stopButton")->isEnabled());

    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    for (const char* id : {"tcp-server", "tcp-client-1", "tcp-conn-1"})
        QTRY_VERIFY2_WITH_TIMEOUT(sockets_->rowOf(QLatin1String(id)) >= 0, id, kWaitMs);
    QCOMPARE(sockets_->find(QStringLiteral("tcp-server"))->kind, SocketListModel::Kind::Listener);
    QCOMPARE(sockets_->find(QStringLiteral("tcp-conn-1"))->kind, SocketListModel::Kind::Accepted);
    QCOMPARE(sockets_->find(QStringLiteral("tcp-client-1"))->kind, SocketListModel::Kind::Client);

    select(QStringLiteral("tcp-client-1"));
    QTRY_VERIFY_WITH_TIMEOUT(logHas(log_, [](const Event& e) { return e.event == ev::Connect; }),
                             kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(logHas(log_,
                                    [](const Event& e) {
                                        return e.event == ev::Data && e.dir == ev::In &&
                                               e.text().startsWith(QStringLiteral("欢迎光临"));
                                    }),
                             kWaitMs);
    // Filtered: nothing of another socket shows.
    QVERIFY(
        !logHas(log_, [](const Event& e) { return e.socket != QLatin1String("tcp-client-1"); }));
    QTRY_COMPARE_WITH_TIMEOUT(sockets_->find(QStringLiteral("tcp-client-1"))->status,
                              SocketListModel::Status::Open, kWaitMs);
    QVERIFY(child<QPushButton>("sendButton")->isEnabled());

    child<QLineEdit>("messageEdit")->setText(QStringLiteral("hi"));
    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(logHas(log_,
                                    [](const Event& e) {
                                        return e.event == ev::Data && e.dir == ev::Out &&
                                               e.text() == QLatin1String("hi");
                                    }),
                             kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(logHas(log_,
                                    [](const Event& e) {
                                        return e.event == ev::Data && e.dir == ev::In &&
                                               e.text() == TcpLab::kReply;
                                    }),
                             kWaitMs);

    // The kernel observer's view arrives as `state` events and shows in the list.
    if (window_->observer()->isAvailable()) {
        QTRY_COMPARE_WITH_TIMEOUT(sockets_->find(QStringLiteral("tcp-client-1"))->kernelState,
                                  QStringLiteral("ESTABLISHED"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(sockets_->find(QStringLiteral("tcp-server"))->kernelState,
                                  QStringLiteral("LISTEN"), kWaitMs);
    }

    // "All sockets" shows everything again.
    panel_->logPanel()->showSocket(QString());
    QVERIFY(log_->socketFilter().isEmpty());
    QVERIFY(logHas(log_, [](const Event& e) { return e.socket == QLatin1String("tcp-conn-1"); }));
}

void TstTcpPanel::invalidHexSendsNothing()
{
    select(QStringLiteral("tcp-client-1"));
    const quint64 before = window_->timeline()->endIndex();
    child<QCheckBox>("sendHexBox")->setChecked(true);
    child<QLineEdit>("messageEdit")->setText(QStringLiteral("48 6x"));
    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>("socketNote")->text().contains(QStringLiteral("6x")));
    // Nothing went out: no `data` out event after the click.
    for (quint64 i = before; i < window_->timeline()->endIndex(); ++i) {
        const Event e = window_->timeline()->at(i);
        QVERIFY(!(e.event == ev::Data && e.dir == ev::Out));
    }

    child<QLineEdit>("messageEdit")->setText(QStringLiteral("48 65 6c 6c 6f"));
    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(logHas(log_,
                                    [](const Event& e) {
                                        return e.event == ev::Data && e.dir == ev::Out &&
                                               e.payload == "Hello";
                                    }),
                             kWaitMs);
    child<QCheckBox>("sendHexBox")->setChecked(false);
}

void TstTcpPanel::abortResetsThePeer()
{
    select(QStringLiteral("tcp-client-1"));
    QVERIFY(child<QPushButton>("abortButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("abortButton"), Qt::LeftButton);

    select(QStringLiteral("tcp-conn-1"));
    QTRY_VERIFY_WITH_TIMEOUT(logHas(log_,
                                    [](const Event& e) {
                                        return e.event == ev::Error &&
                                               e.code == QLatin1String("ECONNRESET");
                                    }),
                             kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sockets_->find(QStringLiteral("tcp-conn-1"))->status,
                              SocketListModel::Status::Closed, kWaitMs);
    // Closed sockets stay listed, and their buttons go grey.
    QVERIFY(sockets_->rowOf(QStringLiteral("tcp-client-1")) >= 0);
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(!child<QPushButton>("abortButton")->isEnabled());
}

void TstTcpPanel::saveWritesJsonLines()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EventLogPanel* log = panel_->logPanel();
    log->showSocket(QStringLiteral("tcp-conn-1"));
    const int rows = log_->rowCount();
    QVERIFY(rows > 0);
    QSignalSpy done(log, &EventLogPanel::saveFinished);
    const QString path = dir.filePath(QStringLiteral("conn.jsonl"));
    QVERIFY(log->saveTo(path));
    QVERIFY(done.wait(kWaitMs));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.size(), rows + 1); // the last line ends with '\n' too
    QVERIFY(lines.first().contains("\"socket\":\"tcp-conn-1\""));

    // A path that cannot be written is reported, not a crash.
    done.clear();
    QVERIFY(log->saveTo(dir.filePath(QStringLiteral("no/such/dir/x.jsonl"))));
    QVERIFY(done.wait(kWaitMs));
    QVERIFY(!done.first().at(0).toBool());
}

void TstTcpPanel::copyPutsJsonLinesOnTheClipboard()
{
    EventLogPanel* log = panel_->logPanel();
    log->showSocket(QStringLiteral("tcp-client-1"));
    QVERIFY(log_->rowCount() >= 2);
    QTableView* view = log->view();
    view->clearSelection();
    QCOMPARE(log->copySelection(), 0); // nothing selected: nothing copied, a note says why
    view->selectionModel()->select(log_->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(log_->index(1, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(log->copySelection(), 2);
    const QStringList lines =
        QGuiApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    for (const QString& line : lines)
        QVERIFY(line.contains(QStringLiteral("\"socket\":\"tcp-client-1\"")));

    // File > Save writes the whole session, whatever the log shows.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("session.jsonl"));
    const quint64 stored = window_->timeline()->size(); // the snapshot the save writes
    QVERIFY(window_->saveLogTo(path));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path) && window_->statusBar()->currentMessage().contains(
                                                        QStringLiteral("session.jsonl")),
                             kWaitMs);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(quint64(f.readAll().count('\n')), stored);
}

void TstTcpPanel::parsers()
{
    QByteArray bytes;
    QString error;
    QVERIFY(TcpPanel::parseHex(QStringLiteral("48 65 6c 6c 6f"), &bytes, &error));
    QCOMPARE(bytes, QByteArray("Hello"));
    QVERIFY(TcpPanel::parseHex(QStringLiteral("48656C"), &bytes, &error));
    QCOMPARE(bytes, QByteArray("Hel"));
    QVERIFY(!TcpPanel::parseHex(QStringLiteral("4"), &bytes, &error));
    QVERIFY(!TcpPanel::parseHex(QStringLiteral("zz"), &bytes, &error));
    QVERIFY(!TcpPanel::parseHex(QStringLiteral("  "), &bytes, &error));

    QString host;
    quint16 port = 0;
    QVERIFY(TcpPanel::parseTarget(QStringLiteral("127.0.0.1:8124"), &host, &port));
    QCOMPARE(host, QStringLiteral("127.0.0.1"));
    QCOMPARE(port, quint16(8124));
    QVERIFY(TcpPanel::parseTarget(QStringLiteral("[::1]:80"), &host, &port));
    QCOMPARE(host, QStringLiteral("::1"));
    QVERIFY(!TcpPanel::parseTarget(QStringLiteral("127.0.0.1"), &host, &port));
    QVERIFY(!TcpPanel::parseTarget(QStringLiteral("127.0.0.1:70000"), &host, &port));

    QVERIFY(TcpPanel::isLoopbackHost(QStringLiteral("127.0.0.1")));
    QVERIFY(TcpPanel::isLoopbackHost(QStringLiteral("localhost")));
    QVERIFY(!TcpPanel::isLoopbackHost(QStringLiteral("0.0.0.0")));

    // The warning shows while a non-loopback address is typed.
    auto* hostEdit = child<QLineEdit>("serverHostEdit");
    auto* warning = child<QLabel>("bindWarning");
    window_->tcpLab()->stopServer();
    QVERIFY(hostEdit->isEnabled());
    hostEdit->setText(QStringLiteral("0.0.0.0"));
    QVERIFY(warning->isVisible());
    hostEdit->setText(QStringLiteral("127.0.0.1"));
    QVERIFY(!warning->isVisible());
}

QTEST_MAIN(TstTcpPanel)
#include "tst_tcp_panel.moc"
