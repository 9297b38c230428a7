// The "Network model" tab offscreen: it is a view of the window ("osi"); a segment chosen in
// the TCP lab's event log ("Show layers") switches to it and shows the packet encapsulated
// (real bytes where capture runs, the model's fields marked "not captured" otherwise); the
// log's per-lab filter; File > Export capture writes a pcapng off the GUI thread.
#include "core/base/timeline.h"
#include "core/observe/encapsulation.h"
#include "core/observe/wire_capture.h"
#include "core/tcp/tcp_lab.h"
#include "ui/ladder/ladder_view.h"
#include "ui/lessons/lesson_panel.h"
#include "ui/log/event_log_model.h"
#include "ui/log/event_log_panel.h"
#include "ui/osi/network_model_view.h"
#include "ui/osi/osi_panel.h"
#include "ui/osi/packet_layers_view.h"
#include "ui/shell/main_window.h"
#include "ui/tcp/tcp_panel.h"

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace netstage;

namespace {

int findRow(const EventLogModel* m, const std::function<bool(const Event&)>& pred)
{
    for (int r = 0; r < m->rowCount(); ++r) {
        if (pred(m->eventAt(r)))
            return r;
    }
    return -1;
}

QTreeWidgetItem* findField(QTreeWidget* tree, const QString& name)
{
    const auto items = tree->findItems(name, Qt::MatchExactly | Qt::MatchRecursive, 0);
    return items.isEmpty() ? nullptr : items.first();
}

QString valueOf(const Encapsulation& x)
{
    const PacketLayer* t = x.layer(PacketLayer::Kind::Transport);
    if (!t)
        return {};
    for (const PacketField& f : t->fields) {
        if (f.name == QLatin1String("Flags"))
            return f.value;
    }
    return {};
}

} // namespace

class TstOsiPanel : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> window_;
    EventLogPanel* log_ = nullptr;
    QString client_;

