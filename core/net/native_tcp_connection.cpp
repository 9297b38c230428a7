#include "core/net/native_tcp_connection.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace netstage {

namespace {
constexpr int kReadChunk = 64 * 1024;
// Bytes read per wake-up before yielding to the event loop, so one busy peer cannot starve
// the others (or the GUI).
constexpr int kReadBudget = 1024 * 1024;

bool sockaddrOf(const QHostAddress& host, quint16 port, sockaddr_storage* ss, socklen_t* len)
{
    *ss = {};
    if (host.protocol() == QAbstractSocket::IPv4Protocol) {
        auto* sin = reinterpret_cast<sockaddr_in*>(ss);
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
        sin->sin_addr.s_addr = htonl(host.toIPv4Address());
        *len = sizeof(sockaddr_in);
        return true;
    }
    if (host.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* sin6 = reinterpret_cast<sockaddr_in6*>(ss);
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
        const Q_IPV6ADDR a = host.toIPv6Address();
        memcpy(&sin6->sin6_addr, &a, sizeof(a));
        *len = sizeof(sockaddr_in6);
        return true;
    }
    return false;
}

void addressOf(const sockaddr_storage& ss, QHostAddress* addr, quint16* port)
{
    addr->setAddress(reinterpret_cast<const sockaddr*>(&ss));
    if (ss.ss_family == AF_INET)
        *port = ntohs(reinterpret_cast<const sockaddr_in*>(&ss)->sin_port);
    else if (ss.ss_family == AF_INET6)
        *port = ntohs(reinterpret_cast<const sockaddr_in6*>(&ss)->sin6_port);
}
} // namespace

QString endpointString(const QHostAddress& address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

NativeTcpConnection::NativeTcpConnection(QObject* parent) : QObject(parent) {}

NativeTcpConnection::~NativeTcpConnection()
{
    if (fd_ >= 0) {
        delete readNotifier_;
        delete writeNotifier_;
        ::close(fd_);
    }
}

bool NativeTcpConnection::adopt(int fd)
{
    if (fd_ >= 0 || fd < 0)
        return false;
    fd_ = fd;
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
    state_ = State::Open;
    updateAddresses();
    readNotifier_ = new QSocketNotifier(fd_, QSocketNotifier::Read, this);
    writeNotifier_ = new QSocketNotifier(fd_, QSocketNotifier::Write, this);
    writeNotifier_->setEnabled(false);
    connect(readNotifier_, &QSocketNotifier::activated, this, &NativeTcpConnection::onReadable);
    connect(writeNotifier_, &QSocketNotifier::activated, this, &NativeTcpConnection::onWritable);
    return true;
}

bool NativeTcpConnection::connectTo(const QHostAddress& host, quint16 port, int timeoutMs)
{
    if (fd_ >= 0 || state_ != State::Idle)
        return false;
    sockaddr_storage ss;
    socklen_t len = 0;
    if (!sockaddrOf(host, port, &ss, &len)) {
        lastError_ = EAFNOSUPPORT;
        return false;
    }
    fd_ = ::socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd_ < 0) {
        lastError_ = errno;
        return false;
    }
    peerAddr_ = host;
    peerPort_ = port;
    state_ = State::Connecting;
    readNotifier_ = new QSocketNotifier(fd_, QSocketNotifier::Read, this);
    writeNotifier_ = new QSocketNotifier(fd_, QSocketNotifier::Write, this);
    readNotifier_->setEnabled(false);
    connect(readNotifier_, &QSocketNotifier::activated, this, &NativeTcpConnection::onReadable);
    connect(writeNotifier_, &QSocketNotifier::activated, this, &NativeTcpConnection::onWritable);

    const int rc = ::connect(fd_, reinterpret_cast<sockaddr*>(&ss), len);
    const int err = rc == 0 ? 0 : errno;
    updateAddresses(); // connect() bound the local port, even when it failed later
    if (rc != 0 && err != EINPROGRESS) {
        // Report asynchronously, like every other outcome, once the caller has wired signals.
        writeNotifier_->setEnabled(false);
        QTimer::singleShot(0, this, [this, err] { fail(err); });
        return true;
    }
    // The write notifier fires when the handshake finished, either way (SO_ERROR tells).
    connectTimer_ = new QTimer(this);
    connectTimer_->setSingleShot(true);
    connect(connectTimer_, &QTimer::timeout, this, [this] {
        if (state_ == State::Connecting)
            fail(ETIMEDOUT);
    });
    connectTimer_->start(timeoutMs);
    return true;
}

bool NativeTcpConnection::write(const QByteArray& data)
{
    if (fd_ < 0 || writeShut_ || shutdownPending_ || closePending_)
        return false;
    if (outPos_ > 0 && outPos_ == outBuf_.size()) {
        outBuf_.clear();
        outPos_ = 0;
    }
    outBuf_.append(data);
    if (state_ == State::Open)
        flush();
    return true;
}

