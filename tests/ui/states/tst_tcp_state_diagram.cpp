// The state diagram from the sample recordings (every lesson, made on real sockets with the
// wire captured): the path it draws is the ladder's own sequence of states, it follows the
// replay both ways, and clicks lead to the moments and segments they name.
#include "core/format/recording.h"
#include "core/ladder/ladder.h"
#include "ui/states/tcp_state_diagram.h"
#include "ui/states/tcp_state_diagram_view.h"

#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace netstage;
using D = TcpStateDiagram;

namespace {

Ladder ladderOf(const QString& lesson)
{
    QString error;
    const auto rec =
        RecordingFile::load(QStringLiteral(":/recordings/%1.netstage.jsonl").arg(lesson), &error);
    if (!rec)
        qWarning() << error;
    return rec ? Ladder::fromEvents(rec->events) : Ladder{};
}

// The ladder's states of one lane in item order, repeats folded: what the diagram must trace.
QStringList ladderStates(const Ladder& l, int lane, int upTo = -1)
{
    QStringList out;
    const int n = upTo < 0 ? int(l.items.size()) : upTo;
    for (int i = 0; i < n; ++i) {
        const LadderItem& it = l.items[std::size_t(i)];
        if (it.kind != LadderItem::Kind::State || l.states[std::size_t(it.index)].lane != lane)
            continue;
        const QString s = l.states[std::size_t(it.index)].state == QLatin1String("SYN-RECV")
                              ? QStringLiteral("SYN-RECEIVED")
                              : l.states[std::size_t(it.index)].state;
        if (out.isEmpty() || out.last() != s)
            out << s;
    }
    return out;
}

int countNear(const QImage& img, const QColor& c, int tol = 30)
{
    int n = 0;
    for (int y = 0; y < img.height(); y += 2) {
        for (int x = 0; x < img.width(); x += 2) {
            const QRgb p = img.pixel(x, y);
            n += std::abs(qRed(p) - c.red()) + std::abs(qGreen(p) - c.green()) +
                             std::abs(qBlue(p) - c.blue()) <=
                         tol
                     ? 1
                     : 0;
        }
    }
    return n;
}

} // namespace

class TstTcpStateDiagram : public QObject
{
    Q_OBJECT
private slots:
    void pathEqualsLadderStates_data()
    {
        QTest::addColumn<QString>("lesson");
        for (const char* l : {"handshake", "teardown", "server-closes-first", "half-close", "reset",
                              "refused", "data", "tcp-vs-udp", "rst-on-closed", "syn-retries",
                              "keepalive", "simultaneous-close", "simultaneous-open"})
            QTest::newRow(l) << QString::fromLatin1(l);
    }
    void pathEqualsLadderStates()
    {
        QFETCH(QString, lesson);
        const Ladder l = ladderOf(lesson);
        QVERIFY(!l.isEmpty());
        const D::Path path = D::pathOf(l);
        QVERIFY(!path.lanes.empty());
        for (int lane = 0; lane < int(path.lanes.size()); ++lane) {
            QCOMPARE(path.statesOf(lane), ladderStates(l, path.lanes[std::size_t(lane)]));
            // At every moment of the replay, too.
            for (int upTo = 0; upTo <= int(l.items.size()); ++upTo)
                QCOMPARE(path.statesOf(lane, upTo),
                         ladderStates(l, path.lanes[std::size_t(lane)], upTo));
        }
        // Every change the wire caused is an edge of RFC 9293's figure (or Linux's FIN+ACK
        // shortcut / the abort), and points at the segment that caused it.
        for (const D::Step& s : path.steps) {
            if (s.causeItem < 0) {
                // No segment: the kernel gave up (ETIMEDOUT after SYN retries or keepalive).
                QVERIFY(s.to == D::ClosedEnd || s.to == D::Closed);
                QVERIFY(s.transition >= 0);
                continue;
            }
            QCOMPARE(l.items[std::size_t(s.causeItem)].kind, LadderItem::Kind::Arrow);
            QVERIFY(s.causeItem <= s.stateItem + 1);
            // The figure has no edge for a reset in most states: those steps are drawn
            // dashed, straight; everything else is one of its edges.
            const LadderArrow& a = l.arrows[std::size_t(l.items[std::size_t(s.causeItem)].index)];
            QVERIFY2(s.transition >= 0 || a.flags.contains(QLatin1String("RST")),
                     qPrintable(QStringLiteral("%1 -> %2 has no edge")
                                    .arg(D::nodeName(s.from), D::nodeName(s.to))));
        }
    }

