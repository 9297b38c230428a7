#pragma once

#include <QFuture>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <memory>

class QHostAddress;
class QLabel;
class QMenu;
class QMimeData;
class QTabWidget;

namespace netstage {

class GuidedTour;
class HttpClient;
class HttpPanel;
class HttpServer;
class KernelObserver;
class LessonPanel;
class LogSaver;
class OsiPanel;
class Presentation;
class StartPage;
class TcpLab;
class TcpPanel;
class UdpLab;
class UdpPanel;
class UrlPanel;
class Timeline;
class WireCapture;
class WsLab;
class WsPanel;

// The one window: every lab is a tab. It owns the core objects (one timeline, one kernel
// observer, the wire capture, every lab) so every panel and every file written sees the same
// session, and rebuilding a panel (a language switch) never closes a socket.
// The URL panel keeps its own walk and retranslates itself in place.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Timeline* timeline() const { return timeline_.get(); }
    KernelObserver* observer() const { return observer_.get(); }
    TcpLab* tcpLab() const { return tcpLab_.get(); }
    UdpLab* udpLab() const { return udpLab_.get(); }
    WsLab* wsLab() const { return wsLab_.get(); }
    HttpServer* httpServer() const { return httpServer_.get(); }
    HttpClient* httpClient() const { return httpClient_.get(); }
    UrlPanel* urlPanel() const { return urlPanel_; }
    TcpPanel* tcpPanel() const { return tcpPanel_; }
    WireCapture* wire() const { return wire_.get(); }
    LessonPanel* lessonPanel() const { return lessonPanel_; }
    HttpPanel* httpPanel() const { return httpPanel_; }
    OsiPanel* osiPanel() const { return osiPanel_; }
    Presentation* presentation() const { return presentation_; }
    StartPage* startPage() const { return startPage_; }

    // The start page's cards: opens the card's view ready to run (the lesson chosen, the
    // server preset set, the URL typed). False for an unknown card.
    bool openCard(const QString& id);
    // The guided first run of the TCP chapter over the TCP lab (the running one, if any).
    GuidedTour* startTour();
    GuidedTour* tour() const;

    // Views by name, as --view takes them ("tcp"). showView returns false for an unknown name.
    QStringList viewNames() const;
    bool showView(const QString& name);

    // Writes every stored event as JSON Lines on a worker thread (File > Save log).
    bool saveLogTo(const QString& path);

    // Writes the wire capture's stored frames as pcapng on a worker thread (File > Export
    // capture); captureExported follows. False (and a status message) when there is no capture
    // or an export is still running.
    bool exportCaptureTo(const QString& path);

    // Plugs a lab's panel in as a tab, reachable as --view `name`. The window takes ownership;
    // a panel with a statusMessage(QString) signal gets it shown in the status bar.
    void addLab(const QString& name, const QString& title, QWidget* panel);

    QString currentView() const;
    // The language of the window ("zh_CN" or "en"). Switching rebuilds the panels and menus
    // in the new language over the same labs: every server, connection and chat, the log, the
    // lesson on screen (at its step) and the URL walk stay. `ask` is kept for callers; nothing
    // needs confirming any more. Returns false for a language it does not have.
    QString language() const { return language_; }
    void setLanguageInUse(const QString& lang); // what installTranslators() installed
    bool setLanguage(const QString& lang, bool ask = true);
    // Restores and from now on saves the window's settings (geometry, last view, ports, speed,
    // language, recent files). Off by default so tests and screenshots start the same way.
    void rememberSettings();
    bool openRecordingFile(const QString& path);
    // LAN mode (off by default): the panels' server addresses become `address`, every lab
    // server accepts at most `maxConnections`, and a banner says where students connect.
    void setLanMode(bool on, const QHostAddress& address, int maxConnections);

signals:
    void languageChanged(const QString& lang);
    void captureExported(bool ok, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private slots:
    void showStatusMessage(const QString& message);

private:
    void buildPanels();
    void buildMenus();
    void fillRecentMenu();
    void openRecordingWithDialog();
    void noteRecentFile(const QString& path);
    void showLanDialog();
    void applyLanHosts(const QString& from, const QString& to);
    void updateLanBanner();
    static QStringList droppableFiles(const QMimeData* mime);
    void saveLogWithDialog();
    void exportCaptureWithDialog();
    void attachLayerSources();
    void showAbout();
    void updateStatus();
    void updateStartPage();

    // Declared in construction order; the destructor takes them down in the safe order.
    std::unique_ptr<Timeline> timeline_;
    std::unique_ptr<KernelObserver> observer_;
    std::unique_ptr<WireCapture> wire_;
    std::unique_ptr<TcpLab> tcpLab_;
    std::unique_ptr<UdpLab> udpLab_;
    std::unique_ptr<WsLab> wsLab_;
    std::unique_ptr<HttpServer> httpServer_;
    std::unique_ptr<HttpClient> httpClient_;

    QTabWidget* labs_;
    QHash<QString, QWidget*> views_;
    TcpPanel* tcpPanel_ = nullptr;
    LessonPanel* lessonPanel_ = nullptr;
    HttpPanel* httpPanel_ = nullptr;
    UdpPanel* udpPanel_ = nullptr;
    WsPanel* wsPanel_ = nullptr;
    UrlPanel* urlPanel_ = nullptr;
    OsiPanel* osiPanel_ = nullptr;
    StartPage* startPage_ = nullptr;
    QPointer<GuidedTour> tour_;
    bool firstRun_ = true; // no view was left open last time and the tour was not yet offered
    bool exportingCapture_ = false;
    QFuture<QString> captureExport_;       // reads the wire capture: finished before it goes
    Presentation* presentation_ = nullptr; // presentation mode, zoom, themes, keys, exports
    LogSaver* saver_;
    QLabel* eventsLabel_;
    QLabel* kernelLabel_;
    QLabel* lanLabel_;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    // What is observed and stored (View > Observe), like the commands' --observe.
    void setObserve(const QString& choice);
    QString observe_ = QStringLiteral("all");
    QString language_ = QStringLiteral("en");
    bool remembering_ = false;
    int kernelShown_ = -1; // last availability shown: restyle only on a change
};

} // namespace netstage
