#include "ui/url/url_panel.h"

#include "core/base/timeline.h"
#include "core/format/recording.h"
#include "core/ladder/ladder.h"
#include "core/lessons/replay_player.h"
#include "core/observe/wire_capture.h"
#include "core/url/url_walk.h"
#include "ui/common/empty_state.h"
#include "ui/common/stage_colors.h"
#include "ui/http/http_exchange_view.h"
#include "ui/ladder/ladder_view.h"
#include "ui/url/url_step_model.h"
#include "ui/url/waterfall_chart.h"

#include <QCheckBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace netstage {

namespace {
const QString kDefaultUrl = QStringLiteral("http://example.test/");
const QString kRecordingName = QStringLiteral("url-walk");
// A walk has several connections side by side: smaller than the lessons' ladder.
constexpr qreal kLadderZoom = 0.6;
} // namespace

UrlPanel::UrlPanel(Timeline* timeline, KernelObserver* observer, WireCapture* wire, QWidget* parent)
    : QWidget(parent), timeline_(timeline), walk_(new UrlWalk(timeline, observer, wire, this)),
      flushTimer_(new QTimer(this)), ladderTimer_(new QTimer(this)), player_(new ReplayPlayer(this))
{
    setObjectName(QStringLiteral("urlPanel"));
    buildUi();
    retranslate();

    // The sink only collects: the views take the new events in one batch per frame.
    sink_ = timeline_->addSink([this](const Event& e) {
        if (live_ && filter_.take(e)) {
            pending_.push_back(e);
            if (!flushTimer_->isActive())
                flushTimer_->start();
        }
    });
    flushTimer_->setSingleShot(true);
    flushTimer_->setInterval(30);
    connect(flushTimer_, &QTimer::timeout, this, &UrlPanel::flush);
    ladderTimer_->setSingleShot(true);
    ladderTimer_->setInterval(120);
    connect(ladderTimer_, &QTimer::timeout, this, &UrlPanel::rebuildLadder);

    connect(walk_, &UrlWalk::waitingForNext, this, &UrlPanel::onWaiting);
    connect(walk_, &UrlWalk::finished, this, &UrlPanel::onFinished);
    updateButtons();
    addEmptyStates();
}

UrlPanel::~UrlPanel()
{
    timeline_->removeSink(sink_);
}

