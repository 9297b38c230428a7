#pragma once

#include <QByteArray>
#include <QString>
#include <functional>

namespace netstage {

// One WebSocket frame as it crossed the connection (RFC 6455 section 5.2).
struct WsFrame
{
    int opcode = 0; // 0 continuation, 1 text, 2 binary, 8 close, 9 ping, 10 pong
    bool fin = false;
    bool masked = false; // every client-to-server frame must be, no server frame may be
    int rsv = 0;         // RSV1..3 bits (extensions such as permessage-deflate set RSV1)
    qint64 payloadLength = 0;
    qint64 headerLength = 0; // 2 to 14 bytes: the frame's overhead
    QByteArray maskKey;      // the 4 masking bytes, when masked
    QByteArray preview;      // the first bytes of the payload, unmasked
    int closeCode = -1;      // close frames: the status code, when the payload has one
    QString closeReason;     // close frames: the UTF-8 reason after the code

    bool isControl() const { return opcode >= 8; }
    QString opcodeName() const { return WsFrame::opcodeName(opcode); }
    static QString opcodeName(int opcode); // "text", "binary", "close", "ping", "pong"...
};

// Reads frames from a byte stream fed in pieces of any size. It keeps at most the header, a
// preview and control payloads (at most 125 bytes by the RFC), never a whole data payload, so
// watching a 100 MB message costs no more than watching a short one.
class WsFrameParser
{
public:
    explicit WsFrameParser(int previewBytes = 96) : previewBytes_(previewBytes) {}

    using Sink = std::function<void(const WsFrame&)>;
    // Returns false once the stream stops looking like frames (then error() says why, and
    // nothing more is parsed).
    bool feed(const char* data, qint64 size, const Sink& sink);
    bool feed(const QByteArray& bytes, const Sink& sink)
    {
        return feed(bytes.constData(), bytes.size(), sink);
    }
    bool failed() const { return !error_.isEmpty(); }
    QString error() const { return error_; }
    qint64 framesParsed() const { return frames_; }
    bool midFrame() const { return state_ != State::Header || !head_.isEmpty(); }

private:
    enum class State
    {
        Header,
        Payload
    };
    int previewBytes_;
    State state_ = State::Header;
    QByteArray head_;
    WsFrame frame_;
    qint64 remaining_ = 0;
    qint64 offset_ = 0; // payload bytes seen of the current frame
    QByteArray control_;
    QString error_;
    qint64 frames_ = 0;
};

// A client's frames re-cut for QWebSocket (Qt 6.4): its server checks UTF-8 frame by frame with
// a stateless decoder, so a valid text message whose fragments split a character ("ok€" as
// "ok\xe2" + "\x82\xac") is closed with 1007, though RFC 6455 (5.6, 8.1) checks the message
// as a whole. Here the bytes of an incomplete character at the end of a text fragment move to
// the start of the next fragment, so each fragment Qt sees holds whole characters; what is
// invalid stays invalid. Every other frame passes through unchanged as it arrives; a text
// fragment is held until it is whole (at most kMaxHeld bytes; a larger one makes the rest of
// the stream pass through untouched).
class WsUtf8Refragmenter
{
public:
    static constexpr qint64 kMaxHeld = 16 * 1024 * 1024;
    QByteArray feed(const QByteArray& bytes);
    // How many bytes at the end of `text` begin a UTF-8 character that is not complete yet.
    static int incompleteTail(const QByteArray& text);

private:
    QByteArray buf_;
    QByteArray carry_;
    qint64 passRemaining_ = 0; // payload bytes of the current frame still to pass as they are
    bool inText_ = false;      // a fragmented text message is under way
    bool passAll_ = false;
};

} // namespace netstage
