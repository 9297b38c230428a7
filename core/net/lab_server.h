#pragma once

#include <QHostAddress>
#include <QTcpServer>

#include <functional>

namespace netstage {

// The host a lab uses as an address: "localhost" is 127.0.0.1, anything else must be an IP
// literal (names are never resolved for a bind). False when it is not one.
bool parseLabAddress(const QString& host, QHostAddress* out);

// One backpressure rule for every lab, like Node's highWaterMark: when the output waiting for a
// peer (queued by the lab, not yet taken by the kernel) grows past kHighWater, the lab stops
// reading from that peer (event "pause"); when it has drained below kLowWater, it reads again
// (event "resume"). A client that sends and never reads then fills its own kernel buffers and
// waits, instead of filling the server's memory.
namespace Backpressure {
constexpr qint64 kHighWater = 1024 * 1024;
constexpr qint64 kLowWater = 256 * 1024;
inline const QString kPause = QStringLiteral("pause");
inline const QString kResume = QStringLiteral("resume");
} // namespace Backpressure

// The server part every TCP-based lab shares (TCP, WebSocket, HTTP): it parses the bind address,
// listens (QTcpServer does the bind and SO_REUSEADDR) and hands each accepted descriptor to the
// lab, which wraps it in its own socket so Qt never reads from it. When listening fails,
// errorCode() and errorDetail() are what the lab's `error` event says; when it listens on an
// address other machines can reach, exposureSentence() is the `info` event that warns the
// teacher. admissionLimit() is the one rule for how many connections a lab serves at once.
class LabServer : public QTcpServer
{
    Q_OBJECT
public:
    using Accept = std::function<void(qintptr fd)>;

    LabServer(Accept accept, QObject* parent);

    // Parses `host` and listens on it (port 0: any free port). True when listening; then
    // local() is the bound endpoint ("127.0.0.1:8124"). False with errorCode() (EINVAL,
    // EADDRINUSE, EACCES...) and errorDetail() (a sentence, or empty when the code says it all);
    // local() is then what was asked for.
    bool open(const QString& host, quint16 port);

    QString local() const { return local_; }
    QString errorCode() const { return code_; }
    QString errorDetail() const { return detail_; }
    // Listening on an address that is not loopback: other machines can connect.
    bool exposed() const;
    QString exposureSentence() const;

    // How many connections a lab may serve at once: its own limit (0 = none) and LAN mode's
    // classroom limit, whichever is lower; 0 when neither applies.
    static int admissionLimit(int own = 0);

    // How many of `limit` connections one address may hold at once, so one machine in the
    // classroom cannot take every slot: a quarter, at least 2 (0: no limit, no share).
    static int addressShare(int limit);

    // Whether a connection is held to that share. Not when it comes from this machine itself
    // (its peer address is the server's own address on that connection: the teacher's browser,
    // curl or wrk beside the app, or a benchmark with 50 connections): one machine's share is
    // about the other machines in the classroom. 127.0.0.2 connecting to 127.0.0.1 stands in for
    // another machine and is held to it.
    static bool heldToShare(const QHostAddress& peer, const QHostAddress& local);

    // The sentences of the backpressure events (pending: bytes waiting for the peer).
    static QString pauseSentence(qint64 pending);
    static QString resumeSentence(qint64 pending);

    // The sentence of an address that cannot be bound.
    static QString badAddressSentence(const QString& host);

protected:
    void incomingConnection(qintptr fd) override { accept_(fd); }

private:
    Accept accept_;
    QHostAddress addr_;
    QString local_;
    QString code_;
    QString detail_;
};

} // namespace netstage
