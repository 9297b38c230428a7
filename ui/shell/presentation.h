#pragma once

#include <QFont>
#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPalette>
#include <QPointer>
#include <QString>
#include <vector>

class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;
class QWidget;

namespace netstage {

class LadderView;
class LessonPanel;
class ShortcutsOverlay;

// One row of the keyboard help: which view it belongs to, what it does, its keys, and the
// action that really runs when they are pressed (the overlay is built from these at the moment
// it opens, so it cannot drift from what the keys do).
struct ShortcutRow
{
    QString group;
    QString text;
    QList<QKeySequence> keys;
    QAction* action = nullptr;
};

// The classroom controller of the main window: presentation mode (one key: big fonts everywhere,
// thick ladder lines, full screen), a whole-window zoom in font-scale steps, light and dark
// themes, the table of keyboard shortcuts and its help overlay, and "export this view" as PNG
// or SVG. It changes the window only through public Qt and NetStage APIs, so the window's own
// code does not need to know about it; the lead persists scale(), theme() and isPresenting()
// with QSettings through the setters and the *Changed signals.
class Presentation : public QObject
{
    Q_OBJECT
public:
    enum class Theme
    {
        Light,
        Dark
    };
    Q_ENUM(Theme)

    // `views` is the window's tab widget: its current tab is "the view" that is exported, and
    // its tab titles name the groups of shortcuts found inside the tabs.
    Presentation(QMainWindow* window, QTabWidget* views);
    ~Presentation() override;

    // Whole-window zoom: the application font (and everything sized by it) times scale. The
    // steps are those of a web browser; Ctrl+0 is 1.
    double scale() const { return scale_; }
    static const std::vector<double>& scaleSteps();
    static constexpr double kMinScale = 0.5;
    static constexpr double kMaxScale = 3.0;
    // What is applied: scale() times presentationFactor() while presenting.
    double effectiveScale() const;
    bool isPresenting() const { return presenting_; }
    double presentationFactor() const { return presentFactor_; }
    Theme theme() const { return theme_; }
    // Full screen when presenting (on by default; screenshots of a fixed size turn it off).
    void setFullScreenOnPresent(bool on) { fullScreenOnPresent_ = on; }

    // The palette each theme puts on the application.
    static QPalette palette(Theme theme);

    // The keyboard table: every action registered here, in order, then every other action of
    // the window that has a shortcut (menus, panels), grouped by its menu or its tab.
    void registerAction(QAction* action, const QString& group);
    std::vector<ShortcutRow> shortcuts() const;
    ShortcutsOverlay* overlay() const { return overlay_; }

    // The lessons view's playback keys (Space, N/P, arrows, Home, End, [ ], F5, R, S, T) and
    // the diagram's (+ - 0, Up/Down, Shift+Left/Right), as actions on that panel. Call it again
    // for a rebuilt panel: it also brings new panels to the current scale and theme.
    void addLessonShortcuts(LessonPanel* panel);
    // Applies scale and theme to widgets created since (done by addLessonShortcuts).
    void refresh();

    // Menus: "Export view as PNG/SVG…" and "Export lesson as slides…" (inserted before
    // `before` in `file`, or at the end), and presentation mode, zoom, themes and the keyboard
    // help in the View menu. Menus may be rebuilt (a language switch): call these again.
    void addFileActions(QMenu* file, QAction* before = nullptr);
    void addViewActions(QMenu* view);

    // Renders the current tab and writes it as .png or .svg (by extension) on a worker thread;
    // viewExported reports the result. False (and nothing written) for another extension or
    // while an export is still being written.
    bool exportCurrentView(const QString& path);
    bool exportView(QWidget* view, const QString& path);

    QAction* presentAction() const { return presentAction_; }
    QAction* zoomInAction() const { return zoomIn_; }
    QAction* zoomOutAction() const { return zoomOut_; }
    QAction* zoomResetAction() const { return zoomReset_; }
    QAction* darkAction() const { return darkAction_; }
    QAction* lightAction() const { return lightAction_; }
    QAction* helpAction() const { return helpAction_; }
    QAction* exportViewAction() const { return exportAction_; }
    QAction* slidesAction() const { return slidesAction_; } // after addLessonShortcuts

public slots:
    void setScale(double scale); // clamped to [kMinScale, kMaxScale]
    void zoomIn();               // the next step up
    void zoomOut();              // the next step down
    void resetZoom();
    void setPresenting(bool on);
    void togglePresenting() { setPresenting(!presenting_); }
    void setPresentationFactor(double factor); // 1.5 by default
    void setTheme(Theme theme);
    void showShortcuts();
    void exportViewWithDialog();

signals:
    void scaleChanged(double scale);
    void presentingChanged(bool presenting);
    void themeChanged(Theme theme);
    void viewExported(const QString& path, bool ok, const QString& error);
    void statusMessage(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void retranslate();
    void apply();
    void applyFonts(QWidget* root, double s);
    void applyHeaders(QWidget* root, double s);
    void applyLadders(double s);
    void applyLadder(LadderView* view, double s);
    void arrangeLessonPanel(bool presenting);
    void applyTheme(); // the ladders and the lessons panel's Dark box follow theme_
    QString groupOf(QAction* action) const;

    QMainWindow* window_;
    QPointer<QTabWidget> views_;
    QPointer<LessonPanel> lessonPanel_;
    ShortcutsOverlay* overlay_ = nullptr;
    double scale_ = 1.0;
    double presentFactor_ = 1.5;
    double applied_ = 1.0; // the effective scale now on the widgets
    bool presenting_ = false;
    bool fullScreenOnPresent_ = true;
    bool wasMaximized_ = false;
    bool wentFullScreen_ = false;
    Theme theme_ = Theme::Light;
    QFont baseFont_;
    QPalette basePalette_;
    bool exporting_ = false;
    // The zoom each ladder view would have at scale 1, and the zoom last set on it (a view
    // zoomed by hand since then keeps the user's zoom as its new base).
    QHash<QWidget*, std::pair<double, double>> ladderZoom_;

    struct Registered
    {
        QPointer<QAction> action;
        QString group; // translated when registered; retranslate() renames them
        const char* groupSource = nullptr;
    };
    std::vector<Registered> registered_;
    QAction* presentAction_ = nullptr;
    QAction* leaveAction_ = nullptr;
    QAction* zoomIn_ = nullptr;
    QAction* zoomOut_ = nullptr;
    QAction* zoomReset_ = nullptr;
    QAction* lightAction_ = nullptr;
    QAction* darkAction_ = nullptr;
    QAction* helpAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QAction* slidesAction_ = nullptr;
    QPointer<QMenu> themeMenu_;
};

} // namespace netstage
