#pragma once

#include "core/ladder/ladder.h"
#include "ui/ladder/ladder_painter.h"

#include <QAbstractScrollArea>

class QVariantAnimation;

namespace netstage {

// Shows a Ladder with LadderPainter, for playback in front of a class: a presentation zoom,
// Wireshark's flow-graph keys, a packet dot that travels along the arrow being shown, and the
// current item kept in view. It owns no playback clock: keys ask for steps (signals) and the
// controller answers with setShownItems / setCurrentItem, so live, replay and lessons share it.
//
// Keys: N / Right = next, P / Left = previous (stepRequested), Space = play/pause, Home =
// restart, Up / Down / Page keys / Shift+Left / Shift+Right pan, + / - zoom, 0 resets the zoom;
// Ctrl+wheel zooms around the mouse.
class LadderView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit LadderView(QWidget* parent = nullptr);

    // Replaces the ladder (a live ladder grows: the shown and current items are kept, clamped).
    void setLadder(const Ladder& ladder);
    const Ladder& ladder() const { return ladder_; }

    // Items [0, upTo) are drawn; -1 shows all.
    void setShownItems(int upTo);
    int shownItems() const { return upTo_; }
    // Highlights an item and scrolls it into view; with `animate`, an arrow's packet travels
    // along it (over animationDuration()).
    void setCurrentItem(int item, bool animate = false);
    int currentItem() const { return options_.currentItem; }

    void setNumbers(LadderPainter::Numbers numbers);
    LadderPainter::Numbers numbers() const { return options_.numbers; }
    void setTheme(LadderPainter::Theme theme);
    LadderPainter::Theme theme() const { return options_.theme; }
    void setTitle(const QString& title);
    QString title() const { return options_.title; }

    void setZoom(qreal zoom);       // clamped to [minZoom, maxZoom]
    void setLineScale(qreal scale); // thicker lines (presentation mode), 1 = normal
    qreal lineScale() const { return options_.lineScale; }
    qreal zoom() const { return options_.zoom; }
    void zoomIn();
    void zoomOut();
    void resetZoom();
    static constexpr qreal kMinZoom = 0.4;
    static constexpr qreal kMaxZoom = 3.0;

    void setAnimationDuration(int ms); // 600 by default; 0 shows arrows at once
    int animationDuration() const { return animationMs_; }
    bool isAnimating() const;

    const LadderPainter::Options& options() const { return options_; }
    // The item under a viewport position, or -1 (only shown items count).
    int itemAtViewport(QPoint pos) const;
    // Where an item is drawn, in viewport coordinates (null if unknown).
    QRect viewportRectOf(int item) const;

    // Saves what is shown (no highlight) as .png or .svg for slides.
    bool saveImage(const QString& path, QString* error) const;

    QSize sizeHint() const override;

signals:
    void stepRequested(int delta);
    void playPauseRequested();
    void restartRequested();
    void itemClicked(int item);
    void currentItemChanged(int item);
    void ladderChanged();
    void numbersChanged();
    void zoomChanged(qreal zoom);
    void animationFinished(int item);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent* event) override;

private:
    QPointF origin() const;               // diagram (0,0) in viewport coordinates
    QPointF toDiagram(QPointF pos) const; // viewport -> diagram coordinates
    void relayout();
    void updateScrollBars();
    void ensureItemVisible(int item);
    void zoomAround(qreal zoom, QPointF viewportPos);

    Ladder ladder_;
    LadderPainter painter_;
    LadderPainter::Layout layout_;
    LadderPainter::Options options_;
    int upTo_ = -1;
    std::size_t laneCount_ = 0; // lanes of the ladder shown last: new ones are zoomed into view
    int animationMs_ = 600;
    QVariantAnimation* animation_ = nullptr;
};

} // namespace netstage
