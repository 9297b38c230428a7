#pragma once

#include "core/base/event.h"

#include <QObject>
#include <vector>

namespace netstage {

// Writes events as JSON Lines on a worker thread, so a big log never freezes the window.
// The caller gathers the events on the GUI thread (the timeline is single-threaded); the worker
// only formats and writes its own copy.
class LogSaver : public QObject
{
    Q_OBJECT
public:
    explicit LogSaver(QObject* parent = nullptr);
    ~LogSaver() override;

    // Starts writing; finished() follows. Returns false when a save is still running.
    bool save(std::vector<Event> events, const QString& path);
    bool isBusy() const { return busy_; }

    // The message a user sees for a result (also used for the status bar).
    static QString resultMessage(bool ok, qint64 count, const QString& path, const QString& error);

signals:
    void finished(bool ok, qint64 count, const QString& path, const QString& error);

private:
    bool busy_ = false;
};

} // namespace netstage
