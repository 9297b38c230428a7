#include "ui/log/event_log_panel.h"

#include "core/base/timeline.h"
#include "core/format/json_lines.h"
#include "core/observe/encapsulation.h"
#include "ui/common/empty_state.h"
#include "ui/common/log_cell_delegate.h"
#include "ui/common/stage_colors.h"
#include "ui/log/event_log_model.h"
#include "ui/log/log_saver.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace netstage {

namespace {
// Combo data of the per-lab entries; socket ids never start with it.
const QString kLabPrefix = QStringLiteral("lab:");
} // namespace

EventLogPanel::EventLogPanel(Timeline* timeline, const QString& socketPrefix, QWidget* parent)
    : QWidget(parent), timeline_(timeline), prefix_(socketPrefix),
      model_(new EventLogModel(timeline, this)), saver_(new LogSaver(this)),
      view_(new QTableView(this)), socketCombo_(new QComboBox(this)),
      hexBox_(new QCheckBox(tr("Hex"), this)), copyButton_(new QPushButton(tr("Copy"), this)),
      saveButton_(new QPushButton(tr("Save…"), this)), countLabel_(new QLabel(this)),
      noteLabel_(new QLabel(this))
{
    setObjectName(QStringLiteral("eventLogPanel"));
    view_->setObjectName(QStringLiteral("eventLogView"));
    socketCombo_->setObjectName(QStringLiteral("logSocketCombo"));
    hexBox_->setObjectName(QStringLiteral("logHexBox"));

    auto* bar = new QHBoxLayout;
    auto* title = new QLabel(tr("<b>Event log</b>"), this);
    bar->addWidget(title);
    bar->addSpacing(8);
    auto* showLabel = new QLabel(tr("Show:"), this);
    bar->addWidget(showLabel);
    socketCombo_->setToolTip(tr("Show the events of one socket, or of all sockets. Selecting a "
                                "socket in the list above chooses it here too."));
    socketCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    socketCombo_->setMinimumContentsLength(14);
    bar->addWidget(socketCombo_);
    bar->addSpacing(8);

    struct SourceBox
    {
        const QString& source;
        QString label;
        QString tip;
    };
    const SourceBox sources[] = {
        {ev::App, tr("app"), tr("What the program sees: listening, connect, data, end, close…")},
        {ev::Kernel, tr("kernel"), tr("The kernel's TCP state of each socket (as `ss` shows it).")},
        {ev::Wire, tr("wire"), tr("Real segments captured on the loopback interface.")},
        {ev::Model, tr("model"),
         tr("What RFC 9293 says must have happened, when the wire is not visible.")},
    };
    for (const SourceBox& s : sources) {
        auto* box = new QCheckBox(s.label, this);
        box->setObjectName(QStringLiteral("logSource_") + s.source);
        box->setChecked(true);
        box->setToolTip(s.tip);
        const QString source = s.source;
        connect(box, &QCheckBox::toggled, this,
                [this, source](bool on) { model_->setSourceShown(source, on); });
        bar->addWidget(box);
    }
    bar->addSpacing(8);
    hexBox_->setToolTip(tr("Show every payload as hex bytes, not only the binary ones."));
    bar->addWidget(hexBox_);
    bar->addStretch(1);
    copyButton_->setToolTip(tr("Copy the selected events as JSON Lines (Ctrl+C)."));
    saveButton_->setToolTip(tr("Save the events shown (after filtering) as a JSON Lines file."));
    bar->addWidget(copyButton_);
    bar->addWidget(saveButton_);

    view_->setModel(model_);
    // The lab's panel names the action that fills it (emptyState()).
    empty_ = EmptyState::over(view_);
    empty_->setObjectName(QStringLiteral("logEmptyState"));
    empty_->setText(tr("No events yet"),
                    tr("Everything a socket of this lab does appears here, one row each."));
    auto* cells = new LogCellDelegate(EventLogModel::State, view_);
    cells->setUniqueColumns({EventLogModel::Time, EventLogModel::Bytes, EventLogModel::Text});
    view_->setItemDelegate(cells);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setWordWrap(false);
    view_->setShowGrid(false);
    view_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    view_->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    view_->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, which keeps a million rows cheap.
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    QHeaderView* header = view_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    const int ch = view_->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int widths[EventLogModel::ColumnCount] = {11, 12, 6, 8, 6, 5, 28, 13, 40};
    for (int c = 0; c < EventLogModel::ColumnCount; ++c)
        view_->setColumnWidth(c, widths[c] * ch + 16);

    auto* layersAction = new QAction(tr("Show layers (network model)"), view_);
    layersAction->setObjectName(QStringLiteral("logShowLayersAction"));
    layersAction->setToolTip(tr("Show the selected segment or datagram encapsulated: "
                                "application bytes inside TCP/UDP inside IP inside the frame."));
    view_->addAction(layersAction);
    connect(layersAction, &QAction::triggered, this, [this] {
        const QModelIndex current = view_->currentIndex();
        if (current.isValid())
            requestLayers(current.row());
        else
            showNote(tr("Select a segment or datagram first."), true);
    });
    connect(view_, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex& index) { requestLayers(index.row()); });

    auto* copyAction = new QAction(tr("Copy as JSON Lines"), view_);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view_->addAction(copyAction);
    view_->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(copyAction, &QAction::triggered, this, [this] { copySelection(); });
    connect(copyButton_, &QPushButton::clicked, this, [this] { copySelection(); });
    connect(saveButton_, &QPushButton::clicked, this, &EventLogPanel::saveWithDialog);
    connect(hexBox_, &QCheckBox::toggled, model_, &EventLogModel::setHexMode);

    // Follow the newest row unless the reader has scrolled away from the bottom.
    connect(model_, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar* bar = view_->verticalScrollBar();
        followTail_ = bar->value() >= bar->maximum();
    });
    connect(model_, &EventLogModel::rowsAppended, this, [this] {
        if (followTail_)
            view_->scrollToBottom();
        updateCount();
    });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        view_->scrollToBottom();
        updateCount();
    });
    connect(model_, &QAbstractItemModel::rowsRemoved, this, &EventLogPanel::updateCount);

    connect(socketCombo_, &QComboBox::currentIndexChanged, this,
            [this](int i) { applyFilter(socketCombo_->itemData(i).toString()); });
    connect(saver_, &LogSaver::finished, this, &EventLogPanel::onSaved);

    resetSockets();
    if (timeline_) {
        connect(timeline_, &Timeline::socketSeen, this, &EventLogPanel::addSocket);
        connect(timeline_, &Timeline::cleared, this, &EventLogPanel::resetSockets);
    }

    countLabel_->setObjectName(QStringLiteral("logCountLabel"));
    noteLabel_->setObjectName(QStringLiteral("logNoteLabel"));
    noteLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* foot = new QHBoxLayout;
    foot->addWidget(countLabel_);
    foot->addSpacing(16);
    foot->addWidget(noteLabel_, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(view_, 1);
    layout->addLayout(foot);
    updateCount();
}

