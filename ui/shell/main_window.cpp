#include "ui/shell/main_window.h"

#include "core/base/timeline.h"
#include "core/base/translators.h"
#include "core/http/http_client.h"
#include "core/http/http_server.h"
#include "core/lessons/lesson.h"
#include "core/lessons/replay_player.h"
#include "core/net/lan_mode.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/tcp/tcp_lab.h"
#include "core/udp/udp_lab.h"
#include "core/ws/ws_lab.h"
#include "ui/common/app_settings.h"
#include "ui/common/stage_colors.h"
#include "ui/http/http_panel.h"
#include "ui/ladder/ladder_view.h"
#include "ui/lessons/lesson_panel.h"
#include "ui/log/event_log_panel.h"
#include "ui/log/log_saver.h"
#include "ui/osi/osi_panel.h"
#include "ui/shell/guided_tour.h"
#include "ui/shell/lan_mode_dialog.h"
#include "ui/shell/presentation.h"
#include "ui/shell/start_page.h"
#include "ui/tcp/tcp_panel.h"
#include "ui/udp/udp_panel.h"
#include "ui/url/url_panel.h"
#include "ui/ws/ws_panel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QScreen>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

namespace netstage {

namespace {
// One time order on the screen: events wait at most this window for earlier ones that
// arrive late (a captured SYN after the `connect` it allowed), see Timeline.
std::unique_ptr<Timeline> makeTimeline()
{
    auto t = std::make_unique<Timeline>();
    t->setReorderWindow(Timeline::kDefaultReorderWindowUs);
    return t;
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), timeline_(makeTimeline()),
      observer_(std::make_unique<KernelObserver>(timeline_.get())),
      wire_(std::make_unique<WireCapture>(timeline_.get())),
      tcpLab_(std::make_unique<TcpLab>(timeline_.get(), observer_.get())),
      udpLab_(std::make_unique<UdpLab>(timeline_.get())),
      wsLab_(std::make_unique<WsLab>(timeline_.get(), observer_.get())),
      httpServer_(std::make_unique<HttpServer>(timeline_.get(), observer_.get(), wire_.get())),
      httpClient_(std::make_unique<HttpClient>(timeline_.get(), observer_.get(), wire_.get())),
      labs_(new QTabWidget(this)), saver_(new LogSaver(this)), eventsLabel_(new QLabel(this)),
      kernelLabel_(new QLabel(this)), lanLabel_(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("NetStage"));
    labs_->setObjectName(QStringLiteral("labTabs"));
    labs_->setDocumentMode(true);
    setCentralWidget(labs_);

    // Real segments where capture is permitted; otherwise one event says so and the ladder
    // is drawn from the model.
    wire_->start();
    tcpLab_->setWireCapture(wire_.get());

    // installTranslators() set the default locale to the language it installed.
    language_ = QLocale().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                 : QStringLiteral("en");
    presentation_ = new Presentation(this, labs_);
    connect(presentation_, &Presentation::statusMessage, this, &MainWindow::showStatusMessage);
    buildPanels();
    buildMenus();
    setAcceptDrops(true);
    updateStartPage(); // a window without remembered settings is a first run

