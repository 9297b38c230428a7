#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

class QSocketNotifier;
class QTimer;

namespace netstage {

// "127.0.0.1:8124", "[::1]:8124": how every event and the kernel observer write an endpoint.
QString endpointString(const QHostAddress& address, quint16 port);

// A TCP connection on a plain non-blocking socket under two QSocketNotifiers, so the lab can do
// what QTcpSocket hides: stay in CLOSE-WAIT after the peer's FIN and keep writing, send FIN
// while still reading (half-close), and abort with RST (SO_LINGER 0). See docs/PLATFORM-FACTS.md.
class NativeTcpConnection : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Connecting,
        Open,
        Closed
    };
    Q_ENUM(State)

    explicit NativeTcpConnection(QObject* parent = nullptr);
    ~NativeTcpConnection() override; // closes the fd if still open (gracefully)

    // Takes an accepted, connected descriptor.
    bool adopt(int fd);
    // Starts a non-blocking connect. Every outcome (connected, or errorOccurred + closed, e.g.
    // ECONNREFUSED) arrives asynchronously; false (and lastError()) only when no socket could
    // be made. The local port is known as soon as this returns true.
    bool connectTo(const QHostAddress& host, quint16 port, int timeoutMs = 10000);

    State state() const { return state_; }
    bool writeShut() const { return writeShut_; } // we sent (or queued) our FIN
    bool peerEnded() const { return peerEnded_; } // the peer's FIN arrived
    int lastError() const { return lastError_; }
    int descriptor() const { return fd_; }
    QHostAddress localAddress() const { return localAddr_; }
    quint16 localPort() const { return localPort_; }
    QHostAddress peerAddress() const { return peerAddr_; }
    quint16 peerPort() const { return peerPort_; }
    qint64 pendingWrite() const { return outBuf_.size() - outPos_; }

    // Flow control, like Node's socket.pause()/resume(): while paused nothing is read from the
    // descriptor, so the kernel's receive buffer fills and TCP's window closes on the peer.
    // Closing still reads what is buffered (so the kernel sends FIN, not RST).
    void pauseReading();
    void resumeReading();
    bool readingPaused() const { return readPaused_; }

    // Queues bytes; false if our side is already shut or the socket is closed.
    bool write(const QByteArray& data);
    // Sends FIN once queued bytes are out; keeps reading.
    bool shutdownWrite();
    // Reads what is already buffered (so the kernel sends FIN, not RST), flushes what is queued,
    // then closes the descriptor.
    bool close();
    // Closes at once with SO_LINGER {1, 0}: the kernel sends RST and drops queued data.
    bool abort();

signals:
    void connected();
    void dataReceived(const QByteArray& data);
    void dataWritten(qint64 bytes);
    void peerFinished();         // end-of-stream: the peer's FIN
    void errorOccurred(int err); // errno value
    void closed(bool hadError);  // the descriptor is closed; emitted once

private:
    void onReadable();
    void onWritable();
    void readAvailable(bool draining);
    void flush();
    void fail(int err);
    void closeFd(bool hadError);
    void updateAddresses();
    void finishGracefulStepsIfDue();

    int fd_ = -1;
    State state_ = State::Idle;
    bool writeShut_ = false;
    bool shutdownPending_ = false;
    bool closePending_ = false;
    bool peerEnded_ = false;
    bool readPaused_ = false;
    int lastError_ = 0;
    QByteArray outBuf_;
    qsizetype outPos_ = 0;
    QSocketNotifier* readNotifier_ = nullptr;
    QSocketNotifier* writeNotifier_ = nullptr;
    QTimer* connectTimer_ = nullptr;
    QHostAddress localAddr_, peerAddr_;
    quint16 localPort_ = 0, peerPort_ = 0;
};

} // namespace netstage
