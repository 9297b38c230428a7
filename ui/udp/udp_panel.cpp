#include "ui/udp/udp_panel.h"

#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "core/ladder/ladder.h"
#include "core/udp/udp_lab.h"
#include "ui/common/empty_state.h"
#include "ui/common/lan_host.h"
#include "ui/common/stage_colors.h"
#include "ui/ladder/ladder_view.h"
#include "ui/log/event_log_panel.h"
#include "ui/log/socket_list_model.h"
#include "ui/tcp/tcp_panel.h"
#include "ui/udp/udp_datagram_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace netstage {

namespace {

// The newest error since `since`: the lab says why a command failed as an `error` event and
// the panel repeats it beside the button that was pressed.
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

QSpinBox* percentSpin(QWidget* parent, const QString& name, const QString& tip)
{
    auto* s = new QSpinBox(parent);
    s->setObjectName(name);
    s->setRange(0, 100);
    s->setSuffix(QStringLiteral(" %"));
    s->setToolTip(tip);
    return s;
}

QSpinBox* msSpin(QWidget* parent, const QString& name, int max, const QString& tip)
{
    auto* s = new QSpinBox(parent);
    s->setObjectName(name);
    s->setRange(0, max);
    s->setSuffix(UdpPanel::tr(" ms"));
    s->setToolTip(tip);
    return s;
}

} // namespace

UdpPanel::UdpPanel(Timeline* timeline, KernelObserver* observer, WireCapture* wire, QWidget* parent)
    : UdpPanel(nullptr, timeline, observer, wire, parent)
{
}

