// Hostile and clumsy clients (issue 18), each probe bounded, on real sockets on 127.0.0.1
// against the real `netstage` binary, headless. Each probe asserts what the "expected"
// column says: the server's memory stays bounded and comes back, another client is still
// served (and how fast), the events say what happened, and the server exits cleanly (0) on
// SIGTERM. Attackers use the source address 127.0.0.2 where a probe needs "another machine"
// (the whole of 127/8 is loopback); the well-behaved client uses 127.0.0.1.
//
// Every figure is printed (qInfo) so a run documents itself: RSS before / peak / after in MB,
// the other client's latency in ms.

#include "http_test_util.h"
#include "test_util.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

using httptest::Proc;

namespace {

constexpr double kMB = 1024.0 * 1024.0;

// The resident memory of a process, in bytes (0 when it is gone).
qint64 rssOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return 0;
}

// A raw TCP socket: blocking connect (loopback answers at once), then non-blocking.
class Sock
{
public:
    Sock() = default;
    Sock(const Sock&) = delete;
    Sock& operator=(const Sock&) = delete;
    ~Sock() { close(); }
    bool connectTo(quint16 port, const char* from = "127.0.0.1")
    {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return false;
        sockaddr_in local{};
        local.sin_family = AF_INET;
        ::inet_pton(AF_INET, from, &local.sin_addr);
        if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0)
            return false;
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(port);
        ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
        if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0)
            return false;
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        return true;
    }
    void close()
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
    // Sends what the kernel takes now; -1 on an error.
    qint64 sendSome(const char* data, qint64 len)
    {
        const ssize_t n = ::send(fd, data, size_t(len), MSG_NOSIGNAL);
        if (n < 0)
            return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -1;
        return n;
    }
    // Sends all of it within ms; false when it could not.
    bool sendAll(const QByteArray& data, int ms = 5000)
    {
        QElapsedTimer t;
        t.start();
        qint64 off = 0;
        while (off < data.size() && t.elapsed() < ms) {
            const qint64 n = sendSome(data.constData() + off, data.size() - off);
            if (n < 0)
                return false;
            off += n;
            if (n == 0) {
                pollfd p{fd, POLLOUT, 0};
                ::poll(&p, 1, 20);
            }
        }
        return off == data.size();
    }
    // Reads what is there; returns false at end of stream or on an error.
    bool readSome(QByteArray* into)
    {
        char buf[65536];
        for (;;) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n > 0) {
                into->append(buf, int(n));
                continue;
            }
            if (n == 0)
                return false;
            return errno == EAGAIN || errno == EWOULDBLOCK;
        }
    }
    // Reads until `done` says so, the stream ends, or ms pass.
    template <typename Done> bool readUntil(QByteArray* into, Done done, int ms = 5000)
    {
        QElapsedTimer t;
        t.start();
        while (!done(*into) && t.elapsed() < ms) {
            pollfd p{fd, POLLIN, 0};
            ::poll(&p, 1, 20);
            if (!readSome(into))
                return done(*into);
        }
        return done(*into);
    }
    int fd = -1;
};

