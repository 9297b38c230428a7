#pragma once

#include "core/base/event.h"

#include <QCoreApplication>
#include <optional>
#include <vector>

namespace netstage {

// A recording: JSON Lines, a header line first, then one event per line (the same lines as
// --events). It opens on any machine, no network needed.
//   {"netstage_recording":1,"app_version":"0.1.0","lesson":"teardown","capture":"wire",
//    "created":"2026-11-27T21:00:00Z"}
struct RecordingHeader
{
    int version = 1;
    QString appVersion;
    QString lesson;  // the lesson's name, or "" for a free session
    QString capture; // where the arrows come from: "wire" or "model"
    QString created; // ISO 8601, UTC
    bool operator==(const RecordingHeader& o) const;
};

struct Recording
{
    RecordingHeader header;
    std::vector<Event> events;
};

class RecordingFile
{
    Q_DECLARE_TR_FUNCTIONS(netstage::RecordingFile)
public:
    static constexpr int kVersion = 1;
    // Writes atomically (a temporary file renamed over the target), so a failed save never
    // leaves half a file. Returns false with a sentence in *error.
    static bool save(const QString& path, const Recording& rec, QString* error);
    // Reads a recording. A missing, empty, foreign or broken file gives nullopt and a sentence
    // naming the file and, for a broken line, its number.
    static std::optional<Recording> load(const QString& path, QString* error);
    static QByteArray headerLine(const RecordingHeader& h);
};

} // namespace netstage
