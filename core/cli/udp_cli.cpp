#include "core/cli/udp_cli.h"

#include "core/cli/cli_options.h"
#include "core/cli/cli_support.h"
#include "core/udp/udp_lab.h"

#include <QEventLoop>

#include <cstdio>
#include <functional>

namespace netstage {

namespace {

// The option table of `netstage udp` (parsed by parseCliArgs, usage generated from it).
std::vector<CliVerb> verbs()
{
    return {
        {QStringLiteral("serve"), QString(), serveOptions(QStringLiteral("seed|echo"))},
        {QStringLiteral("send"), QStringLiteral("HOST:PORT TEXT"),
         withOutput({{QStringLiteral("--hex")},
                     {QStringLiteral("--count"), QStringLiteral("N")},
                     {QStringLiteral("--interval"), QStringLiteral("MS")},
                     {QStringLiteral("--wait"), QStringLiteral("MS")},
                     {QStringLiteral("--connect")},
                     {QStringLiteral("--loss"), QStringLiteral("P")},
                     {QStringLiteral("--delay"), QStringLiteral("MS")},
                     {QStringLiteral("--jitter"), QStringLiteral("MS")},
                     {QStringLiteral("--duplicate"), QStringLiteral("P")},
                     {QStringLiteral("--reorder"), QStringLiteral("P")},
                     {QStringLiteral("--seed"), QStringLiteral("N")},
                     {QStringLiteral("--pcap"), QStringLiteral("FILE")}})},
    };
}

class UdpCliText
{
    Q_DECLARE_TR_FUNCTIONS(netstage::UdpCli)
public:
    static QString help()
    {
        return cliUsage(QStringLiteral("udp"), verbs()) + QLatin1Char('\n') +
               tr("serve  binds a UDP socket (127.0.0.1 unless --host says otherwise; --port 0\n"
                  "       picks a free port) until SIGINT/SIGTERM or --for SECONDS.\n"
                  "       seed: the tutorial's dgram server: every datagram is logged as\n"
                  "             \"server got: TEXT from ADDRESS:PORT\" (rinfo), nothing is "
                  "answered.\n"
                  "       echo: sends every datagram back to its sender.\n"
                  "send   sends TEXT as one datagram (--hex: TEXT is hex bytes), or --count N\n"
                  "       datagrams, one every --interval MS (default 100); \"{n}\" in TEXT "
                  "becomes\n"
                  "       the datagram's number. Then waits --wait MS (default 500) for answers.\n"
                  "       --connect: connect(2) the socket first, so ICMP \"port unreachable\"\n"
                  "       comes back as ECONNREFUSED (an unconnected socket never hears of it).\n"
                  "       --loss, --duplicate, --reorder (probabilities: 0.1 or 10%), --delay and\n"
                  "       --jitter (ms) send through the lab's relay, which drops, copies, holds\n"
                  "       back and delays datagrams on purpose, each decision an event; --seed N\n"
                  "       repeats the same decisions.\n"
                  "       Exit status 0 when everything was sent (UDP cannot know whether it\n"
                  "       arrived), 1 on an error such as EMSGSIZE (over 65,507 bytes) or\n"
                  "       ECONNREFUSED, 2 for bad usage.\n"
                  "--pcap FILE      (send) the captured datagrams as pcapng, for Wireshark or\n"
                  "                 tshark; needs capture permission\n"
                  "--events FILE|-  every event as a JSON line (listening, message, relay, "
                  "error...)\n"
                  "--quiet          no people-readable event lines\n");
    }
    static QString summary()
    {
        return tr("UDP server (seed, echo) and sender; a relay that loses and reorders");
    }
};

int usage(const QString& message)
{
    return usageError(message, QStringLiteral("udp"));
}

struct Args
{
    QString verb;
    UdpServerOptions server;
    double forSeconds = -1;
    QString host;
    quint16 port = 0;
    QByteArray payload;
    bool hex = false;
    int count = 1;
    int intervalMs = 100;
    int waitMs = 500;
    bool connect = false;
    UdpRelayOptions relay;
    bool relayGiven = false;
    QString events;
    QString pcap;
    bool quiet = false;
};

int runServe(const Args& a)
{
    // Signals are read through the event loop; block them before the session's worker threads
    // start (they inherit the mask), or SIGTERM could land in one of them.
    std::function<void()> onSignal;
    SignalWatcher watcher([&](int) {
        if (onSignal)
            onSignal();
    });
    Session s;
    // People read the UDP and WebSocket events in their own words.
    if (!s.open(a.events, a.quiet, &udpWsHumanLine))
        return 1;
    UdpLab lab(&s.timeline);
    lab.setWireCapture(s.wire.get());
    if (!lab.startServer(a.server)) {
        printErr(failureLine(s.firstError(UdpLab::kServerId),
                             UdpCliText::tr("the server could not start")));
        return 1;
    }
    serveUntilStopped(onSignal, a.forSeconds, [&] { lab.closeAll(); });
    return 0;
}

int runSend(const Args& a)
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
    if (!a.pcap.isEmpty() && !checkCaptureFor(s, a.pcap))
        return 1;
    UdpLab lab(&s.timeline);
    lab.setWireCapture(s.wire.get());
    if (a.relayGiven)
        lab.setRelayOptions(a.relay);
    int answers = 0;
    int sent = 0;
    QString id;
    s.timeline.addSink([&](const Event& e) {
        if (e.socket != id || e.event != QLatin1String("message"))
            return;
        if (e.dir == ev::In)
            ++answers;
        else
            ++sent;
    });
    UdpClientOptions co;
    co.connected = a.connect;
    co.viaRelay = a.relayGiven;
    id = lab.openClient(a.host, a.port, co);
    if (id.isEmpty()) {
        printErr(failureLine(s.errors.value(s.errors.size() - 1),
                             UdpCliText::tr("cannot send to %1:%2").arg(a.host).arg(a.port)));
        lab.closeAll();
        return 1;
    }
    bool cancelled = false;
    onSignal = [&] {
        cancelled = true;
        lab.stopSending(id);
    };
    const bool started = a.count == 1 ? lab.send(id, a.payload)
                                      : lab.sendRepeated(id, a.payload, a.count, a.intervalMs);
    if (started)
        waitUntil([&] { return cancelled || !lab.isSending(id); },
                  a.count * std::max(a.intervalMs, 1) + 60000);
    // Answers (and a relay's delayed datagrams) may still be on their way.
    const int relayWait =
        a.relayGiven ? a.relay.delayMs + a.relay.jitterMs + UdpRelay::kReorderHoldMs : 0;
    waitUntil([&] { return cancelled; }, std::max(a.waitMs, 0) + relayWait);
    lab.closeAll();
    if (!a.pcap.isEmpty() && !writeCaptureFile(s, a.pcap))
        return 1;
    if (lab.relay()) {
        const UdpRelay::Stats st = lab.relay()->stats();
        printErr(UdpCliText::tr("relay: %1 datagrams in, %2 dropped, %3 duplicated, %4 "
                                "reordered, %5 delayed, %6 sent on")
                     .arg(st.received)
                     .arg(st.dropped)
                     .arg(st.duplicated)
                     .arg(st.reordered)
                     .arg(st.delayed)
                     .arg(st.forwarded));
    }
    // One plural per sentence: the answers as a count after a colon.
    printErr(UdpCliText::tr("%1: %n datagram(s) sent; answers received: %2", nullptr, int(sent))
                 .arg(id)
                 .arg(answers));
    for (const Event& e : std::as_const(s.errors)) {
        if (e.socket == id) {
            printErr(failureLine(e, QString()));
            return 1;
        }
    }
    return cancelled ? 1 : 0;
}

} // namespace