UdpPanel::UdpPanel(UdpLab* lab, Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                   QWidget* parent)
    : QWidget(parent), timeline_(timeline), lab_(lab ? lab : new UdpLab(timeline, this)),
      sockets_(new SocketListModel(timeline, QStringLiteral("udp"), this)),
      socketView_(new QTableView(this)), datagrams_(new UdpDatagramView(timeline, this)),
      log_(new EventLogPanel(timeline, QStringLiteral("udp-"), this))
{
    Q_UNUSED(observer)
    lab_->setWireCapture(wire); // real datagrams in the log where capture runs
    setObjectName(QStringLiteral("udpPanel"));
    socketView_->setObjectName(QStringLiteral("udpSocketView"));

    auto* top = new QHBoxLayout;
    top->addWidget(buildServerBox(), 3);
    top->addWidget(buildClientBox(), 4);
    top->addWidget(buildRelayBox(), 3);

    socketView_->setModel(sockets_);
    socketView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    socketView_->setSelectionMode(QAbstractItemView::SingleSelection);
    socketView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    socketView_->setWordWrap(false);
    socketView_->verticalHeader()->hide();
    socketView_->verticalHeader()->setDefaultSectionSize(socketView_->fontMetrics().height() + 10);
    // UDP has no kernel TCP state, and no listener/accepted/client roles: a UDP socket is
    // only bound (Node says `listening` for clients too). The ids name the roles.
    socketView_->hideColumn(SocketListModel::KernelState);
    socketView_->hideColumn(SocketListModel::Role);
    socketView_->hideColumn(SocketListModel::Remote); // many peers, or a relay: see the log
    socketView_->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics fm(socketView_->font());
    socketView_->setColumnWidth(SocketListModel::Id,
                                fm.horizontalAdvance(QStringLiteral("udp-client-10")) + 28);
    socketView_->setColumnWidth(SocketListModel::Local,
                                fm.horizontalAdvance(QStringLiteral("127.0.0.1:65535")) + 20);
    socketView_->setToolTip(tr("The lab's UDP sockets. Select one to see only its events in the "
                               "log. A UDP socket has no connection: \"listening\" only means "
                               "it is bound to its port."));
    connect(socketView_, &QAbstractItemView::clicked, this, [this](const QModelIndex& index) {
        log_->showSocket(index.data(SocketListModel::SocketIdRole).toString());
    });

    auto* socketsArea = new QWidget(this);
    auto* socketsLayout = new QVBoxLayout(socketsArea);
    socketsLayout->setContentsMargins(0, 0, 0, 0);
    socketsLayout->addWidget(new QLabel(tr("<b>Sockets</b>"), socketsArea));
    socketsLayout->addWidget(socketView_, 1);
    auto* datagramArea = new QWidget(this);
    auto* datagramLayout = new QVBoxLayout(datagramArea);
    datagramLayout->setContentsMargins(0, 0, 0, 0);
    auto* datagramTitle = new QLabel(
        tr("<b>Datagrams</b> — what became of each one (UDP itself never tells the sender)"),
        datagramArea);
    datagramTitle->setWordWrap(true);
    datagramLayout->addWidget(datagramTitle);
    datagramLayout->addWidget(datagrams_, 1);

    // The same datagrams on the ladder the other labs use: beside a TCP lesson it shows what
    // UDP leaves out (no handshake, no ACK, no states).
    ladder_ = new LadderView(this);
    ladder_->setObjectName(QStringLiteral("udpLadderView"));
    ladder_->setAnimationDuration(0);
    ladder_->setZoom(0.7);
    ladder_->setTitle(tr("UDP datagrams: one arrow each, no connection"));
    pictures_ = new QTabWidget(this);
    pictures_->setObjectName(QStringLiteral("udpPictureTabs"));
    pictures_->addTab(datagramArea, tr("Datagrams"));
    pictures_->addTab(ladder_, tr("Ladder"));
    connect(pictures_, &QTabWidget::currentChanged, this, [this] { refreshLadder(); });

    auto* middle = new QSplitter(Qt::Horizontal, this);
    middle->setChildrenCollapsible(false);
    middle->addWidget(socketsArea);
    middle->addWidget(pictures_);
    middle->setStretchFactor(0, 2);
    middle->setStretchFactor(1, 3);
    // Wide enough for the socket, what the app sees and the local address.
    middle->setSizes({fm.horizontalAdvance(QLatin1Char('0')) * 46, 900});

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(middle);
    splitter->addWidget(log_);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(lab_, &UdpLab::listeningChanged, this, &UdpPanel::onListeningChanged);
    connect(lab_, &UdpLab::sendingChanged, this, [this] { updateSendButtons(); });
    connect(log_, &EventLogPanel::statusMessage, this, &UdpPanel::statusMessage);
    auto* statsTimer = new QTimer(this);
    statsTimer->setInterval(250);
    connect(statsTimer, &QTimer::timeout, this, &UdpPanel::updateRelayStats);
    connect(statsTimer, &QTimer::timeout, this, [this] {
        if (ladder_->isVisible())
            refreshLadder();
    });
    statsTimer->start();
    // A lab that outlived the previous panel may be bound already.
    if (lab_->isListening())
        portSpin_->setValue(lab_->serverPort());
    onListeningChanged(lab_->isListening());
    updateSendButtons();
    updateRelayStats();
    addEmptyStates();
}

void UdpPanel::refreshLadder()
{
    const quint64 end = timeline_->endIndex();
    if (end == ladderSeen_)
        return;
    ladderSeen_ = end;
    // The newest datagrams are what a class looks at; a long series keeps its last ones.
    constexpr std::size_t kMaxEvents = 3000;
    std::vector<Event> events;
    for (quint64 i = end; i > timeline_->firstIndex() && events.size() < kMaxEvents; --i) {
        if (timeline_->socketAt(i - 1).startsWith(QLatin1String("udp-")))
            events.push_back(timeline_->at(i - 1));
    }
    std::reverse(events.begin(), events.end());
    ladder_->setLadder(Ladder::fromEvents(events));
    ladder_->setShownItems(-1);
}

UdpPanel::~UdpPanel()
{
    // The lab's goodbyes go to the timeline while the views still listen: stop them first.
    lab_->disconnect(this);
}

