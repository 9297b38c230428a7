// The URL walk on the built-in demo site, in process, on real sockets: the phases in order
// with timings that do not overlap and add up, the 301 followed, every sub-resource fetched
// exactly once, the second visit answered from the DNS cache with no datagram, step mode,
// a name that does not exist, and the sub-resource scanner.
#include "core/base/timeline.h"
#include "core/cli/url_cli.h"
#include "core/dns/dns_hierarchy.h"
#include "core/http/http_client.h"
#include "core/http/http_server.h"
#include "core/http/http_site.h"
#include "core/url/url_walk.h"
#include "test_util.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using netstage::Event;
using netstage::Timeline;
using netstage::UrlWalk;
using netstage::UrlWalkOptions;

namespace {

const QStringList kPhases = {
    QStringLiteral("url"),      QStringLiteral("cache"),       QStringLiteral("dns"),
    QStringLiteral("connect"),  QStringLiteral("request"),     QStringLiteral("response"),
    QStringLiteral("redirect"), QStringLiteral("cache"),       QStringLiteral("dns"),
    QStringLiteral("connect"),  QStringLiteral("request"),     QStringLiteral("response"),
    QStringLiteral("parse"),    QStringLiteral("subresource"), QStringLiteral("async"),
    QStringLiteral("render"),   QStringLiteral("done")};

QString phaseOf(const Event& e)
{
    return e.extra.value(QStringLiteral("phase")).toString();
}
QString stageOf(const Event& e)
{
    return e.extra.value(QStringLiteral("stage")).toString();
}
int visitOf(const Event& e)
{
    return e.extra.value(QStringLiteral("visit")).toInt();
}

std::vector<Event> steps(const std::vector<Event>& all, int visit, const QString& stage = {})
{
    std::vector<Event> out;
    for (const Event& e : all) {
        if (e.socket == QLatin1String("url-walk") && e.event == QLatin1String("step") &&
            visitOf(e) == visit && (stage.isEmpty() || stageOf(e) == stage))
            out.push_back(e);
    }
    return out;
}

QStringList phases(const std::vector<Event>& evs)
{
    QStringList out;
    for (const Event& e : evs)
        out << phaseOf(e);
    return out;
}

struct Run
{
    Timeline timeline;
    UrlWalk walk{&timeline};
    bool ok = false;
    QString sentence;
    std::vector<Event> all;

    bool go(const UrlWalkOptions& o, int ms = 20000)
    {
        QSignalSpy spy(&walk, &UrlWalk::finished);
        walk.start(o);
        if (!spy.wait(ms))
            return false;
        ok = spy.first().at(0).toBool();
        sentence = spy.first().at(1).toString();
        all = testutil::all(timeline);
        return true;
    }
};

// The HTTP `request` events the walk's client sent, as "host path".
QStringList requestsSent(const std::vector<Event>& all, qint64 fromUs = 0, qint64 toUs = -1)
{
    QStringList out;
    for (const Event& e : all) {
        if (e.event != QLatin1String("request") ||
            !e.socket.startsWith(QLatin1String("url-client")))
            continue;
        if (e.t_us < fromUs || (toUs >= 0 && e.t_us > toUs))
            continue;
        const QUrl u(e.extra.value(QStringLiteral("url")).toString());
        out << u.host() + QLatin1Char(' ') + u.path();
    }
    return out;
}

} // namespace

