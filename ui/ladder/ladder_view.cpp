#include "ui/ladder/ladder_view.h"

#include <algorithm>

#include "ui/ladder/ladder_explainer.h"

#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>
#include <cmath>

namespace netstage {

namespace {
constexpr qreal kZoomStep = 1.15;
constexpr int kPanStep = 60;
} // namespace

LadderView::LadderView(QWidget* parent) : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("ladderView"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    // The painter fills the background itself, in the theme's colour.
    viewport()->setAutoFillBackground(false);
    options_.stickyHeader = true;
    animation_ = new QVariantAnimation(this);
    animation_->setStartValue(0.0);
    animation_->setEndValue(1.0);
    animation_->setEasingCurve(QEasingCurve::InOutSine);
    connect(animation_, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        options_.progress = v.toReal();
        viewport()->update();
    });
    connect(animation_, &QVariantAnimation::finished, this, [this] {
        options_.progress = 1.0;
        viewport()->update();
        emit animationFinished(options_.currentItem);
    });
    relayout();
}

void LadderView::setLadder(const Ladder& ladder)
{
    const std::size_t lanesBefore = laneCount_;
    ladder_ = ladder;
    laneCount_ = ladder_.lanes.size();
    const int n = int(ladder_.items.size());
    if (upTo_ > n)
        upTo_ = n;
    if (options_.currentItem >= n) {
        animation_->stop();
        options_.currentItem = -1;
        options_.progress = 1.0;
        emit currentItemChanged(-1);
    }
    relayout();
    // A lane that appears (a second connection, the UDP side of a comparison, a DNS server)
    // must not appear off-screen: zoom out until every lane fits, once, when lanes are added.
    // The teacher's own zoom stays until the next new lane.
    if (laneCount_ > lanesBefore && laneCount_ > 2 && viewport()->width() > 100) {
        const qreal w = LadderPainter::sizeFor(layout_, options_).width();
        if (w > viewport()->width())
            setZoom(std::max(kMinZoom, options_.zoom * viewport()->width() / w));
    }
    emit ladderChanged();
}

void LadderView::setShownItems(int upTo)
{
    const int n = int(ladder_.items.size());
    upTo = upTo < 0 ? -1 : std::min(upTo, n);
    if (upTo == upTo_)
        return;
    upTo_ = upTo;
    viewport()->update();
}

void LadderView::setCurrentItem(int item, bool animate)
{
    if (item < 0 || item >= int(ladder_.items.size()))
        item = -1;
    const bool changed = item != options_.currentItem;
    animation_->stop();
    options_.progress = 1.0;
    options_.currentItem = item;
    if (animate && item >= 0 && animationMs_ > 0 &&
        ladder_.items[std::size_t(item)].kind == LadderItem::Kind::Arrow) {
        options_.progress = 0.0;
        animation_->setDuration(animationMs_);
        animation_->start();
    }
    if (item >= 0)
        ensureItemVisible(item);
    viewport()->update();
    if (changed)
        emit currentItemChanged(item);
}

bool LadderView::isAnimating() const
{
    return animation_->state() == QAbstractAnimation::Running;
}

void LadderView::setAnimationDuration(int ms)
{
    animationMs_ = std::max(0, ms);
}

void LadderView::setNumbers(LadderPainter::Numbers numbers)
{
    if (numbers == options_.numbers)
        return;
    options_.numbers = numbers;
    relayout();
    emit numbersChanged();
}

void LadderView::setTheme(LadderPainter::Theme theme)
{
    options_.theme = theme;
    viewport()->update();
}

void LadderView::setLineScale(qreal scale)
{
    options_.lineScale = std::clamp(scale, 1.0, 3.0);
    viewport()->update();
}

void LadderView::setTitle(const QString& title)
{
    if (title == options_.title)
        return;
    options_.title = title;
    relayout(); // a title adds a line at the top
}

void LadderView::setZoom(qreal zoom)
{
    zoomAround(zoom, QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
}

void LadderView::zoomIn()
{
    setZoom(options_.zoom * kZoomStep);
}

void LadderView::zoomOut()
{
    setZoom(options_.zoom / kZoomStep);
}

void LadderView::resetZoom()
{
    setZoom(1.0);
}

void LadderView::zoomAround(qreal zoom, QPointF pos)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(zoom, options_.zoom))
        return;
    // Keep the point under the mouse (or the centre) where it is.
    const QPointF anchor = toDiagram(pos) / options_.zoom;
    options_.zoom = zoom;
    updateScrollBars();
    const QPointF scroll = anchor * zoom - (pos - origin());
    horizontalScrollBar()->setValue(qRound(scroll.x()));
    verticalScrollBar()->setValue(qRound(scroll.y()));
    viewport()->update();
    emit zoomChanged(zoom);
}

QSize LadderView::sizeHint() const
{
    return QSize(1000, 700);
}

void LadderView::relayout()
{
    layout_ = painter_.layout(ladder_, options_);
    updateScrollBars();
    viewport()->update();
}

void LadderView::updateScrollBars()
{
    const QSizeF size = LadderPainter::sizeFor(layout_, options_);
    const QSize vp = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, int(std::ceil(size.width())) - vp.width()));
    verticalScrollBar()->setRange(0, std::max(0, int(std::ceil(size.height())) - vp.height()));
    horizontalScrollBar()->setPageStep(vp.width());
    verticalScrollBar()->setPageStep(vp.height());
    horizontalScrollBar()->setSingleStep(kPanStep);
    verticalScrollBar()->setSingleStep(kPanStep);
}

