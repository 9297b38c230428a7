// The ladder painter without widgets: what it draws into a QImage, where (hit testing), what
// playback hides, and the PNG/SVG files. Screenshots land in the build directory (or
// $NETSTAGE_LADDER_SHOTS) for a person to look at.
#include "sample_ladder.h"
#include "ui/ladder/ladder_painter.h"

#include <QFile>
#include <QFontDatabase>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

using namespace netstage;
using test::SampleLadder;

namespace {

using Options = LadderPainter::Options;

QImage render(const Ladder& l, const Options& o, int upTo = -1)
{
    const LadderPainter painter;
    const QSize size = painter.sizeFor(l, o).toSize();
    QImage img(size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::magenta); // anything left magenta was not painted
    QPainter p(&img);
    painter.paint(&p, QRectF(QPointF(0, 0), size), l, upTo, o);
    p.end();
    return img;
}

bool near(QRgb a, const QColor& b, int tol = 40)
{
    return std::abs(qRed(a) - b.red()) + std::abs(qGreen(a) - b.green()) +
               std::abs(qBlue(a) - b.blue()) <=
           tol;
}

// Pixels of `rect` close to `colour`.
int countColour(const QImage& img, const QRect& rect, const QColor& colour, int tol = 40)
{
    int n = 0;
    const QRect r = rect.intersected(img.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            n += near(img.pixel(x, y), colour, tol) ? 1 : 0;
    }
    return n;
}

int itemOfKind(const Ladder& l, LadderItem::Kind kind, int nth = 0)
{
    for (int i = 0; i < int(l.items.size()); ++i) {
        if (l.items[std::size_t(i)].kind == kind && nth-- == 0)
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

class TstLadderPainter : public QObject
{
    Q_OBJECT
private slots:
    void handshakeImageHasExpectedSizeAndInk();
    void zoomScalesEverything();
    void arrowLabels_data();
    void arrowLabels();
    void everyItemIsHitWhereItIsDrawn();
    void upToHidesLaterItems();
    void modelArrowsAreDashedAndTitled();
    void writesPngAndSvg();
    void refusesBadExtensionAndUnwritablePath();
    void textHelpers();
    void drawsALadderBuiltFromEvents();
    void screenshots();
};

void TstLadderPainter::handshakeImageHasExpectedSizeAndInk()
{
    const Ladder l = SampleLadder::handshake();
    Options o;
    const LadderPainter painter;
    const QSizeF size = painter.sizeFor(l, o);
    QVERIFY(size.width() >= 900 && size.width() <= 1400);
    QVERIFY(size.height() > 400);

    const QImage img = render(l, o);
    QCOMPARE(img.size(), size.toSize());
    // The whole picture is painted (background included), and it is not just background.
    QCOMPARE(countColour(img, img.rect(), QColor(Qt::magenta), 0), 0);
    const int white = countColour(img, img.rect(), QColor(Qt::white), 0);
    QVERIFY2(white < img.width() * img.height() * 0.95, "the image is (almost) blank");
    // Each kind of segment in the handshake shows up in its own colour.
    const QColor syn = LadderPainter::kindColor(LadderPainter::Kind::Handshake, o.theme);
    const QColor ack = LadderPainter::kindColor(LadderPainter::Kind::Ack, o.theme);
    QVERIFY(countColour(img, img.rect(), syn, 10) > 500);
    QVERIFY(countColour(img, img.rect(), ack, 10) > 200);
}

void TstLadderPainter::zoomScalesEverything()
{
    const Ladder l = SampleLadder::handshake();
    Options o;
    const LadderPainter painter;
    const QSizeF one = painter.sizeFor(l, o);
    o.zoom = 2.0;
    const QSizeF two = painter.sizeFor(l, o);
    QVERIFY(std::abs(two.width() - 2 * one.width()) <= 2);
    QVERIFY(std::abs(two.height() - 2 * one.height()) <= 2);
    const int arrow = itemOfKind(l, LadderItem::Kind::Arrow);
    o.zoom = 1.0;
    const QRectF r1 = painter.itemRect(l, arrow, o);
    o.zoom = 2.0;
    const QRectF r2 = painter.itemRect(l, arrow, o);
    QVERIFY(std::abs(r2.width() - 2 * r1.width()) < 1);
    QVERIFY(std::abs(r2.top() - 2 * r1.top()) < 1);
}

void TstLadderPainter::arrowLabels_data()
{
    QTest::addColumn<int>("numbers");
    QTest::addColumn<int>("arrow");
    QTest::addColumn<QStringList>("expected");
    const int tb = int(LadderPainter::Numbers::Textbook), real = int(LadderPainter::Numbers::Real);
    QTest::newRow("SYN textbook") << tb << 0
                                  << QStringList{"SYN", "seq=x win=65495",
                                                 "MSS 65495 · SACK · TS · WS 10 (×1024)"};
    QTest::newRow("SYN+ACK textbook") << tb << 1 << QStringList{"SYN+ACK", "seq=y ack=x+1"};
    QTest::newRow("ACK textbook") << tb << 2 << QStringList{"ACK", "seq=x+1 ack=y+1 win=64"};
    QTest::newRow("SYN real") << real << 0
                              << QStringList{"SYN", "Seq=0 Win=65495", "absolute: seq 3148290479"};
    QTest::newRow("SYN+ACK real") << real << 1
                                  << QStringList{"SYN+ACK", "Seq=0 Ack=1 Win=65483",
                                                 "absolute: seq 3300419134, ack 3148290480"};
    QTest::newRow("ACK real") << real << 2
                              << QStringList{"ACK", "Seq=1 Ack=1 Win=64",
                                             "absolute: seq 3148290480, ack 3300419135"};
}

void TstLadderPainter::arrowLabels()
{
    QFETCH(int, numbers);
    QFETCH(int, arrow);
    QFETCH(QStringList, expected);
    const Ladder l = SampleLadder::handshake();
    Options o;
    o.numbers = LadderPainter::Numbers(numbers);
    const int item = itemOfKind(l, LadderItem::Kind::Arrow, arrow);
    const QStringList texts = LadderPainter().itemTexts(l, item, o);
    QCOMPARE(texts.value(0), expected.value(0)); // the flags come first: the big label
    for (const QString& e : expected)
        QVERIFY2(texts.join(QLatin1Char('|')).contains(e),
                 qPrintable(QStringLiteral("%1 not in %2").arg(e, texts.join(QLatin1Char('|')))));

    // The label is drawn where itemRect says: the flags pill, in the arrow's colour, is inside.
    const QImage img = render(l, o);
    const QRect r = LadderPainter().itemRect(l, item, o).toAlignedRect();
    QVERIFY(img.rect().contains(r));
    const QColor c =
        LadderPainter::kindColor(LadderPainter::kindOf(l.arrows[std::size_t(arrow)]), o.theme);
    QVERIFY2(countColour(img, r, c, 10) > 800, "the arrow and its pill are not in its rectangle");
}

void TstLadderPainter::everyItemIsHitWhereItIsDrawn()
{
    const Ladder l = SampleLadder::full();
    for (auto numbers : {LadderPainter::Numbers::Textbook, LadderPainter::Numbers::Real}) {
        for (qreal zoom : {0.6, 1.0, 1.7}) {
            Options o;
            o.numbers = numbers;
            o.zoom = zoom;
            const LadderPainter painter;
            const LadderPainter::Layout layout = painter.layout(l, o);
            for (int i = 0; i < int(l.items.size()); ++i) {
                const QRectF r = painter.itemRect(l, layout, i, o);
                QVERIFY2(!r.isEmpty(), qPrintable(QString::number(i)));
                QCOMPARE(painter.itemAt(l, layout, r.center(), o), i);
                // Rows do not overlap: an item's rectangle stays inside its own row.
                const QRectF row = LadderPainter::rowRect(layout, i, o);
                QVERIFY(r.top() >= row.top() - 0.01 && r.bottom() <= row.bottom() + 0.01);
            }
            // The margin and the title are not items.
            QCOMPARE(painter.itemAt(l, layout, QPointF(2, 2), o), -1);
            QCOMPARE(painter.itemAt(l, layout, QPointF(5 * zoom, layout.rowTop[3] * zoom), o), -1);
        }
    }
}

void TstLadderPainter::upToHidesLaterItems()
{
    const Ladder l = SampleLadder::handshake();
    Options o;
    const LadderPainter painter;
    const int synAck = itemOfKind(l, LadderItem::Kind::Arrow, 1);
    const int upTo = synAck; // everything before the SYN+ACK
    const QRectF r = painter.itemRect(l, synAck, o);
    QCOMPARE(painter.itemAt(l, r.center(), o), synAck);
    QCOMPARE(painter.itemAt(l, r.center(), o, upTo), -1);
    QCOMPARE(painter.itemAt(l, r.center(), o, upTo + 1), synAck);

    // Nothing of the SYN+ACK (nor the ACK after it) is painted yet; the SYN is.
    const QImage partial = render(l, o, upTo);
    const QColor syn = LadderPainter::kindColor(LadderPainter::Kind::Handshake, o.theme);
    QCOMPARE(countColour(partial, r.toAlignedRect(), syn, 10), 0);
    const QRect synRect =
        painter.itemRect(l, itemOfKind(l, LadderItem::Kind::Arrow, 0), o).toAlignedRect();
    QVERIFY(countColour(partial, synRect, syn, 10) > 500);
    // The picture keeps its size while it plays: nothing jumps.
    QCOMPARE(partial.size(), render(l, o).size());
}

void TstLadderPainter::modelArrowsAreDashedAndTitled()
{
    Options o;
    const LadderPainter painter;
    QVERIFY(LadderPainter::sourceTitle(QStringLiteral("model")).contains(QLatin1String("model")));
    QVERIFY(LadderPainter::sourceTitle(QStringLiteral("model"))
                .contains(QLatin1String("not captured")));
    QVERIFY(LadderPainter::sourceTitle(QStringLiteral("wire")).contains(QLatin1String("wire")));

    // Walk along the SYN's line: solid on the wire, with gaps in the model.
    auto gapsAlongSyn = [&](const Ladder& l) {
        const QImage img = render(l, o);
        const int item = itemOfKind(l, LadderItem::Kind::Arrow, 0);
        const QRectF r = painter.itemRect(l, item, o);
        const QColor syn = LadderPainter::kindColor(LadderPainter::Kind::Handshake, o.theme);
        // The line runs from the tail (left, higher) to the head (right, lower): find its y at
        // each x as the syn-coloured pixel in the lower part of the rectangle.
        int gaps = 0;
        for (int x = int(r.left()) + 20; x < int(r.right()) - 40; x += 3) {
            bool hit = false;
            for (int y = int(r.top() + r.height() * 0.45); y < int(r.bottom()) && !hit; ++y)
                hit = near(img.pixel(x, y), syn, 30);
            gaps += hit ? 0 : 1;
        }
        return gaps;
    };
    QCOMPARE(gapsAlongSyn(SampleLadder::handshake(QStringLiteral("wire"))), 0);
    QVERIFY(gapsAlongSyn(SampleLadder::handshake(QStringLiteral("model"))) > 10);
}

void TstLadderPainter::writesPngAndSvg()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Ladder l = SampleLadder::handshake();
    Options o;
    o.title = QStringLiteral("handshake");
    QString error;
    const QString png = dir.filePath(QStringLiteral("ladder.png"));
    QVERIFY2(LadderPainter::writeImage(l, o, png, &error), qPrintable(error));
    const QImage img(png);
    QVERIFY(!img.isNull());
    QCOMPARE(img.size(), LadderPainter().sizeFor(l, o).toSize());

    const QString svg = dir.filePath(QStringLiteral("ladder.SVG")); // the case does not matter
    QVERIFY2(LadderPainter::writeImage(l, o, svg, &error), qPrintable(error));
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains(">SYN<"));
    QVERIFY(text.contains(">SYN+ACK<"));
    QVERIFY(text.contains("seq=y ack=x+1"));
}

void TstLadderPainter::refusesBadExtensionAndUnwritablePath()
{
    QTemporaryDir dir;
    const Ladder l = SampleLadder::handshake();
    QString error;
    const QString gif = dir.filePath(QStringLiteral("ladder.gif"));
    QVERIFY(!LadderPainter::writeImage(l, Options(), gif, &error));
    QVERIFY2(error.contains(QLatin1String(".png")) && error.contains(QLatin1String(".svg")),
             qPrintable(error));
    QVERIFY(!QFile::exists(gif));

    error.clear();
    QVERIFY(!LadderPainter::writeImage(l, Options(), dir.filePath(QStringLiteral("no/such/x.png")),
                                       &error));
    QVERIFY2(error.contains(QLatin1String("no/such/x.png")), qPrintable(error));
    QVERIFY(!LadderPainter::writeImage(l, Options(), QString(), nullptr)); // no crash without error
}

void TstLadderPainter::textHelpers()
{
    QCOMPARE(LadderPainter::flagsLabel(QStringLiteral("FIN,ACK")), QStringLiteral("FIN+ACK"));
    QCOMPARE(LadderPainter::flagsLabel(QStringLiteral("PSH,ACK")), QStringLiteral("PSH+ACK"));
    QCOMPARE(LadderPainter::formatGap(14), QStringLiteral("+0.014 ms"));
    QCOMPARE(LadderPainter::formatGap(43212), QStringLiteral("+43 ms"));
    QCOMPARE(LadderPainter::formatGap(2100000), QStringLiteral("+2.1 s"));
    QCOMPARE(LadderPainter::formatGap(0), QString());
    QCOMPARE(LadderPainter::optionsText(QStringLiteral("mss=65495,sack_perm,ts=1/0,nop,wscale=7")),
             QStringLiteral("MSS 65495 · SACK · TS · WS 7 (×128)"));
    LadderArrow a;
    a.flags = QStringLiteral("RST,ACK");
    QCOMPARE(LadderPainter::kindOf(a), LadderPainter::Kind::Rst);
    a.flags = QStringLiteral("PSH,ACK");
    a.len = 5;
    QCOMPARE(LadderPainter::kindOf(a), LadderPainter::Kind::Data);
    a.flags = QStringLiteral("FIN,ACK");
    a.len = 0;
    QCOMPARE(LadderPainter::kindOf(a), LadderPainter::Kind::Fin);
}

void TstLadderPainter::drawsALadderBuiltFromEvents()
{
    // The same picture from core's own builder: wire segments of a handshake plus app events.
    auto seg = [](qint64 t, const char* src, const char* dst, const char* flags, qint64 seq,
                  qint64 ack) {
        Event e;
        e.t_us = t;
        e.proto = ev::Tcp;
        e.event = ev::Segment;
        e.source = ev::Wire;
        e.src = QString::fromLatin1(src);
        e.dst = QString::fromLatin1(dst);
        e.flags = QString::fromLatin1(flags);
        e.seq = seq;
        e.ack = ack;
        e.len = 0;
        e.win = 65495;
        return e;
    };
    std::vector<Event> events;
    Event listening;
    listening.t_us = 10;
    listening.socket = QStringLiteral("tcp-server");
    listening.proto = ev::Tcp;
    listening.event = ev::Listening;
    listening.source = ev::App;
    listening.local = QStringLiteral("127.0.0.1:8124");
    events.push_back(listening);
    const char* c = "127.0.0.1:51514";
    const char* s = "127.0.0.1:8124";
    events.push_back(seg(1000, c, s, "SYN", 3148290479LL, -1));
    events.push_back(seg(1014, s, c, "SYN,ACK", 3300419134LL, 3148290480LL));
    events.push_back(seg(1027, c, s, "ACK", 3148290480LL, 3300419135LL));
    Event connect;
    connect.t_us = 1060;
    connect.socket = QStringLiteral("tcp-client-1");
    connect.proto = ev::Tcp;
    connect.event = ev::Connect;
    connect.source = ev::App;
    connect.local = QString::fromLatin1(c);
    connect.remote = QString::fromLatin1(s);
    events.push_back(connect);

    const Ladder l = Ladder::fromEvents(events);
    QCOMPARE(l.source, QStringLiteral("wire"));
    QCOMPARE(int(l.arrows.size()), 3);
    QCOMPARE(int(l.lanes.size()), 2);
    Options o;
    const LadderPainter painter;
    const int synAck = itemOfKind(l, LadderItem::Kind::Arrow, 1);
    QCOMPARE(painter.itemTexts(l, synAck, o).value(0), QStringLiteral("SYN+ACK"));
    QVERIFY(painter.itemTexts(l, synAck, o).value(1).contains(QLatin1String("ack=x+1")));
    o.numbers = LadderPainter::Numbers::Real;
    QVERIFY(painter.itemTexts(l, synAck, o)
                .join(QLatin1Char(' '))
                .contains(QLatin1String("Seq=0 Ack=1")));
    const QImage img = render(l, o);
    QCOMPARE(countColour(img, img.rect(), QColor(Qt::magenta), 0), 0);
    for (int i = 0; i < int(l.items.size()); ++i)
        QCOMPARE(painter.itemAt(l, painter.itemRect(l, i, o).center(), o), i);
}

void TstLadderPainter::screenshots()
{
    // Pictures for a person to judge (legible from the back row? anything clipped?), and a
    // check that each one was written and is not blank.
    const QString dir = shotsDir();
    struct Shot
    {
        const char* name;
        Ladder ladder;
        LadderPainter::Theme theme;
        LadderPainter::Numbers numbers;
        int upTo;
        int current;
    };
    const Ladder full = SampleLadder::full();
    const int synAck = itemOfKind(full, LadderItem::Kind::Arrow, 1);
    const Shot shots[] = {
        {"ladder_light.png", full, LadderPainter::Theme::Light, LadderPainter::Numbers::Textbook,
         -1, -1},
        {"ladder_dark.png", full, LadderPainter::Theme::Dark, LadderPainter::Numbers::Textbook, -1,
         -1},
        {"ladder_real.png", full, LadderPainter::Theme::Light, LadderPainter::Numbers::Real, -1,
         -1},
        {"ladder_model.png", SampleLadder::full(QStringLiteral("model")),
         LadderPainter::Theme::Light, LadderPainter::Numbers::Textbook, -1, -1},
        {"ladder_mid_handshake.png", full, LadderPainter::Theme::Light,
         LadderPainter::Numbers::Textbook, synAck + 1, synAck},
        {"ladder_refused.png", SampleLadder::refused(), LadderPainter::Theme::Dark,
         LadderPainter::Numbers::Real, -1, -1},
    };
    for (const Shot& s : shots) {
        Options o;
        o.theme = s.theme;
        o.numbers = s.numbers;
        o.currentItem = s.current;
        o.progress = s.current >= 0 ? 0.55 : 1.0;
        o.title = QStringLiteral("Lesson: normal open and close (client closes first)");
        const QString path = dir + QLatin1Char('/') + QLatin1String(s.name);
        QString error;
        QVERIFY2(LadderPainter::writeImage(s.ladder, o, path, &error, s.upTo), qPrintable(error));
        const QImage img(path);
        QVERIFY(!img.isNull());
        QCOMPARE(img.size(), LadderPainter().sizeFor(s.ladder, o).toSize());
        qInfo("screenshot: %s", qPrintable(path));
    }

    // Chinese in a marker (a student typed 你好): needs a CJK font, as docs/PLATFORM-FACTS.md says.
    if (QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty())
        QSKIP("no Chinese font installed (apt-get install fonts-wqy-microhei)");
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    const Ladder zh = SampleLadder::full(QStringLiteral("wire"), QStringLiteral("你好"));
    Options o;
    o.title = QStringLiteral("第 1 课：正常建立与关闭连接");
    const QString path = dir + QStringLiteral("/ladder_zh.png");
    QString error;
    QVERIFY2(LadderPainter::writeImage(zh, o, path, &error), qPrintable(error));
    QLocale::setDefault(QLocale::c());
    // The marker with 你好 has ink in its label box: not an empty box where glyphs failed.
    const int marker = [&] {
        for (int i = 0; i < int(zh.items.size()); ++i) {
            const LadderItem& it = zh.items[std::size_t(i)];
            if (it.kind == LadderItem::Kind::Marker &&
                zh.markers[std::size_t(it.index)].text.contains(QStringLiteral("你好")))
                return i;
        }
        return -1;
    }();
    QVERIFY(marker >= 0);
    QVERIFY(LadderPainter().itemTexts(zh, marker, o).value(0).contains(QStringLiteral("你好")));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TstLadderPainter)
#include "tst_ladder_painter.moc"
