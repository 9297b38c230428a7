// The classroom, offscreen, on the real main window: presentation mode scales every font and
// gives all of it back exactly; Ctrl +/- walk the zoom steps and stop at the bounds; the dark
// theme changes the application palette and the diagram; the keyboard overlay lists every
// action that has a key and every listed key really triggers its action; a view exports as a
// PNG and an SVG that load again; a real lesson becomes one slide per step, from the panel and
// from the command line.
#include "core/lessons/lesson.h"
#include "core/lessons/replay_player.h"
#include "ui/ladder/ladder_view.h"
#include "ui/lessons/lesson_panel.h"
#include "ui/lessons/slides_export.h"
#include "ui/shell/main_window.h"
#include "ui/shell/presentation.h"
#include "ui/shell/shortcuts_overlay.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace netstage;

namespace {
constexpr int kWaitMs = 20000;
}

class TstPresentation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void presentingScalesAndRestoresExactly();
    void zoomKeysStayWithinBounds();
    void themeChangesPalette();
    void overlayListsEveryShortcut();
    void everyListedShortcutTriggersItsAction();
    void overlayFitsAProjector();
    void languageSwitchKeepsTheClassroom();
    void viewExportsPngAndSvg();
    void lessonBecomesSlides();
    void slidesHeadless();

private:
    QWidget* focusTarget(QAction* action);

    std::unique_ptr<MainWindow> window_;
    Presentation* pres_ = nullptr;
    QTemporaryDir dir_;
};

