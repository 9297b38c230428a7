// Recordings round-trip exactly; broken, foreign and empty files give a clear error; replay
// visits the same steps forward and back.
#include "core/cli/cli.h"
#include "core/explain/explain.h"
#include "core/format/json_lines.h"
#include "core/format/recording.h"
#include "core/ladder/ladder.h"
#include "core/lessons/lesson.h"
#include "core/lessons/replay_player.h"

#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace netstage;

namespace {

Event ev(qint64 t, const char* socket, const char* event, const char* source)
{
    Event e;
    e.t_us = t;
    e.socket = QLatin1String(socket);
    e.proto = ev::Tcp;
    e.event = QLatin1String(event);
    e.source = QLatin1String(source);
    return e;
}

Event seg(qint64 t, const char* src, const char* dst, const char* flags, qint64 seq, qint64 ack,
          qint64 len = 0)
{
    Event e = ev(t, "tcp-client-1", "segment", "wire");
    e.src = QLatin1String(src);
    e.dst = QLatin1String(dst);
    e.flags = QLatin1String(flags);
    e.seq = seq;
    e.ack = ack;
    e.len = len;
    e.win = 65495;
    return e;
}

// A real-looking handshake and teardown with absolute numbers.
std::vector<Event> sample()
{
    const char* c = "127.0.0.1:40000";
    const char* s = "127.0.0.1:8124";
    std::vector<Event> v;
    Event l = ev(100, "tcp-server", "listening", "app");
    l.local = QLatin1String(s);
    v.push_back(l);
    v.push_back(seg(1000, c, s, "SYN", 1000, -1));
    v.back().opts = QStringLiteral("mss=65495,sack_perm,ts=1/0,wscale=10");
    v.push_back(seg(1013, s, c, "SYN,ACK", 5000, 1001));
    v.push_back(seg(1026, c, s, "ACK", 1001, 5001));
    Event d = ev(2000, "tcp-client-1", "data", "app");
    d.dir = ev::Out;
    d.bytes = 6;
    d.payload = QByteArrayLiteral("你好");
    d.local = QLatin1String(c);
    d.remote = QLatin1String(s);
    v.push_back(d);
    v.push_back(seg(2001, c, s, "PSH,ACK", 1001, 5001, 6));
    v.back().payload = QByteArrayLiteral("你好");
    v.push_back(seg(2010, s, c, "ACK", 5001, 1007));
    v.push_back(seg(3000, c, s, "FIN,ACK", 1007, 5001));
    v.push_back(seg(3010, s, c, "FIN,ACK", 5001, 1008));
    v.push_back(seg(3020, c, s, "ACK", 1008, 5002));
    Event k = ev(3100, "tcp-client-1", "state", "kernel");
    k.state = QStringLiteral("TIME-WAIT");
    k.local = QLatin1String(c);
    k.remote = QLatin1String(s);
    v.push_back(k);
    Event bin = ev(3200, "tcp-client-1", "data", "app");
    bin.dir = ev::In;
    bin.bytes = 3;
    bin.payload = QByteArray("\x00\x01\xff", 3);
    v.push_back(bin);
    // A lab's own fields survive too (HTTP's request, say).
    Event req = ev(3300, "http-conn-1", "request", "app");
    req.extra.insert(QStringLiteral("method"), QStringLiteral("GET"));
    req.extra.insert(QStringLiteral("headers"),
                     QJsonObject{{QStringLiteral("Host"), QStringLiteral("example.test")}});
    req.extra.insert(QStringLiteral("status"), 301);
    v.push_back(req);
    return v;
}

} // namespace

class TestRecording : public QObject
{
    Q_OBJECT
    QTemporaryDir dir_;

