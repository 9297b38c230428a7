#include "ui/states/tcp_state_diagram_view.h"

#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QVariantAnimation>

namespace netstage {

namespace {

QString formatOffset(qint64 us)
{
    if (us < 1000)
        return TcpStateDiagram::tr("%1 µs").arg(us);
    if (us < 10'000'000)
        return TcpStateDiagram::tr("%1 ms").arg(double(us) / 1000.0, 0, 'f', us < 100'000 ? 3 : 1);
    return TcpStateDiagram::tr("%1 s").arg(double(us) / 1e6, 0, 'f', 2);
}

} // namespace

TcpStateDiagramView::TcpStateDiagramView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("tcpStateDiagram"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    anim_ = new QVariantAnimation(this);
    anim_->setStartValue(0.0);
    anim_->setEndValue(1.0);
    anim_->setDuration(700);
    anim_->setEasingCurve(QEasingCurve::InOutQuad);
    connect(anim_, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        progress_ = v.toReal();
        update();
    });
    menu_ = new QMenu(this);
    menu_->setObjectName(QStringLiteral("stateMomentsMenu"));
}

void TcpStateDiagramView::setLadder(const Ladder& ladder)
{
    ladder_ = ladder;
    path_ = TcpStateDiagram::pathOf(ladder_);
    shown_ = std::min(shown_, int(ladder_.items.size()));
    lastStep_ = path_.lastStep(shown_);
    anim_->stop();
    progress_ = 1.0;
    moments_.clear();
    selected_ = -1;
    update();
}

void TcpStateDiagramView::setShownItems(int count, bool animate)
{
    count = std::clamp(count, 0, int(ladder_.items.size()));
    const int last = path_.lastStep(count);
    const bool moved = last != lastStep_;
    const bool forward = last > lastStep_;
    shown_ = count;
    lastStep_ = last;
    if (moved && forward && animate && last >= 0) {
        anim_->stop();
        progress_ = 0.0;
        anim_->start();
    } else if (moved) {
        anim_->stop();
        progress_ = 1.0; // stepping back, or a jump: show where it is at once
    }
    update();
}

void TcpStateDiagramView::setTheme(TcpStateDiagram::Theme theme)
{
    theme_ = theme;
    update();
}

void TcpStateDiagramView::setTitle(const QString& title)
{
    title_ = title;
    update();
}

TcpStateDiagram::Options TcpStateDiagramView::options() const
{
    TcpStateDiagram::Options o;
    o.theme = theme_;
    o.upTo = shown_;
    o.progress = progress_;
    o.title = title_;
    o.selectedNode = selected_;
    return o;
}

QRectF TcpStateDiagramView::drawnRect() const
{
    const QSizeF s = TcpStateDiagram::size();
    const qreal scale = std::min(width() / s.width(), height() / s.height());
    const QSizeF d = s * scale;
    return QRectF(QPointF((width() - d.width()) / 2, (height() - d.height()) / 2), d);
}

QPointF TcpStateDiagramView::toDiagram(QPointF widgetPos) const
{
    const QRectF r = drawnRect();
    const qreal scale = r.width() / TcpStateDiagram::size().width();
    return (widgetPos - r.topLeft()) / scale;
}

QPointF TcpStateDiagramView::toWidget(QPointF diagramPos) const
{
    const QRectF r = drawnRect();
    const qreal scale = r.width() / TcpStateDiagram::size().width();
    return r.topLeft() + diagramPos * scale;
}

void TcpStateDiagramView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), theme_ == TcpStateDiagram::Theme::Dark ? QColor(0x17, 0x19, 0x1d)
                                                              : QColor(Qt::white));
    diagram_.paint(&p, QRectF(rect()), ladder_, path_, options());
}

void TcpStateDiagramView::clickAt(QPointF widgetPos)
{
    const QPointF at = toDiagram(widgetPos);
    const int node = diagram_.nodeAt(at);
    if (node < 0) {
        const int step = diagram_.stepAt(path_, at, shown_);
        if (step >= 0) {
            const TcpStateDiagram::Step& s = path_.steps[std::size_t(step)];
            emit itemRequested((s.causeItem >= 0 ? s.causeItem : s.stateItem) + 1);
        }
        return;
    }
    selected_ = node;
    moments_ = TcpStateDiagram::momentsIn(ladder_, path_, TcpStateDiagram::Node(node));
    menu_->clear();
    const QString name = TcpStateDiagram::nodeName(TcpStateDiagram::Node(node));
    const qint64 t0 = ladder_.items.empty() ? 0 : ladder_.items.front().t_us;
    if (moments_.empty()) {
        menu_->addAction(tr("No socket was in %1 in this run.").arg(name))->setEnabled(false);
    }
    for (const TcpStateDiagram::Moment& m : moments_) {
        const QString who = TcpStateDiagram::laneName(ladder_, path_, m.lane);
        const QString text = m.toUs < 0 ? tr("%1: from %2 to the end of the recording")
                                              .arg(who, formatOffset(m.fromUs - t0))
                                        : tr("%1: from %2 for %3")
                                              .arg(who, formatOffset(m.fromUs - t0),
                                                   formatOffset(m.toUs - m.fromUs));
        QAction* a = menu_->addAction(text);
        const int item = m.enterItem;
        connect(a, &QAction::triggered, this, [this, item] { emit itemRequested(item + 1); });
    }
    emit stateSelected(name, int(moments_.size()));
    update();
    if (isVisible())
        menu_->popup(mapToGlobal(widgetPos.toPoint()));
}

void TcpStateDiagramView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        clickAt(event->position());
}

void TcpStateDiagramView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF at = toDiagram(event->position());
    const int step = diagram_.stepAt(path_, at, shown_);
    if (step >= 0) {
        const TcpStateDiagram::Step& s = path_.steps[std::size_t(step)];
        setCursor(Qt::PointingHandCursor);
        QToolTip::showText(event->globalPosition().toPoint(),
                           tr("%1: %2 → %3 (%4). Click: go to the segment.")
                               .arg(TcpStateDiagram::laneName(ladder_, path_, s.lane),
                                    TcpStateDiagram::nodeName(s.from),
                                    TcpStateDiagram::nodeName(s.to),
                                    TcpStateDiagram::transitionLabel(s.transition)),
                           this);
        return;
    }
    setCursor(diagram_.nodeAt(at) >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QToolTip::hideText();
}

QSize TcpStateDiagramView::sizeHint() const
{
    return TcpStateDiagram::size().toSize() * 3 / 4;
}

QSize TcpStateDiagramView::minimumSizeHint() const
{
    return TcpStateDiagram::size().toSize() / 3;
}

bool TcpStateDiagramView::exportImage(const QString& path, QString* error) const
{
    TcpStateDiagram::Options o = options();
    o.progress = 1.0;
    return TcpStateDiagram::writeImage(ladder_, o, path, error);
}

} // namespace netstage
