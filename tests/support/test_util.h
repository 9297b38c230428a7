#pragma once

// Small helpers shared by the real-socket suites: find events in a timeline or in parsed JSON
// Lines, and describe them when an assertion fails.

#include "core/base/event.h"
#include "core/base/timeline.h"
#include "core/format/json_lines.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace testutil {

using netstage::Event;

// Which events to look for; an empty field matches anything.
struct Match
{
    // Not explicit: tests write {socket, event, source, dir, code, state}, trailing ones left out.
    Match(QString socket_ = {}, QString event_ = {}, QString source_ = {}, QString dir_ = {},
          QString code_ = {}, QString state_ = {})
        : socket(std::move(socket_)), event(std::move(event_)), source(std::move(source_)),
          dir(std::move(dir_)), code(std::move(code_)), state(std::move(state_))
    {
    }
    QString socket;
    QString event;
    QString source;
    QString dir;
    QString code;
    QString state;

    bool operator()(const Event& e) const
    {
        return (socket.isEmpty() || e.socket == socket) && (event.isEmpty() || e.event == event) &&
               (source.isEmpty() || e.source == source) && (dir.isEmpty() || e.dir == dir) &&
               (code.isEmpty() || e.code == code) && (state.isEmpty() || e.state == state);
    }
};

inline std::vector<Event> all(const netstage::Timeline& tl)
{
    std::vector<Event> out;
    out.reserve(tl.size());
    for (quint64 i = tl.firstIndex(); i < tl.endIndex(); ++i)
        out.push_back(tl.at(i));
    return out;
}

// Position of the first match at or after `from`, or -1.
inline int indexOf(const std::vector<Event>& evs, const Match& m, int from = 0)
{
    for (int i = std::max(from, 0); i < int(evs.size()); ++i)
        if (m(evs[size_t(i)]))
            return i;
    return -1;
}
inline int indexOf(const netstage::Timeline& tl, const Match& m, int from = 0)
{
    return indexOf(all(tl), m, from);
}

inline std::vector<Event> filter(const std::vector<Event>& evs, const Match& m)
{
    std::vector<Event> out;
    for (const Event& e : evs)
        if (m(e))
            out.push_back(e);
    return out;
}
inline std::vector<Event> filter(const netstage::Timeline& tl, const Match& m)
{
    return filter(all(tl), m);
}

inline bool has(const std::vector<Event>& evs, const Match& m)
{
    return indexOf(evs, m) >= 0;
}
inline bool has(const netstage::Timeline& tl, const Match& m)
{
    return indexOf(tl, m) >= 0;
}
inline int count(const netstage::Timeline& tl, const Match& m)
{
    return int(filter(tl, m).size());
}

inline std::optional<Event> first(const netstage::Timeline& tl, const Match& m)
{
    const std::vector<Event> f = filter(tl, m);
    if (f.empty())
        return std::nullopt;
    return f.front();
}

// The previews of a socket's app `data` events in one direction, concatenated. Each preview is
// cut at Timeline::kPreviewBytes, so use this for short exchanges only.
inline QByteArray joined(const std::vector<Event>& evs, const QString& socket, const QString& dir)
{
    QByteArray out;
    for (const Event& e : filter(evs, {socket, netstage::ev::Data, netstage::ev::App, dir}))
        out += e.payload;
    return out;
}
inline QByteArray joined(const netstage::Timeline& tl, const QString& socket, const QString& dir)
{
    return joined(all(tl), socket, dir);
}

// Sum of `bytes` of a socket's app `data` events in one direction (exact, unlike previews).
inline qint64 totalBytes(const netstage::Timeline& tl, const QString& socket, const QString& dir)
{
    qint64 n = 0;
    for (const Event& e : filter(tl, {socket, netstage::ev::Data, netstage::ev::App, dir}))
        n += std::max<qint64>(e.bytes, 0);
    return n;
}

// The kernel states observed for a socket, in order.
inline QStringList kernelStates(const std::vector<Event>& evs, const QString& socket)
{
    QStringList out;
    for (const Event& e : filter(evs, {socket, netstage::ev::State, netstage::ev::Kernel}))
        out << e.state;
    return out;
}
inline QStringList kernelStates(const netstage::Timeline& tl, const QString& socket)
{
    return kernelStates(all(tl), socket);
}
inline QString lastKernelState(const netstage::Timeline& tl, const QString& socket)
{
    const QStringList s = kernelStates(tl, socket);
    return s.isEmpty() ? QString() : s.last();
}

// Every event as its JSON line, for failure messages.
inline QByteArray dump(const std::vector<Event>& evs)
{
    QByteArray out;
    for (const Event& e : evs)
        out += netstage::toJsonLine(e);
    return out;
}
inline QByteArray dump(const netstage::Timeline& tl)
{
    return dump(all(tl));
}

// Parses JSON Lines output (e.g. `netstage ... --events -`). Lines that do not parse are
// returned in *bad.
inline std::vector<Event> parseLines(const QByteArray& text, QList<QByteArray>* bad = nullptr)
{
    std::vector<Event> out;
    QList<QByteArray> lines = text.split('\n');
    // A process still running may be in the middle of writing a line: a line counts once its
    // newline has arrived.
    if (!text.endsWith('\n'))
        lines.removeLast();
    for (const QByteArray& line : std::as_const(lines)) {
        if (line.trimmed().isEmpty())
            continue;
        const std::optional<Event> e = netstage::fromJsonLine(line + '\n');
        if (e)
            out.push_back(*e);
        else if (bad)
            bad->append(line);
    }
    return out;
}

} // namespace testutil
