#pragma once

#include "core/base/event.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace netstage {

class EventLogPanel;
class LadderView;

class NetworkModelView;
class PacketLayersView;
class Timeline;
class WireCapture;

// The "Network model" tab (view "osi"): the OSI and TCP/IP layers with the protocols and the
// labs of each, and below it one packet encapsulated (PacketLayersView). Any event log or
// ladder attached here offers "Show layers" on its segments and datagrams; the packet's
// captured bytes come from the wire capture's frame store.
class OsiPanel : public QWidget
{
    Q_OBJECT
public:
    OsiPanel(Timeline* timeline, WireCapture* wire, QWidget* parent = nullptr);

    // Shows the event's packet; false (and the reason in the layers view) when the event is
    // not a packet.
    bool showPacket(const Event& e);
    // The newest wire segment or datagram on the timeline; without capture, the newest
    // segment the TCP model derives from the app events. False when there is none. With
    // `withData`, the newest one that carries application bytes, if any does.
    bool showLatestPacket(bool withData = false);
    const Event& shownEvent() const { return shown_; }

    // "Show layers" on a log's rows and a ladder's arrows (context menu and double-click).
    void attachLog(EventLogPanel* log);
    void attachLadder(LadderView* ladder);
    // The same on any other table of events (the lessons panel's log): `eventAt` maps a row.
    void attachTable(QTableView* table, std::function<std::optional<Event>(int row)> eventAt);

    NetworkModelView* modelView() const { return model_; }
    PacketLayersView* layersView() const { return layers_; }
    // Saves the network model picture as .png or .svg.
    bool exportImage(const QString& path, QString* error) const;

signals:
    // A log or ladder asked for a packet: the window brings this tab forward.
    void packetRequested();
    void statusMessage(const QString& message);

private:
    void exportWithDialog();
    bool showFromLadder(LadderView* ladder, int item);

    Timeline* timeline_;
    QPointer<WireCapture> wire_;
    NetworkModelView* model_;
    PacketLayersView* layers_;
    QLabel* hint_;
    QPushButton* latestButton_;
    QPushButton* exportButton_;
    Event shown_;
};

} // namespace netstage
