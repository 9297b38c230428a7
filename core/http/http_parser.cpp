#include "core/http/http_parser.h"

#include <cstring>

namespace netstage {

namespace {

// RFC 9110 5.6.2: token characters (method and field names).
bool isTchar(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return true;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != 0;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// "HTTP/1.1" -> 1, 1. Exactly "HTTP/" DIGIT "." DIGIT (RFC 9112 2.3).
bool parseVersion(const char* p, qsizetype n, int* major, int* minor)
{
    if (n != 8 || std::memcmp(p, "HTTP/", 5) != 0 || !isDigit(p[5]) || p[6] != '.' ||
        !isDigit(p[7]))
        return false;
    *major = p[5] - '0';
    *minor = p[7] - '0';
    return true;
}

bool sameName(const QByteArray& a, const char* b)
{
    return qstricmp(a.constData(), b) == 0;
}

} // namespace

HttpParser::HttpParser(Mode mode, const HttpLimits& limits) : mode_(mode), limits_(limits) {}

void HttpParser::append(const QByteArray& bytes)
{
    append(bytes.constData(), bytes.size());
}

void HttpParser::append(const char* data, qsizetype size)
{
    if (error_ != HttpParseError::None || size <= 0)
        return;
    compact();
    buf_.append(data, size);
}

void HttpParser::compact()
{
    // Drop consumed bytes once they are the larger part, so a long keep-alive connection does
    // not grow its buffer and a pipelined burst is not copied once per request.
    if (pos_ > 0 && (pos_ >= buf_.size() || pos_ > 4096)) {
        buf_.remove(0, pos_);
        scan_ -= pos_;
        pos_ = 0;
    }
}

bool HttpParser::hasStarted() const
{
    return consumed_ > 0 || buffered() > 0 || state_ != State::StartLine;
}

bool HttpParser::inHead() const
{
    return state_ == State::StartLine || state_ == State::Headers;
}

bool HttpParser::inBody() const
{
    return !inHead() && state_ != State::Trailers;
}

HttpParser::Result HttpParser::fail(HttpParseError e)
{
    error_ = e;
    return Result::Error;
}

bool HttpParser::takeLine(const char** begin, qsizetype* len, qsizetype* withEnd)
{
    const char* base = buf_.constData();
    if (scan_ < pos_)
        scan_ = pos_;
    const void* nl = std::memchr(base + scan_, '\n', buf_.size() - scan_);
    if (!nl) {
        scan_ = buf_.size();
        return false;
    }
    const qsizetype end = static_cast<const char*>(nl) - base;
    *begin = base + pos_;
    *withEnd = end + 1 - pos_;
    qsizetype n = end - pos_;
    if (n > 0 && base[end - 1] == '\r')
        --n;
    *len = n;
    scan_ = end + 1;
    return true;
}

HttpParser::Result HttpParser::next(HttpMessage* out)
{
    if (error_ != HttpParseError::None)
        return Result::Error;
    for (;;) {
        switch (state_) {
        case State::StartLine: {
            const char* p;
            qsizetype n, withEnd;
            if (!takeLine(&p, &n, &withEnd)) {
                // Say no as soon as the line is too long, not when it finally ends (the +1 is
                // a CR that may end it: the same answer however the bytes are split).
                if (buffered() > limits_.maxStartLine + 1)
                    return fail(mode_ == Mode::Request ? HttpParseError::StartLineTooLong
                                                       : HttpParseError::BadStatus);
                return Result::NeedMore;
            }
            if (n > limits_.maxStartLine)
                return fail(mode_ == Mode::Request ? HttpParseError::StartLineTooLong
                                                   : HttpParseError::BadStatus);
            if (n == 0 && mode_ == Mode::Request && emptyLines_ < 8) {
                ++emptyLines_;
                pos_ += withEnd;
                continue;
            }
            if (std::memchr(p, '\r', n))
                return fail(HttpParseError::BareCR);
            msg_ = HttpMessage();
            const bool ok = mode_ == Mode::Request ? parseRequestLine(p, n) : parseStatusLine(p, n);
            if (!ok)
                return Result::Error;
            pos_ += withEnd;
            consumed_ += withEnd;
            headerBytes_ = 0;
            state_ = State::Headers;
            break;
        }
        case State::Headers:
        case State::Trailers: {
            const bool trailer = state_ == State::Trailers;
            const char* p;
            qsizetype n, withEnd;
            if (!takeLine(&p, &n, &withEnd)) {
                if (headerBytes_ + buffered() > limits_.maxHeaderBytes)
                    return fail(HttpParseError::HeadersTooLarge);
                return Result::NeedMore;
            }
            headerBytes_ += withEnd;
            if (headerBytes_ > limits_.maxHeaderBytes)
                return fail(HttpParseError::HeadersTooLarge);
            if (std::memchr(p, '\r', n))
                return fail(HttpParseError::BareCR);
            pos_ += withEnd;
            consumed_ += withEnd;
            if (n == 0) {
                if (trailer)
                    return complete(out);
                msg_.headBytes = consumed_;
                if (!startBody())
                    return Result::Error;
                if (state_ == State::Headers) // no body
                    return complete(out);
                break;
            }
            if (!parseHeaderLine(p, n, trailer))
                return Result::Error;
            break;
        }
        case State::BodyLength: {
            const qsizetype take = qMin<qint64>(remaining_, buffered());
            msg_.body.append(buf_.constData() + pos_, take);
            pos_ += take;
            consumed_ += take;
            remaining_ -= take;
            if (remaining_ > 0)
                return Result::NeedMore;
            return complete(out);
        }
        case State::ChunkSize: {
            const char* p;
            qsizetype n, withEnd;
            if (!takeLine(&p, &n, &withEnd)) {
                if (buffered() > limits_.maxChunkLine + 1)
                    return fail(HttpParseError::BadChunk);
                return Result::NeedMore;
            }
            if (n > limits_.maxChunkLine)
                return fail(HttpParseError::BadChunk);
            qint64 size = 0;
            qsizetype i = 0;
            for (; i < n; ++i) {
                const int h = hexValue(p[i]);
                if (h < 0)
                    break;
                if (size > (limits_.maxBodyBytes >> 4) + 1)
                    return fail(HttpParseError::BodyTooLarge);
                size = size * 16 + h;
            }
            if (i == 0)
                return fail(HttpParseError::BadChunk);
            // After the digits: optional whitespace, then only extensions (";name=value").
            while (i < n && (p[i] == ' ' || p[i] == '\t'))
                ++i;
            if (i < n && p[i] != ';')
                return fail(HttpParseError::BadChunk);
            for (qsizetype k = i; k < n; ++k) {
                const auto c = static_cast<unsigned char>(p[k]);
                if ((c < 0x20 && c != '\t') || c == 0x7f || c == '\r')
                    return fail(HttpParseError::BadChunk);
            }
            if (msg_.body.size() + size > limits_.maxBodyBytes)
                return fail(HttpParseError::BodyTooLarge);
            pos_ += withEnd;
            consumed_ += withEnd;
            if (size == 0) {
                state_ = State::Trailers;
                break;
            }
            remaining_ = size;
            state_ = State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qsizetype take = qMin<qint64>(remaining_, buffered());
            msg_.body.append(buf_.constData() + pos_, take);
            pos_ += take;
            consumed_ += take;
            remaining_ -= take;
            if (remaining_ > 0)
                return Result::NeedMore;
            state_ = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd: {
            // Exactly CRLF (or a lone LF) after the chunk's bytes: anything else means the
            // size lied, which is how smuggling attempts look.
            if (buffered() < 1)
                return Result::NeedMore;
            const char c0 = buf_[pos_];
            if (c0 == '\n') {
                pos_ += 1;
                consumed_ += 1;
            } else if (c0 == '\r') {
                if (buffered() < 2)
                    return Result::NeedMore;
                if (buf_[pos_ + 1] != '\n')
                    return fail(HttpParseError::BadChunk);
                pos_ += 2;
                consumed_ += 2;
            } else {
                return fail(HttpParseError::BadChunk);
            }
            state_ = State::ChunkSize;
            break;
        }
        case State::BodyUntilClose: {
            if (msg_.body.size() + buffered() > limits_.maxBodyBytes)
                return fail(HttpParseError::BodyTooLarge);
            msg_.body.append(buf_.constData() + pos_, buffered());
            consumed_ += buffered();
            pos_ = buf_.size();
            return Result::NeedMore;
        }
        }
    }
}

HttpParser::Result HttpParser::finish(HttpMessage* out)
{
    if (error_ != HttpParseError::None)
        return Result::Error;
    const Result r = next(out);
    if (r != Result::NeedMore)
        return r;
    if (state_ == State::BodyUntilClose)
        return complete(out);
    if (state_ == State::StartLine && buffered() == 0 && consumed_ == 0)
        return Result::NeedMore; // closed between messages: nothing lost
    return fail(HttpParseError::Truncated);
}

bool HttpParser::parseRequestLine(const char* p, qsizetype n)
{
    const char* sp1 = static_cast<const char*>(std::memchr(p, ' ', n));
    if (!sp1) {
        fail(HttpParseError::BadStartLine);
        return false;
    }
    const qsizetype methodLen = sp1 - p;
    if (methodLen == 0) {
        fail(HttpParseError::BadStartLine);
        return false;
    }
    for (qsizetype i = 0; i < methodLen; ++i) {
        if (!isTchar(static_cast<unsigned char>(p[i]))) {
            fail(HttpParseError::BadMethod);
            return false;
        }
    }
    const char* t = sp1 + 1;
    const char* end = p + n;
    const char* sp2 = static_cast<const char*>(std::memchr(t, ' ', end - t));
    if (!sp2) {
        fail(HttpParseError::BadStartLine);
        return false;
    }
    if (sp2 == t) {
        fail(HttpParseError::BadTarget);
        return false;
    }
    for (const char* c = t; c < sp2; ++c) {
        const auto u = static_cast<unsigned char>(*c);
        if (u <= 0x20 || u >= 0x7f) {
            fail(HttpParseError::BadTarget);
            return false;
        }
    }
    const char* v = sp2 + 1;
    if (std::memchr(v, ' ', end - v)) {
        // Three spaces or more: most often a space inside the target.
        fail(HttpParseError::BadTarget);
        return false;
    }
    int major = 0, minor = 0;
    if (!parseVersion(v, end - v, &major, &minor)) {
        fail(HttpParseError::BadVersion);
        return false;
    }
    if (major != 1) {
        fail(major == 0 ? HttpParseError::BadVersion : HttpParseError::UnsupportedVersion);
        return false;
    }
    msg_.method = QByteArray(p, methodLen);
    msg_.target = QByteArray(t, sp2 - t);
    msg_.versionMajor = major;
    msg_.versionMinor = minor;
    return true;
}

bool HttpParser::parseStatusLine(const char* p, qsizetype n)
{
    int major = 0, minor = 0;
    if (n < 12 || !parseVersion(p, 8, &major, &minor) || p[8] != ' ') {
        fail(n >= 8 && std::memcmp(p, "HTTP/", 5) == 0 ? HttpParseError::BadVersion
                                                       : HttpParseError::BadStartLine);
        return false;
    }
    if (major != 1) {
        fail(HttpParseError::UnsupportedVersion);
        return false;
    }
    if (!isDigit(p[9]) || !isDigit(p[10]) || !isDigit(p[11]) || p[9] == '0' ||
        (n > 12 && p[12] != ' ')) {
        fail(HttpParseError::BadStatus);
        return false;
    }
    msg_.status = (p[9] - '0') * 100 + (p[10] - '0') * 10 + (p[11] - '0');
    for (qsizetype i = 13; i < n; ++i) {
        const auto u = static_cast<unsigned char>(p[i]);
        if ((u < 0x20 && u != '\t') || u == 0x7f) {
            fail(HttpParseError::BadStatus);
            return false;
        }
    }
    msg_.reason = n > 13 ? QByteArray(p + 13, n - 13) : QByteArray();
    msg_.versionMajor = major;
    msg_.versionMinor = minor;
    return true;
}

bool HttpParser::parseHeaderLine(const char* p, qsizetype n, bool trailer)
{
    if (p[0] == ' ' || p[0] == '\t') {
        fail(HttpParseError::ObsoleteFold);
        return false;
    }
    const char* colon = static_cast<const char*>(std::memchr(p, ':', n));
    if (!colon || colon == p) {
        fail(HttpParseError::BadHeader);
        return false;
    }
    for (const char* c = p; c < colon; ++c) {
        if (!isTchar(static_cast<unsigned char>(*c))) {
            fail(HttpParseError::BadHeader); // includes a space before the colon (RFC 9112 5.1)
            return false;
        }
    }
    const char* v = colon + 1;
    const char* end = p + n;
    while (v < end && (*v == ' ' || *v == '\t'))
        ++v;
    while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
        --end;
    for (const char* c = v; c < end; ++c) {
        const auto u = static_cast<unsigned char>(*c);
        if ((u < 0x20 && u != '\t') || u == 0x7f) {
            fail(HttpParseError::BadHeaderValue);
            return false;
        }
    }
    if (trailer)
        return true; // trailers are counted against the limits, then dropped
    if (msg_.headers.size() >= limits_.maxHeaderCount) {
        fail(HttpParseError::TooManyHeaders);
        return false;
    }
    msg_.headers.append(HttpHeader{QByteArray(p, colon - p), QByteArray(v, end - v)});
    return true;
}

bool HttpParser::startBody()
{
    // RFC 9112 6.3, in order.
    bool hasTe = false;
    bool chunkedLast = false;
    bool hasCl = false;
    qint64 length = -1;
    for (const HttpHeader& h : std::as_const(msg_.headers)) {
        if (sameName(h.name, "Transfer-Encoding")) {
            hasTe = true;
            const QList<QByteArray> codings = h.value.split(',');
            for (int i = 0; i < codings.size(); ++i) {
                const QByteArray c = codings[i].trimmed();
                if (c.isEmpty())
                    continue;
                const bool isChunked = qstricmp(c.constData(), "chunked") == 0;
                if (chunkedLast && mode_ == Mode::Request) {
                    fail(HttpParseError::BadTransferCoding); // something after chunked
                    return false;
                }
                chunkedLast = isChunked;
            }
        } else if (sameName(h.name, "Content-Length")) {
            // "5" or a repeated "5, 5"; anything else (signs, spaces inside, two values) is
            // refused, as the RFC asks.
            for (const QByteArray& part : h.value.split(',')) {
                const QByteArray v = part.trimmed();
                if (v.isEmpty() || v.size() > 18) {
                    fail(HttpParseError::BadContentLength);
                    return false;
                }
                qint64 x = 0;
                for (const char c : v) {
                    if (!isDigit(c)) {
                        fail(HttpParseError::BadContentLength);
                        return false;
                    }
                    x = x * 10 + (c - '0');
                }
                if (length >= 0 && x != length) {
                    fail(HttpParseError::BadContentLength);
                    return false;
                }
                length = x;
            }
            hasCl = true;
        }
    }

    if (mode_ == Mode::Response) {
        const int s = msg_.status;
        if (nextNoBody_ || (s >= 100 && s < 200) || s == 204 || s == 304) {
            if (s >= 200)
                nextNoBody_ = false; // a 1xx is followed by the real answer
            state_ = State::Headers;
            return true;
        }
        nextNoBody_ = false;
        if (hasTe) {
            msg_.chunked = chunkedLast;
            state_ = chunkedLast ? State::ChunkSize : State::BodyUntilClose;
            return true;
        }
        if (hasCl) {
            if (length > limits_.maxBodyBytes) {
                fail(HttpParseError::BodyTooLarge);
                return false;
            }
            remaining_ = length;
            state_ = length > 0 ? State::BodyLength : State::Headers;
            if (length > 0)
                msg_.body.reserve(length);
            return true;
        }
        state_ = State::BodyUntilClose;
        return true;
    }

    if (hasTe) {
        if (hasCl) {
            fail(HttpParseError::LengthAndChunked);
            return false;
        }
        if (!chunkedLast || msg_.versionMinor == 0) {
            fail(HttpParseError::BadTransferCoding);
            return false;
        }
        msg_.chunked = true;
        state_ = State::ChunkSize;
        return true;
    }
    if (hasCl && length > 0) {
        if (length > limits_.maxBodyBytes) {
            fail(HttpParseError::BodyTooLarge);
            return false;
        }
        remaining_ = length;
        msg_.body.reserve(length);
        state_ = State::BodyLength;
        return true;
    }
    state_ = State::Headers; // no body
    return true;
}

HttpParser::Result HttpParser::complete(HttpMessage* out)
{
    msg_.totalBytes = consumed_;
    if (msg_.headBytes == 0)
        msg_.headBytes = consumed_;
    *out = std::move(msg_);
    msg_ = HttpMessage();
    state_ = State::StartLine;
    consumed_ = 0;
    headerBytes_ = 0;
    remaining_ = 0;
    emptyLines_ = 0;
    return Result::Message;
}

QString HttpParser::errorCode(HttpParseError e)
{
    switch (e) {
    case HttpParseError::None:
        return {};
    case HttpParseError::BadStartLine:
        return QStringLiteral("HPE_INVALID_CONSTANT");
    case HttpParseError::BadMethod:
        return QStringLiteral("HPE_INVALID_METHOD");
    case HttpParseError::BadTarget:
        return QStringLiteral("HPE_INVALID_URL");
    case HttpParseError::BadVersion:
    case HttpParseError::UnsupportedVersion:
        return QStringLiteral("HPE_INVALID_VERSION");
    case HttpParseError::BadStatus:
        return QStringLiteral("HPE_INVALID_STATUS");
    case HttpParseError::BadHeader:
    case HttpParseError::BadHeaderValue:
    case HttpParseError::ObsoleteFold:
        return QStringLiteral("HPE_INVALID_HEADER_TOKEN");
    case HttpParseError::BareCR:
        return QStringLiteral("HPE_LF_EXPECTED");
    case HttpParseError::BadContentLength:
        return QStringLiteral("HPE_INVALID_CONTENT_LENGTH");
    case HttpParseError::LengthAndChunked:
        return QStringLiteral("HPE_UNEXPECTED_CONTENT_LENGTH");
    case HttpParseError::BadTransferCoding:
        return QStringLiteral("HPE_INVALID_TRANSFER_ENCODING");
    case HttpParseError::BadChunk:
        return QStringLiteral("HPE_INVALID_CHUNK_SIZE");
    case HttpParseError::StartLineTooLong:
        return QStringLiteral("HTTP_URI_TOO_LONG");
    case HttpParseError::HeadersTooLarge:
    case HttpParseError::TooManyHeaders:
        return QStringLiteral("HPE_HEADER_OVERFLOW");
    case HttpParseError::BodyTooLarge:
        return QStringLiteral("HTTP_BODY_TOO_LARGE");
    case HttpParseError::Truncated:
        return QStringLiteral("HPE_INVALID_EOF_STATE");
    }
    return {};
}

int HttpParser::statusFor(HttpParseError e)
{
    switch (e) {
    case HttpParseError::StartLineTooLong:
        return 414;
    case HttpParseError::HeadersTooLarge:
    case HttpParseError::TooManyHeaders:
        return 431;
    case HttpParseError::BodyTooLarge:
        return 413;
    case HttpParseError::UnsupportedVersion:
        return 505;
    default:
        return 400;
    }
}

QString HttpParser::sentence(HttpParseError e, const HttpLimits& limits)
{
    switch (e) {
    case HttpParseError::None:
        return {};
    case HttpParseError::BadStartLine:
        return tr("The first line is not an HTTP request line (METHOD, a space, the target, a "
                  "space, HTTP/1.1).");
    case HttpParseError::BadMethod:
        return tr("The method contains characters a method cannot have (letters, digits and "
                  "a few symbols only).");
    case HttpParseError::BadTarget:
        return tr("The request target contains a space, a control byte or a non-ASCII byte; "
                  "such characters must be percent-encoded (%20).");
    case HttpParseError::BadVersion:
        return tr("The version is not written HTTP/<digit>.<digit>.");
    case HttpParseError::UnsupportedVersion:
        return tr("Only HTTP/1.x is spoken as text on this connection (HTTP/2 and 3 use binary "
                  "frames and must be negotiated).");
    case HttpParseError::BadStatus:
        return tr("The status line is not HTTP/1.x, a space and a three-digit status code.");
    case HttpParseError::BadHeader:
        return tr("A header line has no colon, an empty name, or a space before the colon "
                  "(RFC 9112 forbids it: proxies might read it differently).");
    case HttpParseError::BadHeaderValue:
        return tr("A header value contains a control byte.");
    case HttpParseError::ObsoleteFold:
        return tr("A header line starts with whitespace (the obsolete line folding, refused "
                  "by RFC 9112).");
    case HttpParseError::BareCR:
        return tr("A carriage return (CR) is not followed by a line feed (LF).");
    case HttpParseError::BadContentLength:
        return tr("Content-Length is not a plain number, or two different lengths were sent.");
    case HttpParseError::LengthAndChunked:
        return tr("Both Content-Length and Transfer-Encoding were sent. Two framings for one "
                  "body is how request smuggling works, so the request is refused.");
    case HttpParseError::BadTransferCoding:
        return tr("Transfer-Encoding must end with chunked (and needs HTTP/1.1); otherwise the "
                  "end of the body cannot be found.");
    case HttpParseError::BadChunk:
        return tr("A chunk of the chunked body is malformed: its size is not hexadecimal, or "
                  "the CRLF after its data is missing.");
    case HttpParseError::StartLineTooLong:
        return tr("The request line is longer than %n bytes (nginx's limit): 414 URI Too Long.",
                  nullptr, limits.maxStartLine);
    case HttpParseError::HeadersTooLarge:
        return tr("The headers are larger than %n bytes (Node's limit): 431 Request Header "
                  "Fields Too Large.",
                  nullptr, limits.maxHeaderBytes);
    case HttpParseError::TooManyHeaders:
        return tr("More than %n header fields: 431 Request Header Fields Too Large.", nullptr,
                  limits.maxHeaderCount);
    case HttpParseError::BodyTooLarge:
        return tr("The body is larger than %1 bytes (nginx's client_max_body_size): 413 Content "
                  "Too Large.")
            .arg(limits.maxBodyBytes);
    case HttpParseError::Truncated:
        return tr("The connection closed in the middle of a message.");
    }
    return {};
}

} // namespace netstage
