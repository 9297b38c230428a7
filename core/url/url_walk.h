#pragma once

#include "core/base/event.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>
#include <vector>

class QTimer;

namespace netstage {

class DnsHierarchy;
class HttpClient;
class HttpServer;
class KernelObserver;
class Timeline;
class WireCapture;
struct HttpExchange;

struct UrlWalkOptions
{
    QUrl url;              // empty -> http://example.test:<demo port>/ on the built-in site
    int visits = 1;        // --visits
    int stepDelayMs = 0;   // pause between phases at real speed (0 = real time)
    bool stepMode = false; // wait for next() before each phase
    int maxConnectionsPerHost = 6;
    int timeoutMs = 10000; // per request and per DNS question
};

// What happens after you type a URL, on real sockets: the browser's walk from the URL to the
// rendered page, phase by phase, each a `step` event (proto "url", socket "url-walk") with a
// sentence, its start and duration:
//   url         the URL taken apart (scheme, host, port, path)
//   cache       the browser's DNS cache, then the system's (the hosts file)
//   dns         on a miss: a real resolution over UDP through the DNS hierarchy this walk
//               starts on loopback (resolver -> root -> .test -> example.test), or the system
//               resolver for names outside .test
//   connect     the TCP handshake (HttpClient's connection "url-client-N")
//   request     the GET handed to the kernel
//   response    until the last byte of the answer
//   redirect    a 3xx followed: cache, dns, connect, request, response again for the new URL
//   parse       the HTML scanned for the CSS, scripts and images it names
//   subresource each fetched once, over kept-alive connections, at most
//               maxConnectionsPerHost at once per host
//   async       the request a page script starts with fetch('...') (/api/time on the demo)
//   render      the page ready for the preview
//   done        totals
// With visits > 1 the walk runs again (connections closed in between, as a new tab would),
// so the second visit's name comes from the browser's DNS cache and sends no datagram.
//
// Step mode pauses before every phase the browser starts (not before `response`: the server
// answers when it likes); stepDelayMs pauses that long instead. Pauses are not counted in any
// phase nor in the HTTP timing (they show as `paused_us` there).
class UrlWalk : public QObject
{
    Q_OBJECT
public:
    UrlWalk(Timeline* timeline, KernelObserver* observer = nullptr, WireCapture* wire = nullptr,
            QObject* parent = nullptr);
    ~UrlWalk() override;

    void start(const UrlWalkOptions& options); // non-blocking, all on the event loop
    void next();                               // step mode: run the next phase
    void stop();                               // abort, close sockets, emit finished(false)
    bool running() const { return running_; }

    // What the preview pane needs: the final page and every fetched body by absolute URL.
    QUrl pageUrl() const { return pageUrl_; }
    QByteArray body(const QUrl& url) const;
    QString contentType(const QUrl& url) const;

    // For tests and the CLI summary.
    QUrl startUrl() const { return startUrl_; }
    quint16 demoPort() const; // 0 when the demo site is not running
    int visit() const { return visit_; }
    HttpClient* client() const { return client_.get(); }
    DnsHierarchy* dns() const { return dns_.get(); }
    // The sub-resources the parser found in the last page (absolute URLs, in page order).
    QList<QUrl> resources() const { return resources_; }

    // The sub-resource scanner (a tag/attribute scanner, not a full HTML parser): the URLs of
    // <link href>, <script src>, <img src> (and srcset's first candidate is not read), in
    // order, resolved against base, without duplicates; comments and the text of <script>,
    // <style>, <textarea>, <title> are skipped. See url_walk.cpp for its limits.
    static QList<QUrl> findResources(const QByteArray& html, const QUrl& base);
    // URLs named in literal fetch('...') / fetch("...") calls of a script, resolved.
    static QList<QUrl> findFetches(const QByteArray& script, const QUrl& base);

signals:
    void phaseStarted(const QString& phase, int visit);
    void phaseFinished(const QString& phase, int visit);
    void waitingForNext(const QString& nextPhase); // step mode
    void finished(bool ok, const QString& sentence);

private:
    struct CacheEntry
    {
        QHostAddress address;
        qint64 expiresUs = 0;
        QString via; // "hierarchy" or "system"
    };
    enum class Stage
    {
        Idle,
        Page, // the page request (and its redirects)
        Subresources,
        Async,
        Render,
        Done
    };

    void beginVisit();
    void fetchPage(const QUrl& url);
    void onFinished(const HttpExchange& x);
    void onPageAnswer(const HttpExchange& x);
    void startSubresources();
    void startAsync();
    void render();
    void finishVisit();
    void fail(const QString& sentence);

    // DNS as the browser sees it (HttpClient's resolver hook for every name).
    using Resolved = std::function<void(const QHostAddress&, const QString& error)>;
    void resolveFor(const QString& host, Resolved done);
    void resolvePage(const QString& host, Resolved done);
    // The browser's cache, then the hosts file: *where is "browser", "hosts" or "none".
    QHostAddress lookupCache(const QString& host, QString* where, qint64* ttlLeftS);
    using Looked = std::function<void(const QHostAddress&, const QString& via, quint32 ttl,
                                      const QString& error)>;
    void lookupNetwork(const QString& host, Looked done);
    void remember(const QString& host, const QHostAddress& a, const QString& via, quint32 ttl);
    void loadHostsFile();
    bool ensureDns(QString* error);
    void onRequestSent(int id);
    void onSendGate(int id, std::function<void(qint64 pausedUs)> go);

    // Phases
    void beginPhase(const QString& phase, const QString& sentence, const QJsonObject& extra = {});
    void endPhase(const QString& phase, const QString& sentence, QJsonObject extra = {},
                  qint64 at = -1);
    // Runs fn after the pause before `phase` (step mode: after next()) with the time waited,
    // so HTTP timings can leave it out. At real speed it runs at once.
    void gate(const QString& phase, std::function<void(qint64 waitedUs)> fn);
    Event stepEvent(const QString& phase, const QString& stage, const QString& sentence) const;

    Timeline* timeline_;
    QPointer<KernelObserver> observer_;
    QPointer<WireCapture> wire_;
    UrlWalkOptions options_;
    std::unique_ptr<HttpClient> client_;
    std::unique_ptr<HttpServer> site_;
    std::unique_ptr<DnsHierarchy> dns_;
    QTimer* pauseTimer_ = nullptr;
    std::function<void()> pending_; // what next() runs
    QString pendingPhase_;
    bool running_ = false;
    bool waiting_ = false;
    int visit_ = 0;
    Stage stage_ = Stage::Idle;

    QUrl startUrl_;
    QUrl pageUrl_;
    int pageExchange_ = 0;
    int redirects_ = 0;
    QString currentPhase_;
    qint64 phaseStartUs_ = 0;
    qint64 lastEndUs_ = -1; // end of the last phase of this visit
    qint64 visitStartUs_ = 0;
    qint64 requests_ = 0;
    qint64 bytes_ = 0;
    QSet<QString> connections_;
    QList<QUrl> resources_;
    QSet<int> outstanding_;             // sub-resource or async exchanges not answered yet
    QHash<QString, QByteArray> bodies_; // by absolute URL (string)
    QHash<QString, QString> types_;
    QHash<QString, CacheEntry> browserCache_;
    QHash<QString, QHostAddress> hosts_; // /etc/hosts, read once
    bool hostsLoaded_ = false;
    quint64 gen_ = 0; // bumped by start() and stop(): callbacks of an older walk do nothing
    qint64 pauseStartUs_ = 0;
    bool connectOpen_ = false; // the page request's connect phase has begun
};

} // namespace netstage