void UrlPanel::buildUi()
{
    auto* layout = new QVBoxLayout(this);

    auto* bar = new QHBoxLayout;
    urlLabel_ = new QLabel(this);
    urlEdit_ = new QLineEdit(kDefaultUrl, this);
    urlEdit_->setObjectName(QStringLiteral("urlEdit"));
    urlEdit_->setClearButtonEnabled(true);
    urlLabel_->setBuddy(urlEdit_);
    goButton_ = new QPushButton(this);
    goButton_->setObjectName(QStringLiteral("urlGo"));
    goButton_->setDefault(true);
    visitsLabel_ = new QLabel(this);
    visits_ = new QSpinBox(this);
    visits_->setObjectName(QStringLiteral("urlVisits"));
    visits_->setRange(1, 5);
    visitsLabel_->setBuddy(visits_);
    stepMode_ = new QCheckBox(this);
    stepMode_->setObjectName(QStringLiteral("urlStepMode"));
    delayLabel_ = new QLabel(this);
    delay_ = new QSpinBox(this);
    delay_->setObjectName(QStringLiteral("urlStepDelay"));
    delay_->setRange(0, 5000);
    delay_->setSingleStep(100);
    delayLabel_->setBuddy(delay_);
    nextButton_ = new QPushButton(this);
    nextButton_->setObjectName(QStringLiteral("urlNext"));
    stopButton_ = new QPushButton(this);
    stopButton_->setObjectName(QStringLiteral("urlStop"));
    bar->addWidget(urlLabel_);
    bar->addWidget(urlEdit_, 1);
    bar->addWidget(goButton_);
    bar->addSpacing(12);
    bar->addWidget(visitsLabel_);
    bar->addWidget(visits_);
    bar->addSpacing(12);
    bar->addWidget(stepMode_);
    bar->addWidget(nextButton_);
    bar->addSpacing(12);
    bar->addWidget(delayLabel_);
    bar->addWidget(delay_);
    bar->addWidget(stopButton_);
    layout->addLayout(bar);

    auto* bar2 = new QHBoxLayout;
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("urlNote"));
    note_->setWordWrap(true);
    saveButton_ = new QPushButton(this);
    saveButton_->setObjectName(QStringLiteral("urlSave"));
    openButton_ = new QPushButton(this);
    openButton_->setObjectName(QStringLiteral("urlOpen"));
    bar2->addWidget(note_, 1);
    bar2->addWidget(saveButton_);
    bar2->addWidget(openButton_);
    layout->addLayout(bar2);

    // Replay of a saved walk: one step of the player is one phase of the walk.
    replayBar_ = new QWidget(this);
    replayBar_->setObjectName(QStringLiteral("urlReplayBar"));
    auto* bar3 = new QHBoxLayout(replayBar_);
    bar3->setContentsMargins(0, 0, 0, 0);
    back_ = new QPushButton(replayBar_);
    back_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    play_ = new QPushButton(replayBar_);
    forward_ = new QPushButton(replayBar_);
    forward_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    slider_ = new QSlider(Qt::Horizontal, replayBar_);
    slider_->setObjectName(QStringLiteral("urlReplaySlider"));
    position_ = new QLabel(replayBar_);
    bar3->addWidget(back_);
    bar3->addWidget(play_);
    bar3->addWidget(forward_);
    bar3->addWidget(slider_, 1);
    bar3->addWidget(position_);
    replayBar_->hide();
    layout->addWidget(replayBar_);
    player_->setSpeed(1.5);
    connect(back_, &QPushButton::clicked, player_, &ReplayPlayer::stepBack);
    connect(play_, &QPushButton::clicked, player_, &ReplayPlayer::togglePlay);
    connect(forward_, &QPushButton::clicked, player_, &ReplayPlayer::stepForward);
    connect(slider_, &QSlider::valueChanged, this, [this](int v) {
        if (v != player_->position()) {
            player_->pause();
            player_->seek(v);
        }
    });
    connect(player_, &ReplayPlayer::positionChanged, this, &UrlPanel::onReplayPosition);
    connect(player_, &ReplayPlayer::playingChanged, this, [this] { updateButtons(); });

    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    steps_ = new QTreeView(left);
    steps_->setObjectName(QStringLiteral("urlSteps"));
    model_ = new UrlStepModel(this);
    steps_->setModel(model_);
    steps_->setUniformRowHeights(true);
    steps_->setAlternatingRowColors(false);
    steps_->setSelectionBehavior(QAbstractItemView::SelectRows);
    steps_->header()->setStretchLastSection(true);
    steps_->setColumnWidth(UrlStepModel::PhaseColumn, 350);
    steps_->header()->setSectionResizeMode(UrlStepModel::StartColumn,
                                           QHeaderView::ResizeToContents);
    steps_->header()->setSectionResizeMode(UrlStepModel::DurationColumn,
                                           QHeaderView::ResizeToContents);
    explain_ = new QLabel(left);
    explain_->setObjectName(QStringLiteral("urlExplain"));
    explain_->setWordWrap(true);
    explain_->setTextFormat(Qt::PlainText);
    explain_->setMinimumHeight(64);
    explain_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    explain_->setFrameShape(QFrame::StyledPanel);
    explain_->setMargin(6);
    QFont big = explain_->font();
    big.setPointSizeF(big.pointSizeF() * 1.1);
    explain_->setFont(big);
    leftLayout->addWidget(steps_, 1);
    leftLayout->addWidget(explain_);

    auto* right = new QSplitter(Qt::Vertical, split);
    tabs_ = new QTabWidget(right);
    tabs_->setObjectName(QStringLiteral("urlTabs"));
    auto* ladderBox = new QWidget(tabs_);
    auto* ladderLayout = new QVBoxLayout(ladderBox);
    ladderLayout->setContentsMargins(0, 0, 0, 0);
    ladderNote_ = new QLabel(ladderBox);
    ladderNote_->setObjectName(QStringLiteral("urlLadderNote"));
    ladderNote_->setWordWrap(true);
    ladder_ = new LadderView(ladderBox);
    ladder_->setObjectName(QStringLiteral("urlLadder"));
    ladder_->setAnimationDuration(0);
    ladder_->setZoom(kLadderZoom);
    wholeButton_ = new QPushButton(ladderBox);
    wholeButton_->setObjectName(QStringLiteral("urlWholeWalk"));
    auto* ladderBar = new QHBoxLayout;
    ladderBar->addWidget(ladderNote_, 1);
    ladderBar->addWidget(wholeButton_);
    ladderLayout->addLayout(ladderBar);
    ladderLayout->addWidget(ladder_, 1);
    tabs_->addTab(ladderBox, QString());
    auto* pageBox = new QWidget(tabs_);
    auto* pageLayout = new QVBoxLayout(pageBox);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageNote_ = new QLabel(pageBox);
    pageNote_->setObjectName(QStringLiteral("urlPageNote"));
    pageNote_->setWordWrap(true);
    page_ = new HttpPageBrowser(pageBox);
    page_->setObjectName(QStringLiteral("urlPage"));
    pageLayout->addWidget(pageNote_);
    pageLayout->addWidget(page_, 1);
    tabs_->addTab(pageBox, QString());
    waterfall_ = new WaterfallChart(right);
    waterfall_->setHeightRange(160, 300);
    right->addWidget(tabs_);
    right->addWidget(waterfall_);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 5);
    // The steps' sentences need room: about two fifths of the width to start with.
    split->setSizes({620, 780});
    right->setSizes({480, 300});
    layout->addWidget(split, 1);

    connect(goButton_, &QPushButton::clicked, this, &UrlPanel::go);
    connect(urlEdit_, &QLineEdit::returnPressed, this, &UrlPanel::go);
    connect(nextButton_, &QPushButton::clicked, this, &UrlPanel::next);
    connect(stopButton_, &QPushButton::clicked, this, &UrlPanel::stop);
    connect(wholeButton_, &QPushButton::clicked, this, [this] {
        shownPhase_ = -1;
        steps_->selectionModel()->clear();
        scheduleLadder();
    });
    connect(saveButton_, &QPushButton::clicked, this, &UrlPanel::saveWithDialog);
    connect(openButton_, &QPushButton::clicked, this, &UrlPanel::openWithDialog);
    // F5 and N run the next phase anywhere in the tab (a line edit keeps its letters).
    for (const QKeySequence& keys : {QKeySequence(Qt::Key_F5), QKeySequence(Qt::Key_N)}) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, [this] {
            if (isWaiting())
                next();
            else if (replay_)
                player_->stepForward();
        });
    }
    connect(steps_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid())
                    return;
                const int row = current.parent().isValid() ? current.parent().row() : current.row();
                shownPhase_ = row;
                showPhase(row);
                scheduleLadder();
            });
    connect(model_, &UrlStepModel::phaseBegan, this, [this](int row) {
        if (shownPhase_ < 0) {
            showPhase(row);
            steps_->scrollTo(model_->index(row, 0));
        }
    });
    connect(model_, &UrlStepModel::phaseEnded, this, [this](int row) {
        if (shownPhase_ < 0 || shownPhase_ == row)
            showPhase(row);
        if (model_->phase(row).phase == QLatin1String("render") && live_)
            renderPage();
    });
}