EventLogPanel::~EventLogPanel() = default;

void EventLogPanel::resetSockets()
{
    const QSignalBlocker block(socketCombo_);
    socketCombo_->clear();
    socketCombo_->addItem(tr("All sockets"), QString());
    // One entry per lab, by the prefix of its socket ids.
    const std::pair<QString, QString> labs[] = {
        {QStringLiteral("tcp-"), tr("All TCP lab sockets")},
        {QStringLiteral("udp-"), tr("All UDP lab sockets")},
        {QStringLiteral("http-"), tr("All HTTP lab sockets")},
        {QStringLiteral("ws-"), tr("All WebSocket lab sockets")},
        {QStringLiteral("dns-"), tr("All DNS sockets")},
        {QStringLiteral("url-"), tr("All URL walk sockets")},
    };
    for (const auto& [prefix, label] : labs)
        socketCombo_->addItem(label, QString(kLabPrefix + prefix));
    if (timeline_) {
        for (const QString& id : timeline_->socketIds())
            addSocket(id);
    }
    applyFilter(QString());
}

void EventLogPanel::addSocket(const QString& socket)
{
    if (socket.isEmpty() || !socket.startsWith(prefix_) || socketCombo_->findData(socket) >= 0)
        return;
    socketCombo_->addItem(socket, socket);
}

void EventLogPanel::applyFilter(const QString& socket)
{
    const bool lab = socket.startsWith(kLabPrefix);
    model_->setSocketPrefixFilter(lab ? socket.mid(kLabPrefix.size()) : QString());
    model_->setSocketFilter(lab ? QString() : socket);
    // One socket shown: its column would repeat one name; the room goes to the explanation.
    view_->setColumnHidden(EventLogModel::Socket, !socket.isEmpty() && !lab);
    fitTextColumn();
}

