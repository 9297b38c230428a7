#include "ui/shell/guided_tour.h"

#include "core/base/event.h"
#include "core/base/timeline.h"
#include "core/tcp/tcp_lab.h"
#include "ui/common/empty_state.h"
#include "ui/tcp/tcp_panel.h"

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLayout>
#include <QPainter>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace netstage {

namespace {

// The ring around the control to press: drawn over the window, never in the way of a click.
class Ring : public QWidget
{
public:
    explicit Ring(QWidget* parent) : QWidget(parent)
    {
        setObjectName(QStringLiteral("tourRing"));
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(0xe6, 0x9f, 0x00), 4));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(rect()).adjusted(2, 2, -2, -2), 8, 8);
    }
};

QString plain(const QString& text)
{
    return EmptyState::plainText(text);
}

constexpr int kRingMargin = 6;

} // namespace

GuidedTour::GuidedTour(QWidget* window, TcpPanel* panel, TcpLab* lab)
    : QObject(window), window_(window), panel_(panel), lab_(lab), timeline_(lab->timeline())
{
    setObjectName(QStringLiteral("guidedTour"));
    ring_ = new Ring(window);
    auto* note = new QFrame(window);
    note->setObjectName(QStringLiteral("tourNote"));
    note->setStyleSheet(QStringLiteral(
        "QFrame#tourNote { background: #fff4d6; border: 2px solid #e69f00; border-radius: 8px; }"
        " QFrame#tourNote QLabel { color: #202020; }"));
    note_ = note;
    note_->setMaximumWidth(440);
    auto* v = new QVBoxLayout(note_);
    v->setContentsMargins(14, 10, 14, 10);
    title_ = new QLabel(note_);
    title_->setObjectName(QStringLiteral("tourTitle"));
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setWordWrap(true);
    text_ = new QLabel(note_);
    text_->setObjectName(QStringLiteral("tourText"));
    text_->setWordWrap(true);
    text_->setTextFormat(Qt::PlainText);
    endButton_ = new QPushButton(note_);
    endButton_->setObjectName(QStringLiteral("tourEndButton"));
    auto* row = new QHBoxLayout;
    auto* esc = new QLabel(tr("Esc ends the guided run."), note_);
    row->addWidget(esc, 1);
    row->addWidget(endButton_);
    v->addWidget(title_);
    v->addWidget(text_);
    v->addLayout(row);
    connect(endButton_, &QPushButton::clicked, this, &GuidedTour::end);

    // Steps advance on what the lab really did, however it was asked (button, key, script).
    connect(lab_, &TcpLab::listeningChanged, this, [this](bool listening) {
        if (listening && step_ == StartServer)
            advanceTo(Connect);
    });
    QPointer<GuidedTour> self(this);
    sink_ = timeline_->addSink([self](const Event& e) {
        if (!self || e.source != ev::App || !e.socket.startsWith(QLatin1String("tcp-client")))
            return;
        // Sinks run inside the append: act once it has returned.
        const QString socket = e.socket, event = e.event, dir = e.dir;
        QTimer::singleShot(0, self, [self, socket, event, dir] {
            if (self)
                self->onEvent(socket, event, dir);
        });
    });
    qApp->installEventFilter(this);
    // The controls move when the window is resized or zoomed: follow them.
    follow_ = new QTimer(this);
    follow_->setInterval(150);
    connect(follow_, &QTimer::timeout, this, &GuidedTour::place);
    follow_->start();
    advanceTo(lab_->isListening() ? Connect : StartServer);
}

GuidedTour::~GuidedTour()
{
    qApp->removeEventFilter(this);
    if (timeline_ && sink_ >= 0)
        timeline_->removeSink(sink_);
    delete ring_;
    delete note_;
}

QWidget* GuidedTour::note() const
{
    return note_;
}

QWidget* GuidedTour::ring() const
{
    return ring_;
}

QString GuidedTour::noteText() const
{
    return title_->text() + QLatin1Char('\n') + text_->text();
}

QWidget* GuidedTour::target() const
{
    if (!panel_)
        return nullptr;
    switch (step_) {
    case StartServer:
        return panel_->findChild<QWidget*>(QStringLiteral("startButton"));
    case Connect:
        return panel_->findChild<QWidget*>(QStringLiteral("connectButton"));
    case Send:
        return panel_->findChild<QWidget*>(QStringLiteral("sendButton"));
    case HalfClose:
        return panel_->findChild<QWidget*>(QStringLiteral("halfCloseButton"));
    case Done:
        break;
    }
    return nullptr;
}

