#include "core/lessons/lesson.h"

#include "core/base/timeline.h"
#include "core/net/loopback_loss.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/udp/udp_lab.h"

#include <QTcpServer>
#include <QTimer>

namespace netstage {

namespace {
using A = LessonStep::Actor;
using X = LessonStep::Action;

// After an action, the lesson waits until nothing new has happened for this long (a delayed
// ACK comes 40 ms after a FIN), but never longer than kSettleMaxMs.
constexpr int kQuietMs = 120;
constexpr int kSettleMaxMs = 3000;
// With real loss a step waits for retransmissions: Linux's RTO is at least 200 ms and doubles.
constexpr int kLossQuietMs = 700;
constexpr int kLossSettleMaxMs = 8000;
constexpr int kTick = 20;

const LessonStep kConnect{
    A::Client, X::Connect, nullptr, QT_TRANSLATE_NOOP("netstage::Lessons", "The client connects"),
    QT_TRANSLATE_NOOP("netstage::Lessons",
                      "connect() sends SYN with the client's initial sequence number x. The "
                      "server's kernel answers SYN+ACK with its own number y and ack = x+1 (a "
                      "SYN consumes one number); the client's ACK (ack = y+1) completes the "
                      "3-way handshake. The server program is not involved yet: the kernel "
                      "does all of it, then accept() hands over the connection.")};

} // namespace

const std::vector<Lesson>& Lessons::all()
{
    static const std::vector<Lesson> lessons = {
        {"handshake",
         QT_TRANSLATE_NOOP("netstage::Lessons", "The 3-way handshake"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "A client opens a connection to the server: SYN, SYN+ACK, ACK. Then "
                           "both close, so the connection ends cleanly."),
         {kConnect,
          {A::Client, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The client closes"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "close() sends FIN. The server's kernel acknowledges it and tells "
                             "the program (end), which still has to close its own side.")},
          {A::Server, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The server closes"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "The server sends its FIN; the client's ACK ends the connection. "
                             "The client, which closed first, waits in TIME-WAIT.")}}},
        {"teardown",
         QT_TRANSLATE_NOOP("netstage::Lessons", "Normal open and close (the client closes first)"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "Connect, exchange a message each way, then the 4-way teardown: the "
                           "client's FIN and its ACK, the server's FIN and its ACK."),
         {kConnect,
          {A::Client, X::Send, "hello", QT_TRANSLATE_NOOP("netstage::Lessons", "The client sends"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "5 bytes with seq = x+1; the server's kernel acknowledges them with "
                             "ack = x+6 (seq + length).")},
          {A::Server, X::Send, "你好", QT_TRANSLATE_NOOP("netstage::Lessons", "The server answers"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "\"你好\" is 6 bytes in UTF-8; the client acknowledges y+7.")},
          {A::Client, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The client closes first (wave 1)"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "The client sends FIN and enters FIN-WAIT-1; the server's kernel "
                             "acknowledges it (wave 2, often ~40 ms later: a delayed ACK). Now "
                             "the client sits in FIN-WAIT-2 and the server in CLOSE-WAIT, for as "
                             "long as the server program does not close.")},
          {A::Server, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The server closes (waves 3 and 4)"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "The server sends its FIN (LAST-ACK); the client acknowledges it "
                             "and enters TIME-WAIT for 2×MSL (60 s on Linux), so a lost last ACK "
                             "can be sent again and old segments die out.")}}},
        {"server-closes-first",
         QT_TRANSLATE_NOOP("netstage::Lessons", "The server closes first"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "The side that closes first is the one that waits in TIME-WAIT: here "
                           "the server, not the client."),
         {kConnect,
          {A::Server, X::Send, "欢迎光临《深入浅出Node.js》示例：\n",
           QT_TRANSLATE_NOOP("netstage::Lessons", "The server greets"),
           QT_TRANSLATE_NOOP("netstage::Lessons", "The tutorial's welcome line, as data.")},
          {A::Server, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The server closes first"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "The server sends FIN: it is in FIN-WAIT, the client in "
                             "CLOSE-WAIT until its program closes.")},
          {A::Client, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The client closes"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "The client's FIN is acknowledged; the server, which closed first, "
                             "waits in TIME-WAIT.")}}},
        {"half-close",
         QT_TRANSLATE_NOOP("netstage::Lessons", "Half-close: the server keeps sending"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "The client says it will send nothing more (FIN) but keeps reading. "
                           "The server, in CLOSE-WAIT, still sends data, which the client in "
                           "FIN-WAIT-2 receives."),
         {kConnect,
          {A::Client, X::HalfClose, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The client half-closes"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "shutdown(SHUT_WR), Node's socket.end(): FIN goes out, reading "
                             "goes on. The server program sees end; the connection is half "
                             "open.")},
          {A::Server, X::Send, "still here",
           QT_TRANSLATE_NOOP("netstage::Lessons", "The server still sends"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "In CLOSE-WAIT the server may still write: the data is delivered "
                             "to the client, which is in FIN-WAIT-2.")},
          {A::Server, X::Send, "bye", QT_TRANSLATE_NOOP("netstage::Lessons", "And once more"),
           QT_TRANSLATE_NOOP("netstage::Lessons", "Every segment is acknowledged as usual.")},
          {A::Server, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The server closes"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "Its FIN ends the other direction; the client enters TIME-WAIT.")}}},
        {"reset",
         QT_TRANSLATE_NOOP("netstage::Lessons", "Abort: RST instead of FIN"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "With SO_LINGER 0, close() does not send FIN: the kernel sends RST "
                           "and forgets the connection at once. The peer gets ECONNRESET; "
                           "nobody waits in TIME-WAIT."),
         {kConnect,
          {A::Client, X::Send, "hello", QT_TRANSLATE_NOOP("netstage::Lessons", "The client sends"),
           QT_TRANSLATE_NOOP("netstage::Lessons", "Ordinary data, acknowledged.")},
          {A::Client, X::Abort, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The client aborts"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "SO_LINGER {1, 0} then close(): one RST segment. The server "
                             "program's next read fails with ECONNRESET.")}}},
        {"refused",
         QT_TRANSLATE_NOOP("netstage::Lessons", "Connect to a closed port"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "Nothing listens on the port, so the kernel answers the SYN with "
                           "RST: connect() fails with ECONNREFUSED at once."),
         {{A::Client, X::ConnectClosedPort, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The client connects to a closed port"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "SYN goes out; RST+ACK (ack = x+1) comes back from the kernel, "
                             "since no socket listens there. No handshake, no connection.")}}},
        {"data",
         QT_TRANSLATE_NOOP("netstage::Lessons", "Data exchange with ACKs"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "Messages in both directions: each segment carries seq (its first "
                           "byte) and ack (the next byte expected), and each is acknowledged."),
         {kConnect,
          {A::Client, X::Send, "hello", QT_TRANSLATE_NOOP("netstage::Lessons", "The client sends"),
           QT_TRANSLATE_NOOP("netstage::Lessons", "seq = x+1, 5 bytes; acknowledged x+6.")},
          {A::Server, X::Send, "你好", QT_TRANSLATE_NOOP("netstage::Lessons", "The server answers"),
           QT_TRANSLATE_NOOP("netstage::Lessons", "seq = y+1, 6 bytes; acknowledged y+7.")},
          {A::Client, X::Send, "how are you?",
           QT_TRANSLATE_NOOP("netstage::Lessons", "The client sends again"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "seq continues where it stopped: x+6, 12 bytes; acknowledged "
                             "x+18.")},
          {A::Server, X::Send, "fine, thanks",
           QT_TRANSLATE_NOOP("netstage::Lessons", "The server answers again"),
           QT_TRANSLATE_NOOP("netstage::Lessons", "seq = y+7, 12 bytes.")},
          {A::Client, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The client closes"),
           QT_TRANSLATE_NOOP("netstage::Lessons", "FIN; the server is in CLOSE-WAIT.")},
          {A::Server, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The server closes"),
           QT_TRANSLATE_NOOP("netstage::Lessons", "FIN, ACK: the client waits in TIME-WAIT.")}}},
        {"tcp-vs-udp",
         QT_TRANSLATE_NOOP("netstage::Lessons", "TCP vs UDP"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "The same word sent twice, side by side: once over a TCP connection "
                           "(handshake, data, acknowledgement, teardown) and once as a UDP "
                           "datagram, which an echo server sends back. Count the arrows and the "
                           "states."),
         {{A::Client, X::Connect, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "TCP: the client connects"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "Before TCP carries a single byte, three segments go back and "
                             "forth (SYN, SYN+ACK, ACK) and both sides change state. That is "
                             "the price of a connection: both kernels now know each other's "
                             "sequence numbers.")},
          {A::Client, X::Send, "hello",
           QT_TRANSLATE_NOOP("netstage::Lessons", "TCP: the client sends \"hello\""),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "5 bytes, numbered (seq = x+1), and the server's kernel "
                             "acknowledges them (ack = x+6). Had the segment been lost, the "
                             "client's kernel would have sent it again by itself.")},
          {A::Client, X::UdpSend, "hello",
           QT_TRANSLATE_NOOP("netstage::Lessons", "UDP: the client sends \"hello\""),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "The same 5 bytes as one UDP datagram: no handshake before it, no "
                             "acknowledgement after it, no state on either lane. The echo "
                             "server's answer is just another datagram. Two arrows, and that "
                             "is all of it.")},
          {A::Client, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "TCP: the client closes"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "A TCP connection also has to be taken down: the client's FIN, "
                             "acknowledged; the server is in CLOSE-WAIT. UDP had nothing to "
                             "close on the wire.")},
          {A::Server, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "TCP: the server closes"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "The server's FIN and the last ACK: the client waits in TIME-WAIT. "
                             "Count: TCP needed a handful of segments to deliver 5 bytes "
                             "reliably; UDP needed one datagram each way and promised "
                             "nothing.")}}},
    };
    return lessons;
}

