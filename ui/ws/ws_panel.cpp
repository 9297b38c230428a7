#include "ui/ws/ws_panel.h"

#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "core/ladder/ladder.h"
#include "core/ws/ws_handshake.h"
#include "core/ws/ws_lab.h"
#include "ui/common/empty_state.h"
#include "ui/common/lan_host.h"
#include "ui/common/stage_colors.h"
#include "ui/common/state_cell_delegate.h"
#include "ui/ladder/ladder_view.h"
#include "ui/log/event_log_panel.h"
#include "ui/log/socket_list_model.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace netstage {

namespace {

const QString kHandshake = QStringLiteral("handshake");

QString errorSince(const Timeline* timeline, quint64 since)
{
    const quint64 end = timeline->endIndex();
    for (quint64 i = end; i > std::max(since, timeline->firstIndex()); --i) {
        const Event e = timeline->at(i - 1);
        if (e.event == ev::Error)
            return e.code.isEmpty() ? Explain::sentence(e)
                                    : QStringLiteral("%1: %2").arg(e.code, Explain::sentence(e));
    }
    return {};
}

std::vector<Event> eventsOf(const Timeline* tl, const QString& socket)
{
    std::vector<Event> out;
    for (quint64 i : tl->indicesOf(socket))
        out.push_back(tl->at(i));
    return out;
}

// A head as it went over the wire, line ends made visible: CR LF is what HTTP asks for.
QString showHead(const QString& head)
{
    QString t = head;
    t.replace(QStringLiteral("\r\n"), QStringLiteral("↵\n"));
    return t;
}

} // namespace

WsPanel::WsPanel(Timeline* timeline, KernelObserver* observer, WireCapture* wire, QWidget* parent)
    : WsPanel(nullptr, timeline, observer, wire, parent)
{
}

