#include "ui/shell/presentation.h"

#include "core/lessons/replay_player.h"
#include "ui/common/view_export.h"
#include "ui/ladder/ladder_view.h"
#include "ui/lessons/lesson_panel.h"
#include "ui/shell/shortcuts_overlay.h"

#include <QAbstractButton>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <algorithm>
#include <cmath>

namespace netstage {

namespace {
// How much thicker the ladder's lines are while presenting.
constexpr qreal kPresentLineScale = 1.8;
} // namespace

namespace {

// Where each widget's unscaled font and header sizes are kept, so scale 1 restores them exactly.
const char* const kBaseFont = "netstage_baseFont";
const char* const kBaseSection = "netstage_baseSection";
const char* const kBaseSections = "netstage_baseSections";

// The groups of the keyboard table, translated when shown.
const char* const kGroupWindow = QT_TRANSLATE_NOOP("netstage::Presentation", "Window");
const char* const kGroupPlayback =
    QT_TRANSLATE_NOOP("netstage::Presentation", "Handshake & teardown: playback");
const char* const kGroupDiagram =
    QT_TRANSLATE_NOOP("netstage::Presentation", "Handshake & teardown: diagram");

QFont scaled(const QFont& base, double s)
{
    QFont f = base;
    if (base.pointSizeF() > 0)
        f.setPointSizeF(base.pointSizeF() * s);
    else if (base.pixelSize() > 0)
        f.setPixelSize(std::max(1, int(std::lround(base.pixelSize() * s))));
    return f;
}

bool same(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

} // namespace

Presentation::Presentation(QMainWindow* window, QTabWidget* views)
    : QObject(window), window_(window), views_(views), baseFont_(QApplication::font()),
      basePalette_(QApplication::palette())
{
    setObjectName(QStringLiteral("presentation"));
    overlay_ = new ShortcutsOverlay(window_, [this] { return shortcuts(); });
    createActions();
    retranslate();
    window_->installEventFilter(this);
}

Presentation::~Presentation() = default;

const std::vector<double>& Presentation::scaleSteps()
{
    static const std::vector<double> steps = {0.5,  0.67, 0.75, 0.8, 0.9, 1.0, 1.1,
                                              1.25, 1.5,  1.75, 2.0, 2.5, 3.0};
    return steps;
}

double Presentation::effectiveScale() const
{
    return scale_ * (presenting_ ? presentFactor_ : 1.0);
}

QPalette Presentation::palette(Theme theme)
{
    if (theme == Theme::Light)
        return QApplication::style() ? QApplication::style()->standardPalette() : QPalette();
    // A dark palette with the contrast of the ladder's dark theme (text ~ #e8e8e8 on #1e1e1e).
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x43, 0x48));
    p.setColor(QPalette::Mid, QColor(0x30, 0x32, 0x36));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7b, 0xd9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7c, 0xb7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc0, 0x9c, 0xff));
    for (auto role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x33, 0x35, 0x39));
    return p;
}

