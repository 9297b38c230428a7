// Google Benchmark: the HTTP parser and the server's answer for the demo page, without sockets,
// to see what one request costs before the network and the event log add theirs.
#include "core/http/http_message.h"
#include "core/http/http_parser.h"
#include "core/http/http_site.h"

#include <benchmark/benchmark.h>

using namespace netstage;

namespace {

const QByteArray kCurlGet = "GET /style.css HTTP/1.1\r\nHost: www.example.test:8080\r\n"
                            "User-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
const QByteArray kBrowserGet =
    "GET / HTTP/1.1\r\nHost: www.example.test:8080\r\nConnection: keep-alive\r\n"
    "Upgrade-Insecure-Requests: 1\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) "
    "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36\r\n"
    "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;"
    "q=0.8\r\nAccept-Encoding: gzip, deflate\r\nAccept-Language: zh-CN,zh;q=0.9,en;q=0.8\r\n\r\n";

void parseOne(benchmark::State& state, const QByteArray& bytes)
{
    HttpParser p(HttpParser::Mode::Request);
    for (auto _ : state) {
        p.append(bytes);
        HttpMessage m;
        if (p.next(&m) != HttpParser::Result::Message)
            state.SkipWithError("no message");
        benchmark::DoNotOptimize(m);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * bytes.size());
}

void BM_ParseCurlGet(benchmark::State& s)
{
    parseOne(s, kCurlGet);
}
void BM_ParseBrowserGet(benchmark::State& s)
{
    parseOne(s, kBrowserGet);
}

void BM_ParsePipelined16(benchmark::State& state)
{
    QByteArray burst;
    for (int i = 0; i < 16; ++i)
        burst += kCurlGet;
    HttpParser p(HttpParser::Mode::Request);
    for (auto _ : state) {
        p.append(burst);
        HttpMessage m;
        int n = 0;
        while (p.next(&m) == HttpParser::Result::Message)
            ++n;
        benchmark::DoNotOptimize(n);
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * 16);
}

void BM_SiteAndSerialize(benchmark::State& state)
{
    HttpSite site;
    HttpSiteRequest r;
    r.method = "GET";
    r.target = "/";
    r.host = "www.example.test:8080";
    r.serverPort = 8080;
    for (auto _ : state) {
        HttpSiteResponse a = site.respond(r);
        HttpHeaders h;
        h.append(HttpHeader{"Date", httpDateNow()});
        h.append(HttpHeader{"Server", "NetStage"});
        h += a.headers;
        h.append(HttpHeader{"Content-Length", QByteArray::number(a.body.size())});
        benchmark::DoNotOptimize(httpSerializeResponse(200, "OK", h, a.body, false));
    }
}

} // namespace

BENCHMARK(BM_ParseCurlGet);
BENCHMARK(BM_ParseBrowserGet);
BENCHMARK(BM_ParsePipelined16);
BENCHMARK(BM_SiteAndSerialize);
BENCHMARK_MAIN();