WsPanel::WsPanel(WsLab* lab, Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                 QWidget* parent)
    : QWidget(parent), timeline_(timeline), lab_(lab ? lab : new WsLab(timeline, observer, this)),
      sockets_(new SocketListModel(timeline, QStringLiteral("ws"), this)),
      socketView_(new QTableView(this)),
      log_(new EventLogPanel(timeline, QStringLiteral("ws-"), this))
{
    setObjectName(QStringLiteral("wsPanel"));
    socketView_->setObjectName(QStringLiteral("wsSocketView"));
    lab_->setWireCapture(wire);

    auto* top = new QHBoxLayout;
    top->addWidget(buildServerBox(), 3);
    top->addWidget(buildClientBox(), 2);

    socketView_->setModel(sockets_);
    socketView_->setItemDelegateForColumn(SocketListModel::KernelState,
                                          new StateCellDelegate(socketView_));
    socketView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    socketView_->setSelectionMode(QAbstractItemView::SingleSelection);
    socketView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    socketView_->setWordWrap(false);
    socketView_->verticalHeader()->hide();
    socketView_->verticalHeader()->setDefaultSectionSize(socketView_->fontMetrics().height() + 10);
    socketView_->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics fm(socketView_->font());
    socketView_->setColumnWidth(SocketListModel::Id,
                                fm.horizontalAdvance(QStringLiteral("ws-client-10")) + 28);
    socketView_->setColumnWidth(SocketListModel::KernelState,
                                fm.horizontalAdvance(QStringLiteral("ESTABLISHED")) + 30);
    socketView_->setColumnWidth(SocketListModel::Local,
                                fm.horizontalAdvance(QStringLiteral("127.0.0.1:65535")) + 20);
    socketView_->setToolTip(tr("Every socket of the WebSocket lab. Select one to act on it, to "
                               "see its handshake and ladder, and to see only its events."));
    connect(socketView_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WsPanel::onSocketSelected);
    connect(socketView_, &QAbstractItemView::clicked, this, &WsPanel::onSocketSelected);
    connect(sockets_, &SocketListModel::socketAdded, this, &WsPanel::onSocketAdded);
    connect(sockets_, &QAbstractItemModel::dataChanged, this, &WsPanel::updateActions);

    // Details of the selected socket: the handshake bytes, the ladder.
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("wsDetailTabs"));
    handshake_ = new QPlainTextEdit(this);
    handshake_->setObjectName(QStringLiteral("wsHandshakeView"));
    handshake_->setReadOnly(true);
    handshake_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(mono.pointSizeF(), font().pointSizeF()));
    handshake_->setFont(mono);
    tabs_->addTab(handshake_, tr("Opening handshake"));
    ladderStack_ = new QStackedWidget(this);
    ladderStack_->setObjectName(QStringLiteral("wsLadderStack"));
    ladder_ = new LadderView(ladderStack_);
    ladder_->setObjectName(QStringLiteral("wsLadderView"));
    ladder_->setAnimationDuration(0);
    // Smaller than the lessons' ladder: a whole connection is long (handshake, upgrade,
    // frames, closing handshake, teardown); + and - zoom.
    ladder_->setZoom(0.6);
    ladderNote_ = new QLabel(ladderStack_);
    ladderNote_->setObjectName(QStringLiteral("wsLadderNote"));
    ladderNote_->setWordWrap(true);
    ladderNote_->setAlignment(Qt::AlignCenter);
    ladderStack_->addWidget(ladderNote_);
    ladderStack_->addWidget(ladder_);
    tabs_->addTab(ladderStack_, tr("Ladder"));

    auto* socketsArea = new QWidget(this);
    auto* socketsLayout = new QVBoxLayout(socketsArea);
    socketsLayout->setContentsMargins(0, 0, 0, 0);
    socketsLayout->addWidget(new QLabel(tr("<b>Sockets</b>"), socketsArea));
    socketsLayout->addWidget(socketView_, 1);
    socketsLayout->addWidget(buildSocketBox());

    auto* middle = new QSplitter(Qt::Horizontal, this);
    middle->setChildrenCollapsible(false);
    middle->addWidget(socketsArea);
    middle->addWidget(tabs_);
    middle->setStretchFactor(0, 5);
    middle->setStretchFactor(1, 4);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(middle);
    splitter->addWidget(log_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(lab_, &WsLab::listeningChanged, this, &WsPanel::onListeningChanged);
    connect(log_, &EventLogPanel::statusMessage, this, &WsPanel::statusMessage);
    auto* refresh = new QTimer(this);
    refresh->setInterval(300);
    connect(refresh, &QTimer::timeout, this, [this] {
        if (!selected_.isEmpty() && timeline_->countOf(selected_) != shownCount_)
            refreshDetails();
    });
    refresh->start();
    // A lab that outlived the previous panel may be listening already.
    if (lab_->isListening())
        portSpin_->setValue(lab_->serverPort());
    onListeningChanged(lab_->isListening());
    refreshDetails();
    updateActions();
    addEmptyStates();
}

WsPanel::~WsPanel()
{
    lab_->disconnect(this);
}

