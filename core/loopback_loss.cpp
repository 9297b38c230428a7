#include "loopback_loss.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QStringList>
#include <cstdlib>
#include <nftables/libnftables.h>
#include <unistd.h>

namespace netstage {

namespace {

const char* const kPrefix = "netstage_";

QString tr(const char* text)
{
    return QCoreApplication::translate("netstage::LoopbackLoss", text);
}

// One libnftables context per command batch: cheap, and nothing is shared between threads.
class Nft
{
public:
    Nft() : ctx_(nft_ctx_new(NFT_CTX_DEFAULT))
    {
        if (ctx_) {
            nft_ctx_buffer_output(ctx_);
            nft_ctx_buffer_error(ctx_);
        }
    }
    ~Nft()
    {
        if (ctx_)
            nft_ctx_free(ctx_);
    }
    Nft(const Nft&) = delete;
    Nft& operator=(const Nft&) = delete;

    bool ok() const { return ctx_ != nullptr; }
    // Runs the commands as one transaction: all of them or none.
    bool run(const QString& commands, QString* output = nullptr, QString* error = nullptr)
    {
        if (!ctx_) {
            if (error)
                *error = QStringLiteral("libnftables could not start");
            return false;
        }
        const int rc = nft_run_cmd_from_buffer(ctx_, commands.toUtf8().constData());
        if (output)
            *output = QString::fromUtf8(nft_ctx_get_output_buffer(ctx_));
        if (error)
            *error = QString::fromUtf8(nft_ctx_get_error_buffer(ctx_)).trimmed();
        return rc == 0;
    }

private:
    nft_ctx* ctx_;
};

// Tables of this process still in the kernel, for the exit handler.
QMutex registryMutex;
QStringList* registry()
{
    static QStringList* r = new QStringList; // never destroyed: the exit handler uses it
    return r;
}

void removeAllAtExit()
{
    QStringList names;
    {
        QMutexLocker lock(&registryMutex);
        names = *registry();
        registry()->clear();
    }
    for (const QString& n : names) {
        Nft nft;
        nft.run(QStringLiteral("delete table inet %1\n").arg(n));
    }
}

void track(const QString& name, bool add)
{
    static bool registered = false;
    QMutexLocker lock(&registryMutex);
    if (add) {
        if (!registered) {
            std::atexit(removeAllAtExit);
            registered = true;
        }
        registry()->append(name);
    } else {
        registry()->removeAll(name);
    }
}

} // namespace

LoopbackLoss::~LoopbackLoss()
{
    remove();
}

QString LoopbackLoss::tableName() const
{
    return QStringLiteral("%1%2").arg(QLatin1String(kPrefix)).arg(::getpid());
}

int LoopbackLoss::removeStale()
{
    Nft nft;
    QString out;
    if (!nft.run(QStringLiteral("list tables inet\n"), &out))
        return 0;
    int removed = 0;
    static const QRegularExpression re(QStringLiteral("table inet %1(\\d+)").arg(kPrefix));
    auto it = re.globalMatch(out);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const qint64 pid = m.captured(1).toLongLong();
        if (pid == ::getpid() || QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)))
            continue;
        if (nft.run(QStringLiteral("delete table inet %1%2\n").arg(kPrefix).arg(pid)))
            ++removed;
    }
    return removed;
}

QStringList LoopbackLoss::tables()
{
    Nft nft;
    QString out;
    QStringList names;
    if (!nft.run(QStringLiteral("list tables inet\n"), &out))
        return names;
    static const QRegularExpression re(QStringLiteral("table inet (%1\\d+)").arg(kPrefix));
    auto it = re.globalMatch(out);
    while (it.hasNext())
        names << it.next().captured(1);
    return names;
}

bool LoopbackLoss::apply(quint16 port, int lossPercent, QString* error)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (port == 0)
        return fail(tr("Real TCP loss needs the server's port; it is not known yet."));
    if (lossPercent < 1 || lossPercent > 100)
        return fail(tr("The loss must be between 1 and 100 percent."));
    if (active_ && !remove(error))
        return false;
    removeStale();
    Nft nft;
    if (!nft.ok())
        return fail(tr("Real TCP loss is not available: libnftables could not start."));
    const QString t = tableName();
    // One transaction: the table exists with its rule, or not at all. Only segments that
    // carry data are dropped (no SYN, FIN or RST; longer than a bare ACK with timestamps,
    // 20 + 32 bytes): the lesson is about data sent again, and a lost SYN would only stall
    // the handshake for a second. The input hook, not output: on lo the capture tap comes
    // before it, so the wire shows the copy that is lost and then the one sent again.
    const QString cmds = QStringLiteral("add table inet %1\n"
                                        "add chain inet %1 in { type filter hook input priority 0; "
                                        "policy accept; }\n"
                                        "add rule inet %1 in ip daddr 127.0.0.1 tcp dport %2 "
                                        "tcp flags & (syn | fin | rst) == 0 ip length > 52 "
                                        "numgen random mod 100 < %3 counter drop\n")
                             .arg(t)
                             .arg(port)
                             .arg(lossPercent);
    QString why;
    if (!nft.run(cmds, nullptr, &why)) {
        if (why.contains(QLatin1String("Operation not permitted")) ||
            why.contains(QLatin1String("Permission denied")) || ::geteuid() != 0)
            return fail(tr("Real TCP loss needs root or CAP_NET_ADMIN: it adds an nftables rule "
                           "that drops segments to port %1. Run NetStage as root (sudo), or "
                           "compare with delay only (nftables said: %2).")
                            .arg(port)
                            .arg(why));
        return fail(tr("Real TCP loss could not be set up: nftables said \"%1\".").arg(why));
    }
    track(t, true);
    active_ = true;
    port_ = port;
    loss_ = lossPercent;
    return true;
}

bool LoopbackLoss::remove(QString* error)
{
    if (!active_)
        return true;
    const QString t = tableName();
    Nft nft;
    QString why;
    const bool ok = nft.run(QStringLiteral("delete table inet %1\n").arg(t), nullptr, &why);
    if (!ok && error)
        *error = tr("The nftables table %1 could not be removed: %2").arg(t, why);
    track(t, false);
    active_ = false;
    return ok;
}

qint64 LoopbackLoss::dropped() const
{
    if (!active_)
        return -1;
    Nft nft;
    QString out;
    if (!nft.run(QStringLiteral("list table inet %1\n").arg(tableName()), &out))
        return -1;
    static const QRegularExpression re(QStringLiteral("counter packets (\\d+)"));
    const QRegularExpressionMatch m = re.match(out);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

} // namespace netstage
