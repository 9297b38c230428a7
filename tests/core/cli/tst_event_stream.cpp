// The event stream of the headless commands, end to end with the real binary: one time order
// (t_us never goes back; the SYN before `connect`, the FIN before the `close` that sent it),
// writers that never block serving (a reader that stalls, a disk that is full, a reader that
// closes the pipe), SIGTERM with a stalled stdout, and facts without sentences unless
// --explain. Every wait is bounded.
#include "http_test_util.h"
#include "test_util.h"

#include "core/base/event.h"

#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using httptest::Proc;
using netstage::Event;
namespace ev = netstage::ev;

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

bool waitForPort(quint16 port, int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200))
            return true;
        QTest::qWait(50);
    }
    return false;
}

// curl one page; true when it answered 200 within the time.
bool curlAnswers(quint16 port, int seconds)
{
    Proc c;
    const bool done =
        c.run(QStringLiteral("curl"),
              {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
               QStringLiteral("-w"), QStringLiteral("%{http_code}"), QStringLiteral("--max-time"),
               QString::number(seconds), QStringLiteral("http://127.0.0.1:%1/").arg(port)},
              (seconds + 2) * 1000);
    return done && c.out.trimmed() == "200";
}

bool isRoot()
{
    return ::geteuid() == 0;
}

} // namespace

class TstEventStream : public QObject
{
    Q_OBJECT
private slots:
    void streamIsInTimeOrder();
    void stalledReaderKeepsServing();
    void fullDiskIsReportedOnce();
    void closedStdoutEndsTheStreamQuietly();
    void sentencesOnlyWithExplain();
    void observeNoneKeepsServing();
};

void TstEventStream::streamIsInTimeOrder()
{
    const quint16 port = freePort();
    Proc server;
    server.start(QStringLiteral(NETSTAGE_BIN),
                 {QStringLiteral("tcp"), QStringLiteral("serve"), QStringLiteral("--port"),
                  QString::number(port), QStringLiteral("--preset"), QStringLiteral("echo"),
                  QStringLiteral("--for"), QStringLiteral("20"), QStringLiteral("--quiet")});
    QVERIFY2(waitForPort(port, 10000), server.report().constData());
    Proc client;
    QVERIFY(client.run(QStringLiteral(NETSTAGE_BIN),
                       {QStringLiteral("tcp"), QStringLiteral("connect"),
                        QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--send"),
                        QStringLiteral("hello"), QStringLiteral("--wait"), QStringLiteral("200"),
                        QStringLiteral("--events"), QStringLiteral("-"), QStringLiteral("--quiet")},
                       30000));
    QVERIFY2(client.exitedWith(0), client.report().constData());
    server.terminate();
    server.finish(10000);
    const std::vector<Event> evs = testutil::parseLines(client.out);
    QVERIFY2(evs.size() >= 5, client.report().constData());
    for (std::size_t i = 1; i < evs.size(); ++i) {
        QVERIFY2(evs[i].t_us >= evs[i - 1].t_us,
                 qPrintable(QStringLiteral("line %1 goes back: %2 after %3\n%4")
                                .arg(i + 1)
                                .arg(evs[i].t_us)
                                .arg(evs[i - 1].t_us)
                                .arg(QString::fromUtf8(client.out.left(3000)))));
    }
    const QString id = QStringLiteral("tcp-client-1");
    const int connect = testutil::indexOf(evs, {id, ev::Connect, ev::App});
    const int close = testutil::indexOf(evs, {id, ev::Close, ev::App});
    QVERIFY(connect >= 0);
    QVERIFY(close > connect);
    if (!isRoot())
        QSKIP("the wire needs capture permission");
    int syn = -1;
    int fin = -1;
    for (int i = 0; i < int(evs.size()); ++i) {
        const Event& e = evs[std::size_t(i)];
        if (e.socket != id || e.source != ev::Wire || e.dir != ev::Out)
            continue;
        if (syn < 0 && e.flags == QLatin1String("SYN"))
            syn = i;
        if (fin < 0 && e.flags.contains(QLatin1String("FIN")))
            fin = i;
    }
    QVERIFY2(syn >= 0 && fin >= 0, client.out.left(3000).constData());
    QVERIFY2(
        syn < connect,
        qPrintable(
            QStringLiteral("the SYN comes before the connect it made possible (SYN "
                           "late by %1 us)")
                .arg(evs[std::size_t(syn)].extra.value(QStringLiteral("late_us")).toInteger())));
    QVERIFY2(fin < close, "the FIN comes before the close that sent it");
}