QGroupBox* WsPanel::buildServerBox()
{
    auto* box = new QGroupBox(tr("WebSocket server"), this);
    hostEdit_ = new QLineEdit(QStringLiteral("127.0.0.1"), box);
    hostEdit_->setObjectName(QStringLiteral("wsHostEdit"));
    hostEdit_->setToolTip(tr("The address to listen on. 127.0.0.1 keeps the lab on this machine."));
    portSpin_ = new QSpinBox(box);
    portSpin_->setObjectName(QStringLiteral("wsPortSpin"));
    portSpin_->setRange(0, 65535);
    portSpin_->setValue(8090);
    portSpin_->setToolTip(tr("The port to listen on. 0 lets the kernel pick a free one."));
    presetCombo_ = new QComboBox(box);
    presetCombo_->setObjectName(QStringLiteral("wsPresetCombo"));
    presetCombo_->addItem(tr("echo"), int(WsPreset::Echo));
    presetCombo_->setItemData(0, tr("echo: sends every message back to its sender."),
                              Qt::ToolTipRole);
    presetCombo_->addItem(tr("chat"), int(WsPreset::Chat));
    presetCombo_->setItemData(1,
                              tr("chat: sends every message to every client, the sender "
                                 "included, like a classroom chat."),
                              Qt::ToolTipRole);
    connect(presetCombo_, &QComboBox::currentIndexChanged, this,
            [this] { lab_->setPreset(WsPreset(presetCombo_->currentData().toInt())); });
    maxSpin_ = new QSpinBox(box);
    maxSpin_->setObjectName(QStringLiteral("wsMaxSpin"));
    maxSpin_->setRange(1, 64 * 1024);
    maxSpin_->setValue(1024);
    maxSpin_->setSuffix(tr(" KiB"));
    maxSpin_->setToolTip(tr("A larger message is refused: the server closes that connection "
                            "with 1009 (message too big)."));
    startButton_ = new QPushButton(tr("Start"), box);
    startButton_->setObjectName(QStringLiteral("wsStartButton"));
    stopButton_ = new QPushButton(tr("Stop"), box);
    stopButton_->setObjectName(QStringLiteral("wsStopButton"));
    serverNote_ = new QLabel(box);
    serverNote_->setObjectName(QStringLiteral("wsServerNote"));
    serverNote_->setWordWrap(true);
    connect(startButton_, &QPushButton::clicked, this, &WsPanel::startServer);
    connect(stopButton_, &QPushButton::clicked, this, &WsPanel::stopServer);

    auto* g = new QGridLayout(box);
    g->addWidget(new QLabel(tr("Host"), box), 0, 0);
    g->addWidget(hostEdit_, 0, 1);
    g->addWidget(new QLabel(tr("Port"), box), 0, 2);
    g->addWidget(portSpin_, 0, 3);
    g->addWidget(new QLabel(tr("Behaviour"), box), 0, 4);
    g->addWidget(presetCombo_, 0, 5);
    g->addWidget(new QLabel(tr("Largest message"), box), 1, 0);
    g->addWidget(maxSpin_, 1, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(startButton_);
    buttons->addWidget(stopButton_);
    g->addLayout(buttons, 1, 2, 1, 4);
    g->addWidget(serverNote_, 2, 0, 1, 6);
    g->setColumnStretch(1, 1);
    g->setColumnStretch(5, 1);
    return box;
}

QGroupBox* WsPanel::buildClientBox()
{
    auto* box = new QGroupBox(tr("Client (QWebSocket)"), this);
    urlEdit_ = new QLineEdit(QStringLiteral("ws://127.0.0.1:8090/"), box);
    urlEdit_->setObjectName(QStringLiteral("wsUrlEdit"));
    urlEdit_->setToolTip(tr("The WebSocket URL, e.g. ws://127.0.0.1:8090/chat."));
    connectButton_ = new QPushButton(tr("Connect"), box);
    connectButton_->setObjectName(QStringLiteral("wsConnectButton"));
    connectButton_->setToolTip(tr("Open a new client (ws-client-N): TCP connection, then the "
                                  "HTTP upgrade."));
    clientNote_ = new QLabel(
        tr("QWebSocket hides its own bytes: select the server's ws-conn socket to see the "
           "handshake byte for byte."),
        box);
    clientNote_->setObjectName(QStringLiteral("wsClientNote"));
    clientNote_->setWordWrap(true);
    connect(connectButton_, &QPushButton::clicked, this, &WsPanel::connectClient);
    connect(urlEdit_, &QLineEdit::returnPressed, this, &WsPanel::connectClient);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("URL"), box));
    row->addWidget(urlEdit_, 1);
    row->addWidget(connectButton_);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(clientNote_);
    layout->addStretch(1);
    return box;
}

