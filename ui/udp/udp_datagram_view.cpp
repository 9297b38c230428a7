#include "ui/udp/udp_datagram_view.h"

#include "core/base/event.h"
#include "core/base/timeline.h"

#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <algorithm>
#include <map>

namespace netstage {

namespace {
const QString kMessage = QStringLiteral("message");
const QString kRelay = QStringLiteral("relay");

// Colours that survive a projector and colour-blind eyes (Okabe-Ito, as the ladder uses).
const QColor kArrived(0x00, 0x9e, 0x73);
const QColor kLate(0xe6, 0x9f, 0x00);
const QColor kLost(0xd5, 0x5e, 0x00);
const QColor kDuplicate(0x56, 0xb4, 0xe9);
const QColor kPending(0x99, 0x99, 0x99);

QString ordinal(int n)
{
    return UdpDatagramView::tr("#%1").arg(n);
}
} // namespace

UdpDatagramView::UdpDatagramView(Timeline* timeline, QWidget* parent)
    : QWidget(parent), timeline_(timeline), timer_(new QTimer(this))
{
    setObjectName(QStringLiteral("udpDatagramView"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("Each row is one datagram a client sent, oldest at the top. The arrow ends at "
                  "the server when it arrived (with the order it arrived in), or stops at the "
                  "relay with a cross when the relay dropped it. UDP itself never tells the "
                  "sender either way."));
    timer_->setInterval(50);
    connect(timer_, &QTimer::timeout, this, &UdpDatagramView::flush);
    if (timeline_) {
        connect(timeline_, &Timeline::cleared, this, &UdpDatagramView::clear);
        seenEnd_ = timeline_->firstIndex();
    }
    timer_->start();
}

UdpDatagramView::~UdpDatagramView() = default;

QSize UdpDatagramView::sizeHint() const
{
    return {560, 320};
}

QSize UdpDatagramView::minimumSizeHint() const
{
    return {360, fontMetrics().height() * 8};
}

void UdpDatagramView::clear()
{
    rows_.clear();
    clientEndpoints_.clear();
    clientIds_.clear();
    arrivals_ = 0;
    seenEnd_ = timeline_ ? timeline_->endIndex() : 0;
    update();
}

int UdpDatagramView::lostCount() const
{
    return int(std::count_if(rows_.begin(), rows_.end(),
                             [](const Row& r) { return r.relay == QLatin1String("drop"); }));
}

int UdpDatagramView::outOfOrderCount() const
{
    return int(
        std::count_if(rows_.begin(), rows_.end(), [](const Row& r) { return r.outOfOrder; }));
}

void UdpDatagramView::flush()
{
    if (!timeline_)
        return;
    const quint64 end = timeline_->endIndex();
    if (end < seenEnd_) {
        clear();
        return;
    }
    for (quint64 i = std::max(seenEnd_, timeline_->firstIndex()); i < end; ++i) {
        if (!timeline_->socketAt(i).startsWith(QLatin1String("udp-")))
            continue;
        apply(timeline_->at(i));
    }
    seenEnd_ = end;
    if (dirty_) {
        dirty_ = false;
        recomputeOrder();
        update();
    }
}

void UdpDatagramView::apply(const Event& e)
{
    if (e.source != ev::App)
        return;
    const bool client = e.socket.startsWith(QLatin1String("udp-client-"));
    if (e.event == ev::Listening) {
        if (e.socket == QLatin1String("udp-server")) {
            serverEndpoint_ = e.local;
        } else if (client) {
            clientIds_ << e.socket;
            clientEndpoints_ << e.local;
        }
        return;
    }
    if (client && e.event == kMessage && e.dir == ev::Out) {
        Row r;
        r.client = e.socket;
        r.payload = e.payload;
        r.bytes = e.bytes;
        r.sentUs = e.t_us;
        if (e.extra.contains(QStringLiteral("via")))
            r.relay = QStringLiteral("pending"); // until the relay decides
        rows_.push_back(r);
        if (rows_.size() > kMaxRows)
            rows_.erase(rows_.begin(), rows_.begin() + std::ptrdiff_t(rows_.size() - kMaxRows));
        dirty_ = true;
        return;
    }
    if (e.event == kRelay &&
        e.extra.value(QStringLiteral("toward")).toString() == QLatin1String("server")) {
        // The relay decides in the order the datagrams reach it, which on loopback is the
        // order each client sent them.
        const int idx = int(clientEndpoints_.indexOf(e.remote));
        const QString who = idx >= 0 ? clientIds_[idx] : QString();
        for (Row& r : rows_) {
            if (r.relay == QLatin1String("pending") && (who.isEmpty() || r.client == who)) {
                r.relay = e.extra.value(QStringLiteral("action")).toString();
                r.delayMs = e.extra.value(QStringLiteral("delay_ms")).toInt();
                dirty_ = true;
                break;
            }
        }
        return;
    }
    if (e.socket == QLatin1String("udp-server") && e.event == kMessage && e.dir == ev::In) {
        // Which datagram is this? The oldest with this content still expected: a relayed one
        // when it came from the relay, the sender's own when it came straight from a client.
        const int idx = int(clientEndpoints_.indexOf(e.remote));
        const QString direct = idx >= 0 ? clientIds_[idx] : QString();
        for (Row& r : rows_) {
            if (r.payload != e.payload || r.relay == QLatin1String("drop"))
                continue;
            if (!direct.isEmpty() ? (r.client != direct || !r.relay.isEmpty()) : r.relay.isEmpty())
                continue;
            const int expected = r.relay == QLatin1String("duplicate") ? 2 : 1;
            if (r.arrivals >= expected)
                continue;
            if (r.arrivals++ == 0) {
                r.arrivalRank = ++arrivals_;
                r.arrivedUs = e.t_us;
            }
            dirty_ = true;
            break;
        }
    }
}

void UdpDatagramView::recomputeOrder()
{
    // Out of order: it arrived after a datagram its client sent later.
    std::map<QString, int> earliestLater; // client -> smallest arrival rank among later rows
    for (auto it = rows_.rbegin(); it != rows_.rend(); ++it) {
        Row& r = *it;
        r.outOfOrder = false;
        if (r.arrivalRank == 0)
            continue;
        auto found = earliestLater.find(r.client);
        if (found != earliestLater.end() && found->second < r.arrivalRank)
            r.outOfOrder = true;
        if (found == earliestLater.end() || r.arrivalRank < found->second)
            earliestLater[r.client] = r.arrivalRank;
    }
}

void UdpDatagramView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm(font());
    const int lineH = fm.height();
    const int rowH = int(lineH * 1.7);
    const int w = width();

    // Columns: the datagram's label, then the three places it passes.
    const bool anyRelay =
        std::any_of(rows_.begin(), rows_.end(), [](const Row& r) { return !r.relay.isEmpty(); });
    const qreal xClient = w * 0.28;
    const qreal xRelay = w * 0.49;
    const qreal xServer = w * 0.70;

    // Header: the places, then a one-line summary.
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().text().color());
    const int headY = 4;
    auto header = [&](qreal x, const QString& t) {
        const int tw = QFontMetrics(bold).horizontalAdvance(t);
        p.drawText(QPointF(x - tw / 2.0, headY + lineH), t);
    };
    header(xClient, tr("Client"));
    if (anyRelay)
        header(xRelay, tr("Relay"));
    header(xServer, tr("Server"));
    p.setFont(font());
    int sent = int(rows_.size()), arrived = 0, lost = 0, dup = 0, late = 0;
    for (const Row& r : rows_) {
        arrived += r.arrivals > 0;
        lost += r.relay == QLatin1String("drop");
        dup += r.arrivals > 1;
        late += r.outOfOrder;
    }
    const QString summary = tr("%1 sent · %2 arrived · %3 lost · %4 duplicated · %5 out of order")
                                .arg(sent)
                                .arg(arrived)
                                .arg(lost)
                                .arg(dup)
                                .arg(late);
    p.drawText(QRectF(8, headY + lineH + 4, w - 16, lineH + 4), Qt::AlignLeft | Qt::AlignVCenter,
               summary);
    const int top = headY + 2 * lineH + 16;

