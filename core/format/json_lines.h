#pragma once

#include "core/base/event.h"

#include <QByteArray>
#include <QIODevice>
#include <QPointer>
#include <optional>

namespace netstage {

class Timeline;

// One event as one JSON line (with the trailing '\n'), docs/EVENTS.md's field names in its
// order, fields that do not apply omitted. Files carry facts, screens carry sentences:
// "detail" is only the event's own sentence (an error's reason, a lesson step's title). With
// `explain` (--explain, for people reading a stream) an event without one gets
// Explain::sentence() in the current language; recordings and --events leave it out, so the
// sentence is made when the event is shown, in the language on the screen.
QByteArray toJsonLine(const Event& e, bool explain = false);

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
