#include "core/lessons/lesson.h"

#include "core/base/timeline.h"
#include "core/net/loopback_loss.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/udp/udp_lab.h"

#include <QJsonObject>
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
        {"rst-on-closed",
         QT_TRANSLATE_NOOP("netstage::Lessons", "Data to a closed socket: RST"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "The server's program closes its socket; the client, in CLOSE-WAIT, "
                           "still sends. No program will ever read those bytes, so the server's "
                           "kernel answers RST; the client's next write fails with EPIPE."),
         {kConnect,
          {A::Server, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The server closes"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "close() sends FIN. The client's kernel acknowledges it and its "
                             "program sees end, but does not close: the client sits in "
                             "CLOSE-WAIT. The server's socket is an orphan now, in FIN-WAIT-2, "
                             "with no program behind it.")},
          {A::Client, X::Send, "hello",
           QT_TRANSLATE_NOOP("netstage::Lessons", "The client sends anyway"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "The bytes reach a socket no program will read. Linux answers RST "
                             "at once instead of acknowledging them; the client's kernel "
                             "forgets the connection (CLOSED, no TIME-WAIT). Its program does "
                             "not know yet: it has already read the end of the stream.")},
          {A::Client, X::Send, "still there?",
           QT_TRANSLATE_NOOP("netstage::Lessons", "The client sends again"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "Now write() fails: EPIPE, \"broken pipe\" (a reset received in "
                             "CLOSE-WAIT is reported as EPIPE, elsewhere as ECONNRESET). "
                             "Nothing goes on the wire any more.")}}},
        {"syn-retries",
         QT_TRANSLATE_NOOP("netstage::Lessons", "Nobody answers the SYN: retries, then ETIMEDOUT"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "An nftables rule drops every SYN sent to the server's port (the "
                           "capture sees each one before it is dropped). The client sits in "
                           "SYN-SENT and its kernel sends the SYN again and again until the "
                           "time TCP_SYNCNT allows is used up, then connect() fails with "
                           "ETIMEDOUT."),
         {{A::Client, X::ConnectSynsDropped, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The client connects; no SYN arrives"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "connect() sends SYN and the client enters SYN-SENT. Nothing comes "
                             "back: the rule drops the SYN before the server's kernel sees it. "
                             "The textbook doubles the wait before each retry (1 s, 2 s, 4 s); "
                             "Linux 6.5 and later first retry every second "
                             "(net.ipv4.tcp_syn_linear_timeouts, 4 by default), then double. "
                             "TCP_SYNCNT limits the time, not the count: with 2 retries, "
                             "1 + 2 + 4 = 7 s after the first SYN the kernel gives up: "
                             "ETIMEDOUT, and the socket is CLOSED. The gaps beside the ladder "
                             "are the real ones.")}}},
        {"keepalive",
         QT_TRANSLATE_NOOP("netstage::Lessons", "Keepalive: the peer vanished without a FIN"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "After a normal handshake the server disappears without a word: an "
                           "nftables rule drops everything to and from it, as if its cable were "
                           "cut. The client notices only because keepalive is on (timers "
                           "shortened for class): its kernel probes, hears nothing, gives up "
                           "with an RST (lost as well) and reports ETIMEDOUT. The server never "
                           "knew and still thinks the connection is open (half-open); when it "
                           "finally writes, the answer is RST."),
         {{A::Client, X::ConnectKeepalive, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The client connects, with keepalive"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "SO_KEEPALIVE on, TCP_KEEPIDLE 2 s, TCP_KEEPINTVL 1 s, TCP_KEEPCNT "
                             "3 (Linux's defaults: 2 hours, 75 s and 9 probes).")},
          {A::Client, X::Send, "hello", QT_TRANSLATE_NOOP("netstage::Lessons", "The client sends"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "Ordinary data, acknowledged: the connection is alive.")},
          {A::Server, X::PeerVanishes, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The server vanishes"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "From now on every segment to and from the server is dropped, as if "
                             "its cable were cut. After 2 quiet seconds the client's kernel "
                             "sends a keepalive probe: an ACK whose seq is one below the next "
                             "byte, which a live peer must answer. No answer comes. After 3 "
                             "unanswered probes the client's kernel gives up: it sends an RST "
                             "(in case the peer is still there; it is dropped too), reports "
                             "ETIMEDOUT and the socket is CLOSED.")},
          {A::Server, X::Send, "anyone there?",
           QT_TRANSLATE_NOOP("netstage::Lessons", "The server writes into a half-open connection"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "The rule is gone. The server noticed nothing and is still "
                             "ESTABLISHED; its data reaches a client kernel that no longer "
                             "knows the connection, which answers RST: the server's program "
                             "gets ECONNRESET.")}}},
        {"simultaneous-close",
         QT_TRANSLATE_NOOP("netstage::Lessons", "Simultaneous close: both FINs at once"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "Both programs close at the same moment, so each FIN leaves before "
                           "the other side's arrives. On loopback a segment arrives within "
                           "microseconds, so the lesson makes the FINs miss each other for "
                           "real: an nftables rule drops both first FINs, and both ends sit in "
                           "FIN-WAIT-1 at once. A FIN received in FIN-WAIT-1 leads to CLOSING, "
                           "the state only a simultaneous close reaches; both ends closed "
                           "actively, so both wait in TIME-WAIT."),
         {kConnect,
          {A::Client, X::Send, "hello", QT_TRANSLATE_NOOP("netstage::Lessons", "The client sends"),
           QT_TRANSLATE_NOOP("netstage::Lessons", "Ordinary data, acknowledged.")},
          {A::Client, X::BothClose, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "Both close at once"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "Client and server call close() together: FIN and FIN, both "
                             "dropped after the capture saw them, so each end is in FIN-WAIT-1 "
                             "with its own FIN unacknowledged. After the retransmission timeout "
                             "(about 200 ms) the FINs are sent again and the rule is gone: the "
                             "first to arrive finds its receiver in FIN-WAIT-1, which enters "
                             "CLOSING and acknowledges it; each ACK of a FIN then leads to "
                             "TIME-WAIT. Whether the other end passes through CLOSING too is "
                             "timing: when both retransmission timers fire in the same tick, "
                             "the FINs sent again cross in flight and both do; otherwise the "
                             "second FIN finds its receiver already in FIN-WAIT-2. Run it a few "
                             "times.")}}},
        {"simultaneous-open",
         QT_TRANSLATE_NOOP("netstage::Lessons", "Simultaneous open: two SYNs cross"),
         QT_TRANSLATE_NOOP("netstage::Lessons",
                           "No server: two sockets, each bound to a port of its own, connect to "
                           "each other at once. On loopback the first SYN would arrive before "
                           "the other end has sent its own and be refused, so an nftables rule "
                           "drops the first SYNs; the retransmitted ones find the other end in "
                           "SYN-SENT. A SYN received in SYN-SENT leads to SYN-RECEIVED: a "
                           "connection with no listener at all."),
         {{A::Client, X::SimultaneousOpen, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "Both ends connect to each other"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "Both send SYN and enter SYN-SENT; both SYNs are dropped. A second "
                             "later the kernels send them again: the first to arrive meets a "
                             "socket in SYN-SENT, which answers SYN+ACK and enters SYN-RECEIVED; "
                             "the SYN+ACK takes the other end to ESTABLISHED, and its ACK "
                             "completes the connection. Both programs see connect succeed, "
                             "neither ever called listen() or accept().")},
          {A::Client, X::Close, nullptr, QT_TRANSLATE_NOOP("netstage::Lessons", "One end closes"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "An ordinary teardown from here: FIN, acknowledged.")},
          {A::Server, X::Close, nullptr,
           QT_TRANSLATE_NOOP("netstage::Lessons", "The other end closes"),
           QT_TRANSLATE_NOOP("netstage::Lessons",
                             "Its FIN and the last ACK: the end that closed first waits in "
                             "TIME-WAIT.")}}},
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
        if (until_) {
            // The kernel takes its time (SYN retries, keepalive probes): wait for the outcome.
            if (!until_() && settleTicks_ * kTick < untilMaxMs_)
                return;
            until_ = nullptr;
            quietRounds_ = 0;
            settleTicks_ = 0;
            return;
        }
        const bool lossy = loss_ != nullptr || slowStep_;
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
        else if (e.event == ev::Connect)
            connected_.insert(e.socket);
        else if (e.event == ev::Close)
            closed_.insert(e.socket);
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
    connected_.clear();
    closed_.clear();
    until_ = nullptr;
    slowStep_ = false;
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

    // A lesson without a listener: a connection to a closed port, or two sockets that
    // connect to each other.
    const bool needsServer =
        std::none_of(lesson.steps.begin(), lesson.steps.end(), [](const auto& s) {
            return s.action == LessonStep::Action::ConnectClosedPort ||
                   s.action == LessonStep::Action::SimultaneousOpen;
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
    slowStep_ = false;
    const QString loopback = QStringLiteral("127.0.0.1");
    auto closedOrGone = [this](const QString& id) {
        return [this, id] { return id.isEmpty() || closed_.contains(id); };
    };
    switch (s.action) {
    case LessonStep::Action::ConnectSynsDropped: {
        if (!applyDrop(int(LoopbackLoss::Drop::Syn), {port_},
                       tr("An nftables rule drops every SYN sent to 127.0.0.1:%1 (after the "
                          "capture saw it). TCP_SYNCNT is %2: the kernel gives up %3 s after "
                          "the first SYN.")
                           .arg(port_)
                           .arg(synRetries_)
                           .arg((2 << std::min(synRetries_, 12)) - 1)))
            return;
        TcpConnectOptions o;
        o.synRetries = synRetries_;
        client_ = lab_->connectTo(loopback, port_, o);
        // 1 + 2 + 4 + ... seconds, then one more wait before ETIMEDOUT.
        const int maxMs = ((2 << std::min(synRetries_, 12)) - 1) * 1000 + 4000;
        settleWhen(closedOrGone(client_), maxMs, [this] {
            dropLoss();
            afterStep();
        });
        return;
    }
    case LessonStep::Action::ConnectKeepalive: {
        TcpConnectOptions o;
        o.keepIdleS = kKeepIdleS;
        o.keepIntvlS = kKeepIntvlS;
        o.keepCount = kKeepCount;
        client_ = lab_->connectTo(loopback, port_, o);
        break;
    }
    case LessonStep::Action::PeerVanishes: {
        if (!applyDrop(int(LoopbackLoss::Drop::Cut), {port_},
                       tr("An nftables rule drops every segment to and from 127.0.0.1:%1, as "
                          "if the server's cable were cut: no FIN, no RST.")
                           .arg(port_)))
            return;
        const int maxMs = (kKeepIdleS + kKeepIntvlS * (kKeepCount + 2)) * 1000 + 4000;
        settleWhen(closedOrGone(client_), maxMs, [this] {
            dropLoss();
            afterStep();
        });
        return;
    }
    case LessonStep::Action::BothClose: {
        if (!applyDrop(int(LoopbackLoss::Drop::Fin), {port_},
                       tr("An nftables rule drops the FINs to and from 127.0.0.1:%1 for a "
                          "moment, so both ends close before either FIN arrives.")
                           .arg(port_)))
            return;
        lab_->close(client_);
        lab_->close(serverConn_);
        slowStep_ = true;
        // Both FINs are gone; lift the rule before the retransmission timer (>= 200 ms).
        QTimer::singleShot(60, this, [this] { dropLoss(); });
        break;
    }
    case LessonStep::Action::SimultaneousOpen: {
        // Two free ports, then both sockets bind one and connect to the other.
        quint16 ports[2] = {0, 0};
        {
            QTcpServer probes[2];
            for (int i = 0; i < 2; ++i) {
                probes[i].listen(QHostAddress::LocalHost, 0);
                ports[i] = probes[i].serverPort();
            }
        }
        if (ports[0] == ports[1] || !ports[0] || !ports[1]) {
            failStep(QStringLiteral("EADDRINUSE"), tr("No two free ports were found."));
            return;
        }
        port_ = ports[1];
        if (!applyDrop(int(LoopbackLoss::Drop::Syn), {ports[0], ports[1]},
                       tr("An nftables rule drops the first SYNs between 127.0.0.1:%1 and "
                          "127.0.0.1:%2, so that the SYNs sent again cross.")
                           .arg(ports[0])
                           .arg(ports[1])))
            return;
        TcpConnectOptions a;
        a.localPort = ports[0];
        TcpConnectOptions b;
        b.localPort = ports[1];
        client_ = lab_->connectTo(loopback, ports[1], a);
        serverConn_ = lab_->connectTo(loopback, ports[0], b);
        // Both first SYNs are out (and dropped): lift the rule before the 1 s retry.
        QTimer::singleShot(300, this, [this] { dropLoss(); });
        settleWhen(
            [this] {
                return (connected_.contains(client_) || closed_.contains(client_)) &&
                       (connected_.contains(serverConn_) || closed_.contains(serverConn_));
            },
            8000, [this] { afterStep(); });
        return;
    }
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

void LessonRunner::settleWhen(std::function<bool()> done, int maxMs, std::function<void()> then)
{
    settle(std::move(then));
    until_ = std::move(done);
    untilMaxMs_ = maxMs;
}

bool LessonRunner::applyDrop(int what, const QList<quint16>& ports, const QString& why)
{
    if (!loss_)
        loss_ = std::make_unique<LoopbackLoss>();
    QString error;
    if (!loss_->applyDrop(LoopbackLoss::Drop(what), ports, &error)) {
        loss_.reset();
        failStep(QStringLiteral("EPERM"), error);
        return false;
    }
    Event e;
    e.socket = QStringLiteral("lesson");
    e.proto = ev::Tcp;
    e.event = ev::Info;
    e.source = ev::App;
    e.extra = QJsonObject{{QStringLiteral("nft_table"), loss_->tableName()}};
    e.detail = why;
    timeline_->append(e);
    return true;
}

void LessonRunner::failStep(const QString& code, const QString& detail)
{
    Event e;
    e.socket = QStringLiteral("lesson");
    e.proto = ev::Tcp;
    e.event = ev::Error;
    e.source = ev::App;
    e.code = code;
    e.detail = detail;
    timeline_->append(e);
    stop();
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
    until_ = nullptr;
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
