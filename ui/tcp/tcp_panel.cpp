#include "ui/tcp/tcp_panel.h"

#include "core/base/hex.h"
#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "core/tcp/tcp_lab.h"
#include "ui/common/empty_state.h"
#include "ui/common/lan_host.h"
#include "ui/common/stage_colors.h"
#include "ui/common/state_cell_delegate.h"
#include "ui/log/event_log_panel.h"
#include "ui/log/socket_list_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace netstage {

namespace {

// The newest error among the events appended since `since`: the lab reports why a command
// failed as an `error` event, and the panel repeats it next to the button that was pressed.
QString errorSince(const Timeline* timeline, quint64 since)
{
    if (!timeline)
        return {};
    const quint64 end = timeline->endIndex();
    for (quint64 i = end; i > std::max(since, timeline->firstIndex()); --i) {
        const Event e = timeline->at(i - 1);
        if (e.event == ev::Error)
            return e.code.isEmpty() ? Explain::sentence(e)
                                    : QStringLiteral("%1: %2").arg(e.code, Explain::sentence(e));
    }
    return {};
}

QLabel* makeWarningLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(StageColors::warningBannerStyle());
    label->hide();
    return label;
}

} // namespace

TcpPanel::TcpPanel(TcpLab* lab, QWidget* parent)
    : QWidget(parent), lab_(lab), sockets_(new SocketListModel(lab->timeline(), ev::Tcp, this)),
      socketView_(new QTableView(this)),
      log_(new EventLogPanel(lab->timeline(), QStringLiteral("tcp-"), this))
{
    setObjectName(QStringLiteral("tcpPanel"));
    socketView_->setObjectName(QStringLiteral("socketView"));

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
    socketView_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    socketView_->verticalHeader()->setDefaultSectionSize(socketView_->fontMetrics().height() + 10);
    socketView_->horizontalHeader()->setStretchLastSection(true);
    socketView_->horizontalHeader()->setHighlightSections(false);
    socketView_->setToolTip(tr("Every socket of the lab, as the events tell it. Select one to act "
                               "on it and to see only its events in the log."));
    sizeSocketColumns();
    connect(socketView_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TcpPanel::onSocketSelected);
    // A click on the row already selected changes no selection, yet after "All sockets" it
    // must bring the per-socket log back.
    connect(socketView_, &QAbstractItemView::clicked, this, &TcpPanel::onSocketSelected);
    connect(sockets_, &SocketListModel::socketAdded, this, &TcpPanel::onSocketAdded);
    connect(sockets_, &QAbstractItemModel::dataChanged, this, &TcpPanel::updateSocketActions);
    connect(sockets_, &QAbstractItemModel::modelReset, this, [this] {
        selected_.clear();
        updateSocketActions();
    });

    auto* socketsArea = new QWidget(this);
    auto* socketsLayout = new QHBoxLayout(socketsArea);
    socketsLayout->setContentsMargins(0, 0, 0, 0);
    auto* listColumn = new QVBoxLayout;
    listColumn->addWidget(new QLabel(tr("<b>Sockets</b> — what the program sees and what the "
                                        "kernel says"),
                                     socketsArea));
    listColumn->addWidget(socketView_, 1);
    socketsLayout->addLayout(listColumn, 1);
    socketsLayout->addWidget(buildSocketBox());

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(socketsArea);
    splitter->addWidget(log_);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(lab_, &TcpLab::listeningChanged, this, &TcpPanel::onListeningChanged);
    connect(log_, &EventLogPanel::statusMessage, this, &TcpPanel::statusMessage);
    onListeningChanged(lab_->isListening());
    updateBindWarning();
    updateSocketActions();
    addEmptyStates();
}

TcpPanel::~TcpPanel() = default;