void TstPresentation::initTestCase()
{
    QVERIFY(dir_.isValid());
    QApplication::setQuitOnLastWindowClosed(false); // Ctrl+Q is among the keys tried
    window_ = std::make_unique<MainWindow>();
    window_->resize(1280, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    pres_ = window_->presentation();
    QVERIFY(pres_);
}

void TstPresentation::cleanupTestCase()
{
    window_.reset();
}

void TstPresentation::presentingScalesAndRestoresExactly()
{
    QVERIFY(window_->showView(QStringLiteral("lessons")));
    const QFont app0 = QApplication::font();
    auto* heading = window_->findChild<QLabel*>(QStringLiteral("ladderExplainerHeading"));
    QVERIFY(heading);
    const QFont heading0 = heading->font();
    // The TCP view's event log: fixed row heights computed from the font.
    QList<QHeaderView*> rows;
    QList<int> rows0;
    for (QTableView* t : window_->findChildren<QTableView*>()) {
        rows << t->verticalHeader();
        rows0 << t->verticalHeader()->defaultSectionSize();
    }
    QVERIFY(!rows.isEmpty());
    LadderView* ladder = window_->lessonPanel()->view();
    const qreal zoom0 = ladder->zoom();
    QVERIFY(!window_->isFullScreen());

    QSignalSpy spy(pres_, &Presentation::presentingChanged);
    QTest::keyClick(window_.get(), Qt::Key_F11);
    QCOMPARE(spy.count(), 1);
    QVERIFY(pres_->isPresenting());
    QTRY_VERIFY(window_->isFullScreen());
    const double f = pres_->presentationFactor();
    QVERIFY(f > 1.2);
    QCOMPARE(QApplication::font().pointSizeF(), app0.pointSizeF() * f);
    QVERIFY(heading->fontInfo().pixelSize() > heading0.pixelSize());
    QCOMPARE(heading->font().pixelSize(), qRound(heading0.pixelSize() * f));
    for (int i = 0; i < rows.size(); ++i)
        QVERIFY2(rows[i]->defaultSectionSize() > rows0[i], qPrintable(QString::number(i)));
    // Thick lines: the diagram's zoom scales them, as far as the view is wide.
    QTRY_VERIFY(ladder->zoom() > zoom0 || ladder->ladder().isEmpty());
    QVERIFY(ladder->zoom() <= zoom0 * f + 1e-9);
    // ...and the lines themselves get thicker, whatever room the zoom had.
    QCOMPARE(ladder->lineScale(), 1.0 * 1.8);
    // Widgets with no font of their own follow the application font (delivered by an event).
    QTRY_COMPARE(window_->lessonPanel()->font().pointSizeF(), app0.pointSizeF() * f);
    QLabel probe(window_->lessonPanel());
    QCOMPARE(probe.font().pointSizeF(), app0.pointSizeF() * f);

    QTest::keyClick(window_.get(), Qt::Key_F11);
    QVERIFY(!pres_->isPresenting());
    QTRY_VERIFY(!window_->isFullScreen());
    QCOMPARE(QApplication::font(), app0);
    QCOMPARE(heading->font(), heading0);
    for (int i = 0; i < rows.size(); ++i)
        QTRY_COMPARE(rows[i]->defaultSectionSize(), rows0[i]);
    QCOMPARE(ladder->zoom(), zoom0);
    QCOMPARE(ladder->lineScale(), 1.0);

    // Esc leaves presentation mode too, but only while presenting.
    auto* leave = window_->findChild<QAction*>(QStringLiteral("leavePresentationAction"));
    QVERIFY(leave);
    QVERIFY(!leave->isEnabled());
    pres_->setPresenting(true);
    QTest::keyClick(window_->lessonPanel()->view(), Qt::Key_Escape);
    QVERIFY(!pres_->isPresenting());
    QCOMPARE(QApplication::font(), app0);
}

void TstPresentation::zoomKeysStayWithinBounds()
{
    const QFont app0 = QApplication::font();
    QSignalSpy spy(pres_, &Presentation::scaleChanged);
    QTest::keySequence(window_.get(), QKeySequence(Qt::CTRL | Qt::Key_Plus));
    QCOMPARE(pres_->scale(), 1.1);
    QCOMPARE(QApplication::font().pointSizeF(), app0.pointSizeF() * 1.1);
    QTest::keySequence(window_.get(), QKeySequence(Qt::CTRL | Qt::Key_Equal));
    QCOMPARE(pres_->scale(), 1.25);
    for (int i = 0; i < 20; ++i)
        QTest::keySequence(window_.get(), QKeySequence(Qt::CTRL | Qt::Key_Plus));
    QCOMPARE(pres_->scale(), Presentation::kMaxScale);
    QCOMPARE(QApplication::font().pointSizeF(), app0.pointSizeF() * Presentation::kMaxScale);
    const int atMax = spy.count();
    QTest::keySequence(window_.get(), QKeySequence(Qt::CTRL | Qt::Key_Plus));
    QCOMPARE(spy.count(), atMax); // no change, no signal
    for (int i = 0; i < 20; ++i)
        QTest::keySequence(window_.get(), QKeySequence(Qt::CTRL | Qt::Key_Minus));
    QCOMPARE(pres_->scale(), Presentation::kMinScale);
    QCOMPARE(QApplication::font().pointSizeF(), app0.pointSizeF() * Presentation::kMinScale);
    QTest::keySequence(window_.get(), QKeySequence(Qt::CTRL | Qt::Key_0));
    QCOMPARE(pres_->scale(), 1.0);
    QCOMPARE(QApplication::font(), app0);
    // Zoom and presentation multiply, and each comes back.
    pres_->setScale(1.25);
    pres_->setPresenting(true);
    QCOMPARE(pres_->effectiveScale(), 1.25 * pres_->presentationFactor());
    QCOMPARE(QApplication::font().pointSizeF(), app0.pointSizeF() * pres_->effectiveScale());
    pres_->setPresenting(false);
    pres_->setScale(100); // clamped
    QCOMPARE(pres_->scale(), Presentation::kMaxScale);
    pres_->resetZoom();
    QCOMPARE(QApplication::font(), app0);
}

void TstPresentation::themeChangesPalette()
{
    const QColor light = QApplication::palette().color(QPalette::Window);
    LadderView* ladder = window_->lessonPanel()->view();
    auto* box = window_->findChild<QAbstractButton*>(QStringLiteral("ladderDarkCheck"));
    QVERIFY(box);
    QSignalSpy spy(pres_, &Presentation::themeChanged);
    pres_->darkAction()->trigger();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(pres_->theme(), Presentation::Theme::Dark);
    const QColor dark = QApplication::palette().color(QPalette::Window);
    QCOMPARE(dark, Presentation::palette(Presentation::Theme::Dark).color(QPalette::Window));
    QVERIFY(dark.lightness() < 80);
    QVERIFY(light.lightness() > 150);
    QTRY_COMPARE(window_->lessonPanel()->palette().color(QPalette::Window), dark);
    QCOMPARE(ladder->theme(), LadderPainter::Theme::Dark);
    QVERIFY(box->isChecked());
    // What is drawn really is dark: a pixel of the tab's background.
    const QImage shot = window_->grab().toImage();
    QVERIFY(shot.pixelColor(shot.width() / 2, shot.height() - 3).lightness() < 100);

    pres_->lightAction()->trigger();
    QCOMPARE(pres_->theme(), Presentation::Theme::Light);
    QCOMPARE(QApplication::palette().color(QPalette::Window), light);
    QCOMPARE(ladder->theme(), LadderPainter::Theme::Light);
    QVERIFY(!box->isChecked());
}

void TstPresentation::overlayListsEveryShortcut()
{
    const std::vector<ShortcutRow> table = pres_->shortcuts();
    // Every action of the window that has a key is in the table, once.
    QList<QAction*> listed;
    for (const ShortcutRow& r : table) {
        QVERIFY(r.action);
        QVERIFY2(!listed.contains(r.action), qPrintable(r.text));
        listed << r.action;
        QVERIFY(!r.text.isEmpty());
        QVERIFY(!r.group.isEmpty());
        QCOMPARE(r.keys, r.action->shortcuts());
    }
    int withKeys = 0;
    for (QAction* a : window_->findChildren<QAction*>()) {
        if (a->shortcuts().isEmpty() || a->text().isEmpty())
            continue;
        ++withKeys;
        QVERIFY2(listed.contains(a), qPrintable(a->text()));
    }
    QCOMPARE(int(table.size()), withKeys);
    // The playback controls (the ladder's keys), and the window's own menus.
    QStringList texts;
    for (const ShortcutRow& r : table)
        texts << r.group + QLatin1Char('|') + r.text;
    for (const char* t :
         {"Play or pause the replay", "Step back", "Back to the beginning", "Slower", "Faster",
          "Run the next lesson step (step mode)", "Presentation mode", "Zoom in",
          "Keyboard shortcuts", "Export view as PNG or SVG", "Save log as JSON Lines"}) {
        QVERIFY2(texts.filter(QLatin1String(t)).size() == 1, t);
    }
    QVERIFY(texts.filter(QStringLiteral("File|")).size() >= 2);                  // Ctrl+S, Ctrl+O
    QVERIFY(texts.filter(QStringLiteral("TCP|Copy as JSON Lines")).size() == 1); // a panel's

    // Menu texts as a reader sees them.
    QCOMPARE(ShortcutsOverlay::plainText(QStringLiteral("&Export view as PNG or SVG…")),
             QStringLiteral("Export view as PNG or SVG"));
    QCOMPARE(ShortcutsOverlay::plainText(QStringLiteral("Handshake && teardown")),
             QStringLiteral("Handshake & teardown"));
    QCOMPARE(ShortcutsOverlay::plainText(QStringLiteral("文件(&F)")), QStringLiteral("文件"));

    // F1 opens it, built from the same table; Esc closes it.
    ShortcutsOverlay* overlay = pres_->overlay();
    QVERIFY(!overlay->isVisible());
    QTest::keyClick(window_.get(), Qt::Key_F1);
    QVERIFY(overlay->isVisible());
    QCOMPARE(overlay->geometry(), window_->rect());
    QCOMPARE(int(overlay->rows().size()), int(table.size()));
    const QStringList lines = overlay->lines();
    for (const ShortcutRow& r : table)
        QVERIFY(lines.contains(QStringLiteral("%1: %2 — %3")
                                   .arg(r.group, ShortcutsOverlay::keysText(r.keys), r.text)));
    QTest::keyClick(overlay, Qt::Key_Escape);
    QVERIFY(!overlay->isVisible());
    // "?" opens it as well, a click closes it.
    QTest::keyClick(window_->lessonPanel()->view(), Qt::Key_Question);
    QVERIFY(overlay->isVisible());
    QTest::mouseClick(overlay, Qt::LeftButton);
    QVERIFY(!overlay->isVisible());
}

QWidget* TstPresentation::focusTarget(QAction* action)
{
    // Where the focus must be for the action's key to count, as a user would have it: in the
    // widget that owns a widget-level action (the lessons panel: its diagram), anywhere for a
    // window-level one.
    auto* owner = qobject_cast<QWidget*>(action->parent());
    if (action->shortcutContext() == Qt::WindowShortcut || !owner ||
        owner == window_->lessonPanel())
        return window_->lessonPanel()->view();
    return owner;
}

void TstPresentation::everyListedShortcutTriggersItsAction()
{
    const std::vector<ShortcutRow> table = pres_->shortcuts();
    QVERIFY(table.size() >= 25);
    auto* tabs = window_->findChild<QTabWidget*>(QStringLiteral("labTabs"));
    QVERIFY(tabs);
    for (const ShortcutRow& row : table) {
        for (const QKeySequence& key : row.keys) {
            QAction* a = row.action;
            if (a->objectName() == QLatin1String("leavePresentationAction"))
                pres_->setPresenting(true); // Esc means "leave" only while presenting
            if (!window_->isVisible()) {
                window_->show(); // after Ctrl+Q
                QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
            }
            window_->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(window_.get()));
            QWidget* target = focusTarget(a);
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->widget(i)->isAncestorOf(target))
                    tabs->setCurrentIndex(i);
            }
            target->setFocus();
            QTRY_VERIFY(target->hasFocus());
            // Keys that open a file dialog: close it as a user would.
            QTimer closer;
            QObject::connect(&closer, &QTimer::timeout, [] {
                if (QWidget* modal = QApplication::activeModalWidget())
                    modal->close();
            });
            closer.start(100);
            QSignalSpy spy(a, &QAction::triggered);
            QTest::keySequence(target, key);
            QVERIFY2(
                spy.count() == 1,
                qPrintable(
                    QStringLiteral("%1 did not trigger \"%2\"").arg(key.toString(), row.text)));
            closer.stop();
            pres_->overlay()->hide();
            if (pres_->isPresenting())
                pres_->setPresenting(false);
            window_->lessonPanel()->stopLesson(); // R starts one
        }
    }
    pres_->resetZoom();
    pres_->setTheme(Presentation::Theme::Light);
    QTRY_VERIFY(!window_->lessonPanel()->isRunning());
}

