#pragma once

#include <QPointer>
#include <QWidget>
#include <functional>

class QAbstractItemView;
class QLabel;
class QPushButton;
class QTimer;

namespace netstage {

// What an empty view will show, and the one action that fills it, laid over the view while
// it is empty: a table with no rows, a ladder with nothing drawn, a chart with no bars. Like
// DevTools' "Record network activity: press Ctrl+E". One helper for every panel: the panel
// says what is empty and which button fills it; the overlay places itself and goes away as
// soon as the first row arrives (and comes back when the view is emptied).
class EmptyState : public QWidget
{
    Q_OBJECT
public:
    // Over `target` (over its viewport when it is a scroll area) while isEmpty() holds. It
    // asks isEmpty() a few times a second and whenever refresh() is called.
    EmptyState(QWidget* target, std::function<bool()> isEmpty);
    // Over an item view: empty while its model has no rows, followed row by row.
    static EmptyState* over(QAbstractItemView* view);
    // The overlay laid over `target` by over() or the constructor, if any.
    static EmptyState* of(const QWidget* target);

    // A short title ("No server yet") and one or two sentences: what will appear here and
    // how to make it appear.
    void setText(const QString& title, const QString& hint);
    QString title() const;
    QString hint() const;
    // The one action that fills the view, as a button on the overlay; empty text removes it.
    void setAction(const QString& text, std::function<void()> action);
    QPushButton* actionButton() const { return button_; }

    // A button's text as a sentence quotes it: without its mnemonic ("&Go" -> "Go",
    // "前往(&G)" -> "前往").
    static QString plainText(const QString& buttonText);

    // True while the overlay is up (the view is empty and shown).
    bool isShowing() const;

public slots:
    void refresh();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void place();

    QPointer<QWidget> target_;
    std::function<bool()> isEmpty_;
    std::function<void()> action_;
    QWidget* card_;
    QLabel* title_;
    QLabel* hint_;
    QPushButton* button_;
    QTimer* poll_;
};

} // namespace netstage