QString udpWsHumanLine(const Event& e, qint64 t0)
{
    Event shown = e;
    QString tag;
    const QJsonObject& x = e.extra;
    if (e.event == QLatin1String("relay")) {
        tag = QStringLiteral("[%1 #%2 → %3")
                  .arg(x.value(QStringLiteral("action")).toString())
                  .arg(x.value(QStringLiteral("n")).toInt())
                  .arg(x.value(QStringLiteral("toward")).toString());
        if (x.contains(QStringLiteral("delay_ms")))
            tag += QStringLiteral(" +%1 ms").arg(x.value(QStringLiteral("delay_ms")).toInt());
        tag += QLatin1Char(']');
    } else if (e.event == QLatin1String("frame")) {
        QStringList f{x.value(QStringLiteral("opcode")).toString()};
        f << (x.value(QStringLiteral("fin")).toBool() ? QStringLiteral("FIN")
                                                      : QStringLiteral("no-FIN"));
        if (x.value(QStringLiteral("masked")).toBool())
            f << QStringLiteral("masked");
        if (x.contains(QStringLiteral("close_code")))
            f << QString::number(x.value(QStringLiteral("close_code")).toInt());
        if (x.value(QStringLiteral("seen")).toString() == QLatin1String("api"))
            f << QStringLiteral("(api)");
        tag = QStringLiteral("[%1]").arg(f.join(QLatin1Char(' ')));
    } else if (e.event == QLatin1String("handshake")) {
        const QString line = x.contains(QStringLiteral("status_line"))
                                 ? x.value(QStringLiteral("status_line")).toString()
                                 : x.value(QStringLiteral("request_line")).toString();
        if (!line.isEmpty())
            tag = QStringLiteral("[%1]").arg(line);
        if (x.contains(QStringLiteral("accept_ok")))
            tag += x.value(QStringLiteral("accept_ok")).toBool()
                       ? QStringLiteral(" accept ok")
                       : QStringLiteral(" accept MISMATCH");
        shown.payload.clear(); // the head is in the tag; its bytes are in the JSON
    } else if (e.event == ev::Close && x.contains(QStringLiteral("close_code"))) {
        tag = QStringLiteral("[%1]").arg(x.value(QStringLiteral("close_code")).toInt());
    }
    // The lab's own sentence names the cause better than the errno's generic one.
    if (!e.code.isEmpty() && !e.detail.isEmpty()) {
        shown.detail = QStringLiteral("%1: %2").arg(e.code, e.detail);
        shown.code.clear();
    }
    if (e.event == QLatin1String("frame") || e.event == QLatin1String("relay") ||
        e.event == QLatin1String("handshake"))
        shown.detail.clear(); // long sentences per frame would drown the stream
    QString line = humanLine(shown, t0);
    if (!tag.isEmpty())
        line += QStringLiteral("  ") + tag;
    return line;
}

