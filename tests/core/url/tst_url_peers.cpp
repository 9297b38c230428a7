// The URL walk against real peers: Node's http server (at most 6 connections per host, every
// image once; timings of the walk next to curl -w's for the same URL), Node's dns.Resolver
// (c-ares) and tshark decoding the DNS servers' datagrams, and the `netstage url` command.
// Skipped parts say why (no node, no curl, no tshark or no capture permission).
#include "core/base/timeline.h"
#include "core/dns/dns_hierarchy.h"
#include "core/url/url_walk.h"
#include "http_test_util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <unistd.h>

using httptest::Proc;
using netstage::DnsHierarchy;
using netstage::Event;
using netstage::Timeline;
using netstage::UrlWalk;
using netstage::UrlWalkOptions;

namespace {

const QString kBin = QStringLiteral(NETSTAGE_BIN);

QString need(const char* program)
{
    return QStandardPaths::findExecutable(QLatin1String(program));
}

struct Walk
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

quint16 startNode(Proc& p, const QString& script)
{
    p.start(need("node"), {script});
    if (!QTest::qWaitFor([&p] { return p.out.contains("listening "); }, 15000))
        return 0;
    return quint16(p.out.mid(p.out.indexOf("listening ") + 10).trimmed().toUInt());
}

// The best of a few rounds: what the work costs when the shared machine lets it run.
qint64 best(const std::vector<qint64>& v)
{
    return v.empty() ? 0 : *std::min_element(v.begin(), v.end());
}

// Runs node_dns_query.js against 127.0.0.1:port while this thread's event loop serves it.
QJsonObject askNode(quint16 port, const QString& name, const QString& type)
{
    Proc p;
    p.start(need("node"), {QStringLiteral(NETSTAGE_URL_TESTS_DIR "/node_dns_query.js"),
                           QString::number(port), name, type});
    if (!QTest::qWaitFor([&p] { return p.p.state() == QProcess::NotRunning; }, 15000))
        qWarning("node_dns_query.js did not finish");
    p.finish(1000);
    const QJsonObject o = QJsonDocument::fromJson(p.out.trimmed()).object();
    if (o.isEmpty())
        qWarning("%s", p.report().constData());
    return o;
}

} // namespace

class TstUrlPeers : public QObject
{
    Q_OBJECT

private slots:
    void atMostSixConnectionsPerHost()
    {
        if (need("node").isEmpty())
            QSKIP("node is not installed");
        Proc node;
        const quint16 port =
            startNode(node, QStringLiteral(NETSTAGE_URL_TESTS_DIR "/node_many_server.js"));
        QVERIFY2(port, node.report());
        Walk w;
        UrlWalkOptions o;
        o.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        QVERIFY(w.go(o));
        QVERIFY2(w.ok, qPrintable(w.sentence + QString::fromUtf8(testutil::dump(w.all))));
        QCOMPARE(w.walk.resources().size(), 13);
        // Open connections at any moment, from the client's own connect and close events.
        int open = 0, maxOpen = 0, total = 0;
        for (const Event& e : w.all) {
            if (!e.socket.startsWith(QLatin1String("url-client")) ||
                e.proto != QLatin1String("tcp"))
                continue;
            if (e.event == netstage::ev::Connect) {
                maxOpen = std::max(maxOpen, ++open);
                ++total;
            } else if (e.event == netstage::ev::Close) {
                --open;
            }
        }
        QCOMPARE(maxOpen, 6); // 13 slow sub-resources: the limit is reached, never passed
        QCOMPARE(total, 6);   // and the six are reused for the rest
        // The server saw the same: every image and the style sheet exactly once.
        Proc curl;
        QVERIFY(curl.run(need("curl"), {QStringLiteral("-s"),
                                        QStringLiteral("http://127.0.0.1:%1/stats").arg(port)}));
        const QJsonObject stats = QJsonDocument::fromJson(curl.out).object();
        const QJsonObject hits = stats.value(QStringLiteral("hits")).toObject();
        for (int i = 0; i < 12; ++i)
            QCOMPARE(hits.value(QStringLiteral("/img/%1.png").arg(i)).toInt(), 1);
        QCOMPARE(hits.value(QStringLiteral("/s.css")).toInt(), 1);
        QCOMPARE(hits.value(QStringLiteral("/")).toInt(), 1);
        QVERIFY2(stats.value(QStringLiteral("maxOpen")).toInt() <= 6 + 1, curl.out); // + curl's own
        // An address in the URL: the cache step says so, and no DNS phase follows.
        QStringList phases;
        for (const Event& e : w.all) {
            if (e.socket == QLatin1String("url-walk") &&
                e.extra.value(QStringLiteral("stage")).toString() == QLatin1String("end")) {
                phases << e.extra.value(QStringLiteral("phase")).toString();
                if (phases.last() == QLatin1String("cache"))
                    QCOMPARE(e.extra.value(QStringLiteral("where")).toString(),
                             QStringLiteral("address"));
            }
        }
        QCOMPARE(phases, (QStringList{QStringLiteral("url"), QStringLiteral("cache"),
                                      QStringLiteral("connect"), QStringLiteral("request"),
                                      QStringLiteral("response"), QStringLiteral("parse"),
                                      QStringLiteral("subresource"), QStringLiteral("async"),
                                      QStringLiteral("render"), QStringLiteral("done")}));
        node.terminate();
    }