class TstUrlWalk : public QObject
{
    Q_OBJECT

private slots:
    void phasesInOrderTimingsAddUp()
    {
        Run r;
        QVERIFY(r.go({}));
        QVERIFY2(r.ok, qPrintable(r.sentence + QString::fromUtf8(testutil::dump(r.all))));
        const auto begins = steps(r.all, 1, QStringLiteral("begin"));
        const auto ends = steps(r.all, 1, QStringLiteral("end"));
        QCOMPARE(phases(ends), kPhases);
        QCOMPARE(phases(begins), kPhases);
        // Strictly begin, end, begin, end...: no phase inside another.
        const auto both = steps(r.all, 1);
        QCOMPARE(int(both.size()), 2 * kPhases.size());
        for (size_t i = 0; i < both.size(); ++i) {
            QCOMPARE(stageOf(both[i]),
                     i % 2 == 0 ? QStringLiteral("begin") : QStringLiteral("end"));
            QCOMPARE(phaseOf(both[i]), kPhases[int(i / 2)]);
        }
        // Non-overlapping: each phase starts where the previous one ended (at real speed the
        // phases tile the visit), and no phase ends before it began.
        qint64 sum = 0;
        qint64 prevEnd = -1;
        for (const Event& e : ends) {
            const qint64 start = e.extra.value(QStringLiteral("start_us")).toInteger();
            const qint64 dur = e.extra.value(QStringLiteral("duration_us")).toInteger();
            QVERIFY2(dur >= 0, qPrintable(phaseOf(e)));
            if (prevEnd >= 0)
                QCOMPARE(start, prevEnd);
            QCOMPARE(start + dur, e.t_us);
            prevEnd = e.t_us;
            sum += dur;
        }
        for (size_t i = 0; i < begins.size(); ++i)
            QCOMPARE(begins[i].extra.value(QStringLiteral("start_us")).toInteger(),
                     ends[i].extra.value(QStringLiteral("start_us")).toInteger());
        // They add up to the visit's total, to the microsecond.
        const Event& done = ends.back();
        const qint64 total = done.extra.value(QStringLiteral("total_us")).toInteger();
        QCOMPARE(total,
                 done.t_us - ends.front().extra.value(QStringLiteral("start_us")).toInteger());
        QCOMPARE(sum, total);
        // The totals say what happened: 2 page requests, 5 sub-resources, 1 async.
        QCOMPARE(done.extra.value(QStringLiteral("requests")).toInt(), 8);
        QVERIFY(done.extra.value(QStringLiteral("bytes")).toInteger() > 5000);
        // Each request phase names its exchange; the response events of the client carry a
        // timing whose parts add up to its total.
        for (const Event& e : r.all) {
            if (e.event != QLatin1String("response") ||
                !e.socket.startsWith(QLatin1String("url-client")))
                continue;
            const QJsonObject t = e.extra.value(QStringLiteral("timing")).toObject();
            qint64 parts = 0;
            for (const char* k : {"queued_us", "dns_us", "connect_us", "paused_us", "send_us",
                                  "wait_us", "download_us"})
                parts += t.value(QLatin1String(k)).toInteger();
            QCOMPARE(parts, t.value(QStringLiteral("total_us")).toInteger());
            QVERIFY(!t.contains(QStringLiteral("paused_us"))); // real speed: no pauses
        }
    }

    void redirectFollowed()
    {
        Run r;
        QVERIFY(r.go({}));
        QVERIFY(r.ok);
        const auto ends = steps(r.all, 1, QStringLiteral("end"));
        QList<int> statuses;
        for (const Event& e : ends) {
            if (phaseOf(e) == QLatin1String("response"))
                statuses << e.extra.value(QStringLiteral("status")).toInt();
            if (phaseOf(e) == QLatin1String("redirect")) {
                QCOMPARE(QUrl(e.extra.value(QStringLiteral("url")).toString()).host(),
                         QStringLiteral("www.example.test"));
                QCOMPARE(e.extra.value(QStringLiteral("status")).toInt(), 301);
            }
        }
        QCOMPARE(statuses, (QList<int>{301, 200}));
        QCOMPARE(r.walk.pageUrl().host(), QStringLiteral("www.example.test"));
        QCOMPARE(r.walk.startUrl().host(), QStringLiteral("example.test"));
        QVERIFY(r.walk.body(r.walk.pageUrl()).contains("<html"));
        QVERIFY(r.walk.contentType(r.walk.pageUrl()).startsWith(QLatin1String("text/html")));
        // Two names, two lookups through the hierarchy, two connections to two origins.
        int dnsEnds = 0;
        for (const Event& e : ends) {
            if (phaseOf(e) == QLatin1String("dns")) {
                ++dnsEnds;
                QCOMPARE(e.extra.value(QStringLiteral("via")).toString(),
                         QStringLiteral("hierarchy"));
                QCOMPARE(e.extra.value(QStringLiteral("address")).toString(),
                         QStringLiteral("127.0.0.1"));
                QCOMPARE(e.extra.value(QStringLiteral("ttl")).toInt(), 60);
            }
        }
        QCOMPARE(dnsEnds, 2);
    }

