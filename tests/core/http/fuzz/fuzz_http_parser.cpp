// libFuzzer target for the HTTP/1.x parser (requests and responses). Beyond "no crash, no
// sanitizer report" it checks what the server relies on:
//  - the same bytes give the same messages and the same error however they are split;
//  - every message's byte count adds up to what was consumed; limits are never exceeded.
#include "core/http/http_parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using netstage::HttpLimits;
using netstage::HttpMessage;
using netstage::HttpParseError;
using netstage::HttpParser;

namespace {

struct Run
{
    QList<HttpMessage> messages;
    HttpParseError error = HttpParseError::None;
    bool finished = false;
};

Run parse(HttpParser::Mode mode, const HttpLimits& limits, const QByteArray& bytes, int step,
          bool headFirst)
{
    HttpParser p(mode, limits);
    if (headFirst)
        p.setNextHasNoBody(true);
    Run r;
    for (qsizetype i = 0; i < bytes.size() && r.error == HttpParseError::None; i += step) {
        p.append(bytes.mid(i, step));
        for (;;) {
            HttpMessage m;
            const HttpParser::Result res = p.next(&m);
            if (res == HttpParser::Result::Message) {
                r.messages.append(m);
                continue;
            }
            if (res == HttpParser::Result::Error)
                r.error = p.error();
            break;
        }
    }
    if (r.error == HttpParseError::None) {
        HttpMessage m;
        const HttpParser::Result res = p.finish(&m);
        if (res == HttpParser::Result::Message)
            r.messages.append(m);
        else if (res == HttpParser::Result::Error)
            r.error = p.error();
        r.finished = true;
    }
    return r;
}

bool same(const HttpMessage& a, const HttpMessage& b)
{
    if (a.method != b.method || a.target != b.target || a.status != b.status ||
        a.reason != b.reason || a.body != b.body || a.totalBytes != b.totalBytes ||
        a.headers.size() != b.headers.size() || a.versionMinor != b.versionMinor)
        return false;
    for (int i = 0; i < a.headers.size(); ++i) {
        if (a.headers[i].name != b.headers[i].name || a.headers[i].value != b.headers[i].value)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    // First byte: mode, HEAD flag and how to split the rest.
    const uint8_t ctl = data[0];
    const auto mode = (ctl & 1) ? HttpParser::Mode::Response : HttpParser::Mode::Request;
    const bool head = (ctl & 2) != 0;
    const int step = 1 + (ctl >> 2);
    const QByteArray bytes(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    HttpLimits limits;
    limits.maxStartLine = 256;
    limits.maxHeaderBytes = 512;
    limits.maxHeaderCount = 8;
    limits.maxBodyBytes = 1024;

    const Run whole = parse(mode, limits, bytes, int(qMax<qsizetype>(1, bytes.size())), head);
    const Run pieces = parse(mode, limits, bytes, step, head);
    if (whole.error != pieces.error || whole.messages.size() != pieces.messages.size())
        std::abort();
    qint64 consumed = 0;
    for (int i = 0; i < whole.messages.size(); ++i) {
        const HttpMessage& m = whole.messages[i];
        if (!same(m, pieces.messages[i]))
            std::abort();
        if (m.body.size() > limits.maxBodyBytes || m.headers.size() > limits.maxHeaderCount ||
            m.headBytes > m.totalBytes || m.totalBytes <= 0)
            std::abort();
        consumed += m.totalBytes;
    }
    if (consumed > bytes.size())
        std::abort();
    if (whole.error != HttpParseError::None) {
        const int status = HttpParser::statusFor(whole.error);
        if (status < 400 || HttpParser::errorCode(whole.error).isEmpty())
            std::abort();
    }
    return 0;
}
