// Over 800 lines: the panel (controls, ladder, log, recordings, exports) and its small event
// model (LessonEventModel), which is the part to move out when the panel grows.

#include "ui/lessons/lesson_panel.h"

#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "core/format/recording.h"
#include "core/lessons/lesson.h"
#include "core/lessons/replay_player.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "ui/common/empty_state.h"
#include "ui/common/stage_colors.h"
#include "ui/ladder/ladder_explainer.h"
#include "ui/ladder/ladder_painter.h"
#include "ui/ladder/ladder_view.h"
#include "ui/lessons/slides_export.h"
#include "ui/states/tcp_state_diagram_view.h"

#include <QAbstractTableModel>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace netstage {

// The events of the lesson shown beside the ladder; a row click jumps the replay there and the
// current step's row is highlighted.
class LessonEventModel : public QAbstractTableModel
{
public:
    explicit LessonEventModel(QObject* parent) : QAbstractTableModel(parent) {}

    void setEvents(const std::vector<Event>* events)
    {
        beginResetModel();
        events_ = events;
        shown_ = events ? int(events->size()) : 0;
        endResetModel();
    }
    void grow()
    {
        const int n = events_ ? int(events_->size()) : 0;
        if (n <= shown_)
            return;
        beginInsertRows({}, shown_, n - 1);
        shown_ = n;
        endInsertRows();
    }
    void setCurrent(int row)
    {
        if (row == current_)
            return;
        const int old = current_;
        current_ = row;
        for (int r : {old, row}) {
            if (r >= 0 && r < shown_)
                emit dataChanged(index(r, 0), index(r, columnCount({}) - 1));
        }
    }
    int rowCount(const QModelIndex& parent) const override { return parent.isValid() ? 0 : shown_; }
    int columnCount(const QModelIndex& parent) const override { return parent.isValid() ? 0 : 5; }

    QVariant headerData(int section, Qt::Orientation o, int role) const override
    {
        if (o != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
        case 0:
            return LessonPanel::tr("Time");
        case 1:
            return LessonPanel::tr("Socket");
        case 2:
            return LessonPanel::tr("Source");
        case 3:
            return LessonPanel::tr("Event");
        default:
            return LessonPanel::tr("What");
        }
    }

    QVariant data(const QModelIndex& idx, int role) const override
    {
        if (!events_ || !idx.isValid() || idx.row() >= shown_)
            return {};
        const Event& e = (*events_)[idx.row()];
        if (role == Qt::BackgroundRole && idx.row() == current_)
            return QColor(255, 214, 102);
        if (role == Qt::ForegroundRole && idx.row() == current_)
            return QColor(Qt::black);
        if (role == Qt::ToolTipRole)
            return Explain::sentence(e);
        if (role != Qt::DisplayRole)
            return {};
        const qint64 t0 = events_->empty() ? 0 : events_->front().t_us;
        switch (idx.column()) {
        case 0:
            return QStringLiteral("%1 ms").arg((e.t_us - t0) / 1000.0, 0, 'f', 3);
        case 1:
            return e.socket;
        case 2:
            return e.source;
        case 3:
            return e.event == ev::State ? e.state : e.event;
        default:
            if (e.event == ev::Segment) {
                return QStringLiteral("%1 → %2 [%3] len=%4")
                    .arg(e.src, e.dst, LadderPainter::flagsLabel(e.flags))
                    .arg(e.len);
            }
            if (!e.code.isEmpty())
                return e.code;
            if (!e.payload.isEmpty())
                return e.payloadIsBinary() ? QString::fromLatin1(e.payload.toHex(' ')) : e.text();
            return e.event == QLatin1String("step") ? e.detail : QString();
        }
    }

private:
    const std::vector<Event>* events_ = nullptr;
    int shown_ = 0;
    int current_ = -1;
};