// `http serve --events -` into a pipe nobody reads: it keeps answering, counts what it left
// out, marks the gap with a `dropped` event once the reader catches up, and SIGTERM ends it.
void TstEventStream::stalledReaderKeepsServing()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("events.fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // Our end: open, never read (until the end).
    const int rd = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(rd >= 0);
    const quint16 port = freePort();
    Proc server;
    server.p.setStandardOutputFile(fifo);
    QProcessEnvironment env = server.p.processEnvironment();
    env.insert(QStringLiteral("NETSTAGE_EVENTS_QUEUE"), QStringLiteral("2000")); // full sooner
    server.p.setProcessEnvironment(env);
    server.start(QStringLiteral(NETSTAGE_BIN),
                 {QStringLiteral("http"), QStringLiteral("serve"), QStringLiteral("--port"),
                  QString::number(port), QStringLiteral("--for"), QStringLiteral("60"),
                  QStringLiteral("--events"), QStringLiteral("-"), QStringLiteral("--quiet")});
    QVERIFY2(waitForPort(port, 10000), server.report().constData());
    // Load: far more events than the pipe (64 KiB) and the writer's queue take.
    Proc load;
    QVERIFY(load.run(QStringLiteral("wrk"),
                     {QStringLiteral("-t1"), QStringLiteral("-c4"), QStringLiteral("-d3s"),
                      QStringLiteral("http://127.0.0.1:%1/").arg(port)},
                     20000));
    QVERIFY2(load.out.contains("Requests/sec"), load.report().constData());
    // Still serving while the pipe is full.
    QVERIFY2(curlAnswers(port, 5), server.report().constData());
    QTRY_VERIFY2_WITH_TIMEOUT(server.err.contains("not keeping up"), server.report().constData(),
                              5000);
    // The reader catches up: the next events carry a `dropped` event with the count.
    QByteArray got;
    char buf[65536];
    QElapsedTimer t;
    t.start();
    bool dropped = false;
    while (t.elapsed() < 15000 && !dropped) {
        const ssize_t n = ::read(rd, buf, sizeof(buf));
        if (n > 0) {
            got.append(buf, int(n));
            continue;
        }
        curlAnswers(port, 5); // something new to write after the gap
        dropped = got.contains("\"event\":\"dropped\"");
        QTest::qWait(20);
    }
    QVERIFY2(dropped, got.right(2000).constData());
    const int at = int(got.indexOf("\"event\":\"dropped\""));
    const int lineStart = int(got.lastIndexOf('\n', at)) + 1;
    const QByteArray line = got.mid(lineStart, got.indexOf('\n', at) - lineStart);
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("\"count\":(\\d+)")).match(QString::fromUtf8(line));
    QVERIFY2(m.hasMatch() && m.captured(1).toLongLong() > 0, line.constData());
    // Stall again, then SIGTERM: it must end although nobody reads.
    Proc load2;
    QVERIFY(load2.run(QStringLiteral("wrk"),
                      {QStringLiteral("-t1"), QStringLiteral("-c4"), QStringLiteral("-d2s"),
                       QStringLiteral("http://127.0.0.1:%1/").arg(port)},
                      20000));
    QElapsedTimer stopT;
    stopT.start();
    server.terminate();
    QVERIFY2(server.finish(10000), "SIGTERM did not end a server with a stalled stdout");
    QVERIFY2(stopT.elapsed() < 8000, qPrintable(QString::number(stopT.elapsed())));
    QVERIFY2(server.exitedWith(0), server.report().constData());
    QVERIFY2(server.err.contains("left out of the stream"), server.report().constData());
    ::close(rd);
}

// A write that fails: one line on stderr, exit status 1, and a regular file never ends in
// half a line (here: a file size limit makes the disk "full" in the middle of a line).
void TstEventStream::fullDiskIsReportedOnce()
{
    Proc p;
    QVERIFY(
        p.run(QStringLiteral(NETSTAGE_BIN),
              {QStringLiteral("http"), QStringLiteral("serve"), QStringLiteral("--port"),
               QStringLiteral("0"), QStringLiteral("--for"), QStringLiteral("0.5"),
               QStringLiteral("--events"), QStringLiteral("/dev/full"), QStringLiteral("--quiet")},
              20000));
    QVERIFY2(p.exitedWith(1), p.report().constData());
    QCOMPARE(p.err.count("cannot write events to /dev/full"), 1);
    QVERIFY2(p.err.contains("No space left on device"), p.report().constData());

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("events.jsonl"));
    const quint16 port = freePort();
    Proc q;
    // bash's ulimit -f counts 1024-byte blocks: 2 KiB, a few events.
    q.start(QStringLiteral("bash"),
            {QStringLiteral("-c"),
             QStringLiteral("trap '' XFSZ; ulimit -f 2; exec \"$0\" http serve --port %1 --for 3 "
                            "--events \"$1\" --quiet")
                 .arg(port),
             QStringLiteral(NETSTAGE_BIN), file});
    QVERIFY2(waitForPort(port, 10000), q.report().constData());
    for (int i = 0; i < 5; ++i)
        curlAnswers(port, 5);
    QVERIFY(q.finish(20000));
    QVERIFY2(q.exitedWith(1), q.report().constData());
    QCOMPARE(q.err.count("cannot write events to"), 1);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray all = f.readAll();
    QVERIFY2(!all.isEmpty() && all.size() <= 2048, QByteArray::number(all.size()).constData());
    QVERIFY2(all.endsWith('\n'), all.right(200).constData()); // no half line
    for (const QByteArray& line : all.split('\n')) {
        if (!line.isEmpty())
            QVERIFY2(netstage::fromJsonLine(line).has_value(), line.constData());
    }
}

