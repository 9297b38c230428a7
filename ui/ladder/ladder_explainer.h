#pragma once

#include "core/ladder/ladder.h"
#include "ui/ladder/ladder_painter.h"

#include <QFrame>
#include <QPointer>

class QLabel;

namespace netstage {

class LadderView;

// The current step of the ladder, explained in one short paragraph beside the diagram: what the
// segment, state or event means (Explain from core) plus the textbook point that belongs to that
// moment (why SYN+ACK acknowledges x+1, why the side that closed first waits in TIME-WAIT, why
// Linux's "4-way" teardown often shows 3 segments...), with this connection's own numbers.
//
// The static functions need no widgets, so the CLI and tests can use the same sentences.
class LadderExplainer : public QFrame
{
    Q_OBJECT
public:
    explicit LadderExplainer(QWidget* parent = nullptr);

    // Follows the view: its ladder, numbers mode and current item.
    void setView(LadderView* view);
    // Shows `item` of `ladder` (the ladder is not kept: call again when it changes).
    void showItem(const Ladder& ladder, int item,
                  LadderPainter::Numbers numbers = LadderPainter::Numbers::Textbook);

    QString headingText() const;
    QString paragraphText() const;

    // "SYN+ACK: server → client", "client: CLOSE-WAIT", "server: connection".
    static QString heading(const Ladder& ladder, int item);
    // One short paragraph, plain text.
    static QString paragraph(const Ladder& ladder, int item, LadderPainter::Numbers numbers);
    // Rich text for a hover tooltip: every field, then the paragraph.
    static QString tooltip(const Ladder& ladder, int item, LadderPainter::Numbers numbers);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    QPointer<LadderView> view_;
    QLabel* heading_ = nullptr;
    QLabel* body_ = nullptr;
};

} // namespace netstage
