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

namespace netstage {

class EventLogPanel;
class SocketListModel;
class TcpLab;

// The TCP lab on screen: a server with a preset behaviour, clients, the live list of sockets
// with the program's and the kernel's view of each, per-socket actions (send, half-close,
// close, abort) and the event log. Actions go to the lab; what they cause comes back only as
// events on the timeline.
class TcpPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TcpPanel(TcpLab* lab, QWidget* parent = nullptr);
    ~TcpPanel() override;
    // LAN mode: the server's address box follows from `from` to `to` unless the user typed
    // another address (followLanHost).
    void setLanHost(const QString& from, const QString& to);

    SocketListModel* socketModel() const { return sockets_; }
    QTableView* socketView() const { return socketView_; }
    EventLogPanel* logPanel() const { return log_; }

    // The socket the per-socket actions apply to ("" when none is selected).
    QString selectedSocket() const { return selected_; }
    // Selects the socket's row (and so filters the log to it). False if it is not listed yet.
    bool selectSocket(const QString& id);

    // Parses "48 65 6c 6c 6f" as --hex does (HexBytes: spaces optional, 0x allowed). False
    // and *error on anything else, or nothing at all.
    static bool parseHex(const QString& text, QByteArray* out, QString* error);
    // Splits "host:port" or "[v6]:port". False on anything else.
    static bool parseTarget(const QString& text, QString* host, quint16* port);
    static bool isLoopbackHost(const QString& host);

public slots:
    bool startServer();
    void stopServer();
    QString connectClient(); // returns the new socket id, or "" (the reason is shown)
    bool sendMessage();
    bool halfCloseSelected();
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
    void updateSocketActions();
    void sizeSocketColumns();
    void updateBindWarning();
    void showServerNote(const QString& text, bool bad);
    void showSocketNote(const QString& text, bool bad);

    TcpLab* lab_;
    SocketListModel* sockets_;
    QTableView* socketView_;
    EventLogPanel* log_;
    QString selected_;
    QString pendingSelect_;

    QLineEdit* hostEdit_ = nullptr;
    QSpinBox* portSpin_ = nullptr;
    QComboBox* presetCombo_ = nullptr;
    QPushButton* startButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QLabel* serverNote_ = nullptr;
    QLabel* bindWarning_ = nullptr;

    QLineEdit* targetEdit_ = nullptr;
    QPushButton* connectButton_ = nullptr;
    QLabel* clientNote_ = nullptr;

    QGroupBox* socketBox_ = nullptr;
    QLabel* selectedLabel_ = nullptr;
    QLineEdit* messageEdit_ = nullptr;
    QCheckBox* hexBox_ = nullptr;
    QPushButton* sendButton_ = nullptr;
    QPushButton* halfCloseButton_ = nullptr;
    QPushButton* closeButton_ = nullptr;
    QPushButton* abortButton_ = nullptr;
    QLabel* socketNote_ = nullptr;
};

} // namespace netstage
