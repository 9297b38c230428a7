#include "core/ws/ws_frame_parser.h"

#include <utility>

namespace netstage {

QString WsFrame::opcodeName(int opcode)
{
    switch (opcode) {
    case 0x0:
        return QStringLiteral("continuation");
    case 0x1:
        return QStringLiteral("text");
    case 0x2:
        return QStringLiteral("binary");
    case 0x8:
        return QStringLiteral("close");
    case 0x9:
        return QStringLiteral("ping");
    case 0xA:
        return QStringLiteral("pong");
    default:
        return QStringLiteral("reserved-0x%1").arg(opcode, 0, 16);
    }
}

bool WsFrameParser::feed(const char* data, qint64 size, const Sink& sink)
{
    qint64 pos = 0;
    while (pos < size || (state_ == State::Payload && remaining_ == 0)) {
        if (failed())
            return false;
        if (state_ == State::Header) {
            // The header is 2 bytes, plus 2 or 8 of extended length, plus 4 of mask.
            const qint64 need0 = 2;
            while (head_.size() < need0 && pos < size)
                head_.append(data[pos++]);
            if (head_.size() < need0)
                return true;
            const auto b0 = quint8(head_[0]);
            const auto b1 = quint8(head_[1]);
            const int len7 = b1 & 0x7f;
            const qint64 need = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((b1 & 0x80) ? 4 : 0);
            while (head_.size() < need && pos < size)
                head_.append(data[pos++]);
            if (head_.size() < need)
                return true;
            frame_ = WsFrame{};
            frame_.fin = b0 & 0x80;
            frame_.rsv = (b0 >> 4) & 0x7;
            frame_.opcode = b0 & 0x0f;
            frame_.masked = b1 & 0x80;
            frame_.headerLength = need;
            qint64 len = len7;
            int at = 2;
            if (len7 == 126) {
                len = (qint64(quint8(head_[2])) << 8) | quint8(head_[3]);
                at = 4;
            } else if (len7 == 127) {
                quint64 v = 0;
                for (int i = 0; i < 8; ++i)
                    v = (v << 8) | quint8(head_[2 + i]);
                if (v >> 63) {
                    error_ = QStringLiteral("payload length has its top bit set");
                    return false;
                }
                len = qint64(v);
                at = 10;
            }
            if (frame_.masked)
                frame_.maskKey = head_.mid(at, 4);
            frame_.payloadLength = len;
            if ((frame_.opcode >= 3 && frame_.opcode <= 7) || frame_.opcode >= 0xB) {
                error_ = QStringLiteral("reserved opcode 0x%1").arg(frame_.opcode, 0, 16);
                return false;
            }
            if (frame_.isControl() && (len > 125 || !frame_.fin)) {
                error_ = QStringLiteral("control frame longer than 125 bytes or fragmented");
                return false;
            }
            head_.clear();
            control_.clear();
            remaining_ = len;
            offset_ = 0;
            state_ = State::Payload;
            continue;
        }
        // Payload: keep a preview (unmasked), and a control frame's whole payload.
        const qint64 take = std::min(remaining_, size - pos);
        const qint64 keep =
            frame_.isControl()
                ? take
                : std::max<qint64>(0, std::min<qint64>(take, previewBytes_ - offset_));
        for (qint64 i = 0; i < keep; ++i) {
            char c = data[pos + i];
            if (frame_.masked)
                c = char(quint8(c) ^ quint8(frame_.maskKey[int((offset_ + i) % 4)]));
            if (frame_.isControl())
                control_.append(c);
            if (offset_ + i < previewBytes_)
                frame_.preview.append(c);
        }
        pos += take;
        offset_ += take;
        remaining_ -= take;
        if (remaining_ > 0)
            return true;
        if (frame_.opcode == 0x8 && control_.size() >= 2) {
            frame_.closeCode = (int(quint8(control_[0])) << 8) | quint8(control_[1]);
            frame_.closeReason = QString::fromUtf8(control_.mid(2));
            frame_.preview = control_.mid(2); // the reason is what reads as text
        }
        state_ = State::Header;
        ++frames_;
        sink(frame_);
    }
    return !failed();
}

int WsUtf8Refragmenter::incompleteTail(const QByteArray& text)
{
    const int n = int(text.size());
    for (int back = 1; back <= 3 && back <= n; ++back) {
        const auto c = uchar(text[n - back]);
        if ((c & 0xC0) == 0x80)
            continue; // a continuation byte: look further back for the lead
        const int need = (c & 0xE0) == 0xC0   ? 2
                         : (c & 0xF0) == 0xE0 ? 3
                         : (c & 0xF8) == 0xF0 ? 4
                                              : 1;
        return need > back ? back : 0;
    }
    return 0;
}

QByteArray WsUtf8Refragmenter::feed(const QByteArray& bytes)
{
    if (passAll_)
        return bytes;
    buf_ += bytes;
    QByteArray out;
    for (;;) {
        if (passRemaining_ > 0) {
            const qint64 n = qMin<qint64>(passRemaining_, buf_.size());
            out += buf_.left(n);
            buf_.remove(0, n);
            passRemaining_ -= n;
            if (passRemaining_ > 0)
                return out;
        }
        if (buf_.size() < 2)
            return out;
        const auto b0 = uchar(buf_[0]);
        const auto b1 = uchar(buf_[1]);
        const int opcode = b0 & 0x0F;
        const bool fin = b0 & 0x80;
        const bool masked = b1 & 0x80;
        qint64 len = b1 & 0x7F;
        int head = 2;
        if (len == 126) {
            if (buf_.size() < 4)
                return out;
            len = (qint64(uchar(buf_[2])) << 8) | uchar(buf_[3]);
            head = 4;
        } else if (len == 127) {
            if (buf_.size() < 10)
                return out;
            len = 0;
            for (int i = 2; i < 10; ++i)
                len = (len << 8) | uchar(buf_[i]);
            head = 10;
        }
        const int keyAt = head;
        head += masked ? 4 : 0;
        if (buf_.size() < head)
            return out;
        const bool textPart = (opcode == 0x1 && !fin) || (opcode == 0x0 && inText_);
        if (!textPart) {
            if (opcode == 0x1 || opcode == 0x0)
                inText_ = false;
            out += buf_.left(head);
            buf_.remove(0, head);
            passRemaining_ = len;
            continue;
        }
        if (len < 0 || len > kMaxHeld) {
            passAll_ = true;
            out += buf_;
            buf_.clear();
            return out;
        }
        if (buf_.size() < head + len)
            return out;
        QByteArray payload = buf_.mid(head, len);
        if (masked) {
            for (qint64 i = 0; i < len; ++i)
                payload[i] = char(payload[i] ^ buf_[keyAt + int(i % 4)]);
        }
        buf_.remove(0, head + len);
        payload.prepend(std::exchange(carry_, {}));
        if (!fin) {
            const int tail = incompleteTail(payload);
            carry_ = payload.right(tail);
            payload.chop(tail);
        }
        inText_ = !fin;
        // The same frame, its payload re-cut, masked with the key 0 (unchanged bytes).
        out += char(b0);
        const qint64 n = payload.size();
        if (n < 126) {
            out += char(0x80 | n);
        } else if (n < 65536) {
            out += char(0x80 | 126);
            out += char(n >> 8);
            out += char(n & 0xFF);
        } else {
            out += char(0x80 | 127);
            for (int i = 7; i >= 0; --i)
                out += char((n >> (8 * i)) & 0xFF);
        }
        out += QByteArray(4, '\0');
        out += payload;
    }
}

} // namespace netstage
