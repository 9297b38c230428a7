#pragma once

#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace netstage {

class EventLogPanel;
class KernelObserver;
class LadderView;
class SocketListModel;
class Timeline;
class WireCapture;
class WsLab;

// The WebSocket lab on screen: a server (echo or chat) that shows every byte of the opening
// handshake and of each frame, QWebSocket clients, per-socket actions (send, ping, close with a
// code, drop without a close frame), the handshake as it crossed the wire with its
// Sec-WebSocket-Accept check, the connection's ladder (TCP handshake, upgrade, frames, closing
// handshake, teardown) where the wire capture runs, and the event log.
class WsPanel : public QWidget
{
    Q_OBJECT
public:
    WsPanel(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
            QWidget* parent = nullptr);
    // Shows and commands `lab`, which outlives the panel (the window's: a language switch
    // rebuilds the panel while the lab, its server and its chats stay). Null: its own lab.
    WsPanel(WsLab* lab, Timeline* timeline, KernelObserver* observer, WireCapture* wire,
            QWidget* parent = nullptr);
    ~WsPanel() override;
    // LAN mode: the server's address box follows from `from` to `to` unless the user typed
    // another address (followLanHost).
    void setLanHost(const QString& from, const QString& to);

    WsLab* lab() const { return lab_; }
    SocketListModel* socketModel() const { return sockets_; }
    QTableView* socketView() const { return socketView_; }
    EventLogPanel* logPanel() const { return log_; }
    QPlainTextEdit* handshakeView() const { return handshake_; }
    QTabWidget* detailTabs() const { return tabs_; }
    LadderView* ladderView() const { return ladder_; }

    QString selectedSocket() const { return selected_; }
    bool selectSocket(const QString& id);
    void setPort(int port);
    void setUrl(const QString& url);
    void setMessage(const QString& text);
    void setCloseCode(int code, const QString& reason = {});

public slots:
    bool startServer();
    void stopServer();
    QString connectClient(); // the new id, or "" (the reason is shown)
    bool sendMessage();
    bool pingSelected();
    bool closeSelected();
    bool abortSelected();

signals:
    void statusMessage(const QString& message);

private:
    // What each empty view will show and the one action that fills it.
    void addEmptyStates();
    QGroupBox* buildServerBox();
    QGroupBox* buildClientBox();
    QGroupBox* buildSocketBox();
    void onListeningChanged(bool listening);
    void onSocketSelected();
    void onSocketAdded(const QString& id);
    void refreshDetails();
    void updateActions();
    void showNote(QLabel* label, const QString& text, bool bad);

    Timeline* timeline_;
    WsLab* lab_;
    SocketListModel* sockets_;
    QTableView* socketView_;
    EventLogPanel* log_;
    QTabWidget* tabs_ = nullptr;
    QPlainTextEdit* handshake_ = nullptr;
    QStackedWidget* ladderStack_ = nullptr;
    LadderView* ladder_ = nullptr;
    QLabel* ladderNote_ = nullptr;
    QString selected_;
    QString pendingSelect_;
    QString ladderFor_;      // the socket whose ladder was last placed
    quint64 shownCount_ = 0; // events of the selected socket when the details were drawn

    QLineEdit* hostEdit_ = nullptr;
    QSpinBox* portSpin_ = nullptr;
    QComboBox* presetCombo_ = nullptr;
    QSpinBox* maxSpin_ = nullptr;
    QPushButton* startButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QLabel* serverNote_ = nullptr;

    QLineEdit* urlEdit_ = nullptr;
    QPushButton* connectButton_ = nullptr;
    QLabel* clientNote_ = nullptr;

    QLabel* selectedLabel_ = nullptr;
    QLineEdit* messageEdit_ = nullptr;
    QPushButton* sendButton_ = nullptr;
    QPushButton* pingButton_ = nullptr;
    QComboBox* codeCombo_ = nullptr;
    QLineEdit* reasonEdit_ = nullptr;
    QPushButton* closeButton_ = nullptr;
    QPushButton* abortButton_ = nullptr;
    QLabel* socketNote_ = nullptr;
};

} // namespace netstage