QGroupBox* TcpPanel::buildServerBox()
{
    auto* box = new QGroupBox(tr("Server"), this);
    hostEdit_ = new QLineEdit(QStringLiteral("127.0.0.1"), box);
    hostEdit_->setObjectName(QStringLiteral("serverHostEdit"));
    hostEdit_->setToolTip(tr("The address to listen on. 127.0.0.1 keeps the lab on this "
                             "machine; any other address lets the network in."));
    hostEdit_->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("255.255.255.255")) +
                               16);
    portSpin_ = new QSpinBox(box);
    portSpin_->setObjectName(QStringLiteral("serverPortSpin"));
    portSpin_->setRange(0, 65535);
    portSpin_->setValue(8124);
    portSpin_->setToolTip(tr("The port to listen on (8124 as in the tutorial). 0 lets the "
                             "kernel pick a free one."));
    presetCombo_ = new QComboBox(box);
    presetCombo_->setObjectName(QStringLiteral("presetCombo"));
    const QString welcome = TcpLab::kWelcome.trimmed();
    const struct
    {
        TcpPreset preset;
        QString name;
        QString tip;
    } presets[] = {
        {TcpPreset::Seed, tr("seed"),
         tr("seed: the tutorial's server. Greets each client with “%1”, answers every message "
            "with “%2” and ends when the client ends.")
             .arg(welcome, TcpLab::kReply)},
        {TcpPreset::Echo, tr("echo"),
         tr("echo: sends back every byte it receives and ends when the client ends.")},
        {TcpPreset::Silent, tr("silent"),
         tr("silent: says nothing and never closes by itself, so the teacher decides when each "
            "side closes (watch CLOSE-WAIT and FIN-WAIT-2).")},
    };
    QStringList tips;
    for (const auto& p : presets) {
        presetCombo_->addItem(p.name, int(p.preset));
        presetCombo_->setItemData(presetCombo_->count() - 1, p.tip, Qt::ToolTipRole);
        tips << p.tip;
    }
    presetCombo_->setToolTip(tips.join(QStringLiteral("\n\n")));
    connect(presetCombo_, &QComboBox::currentIndexChanged, this, [this] {
        // The lab applies a new preset to a running server as well.
        lab_->setPreset(TcpPreset(presetCombo_->currentData().toInt()));
    });

    startButton_ = new QPushButton(tr("Start"), box);
    startButton_->setObjectName(QStringLiteral("startButton"));
    startButton_->setToolTip(tr("Start listening on this address and port."));
    stopButton_ = new QPushButton(tr("Stop"), box);
    stopButton_->setObjectName(QStringLiteral("stopButton"));
    stopButton_->setToolTip(
        tr("Stop listening. Connections already accepted stay open until they close."));
    serverNote_ = new QLabel(box);
    serverNote_->setObjectName(QStringLiteral("serverNote"));
    serverNote_->setWordWrap(true);
    bindWarning_ = makeWarningLabel(box);
    bindWarning_->setObjectName(QStringLiteral("bindWarning"));

    connect(startButton_, &QPushButton::clicked, this, &TcpPanel::startServer);
    connect(stopButton_, &QPushButton::clicked, this, &TcpPanel::stopServer);
    connect(hostEdit_, &QLineEdit::textChanged, this, &TcpPanel::updateBindWarning);
    connect(hostEdit_, &QLineEdit::returnPressed, this, &TcpPanel::startServer);

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Host"), box));
    row->addWidget(hostEdit_, 2);
    row->addWidget(new QLabel(tr("Port"), box));
    row->addWidget(portSpin_);
    row->addWidget(new QLabel(tr("Behaviour"), box));
    row->addWidget(presetCombo_, 1);
    row->addWidget(startButton_);
    row->addWidget(stopButton_);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(serverNote_);
    layout->addWidget(bindWarning_);
    return box;
}

QGroupBox* TcpPanel::buildClientBox()
{
    auto* box = new QGroupBox(tr("Client"), this);
    targetEdit_ = new QLineEdit(QStringLiteral("127.0.0.1:8124"), box);
    targetEdit_->setObjectName(QStringLiteral("targetEdit"));
    targetEdit_->setToolTip(tr("host:port to connect to, e.g. 127.0.0.1:8124 or [::1]:8124."));
    connectButton_ = new QPushButton(tr("Connect"), box);
    connectButton_->setObjectName(QStringLiteral("connectButton"));
    connectButton_->setToolTip(tr("Open a new client connection (tcp-client-N) to this address."));
    clientNote_ = new QLabel(box);
    clientNote_->setObjectName(QStringLiteral("clientNote"));
    clientNote_->setWordWrap(true);
    connect(connectButton_, &QPushButton::clicked, this, &TcpPanel::connectClient);
    connect(targetEdit_, &QLineEdit::returnPressed, this, &TcpPanel::connectClient);

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Connect to"), box));
    row->addWidget(targetEdit_, 1);
    row->addWidget(connectButton_);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(clientNote_);
    layout->addStretch(1);
    return box;
}

