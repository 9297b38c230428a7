#include "core/cli/url_cli.h"

#include "core/cli/cli_options.h"
#include "core/cli/cli_support.h"
#include "core/url/url_walk.h"

#include <QJsonArray>
#include <QMap>

#include <cstdio>
#include <functional>

namespace netstage {

namespace {

WaterfallWriter& waterfallWriter()
{
    static WaterfallWriter writer;
    return writer;
}

// The option table of `netstage url`, a lab without verbs (parsed by parseCliArgs, usage
// generated from it).
std::vector<CliVerb> verbs()
{
    return {
        {QString(), QStringLiteral("[URL]"),
         withOutput({{QStringLiteral("--visits"), QStringLiteral("N")},
                     {QStringLiteral("--step-delay"), QStringLiteral("MS")},
                     {QStringLiteral("--waterfall"), QStringLiteral("FILE.png|FILE.svg")},
                     {QStringLiteral("--timeout"), QStringLiteral("SECONDS")}})},
    };
}

class UrlCliText
{
    Q_DECLARE_TR_FUNCTIONS(netstage::UrlCli)
public:
    static QString help()
    {
        return cliUsage(QStringLiteral("url"), verbs()) + QLatin1Char('\n') +
               UrlCliText::tr(
                   "What happens after you type a URL, on real sockets on this machine: the URL\n"
                   "taken apart, the browser's DNS cache and the hosts file, a real DNS "
                   "resolution\n"
                   "over UDP (resolver -> root -> .test -> example.test, each its own server on\n"
                   "127.0.0.1), the TCP handshake, the request and the answer, the 301 from\n"
                   "example.test to www.example.test followed, the HTML parsed for its CSS, "
                   "scripts\n"
                   "and images, each fetched once (kept-alive connections, at most 6 per host), "
                   "the\n"
                   "page's fetch('/api/time'), render, done. Each phase is a `step` event with "
                   "its\n"
                   "start and duration; stderr gets the time per phase.\n"
                   "\n"
                   "URL        default: http://example.test/ on the built-in demo site (started on "
                   "a\n"
                   "           free port). Any http:// server works, e.g. http://localhost:3000/;\n"
                   "           .test names come from NetStage's own DNS, others from the "
                   "system's.\n"
                   "--visits N       walk N times (1-100); from the second visit the name comes "
                   "from\n"
                   "                 the browser's DNS cache (TTL 60 s) and no DNS datagram is "
                   "sent\n"
                   "--step-delay MS  pause before each phase (0: real speed, the default)\n"
                   "--waterfall FILE draw the requests' timing waterfall (PNG or SVG)\n"
                   "--timeout S      per request and per DNS question (default 10)\n"
                   "--events FILE|-  every event as a JSON line (- : stdout, nothing else goes "
                   "there)\n"
                   "--quiet          no people-readable event lines\n"
                   "\n"
                   "Exit status: 0 the page was walked to the end, 1 it could not be (no such "
                   "name,\n"
                   "refused, timed out...), 2 bad usage.\n");
    }
    static QString summary()
    {
        return UrlCliText::tr("what happens after you type a URL: DNS, TCP, HTTP, sub-resources");
    }
};

int usage(const QString& message)
{
    return usageError(message, QStringLiteral("url"));
}

struct Args
{
    QString url;
    int visits = 1;
    int stepDelayMs = 0;
    int timeoutMs = 10000;
    QString waterfall;
    QString events;
    bool quiet = false;
};

QString ms(qint64 us)
{
    return QString::number(us / 1000.0, 'f', 3);
}

// "visit 1: url 0.010 ms | cache 0.004 ms (miss) | dns 1.201 ms (hierarchy) | ..."
void printSummary(const std::vector<Event>& all)
{
    QMap<int, QStringList> lines;
    QMap<int, qint64> totals;
    for (const Event& e : all) {
        if (e.socket != QLatin1String("url-walk") || e.event != QLatin1String("step") ||
            e.extra.value(QStringLiteral("stage")).toString() != QLatin1String("end"))
            continue;
        const int visit = e.extra.value(QStringLiteral("visit")).toInt();
        const QString phase = e.extra.value(QStringLiteral("phase")).toString();
        QString item =
            UrlCliText::tr("%1 %2 ms")
                .arg(phase, ms(e.extra.value(QStringLiteral("duration_us")).toInteger()));
        if (phase == QLatin1String("cache"))
            item += QStringLiteral(" (%1)").arg(
                e.extra.value(QStringLiteral("hit")).toBool()
                    ? UrlCliText::tr("hit: %1").arg(
                          e.extra.value(QStringLiteral("where")).toString())
                    : UrlCliText::tr("miss"));
        else if (phase == QLatin1String("dns"))
            item += QStringLiteral(" (%1)").arg(e.extra.value(QStringLiteral("via")).toString());
        else if (phase == QLatin1String("response"))
            item += QStringLiteral(" (%1)").arg(e.extra.value(QStringLiteral("status")).toInt());
        lines[visit] << item;
        if (phase == QLatin1String("done"))
            totals[visit] = e.extra.value(QStringLiteral("total_us")).toInteger();
    }
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        printErr(UrlCliText::tr("visit %1: %2")
                     .arg(it.key())
                     .arg(it.value().join(QStringLiteral(" | "))));
        if (totals.contains(it.key()))
            printErr(
                UrlCliText::tr("visit %1: total %2 ms").arg(it.key()).arg(ms(totals[it.key()])));
    }
}

int runWalk(const Args& a)
{
    if (!a.waterfall.isEmpty() && !waterfallWriter()) {
        printErr(UrlCliText::tr("this build cannot draw the waterfall (no writer): run it from "
                                "the netstage binary with its GUI library"));
        return 1;
    }
    std::function<void()> onSignal;
    SignalWatcher watcher([&](int) {
        if (onSignal)
            onSignal();
    });
    Session s;
    if (!s.open(a.events, a.quiet))
        return 1;
    std::vector<Event> all;
    s.timeline.addSink([&all](const Event& e) { all.push_back(e); });
    UrlWalk walk(&s.timeline, s.observer.get(), s.wire.get());
    bool done = false, ok = false;
    QString sentence;
    QObject::connect(&walk, &UrlWalk::finished, [&](bool good, const QString& why) {
        done = true;
        ok = good;
        sentence = why;
    });
    onSignal = [&walk] { walk.stop(); };
    UrlWalkOptions o;
    if (!a.url.isEmpty())
        o.url = QUrl(a.url);
    o.visits = a.visits;
    o.stepDelayMs = a.stepDelayMs;
    o.timeoutMs = a.timeoutMs;
    walk.start(o);
    // Bounded: every phase has its timeout; a walk at a step delay takes ~13 pauses a visit.
    const qint64 bound =
        qint64(a.visits) * (qint64(a.timeoutMs) * 12 + qint64(a.stepDelayMs) * 20) + 5000;
    if (!waitUntil([&done] { return done; }, int(qMin<qint64>(bound, 3600000)))) {
        walk.stop();
        sentence = UrlCliText::tr("the walk did not finish in time");
    }
    lingerForKernel(s, 200);
    printSummary(all);
    if (!ok) {
        printErr(UrlCliText::tr("netstage: %1").arg(sentence));
        return 1;
    }
    printErr(sentence);
    if (!a.waterfall.isEmpty()) {
        QString error;
        if (!waterfallWriter()(all, a.waterfall, &error)) {
            printErr(
                UrlCliText::tr("cannot write the waterfall to %1: %2").arg(a.waterfall, error));
            return 1;
        }
        printErr(UrlCliText::tr("waterfall written to %1").arg(a.waterfall));
    }
    return 0;
}

int run(const QStringList& args)
{
    const CliArgs p = parseCliArgs(QStringLiteral("url"), verbs(), args);
    if (p.help) {
        std::fputs(qPrintable(UrlCliText::help()), stdout);
        return 0;
    }
    if (!p.error.isEmpty())
        return usage(p.error);
    if (p.operands.size() > 1)
        return usage(UrlCliText::tr("url takes one URL, not also \"%1\"").arg(p.operands[1]));
    Args a;
    a.url = p.operands.value(0);
    for (const CliGiven& g : p.given) {
        const QString& arg = g.option;
        const QString& v = g.value;
        auto number = [&](int lo, int hi, int* out) {
            bool good = false;
            const int n = v.toInt(&good);
            if (!good || n < lo || n > hi)
                return false;
            *out = n;
            return true;
        };
        if (arg == QLatin1String("--events")) {
            a.events = v;
        } else if (arg == QLatin1String("--quiet")) {
            a.quiet = true;
        } else if (arg == QLatin1String("--visits")) {
            if (!number(1, 100, &a.visits))
                return usage(UrlCliText::tr("--visits needs a number from 1 to 100"));
        } else if (arg == QLatin1String("--step-delay")) {
            if (!number(0, 60000, &a.stepDelayMs))
                return usage(UrlCliText::tr("--step-delay needs milliseconds from 0 to 60000"));
        } else if (arg == QLatin1String("--timeout")) {
            int sec = 0;
            if (!number(1, 600, &sec))
                return usage(UrlCliText::tr("--timeout needs seconds from 1 to 600"));
            a.timeoutMs = sec * 1000;
        } else if (arg == QLatin1String("--waterfall")) {
            a.waterfall = v;
            if (!(a.waterfall.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ||
                  a.waterfall.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)))
                return usage(
                    UrlCliText::tr("--waterfall needs a file name ending in .png or .svg"));
        }
    }
    if (!a.url.isEmpty()) {
        const QUrl url(a.url.contains(QLatin1String("://")) ? a.url
                                                            : QStringLiteral("http://") + a.url);
        if (!url.isValid() || url.host().isEmpty())
            return usage(
                UrlCliText::tr("\"%1\" is not a URL (e.g. http://example.test/)").arg(a.url));
        if (url.scheme() != QLatin1String("http"))
            return usage(
                UrlCliText::tr("only http:// URLs can be walked, not \"%1\"").arg(url.scheme()));
        a.url = url.toString();
    }
    return runWalk(a);
}

} // namespace

void setWaterfallWriter(WaterfallWriter writer)
{
    waterfallWriter() = std::move(writer);
}

bool hasWaterfallWriter()
{
    return bool(waterfallWriter());
}

LabCli urlCli()
{
    LabCli m;
    m.name = QStringLiteral("url");
    m.summary = UrlCliText::summary();
    m.help = [] { return UrlCliText::help(); };
    m.run = [](const QStringList& args) { return run(args); };
    return m;
}

} // namespace netstage
