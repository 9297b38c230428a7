// The event log and socket list models on a timeline filled by hand: batching, filters,
// eviction, clearing, cell text; and the socket list's reading of events.
#include "core/base/timeline.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/tcp/tcp_lab.h"
#include "ui/log/event_log_model.h"
#include "ui/log/socket_list_model.h"

#include <QSignalSpy>
#include <QtTest>

using namespace netstage;

namespace {
Event make(const QString& socket, const QString& event, const QString& source = ev::App)
{
    Event e;
    e.socket = socket;
    e.proto = ev::Tcp;
    e.event = event;
    e.source = source;
    return e;
}

QString cell(const EventLogModel& m, int row, int column, int role = Qt::DisplayRole)
{
    return m.data(m.index(row, column), role).toString();
}
} // namespace

class TstUiModels : public QObject
{
    Q_OBJECT
private slots:
    void floodArrivesInOneBatch();
    void floodWhilePolling();
    void filters();
    void evictionRemovesFromTheFront();
    void clearEmpties();
    void cellText();
    void socketListFollowsEvents();
    void realConnectionInTimeOrder();
};

void TstUiModels::floodArrivesInOneBatch()
{
    Timeline timeline;
    EventLogModel model(&timeline);
    model.setPolling(false);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 50000; ++i) {
        Event e = make(QStringLiteral("tcp-client-%1").arg(i % 7), ev::Data);
        e.dir = ev::In;
        e.bytes = 5;
        e.payload = "hello";
        timeline.append(e);
    }
    QCOMPARE(model.flush(), 50000);
    QCOMPARE(model.rowCount(), 50000);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.flush(), 0); // nothing new, nothing inserted
    QCOMPARE(inserted.count(), 1);
}

void TstUiModels::floodWhilePolling()
{
    Timeline timeline;
    EventLogModel model(&timeline);
    const int before = model.insertBatches();
    for (int burst = 0; burst < 5; ++burst) {
        for (int i = 0; i < 10000; ++i)
            timeline.append(make(QStringLiteral("tcp-conn-1"), ev::Data));
    }
    QTRY_COMPARE(model.rowCount(), 50000);
    // The whole flood arrived between two frames: one batch (two if a frame fell in between).
    QVERIFY2(model.insertBatches() - before <= 2,
             qPrintable(QString::number(model.insertBatches())));
}

void TstUiModels::filters()
{
    Timeline timeline;
    EventLogModel model(&timeline);
    model.setPolling(false);
    timeline.append(make(QStringLiteral("tcp-server"), ev::Listening));
    timeline.append(make(QStringLiteral("tcp-client-1"), ev::Connect));
    Event st = make(QStringLiteral("tcp-client-1"), ev::State, ev::Kernel);
    st.state = QStringLiteral("ESTABLISHED");
    timeline.append(st);
    timeline.append(make(QStringLiteral("tcp-conn-1"), ev::Connection));
    model.flush();
    QCOMPARE(model.rowCount(), 4);

    model.setSocketFilter(QStringLiteral("tcp-client-1"));
    QCOMPARE(model.rowCount(), 2);
    timeline.append(make(QStringLiteral("tcp-conn-1"), ev::Data));
    timeline.append(make(QStringLiteral("tcp-client-1"), ev::Data));
    model.flush();
    QCOMPARE(model.rowCount(), 3);

    model.setSourceShown(ev::Kernel, false);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.isSourceShown(ev::Kernel));
    model.setSourceShown(ev::Kernel, true);
    model.setSocketFilter(QString());
    QCOMPARE(model.rowCount(), 6);

    const std::vector<Event> picked = model.eventsOfRows({3, 1, 1});
    QCOMPARE(int(picked.size()), 2);
    QCOMPARE(picked[0].event, ev::Connect);
    QCOMPARE(picked[1].event, ev::Connection);
    QCOMPARE(int(model.allEvents().size()), 6);
}

void TstUiModels::evictionRemovesFromTheFront()
{
    Timeline timeline(1000);
    EventLogModel model(&timeline);
    model.setPolling(false);
    for (int i = 0; i < 800; ++i)
        timeline.append(make(QStringLiteral("tcp-client-1"), ev::Data));
    model.flush();
    QCOMPARE(model.rowCount(), 800);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    for (int i = 0; i < 700; ++i)
        timeline.append(make(QStringLiteral("tcp-client-1"), ev::Data));
    model.flush();
    QCOMPARE(quint64(model.rowCount()), quint64(timeline.size()));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.globalIndex(0), timeline.firstIndex());
    QCOMPARE(model.globalIndex(model.rowCount() - 1), timeline.endIndex() - 1);
}