    void teardownPath()
    {
        const Ladder l = ladderOf(QStringLiteral("teardown"));
        const D::Path path = D::pathOf(l);
        QCOMPARE(path.lanes.size(), std::size_t(2));
        // The client closes first and waits in TIME-WAIT; the server ends in CLOSED.
        const QStringList client = path.statesOf(0);
        QCOMPARE(client.mid(0, 4),
                 QStringList({QStringLiteral("CLOSED"), QStringLiteral("SYN-SENT"),
                              QStringLiteral("ESTABLISHED"), QStringLiteral("FIN-WAIT-1")}));
        QCOMPARE(client.last(), QStringLiteral("TIME-WAIT"));
        const QStringList server = path.statesOf(1);
        QCOMPARE(server.first(), QStringLiteral("LISTEN"));
        QVERIFY(server.contains(QStringLiteral("CLOSE-WAIT")));
        QVERIFY(server.contains(QStringLiteral("LAST-ACK")));
        QCOMPARE(path.currentNode(1, -1), D::ClosedEnd);
        QCOMPARE(path.currentNode(0, -1), D::TimeWait);
    }

    void viewFollowsReplayBothWays()
    {
        const Ladder l = ladderOf(QStringLiteral("teardown"));
        TcpStateDiagramView view;
        view.resize(960, 830);
        view.setLadder(l);
        const D::Path& path = view.path();
        const int all = int(l.items.size());
        view.setShownItems(all, true);
        QCOMPARE(view.path().currentNode(0, view.shownItems()), D::TimeWait);
        // Step back to just before the client's FIN: ESTABLISHED again on both ends.
        int fw1 = -1;
        for (const D::Step& s : path.steps) {
            if (s.lane == 0 && s.to == D::FinWait1) {
                fw1 = s.stateItem;
                break;
            }
        }
        QVERIFY(fw1 > 0);
        view.setShownItems(fw1);
        QCOMPARE(path.currentNode(0, view.shownItems()), D::Established);
        QCOMPARE(path.currentNode(1, view.shownItems()), D::Established);
        view.setShownItems(fw1 + 1);
        QCOMPARE(path.currentNode(0, view.shownItems()), D::FinWait1);
        view.setShownItems(0);
        QCOMPARE(path.currentNode(0, 0), D::NodeCount); // nothing shown yet
    }

