// A small HTTP/1.1 load generator for loopback: C connections, N requests in total, kept alive
// or one connection per request, every answer read in full (Content-Length or chunked) before
// the next request on that connection. One thread, epoll, no library: it must cost less than
// the servers it measures, and measure NetStage and Node exactly the same way.
//
//   http_load --port P [--host-header H] [--path /] [--connections C] [--requests N]
//             [--close] [--warmup N]
// Prints one line of JSON: requests, seconds, rps, latency percentiles (us), errors.
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
    std::string in;
    size_t sent = 0;
    bool connecting = false;
    Clock::time_point start;
};

struct Options
{
    int port = 8080;
    std::string host = "localhost";
    std::string path = "/";
    int connections = 1;
    long requests = 10000;
    bool close = false;
    long warmup = 200;
};

// The length of a complete response at the front of `in`, or 0 when more is needed; -1 when
// the bytes are not a response we understand.
long completeLength(const std::string& in)
{
    const size_t head = in.find("\r\n\r\n");
    if (head == std::string::npos)
        return 0;
    if (in.compare(0, 5, "HTTP/") != 0)
        return -1;
    std::string lower = in.substr(0, head);
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    const size_t cl = lower.find("\r\ncontent-length:");
    if (cl != std::string::npos) {
        const long n = std::strtol(lower.c_str() + cl + 17, nullptr, 10);
        const size_t total = head + 4 + size_t(n);
        return in.size() >= total ? long(total) : 0;
    }
    if (lower.find("\r\ntransfer-encoding: chunked") != std::string::npos) {
        size_t pos = head + 4;
        for (;;) {
            const size_t eol = in.find("\r\n", pos);
            if (eol == std::string::npos)
                return 0;
            const long size = std::strtol(in.c_str() + pos, nullptr, 16);
            if (size == 0) {
                const size_t end = in.find("\r\n\r\n", eol);
                return end == std::string::npos ? 0 : long(end + 4);
            }
            pos = eol + 2 + size_t(size) + 2;
            if (pos > in.size())
                return 0;
        }
    }
    return -1; // no framing: not what these servers send
}

} // namespace