QGroupBox* UdpPanel::buildServerBox()
{
    auto* box = new QGroupBox(tr("Server (dgram)"), this);
    hostEdit_ = new QLineEdit(QStringLiteral("127.0.0.1"), box);
    hostEdit_->setObjectName(QStringLiteral("udpHostEdit"));
    hostEdit_->setToolTip(tr("The address to bind. 127.0.0.1 keeps the lab on this machine."));
    hostEdit_->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("127.0.0.1")) + 24);
    portSpin_ = new QSpinBox(box);
    portSpin_->setObjectName(QStringLiteral("udpPortSpin"));
    portSpin_->setRange(0, 65535);
    portSpin_->setValue(41234);
    portSpin_->setToolTip(tr("The port to bind (41234 as in Node's dgram documentation). 0 lets "
                             "the kernel pick a free one."));
    presetCombo_ = new QComboBox(box);
    presetCombo_->setObjectName(QStringLiteral("udpPresetCombo"));
    presetCombo_->addItem(tr("seed"), int(UdpPreset::Seed));
    presetCombo_->setItemData(0,
                              tr("seed: the tutorial's server: logs \"server got: … from "
                                 "address:port\" for every datagram and answers nothing."),
                              Qt::ToolTipRole);
    presetCombo_->addItem(tr("echo"), int(UdpPreset::Echo));
    presetCombo_->setItemData(1, tr("echo: sends every datagram back to its sender."),
                              Qt::ToolTipRole);
    connect(presetCombo_, &QComboBox::currentIndexChanged, this,
            [this] { lab_->setPreset(UdpPreset(presetCombo_->currentData().toInt())); });
    startButton_ = new QPushButton(tr("Start"), box);
    startButton_->setObjectName(QStringLiteral("udpStartButton"));
    stopButton_ = new QPushButton(tr("Stop"), box);
    stopButton_->setObjectName(QStringLiteral("udpStopButton"));
    serverNote_ = new QLabel(box);
    serverNote_->setObjectName(QStringLiteral("udpServerNote"));
    serverNote_->setWordWrap(true);
    connect(startButton_, &QPushButton::clicked, this, &UdpPanel::startServer);
    connect(stopButton_, &QPushButton::clicked, this, &UdpPanel::stopServer);

    auto* g = new QGridLayout(box);
    g->addWidget(new QLabel(tr("Host"), box), 0, 0);
    g->addWidget(hostEdit_, 0, 1);
    g->addWidget(new QLabel(tr("Port"), box), 0, 2);
    g->addWidget(portSpin_, 0, 3);
    g->addWidget(new QLabel(tr("Preset"), box), 1, 0);
    g->addWidget(presetCombo_, 1, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(startButton_);
    buttons->addWidget(stopButton_);
    g->addLayout(buttons, 1, 2, 1, 2);
    g->addWidget(serverNote_, 2, 0, 1, 4);
    g->setRowStretch(3, 1);
    g->setColumnStretch(1, 1);
    return box;
}

