#include "core/cli/cli_support.h"

#include "core/base/hex.h"

#include "core/explain/explain.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace netstage {

bool parseHostPort(const QString& s, QString* host, quint16* port)
{
    const int colon = s.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString h = s.left(colon);
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    bool ok = false;
    const uint p = s.mid(colon + 1).toUInt(&ok);
    if (!ok || p == 0 || p > 65535 || h.isEmpty())
        return false;
    *host = h;
    *port = static_cast<quint16>(p);
    return true;
}

QByteArray parseHex(const QString& s, bool* ok)
{
    const HexBytes h = HexBytes::parse(s);
    *ok = h.ok();
    return h.bytes;
}

void printErr(const QString& line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stderr);
    std::fflush(stderr);
}

int usageError(const QString& message, const QString& lab)
{
    const QString help = lab.isEmpty() ? QStringLiteral("netstage --help")
                                       : QStringLiteral("netstage %1 --help").arg(lab);
    printErr(Cli::tr("netstage: %1 (see '%2')").arg(message, help));
    return 2;
}

QString humanLine(const Event& e, qint64 t0)
{
    QString arrow;
    if (e.dir == ev::In)
        arrow = QStringLiteral(" ←");
    else if (e.dir == ev::Out)
        arrow = QStringLiteral(" →");
    QString line = QStringLiteral("%1 ms  %2  %3%4")
                       .arg((e.t_us - t0) / 1000.0, 10, 'f', 3)
                       .arg(e.socket, -13)
                       .arg(e.event == ev::State ? e.state : e.event)
                       .arg(arrow);
    if (e.source != ev::App)
        line += QStringLiteral(" (%1)").arg(e.source);
    if (e.event == ev::Segment) {
        line += QStringLiteral("  %1 → %2  [%3] seq=%4").arg(e.src, e.dst, e.flags).arg(e.seq);
        if (e.ack >= 0)
            line += QStringLiteral(" ack=%1").arg(e.ack);
        line += QStringLiteral(" win=%1 len=%2").arg(e.win).arg(e.len);
        if (!e.opts.isEmpty())
            line += QStringLiteral(" <%1>").arg(e.opts);
        return line;
    }
    if (e.bytes >= 0)
        line += QStringLiteral("  %1 B").arg(e.bytes);
    if (!e.payload.isEmpty()) {
        QString t = e.payloadIsBinary() ? QString::fromLatin1(e.payload.toHex(' ')) : e.text();
        t.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        line += QStringLiteral("  \"%1\"").arg(t);
    }
    if (!e.code.isEmpty())
        line += QStringLiteral("  %1: %2").arg(e.code, Explain::forError(e.code));
    else if (e.event == ev::Listening || e.event == ev::Connection || e.event == ev::Connect)
        line += QStringLiteral("  %1 %2").arg(
            e.local, e.remote.isEmpty() ? QString() : QStringLiteral("↔ ") + e.remote);
    else if (!e.detail.isEmpty())
        line += QStringLiteral("  %1").arg(e.detail);
    return line;
}

bool waitUntil(const std::function<bool()>& pred, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        const qint64 left = ms - t.elapsed();
        if (left <= 0)
            return false;
        QEventLoop loop;
        QTimer::singleShot(std::min<qint64>(left, 5), &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

bool checkCaptureFor(Session& s, const QString& path)
{
    if (!s.wire || !s.wire->isActive()) {
        printErr(Cli::tr("cannot write %1: wire capture is not running (%2). Run as root, or "
                         "once: sudo setcap cap_net_raw,cap_net_admin=eip %3")
                     .arg(path, s.wire ? s.wire->unavailableReason() : QString(),
                          QCoreApplication::applicationFilePath()));
        return false;
    }
    return true;
}

bool writeCaptureFile(Session& s, const QString& path)
{
    if (!checkCaptureFor(s, path))
        return false;
    // Frames reach the store ~30 µs after the kernel sends them and their events a queued
    // signal later: wait until nothing new arrives for 50 ms (at most one second).
    quint64 last = s.wire->captured();
    QElapsedTimer quiet;
    quiet.start();
    waitUntil(
        [&] {
            const quint64 now = s.wire->captured();
            if (now != last) {
                last = now;
                quiet.restart();
            }
            return quiet.elapsed() >= 50;
        },
        1000);
    QString error;
    if (!s.wire->writePcapng(path, &error)) {
        printErr(error);
        return false;
    }
    return true;
}

void lingerForKernel(Session& s, int ms)
{
    waitUntil([&s] { return s.observer->trackedCount() == 0; }, ms);
}

void serveUntilStopped(std::function<void()>& onSignal, double forSeconds,
                       const std::function<void()>& stopServing)
{
    QEventLoop loop;
    bool stopping = false;
    auto stop = [&] {
        if (stopping)
            return;
        stopping = true;
        stopServing();
        QTimer::singleShot(0, &loop, &QEventLoop::quit);
    };
    onSignal = stop;
    if (forSeconds >= 0)
        QTimer::singleShot(static_cast<int>(forSeconds * 1000), &loop, stop);
    loop.exec();
    onSignal = nullptr;
}

QString failureLine(const Event& e, const QString& fallback)
{
    if (e.code == QLatin1String("EADDRINUSE")) {
        const QString port = e.local.mid(e.local.lastIndexOf(QLatin1Char(':')) + 1);
        return Cli::tr("port %1 is already in use (EADDRINUSE)").arg(port);
    }
    if (e.code == QLatin1String("ECONNREFUSED"))
        return Cli::tr("connection to %1 refused: nothing listens there (ECONNREFUSED)")
            .arg(e.remote);
    if (e.code.isEmpty())
        return fallback;
    return QStringLiteral("%1 (%2)").arg(Explain::sentence(e), e.code);
}

} // namespace netstage