    void everySubresourceOnce()
    {
        Run r;
        QVERIFY(r.go({}));
        QVERIFY(r.ok);
        // What the demo page names (the scanner's answer, checked against the site's files).
        QStringList expected;
        for (const QUrl& u : r.walk.resources())
            expected << u.path();
        expected.sort();
        QCOMPARE(expected,
                 (QStringList{QStringLiteral("/app.js"), QStringLiteral("/img/handshake.png"),
                              QStringLiteral("/img/logo.svg"), QStringLiteral("/img/teardown.png"),
                              QStringLiteral("/style.css")}));
        const QStringList sent = requestsSent(r.all);
        for (const QString& p : expected)
            QCOMPARE(sent.count(QStringLiteral("www.example.test ") + p), 1);
        QCOMPARE(sent.count(QStringLiteral("www.example.test /api/time")), 1);
        QCOMPARE(sent.count(QStringLiteral("example.test /")), 1);
        QCOMPARE(sent.count(QStringLiteral("www.example.test /")), 1);
        QCOMPARE(sent.size(), 8);
        for (const QUrl& u : r.walk.resources())
            QVERIFY2(!r.walk.body(u).isEmpty(), qPrintable(u.toString()));
        // The page's script got its time from the server.
        QUrl api = r.walk.pageUrl();
        api.setPath(QStringLiteral("/api/time"));
        QVERIFY(r.walk.body(api).contains("\"time\""));
        // Sub-resources reuse the page's kept-alive connection: at least one request says so.
        bool reused = false;
        for (const Event& e : r.all) {
            if (e.event == QLatin1String("request") &&
                e.extra.value(QStringLiteral("reused")).toBool())
                reused = true;
        }
        QVERIFY(reused);
    }

    void secondVisitFromCacheWithoutDatagrams()
    {
        Run r;
        UrlWalkOptions o;
        o.visits = 2;
        QVERIFY(r.go(o));
        QVERIFY2(r.ok, qPrintable(r.sentence));
        const auto v2 = steps(r.all, 2);
        QVERIFY(!v2.empty());
        const qint64 from = v2.front().t_us, to = v2.back().t_us;
        QCOMPARE(
            phases(steps(r.all, 2, QStringLiteral("end"))),
            (QStringList{
                QStringLiteral("url"), QStringLiteral("cache"), QStringLiteral("connect"),
                QStringLiteral("request"), QStringLiteral("response"), QStringLiteral("redirect"),
                QStringLiteral("cache"), QStringLiteral("connect"), QStringLiteral("request"),
                QStringLiteral("response"), QStringLiteral("parse"), QStringLiteral("subresource"),
                QStringLiteral("async"), QStringLiteral("render"), QStringLiteral("done")}));
        for (const Event& e : steps(r.all, 2, QStringLiteral("end"))) {
            if (phaseOf(e) != QLatin1String("cache"))
                continue;
            QVERIFY(e.extra.value(QStringLiteral("hit")).toBool());
            QCOMPARE(e.extra.value(QStringLiteral("where")).toString(), QStringLiteral("browser"));
            const int ttl = e.extra.value(QStringLiteral("ttl_s")).toInt();
            QVERIFY2(ttl > 0 && ttl <= 60, qPrintable(QString::number(ttl)));
        }
        // Not one DNS datagram during the second visit; the first visit had them.
        int during = 0, before = 0;
        for (const Event& e : r.all) {
            if (e.proto != QLatin1String("dns") ||
                (e.event != QLatin1String("query") && e.event != QLatin1String("answer")))
                continue;
            if (e.t_us >= from && e.t_us <= to)
                ++during;
            else if (e.t_us < from)
                ++before;
        }
        QCOMPARE(during, 0);
        // Visit 1: example.test went stub->resolver->root->tld->auth and back (8 datagrams, each
        // an out and an in event); for www.example.test the resolver already knew
        // example.test's server and asked it directly (4 datagrams).
        QCOMPARE(before, 2 * (8 + 4));
        // And the second visit is still a whole walk over new connections.
        QCOMPARE(requestsSent(r.all, from, to).size(), 8);
    }