LessonPanel::LessonPanel(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                         QWidget* parent)
    : QWidget(parent), timeline_(timeline), observer_(observer), wire_(wire)
{
    runner_ = new LessonRunner(timeline_, observer_, wire_, this);
    player_ = new ReplayPlayer(this);
    player_->setSpeed(1.0);
    rebuild_ = new QTimer(this);
    rebuild_->setSingleShot(true);
    // A live lesson redraws at most ~30 times a second: capture to arrow stays well under 50 ms.
    rebuild_->setInterval(30);
    connect(rebuild_, &QTimer::timeout, this, &LessonPanel::rebuildLadder);

    sink_ = timeline_->addSink([this](const Event& e) {
        if (!recording_)
            return;
        events_.push_back(e);
        scheduleRebuild();
    });

    buildUi();
    retranslate();

    connect(runner_, &LessonRunner::waitingForTeacher, this, [this](int next) {
        const Lesson* l = runner_->lesson();
        if (l && next < int(l->steps.size()))
            showNote(tr("Next step %1: %2 — press Step (or N in the diagram) when the class is "
                        "ready. The kernel holds the state meanwhile.")
                         .arg(next + 1)
                         .arg(Lessons::title(l->steps[next])),
                     false);
        updateButtons();
        updateStepList();
    });
    connect(runner_, &LessonRunner::stepStarted, this, [this] {
        showNote(QString(), false);
        updateButtons();
        updateStepList();
    });
    connect(runner_, &LessonRunner::finished, this, [this] {
        // Keep collecting a moment, so the last kernel states (TIME-WAIT) are in the recording.
        QTimer::singleShot(300, this, [this] {
            if (runner_->isRunning())
                return;
            recording_ = false;
            rebuildLadder();
            showNote(tr("Lesson over. Replay it with the controls below, step by step or at "
                        "teaching speed; save it to show it again without a network."),
                     false);
            updateButtons();
            updateStepList();
            emit lessonFinished();
        });
        updateButtons();
    });
    connect(player_, &ReplayPlayer::positionChanged, this, &LessonPanel::onPosition);
    connect(player_, &ReplayPlayer::playingChanged, this, [this] { updateButtons(); });
    updateButtons();
}

LessonPanel::~LessonPanel()
{
    timeline_->removeSink(sink_);
}