void UrlPanel::retranslate()
{
    urlLabel_->setText(tr("&URL:"));
    urlEdit_->setPlaceholderText(tr("http://example.test/ or http://localhost:8080/"));
    urlEdit_->setToolTip(tr("Any http:// address. Names under example.test are answered by the "
                            "DNS servers and the demo site this tab starts on this machine."));
    goButton_->setText(tr("&Go"));
    visitsLabel_->setText(tr("&Visits:"));
    visits_->setToolTip(tr("Walk the same URL this many times: the second visit finds the name "
                           "in the browser's DNS cache."));
    stepMode_->setText(tr("&Step mode"));
    stepMode_->setToolTip(tr("Pause before each phase until you press Next (F5 or N)."));
    delayLabel_->setText(tr("&Pause between steps:"));
    delay_->setSuffix(tr(" ms"));
    delay_->setToolTip(tr("Wait this long before each phase, to follow the walk in class "
                          "(0 = real speed; the pauses are not counted in any timing)."));
    nextButton_->setText(tr("&Next"));
    nextButton_->setToolTip(tr("Run the phase that waits (F5 or N)."));
    stopButton_->setText(tr("S&top"));
    saveButton_->setText(tr("Save walk…"));
    saveButton_->setToolTip(tr("Save the walk's events as a recording that opens without a "
                               "network."));
    openButton_->setText(tr("Open walk…"));
    openButton_->setToolTip(tr("Open a saved walk and replay its steps, waterfall and ladder."));
    wholeButton_->setText(tr("Whole walk"));
    wholeButton_->setToolTip(tr("Show every connection of the walk on the ladder."));
    back_->setText(tr("Back"));
    forward_->setText(tr("Forward"));
    slider_->setToolTip(tr("Go to any step of the saved walk."));
    tabs_->setTabText(0, tr("Ladder"));
    tabs_->setTabText(1, tr("Page"));
    page_->setToolTip(tr("The page as Qt's rich-text engine draws it."));
    if (note_->text().isEmpty())
        showNote(tr("Type a URL and press Go. http://example.test/ walks the built-in demo "
                    "site: its DNS servers and web server run on this machine."),
                 false);
    if (pageNote_->text().isEmpty() || page_->document()->isEmpty())
        pageNote_->setText(tr("The page appears here when the walk reaches the render step. "
                              "Qt's rich-text engine draws a subset of HTML and CSS (text, "
                              "colours, fonts, tables, images); it runs no JavaScript, so this "
                              "is a sketch of the page, not a browser's rendering."));
    if (ladderNote_->text().isEmpty())
        ladderNote_->setText(tr("Select a step to see only its connection."));
    if (explain_->text().isEmpty())
        explain_->setText(tr("Each step of the walk lights up here as it happens; open a step "
                             "to see its events."));
    describeEmptyStates();
}

void UrlPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void UrlPanel::setUrl(const QString& url)
{
    urlEdit_->setText(url);
}

QString UrlPanel::url() const
{
    return urlEdit_->text().trimmed();
}

void UrlPanel::setVisits(int visits)
{
    visits_->setValue(visits);
}

void UrlPanel::setStepMode(bool on)
{
    stepMode_->setChecked(on);
}

void UrlPanel::setStepDelay(int ms)
{
    delay_->setValue(ms);
}

bool UrlPanel::isRunning() const
{
    return walk_->running();
}

bool UrlPanel::go()
{
    if (walk_->running()) {
        showNote(tr("A walk is under way: stop it first."), true);
        return false;
    }
    const QString text = url();
    QUrl u;
    if (!text.isEmpty()) {
        u = QUrl::fromUserInput(text);
        if (!u.isValid() || u.scheme() != QLatin1String("http") || u.host().isEmpty()) {
            showNote(tr("\"%1\" is not an http:// URL (e.g. http://example.test/).").arg(text),
                     true);
            return false;
        }
    }
    // A new walk: the views start empty and follow the timeline again.
    flushTimer_->stop();
    pending_.clear();
    model_->clear();
    filter_.clear();
    waterfall_->reset();
    ladder_->setLadder(Ladder());
    page_->clear();
    explain_->clear();
    retranslate(); // the empty panes say again what they will show
    shownPhase_ = -1;
    waitingFor_.clear();
    replay_ = false;
    player_->pause();
    replayBar_->hide();
    replayEvents_.clear();
    live_ = true;
    UrlWalkOptions options;
    // example.test or www.example.test with no port walks the built-in site (the walk starts
    // it on a free port); any other http:// server is walked as it is.
    options.url = u;
    options.visits = visits_->value();
    options.stepMode = stepMode_->isChecked();
    options.stepDelayMs = delay_->value();
    const QString shown = text.isEmpty() ? kDefaultUrl : text;
    showNote(options.stepMode ? tr("Walking %1 in step mode.").arg(shown)
                              : tr("Walking %1…").arg(shown),
             false);
    walk_->start(options);
    updateButtons();
    return true;
}

void UrlPanel::next()
{
    if (replay_ && !isWaiting()) {
        player_->stepForward();
        return;
    }
    if (!isWaiting())
        return;
    waitingFor_.clear();
    walk_->next();
    updateButtons();
}

void UrlPanel::stop()
{
    if (walk_->running())
        walk_->stop();
    waitingFor_.clear();
    updateButtons();
}

void UrlPanel::onWaiting(const QString& nextPhase)
{
    waitingFor_ = nextPhase;
    flush(); // what led here is on screen before the pause
    showNote(tr("Step mode: next comes \"%1\". Press Next (F5 or N) to run it.")
                 .arg(UrlStepModel::phaseTitle(nextPhase)),
             false);
    updateButtons();
}