QGroupBox* UdpPanel::buildClientBox()
{
    auto* box = new QGroupBox(tr("Client"), this);
    targetEdit_ = new QLineEdit(QStringLiteral("127.0.0.1:41234"), box);
    targetEdit_->setObjectName(QStringLiteral("udpTargetEdit"));
    targetEdit_->setToolTip(tr("host:port to send to, e.g. 127.0.0.1:41234."));
    connectBox_ = new QCheckBox(tr("connect() first"), box);
    connectBox_->setObjectName(QStringLiteral("udpConnectBox"));
    connectBox_->setToolTip(tr("connect(2) the UDP socket to the target before sending. It sends "
                               "nothing, but then the kernel reports ICMP \"port unreachable\" "
                               "as ECONNREFUSED. Unconnected, a datagram to a closed port "
                               "vanishes without a word."));
    messageEdit_ = new QLineEdit(QStringLiteral("hello {n}"), box);
    messageEdit_->setObjectName(QStringLiteral("udpMessageEdit"));
    messageEdit_->setToolTip(tr("The datagram's bytes: text (UTF-8) or, with Hex, hex bytes. "
                                "\"{n}\" becomes the datagram's number, so losses and "
                                "reordering can be told apart."));
    hexBox_ = new QCheckBox(tr("Hex"), box);
    hexBox_->setObjectName(QStringLiteral("udpHexBox"));
    hexBox_->setToolTip(tr("Type the message as hex bytes, e.g. 48 65 6c 6c 6f."));
    countSpin_ = new QSpinBox(box);
    countSpin_->setObjectName(QStringLiteral("udpCountSpin"));
    countSpin_->setRange(1, UdpLab::kMaxCount);
    countSpin_->setValue(1);
    countSpin_->setToolTip(tr("How many datagrams to send."));
    intervalSpin_ = msSpin(box, QStringLiteral("udpIntervalSpin"), 60000,
                           tr("The time between two datagrams of a series."));
    intervalSpin_->setValue(200);
    sizeSpin_ = new QSpinBox(box);
    sizeSpin_->setObjectName(QStringLiteral("udpSizeSpin"));
    sizeSpin_->setRange(0, 100000);
    sizeSpin_->setSingleStep(1000);
    sizeSpin_->setSuffix(tr(" B"));
    sizeSpin_->setSpecialValueText(tr("as typed"));
    sizeSpin_->setToolTip(tr("Repeat the message up to exactly this many bytes. Try 65507, the "
                             "largest UDP datagram over IPv4, then 65508: EMSGSIZE."));
    sendButton_ = new QPushButton(tr("Send"), box);
    sendButton_->setObjectName(QStringLiteral("udpSendButton"));
    sendButton_->setToolTip(tr("Send the datagram(s). The first send binds the client's socket "
                               "to a port the kernel picks."));
    stopSendButton_ = new QPushButton(tr("Stop"), box);
    stopSendButton_->setObjectName(QStringLiteral("udpStopSendButton"));
    stopSendButton_->setToolTip(tr("Stop the series."));
    clientNote_ = new QLabel(box);
    clientNote_->setObjectName(QStringLiteral("udpClientNote"));
    clientNote_->setWordWrap(true);
    connect(sendButton_, &QPushButton::clicked, this, &UdpPanel::send);
    connect(messageEdit_, &QLineEdit::returnPressed, this, &UdpPanel::send);
    connect(stopSendButton_, &QPushButton::clicked, this, &UdpPanel::stopSending);

    auto* g = new QGridLayout(box);
    g->addWidget(new QLabel(tr("Send to"), box), 0, 0);
    g->addWidget(targetEdit_, 0, 1, 1, 3);
    g->addWidget(connectBox_, 0, 4, 1, 2);
    g->addWidget(new QLabel(tr("Message"), box), 1, 0);
    g->addWidget(messageEdit_, 1, 1, 1, 3);
    g->addWidget(hexBox_, 1, 4);
    g->addWidget(sizeSpin_, 1, 5);
    g->addWidget(new QLabel(tr("Count"), box), 2, 0);
    g->addWidget(countSpin_, 2, 1);
    g->addWidget(new QLabel(tr("every"), box), 2, 2);
    g->addWidget(intervalSpin_, 2, 3);
    g->addWidget(sendButton_, 2, 4);
    g->addWidget(stopSendButton_, 2, 5);
    g->addWidget(clientNote_, 3, 0, 1, 6);
    g->setRowStretch(4, 1);
    g->setColumnStretch(1, 1);
    g->setColumnStretch(3, 1);
    return box;
}

