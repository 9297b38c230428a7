#include "ui/log/log_saver.h"

#include "core/format/json_lines.h"

#include <QFutureWatcher>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

namespace netstage {

namespace {
struct SaveResult
{
    bool ok = false;
    qint64 count = 0;
    QString error;
};

SaveResult writeJsonLines(const std::vector<Event>& events, const QString& path)
{
    SaveResult r;
    // QSaveFile: a failed or cancelled write never leaves a half-written log behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        r.error = file.errorString();
        return r;
    }
    QByteArray chunk;
    for (const Event& e : events) {
        chunk += toJsonLine(e);
        if (chunk.size() > (1 << 20)) {
            if (file.write(chunk) != chunk.size()) {
                r.error = file.errorString();
                file.cancelWriting();
                return r;
            }
            chunk.clear();
        }
        ++r.count;
    }
    if (file.write(chunk) != chunk.size() || !file.commit()) {
        r.error = file.errorString();
        return r;
    }
    r.ok = true;
    return r;
}
} // namespace

LogSaver::LogSaver(QObject* parent) : QObject(parent) {}

LogSaver::~LogSaver() = default;

bool LogSaver::save(std::vector<Event> events, const QString& path)
{
    if (busy_)
        return false;
    busy_ = true;
    auto* watcher = new QFutureWatcher<SaveResult>(this);
    connect(watcher, &QFutureWatcher<SaveResult>::finished, this, [this, watcher, path] {
        const SaveResult r = watcher->result();
        watcher->deleteLater();
        busy_ = false;
        emit finished(r.ok, r.count, path, r.error);
    });
    // The vector moves into the task: the worker owns its copy and the GUI keeps going.
    auto shared = std::make_shared<std::vector<Event>>(std::move(events));
    watcher->setFuture(QtConcurrent::run([shared, path] { return writeJsonLines(*shared, path); }));
    return true;
}

QString LogSaver::resultMessage(bool ok, qint64 count, const QString& path, const QString& error)
{
    if (ok)
        return tr("Saved %n event(s) to %1", nullptr, int(count)).arg(path);
    return tr("Could not save the log to %1: %2").arg(path, error);
}

} // namespace netstage