void TstUiModels::clearEmpties()
{
    Timeline timeline;
    EventLogModel model(&timeline);
    SocketListModel sockets(&timeline, ev::Tcp);
    model.setPolling(false);
    sockets.setPolling(false);
    timeline.append(make(QStringLiteral("tcp-client-1"), ev::Connect));
    model.flush();
    sockets.flush();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(sockets.rowCount(), 1);
    timeline.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(sockets.rowCount(), 0);
    timeline.append(make(QStringLiteral("tcp-client-2"), ev::Connect));
    model.flush();
    sockets.flush();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(sockets.rowCount(), 1);
    QCOMPARE(sockets.row(0).id, QStringLiteral("tcp-client-2"));
}

void TstUiModels::cellText()
{
    Timeline timeline;
    EventLogModel model(&timeline);
    model.setPolling(false);
    Event a = make(QStringLiteral("tcp-client-1"), ev::Connect);
    a.t_us = 1000;
    timeline.append(a);
    Event b = make(QStringLiteral("tcp-client-1"), ev::Data);
    b.t_us = 13345;
    b.dir = ev::Out;
    b.bytes = 5;
    b.payload = "Hello";
    timeline.append(b);
    Event c = make(QStringLiteral("tcp-client-1"), ev::Data);
    c.t_us = 20000;
    c.dir = ev::In;
    c.bytes = 3;
    c.payload = QByteArray("\x00\x01\xff", 3);
    timeline.append(c);
    model.flush();

    QCOMPARE(cell(model, 0, EventLogModel::Time), QStringLiteral("0.000 ms"));
    QCOMPARE(cell(model, 1, EventLogModel::Time), QStringLiteral("12.345 ms"));
    QVERIFY(cell(model, 1, EventLogModel::Time, Qt::ToolTipRole).contains(QStringLiteral("13345")));
    QCOMPARE(cell(model, 1, EventLogModel::Text), QStringLiteral("Hello"));
    QCOMPARE(cell(model, 1, EventLogModel::Bytes), QStringLiteral("5"));
    QVERIFY(cell(model, 1, EventLogModel::Dir).contains(QStringLiteral("→")));
    QCOMPARE(cell(model, 2, EventLogModel::Text), QStringLiteral("00 01 ff")); // binary: hex
    QVERIFY(!cell(model, 0, EventLogModel::Explanation).isEmpty());
    QVERIFY(model.data(model.index(0, EventLogModel::EventName), Qt::BackgroundRole).isValid());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setHexMode(true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(cell(model, 1, EventLogModel::Text), QStringLiteral("48 65 6c 6c 6f"));
}

void TstUiModels::socketListFollowsEvents()
{
    Timeline timeline;
    SocketListModel sockets(&timeline, ev::Tcp);
    sockets.setPolling(false);
    QSignalSpy added(&sockets, &SocketListModel::socketAdded);

    Event listen = make(QStringLiteral("tcp-server"), ev::Listening);
    listen.local = QStringLiteral("127.0.0.1:8124");
    timeline.append(listen);
    Event connect = make(QStringLiteral("tcp-client-1"), ev::Connect);
    connect.local = QStringLiteral("127.0.0.1:50000");
    connect.remote = QStringLiteral("127.0.0.1:8124");
    timeline.append(connect);
    timeline.append(make(QStringLiteral("tcp-conn-1"), ev::Connection));
    Event other = make(QStringLiteral("udp-server"), ev::Listening);
    other.proto = QStringLiteral("udp");
    timeline.append(other);
    sockets.flush();
    QCOMPARE(sockets.rowCount(), 3); // not the UDP one
    QCOMPARE(added.count(), 3);
    const auto* client = sockets.find(QStringLiteral("tcp-client-1"));
    QVERIFY(client);
    QCOMPARE(client->status, SocketListModel::Status::Open);
    QCOMPARE(client->remote, QStringLiteral("127.0.0.1:8124"));
    QCOMPARE(sockets.find(QStringLiteral("tcp-server"))->status,
             SocketListModel::Status::Listening);

    // Our FIN (`finish`), then the peer's (`end`), then close, while the kernel says TIME-WAIT.
    timeline.append(make(QStringLiteral("tcp-client-1"), QStringLiteral("finish")));
    sockets.flush();
    QCOMPARE(sockets.find(QStringLiteral("tcp-client-1"))->status,
             SocketListModel::Status::HalfClosed);
    timeline.append(make(QStringLiteral("tcp-client-1"), ev::End));
    sockets.flush();
    QCOMPARE(sockets.find(QStringLiteral("tcp-client-1"))->status,
             SocketListModel::Status::BothEnded);
    timeline.append(make(QStringLiteral("tcp-client-1"), ev::Close));
    Event tw = make(QStringLiteral("tcp-client-1"), ev::State, ev::Kernel);
    tw.state = QStringLiteral("TIME-WAIT");
    timeline.append(tw);
    sockets.flush();
    client = sockets.find(QStringLiteral("tcp-client-1"));
    QCOMPARE(client->status, SocketListModel::Status::Closed);
    QCOMPARE(client->kernelState, QStringLiteral("TIME-WAIT"));
    const int row = sockets.rowOf(QStringLiteral("tcp-client-1"));
    QCOMPARE(sockets.data(sockets.index(row, SocketListModel::KernelState)).toString(),
             QStringLiteral("TIME-WAIT"));
    QVERIFY(sockets.data(sockets.index(row, SocketListModel::KernelState), Qt::BackgroundRole)
                .isValid());

    // The peer ending first: CLOSE-WAIT territory.
    timeline.append(make(QStringLiteral("tcp-conn-1"), ev::End));
    sockets.flush();
    QCOMPARE(sockets.find(QStringLiteral("tcp-conn-1"))->status,
             SocketListModel::Status::PeerEnded);

    // A refused connection: the error is kept and the row reads as gone.
    Event refused = make(QStringLiteral("tcp-client-2"), ev::Error);
    refused.code = QStringLiteral("ECONNREFUSED");
    timeline.append(refused);
    timeline.append(make(QStringLiteral("tcp-client-2"), ev::Close));
    sockets.flush();
    const int r2 = sockets.rowOf(QStringLiteral("tcp-client-2"));
    QVERIFY(sockets.data(sockets.index(r2, SocketListModel::AppStatus))
                .toString()
                .contains(QStringLiteral("ECONNREFUSED")));
}

// A real connection with every source (kernel; the wire where capture is allowed) through the
// window's reorder window: the log's rows never go back in time, and the SYN and the FIN come
// before the `connect` and the `close` they belong to.
void TstUiModels::realConnectionInTimeOrder()
{
    Timeline timeline;
    timeline.setReorderWindow(Timeline::kDefaultReorderWindowUs);
    KernelObserver observer(&timeline);
    WireCapture wire(&timeline);
    const bool wireOn = wire.start();
    TcpLab lab(&timeline, &observer);
    lab.setWireCapture(&wire);
    EventLogModel model(&timeline);
    TcpServerOptions opts;
    opts.port = 0;
    opts.preset = TcpPreset::Echo;
    QVERIFY(lab.startServer(opts));
    const QString id = lab.connectTo(QStringLiteral("127.0.0.1"), lab.serverPort());
    QVERIFY(!id.isEmpty());
    auto has = [&](const QString& event) {
        for (quint64 i = timeline.firstIndex(); i < timeline.endIndex(); ++i) {
            if (timeline.socketAt(i) == id && timeline.at(i).event == event)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(has(ev::Connect), 5000);
    lab.send(id, "hello");
    QTest::qWait(100);
    lab.close(id);
    QTRY_VERIFY_WITH_TIMEOUT(has(ev::Close), 5000);
    QTest::qWait(300);
    QTRY_COMPARE_WITH_TIMEOUT(quint64(model.rowCount()),
                              timeline.endIndex() - timeline.firstIndex(), 2000);
    qint64 last = -1;
    int syn = -1, connect = -1, fin = -1, close = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        const quint64 gi =
            model.data(model.index(row, 0), EventLogModel::GlobalIndexRole).toULongLong();
        const Event e = timeline.at(gi);
        QVERIFY2(e.t_us >= last, qPrintable(QStringLiteral("row %1 goes back").arg(row)));
        last = e.t_us;
        if (e.socket != id)
            continue;
        if (e.source == ev::Wire && e.dir == ev::Out && e.flags == QLatin1String("SYN") && syn < 0)
            syn = row;
        if (e.source == ev::Wire && e.dir == ev::Out && e.flags.contains(QLatin1String("FIN")) &&
            fin < 0)
            fin = row;
        if (e.source == ev::App && e.event == ev::Connect)
            connect = row;
        if (e.source == ev::App && e.event == ev::Close)
            close = row;
    }
    QVERIFY(connect >= 0 && close > connect);
    if (!wireOn)
        QSKIP("the wire needs capture permission: order checked on app and kernel events only");
    QVERIFY2(syn >= 0 && syn < connect,
             qPrintable(QStringLiteral("SYN row %1, connect row %2").arg(syn).arg(connect)));
    QVERIFY2(fin >= 0 && fin < close,
             qPrintable(QStringLiteral("FIN row %1, close row %2").arg(fin).arg(close)));
    lab.closeAll();
}

QTEST_MAIN(TstUiModels)
#include "tst_ui_models.moc"
