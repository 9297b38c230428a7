// The WebSocket benchmark's client: the same load against any echo server. Plain C++ (no Qt),
// epoll, its own opening handshake and framing, so the client is never what limits the
// measurement.
//
// Usage: ws_load PORT CLIENTS WINDOW SECONDS SIZE
//   CLIENTS connections to ws://127.0.0.1:PORT/, each keeping WINDOW text messages of SIZE bytes
//   in flight: WINDOW 1 measures round trips (send, wait for the echo, send again), a larger
//   WINDOW measures messages per second. Prints one JSON line:
//   {"clients":C,"window":W,"messages":N,"seconds":S,"rate":R,"p50_us":..,"p99_us":..}
#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Conn
{
    int fd = -1;
    bool upgraded = false;
    std::string in;
    std::string out;
    size_t outPos = 0;
    int inFlight = 0;
    std::vector<Clock::time_point> sentAt; // FIFO of send times (window 1: latency)
    size_t sentHead = 0;
};

std::string frame(size_t size)
{
    std::string f;
    f.push_back(char(0x81)); // FIN, text
    if (size < 126) {
        f.push_back(char(0x80 | size));
    } else if (size < 65536) {
        f.push_back(char(0x80 | 126));
        f.push_back(char(size >> 8));
        f.push_back(char(size & 0xff));
    } else {
        f.push_back(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            f.push_back(char((uint64_t(size) >> (8 * i)) & 0xff));
    }
    const unsigned char mask[4] = {0x12, 0x34, 0x56, 0x78};
    f.append(reinterpret_cast<const char*>(mask), 4);
    for (size_t i = 0; i < size; ++i)
        f.push_back(char('a' + i % 26) ^ char(mask[i % 4]));
    return f;
}

bool flush(Conn& c)
{
    while (c.outPos < c.out.size()) {
        const ssize_t n =
            ::send(c.fd, c.out.data() + c.outPos, c.out.size() - c.outPos, MSG_NOSIGNAL);
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK;
        c.outPos += size_t(n);
    }
    c.out.clear();
    c.outPos = 0;
    return true;
}

// Complete data frames at the front of `in`, consumed; -1 on a broken stream.
int takeFrames(std::string& in)
{
    int frames = 0;
    size_t pos = 0;
    for (;;) {
        if (in.size() - pos < 2)
            break;
        const auto b0 = uint8_t(in[pos]), b1 = uint8_t(in[pos + 1]);
        uint64_t len = b1 & 0x7f;
        size_t head = 2;
        if (len == 126) {
            if (in.size() - pos < 4)
                break;
            len = (uint64_t(uint8_t(in[pos + 2])) << 8) | uint8_t(in[pos + 3]);
            head = 4;
        } else if (len == 127) {
            if (in.size() - pos < 10)
                break;
            len = 0;
            for (int i = 0; i < 8; ++i)
                len = (len << 8) | uint8_t(in[pos + 2 + size_t(i)]);
            head = 10;
        }
        if (b1 & 0x80)
            return -1; // a server never masks
        if (in.size() - pos < head + len)
            break;
        const int op = b0 & 0x0f;
        if (op == 1 || op == 2)
            ++frames;
        pos += head + size_t(len);
    }
    in.erase(0, pos);
    return frames;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 6) {
        std::fprintf(stderr, "usage: ws_load PORT CLIENTS WINDOW SECONDS SIZE\n");
        return 2;
    }
    const int port = std::atoi(argv[1]);
    const int clients = std::max(1, std::atoi(argv[2]));
    const int window = std::max(1, std::atoi(argv[3]));
    const double seconds = std::atof(argv[4]);
    const size_t size = size_t(std::max(1, std::atoi(argv[5])));
    const std::string msg = frame(size);
    const std::string request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                "Sec-WebSocket-Version: 13\r\n\r\n";

    const int ep = epoll_create1(0);
    std::vector<Conn> conns(static_cast<size_t>(clients));
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(uint16_t(port));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < clients; ++i) {
        Conn& c = conns[size_t(i)];
        c.fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int one = 1;
        setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        if (::connect(c.fd, reinterpret_cast<sockaddr*>(&to), sizeof(to)) != 0) {
            std::perror("ws_load: connect");
            return 1;
        }
        fcntl(c.fd, F_SETFL, O_NONBLOCK);
        c.out = request;
        flush(c);
        epoll_event e{};
        e.events = EPOLLIN;
        e.data.u32 = uint32_t(i);
        epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &e);
    }

    std::vector<epoll_event> events(size_t(std::min(clients, 1024)));
    char buf[65536];
    int upgraded = 0;
    bool running = false;
    Clock::time_point start, end;
    long done = 0;
    std::vector<double> rtts;
    const auto deadline0 = Clock::now() + std::chrono::seconds(10);
    auto sendOne = [&](Conn& c) {
        c.out += msg;
        ++c.inFlight;
        if (window == 1)
            c.sentAt.push_back(Clock::now());
    };
    for (;;) {
        const auto nowT = Clock::now();
        if (!running && nowT > deadline0) {
            std::fprintf(stderr, "ws_load: only %d of %d connections upgraded\n", upgraded,
                         clients);
            return 1;
        }
        if (running && nowT >= end) {
            bool idle = true;
            for (const Conn& c : conns)
                idle = idle && c.inFlight == 0;
            if (idle || nowT >= end + std::chrono::seconds(5))
                break;
        }
        const int n = epoll_wait(ep, events.data(), int(events.size()), 10);
        for (int k = 0; k < n; ++k) {
            Conn& c = conns[events[size_t(k)].data.u32];
            const ssize_t r = ::recv(c.fd, buf, sizeof(buf), 0);
            if (r <= 0) {
                if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                    continue;
                std::fprintf(stderr, "ws_load: the server closed a connection\n");
                return 1;
            }
            c.in.append(buf, size_t(r));
            if (!c.upgraded) {
                const size_t at = c.in.find("\r\n\r\n");
                if (at == std::string::npos)
                    continue;
                if (c.in.compare(0, 12, "HTTP/1.1 101") != 0) {
                    std::fprintf(stderr, "ws_load: no 101: %.40s\n", c.in.c_str());
                    return 1;
                }
                c.in.erase(0, at + 4);
                c.upgraded = true;
                if (++upgraded == clients) {
                    running = true;
                    start = Clock::now();
                    end = start + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(seconds));
                    for (Conn& d : conns) {
                        for (int w = 0; w < window; ++w)
                            sendOne(d);
                        flush(d);
                    }
                }
                continue;
            }
            const int got = takeFrames(c.in);
            if (got < 0) {
                std::fprintf(stderr, "ws_load: broken frame stream\n");
                return 1;
            }
            const auto t = Clock::now();
            for (int g = 0; g < got; ++g) {
                --c.inFlight;
                ++done;
                if (window == 1 && c.sentHead < c.sentAt.size())
                    rtts.push_back(
                        std::chrono::duration<double, std::micro>(t - c.sentAt[c.sentHead++])
                            .count());
                if (t < end)
                    sendOne(c);
            }
            if (!flush(c)) {
                std::fprintf(stderr, "ws_load: send failed\n");
                return 1;
            }
        }
        // Anything a full socket buffer held back.
        for (Conn& c : conns) {
            if (!c.out.empty())
                flush(c);
        }
    }
    const double secs = std::chrono::duration<double>(Clock::now() - start).count();
    std::sort(rtts.begin(), rtts.end());
    auto pct = [&rtts](double p) {
        return rtts.empty() ? 0.0 : rtts[std::min(rtts.size() - 1, size_t(p * rtts.size()))];
    };
    std::printf("{\"clients\":%d,\"window\":%d,\"messages\":%ld,\"seconds\":%.3f,\"rate\":%.0f,"
                "\"p50_us\":%.1f,\"p99_us\":%.1f}\n",
                clients, window, done, secs, done / secs, pct(0.5), pct(0.99));
    for (Conn& c : conns) {
        const char bye[] = {char(0x88), char(0x82), 0, 0, 0, 0, char(0x03), char(0xe8)};
        ::send(c.fd, bye, sizeof(bye), MSG_NOSIGNAL);
        ::close(c.fd);
    }
    return 0;
}