    eventsLabel_->setObjectName(QStringLiteral("eventsLabel"));
    kernelLabel_->setObjectName(QStringLiteral("kernelLabel"));
    // Margins keep the two permanent notes from running into each other.
    eventsLabel_->setContentsMargins(12, 0, 12, 0);
    kernelLabel_->setContentsMargins(12, 0, 12, 0);
    lanLabel_->setObjectName(QStringLiteral("lanBanner"));
    lanLabel_->setStyleSheet(StageColors::lanBannerStyle());
    lanLabel_->hide();
    statusBar()->addPermanentWidget(lanLabel_); // permanent: never hidden by a message
    statusBar()->addPermanentWidget(eventsLabel_);
    statusBar()->addPermanentWidget(kernelLabel_);
    auto* statusTimer = new QTimer(this);
    statusTimer->setInterval(250);
    connect(statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    statusTimer->start();
    updateStatus();

    connect(saver_, &LogSaver::finished, this,
            [this](bool ok, qint64 count, const QString& path, const QString& error) {
                statusBar()->showMessage(LogSaver::resultMessage(ok, count, path, error), 10000);
            });

    setMinimumSize(1024, 640);
    // 1400x900 where it fits; on a 1280x800 classroom projector, what the screen offers.
    QSize size(1400, 900);
    if (const QScreen* s = screen())
        size = size.boundedTo(s->availableGeometry().size());
    resize(size);
}

MainWindow::~MainWindow()
{
    // Panels hold pointers into the labs and the timeline: they go first, then the labs
    // (which may still log their goodbyes), then the observer, then the timeline.
    delete tour_;
    delete takeCentralWidget();
    startPage_ = nullptr;
    tcpPanel_ = nullptr;
    lessonPanel_ = nullptr;
    httpPanel_ = nullptr;
    udpPanel_ = nullptr;
    wsPanel_ = nullptr;
    osiPanel_ = nullptr;
    urlPanel_ = nullptr;
    captureExport_.waitForFinished(); // it reads the frames of wire_
    httpClient_.reset();
    httpServer_.reset();
    wsLab_.reset();
    udpLab_.reset();
    tcpLab_.reset();
    wire_.reset();
    observer_.reset();
    timeline_.reset();
}

void MainWindow::buildPanels()
{
    // The first tab: the tutorial's chapters, each a button to a view ready to run.
    startPage_ = new StartPage(labs_);
    addLab(QStringLiteral("start"), tr("Start"), startPage_);
    connect(startPage_, &StartPage::cardChosen, this, &MainWindow::openCard);
    connect(startPage_, &StartPage::viewChosen, this, &MainWindow::showView);
    connect(startPage_, &StartPage::recordingChosen, this, &MainWindow::openRecordingFile);
    connect(startPage_, &StartPage::tourRequested, this, &MainWindow::startTour);
    connect(startPage_, &StartPage::tourSkipped, this, [this] {
        firstRun_ = false;
        if (remembering_)
            AppSettings::setValue(QStringLiteral("tour/offered"), true);
    });
    tcpPanel_ = new TcpPanel(tcpLab_.get(), labs_);
    addLab(QStringLiteral("tcp"), tr("TCP"), tcpPanel_);
    lessonPanel_ = new LessonPanel(timeline_.get(), observer_.get(), wire_.get(), labs_);
    addLab(QStringLiteral("lessons"), tr("Handshake && teardown"), lessonPanel_);
    connect(lessonPanel_, &LessonPanel::recordingOpened, this, &MainWindow::noteRecentFile);
    connect(lessonPanel_, &LessonPanel::recordingSaved, this, &MainWindow::noteRecentFile);
    // In the tutorial's order: TCP, UDP, HTTP, WebSocket. The panels show the window's labs
    // and share its timeline, observer and wire capture.
    udpPanel_ = new UdpPanel(udpLab_.get(), timeline_.get(), observer_.get(), wire_.get(), labs_);
    addLab(QStringLiteral("udp"), tr("UDP"), udpPanel_);
    httpPanel_ = new HttpPanel(httpServer_.get(), httpClient_.get(), timeline_.get(),
                               observer_.get(), wire_.get(), labs_);
    addLab(QStringLiteral("http"), tr("HTTP"), httpPanel_);
    wsPanel_ = new WsPanel(wsLab_.get(), timeline_.get(), observer_.get(), wire_.get(), labs_);
    addLab(QStringLiteral("ws"), tr("WebSocket"), wsPanel_);
    // The tutorial's section 2: the whole walk from a typed URL to the page, on real sockets.
    // Made once: a language switch keeps it (it retranslates itself).
    if (!urlPanel_) {
        urlPanel_ = new UrlPanel(timeline_.get(), observer_.get(), wire_.get(), labs_);
        connect(urlPanel_, &UrlPanel::recordingOpened, this, &MainWindow::noteRecentFile);
        connect(urlPanel_, &UrlPanel::recordingSaved, this, &MainWindow::noteRecentFile);
    }
    addLab(QStringLiteral("url"), tr("URL → page"), urlPanel_);
    // The network model (section 1 of the tutorial), and any packet of the labs encapsulated.
    osiPanel_ = new OsiPanel(timeline_.get(), wire_.get(), labs_);
    addLab(QStringLiteral("osi"), tr("Network model"), osiPanel_);
    connect(osiPanel_, &OsiPanel::packetRequested, this,
            [this] { showView(QStringLiteral("osi")); });
    attachLayerSources();
    presentation_->addLessonShortcuts(lessonPanel_); // and rescales the new panels
}

void MainWindow::addLab(const QString& name, const QString& title, QWidget* panel)
{
    labs_->addTab(panel, title);
    views_.insert(name, panel);
    // By name, so any lab panel can report without MainWindow knowing its class.
    if (panel->metaObject()->indexOfSignal("statusMessage(QString)") >= 0)
        connect(panel, SIGNAL(statusMessage(QString)), this, SLOT(showStatusMessage(QString)),
                Qt::UniqueConnection); // a kept panel is added again after a language switch
}

void MainWindow::attachLayerSources()
{
    // Every event log and ladder of every tab gets "Show layers", connected from here so the
    // panels need not know the network model view.
    for (EventLogPanel* log : labs_->findChildren<EventLogPanel*>())
        osiPanel_->attachLog(log);
    for (LadderView* ladder : labs_->findChildren<LadderView*>())
        osiPanel_->attachLadder(ladder);
    QPointer<LessonPanel> lessons(lessonPanel_);
    osiPanel_->attachTable(lessonPanel_->logView(), [lessons](int row) -> std::optional<Event> {
        return lessons ? lessons->eventAtRow(row) : std::nullopt;
    });
}

bool MainWindow::exportCaptureTo(const QString& path)
{
    if (exportingCapture_) {
        statusBar()->showMessage(tr("An export is still running; try again when it has "
                                    "finished."),
                                 8000);
        return false;
    }
    if (!wire_->isActive()) {
        const QString msg = tr("There is no capture to export: wire capture is not running "
                               "(%1).")
                                .arg(wire_->unavailableReason());
        statusBar()->showMessage(msg, 10000);
        emit captureExported(false, msg);
        return false;
    }
    exportingCapture_ = true;
    const std::size_t frames = wire_->framesStored();
    statusBar()->showMessage(tr("Exporting %n frame(s) as pcapng…", nullptr, int(frames)));
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path, frames] {
        const QString error = watcher->result();
        watcher->deleteLater();
        exportingCapture_ = false;
        const QString msg =
            error.isEmpty()
                ? tr("Exported %n frame(s) to %1 (pcapng: Wireshark and tshark open it).", nullptr,
                     int(frames))
                      .arg(path)
                : tr("The capture could not be exported: %1").arg(error);
        statusBar()->showMessage(msg, 10000);
        emit captureExported(error.isEmpty(), msg);
    });
    // The frames are copied here (shared bytes); the file is written on a pool thread.
    WireCapture* wire = wire_.get();
    captureExport_ = QtConcurrent::run([wire, path] {
        QString error;
        return wire->writePcapng(path, &error) ? QString() : error;
    });
    watcher->setFuture(captureExport_);
    return true;
}

