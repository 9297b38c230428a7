#pragma once

#include "core/base/event.h"

#include <QByteArray>
#include <QIODevice>
#include <QPointer>
#include <optional>

namespace netstage {

class Timeline;

// One event as one JSON line (with the trailing '\n'), docs/EVENTS.md's field names in its
// order, fields that do not apply omitted. "detail" is the event's own sentence or, when it
// has none, Explain::sentence() in the current language.
QByteArray toJsonLine(const Event& e);

// Parses one line written by toJsonLine. Returns nullopt and sets *error for anything else.
std::optional<Event> fromJsonLine(const QByteArray& line, QString* error = nullptr);

// Streams every event appended to a timeline to a device (a file or stdout), one line each,
// flushed as it goes so a reader at the other end of a pipe sees events as they happen.
class JsonLinesWriter
{
public:
    JsonLinesWriter(Timeline* timeline, QIODevice* device);
    ~JsonLinesWriter();
    JsonLinesWriter(const JsonLinesWriter&) = delete;
    JsonLinesWriter& operator=(const JsonLinesWriter&) = delete;
    qint64 written() const { return written_; }

private:
    QPointer<Timeline> timeline_;
    QIODevice* device_;
    int sink_ = 0;
    qint64 written_ = 0;
};

} // namespace netstage