bool parseProbability(const QString& text, double* out)
{
    QString t = text.trimmed();
    double scale = 1;
    if (t.endsWith(QLatin1Char('%'))) {
        t.chop(1);
        scale = 0.01;
    }
    bool ok = false;
    const double v = t.toDouble(&ok) * scale;
    if (!ok || v < 0 || v > 1)
        return false;
    *out = v;
    return true;
}

namespace {

int run(const QStringList& args)
{
    const CliArgs p = parseCliArgs(QStringLiteral("udp"), verbs(), args);
    if (p.help) {
        std::fputs(qPrintable(UdpCliText::help()), stdout);
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
            return usage(UdpCliText::tr("%1 needs %2").arg(o, what));
        };
        auto integer = [&](int lo, int hi, int* out) {
            bool ok = false;
            const int n = v.toInt(&ok);
            if (!ok || n < lo || n > hi)
                return false;
            *out = n;
            return true;
        };
        if (o == QLatin1String("--events")) {
            a.events = v;
        } else if (o == QLatin1String("--quiet")) {
            a.quiet = true;
        } else if (o == QLatin1String("--pcap")) {
            a.pcap = v;
        } else if (o == QLatin1String("--host")) {
            a.server.host = v;
        } else if (o == QLatin1String("--port")) {
            int port = 0;
            if (!integer(0, 65535, &port))
                return needs(UdpCliText::tr("a number from 0 to 65535"));
            a.server.port = quint16(port);
        } else if (o == QLatin1String("--preset")) {
            if (!udpPresetFromName(v, &a.server.preset))
                return usage(UdpCliText::tr("--preset must be seed or echo"));
        } else if (o == QLatin1String("--for")) {
            bool ok = false;
            a.forSeconds = v.toDouble(&ok);
            if (!ok || a.forSeconds < 0)
                return needs(UdpCliText::tr("a number of seconds"));
        } else if (o == QLatin1String("--hex")) {
            a.hex = true;
        } else if (o == QLatin1String("--connect")) {
            a.connect = true;
        } else if (o == QLatin1String("--count")) {
            if (!integer(1, UdpLab::kMaxCount, &a.count))
                return needs(UdpCliText::tr("a number from 1 to %1").arg(UdpLab::kMaxCount));
        } else if (o == QLatin1String("--interval") || o == QLatin1String("--wait")) {
            if (!integer(0, 600000, o == QLatin1String("--wait") ? &a.waitMs : &a.intervalMs))
                return needs(UdpCliText::tr("milliseconds (0 to 600000)"));
        } else if (o == QLatin1String("--delay") || o == QLatin1String("--jitter")) {
            if (!integer(0, UdpRelayOptions::kMaxDelayMs,
                         o == QLatin1String("--delay") ? &a.relay.delayMs : &a.relay.jitterMs))
                return needs(
                    UdpCliText::tr("milliseconds (0 to %1)").arg(UdpRelayOptions::kMaxDelayMs));
            a.relayGiven = true;
        } else if (o == QLatin1String("--loss") || o == QLatin1String("--duplicate") ||
                   o == QLatin1String("--reorder")) {
            double* prob = o == QLatin1String("--loss")        ? &a.relay.loss
                           : o == QLatin1String("--duplicate") ? &a.relay.duplicate
                                                               : &a.relay.reorder;
            if (!parseProbability(v, prob))
                return needs(UdpCliText::tr("a probability, e.g. 0.1 or 10%"));
            a.relayGiven = true;
        } else if (o == QLatin1String("--seed")) {
            bool ok = false;
            a.relay.seed = v.toULongLong(&ok);
            if (!ok || a.relay.seed == 0)
                return needs(UdpCliText::tr("a positive whole number"));
            a.relayGiven = true;
        }
    }
    if (serve) {
        if (!pos.isEmpty())
            return usage(UdpCliText::tr("udp serve takes no argument \"%1\"").arg(pos[0]));
        return runServe(a);
    }
    if (pos.size() != 2)
        return usage(UdpCliText::tr("udp send needs HOST:PORT and TEXT, e.g. udp send "
                                    "127.0.0.1:41234 hello"));
    if (!parseHostPort(pos[0], &a.host, &a.port))
        return usage(UdpCliText::tr("\"%1\" is not HOST:PORT (port 1-65535), e.g. 127.0.0.1:41234")
                         .arg(pos[0]));
    if (a.hex) {
        bool ok = false;
        a.payload = parseHex(pos[1], &ok);
        if (!ok)
            return usage(
                UdpCliText::tr("\"%1\" is not hex bytes (e.g. \"48 65 6c 6c 6f\")").arg(pos[1]));
    } else {
        a.payload = pos[1].toUtf8();
    }
    return runSend(a);
}

} // namespace

LabCli udpCli()
{
    return LabCli{QStringLiteral("udp"), UdpCliText::summary(), &UdpCliText::help, &run};
}

} // namespace netstage