void MainWindow::exportCaptureWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the capture as pcapng"),
        QDir::home().filePath(QStringLiteral("netstage-capture.pcapng")),
        tr("pcapng capture (*.pcapng);;All files (*)"));
    if (!path.isEmpty())
        exportCaptureTo(path);
}

void MainWindow::showStatusMessage(const QString& message)
{
    statusBar()->showMessage(message, 8000);
}

QStringList MainWindow::viewNames() const
{
    QStringList names = views_.keys();
    names.sort();
    return names;
}

bool MainWindow::showView(const QString& name)
{
    QWidget* w = views_.value(name);
    if (!w)
        return false;
    labs_->setCurrentWidget(w);
    return true;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* save = file->addAction(tr("&Save log as JSON Lines…"));
    save->setShortcut(QKeySequence::Save);
    save->setToolTip(tr("Write every recorded event of this session to a .jsonl file."));
    connect(save, &QAction::triggered, this, &MainWindow::saveLogWithDialog);
    QAction* pcap = file->addAction(tr("Export capture as &pcapng…"));
    pcap->setObjectName(QStringLiteral("exportPcapngAction"));
    pcap->setToolTip(tr("Write every captured frame (real bytes and kernel timestamps) to a "
                        "pcapng file that Wireshark opens."));
    connect(pcap, &QAction::triggered, this, &MainWindow::exportCaptureWithDialog);
    file->addSeparator();
    QAction* open = file->addAction(tr("&Open recording…"));
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a saved lesson or URL walk and replay it (no network needed)."));
    connect(open, &QAction::triggered, this, &MainWindow::openRecordingWithDialog);
    QMenu* samples = file->addMenu(tr("Open &sample lesson"));
    samples->setToolTip(tr("Recordings of every lesson, made on real sockets; they open "
                           "without a network."));
    for (const Lesson& lesson : Lessons::all()) {
        const QString name = QString::fromLatin1(lesson.name);
        QAction* a = samples->addAction(Lessons::title(lesson));
        connect(a, &QAction::triggered, this, [this, name] {
            showView(QStringLiteral("lessons"));
            lessonPanel_->openRecording(QStringLiteral(":/recordings/%1.netstage.jsonl").arg(name));
        });
    }
    recentMenu_ = file->addMenu(tr("Open &recent"));
    recentMenu_->setObjectName(QStringLiteral("recentMenu"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    QAction* record = file->addAction(tr("Save &recording…"));
    record->setToolTip(tr("Save the lesson shown as a recording."));
    connect(record, &QAction::triggered, lessonPanel_, &LessonPanel::saveWithDialog);
    QAction* exportImage = file->addAction(tr("&Export diagram as PNG or SVG…"));
    connect(exportImage, &QAction::triggered, lessonPanel_, &LessonPanel::exportWithDialog);
    presentation_->addFileActions(file);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    presentation_->addViewActions(view); // presentation mode, zoom, theme, keyboard help
    view->addSeparator();
    QMenu* language = view->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto* languages = new QActionGroup(language);
    // Each language by its own name, so a user lost in the other one finds the way back.
    const std::pair<QString, QString> names[] = {{QStringLiteral("zh_CN"), QStringLiteral("中文")},
                                                 {QStringLiteral("en"), QStringLiteral("English")}};
    for (const auto& [code, name] : names) {
        QAction* a = language->addAction(name);
        a->setObjectName(QStringLiteral("language_%1").arg(code));
        a->setCheckable(true);
        a->setChecked(code == language_);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            // After this menu's own handler has returned: the switch rebuilds the menus.
            QMetaObject::invokeMethod(
                this, [this, code] { setLanguage(code); }, Qt::QueuedConnection);
        });
    }
    // What observation costs, seen in the window: fewer sources, less work per event.
    QMenu* observe = view->addMenu(tr("&Observe"));
    observe->setObjectName(QStringLiteral("observeMenu"));
    auto* observed = new QActionGroup(observe);
    const std::pair<QString, QString> choices[] = {
        {QStringLiteral("all"), tr("&Everything: app, kernel and wire")},
        {QStringLiteral("app,kernel"), tr("App and &kernel")},
        {QStringLiteral("app"), tr("&App only")},
        {QStringLiteral("none"), tr("&Nothing but errors")}};
    for (const auto& [code, name] : choices) {
        QAction* a = observe->addAction(name);
        a->setObjectName(QStringLiteral("observe_%1").arg(code));
        a->setCheckable(true);
        a->setChecked(code == observe_);
        observed->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { setObserve(code); });
    }
    view->addSeparator();
    QAction* lan = view->addAction(tr("LAN &mode…"));
    lan->setObjectName(QStringLiteral("lanModeAction"));
    lan->setToolTip(tr("Let students' own programs on this network connect to the servers "
                       "on this screen."));
    connect(lan, &QAction::triggered, this, &MainWindow::showLanDialog);
    viewMenu_ = view;

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* start = help->addAction(tr("&Start page"));
    start->setObjectName(QStringLiteral("startPageAction"));
    connect(start, &QAction::triggered, this, [this] { showView(QStringLiteral("start")); });
    QAction* tour = help->addAction(tr("&Guided run of the TCP chapter"));
    tour->setObjectName(QStringLiteral("tourAction"));
    connect(tour, &QAction::triggered, this, &MainWindow::startTour);
    help->addSeparator();
    QAction* about = help->addAction(tr("&About NetStage"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

QString MainWindow::currentView() const
{
    return views_.key(labs_->currentWidget());
}

void MainWindow::setLanguageInUse(const QString& lang)
{
    language_ = lang;
    if (QAction* a = menuBar()->findChild<QAction*>(QStringLiteral("language_%1").arg(lang)))
        a->setChecked(true);
}

bool MainWindow::setLanguage(const QString& lang, bool ask)
{
    if (lang != QLatin1String("zh_CN") && lang != QLatin1String("en"))
        return false;
    if (lang == language_)
        return true;
    Q_UNUSED(ask) // every lab is the window's: a switch closes nothing, so nothing to confirm
    // What the user typed into the panels survives the rebuild.
    const QString view = currentView();
    QHash<QString, QVariantHash> controls;
    for (auto it = views_.cbegin(); it != views_.cend(); ++it)
        controls.insert(it.key(), AppSettings::controlValues(it.value()));

    // The lesson on the screen (finished, or opened from a file) comes back at the same step;
    // its explanations are drawn again in the new language.
    std::vector<Event> lessonEvents;
    QString lessonName;
    int lessonPosition = 0;
    if (lessonPanel_ && !lessonPanel_->isRunning() && !lessonPanel_->events().empty()) {
        lessonEvents = lessonPanel_->events();
        lessonName = lessonPanel_->lessonName();
        lessonPosition = lessonPanel_->player()->position();
    }

    // A guided run points into the TCP panel: it ends with it.
    if (tour_)
        tour_->end();
    delete tour_;
    startPage_ = nullptr;
    // The URL panel stays (its walk and what it shows); it retranslates itself.
    UrlPanel* keptUrl = urlPanel_;
    if (keptUrl)
        labs_->removeTab(labs_->indexOf(keptUrl));
    // Panels first (they point into the labs), then the menus.
    views_.clear();
    while (QWidget* w = labs_->widget(0)) {
        labs_->removeTab(0);
        delete w;
    }
    tcpPanel_ = nullptr;
    lessonPanel_ = nullptr;
    httpPanel_ = nullptr;
    udpPanel_ = nullptr;
    wsPanel_ = nullptr;
    osiPanel_ = nullptr;
    urlPanel_ = keptUrl;
    menuBar()->clear();
    const QList<QMenu*> menus = menuBar()->findChildren<QMenu*>(Qt::FindDirectChildrenOnly);
    qDeleteAll(menus);
    recentMenu_ = nullptr;
    viewMenu_ = nullptr;

    language_ = installTranslators(qApp, lang);
    buildPanels();
    buildMenus();
    for (auto it = views_.cbegin(); it != views_.cend(); ++it)
        AppSettings::setControlValues(it.value(), controls.value(it.key()));
    if (!lessonEvents.empty()) {
        lessonPanel_->setEvents(std::move(lessonEvents), lessonName);
        lessonPanel_->player()->seek(lessonPosition);
    }
    if (LanMode::enabled())
        applyLanHosts(QStringLiteral("127.0.0.1"), LanMode::address().toString());
    updateLanBanner();
    updateStartPage();
    showView(view);
    kernelShown_ = -1;
    updateStatus();
    if (remembering_)
        AppSettings::setLanguage(language_);
    emit languageChanged(language_);
    return true;
}

void MainWindow::rememberSettings()
{
    remembering_ = true;
    // The theme and the zoom of last time (presentation mode itself is not remembered: a
    // window that opens full screen surprises).
    if (AppSettings::value(QStringLiteral("theme")).toString() == QLatin1String("dark"))
        presentation_->setTheme(Presentation::Theme::Dark);
    const double scale = AppSettings::value(QStringLiteral("zoom"), 1.0).toDouble();
    if (scale >= 0.5 && scale <= 3.0 && !qFuzzyCompare(scale, 1.0))
        presentation_->setScale(scale);
    connect(presentation_, &Presentation::themeChanged, this, [](Presentation::Theme theme) {
        AppSettings::setValue(QStringLiteral("theme"), theme == Presentation::Theme::Dark
                                                           ? QStringLiteral("dark")
                                                           : QStringLiteral("light"));
    });
    connect(presentation_, &Presentation::scaleChanged, this,
            [this] { AppSettings::setValue(QStringLiteral("zoom"), presentation_->scale()); });
    const QByteArray geometry = AppSettings::windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    for (auto it = views_.cbegin(); it != views_.cend(); ++it)
        AppSettings::restoreControls(it.key(), it.value());
    // The first run opens on the start page and offers the guided run; later runs open the
    // view left open last time, the start page one tab away.
    const QString view = AppSettings::lastView();
    firstRun_ = view.isEmpty() && !AppSettings::value(QStringLiteral("tour/offered")).toBool();
    updateStartPage();
    if (!view.isEmpty())
        showView(view);
    else
        showView(QStringLiteral("start"));
}

void MainWindow::updateStartPage()
{
    if (!startPage_)
        return;
    startPage_->setFirstRun(firstRun_);
    const QString last = remembering_ ? AppSettings::lastView() : QString();
    QString title;
    if (QWidget* w = views_.value(last); w && last != QLatin1String("start"))
        title = labs_->tabText(labs_->indexOf(w)).replace(QLatin1String("&&"), QLatin1String("&"));
    else
        title.clear();
    startPage_->setContinue(title.isEmpty() ? QString() : last, title,
                            remembering_ ? AppSettings::recentFiles().mid(0, 5) : QStringList());
}

bool MainWindow::openCard(const QString& id)
{
    auto child = [this](const QString& view, const QString& name) -> QWidget* {
        QWidget* v = views_.value(view);
        return v ? v->findChild<QWidget*>(name) : nullptr;
    };
    // A preset and a port as the card promises; a running server keeps its own.
    auto setPreset = [&](const QString& view, const QString& name, int preset) {
        if (auto* c = qobject_cast<QComboBox*>(child(view, name)); c && c->findData(preset) >= 0)
            c->setCurrentIndex(c->findData(preset));
    };
    auto setPort = [&](const QString& view, const QString& name, int port) {
        if (auto* s = qobject_cast<QSpinBox*>(child(view, name)); s && s->isEnabled())
            s->setValue(port);
    };
    if (id == QLatin1String("osi"))
        return showView(QStringLiteral("osi"));
    if (id == QLatin1String("url")) {
        urlPanel_->setUrl(QStringLiteral("http://example.test/"));
        return showView(QStringLiteral("url"));
    }
    if (id == QLatin1String("handshake") || id == QLatin1String("teardown")) {
        // The teardown step by step: the server waits in CLOSE-WAIT, so all four segments
        // show; the handshake runs straight through.
        if (!lessonPanel_->isRunning())
            lessonPanel_->selectLesson(id, id == QLatin1String("teardown"));
        return showView(QStringLiteral("lessons"));
    }
    if (id == QLatin1String("tcp")) {
        setPreset(QStringLiteral("tcp"), QStringLiteral("presetCombo"), int(TcpPreset::Seed));
        setPort(QStringLiteral("tcp"), QStringLiteral("serverPortSpin"), 8124);
        // The client aims at that server.
        const auto* host = qobject_cast<QLineEdit*>(
            child(QStringLiteral("tcp"), QStringLiteral("serverHostEdit")));
        if (auto* target = qobject_cast<QLineEdit*>(
                child(QStringLiteral("tcp"), QStringLiteral("targetEdit")));
            target && host && !tcpLab_->isListening())
            target->setText(QStringLiteral("%1:8124").arg(host->text().trimmed()));
        return showView(QStringLiteral("tcp"));
    }
    if (id == QLatin1String("udp")) {
        setPreset(QStringLiteral("udp"), QStringLiteral("udpPresetCombo"), int(UdpPreset::Seed));
        setPort(QStringLiteral("udp"), QStringLiteral("udpPortSpin"), 41234);
        return showView(QStringLiteral("udp"));
    }
    if (id == QLatin1String("http")) {
        setPort(QStringLiteral("http"), QStringLiteral("httpPortSpin"), 8080);
        const auto* port =
            qobject_cast<QSpinBox*>(child(QStringLiteral("http"), QStringLiteral("httpPortSpin")));
        httpPanel_->setUrl(
            QStringLiteral("http://example.test:%1/").arg(port ? port->value() : 8080));
        return showView(QStringLiteral("http"));
    }
    if (id == QLatin1String("ws")) {
        setPreset(QStringLiteral("ws"), QStringLiteral("wsPresetCombo"), int(WsPreset::Echo));
        setPort(QStringLiteral("ws"), QStringLiteral("wsPortSpin"), 8090);
        return showView(QStringLiteral("ws"));
    }
    return false;
}

GuidedTour* MainWindow::tour() const
{
    return tour_;
}

GuidedTour* MainWindow::startTour()
{
    if (tour_)
        tour_->end();
    delete tour_;
    firstRun_ = false;
    if (startPage_)
        startPage_->setFirstRun(false);
    if (remembering_)
        AppSettings::setValue(QStringLiteral("tour/offered"), true);
    openCard(QStringLiteral("tcp"));
    tour_ = new GuidedTour(this, tcpPanel_, tcpLab_.get());
    return tour_;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (remembering_) {
        AppSettings::setWindowGeometry(saveGeometry());
        AppSettings::setLastView(currentView());
        for (auto it = views_.cbegin(); it != views_.cend(); ++it)
            AppSettings::saveControls(it.key(), it.value());
    }
    QMainWindow::closeEvent(event);
}

bool MainWindow::openRecordingFile(const QString& path)
{
    if (!lessonPanel_ || !urlPanel_)
        return false;
    // Which tab replays it: a URL walk's recording names "url-walk" in its header line, a
    // lesson its lesson. Only the first line is read, off the GUI thread; a file that cannot
    // be read goes to the lessons panel, which says why.
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        const QString lesson = watcher->result();
        watcher->deleteLater();
        if (!lessonPanel_ || !urlPanel_)
            return; // the window was rebuilt meanwhile
        if (lesson == QLatin1String("url-walk")) {
            showView(QStringLiteral("url"));
            urlPanel_->openRecording(path);
        } else {
            showView(QStringLiteral("lessons"));
            lessonPanel_->openRecording(path);
        }
    });
    watcher->setFuture(QtConcurrent::run([path] {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return QString();
        const QJsonObject header = QJsonDocument::fromJson(f.readLine(64 * 1024)).object();
        return header.value(QStringLiteral("lesson")).toString();
    }));
    return true;
}