    void timingsNextToCurl()
    {
        if (need("node").isEmpty() || need("curl").isEmpty())
            QSKIP("node or curl is not installed");
        Proc node;
        const quint16 port =
            startNode(node, QStringLiteral(NETSTAGE_HTTP_TESTS_DIR "/node_http_server.js"));
        QVERIFY2(port, node.report());
        const QString url = QStringLiteral("http://www.example.test:%1/").arg(port);
        std::vector<qint64> wDns, wConnect, wWait, wDownload, cDns, cConnect, cWait, cDownload;
        for (int round = 0; round < 5; ++round) {
            Walk w;
            UrlWalkOptions o;
            o.url = QUrl(url);
            QVERIFY(w.go(o));
            QVERIFY2(w.ok, qPrintable(w.sentence));
            bool found = false;
            for (const Event& e : w.all) {
                if (e.event != QLatin1String("response") ||
                    !e.socket.startsWith(QLatin1String("url-client")) ||
                    QUrl(e.extra.value(QStringLiteral("url")).toString()).path() !=
                        QLatin1String("/"))
                    continue;
                const QJsonObject t = e.extra.value(QStringLiteral("timing")).toObject();
                wDns.push_back(t.value(QStringLiteral("dns_us")).toInteger());
                wConnect.push_back(t.value(QStringLiteral("connect_us")).toInteger());
                wWait.push_back(t.value(QStringLiteral("wait_us")).toInteger());
                wDownload.push_back(t.value(QStringLiteral("download_us")).toInteger());
                found = true;
            }
            QVERIFY(found);
            Proc curl;
            QVERIFY(curl.run(
                need("curl"),
                {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                 QStringLiteral("--resolve"),
                 QStringLiteral("www.example.test:%1:127.0.0.1").arg(port), QStringLiteral("-w"),
                 QStringLiteral("%{time_namelookup} %{time_connect} %{time_pretransfer} "
                                "%{time_starttransfer} %{time_total}"),
                 url}));
            const QList<QByteArray> f = curl.out.trimmed().split(' ');
            QCOMPARE(f.size(), 5);
            auto us = [&f](int i) { return qint64(f[i].toDouble() * 1e6); };
            cDns.push_back(us(0));
            cConnect.push_back(us(1) - us(0));
            cWait.push_back(us(3) - us(2));
            cDownload.push_back(us(4) - us(3));
        }
        struct Row
        {
            const char* name;
            qint64 walk, curl, slackUs;
        };
        // The walk's DNS is a real resolution through four servers; curl's --resolve asks
        // nobody, so that row allows more. The rest is the same work on the same machine.
        const Row rows[] = {{"dns", best(wDns), best(cDns), 20000},
                            {"connect", best(wConnect), best(cConnect), 5000},
                            {"wait", best(wWait), best(cWait), 5000},
                            {"download", best(wDownload), best(cDownload), 5000}};
        for (const Row& r : rows) {
            qInfo("%-8s walk %7lld us   curl %7lld us", r.name, r.walk, r.curl);
            QVERIFY2(r.walk <= 20 * r.curl + r.slackUs && r.curl <= 20 * r.walk + r.slackUs,
                     qPrintable(QStringLiteral("%1: walk %2 us, curl %3 us")
                                    .arg(QLatin1String(r.name))
                                    .arg(r.walk)
                                    .arg(r.curl)));
        }
        node.terminate();
    }