void GuidedTour::onEvent(const QString& socket, const QString& event, const QString& dir)
{
    if (step_ == Connect && event == ev::Connect) {
        client_ = socket;
        advanceTo(Send);
    } else if (step_ == Send && event == ev::Data && dir == ev::Out) {
        client_ = socket;
        advanceTo(HalfClose);
    } else if (step_ == HalfClose && event == QLatin1String("finish")) {
        advanceTo(Done);
    }
}

void GuidedTour::advanceTo(Step step)
{
    step_ = step;
    QWidget* t = target();
    const QString button = t ? plain(t->property("text").toString()) : QString();
    switch (step) {
    case StartServer:
        title_->setText(tr("Step 1 of 4: start the tutorial's server"));
        text_->setText(tr("Press “%1” (the seed preset, port 8124). In the log: listening. In "
                          "the socket table: the server, in LISTEN.")
                           .arg(button));
        break;
    case Connect:
        title_->setText(tr("Step 2 of 4: connect a client"));
        text_->setText(tr("Press “%1”. In the log: connect on the client, connection on the "
                          "server, then the server's welcome line arriving as data. In the "
                          "socket table: the client and the server's side, both ESTABLISHED.")
                           .arg(button));
        break;
    case Send:
        title_->setText(tr("Step 3 of 4: send a message"));
        text_->setText(tr("Type a few words and press “%1”. In the log: data out of the "
                          "client, data into the server, and its answer “%2” coming back. In "
                          "the socket table: both sides stay ESTABLISHED.")
                           .arg(button, TcpLab::kReply));
        break;
    case HalfClose:
        title_->setText(tr("Step 4 of 4: half-close"));
        text_->setText(tr("Press “%1”: the client sends FIN and keeps reading. In the log: "
                          "finish on the client, end at the server, which then ends its side "
                          "too (the seed server does). In the socket table: the client goes "
                          "through FIN-WAIT-2 and stays in TIME-WAIT for 60 seconds.")
                           .arg(button));
        break;
    case Done:
        title_->setText(tr("Done: the tutorial's TCP chapter, on real sockets"));
        text_->setText(tr("Every row of the log is one thing a socket did; the socket table "
                          "keeps closed sockets, so TIME-WAIT stays visible. Next: the 4-way "
                          "teardown drawn as a ladder, in “Handshake & teardown”."));
        break;
    }
    endButton_->setText(step == Done ? tr("Close") : tr("End the guided run"));
    show();
    emit stepChanged(int(step));
}

void GuidedTour::show()
{
    note_->adjustSize();
    place();
    note_->show();
    note_->raise();
}

void GuidedTour::place()
{
    if (!window_)
        return;
    QWidget* t = target();
    const QRect area = window_->rect();
    const bool onScreen = t && t->isVisible();
    if (onScreen) {
        const QRect r(t->mapTo(window_, QPoint(0, 0)), t->size());
        ring_->setGeometry(r.adjusted(-kRingMargin, -kRingMargin, kRingMargin, kRingMargin));
        ring_->show();
        ring_->raise();
    } else {
        ring_->hide();
    }
    // The note beside the ring: below it where there is room, else above; always inside.
    // A fixed width and the height its wrapped words need there, so the clamping below
    // keeps the whole note inside the window.
    const int w = std::min(note_->maximumWidth(), std::max(200, area.width() - 16));
    note_->layout()->activate();
    const QSize size(w, note_->layout()->hasHeightForWidth()
                            ? note_->layout()->totalHeightForWidth(w)
                            : note_->sizeHint().height());
    QPoint at(area.right() - size.width() - 24, area.bottom() - size.height() - 48);
    if (onScreen) {
        const QRect ring = ring_->geometry();
        at = QPoint(ring.left(), ring.bottom() + 8);
        if (at.y() + size.height() > area.bottom() - 8)
            at.setY(ring.top() - size.height() - 8);
        at.setX(std::clamp(at.x(), 8, std::max(8, area.right() - size.width() - 8)));
        at.setY(std::clamp(at.y(), 8, std::max(8, area.bottom() - size.height() - 8)));
    }
    note_->setGeometry(QRect(at, size));
    note_->raise();
}

void GuidedTour::end()
{
    if (ended_)
        return;
    ended_ = true;
    follow_->stop();
    ring_->hide();
    note_->hide();
    emit finished(step_ == Done);
    deleteLater();
}

bool GuidedTour::eventFilter(QObject* watched, QEvent* event)
{
    if ((event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride) &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && !ended_) {
        end();
        event->accept();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace netstage