void MainWindow::openRecordingWithDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a recording"), QString(),
                                     tr("NetStage recordings (*.jsonl *.netstage);;All files (*)"));
    if (!path.isEmpty())
        openRecordingFile(path);
}

void MainWindow::noteRecentFile(const QString& path)
{
    if (!remembering_ || path.startsWith(QLatin1Char(':')))
        return; // samples are in their own menu
    AppSettings::addRecentFile(path);
    updateStartPage();
}

void MainWindow::fillRecentMenu()
{
    if (!recentMenu_)
        return;
    recentMenu_->clear();
    const QStringList files = remembering_ ? AppSettings::recentFiles() : QStringList();
    int n = 0;
    for (const QString& f : files) {
        ++n;
        QAction* a =
            recentMenu_->addAction(QStringLiteral("&%1  %2").arg(n).arg(QFileInfo(f).fileName()));
        a->setToolTip(QDir::toNativeSeparators(f));
        a->setStatusTip(QDir::toNativeSeparators(f));
        connect(a, &QAction::triggered, this, [this, f] { openRecordingFile(f); });
    }
    if (files.isEmpty()) {
        QAction* none = recentMenu_->addAction(tr("No recent recordings"));
        none->setEnabled(false);
        return;
    }
    recentMenu_->addSeparator();
    QAction* clear = recentMenu_->addAction(tr("&Clear the list"));
    connect(clear, &QAction::triggered, this, [] { AppSettings::clearRecentFiles(); });
}

