#include "ui/common/empty_state.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace netstage {

namespace {

const char* const kOverlayProperty = "netstageEmptyState";

QWidget* hostOf(QWidget* target)
{
    if (auto* area = qobject_cast<QAbstractScrollArea*>(target))
        return area->viewport();
    return target;
}

} // namespace

EmptyState::EmptyState(QWidget* target, std::function<bool()> isEmpty)
    : QWidget(hostOf(target)), target_(target), isEmpty_(std::move(isEmpty)),
      card_(new QWidget(this)), title_(new QLabel(card_)), hint_(new QLabel(card_)),
      button_(new QPushButton(card_)), poll_(new QTimer(this))
{
    setObjectName(QStringLiteral("emptyState"));
    target->setProperty(kOverlayProperty, QVariant::fromValue<QObject*>(this));
    setAutoFillBackground(false);
    card_->setObjectName(QStringLiteral("emptyStateCard"));
    card_->setMaximumWidth(560);
    title_->setObjectName(QStringLiteral("emptyStateTitle"));
    hint_->setObjectName(QStringLiteral("emptyStateHint"));
    button_->setObjectName(QStringLiteral("emptyStateAction"));
    for (QLabel* l : {title_, hint_}) {
        l->setWordWrap(true);
        l->setAlignment(Qt::AlignCenter);
        l->setTextFormat(Qt::PlainText);
    }
    QFont big = title_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    title_->setFont(big);
    button_->hide();
    connect(button_, &QPushButton::clicked, this, [this] {
        if (action_)
            action_();
    });

    auto* cardLayout = new QVBoxLayout(card_);
    cardLayout->setSpacing(8);
    cardLayout->addWidget(title_);
    cardLayout->addWidget(hint_);
    cardLayout->addWidget(button_, 0, Qt::AlignHCenter);

    parentWidget()->installEventFilter(this);
    // Cheap to ask; views that are not item views have no signal saying they changed.
    poll_->setInterval(300);
    connect(poll_, &QTimer::timeout, this, &EmptyState::refresh);
    poll_->start();
    hide();
    place();
    refresh();
}

EmptyState* EmptyState::over(QAbstractItemView* view)
{
    QPointer<QAbstractItemView> v(view);
    auto* overlay =
        new EmptyState(view, [v] { return !v || !v->model() || v->model()->rowCount() == 0; });
    if (QAbstractItemModel* m = view->model()) {
        connect(m, &QAbstractItemModel::rowsInserted, overlay, &EmptyState::refresh);
        connect(m, &QAbstractItemModel::rowsRemoved, overlay, &EmptyState::refresh);
        connect(m, &QAbstractItemModel::modelReset, overlay, &EmptyState::refresh);
        connect(m, &QAbstractItemModel::layoutChanged, overlay, &EmptyState::refresh);
    }
    return overlay;
}

EmptyState* EmptyState::of(const QWidget* target)
{
    return qobject_cast<EmptyState*>(target->property(kOverlayProperty).value<QObject*>());
}

void EmptyState::setText(const QString& title, const QString& hint)
{
    title_->setText(title);
    title_->setVisible(!title.isEmpty());
    hint_->setText(hint);
    hint_->setVisible(!hint.isEmpty());
    place();
}

QString EmptyState::title() const
{
    return title_->text();
}

QString EmptyState::hint() const
{
    return hint_->text();
}

void EmptyState::setAction(const QString& text, std::function<void()> action)
{
    action_ = std::move(action);
    button_->setText(text);
    button_->setVisible(!text.isEmpty() && action_);
    place();
}

QString EmptyState::plainText(const QString& buttonText)
{
    QString t = buttonText;
    t.remove(QRegularExpression(QStringLiteral("\\(&[^)]\\)")));
    return t.remove(QLatin1Char('&')).trimmed();
}

bool EmptyState::isShowing() const
{
    return isVisible();
}

void EmptyState::refresh()
{
    const bool empty = target_ && isEmpty_ && isEmpty_();
    if (empty == !isHidden())
        return;
    setVisible(empty);
    if (empty) {
        place();
        raise();
    }
}

bool EmptyState::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        place();
    return QWidget::eventFilter(watched, event);
}

void EmptyState::paintEvent(QPaintEvent*)
{
    // The view's own background, almost opaque: what the view draws while empty (a faint
    // placeholder of its own, grid lines) stays out of the way of the words; the card itself
    // is a soft rounded box.
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QColor veil = palette().color(QPalette::Base);
    veil.setAlpha(240);
    p.fillRect(rect(), veil);
    const QRect card = card_->geometry().adjusted(-16, -12, 16, 12);
    QColor fill = palette().color(QPalette::AlternateBase);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(fill);
    p.drawRoundedRect(card, 8, 8);
}

void EmptyState::place()
{
    QWidget* host = parentWidget();
    if (!host)
        return;
    setGeometry(host->rect());
    // The card as wide as reads well, as tall as its wrapped words need at that width (a
    // layout that centres it would give the labels their one-line width and cut them).
    const int w = std::max(120, std::min(card_->maximumWidth(), width() - 48));
    QLayout* l = card_->layout();
    l->activate();
    int h = l->hasHeightForWidth() ? l->totalHeightForWidth(w) : l->totalSizeHint().height();
    h = std::min(h, std::max(0, height() - 16));
    card_->setGeometry((width() - w) / 2, std::max(8, (height() - h) / 3), w, h);
}

} // namespace netstage