QGroupBox* WsPanel::buildSocketBox()
{
    auto* box = new QGroupBox(tr("Selected socket"), this);
    selectedLabel_ = new QLabel(box);
    selectedLabel_->setObjectName(QStringLiteral("wsSelectedLabel"));
    messageEdit_ = new QLineEdit(QStringLiteral("你好, WebSocket!"), box);
    messageEdit_->setObjectName(QStringLiteral("wsMessageEdit"));
    messageEdit_->setToolTip(tr("A text message (UTF-8), sent as one text frame."));
    sendButton_ = new QPushButton(tr("Send"), box);
    sendButton_->setObjectName(QStringLiteral("wsSendButton"));
    pingButton_ = new QPushButton(tr("Ping"), box);
    pingButton_->setObjectName(QStringLiteral("wsPingButton"));
    pingButton_->setToolTip(tr("A ping control frame; the other side must answer with a pong."));
    codeCombo_ = new QComboBox(box);
    codeCombo_->setObjectName(QStringLiteral("wsCodeCombo"));
    for (int code : {1000, 1001, 1003, 1008, 1011, 4000}) {
        // "1000 normal closure" from "1000 normal closure: both sides..." (either colon).
        QString name = Explain::forWsCloseCode(code);
        name = name.left(name.indexOf(QRegularExpression(QStringLiteral("[:：]")))).trimmed();
        codeCombo_->addItem(name, code);
        codeCombo_->setItemData(codeCombo_->count() - 1, Explain::forWsCloseCode(code),
                                Qt::ToolTipRole);
    }
    codeCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    codeCombo_->setMinimumContentsLength(14);
    codeCombo_->setToolTip(tr("The status code the close frame carries."));
    reasonEdit_ = new QLineEdit(box);
    reasonEdit_->setObjectName(QStringLiteral("wsReasonEdit"));
    reasonEdit_->setPlaceholderText(tr("reason"));
    closeButton_ = new QPushButton(tr("Close"), box);
    closeButton_->setObjectName(QStringLiteral("wsCloseButton"));
    closeButton_->setToolTip(tr("The closing handshake: a close frame with this code; the other "
                                "side answers with one, then the server ends the TCP "
                                "connection."));
    abortButton_ = new QPushButton(tr("Drop (no close frame)"), box);
    abortButton_->setObjectName(QStringLiteral("wsAbortButton"));
    abortButton_->setToolTip(tr("End the TCP connection without a close frame: the other side "
                                "sees 1006, abnormal closure."));
    socketNote_ = new QLabel(box);
    socketNote_->setObjectName(QStringLiteral("wsSocketNote"));
    socketNote_->setWordWrap(true);
    connect(sendButton_, &QPushButton::clicked, this, &WsPanel::sendMessage);
    connect(messageEdit_, &QLineEdit::returnPressed, this, &WsPanel::sendMessage);
    connect(pingButton_, &QPushButton::clicked, this, &WsPanel::pingSelected);
    connect(closeButton_, &QPushButton::clicked, this, &WsPanel::closeSelected);
    connect(abortButton_, &QPushButton::clicked, this, &WsPanel::abortSelected);

    auto* g = new QGridLayout(box);
    g->addWidget(selectedLabel_, 0, 0, 1, 4);
    g->addWidget(messageEdit_, 1, 0, 1, 2);
    g->addWidget(sendButton_, 1, 2);
    g->addWidget(pingButton_, 1, 3);
    g->addWidget(codeCombo_, 2, 0);
    g->addWidget(reasonEdit_, 2, 1);
    g->addWidget(closeButton_, 2, 2);
    g->addWidget(abortButton_, 2, 3);
    g->addWidget(socketNote_, 3, 0, 1, 4);
    g->setColumnStretch(1, 1);
    return box;
}

void WsPanel::showNote(QLabel* label, const QString& text, bool bad)
{
    label->setStyleSheet(StageColors::noteStyle(bad));
    label->setText(text);
}

void WsPanel::setPort(int port)
{
    portSpin_->setValue(port);
}

void WsPanel::setUrl(const QString& url)
{
    urlEdit_->setText(url);
}

void WsPanel::setMessage(const QString& text)
{
    messageEdit_->setText(text);
}

void WsPanel::setCloseCode(int code, const QString& reason)
{
    const int i = codeCombo_->findData(code);
    if (i >= 0)
        codeCombo_->setCurrentIndex(i);
    reasonEdit_->setText(reason);
}