void LessonPanel::buildUi()
{
    lessons_ = new QComboBox(this);
    lessons_->setObjectName(QStringLiteral("lessonCombo"));
    lessons_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const Lesson& l : Lessons::all())
        lessons_->addItem(QString(), QString::fromLatin1(l.name));
    stepMode_ = new QCheckBox(this);
    stepMode_->setObjectName(QStringLiteral("lessonStepMode"));
    stepMode_->setChecked(true);
    loss_ = new QSpinBox(this);
    loss_->setObjectName(QStringLiteral("lessonLossSpin"));
    loss_->setRange(0, 90);
    loss_->setSingleStep(10);
    run_ = new QPushButton(this);
    next_ = new QPushButton(this);
    // Objects named for the window's keyboard table (F5, R, S, Space... see Presentation).
    run_->setObjectName(QStringLiteral("lessonRun"));
    next_->setObjectName(QStringLiteral("lessonStep"));
    stop_ = new QPushButton(this);
    stop_->setObjectName(QStringLiteral("lessonStop"));
    source_ = new QComboBox(this);
    source_->addItem(QString(), ev::Wire);
    source_->addItem(QString(), ev::Model);
    numbers_ = new QComboBox(this);
    numbers_->addItem(QString(), int(LadderPainter::Numbers::Textbook));
    numbers_->addItem(QString(), int(LadderPainter::Numbers::Real));
    dark_ = new QCheckBox(this);
    dark_->setObjectName(QStringLiteral("ladderDarkCheck"));
    open_ = new QPushButton(this);
    save_ = new QPushButton(this);
    export_ = new QPushButton(this);
    slides_ = new QPushButton(this);

    auto* top = new QHBoxLayout;
    top->addWidget(lessons_);
    top->addWidget(stepMode_);
    top->addWidget(loss_);
    top->addWidget(run_);
    top->addWidget(next_);
    top->addWidget(stop_);
    top->addStretch(1);
    top->addWidget(open_);
    top->addWidget(save_);
    top->addWidget(export_);
    top->addWidget(slides_);
    auto* second = new QHBoxLayout;
    second->addWidget(source_);
    second->addWidget(numbers_);
    second->addWidget(dark_);

    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    note_->setVisible(false);

    view_ = new LadderView(this);
    explainer_ = new LadderExplainer(this);
    explainer_->setView(view_);
    empty_ =
        new EmptyState(view_, [this] { return view_->ladder().items.empty() && !isRunning(); });
    empty_->setObjectName(QStringLiteral("lessonEmptyState"));
    steps_ = new QListWidget(this);
    steps_->setWordWrap(true);
    steps_->setSelectionMode(QAbstractItemView::NoSelection);
    log_ = new QTableView(this);
    logModel_ = new LessonEventModel(this);
    logModel_->setEvents(&events_);
    log_->setModel(logModel_);
    log_->setSelectionBehavior(QAbstractItemView::SelectRows);
    log_->setSelectionMode(QAbstractItemView::SingleSelection);
    log_->verticalHeader()->setVisible(false);
    log_->horizontalHeader()->setStretchLastSection(true);
    log_->setWordWrap(false);

    auto* side = new QSplitter(Qt::Vertical, this);
    side->addWidget(explainer_);
    side->addWidget(steps_);
    side->addWidget(log_);
    side->setStretchFactor(0, 2);
    side->setStretchFactor(1, 1);
    side->setStretchFactor(2, 2);
    // RFC 9293's state diagram beside the ladder, the same moment on both.
    states_ = new TcpStateDiagramView(this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("lessonSplitter"));
    split->addWidget(view_);
    split->addWidget(states_);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    split->setSizes({560, 520, 320});

    restart_ = new QPushButton(this);
    back_ = new QPushButton(this);
    play_ = new QPushButton(this);
    forward_ = new QPushButton(this);
    scrubber_ = new QSlider(Qt::Horizontal, this);
    position_ = new QLabel(this);
    position_->setMinimumWidth(90);
    speed_ = new QSlider(Qt::Horizontal, this);
    speed_->setObjectName(QStringLiteral("speedSlider"));
    speed_->setRange(0, 100);
    speed_->setValue(ReplayPlayer::sliderFromSpeed(1.0, 100));
    speed_->setMaximumWidth(220);
    speedLabel_ = new QLabel(this);
    speedLabel_->setMinimumWidth(80);
    realTime_ = new QCheckBox(this);
    restart_->setObjectName(QStringLiteral("replayRestart"));
    back_->setObjectName(QStringLiteral("replayBack"));
    play_->setObjectName(QStringLiteral("replayPlay"));
    forward_->setObjectName(QStringLiteral("replayForward"));
    realTime_->setObjectName(QStringLiteral("replayRealTime"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(restart_);
    bar->addWidget(back_);
    bar->addWidget(play_);
    bar->addWidget(forward_);
    bar->addWidget(scrubber_, 1);
    bar->addWidget(position_);
    bar->addSpacing(12);
    bar->addWidget(speed_);
    bar->addWidget(speedLabel_);
    bar->addWidget(realTime_);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    second->addWidget(summary_, 1);
    layout->addLayout(second);
    layout->addWidget(note_);
    layout->addWidget(split, 1);
    layout->addLayout(bar);

    connect(run_, &QPushButton::clicked, this,
            [this] { startLesson(lessons_->currentData().toString(), stepMode_->isChecked()); });
    connect(next_, &QPushButton::clicked, this, &LessonPanel::nextStep);
    connect(stop_, &QPushButton::clicked, this, &LessonPanel::stopLesson);
    connect(lessons_, &QComboBox::currentIndexChanged, this, [this] { retranslate(); });
    connect(source_, &QComboBox::currentIndexChanged, this, &LessonPanel::rebuildLadder);
    connect(numbers_, &QComboBox::currentIndexChanged, this,
            [this] { view_->setNumbers(LadderPainter::Numbers(numbers_->currentData().toInt())); });
    connect(dark_, &QCheckBox::toggled, this, [this](bool on) {
        view_->setTheme(on ? LadderPainter::Theme::Dark : LadderPainter::Theme::Light);
        states_->setTheme(on ? TcpStateDiagram::Theme::Dark : TcpStateDiagram::Theme::Light);
    });
    // A click on a transition goes to its segment, on a moment of a state to that moment.
    connect(states_, &TcpStateDiagramView::itemRequested, this, [this](int count) {
        follow_ = false;
        player_->pause();
        player_->seek(count);
    });
    connect(open_, &QPushButton::clicked, this, &LessonPanel::openWithDialog);
    connect(save_, &QPushButton::clicked, this, &LessonPanel::saveWithDialog);
    connect(export_, &QPushButton::clicked, this, &LessonPanel::exportWithDialog);
    connect(slides_, &QPushButton::clicked, this, &LessonPanel::exportSlidesWithDialog);

    connect(restart_, &QPushButton::clicked, player_, &ReplayPlayer::restart);
    connect(back_, &QPushButton::clicked, player_, &ReplayPlayer::stepBack);
    connect(play_, &QPushButton::clicked, player_, &ReplayPlayer::togglePlay);
    connect(forward_, &QPushButton::clicked, player_, &ReplayPlayer::stepForward);
    connect(scrubber_, &QSlider::valueChanged, this, [this](int v) {
        if (v != player_->position()) {
            follow_ = false;
            player_->pause();
            player_->seek(v);
        }
    });
    connect(speed_, &QSlider::valueChanged, this, [this](int v) {
        player_->setSpeed(ReplayPlayer::speedFromSlider(v, 100));
        retranslate();
    });
    connect(realTime_, &QCheckBox::toggled, this, [this](bool on) {
        player_->setRealTime(on);
        speed_->setEnabled(!on);
    });
    // The diagram's own keys (N/P, arrows, Space, Home) drive the same player.
    connect(view_, &LadderView::stepRequested, this,
            [this](int delta) { delta > 0 ? stepForward() : stepBack(); });
    connect(view_, &LadderView::playPauseRequested, player_, &ReplayPlayer::togglePlay);
    connect(view_, &LadderView::restartRequested, player_, &ReplayPlayer::restart);
    connect(view_, &LadderView::itemClicked, this, [this](int item) {
        follow_ = false;
        player_->pause();
        player_->seek(item + 1);
    });
    connect(log_, &QTableView::clicked, this,
            [this](const QModelIndex& i) { onLogRowClicked(i.row()); });
}

void LessonPanel::retranslate()
{
    for (int i = 0; i < lessons_->count(); ++i) {
        const Lesson* l = Lessons::find(lessons_->itemData(i).toString());
        if (l) {
            lessons_->setItemText(i, Lessons::title(*l));
            lessons_->setItemData(i, Lessons::summary(*l), Qt::ToolTipRole);
        }
    }
    if (const Lesson* l = Lessons::find(lessons_->currentData().toString()))
        summary_->setText(Lessons::summary(*l));
    lessons_->setToolTip(tr("The lesson to run on real sockets."));
    stepMode_->setText(tr("Step mode"));
    stepMode_->setToolTip(tr("Wait for the teacher before each application action. Between "
                             "steps the kernel really holds the state (e.g. FIN-WAIT-2 and "
                             "CLOSE-WAIT after a half-close)."));
    loss_->setPrefix(tr("Loss "));
    loss_->setSuffix(tr(" %"));
    loss_->setSpecialValueText(tr("No loss"));
    loss_->setToolTip(tr("Real loss (root only): drop this share of the TCP data segments sent to "
                         "the lesson's server with an nftables rule, so the wire shows TCP "
                         "sending them again; UDP steps go through the relay with the same "
                         "loss. The rule is removed when the lesson ends."));
    run_->setText(tr("Run lesson"));
    empty_->setText(tr("No lesson drawn yet"),
                    tr("“%1” runs the chosen lesson on real sockets and draws every segment "
                       "here as it happens, with each side's state. Or open a recording (Ctrl+O).")
                        .arg(run_->text()));
    empty_->setAction(run_->text(), [this] {
        startLesson(lessons_->currentData().toString(), stepMode_->isChecked());
    });
    next_->setText(tr("Step"));
    next_->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    next_->setToolTip(tr("Run the next application action (F5, or N in the diagram)."));
    stop_->setText(tr("Stop"));
    source_->setItemText(0, tr("Wire (captured)"));
    source_->setItemText(1, tr("TCP model"));
    source_->setToolTip(tr("Draw the arrows from the real captured segments, or from the RFC "
                           "9293 model derived from what the programs did."));
    numbers_->setItemText(0, tr("Textbook numbers (x, y)"));
    numbers_->setItemText(1, tr("Real numbers"));
    dark_->setText(tr("Dark"));
    open_->setText(tr("Open…"));
    open_->setToolTip(tr("Open a saved recording (works without a network)."));
    save_->setText(tr("Save…"));
    save_->setToolTip(tr("Save this session as a recording (JSON Lines)."));
    export_->setText(tr("Export…"));
    export_->setToolTip(tr("Export the diagram as PNG or SVG for slides."));
    slides_->setText(tr("Slides…"));
    slides_->setToolTip(tr("Export the lesson as slides: one picture per step with its "
                           "explanation, and an index.html that shows them in order."));
    restart_->setText(tr("Restart"));
    restart_->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    restart_->setToolTip(tr("Back to the beginning (Home)."));
    back_->setText(tr("Back"));
    back_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    back_->setToolTip(tr("One step back (P or Left)."));
    play_->setToolTip(tr("Play or pause (Space)."));
    forward_->setText(tr("Forward"));
    forward_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    forward_->setToolTip(tr("One step forward (N or Right)."));
    scrubber_->setToolTip(tr("Drag to any moment of the recording."));
    speed_->setToolTip(tr("Playback speed, on a log scale: 0.1 to 10 steps a second."));
    speedLabel_->setText(tr("%1 steps/s").arg(player_->speed(), 0, 'f', 1));
    realTime_->setText(tr("Real time"));
    realTime_->setToolTip(tr("Keep the real gaps between steps (on loopback most are "
                             "microseconds; the delayed ACK is 40 ms)."));
    position_->setText(tr("%1 / %2").arg(player_->position()).arg(player_->itemCount()));
    view_->setTitle(lessonName_.isEmpty()
                        ? tr("Ladder")
                        : (Lessons::find(lessonName_) ? Lessons::title(*Lessons::find(lessonName_))
                                                      : lessonName_));
    updateStepList();
}

void LessonPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange && note_)
        styleNote();
    QWidget::changeEvent(event);
}

