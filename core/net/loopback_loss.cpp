#include "core/net/loopback_loss.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QStringList>
#include <QTimer>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <initializer_list>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace netstage {

namespace {

const char* const kPrefix = "netstage_";

QString tr(const char* text)
{
    return QCoreApplication::translate("netstage::LoopbackLoss", text);
}

// Runs the nft program with the commands on its standard input ("nft -f -": one
// transaction, all of them or none). A separate program, not libnftables linked in:
// libnftables is GPL-2.0-only, which a GPL-3.0-or-later program may not link. Plain
// posix_spawn and pipes, so it also works from the exit handler, after Qt has gone.
class Nft
{
public:
    bool ok() const { return !program().isEmpty(); }
    bool run(const QString& commands, QString* output = nullptr, QString* error = nullptr)
    {
        const QByteArray nft = program();
        if (nft.isEmpty()) {
            if (error)
                *error = QStringLiteral("the nft program is not installed (Debian: nftables)");
            return false;
        }
        int in[2], out[2], err[2];
        if (::pipe2(in, O_CLOEXEC) != 0)
            return false;
        if (::pipe2(out, O_CLOEXEC) != 0) {
            closeAll({in[0], in[1]});
            return false;
        }
        if (::pipe2(err, O_CLOEXEC) != 0) {
            closeAll({in[0], in[1], out[0], out[1]});
            return false;
        }
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, in[0], 0);
        posix_spawn_file_actions_adddup2(&fa, out[1], 1);
        posix_spawn_file_actions_adddup2(&fa, err[1], 2);
        char arg0[] = "nft";
        char arg1[] = "-f";
        char arg2[] = "-";
        char* argv[] = {arg0, arg1, arg2, nullptr};
        pid_t pid = -1;
        const int rc = posix_spawn(&pid, nft.constData(), &fa, nullptr, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
        closeAll({in[0], out[1], err[1]});
        if (rc != 0) {
            closeAll({in[1], out[0], err[0]});
            if (error)
                *error = QString::fromLocal8Bit(std::strerror(rc));
            return false;
        }
        // The commands are a few hundred bytes: far below a pipe's buffer, so writing them
        // all before reading cannot deadlock.
        const QByteArray bytes = commands.toUtf8();
        qsizetype written = 0;
        while (written < bytes.size()) {
            const ssize_t n = ::write(in[1], bytes.constData() + written, bytes.size() - written);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            written += n;
        }
        ::close(in[1]);
        QByteArray o, e;
        drain(out[0], err[0], &o, &e);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (output)
            *output = QString::fromUtf8(o);
        if (error)
            *error = QString::fromUtf8(e).trimmed();
        return WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }

private:
    static QByteArray program()
    {
        for (const char* p : {"/usr/sbin/nft", "/sbin/nft", "/usr/bin/nft"}) {
            if (::access(p, X_OK) == 0)
                return QByteArray(p);
        }
        return {};
    }
    static void closeAll(std::initializer_list<int> fds)
    {
        for (int fd : fds)
            ::close(fd);
    }
    // Reads both pipes to their end (nft's answers are small; bounded by 1 MiB anyway).
    static void drain(int outFd, int errFd, QByteArray* out, QByteArray* err)
    {
        pollfd fds[2] = {{outFd, POLLIN, 0}, {errFd, POLLIN, 0}};
        int open = 2;
        char buf[4096];
        while (open > 0 && out->size() + err->size() < (1 << 20)) {
            if (::poll(fds, 2, 5000) <= 0)
                break; // nft hangs: give up rather than hang with it
            for (int i = 0; i < 2; ++i) {
                if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
                if (n > 0) {
                    (i == 0 ? out : err)->append(buf, n);
                } else if (n == 0 || errno != EINTR) {
                    ::close(fds[i].fd);
                    fds[i].fd = -1;
                    --open;
                }
            }
        }
        for (const pollfd& f : fds) {
            if (f.fd >= 0)
                ::close(f.fd);
        }
    }
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
        return fail(tr("Real TCP loss is not available: the nft program is missing (Debian "
                       "package nftables)."));
    const QString t = tableName();
    // One transaction: the table exists with its rule, or not at all. Only segments that
    // carry data are dropped (no SYN, FIN or RST; longer than a bare ACK with timestamps,
    // 20 + 32 bytes): the lesson is about data sent again, and a lost SYN would only stall
    // the handshake for a second. The input hook, not output: on lo the capture tap comes
    // before it, so the wire shows the copy that is lost and then the one sent again.
    // The port is an element of the set `armed` with a timeout: the running lesson refreshes
    // it every kRefreshMs, so a process killed without any goodbye (SIGKILL) leaves a rule
    // that drops nothing once kArmedSeconds have passed (and the next start removes the table).
    const QString cmds =
        QStringLiteral("add table inet %1\n"
                       "add set inet %1 armed { type inet_service; flags timeout; }\n"
                       "add chain inet %1 in { type filter hook input priority 0; "
                       "policy accept; }\n"
                       "add rule inet %1 in ip daddr 127.0.0.1 tcp dport @armed "
                       "tcp flags & (syn | fin | rst) == 0 ip length > 52 "
                       "numgen random mod 100 < %3 counter drop\n"
                       "add element inet %1 armed { %2 timeout %4s }\n")
            .arg(t)
            .arg(port)
            .arg(lossPercent)
            .arg(kArmedSeconds);
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
    if (QCoreApplication::instance()) {
        refresh_ = std::make_unique<QTimer>();
        refresh_->setInterval(kRefreshMs);
        QObject::connect(refresh_.get(), &QTimer::timeout, refresh_.get(), [this] { refresh(); });
        refresh_->start();
    }
    return true;
}

void LoopbackLoss::refresh()
{
    if (!active_)
        return;
    Nft nft;
    nft.run(
        QStringLiteral("flush set inet %1 armed\nadd element inet %1 armed { %2 timeout %3s }\n")
            .arg(tableName())
            .arg(port_)
            .arg(kArmedSeconds));
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
    refresh_.reset();
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
