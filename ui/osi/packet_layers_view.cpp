#include "ui/osi/packet_layers_view.h"

#include "ui/osi/network_model_view.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBlock>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <climits>

namespace netstage {

namespace {

constexpr int kBytesPerLine = 16;
constexpr int kHexStart = 6; // "0000  "

// "20-byte header, 57 bytes in all", "not captured", "5 bytes of data".
QString layerDetail(const PacketLayer& l)
{
    if (!l.captured)
        return Encapsulation::notCaptured();
    if (l.kind == PacketLayer::Kind::Application)
        return l.totalBytes < 0 ? QString()
                                : PacketLayersView::tr("%n byte(s) of data", nullptr, l.totalBytes);
    if (l.headerBytes >= 0 && l.totalBytes >= 0)
        return PacketLayersView::tr("%1-byte header, %2 bytes in all")
            .arg(l.headerBytes)
            .arg(l.totalBytes);
    if (l.headerBytes >= 0)
        return PacketLayersView::tr("%1-byte header").arg(l.headerBytes);
    return {};
}

QString layerSummary(const PacketLayer& l)
{
    const QString detail = layerDetail(l);
    return detail.isEmpty() ? l.name : PacketLayersView::tr("%1: %2").arg(l.name, detail);
}

} // namespace

// The nested boxes: each layer's box holds the next one, as the bytes do.
class LayerBoxes : public QWidget
{
public:
    explicit LayerBoxes(PacketLayersView* owner) : QWidget(owner), owner_(owner)
    {
        setObjectName(QStringLiteral("layerBoxes"));
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }

    void setPacket(const Encapsulation* packet)
    {
        packet_ = packet;
        selected_ = -1;
        updateGeometry();
        update();
    }
    void setSelected(int layer)
    {
        selected_ = layer;
        update();
    }

    QSize sizeHint() const override
    {
        const int n = packet_ ? int(packet_->layers.size()) : 1;
        return {420, n * (titleH() + pad()) + 8};
    }

protected:
    int titleH() const { return fontMetrics().height() + 12; }
    int pad() const { return 6; }

    QRectF boxOf(int i) const
    {
        QRectF r = QRectF(rect()).adjusted(2, 2, -2, -2);
        const int indent = std::max(14, width() / 40);
        for (int k = 0; k < i; ++k)
            r.adjust(indent, titleH(), -indent, -pad());
        return r;
    }

    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        if (!packet_ || packet_->isEmpty())
            return;
        QFont bold = font();
        bold.setBold(true);
        for (int i = 0; i < int(packet_->layers.size()); ++i) {
            const PacketLayer& l = packet_->layers[std::size_t(i)];
            const QRectF box = boxOf(i);
            QPen pen(NetworkModelView::inkOf(l.kind), i == selected_ ? 3.5 : 1.5);
            if (!l.captured)
                pen.setStyle(Qt::DashLine);
            p.setPen(pen);
            p.setBrush(l.captured ? NetworkModelView::fillOf(l.kind) : QColor(0xf2, 0xf2, 0xf2));
            p.drawRoundedRect(box, 6, 6);
            p.setFont(bold);
            p.setPen(l.captured ? NetworkModelView::inkOf(l.kind).darker(120)
                                : QColor(0x55, 0x55, 0x55));
            const QRectF title(box.left() + 10, box.top(), box.width() - 20, titleH());
            p.drawText(
                title, Qt::AlignLeft | Qt::AlignVCenter,
                fontMetrics().elidedText(layerSummary(l), Qt::ElideRight, int(title.width())));
        }
    }

    void mousePressEvent(QMouseEvent* e) override
    {
        if (!packet_)
            return;
        for (int i = int(packet_->layers.size()) - 1; i >= 0; --i) {
            if (boxOf(i).contains(e->position())) {
                emit owner_->layerSelected(i);
                owner_->selectField(i, -1);
                return;
            }
        }
    }

private:
    PacketLayersView* owner_;
    const Encapsulation* packet_ = nullptr;
    int selected_ = -1;
};