void TstPresentation::overlayFitsAProjector()
{
    // The worst case: 1280x800, presentation type; the table must fit without clipping and
    // in type no smaller than the window's ordinary size.
    pres_->setFullScreenOnPresent(false);
    window_->showNormal();
    window_->resize(1280, 800);
    pres_->setPresenting(true);
    pres_->showShortcuts();
    const QImage shot = window_->grab().toImage();
    QVERIFY(!shot.isNull());
    const qreal normal = QApplication::font().pointSizeF() / pres_->effectiveScale();
    qInfo() << "overlay type at 1280x800 presenting:" << pres_->overlay()->drawnPointSize()
            << "pt (window" << QApplication::font().pointSizeF() << "pt)";
    QVERIFY(pres_->overlay()->drawnPointSize() >= normal);
    shot.save(QStringLiteral("overlay_1280x800.png"));
    pres_->overlay()->hide();
    // Every view in presentation type, for a person to look at: presenting_<view>.png.
    for (const QString& name : window_->viewNames()) {
        QVERIFY(window_->showView(name));
        QTest::qWait(50);
        QVERIFY(window_->grab().save(QStringLiteral("presenting_%1.png").arg(name)));
    }
    pres_->setPresenting(false);
    pres_->setFullScreenOnPresent(true);
}