    // Lanes.
    QPen lanePen(palette().mid().color(), 2, Qt::DashLine);
    p.setPen(lanePen);
    for (qreal x : {xClient, xServer})
        p.drawLine(QPointF(x, top - 4), QPointF(x, height() - 4));
    if (anyRelay)
        p.drawLine(QPointF(xRelay, top - 4), QPointF(xRelay, height() - 4));

    if (rows_.empty()) {
        p.setPen(palette().placeholderText().color());
        p.drawText(QRectF(0, top, w, rowH * 3), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Send datagrams to see what becomes of each one."));
        return;
    }

    // The newest rows that fit, oldest at the top, like time on a ladder.
    const int fit = std::max(1, (height() - top) / rowH);
    const std::size_t first = rows_.size() > std::size_t(fit) ? rows_.size() - std::size_t(fit) : 0;
    // Each client numbers its own datagrams from 1.
    std::map<QString, int> number;
    for (std::size_t i = 0; i < first; ++i)
        ++number[rows_[i].client];
    for (std::size_t i = first; i < rows_.size(); ++i) {
        const Row& r = rows_[i];
        const int n = ++number[r.client];
        const qreal y = top + (i - first) * rowH + rowH / 2.0;
        const bool dropped = r.relay == QLatin1String("drop");
        const bool pending = r.arrivals == 0 && !dropped;
        QColor c = dropped ? kLost : pending ? kPending : r.outOfOrder ? kLate : kArrived;
        if (r.arrivals > 1)
            c = kDuplicate;

        // Label: number and payload.
        QString text = QString::fromUtf8(r.payload);
        text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        const QString label = fm.elidedText(QStringLiteral("%1  %2").arg(ordinal(n), text),
                                            Qt::ElideRight, int(xClient) - 16);
        p.setPen(palette().text().color());
        p.drawText(QRectF(8, y - lineH / 2.0, xClient - 14, lineH),
                   Qt::AlignLeft | Qt::AlignVCenter, label);

        // The arrow: to the relay and a cross when dropped, else on to the server.
        const qreal x2 = dropped ? xRelay : xServer;
        QPen pen(c, 3);
        if (pending)
            pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.drawLine(QPointF(xClient + 4, y), QPointF(x2 - (dropped ? 12 : 6), y));
        if (dropped) {
            const qreal s = 8;
            p.setPen(QPen(kLost, 4));
            p.drawLine(QPointF(xRelay - s, y - s), QPointF(xRelay + s, y + s));
            p.drawLine(QPointF(xRelay - s, y + s), QPointF(xRelay + s, y - s));
        } else {
            QPainterPath head;
            head.moveTo(x2 - 4, y);
            head.lineTo(x2 - 16, y - 7);
            head.lineTo(x2 - 16, y + 7);
            head.closeSubpath();
            p.fillPath(head, c);
        }

        // What the relay did, above the arrow at the relay.
        QString relayNote;
        if (r.relay == QLatin1String("delay"))
            relayNote = tr("+%1 ms").arg(r.delayMs);
        else if (r.relay == QLatin1String("duplicate"))
            relayNote = tr("×2");
        else if (r.relay == QLatin1String("reorder"))
            relayNote = tr("held back");
        else if (dropped)
            relayNote = tr("dropped");
        if (!relayNote.isEmpty()) {
            p.setPen(dropped ? kLost : palette().text().color());
            const int tw = fm.horizontalAdvance(relayNote);
            p.drawText(QPointF(xRelay + (dropped ? 14 : -tw / 2.0), y - 5), relayNote);
        }

        // What the server saw: the order it arrived in.
        QString result;
        if (r.arrivals > 0) {
            result = r.arrivals > 1 ? tr("arrived %1 (twice)").arg(ordinal(r.arrivalRank))
                                    : tr("arrived %1").arg(ordinal(r.arrivalRank));
            if (r.outOfOrder)
                result += tr(", late");
        } else if (pending) {
            result = tr("not (yet) arrived");
        }
        if (!result.isEmpty()) {
            QFont f = font();
            f.setBold(r.outOfOrder || r.arrivals > 1);
            p.setFont(f);
            p.setPen(r.outOfOrder ? kLate.darker(140) : palette().text().color());
            const QFontMetrics rfm(f);
            const QString shown = rfm.elidedText(result, Qt::ElideRight, int(w - xServer) - 10);
            p.drawText(QRectF(xServer + 8, y - lineH / 2.0, w - xServer - 10, lineH),
                       Qt::AlignLeft | Qt::AlignVCenter, shown);
            p.setFont(font());
        }
    }
}

} // namespace netstage