    void clickStateListsMoments()
    {
        const Ladder l = ladderOf(QStringLiteral("teardown"));
        TcpStateDiagramView view;
        view.resize(960, 830);
        view.setLadder(l);
        view.setShownItems(int(l.items.size()));
        QSignalSpy asked(&view, &TcpStateDiagramView::itemRequested);
        QSignalSpy selected(&view, &TcpStateDiagramView::stateSelected);
        view.clickAt(view.toWidget(D::nodeRect(D::Established).center()));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).toString(), QStringLiteral("ESTABLISHED"));
        // Both ends were ESTABLISHED once, each for a while.
        QCOMPARE(view.moments().size(), std::size_t(2));
        for (const D::Moment& m : view.moments()) {
            QVERIFY(m.enterItem >= 0);
            QVERIFY(m.leaveItem > m.enterItem);
            QVERIFY(m.toUs >= m.fromUs);
        }
        const QList<QAction*> actions = view.momentsMenu()->actions();
        QCOMPARE(actions.size(), 2);
        actions.at(1)->trigger();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toInt(), view.moments()[1].enterItem + 1);

        // A state nobody reached says so.
        view.clickAt(view.toWidget(D::nodeRect(D::Closing).center()));
        QVERIFY(view.moments().empty());
        QCOMPARE(view.momentsMenu()->actions().size(), 1);
        QVERIFY(!view.momentsMenu()->actions().at(0)->isEnabled());
    }

    void clickTransitionJumpsToSegment()
    {
        const Ladder l = ladderOf(QStringLiteral("teardown"));
        TcpStateDiagramView view;
        view.resize(960, 830);
        view.setLadder(l);
        view.setShownItems(int(l.items.size()));
        const D::Path& path = view.path();
        // The server's "rcv FIN / snd ACK" (ESTABLISHED -> CLOSE-WAIT).
        const D::Step* step = nullptr;
        for (const D::Step& s : path.steps) {
            if (s.to == D::CloseWait)
                step = &s;
        }
        QVERIFY(step);
        QSignalSpy asked(&view, &TcpStateDiagramView::itemRequested);
        // A point on the server's traced line (it is shifted a little off the faint one).
        const QPointF on = D::transitionPoint(step->transition, 0.4);
        int hits = 0;
        for (QPointF d : {QPointF(0, 0), QPointF(3, 0), QPointF(-3, 0), QPointF(0, 3)}) {
            view.clickAt(view.toWidget(on + d));
            hits = int(asked.count());
            if (hits)
                break;
        }
        QVERIFY(hits > 0);
        const int count = asked.last().at(0).toInt();
        QCOMPARE(count, step->causeItem + 1);
        const LadderArrow& a = l.arrows[std::size_t(l.items[std::size_t(count - 1)].index)];
        QVERIFY(a.flags.contains(QLatin1String("FIN")));
        // Transitions not yet taken at this moment cannot be clicked.
        asked.clear();
        view.setShownItems(step->stateItem);
        view.clickAt(view.toWidget(on));
        QCOMPARE(asked.count(), 0);
    }

    void exportsPngAndSvg()
    {
        QTemporaryDir dir;
        const Ladder l = ladderOf(QStringLiteral("teardown"));
        D::Options o;
        QString error;
        const QString png = dir.filePath(QStringLiteral("states.png"));
        QVERIFY2(D::writeImage(l, o, png, &error), qPrintable(error));
        const QImage img(png);
        QCOMPARE(img.size(), (D::size() * 2).toSize());
        // Both lane colours are there: the client's blue, the server's vermillion.
        QVERIFY(countNear(img, D::laneColor(0, D::Theme::Light)) > 2000);
        QVERIFY(countNear(img, D::laneColor(1, D::Theme::Light)) > 2000);
        img.save(QStringLiteral("states_teardown.png"));

        const QString svg = dir.filePath(QStringLiteral("states.svg"));
        QVERIFY2(D::writeImage(l, o, svg, &error), qPrintable(error));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("TIME-WAIT"));
        QVERIFY(text.contains("rcv FIN"));

        QVERIFY(!D::writeImage(l, o, dir.filePath(QStringLiteral("states.gif")), &error));
        QVERIFY(error.contains(QLatin1String(".png")));

        // Half-way, dark, for a person to look at.
        o.theme = D::Theme::Dark;
        o.upTo = int(l.items.size()) / 2;
        QVERIFY(D::writeImage(l, o, QStringLiteral("states_teardown_half_dark.png"), &error));
        for (const char* name : {"reset", "refused", "server-closes-first", "syn-retries",
                                 "keepalive", "simultaneous-close", "simultaneous-open"}) {
            D::Options lo;
            QVERIFY(D::writeImage(ladderOf(QString::fromLatin1(name)), lo,
                                  QStringLiteral("states_%1.png").arg(QLatin1String(name)),
                                  &error));
        }
    }
};

QTEST_MAIN(TstTcpStateDiagram)
#include "tst_tcp_state_diagram.moc"