PacketLayersView::PacketLayersView(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), origin_(new QLabel(this)),
      boxes_(new LayerBoxes(this)), tree_(new QTreeWidget(this)), hex_(new QPlainTextEdit(this)),
      hexNote_(new QLabel(this)), fieldInfo_(new QLabel(this))
{
    fieldInfo_->setObjectName(QStringLiteral("layersFieldInfo"));
    fieldInfo_->setWordWrap(true);
    fieldInfo_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setObjectName(QStringLiteral("packetLayersView"));
    title_->setObjectName(QStringLiteral("layersTitle"));
    origin_->setObjectName(QStringLiteral("layersOrigin"));
    tree_->setObjectName(QStringLiteral("layersFieldTree"));
    hex_->setObjectName(QStringLiteral("layersHex"));
    QFont big = title_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    title_->setFont(big);
    title_->setWordWrap(true);
    origin_->setWordWrap(true);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    tree_->setColumnCount(4);
    tree_->setHeaderLabels(
        {tr("Layer / field"), tr("Value"), tr("Bytes in the frame"), tr("What it means")});
    tree_->setRootIsDecorated(true);
    tree_->setAlternatingRowColors(true);
    tree_->setWordWrap(false);
    tree_->setUniformRowHeights(true);
    tree_->header()->setStretchLastSection(true);
    tree_->setToolTip(tr("Select a field to light up its bytes in the hex view."));
    connect(tree_, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { onCurrentItem(item); });

    hex_->setReadOnly(true);
    hex_->setLineWrapMode(QPlainTextEdit::NoWrap);
    hex_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    hex_->setToolTip(tr("The frame's bytes as captured, in hex and as text; each layer in its "
                        "colour, the selected field in bold."));
    hexNote_->setWordWrap(true);
    hex_->viewport()->installEventFilter(this); // a click on a byte selects its field

    // Fields on the left, as tall as the tab allows; the boxes and the bytes on the right.
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(boxes_);
    rightLayout->addWidget(hexNote_);
    rightLayout->addWidget(hex_, 1);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(tree_, 1);
    leftLayout->addWidget(fieldInfo_);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    layout->addWidget(origin_);
    layout->addWidget(split, 1);
    clear(QString());
}

void PacketLayersView::clear(const QString& hint)
{
    packet_ = Encapsulation();
    title_->setText(tr("No packet selected"));
    origin_->setText(hint);
    boxes_->setPacket(nullptr);
    boxes_->hide();
    tree_->clear();
    hex_->clear();
    hexNote_->clear();
    fieldInfo_->clear();
    highlight_ = {-1, -1};
}

void PacketLayersView::setEncapsulation(const Encapsulation& packet)
{
    packet_ = packet;
    title_->setText(packet_.title);
    origin_->setText(packet_.origin);
    boxes_->setPacket(&packet_);
    boxes_->show();
    fillTree();
    fillHex();
}

void PacketLayersView::fillTree()
{
    const QSignalBlocker block(tree_);
    tree_->clear();
    const QColor missingInk(0x70, 0x70, 0x70);
    for (int i = 0; i < int(packet_.layers.size()); ++i) {
        const PacketLayer& l = packet_.layers[std::size_t(i)];
        auto* top = new QTreeWidgetItem(tree_);
        top->setText(0, l.name);
        top->setText(1, layerDetail(l));
        top->setToolTip(0, layerSummary(l));
        top->setData(0, Qt::UserRole, i);
        top->setData(0, Qt::UserRole + 1, -1);
        QFont f = top->font(0);
        f.setBold(true);
        top->setFont(0, f);
        top->setFont(1, f);
        top->setBackground(0, l.captured ? NetworkModelView::fillOf(l.kind)
                                         : QColor(0xee, 0xee, 0xee));
        top->setFirstColumnSpanned(false);
        if (l.byteOffset >= 0 && l.totalBytes >= 0 && l.captured)
            top->setText(
                2, tr("%1–%2").arg(l.byteOffset).arg(l.byteOffset + std::max(0, l.totalBytes - 1)));
        if (!l.note.isEmpty()) {
            top->setText(3, l.note);
            top->setToolTip(3, l.note);
        }
        for (int k = 0; k < l.fields.size(); ++k) {
            const PacketField& fd = l.fields[k];
            auto* item = new QTreeWidgetItem(top);
            item->setText(0, fd.name);
            item->setText(1, fd.value);
            item->setToolTip(1, fd.value);
            item->setData(0, Qt::UserRole, i);
            item->setData(0, Qt::UserRole + 1, k);
            if (fd.bitOffset >= 0) {
                const bool whole = fd.bitOffset % 8 == 0 && fd.bitSize % 8 == 0;
                item->setText(2,
                              whole ? (fd.bitSize == 8
                                           ? QString::number(fd.byteOffset())
                                           : tr("%1–%2").arg(fd.byteOffset()).arg(fd.byteEnd() - 1))
                                    : tr("%1, bits %2–%3")
                                          .arg(fd.byteOffset())
                                          .arg(fd.bitOffset % 8)
                                          .arg(fd.bitOffset % 8 + fd.bitSize - 1));
            }
            item->setText(3, fd.meaning);
            item->setToolTip(3, fd.meaning);
            if (!fd.captured) {
                for (int c = 0; c < 4; ++c)
                    item->setForeground(c, missingInk);
                QFont it = item->font(1);
                it.setItalic(true);
                item->setFont(1, it);
            }
        }
        top->setExpanded(true);
    }
    // Name, value and position stay readable; the meaning gets the rest (and the line below
    // the table shows it whole for the selected field).
    tree_->resizeColumnToContents(0);
    tree_->setColumnWidth(0, std::min(tree_->columnWidth(0), 300));
    tree_->resizeColumnToContents(1);
    tree_->setColumnWidth(1, std::min(tree_->columnWidth(1), 220));
    tree_->resizeColumnToContents(2);
    tree_->setColumnWidth(2, std::min(tree_->columnWidth(2), 160));
}