void TstPresentation::languageSwitchKeepsTheClassroom()
{
    // The window rebuilds its panels and menus in the new language: the new panels come up at
    // the current scale and theme, with their keys, and the View menu has its items again.
    const QFont app0 = QApplication::font();
    const int before = int(pres_->shortcuts().size());
    pres_->setFullScreenOnPresent(false);
    pres_->setPresenting(true);
    pres_->setTheme(Presentation::Theme::Dark);
    QVERIFY(window_->setLanguage(QStringLiteral("zh_CN"), false));
    auto* heading = window_->findChild<QLabel*>(QStringLiteral("ladderExplainerHeading"));
    QVERIFY(heading);
    QCOMPARE(heading->font().pixelSize(), qRound(20 * pres_->effectiveScale()));
    QCOMPARE(window_->lessonPanel()->view()->theme(), LadderPainter::Theme::Dark);
    QCOMPARE(int(pres_->shortcuts().size()), before);
    auto* view = window_->findChild<QMenu*>(QStringLiteral("viewMenu"));
    QVERIFY(view && view->actions().contains(pres_->presentAction()));
    QVERIFY(pres_->presentAction()->isChecked());
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    window_->lessonPanel()->view()->setFocus();
    QTest::keyClick(window_->lessonPanel()->view(), Qt::Key_F11);
    QVERIFY(!pres_->isPresenting());
    QVERIFY(window_->setLanguage(QStringLiteral("en"), false));
    pres_->setTheme(Presentation::Theme::Light);
    pres_->setFullScreenOnPresent(true);
    QCOMPARE(QApplication::font(), app0);
    heading = window_->findChild<QLabel*>(QStringLiteral("ladderExplainerHeading"));
    QCOMPARE(heading->font().pixelSize(), 20);
}