// A WebSocket frame from a client: masked with the key 0 (valid, and the bytes stay readable).
QByteArray clientFrame(int opcode, const QByteArray& payload, bool fin = true)
{
    QByteArray f;
    f.append(char((fin ? 0x80 : 0) | opcode));
    const qint64 n = payload.size();
    if (n < 126) {
        f.append(char(0x80 | n));
    } else if (n < 65536) {
        f.append(char(0x80 | 126));
        f.append(char(n >> 8));
        f.append(char(n & 0xff));
    } else {
        f.append(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            f.append(char((n >> (8 * i)) & 0xff));
    }
    f.append(QByteArray(4, '\0'));
    f.append(payload);
    return f;
}

QByteArray upgradeRequest(const QByteArray& keyLine)
{
    return "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
           keyLine + "Sec-WebSocket-Version: 13\r\n\r\n";
}
const QByteArray kGoodKey = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";

bool headDone(const QByteArray& b)
{
    return b.contains("\r\n\r\n");
}

// One netstage server, headless, its events in a file.
class Server
{
public:
    bool start(const QStringList& args, const QString& socket)
    {
        if (!dir.isValid())
            return false;
        events = dir.filePath(QStringLiteral("events.jsonl"));
        socket_ = socket;
        proc.start(QStringLiteral(NETSTAGE_BIN),
                   args + QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                      QStringLiteral("--events"), events,
                                      QStringLiteral("--quiet")});
        if (!proc.p.waitForStarted(10000))
            return false;
        const bool ok = QTest::qWaitFor(
            [this] {
                port = httptest::listeningPort(text(), socket_);
                return port != 0;
            },
            15000);
        QTest::qWait(200); // let the start settle before the first RSS reading
        return ok;
    }
    QByteArray text() const
    {
        QFile f(events);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    std::vector<netstage::Event> evs() const { return testutil::parseLines(text()); }
    qint64 pid() const { return proc.p.processId(); }
    qint64 rss() const { return rssOf(pid()); }
    // SIGTERM: exits 0, and every JSON line it wrote is whole.
    bool stopCleanly()
    {
        proc.terminate();
        if (!proc.finish(15000) || !proc.exitedWith(0))
            return false;
        const QByteArray all = text();
        return all.isEmpty() || all.endsWith('\n');
    }
    QTemporaryDir dir;
    QString events;
    QString socket_;
    Proc proc;
    quint16 port = 0;
};

// Before, peak and after, in MB, printed and kept for the asserts.
struct Rss
{
    qint64 before = 0, peak = 0, after = 0;
    void sample(const Server& s) { peak = std::max(peak, s.rss()); }
    QString text() const
    {
        return QStringLiteral("RSS before %1 MB, peak %2 MB, after %3 MB")
            .arg(before / kMB, 0, 'f', 1)
            .arg(peak / kMB, 0, 'f', 1)
            .arg(after / kMB, 0, 'f', 1);
    }
};

// Waits for memory to settle after the clients left: the lowest reading within ms.
qint64 settledRss(const Server& s, int ms = 3000)
{
    qint64 low = s.rss();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QTest::qWait(200);
        low = std::min(low, s.rss());
    }
    return low;
}

// The time a fresh client's echo takes over TCP, in ms (-1: no echo within 5 s).
qint64 tcpEchoMs(quint16 port)
{
    QElapsedTimer t;
    t.start();
    Sock s;
    if (!s.connectTo(port) || !s.sendAll("ping from another client\n"))
        return -1;
    QByteArray got;
    return s.readUntil(&got, [](const QByteArray& b) { return b.contains("another client"); })
               ? t.elapsed()
               : -1;
}

// The time a fresh WebSocket client takes to open and have "hi" echoed, in ms (-1: never).
qint64 wsEchoMs(quint16 port)
{
    QElapsedTimer t;
    t.start();
    Sock s;
    if (!s.connectTo(port) || !s.sendAll(upgradeRequest(kGoodKey)))
        return -1;
    QByteArray got;
    if (!s.readUntil(&got, headDone) || !got.startsWith("HTTP/1.1 101"))
        return -1;
    if (!s.sendAll(clientFrame(1, "hi")))
        return -1;
    return s.readUntil(&got, [](const QByteArray& b) { return b.endsWith("\x81\x02hi"); })
               ? t.elapsed()
               : -1;
}

