#include "ui/osi/osi_panel.h"

#include <QTableView>

#include "core/base/timeline.h"
#include "core/observe/encapsulation.h"
#include "core/observe/wire_capture.h"
#include "core/tcp/tcp_model.h"
#include "ui/ladder/ladder_view.h"
#include "ui/log/event_log_panel.h"
#include "ui/osi/network_model_view.h"
#include "ui/osi/packet_layers_view.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <functional>

namespace netstage {

namespace {

bool isPacket(const Event& e)
{
    return e.event == ev::Segment || e.event == QLatin1String("datagram");
}

// Double-click on a ladder arrow, watched from outside the ladder's own code.
class LadderDoubleClick : public QObject
{
public:
    LadderDoubleClick(LadderView* view, std::function<void(int)> onItem)
        : QObject(view), view_(view), onItem_(std::move(onItem))
    {
        view->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject*, QEvent* e) override
    {
        if (e->type() == QEvent::MouseButtonDblClick) {
            const auto* m = static_cast<QMouseEvent*>(e);
            const int item = view_->itemAtViewport(m->position().toPoint());
            if (item >= 0) {
                onItem_(item);
                return true;
            }
        }
        return false;
    }

private:
    LadderView* view_;
    std::function<void(int)> onItem_;
};

} // namespace

OsiPanel::OsiPanel(Timeline* timeline, WireCapture* wire, QWidget* parent)
    : QWidget(parent), timeline_(timeline), wire_(wire), model_(new NetworkModelView(this)),
      layers_(new PacketLayersView(this)), hint_(new QLabel(this)),
      latestButton_(new QPushButton(tr("Show the latest packet"), this)),
      exportButton_(new QPushButton(tr("Export picture…"), this))
{
    setObjectName(QStringLiteral("osiPanel"));
    latestButton_->setObjectName(QStringLiteral("osiLatestButton"));
    exportButton_->setObjectName(QStringLiteral("osiExportButton"));
    hint_->setObjectName(QStringLiteral("osiHint"));
    hint_->setWordWrap(true);
    hint_->setText(tr("Right-click a segment or datagram in any event log or ladder and choose "
                      "\"Show layers\" (or double-click it) to see it encapsulated here."));
    latestButton_->setToolTip(tr("Show the newest captured segment or datagram (or, without "
                                 "capture, the newest segment of the TCP model)."));
    exportButton_->setToolTip(tr("Save the network model picture as PNG or SVG."));
    connect(latestButton_, &QPushButton::clicked, this, [this] {
        if (!showLatestPacket())
            emit statusMessage(tr("No segment or datagram yet: run a lab or a lesson first."));
    });
    connect(exportButton_, &QPushButton::clicked, this, &OsiPanel::exportWithDialog);

    auto* bar = new QHBoxLayout;
    bar->addWidget(hint_, 1);
    bar->addWidget(latestButton_);
    bar->addWidget(exportButton_);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("osiSplitter"));
    split->addWidget(model_);
    split->addWidget(layers_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({400, 400});
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layers_->clear(tr("Nothing selected yet. Run a lab, then choose \"Show layers\" on a "
                      "segment, a datagram or a data event."));
}

bool OsiPanel::showPacket(const Event& e)
{
    if (!Encapsulation::appliesTo(e)) {
        layers_->clear(tr("A %1 event is not a packet: choose a segment, a datagram or a data "
                          "event.")
                           .arg(e.event));
        model_->setPacket(nullptr);
        return false;
    }
    shown_ = e;
    const CapturedFrame frame = wire_ ? wire_->frameOf(e) : CapturedFrame();
    const Encapsulation x = Encapsulation::fromEvent(e, frame);
    layers_->setEncapsulation(x);
    model_->setPacket(&layers_->encapsulation());
    // Open on the transport header: the layer every lab of NetStage is about.
    for (int i = 0; i < int(x.layers.size()); ++i) {
        if (x.layers[std::size_t(i)].kind == PacketLayer::Kind::Transport) {
            layers_->selectField(i, -1);
            break;
        }
    }
    return true;
}

bool OsiPanel::showLatestPacket(bool withData)
{
    if (!timeline_)
        return false;
    for (int pass = withData ? 0 : 1; pass < 2; ++pass) {
        for (quint64 i = timeline_->endIndex(); i > timeline_->firstIndex(); --i) {
            if (timeline_->sourceAt(i - 1) != ev::Wire)
                continue;
            const Event e = timeline_->at(i - 1);
            if (isPacket(e) && !e.socket.isEmpty() && (pass == 1 || e.len > 0))
                return showPacket(e);
        }
    }
    // No capture: the model's view of the TCP lab's events.
    std::vector<Event> events;
    events.reserve(timeline_->size());
    for (quint64 i = timeline_->firstIndex(); i < timeline_->endIndex(); ++i)
        events.push_back(timeline_->at(i));
    const std::vector<Event> model = TcpModel::derive(events);
    for (int pass = withData ? 0 : 1; pass < 2; ++pass) {
        for (auto it = model.rbegin(); it != model.rend(); ++it) {
            if (it->event == ev::Segment && (pass == 1 || it->len > 0))
                return showPacket(*it);
        }
    }
    return false;
}

void OsiPanel::attachLog(EventLogPanel* log)
{
    connect(log, &EventLogPanel::showLayersRequested, this, [this](const Event& e) {
        if (showPacket(e))
            emit packetRequested();
    });
}

void OsiPanel::attachLadder(LadderView* ladder)
{
    auto* action = new QAction(tr("Show layers (network model)"), ladder);
    action->setObjectName(QStringLiteral("ladderShowLayersAction"));
    ladder->addAction(action);
    ladder->setContextMenuPolicy(Qt::ActionsContextMenu);
    QPointer<LadderView> view(ladder);
    connect(action, &QAction::triggered, this, [this, view] {
        if (view && showFromLadder(view, view->currentItem()))
            emit packetRequested();
    });
    new LadderDoubleClick(ladder, [this, view](int item) {
        if (view && showFromLadder(view, item))
            emit packetRequested();
    });
}

void OsiPanel::attachTable(QTableView* table, std::function<std::optional<Event>(int row)> eventAt)
{
    auto* action = new QAction(tr("Show layers (network model)"), table);
    action->setObjectName(QStringLiteral("tableShowLayersAction"));
    table->addAction(action);
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    QPointer<QTableView> view(table);
    auto show = [this, eventAt](int row) {
        const std::optional<Event> e = eventAt(row);
        if (e && showPacket(*e))
            emit packetRequested();
    };
    connect(action, &QAction::triggered, this, [view, show] {
        if (view && view->currentIndex().isValid())
            show(view->currentIndex().row());
    });
    connect(table, &QAbstractItemView::doubleClicked, this,
            [show](const QModelIndex& index) { show(index.row()); });
}

bool OsiPanel::showFromLadder(LadderView* ladder, int item)
{
    const Ladder& l = ladder->ladder();
    if (item < 0 || item >= int(l.items.size()) ||
        l.items[std::size_t(item)].kind != LadderItem::Kind::Arrow) {
        emit statusMessage(tr("Select an arrow (a segment) in the diagram first."));
        return false;
    }
    const LadderArrow& a = l.arrows[std::size_t(l.items[std::size_t(item)].index)];
    Event e;
    e.t_us = a.t_us;
    e.proto = ev::Tcp;
    e.event = ev::Segment;
    e.source = a.source;
    if (a.from >= 0 && a.from < int(l.lanes.size())) {
        e.src = l.lanes[std::size_t(a.from)].endpoint;
        e.socket = l.lanes[std::size_t(a.from)].label;
    }
    if (a.to >= 0 && a.to < int(l.lanes.size()))
        e.dst = l.lanes[std::size_t(a.to)].endpoint;
    e.flags = a.flags;
    e.seq = a.seq;
    e.ack = a.ack;
    e.len = a.len;
    e.win = a.win;
    e.opts = a.opts;
    e.payload = a.payload;
    return showPacket(e);
}

bool OsiPanel::exportImage(const QString& path, QString* error) const
{
    return model_->saveImage(path, error);
}

void OsiPanel::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the network model"),
        QDir::home().filePath(QStringLiteral("netstage-network-model.png")),
        tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportImage(path, &error))
        emit statusMessage(tr("Saved the network model to %1.").arg(path));
    else
        emit statusMessage(error);
}

} // namespace netstage