void LessonPanel::selectLesson(const QString& name, bool stepMode)
{
    const int i = lessons_->findData(name);
    if (i >= 0)
        lessons_->setCurrentIndex(i);
    stepMode_->setChecked(stepMode);
}

bool LessonPanel::startLesson(const QString& name, bool stepMode)
{
    const Lesson* lesson = Lessons::find(name);
    if (!lesson)
        return false;
    runner_->stop();
    player_->pause();
    lessonName_ = name;
    const int i = lessons_->findData(name);
    if (i >= 0)
        lessons_->setCurrentIndex(i);
    stepMode_->setChecked(stepMode);
    events_.clear();
    logModel_->setEvents(&events_);
    follow_ = true;
    recording_ = true;
    runner_->setStepMode(stepMode);
    runner_->setStepDelayMs(stepMode ? 0 : autoStepDelayMs_);
    runner_->setLossPercent(loss_->value());
    rebuildLadder();
    retranslate();
    if (!runner_->start(*lesson)) {
        recording_ = false;
        // The lesson's own refusal (real loss without permission) says why in a sentence.
        QString why = tr("The lesson could not start its server; see the log.");
        for (auto e = events_.rbegin(); e != events_.rend(); ++e) {
            if (e->socket == QLatin1String("lesson") && e->event == ev::Error) {
                why = e->detail;
                break;
            }
        }
        showNote(why, true);
        updateButtons();
        return false;
    }
    view_->setFocus();
    updateButtons();
    return true;
}

