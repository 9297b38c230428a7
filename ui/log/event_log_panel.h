#pragma once

#include "core/base/event.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace netstage {

class EmptyState;
class EventLogModel;
class LogSaver;
class Timeline;

// The live event log with its filters (socket, source), a Hex toggle, Copy and Save. Follows
// the newest event unless the user has scrolled up to read.
class EventLogPanel : public QWidget
{
    Q_OBJECT
public:
    // socketPrefix: which sockets the socket filter offers ("tcp-").
    EventLogPanel(Timeline* timeline, const QString& socketPrefix, QWidget* parent = nullptr);
    ~EventLogPanel() override;

    EventLogModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    // Over the log while it shows no row: what will appear and the action that fills it.
    EmptyState* emptyState() const { return empty_; }

    // Shows one socket's events; an empty id shows all sockets.
    void showSocket(const QString& socket);
    QString shownSocket() const;

    // Shows only one lab's sockets ("udp-"), as the filter's "All UDP sockets" entry does.
    void showLab(const QString& socketPrefix);

    // Asks for the packet of this row to be shown layer by layer (showLayersRequested) when
    // it is a segment, a datagram or an app event with bytes; false (and a note) otherwise.
    bool requestLayers(int row);

    // Selected rows as JSON Lines on the clipboard. Returns how many events were copied.
    int copySelection();
    // Writes every row that passes the filters to path, on a worker thread; saveFinished follows.
    bool saveTo(const QString& path);
    void saveWithDialog();

protected:
    void resizeEvent(QResizeEvent* event) override;

signals:
    void statusMessage(const QString& message);
    void saveFinished(bool ok, const QString& message);
    // "Show layers" (context menu, double-click) on a row: the network model view takes it.
    void showLayersRequested(const netstage::Event& e);

private:
    void addSocket(const QString& socket);
    void applyFilter(const QString& socket);
    void fitTextColumn();
    void resetSockets();
    void onSaved(bool ok, qint64 count, const QString& path, const QString& error);
    void showNote(const QString& text, bool bad);
    void updateCount();

    Timeline* timeline_;
    QString prefix_;
    EventLogModel* model_;
    LogSaver* saver_;
    QTableView* view_;
    QComboBox* socketCombo_;
    QCheckBox* hexBox_;
    QPushButton* copyButton_;
    QPushButton* saveButton_;
    QLabel* countLabel_;
    QLabel* noteLabel_;
    EmptyState* empty_ = nullptr;
    bool followTail_ = true;
};

} // namespace netstage
