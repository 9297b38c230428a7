#pragma once

#include "core/http/http_message.h"

#include <QCoreApplication>

namespace netstage {

// How much a peer may send before the server says no. The defaults follow nginx and Node:
// a request line longer than nginx's 8 KiB header buffer gets 414; a header section larger
// than Node's 16 KiB (--max-http-header-size) or with more than 100 fields gets 431; a body
// larger than nginx's client_max_body_size (1 MiB) gets 413.
struct HttpLimits
{
    int maxStartLine = 8 * 1024;
    int maxHeaderBytes = 16 * 1024;
    int maxHeaderCount = 100;
    qint64 maxBodyBytes = 1024 * 1024;
    int maxChunkLine = 1024; // "1a3f;name=value": hex size plus extensions
};

// What was wrong with the bytes. Codes follow Node's llhttp (HPE_*) where it has one, so a
// student who met them in Node's 'clientError' recognises them.
enum class HttpParseError
{
    None,
    BadStartLine,       // HPE_INVALID_CONSTANT: not "METHOD SP target SP HTTP/x.y"
    BadMethod,          // HPE_INVALID_METHOD
    BadTarget,          // HPE_INVALID_URL: spaces, control bytes or non-ASCII in the target
    BadVersion,         // HPE_INVALID_VERSION: not HTTP/<digit>.<digit>
    UnsupportedVersion, // HPE_INVALID_VERSION (505): HTTP/2 or later spoken as text
    BadStatus,          // HPE_INVALID_STATUS: a response's status is not three digits
    BadHeader,          // HPE_INVALID_HEADER_TOKEN: no colon, space before it, bad name
    BadHeaderValue,     // HPE_INVALID_HEADER_TOKEN: control bytes in a value
    ObsoleteFold,       // HPE_INVALID_HEADER_TOKEN: a line continued with leading whitespace
    BareCR,             // HPE_LF_EXPECTED: CR not followed by LF
    BadContentLength,   // HPE_INVALID_CONTENT_LENGTH: not digits, or two different values
    LengthAndChunked,   // HPE_UNEXPECTED_CONTENT_LENGTH: both framings (request smuggling)
    BadTransferCoding,  // HPE_INVALID_TRANSFER_ENCODING: chunked missing or not last
    BadChunk,           // HPE_INVALID_CHUNK_SIZE
    StartLineTooLong,   // 414 (nginx's large_client_header_buffers)
    HeadersTooLarge,    // HPE_HEADER_OVERFLOW (431)
    TooManyHeaders,     // HPE_HEADER_OVERFLOW (431)
    BodyTooLarge,       // 413 (nginx's client_max_body_size)
    Truncated,          // HPE_INVALID_EOF_STATE: the peer closed in the middle of a message
};

// An incremental HTTP/1.x parser for requests (server side) or responses (client side).
// Bytes are appended as they arrive in any pieces; next() returns each complete message in
// order, so pipelined requests come out one by one. It never reads past what it was given,
// keeps at most the limits' worth of a head, and stops for good at the first error.
class HttpParser
{
    Q_DECLARE_TR_FUNCTIONS(netstage::HttpParser)
public:
    enum class Mode
    {
        Request,
        Response
    };
    enum class Result
    {
        NeedMore,
        Message,
        Error
    };

    explicit HttpParser(Mode mode, const HttpLimits& limits = {});

    void append(const QByteArray& bytes);
    void append(const char* data, qsizetype size);
    // Completes the next message from what is buffered.
    Result next(HttpMessage* out);
    // The peer closed (end-of-stream). A response read "until close" is complete now;
    // anything else half-received is an error (Truncated).
    Result finish(HttpMessage* out);

    // Response mode: the next response answers HEAD (or is otherwise known to have no body).
    void setNextHasNoBody(bool on) { nextNoBody_ = on; }

    HttpParseError error() const { return error_; }
    bool hasStarted() const; // some bytes of the current message have arrived
    bool inHead() const;     // still reading the start line or the headers
    bool inBody() const;     // the head is complete, the body is still coming
    // The message being read (its head is complete when inBody()).
    const HttpMessage& current() const { return msg_; }
    qsizetype buffered() const { return buf_.size() - pos_; }
    const HttpLimits& limits() const { return limits_; }

    // For the event's code field: "HPE_HEADER_OVERFLOW", "HPE_INVALID_URL"...
    static QString errorCode(HttpParseError e);
    // The status a server answers with: 400, 413, 414, 431 or 505.
    static int statusFor(HttpParseError e);
    // One plain sentence for students (translated).
    static QString sentence(HttpParseError e, const HttpLimits& limits);

private:
    enum class State
    {
        StartLine,
        Headers,
        BodyLength,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        BodyUntilClose,
    };

    Result fail(HttpParseError e);
    // The next complete line at pos_ (without its line end), or false when none yet.
    bool takeLine(const char** begin, qsizetype* len, qsizetype* withEnd);
    bool parseRequestLine(const char* p, qsizetype n);
    bool parseStatusLine(const char* p, qsizetype n);
    bool parseHeaderLine(const char* p, qsizetype n, bool trailer);
    bool startBody();
    Result complete(HttpMessage* out);
    void compact();

    Mode mode_;
    HttpLimits limits_;
    State state_ = State::StartLine;
    QByteArray buf_;
    qsizetype pos_ = 0;  // first byte not consumed
    qsizetype scan_ = 0; // where the search for the next line end resumes
    HttpMessage msg_;
    HttpParseError error_ = HttpParseError::None;
    qint64 consumed_ = 0;    // bytes of the current message consumed so far
    qint64 headerBytes_ = 0; // header section (and trailers) so far
    qint64 remaining_ = 0;   // body or chunk bytes still to come
    int emptyLines_ = 0;     // blank lines before a request line (tolerated, RFC 9112 2.2)
    bool nextNoBody_ = false;
};

} // namespace netstage
