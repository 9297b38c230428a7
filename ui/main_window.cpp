#include "main_window.h"

#include "http_panel.h"
#include "kernel_observer.h"
#include "lesson.h"
#include "lesson_panel.h"
#include "log_saver.h"
#include "presentation.h"
#include "tcp_lab.h"
#include "tcp_panel.h"
#include "timeline.h"
#include "udp_panel.h"
#include "wire_capture.h"
#include "ws_panel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace netstage {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), timeline_(std::make_unique<Timeline>()),
      observer_(std::make_unique<KernelObserver>(timeline_.get())),
      wire_(std::make_unique<WireCapture>(timeline_.get())),
      tcpLab_(std::make_unique<TcpLab>(timeline_.get(), observer_.get())),
      labs_(new QTabWidget(this)), saver_(new LogSaver(this)), eventsLabel_(new QLabel(this)),
      kernelLabel_(new QLabel(this))
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

    tcpPanel_ = new TcpPanel(tcpLab_.get(), labs_);
    addLab(QStringLiteral("tcp"), tr("TCP"), tcpPanel_);
    lessonPanel_ = new LessonPanel(timeline_.get(), observer_.get(), wire_.get(), labs_);
    addLab(QStringLiteral("lessons"), tr("Handshake && teardown"), lessonPanel_);
    // In the tutorial's order: TCP, UDP, HTTP, WebSocket. The UDP and WebSocket panels own
    // their labs and share the window's timeline, observer and wire capture.
    addLab(QStringLiteral("udp"), tr("UDP"),
           new UdpPanel(timeline_.get(), observer_.get(), wire_.get(), labs_));
    httpPanel_ = new HttpPanel(timeline_.get(), observer_.get(), wire_.get(), labs_);
    addLab(QStringLiteral("http"), tr("HTTP"), httpPanel_);
    addLab(QStringLiteral("ws"), tr("WebSocket"),
           new WsPanel(timeline_.get(), observer_.get(), wire_.get(), labs_));

    presentation_ = new Presentation(this, labs_);
    presentation_->addLessonShortcuts(lessonPanel_);
    connect(presentation_, &Presentation::statusMessage, this, &MainWindow::showStatusMessage);
    buildMenus();

    eventsLabel_->setObjectName(QStringLiteral("eventsLabel"));
    kernelLabel_->setObjectName(QStringLiteral("kernelLabel"));
    // Margins keep the two permanent notes from running into each other.
    eventsLabel_->setContentsMargins(12, 0, 12, 0);
    kernelLabel_->setContentsMargins(12, 0, 12, 0);
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
    delete takeCentralWidget();
    tcpPanel_ = nullptr;
    lessonPanel_ = nullptr;
    httpPanel_ = nullptr;
    tcpLab_.reset();
    wire_.reset();
    observer_.reset();
    timeline_.reset();
}

void MainWindow::addLab(const QString& name, const QString& title, QWidget* panel)
{
    labs_->addTab(panel, title);
    views_.insert(name, panel);
    // By name, so any lab panel can report without MainWindow knowing its class.
    if (panel->metaObject()->indexOfSignal("statusMessage(QString)") >= 0)
        connect(panel, SIGNAL(statusMessage(QString)), this, SLOT(showStatusMessage(QString)));
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
    file->addSeparator();
    QAction* open = file->addAction(tr("&Open recording…"));
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a saved lesson recording and replay it (no network needed)."));
    connect(open, &QAction::triggered, this, [this] {
        showView(QStringLiteral("lessons"));
        lessonPanel_->openWithDialog();
    });
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

    presentation_->addViewMenu(menuBar());
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About NetStage"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
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
           "QCustomPlot (GPL-3.0)<br>"
           "libpcap (BSD)</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
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
        kernelLabel_->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
        kernelLabel_->setToolTip(tr("NETLINK_SOCK_DIAG could not be opened: the socket list "
                                    "shows only what the program sees."));
    }
}

} // namespace netstage
