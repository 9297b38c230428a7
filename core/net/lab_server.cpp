#include "core/net/lab_server.h"

#include "core/base/errors.h"
#include "core/net/lan_mode.h"
#include "core/net/native_tcp_connection.h"

namespace netstage {

bool parseLabAddress(const QString& hostIn, QHostAddress* out)
{
    const QString host = hostIn.trimmed();
    if (host == QLatin1String("localhost")) {
        *out = QHostAddress(QHostAddress::LocalHost);
        return true;
    }
    return out->setAddress(host);
}

LabServer::LabServer(Accept accept, QObject* parent)
    : QTcpServer(parent), accept_(std::move(accept))
{
}

QString LabServer::badAddressSentence(const QString& host)
{
    return tr("\"%1\" is not an IP address this server can bind to (try 127.0.0.1).").arg(host);
}

bool LabServer::open(const QString& hostIn, quint16 port)
{
    if (isListening())
        close();
    code_.clear();
    detail_.clear();
    const QString host = hostIn.trimmed();
    if (!parseLabAddress(host, &addr_)) {
        local_ = host + QLatin1Char(':') + QString::number(port);
        code_ = QStringLiteral("EINVAL");
        detail_ = badAddressSentence(host);
        return false;
    }
    local_ = endpointString(addr_, port);
    if (!listen(addr_, port)) {
        code_ = qtSocketErrorCode(serverError(), QStringLiteral("EINVAL"));
        if (code_ == QLatin1String("EINVAL"))
            detail_ = errorString();
        return false;
    }
    local_ = endpointString(addr_, serverPort());
    return true;
}

bool LabServer::exposed() const
{
    return isListening() && !addr_.isLoopback();
}

QString LabServer::exposureSentence() const
{
    return tr("Listening on %1, not on loopback: other machines on the network can connect to "
              "this server.")
        .arg(local_);
}

QString LabServer::pauseSentence(qint64 pending)
{
    return tr("%1 KiB are waiting for this peer to read them (more than %2 KiB): the server "
              "stops reading from it until they drain. Its own kernel buffers fill, TCP's "
              "window closes, and the peer waits (flow control, like Node's highWaterMark); the "
              "other clients are served as before.")
        .arg(pending / 1024)
        .arg(Backpressure::kHighWater / 1024);
}

QString LabServer::resumeSentence(qint64 pending)
{
    return tr("The peer read its answers (%1 KiB still waiting, less than %2 KiB): the server "
              "reads from it again.")
        .arg(pending / 1024)
        .arg(Backpressure::kLowWater / 1024);
}

int LabServer::addressShare(int limit)
{
    return limit > 0 ? qMax(2, limit / 4) : 0;
}

bool LabServer::heldToShare(const QHostAddress& peer, const QHostAddress& local)
{
    return !peer.isEqual(local, QHostAddress::TolerantConversion);
}

int LabServer::admissionLimit(int own)
{
    const int lan = LanMode::connectionLimit();
    if (lan > 0 && own > 0)
        return qMin(lan, own);
    return lan > 0 ? lan : own;
}

} // namespace netstage
