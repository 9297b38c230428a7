#include "core/format/recording.h"

#include "core/format/json_lines.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace netstage {

bool RecordingHeader::operator==(const RecordingHeader& o) const
{
    return version == o.version && appVersion == o.appVersion && lesson == o.lesson &&
           capture == o.capture && created == o.created;
}

QByteArray RecordingFile::headerLine(const RecordingHeader& h)
{
    QJsonObject o;
    o.insert(QStringLiteral("netstage_recording"), h.version);
    o.insert(QStringLiteral("app_version"), h.appVersion);
    o.insert(QStringLiteral("lesson"), h.lesson);
    o.insert(QStringLiteral("capture"), h.capture);
    o.insert(QStringLiteral("created"), h.created.isEmpty()
                                            ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate)
                                            : h.created);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

bool RecordingFile::save(const QString& path, const Recording& rec, QString* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(headerLine(rec.header));
    for (const Event& e : rec.events)
        f.write(toJsonLine(e));
    if (!f.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

std::optional<Recording> RecordingFile::load(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    const QString name = QFileInfo(path).fileName();
    const QByteArray first = f.readLine(1 << 20);
    if (first.trimmed().isEmpty()) {
        *error = tr("%1 is empty: it is not a NetStage recording.").arg(name);
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(first.trimmed());
    const QJsonObject h = doc.object();
    if (!doc.isObject() || !h.contains(QLatin1String("netstage_recording"))) {
        *error = tr("%1 is not a NetStage recording: its first line has no "
                    "\"netstage_recording\" header.")
                     .arg(name);
        return std::nullopt;
    }
    Recording rec;
    rec.header.version = h.value(QLatin1String("netstage_recording")).toInt();
    if (rec.header.version < 1 || rec.header.version > kVersion) {
        *error = tr("%1 uses recording format %2; this NetStage reads format %3.")
                     .arg(name)
                     .arg(rec.header.version)
                     .arg(kVersion);
        return std::nullopt;
    }
    rec.header.appVersion = h.value(QLatin1String("app_version")).toString();
    rec.header.lesson = h.value(QLatin1String("lesson")).toString();
    rec.header.capture = h.value(QLatin1String("capture")).toString();
    rec.header.created = h.value(QLatin1String("created")).toString();
    int lineNo = 1;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        QString why;
        std::optional<Event> e = fromJsonLine(line, &why);
        if (!e) {
            *error = tr("%1, line %2: %3").arg(name).arg(lineNo).arg(why);
            return std::nullopt;
        }
        rec.events.push_back(std::move(*e));
    }
    return rec;
}

} // namespace netstage
