#pragma once

#include "core/http/http_message.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace netstage {

// What the server is asked, reduced to what a site needs to answer.
struct HttpSiteRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray host; // the Host field ("www.example.test:8080"), may be empty
    int versionMinor = 1;
    quint16 serverPort = 80; // for the redirect's Location
    QByteArray contentType;
    QByteArray body;
    int hostFields = 1; // how many Host fields the request had (more than one is refused)
    // A folder's file is named in the response (file, fileSize), not read: the server streams
    // it in chunks as the client reads.
    bool streamFiles = false;
};

// The answer before the server adds Date, Server, Content-Length and Connection.
struct HttpSiteResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    QString note;         // one sentence for the log ("example.test moved to www.example.test")
    QString file;         // with streamFiles: the file to send as the body (body stays empty)
    qint64 fileSize = -1; // its size when named
};

// The web site behind the HTTP lab: the demo site built into the program (resources/site,
// with /api/time for the page's asynchronous request) or a folder on disk (--site DIR).
//
// Virtual hosts as in the tutorial: a request for example.test is answered with 301 Moved
// Permanently to http://www.example.test:<port>/...; www.example.test, localhost and any
// other name get the site (like nginx's default server).
//
// A folder is served without ever leaving it: the path is percent-decoded exactly once,
// "." segments dropped, ".." refused, hidden names not served, and the file's real path
// (symlinks resolved) must lie inside the folder's real path.
//
// respond() is const and touches no shared state, so a folder site may be asked from a worker
// thread (the server does that, so reading a file never blocks its thread).
class HttpSite
{
    Q_DECLARE_TR_FUNCTIONS(netstage::HttpSite)
public:
    HttpSite(); // the built-in demo site

    // Serve this folder instead. False (and *error) when it is not a readable folder.
    bool setFolder(const QString& dir, QString* error = nullptr);
    void useBuiltIn();
    bool isFolder() const { return !root_.isEmpty(); }
    QString folder() const { return root_; }
    // Files larger than this are not served from a folder (500 with a sentence).
    static constexpr qint64 kMaxFileBytes = 32 * 1024 * 1024;

    HttpSiteResponse respond(const HttpSiteRequest& request) const;

    // The path part of a target, percent-decoded once and split into clean segments.
    // False when it cannot be served safely; *status says which answer (400 or 404) and
    // *why says it in a sentence.
    static bool safeSegments(const QByteArray& path, QStringList* segments, int* status,
                             QString* why);
    // "%41b" -> "Ab"; false on a broken escape or a decoded NUL.
    static bool percentDecode(const QByteArray& in, QByteArray* out);
    // The names of the built-in site's files ("index.html", "img/logo.png"...).
    QStringList builtInFiles() const { return files_.keys(); }

private:
    struct File
    {
        QByteArray bytes;
        QByteArray type;
    };
    HttpSiteResponse fromBuiltIn(const HttpSiteRequest& r, const QStringList& segments,
                                 const QByteArray& query, bool dirSlash) const;
    HttpSiteResponse fromFolder(const HttpSiteRequest& r, const QStringList& segments,
                                const QByteArray& path, const QByteArray& query) const;
    static HttpSiteResponse page(int status, const QString& why);
    static HttpSiteResponse notAllowed(const QByteArray& allow, const QByteArray& method);

    QHash<QString, File> files_; // the built-in site, read once from the resources
    QString root_;               // canonical folder path, empty for the built-in site
};

} // namespace netstage