void UrlPanel::onFinished(bool ok, const QString& sentence)
{
    waitingFor_.clear();
    timeline_->flush(); // the walk's last events are still in the timeline's reorder window
    flush();
    showNote(sentence, !ok);
    if (ok)
        renderPage();
    live_ = false;
    updateButtons();
    emit statusMessage(sentence);
    emit walkFinished(ok);
}

void UrlPanel::take(const Event& e)
{
    model_->addEvent(e);
    waterfall_->addEvent(e);
}

void UrlPanel::flush()
{
    if (pending_.empty())
        return;
    std::vector<Event> batch;
    batch.swap(pending_);
    for (const Event& e : batch)
        take(e);
    scheduleLadder();
}

void UrlPanel::scheduleLadder()
{
    if (!ladderTimer_->isActive())
        ladderTimer_->start();
}

void UrlPanel::rebuildLadder()
{
    // The connections of the chosen step, or of the whole walk.
    QStringList sockets;
    QString title;
    if (shownPhase_ >= 0 && shownPhase_ < model_->phaseCount()) {
        const UrlStepModel::Phase& ph = model_->phase(shownPhase_);
        for (const QString& s : ph.sockets) {
            if (s.startsWith(QLatin1String("url-client")) || s.startsWith(QLatin1String("dns-")))
                sockets << s;
        }
        title = sockets.isEmpty() ? QString()
                                  : tr("%1: %2").arg(UrlStepModel::phaseTitle(ph.phase),
                                                     sockets.join(QLatin1String(", ")));
    }
    // Both ends of the chosen connections: the client's socket and, by its endpoint, the
    // server's (whose segments the wire capture files under the server's socket).
    QSet<QString> endpoints;
    for (const Event& e : model_->walkEvents()) {
        if (sockets.contains(e.socket) && !e.local.isEmpty())
            endpoints.insert(e.local);
    }
    std::vector<Event> events;
    for (const Event& e : model_->walkEvents()) {
        if (UrlStepModel::isStepEvent(e))
            continue;
        if (sockets.isEmpty() || sockets.contains(e.socket) || endpoints.contains(e.remote) ||
            endpoints.contains(e.src) || endpoints.contains(e.dst))
            events.push_back(e);
    }
    const Ladder l = Ladder::fromEvents(events, ev::Wire);
    if (title.isEmpty()) {
        int connections = 0;
        bool dns = false;
        for (const LadderLane& lane : l.lanes) {
            const bool datagrams = lane.proto != QLatin1String("tcp");
            connections += !datagrams && lane.role == QLatin1String("client");
            dns |= lane.proto == QLatin1String("dns");
        }
        title =
            dns ? tr("The whole walk: DNS datagrams and %n TCP connection(s)", nullptr, connections)
                : tr("The whole walk: %n TCP connection(s)", nullptr, connections);
    }
    ladder_->setTitle(title);
    ladder_->setLadder(l);
    ladder_->setShownItems(-1);
    // Every lane in sight when the picture changes (a new step, a new lane): the zoom shrinks
    // from the default to fit the width, no smaller than the view allows. The teacher's own
    // zoom (+/-) stays until then.
    const QPair<int, int> fit(shownPhase_, int(l.lanes.size()));
    if (fit != ladderFit_ && !l.isEmpty()) {
        ladderFit_ = fit;
        ladder_->setZoom(kLadderZoom);
        const int view = ladder_->viewport()->width();
        const int content = ladder_->horizontalScrollBar()->maximum() + view;
        if (ladder_->horizontalScrollBar()->maximum() > 0 && content > 0)
            ladder_->setZoom(kLadderZoom * view / content);
    }
    if (l.isEmpty())
        ladderNote_->setText(model_->phaseCount() > 0
                                 ? tr("This step sent nothing on the network: select another "
                                      "step, or press Whole walk.")
                                 : tr("The ladder shows the walk's connections; select a step to "
                                      "see only the connection it used."));
    else
        ladderNote_->setText(tr("Select a step to see only its connection."));
    // Following the walk: its newest segment in view; a chosen step: from its beginning.
    if (!l.isEmpty() && shownPhase_ < 0 && live_) {
        ladder_->setCurrentItem(int(l.items.size()) - 1);
    } else {
        ladder_->setCurrentItem(-1);
        ladder_->verticalScrollBar()->setValue(0);
        ladder_->horizontalScrollBar()->setValue(0);
    }
}

