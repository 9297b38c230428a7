#include "url_walk.h"

#include "dns_hierarchy.h"
#include "http_client.h"
#include "http_server.h"
#include "kernel_observer.h"
#include "timeline.h"
#include "udp_socket.h"
#include "wire_capture.h"

#include <QTimer>

namespace netstage {

// Skeleton: the API of the contract, so the UI can build against it. The walk follows.
UrlWalk::UrlWalk(Timeline* timeline, KernelObserver* observer, WireCapture* wire, QObject* parent)
    : QObject(parent), timeline_(timeline), observer_(observer), wire_(wire)
{
}

UrlWalk::~UrlWalk() = default;

void UrlWalk::start(const UrlWalkOptions& options)
{
    options_ = options;
    QTimer::singleShot(0, this,
                       [this] { emit finished(false, tr("The URL walk is not built yet.")); });
}

void UrlWalk::next() {}
void UrlWalk::stop() {}
QByteArray UrlWalk::body(const QUrl& url) const
{
    return bodies_.value(url.toString());
}
QString UrlWalk::contentType(const QUrl& url) const
{
    return types_.value(url.toString());
}
quint16 UrlWalk::demoPort() const
{
    return 0;
}
QList<QUrl> UrlWalk::findResources(const QByteArray&, const QUrl&)
{
    return {};
}
QList<QUrl> UrlWalk::findFetches(const QByteArray&, const QUrl&)
{
    return {};
}

} // namespace netstage