QGroupBox* UdpPanel::buildRelayBox()
{
    auto* box = new QGroupBox(tr("Relay (a bad network, on purpose)"), this);
    relayBox_ = new QCheckBox(tr("Send through the relay"), box);
    relayBox_->setObjectName(QStringLiteral("udpRelayBox"));
    relayBox_->setToolTip(tr("The client sends to a relay inside NetStage that drops, copies, "
                             "holds back and delays datagrams on purpose, as a bad network "
                             "would. Each decision is an event in the log."));
    lossSpin_ =
        percentSpin(box, QStringLiteral("udpLossSpin"), tr("The chance that a datagram is lost."));
    duplicateSpin_ = percentSpin(box, QStringLiteral("udpDuplicateSpin"),
                                 tr("The chance that a datagram arrives twice."));
    reorderSpin_ = percentSpin(box, QStringLiteral("udpReorderSpin"),
                               tr("The chance that a datagram is held back until the next one "
                                  "has gone, so they arrive out of order."));
    delaySpin_ = msSpin(box, QStringLiteral("udpDelaySpin"), UdpRelayOptions::kMaxDelayMs,
                        tr("Added to every datagram."));
    jitterSpin_ = msSpin(box, QStringLiteral("udpJitterSpin"), UdpRelayOptions::kMaxDelayMs,
                         tr("Plus a random 0 to this many milliseconds, so datagrams may "
                            "overtake each other."));
    seedSpin_ = new QSpinBox(box);
    seedSpin_->setObjectName(QStringLiteral("udpSeedSpin"));
    seedSpin_->setRange(0, 999999);
    seedSpin_->setSpecialValueText(tr("random"));
    seedSpin_->setToolTip(tr("The same seed repeats the same decisions (for a class demo that "
                             "must show the same losses every time); \"random\" picks one."));
    relayStats_ = new QLabel(box);
    relayStats_->setObjectName(QStringLiteral("udpRelayStats"));
    relayStats_->setWordWrap(true);
    for (QSpinBox* s :
         {lossSpin_, duplicateSpin_, reorderSpin_, delaySpin_, jitterSpin_, seedSpin_})
        connect(s, &QSpinBox::valueChanged, this, &UdpPanel::applyRelayOptions);

    auto* g = new QGridLayout(box);
    g->addWidget(relayBox_, 0, 0, 1, 4);
    g->addWidget(new QLabel(tr("Loss"), box), 1, 0);
    g->addWidget(lossSpin_, 1, 1);
    g->addWidget(new QLabel(tr("Delay"), box), 1, 2);
    g->addWidget(delaySpin_, 1, 3);
    g->addWidget(new QLabel(tr("Duplicate"), box), 2, 0);
    g->addWidget(duplicateSpin_, 2, 1);
    g->addWidget(new QLabel(tr("Jitter"), box), 2, 2);
    g->addWidget(jitterSpin_, 2, 3);
    g->addWidget(new QLabel(tr("Reorder"), box), 3, 0);
    g->addWidget(reorderSpin_, 3, 1);
    g->addWidget(new QLabel(tr("Seed"), box), 3, 2);
    g->addWidget(seedSpin_, 3, 3);
    g->addWidget(relayStats_, 4, 0, 1, 4);
    g->setRowStretch(5, 1);
    g->setColumnStretch(1, 1);
    g->setColumnStretch(3, 1);
    return box;
}

void UdpPanel::showNote(QLabel* label, const QString& text, bool bad)
{
    label->setStyleSheet(StageColors::noteStyle(bad));
    label->setText(text);
}

void UdpPanel::setPort(int port)
{
    portSpin_->setValue(port);
}

void UdpPanel::setTarget(const QString& t)
{
    targetEdit_->setText(t);
}

void UdpPanel::setMessage(const QString& text, bool hex)
{
    messageEdit_->setText(text);
    hexBox_->setChecked(hex);
}

void UdpPanel::setCount(int count, int intervalMs)
{
    countSpin_->setValue(count);
    intervalSpin_->setValue(intervalMs);
}

void UdpPanel::setSize(int bytes)
{
    sizeSpin_->setValue(bytes);
}