    void stepModeWaitsBeforeEachPhase()
    {
        Run r;
        UrlWalkOptions o;
        o.stepMode = true;
        QStringList waited;
        connect(&r.walk, &UrlWalk::waitingForNext, &r.walk, [&](const QString& phase) {
            waited << phase;
            // Nothing of that phase has happened yet.
            QVERIFY(phases(steps(testutil::all(r.timeline), 1)).count(phase) ==
                    waited.count(phase) * 2 - 2);
            QTimer::singleShot(5, &r.walk, [&r] { r.walk.next(); });
        });
        QVERIFY(r.go(o, 30000));
        QVERIFY2(r.ok, qPrintable(r.sentence));
        QStringList expected = kPhases;
        expected.removeAll(QStringLiteral("response"));
        QCOMPARE(waited, expected);
        QCOMPARE(phases(steps(r.all, 1, QStringLiteral("end"))), kPhases);
        // The pauses are not in the phases nor in the HTTP timings (paused_us, not dns or send).
        for (const Event& e : r.all) {
            if (e.event != QLatin1String("response") ||
                !e.socket.startsWith(QLatin1String("url-client")))
                continue;
            const QJsonObject t = e.extra.value(QStringLiteral("timing")).toObject();
            if (e.extra.value(QStringLiteral("url"))
                    .toString()
                    .endsWith(QLatin1String("/api/time")) ||
                QUrl(e.extra.value(QStringLiteral("url")).toString()).path() != QLatin1String("/"))
                continue;
            // The page requests waited for cache, dns, connect and request: 4 pauses of >= 5 ms.
            QVERIFY2(t.value(QStringLiteral("paused_us")).toInteger() >= 4 * 5000,
                     qPrintable(QJsonDocument(t).toJson()));
            // Its DNS time is the cache and dns phases for that host (and the few calls around
            // them), not the three pauses (before cache, dns and connect) of at least 5 ms.
            const QString host = QUrl(e.extra.value(QStringLiteral("url")).toString()).host();
            qint64 lookup = 0;
            for (const Event& s : steps(r.all, 1, QStringLiteral("end"))) {
                if ((phaseOf(s) == QLatin1String("cache") || phaseOf(s) == QLatin1String("dns")) &&
                    s.extra.value(QStringLiteral("host")).toString() == host)
                    lookup += s.extra.value(QStringLiteral("duration_us")).toInteger();
            }
            const qint64 dns = t.value(QStringLiteral("dns_us")).toInteger();
            QVERIFY2(dns >= lookup && dns < lookup + 3 * 5000,
                     qPrintable(QStringLiteral("lookup %1 us; ").arg(lookup) +
                                QString::fromUtf8(QJsonDocument(t).toJson())));
        }
    }

    void stepDelayPausesBetweenPhases()
    {
        Run r;
        UrlWalkOptions o;
        o.stepDelayMs = 15;
        QVERIFY(r.go(o, 30000));
        QVERIFY2(r.ok, qPrintable(r.sentence));
        const auto both = steps(r.all, 1);
        QCOMPARE(phases(steps(r.all, 1, QStringLiteral("end"))), kPhases);
        // Before every phase but response, at least the delay passes after the previous one
        // ended: the pause lies between phases, not inside them.
        for (size_t i = 2; i < both.size(); i += 2) {
            if (phaseOf(both[i]) == QLatin1String("response"))
                continue;
            QVERIFY2(both[i].t_us - both[i - 1].t_us >= 15000, qPrintable(phaseOf(both[i])));
        }
    }

