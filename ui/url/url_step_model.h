#pragma once

#include "core/base/event.h"

#include <QAbstractItemModel>
#include <QSet>
#include <QStringList>
#include <vector>

namespace netstage {

// The URL walk's phases as a tree, built only from Timeline events (live, replay and
// recordings alike): one top-level row per phase (a `step` begin event, closed by its end
// event), with its start, duration and sentence; its children are the walk's events that
// happened while it was open: DNS queries and answers, TCP connects and segments, the HTTP
// request and response...
//
// Phases may overlap (sub-resources fetched in parallel): an event goes to the open phase of
// its HTTP exchange or of its connection when one is known, else to the phase begun last.
// Events outside every phase (connections closing after `done`) go to the last phase.
class UrlStepModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        PhaseColumn,
        StartColumn,
        DurationColumn,
        SentenceColumn,
        ColumnCount
    };
    enum Role
    {
        PhaseNameRole = Qt::UserRole + 1, // "dns" (top-level rows)
        RunningRole,                      // bool: begun, not ended (top-level rows)
        EventRole                         // QVariant of Event (child rows)
    };

    struct Phase
    {
        QString phase; // url, cache, dns, connect, request, response, redirect, parse...
        int visit = 1;
        QString host;
        QString url;
        int exchange = 0;
        qint64 beginUs = 0;        // the begin event's time
        qint64 durationUs = -1;    // from the end event (-1: still running)
        QString sentence;          // the end's sentence, or the begin's until it ends
        QJsonObject endExtra;      // the end event's fields (hit, address, status, resources...)
        std::vector<Event> events; // in time order
        QStringList sockets;       // the sockets of its events, in order of appearance
        bool running() const { return durationUs < 0; }
    };

    explicit UrlStepModel(QObject* parent = nullptr);

    // True for the walk's own events by their socket: its steps, its DNS servers, its HTTP
    // connections and its demo site ("url-…", "dns-…", "web-…").
    static bool isWalkEvent(const Event& e);
    // isWalkEvent, and also the far side of the walk's connections (a web server's socket of
    // another name, e.g. the tutorial's site run by the HTTP lab): learnt from the endpoints
    // the walk's clients use. Feed it every event in order.
    class Filter
    {
    public:
        bool take(const Event& e);
        void clear() { endpoints_.clear(); }

    private:
        QSet<QString> endpoints_;
    };
    static bool isStepEvent(const Event& e);
    // "Ask DNS", "Open a TCP connection"... (translated)
    static QString phaseTitle(const QString& phase);
    // "www.example.test/style.css": what a row names of a URL.
    static QString hostAndPath(const QString& url);

    // Takes any events; those not of the walk are ignored. Rows are inserted as they come.
    void addEvents(const std::vector<Event>& events);
    void addEvent(const Event& e);
    void setEvents(const std::vector<Event>& events); // replaces everything
    void clear();

    int phaseCount() const { return int(phases_.size()); }
    const Phase& phase(int row) const { return phases_[std::size_t(row)]; }
    // The row of the phase that is running (the last begun), or -1.
    int runningPhase() const;
    qint64 originUs() const { return originUs_; }
    // Every walk event taken so far, in order (what a recording of the walk holds).
    const std::vector<Event>& walkEvents() const { return all_; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void phaseBegan(int row);
    void phaseEnded(int row);

private:
    void attach(const Event& e);
    int phaseFor(const Event& e) const;
    QString relativeMs(qint64 t_us) const;

    std::vector<Phase> phases_;
    std::vector<int> open_; // rows begun and not ended, in order of beginning
    std::vector<Event> all_;
    Filter filter_;
    qint64 originUs_ = -1;
};

} // namespace netstage