QGroupBox* TcpPanel::buildSocketBox()
{
    auto* box = new QGroupBox(tr("Selected socket"), this);
    socketBox_ = box;
    selectedLabel_ = new QLabel(box);
    selectedLabel_->setObjectName(QStringLiteral("selectedLabel"));
    selectedLabel_->setWordWrap(true);
    messageEdit_ = new QLineEdit(box);
    messageEdit_->setObjectName(QStringLiteral("messageEdit"));
    messageEdit_->setPlaceholderText(tr("message"));
    messageEdit_->setToolTip(
        tr("The bytes to send: text (sent as UTF-8) or, with Hex, hex bytes."));
    hexBox_ = new QCheckBox(tr("Hex"), box);
    hexBox_->setObjectName(QStringLiteral("sendHexBox"));
    hexBox_->setToolTip(tr("Type the message as hex bytes, e.g. 48 65 6c 6c 6f."));
    sendButton_ = new QPushButton(tr("Send"), box);
    sendButton_->setObjectName(QStringLiteral("sendButton"));
    sendButton_->setToolTip(tr("Send the message on the selected socket."));
    halfCloseButton_ = new QPushButton(tr("Half-close"), box);
    halfCloseButton_->setObjectName(QStringLiteral("halfCloseButton"));
    halfCloseButton_->setToolTip(tr("Send FIN but keep reading (shutdown SHUT_WR): the peer "
                                    "sees `end`, this side waits in FIN-WAIT-2."));
    closeButton_ = new QPushButton(tr("Close"), box);
    closeButton_->setObjectName(QStringLiteral("closeButton"));
    closeButton_->setToolTip(
        tr("Close gracefully: send what is queued, then FIN; the kernel finishes the goodbye."));
    abortButton_ = new QPushButton(tr("Abort (RST)"), box);
    abortButton_->setObjectName(QStringLiteral("abortButton"));
    abortButton_->setToolTip(
        tr("Abort: SO_LINGER 0 then close, so the kernel sends RST and the peer gets ECONNRESET."));
    socketNote_ = new QLabel(box);
    socketNote_->setObjectName(QStringLiteral("socketNote"));
    socketNote_->setWordWrap(true);

    connect(sendButton_, &QPushButton::clicked, this, &TcpPanel::sendMessage);
    connect(messageEdit_, &QLineEdit::returnPressed, this, &TcpPanel::sendMessage);
    connect(halfCloseButton_, &QPushButton::clicked, this, &TcpPanel::halfCloseSelected);
    connect(closeButton_, &QPushButton::clicked, this, &TcpPanel::closeSelected);
    connect(abortButton_, &QPushButton::clicked, this, &TcpPanel::abortSelected);

    auto* messageRow = new QHBoxLayout;
    messageRow->addWidget(messageEdit_, 1);
    messageRow->addWidget(hexBox_);
    auto* buttons = new QGridLayout;
    buttons->addWidget(sendButton_, 0, 0);
    buttons->addWidget(halfCloseButton_, 0, 1);
    buttons->addWidget(closeButton_, 1, 0);
    buttons->addWidget(abortButton_, 1, 1);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(selectedLabel_);
    layout->addLayout(messageRow);
    layout->addLayout(buttons);
    layout->addWidget(socketNote_);
    layout->addStretch(1);
    box->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 30);
    box->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 40);
    return box;
}

