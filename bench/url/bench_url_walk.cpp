// bench_url_walk: the URL walk at real speed, and what NetStage adds per request over curl.
//
// Part 1, the walk: RUNS fresh walks of the built-in demo site (each with its own DNS servers,
// so visit 1 is cold: cache miss, full resolution; visit 2 comes from the browser's DNS cache),
// in process, first with the timeline alone, then with the kernel observer and the wire
// capture attached as `netstage url` has them. Prints the median time per phase per visit and
// the median / 90th percentile / max of the whole walk.
//
// Part 2, per request: the same page (the demo site's / on an external `netstage http serve`)
// fetched REQUESTS times by NetStage's HttpClient (the walk's client, every event on a
// timeline) and by curl (one process, many URLs), on one kept-alive connection and with a new
// connection each time. Both sides time the same span (request start to last byte), each by
// its own clock: HttpClient's timing.total_us, curl's time_total.
//
//   bench_url_walk NETSTAGE_BIN [RUNS=30] [REQUESTS=200]
#include "core/base/timeline.h"
#include "core/dns/dns_hierarchy.h"
#include "core/http/http_client.h"
#include "core/observe/kernel_observer.h"
#include "core/observe/wire_capture.h"
#include "core/url/url_walk.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace netstage;

namespace {

bool spin(const std::function<bool()>& pred, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!pred() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    return pred();
}

double pct(std::vector<qint64> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return double(v[std::min(v.size() - 1, size_t(p * double(v.size())))]);
}

double ms(double us)
{
    return us / 1000.0;
}

const QStringList kOrder = {
    QStringLiteral("url"),      QStringLiteral("cache"),   QStringLiteral("dns"),
    QStringLiteral("connect"),  QStringLiteral("request"), QStringLiteral("response"),
    QStringLiteral("redirect"), QStringLiteral("parse"),   QStringLiteral("subresource"),
    QStringLiteral("async"),    QStringLiteral("render"),  QStringLiteral("done")};

void walks(int runs, bool observe)
{
    // phase -> visit -> samples (a phase that occurs twice in a visit is summed)
    QMap<QString, QMap<int, std::vector<qint64>>> per;
    std::vector<qint64> total1, total2, gap1, gap2;
    int failed = 0;
    for (int r = 0; r < runs; ++r) {
        Timeline tl;
        std::unique_ptr<KernelObserver> obs;
        std::unique_ptr<WireCapture> wire;
        if (observe) {
            obs = std::make_unique<KernelObserver>(&tl);
            wire = std::make_unique<WireCapture>(&tl);
            wire->start();
        }
        QMap<QString, QMap<int, qint64>> sums;
        tl.addSink([&](const Event& e) {
            if (e.socket != QLatin1String("url-walk") ||
                e.extra.value(QStringLiteral("stage")).toString() != QLatin1String("end"))
                return;
            const QString phase = e.extra.value(QStringLiteral("phase")).toString();
            const int visit = e.extra.value(QStringLiteral("visit")).toInt();
            sums[phase][visit] += e.extra.value(QStringLiteral("duration_us")).toInteger();
            if (phase == QLatin1String("done"))
                (visit == 1 ? total1 : total2)
                    .push_back(e.extra.value(QStringLiteral("total_us")).toInteger());
        });
        UrlWalk walk(&tl, obs.get(), wire.get());
        bool done = false, ok = false;
        QObject::connect(&walk, &UrlWalk::finished, [&](bool good, const QString&) {
            done = true;
            ok = good;
        });
        UrlWalkOptions o;
        o.visits = 2;
        walk.start(o);
        spin([&] { return done; }, 20000);
        if (!ok) {
            ++failed;
            continue;
        }
        qint64 phaseSum[3] = {0, 0, 0};
        for (auto p = sums.cbegin(); p != sums.cend(); ++p) {
            for (auto v = p->cbegin(); v != p->cend(); ++v) {
                per[p.key()][v.key()].push_back(v.value());
                if (v.key() >= 1 && v.key() <= 2)
                    phaseSum[v.key()] += v.value();
            }
        }
        // What no phase covers: the event loop between one phase's end and the next's begin.
        gap1.push_back(total1.back() - phaseSum[1]);
        gap2.push_back(total2.back() - phaseSum[2]);
        if (wire && r == 0)
            std::printf("  (wire capture: %s)\n", wire->isActive() ? "on" : "off, no permission");
    }
    std::printf("  %-12s %14s %14s   (median ms over %d walks)\n", "phase", "visit 1 (cold)",
                "visit 2 (cache)", runs - failed);
    for (const QString& phase : kOrder) {
        const auto v = per.value(phase);
        std::printf("  %-12s %14.3f %14.3f\n", qPrintable(phase), ms(pct(v.value(1), 0.5)),
                    ms(pct(v.value(2), 0.5)));
    }
    std::printf("  %-12s %14.3f %14.3f   (total minus the phases)\n", "between", ms(pct(gap1, 0.5)),
                ms(pct(gap2, 0.5)));
    std::printf("  %-12s %14.3f %14.3f   median\n", "TOTAL", ms(pct(total1, 0.5)),
                ms(pct(total2, 0.5)));
    std::printf("  %-12s %14.3f %14.3f   90th percentile\n", "", ms(pct(total1, 0.9)),
                ms(pct(total2, 0.9)));
    std::printf("  %-12s %14.3f %14.3f   max\n", "", ms(pct(total1, 1.0)), ms(pct(total2, 1.0)));
    if (failed)
        std::printf("  %d walks FAILED\n", failed);
}

// curl's time_total (us) per URL, one process, URLs in order.
std::vector<qint64> curlTimes(const QStringList& urls, quint16 port, bool close)
{
    QStringList args = {QStringLiteral("-s"), QStringLiteral("--resolve"),
                        QStringLiteral("www.example.test:%1:127.0.0.1").arg(port),
                        QStringLiteral("-w"), QStringLiteral("%{time_total}\\n")};
    if (close)
        args << QStringLiteral("-H") << QStringLiteral("Connection: close");
    for (const QString& u : urls)
        args << QStringLiteral("-o") << QStringLiteral("/dev/null") << u;
    QProcess p;
    p.start(QStandardPaths::findExecutable(QStringLiteral("curl")), args);
    p.waitForFinished(120000);
    std::vector<qint64> out;
    for (const QByteArray& l : p.readAllStandardOutput().split('\n')) {
        if (!l.trimmed().isEmpty())
            out.push_back(qint64(l.toDouble() * 1e6));
    }
    return out;
}

std::vector<qint64> clientTimes(const QStringList& urls, bool keepAlive)
{
    Timeline tl;
    HttpClient client(&tl, nullptr, nullptr);
    client.setKeepAlive(keepAlive);
    client.setIdPrefix(QStringLiteral("url-client"));
    client.setResolveOverride(QStringLiteral("www.example.test"),
                              QHostAddress(QHostAddress::LocalHost));
    std::vector<qint64> out;
    for (const QString& u : urls) {
        HttpClientRequest req;
        req.url = QUrl(u);
        const int id = client.fetch(req);
        spin([&] { return client.exchange(id).done; }, 10000);
        const HttpExchange x = client.exchange(id);
        if (x.ok) {
            out.push_back(x.timing.totalUs);
            if (qEnvironmentVariableIsSet("BENCH_URL_DEBUG"))
                std::printf(
                    "    q %lld dns %lld conn %lld send %lld wait %lld dl %lld total %lld\n",
                    x.timing.queuedUs, x.timing.dnsUs, x.timing.connectUs, x.timing.sendUs,
                    x.timing.waitUs, x.timing.downloadUs, x.timing.totalUs);
        }
        client.forget(id);
    }
    client.closeAll();
    return out;
}

void perRequest(const QString& netstage, int requests)
{
    QTemporaryDir tmp;
    const QString events = tmp.filePath(QStringLiteral("serve.jsonl"));
    QProcess server;
    server.start(netstage,
                 {QStringLiteral("http"), QStringLiteral("serve"), QStringLiteral("--port"),
                  QStringLiteral("0"), QStringLiteral("--quiet"), QStringLiteral("--events"),
                  events, QStringLiteral("--max-connections"), QStringLiteral("1000")});
    quint16 port = 0;
    spin(
        [&] {
            QFile f(events);
            if (!f.open(QIODevice::ReadOnly))
                return false;
            const QByteArray all = f.readAll();
            const int i = all.indexOf("\"local\":\"127.0.0.1:");
            if (i < 0)
                return false;
            port = quint16(all.mid(i + 19, 6).split('"').first().toUInt());
            return port != 0;
        },
        10000);
    if (!port) {
        std::printf("  the server did not start\n");
        return;
    }
    const QString page = QStringLiteral("http://www.example.test:%1/").arg(port);
    QStringList same;
    for (int i = 0; i < requests; ++i)
        same << page;
    QStringList cold = same.mid(0, std::max(10, requests / 4));
    // Warm-up, then kept-alive (the first request of each side opens the connection: dropped).
    clientTimes(same.mid(0, 20), true);
    curlTimes(same.mid(0, 20), port, false);
    std::vector<qint64> nsKeep = clientTimes(same, true);
    std::vector<qint64> curlKeep = curlTimes(same, port, false);
    if (!nsKeep.empty())
        nsKeep.erase(nsKeep.begin());
    if (!curlKeep.empty())
        curlKeep.erase(curlKeep.begin());
    const std::vector<qint64> nsCold = clientTimes(cold, false);
    const std::vector<qint64> curlCold = curlTimes(cold, port, true);
    std::printf("  %-34s %10s %10s %10s   (us, %s)\n", "", "NetStage", "curl", "overhead",
                qPrintable(page));
    auto row = [](const char* name, const std::vector<qint64>& a, const std::vector<qint64>& b,
                  double p) {
        std::printf("  %-34s %10.0f %10.0f %+10.0f\n", name, pct(a, p), pct(b, p),
                    pct(a, p) - pct(b, p));
    };
    row("kept-alive, median", nsKeep, curlKeep, 0.5);
    row("kept-alive, 90th percentile", nsKeep, curlKeep, 0.9);
    row("new connection each, median", nsCold, curlCold, 0.5);
    row("new connection each, 90th pct", nsCold, curlCold, 0.9);
    std::printf("  samples: NetStage %zu + %zu, curl %zu + %zu\n", nsKeep.size(), nsCold.size(),
                curlKeep.size(), curlCold.size());
    server.terminate();
    server.waitForFinished(5000);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_url_walk NETSTAGE_BIN [RUNS=30] [REQUESTS=200]\n");
        return 2;
    }
    const int runs = args.size() > 2 ? args[2].toInt() : 30;
    const int requests = args.size() > 3 ? args[3].toInt() : 200;
    std::printf("URL walk of the demo site at real speed (timeline only):\n");
    walks(runs, false);
    std::printf("\nURL walk with the kernel observer and the wire capture (as `netstage url`):\n");
    walks(runs, true);
    std::printf(
        "\nPer request: NetStage's HttpClient (events on) vs curl, same page, same server:\n");
    perRequest(args[1], requests);
    return 0;
}
