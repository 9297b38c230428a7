#pragma once

#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>
#include <initializer_list>

namespace netstage {

// Paints the event log's cells with pre-shaped text. The style's item painter lays out every
// cell's text from scratch on every paint (line breaking, shaping, eliding), which is most of
// the cost of a frame; log cells repeat the same few strings (socket ids, event names,
// sources, states, sentences), so shaped text is cached and reused. Single-line, clipped and
// elided text only: all a log row needs.
//
// The cell colours come from the model (BackgroundRole, ForegroundRole, bold via FontRole).
// A selected row gets the selection colours, except in `keepColourColumn`, whose state fill
// stays visible under a selection frame.
class LogCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit LogCellDelegate(int keepColourColumn, QObject* parent = nullptr);
    // Columns whose texts rarely repeat (times, payloads): drawn directly, not cached.
    void setUniqueColumns(std::initializer_list<int> columns);
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

private:
    struct Shaped
    {
        QStaticText text;
        qreal width = 0;
    };
    const Shaped& shaped(const QString& text, const QFont& font, bool bold, int maxWidth) const;

    int keepColourColumn_;
    quint64 uniqueColumns_ = 0;               // bit per column
    mutable QHash<QString, Shaped> cache_[2]; // [bold]
    mutable QFont cachedFor_;                 // the font the cache was shaped with
};

} // namespace netstage