void LessonPanel::nextStep()
{
    follow_ = true;
    runner_->next();
}

void LessonPanel::stepForward()
{
    follow_ = false;
    if (runner_->isWaitingForTeacher() && player_->position() >= player_->itemCount()) {
        nextStep();
        return;
    }
    player_->stepForward();
}

void LessonPanel::stepBack()
{
    follow_ = false;
    player_->stepBack();
}

void LessonPanel::trigger(Control control)
{
    QAbstractButton* button = nullptr;
    switch (control) {
    case Control::Run:
        button = run_;
        break;
    case Control::Step:
        button = next_;
        break;
    case Control::Stop:
        button = stop_;
        break;
    case Control::Play:
        button = play_;
        break;
    case Control::Restart:
        button = restart_;
        break;
    case Control::RealTime:
        button = realTime_;
        break;
    }
    if (button)
        button->click(); // a disabled button stays disabled: click() does nothing then
}

void LessonPanel::changeSpeed(int delta)
{
    if (speed_->isEnabled())
        speed_->setValue(speed_->value() + delta);
}

void LessonPanel::setDarkLadder(bool dark)
{
    if (dark_->isChecked() != dark)
        dark_->click();
}

void LessonPanel::stopLesson()
{
    runner_->stop();
}

bool LessonPanel::isRunning() const
{
    return runner_->isRunning();
}

