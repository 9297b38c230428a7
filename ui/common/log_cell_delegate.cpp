#include "ui/common/log_cell_delegate.h"

#include <QFontMetrics>
#include <QPainter>

namespace netstage {

namespace {
constexpr int kPad = 4;                // text inset from the cell's edges
constexpr qsizetype kMaxCached = 8192; // per weight; the log's vocabulary is far smaller
} // namespace

LogCellDelegate::LogCellDelegate(int keepColourColumn, QObject* parent)
    : QStyledItemDelegate(parent), keepColourColumn_(keepColourColumn)
{
}

void LogCellDelegate::setUniqueColumns(std::initializer_list<int> columns)
{
    uniqueColumns_ = 0;
    for (int c : columns) {
        if (c >= 0 && c < 64)
            uniqueColumns_ |= 1ull << c;
    }
}

const LogCellDelegate::Shaped& LogCellDelegate::shaped(const QString& text, const QFont& font,
                                                       bool bold, int maxWidth) const
{
    if (font != cachedFor_) {
        cache_[0].clear();
        cache_[1].clear();
        cachedFor_ = font;
    }
    QHash<QString, Shaped>& cache = cache_[bold ? 1 : 0];
    if (cache.size() > kMaxCached)
        cache.clear(); // unique texts (times, payloads) would otherwise grow it without end

    QFont f = font;
    f.setBold(bold);
    auto make = [&f](const QString& s) {
        Shaped out;
        out.text.setTextFormat(Qt::PlainText);
        out.text.setText(s);
        out.text.prepare(QTransform(), f);
        out.width = out.text.size().width();
        return out;
    };

    auto it = cache.constFind(text);
    if (it == cache.constEnd())
        it = cache.insert(text, make(text));
    if (it->width <= maxWidth)
        return *it;

    // Too wide for the column: the elided form, cached per width (columns rarely change).
    const QString key = text + QChar(0x1f) + QString::number(maxWidth);
    auto el = cache.constFind(key);
    if (el == cache.constEnd())
        el = cache.insert(key, make(QFontMetrics(f).elidedText(text, Qt::ElideRight, maxWidth)));
    return *el;
}

void LogCellDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    const QRect r = option.rect;
    const bool selected = option.state & QStyle::State_Selected;
    const QVariant bg = index.data(Qt::BackgroundRole);
    const bool keepColour = index.column() == keepColourColumn_ && bg.isValid();

    QColor ink;
    if (selected && !keepColour) {
        painter->fillRect(r, option.palette.brush(QPalette::Highlight));
        ink = option.palette.color(QPalette::HighlightedText);
    } else {
        if (bg.isValid())
            painter->fillRect(r, bg.value<QColor>());
        const QVariant fg = index.data(Qt::ForegroundRole);
        ink = fg.isValid() ? fg.value<QColor>() : option.palette.color(QPalette::Text);
    }

    const QString text = index.data(Qt::DisplayRole).toString();
    const int avail = r.width() - 2 * kPad;
    if (!text.isEmpty() && avail > 0) {
        const QVariant fontData = index.data(Qt::FontRole);
        const bool bold = fontData.isValid() && fontData.value<QFont>().bold();
        const Qt::Alignment align = Qt::Alignment(index.data(Qt::TextAlignmentRole).toInt());
        // Text is elided to the cell's width and is one line, so nothing spills: no clip,
        // no save/restore per cell (both cost more than the drawing).
        painter->setPen(ink);
        if (index.column() >= 0 && index.column() < 64 &&
            (uniqueColumns_ & (1ull << index.column()))) {
            // Times, byte counts, payloads: nearly every one is new, so caching would only
            // churn. Plain drawText, eliding only when the text may not fit.
            QFont f = option.font;
            f.setBold(bold);
            painter->setFont(f);
            const QFontMetrics fm(f);
            QString shown = text;
            if (qsizetype(avail / std::max(1, fm.maxWidth())) < text.size())
                shown = fm.elidedText(text, Qt::ElideRight, avail);
            painter->drawText(r.adjusted(kPad, 0, -kPad, 0),
                              int(align | Qt::AlignVCenter | Qt::TextSingleLine), shown);
        } else {
            const Shaped& s = shaped(text, option.font, bold, avail);
            // drawStaticText lays the text out again unless the painter has the font it was
            // prepared with.
            QFont f = option.font;
            f.setBold(bold);
            painter->setFont(f);
            qreal x = r.left() + kPad;
            if (align & Qt::AlignRight)
                x = r.right() - kPad - s.width + 1;
            else if (align & Qt::AlignHCenter)
                x = r.left() + (r.width() - s.width) / 2.0;
            const qreal y = r.top() + (r.height() - s.text.size().height()) / 2.0;
            painter->drawStaticText(QPointF(x, y), s.text);
        }
    }

    if (selected && keepColour) {
        painter->save();
        QPen pen(option.palette.color(QPalette::Highlight));
        pen.setWidth(3);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(r.adjusted(1, 1, -2, -2));
        painter->restore();
    }
}

} // namespace netstage
