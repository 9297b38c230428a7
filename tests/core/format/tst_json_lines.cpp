// JSON Lines: the exact shape of one line (docs/EVENTS.md's names in its order, omission of
// what does not apply), escaping, UTF-8, binary payloads as "hex", parsing back, the writer.
#include "core/base/event.h"
#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "core/format/json_lines.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <memory>
#include <vector>

using netstage::Event;
using netstage::fromJsonLine;
using netstage::toJsonLine;

namespace {

Event fullEvent()
{
    Event e;
    e.t_us = 1234;
    e.socket = QStringLiteral("tcp-client-1");
    e.proto = QStringLiteral("tcp");
    e.event = QStringLiteral("data");
    e.source = QStringLiteral("app");
    e.dir = QStringLiteral("in");
    e.bytes = 5;
    e.payload = QByteArrayLiteral("hello");
    e.local = QStringLiteral("127.0.0.1:51514");
    e.remote = QStringLiteral("127.0.0.1:8124");
    e.state = QStringLiteral("ESTABLISHED");
    e.flags = QStringLiteral("SYN,ACK");
    e.seq = 0;
    e.ack = 1;
    e.code = QStringLiteral("ECONNREFUSED");
    e.detail = QStringLiteral("...");
    return e;
}

QJsonObject parse(const QByteArray& line)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not a JSON object: %s (%s)", line.constData(), qPrintable(err.errorString()));
    return doc.object();
}

// The keys of a JSON line in the order they were written (QJsonObject sorts them).
QStringList keysInOrder(const QByteArray& line)
{
    const QJsonObject o = parse(line);
    QList<QPair<qsizetype, QString>> pos;
    for (const QString& k : o.keys()) {
        const qsizetype at = line.indexOf(QByteArray("\"") + k.toUtf8() + "\":");
        pos.append({at, k});
    }
    std::sort(pos.begin(), pos.end());
    QStringList out;
    for (const auto& p : pos)
        out << p.second;
    return out;
}

} // namespace

class TstJsonLines : public QObject
{
    Q_OBJECT
private slots:
    void exactLineForKnownEvent();
    void omitsWhatDoesNotApply();
    void zeroIsAValue();
    void emptyDetailGetsExplainSentence();
    void escaping();
    void controlCharactersAreEscapedText();
    void chineseStaysUtf8();
    void binaryPayloadGivesHex();
    void roundTrip_data();
    void roundTrip();
    void malformed_data();
    void malformed();
    void writerStreamsEveryAppend();
    void writerSurvivesTimeline();
};

void TstJsonLines::exactLineForKnownEvent()
{
    const QByteArray expected =
        R"({"t_us":1234,"socket":"tcp-client-1","proto":"tcp","event":"data","source":"app",)"
        R"("dir":"in","bytes":5,"text":"hello","local":"127.0.0.1:51514",)"
        R"("remote":"127.0.0.1:8124","state":"ESTABLISHED","flags":"SYN,ACK","seq":0,"ack":1,)"
        R"("code":"ECONNREFUSED","detail":"..."})"
        "\n";
    QCOMPARE(toJsonLine(fullEvent()), expected);
}

void TstJsonLines::omitsWhatDoesNotApply()
{
    Event e;
    e.t_us = 77;
    e.socket = QStringLiteral("tcp-server");
    e.proto = QStringLiteral("tcp");
    e.event = QStringLiteral("listening");
    e.source = QStringLiteral("app");
    e.local = QStringLiteral("127.0.0.1:8124");
    e.detail = QStringLiteral("Listening.");
    const QByteArray line = toJsonLine(e);
    QCOMPARE(line,
             QByteArray(R"({"t_us":77,"socket":"tcp-server","proto":"tcp","event":"listening",)"
                        R"("source":"app","local":"127.0.0.1:8124","detail":"Listening."})"
                        "\n"));

    Event k;
    k.t_us = 9;
    k.socket = QStringLiteral("tcp-conn-1");
    k.proto = QStringLiteral("tcp");
    k.event = QStringLiteral("state");
    k.source = QStringLiteral("kernel");
    k.local = QStringLiteral("127.0.0.1:8124");
    k.remote = QStringLiteral("127.0.0.1:40000");
    k.state = QStringLiteral("CLOSE-WAIT");
    k.detail = QStringLiteral("d");
    QCOMPARE(keysInOrder(toJsonLine(k)), (QStringList{"t_us", "socket", "proto", "event", "source",
                                                      "local", "remote", "state", "detail"}));
}