QStringList MainWindow::droppableFiles(const QMimeData* mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    return files;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppableFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList files = droppableFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    // One recording at a time: the first is opened (a broken one says why in the lesson
    // panel, and nothing is lost); the others are named in the status bar.
    if (files.size() > 1 && lessonPanel_) {
        // Said once the panel has said its own word about the file that was opened.
        const QString note = tr("Opened %1; %n other file(s) ignored (one recording at a time).",
                                nullptr, int(files.size() - 1))
                                 .arg(QFileInfo(files.first()).fileName());
        auto opened = std::make_shared<QMetaObject::Connection>();
        auto failed = std::make_shared<QMetaObject::Connection>();
        *opened = connect(
            lessonPanel_, &LessonPanel::recordingOpened, this,
            [this, note, opened, failed] {
                disconnect(*opened);
                disconnect(*failed);
                statusBar()->showMessage(note, 10000);
            },
            Qt::QueuedConnection);
        *failed = connect(lessonPanel_, &LessonPanel::recordingFailed, this, [opened, failed] {
            disconnect(*opened);
            disconnect(*failed);
        });
    }
    openRecordingFile(files.first());
}

bool MainWindow::saveLogTo(const QString& path)
{
    std::vector<Event> events;
    events.reserve(timeline_->size());
    for (quint64 i = timeline_->firstIndex(); i < timeline_->endIndex(); ++i)
        events.push_back(timeline_->at(i));
    const std::size_t n = events.size();
    if (!saver_->save(std::move(events), path)) {
        statusBar()->showMessage(tr("A save is still running; try again when it has finished."),
                                 8000);
        return false;
    }
    statusBar()->showMessage(tr("Saving %n event(s)…", nullptr, int(n)));
    return true;
}