void Presentation::createActions()
{
    auto make = [this](QKeySequence key, const char* group) {
        auto* a = new QAction(window_);
        if (!key.isEmpty())
            a->setShortcut(key);
        window_->addAction(a); // the shortcut works with the menu bar hidden too
        registered_.push_back({a, QString(), group});
        return a;
    };
    presentAction_ = make(QKeySequence(Qt::Key_F11), kGroupWindow);
    presentAction_->setObjectName(QStringLiteral("presentAction"));
    presentAction_->setCheckable(true);
    connect(presentAction_, &QAction::toggled, this, &Presentation::setPresenting);
    leaveAction_ = make(QKeySequence(Qt::Key_Escape), kGroupWindow);
    leaveAction_->setObjectName(QStringLiteral("leavePresentationAction"));
    leaveAction_->setEnabled(false); // only while presenting: Esc belongs to others otherwise
    connect(leaveAction_, &QAction::triggered, this, [this] { setPresenting(false); });

    zoomIn_ = make(QKeySequence::ZoomIn, kGroupWindow);
    zoomIn_->setObjectName(QStringLiteral("zoomInAction"));
    // Ctrl+= too: on most keyboards "+" needs Shift.
    zoomIn_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(zoomIn_, &QAction::triggered, this, &Presentation::zoomIn);
    zoomOut_ = make(QKeySequence(Qt::CTRL | Qt::Key_Minus), kGroupWindow);
    zoomOut_->setObjectName(QStringLiteral("zoomOutAction"));
    connect(zoomOut_, &QAction::triggered, this, &Presentation::zoomOut);
    zoomReset_ = make(QKeySequence(Qt::CTRL | Qt::Key_0), kGroupWindow);
    zoomReset_->setObjectName(QStringLiteral("zoomResetAction"));
    connect(zoomReset_, &QAction::triggered, this, &Presentation::resetZoom);

    auto* themes = new QActionGroup(this);
    lightAction_ = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), kGroupWindow);
    lightAction_->setObjectName(QStringLiteral("lightThemeAction"));
    darkAction_ = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), kGroupWindow);
    darkAction_->setObjectName(QStringLiteral("darkThemeAction"));
    for (QAction* a : {lightAction_, darkAction_}) {
        a->setCheckable(true);
        themes->addAction(a);
    }
    lightAction_->setChecked(true);
    connect(lightAction_, &QAction::triggered, this, [this] { setTheme(Theme::Light); });
    connect(darkAction_, &QAction::triggered, this, [this] { setTheme(Theme::Dark); });

    helpAction_ = make(QKeySequence(Qt::Key_F1), kGroupWindow);
    helpAction_->setObjectName(QStringLiteral("shortcutsAction"));
    helpAction_->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)});
    connect(helpAction_, &QAction::triggered, this, [this] {
        if (overlay_->isVisible())
            overlay_->hide();
        else
            showShortcuts();
    });

    exportAction_ = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), kGroupWindow);
    exportAction_->setObjectName(QStringLiteral("exportViewAction"));
    connect(exportAction_, &QAction::triggered, this, &Presentation::exportViewWithDialog);
}

void Presentation::retranslate()
{
    presentAction_->setText(tr("&Presentation mode"));
    presentAction_->setToolTip(
        tr("Full screen, large type and thick lines for a projector. F11 switches it on and "
           "off."));
    leaveAction_->setText(tr("Leave presentation mode"));
    zoomIn_->setText(tr("Zoom &in"));
    zoomOut_->setText(tr("Zoom &out"));
    zoomReset_->setText(tr("&Actual size"));
    lightAction_->setText(tr("&Light theme"));
    darkAction_->setText(tr("&Dark theme"));
    helpAction_->setText(tr("&Keyboard shortcuts"));
    exportAction_->setText(tr("&Export view as PNG or SVG…"));
    exportAction_->setToolTip(tr("Save the view shown (the current tab) as a picture."));
    if (themeMenu_)
        themeMenu_->setTitle(tr("&Theme"));
    for (auto& r : registered_) {
        if (r.groupSource)
            r.group = tr(r.groupSource);
    }
    for (QAction* a : window_->findChildren<QAction*>()) {
        const QVariant source = a->property("netstage_textSource");
        if (source.isValid())
            a->setText(tr(source.toByteArray().constData()));
    }
}

void Presentation::registerAction(QAction* action, const QString& group)
{
    if (!action)
        return;
    registered_.push_back({action, group, nullptr});
}

QString Presentation::groupOf(QAction* action) const
{
    for (QObject* o : action->associatedObjects()) {
        if (auto* menu = qobject_cast<QMenu*>(o)) {
            if (!menu->title().isEmpty())
                return ShortcutsOverlay::plainText(menu->title());
        }
    }
    // An action inside a tab belongs to that view.
    if (views_) {
        for (QObject* o = action->parent(); o; o = o->parent()) {
            auto* w = qobject_cast<QWidget*>(o);
            if (!w)
                continue;
            const int tab = views_->indexOf(w);
            if (tab >= 0)
                return ShortcutsOverlay::plainText(views_->tabText(tab));
        }
    }
    return tr(kGroupWindow);
}

std::vector<ShortcutRow> Presentation::shortcuts() const
{
    std::vector<ShortcutRow> rows;
    QList<QAction*> seen;
    for (const Registered& r : registered_) {
        if (!r.action || r.action->shortcuts().isEmpty())
            continue;
        rows.push_back({r.group, ShortcutsOverlay::plainText(r.action->text()),
                        r.action->shortcuts(), r.action});
        seen << r.action;
    }
    // Everything else with a key: the window's menus, the panels' own actions.
    std::vector<ShortcutRow> others;
    for (QAction* a : window_->findChildren<QAction*>()) {
        if (seen.contains(a) || a->shortcuts().isEmpty() || a->text().isEmpty())
            continue;
        seen << a;
        others.push_back({groupOf(a), ShortcutsOverlay::plainText(a->text()), a->shortcuts(), a});
    }
    // Group the others together, keeping their first appearance's order.
    std::stable_sort(others.begin(), others.end(), [&others](const auto& x, const auto& y) {
        auto first = [&others](const QString& g) {
            return std::find_if(others.begin(), others.end(),
                                [&g](const ShortcutRow& r) { return r.group == g; }) -
                   others.begin();
        };
        return first(x.group) < first(y.group);
    });
    rows.insert(rows.end(), others.begin(), others.end());
    return rows;
}