void TcpPanel::sizeSocketColumns()
{
    // Wide enough for the longest text each column will hold, measured in the language in use,
    // so columns never jump while a connection changes state in front of the class.
    QFont bold = socketView_->font();
    bold.setBold(true);
    const QFontMetrics plain(socketView_->font());
    const QFontMetrics strong(bold);
    const int pad = 20;
    auto widest = [](const QFontMetrics& fm, const QStringList& texts) {
        int w = 0;
        for (const QString& t : texts)
            w = std::max(w, fm.horizontalAdvance(t));
        return w;
    };
    using S = SocketListModel::Status;
    using K = SocketListModel::Kind;
    QStringList statuses;
    for (S st : {S::Listening, S::Connecting, S::Open, S::HalfClosed, S::PeerEnded, S::BothEnded,
                 S::Closed})
        statuses << SocketListModel::statusText(st);
    statuses << tr("closed (%1)").arg(QStringLiteral("ECONNRESET"));
    QStringList headers;
    for (int c = 0; c < SocketListModel::ColumnCount; ++c)
        headers << sockets_->headerData(c, Qt::Horizontal).toString();
    auto set = [&](int column, int width) { // never narrower than the column's title
        socketView_->setColumnWidth(column,
                                    std::max(width, widest(strong, {headers[column]}) + pad));
    };
    set(SocketListModel::Id, strong.horizontalAdvance(QStringLiteral("tcp-client-10")) + pad);
    set(SocketListModel::Role, widest(plain, {SocketListModel::kindText(K::Listener),
                                              SocketListModel::kindText(K::Accepted),
                                              SocketListModel::kindText(K::Client)}) +
                                   pad);
    set(SocketListModel::AppStatus, widest(strong, statuses) + pad);
    set(SocketListModel::KernelState,
        widest(strong, {QStringLiteral("ESTABLISHED"), QStringLiteral("SYN-RECEIVED")}) + pad);
    set(SocketListModel::Local, plain.horizontalAdvance(QStringLiteral("127.0.0.1:65535")) + pad);
    set(SocketListModel::Remote, plain.horizontalAdvance(QStringLiteral("127.0.0.1:65535")) + pad);
}

bool TcpPanel::isLoopbackHost(const QString& host)
{
    const QString h = host.trimmed();
    if (h.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress addr(h);
    return !addr.isNull() && addr.isLoopback();
}

void TcpPanel::updateBindWarning()
{
    const QString host = hostEdit_->text().trimmed();
    if (host.isEmpty() || isLoopbackHost(host)) {
        bindWarning_->hide();
        return;
    }
    bindWarning_->setText(tr("⚠ %1 is not a loopback address: other machines on the network "
                             "can reach this server.")
                              .arg(host));
    bindWarning_->show();
}

void TcpPanel::showServerNote(const QString& text, bool bad)
{
    serverNote_->setStyleSheet(StageColors::noteStyle(bad));
    serverNote_->setText(text);
}

void TcpPanel::showSocketNote(const QString& text, bool bad)
{
    socketNote_->setStyleSheet(StageColors::noteStyle(bad));
    socketNote_->setText(text);
}

bool TcpPanel::startServer()
{
    if (lab_->isListening())
        return true;
    TcpServerOptions options;
    options.host = hostEdit_->text().trimmed();
    options.port = quint16(portSpin_->value());
    options.preset = TcpPreset(presetCombo_->currentData().toInt());
    const quint64 before = lab_->timeline()->endIndex();
    const bool ok = lab_->startServer(options);
    onListeningChanged(lab_->isListening());
    if (!ok) {
        const QString why = errorSince(lab_->timeline(), before);
        showServerNote(why.isEmpty() ? tr("Could not start the server; see the event log.")
                                     : tr("Could not start the server: %1").arg(why),
                       true);
        return false;
    }
    // Point the client at the server, through loopback when it listens on every address.
    QString host = options.host;
    if (host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    else if (host == QLatin1String("::"))
        host = QStringLiteral("::1");
    const QString hostPart =
        host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    targetEdit_->setText(QStringLiteral("%1:%2").arg(hostPart).arg(lab_->serverPort()));
    return true;
}

void TcpPanel::stopServer()
{
    lab_->stopServer();
    onListeningChanged(lab_->isListening());
}

void TcpPanel::onListeningChanged(bool listening)
{
    startButton_->setEnabled(!listening);
    stopButton_->setEnabled(listening);
    hostEdit_->setEnabled(!listening);
    portSpin_->setEnabled(!listening);
    if (listening) {
        const TcpServerOptions o = lab_->serverOptions();
        showServerNote(tr("Listening on %1 port %2 (%3).")
                           .arg(o.host)
                           .arg(lab_->serverPort())
                           .arg(presetCombo_->currentText()),
                       false);
    } else {
        showServerNote(tr("Not listening."), false);
    }
}

bool TcpPanel::parseTarget(const QString& text, QString* host, quint16* port)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})\s*$)"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return false;
    const uint p = m.captured(3).toUInt();
    if (p == 0 || p > 65535)
        return false;
    *host = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    *port = quint16(p);
    return true;
}