void MainWindow::saveLogWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the session as JSON Lines"),
        QDir::home().filePath(QStringLiteral("netstage-session.jsonl")),
        tr("JSON Lines (*.jsonl *.ndjson);;All files (*)"));
    if (!path.isEmpty())
        saveLogTo(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About NetStage"),
        tr("<h3>NetStage %1</h3>"
           "<p>Watch TCP connections live and die, with real sockets on this machine: what the "
           "program sees, what the kernel says, and what went over the wire.</p>"
           "<p>Licence: GNU General Public License, version 3 or (at your option) any later "
           "version (GPL-3.0-or-later). There is NO WARRANTY.</p>"
           "<p>Built with:<br>"
           "Qt %2 (LGPL-3.0 / GPL)<br>"
           "QCustomPlot (GPL-3.0-or-later)<br>"
           "libpcap (BSD-3-Clause)<br>"
           "ldns (BSD-3-Clause): the URL walk's DNS messages</p>"
           "<p>Runs when asked: nft from nftables (GPL-2.0), a separate program, for real TCP "
           "loss in the lessons (root only).</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::showLanDialog()
{
    LanModeDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        setLanMode(dialog.enabledChoice(), dialog.addressChoice(), dialog.maxConnectionsChoice());
}

void MainWindow::setLanMode(bool on, const QHostAddress& address, int maxConnections)
{
    const QString loopback = QStringLiteral("127.0.0.1");
    const QString before = LanMode::enabled() ? LanMode::address().toString() : loopback;
    LanMode::setAddress(address);
    LanMode::setMaxConnections(maxConnections);
    LanMode::setEnabled(on);
    applyLanHosts(before, on ? address.toString() : loopback);
    updateLanBanner();
    showStatusMessage(on ? tr("LAN mode is on. Start (or restart) a server to bind it to %1.")
                               .arg(address.toString())
                         : tr("LAN mode is off. Restart running servers to bind them to "
                              "127.0.0.1 again."));
}

void MainWindow::applyLanHosts(const QString& from, const QString& to)
{
    // Only the addresses the window put there: an address the user typed stays.
    tcpPanel_->setLanHost(from, to);
    udpPanel_->setLanHost(from, to);
    httpPanel_->setLanHost(from, to);
    wsPanel_->setLanHost(from, to);
}

void MainWindow::updateLanBanner()
{
    if (!LanMode::enabled()) {
        lanLabel_->hide();
        return;
    }
    QString where = LanMode::address().toString();
    if (LanMode::address() == QHostAddress(QHostAddress::AnyIPv4)) {
        QStringList all;
        for (const QHostAddress& a : LanMode::lanAddresses())
            all << a.toString();
        where = all.isEmpty() ? tr("no network address") : all.join(QLatin1String(", "));
    }
    lanLabel_->setText(tr("LAN mode ON: students connect to %1 · at most %n connection(s) per "
                          "server",
                          nullptr, LanMode::maxConnections())
                           .arg(where));
    lanLabel_->setToolTip(tr("Anyone on this network can reach the servers started while LAN "
                             "mode is on. Turn it off in View > LAN mode when the lesson ends."));
    lanLabel_->show();
}

void MainWindow::updateStatus()
{
    const QLocale locale;
    eventsLabel_->setText(tr("Events: %1 stored, %2 dropped")
                              .arg(locale.toString(qulonglong(timeline_->size())),
                                   locale.toString(qulonglong(timeline_->dropped()))));
    const bool available = observer_->isAvailable();
    if (int(available) == kernelShown_)
        return;
    kernelShown_ = int(available);
    if (available) {
        kernelLabel_->setText(tr("Kernel states: on (sock_diag)"));
        kernelLabel_->setStyleSheet(QString());
        kernelLabel_->setToolTip(tr("The kernel's TCP state of each socket is read through "
                                    "NETLINK_SOCK_DIAG, as `ss` does. No root needed."));
    } else {
        kernelLabel_->setText(tr("Kernel states: unavailable"));
        kernelLabel_->setStyleSheet(StageColors::noteStyle(true));
        kernelLabel_->setToolTip(tr("NETLINK_SOCK_DIAG could not be opened: the socket list "
                                    "shows only what the program sees."));
    }
}

void MainWindow::setObserve(const QString& choice)
{
    observe_ = choice;
    const bool all = choice == QLatin1String("all");
    QStringList sources;
    if (!all && choice != QLatin1String("none"))
        sources = choice.split(QLatin1Char(','));
    if (sources.contains(ev::App))
        sources << ev::Model; // a lesson's textbook arrows come with the app's events
    timeline_->setSources(sources, all);
    observer_->setEnabled(all || sources.contains(ev::Kernel));
}

} // namespace netstage