// `| head -n1`: the first line arrives, then the command carries on and ends as usual (not
// killed by SIGPIPE, no error).
void TstEventStream::closedStdoutEndsTheStreamQuietly()
{
    const quint16 port = freePort();
    Proc p;
    p.start(QStringLiteral("bash"),
            {QStringLiteral("-c"),
             QStringLiteral("\"$0\" http serve --port %1 --for 2 --events - --quiet | head -n1; "
                            "echo \"status=${PIPESTATUS[0]}\"")
                 .arg(port),
             QStringLiteral(NETSTAGE_BIN)});
    QVERIFY2(waitForPort(port, 10000), p.report().constData());
    QTest::qWait(300);             // head has its line and is gone
    QVERIFY(curlAnswers(port, 5)); // events written into the closed pipe: EPIPE
    QVERIFY(p.finish(20000));
    const QList<QByteArray> lines = p.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].contains("\"event\":\"listening\""), p.report().constData());
    QCOMPARE(lines[1], QByteArray("status=0"));
    QVERIFY2(!p.err.contains("cannot write"), p.report().constData());
}

void TstEventStream::sentencesOnlyWithExplain()
{
    auto run = [](const QStringList& extra) {
        Proc p;
        QStringList args{
            QStringLiteral("http"),     QStringLiteral("serve"), QStringLiteral("--port"),
            QStringLiteral("0"),        QStringLiteral("--for"), QStringLiteral("0.8"),
            QStringLiteral("--events"), QStringLiteral("-"),     QStringLiteral("--quiet")};
        p.run(QStringLiteral(NETSTAGE_BIN), args + extra, 20000);
        for (const Event& e : testutil::parseLines(p.out)) {
            if (e.event == ev::State && e.source == ev::Kernel) // LISTEN
                return e.detail;
        }
        return QStringLiteral("<no state event>");
    };
    QCOMPARE(run({}), QString()); // facts only
    const QString en = run({QStringLiteral("--explain")});
    QVERIFY2(!en.isEmpty() && en.at(0).unicode() < 0x80, qPrintable(en));
    const QString zh =
        run({QStringLiteral("--explain"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    QVERIFY2(std::any_of(zh.begin(), zh.end(), [](QChar c) { return c.unicode() >= 0x4e00; }),
             qPrintable(zh));
}

// --observe none: no events but errors, and the server still serves.
void TstEventStream::observeNoneKeepsServing()
{
    const quint16 port = freePort();
    Proc p;
    p.start(QStringLiteral(NETSTAGE_BIN),
            {QStringLiteral("http"), QStringLiteral("serve"), QStringLiteral("--port"),
             QString::number(port), QStringLiteral("--for"), QStringLiteral("2"),
             QStringLiteral("--observe"), QStringLiteral("none"), QStringLiteral("--events"),
             QStringLiteral("-"), QStringLiteral("--quiet")});
    QVERIFY2(waitForPort(port, 10000), p.report().constData());
    QVERIFY(curlAnswers(port, 5));
    QVERIFY(p.finish(20000));
    QVERIFY2(p.exitedWith(0), p.report().constData());
    QVERIFY2(p.out.isEmpty(), p.out.left(500).constData());

    Proc bad;
    QVERIFY(bad.run(QStringLiteral(NETSTAGE_BIN),
                    {QStringLiteral("http"), QStringLiteral("serve"), QStringLiteral("--observe"),
                     QStringLiteral("everything")},
                    10000));
    QVERIFY2(bad.exitedWith(2), bad.report().constData());
    QVERIFY2(bad.err.contains("--observe must be"), bad.report().constData());
}

QTEST_GUILESS_MAIN(TstEventStream)
#include "tst_event_stream.moc"
