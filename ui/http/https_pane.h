#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace netstage {

class HttpsClient;
class HttpsServer;
class KernelObserver;
class Timeline;
class WireCapture;
struct Event;

// The HTTPS tab of the HTTP lab: the demo site over TLS (its own port, TLS 1.3 or 1.2), the
// local CA (where it is, open its folder), a client that fetches one https:// URL, and that
// connection's handshake message by message: direction, message, whether the wire shows it
// in clear or only the endpoints after decryption, and what it says; then the phases.
// The server and client are core objects on the window's timeline; this only shows them.
class HttpsPane : public QWidget
{
    Q_OBJECT
public:
    HttpsPane(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
              QWidget* parent = nullptr);
    ~HttpsPane() override;

    HttpsServer* server() const { return server_; }
    HttpsClient* client() const { return client_; }
    QTableWidget* messages() const { return table_; }
    void setPort(quint16 port);

public slots:
    bool startServer();
    void stopServer();
    int fetch(); // the request id, or 0 (the reason is shown)

private:
    void onEvent(const Event& e);
    void onFinished(int id);

    Timeline* timeline_;
    HttpsServer* server_;
    HttpsClient* client_;
    int sink_ = 0;
    QString socket_; // the client socket whose messages are shown
    QSpinBox* portSpin_ = nullptr;
    QComboBox* serverTls_ = nullptr;
    QComboBox* clientTls_ = nullptr;
    QPushButton* startButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QPushButton* caButton_ = nullptr;
    QLabel* serverNote_ = nullptr;
    QLineEdit* urlEdit_ = nullptr;
    QCheckBox* resumeBox_ = nullptr;
    QPushButton* fetchButton_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* summary_ = nullptr;
    int records_ = 0;
};

} // namespace netstage
