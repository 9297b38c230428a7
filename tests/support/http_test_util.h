#pragma once

// Child processes for the real-peer suites (curl, Node, the netstage binary itself): output
// collected as it comes, killed at the end if still running, a report for failure messages.

#include "core/base/event.h"
#include "test_util.h"

#include <QProcess>
#include <QTest>

namespace httptest {

class Proc
{
public:
    Proc()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // curl must not go through a proxy for loopback tests.
        env.remove(QStringLiteral("http_proxy"));
        env.remove(QStringLiteral("HTTP_PROXY"));
        env.remove(QStringLiteral("all_proxy"));
        env.remove(QStringLiteral("ALL_PROXY"));
        p.setProcessEnvironment(env);
        QObject::connect(&p, &QProcess::readyReadStandardOutput,
                         [this] { out += p.readAllStandardOutput(); });
        QObject::connect(&p, &QProcess::readyReadStandardError,
                         [this] { err += p.readAllStandardError(); });
    }
    ~Proc()
    {
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
        }
    }
    Proc(const Proc&) = delete;
    Proc& operator=(const Proc&) = delete;

    void start(const QString& program, const QStringList& args)
    {
        cmd = program + QLatin1Char(' ') + args.join(QLatin1Char(' ')).left(300);
        p.start(program, args);
    }
    // Runs to the end (bounded); true when it finished in time.
    bool run(const QString& program, const QStringList& args, int ms = 30000)
    {
        start(program, args);
        return finish(ms);
    }
    bool finish(int ms = 30000)
    {
        const bool ok = p.waitForFinished(ms);
        out += p.readAllStandardOutput();
        err += p.readAllStandardError();
        return ok;
    }
    void terminate()
    {
        if (p.state() != QProcess::NotRunning)
            p.terminate();
    }
    bool exitedWith(int code) const
    {
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == code;
    }
    QByteArray report() const
    {
        return QStringLiteral("$ %1\nexit status %2, code %3\n--- stdout\n%4\n--- stderr\n%5")
            .arg(cmd)
            .arg(int(p.exitStatus()))
            .arg(p.exitCode())
            .arg(QString::fromUtf8(out.right(4000)), QString::fromUtf8(err.right(4000)))
            .toUtf8();
    }

    QProcess p;
    QByteArray out, err;
    QString cmd;
};

// The port of the `listening` event a `netstage ... --events -` printed, or 0.
inline quint16 listeningPort(const QByteArray& jsonLines, const QString& socket)
{
    for (const netstage::Event& e :
         testutil::filter(testutil::parseLines(jsonLines), {socket, netstage::ev::Listening})) {
        const int colon = e.local.lastIndexOf(QLatin1Char(':'));
        return quint16(e.local.mid(colon + 1).toUInt());
    }
    return 0;
}

} // namespace httptest
