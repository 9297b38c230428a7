#pragma once

#include <QStyledItemDelegate>

namespace netstage {

// Paints a TCP-state cell in its state colour even when its row is selected (a selection
// highlight would hide the very colour the class is watching) and marks the selection with
// a frame instead.
class StateCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

} // namespace netstage
