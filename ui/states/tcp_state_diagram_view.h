#pragma once

#include "core/ladder/ladder.h"
#include "ui/states/tcp_state_diagram.h"

#include <QWidget>

class QMenu;
class QVariantAnimation;

namespace netstage {

// The state diagram as a widget, beside the ladder: setShownItems() follows the replay (step
// back and the path goes back), the transition just taken is drawn as it happens. A click on a
// taken transition asks to jump to the segment that caused it; a click on a state lists every
// moment a socket was in it, and choosing one jumps there (itemRequested: show items [0, n)).
class TcpStateDiagramView : public QWidget
{
    Q_OBJECT
public:
    explicit TcpStateDiagramView(QWidget* parent = nullptr);

    void setLadder(const Ladder& ladder);
    // Items [0, count) of the ladder are shown; animate: the newest transition is drawn moving.
    void setShownItems(int count, bool animate = false);
    int shownItems() const { return shown_; }
    void setTheme(TcpStateDiagram::Theme theme);
    void setTitle(const QString& title);

    const TcpStateDiagram::Path& path() const { return path_; }
    // The diagram coordinates of a widget point, and back (the picture is scaled to fit).
    QPointF toDiagram(QPointF widgetPos) const;
    QPointF toWidget(QPointF diagramPos) const;
    int selectedNode() const { return selected_; }
    // The moments listed by the last click on a state (also the menu's entries, in order).
    const std::vector<TcpStateDiagram::Moment>& moments() const { return moments_; }
    QMenu* momentsMenu() const { return menu_; }
    // Clicks, as the mouse does them (tests call these too).
    void clickAt(QPointF widgetPos);
    bool exportImage(const QString& path, QString* error) const;

signals:
    void itemRequested(int count); // show items [0, count): the moment asked for
    void stateSelected(const QString& state, int moments);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    TcpStateDiagram::Options options() const;
    QRectF drawnRect() const;

    TcpStateDiagram diagram_;
    Ladder ladder_;
    TcpStateDiagram::Path path_;
    int shown_ = 0;
    int lastStep_ = -1;
    qreal progress_ = 1.0;
    int selected_ = -1;
    TcpStateDiagram::Theme theme_ = TcpStateDiagram::Theme::Light;
    QString title_;
    std::vector<TcpStateDiagram::Moment> moments_;
    QVariantAnimation* anim_ = nullptr;
    QMenu* menu_ = nullptr;
};

} // namespace netstage
