// The UDP benchmark's sender: the same datagrams, at the same pace, to any server.
// Plain C++ (no Qt), sendmmsg in batches, paced per millisecond, so the sender is never what
// limits the measurement.
//
// Usage: udp_blast HOST PORT COUNT RATE SIZE
//   COUNT datagrams of SIZE bytes ("d<number> " then padding), RATE per second (0 = as fast
//   as the socket takes them). Prints one JSON line: {"sent":N,"seconds":S,"rate":R}.
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

int main(int argc, char** argv)
{
    if (argc != 6) {
        std::fprintf(stderr, "usage: udp_blast HOST PORT COUNT RATE SIZE\n");
        return 2;
    }
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(std::atoi(argv[2])));
    if (inet_pton(AF_INET, argv[1], &to.sin_addr) != 1) {
        std::fprintf(stderr, "udp_blast: %s is not an IPv4 address\n", argv[1]);
        return 2;
    }
    const long count = std::atol(argv[3]);
    const double rate = std::atof(argv[4]);
    const int size = std::max(8, std::atoi(argv[5]));
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof(to)) != 0) {
        std::perror("udp_blast");
        return 1;
    }
    constexpr int kBatch = 32;
    std::vector<std::string> bufs(kBatch, std::string(size_t(size), 'x'));
    mmsghdr msgs[kBatch];
    iovec iov[kBatch];
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    long sent = 0;
    while (sent < count) {
        // Pace: how many should be out by now.
        long allowed = count;
        if (rate > 0) {
            const double elapsed = std::chrono::duration<double>(clock::now() - start).count();
            allowed = std::min(count, long(elapsed * rate) + 1);
            if (allowed <= sent) {
                std::this_thread::sleep_for(std::chrono::microseconds(100));
                continue;
            }
        }
        const int n = int(std::min<long>(kBatch, allowed - sent));
        for (int i = 0; i < n; ++i) {
            std::string& b = bufs[size_t(i)];
            const std::string tag = "d" + std::to_string(sent + i) + " ";
            b.replace(0, std::min(tag.size(), b.size()), tag.substr(0, b.size()));
            iov[i] = {b.data(), b.size()};
            msgs[i] = {};
            msgs[i].msg_hdr.msg_iov = &iov[i];
            msgs[i].msg_hdr.msg_iovlen = 1;
        }
        const int r = ::sendmmsg(fd, msgs, unsigned(n), 0);
        if (r < 0) {
            if (errno == ENOBUFS || errno == EAGAIN || errno == ECONNREFUSED)
                continue; // loopback's queue is full, or the receiver vanished a moment: retry
            std::perror("udp_blast: sendmmsg");
            return 1;
        }
        sent += r;
    }
    const double secs = std::chrono::duration<double>(clock::now() - start).count();
    std::printf("{\"sent\":%ld,\"seconds\":%.6f,\"rate\":%.0f}\n", sent, secs, sent / secs);
    ::close(fd);
    return 0;
}