const Lesson* Lessons::find(const QString& name)
{
    for (const Lesson& l : all()) {
        if (name == QLatin1String(l.name))
            return &l;
    }
    return nullptr;
}

LessonRunner::LessonRunner(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                           QObject* parent)
    : QObject(parent), timeline_(timeline), observer_(observer), wire_(wire)
{
    quiet_ = new QTimer(this);
    quiet_->setInterval(kTick);
    connect(quiet_, &QTimer::timeout, this, [this] {
        const quint64 end = timeline_->endIndex();
        quietRounds_ = end == lastSeen_ ? quietRounds_ + 1 : 0;
        lastSeen_ = end;
        ++settleTicks_;
        const bool lossy = loss_ != nullptr;
        if (quietRounds_ * kTick >= (lossy ? kLossQuietMs : kQuietMs) ||
            settleTicks_ * kTick >= (lossy ? kLossSettleMaxMs : kSettleMaxMs)) {
            quiet_->stop();
            if (settled_) {
                auto f = std::move(settled_);
                settled_ = nullptr;
                f();
            }
        }
    });
    // Remember the lesson's sockets as they appear.
    sink_ = timeline_->addSink([this](const Event& e) {
        if (!running_ || e.source != ev::App)
            return;
        if (e.event == ev::Connection && serverConn_.isEmpty())
            serverConn_ = e.socket;
    });
}