int main(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--port")
            o.port = std::atoi(next());
        else if (a == "--host-header")
            o.host = next();
        else if (a == "--path")
            o.path = next();
        else if (a == "--connections")
            o.connections = std::max(1, std::atoi(next()));
        else if (a == "--requests")
            o.requests = std::max(1L, std::atol(next()));
        else if (a == "--warmup")
            o.warmup = std::max(0L, std::atol(next()));
        else if (a == "--close")
            o.close = true;
        else {
            std::fprintf(stderr, "unknown option %s\n", a.c_str());
            return 2;
        }
    }
    const std::string request = "GET " + o.path + " HTTP/1.1\r\nHost: " + o.host +
                                "\r\nUser-Agent: http_load\r\nAccept: */*\r\n" +
                                (o.close ? "Connection: close\r\n" : "") + "\r\n";
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(o.port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    const int ep = epoll_create1(EPOLL_CLOEXEC);
    std::vector<Conn> conns(size_t(o.connections));
    const long total = o.requests + o.warmup;
    long issued = 0, done = 0, errors = 0;
    std::vector<double> lat;
    lat.reserve(size_t(o.requests));
    Clock::time_point t0 = Clock::now();

    auto open = [&](size_t i) {
        Conn& c = conns[i];
        c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        int one = 1;
        ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        c.in.clear();
        c.sent = 0;
        c.connecting = true;
        const int rc = ::connect(c.fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
        if (rc != 0 && errno != EINPROGRESS) {
            ++errors;
            ::close(c.fd);
            c.fd = -1;
            return false;
        }
        epoll_event e{};
        e.events = uint32_t(EPOLLIN | EPOLLOUT);
        e.data.u64 = i;
        epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &e);
        return true;
    };
    auto closeConn = [&](size_t i) {
        Conn& c = conns[i];
        if (c.fd >= 0) {
            epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
            ::close(c.fd);
        }
        c.fd = -1;
    };
    // Starts the next request on connection i (opening it first when needed).
    auto startRequest = [&](size_t i) {
        if (issued >= total)
            return;
        Conn& c = conns[i];
        ++issued;
        c.start = Clock::now();
        if (c.fd < 0 && !open(i))
            return;
        c.sent = 0;
        if (!c.connecting) {
            const ssize_t n = ::send(c.fd, request.data(), request.size(), MSG_NOSIGNAL);
            if (n > 0)
                c.sent = size_t(n);
        }
        epoll_event e{};
        e.events = EPOLLIN | (c.sent < request.size() ? uint32_t(EPOLLOUT) : 0u);
        e.data.u64 = i;
        epoll_ctl(ep, EPOLL_CTL_MOD, c.fd, &e);
    };

    for (size_t i = 0; i < conns.size(); ++i)
        startRequest(i);
    std::vector<epoll_event> events(size_t(o.connections) + 1);
    if (o.warmup == 0)
        t0 = Clock::now();
    while (done < total && done + errors < total) {
        const int n = epoll_wait(ep, events.data(), int(events.size()), 10000);
        if (n <= 0) {
            std::fprintf(stderr, "http_load: no progress for 10 s\n");
            break;
        }
        for (int k = 0; k < n; ++k) {
            const size_t i = events[size_t(k)].data.u64;
            Conn& c = conns[i];
            if (c.fd < 0)
                continue;
            if (c.connecting && (events[size_t(k)].events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
                int err = 0;
                socklen_t len = sizeof(err);
                getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
                if (err != 0) {
                    ++errors;
                    closeConn(i);
                    startRequest(i);
                    continue;
                }
                c.connecting = false;
            }
            if (c.sent < request.size() && !c.connecting) {
                const ssize_t w =
                    ::send(c.fd, request.data() + c.sent, request.size() - c.sent, MSG_NOSIGNAL);
                if (w > 0)
                    c.sent += size_t(w);
                epoll_event e{};
                e.events = EPOLLIN | (c.sent < request.size() ? uint32_t(EPOLLOUT) : 0u);
                e.data.u64 = i;
                epoll_ctl(ep, EPOLL_CTL_MOD, c.fd, &e);
            }
            if (!(events[size_t(k)].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
                continue;
            char buf[65536];
            bool closed = false;
            for (;;) {
                const ssize_t r = ::recv(c.fd, buf, sizeof(buf), 0);
                if (r > 0) {
                    c.in.append(buf, size_t(r));
                    continue;
                }
                if (r == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
                    closed = true;
                break;
            }
            const long len = completeLength(c.in);
            if (len > 0) {
                const double us =
                    std::chrono::duration<double, std::micro>(Clock::now() - c.start).count();
                ++done;
                if (done == o.warmup)
                    t0 = Clock::now(); // the clock starts once the warm-up is answered
                else if (done > o.warmup)
                    lat.push_back(us);
                c.in.erase(0, size_t(len));
                if (o.close || closed)
                    closeConn(i);
                startRequest(i);
            } else if (len < 0 || closed) {
                ++errors;
                closeConn(i);
                startRequest(i);
            }
        }
    }
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    std::sort(lat.begin(), lat.end());
    auto pct = [&](double p) {
        return lat.empty() ? 0.0 : lat[std::min(lat.size() - 1, size_t(p * double(lat.size())))];
    };
    std::printf(
        "{\"requests\":%zu,\"seconds\":%.3f,\"rps\":%.0f,\"p50_us\":%.0f,\"p90_us\":%.0f,"
        "\"p99_us\":%.0f,\"max_us\":%.0f,\"errors\":%ld,\"connections\":%d,\"keepalive\":%s}\n",
        lat.size(), secs, double(lat.size()) / secs, pct(0.5), pct(0.9), pct(0.99),
        lat.empty() ? 0.0 : lat.back(), errors, o.connections, o.close ? "false" : "true");
    for (Conn& c : conns) {
        if (c.fd >= 0)
            ::close(c.fd);
    }
    ::close(ep);
    return errors > 0 ? 1 : 0;
}