void LessonPanel::scheduleRebuild()
{
    if (!rebuild_->isActive())
        rebuild_->start();
}

void LessonPanel::rebuildLadder()
{
    ladder_ = Ladder::fromEvents(events_, source_->currentData().toString());
    const int count = int(ladder_.items.size());
    std::vector<qint64> times;
    times.reserve(count);
    for (const LadderItem& it : ladder_.items)
        times.push_back(it.t_us);
    const int before = player_->position();
    view_->setLadder(ladder_);
    states_->setLadder(ladder_);
    player_->setItemCount(count, times);
    logModel_->grow();
    scrubber_->setRange(0, count);
    if (recording_ && follow_ && count > before) {
        // Live: show what just happened; the newest arrow's packet travels along it.
        player_->seek(count);
        view_->setCurrentItem(count - 1, true);
    } else {
        onPosition(player_->position());
    }
    if (ladder_.source == ev::Model && source_->currentData().toString() == ev::Wire && wire_ &&
        !wire_->isActive() && !events_.empty())
        showNote(tr("Wire capture is not permitted here, so the arrows come from the TCP model "
                    "(see README: setcap cap_net_raw,cap_net_admin=eip)."),
                 false);
    retranslate();
}

void LessonPanel::onPosition(int position)
{
    view_->setShownItems(position);
    view_->setCurrentItem(position - 1, player_->isPlaying());
    states_->setShownItems(position, player_->isPlaying() || (recording_ && follow_));
    if (scrubber_->value() != position) {
        const QSignalBlocker block(scrubber_);
        scrubber_->setValue(position);
    }
    position_->setText(tr("%1 / %2").arg(position).arg(player_->itemCount()));
    // Highlight the log row of the current item.
    int row = -1;
    if (position > 0 && position <= int(ladder_.items.size())) {
        const LadderItem& it = ladder_.items[position - 1];
        qint64 idx = -1;
        if (it.kind == LadderItem::Kind::Arrow)
            idx = ladder_.arrows[it.index].eventIndex;
        else if (it.kind == LadderItem::Kind::Marker)
            idx = ladder_.markers[it.index].eventIndex;
        else
            idx = ladder_.states[it.index].eventIndex;
        if (idx < 0) {
            // A derived item: the first event at or after its time.
            for (std::size_t i = 0; i < events_.size(); ++i) {
                if (events_[i].t_us >= it.t_us) {
                    idx = qint64(i);
                    break;
                }
            }
        }
        row = int(idx);
    }
    logModel_->setCurrent(row);
    if (row >= 0)
        log_->scrollTo(logModel_->index(row, 0));
}