    void dnsAnswersDecodedByNode()
    {
        if (need("node").isEmpty())
            QSKIP("node is not installed");
        Timeline tl;
        DnsHierarchy dns(&tl);
        QString why;
        QVERIFY2(dns.start(&why), qPrintable(why));
        // The recursive resolver, as any stub resolver would ask it.
        QJsonObject a =
            askNode(dns.resolverPort(), QStringLiteral("www.example.test"), QStringLiteral("A"));
        QVERIFY2(a.value(QStringLiteral("ok")).toBool(), QJsonDocument(a).toJson());
        QJsonArray recs = a.value(QStringLiteral("records")).toArray();
        QCOMPARE(recs.size(), 1);
        QCOMPARE(recs[0].toObject().value(QStringLiteral("address")).toString(),
                 QStringLiteral("127.0.0.1"));
        QCOMPARE(recs[0].toObject().value(QStringLiteral("ttl")).toInt(), 60);
        // The resolver went root -> tld -> auth for it: each server answered one question.
        QCOMPARE(
            testutil::count(
                tl,
                {QStringLiteral("dns-root"), QStringLiteral("answer"), {}, QStringLiteral("out")}),
            1);
        QCOMPARE(
            testutil::count(
                tl,
                {QStringLiteral("dns-tld"), QStringLiteral("answer"), {}, QStringLiteral("out")}),
            1);
        QCOMPARE(
            testutil::count(
                tl,
                {QStringLiteral("dns-auth"), QStringLiteral("answer"), {}, QStringLiteral("out")}),
            1);
        // Again: from the resolver's cache, nobody else asked.
        a = askNode(dns.resolverPort(), QStringLiteral("www.example.test"), QStringLiteral("A"));
        QVERIFY(a.value(QStringLiteral("ok")).toBool());
        QVERIFY(a.value(QStringLiteral("records"))
                    .toArray()[0]
                    .toObject()
                    .value(QStringLiteral("ttl"))
                    .toInt() <= 60);
        QCOMPARE(
            testutil::count(
                tl,
                {QStringLiteral("dns-root"), QStringLiteral("answer"), {}, QStringLiteral("out")}),
            1);
        // A sibling name: the resolver remembers example.test's server and asks it directly.
        a = askNode(dns.resolverPort(), QStringLiteral("example.test"), QStringLiteral("A"));
        QVERIFY(a.value(QStringLiteral("ok")).toBool());
        QCOMPARE(
            testutil::count(
                tl,
                {QStringLiteral("dns-root"), QStringLiteral("answer"), {}, QStringLiteral("out")}),
            1);
        QCOMPARE(
            testutil::count(
                tl,
                {QStringLiteral("dns-auth"), QStringLiteral("answer"), {}, QStringLiteral("out")}),
            2);
        // NS records, a name that does not exist, and each server on its own.
        a = askNode(dns.resolverPort(), QStringLiteral("example.test"), QStringLiteral("NS"));
        QVERIFY2(a.value(QStringLiteral("ok")).toBool(), QJsonDocument(a).toJson());
        QCOMPARE(a.value(QStringLiteral("records")).toArray(),
                 QJsonArray{QStringLiteral("ns1.example.test")});
        a = askNode(dns.resolverPort(), QStringLiteral("nosuch.example.test"), QStringLiteral("A"));
        QCOMPARE(a.value(QStringLiteral("code")).toString(), QStringLiteral("ENOTFOUND"));
        a = askNode(dns.authPort(), QStringLiteral("example.test"), QStringLiteral("A"));
        QVERIFY(a.value(QStringLiteral("ok")).toBool());
        a = askNode(dns.tldPort(), QStringLiteral("ns1.nic.test"), QStringLiteral("A"));
        QVERIFY2(a.value(QStringLiteral("ok")).toBool(), QJsonDocument(a).toJson());
        // The root only refers: a valid answer with no address in it.
        a = askNode(dns.rootPort(), QStringLiteral("www.example.test"), QStringLiteral("A"));
        QCOMPARE(a.value(QStringLiteral("code")).toString(), QStringLiteral("ENODATA"));
        // Every datagram c-ares sent was read by our servers as a valid message (no FORMERR).
        QCOMPARE(testutil::count(tl, {{}, {}, {}, {}, QStringLiteral("FORMERR")}), 0);
        dns.stop();
    }