// One GET on a fresh connection from 127.0.0.1: the status and the time it took.
std::pair<int, qint64> httpGet(quint16 port, const QByteArray& target = "/",
                               const char* from = "127.0.0.1")
{
    QElapsedTimer t;
    t.start();
    Sock s;
    if (!s.connectTo(port, from) ||
        !s.sendAll("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
        return {-1, -1};
    QByteArray got;
    s.readUntil(
        &got, [](const QByteArray&) { return false; }, 5000); // to the server's FIN
    const int status = got.startsWith("HTTP/1.1 ") ? got.mid(9, 3).toInt() : -1;
    return {status, t.elapsed()};
}

QByteArray rawRequest(quint16 port, const QByteArray& request)
{
    Sock s;
    if (!s.connectTo(port) || !s.sendAll(request))
        return {};
    QByteArray got;
    s.readUntil(
        &got, [](const QByteArray&) { return false; }, 5000);
    return got;
}

} // namespace

class TstHostile : public QObject
{
    Q_OBJECT

private slots:
    // TCP echo: a client sends and never reads. Today RSS 89 -> 426 MB for 300 MiB.
    void tcpFloodNeverReads()
    {
        Server srv;
        QVERIFY2(srv.start({QStringLiteral("tcp"), QStringLiteral("serve"),
                            QStringLiteral("--preset"), QStringLiteral("echo")},
                           QStringLiteral("tcp-server")),
                 srv.proc.report());
        Rss r;
        r.before = r.peak = srv.rss();
        Sock hostile;
        QVERIFY(hostile.connectTo(srv.port));
        const QByteArray chunk(1 << 20, 'x');
        qint64 sent = 0;
        QElapsedTimer t;
        t.start();
        QElapsedTimer stalled;
        stalled.start();
        // Up to 300 MiB in at most 8 s; it stops early once the server has paused (nothing
        // taken for 1.5 s: its reading stopped and the kernel buffers are full).
        while (sent < 300LL * (1 << 20) && t.elapsed() < 8000 && stalled.elapsed() < 1500) {
            const qint64 n = hostile.sendSome(chunk.constData(), chunk.size());
            QVERIFY(n >= 0);
            if (n > 0) {
                sent += n;
                stalled.restart();
            } else {
                pollfd p{hostile.fd, POLLOUT, 0};
                ::poll(&p, 1, 50);
            }
            r.sample(srv);
        }
        const qint64 latency = tcpEchoMs(srv.port);
        r.sample(srv);
        hostile.close();
        r.after = settledRss(srv);
        qInfo("TCP flood: sent %.1f MiB before the server paused; %s; other client's echo %lld "
              "ms",
              sent / kMB, qPrintable(r.text()), latency);
        QVERIFY2(sent < 100LL * (1 << 20), "the server kept reading a peer that never reads");
        QVERIFY(latency >= 0 && latency < 1000);
        QVERIFY2(r.peak - r.before < 50 * kMB, qPrintable(r.text()));
        QVERIFY2(r.after - r.before < 50 * kMB, qPrintable(r.text()));
        const auto evs = srv.evs();
        QVERIFY(testutil::has(evs, {QStringLiteral("tcp-conn-1"), QStringLiteral("pause")}));
        QVERIFY2(srv.stopCleanly(), srv.proc.report());
    }

    // WebSocket echo: 1 MB messages, never read. Today RSS 306 -> 811 MB for 400 of them.
    void wsBigMessagesNeverRead()
    {
        Server srv;
        QVERIFY2(
            srv.start({QStringLiteral("ws"), QStringLiteral("serve")}, QStringLiteral("ws-server")),
            srv.proc.report());
        Rss r;
        r.before = r.peak = srv.rss();
        Sock hostile;
        QVERIFY(hostile.connectTo(srv.port));
        QVERIFY(hostile.sendAll(upgradeRequest(kGoodKey)));
        QByteArray head;
        QVERIFY(hostile.readUntil(&head, headDone));
        QVERIFY(head.startsWith("HTTP/1.1 101"));
        const QByteArray frame = clientFrame(2, QByteArray(1000 * 1000, 'm'));
        int messages = 0;
        qint64 off = 0;
        QElapsedTimer t;
        t.start();
        QElapsedTimer stalled;
        stalled.start();
        while (messages < 400 && t.elapsed() < 10000 && stalled.elapsed() < 1500) {
            const qint64 n = hostile.sendSome(frame.constData() + off, frame.size() - off);
            QVERIFY(n >= 0);
            if (n > 0) {
                off += n;
                stalled.restart();
                if (off == frame.size()) {
                    off = 0;
                    ++messages;
                }
            } else {
                pollfd p{hostile.fd, POLLOUT, 0};
                ::poll(&p, 1, 50);
            }
            r.sample(srv);
        }
        const qint64 latency = wsEchoMs(srv.port);
        r.sample(srv);
        hostile.close();
        r.after = settledRss(srv);
        qInfo("WebSocket big messages: %d sent before the server paused; %s; other client's "
              "echo %lld ms",
              messages, qPrintable(r.text()), latency);
        QVERIFY2(messages < 100, "the server kept reading a peer that never reads");
        QVERIFY(latency >= 0 && latency < 1000);
        QVERIFY2(r.peak - r.before < 60 * kMB, qPrintable(r.text()));
        QVERIFY2(r.after - r.before < 50 * kMB, qPrintable(r.text()));
        QVERIFY(testutil::has(srv.evs(), {QStringLiteral("ws-conn-1"), QStringLiteral("pause")}));
        QVERIFY2(srv.stopCleanly(), srv.proc.report());
    }

    // WebSocket: 100,000 pings from one client. Today RSS 95 -> 306 MB, kept, and another
    // client's echo took 1.9 s.
    void wsPingFlood()
    {
        Server srv;
        QVERIFY2(
            srv.start({QStringLiteral("ws"), QStringLiteral("serve")}, QStringLiteral("ws-server")),
            srv.proc.report());
        Rss r;
        r.before = r.peak = srv.rss();
        Sock hostile;
        QVERIFY(hostile.connectTo(srv.port));
        QVERIFY(hostile.sendAll(upgradeRequest(kGoodKey)));
        QByteArray head;
        QVERIFY(hostile.readUntil(&head, headDone));
        const QByteArray ping = clientFrame(9, "p");
        QByteArray batch;
        for (int i = 0; i < 1000; ++i)
            batch += ping;
        QElapsedTimer t;
        t.start();
        int sent = 0;
        for (; sent < 100 && t.elapsed() < 8000; ++sent) {
            if (!hostile.sendAll(batch, 2000))
                break;
            r.sample(srv);
        }
        const qint64 latency = wsEchoMs(srv.port);
        r.sample(srv);
        hostile.close();
        r.after = settledRss(srv);
        qInfo("WebSocket %d pings: %s; other client's echo %lld ms", sent * 1000,
              qPrintable(r.text()), latency);
        QVERIFY(latency >= 0 && latency < 1000);
        QVERIFY2(r.after - r.before < 50 * kMB, qPrintable(r.text()));
        QTRY_VERIFY_WITH_TIMEOUT(
            testutil::has(srv.evs(), {QStringLiteral("ws-conn-1"), QStringLiteral("error"),
                                      QString(), QString(), QStringLiteral("WS_CONTROL_FLOOD")}),
            5000);
        QVERIFY2(srv.stopCleanly(), srv.proc.report());
    }

    // WebSocket: the key must be 16 bytes in base64. Today: 101 / TCP closed, no answer.
    void wsBadKeys()
    {
        Server srv;
        QVERIFY2(
            srv.start({QStringLiteral("ws"), QStringLiteral("serve")}, QStringLiteral("ws-server")),
            srv.proc.report());
        const QList<QByteArray> keys = {"Sec-WebSocket-Key: short\r\n", "Sec-WebSocket-Key: \r\n",
                                        QByteArray()};
        for (const QByteArray& k : keys) {
            const QByteArray got = rawRequest(srv.port, upgradeRequest(k));
            QVERIFY2(got.startsWith("HTTP/1.1 400"), got.constData());
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            int(testutil::filter(srv.evs(), {QString(), QStringLiteral("error"), QString(),
                                             QString(), QStringLiteral("WS_BAD_KEY")})
                    .size()),
            3, 5000);
        QVERIFY(wsEchoMs(srv.port) >= 0); // a good key still works
        QVERIFY2(srv.stopCleanly(), srv.proc.report());
    }

    // WebSocket: valid text "ok€" split inside the € across two fragments. Today: closed 1007.
    void wsTextSplitInsideACharacter()
    {
        Server srv;
        QVERIFY2(
            srv.start({QStringLiteral("ws"), QStringLiteral("serve")}, QStringLiteral("ws-server")),
            srv.proc.report());
        Sock s;
        QVERIFY(s.connectTo(srv.port));
        QVERIFY(s.sendAll(upgradeRequest(kGoodKey)));
        QByteArray got;
        QVERIFY(s.readUntil(&got, headDone));
        QVERIFY(got.startsWith("HTTP/1.1 101"));
        got.clear();
        QVERIFY(s.sendAll(clientFrame(1, "ok\xe2", false)));
        QTest::qWait(100); // two TCP segments, as a slow client would send them
        QVERIFY(s.sendAll(clientFrame(0, "\x82\xac")));
        // The echo: one text frame "ok€" (0x81, 5 bytes), not a close frame with 1007.
        QVERIFY2(s.readUntil(&got, [](const QByteArray& b) { return b.size() >= 7; }),
                 got.toHex().constData());
        QCOMPARE(got.left(7), QByteArray("\x81\x05ok\xe2\x82\xac"));
        QVERIFY2(srv.stopCleanly(), srv.proc.report());
    }

    // HTTP --site: pipelined GETs of a 30 MiB file, never read. Today RSS -> 1.88 GB and
    // another client's curl took 11.9 s.
    void httpPipelinedBigFileNeverRead()
    {
        QTemporaryDir site;
        QVERIFY(site.isValid());
        {
            QFile big(site.filePath(QStringLiteral("big.bin")));
            QVERIFY(big.open(QIODevice::WriteOnly));
            const QByteArray mb(1 << 20, 'b');
            for (int i = 0; i < 30; ++i)
                big.write(mb);
            QFile index(site.filePath(QStringLiteral("index.html")));
            QVERIFY(index.open(QIODevice::WriteOnly));
            index.write("<h1>hello</h1>\n");
        }
        Server srv;
        QVERIFY2(srv.start({QStringLiteral("http"), QStringLiteral("serve"),
                            QStringLiteral("--site"), site.path()},
                           QStringLiteral("http-server")),
                 srv.proc.report());
        Rss r;
        r.before = r.peak = srv.rss();
        Sock hostile;
        QVERIFY(hostile.connectTo(srv.port));
        QByteArray requests;
        for (int i = 0; i < 40; ++i)
            requests += "GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n";
        QVERIFY(hostile.sendAll(requests));
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 3000) {
            QTest::qWait(100);
            r.sample(srv);
        }
        const auto [status, latency] = httpGet(srv.port);
        r.sample(srv);
        hostile.close();
        r.after = settledRss(srv);
        qInfo("HTTP 40 pipelined 30 MiB GETs, never read: %s; other client's GET %d in %lld ms",
              qPrintable(r.text()), status, latency);
        QCOMPARE(status, 200);
        QVERIFY(latency < 1000);
        QVERIFY2(r.peak - r.before < 50 * kMB, qPrintable(r.text()));
        QVERIFY2(r.after - r.before < 50 * kMB, qPrintable(r.text()));
        QVERIFY(testutil::has(srv.evs(), {QStringLiteral("http-conn-1"), QStringLiteral("pause")}));
        QVERIFY2(srv.stopCleanly(), srv.proc.report());
    }

    // HTTP slowloris: 200 connections from another machine, 1 byte a second. Today other
    // clients got 503 for the first ~8 s.
    void httpSlowloris()
    {
        Server srv;
        QVERIFY2(srv.start({QStringLiteral("http"), QStringLiteral("serve")},
                           QStringLiteral("http-server")),
                 srv.proc.report());
        std::vector<std::unique_ptr<Sock>> slow;
        for (int i = 0; i < 200; ++i) {
            auto s = std::make_unique<Sock>();
            if (s->connectTo(srv.port, "127.0.0.2"))
                slow.push_back(std::move(s));
        }
        QVERIFY(slow.size() >= 150);
        const QByteArray dribble = "GET / HTTP/1.1\r\nHost: localhost\r\n";
        std::vector<std::pair<int, qint64>> tries;
        QElapsedTimer t;
        t.start();
        for (int second = 0; second < 3; ++second) {
            for (auto& s : slow)
                s->sendSome(dribble.constData() + second, 1);
            tries.push_back(httpGet(srv.port));
            QTest::qWait(1000);
        }
        int served = 0;
        QStringList shown;
        for (const auto& [status, ms] : tries) {
            served += status == 200 && ms < 1000;
            shown << QStringLiteral("%1 in %2 ms").arg(status).arg(ms);
        }
        qInfo("HTTP slowloris (200 from 127.0.0.2): the other client got %s",
              qPrintable(shown.join(QStringLiteral(", "))));
        QCOMPARE(served, int(tries.size()));
        slow.clear();
        QVERIFY2(srv.stopCleanly(), srv.proc.report());
    }

    // HTTP: 100 silent connections that reconnect as soon as they are closed. Today other
    // clients got 503 on 47 of 47 tries over 25 s.
    void httpSilentReconnectors()
    {
        Server srv;
        QVERIFY2(srv.start({QStringLiteral("http"), QStringLiteral("serve"),
                            QStringLiteral("--request-timeout"), QStringLiteral("1000")},
                           QStringLiteral("http-server")),
                 srv.proc.report());
        std::vector<std::unique_ptr<Sock>> silent(100);
        auto refill = [&] {
            for (auto& s : silent) {
                QByteArray scratch;
                if (s && s->readSome(&scratch))
                    continue;
                s = std::make_unique<Sock>();
                s->connectTo(srv.port, "127.0.0.2");
            }
        };
        refill();
        int served = 0, tries = 0;
        qint64 worst = 0;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 4000) {
            refill();
            const auto [status, ms] = httpGet(srv.port);
            ++tries;
            served += status == 200;
            worst = std::max(worst, ms);
            QTest::qWait(250);
        }
        qInfo("HTTP 100 silent reconnectors (127.0.0.2): the other client got 200 on %d of %d "
              "tries, the slowest in %lld ms",
              served, tries, worst);
        QCOMPARE(served, tries);
        silent.clear();
        QVERIFY2(srv.stopCleanly(), srv.proc.report());
    }

    // HTTP: many keep-alive connections from this machine itself (a browser, curl, `wrk -c50`
    // beside the app) are not held to one machine's share: every one is answered, twice, and
    // none is evicted. (Before: `wrk -c50` got ~30 requests/s, the rest evicted as "over share".)
    void httpManyLocalClientsServed()
    {
        Server srv;
        QVERIFY2(srv.start({QStringLiteral("http"), QStringLiteral("serve")},
                           QStringLiteral("http-server")),
                 srv.proc.report());
        const QByteArray req = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";
        auto answered = [](const QByteArray& b, int n) {
            return b.count("HTTP/1.1 200 OK") >= n && b.endsWith("</html>\n");
        };
        std::vector<std::unique_ptr<Sock>> socks;
        for (int i = 0; i < 60; ++i) {
            socks.push_back(std::make_unique<Sock>());
            QVERIFY(socks.back()->connectTo(srv.port));
        }
        for (int round = 1; round <= 2; ++round) {
            int ok = 0;
            for (auto& s : socks) {
                QByteArray got;
                if (s->sendAll(req) &&
                    s->readUntil(&got, [&](const QByteArray& b) { return answered(b, 1); }))
                    ++ok;
            }
            qInfo("HTTP 60 keep-alive connections from 127.0.0.1, round %d: %d answered 200", round,
                  ok);
            QCOMPARE(ok, 60);
        }
        QVERIFY(!testutil::has(srv.evs(), {QString(), QStringLiteral("drop")}));
        socks.clear();
        QVERIFY2(srv.stopCleanly(), srv.proc.report());
    }

    // HTTP: at the limit, the oldest idle connection gives way to a new client, with a `drop`
    // event that says so. Today: 503 for the newcomer.
    void httpOldestIdleGivesWay()
    {
        Server srv;
        QVERIFY2(srv.start({QStringLiteral("http"), QStringLiteral("serve"),
                            QStringLiteral("--max-connections"), QStringLiteral("8")},
                           QStringLiteral("http-server")),
                 srv.proc.report());
        // Four machines (127.0.0.2-5) with two idle connections each: every slot is taken,
        // and no machine holds more than its share (a quarter).
        std::vector<std::unique_ptr<Sock>> idle;
        for (int i = 0; i < 8; ++i) {
            idle.push_back(std::make_unique<Sock>());
            const QByteArray from = "127.0.0." + QByteArray::number(2 + i / 2);
            QVERIFY(idle.back()->connectTo(srv.port, from.constData()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            int(testutil::filter(srv.evs(), {QString(), QStringLiteral("connection")}).size()), 8,
            5000);
        QVERIFY(!testutil::has(srv.evs(), {QString(), QStringLiteral("drop")}));
        const auto [status, ms] = httpGet(srv.port);
        qInfo("HTTP 8 idle of 8: a new client got %d in %lld ms", status, ms);
        QCOMPARE(status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(testutil::has(srv.evs(), {QString(), QStringLiteral("drop")}),
                                 5000);
        const auto drops = testutil::filter(srv.evs(), {QString(), QStringLiteral("drop")});
        QVERIFY(drops.front().extra.value(QStringLiteral("evicted")).toBool());
        QCOMPARE(drops.front().socket, QStringLiteral("http-conn-1")); // the oldest
        idle.clear();
        QVERIFY2(srv.stopCleanly(), srv.proc.report());
    }

    // HTTP: thousands of short connections and big headers; the memory comes back. Today
    // RSS +37 MB (5,000 connections) / +284 MB (15,000 requests with a 15 KB header), kept.
    void httpMemoryComesBack()
    {
        Server srv;
        QVERIFY2(srv.start({QStringLiteral("http"), QStringLiteral("serve")},
                           QStringLiteral("http-server")),
                 srv.proc.report());
        Rss r;
        r.before = r.peak = srv.rss();
        QElapsedTimer t;
        t.start();
        int conns = 0;
        for (; conns < 2000 && t.elapsed() < 10000; ++conns) {
            Sock s;
            s.connectTo(srv.port);
            if (conns % 200 == 0)
                r.sample(srv);
        }
        const QByteArray bigHeader = "X-Filler: " + QByteArray(15 * 1000, 'h') + "\r\n";
        const QByteArray req = "GET /api/time HTTP/1.1\r\nHost: localhost\r\n" + bigHeader + "\r\n";
        int requests = 0;
        {
            Sock s;
            QVERIFY(s.connectTo(srv.port));
            QByteArray got;
            t.restart();
            for (; requests < 1500 && t.elapsed() < 15000; ++requests) {
                if (!s.sendAll(req))
                    break;
                const qsizetype before = got.size();
                s.readUntil(&got, [before](const QByteArray& b) {
                    return b.size() > before && b.endsWith("}\n");
                });
                if (requests % 100 == 0)
                    r.sample(srv);
            }
        }
        r.after = settledRss(srv);
        qInfo("HTTP %d connect+close and %d requests with a 15 KB header: %s", conns, requests,
              qPrintable(r.text()));
        // Bounded in time: on 2 busy cores a few hundred of each is what fits.
        QVERIFY(conns >= 200 && requests >= 200);
        QVERIFY2(r.after - r.before < 50 * kMB, qPrintable(r.text()));
        QVERIFY2(srv.stopCleanly(), srv.proc.report());
    }

    // HTTP protocol fixes: two Host headers, the 301 body, a path-absolute Location, a file
    // asked as a folder.
    void httpStrictness()
    {
        QTemporaryDir site;
        QVERIFY(site.isValid());
        QVERIFY(QDir(site.path()).mkpath(QStringLiteral("img")));
        {
            QFile f(site.filePath(QStringLiteral("index.html")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("<h1>hi</h1>\n");
        }
        Server srv;
        QVERIFY2(srv.start({QStringLiteral("http"), QStringLiteral("serve"),
                            QStringLiteral("--site"), site.path()},
                           QStringLiteral("http-server")),
                 srv.proc.report());
        QByteArray got = rawRequest(srv.port, "GET / HTTP/1.1\r\nHost: a.test\r\nHost: "
                                              "b.test\r\nConnection: close\r\n\r\n");
        QVERIFY2(got.startsWith("HTTP/1.1 400"), got.left(200).constData());
        got = rawRequest(srv.port, "GET //img HTTP/1.1\r\nHost: localhost\r\nConnection: "
                                   "close\r\n\r\n");
        QVERIFY2(got.startsWith("HTTP/1.1 301"), got.left(200).constData());
        QVERIFY2(got.contains("\r\nLocation: /img/\r\n"), got.left(400).constData());
        got = rawRequest(srv.port, "GET /index.html/ HTTP/1.1\r\nHost: localhost\r\nConnection: "
                                   "close\r\n\r\n");
        QVERIFY2(got.startsWith("HTTP/1.1 404"), got.left(200).constData());
        QVERIFY2(srv.stopCleanly(), srv.proc.report());

        Server demo;
        QVERIFY2(demo.start({QStringLiteral("http"), QStringLiteral("serve")},
                            QStringLiteral("http-server")),
                 demo.proc.report());
        got = rawRequest(demo.port, "GET /\"><script>alert(1)</script> HTTP/1.1\r\nHost: "
                                    "example.test\r\nConnection: close\r\n\r\n");
        QVERIFY2(got.startsWith("HTTP/1.1 301"), got.left(200).constData());
        const QByteArray body = got.mid(got.indexOf("\r\n\r\n"));
        QVERIFY2(!body.contains("<script>"), body.constData());
        QVERIFY2(body.contains("&lt;script&gt;"), body.constData());
        QVERIFY2(demo.stopCleanly(), demo.proc.report());
    }

    // UDP: a flood the reader cannot keep up with. Today 84,439 of 100,000 dropped by the
    // kernel and no event said so.
    void udpFloodDropsReported()
    {
        Server srv;
        QVERIFY2(srv.start({QStringLiteral("udp"), QStringLiteral("serve")},
                           QStringLiteral("udp-server")),
                 srv.proc.report());
        const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(srv.port);
        ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
        const QByteArray d(200, 'u');
        int sent = 0;
        for (int i = 0; i < 100000; ++i)
            sent += ::sendto(fd, d.constData(), size_t(d.size()), 0,
                             reinterpret_cast<sockaddr*>(&to), sizeof to) > 0;
        QTest::qWait(300);
        // One more after the flood: the drop count travels with the datagrams read.
        ::sendto(fd, d.constData(), 1, 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
        ::close(fd);
        qint64 dropped = 0;
        auto droppedSoFar = [&] {
            dropped = 0;
            for (const auto& e : testutil::filter(srv.evs(), {QString(), QStringLiteral("drop")}))
                dropped += e.extra.value(QStringLiteral("dropped")).toInteger();
            return dropped;
        };
        QTRY_VERIFY_WITH_TIMEOUT(droppedSoFar() > 0, 20000);
        const int got = int(
            testutil::filter(srv.evs(), {QStringLiteral("udp-server"), QStringLiteral("message")})
                .size());
        qInfo("UDP flood: %d sent, %d read, the kernel dropped %lld (drop events)", sent, got,
              dropped);
        QVERIFY(got + dropped <= sent + 1);
        QVERIFY2(srv.stopCleanly(), srv.proc.report());
    }

    // `tcp lesson data --loss 30`, then SIGKILL: the table drops nothing for long and the
    // next start removes it. Today it stayed and kept dropping until the next --loss run.
    void lossRuleDiesWithTheProcess()
    {
        if (::geteuid() != 0 || !QFile::exists(QStringLiteral("/usr/sbin/nft")))
            QSKIP("needs root and nft (real loss on loopback)");
        Proc lesson;
        lesson.start(QStringLiteral(NETSTAGE_BIN),
                     {QStringLiteral("tcp"), QStringLiteral("lesson"), QStringLiteral("data"),
                      QStringLiteral("--loss"), QStringLiteral("30"),
                      QStringLiteral("--step-delay"), QStringLiteral("3000")});
        QVERIFY(lesson.p.waitForStarted(10000));
        const QString table = QStringLiteral("netstage_%1").arg(lesson.p.processId());
        auto listing = [&] {
            Proc nft;
            nft.run(
                QStringLiteral("/usr/sbin/nft"),
                {QStringLiteral("list"), QStringLiteral("table"), QStringLiteral("inet"), table},
                5000);
            return nft.out;
        };
        QTRY_VERIFY_WITH_TIMEOUT(listing().contains("elements = {"), 15000);
        ::kill(pid_t(lesson.p.processId()), SIGKILL);
        QVERIFY(lesson.finish(5000));
        QVERIFY(listing().contains("table inet " + table.toLatin1())); // left behind...
        QElapsedTimer t;
        t.start();
        // ...but its port expires: nothing is dropped any more.
        QTRY_VERIFY_WITH_TIMEOUT(!listing().contains("elements = {"), 10000);
        qInfo("Loss rule after SIGKILL: disarmed after %lld ms", t.elapsed());
        Proc start;
        QVERIFY(start.run(QStringLiteral(NETSTAGE_BIN), {QStringLiteral("--version")}, 15000));
        QVERIFY2(!listing().contains("table inet"), "the next start did not remove the table");
    }
};

QTEST_GUILESS_MAIN(TstHostile)
#include "tst_hostile.moc"