void LessonPanel::onLogRowClicked(int row)
{
    if (row < 0 || row >= int(events_.size()))
        return;
    // The last item at or before this event's moment.
    const qint64 t = events_[row].t_us;
    int position = 0;
    for (int i = 0; i < int(ladder_.items.size()); ++i) {
        if (ladder_.items[i].t_us <= t)
            position = i + 1;
    }
    follow_ = false;
    player_->pause();
    player_->seek(position);
    onPosition(position);
}

void LessonPanel::updateButtons()
{
    const bool running = runner_->isRunning();
    run_->setEnabled(!running);
    lessons_->setEnabled(!running);
    stepMode_->setEnabled(!running);
    next_->setEnabled(running && runner_->isWaitingForTeacher());
    stop_->setEnabled(running);
    const bool haveItems = player_->itemCount() > 0;
    for (QWidget* w : {static_cast<QWidget*>(restart_), static_cast<QWidget*>(back_),
                       static_cast<QWidget*>(play_), static_cast<QWidget*>(forward_),
                       static_cast<QWidget*>(scrubber_)})
        w->setEnabled(haveItems);
    save_->setEnabled(!events_.empty() && !running);
    export_->setEnabled(haveItems);
    slides_->setEnabled(haveItems && !running);
    open_->setEnabled(!running);
    play_->setText(player_->isPlaying() ? tr("Pause") : tr("Play"));
    play_->setIcon(
        style()->standardIcon(player_->isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void LessonPanel::updateStepList()
{
    if (!steps_)
        return;
    steps_->clear();
    const Lesson* l =
        Lessons::find(lessonName_.isEmpty() ? lessons_->currentData().toString() : lessonName_);
    if (!l)
        return;
    const int current = runner_->isRunning() ? runner_->currentStep() : -1;
    for (int i = 0; i < int(l->steps.size()); ++i) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1. %2").arg(i + 1).arg(Lessons::title(l->steps[i])), steps_);
        item->setToolTip(Lessons::explanation(l->steps[i]));
        if (current >= 0 && i < current) {
            item->setForeground(QColor(90, 90, 90));
        } else if (i == current) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
            item->setText(QStringLiteral("▶ ") + item->text());
        }
    }
}

void LessonPanel::showNote(const QString& text, bool bad)
{
    note_->setVisible(!text.isEmpty());
    note_->setText(text);
    note_->setProperty("bad", bad);
    styleNote();
    if (!text.isEmpty())
        emit statusMessage(text);
}

void LessonPanel::styleNote()
{
    // Readable on the light and the dark theme alike.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const bool bad = note_->property("bad").toBool();
    note_->setStyleSheet(
        bad ? QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                  .arg(StageColors::problemInk(dark).name())
            : QStringLiteral("QLabel { color: %1; }").arg(StageColors::infoInk(dark).name()));
}

void LessonPanel::setEvents(std::vector<Event> events, const QString& lesson)
{
    runner_->stop();
    recording_ = false;
    follow_ = false;
    player_->pause();
    events_ = std::move(events);
    logModel_->setEvents(&events_);
    lessonName_ = lesson;
    const int i = lessons_->findData(lesson);
    if (i >= 0)
        lessons_->setCurrentIndex(i);
    rebuildLadder();
    player_->seek(0);
    onPosition(0);
    updateButtons();
}

void LessonPanel::openRecording(const QString& path)
{
    auto* watcher = new QFutureWatcher<std::pair<std::optional<Recording>, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        auto [rec, error] = watcher->result();
        watcher->deleteLater();
        if (!rec) {
            showNote(tr("Nothing was opened. %1").arg(error), true);
            emit recordingFailed(error);
            return;
        }
        setEvents(std::move(rec->events), rec->header.lesson);
        showNote(tr("Opened %1: %n step(s). Press Play or Forward.", nullptr, player_->itemCount())
                     .arg(QFileInfo(path).fileName()),
                 false);
        emit recordingOpened(path);
    });
    watcher->setFuture(QtConcurrent::run([path] {
        QString error;
        std::optional<Recording> rec = RecordingFile::load(path, &error);
        return std::make_pair(std::move(rec), error);
    }));
}

