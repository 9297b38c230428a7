#include "dns_hierarchy.h"

namespace netstage {

DnsHierarchy::DnsHierarchy(Timeline* timeline, QObject* parent)
    : QObject(parent), timeline_(timeline)
{
}
DnsHierarchy::~DnsHierarchy() = default;
bool DnsHierarchy::start(QString*)
{
    running_ = true;
    return true;
}
void DnsHierarchy::stop()
{
    running_ = false;
}

} // namespace netstage