bool NativeTcpConnection::shutdownWrite()
{
    if (fd_ < 0 || writeShut_ || shutdownPending_ || closePending_)
        return false;
    shutdownPending_ = true;
    if (state_ == State::Open)
        flush();
    return true;
}

bool NativeTcpConnection::close()
{
    if (fd_ < 0 || closePending_)
        return false;
    if (state_ == State::Connecting) {
        closeFd(false);
        return true;
    }
    QPointer<NativeTcpConnection> self(this);
    readAvailable(true); // unread bytes at close() would make the kernel send RST, not FIN
    if (!self || fd_ < 0)
        return true;
    closePending_ = true;
    flush();
    return true;
}

bool NativeTcpConnection::abort()
{
    if (fd_ < 0)
        return false;
    linger lg{1, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
    outBuf_.clear();
    outPos_ = 0;
    closeFd(false);
    return true;
}

void NativeTcpConnection::onReadable()
{
    if (readPaused_) {
        readNotifier_->setEnabled(false); // level-triggered: it would fire again at once
        return;
    }
    readAvailable(false);
}

void NativeTcpConnection::pauseReading()
{
    readPaused_ = true;
    if (readNotifier_)
        readNotifier_->setEnabled(false);
}

void NativeTcpConnection::resumeReading()
{
    if (!readPaused_)
        return;
    readPaused_ = false;
    if (readNotifier_ && fd_ >= 0 && state_ == State::Open && !peerEnded_)
        readNotifier_->setEnabled(true);
}

void NativeTcpConnection::onWritable()
{
    if (state_ == State::Connecting) {
        int err = 0;
        socklen_t len = sizeof(err);
        ::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            fail(err);
            return;
        }
        if (connectTimer_)
            connectTimer_->stop();
        state_ = State::Open;
        updateAddresses();
        writeNotifier_->setEnabled(false);
        readNotifier_->setEnabled(true);
        QPointer<NativeTcpConnection> self(this);
        emit connected();
        if (!self || fd_ < 0)
            return;
    }
    flush();
}

void NativeTcpConnection::readAvailable(bool draining)
{
    if (fd_ < 0 || peerEnded_ || state_ != State::Open)
        return;
    QPointer<NativeTcpConnection> self(this);
    qint64 budget = draining ? std::numeric_limits<qint64>::max() : kReadBudget;
    while (budget > 0 && (draining || !readPaused_)) {
        QByteArray buf(kReadChunk, Qt::Uninitialized);
        const ssize_t n = ::recv(fd_, buf.data(), buf.size(), 0);
        if (n > 0) {
            buf.truncate(n);
            budget -= n;
            emit dataReceived(buf);
            if (!self || fd_ < 0)
                return;
            continue;
        }
        if (n == 0) {
            peerEnded_ = true;
            readNotifier_->setEnabled(false); // or it fires forever at end-of-stream
            emit peerFinished();
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            fail(errno);
        return;
    }
}

void NativeTcpConnection::flush()
{
    while (fd_ >= 0 && outPos_ < outBuf_.size()) {
        const ssize_t n =
            ::send(fd_, outBuf_.constData() + outPos_, outBuf_.size() - outPos_, MSG_NOSIGNAL);
        if (n > 0) {
            outPos_ += n;
            QPointer<NativeTcpConnection> self(this);
            emit dataWritten(n);
            if (!self)
                return;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            writeNotifier_->setEnabled(true);
            return;
        }
        fail(n < 0 ? errno : EPIPE);
        return;
    }
    if (fd_ < 0)
        return;
    writeNotifier_->setEnabled(false);
    outBuf_.clear();
    outPos_ = 0;
    finishGracefulStepsIfDue();
}

void NativeTcpConnection::finishGracefulStepsIfDue()
{
    if (shutdownPending_ && !writeShut_) {
        ::shutdown(fd_, SHUT_WR);
        writeShut_ = true;
        shutdownPending_ = false;
    }
    if (closePending_) {
        QPointer<NativeTcpConnection> self(this);
        readAvailable(true);
        if (self && fd_ >= 0)
            closeFd(false);
    }
}

void NativeTcpConnection::fail(int err)
{
    if (fd_ < 0)
        return;
    lastError_ = err;
    QPointer<NativeTcpConnection> self(this);
    emit errorOccurred(err);
    if (self)
        closeFd(true);
}

void NativeTcpConnection::closeFd(bool hadError)
{
    if (fd_ < 0)
        return;
    delete readNotifier_;
    delete writeNotifier_;
    readNotifier_ = writeNotifier_ = nullptr;
    if (connectTimer_)
        connectTimer_->stop();
    ::close(fd_);
    fd_ = -1;
    state_ = State::Closed;
    emit closed(hadError);
}

void NativeTcpConnection::updateAddresses()
{
    sockaddr_storage ss{};
    socklen_t len = sizeof(ss);
    if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0)
        addressOf(ss, &localAddr_, &localPort_);
    len = sizeof(ss);
    if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0)
        addressOf(ss, &peerAddr_, &peerPort_);
}

} // namespace netstage
