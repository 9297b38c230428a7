#pragma once

#include <QByteArray>
#include <QString>

namespace netstage {

// Hex bytes as people type them, one reading for the command line (--hex) and the window (the
// Hex box): tokens separated by spaces or ':' ("48 65 6c", "48:65:6c", "48656c"), each one may
// start with 0x ("0x48 0x65", "0x48656c"), each holds whole bytes (an even number of digits).
struct HexBytes
{
    enum class Problem
    {
        None,
        NotHex,   // badToken has something other than 0-9, a-f
        OddDigits // badToken has half a byte
    };
    QByteArray bytes;
    Problem problem = Problem::None;
    QString badToken;

    bool ok() const { return problem == Problem::None; }
    static HexBytes parse(const QString& text);
};

} // namespace netstage