void EventLogPanel::fitTextColumn()
{
    // On a narrow screen the payload column gives way, so the explanation (the column a class
    // reads) keeps a useful width; the full payload is in the cell's tooltip.
    const int ch = view_->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    int others = 0;
    for (int c = 0; c < EventLogModel::ColumnCount; ++c) {
        if (c != EventLogModel::Text && c != EventLogModel::Explanation &&
            !view_->isColumnHidden(c))
            others += view_->columnWidth(c);
    }
    const int room = view_->viewport()->width() - others - (45 * ch + 16);
    view_->setColumnWidth(EventLogModel::Text, std::clamp(room, 16 * ch + 16, 28 * ch + 16));
}

void EventLogPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitTextColumn();
}

void EventLogPanel::showSocket(const QString& socket)
{
    if (!socket.isEmpty())
        addSocket(socket);
    int i = socketCombo_->findData(socket);
    if (i < 0)
        i = 0;
    socketCombo_->setCurrentIndex(i);
    // setCurrentIndex does not signal when the index is unchanged; the filter must hold anyway.
    applyFilter(socketCombo_->itemData(i).toString());
}

QString EventLogPanel::shownSocket() const
{
    return model_->socketFilter();
}

void EventLogPanel::showLab(const QString& socketPrefix)
{
    const int i = socketCombo_->findData(QString(kLabPrefix + socketPrefix));
    if (i < 0)
        return;
    socketCombo_->setCurrentIndex(i);
    applyFilter(socketCombo_->itemData(i).toString());
}

bool EventLogPanel::requestLayers(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return false;
    const std::vector<Event> events = model_->eventsOfRows({row});
    if (events.empty())
        return false;
    const Event& e = events.front();
    if (!Encapsulation::appliesTo(e)) {
        showNote(tr("A %1 event is not a packet: choose a segment, a datagram or a data "
                    "event to see its layers.")
                     .arg(e.event),
                 true);
        return false;
    }
    emit showLayersRequested(e);
    return true;
}

int EventLogPanel::copySelection()
{
    QList<int> rows;
    for (const QModelIndex& i : view_->selectionModel()->selectedRows())
        rows << i.row();
    if (rows.isEmpty()) {
        showNote(tr("Select rows to copy first."), true);
        return 0;
    }
    QByteArray lines;
    const std::vector<Event> events = model_->eventsOfRows(rows);
    for (const Event& e : events)
        lines += toJsonLine(e);
    QApplication::clipboard()->setText(QString::fromUtf8(lines));
    const QString msg = tr("Copied %n event(s) as JSON Lines.", nullptr, int(events.size()));
    showNote(msg, false);
    emit statusMessage(msg);
    return int(events.size());
}

bool EventLogPanel::saveTo(const QString& path)
{
    if (saver_->isBusy()) {
        showNote(tr("A save is still running; try again when it has finished."), true);
        return false;
    }
    // Gathered here, on the GUI thread that owns the timeline; written on a worker thread.
    std::vector<Event> events = model_->allEvents();
    showNote(tr("Saving %n event(s)…", nullptr, int(events.size())), false);
    saveButton_->setEnabled(false);
    return saver_->save(std::move(events), path);
}

void EventLogPanel::saveWithDialog()
{
    const QString suggested = QDir::home().filePath(QStringLiteral("netstage-log.jsonl"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the event log as JSON Lines"), suggested,
                                     tr("JSON Lines (*.jsonl *.ndjson);;All files (*)"));
    if (!path.isEmpty())
        saveTo(path);
}

void EventLogPanel::onSaved(bool ok, qint64 count, const QString& path, const QString& error)
{
    saveButton_->setEnabled(true);
    const QString msg = LogSaver::resultMessage(ok, count, path, error);
    showNote(msg, !ok);
    emit statusMessage(msg);
    emit saveFinished(ok, msg);
}

void EventLogPanel::showNote(const QString& text, bool bad)
{
    noteLabel_->setStyleSheet(StageColors::noteStyle(bad));
    noteLabel_->setText(text);
}

void EventLogPanel::updateCount()
{
    countLabel_->setText(tr("%n event(s) shown", nullptr, model_->rowCount()));
}

} // namespace netstage