void UdpPanel::setRelay(bool on, int lossPercent, int duplicatePercent, int reorderPercent,
                        int delayMs, int jitterMs, int seed)
{
    relayBox_->setChecked(on);
    const QSignalBlocker b1(lossSpin_), b2(duplicateSpin_), b3(reorderSpin_), b4(delaySpin_),
        b5(jitterSpin_), b6(seedSpin_);
    lossSpin_->setValue(lossPercent);
    duplicateSpin_->setValue(duplicatePercent);
    reorderSpin_->setValue(reorderPercent);
    delaySpin_->setValue(delayMs);
    jitterSpin_->setValue(jitterMs);
    seedSpin_->setValue(seed);
    applyRelayOptions();
}

void UdpPanel::applyRelayOptions()
{
    UdpRelayOptions o;
    o.loss = lossSpin_->value() / 100.0;
    o.duplicate = duplicateSpin_->value() / 100.0;
    o.reorder = reorderSpin_->value() / 100.0;
    o.delayMs = delaySpin_->value();
    o.jitterMs = jitterSpin_->value();
    o.seed = quint64(seedSpin_->value());
    lab_->setRelayOptions(o);
}

void UdpPanel::updateRelayStats()
{
    const UdpRelay* r = lab_->relay();
    if (!r || !r->isRunning()) {
        relayStats_->setText(tr("The relay starts with the first datagram sent through it."));
        return;
    }
    const UdpRelay::Stats s = r->stats();
    relayStats_->setText(tr("%1 in · %2 dropped · %3 duplicated · %4 reordered · %5 delayed "
                            "(seed %6)")
                             .arg(s.received)
                             .arg(s.dropped)
                             .arg(s.duplicated)
                             .arg(s.reordered)
                             .arg(s.delayed)
                             .arg(r->options().seed));
}

bool UdpPanel::startServer()
{
    if (lab_->isListening())
        return true;
    UdpServerOptions o;
    o.host = hostEdit_->text().trimmed();
    o.port = quint16(portSpin_->value());
    o.preset = UdpPreset(presetCombo_->currentData().toInt());
    const quint64 before = timeline_->endIndex();
    if (!lab_->startServer(o)) {
        const QString why = errorSince(timeline_, before);
        showNote(serverNote_,
                 why.isEmpty() ? tr("Could not start the server; see the event log.")
                               : tr("Could not start the server: %1").arg(why),
                 true);
        return false;
    }
    QString host = o.host == QLatin1String("0.0.0.0") ? QStringLiteral("127.0.0.1") : o.host;
    targetEdit_->setText(QStringLiteral("%1:%2").arg(host).arg(lab_->serverPort()));
    return true;
}

void UdpPanel::stopServer()
{
    lab_->stopServer();
}

void UdpPanel::onListeningChanged(bool listening)
{
    startButton_->setEnabled(!listening);
    stopButton_->setEnabled(listening);
    hostEdit_->setEnabled(!listening);
    portSpin_->setEnabled(!listening);
    if (listening)
        showNote(serverNote_,
                 tr("Bound to %1 port %2 (%3). No connection, no handshake: it just waits for "
                    "datagrams.")
                     .arg(lab_->serverOptions().host)
                     .arg(lab_->serverPort())
                     .arg(presetCombo_->currentText()),
                 false);
    else
        showNote(serverNote_, tr("Not bound."), false);
}