QPointF LadderView::origin() const
{
    // Narrower than the window: centre it, the way a slide is centred.
    const qreal w = LadderPainter::sizeFor(layout_, options_).width();
    return QPointF(std::max(0.0, (viewport()->width() - w) / 2), 0);
}

QPointF LadderView::toDiagram(QPointF pos) const
{
    return pos - origin() + QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
}

int LadderView::itemAtViewport(QPoint pos) const
{
    return painter_.itemAt(ladder_, layout_, toDiagram(pos), options_, upTo_);
}

QRect LadderView::viewportRectOf(int item) const
{
    const QRectF r = painter_.itemRect(ladder_, layout_, item, options_);
    if (r.isNull())
        return {};
    const QPointF shift =
        origin() - QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
    return r.translated(shift).toAlignedRect();
}

void LadderView::ensureItemVisible(int item)
{
    QRectF r = painter_.itemRect(ladder_, layout_, item, options_);
    const QRectF row = LadderPainter::rowRect(layout_, item, options_);
    if (row.isNull())
        return;
    if (r.isNull())
        r = row;
    r.setTop(row.top());
    r.setBottom(row.bottom());
    const qreal vh = viewport()->height(), vw = viewport()->width();
    const qreal pinned = LadderPainter::stickyHeaderHeight(options_);
    const qreal top = verticalScrollBar()->value();
    if (r.top() < top + pinned) {
        // Going back: show what led here too, with the item in the lower part of the view.
        const qreal wanted = r.bottom() - vh * 0.65;
        verticalScrollBar()->setValue(
            qRound(std::max<qreal>(0, std::min(wanted, r.top() - pinned - 12))));
    } else if (r.bottom() > top + vh) {
        // Leave room below: during playback the next rows come in without a jump every step.
        const qreal wanted = r.bottom() - vh * 0.7;
        verticalScrollBar()->setValue(qRound(std::min(wanted, r.top() - pinned - 12)));
    }
    const qreal left = horizontalScrollBar()->value() - origin().x();
    if (r.left() < left)
        horizontalScrollBar()->setValue(qRound(r.left() - 12));
    else if (r.right() > left + vw)
        horizontalScrollBar()->setValue(qRound(r.right() - vw + 12));
}

bool LadderView::saveImage(const QString& path, QString* error) const
{
    LadderPainter::Options o = options_;
    o.currentItem = -1;
    o.progress = 1.0;
    o.stickyHeader = false;
    return LadderPainter::writeImage(ladder_, o, path, error, upTo_);
}

void LadderView::paintEvent(QPaintEvent*)
{
    QPainter p(viewport());
    const QRectF target(viewport()->rect());
    painter_.paint(&p, target, ladder_, layout_, upTo_, options_,
                   QRectF(toDiagram(QPointF(0, 0)), target.size()));
}

void LadderView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void LadderView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void LadderView::keyPressEvent(QKeyEvent* event)
{
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_N:
        emit stepRequested(1);
        return;
    case Qt::Key_P:
        emit stepRequested(-1);
        return;
    case Qt::Key_Right:
        if (shift)
            horizontalScrollBar()->setValue(horizontalScrollBar()->value() + kPanStep);
        else
            emit stepRequested(1);
        return;
    case Qt::Key_Left:
        if (shift)
            horizontalScrollBar()->setValue(horizontalScrollBar()->value() - kPanStep);
        else
            emit stepRequested(-1);
        return;
    case Qt::Key_Space:
        emit playPauseRequested();
        return;
    case Qt::Key_Home:
        emit restartRequested();
        return;
    case Qt::Key_Up:
        verticalScrollBar()->setValue(verticalScrollBar()->value() - kPanStep);
        return;
    case Qt::Key_Down:
        verticalScrollBar()->setValue(verticalScrollBar()->value() + kPanStep);
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomOut();
        return;
    case Qt::Key_0:
        resetZoom();
        return;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void LadderView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        if (steps != 0)
            zoomAround(options_.zoom * std::pow(kZoomStep, steps), event->position());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void LadderView::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() == Qt::LeftButton) {
        const int item = itemAtViewport(event->position().toPoint());
        if (item >= 0) {
            emit itemClicked(item);
        }
    }
    event->accept();
}

void LadderView::mouseReleaseEvent(QMouseEvent* event)
{
    event->accept(); // clicks are handled on press; the release belongs to them
}

void LadderView::mouseMoveEvent(QMouseEvent* event)
{
    const int item = itemAtViewport(event->position().toPoint());
    viewport()->setCursor(item >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QAbstractScrollArea::mouseMoveEvent(event);
}

bool LadderView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int item = itemAtViewport(help->pos());
        if (item >= 0)
            QToolTip::showText(help->globalPos(),
                               LadderExplainer::tooltip(ladder_, item, options_.numbers),
                               viewport(), viewportRectOf(item));
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void LadderView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        viewport()->update(); // the painter translates at paint time
    QAbstractScrollArea::changeEvent(event);
}

} // namespace netstage