void UrlPanel::showPhase(int row)
{
    if (row < 0 || row >= model_->phaseCount())
        return;
    const UrlStepModel::Phase& ph = model_->phase(row);
    const QString head = ph.running() ? tr("%1 (running)").arg(UrlStepModel::phaseTitle(ph.phase))
                                      : tr("%1 (%2 ms)")
                                            .arg(UrlStepModel::phaseTitle(ph.phase))
                                            .arg(ph.durationUs / 1000.0, 0, 'f', 3);
    explain_->setText(head + QLatin1Char('\n') + ph.sentence);
}

void UrlPanel::renderPage()
{
    const QUrl pageUrl = walk_->pageUrl();
    const QByteArray html = pageUrl.isValid() ? walk_->body(pageUrl) : QByteArray();
    if (html.isEmpty()) {
        showPageUnavailable(tr("The walk fetched no page to show."));
        return;
    }
    UrlWalk* walk = walk_;
    page_->setProvider(
        [walk](const QUrl& url, QByteArray* bytes) {
            *bytes = walk->body(url);
            return !bytes->isEmpty();
        },
        [](const QUrl&) {}); // the walk fetched what the page names; nothing more is asked
    page_->document()->setBaseUrl(pageUrl);
    if (walk_->contentType(pageUrl).startsWith(QLatin1String("text/html")) ||
        walk_->contentType(pageUrl).isEmpty())
        page_->setHtml(QString::fromUtf8(html));
    else
        page_->setPlainText(QString::fromUtf8(html));
    pageNote_->setText(
        tr("%1, drawn by Qt's rich-text engine from the bytes the walk fetched. It supports a "
           "subset of HTML and CSS (text, colours, fonts, tables, images) and runs no "
           "JavaScript: a sketch of the page, not a browser's rendering.")
            .arg(pageUrl.toString()));
}

void UrlPanel::showPageUnavailable(const QString& why)
{
    page_->clear();
    pageNote_->setText(why);
}

void UrlPanel::updateButtons()
{
    const bool running = walk_->running();
    goButton_->setEnabled(!running);
    stopButton_->setEnabled(running);
    nextButton_->setEnabled(isWaiting() || (replay_ && player_->position() < player_->itemCount()));
    back_->setEnabled(player_->position() > 0);
    forward_->setEnabled(player_->position() < player_->itemCount());
    play_->setText(player_->isPlaying() ? tr("Pause") : tr("Play"));
    play_->setIcon(
        style()->standardIcon(player_->isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    stepMode_->setEnabled(!running);
    visits_->setEnabled(!running);
    delay_->setEnabled(!running);
    saveButton_->setEnabled(!running && (!model_->walkEvents().empty() || !replayEvents_.empty()));
    openButton_->setEnabled(!running);
}

void UrlPanel::showNote(const QString& text, bool bad)
{
    note_->setText(text);
    note_->setStyleSheet(StageColors::noteStyle(bad));
}

void UrlPanel::setEvents(std::vector<Event> events)
{
    if (walk_->running())
        walk_->stop();
    live_ = false;
    replay_ = true;
    waitingFor_.clear();
    pending_.clear();
    shownPhase_ = -1;
    // Keep the walk's events, and where each phase begins: the replay's steps.
    replayEvents_.clear();
    replayStarts_.clear();
    UrlStepModel::Filter filter;
    for (Event& e : events) {
        if (!filter.take(e))
            continue;
        if (UrlStepModel::isStepEvent(e) &&
            e.extra.value(QLatin1String("stage")).toString() == QLatin1String("begin"))
            replayStarts_.push_back(replayEvents_.size());
        replayEvents_.push_back(std::move(e));
    }
    explain_->clear();
    showPageUnavailable(tr("A recording keeps only the first bytes of each answer, so the page "
                           "cannot be drawn again from it. Walk the URL to see the page."));
    replayBar_->show();
    player_->pause();
    const int count = int(replayStarts_.size());
    player_->setItemCount(count);
    slider_->setRange(0, count);
    // Opened on the whole walk; Back, the slider or Home go to any step before.
    if (player_->position() == count)
        onReplayPosition(count);
    else
        player_->seek(count);
}

void UrlPanel::onReplayPosition(int position)
{
    if (!replay_)
        return;
    // Position p shows phases [0, p): the events up to where phase p begins.
    const std::size_t end = position < int(replayStarts_.size())
                                ? replayStarts_[std::size_t(position)]
                                : replayEvents_.size();
    const std::vector<Event> shown(replayEvents_.begin(),
                                   replayEvents_.begin() + std::ptrdiff_t(end));
    model_->setEvents(shown);
    waterfall_->setEvents(shown);
    shownPhase_ = -1;
    rebuildLadder();
    if (position > 0) {
        showPhase(position - 1);
        steps_->scrollTo(model_->index(position - 1, 0));
    } else {
        explain_->clear();
    }
    {
        const QSignalBlocker block(slider_);
        slider_->setValue(position);
    }
    position_->setText(tr("Step %1 of %2").arg(position).arg(player_->itemCount()));
    updateButtons();
}

void UrlPanel::saveRecording(const QString& path)
{
    Recording rec;
    rec.header.appVersion = QCoreApplication::applicationVersion();
    rec.header.lesson = kRecordingName;
    rec.header.capture = ladder_->ladder().source;
    // A copy: the GUI goes on while the file is written.
    rec.events = replay_ ? replayEvents_ : model_->walkEvents();
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

void UrlPanel::openRecording(const QString& path)
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
        setEvents(std::move(rec->events));
        if (replayStarts_.empty()) {
            showNote(tr("%1 holds no step of a URL walk.").arg(QFileInfo(path).fileName()), true);
            emit recordingFailed(note_->text());
            return;
        }
        showNote(tr("Opened %1: %n step(s) of a saved walk. Back, Forward (F5 or N) and the "
                    "slider replay it step by step.",
                    nullptr, player_->itemCount())
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

void UrlPanel::saveWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the walk as a recording"),
        QDir::home().filePath(QStringLiteral("url-walk.netstage.jsonl")),
        tr("NetStage recordings (*.netstage.jsonl *.jsonl);;All files (*)"));
    if (!path.isEmpty())
        saveRecording(path);
}

void UrlPanel::openWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a saved walk"), QDir::homePath(),
        tr("NetStage recordings (*.netstage.jsonl *.jsonl);;All files (*)"));
    if (!path.isEmpty())
        openRecording(path);
}