void PacketLayersView::fillHex()
{
    highlight_ = {-1, -1};
    if (!packet_.hasBytes()) {
        hex_->setPlainText(QString());
        hexNote_->setText(tr("No bytes: %1")
                              .arg(packet_.source == QLatin1String("app")
                                       ? tr("the program sees only its data, "
                                            "shown in the table.")
                                       : tr("this packet was not captured, only "
                                            "described.")));
        return;
    }
    hexNote_->setText(tr("%n byte(s) as captured", nullptr, int(packet_.bytes.size())));
    QString text;
    const auto* b = reinterpret_cast<const uchar*>(packet_.bytes.constData());
    const int n = int(packet_.bytes.size());
    for (int line = 0; line * kBytesPerLine < n; ++line) {
        const int start = line * kBytesPerLine;
        QString hexPart, ascii;
        for (int i = 0; i < kBytesPerLine; ++i) {
            if (start + i < n) {
                hexPart += QStringLiteral("%1 ").arg(b[start + i], 2, 16, QLatin1Char('0'));
                const uchar c = b[start + i];
                ascii += (c >= 0x20 && c < 0x7f) ? QChar(c) : QLatin1Char('.');
            } else {
                hexPart += QStringLiteral("   ");
            }
        }
        text +=
            QStringLiteral("%1  %2 %3\n").arg(start, 4, 16, QLatin1Char('0')).arg(hexPart, ascii);
    }
    hex_->setPlainText(text);
    highlight(-1, -1);
}

void PacketLayersView::highlight(int first, int end)
{
    highlight_ = {first, end};
    if (!packet_.hasBytes())
        return;
    QList<QTextEdit::ExtraSelection> sels;
    auto mark = [&](int from, int to, const QColor& bg, bool bold) {
        const int n = int(packet_.bytes.size());
        from = std::max(0, from);
        to = std::min(n, to);
        for (int i = from; i < to;) {
            const int line = i / kBytesPerLine;
            const int lineEnd = std::min(to, (line + 1) * kBytesPerLine);
            const QTextBlock block = hex_->document()->findBlockByNumber(line);
            QTextCursor c(block);
            c.setPosition(block.position() + kHexStart + 3 * (i % kBytesPerLine));
            c.setPosition(block.position() + kHexStart + 3 * ((lineEnd - 1) % kBytesPerLine) + 2,
                          QTextCursor::KeepAnchor);
            QTextEdit::ExtraSelection s;
            s.cursor = c;
            s.format.setBackground(bg);
            if (bold) {
                s.format.setFontWeight(QFont::Bold);
                s.format.setForeground(Qt::white);
            }
            sels << s;
            i = lineEnd;
        }
    };
    // Each layer's header in its colour, so the nesting shows in the bytes too.
    for (const PacketLayer& l : packet_.layers) {
        if (!l.captured || l.byteOffset < 0)
            continue;
        const int len = l.kind == PacketLayer::Kind::Application ? l.totalBytes : l.headerBytes;
        if (len > 0)
            mark(l.byteOffset, l.byteOffset + len, NetworkModelView::fillOf(l.kind), false);
    }
    if (first >= 0 && end > first)
        mark(first, end, QColor(0x1f, 0x4e, 0x9a), true);
    hex_->setExtraSelections(sels);
    if (first >= 0) {
        QTextCursor c(hex_->document()->findBlockByNumber(first / kBytesPerLine));
        hex_->setTextCursor(c);
        hex_->ensureCursorVisible();
    }
}