QString TcpPanel::connectClient()
{
    QString host;
    quint16 port = 0;
    if (!parseTarget(targetEdit_->text(), &host, &port)) {
        clientNote_->setStyleSheet(StageColors::noteStyle(true));
        clientNote_->setText(tr("Write the target as host:port, e.g. 127.0.0.1:8124."));
        return {};
    }
    const quint64 before = lab_->timeline()->endIndex();
    const QString id = lab_->connectTo(host, port);
    if (id.isEmpty()) {
        const QString why = errorSince(lab_->timeline(), before);
        clientNote_->setStyleSheet(StageColors::noteStyle(true));
        clientNote_->setText(why.isEmpty() ? tr("Could not connect; see the event log.")
                                           : tr("Could not connect: %1").arg(why));
        return {};
    }
    clientNote_->setStyleSheet(QString());
    clientNote_->setText(tr("%1 connecting to %2 port %3.").arg(id, host).arg(port));
    // Select it as soon as its first event is listed, so Send acts on the newest client.
    if (!selectSocket(id))
        pendingSelect_ = id;
    return id;
}

void TcpPanel::onSocketAdded(const QString& id)
{
    if (id == pendingSelect_) {
        pendingSelect_.clear();
        selectSocket(id);
    }
}

bool TcpPanel::selectSocket(const QString& id)
{
    const int row = sockets_->rowOf(id);
    if (row < 0)
        return false;
    socketView_->selectionModel()->setCurrentIndex(
        sockets_->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void TcpPanel::onSocketSelected()
{
    const QModelIndexList rows = socketView_->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return; // keep the last choice: the log filter stays where the teacher put it
    selected_ = rows.first().data(SocketListModel::SocketIdRole).toString();
    log_->showSocket(selected_);
    showSocketNote(QString(), false);
    updateSocketActions();
}

void TcpPanel::updateSocketActions()
{
    const SocketListModel::Row* r = sockets_->find(selected_);
    using S = SocketListModel::Status;
    const bool connection = r && (r->kind == SocketListModel::Kind::Client ||
                                  r->kind == SocketListModel::Kind::Accepted);
    const bool alive = connection && !r->isGone();
    // Writing is allowed while our side is open, including CLOSE-WAIT (the peer ended).
    const bool canWrite = alive && (r->status == S::Open || r->status == S::PeerEnded);
    sendButton_->setEnabled(canWrite);
    messageEdit_->setEnabled(canWrite);
    hexBox_->setEnabled(canWrite);
    halfCloseButton_->setEnabled(canWrite);
    closeButton_->setEnabled(alive);
    abortButton_->setEnabled(alive);

    if (!r) {
        selectedLabel_->setText(tr("Select a client or an accepted connection in the list."));
    } else if (!connection) {
        selectedLabel_->setText(
            tr("<b>%1</b> is the listener: it only accepts. Select a connection to send or "
               "close.")
                .arg(r->id));
    } else {
        selectedLabel_->setText(tr("<b>%1</b> (%2): %3")
                                    .arg(r->id, SocketListModel::kindText(r->kind),
                                         SocketListModel::statusText(r->status)));
    }
}

bool TcpPanel::parseHex(const QString& text, QByteArray* out, QString* error)
{
    // The same reading as the command line's --hex (core/base/hex.h).
    const HexBytes h = HexBytes::parse(text);
    *out = h.bytes;
    if (h.problem == HexBytes::Problem::NotHex) {
        *error =
            tr("“%1” is not hex: use pairs of 0-9 and a-f, like 48 65 6c 6c 6f.").arg(h.badToken);
        return false;
    }
    if (h.problem == HexBytes::Problem::OddDigits) {
        *error =
            tr("“%1” has an odd number of hex digits: each byte is two digits.").arg(h.badToken);
        return false;
    }
    if (out->isEmpty()) {
        *error = tr("Nothing to send: type hex bytes like 48 65 6c 6c 6f.");
        return false;
    }
    return true;
}

bool TcpPanel::sendMessage()
{
    if (selected_.isEmpty() || !sendButton_->isEnabled())
        return false;
    QByteArray bytes;
    if (hexBox_->isChecked()) {
        QString error;
        if (!parseHex(messageEdit_->text(), &bytes, &error)) {
            showSocketNote(error, true);
            return false;
        }
    } else {
        bytes = messageEdit_->text().toUtf8();
        if (bytes.isEmpty()) {
            showSocketNote(tr("Nothing to send: type a message first."), true);
            return false;
        }
    }
    const quint64 before = lab_->timeline()->endIndex();
    if (!lab_->send(selected_, bytes)) {
        showSocketNote(tr("Not sent: %1").arg(errorSince(lab_->timeline(), before)), true);
        return false;
    }
    showSocketNote(tr("Sent %n byte(s) on %1.", nullptr, int(bytes.size())).arg(selected_), false);
    // Selected, not cleared: Enter sends it again, typing replaces it.
    messageEdit_->selectAll();
    return true;
}

bool TcpPanel::halfCloseSelected()
{
    if (selected_.isEmpty())
        return false;
    const quint64 before = lab_->timeline()->endIndex();
    const bool ok = lab_->halfClose(selected_);
    showSocketNote(ok ? tr("FIN queued on %1; it keeps reading.").arg(selected_)
                      : tr("Half-close failed: %1").arg(errorSince(lab_->timeline(), before)),
                   !ok);
    return ok;
}

bool TcpPanel::closeSelected()
{
    if (selected_.isEmpty())
        return false;
    const quint64 before = lab_->timeline()->endIndex();
    const bool ok = lab_->close(selected_);
    showSocketNote(ok ? tr("Closing %1.").arg(selected_)
                      : tr("Close failed: %1").arg(errorSince(lab_->timeline(), before)),
                   !ok);
    return ok;
}

bool TcpPanel::abortSelected()
{
    if (selected_.isEmpty())
        return false;
    const quint64 before = lab_->timeline()->endIndex();
    const bool ok = lab_->abort(selected_);
    showSocketNote(ok ? tr("%1 aborted: RST sent.").arg(selected_)
                      : tr("Abort failed: %1").arg(errorSince(lab_->timeline(), before)),
                   !ok);
    return ok;
}

void TcpPanel::addEmptyStates()
{
    auto* noSockets = EmptyState::over(socketView_);
    noSockets->setObjectName(QStringLiteral("tcpSocketsEmpty"));
    const QString start = EmptyState::plainText(startButton_->text());
    const QString connectText = EmptyState::plainText(connectButton_->text());
    auto describe = [this, noSockets, start, connectText] {
        noSockets->setText(tr("No server yet"),
                           tr("“%1” runs the tutorial's server on port %2; then “%3” connects a "
                              "client. Every socket appears here with the kernel's state.")
                               .arg(start)
                               .arg(portSpin_->value())
                               .arg(connectText));
    };
    describe();
    connect(portSpin_, &QSpinBox::valueChanged, noSockets, describe);
    noSockets->setAction(start, [this] { startServer(); });
    EmptyState* noEvents = log_->emptyState();
    noEvents->setText(tr("Nothing has happened yet"),
                      tr("“%1” starts the server: its listening, then every connect, data, end "
                         "and close of the TCP lab appears here, one row each.")
                          .arg(start));
    noEvents->setAction(start, [this] { startServer(); });
}

void TcpPanel::setLanHost(const QString& from, const QString& to)
{
    followLanHost(hostEdit_, from, to);
}

} // namespace netstage
