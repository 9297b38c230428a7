#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTabWidget;

namespace netstage {

class EventLogPanel;
class KernelObserver;
class LadderView;
class SocketListModel;
class Timeline;
class UdpDatagramView;
class UdpLab;
class WireCapture;

// The UDP lab on screen: the tutorial's dgram server (seed or echo), a client that sends text
// or hex once or N times, the relay's knobs (loss, duplicate, reorder, delay, jitter), the
// sockets, a picture of what became of each datagram, and the event log. The window owns the
// lab (or, alone in a test, the panel); actions go to the lab and come back only as events on the
// shared timeline.
class UdpPanel : public QWidget
{
    Q_OBJECT
public:
    // The observer and the wire capture are the window's; UDP has no kernel TCP state and no
    // TCP segments, so the panel keeps them only for symmetry with the other labs.
    UdpPanel(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
             QWidget* parent = nullptr);
    // Shows and commands `lab`, which outlives the panel (the window's: a language switch
    // rebuilds the panel while the lab and its sockets stay). Null: the panel makes its own.
    UdpPanel(UdpLab* lab, Timeline* timeline, KernelObserver* observer, WireCapture* wire,
             QWidget* parent = nullptr);
    ~UdpPanel() override;
    // LAN mode: the server's address box follows from `from` to `to` unless the user typed
    // another address (followLanHost).
    void setLanHost(const QString& from, const QString& to);

    UdpLab* lab() const { return lab_; }
    SocketListModel* socketModel() const { return sockets_; }
    QTableView* socketView() const { return socketView_; }
    EventLogPanel* logPanel() const { return log_; }
    UdpDatagramView* datagramView() const { return datagrams_; }
    // The lab's datagrams as a ladder: one lane per socket, the relay as the network between.
    LadderView* ladderView() const { return ladder_; }
    QTabWidget* pictureTabs() const { return pictures_; }
    void refreshLadder(); // rebuilds the ladder from the timeline now

    void setPort(int port);           // the server's port box
    void setTarget(const QString& t); // the client's host:port
    void setMessage(const QString& text, bool hex = false);
    void setCount(int count, int intervalMs);
    void setSize(int bytes); // 0: the message as typed
    void setRelay(bool on, int lossPercent, int duplicatePercent, int reorderPercent, int delayMs,
                  int jitterMs = 0, int seed = 0);

public slots:
    bool startServer();
    void stopServer();
    // Sends the message (count times); returns the client's id, or "" (the reason is shown).
    QString send();
    void stopSending();
    void closeClients();

signals:
    void statusMessage(const QString& message);

private:
    // What each empty view will show and the one action that fills it.
    void addEmptyStates();
    QGroupBox* buildServerBox();
    QGroupBox* buildClientBox();
    QGroupBox* buildRelayBox();
    void onListeningChanged(bool listening);
    void applyRelayOptions();
    void updateRelayStats();
    void updateSendButtons();
    void showNote(QLabel* label, const QString& text, bool bad);

    Timeline* timeline_;
    UdpLab* lab_;
    SocketListModel* sockets_;
    QTableView* socketView_;
    UdpDatagramView* datagrams_;
    EventLogPanel* log_;
    QTabWidget* pictures_ = nullptr;
    LadderView* ladder_ = nullptr;
    quint64 ladderSeen_ = 0;
    QString client_; // the client reused while target and options stay the same
    QString clientKey_;

    QLineEdit* hostEdit_ = nullptr;
    QSpinBox* portSpin_ = nullptr;
    QComboBox* presetCombo_ = nullptr;
    QPushButton* startButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QLabel* serverNote_ = nullptr;

    QLineEdit* targetEdit_ = nullptr;
    QLineEdit* messageEdit_ = nullptr;
    QCheckBox* hexBox_ = nullptr;
    QSpinBox* countSpin_ = nullptr;
    QSpinBox* intervalSpin_ = nullptr;
    QSpinBox* sizeSpin_ = nullptr;
    QCheckBox* connectBox_ = nullptr;
    QPushButton* sendButton_ = nullptr;
    QPushButton* stopSendButton_ = nullptr;
    QLabel* clientNote_ = nullptr;

    QCheckBox* relayBox_ = nullptr;
    QSpinBox* lossSpin_ = nullptr;
    QSpinBox* duplicateSpin_ = nullptr;
    QSpinBox* reorderSpin_ = nullptr;
    QSpinBox* delaySpin_ = nullptr;
    QSpinBox* jitterSpin_ = nullptr;
    QSpinBox* seedSpin_ = nullptr;
    QLabel* relayStats_ = nullptr;
};

} // namespace netstage