void TstPresentation::viewExportsPngAndSvg()
{
    QVERIFY(window_->showView(QStringLiteral("tcp")));
    QWidget* view = window_->findChild<QTabWidget*>(QStringLiteral("labTabs"))->currentWidget();
    QTest::qWait(100); // the layout settles after the previous test's presentation mode
    QSignalSpy spy(pres_, &Presentation::viewExported);
    const QString png = dir_.filePath(QStringLiteral("tcp.png"));
    const QSize shown = view->size();
    QVERIFY(pres_->exportCurrentView(png));
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(spy.last().at(1).toBool(), true);
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), shown * view->devicePixelRatioF());
    // Not blank: the view has text on it.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 8);

    QVERIFY(window_->showView(QStringLiteral("lessons")));
    view = window_->lessonPanel();
    const QString svg = dir_.filePath(QStringLiteral("lessons.svg"));
    const QSize shownSvg = view->size();
    QVERIFY(pres_->exportCurrentView(svg));
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(spy.last().at(1).toBool(), true);
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(QPoint(0, 0), shownSvg));
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("Run lesson")); // text stays text

    // A name that is neither: refused with a reason, nothing written.
    QVERIFY(!pres_->exportCurrentView(dir_.filePath(QStringLiteral("x.gif"))));
    QCOMPARE(spy.last().at(1).toBool(), false);
    QVERIFY(spy.last().at(2).toString().contains(QLatin1String(".png")));
    QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("x.gif"))));
    // An unwritable place: the error comes back, the app goes on.
    QVERIFY(pres_->exportCurrentView(QStringLiteral("/proc/no-such-dir/x.png")));
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(spy.last().at(1).toBool(), false);
    QVERIFY(!spy.last().at(2).toString().isEmpty());
}

