#pragma once

#include "core/observe/encapsulation.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace netstage {

class LayerBoxes;

// One packet, encapsulated: nested boxes (link frame ⊃ IP ⊃ TCP/UDP ⊃ application bytes),
// the fields of every header in a table (name, value, where in the frame, what it means; "not
// captured" where the source does not have it), and the frame's real bytes in hex with the
// selected field highlighted.
class PacketLayersView : public QWidget
{
    Q_OBJECT
public:
    explicit PacketLayersView(QWidget* parent = nullptr);

    void setEncapsulation(const Encapsulation& packet);
    const Encapsulation& encapsulation() const { return packet_; }
    // Nothing selected: a hint in place of the packet.
    void clear(const QString& hint);

    QTreeWidget* fieldTree() const { return tree_; }
    QPlainTextEdit* hexView() const { return hex_; }
    QLabel* titleLabel() const { return title_; }
    // The selected field in a sentence under the table (name, value, bytes, meaning).
    QLabel* fieldInfo() const { return fieldInfo_; }
    // Selects a field (its bytes light up in the hex); field -1 selects the whole layer.
    void selectField(int layer, int field);
    // Selects the field that holds this byte of the frame (the smallest one); false if none.
    bool selectByte(int byte);
    // The byte range the hex view highlights, [first, end); {-1, -1} when none.
    QPair<int, int> highlightedBytes() const { return highlight_; }

signals:
    void layerSelected(int layer);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillTree();
    void fillHex();
    void onCurrentItem(QTreeWidgetItem* item);
    void highlight(int first, int end);

    Encapsulation packet_;
    QLabel* title_;
    QLabel* origin_;
    LayerBoxes* boxes_;
    QTreeWidget* tree_;
    QPlainTextEdit* hex_;
    QLabel* hexNote_;
    QLabel* fieldInfo_;
    QPair<int, int> highlight_{-1, -1};
};

} // namespace netstage
