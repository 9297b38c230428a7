#include "ui/common/state_cell_delegate.h"

#include <QPainter>

namespace netstage {

void StateCellDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const
{
    const QVariant fill = index.data(Qt::BackgroundRole);
    const bool selected = option.state & QStyle::State_Selected;
    if (!selected || !fill.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem plain(option);
    plain.state &= ~QStyle::State_Selected;
    QStyledItemDelegate::paint(painter, plain, index);
    painter->save();
    QPen pen(option.palette.color(QPalette::Highlight));
    pen.setWidth(3);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
    painter->restore();
}

} // namespace netstage