QString UdpPanel::send()
{
    QString host;
    quint16 port = 0;
    if (!TcpPanel::parseTarget(targetEdit_->text(), &host, &port)) {
        showNote(clientNote_, tr("Write the target as host:port, e.g. 127.0.0.1:41234."), true);
        return {};
    }
    QByteArray bytes;
    if (hexBox_->isChecked()) {
        QString error;
        if (!TcpPanel::parseHex(messageEdit_->text(), &bytes, &error)) {
            showNote(clientNote_, error, true);
            return {};
        }
    } else {
        bytes = messageEdit_->text().toUtf8();
    }
    if (const int size = sizeSpin_->value(); size > 0) {
        const QByteArray unit = bytes.isEmpty() ? QByteArray("x") : bytes;
        bytes = unit.repeated(size / unit.size() + 1).left(size);
    }
    UdpClientOptions o;
    o.connected = connectBox_->isChecked();
    o.viaRelay = relayBox_->isChecked();
    // A new socket when what it is aimed at changes; otherwise the same port, like a program
    // that keeps its socket.
    const QString key =
        QStringLiteral("%1|%2|%3|%4").arg(host).arg(port).arg(o.connected).arg(o.viaRelay);
    const quint64 before = timeline_->endIndex();
    if (client_.isEmpty() || key != clientKey_ || !lab_->isOpen(client_)) {
        client_ = lab_->openClient(host, port, o);
        clientKey_ = key;
        if (client_.isEmpty()) {
            const QString why = errorSince(timeline_, before);
            showNote(clientNote_,
                     why.isEmpty() ? tr("Could not send; see the event log.")
                                   : tr("Could not send: %1").arg(why),
                     true);
            return {};
        }
    }
    const int count = countSpin_->value();
    const bool ok = count == 1 ? lab_->send(client_, bytes)
                               : lab_->sendRepeated(client_, bytes, count, intervalSpin_->value());
    if (!ok) {
        const QString why = errorSince(timeline_, before);
        showNote(clientNote_, why.isEmpty() ? tr("Could not send; see the event log.") : why, true);
        return client_;
    }
    showNote(clientNote_,
             count == 1
                 ? tr("%1 sent one datagram from %2.").arg(client_, lab_->localEndpoint(client_))
                 : tr("%1 sends %2 datagrams from %3, one every %4 ms.")
                       .arg(client_)
                       .arg(count)
                       .arg(lab_->localEndpoint(client_))
                       .arg(intervalSpin_->value()),
             false);
    updateSendButtons();
    return client_;
}

void UdpPanel::stopSending()
{
    if (!client_.isEmpty())
        lab_->stopSending(client_);
    updateSendButtons();
}

void UdpPanel::closeClients()
{
    for (const QString& id : lab_->openSockets()) {
        if (id.startsWith(QLatin1String("udp-client-")))
            lab_->close(id);
    }
    client_.clear();
}

void UdpPanel::updateSendButtons()
{
    const bool sending = !client_.isEmpty() && lab_->isSending(client_);
    stopSendButton_->setEnabled(sending);
}

void UdpPanel::addEmptyStates()
{
    const QString start = EmptyState::plainText(startButton_->text());
    const QString sendText = EmptyState::plainText(sendButton_->text());
    auto* noSockets = EmptyState::over(socketView_);
    noSockets->setObjectName(QStringLiteral("udpSocketsEmpty"));
    noSockets->setText(tr("No UDP server yet"),
                       tr("“%1” binds the tutorial's server on port 41234 (no connection, no "
                          "handshake); then “%2” sends it a datagram.")
                           .arg(start, sendText));
    noSockets->setAction(start, [this] { startServer(); });
    log_->emptyState()->setText(tr("No datagrams yet"),
                                tr("“%1” starts the server; every datagram sent and received "
                                   "then appears here with its sender's address and port.")
                                    .arg(start));
    log_->emptyState()->setAction(start, [this] { startServer(); });
    auto* noArrows = new EmptyState(ladder_, [this] { return ladder_->ladder().items.empty(); });
    noArrows->setObjectName(QStringLiteral("udpLadderEmpty"));
    noArrows->setText(tr("No datagrams to draw"),
                      tr("“%1” sends a datagram to the target: each one becomes one arrow here, "
                         "with no handshake before it and no ACK after it.")
                          .arg(sendText));
    noArrows->setAction(sendText, [this] { send(); });
}

void UdpPanel::setLanHost(const QString& from, const QString& to)
{
    followLanHost(hostEdit_, from, to);
}

} // namespace netstage