bool PacketLayersView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == hex_->viewport() && event->type() == QEvent::MouseButtonRelease &&
        packet_.hasBytes()) {
        const auto* m = static_cast<QMouseEvent*>(event);
        const QTextCursor c = hex_->cursorForPosition(m->position().toPoint());
        const int line = c.blockNumber();
        const int col = c.positionInBlock();
        constexpr int kAsciiStart = kHexStart + 3 * kBytesPerLine + 1;
        int inLine = -1;
        if (col >= kHexStart && col < kHexStart + 3 * kBytesPerLine)
            inLine = (col - kHexStart) / 3;
        else if (col >= kAsciiStart && col < kAsciiStart + kBytesPerLine)
            inLine = col - kAsciiStart;
        if (inLine >= 0)
            selectByte(line * kBytesPerLine + inLine);
    }
    return QWidget::eventFilter(watched, event);
}

bool PacketLayersView::selectByte(int byte)
{
    if (byte < 0 || byte >= int(packet_.bytes.size()))
        return false;
    int bestLayer = -1, bestField = -1, bestSize = INT_MAX;
    for (int i = 0; i < int(packet_.layers.size()); ++i) {
        const PacketLayer& l = packet_.layers[std::size_t(i)];
        for (int k = 0; k < l.fields.size(); ++k) {
            const PacketField& f = l.fields[k];
            if (f.bitOffset < 0 || byte < f.byteOffset() || byte >= f.byteEnd())
                continue;
            if (f.bitSize < bestSize) {
                bestSize = f.bitSize;
                bestLayer = i;
                bestField = k;
            }
        }
    }
    if (bestLayer < 0)
        return false;
    selectField(bestLayer, bestField);
    return true;
}

void PacketLayersView::selectField(int layer, int field)
{
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* top = tree_->topLevelItem(i);
        if (top->data(0, Qt::UserRole).toInt() != layer)
            continue;
        QTreeWidgetItem* target = field < 0 ? top : top->child(field);
        if (target && tree_->currentItem() != target)
            tree_->setCurrentItem(target); // onCurrentItem follows
        else if (target)
            onCurrentItem(target);
        return;
    }
}

void PacketLayersView::onCurrentItem(QTreeWidgetItem* item)
{
    if (!item)
        return;
    const int layer = item->data(0, Qt::UserRole).toInt();
    const int field = item->data(0, Qt::UserRole + 1).toInt();
    if (layer < 0 || layer >= int(packet_.layers.size()))
        return;
    const PacketLayer& l = packet_.layers[std::size_t(layer)];
    boxes_->setSelected(layer);
    if (field < 0)
        fieldInfo_->setText(l.note.isEmpty() ? layerSummary(l)
                                             : tr("%1. %2").arg(layerSummary(l), l.note));
    else {
        const PacketField& f = l.fields[field];
        QString where = item->text(2);
        QString line =
            where.isEmpty()
                ? tr("<b>%1</b> = %2").arg(f.name.toHtmlEscaped(), f.value.toHtmlEscaped())
                : tr("<b>%1</b> = %2 (frame bytes: %3)")
                      .arg(f.name.toHtmlEscaped(), f.value.toHtmlEscaped(), where.toHtmlEscaped());
        if (!f.meaning.isEmpty())
            line += QStringLiteral(" — ") + f.meaning.toHtmlEscaped();
        fieldInfo_->setText(line);
    }
    if (field < 0) {
        if (l.captured && l.byteOffset >= 0) {
            const int len = l.kind == PacketLayer::Kind::Application ? l.totalBytes : l.headerBytes;
            highlight(l.byteOffset, l.byteOffset + std::max(0, len));
        } else {
            highlight(-1, -1);
        }
        return;
    }
    const PacketField& f = l.fields[field];
    if (f.bitOffset >= 0)
        highlight(f.byteOffset(), f.byteEnd());
    else
        highlight(-1, -1);
}

} // namespace netstage