void LessonPanel::saveRecording(const QString& path)
{
    Recording rec;
    rec.header.appVersion = QCoreApplication::applicationVersion();
    rec.header.lesson = lessonName_;
    rec.header.capture = ladder_.source;
    rec.events = events_; // a copy: the GUI goes on while the file is written
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty()) {
            showNote(error, true);
            emit recordingFailed(error);
            return;
        }
        showNote(tr("Saved %1.").arg(QFileInfo(path).fileName()), false);
        emit recordingSaved(path);
    });
    watcher->setFuture(QtConcurrent::run([path, rec] {
        QString error;
        RecordingFile::save(path, rec, &error);
        return error;
    }));
}

bool LessonPanel::exportDiagram(const QString& path, QString* error) const
{
    return view_->saveImage(path, error);
}

void LessonPanel::openWithDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a recording"), QString(),
                                     tr("NetStage recordings (*.jsonl *.netstage);;All files (*)"));
    if (!path.isEmpty())
        openRecording(path);
}

void LessonPanel::saveWithDialog()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save the recording"),
        (lessonName_.isEmpty() ? QStringLiteral("session") : lessonName_) +
            QStringLiteral(".netstage.jsonl"),
        tr("NetStage recordings (*.jsonl *.netstage)"));
    if (!path.isEmpty())
        saveRecording(path);
}

void LessonPanel::exportWithDialog()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the diagram"),
        (lessonName_.isEmpty() ? QStringLiteral("ladder") : lessonName_) + QStringLiteral(".png"),
        tr("PNG image (*.png);;SVG drawing (*.svg)"), &selected);
    if (path.isEmpty())
        return;
    QString error;
    if (exportDiagram(path, &error))
        showNote(tr("Exported %1.").arg(QFileInfo(path).fileName()), false);
    else
        showNote(tr("Nothing was exported: %1").arg(error), true);
}

void LessonPanel::exportSlides(const QString& dir)
{
    LadderPainter::Options options = view_->options();
    options.zoom = 1.0;
    options.stickyHeader = false;
    // Drawn here (fonts belong to the GUI thread); only the PNG encoding and the file writes go
    // to the worker.
    SlideDeck deck = SlidesExport::render(events_, ladder_, lessonName_, options);
    const int count = int(deck.images.size());
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, dir, count] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty()) {
            showNote(tr("No slides were written: %1").arg(error), true);
            emit slidesExported(dir, -1, error);
            return;
        }
        showNote(tr("Wrote %n slide(s) and index.html to %1.", nullptr, count)
                     .arg(QDir::toNativeSeparators(dir)),
                 false);
        emit slidesExported(dir, count, QString());
    });
    watcher->setFuture(QtConcurrent::run(
        [deck = std::move(deck), dir] { return SlidesExport::write(deck, dir); }));
}

void LessonPanel::exportSlidesWithDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Choose a folder for the slides"),
        QDir::home().filePath(lessonName_.isEmpty() ? QStringLiteral("slides") : lessonName_));
    if (!dir.isEmpty())
        exportSlides(dir);
}

} // namespace netstage
