#include "core/cli/https_cli.h"

#include "core/cli/cli_support.h"
#include "core/cli/http_cli.h"
#include "core/format/recording.h"
#include "core/ladder/ladder.h"
#include "core/tls/https_client.h"
#include "core/tls/https_server.h"
#include "core/tls/tls_ca.h"

#include <QFile>
#include <QHostAddress>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

namespace netstage {

namespace {

class HttpsCliText
{
    Q_DECLARE_TR_FUNCTIONS(netstage::HttpsCli)
public:
    static QString help()
    {
        return HttpsCliText::tr(
            "Usage:\n"
            "  netstage https ca\n"
            "  netstage https serve [--host 127.0.0.1] [--port 8443] [--tls 1.2|1.3]\n"
            "                       [--keylog FILE] [--for SECONDS] [--events FILE|-] [--quiet]\n"
            "  netstage https get   URL... [--cacert FILE] [--tls 1.2|1.3] [--resolve "
            "HOST:ADDR]...\n"
            "                       [--keylog FILE] [--pcap FILE] [--no-resume] [--timeout "
            "SECONDS]\n"
            "                       [--output FILE|-] [--events FILE|-] [--quiet]\n"
            "  netstage https lesson NAME|--list [--diagram FILE.png|FILE.svg] [--pcap FILE]\n"
            "                       [--record FILE] [--events FILE|-] [--quiet]\n"
            "\n"
            "ca     prints the path of the local certificate authority's certificate,\n"
            "       making it first if needed (with a certificate for example.test,\n"
            "       www.example.test and localhost). It lives in the user's data folder\n"
            "       (NETSTAGE_TLS_DIR overrides it) and is trusted nowhere until you trust\n"
            "       it in a browser (see the README).\n"
            "serve  the demo site over TLS (TLS 1.3 preferred, 1.2 accepted; --tls picks\n"
            "       one) until SIGINT/SIGTERM or --for SECONDS. Every TLS record and\n"
            "       handshake message is an event. --keylog FILE appends the session keys\n"
            "       in the SSLKEYLOGFILE format, so Wireshark and tshark can decrypt.\n"
            "get    fetches each URL over a new TLS connection and prints every phase:\n"
            "       DNS lookup, TCP connection, TLS handshake, waiting (TTFB), content\n"
            "       download. It trusts the local CA unless --cacert names another file.\n"
            "       A second URL to the same host resumes the session with its ticket\n"
            "       (--no-resume: a full handshake each time). --pcap FILE writes the\n"
            "       capture (root or cap_net_raw) and FILE.keys beside it.\n"
            "       Exit status 0 for any HTTP answer, 1 when none came (refused,\n"
            "       certificate not accepted, timed out), 2 for bad usage.\n"
            "lesson runs a server and a client in this process and compares: tls13 (one\n"
            "       round trip), tls12 (two), resumption (a ticket: no certificate the\n"
            "       second time), bad-certificate (self-signed, wrong name, expired,\n"
            "       unknown CA: each refused with an alert). Prints the events, the\n"
            "       figures and the ladder; --diagram draws it, --record saves a recording\n"
            "       the window opens, --pcap writes the capture and FILE.keys beside it.\n");
    }
    static QString summary()
    {
        return HttpsCliText::tr(
            "the demo site over TLS with its own local CA; every handshake message shown");
    }
};

int usage(const QString& message)
{
    printErr(QStringLiteral("netstage: %1").arg(message));
    printErr(HttpsCliText::tr("Try 'netstage https --help'."));
    return 2;
}

struct Args
{
    HttpsServerOptions serve;
    double forSeconds = -1;
    QStringList urls;
    QString cacert, keylog, pcap, output, events;
    TlsVersion version = TlsVersion::Any;
    QList<QPair<QString, QHostAddress>> resolves;
    double timeoutSeconds = 30;
    bool resume = true;
    bool quiet = false;
    QString lesson, diagram, record;
    bool list = false;
};

QString ms(qint64 us)
{
    return QString::number(us / 1000.0, 'f', 3) + QStringLiteral(" ms");
}

int runCa()
{
    TlsCa ca;
    QString why;
    if (!ca.ensure(&why)) {
        printErr(QStringLiteral("netstage: %1").arg(why));
        return 1;
    }
    if (ca.createdNow())
        printErr(HttpsCliText::tr("made a new local CA and a server certificate in %1")
                     .arg(ca.directory()));
    std::fputs(qPrintable(ca.caCertPath() + QLatin1Char('\n')), stdout);
    return 0;
}

int runServe(Args& a)
{
    std::function<void()> onSignal;
    SignalWatcher watcher([&](int) {
        if (onSignal)
            onSignal();
    });
    Session s;
    if (!s.open(a.events, a.quiet))
        return 1;
    a.serve.version = a.version;
    a.serve.keyLogFile = a.keylog;
    HttpsServer server(&s.timeline, s.observer.get(), s.wire.get());
    if (!server.start(a.serve)) {
        printErr(failureLine(s.firstError(server.serverId()),
                             HttpsCliText::tr("the server could not start")));
        return 1;
    }
    serveUntilStopped(onSignal, a.forSeconds, [&] { server.stop(); });
    waitUntil([&server] { return server.connectionCount() == 0; }, 2000);
    lingerForKernel(s, 200);
    return 0;
}

int runGet(const Args& a)
{
    std::function<void()> onSignal;
    SignalWatcher watcher([&](int) {
        if (onSignal)
            onSignal();
    });
    Session s;
    if (!s.open(a.events, a.quiet))
        return 1;
    if (!a.pcap.isEmpty() && !checkCaptureFor(s, a.pcap))
        return 1;
    HttpsClient client(&s.timeline, s.observer.get(), s.wire.get());
    QString why;
    if (!client.setup(a.cacert, a.version, &why)) {
        printErr(QStringLiteral("netstage: %1").arg(why));
        return 1;
    }
    QString keylog = a.keylog;
    if (keylog.isEmpty() && !a.pcap.isEmpty()) {
        keylog = a.pcap + QStringLiteral(".keys");
        QFile::remove(keylog);
    }
    if (!keylog.isEmpty() && !client.setKeyLogFile(keylog, &why)) {
        printErr(QStringLiteral("netstage: %1").arg(why));
        return 1;
    }
    client.setTimeoutMs(static_cast<int>(a.timeoutSeconds * 1000));
    client.setResumption(a.resume);
    for (const auto& r : a.resolves)
        client.setResolveOverride(r.first, r.second);
    bool cancelled = false;
    onSignal = [&] {
        cancelled = true;
        client.closeAll();
    };
    int failures = 0;
    HttpsResult last;
    for (const QString& u : a.urls) {
        if (cancelled)
            break;
        const QUrl url(u.contains(QLatin1String("://")) ? u : QStringLiteral("https://") + u);
        printErr(QStringLiteral("> GET %1").arg(url.toString()));
        const int id = client.fetch(url);
        waitUntil([&] { return client.result(id).done; },
                  static_cast<int>(a.timeoutSeconds * 1000) + 2000);
        last = client.result(id);
        if (!last.version.isEmpty())
            printErr(HttpsCliText::tr("  %1, %2, ALPN %3%4, %n handshake message(s)", nullptr,
                                      last.handshakeMessages)
                         .arg(last.version, last.cipher,
                              last.alpn.isEmpty() ? QStringLiteral("http/1.1") : last.alpn,
                              last.resumed ? HttpsCliText::tr(", resumed") : QString()));
        if (last.ok) {
            printErr(QStringLiteral("< HTTP/1.1 %1 %2")
                         .arg(last.status)
                         .arg(QString::fromLatin1(last.reason)));
            for (const HttpHeader& h : last.headers)
                printErr(QStringLiteral("< %1: %2")
                             .arg(QString::fromLatin1(h.name), QString::fromLatin1(h.value)));
            printErr(HttpsCliText::tr("  %1 bytes of body; TLS bytes on the wire: %2 sent, %3 "
                                      "received")
                         .arg(last.body.size())
                         .arg(last.wireBytesOut)
                         .arg(last.wireBytesIn));
        } else {
            ++failures;
            printErr(HttpsCliText::tr("netstage: %1: %2 (%3)")
                         .arg(url.toString(), last.error, last.code));
            if (last.code == QLatin1String("ENOTFOUND") &&
                url.host().endsWith(QLatin1String(".test")))
                printErr(HttpsCliText::tr("hint: .test names are not in the real DNS; add "
                                          "--resolve %1:127.0.0.1")
                             .arg(url.host()));
        }
        const HttpsTiming& t = last.timing;
        printErr(HttpsCliText::tr("  DNS lookup %1 | TCP connection %2 | TLS handshake %3 | "
                                  "waiting (TTFB) %4 | content download %5 | total %6")
                     .arg(ms(t.dnsUs), ms(t.connectUs), ms(t.tlsUs), ms(t.waitUs), ms(t.downloadUs),
                          ms(t.totalUs)));
    }
    waitUntil([&client] { return client.openConnections() == 0; }, 2000);
    lingerForKernel(s, 200);
    if (!a.pcap.isEmpty() && !writeCaptureFile(s, a.pcap))
        return 1;
    if (!a.output.isEmpty() && last.ok) {
        QFile out;
        const bool ok =
            a.output == QLatin1String("-")
                ? out.open(stdout, QIODevice::WriteOnly)
                : (out.setFileName(a.output), out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        if (!ok) {
            printErr(HttpsCliText::tr("cannot write %1: %2").arg(a.output, out.errorString()));
            return 1;
        }
        out.write(last.body);
    }
    return failures == 0 && !cancelled ? 0 : 1;
}

// The lessons: data (what to run, what it shows), run by one runner below.
struct HttpsLessonCase
{
    TlsVersion clientVersion = TlsVersion::Any;
    int fetches = 1;
    bool resume = false;
    bool badCert = false;
    TlsCa::BadCertificate bad = TlsCa::BadCertificate::SelfSigned;
};

struct HttpsLesson
{
    const char* name;
    std::vector<HttpsLessonCase> cases;
};

const std::vector<HttpsLesson>& httpsLessons()
{
    static const std::vector<HttpsLesson> lessons = {
        {"tls13", {{TlsVersion::V13, 1, false, false, {}}}},
        {"tls12", {{TlsVersion::V12, 1, false, false, {}}}},
        {"resumption", {{TlsVersion::V13, 2, true, false, {}}}},
        {"bad-certificate",
         {{TlsVersion::Any, 1, false, true, TlsCa::BadCertificate::SelfSigned},
          {TlsVersion::Any, 1, false, true, TlsCa::BadCertificate::WrongName},
          {TlsVersion::Any, 1, false, true, TlsCa::BadCertificate::Expired},
          {TlsVersion::Any, 1, false, true, TlsCa::BadCertificate::UnknownCa}}},
    };
    return lessons;
}

QString lessonTitle(const QString& name)
{
    if (name == QLatin1String("tls13"))
        return HttpsCliText::tr("TLS 1.3: the whole handshake in one round trip");
    if (name == QLatin1String("tls12"))
        return HttpsCliText::tr("TLS 1.2: two round trips, the certificate in clear");
    if (name == QLatin1String("resumption"))
        return HttpsCliText::tr("Resumption: a second connection with a session ticket");
    if (name == QLatin1String("bad-certificate"))
        return HttpsCliText::tr("Bad certificates: self-signed, wrong name, expired, unknown CA");
    return name;
}

QString lessonIntro(const QString& name)
{
    if (name == QLatin1String("tls13"))
        return HttpsCliText::tr(
            "The client sends its ClientHello with a key share; the server answers with "
            "ServerHello and, already encrypted, EncryptedExtensions, Certificate, "
            "CertificateVerify and Finished. The client's Finished goes out together with the "
            "HTTP request: one round trip before the request.");
    if (name == QLatin1String("tls12"))
        return HttpsCliText::tr(
            "The client offers only TLS 1.2. The server's ServerHello, Certificate, "
            "ServerKeyExchange and ServerHelloDone cross the wire in clear; the client answers "
            "with ClientKeyExchange, ChangeCipherSpec and Finished and must wait for the "
            "server's Finished: two round trips before the request.");
    if (name == QLatin1String("resumption"))
        return HttpsCliText::tr(
            "The first connection ends with a NewSessionTicket. The second connection offers "
            "that ticket (pre_shared_key): the server accepts it, sends no Certificate and no "
            "CertificateVerify, and the handshake is shorter.");
    if (name == QLatin1String("bad-certificate"))
        return HttpsCliText::tr(
            "Four servers with a certificate the client must refuse. Each handshake fails on "
            "the client when it checks the Certificate: it sends an alert, the server reads it, "
            "and no HTTP request is ever sent.");
    return {};
}

QString badCaseName(TlsCa::BadCertificate b)
{
    switch (b) {
    case TlsCa::BadCertificate::SelfSigned:
        return HttpsCliText::tr("self-signed: the certificate signs itself, no CA vouches for it");
    case TlsCa::BadCertificate::WrongName:
        return HttpsCliText::tr("wrong name: issued for other.example, the client asked for "
                                "localhost");
    case TlsCa::BadCertificate::Expired:
        return HttpsCliText::tr("expired: valid from 60 to 30 days ago");
    case TlsCa::BadCertificate::UnknownCa:
        return HttpsCliText::tr("unknown CA: signed by a CA the client was never told to trust");
    }
    return {};
}

// How many times the client waited for the server before it could send its request: the
// runs of handshake messages coming in before the request.
int roundTripsBeforeRequest(const std::vector<Event>& evs, const QString& socket)
{
    int trips = 0;
    bool inRun = false;
    for (const Event& e : evs) {
        if (e.socket != socket)
            continue;
        if (e.event == QLatin1String("request"))
            break;
        if (e.event != QLatin1String("handshake"))
            continue;
        const bool in = e.dir == ev::In;
        if (in && !inRun)
            ++trips;
        inRun = in;
    }
    return trips;
}

int runLesson(const Args& a)
{
    if (a.list) {
        for (const HttpsLesson& l : httpsLessons())
            std::printf("%-20s %s\n", l.name, qPrintable(lessonTitle(QLatin1String(l.name))));
        return 0;
    }
    const HttpsLesson* lesson = nullptr;
    for (const HttpsLesson& l : httpsLessons()) {
        if (a.lesson == QLatin1String(l.name))
            lesson = &l;
    }
    if (!lesson) {
        printErr(HttpsCliText::tr("no lesson named \"%1\"; 'netstage https lesson --list' lists "
                                  "them")
                     .arg(a.lesson));
        return 2;
    }
    Session s;
    if (!s.open(a.events, a.quiet))
        return 1;
    if (!a.pcap.isEmpty() && !checkCaptureFor(s, a.pcap))
        return 1;
    std::vector<Event> all;
    s.timeline.addSink([&all](const Event& e) { all.push_back(e); });
    FILE* human = a.events == QLatin1String("-") ? stderr : stdout;
    auto say = [&](const QString& line) {
        if (!a.quiet) {
            std::fputs(qPrintable(line + QLatin1Char('\n')), human);
            std::fflush(human);
        }
    };
    say(QStringLiteral("== %1\n%2\n").arg(lessonTitle(a.lesson), lessonIntro(a.lesson)));

    QTemporaryDir scratch;
    TlsCa ca;
    QString why;
    if (!ca.ensure(&why)) {
        printErr(QStringLiteral("netstage: %1").arg(why));
        return 1;
    }
    const QString keys = a.pcap.isEmpty() ? QString() : a.pcap + QStringLiteral(".keys");
    if (!keys.isEmpty())
        QFile::remove(keys);
    HttpsServer server(&s.timeline, s.observer.get(), s.wire.get());
    QStringList summary;
    int failures = 0;
    for (const HttpsLessonCase& c : lesson->cases) {
        HttpsServerOptions o;
        o.port = 0;
        o.keyLogFile = keys;
        if (c.badCert) {
            if (!ca.makeBadCertificate(c.bad, scratch.path(), &o.certFile, &o.keyFile, &why)) {
                printErr(QStringLiteral("netstage: %1").arg(why));
                return 1;
            }
            say(QStringLiteral("\n-- %1").arg(badCaseName(c.bad)));
        }
        if (!server.start(o)) {
            printErr(failureLine(s.firstError(server.serverId()),
                                 HttpsCliText::tr("the server could not start")));
            return 1;
        }
        HttpsClient client(&s.timeline, s.observer.get(), s.wire.get());
        if (!client.setup(QString(), c.clientVersion, &why) ||
            (!keys.isEmpty() && !client.setKeyLogFile(keys, &why))) {
            printErr(QStringLiteral("netstage: %1").arg(why));
            return 1;
        }
        client.setResumption(c.resume);
        for (int i = 0; i < c.fetches; ++i) {
            const int id =
                client.fetch(QUrl(QStringLiteral("https://localhost:%1/").arg(server.port())));
            waitUntil([&] { return client.result(id).done; }, 15000);
            waitUntil([&] { return client.openConnections() == 0; }, 2000);
            waitUntil([&] { return server.connectionCount() == 0; }, 2000);
            const HttpsResult r = client.result(id);
            QString line;
            if (r.ok) {
                line = HttpsCliText::tr("%1: %2%3, %n handshake message(s), round trips "
                                        "before the request: %4, TLS handshake %5, %6 TLS bytes "
                                        "from the server, HTTP %7",
                                        nullptr, r.handshakeMessages)
                           .arg(r.socket, r.version,
                                r.resumed ? HttpsCliText::tr(" (resumed)") : QString())
                           .arg(roundTripsBeforeRequest(all, r.socket))
                           .arg(ms(r.timing.tlsUs))
                           .arg(r.wireBytesIn)
                           .arg(r.status);
            } else {
                ++failures;
                QString serverSide;
                for (const Event& e : all) {
                    if (e.event == QLatin1String("alert") && e.dir == ev::In &&
                        e.socket != r.socket)
                        serverSide = e.extra.value(QStringLiteral("description")).toString();
                }
                line = HttpsCliText::tr("%1: refused. Client: %2 Server: received the alert %3.")
                           .arg(r.socket, r.error,
                                serverSide.isEmpty() ? QStringLiteral("-") : serverSide);
            }
            summary << line;
        }
        server.stop();
    }
    lingerForKernel(s, 100);
    if (!a.pcap.isEmpty() && !writeCaptureFile(s, a.pcap))
        return 1;
    const Ladder ladder = Ladder::fromEvents(all);
    say(QLatin1Char('\n') + ladder.toText());
    say(summary.join(QLatin1Char('\n')));
    if (!a.record.isEmpty()) {
        Recording rec;
        rec.header.appVersion = QStringLiteral(NETSTAGE_VERSION);
        rec.header.lesson = QStringLiteral("https-") + a.lesson;
        rec.header.capture = ladder.source;
        rec.events = all;
        if (!RecordingFile::save(a.record, rec, &why)) {
            printErr(why);
            return 1;
        }
    }
    if (!a.diagram.isEmpty() && !Cli::drawDiagram(ladder, a.diagram, &why)) {
        printErr(HttpsCliText::tr("cannot write the diagram to %1: %2").arg(a.diagram, why));
        return 1;
    }
    // bad-certificate succeeds when every handshake was refused.
    const bool expected =
        lesson->cases.front().badCert ? failures == int(lesson->cases.size()) : failures == 0;
    return expected ? 0 : 1;
}

int run(const QStringList& args)
{
    if (args.isEmpty())
        return usage(HttpsCliText::tr("https needs a verb: ca, serve or get"));
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        std::fputs(qPrintable(HttpsCliText::help()), stdout);
        return 0;
    }
    const QString verb = args[0];
    if (verb != QLatin1String("serve") && verb != QLatin1String("get") &&
        verb != QLatin1String("ca") && verb != QLatin1String("lesson"))
        return usage(
            HttpsCliText::tr("unknown https verb \"%1\" (try: ca, serve, get, lesson)").arg(verb));
    Args a;
    const bool serve = verb == QLatin1String("serve");
    const bool get = verb == QLatin1String("get");
    const bool lesson = verb == QLatin1String("lesson");
    for (int i = 1; i < args.size(); ++i) {
        const QString o = args[i];
        QString v;
        auto value = [&](QString* out) {
            if (i + 1 >= args.size())
                return false;
            *out = args[++i];
            return true;
        };
        auto needs = [&](const QString& what) {
            return usage(HttpsCliText::tr("%1 needs %2").arg(o, what));
        };
        if ((serve || get || lesson) && o == QLatin1String("--events")) {
            if (!value(&a.events))
                return needs(HttpsCliText::tr("a file name or -"));
        } else if ((serve || get || lesson) &&
                   (o == QLatin1String("--quiet") || o == QLatin1String("-q"))) {
            a.quiet = true;
        } else if (lesson && o == QLatin1String("--list")) {
            a.list = true;
        } else if (lesson && o == QLatin1String("--diagram")) {
            if (!value(&a.diagram) ||
                !(a.diagram.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ||
                  a.diagram.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)))
                return needs(HttpsCliText::tr("a file name ending in .png or .svg"));
        } else if (lesson && o == QLatin1String("--record")) {
            if (!value(&a.record))
                return needs(HttpsCliText::tr("a file name"));
        } else if (lesson && o == QLatin1String("--pcap")) {
            if (!value(&a.pcap))
                return needs(HttpsCliText::tr("a file name"));
        } else if (lesson && !o.startsWith(QLatin1Char('-')) && a.lesson.isEmpty()) {
            a.lesson = o;
        } else if ((serve || get) && o == QLatin1String("--tls")) {
            if (!value(&v) || v.isEmpty() || !parseTlsVersion(v, &a.version))
                return needs(HttpsCliText::tr("1.2 or 1.3"));
        } else if ((serve || get) && o == QLatin1String("--keylog")) {
            if (!value(&a.keylog))
                return needs(HttpsCliText::tr("a file name"));
        } else if (serve && o == QLatin1String("--host")) {
            if (!value(&a.serve.host))
                return needs(HttpsCliText::tr("an address"));
        } else if (serve && o == QLatin1String("--port")) {
            bool ok = false;
            const uint p = value(&v) ? v.toUInt(&ok) : 0;
            if (!ok || p > 65535)
                return needs(HttpsCliText::tr("a number from 0 to 65535"));
            a.serve.port = quint16(p);
        } else if (serve && o == QLatin1String("--for")) {
            bool ok = false;
            a.forSeconds = value(&v) ? v.toDouble(&ok) : -1;
            if (!ok || a.forSeconds < 0)
                return needs(HttpsCliText::tr("a number of seconds"));
        } else if (get && o == QLatin1String("--cacert")) {
            if (!value(&a.cacert))
                return needs(HttpsCliText::tr("a PEM file"));
        } else if (get && o == QLatin1String("--pcap")) {
            if (!value(&a.pcap))
                return needs(HttpsCliText::tr("a file name"));
        } else if (get && o == QLatin1String("--no-resume")) {
            a.resume = false;
        } else if (get && o == QLatin1String("--resolve")) {
            QString host, addr;
            if (!value(&v) || !parseResolve(v, &host, &addr))
                return usage(
                    HttpsCliText::tr("--resolve needs HOST:ADDR, e.g. example.test:127.0.0.1"));
            a.resolves.append({host, QHostAddress(addr)});
        } else if (get && o == QLatin1String("--timeout")) {
            bool ok = false;
            a.timeoutSeconds = value(&v) ? v.toDouble(&ok) : -1;
            if (!ok || a.timeoutSeconds <= 0)
                return needs(HttpsCliText::tr("a number of seconds"));
        } else if (get && (o == QLatin1String("--output") || o == QLatin1String("-o"))) {
            if (!value(&a.output))
                return needs(HttpsCliText::tr("a file name or -"));
        } else if (o.startsWith(QLatin1Char('-')) && o.size() > 1) {
            return usage(HttpsCliText::tr("unknown option %1 for https %2").arg(o, verb));
        } else if (!get) {
            return usage(HttpsCliText::tr("https %1 takes no argument \"%2\"").arg(verb, o));
        } else {
            a.urls << o;
        }
    }
    if (verb == QLatin1String("ca"))
        return runCa();
    if (lesson) {
        if (a.lesson.isEmpty() && !a.list)
            return usage(HttpsCliText::tr("https lesson needs a NAME or --list"));
        return runLesson(a);
    }
    if (serve)
        return runServe(a);
    if (a.urls.isEmpty())
        return usage(HttpsCliText::tr("https get needs a URL, e.g. https://localhost:8443/"));
    for (const QString& u : std::as_const(a.urls)) {
        const QUrl url(u.contains(QLatin1String("://")) ? u : QStringLiteral("https://") + u);
        if (!url.isValid() || url.host().isEmpty() || url.scheme() != QLatin1String("https"))
            return usage(
                HttpsCliText::tr("\"%1\" is not an https:// URL (e.g. https://localhost:8443/)")
                    .arg(u));
    }
    if (a.output == QLatin1String("-") && a.events == QLatin1String("-"))
        return usage(HttpsCliText::tr("--output - and --events - cannot both use stdout"));
    return runGet(a);
}

} // namespace

LabCli httpsCli()
{
    LabCli m;
    m.name = QStringLiteral("https");
    m.summary = HttpsCliText::summary();
    m.help = [] { return HttpsCliText::help(); };
    m.run = [](const QStringList& args) { return run(args); };
    return m;
}

} // namespace netstage