    void stopMidWay()
    {
        Run r;
        UrlWalkOptions o;
        o.stepMode = true;
        int n = 0;
        connect(&r.walk, &UrlWalk::waitingForNext, &r.walk, [&](const QString& phase) {
            if (++n == 5) {
                QCOMPARE(phase, QStringLiteral("request"));
                QTimer::singleShot(0, &r.walk, [&r] { r.walk.stop(); });
            } else {
                QTimer::singleShot(0, &r.walk, [&r] { r.walk.next(); });
            }
        });
        QVERIFY(r.go(o));
        QVERIFY(!r.ok);
        QVERIFY(!r.walk.running());
        QVERIFY(testutil::has(r.all, {QStringLiteral("url-walk"), netstage::ev::Error}));
    }

    void nameThatDoesNotExist()
    {
        Run r;
        UrlWalkOptions o;
        o.url = QUrl(QStringLiteral("http://nosuch.example.test:1/"));
        QVERIFY(r.go(o));
        QVERIFY(!r.ok);
        QVERIFY2(r.sentence.contains(QLatin1String("NXDOMAIN")), qPrintable(r.sentence));
        // The authoritative server said so, and no connection was tried.
        bool nx = false;
        for (const Event& e : r.all) {
            if (e.socket == QLatin1String("dns-auth") && e.dir == QLatin1String("out") &&
                e.extra.value(QStringLiteral("rcode")).toString() == QLatin1String("NXDOMAIN"))
                nx = true;
            QVERIFY(!(e.socket.startsWith(QLatin1String("url-client")) &&
                      e.event == QLatin1String("connect")));
        }
        QVERIFY(nx);
    }

    void namesOutsideTestGoToTheSystem()
    {
        Run r;
        UrlWalkOptions o;
        o.url = QUrl(QStringLiteral("http://nosuch.invalid/"));
        QVERIFY(r.go(o, 60000)); // getaddrinfo's own timeouts bound this
        QVERIFY(!r.ok);
        bool sawDns = false;
        for (const Event& e : steps(r.all, 1, QStringLiteral("end"))) {
            if (phaseOf(e) != QLatin1String("dns"))
                continue;
            sawDns = true;
            QCOMPARE(e.extra.value(QStringLiteral("via")).toString(), QStringLiteral("system"));
            QVERIFY(!e.extra.value(QStringLiteral("error")).toString().isEmpty());
        }
        QVERIFY(sawDns);
        // The hierarchy was not involved: no DNS server started, no datagram.
        QVERIFY(!testutil::has(r.all, {QStringLiteral("dns-browser")}));
    }

