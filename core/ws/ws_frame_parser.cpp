#include "core/ws/ws_frame_parser.h"

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

} // namespace netstage