bool WsPanel::startServer()
{
    if (lab_->isListening())
        return true;
    WsServerOptions o;
    o.host = hostEdit_->text().trimmed();
    o.port = quint16(portSpin_->value());
    o.preset = WsPreset(presetCombo_->currentData().toInt());
    o.maxMessageBytes = qint64(maxSpin_->value()) * 1024;
    const quint64 before = timeline_->endIndex();
    if (!lab_->startServer(o)) {
        const QString why = errorSince(timeline_, before);
        showNote(serverNote_,
                 why.isEmpty() ? tr("Could not start the server; see the event log.")
                               : tr("Could not start the server: %1").arg(why),
                 true);
        return false;
    }
    const QString host = o.host == QLatin1String("0.0.0.0") ? QStringLiteral("127.0.0.1") : o.host;
    urlEdit_->setText(QStringLiteral("ws://%1:%2/").arg(host).arg(lab_->serverPort()));
    return true;
}

void WsPanel::stopServer()
{
    lab_->stopServer();
}

void WsPanel::onListeningChanged(bool listening)
{
    startButton_->setEnabled(!listening);
    stopButton_->setEnabled(listening);
    hostEdit_->setEnabled(!listening);
    portSpin_->setEnabled(!listening);
    maxSpin_->setEnabled(!listening);
    if (listening)
        showNote(serverNote_,
                 tr("Listening on %1 port %2 (%3). Every byte it receives and sends is shown.")
                     .arg(lab_->serverOptions().host)
                     .arg(lab_->serverPort())
                     .arg(presetCombo_->currentText()),
                 false);
    else
        showNote(serverNote_, tr("Not listening."), false);
}

QString WsPanel::connectClient()
{
    const quint64 before = timeline_->endIndex();
    const QString id = lab_->connectTo(urlEdit_->text());
    if (id.isEmpty()) {
        const QString why = errorSince(timeline_, before);
        showNote(clientNote_,
                 why.isEmpty() ? tr("Could not connect; see the event log.")
                               : tr("Could not connect: %1").arg(why),
                 true);
        return {};
    }
    showNote(clientNote_,
             tr("Started %1 towards %2; its state is in the socket list. QWebSocket hides its "
                "own bytes: select the server's ws-conn socket to see the handshake byte for "
                "byte.")
                 .arg(id, urlEdit_->text()),
             false);
    if (!selectSocket(id))
        pendingSelect_ = id;
    return id;
}

void WsPanel::onSocketAdded(const QString& id)
{
    if (id == pendingSelect_) {
        pendingSelect_.clear();
        selectSocket(id);
    }
}