void TstPresentation::lessonBecomesSlides()
{
    LessonPanel* panel = window_->lessonPanel();
    QVERIFY(window_->showView(QStringLiteral("lessons")));
    panel->setAutoStepDelay(50);
    QSignalSpy finished(panel, &LessonPanel::lessonFinished);
    QVERIFY(panel->startLesson(QStringLiteral("handshake"), false));
    QVERIFY(finished.wait(kWaitMs));
    const Lesson* lesson = Lessons::find(QStringLiteral("handshake"));
    const int steps = int(lesson->steps.size());
    QCOMPARE(steps, 3);

    // The plan: slide 1 holds the handshake's three segments, each slide shows more, the last
    // all of it.
    const std::vector<Slide> plan =
        SlidesExport::plan(panel->events(), panel->ladder(), panel->lessonName());
    QCOMPARE(int(plan.size()), steps);
    auto arrowsIn = [&panel](int upTo) {
        int n = 0;
        for (int i = 0; i < upTo; ++i)
            n += panel->ladder().items[i].kind == LadderItem::Kind::Arrow;
        return n;
    };
    QCOMPARE(arrowsIn(plan[0].upTo), 3);
    for (int i = 1; i < steps; ++i)
        QVERIFY(plan[i].upTo > plan[i - 1].upTo);
    QCOMPARE(plan.back().upTo, int(panel->ladder().items.size()));
    for (int i = 0; i < steps; ++i) {
        QCOMPARE(plan[i].step, i + 1);
        QCOMPARE(plan[i].title, Lessons::title(lesson->steps[i]));
        QCOMPARE(plan[i].explanation, Lessons::explanation(lesson->steps[i]));
    }

    const QString dir = dir_.filePath(QStringLiteral("slides"));
    QSignalSpy spy(panel, &LessonPanel::slidesExported);
    panel->exportSlides(dir);
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(spy.last().at(1).toInt(), steps);
    const SlideDeck deck = SlidesExport::render(panel->events(), panel->ladder(),
                                                panel->lessonName(), panel->view()->options());
    const QSize size = deck.images.front().size();
    const QSizeF diagram = LadderPainter().sizeFor(panel->ladder(), panel->view()->options());
    QVERIFY(size.width() >= diagram.width());
    QVERIFY(size.height() > diagram.height()); // the caption is below the diagram
    QFile index(QDir(dir).filePath(QStringLiteral("index.html")));
    QVERIFY(index.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(index.readAll());
    int last = -1;
    for (int i = 0; i < steps; ++i) {
        const QString name = SlidesExport::fileName(i);
        QCOMPARE(name, QStringLiteral("slide-0%1.png").arg(i + 1));
        QImage slide(QDir(dir).filePath(name));
        QVERIFY2(!slide.isNull(), qPrintable(name));
        QCOMPARE(slide.size(), size);
        const int at = html.indexOf(QStringLiteral("src=\"%1\"").arg(name));
        QVERIFY2(at > last, qPrintable(name)); // referenced, in order
        last = at;
        QVERIFY(html.contains(plan[i].title.toHtmlEscaped()));
    }
    QVERIFY(!QFile::exists(QDir(dir).filePath(SlidesExport::fileName(steps))));
    // Successive slides differ (the diagram grows).
    QVERIFY(QImage(QDir(dir).filePath(SlidesExport::fileName(0))) !=
            QImage(QDir(dir).filePath(SlidesExport::fileName(1))));

    // Nothing to slide: a clear refusal.
    const QString none = SlidesExport::write(SlideDeck(), dir_.filePath(QStringLiteral("none")));
    QVERIFY(none.contains(QLatin1String("no lesson steps")));
}

void TstPresentation::slidesHeadless()
{
    const QString dir = dir_.filePath(QStringLiteral("cli-slides"));
    QProcess p;
    p.start(QStringLiteral(NETSTAGE_BIN),
            {QStringLiteral("tcp"), QStringLiteral("lesson"), QStringLiteral("teardown"),
             QStringLiteral("--step-delay"), QStringLiteral("50"), QStringLiteral("--slides"),
             dir});
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QCOMPARE(p.exitCode(), 0);
    const int steps = int(Lessons::find(QStringLiteral("teardown"))->steps.size());
    // "wrote 4 slides" once translated; "slide(s)" before the English plural forms exist.
    QVERIFY2(out.contains(QStringLiteral("wrote %1 slide").arg(steps)), qPrintable(out.right(300)));
    QSize size;
    for (int i = 0; i < steps; ++i) {
        QImage slide(QDir(dir).filePath(SlidesExport::fileName(i)));
        QVERIFY(!slide.isNull());
        if (i == 0)
            size = slide.size();
        QCOMPARE(slide.size(), size);
    }
    QVERIFY(!QFile::exists(QDir(dir).filePath(SlidesExport::fileName(steps))));
    QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("index.html"))));

    // A folder that cannot be made: exit 1 and one line that says why.
    QProcess bad;
    bad.start(QStringLiteral(NETSTAGE_BIN),
              {QStringLiteral("tcp"), QStringLiteral("lesson"), QStringLiteral("handshake"),
               QStringLiteral("--step-delay"), QStringLiteral("0"), QStringLiteral("--slides"),
               QStringLiteral("/proc/no/such")});
    QVERIFY(bad.waitForFinished(60000));
    QCOMPARE(bad.exitCode(), 1);
    QVERIFY(QString::fromUtf8(bad.readAllStandardError()).contains(QLatin1String("slides")));
}

QTEST_MAIN(TstPresentation)
#include "tst_presentation.moc"