qint64 LessonRunner::tcpSegmentsDropped() const
{
    return loss_ ? loss_->dropped() : lossDropped_;
}

void LessonRunner::dropLoss()
{
    if (!loss_)
        return;
    lossDropped_ = loss_->dropped();
    loss_.reset(); // the rule goes with it
}

LessonRunner::~LessonRunner()
{
    timeline_->removeSink(sink_);
}

bool LessonRunner::start(const Lesson& lesson, quint16 port)
{
    stop();
    lesson_ = &lesson;
    stepIndex_ = 0;
    client_.clear();
    serverConn_.clear();
    udpClient_.clear();
    lossDropped_ = -1;
    delete udpLab_;
    udpLab_ = nullptr;
    delete lab_;
    lab_ = new TcpLab(timeline_, observer_, this);
    lab_->setWireCapture(wire_);
    lab_->setClientAutoEnd(false); // every close is a step of its own
    running_ = true;

    Event e;
    e.socket = QStringLiteral("lesson");
    e.proto = ev::Tcp;
    e.event = QStringLiteral("step");
    e.source = ev::App;
    e.payload = QByteArray(lesson.name);
    e.detail = Lessons::title(lesson) + QStringLiteral(": ") + Lessons::summary(lesson);
    timeline_->append(e);

    const bool needsServer =
        std::any_of(lesson.steps.begin(), lesson.steps.end(), [](const auto& s) {
            return s.action != LessonStep::Action::ConnectClosedPort;
        });
    if (needsServer) {
        TcpServerOptions opts;
        opts.port = port;
        opts.preset = TcpPreset::Silent;
        if (!lab_->startServer(opts)) {
            running_ = false;
            emit finished();
            return false;
        }
        port_ = lab_->serverPort();
        if (lossPercent_ > 0) {
            loss_ = std::make_unique<LoopbackLoss>();
            QString why;
            Event le;
            le.socket = QStringLiteral("lesson");
            le.proto = ev::Tcp;
            le.source = ev::App;
            if (!loss_->apply(port_, lossPercent_, &why)) {
                loss_.reset();
                le.event = ev::Error;
                le.code = QStringLiteral("EPERM");
                le.detail = why;
                timeline_->append(le);
                lab_->closeAll();
                running_ = false;
                emit finished();
                return false;
            }
            le.event = ev::Info;
            le.extra = QJsonObject{{QStringLiteral("loss_percent"), lossPercent_},
                                   {QStringLiteral("port"), int(port_)},
                                   {QStringLiteral("nft_table"), loss_->tableName()}};
            le.detail = tr("Real loss: an nftables rule drops %1% of the TCP data segments sent "
                           "to 127.0.0.1:%2 after the capture saw them; UDP goes through the "
                           "relay with the same loss.")
                            .arg(lossPercent_)
                            .arg(port_);
            timeline_->append(le);
        }
        const bool udp = std::any_of(lesson.steps.begin(), lesson.steps.end(), [](const auto& s) {
            return s.action == LessonStep::Action::UdpSend;
        });
        if (udp) {
            udpLab_ = new UdpLab(timeline_, this);
            UdpServerOptions uo;
            uo.port = 0; // a free one: never clash with a UDP lab running in the window
            uo.preset = UdpPreset::Echo;
            if (!udpLab_->startServer(uo)) {
                lab_->closeAll();
                running_ = false;
                emit finished();
                return false;
            }
        }
    } else {
        // A port nothing listens on: bind one, note it, let it go.
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port_ = probe.serverPort();
        probe.close();
    }
    settle([this] { afterStep(); });
    return true;
}