void TstJsonLines::zeroIsAValue()
{
    // Negative numbers mean "does not apply"; 0 is a real value (an empty read, seq 0).
    Event e = fullEvent();
    e.bytes = 0;
    e.payload.clear();
    const QJsonObject o = parse(toJsonLine(e));
    QVERIFY(o.contains("bytes"));
    QCOMPARE(o.value("bytes").toInteger(), 0);
    QVERIFY(o.contains("seq"));
    QCOMPARE(o.value("seq").toInteger(), 0);
    QVERIFY(!o.contains("text"));
    QVERIFY(!o.contains("hex"));

    e.bytes = -1;
    e.seq = -1;
    e.ack = -1;
    const QJsonObject p = parse(toJsonLine(e));
    QVERIFY(!p.contains("bytes"));
    QVERIFY(!p.contains("seq"));
    QVERIFY(!p.contains("ack"));
}

void TstJsonLines::emptyDetailGetsExplainSentence()
{
    Event e = fullEvent();
    e.event = QStringLiteral("error");
    e.detail.clear();
    const QString expected = netstage::Explain::sentence(e);
    QVERIFY(!expected.isEmpty());
    const QJsonObject o = parse(toJsonLine(e));
    QCOMPARE(o.value("detail").toString(), expected);
}

void TstJsonLines::escaping()
{
    Event e = fullEvent();
    e.payload = QByteArray("say \"hi\"\\path\nnext\tline\r end");
    e.bytes = e.payload.size();
    e.detail = QStringLiteral("a \"quoted\" detail\\ with\nnewline");
    const QByteArray line = toJsonLine(e);

    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), qsizetype(1)); // one line, whatever the payload holds
    QVERIFY(!line.contains('\t'));
    QVERIFY(!line.contains('\r'));
    QVERIFY2(line.contains(R"("text":"say \"hi\"\\path\nnext\tline\r end")"), line.constData());
    QVERIFY2(line.contains(R"("detail":"a \"quoted\" detail\\ with\nnewline")"), line.constData());

    const QJsonObject o = parse(line);
    QCOMPARE(o.value("text").toString(), QString::fromUtf8(e.payload));
    QCOMPARE(o.value("detail").toString(), e.detail);
    QVERIFY(!o.contains("hex"));
}

void TstJsonLines::controlCharactersAreEscapedText()
{
    // Control characters are valid UTF-8: the payload stays "text", escaped as \u00XX; "hex" is
    // only for payloads that are not valid UTF-8 (event.h, docs/EVENTS.md).
    Event e = fullEvent();
    e.payload = QByteArray("bell\x07 unit\x1f nul-free\x01");
    e.bytes = e.payload.size();
    QVERIFY(!e.payloadIsBinary());
    const QByteArray line = toJsonLine(e);
    QCOMPARE(line.count('\n'), qsizetype(1));
    QVERIFY(!line.contains('\x07'));
    QVERIFY(!line.contains('\x1f'));
    QVERIFY(!line.contains('\x01'));
    QVERIFY2(line.contains(R"("text":"bell\u0007 unit\u001f nul-free\u0001")"), line.constData());
    QVERIFY2(!parse(line).contains("hex"), line.constData());
}

void TstJsonLines::chineseStaysUtf8()
{
    Event e = fullEvent();
    const QString welcome = QStringLiteral("欢迎光临《深入浅出Node.js》示例：\n");
    e.payload = welcome.toUtf8();
    e.bytes = e.payload.size();
    e.detail = QStringLiteral("连接断开");
    const QByteArray line = toJsonLine(e);
    // Raw UTF-8 in the file, not \uXXXX escapes: a teacher can read it with `cat`.
    QVERIFY(line.contains(QStringLiteral("欢迎光临《深入浅出Node.js》示例：\\n").toUtf8()));
    QVERIFY(line.contains(QStringLiteral("连接断开").toUtf8()));
    QVERIFY(!line.contains("\\u"));
    QVERIFY(!parse(line).contains("hex"));
    QCOMPARE(parse(line).value("text").toString(), welcome);
    QCOMPARE(parse(line).value("bytes").toInteger(), 47);
}

void TstJsonLines::binaryPayloadGivesHex()
{
    Event e = fullEvent();
    e.payload = QByteArray("\xff\xfe\x00\x01"
                           "abc\xc3",
                           8);
    e.bytes = e.payload.size();
    QVERIFY(e.payloadIsBinary());
    QVERIFY(e.text().contains(QChar(0xFFFD)));

    const QByteArray line = toJsonLine(e);
    QCOMPARE(line.count('\n'), qsizetype(1));
    const QJsonObject o = parse(line);
    QVERIFY(o.contains("hex"));
    QCOMPARE(QByteArray::fromHex(o.value("hex").toString().toLatin1()), e.payload);
    QCOMPARE(o.value("bytes").toInteger(), 8);

    Event textual = fullEvent();
    QVERIFY(!textual.payloadIsBinary());
    QVERIFY(!parse(toJsonLine(textual)).contains("hex"));
}

void TstJsonLines::roundTrip_data()
{
    QTest::addColumn<Event>("event");
    QTest::newRow("full") << fullEvent();

    Event sparse;
    sparse.t_us = 1;
    sparse.socket = QStringLiteral("tcp-server");
    sparse.proto = QStringLiteral("tcp");
    sparse.event = QStringLiteral("listening");
    sparse.source = QStringLiteral("app");
    sparse.local = QStringLiteral("127.0.0.1:0");
    sparse.detail = QStringLiteral("x");
    QTest::newRow("sparse") << sparse;

    Event chinese = fullEvent();
    chinese.payload = QStringLiteral("你好").toUtf8();
    chinese.bytes = 6;
    chinese.detail = QStringLiteral("连接断开");
    QTest::newRow("chinese") << chinese;

    Event binary = fullEvent();
    binary.payload = QByteArray("\x00\xff\x80\x7f\n\"", 6);
    binary.bytes = 6;
    QTest::newRow("binary") << binary;

    Event escapes = fullEvent();
    escapes.payload = QByteArray("\"\\\n\r\t\x02");
    escapes.bytes = escapes.payload.size();
    escapes.detail = QStringLiteral("\"quoted\"\n");
    QTest::newRow("escapes") << escapes;

    Event segment;
    segment.t_us = 5;
    segment.socket = QStringLiteral("tcp-client-1");
    segment.proto = QStringLiteral("tcp");
    segment.event = QStringLiteral("segment");
    segment.source = QStringLiteral("wire");
    segment.src = QStringLiteral("127.0.0.1:51514");
    segment.dst = QStringLiteral("127.0.0.1:8124");
    segment.flags = QStringLiteral("SYN");
    segment.opts = QStringLiteral("mss=65495,sack_perm,ts=1/0,wscale=10");
    segment.seq = 100;
    segment.len = 0;
    segment.win = 65495;
    segment.detail = QStringLiteral("SYN");
    QTest::newRow("segment") << segment;

    Event big = fullEvent();
    big.t_us = Q_INT64_C(9007199254740000); // beyond 2^32, within a double's exact range
    big.seq = Q_INT64_C(4294967295);
    big.ack = Q_INT64_C(4294967294);
    big.bytes = Q_INT64_C(10000000000);
    QTest::newRow("big numbers") << big;
}

void TstJsonLines::roundTrip()
{
    QFETCH(Event, event);
    const QByteArray line = toJsonLine(event);
    QString error;
    const std::optional<Event> back = fromJsonLine(line, &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->t_us, event.t_us);
    QCOMPARE(back->socket, event.socket);
    QCOMPARE(back->event, event.event);
    QCOMPARE(back->payload, event.payload);
    QCOMPARE(back->bytes, event.bytes);
    QCOMPARE(back->seq, event.seq);
    QCOMPARE(back->ack, event.ack);
    QCOMPARE(back->detail, event.detail);
    QVERIFY(*back == event);
    // And the line it gives is the same line.
    QCOMPARE(toJsonLine(*back), line);
}

void TstJsonLines::malformed_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("blank") << QByteArray("   \n");
    QTest::newRow("garbage") << QByteArray("this is not json\n");
    QTest::newRow("truncated") << QByteArray(R"({"t_us":1,"socket":"tcp-server")");
    QTest::newRow("array") << QByteArray("[1,2,3]\n");
    QTest::newRow("number") << QByteArray("42\n");
    QTest::newRow("string") << QByteArray("\"data\"\n");
    QTest::newRow("t_us not a number") << QByteArray(
        R"({"t_us":"soon","socket":"s","proto":"tcp","event":"data","source":"app"})");
    QTest::newRow("bytes not a number") << QByteArray(
        R"({"t_us":1,"socket":"s","proto":"tcp","event":"data","source":"app","bytes":"five"})");
}

