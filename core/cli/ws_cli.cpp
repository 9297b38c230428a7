#include "core/cli/ws_cli.h"

#include "core/cli/cli_options.h"
#include "core/cli/cli_support.h"
#include "core/cli/udp_cli.h"
#include "core/ws/ws_lab.h"

#include <QEventLoop>

#include <cstdio>
#include <functional>

namespace netstage {

namespace {

const QString kFrame = QStringLiteral("frame");

// The option table of `netstage ws` (parsed by parseCliArgs, usage generated from it).
std::vector<CliVerb> verbs()
{
    return {
        {QStringLiteral("serve"), QString(),
         serveOptions(QStringLiteral("echo|chat"),
                      {{QStringLiteral("--max-message"), QStringLiteral("BYTES")}})},
        {QStringLiteral("connect"), QStringLiteral("URL"),
         withOutput({{QStringLiteral("--send"), QStringLiteral("TEXT"), QString(), true},
                     {QStringLiteral("--binary")},
                     {QStringLiteral("--ping")},
                     {QStringLiteral("--close"), QStringLiteral("CODE")},
                     {QStringLiteral("--reason"), QStringLiteral("TEXT")},
                     {QStringLiteral("--abort")},
                     {QStringLiteral("--wait"), QStringLiteral("MS")}})},
    };
}

class WsCliText
{
    Q_DECLARE_TR_FUNCTIONS(netstage::WsCli)
public:
    static QString help()
    {
        return cliUsage(QStringLiteral("ws"), verbs()) + QLatin1Char('\n') +
               tr("serve    a WebSocket server (127.0.0.1 unless --host says otherwise; --port 0\n"
                  "         picks a free port) until SIGINT/SIGTERM or --for SECONDS. It shows\n"
                  "         every byte it receives and sends: the HTTP upgrade request, the\n"
                  "         101 answer (Sec-WebSocket-Accept recomputed and compared), and each\n"
                  "         frame with its opcode, FIN, mask and length.\n"
                  "         echo: sends every message back.  chat: sends every message to every\n"
                  "         client. A request that is not a WebSocket upgrade gets 426 or 400;\n"
                  "         a message over --max-message (1048576) bytes is closed with 1009;\n"
                  "         each only ends that connection.\n"
                  "connect  opens URL (ws://HOST:PORT/PATH) with QWebSocket, sends each --send\n"
                  "         (--binary: as binary messages) and waits up to --wait MS (default\n"
                  "         500) for an answer after each, pings with --ping, then closes with\n"
                  "         --close CODE (default 1000) and --reason, or drops the connection\n"
                  "         without a close frame with --abort (the server sees 1006).\n"
                  "         QWebSocket hides its own bytes: this side's frames come from its API.\n"
                  "         Exit status 0 when it opened and every step was done, 1 otherwise,\n"
                  "         2 for bad usage.\n"
                  "--events FILE|-  every event as a JSON line (handshake, frame, close...)\n"
                  "--quiet          no people-readable event lines\n");
    }
    static QString summary()
    {
        return tr("WebSocket server (echo, chat) showing every byte; a QWebSocket client");
    }
};

int usage(const QString& message)
{
    return usageError(message, QStringLiteral("ws"));
}

struct Args
{
    QString verb;
    WsServerOptions server;
    double forSeconds = -1;
    QString url;
    QStringList sends;
    bool binary = false;
    bool ping = false;
    int closeCode = 1000;
    QString reason;
    bool abort = false;
    int waitMs = 500;
    QString events;
    bool quiet = false;
};

int runServe(const Args& a)
{
    // Block the signals before the session's worker threads start (they inherit the mask).
    std::function<void()> onSignal;
    SignalWatcher watcher([&](int) {
        if (onSignal)
            onSignal();
    });
    Session s;
    // People read the UDP and WebSocket events in their own words.
    if (!s.open(a.events, a.quiet, &udpWsHumanLine))
        return 1;
    WsLab lab(&s.timeline, s.observer.get());
    lab.setWireCapture(s.wire.get());
    if (!lab.startServer(a.server)) {
        printErr(failureLine(s.firstError(WsLab::kServerId),
                             WsCliText::tr("the server could not start")));
        return 1;
    }
    // 1001 going away to every open WebSocket.
    serveUntilStopped(onSignal, a.forSeconds, [&] { lab.closeAll(); });
    waitUntil([&lab] { return lab.openConnectionCount() == 0; }, 2000);
    lingerForKernel(s, 200);
    return 0;
}

int runConnect(const Args& a)
{
    std::function<void()> onSignal;
    SignalWatcher watcher([&](int) {
        if (onSignal)
            onSignal();
    });
    Session s;
    // People read the UDP and WebSocket events in their own words.
    if (!s.open(a.events, a.quiet, &udpWsHumanLine))
        return 1;
    WsLab lab(&s.timeline, s.observer.get());
    lab.setWireCapture(s.wire.get());
    QString id;
    bool opened = false, closed = false;
    int inbound = 0; // frames received (data and pong)
    int closeCode = -1;
    s.timeline.addSink([&](const Event& e) {
        if (e.socket != id || e.source != ev::App)
            return;
        if (e.event == ev::Connect)
            opened = true;
        else if (e.event == ev::Close) {
            closed = true;
            closeCode = e.extra.value(QStringLiteral("close_code")).toInt(-1);
        } else if (e.event == kFrame && e.dir == ev::In)
            ++inbound;
    });
    id = lab.connectTo(a.url);
    if (id.isEmpty()) {
        printErr(failureLine(s.errors.value(s.errors.size() - 1),
                             WsCliText::tr("cannot open %1").arg(a.url)));
        return 1;
    }
    bool cancelled = false;
    onSignal = [&] {
        cancelled = true;
        lab.abort(id);
    };
    waitUntil([&] { return opened || closed || !s.firstError(id).event.isEmpty(); }, 15000);
    if (!opened) {
        waitUntil([&] { return closed; }, 1000);
        printErr(failureLine(s.firstError(id), WsCliText::tr("could not open %1").arg(a.url)));
        return 1;
    }
    bool early = false; // the server closed before every step was done
    auto step = [&](const std::function<void()>& act) {
        if (closed || cancelled) {
            early = true;
            return;
        }
        const int before = inbound;
        act();
        waitUntil([&] { return closed || cancelled || inbound > before; }, a.waitMs);
    };
    for (const QString& text : a.sends) {
        step([&] {
            if (a.binary)
                lab.sendBinary(id, text.toUtf8());
            else
                lab.sendText(id, text);
        });
    }
    if (a.ping)
        step([&] { lab.ping(id, QByteArrayLiteral("netstage")); });
    if (closed || cancelled) {
        early = true;
    } else if (a.abort) {
        lab.abort(id);
    } else {
        lab.close(id, a.closeCode, a.reason);
    }
    waitUntil([&] { return closed; }, 5000);
    lingerForKernel(s, 200);
    if (!closed) {
        printErr(WsCliText::tr("the connection did not close within 5 s"));
        return 1;
    }
    if (early) {
        printErr(
            WsCliText::tr("the connection closed (%1) before every step was done").arg(closeCode));
        return 1;
    }
    for (const Event& e : std::as_const(s.errors)) {
        if (e.socket == id) {
            printErr(failureLine(e, QString()));
            return 1;
        }
    }
    return cancelled ? 1 : 0;
}

int run(const QStringList& args)
{
    const CliArgs p = parseCliArgs(QStringLiteral("ws"), verbs(), args);
    if (p.help) {
        std::fputs(qPrintable(WsCliText::help()), stdout);
        return 0;
    }
    if (!p.error.isEmpty())
        return usage(p.error);
    Args a;
    a.verb = p.verb;
    const bool serve = a.verb == QLatin1String("serve");
    const QStringList& pos = p.operands;
    for (const CliGiven& g : p.given) {
        const QString& o = g.option;
        const QString& v = g.value;
        auto needs = [&](const QString& what) {
            return usage(WsCliText::tr("%1 needs %2").arg(o, what));
        };
        bool ok = true;
        if (o == QLatin1String("--events")) {
            a.events = v;
        } else if (o == QLatin1String("--quiet")) {
            a.quiet = true;
        } else if (o == QLatin1String("--host")) {
            a.server.host = v;
        } else if (o == QLatin1String("--port")) {
            const uint port = v.toUInt(&ok);
            if (!ok || port > 65535)
                return needs(WsCliText::tr("a number from 0 to 65535"));
            a.server.port = quint16(port);
        } else if (o == QLatin1String("--preset")) {
            if (!wsPresetFromName(v, &a.server.preset))
                return usage(WsCliText::tr("--preset must be echo or chat"));
        } else if (o == QLatin1String("--for")) {
            a.forSeconds = v.toDouble(&ok);
            if (!ok || a.forSeconds < 0)
                return needs(WsCliText::tr("a number of seconds"));
        } else if (o == QLatin1String("--max-message")) {
            a.server.maxMessageBytes = v.toLongLong(&ok);
            if (!ok || a.server.maxMessageBytes < 1)
                return needs(WsCliText::tr("a number of bytes"));
        } else if (o == QLatin1String("--send")) {
            a.sends << v;
        } else if (o == QLatin1String("--reason")) {
            a.reason = v;
        } else if (o == QLatin1String("--binary")) {
            a.binary = true;
        } else if (o == QLatin1String("--ping")) {
            a.ping = true;
        } else if (o == QLatin1String("--abort")) {
            a.abort = true;
        } else if (o == QLatin1String("--close")) {
            a.closeCode = v.toInt(&ok);
            if (!ok || a.closeCode < 1000 || a.closeCode > 4999 || a.closeCode == 1005 ||
                a.closeCode == 1006 || a.closeCode == 1015 || a.closeCode == 1004)
                return usage(WsCliText::tr("--close needs a code that may be sent: 1000-1003, "
                                           "1007-1014 or 3000-4999"));
        } else if (o == QLatin1String("--wait")) {
            a.waitMs = v.toInt(&ok);
            if (!ok || a.waitMs < 0 || a.waitMs > 600000)
                return needs(WsCliText::tr("milliseconds (0 to 600000)"));
        }
    }
    if (serve) {
        if (!pos.isEmpty())
            return usage(WsCliText::tr("ws serve takes no argument \"%1\"").arg(pos[0]));
        return runServe(a);
    }
    if (pos.size() != 1)
        return usage(WsCliText::tr("ws connect needs one URL, e.g. ws://127.0.0.1:8090/"));
    a.url = pos[0];
    if (!a.url.startsWith(QLatin1String("ws://")) && !a.url.startsWith(QLatin1String("wss://")))
        return usage(
            WsCliText::tr("\"%1\" is not a ws:// URL, e.g. ws://127.0.0.1:8090/").arg(a.url));
    return runConnect(a);
}

} // namespace

LabCli wsCli()
{
    return LabCli{QStringLiteral("ws"), WsCliText::summary(), &WsCliText::help, &run};
}

} // namespace netstage