    QString write(const char* name, const QByteArray& content)
    {
        const QString path = dir_.filePath(QLatin1String(name));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }

private slots:
    void roundTrip()
    {
        Recording rec;
        rec.header.appVersion = QStringLiteral("0.1.0");
        rec.header.lesson = QStringLiteral("teardown");
        rec.header.capture = QStringLiteral("wire");
        rec.header.created = QStringLiteral("2026-11-27T21:00:00Z");
        rec.events = sample();
        // Details as they will be written (a saved file carries the sentences).
        for (Event& e : rec.events)
            e = *fromJsonLine(toJsonLine(e));
        const QString path = dir_.filePath(QStringLiteral("a.netstage.jsonl"));
        QString error;
        QVERIFY2(RecordingFile::save(path, rec, &error), qPrintable(error));
        const std::optional<Recording> back = RecordingFile::load(path, &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(back->header == rec.header);
        QCOMPARE(back->events.size(), rec.events.size());
        for (std::size_t i = 0; i < rec.events.size(); ++i)
            QVERIFY2(back->events[i] == rec.events[i], qPrintable(QString::number(i)));
        // Saved again, byte for byte the same file.
        const QString path2 = dir_.filePath(QStringLiteral("b.netstage.jsonl"));
        QVERIFY(RecordingFile::save(path2, *back, &error));
        QFile f1(path), f2(path2);
        QVERIFY(f1.open(QIODevice::ReadOnly) && f2.open(QIODevice::ReadOnly));
        const QByteArray bytes = f1.readAll();
        QCOMPARE(bytes, f2.readAll());
        const QByteArray req = bytes.mid(bytes.indexOf("\"socket\":\"http-conn-1\""), 200);
        QVERIFY2(req.contains("\"headers\":{\"Host\":\"example.test\"}") &&
                     req.contains("\"method\":\"GET\"") && req.contains("\"status\":301"),
                 req.constData());
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("is empty");
        QTest::newRow("foreign JSON")
            << QByteArrayLiteral("{\"hello\":1}\n") << QStringLiteral("not a NetStage recording");
        QTest::newRow("a PNG") << QByteArrayLiteral("\x89PNG\r\n\x1a\n....")
                               << QStringLiteral("not a NetStage recording");
        QTest::newRow("newer format")
            << QByteArrayLiteral("{\"netstage_recording\":99}\n") << QStringLiteral("format 99");
        QTest::newRow("broken line")
            << QByteArrayLiteral("{\"netstage_recording\":1}\n{\"t_us\":1,\"event\":\"connect\"}\n"
                                 "{\"t_us\":2,\"event\":\"da")
            << QStringLiteral("line 3");
        QTest::newRow("not an event") << QByteArrayLiteral("{\"netstage_recording\":1}\n[1,2,3]\n")
                                      << QStringLiteral("line 2");
    }

    void badFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = write("bad.jsonl", content);
        QString error;
        QVERIFY(!RecordingFile::load(path, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("bad.jsonl")), qPrintable(error));
    }

    void missingFile()
    {
        QString error;
        QVERIFY(!RecordingFile::load(dir_.filePath(QStringLiteral("nope.jsonl")), &error));
        QVERIFY2(error.contains(QLatin1String("nope.jsonl")), qPrintable(error));
    }

    void ladderFromRecording()
    {
        const Ladder l = Ladder::fromEvents(sample());
        QCOMPARE(l.source, ev::Wire);
        QCOMPARE(int(l.arrows.size()), 8);
        QCOMPARE(l.arrows[0].textbookSeq(), QStringLiteral("seq=x"));
        QCOMPARE(l.arrows[1].textbookSeq(), QStringLiteral("seq=y"));
        QCOMPARE(l.arrows[1].textbookAck(), QStringLiteral("ack=x+1"));
        QCOMPARE(l.arrows[3].textbookSeq(), QStringLiteral("seq=x+1")); // the data
        QCOMPARE(l.arrows[4].textbookAck(), QStringLiteral("ack=x+7"));
        QCOMPARE(l.arrows[6].textbookAck(), QStringLiteral("ack=x+8")); // FIN consumed one
        QCOMPARE(l.laneStateAt(0, int(l.items.size())), QStringLiteral("TIME-WAIT"));
        QCOMPARE(l.laneStateAt(1, int(l.items.size())), QStringLiteral("CLOSED"));
        QCOMPARE(int(l.kernel.size()), 1);
    }

    // Stepping forward then back visits the same positions and the same lane states.
    void replaySteps()
    {
        const Ladder l = Ladder::fromEvents(sample());
        ReplayPlayer p;
        p.setItemCount(int(l.items.size()));
        QSignalSpy moved(&p, &ReplayPlayer::positionChanged);
        QStringList forward, back;
        for (int i = 0; i < int(l.items.size()); ++i) {
            p.stepForward();
            forward << l.laneStateAt(0, p.position()) + QLatin1Char('/') +
                           l.laneStateAt(1, p.position());
        }
        p.stepForward(); // at the end: stays
        QCOMPARE(p.position(), int(l.items.size()));
        for (int i = 0; i < int(l.items.size()); ++i) {
            back.prepend(l.laneStateAt(0, p.position()) + QLatin1Char('/') +
                         l.laneStateAt(1, p.position()));
            p.stepBack();
        }
        QCOMPARE(p.position(), 0);
        QCOMPARE(back, forward);
        QCOMPARE(moved.count(), 2 * int(l.items.size()));
    }