void UrlPanel::addEmptyStates()
{
    auto* noSteps = EmptyState::over(steps_);
    noSteps->setObjectName(QStringLiteral("urlStepsEmpty"));
    noSteps->setAction(QStringLiteral("Go"), [this] { go(); });
    auto* noRequests = new EmptyState(waterfall_, [this] { return waterfall_->rowCount() == 0; });
    noRequests->setObjectName(QStringLiteral("urlWaterfallEmpty"));
    noRequests->setAction(QStringLiteral("Go"), [this] { go(); });
    auto* noArrows = new EmptyState(ladder_, [this] { return ladder_->ladder().items.empty(); });
    noArrows->setObjectName(QStringLiteral("urlLadderEmpty"));
    noArrows->setAction(QStringLiteral("Go"), [this] { go(); });
    describeEmptyStates();
}

void UrlPanel::describeEmptyStates()
{
    // This panel outlives a language switch: retranslate() says it all again.
    auto* noSteps = findChild<EmptyState*>(QStringLiteral("urlStepsEmpty"));
    auto* noRequests = findChild<EmptyState*>(QStringLiteral("urlWaterfallEmpty"));
    auto* noArrows = findChild<EmptyState*>(QStringLiteral("urlLadderEmpty"));
    if (!noSteps || !noRequests || !noArrows)
        return; // not made yet
    const QString goText = EmptyState::plainText(goButton_->text());
    noSteps->setText(tr("No walk yet"),
                     tr("“%1” walks the URL above on real sockets: the DNS caches, the "
                        "resolver, the connection, the request, the redirect, the page; each step "
                        "lights up here.")
                         .arg(goText));
    noRequests->setText(tr("No requests yet"),
                        tr("The walk's requests appear here as a browser's Network panel shows "
                           "them, one bar each."));
    noArrows->setText(tr("Nothing to draw yet"),
                      tr("“%1” walks the URL: every DNS datagram and TCP segment of the walk "
                         "becomes an arrow here.")
                          .arg(goText));
    for (EmptyState* e : {noSteps, noRequests, noArrows})
        e->actionButton()->setText(goText);
}

} // namespace netstage