void TstJsonLines::malformed()
{
    QFETCH(QByteArray, line);
    QString error;
    const std::optional<Event> e = fromJsonLine(line, &error);
    QVERIFY2(!e.has_value(), line.constData());
    QVERIFY2(!error.isEmpty(), "no error message");
    // Without an error pointer it must not crash either.
    QVERIFY(!fromJsonLine(line).has_value());
}

void TstJsonLines::writerStreamsEveryAppend()
{
    std::vector<Event> appended(3, fullEvent());
    appended[1].socket = QStringLiteral("tcp-conn-1");
    appended[1].payload = QStringLiteral("你好").toUtf8();
    appended[1].bytes = 6;
    appended[2].payload = QByteArray(200, 'x');
    appended[2].bytes = 200;

    netstage::Timeline tl;
    QBuffer buf;
    QVERIFY(buf.open(QIODevice::ReadWrite));
    {
        netstage::JsonLinesWriter writer(&tl, &buf);
        for (const Event& e : appended)
            tl.append(e);
        QVERIFY(writer.written() > 0);
    }
    tl.append(fullEvent()); // the writer is gone: nothing more is written

    const QList<QByteArray> lines = buf.data().split('\n');
    QCOMPARE(lines.size(), 4); // three lines and the empty rest after the last '\n'
    QVERIFY(lines.last().isEmpty());
    for (int i = 0; i < 3; ++i) {
        QString error;
        const std::optional<Event> e = fromJsonLine(lines[i] + '\n', &error);
        QVERIFY2(e.has_value(), qPrintable(error));
        Event expected = appended[size_t(i)];
        expected.payload.truncate(netstage::Timeline::kPreviewBytes); // the store keeps a preview
        QVERIFY2(*e == expected, lines[i].constData());
    }
    QCOMPARE(fromJsonLine(lines[1])->text(), QStringLiteral("你好"));
    // What the store keeps is what is written: a preview, with the real byte count.
    QCOMPARE(fromJsonLine(lines[2])->payload.size(), qsizetype(netstage::Timeline::kPreviewBytes));
    QCOMPARE(fromJsonLine(lines[2])->bytes, qint64(200));
}

void TstJsonLines::writerSurvivesTimeline()
{
    QBuffer buf;
    QVERIFY(buf.open(QIODevice::WriteOnly));
    auto tl = std::make_unique<netstage::Timeline>();
    netstage::JsonLinesWriter writer(tl.get(), &buf);
    tl->append(fullEvent());
    tl.reset(); // the timeline dies first; the writer's destructor must cope
    QCOMPARE(buf.data().count('\n'), qsizetype(1));
}

QTEST_GUILESS_MAIN(TstJsonLines)
#include "tst_json_lines.moc"