    void replayPlaysToTheEnd()
    {
        ReplayPlayer p;
        p.setItemCount(5);
        p.setSpeed(10); // the fastest teaching speed: 10 items a second
        QSignalSpy playing(&p, &ReplayPlayer::playingChanged);
        p.play();
        QVERIFY(p.isPlaying());
        QTRY_COMPARE_WITH_TIMEOUT(p.position(), 5, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(!p.isPlaying(), 1000);
        QCOMPARE(playing.count(), 2);
        p.restart();
        QCOMPARE(p.position(), 0);
    }

    // Every lesson ships a recording that opens offline and draws the wire's handshake.
    void sampleRecordingsOpen()
    {
        for (const Lesson& lesson : Lessons::all()) {
            const QString path =
                QStringLiteral(":/recordings/%1.netstage.jsonl").arg(QLatin1String(lesson.name));
            QString error;
            const std::optional<Recording> rec = RecordingFile::load(path, &error);
            QVERIFY2(rec, qPrintable(path + QStringLiteral(": ") + error));
            QCOMPARE(rec->header.lesson, QLatin1String(lesson.name));
            const Ladder l = Ladder::fromEvents(rec->events);
            QCOMPARE(l.source, ev::Wire);
            QVERIFY(!l.arrows.empty());
            QCOMPARE(l.arrows[0].flags, QStringLiteral("SYN"));
            QCOMPARE(l.arrows[0].textbookSeq(), QStringLiteral("seq=x"));
        }
    }

    // Files carry facts, screens carry sentences: the samples have no sentence of their own on
    // their segments, so a sample opened under zh_CN explains in Chinese and under en in English.
    // An older recording whose lines carry English sentences still opens and keeps them.
    void sampleExplainsInTheScreensLanguage()
    {
        auto cjk = [](const QString& s) {
            return std::any_of(s.begin(), s.end(), [](QChar c) {
                return c.unicode() >= 0x4e00 && c.unicode() < 0xa000;
            });
        };
        for (const QString& lang : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
            netstage::installTranslators(QCoreApplication::instance(), lang);
            for (const Lesson& lesson : Lessons::all()) {
                const QString path = QStringLiteral(":/recordings/%1.netstage.jsonl")
                                         .arg(QLatin1String(lesson.name));
                QString error;
                const std::optional<Recording> rec = RecordingFile::load(path, &error);
                QVERIFY2(rec, qPrintable(error));
                int explained = 0;
                for (const Event& e : rec->events) {
                    if (e.event != QLatin1String("segment") && e.event != ev::State)
                        continue;
                    QVERIFY2(e.detail.isEmpty(),
                             qPrintable(path + QStringLiteral(" carries a sentence: ") + e.detail));
                    const QString sentence = Explain::sentence(e);
                    QVERIFY(!sentence.isEmpty());
                    QVERIFY2(cjk(sentence) == (lang == QLatin1String("zh_CN")),
                             qPrintable(lang + QStringLiteral(": ") + sentence));
                    ++explained;
                }
                QVERIFY2(explained > 0, qPrintable(path));
            }
        }
        netstage::installTranslators(QCoreApplication::instance(), QStringLiteral("en"));

        QTemporaryDir dir;
        const QString old = dir.filePath(QStringLiteral("old.netstage.jsonl"));
        QFile f(old);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"app_version":"0.1.0","capture":"wire","created":"2026-11-27T22:31:40Z","lesson":"data","netstage_recording":1})"
            "\n"
            R"({"t_us":16014,"socket":"tcp-server","proto":"tcp","event":"listening","source":"app","local":"127.0.0.1:33409","detail":"The server socket is bound and listening."})"
            "\n");
        f.close();
        QString error;
        const std::optional<Recording> rec = RecordingFile::load(old, &error);
        QVERIFY2(rec, qPrintable(error));
        QCOMPARE(rec->events.size(), std::size_t(1));
        QCOMPARE(rec->events[0].detail,
                 QStringLiteral("The server socket is bound and listening."));
    }

    void speedSlider()
    {
        QCOMPARE(ReplayPlayer::speedFromSlider(0, 100), ReplayPlayer::kMinSpeed);
        QCOMPARE(ReplayPlayer::speedFromSlider(100, 100), ReplayPlayer::kMaxSpeed);
        QVERIFY(qAbs(ReplayPlayer::speedFromSlider(50, 100) - 1.0) < 1e-9); // log scale
        QCOMPARE(ReplayPlayer::sliderFromSpeed(1.0, 100), 50);
    }
};

QTEST_GUILESS_MAIN(TestRecording)
#include "tst_recording.moc"