    void hostsFileIsTheSystemCache()
    {
        // A name of this machine's /etc/hosts for 127.0.0.1 (other than localhost, which
        // never needs a lookup).
        QFile f(QStringLiteral("/etc/hosts"));
        QString name;
        if (f.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : f.readAll().split('\n')) {
                const QList<QByteArray> w = line.simplified().split(' ');
                if (w.size() >= 2 && w[0] == "127.0.0.1" && !w[1].startsWith('#') &&
                    w[1] != "localhost" && !w[1].endsWith(".test")) {
                    name = QString::fromLatin1(w[1]);
                    break;
                }
            }
        }
        if (name.isEmpty())
            QSKIP("/etc/hosts names nothing but localhost for 127.0.0.1");
        Timeline tl;
        netstage::HttpServer server(&tl, nullptr, nullptr);
        netstage::HttpServerOptions so;
        so.port = 0;
        QVERIFY(server.start(so));
        Run r;
        UrlWalkOptions o;
        o.url = QUrl(QStringLiteral("http://%1:%2/").arg(name).arg(server.port()));
        QVERIFY(r.go(o));
        QVERIFY2(r.ok, qPrintable(r.sentence));
        const auto ends = steps(r.all, 1, QStringLiteral("end"));
        QVERIFY(!phases(ends).contains(QStringLiteral("dns")));
        QCOMPARE(phaseOf(ends[1]), QStringLiteral("cache"));
        QVERIFY(ends[1].extra.value(QStringLiteral("hit")).toBool());
        QCOMPARE(ends[1].extra.value(QStringLiteral("where")).toString(), QStringLiteral("hosts"));
    }

    void badUrls()
    {
        for (const char* u : {"https://example.test/", "ftp://example.test/"}) {
            Run r;
            UrlWalkOptions o;
            o.url = QUrl(QLatin1String(u));
            QVERIFY(r.go(o));
            QVERIFY(!r.ok);
            QVERIFY(!r.sentence.isEmpty());
        }
    }

    void waterfallWithoutWriterIsAClearError()
    {
        QVERIFY(!netstage::hasWaterfallWriter());
        const int code =
            netstage::urlCli().run({QStringLiteral("--waterfall"), QStringLiteral("/tmp/x.png")});
        QCOMPARE(code, 1);
        QCOMPARE(netstage::urlCli().run({QStringLiteral("--waterfall"), QStringLiteral("x.txt")}),
                 2);
        QCOMPARE(netstage::urlCli().run({QStringLiteral("--visits"), QStringLiteral("0")}), 2);
        QCOMPARE(netstage::urlCli().run({QStringLiteral("https://example.test/")}), 2);
    }

    void scanner_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QStringList>("found");
        const QString b = QStringLiteral("http://h.test/dir/");
        QTest::newRow("basic") << QByteArray(
                                      "<link rel=stylesheet href=a.css><script src='b.js'></script>"
                                      "<IMG SRC=\"/c.png\" alt=x>")
                               << QStringList{b + QStringLiteral("a.css"),
                                              b + QStringLiteral("b.js"),
                                              QStringLiteral("http://h.test/c.png")};
        QTest::newRow("comment and raw text")
            << QByteArray("<!-- <img src=no1.png> --><script>var s='<img src=no2.png>';</script>"
                          "<style>/* <img src=no3.png> */</style><title><img src=no4.png></title>"
                          "<img src=yes.png>")
            << QStringList{b + QStringLiteral("yes.png")};
        QTest::newRow("rel kinds")
            << QByteArray("<link rel=canonical href=/x><link rel='shortcut icon' "
                          "href=/i.ico><link href=/p.css rel=preload>")
            << QStringList{QStringLiteral("http://h.test/i.ico"),
                           QStringLiteral("http://h.test/p.css")};
        QTest::newRow("once, entities, fragments")
            << QByteArray("<img src=\"a.png?x=1&amp;y=2\"><img src='a.png?x=1&y=2#f'><img "
                          "src=a.png?x=1&#38;y=2>")
            << QStringList{b + QStringLiteral("a.png?x=1&y=2")};
        QTest::newRow("base, schemes, empty")
            << QByteArray("<base href=\"http://cdn.test/s/\"><img src=x.png><img src=\"\"><img "
                          "src=data:image/png;base64,AA><img src=https://e.test/y.png><script "
                          "src=//o.test/z.js></script>")
            << QStringList{QStringLiteral("http://cdn.test/s/x.png"),
                           QStringLiteral("http://o.test/z.js")};
        QTest::newRow("broken markup ends")
            << QByteArray("a < b <img src=ok.png><img src=\"unterminated")
            << QStringList{b + QStringLiteral("ok.png")};
    }
    void scanner()
    {
        QFETCH(QByteArray, html);
        QFETCH(QStringList, found);
        QStringList got;
        for (const QUrl& u :
             UrlWalk::findResources(html, QUrl(QStringLiteral("http://h.test/dir/page.html"))))
            got << u.toString();
        QCOMPARE(got, found);
    }

    void fetchesInScripts()
    {
        const QList<QUrl> f = UrlWalk::findFetches(
            "fetch('/api/time', {cache:'no-store'}); window.fetch( \"data.json\" ); fetch(url); "
            "prefetch('/no')",
            QUrl(QStringLiteral("http://h.test/a/")));
        QCOMPARE(f, (QList<QUrl>{QUrl(QStringLiteral("http://h.test/api/time")),
                                 QUrl(QStringLiteral("http://h.test/a/data.json"))}));
    }
};

QTEST_GUILESS_MAIN(TstUrlWalk)
#include "tst_url_walk.moc"
