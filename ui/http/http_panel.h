#pragma once

#include <QHash>
#include <QUrl>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;
class QTabWidget;

namespace netstage {

class HttpClient;
class HttpExchangeView;
class HttpRequestLogModel;
class HttpServer;
class HttpTimingChart;
class HttpsPane;
class KernelObserver;
class Timeline;
class WireCapture;
struct HttpExchange;

// The HTTP lab on screen. Left: the server (address, port, the built-in demo site or a folder,
// start and stop) and its request log. Right: the client's composer (method, URL, headers,
// body), the history of requests, each one's raw request and response bytes, headers and body
// (text, hex, or rendered), and a timing bar per request.
//
// The window owns the HTTP server and client (alone in a test, the panel makes its own), on
// the shared timeline, kernel observer and wire capture; everything they do arrives as events
// like every other lab's.
class HttpPanel : public QWidget
{
    Q_OBJECT
public:
    HttpPanel(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
              QWidget* parent = nullptr);
    // Shows and commands `server` and `client`, which outlive the panel (the window's: a
    // language switch rebuilds the panel while the server keeps listening). Null: its own.
    HttpPanel(HttpServer* server, HttpClient* client, Timeline* timeline, KernelObserver* observer,
              WireCapture* wire, QWidget* parent = nullptr);
    ~HttpPanel() override;
    // LAN mode: the server's address box follows from `from` to `to` unless the user typed
    // another address (followLanHost).
    void setLanHost(const QString& from, const QString& to);

    HttpServer* server() const { return server_; }
    HttpClient* client() const { return client_; }
    HttpRequestLogModel* requestLog() const { return log_; }
    HttpTimingChart* timingChart() const { return chart_; }
    HttpExchangeView* exchangeView() const { return view_; }
    QListWidget* history() const { return history_; }
    HttpsPane* httpsPane() const { return httpsPane_; }
    void showHttps(); // the HTTPS tab to the front

    // The composer's fields, for tests and scripted demos.
    void setPort(quint16 port);
    void setUrl(const QString& url);
    void setMethod(const QString& method);
    void setHeadersText(const QString& text);
    void setBodyText(const QString& text);
    void setFollowRedirects(bool on);

    // "Name: value" lines -> headers; false and *error on a line without a colon.
    static bool parseHeaderLines(const QString& text, QList<QPair<QByteArray, QByteArray>>* out,
                                 QString* error);

public slots:
    bool startServer();
    void stopServer();
    int sendRequest(); // returns the exchange id, or 0 (the reason is shown)

signals:
    void statusMessage(const QString& message);

private:
    // What each empty view will show and the one action that fills it.
    void addEmptyStates();
    QWidget* buildServerBox();
    QWidget* buildClientBox();
    void onListening(bool listening);
    void onFinished(const HttpExchange& x);
    void showHistoryRow(int row);
    void applyResolveOverrides();
    bool cachedResource(const QUrl& url, QByteArray* bytes) const;
    void fetchResource(const QUrl& url);
    void note(QLabel* label, const QString& text, bool bad);

    Timeline* timeline_;
    QTabWidget* tabs_ = nullptr;
    HttpsPane* httpsPane_ = nullptr;
    HttpServer* server_;
    HttpClient* client_;
    HttpRequestLogModel* log_;
    HttpTimingChart* chart_ = nullptr;
    HttpExchangeView* view_ = nullptr;
    QListWidget* history_ = nullptr;

    QLineEdit* hostEdit_ = nullptr;
    QSpinBox* portSpin_ = nullptr;
    QRadioButton* builtInRadio_ = nullptr;
    QRadioButton* folderRadio_ = nullptr;
    QLineEdit* folderEdit_ = nullptr;
    QPushButton* browseButton_ = nullptr;
    QPushButton* startButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QLabel* serverNote_ = nullptr;
    QTableView* logView_ = nullptr;

    QComboBox* methodCombo_ = nullptr;
    QLineEdit* urlEdit_ = nullptr;
    QPushButton* sendButton_ = nullptr;
    QCheckBox* followBox_ = nullptr;
    QCheckBox* resolveBox_ = nullptr;
    QCheckBox* subresourceBox_ = nullptr;
    QPlainTextEdit* headersEdit_ = nullptr;
    QPlainTextEdit* bodyEdit_ = nullptr;
    QLabel* clientNote_ = nullptr;

    QList<int> historyIds_;                // exchange id per history row
    QHash<QString, QByteArray> resources_; // URL -> body of a 200 answer (rendered pages)
    QHash<QString, int> pendingResources_; // URL -> exchange fetching it
    bool urlEdited_ = false;
};

} // namespace netstage