private slots:
    void initTestCase()
    {
        window_ = std::make_unique<MainWindow>();
        window_->resize(1400, 900);
        window_->show();
        QVERIFY(window_->viewNames().contains(QStringLiteral("osi")));
        QVERIFY(window_->osiPanel());
        log_ = window_->tcpPanel()->findChild<EventLogPanel*>();
        QVERIFY(log_);
        auto* port = window_->tcpPanel()->findChild<QSpinBox*>(QStringLiteral("serverPortSpin"));
        QVERIFY(port);
        port->setValue(0);
        QVERIFY(window_->tcpPanel()->startServer());
        client_ = window_->tcpPanel()->connectClient();
        QVERIFY(!client_.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(window_->tcpLab()->isOpen(client_), 5000);
        QVERIFY(window_->tcpLab()->send(client_, "hello"));
        QTRY_VERIFY_WITH_TIMEOUT(findRow(log_->model(),
                                         [this](const Event& e) {
                                             return e.socket == client_ && e.source == ev::App &&
                                                    e.event == ev::Data && e.dir == ev::Out;
                                         }) >= 0,
                                 5000);
    }

    void cleanupTestCase()
    {
        if (window_)
            window_->tcpLab()->closeAll();
        window_.reset();
    }

    void modelViewPaintsAndExports()
    {
        QVERIFY(window_->showView(QStringLiteral("osi")));
        OsiPanel* osi = window_->osiPanel();
        QVERIFY(osi->isVisible());
        QVERIFY(osi->modelView()->height() >= 250); // the model is not squeezed away
        QTemporaryDir dir;
        // NETSTAGE_SHOT_DIR keeps the pictures to look at.
        const QString keep = qEnvironmentVariable("NETSTAGE_SHOT_DIR");
        const QString base = keep.isEmpty() ? dir.path() : keep;
        QString error;
        const QString png = base + QStringLiteral("/model.png");
        QVERIFY2(osi->exportImage(png, &error), qPrintable(error));
        QImage img(png);
        QVERIFY(img.width() >= 2000); // twice the size, for slides
        const QString svg = base + QStringLiteral("/model.svg");
        QVERIFY2(osi->exportImage(svg, &error), qPrintable(error));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("Transport"));
        QVERIFY(text.contains("Presentation"));
    }

    // The log's "Show layers" on a segment: the tab switches and the packet is shown.
    void logShowsSegmentLayers()
    {
        window_->showView(QStringLiteral("tcp"));
        const bool wire = window_->wire()->isActive();
        const QString wanted = wire ? ev::Wire : ev::App;
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            (row = findRow(log_->model(),
                           [&](const Event& e) {
                               return e.source == wanted && e.socket == client_ &&
                                      (wire ? e.event == ev::Segment && e.len == 5
                                            : e.event == ev::Data);
                           })) >= 0,
            5000);
        QSignalSpy spy(log_, &EventLogPanel::showLayersRequested);
        QVERIFY(log_->requestLayers(row));
        QCOMPARE(spy.count(), 1);
        auto* tabs = window_->findChild<QTabWidget*>(QStringLiteral("labTabs"));
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(window_->osiPanel()));
        PacketLayersView* layers = window_->osiPanel()->layersView();
        const Encapsulation& x = layers->encapsulation();
        QCOMPARE(int(x.layers.size()), 4);
        QTreeWidget* tree = layers->fieldTree();
        QCOMPARE(tree->topLevelItemCount(), 4);
        if (wire) {
            // Real bytes: the hex view holds them, and TTL lights up byte 22.
            QVERIFY(x.hasBytes());
            QVERIFY(layers->hexView()->toPlainText().startsWith(QStringLiteral("0000  00 00")));
            QTreeWidgetItem* ttl = findField(tree, QStringLiteral("Time to live"));
            QVERIFY(ttl);
            QCOMPARE(ttl->text(1), QStringLiteral("64"));
            tree->setCurrentItem(ttl);
            QCOMPARE(layers->highlightedBytes(), qMakePair(22, 23));
            // And back: byte 38 (the first of the sequence number) selects its field.
            QVERIFY(layers->selectByte(38));
            QCOMPARE(tree->currentItem()->text(0), QStringLiteral("Sequence number"));
            QCOMPARE(layers->highlightedBytes(), qMakePair(38, 42));
            QTreeWidgetItem* text = findField(tree, QStringLiteral("As text"));
            QVERIFY(text);
            QCOMPARE(text->text(1), QStringLiteral("hello"));
        } else {
            // The app event: no header at all, and the view says so.
            QVERIFY(!x.hasBytes());
            QVERIFY(!x.layer(PacketLayer::Kind::Transport)->captured);
            QVERIFY(layers->titleLabel()->text().contains(QStringLiteral("data")));
        }

        // A non-packet row (connect, a kernel state) is refused with a note, tab unchanged.
        window_->showView(QStringLiteral("tcp"));
        const int listening = findRow(log_->model(), [](const Event& e) {
            return e.event == ev::Connect || e.event == ev::State;
        });
        QVERIFY(listening >= 0);
        QVERIFY(!log_->requestLayers(listening));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(window_->tcpPanel()));
    }

    // The lessons panel's own log: a sample recording (wire segments without their bytes),
    // a double-click on the SYN row shows it in the network model, its flags from the event.
    void lessonLogShowsLayers()
    {
        LessonPanel* lessons = window_->lessonPanel();
        QSignalSpy opened(lessons, &LessonPanel::recordingOpened);
        lessons->openRecording(QStringLiteral(":/recordings/handshake.netstage.jsonl"));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 5000);
        window_->showView(QStringLiteral("lessons"));
        int syn = -1;
        for (int row = 0; syn < 0; ++row) {
            const std::optional<Event> e = lessons->eventAtRow(row);
            if (!e)
                break;
            if (e->event == ev::Segment && e->flags == QLatin1String("SYN"))
                syn = row;
        }
        QVERIFY(syn >= 0);
        QTableView* table = lessons->logView();
        const QModelIndex index = table->model()->index(syn, 0);
        table->scrollTo(index);
        // As a user does it: a click, then the double-click.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {},
                           table->visualRect(index).center());
        auto* tabs = window_->findChild<QTabWidget*>(QStringLiteral("labTabs"));
        QTRY_COMPARE(tabs->currentWidget(), static_cast<QWidget*>(window_->osiPanel()));
        QCOMPARE(valueOf(window_->osiPanel()->layersView()->encapsulation())
                     .contains(QStringLiteral("SYN")),
                 true);
    }

    // Without bytes (the model's segment), fields the model cannot know say "not captured".
    void modelSegmentMarkedNotCaptured()
    {
        Event e;
        e.source = ev::Model;
        e.event = ev::Segment;
        e.proto = ev::Tcp;
        e.src = QStringLiteral("127.0.0.1:50000");
        e.dst = QStringLiteral("127.0.0.1:8124");
        e.flags = QStringLiteral("SYN");
        e.seq = 0;
        QVERIFY(window_->osiPanel()->showPacket(e));
        QTreeWidget* tree = window_->osiPanel()->layersView()->fieldTree();
        QTreeWidgetItem* ttl = findField(tree, QStringLiteral("Time to live"));
        QVERIFY(ttl);
        QCOMPARE(ttl->text(1), Encapsulation::notCaptured());
        QVERIFY(window_->osiPanel()->layersView()->hexView()->toPlainText().isEmpty());
    }

    // A ladder's arrow: "Show layers" finds the captured frame behind it (by time and seq).
    void ladderArrowShowsLayers()
    {
        std::vector<Event> events;
        Timeline* tl = window_->timeline();
        for (quint64 i = tl->firstIndex(); i < tl->endIndex(); ++i)
            events.push_back(tl->at(i));
        const bool wire = window_->wire()->isActive();
        LadderView view;
        window_->osiPanel()->attachLadder(&view);
        view.setLadder(Ladder::fromEvents(events, wire ? ev::Wire : ev::Model));
        int arrow = -1;
        for (int i = 0; i < int(view.ladder().items.size()) && arrow < 0; ++i) {
            if (view.ladder().items[std::size_t(i)].kind == LadderItem::Kind::Arrow)
                arrow = i;
        }
        QVERIFY(arrow >= 0);
        view.setCurrentItem(arrow);
        auto* action = view.findChild<QAction*>(QStringLiteral("ladderShowLayersAction"));
        QVERIFY(action);
        QSignalSpy spy(window_->osiPanel(), &OsiPanel::packetRequested);
        action->trigger();
        QCOMPARE(spy.count(), 1);
        const Encapsulation& x = window_->osiPanel()->layersView()->encapsulation();
        QCOMPARE(valueOf(x), wire ? QStringLiteral("0x02 (SYN)") : QStringLiteral("SYN"));
        QCOMPARE(x.hasBytes(), wire); // the frame was found in the capture's store
    }

    void latestPacketButton()
    {
        QVERIFY(window_->osiPanel()->showLatestPacket());
        const Event& e = window_->osiPanel()->shownEvent();
        QCOMPARE(e.event, ev::Segment);
        QCOMPARE(e.source, window_->wire()->isActive() ? ev::Wire : ev::Model);
    }

    void perLabFilter()
    {
        log_->showLab(QStringLiteral("udp-"));
        QCOMPARE(log_->model()->rowCount(), 0); // no UDP socket in this session
        log_->showLab(QStringLiteral("tcp-"));
        QVERIFY(log_->model()->rowCount() > 0);
        for (int r = 0; r < log_->model()->rowCount(); ++r)
            QVERIFY(log_->model()->eventAt(r).socket.startsWith(QStringLiteral("tcp-")));
        log_->showSocket(QString());
        QVERIFY(log_->model()->rowCount() > 0);
    }

    void exportCapture()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("session.pcapng"));
        QSignalSpy spy(window_.get(), &MainWindow::captureExported);
        const bool started = window_->exportCaptureTo(path);
        if (!window_->wire()->isActive()) {
            QVERIFY(!started);
            QCOMPARE(spy.count(), 1);
            QVERIFY(spy.at(0).at(1).toString().contains(QStringLiteral("not running")));
            QSKIP("wire capture is not permitted here: only the refusal was checked");
        }
        QVERIFY(started);
        QVERIFY(spy.wait(10000));
        QVERIFY2(spy.at(0).at(0).toBool(), qPrintable(spy.at(0).at(1).toString()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(4), QByteArray::fromHex("0a0d0d0a"));
        QVERIFY(f.size() > 200);
    }
};

QTEST_MAIN(TstOsiPanel)
#include "tst_osi_panel.moc"
