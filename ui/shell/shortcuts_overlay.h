#pragma once

#include "ui/shell/presentation.h"

#include <QWidget>
#include <functional>
#include <vector>

namespace netstage {

// The keyboard help: a semi-transparent sheet over the whole window listing every shortcut,
// grouped by view, in as many columns as it needs; the type shrinks only if even then it
// would not fit, so nothing is ever cut off. Built from the live action table each time it
// opens. Esc, F1 or a click closes it.
class ShortcutsOverlay : public QWidget
{
    Q_OBJECT
public:
    // `source` gives the rows when the overlay opens.
    ShortcutsOverlay(QWidget* window, std::function<std::vector<ShortcutRow>()> source);

    void open();
    const std::vector<ShortcutRow>& rows() const { return rows_; }
    // The rows' texts as drawn: "Space — Play or pause" (tests, accessibility).
    QStringList lines() const;
    // The point size the last paint used (smaller than the window's only when it had to be).
    qreal drawnPointSize() const { return drawnPointSize_; }
    // Key text as drawn: "Ctrl++ / Ctrl+=".
    static QString keysText(const QList<QKeySequence>& keys);
    static QString plainText(const QString& actionText); // "&Export…" -> "Export"

signals:
    void closed();

protected:
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    std::function<std::vector<ShortcutRow>()> source_;
    std::vector<ShortcutRow> rows_;
    qreal drawnPointSize_ = 0;
};

} // namespace netstage