bool WsPanel::selectSocket(const QString& id)
{
    sockets_->flush();
    const int row = sockets_->rowOf(id);
    if (row < 0)
        return false;
    socketView_->selectionModel()->setCurrentIndex(
        sockets_->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    onSocketSelected();
    return true;
}

void WsPanel::onSocketSelected()
{
    const QModelIndexList rows = socketView_->selectionModel()->selectedRows();
    selected_ =
        rows.isEmpty() ? QString() : rows.first().data(SocketListModel::SocketIdRole).toString();
    log_->showSocket(selected_);
    refreshDetails();
    updateActions();
}

void WsPanel::updateActions()
{
    const bool server = selected_ == WsLab::kServerId;
    const bool open = !selected_.isEmpty() && !server && lab_->isOpen(selected_);
    for (QWidget* w :
         std::initializer_list<QWidget*>{messageEdit_, sendButton_, pingButton_, codeCombo_,
                                         reasonEdit_, closeButton_, abortButton_})
        w->setEnabled(open);
    if (selected_.isEmpty())
        selectedLabel_->setText(tr("Select a connection in the list."));
    else if (server)
        selectedLabel_->setText(tr("%1 is the listener: select a connection.").arg(selected_));
    else
        selectedLabel_->setText(open ? tr("<b>%1</b> (%2)")
                                           .arg(selected_, lab_->isClient(selected_)
                                                               ? tr("client, QWebSocket")
                                                               : tr("accepted by the server"))
                                     : tr("<b>%1</b> is closed.").arg(selected_));
}

void WsPanel::refreshDetails()
{
    shownCount_ = selected_.isEmpty() ? 0 : timeline_->countOf(selected_);
    if (selected_.isEmpty() || selected_ == WsLab::kServerId) {
        handshake_->setPlainText(tr("Select a connection to see its opening handshake: the "
                                    "HTTP GET with Upgrade: websocket, and the 101 answer."));
        ladderNote_->setText(tr("Select a connection to see its ladder."));
        ladderStack_->setCurrentWidget(ladderNote_);
        return;
    }
    std::vector<Event> mine = eventsOf(timeline_, selected_);
    // A lab client's own server side, if the server is this lab: the same connection seen from
    // the end that shows its bytes.
    QString serverSide = selected_;
    if (lab_->isClient(selected_) || selected_.startsWith(QLatin1String("ws-client-"))) {
        QString local;
        for (const Event& e : mine) {
            if (e.event == ev::Connect && !e.local.isEmpty())
                local = e.local;
        }
        serverSide.clear();
        if (!local.isEmpty()) {
            for (const QString& s : timeline_->socketIds()) {
                if (!s.startsWith(QLatin1String("ws-conn-")))
                    continue;
                for (quint64 i : timeline_->indicesOf(s)) {
                    if (timeline_->at(i).remote == local) {
                        serverSide = s;
                        break;
                    }
                }
                if (!serverSide.isEmpty())
                    break;
            }
        }
    }

    QString text;
    if (serverSide != selected_) {
        text += tr("%1 is a QWebSocket client: QWebSocket hides its bytes, so this side cannot "
                   "show its request or the server's answer.")
                    .arg(selected_);
        text += QLatin1Char('\n');
        text += serverSide.isEmpty()
                    ? tr("Its server is not this lab's, so no byte of the handshake can be shown "
                         "here (the wire capture shows the segments when it runs).")
                    : tr("Its server is this lab's: below is the same handshake as %1 saw it, "
                         "byte for byte.")
                          .arg(serverSide);
        text += QStringLiteral("\n\n");
    }
    std::vector<Event> seen =
        serverSide == selected_ || serverSide.isEmpty() ? mine : eventsOf(timeline_, serverSide);
    QString request, response, key, computed, accept;
    bool acceptOk = false, haveCheck = false;
    for (const Event& e : seen) {
        if (e.event != kHandshake)
            continue;
        const QJsonObject& x = e.extra;
        if (x.contains(QStringLiteral("request_head")))
            request = x.value(QStringLiteral("request_head")).toString();
        if (x.contains(QStringLiteral("response_head")))
            response = x.value(QStringLiteral("response_head")).toString();
        if (x.contains(QStringLiteral("key")))
            key = x.value(QStringLiteral("key")).toString();
        if (x.contains(QStringLiteral("accept_computed")))
            computed = x.value(QStringLiteral("accept_computed")).toString();
        if (x.contains(QStringLiteral("accept_ok"))) {
            haveCheck = true;
            acceptOk = x.value(QStringLiteral("accept_ok")).toBool();
            accept = x.value(QStringLiteral("accept")).toString();
        }
    }
    // The check first: it is the point, and it must not scroll out of sight.
    if (!key.isEmpty()) {
        text += tr("── Sec-WebSocket-Accept, computed again ──") + QLatin1Char('\n');
        text += QStringLiteral("base64(SHA-1(\"%1\" + \"%2\"))\n  = %3\n")
                    .arg(key, QString::fromLatin1(WsHandshake::kGuid), computed);
        if (haveCheck)
            text += acceptOk ? tr("The server sent %1: it matches ✓").arg(accept)
                             : tr("The server sent %1: it does NOT match ✗").arg(accept);
        text += QStringLiteral("\n\n");
    }
    if (!request.isEmpty()) {
        text += tr("── The client's request (%n byte(s)) ──", nullptr, int(request.size()));
        text += QLatin1Char('\n') + showHead(request) + QLatin1Char('\n');
    }
    if (!response.isEmpty()) {
        text += tr("── The server's answer (%n byte(s)) ──", nullptr, int(response.size()));
        text += QLatin1Char('\n') + showHead(response) + QLatin1Char('\n');
    }
    if (request.isEmpty() && response.isEmpty() && serverSide == selected_)
        text += tr("No handshake on this connection yet.");
    handshake_->setPlainText(text);

    // The ladder: this connection's segments (wire) with the program's events on its lanes.
    std::vector<Event> all = mine;
    if (!serverSide.isEmpty() && serverSide != selected_) {
        const std::vector<Event> other = eventsOf(timeline_, serverSide);
        all.insert(all.end(), other.begin(), other.end());
        std::stable_sort(all.begin(), all.end(),
                         [](const Event& a, const Event& b) { return a.t_us < b.t_us; });
    }
    const Ladder l = Ladder::fromEvents(all, ev::Wire);
    if (l.source != ev::Wire) {
        ladderNote_->setText(tr("No segments of this connection were captured: the wire capture "
                                "needs permission (root, or setcap cap_net_raw on netstage). "
                                "The event log still shows every frame."));
        ladderStack_->setCurrentWidget(ladderNote_);
        return;
    }
    ladder_->setTitle(tr("%1: TCP handshake, HTTP upgrade, frames, closing handshake, teardown")
                          .arg(serverSide.isEmpty() ? selected_ : serverSide));
    ladder_->setLadder(l);
    ladder_->setShownItems(-1);
    ladderStack_->setCurrentWidget(ladder_);
    if (ladderFor_ != selected_) {
        // A newly selected connection opens where TCP ends and WebSocket begins: the upgrade.
        // Show it from the segment that carried the request (data before the marker).
        ladderFor_ = selected_;
        for (int i = 0; i < int(l.items.size()); ++i) {
            const LadderItem& it = l.items[std::size_t(i)];
            if (it.kind == LadderItem::Kind::Marker &&
                l.markers[std::size_t(it.index)].event == kHandshake) {
                int at = i;
                auto carriesData = [&l](const LadderItem& x) {
                    return x.kind == LadderItem::Kind::Arrow &&
                           l.arrows[std::size_t(x.index)].len > 0;
                };
                while (at > 0 && !carriesData(l.items[std::size_t(at)]))
                    --at;
                ladder_->setCurrentItem(at);
                break;
            }
        }
    }
}

bool WsPanel::sendMessage()
{
    const quint64 before = timeline_->endIndex();
    if (!lab_->sendText(selected_, messageEdit_->text())) {
        showNote(socketNote_, errorSince(timeline_, before), true);
        return false;
    }
    showNote(socketNote_, {}, false);
    return true;
}

bool WsPanel::pingSelected()
{
    const quint64 before = timeline_->endIndex();
    if (!lab_->ping(selected_, QByteArrayLiteral("NetStage"))) {
        showNote(socketNote_, errorSince(timeline_, before), true);
        return false;
    }
    return true;
}

bool WsPanel::closeSelected()
{
    const quint64 before = timeline_->endIndex();
    if (!lab_->close(selected_, codeCombo_->currentData().toInt(), reasonEdit_->text())) {
        showNote(socketNote_, errorSince(timeline_, before), true);
        return false;
    }
    return true;
}

bool WsPanel::abortSelected()
{
    const quint64 before = timeline_->endIndex();
    if (!lab_->abort(selected_)) {
        showNote(socketNote_, errorSince(timeline_, before), true);
        return false;
    }
    return true;
}

void WsPanel::addEmptyStates()
{
    const QString start = EmptyState::plainText(startButton_->text());
    const QString connectText = EmptyState::plainText(connectButton_->text());
    auto* noSockets = EmptyState::over(socketView_);
    noSockets->setObjectName(QStringLiteral("wsSocketsEmpty"));
    noSockets->setText(tr("No WebSocket server yet"),
                       tr("“%1” runs the echo server on port 8090; then “%2” opens a client: "
                          "an HTTP upgrade, then frames on the same TCP connection.")
                           .arg(start, connectText));
    noSockets->setAction(start, [this] { startServer(); });
    log_->emptyState()->setText(tr("Nothing has happened yet"),
                                tr("“%1” starts the server: the upgrade's bytes and every frame "
                                   "(opcode, FIN, mask, length) then appear here.")
                                    .arg(start));
    log_->emptyState()->setAction(start, [this] { startServer(); });
}

void WsPanel::setLanHost(const QString& from, const QString& to)
{
    followLanHost(hostEdit_, from, to);
}

} // namespace netstage