    void dnsOnTheWireDecodedByTshark()
    {
        if (need("tshark").isEmpty())
            QSKIP("tshark is not installed");
        if (::geteuid() != 0)
            QSKIP("capturing on lo needs root here (CI runs the tests as root)");
        QTemporaryDir tmp;
        const QString cap = tmp.filePath(QStringLiteral("walk.pcapng"));
        Walk w;
        UrlWalkOptions o;
        o.stepMode = true; // the servers are up (and their ports known) before the first step
        QSignalSpy waiting(&w.walk, &UrlWalk::waitingForNext);
        QSignalSpy finished(&w.walk, &UrlWalk::finished);
        w.walk.start(o);
        QVERIFY(waiting.wait(10000));
        const DnsHierarchy* dns = w.walk.dns();
        QVERIFY(dns && dns->isRunning());
        const QList<quint16> ports = {dns->resolverPort(), dns->rootPort(), dns->tldPort(),
                                      dns->authPort()};
        Proc shark;
        shark.start(need("tshark"),
                    {QStringLiteral("-i"), QStringLiteral("lo"), QStringLiteral("-f"),
                     QStringLiteral("udp"), QStringLiteral("-w"), cap});
        if (!QTest::qWaitFor([&shark] { return shark.err.contains("Capture started"); }, 15000)) {
            shark.terminate();
            shark.finish(5000);
            QSKIP(qPrintable(QStringLiteral("tshark cannot capture here: ") +
                             QString::fromUtf8(shark.err.left(300))));
        }
        connect(&w.walk, &UrlWalk::waitingForNext, &w.walk,
                [&w] { QTimer::singleShot(0, &w.walk, [&w] { w.walk.next(); }); });
        w.walk.next();
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.first().at(0).toBool());
        QTest::qWait(300); // let the capture write the last packets out
        shark.terminate();
        QVERIFY(shark.finish(10000));
        // Decode with tshark's own DNS dissector on our ports.
        QStringList args = {QStringLiteral("-r"), cap};
        for (quint16 p : ports)
            args << QStringLiteral("-d") << QStringLiteral("udp.port==%1,dns").arg(p);
        args << QStringLiteral("-Y") << QStringLiteral("udp") << QStringLiteral("-T")
             << QStringLiteral("fields") << QStringLiteral("-E") << QStringLiteral("separator=|");
        for (const char* f :
             {"udp.srcport", "udp.dstport", "dns.id", "dns.flags.response", "dns.qry.name",
              "dns.flags.rcode", "dns.a", "dns.ns", "_ws.malformed"})
            args << QStringLiteral("-e") << QLatin1String(f);
        Proc read;
        QVERIFY2(read.run(need("tshark"), args), read.report());
        // Our own "out" events: every datagram the walk sent.
        std::vector<Event> sent;
        for (const Event& e : testutil::all(w.timeline)) {
            if (e.proto == QLatin1String("dns") && e.dir == QLatin1String("out"))
                sent.push_back(e);
        }
        // example.test: stub, root, tld, auth and back (8); www.example.test: the resolver
        // asks example.test's server directly (4).
        QCOMPARE(int(sent.size()), 12);
        QStringList lines;
        for (const QByteArray& l : read.out.split('\n')) {
            const QList<QByteArray> f = l.split('|');
            if (f.size() < 9)
                continue;
            if (!ports.contains(quint16(f[0].toUInt())) && !ports.contains(quint16(f[1].toUInt())))
                continue;
            lines << QString::fromUtf8(l);
            QVERIFY2(f[8].isEmpty(), l.constData());  // not malformed
            QVERIFY2(!f[2].isEmpty(), l.constData()); // a DNS id: tshark read it as DNS
        }
        QVERIFY2(lines.size() == int(sent.size()), read.report() + shark.report());
        // Each of our datagrams is there with the same id, direction and name; answers carry
        // the address, referrals the name server.
        for (const Event& e : sent) {
            const QString id = QStringLiteral("0x%1").arg(
                e.extra.value(QStringLiteral("id")).toInt(), 4, 16, QLatin1Char('0'));
            const QString qname = e.extra.value(QStringLiteral("qname")).toString().chopped(1);
            const bool answer = e.event == QLatin1String("answer");
            bool match = false;
            for (const QString& l : std::as_const(lines)) {
                const QStringList f = l.split(QLatin1Char('|'));
                if (f[2] == id && f[4] == qname &&
                    (f[3] == QLatin1String("1") || f[3] == QLatin1String("True")) == answer) {
                    match = true;
                    if (answer && !e.extra.value(QStringLiteral("answers")).toArray().isEmpty())
                        QCOMPARE(f[6], QStringLiteral("127.0.0.1"));
                    if (e.extra.contains(QStringLiteral("referral")))
                        QVERIFY2(!f[7].isEmpty(), qPrintable(l));
                }
            }
            QVERIFY2(match, qPrintable(id + QLatin1Char(' ') + qname + QLatin1Char('\n') +
                                       lines.join(QLatin1Char('\n'))));
        }
    }

    void commandLine()
    {
        {
            Proc p;
            QVERIFY(
                p.run(kBin, {QStringLiteral("url"), QStringLiteral("--visits"), QStringLiteral("2"),
                             QStringLiteral("--events"), QStringLiteral("-")}));
            QVERIFY2(p.exitedWith(0), p.report());
            // stdout: JSON Lines only.
            QList<QByteArray> bad;
            const std::vector<Event> evs = testutil::parseLines(p.out, &bad);
            QVERIFY2(bad.isEmpty(), bad.value(0).constData());
            QVERIFY(evs.size() > 100);
            QVERIFY(testutil::has(evs, {QStringLiteral("url-walk"), QStringLiteral("step")}));
            // stderr: the time per phase, per visit.
            QVERIFY2(p.err.contains("visit 1: url "), p.report());
            QVERIFY2(p.err.contains("dns ") && p.err.contains("(hierarchy)"), p.report());
            QVERIFY2(p.err.contains("visit 2: total "), p.report());
            QVERIFY2(p.err.contains("(hit: browser)"), p.report());
        }
        {
            Proc p;
            QVERIFY(p.run(kBin, {QStringLiteral("url"), QStringLiteral("http://nosuch.test/"),
                                 QStringLiteral("--quiet")}));
            QVERIFY2(p.exitedWith(1), p.report());
            QVERIFY2(p.err.contains("NXDOMAIN"), p.report());
        }
        {
            Proc p;
            QVERIFY(p.run(kBin, {QStringLiteral("url"), QStringLiteral("--bogus")}));
            QVERIFY2(p.exitedWith(2), p.report());
            QVERIFY(p.out.isEmpty());
        }
        {
            Proc p;
            QVERIFY(p.run(kBin, {QStringLiteral("url"), QStringLiteral("--help")}));
            QVERIFY2(p.exitedWith(0), p.report());
            QVERIFY(p.out.contains("netstage url [URL]"));
        }
    }
};

QTEST_GUILESS_MAIN(TstUrlPeers)
#include "tst_url_peers.moc"