void Presentation::addLessonShortcuts(LessonPanel* panel)
{
    if (!panel)
        return;
    lessonPanel_ = panel;
    // A rebuilt panel took its actions with it.
    registered_.erase(std::remove_if(registered_.begin(), registered_.end(),
                                     [](const Registered& r) { return r.action.isNull(); }),
                      registered_.end());
    // Actions on the panel: they work wherever the focus is inside it (the diagram, a button,
    // the log) and nowhere else, so Space and letters stay free for typing in other views.
    auto add = [this](QWidget* on, std::initializer_list<QKeySequence> keys, const char* text,
                      const char* group, Qt::ShortcutContext context, auto slot) {
        auto* a = new QAction(tr(text), on);
        a->setProperty("netstage_textSource", QByteArray(text));
        a->setShortcuts(QList<QKeySequence>(keys));
        a->setShortcutContext(context);
        on->addAction(a);
        connect(a, &QAction::triggered, this, slot);
        registered_.push_back({a, tr(group), group});
        return a;
    };
    QPointer<LessonPanel> p(panel);
    auto click = [p](LessonPanel::Control control) {
        return [p, control] {
            if (p)
                p->trigger(control); // nothing while that control is disabled
        };
    };
    const auto panelContext = Qt::WidgetWithChildrenShortcut;
    add(panel, {QKeySequence(Qt::Key_Space)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Play or pause the replay"), kGroupPlayback,
        panelContext, click(LessonPanel::Control::Play));
    add(panel, {QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_Right)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Step forward (or the next lesson step)"),
        kGroupPlayback, panelContext, [p] {
            if (p)
                p->stepForward();
        });
    add(panel, {QKeySequence(Qt::Key_P), QKeySequence(Qt::Key_Left)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Step back"), kGroupPlayback, panelContext,
        [p] {
            if (p)
                p->stepBack();
        });
    add(panel, {QKeySequence(Qt::Key_Home)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Back to the beginning"), kGroupPlayback,
        panelContext, click(LessonPanel::Control::Restart));
    add(panel, {QKeySequence(Qt::Key_End)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Jump to the end"), kGroupPlayback,
        panelContext, [p] {
            if (!p)
                return;
            p->player()->pause();
            p->player()->seek(p->player()->itemCount());
        });
    auto speed = [p](int delta) {
        return [p, delta] {
            if (p)
                p->changeSpeed(delta);
        };
    };
    add(panel, {QKeySequence(Qt::Key_BracketLeft)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Slower"), kGroupPlayback, panelContext,
        speed(-10));
    add(panel, {QKeySequence(Qt::Key_BracketRight)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Faster"), kGroupPlayback, panelContext,
        speed(10));
    add(panel, {QKeySequence(Qt::Key_T)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Real time on or off"), kGroupPlayback,
        panelContext, click(LessonPanel::Control::RealTime));
    add(panel, {QKeySequence(Qt::Key_R)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Run the selected lesson"), kGroupPlayback,
        panelContext, click(LessonPanel::Control::Run));
    add(panel, {QKeySequence(Qt::Key_F5)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Run the next lesson step (step mode)"),
        kGroupPlayback, panelContext, click(LessonPanel::Control::Step));
    add(panel, {QKeySequence(Qt::Key_S)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Stop the lesson"), kGroupPlayback,
        panelContext, click(LessonPanel::Control::Stop));

    if (!slidesAction_) {
        slidesAction_ = new QAction(window_);
        slidesAction_->setObjectName(QStringLiteral("slidesAction"));
        slidesAction_->setProperty(
            "netstage_textSource",
            QByteArray(QT_TRANSLATE_NOOP("netstage::Presentation", "Export lesson as &slides…")));
        slidesAction_->setText(tr("Export lesson as &slides…"));
        connect(slidesAction_, &QAction::triggered, this, [this] {
            if (!lessonPanel_)
                return;
            if (views_)
                views_->setCurrentWidget(lessonPanel_);
            lessonPanel_->exportSlidesWithDialog();
        });
    }

    LadderView* view = panel->view();
    QPointer<LadderView> v(view);
    add(panel, {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Zoom the diagram in"), kGroupDiagram,
        panelContext, [v] {
            if (v)
                v->zoomIn();
        });
    add(panel, {QKeySequence(Qt::Key_Minus)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Zoom the diagram out"), kGroupDiagram,
        panelContext, [v] {
            if (v)
                v->zoomOut();
        });
    add(panel, {QKeySequence(Qt::Key_0)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Diagram at its normal size"), kGroupDiagram,
        panelContext, [v] {
            if (v)
                v->resetZoom();
        });
    // Arrow keys that also move lists and sliders: only while the diagram has the focus.
    auto pan = [v](Qt::Orientation o, int sign) {
        return [v, o, sign] {
            if (!v)
                return;
            QScrollBar* bar = o == Qt::Vertical ? v->verticalScrollBar() : v->horizontalScrollBar();
            bar->setValue(bar->value() + sign * std::max(40, bar->pageStep() / 4));
        };
    };
    add(view, {QKeySequence(Qt::Key_Up)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Scroll the diagram up"), kGroupDiagram,
        Qt::WidgetShortcut, pan(Qt::Vertical, -1));
    add(view, {QKeySequence(Qt::Key_Down)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Scroll the diagram down"), kGroupDiagram,
        Qt::WidgetShortcut, pan(Qt::Vertical, 1));
    add(view, {QKeySequence(Qt::SHIFT | Qt::Key_Left)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Scroll the diagram left"), kGroupDiagram,
        Qt::WidgetShortcut, pan(Qt::Horizontal, -1));
    add(view, {QKeySequence(Qt::SHIFT | Qt::Key_Right)},
        QT_TRANSLATE_NOOP("netstage::Presentation", "Scroll the diagram right"), kGroupDiagram,
        Qt::WidgetShortcut, pan(Qt::Horizontal, 1));
    refresh();
}

void Presentation::addFileActions(QMenu* file, QAction* before)
{
    file->insertAction(before, exportAction_);
    if (slidesAction_)
        file->insertAction(before, slidesAction_);
}

void Presentation::addViewActions(QMenu* view)
{
    view->addAction(presentAction_);
    view->addSeparator();
    view->addAction(zoomIn_);
    view->addAction(zoomOut_);
    view->addAction(zoomReset_);
    view->addSeparator();
    themeMenu_ = view->addMenu(QString());
    themeMenu_->setObjectName(QStringLiteral("themeMenu"));
    themeMenu_->addAction(lightAction_);
    themeMenu_->addAction(darkAction_);
    view->addSeparator();
    view->addAction(helpAction_);
    retranslate();
}

void Presentation::refresh()
{
    if (!same(effectiveScale(), 1.0) || !same(applied_, 1.0))
        apply();
    if (theme_ == Theme::Dark)
        applyTheme();
    if (presenting_)
        arrangeLessonPanel(true);
}

void Presentation::setScale(double scale)
{
    scale = std::clamp(scale, kMinScale, kMaxScale);
    if (same(scale, scale_))
        return;
    scale_ = scale;
    apply();
    emit scaleChanged(scale_);
    emit statusMessage(tr("Zoom: %1%").arg(std::lround(scale_ * 100)));
}

void Presentation::zoomIn()
{
    for (double s : scaleSteps()) {
        if (s > scale_ + 1e-6) {
            setScale(s);
            return;
        }
    }
}

void Presentation::zoomOut()
{
    const auto& steps = scaleSteps();
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
        if (*it < scale_ - 1e-6) {
            setScale(*it);
            return;
        }
    }
}

void Presentation::resetZoom()
{
    setScale(1.0);
}

void Presentation::setPresentationFactor(double factor)
{
    factor = std::clamp(factor, 1.0, 3.0);
    if (same(factor, presentFactor_))
        return;
    presentFactor_ = factor;
    if (presenting_)
        apply();
}

void Presentation::setPresenting(bool on)
{
    if (on == presenting_)
        return;
    presenting_ = on;
    if (on) {
        if (fullScreenOnPresent_ && !window_->isFullScreen()) {
            wasMaximized_ = window_->isMaximized();
            wentFullScreen_ = true;
            window_->showFullScreen();
        }
    } else if (wentFullScreen_) {
        wentFullScreen_ = false;
        if (wasMaximized_)
            window_->showMaximized();
        else
            window_->showNormal();
    }
    arrangeLessonPanel(on);
    apply();
    {
        const QSignalBlocker block(presentAction_);
        presentAction_->setChecked(on);
    }
    leaveAction_->setEnabled(on);
    emit presentingChanged(on);
    if (on)
        emit statusMessage(tr("Presentation mode: F11 or Esc leaves it, F1 lists the keys."));
}

void Presentation::arrangeLessonPanel(bool presenting)
{
    if (!lessonPanel_)
        return;
    // In front of a class the diagram and the explanation matter most: they get the room (the
    // event log keeps a few rows). Leaving restores the teacher's own arrangement.
    const char* const kState = "netstage_splitterState";
    for (QSplitter* sp : lessonPanel_->findChildren<QSplitter*>()) {
        if (!presenting) {
            const QVariant state = sp->property(kState);
            if (state.isValid())
                sp->restoreState(state.toByteArray());
            continue;
        }
        sp->setProperty(kState, sp->saveState());
        const int total = sp->orientation() == Qt::Horizontal ? sp->width() : sp->height();
        if (total <= 0)
            continue;
        if (sp->count() == 2 && sp->orientation() == Qt::Horizontal)
            sp->setSizes({total * 64 / 100, total * 36 / 100});
        else if (sp->count() == 3 && sp->orientation() == Qt::Vertical)
            sp->setSizes({total * 56 / 100, total * 16 / 100, total * 28 / 100});
    }
}

void Presentation::setTheme(Theme theme)
{
    if (theme == theme_)
        return;
    theme_ = theme;
    QApplication::setPalette(theme == Theme::Dark ? palette(Theme::Dark) : basePalette_);
    applyTheme();
    (theme == Theme::Dark ? darkAction_ : lightAction_)->setChecked(true);
    emit themeChanged(theme);
}

void Presentation::applyTheme()
{
    const bool dark = theme_ == Theme::Dark;
    // The lessons panel's own "Dark" box follows (and through it its diagram).
    if (lessonPanel_)
        lessonPanel_->setDarkLadder(dark);
    for (LadderView* v : window_->findChildren<LadderView*>())
        v->setTheme(dark ? LadderPainter::Theme::Dark : LadderPainter::Theme::Light);
}

void Presentation::showShortcuts()
{
    overlay_->open();
}

void Presentation::apply()
{
    const double s = effectiveScale();
    applyFonts(window_, s);
    applyHeaders(window_, s);
    applyLadders(s);
    applied_ = s;
    // Qt delivers the font change to each widget by events, and a header then recomputes its
    // own sizes from the new font: have the last word once they are through.
    QTimer::singleShot(0, this, [this] { applyHeaders(window_, applied_); });
}

void Presentation::applyFonts(QWidget* root, double s)
{
    QApplication::setFont(scaled(baseFont_, s));
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : std::as_const(widgets)) {
        // A font set in code with its own size ("body text 17 px") does not follow the
        // application font: scale it from the size the code chose.
        QVariant base = w->property(kBaseFont);
        if (!base.isValid() && w->testAttribute(Qt::WA_SetFont) &&
            (w->font().resolveMask() & QFont::SizeResolved)) {
            base = QVariant::fromValue(w->font());
            w->setProperty(kBaseFont, base);
        }
        if (base.isValid())
            w->setFont(scaled(base.value<QFont>(), s));
        else if (!w->styleSheet().isEmpty())
            w->setStyleSheet(w->styleSheet()); // style sheets cache the font: re-resolve it
    }
}

void Presentation::applyHeaders(QWidget* root, double s)
{
    for (QHeaderView* h : root->findChildren<QHeaderView*>()) {
        if (h->orientation() == Qt::Vertical) {
            // Table rows: fixed heights computed from the font when the table was built.
            QVariant base = h->property(kBaseSection);
            if (!base.isValid()) {
                base = int(std::lround(h->defaultSectionSize() / applied_));
                h->setProperty(kBaseSection, base);
            }
            h->setDefaultSectionSize(std::max(8, int(std::lround(base.toInt() * s))));
            continue;
        }
        QVariantList base = h->property(kBaseSections).toList();
        for (int i = int(base.size()); i < h->count(); ++i)
            base << int(std::lround(h->sectionSize(i) / applied_));
        h->setProperty(kBaseSections, base);
        for (int i = 0; i < h->count(); ++i) {
            if (h->stretchLastSection() && i == h->count() - 1)
                continue;
            const auto mode = h->sectionResizeMode(i);
            if ((mode == QHeaderView::Interactive || mode == QHeaderView::Fixed) &&
                !h->isSectionHidden(i))
                h->resizeSection(
                    i, std::max(h->minimumSectionSize(), int(std::lround(base[i].toInt() * s))));
        }
    }
}

void Presentation::applyLadders(double s)
{
    for (LadderView* v : window_->findChildren<LadderView*>())
        applyLadder(v, s);
}

void Presentation::applyLadder(LadderView* v, double s)
{
    auto it = ladderZoom_.find(v);
    double base;
    if (it != ladderZoom_.end() && same(v->zoom(), it->second)) {
        base = it->first;
    } else {
        // New, or zoomed by hand since: what it shows now is the user's choice at applied_.
        base = v->zoom() / applied_;
        if (it == ladderZoom_.end()) {
            connect(v, &QObject::destroyed, this, [this, v] { ladderZoom_.remove(v); });
            // While presenting, the fit below depends on the view's width and the ladder.
            v->installEventFilter(this);
            connect(v, &LadderView::ladderChanged, this, [this, v] {
                if (presenting_)
                    applyLadder(v, effectiveScale());
            });
        }
    }
    double zoom = base * s;
    if (presenting_) {
        // Presenting thickens the ladder's lines and type through its zoom, which widens the
        // whole diagram too: only as far as the view is wide (a projector is narrow), and
        // never below the zoom it has without presenting.
        LadderPainter::Options o = v->options();
        o.zoom = 1.0;
        const qreal width1 = LadderPainter().sizeFor(v->ladder(), o).width();
        const int available = v->viewport()->width() - 4;
        if (width1 > 0 && available > 0)
            zoom = std::max(base * scale_, std::min(zoom, available / width1));
    }
    v->setZoom(zoom);
    // Thick lines for the back row, whatever room the zoom had.
    v->setLineScale(presenting_ ? kPresentLineScale : 1.0);
    ladderZoom_.insert(v, {base, v->zoom()});
}

bool Presentation::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window_ && event->type() == QEvent::LanguageChange)
        retranslate();
    if (presenting_ && event->type() == QEvent::Resize) {
        if (auto* v = qobject_cast<LadderView*>(watched))
            applyLadder(v, effectiveScale());
    }
    return QObject::eventFilter(watched, event);
}

bool Presentation::exportCurrentView(const QString& path)
{
    return exportView(views_ ? views_->currentWidget() : window_->centralWidget(), path);
}

bool Presentation::exportView(QWidget* view, const QString& path)
{
    if (!view)
        return false;
    if (exporting_) {
        emit statusMessage(tr("An export is still being written; try again in a moment."));
        return false;
    }
    QString error;
    auto* writer = ViewExport::start(view, path, this, &error);
    if (!writer) {
        emit statusMessage(tr("Nothing was exported: %1").arg(error));
        emit viewExported(path, false, error);
        return false;
    }
    exporting_ = true;
    connect(writer, &ViewExport::finished, this, [this, path](const QString& err) {
        exporting_ = false;
        if (err.isEmpty())
            emit statusMessage(tr("Exported %1.").arg(QDir::toNativeSeparators(path)));
        else
            emit statusMessage(tr("Nothing was exported: %1").arg(err));
        emit viewExported(path, err.isEmpty(), err);
    });
    return true;
}

void Presentation::exportViewWithDialog()
{
    QString name = QStringLiteral("netstage");
    if (views_ && views_->currentIndex() >= 0) {
        name += QLatin1Char('-') +
                ShortcutsOverlay::plainText(views_->tabText(views_->currentIndex()))
                    .toLower()
                    .replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
        if (name.endsWith(QLatin1Char('-')))
            name.chop(1);
    }
    QString selected;
    QString path = QFileDialog::getSaveFileName(
        window_, tr("Export the view"), QDir::home().filePath(name + QStringLiteral(".png")),
        tr("PNG image (*.png);;SVG drawing (*.svg)"), &selected);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        path += selected.contains(QLatin1String("svg")) ? QStringLiteral(".svg")
                                                        : QStringLiteral(".png");
    exportCurrentView(path);
}

} // namespace netstage
