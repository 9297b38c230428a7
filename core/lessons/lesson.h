#pragma once

#include "core/tcp/tcp_lab.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>
#include <vector>

class QTimer;

namespace netstage {

class LoopbackLoss;
class UdpLab;

// A lesson is data: which server preset, and the steps the teacher steps through. Texts are
// source strings marked for translation; Lessons::tr() translates them when shown.
struct LessonStep
{
    enum class Actor
    {
        Client,
        Server
    };
    enum class Action
    {
        Connect,
        ConnectClosedPort,
        Send,
        HalfClose,
        Close,
        Abort,
        // UDP, in a UdpLab of the lesson's own beside the TCP one: one datagram from the UDP
        // client to an echo server, which sends it straight back.
        UdpSend,
        // What the textbook draws and loopback never does by itself, each made real by an
        // nftables rule of the lesson's own (LoopbackLoss::applyDrop; root or CAP_NET_ADMIN):
        ConnectSynsDropped, // the server's SYNs are dropped: SYN-SENT, SYNs sent again at the
                            // kernel's backoff, then ETIMEDOUT (TCP_SYNCNT: synRetries())
        ConnectKeepalive,   // connect with keepalive on and its timers shortened for class
        PeerVanishes,       // (server) everything to and from it is dropped from now on, until
                            // the client's keepalive gives up (ETIMEDOUT); then the rule goes
        BothClose,          // both ends close at once, both FINs lost, then sent again
        SimultaneousOpen    // two sockets on fixed ports connect to each other; their first
                            // SYNs are dropped, so the retransmitted ones cross
    };
    Actor actor;
    Action action;
    const char* data;        // what Send sends (UTF-8), or nullptr
    const char* title;       // short: "The client connects"
    const char* explanation; // a paragraph for the class
};

struct Lesson
{
    const char* name;    // "handshake", used on the command line
    const char* title;   // "The 3-way handshake"
    const char* summary; // one paragraph
    std::vector<LessonStep> steps;
};

class Lessons
{
    Q_DECLARE_TR_FUNCTIONS(netstage::Lessons)
public:
    static const std::vector<Lesson>& all();
    static const Lesson* find(const QString& name);
    static QString title(const Lesson& l) { return tr(l.title); }
    static QString summary(const Lesson& l) { return tr(l.summary); }
    static QString title(const LessonStep& s) { return tr(s.title); }
    static QString explanation(const LessonStep& s) { return tr(s.explanation); }
};

// Runs a lesson on real sockets: a server (preset silent, so only the teacher closes it) and
// one client, in a TcpLab of its own on the shared timeline (and, for a lesson with UDP steps,
// a UdpLab with an echo server and one client beside it). Before each application decision
// it waits: for next() in step mode, or for the step delay. Between steps the kernel really
// holds the state (FIN-WAIT-2 / CLOSE-WAIT after a half-close, until the next step).
// Each step appends a `step` event (socket "lesson") with its title and explanation.
class LessonRunner : public QObject
{
    Q_OBJECT
public:
    LessonRunner(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                 QObject* parent = nullptr);
    ~LessonRunner() override;

    bool start(const Lesson& lesson, quint16 port = 0); // port 0: a free one
    void setStepMode(bool on) { stepMode_ = on; }       // wait for next() before each step
    void setStepDelayMs(int ms) { stepDelayMs_ = ms; }  // auto mode: pause between steps
    // Real loss, root only (off: 0): drops this share of the TCP segments sent to the lesson's
    // server with an nftables rule (LoopbackLoss), so the wire shows TCP sending them again,
    // and sends the UDP steps through the UDP lab's relay with the same loss, where they are
    // simply gone. Without permission start() fails with an error event saying why.
    void setLossPercent(int percent) { lossPercent_ = percent; }
    // syn-retries: how often the kernel sends the SYN again before it gives up (TCP_SYNCNT);
    // it waits 1 s, then 2, 4, 8... between them.
    void setSynRetries(int n) { synRetries_ = n; }
    int synRetries() const { return synRetries_; }
    static constexpr int kKeepIdleS = 2;  // keepalive: quiet seconds before the first probe
    static constexpr int kKeepIntvlS = 1; // between probes
    static constexpr int kKeepCount = 3;  // unanswered probes before ETIMEDOUT
    int lossPercent() const { return lossPercent_; }
    qint64 tcpSegmentsDropped() const; // by the nftables rule so far; -1 when unknown
    void next();                       // the teacher's Step
    void stop();                       // ends the lesson, closes everything

    bool isRunning() const { return running_; }
    bool isWaitingForTeacher() const { return waiting_; }
    int currentStep() const { return stepIndex_; } // the next step to run
    const Lesson* lesson() const { return lesson_; }
    TcpLab* lab() const { return lab_; }
    UdpLab* udpLab() const { return udpLab_; } // only for lessons with UDP steps
    QString clientSocket() const { return client_; }
    QString serverSocket() const { return serverConn_; }

signals:
    void stepStarted(int index);
    void waitingForTeacher(int nextIndex); // step mode: press Step to run step nextIndex
    void finished();

private:
    void runStep();
    void afterStep();
    void settle(std::function<void()> then);
    // Waits until `done` holds (at most maxMs), then settles as usual.
    void settleWhen(std::function<bool()> done, int maxMs, std::function<void()> then);
    bool applyDrop(int what, const QList<quint16>& ports, const QString& why);
    void failStep(const QString& code, const QString& detail);
    void finish();
    void dropLoss();

    Timeline* timeline_;
    QPointer<KernelObserver> observer_;
    QPointer<WireCapture> wire_;
    TcpLab* lab_ = nullptr;
    UdpLab* udpLab_ = nullptr;
    std::unique_ptr<LoopbackLoss> loss_;
    int lossPercent_ = 0;
    int synRetries_ = 2;
    bool slowStep_ = false; // retransmissions expected: wait longer for quiet
    std::function<bool()> until_;
    int untilMaxMs_ = 0;
    QSet<QString> connected_; // lesson sockets whose connect() succeeded
    QSet<QString> closed_;    // and those closed (error or not)
    qint64 lossDropped_ = -1;
    QString udpClient_;
    const Lesson* lesson_ = nullptr;
    int stepIndex_ = 0;
    bool stepMode_ = false;
    int stepDelayMs_ = 600;
    bool running_ = false;
    bool waiting_ = false;
    quint16 port_ = 0;
    QString client_;
    QString serverConn_;
    QTimer* quiet_ = nullptr;
    quint64 lastSeen_ = 0;
    int quietRounds_ = 0;
    int settleTicks_ = 0;
    std::function<void()> settled_;
    int sink_ = 0;
};

} // namespace netstage