void LessonRunner::afterStep()
{
    if (!running_)
        return;
    if (stepIndex_ >= int(lesson_->steps.size())) {
        finish();
        return;
    }
    if (stepMode_) {
        waiting_ = true;
        emit waitingForTeacher(stepIndex_);
        return;
    }
    QTimer::singleShot(stepDelayMs_, this, [this] {
        if (running_ && !waiting_)
            runStep();
    });
}

void LessonRunner::next()
{
    if (!running_ || !waiting_)
        return;
    waiting_ = false;
    runStep();
}

void LessonRunner::runStep()
{
    const LessonStep& s = lesson_->steps[stepIndex_];
    emit stepStarted(stepIndex_);
    Event e;
    e.socket = QStringLiteral("lesson");
    e.proto = ev::Tcp;
    e.event = QStringLiteral("step");
    e.source = ev::App;
    e.seq = stepIndex_ + 1; // the step's number, 1-based
    e.detail = Lessons::title(s) + QStringLiteral(": ") + Lessons::explanation(s);
    timeline_->append(e);
    ++stepIndex_;

    const QString actor = s.actor == LessonStep::Actor::Client ? client_ : serverConn_;
    switch (s.action) {
    case LessonStep::Action::Connect:
    case LessonStep::Action::ConnectClosedPort:
        client_ = lab_->connectTo(QStringLiteral("127.0.0.1"), port_);
        break;
    case LessonStep::Action::Send:
        lab_->send(actor, QByteArray(s.data));
        break;
    case LessonStep::Action::HalfClose:
        lab_->halfClose(actor);
        break;
    case LessonStep::Action::Close:
        lab_->close(actor);
        break;
    case LessonStep::Action::Abort:
        lab_->abort(actor);
        break;
    case LessonStep::Action::UdpSend:
        if (udpLab_) {
            if (udpClient_.isEmpty()) {
                UdpClientOptions co;
                if (lossPercent_ > 0) {
                    UdpRelayOptions ro;
                    ro.loss = lossPercent_ / 100.0;
                    udpLab_->setRelayOptions(ro);
                    co.viaRelay = true;
                }
                udpClient_ =
                    udpLab_->openClient(QStringLiteral("127.0.0.1"), udpLab_->serverPort(), co);
            }
            if (!udpClient_.isEmpty())
                udpLab_->send(udpClient_, QByteArray(s.data));
        }
        break;
    }
    settle([this] { afterStep(); });
}

void LessonRunner::settle(std::function<void()> then)
{
    settled_ = std::move(then);
    lastSeen_ = timeline_->endIndex();
    quietRounds_ = 0;
    settleTicks_ = 0;
    quiet_->start();
}

void LessonRunner::finish()
{
    Event e;
    e.socket = QStringLiteral("lesson");
    e.proto = ev::Tcp;
    e.event = QStringLiteral("step");
    e.source = ev::App;
    e.detail = tr("The lesson is over.");
    timeline_->append(e);
    if (lab_)
        lab_->stopServer();
    if (udpLab_)
        udpLab_->closeAll();
    dropLoss();
    running_ = false;
    waiting_ = false;
    emit finished();
}

void LessonRunner::stop()
{
    quiet_->stop();
    settled_ = nullptr;
    waiting_ = false;
    if (lab_ && running_) {
        lab_->closeAll();
        if (udpLab_)
            udpLab_->closeAll();
        dropLoss();
        running_ = false;
        emit finished();
    }
}

} // namespace netstage
