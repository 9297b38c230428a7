#include "core/cli/http_cli.h"

#include "core/cli/cli_options.h"
#include "core/cli/cli_support.h"
#include "core/http/http_client.h"
#include "core/http/http_server.h"

#include <QEventLoop>
#include <QFile>
#include <QHostAddress>

#include <cstdio>
#include <functional>

namespace netstage {

namespace {

// The option table of `netstage http` (parsed by parseCliArgs, usage generated from it).
std::vector<CliVerb> verbs()
{
    return {
        {QStringLiteral("serve"), QString(),
         serveOptions(QString(), {{QStringLiteral("--site"), QStringLiteral("DIR")},
                                  {QStringLiteral("--request-timeout"), QStringLiteral("MS")},
                                  {QStringLiteral("--keep-alive-timeout"), QStringLiteral("MS")},
                                  {QStringLiteral("--max-connections"), QStringLiteral("N")},
                                  {QStringLiteral("--max-body"), QStringLiteral("BYTES")}})},
        {QStringLiteral("get"), QStringLiteral("URL..."),
         withOutput(
             {{QStringLiteral("--method"), QStringLiteral("M"), QStringLiteral("-X")},
              {QStringLiteral("--header"), QStringLiteral("'K: V'"), QStringLiteral("-H"), true},
              {QStringLiteral("--data"), QStringLiteral("TEXT"), QStringLiteral("-d")},
              {QStringLiteral("--resolve"), QStringLiteral("HOST:ADDR"), QString(), true},
              {QStringLiteral("--follow"), QString(), QStringLiteral("-L")},
              {QStringLiteral("--timeout"), QStringLiteral("SECONDS")},
              {QStringLiteral("--output"), QStringLiteral("FILE|-"), QStringLiteral("-o")}})},
    };
}

class HttpCliText
{
    Q_DECLARE_TR_FUNCTIONS(netstage::HttpCli)
public:
    static QString help()
    {
        return cliUsage(QStringLiteral("http"), verbs()) + QLatin1Char('\n') +
               HttpCliText::tr(
                   "serve  an HTTP/1.1 server on the lab's TCP sockets (127.0.0.1 unless --host\n"
                   "       says otherwise; --port 0 picks a free port) until SIGINT/SIGTERM or\n"
                   "       --for SECONDS. Without --site it serves the built-in demo site:\n"
                   "       example.test answers 301 to www.example.test; www.example.test and\n"
                   "       localhost get the page, its CSS, script, images and /api/time.\n"
                   "       --site DIR serves that folder and nothing outside it.\n"
                   "       Limits like nginx and Node: request line > 8 KiB -> 414, headers\n"
                   "       > 16 KiB -> 431, body > --max-body (1 MiB) -> 413, a request not\n"
                   "       complete within --request-timeout (10000 ms) -> 408, malformed -> 400;\n"
                   "       each closes that connection only. More than --max-connections (100)\n"
                   "       open connections: the next is refused with 503 ('drop').\n"
                   "get    fetches each URL in turn over the lab's TCP client, reusing a\n"
                   "       kept-alive connection to the same host. Prints the status line and\n"
                   "       headers to stderr, then the timing phases (DNS lookup, initial\n"
                   "       connection, request sent, waiting (TTFB), content download, total).\n"
                   "       --output FILE writes the last body there (- for stdout).\n"
                   "       --resolve example.test:127.0.0.1 answers a name without DNS (like\n"
                   "       curl; .test names are not in the real DNS). --follow follows\n"
                   "       redirects. Exit status 0 for any HTTP answer (404 included), 1 when\n"
                   "       none came (refused, timed out, not HTTP), 2 for bad usage.\n"
                   "--events FILE|-  every event as a JSON line (request, response, and the TCP\n"
                   "                 events, kernel states and wire segments under them)\n"
                   "--quiet          no people-readable event lines\n");
    }
    static QString summary()
    {
        return HttpCliText::tr(
            "HTTP/1.1 server with the demo site; a client that shows every byte and "
            "phase");
    }
};

int usage(const QString& message)
{
    return usageError(message, QStringLiteral("http"));
}

struct ServeArgs
{
    HttpServerOptions options;
    double forSeconds = -1;
    QString events;
    bool quiet = false;
};

struct GetArgs
{
    QStringList urls;
    QByteArray method = "GET";
    HttpHeaders headers;
    QByteArray data;
    bool dataGiven = false;
    QList<QPair<QString, QHostAddress>> resolves;
    bool follow = false;
    double timeoutSeconds = 30;
    QString output;
    QString events;
    bool quiet = false;
};

int runServe(const ServeArgs& a)
{
    // Signals are blocked (and read through the event loop) before the session starts its
    // worker threads, which inherit the mask: otherwise SIGTERM would kill one of them.
    std::function<void()> onSignal;
    SignalWatcher watcher([&](int) {
        if (onSignal)
            onSignal();
    });
    Session s;
    if (!s.open(a.events, a.quiet))
        return 1;
    HttpServer server(&s.timeline, s.observer.get(), s.wire.get());
    if (!server.start(a.options)) {
        printErr(failureLine(s.firstError(server.serverId()),
                             HttpCliText::tr("the server could not start")));
        return 1;
    }
    serveUntilStopped(onSignal, a.forSeconds, [&] { server.stop(); });
    waitUntil([&server] { return server.connectionCount() == 0; }, 2000);
    lingerForKernel(s, 200);
    return 0;
}

QString ms(qint64 us)
{
    return QString::number(us / 1000.0, 'f', 3) + QStringLiteral(" ms");
}

void printAnswer(const HttpExchange& x)
{
    printErr(QStringLiteral("< %1 %2 %3")
                 .arg(QString::fromLatin1(x.response.version()))
                 .arg(x.response.status)
                 .arg(QString::fromLatin1(x.response.reason)));
    for (const HttpHeader& h : x.response.headers)
        printErr(QStringLiteral("< %1: %2")
                     .arg(QString::fromLatin1(h.name), QString::fromLatin1(h.value)));
    const HttpTiming& t = x.timing;
    printErr(HttpCliText::tr("  %1 bytes of body over %2%3")
                 .arg(x.response.body.size())
                 .arg(x.socket)
                 .arg(x.reused ? HttpCliText::tr(" (reused connection)") : QString()));
    printErr(HttpCliText::tr(
                 "  DNS lookup %1 | initial connection %2 | request sent %3 | waiting (TTFB) %4 | "
                 "content download %5 | total %6")
                 .arg(ms(t.dnsUs), ms(t.connectUs), ms(t.sendUs), ms(t.waitUs), ms(t.downloadUs),
                      ms(t.totalUs)));
}

int runGet(const GetArgs& a)
{
    std::function<void()> onSignal;
    SignalWatcher watcher([&](int) {
        if (onSignal)
            onSignal();
    });
    Session s;
    if (!s.open(a.events, a.quiet))
        return 1;
    HttpClient client(&s.timeline, s.observer.get(), s.wire.get());
    client.setTimeoutMs(static_cast<int>(a.timeoutSeconds * 1000));
    for (const auto& r : a.resolves)
        client.setResolveOverride(r.first, r.second);
    bool cancelled = false;
    onSignal = [&] {
        cancelled = true;
        client.closeAll();
    };

    int failures = 0;
    HttpExchange last;
    for (const QString& u : a.urls) {
        if (cancelled)
            break;
        HttpClientRequest req;
        req.method = a.method;
        req.url = QUrl(u.contains(QLatin1String("://")) ? u : QStringLiteral("http://") + u);
        req.headers = a.headers;
        req.body = a.data;
        req.follow = a.follow;
        printErr(
            QStringLiteral("> %1 %2").arg(QString::fromLatin1(req.method), req.url.toString()));
        const int first = client.fetch(req);
        int current = first;
        // Wait for this URL's chain of exchanges (redirects) to end.
        waitUntil(
            [&] {
                for (;;) {
                    const HttpExchange x = client.exchange(current);
                    if (!x.done)
                        return false;
                    if (x.redirectedTo == 0)
                        return true;
                    current = x.redirectedTo;
                }
            },
            static_cast<int>(a.timeoutSeconds * 1000) * (a.follow ? 6 : 1) + 2000);
        for (int id = first; id;) {
            const HttpExchange x = client.exchange(id);
            if (x.ok) {
                if (id != first)
                    printErr(QStringLiteral("> %1 %2").arg(QString::fromLatin1(x.request.method),
                                                           x.request.url.toString()));
                printAnswer(x);
            }
            last = x;
            id = x.redirectedTo;
        }
        if (!last.ok) {
            ++failures;
            QString line = last.error.isEmpty() ? HttpCliText::tr("no answer") : last.error;
            if (!last.errorCode.isEmpty())
                line += QStringLiteral(" (%1)").arg(last.errorCode);
            printErr(HttpCliText::tr("netstage: %1: %2").arg(last.request.url.toString(), line));
            if (last.errorCode == QLatin1String("ENOTFOUND") &&
                last.host.endsWith(QLatin1String(".test")))
                printErr(
                    HttpCliText::tr(
                        "hint: .test names are not in the real DNS; add --resolve %1:127.0.0.1")
                        .arg(last.host));
        }
    }
    client.closeAll();
    waitUntil([&client] { return client.openConnectionCount() == 0; }, 2000);
    lingerForKernel(s, 200);

    if (!a.output.isEmpty() && last.ok) {
        QFile out;
        const bool ok =
            a.output == QLatin1String("-")
                ? out.open(stdout, QIODevice::WriteOnly)
                : (out.setFileName(a.output), out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        if (!ok) {
            printErr(HttpCliText::tr("cannot write %1: %2").arg(a.output, out.errorString()));
            return 1;
        }
        out.write(last.response.body);
    }
    return failures == 0 && !cancelled ? 0 : 1;
}

bool parseNumber(const QString& v, double* out)
{
    bool ok = false;
    *out = v.toDouble(&ok);
    return ok && *out >= 0;
}

int run(const QStringList& args)
{
    const CliArgs p = parseCliArgs(QStringLiteral("http"), verbs(), args);
    if (p.help) {
        std::fputs(qPrintable(HttpCliText::help()), stdout);
        return 0;
    }
    if (!p.error.isEmpty())
        return usage(p.error);
    const QString verb = p.verb;
    const bool serve = verb == QLatin1String("serve");
    if (serve && !p.operands.isEmpty())
        return usage(HttpCliText::tr("http serve takes no argument \"%1\"").arg(p.operands[0]));

    ServeArgs sa;
    GetArgs ga;
    ga.urls = p.operands;
    for (const CliGiven& g : p.given) {
        const QString& a = g.option;
        const QString& v = g.value;
        auto needs = [&](const QString& what) {
            return usage(HttpCliText::tr("%1 needs %2").arg(a, what));
        };
        if (a == QLatin1String("--events")) {
            (serve ? sa.events : ga.events) = v;
        } else if (a == QLatin1String("--quiet")) {
            sa.quiet = ga.quiet = true;
        } else if (a == QLatin1String("--host")) {
            sa.options.host = v;
        } else if (a == QLatin1String("--port")) {
            bool ok = false;
            const uint port = v.toUInt(&ok);
            if (!ok || port > 65535)
                return needs(HttpCliText::tr("a number from 0 to 65535"));
            sa.options.port = quint16(port);
        } else if (a == QLatin1String("--site")) {
            sa.options.siteDir = v;
        } else if (a == QLatin1String("--for")) {
            if (!parseNumber(v, &sa.forSeconds))
                return needs(HttpCliText::tr("a number of seconds"));
        } else if (a == QLatin1String("--request-timeout") ||
                   a == QLatin1String("--keep-alive-timeout") ||
                   a == QLatin1String("--max-connections")) {
            bool ok = false;
            const int n = v.toInt(&ok);
            if (!ok || n < 1 || n > 3600000)
                return needs(HttpCliText::tr("a positive number"));
            if (a == QLatin1String("--request-timeout"))
                sa.options.requestTimeoutMs = n;
            else if (a == QLatin1String("--keep-alive-timeout"))
                sa.options.keepAliveTimeoutMs = n;
            else
                sa.options.maxConnections = n;
        } else if (a == QLatin1String("--max-body")) {
            bool ok = false;
            const qint64 n = v.toLongLong(&ok);
            if (!ok || n < 0)
                return needs(HttpCliText::tr("a number of bytes"));
            sa.options.limits.maxBodyBytes = n;
        } else if (a == QLatin1String("--method")) {
            if (v.isEmpty())
                return needs(HttpCliText::tr("a method, e.g. GET"));
            for (const QChar c : v) {
                if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
                    return usage(
                        HttpCliText::tr("\"%1\" is not a method (letters only, e.g. POST)").arg(v));
            }
            ga.method = v.toLatin1();
        } else if (a == QLatin1String("--header")) {
            const int colon = v.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                return usage(
                    HttpCliText::tr("\"%1\" is not a header (write 'Name: value')").arg(v));
            ga.headers.append(HttpHeader{v.left(colon).trimmed().toLatin1(),
                                         v.mid(colon + 1).trimmed().toUtf8()});
        } else if (a == QLatin1String("--data")) {
            ga.data = v.toUtf8();
            ga.dataGiven = true;
        } else if (a == QLatin1String("--resolve")) {
            QString host, addr;
            if (!parseResolve(v, &host, &addr))
                return usage(
                    HttpCliText::tr("--resolve needs HOST:ADDR, e.g. example.test:127.0.0.1"));
            ga.resolves.append({host, QHostAddress(addr)});
        } else if (a == QLatin1String("--follow")) {
            ga.follow = true;
        } else if (a == QLatin1String("--timeout")) {
            if (!parseNumber(v, &ga.timeoutSeconds) || ga.timeoutSeconds <= 0)
                return needs(HttpCliText::tr("a number of seconds"));
        } else if (a == QLatin1String("--output")) {
            ga.output = v;
        }
    }
    if (verb == QLatin1String("serve"))
        return runServe(sa);
    if (ga.urls.isEmpty())
        return usage(HttpCliText::tr("http get needs a URL, e.g. http://localhost:8080/"));
    for (const QString& u : std::as_const(ga.urls)) {
        const QUrl url(u.contains(QLatin1String("://")) ? u : QStringLiteral("http://") + u);
        if (!url.isValid() || url.host().isEmpty())
            return usage(
                HttpCliText::tr("\"%1\" is not a URL (e.g. http://localhost:8080/)").arg(u));
        if (url.scheme() != QLatin1String("http"))
            return usage(
                HttpCliText::tr("only http:// URLs are fetched, not \"%1\"").arg(url.scheme()));
    }
    if (ga.dataGiven && ga.method == "GET")
        ga.method = "POST"; // like curl -d
    if (ga.output == QLatin1String("-") && ga.events == QLatin1String("-"))
        return usage(HttpCliText::tr("--output - and --events - cannot both use stdout"));
    return runGet(ga);
}

} // namespace

bool parseResolve(const QString& text, QString* host, QString* address)
{
    const int colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString h = text.left(colon);
    QString rest = text.mid(colon + 1);
    // curl's HOST:PORT:ADDR: the port is not needed here (names map to addresses).
    const int second = rest.indexOf(QLatin1Char(':'));
    if (second > 0) {
        bool isPort = false;
        rest.left(second).toUInt(&isPort);
        if (isPort)
            rest = rest.mid(second + 1);
    }
    if (rest.startsWith(QLatin1Char('[')) && rest.endsWith(QLatin1Char(']')))
        rest = rest.mid(1, rest.size() - 2);
    QHostAddress a;
    if (!a.setAddress(rest))
        return false;
    *host = h;
    *address = a.toString();
    return true;
}

LabCli httpCli()
{
    LabCli m;
    m.name = QStringLiteral("http");
    m.summary = HttpCliText::summary();
    m.help = [] { return HttpCliText::help(); };
    m.run = [](const QStringList& args) { return run(args); };
    return m;
}

} // namespace netstage
