#include "ui/ladder/ladder_explainer.h"

#include "core/explain/explain.h"
#include "ui/ladder/ladder_view.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace netstage {

namespace {

bool hasFlag(const QString& flags, const char* flag)
{
    return flags.split(QLatin1Char(',')).contains(QLatin1String(flag));
}

// "x+1", "y", "x-1": a textbook number.
QString letterPlus(const QString& letter, qint64 rel)
{
    if (rel == 0)
        return letter;
    return rel > 0 ? QStringLiteral("%1+%2").arg(letter).arg(rel)
                   : QStringLiteral("%1%2").arg(letter).arg(rel);
}

Event eventOf(const LadderArrow& a)
{
    Event e;
    e.event = ev::Segment;
    e.source = a.source;
    e.flags = a.flags;
    e.seq = a.seq;
    e.ack = a.ack;
    e.len = a.len;
    e.win = a.win;
    e.opts = a.opts;
    e.payload = a.payload;
    return e;
}

const LadderArrow* arrowOf(const Ladder& l, int item)
{
    if (item < 0 || item >= int(l.items.size()))
        return nullptr;
    const LadderItem& it = l.items[std::size_t(item)];
    if (it.kind != LadderItem::Kind::Arrow || it.index < 0 || it.index >= int(l.arrows.size()))
        return nullptr;
    return &l.arrows[std::size_t(it.index)];
}

const LadderState* stateOf(const Ladder& l, int item)
{
    if (item < 0 || item >= int(l.items.size()))
        return nullptr;
    const LadderItem& it = l.items[std::size_t(item)];
    if (it.kind != LadderItem::Kind::State || it.index < 0 || it.index >= int(l.states.size()))
        return nullptr;
    return &l.states[std::size_t(it.index)];
}

const LadderMarker* markerOf(const Ladder& l, int item)
{
    if (item < 0 || item >= int(l.items.size()))
        return nullptr;
    const LadderItem& it = l.items[std::size_t(item)];
    if (it.kind != LadderItem::Kind::Marker || it.index < 0 || it.index >= int(l.markers.size()))
        return nullptr;
    return &l.markers[std::size_t(it.index)];
}

// The latest arrow before `item` that satisfies `pred`, as an item index, or -1.
template <typename Pred> int previousArrow(const Ladder& l, int item, Pred pred)
{
    for (int i = item - 1; i >= 0; --i) {
        const LadderArrow* a = arrowOf(l, i);
        if (a && !a->datagram && pred(*a))
            return i;
    }
    return -1;
}

QString datagramTitle(const LadderArrow& a)
{
    return a.proto == QLatin1String("dns")
               ? LadderExplainer::tr("DNS datagram, %n byte(s)", nullptr, int(a.len))
               : LadderExplainer::tr("UDP datagram, %n byte(s)", nullptr, int(a.len));
}

// What became of a datagram, in a sentence.
QString datagramParagraph(const Ladder& l, const LadderArrow& a)
{
    QString text;
    if (a.proto == QLatin1String("dns"))
        text = LadderExplainer::tr("One DNS message (%1) in one UDP datagram: no connection "
                                   "was opened first and none is closed after; the resolver "
                                   "simply asks again if no answer comes.")
                   .arg(a.label);
    else
        text = LadderExplainer::tr("One UDP datagram: no handshake before it, no ACK after it, "
                                   "no state on either side. The sender's kernel sends it and "
                                   "forgets it; whether it arrives is nobody's business but "
                                   "the programs'.");
    QString fate;
    if (a.fate == QLatin1String("drop"))
        fate = LadderExplainer::tr("The relay dropped it (the loss knob): it never arrives, and "
                                   "nobody tells the sender. UDP does not send it again.");
    else if (a.fate == QLatin1String("reorder"))
        fate = LadderExplainer::tr("The relay held it back, so a datagram sent after it "
                                   "arrives first: UDP keeps no order.");
    else if (a.fate == QLatin1String("duplicate"))
        fate = LadderExplainer::tr("The relay sent it twice: the receiver gets two copies and "
                                   "UDP does not notice.");
    else if (a.fate == QLatin1String("copy"))
        fate = LadderExplainer::tr("The second copy of a duplicated datagram.");
    else if (a.delayMs > 0)
        fate = LadderExplainer::tr("The relay delayed it by %1 ms.").arg(a.delayMs);
    if (a.arriveUs >= 0)
        fate = (fate.isEmpty() ? QString() : fate + QLatin1Char(' ')) +
               LadderExplainer::tr("It arrived %1 after it was sent.")
                   .arg(LadderPainter::formatDuration(a.arriveUs - a.t_us));
    else if (a.fate != QLatin1String("drop"))
        fate = (fate.isEmpty() ? QString() : fate + QLatin1Char(' ')) +
               LadderExplainer::tr("No program recorded here saw it arrive.");
    Q_UNUSED(l);
    return fate.isEmpty() ? text : text + QLatin1Char(' ') + fate;
}

} // namespace

LadderExplainer::LadderExplainer(QWidget* parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("ladderExplainer"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 12);
    heading_ = new QLabel(this);
    heading_->setObjectName(QStringLiteral("ladderExplainerHeading"));
    QFont hf = heading_->font();
    hf.setPixelSize(20);
    hf.setBold(true);
    heading_->setFont(hf);
    heading_->setWordWrap(true);
    body_ = new QLabel(this);
    body_->setObjectName(QStringLiteral("ladderExplainerBody"));
    QFont bf = body_->font();
    bf.setPixelSize(17); // read from the back of the room, like the diagram
    body_->setFont(bf);
    body_->setWordWrap(true);
    body_->setTextFormat(Qt::PlainText);
    body_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(heading_);
    layout->addWidget(body_, 1);
    showItem(Ladder(), -1);
}

void LadderExplainer::setView(LadderView* view)
{
    if (view_)
        disconnect(view_, nullptr, this, nullptr);
    view_ = view;
    if (view_) {
        connect(view_, &LadderView::currentItemChanged, this, &LadderExplainer::refresh);
        connect(view_, &LadderView::ladderChanged, this, &LadderExplainer::refresh);
        connect(view_, &LadderView::numbersChanged, this, &LadderExplainer::refresh);
    }
    refresh();
}

void LadderExplainer::refresh()
{
    if (view_)
        showItem(view_->ladder(), view_->currentItem(), view_->numbers());
}

void LadderExplainer::showItem(const Ladder& ladder, int item, LadderPainter::Numbers numbers)
{
    if (item < 0 || item >= int(ladder.items.size())) {
        heading_->setText(tr("Ready"));
        body_->setText(
            tr("Press Space to play or N to go one step: each segment of the connection appears "
               "in turn, with the state of both sides beside it."));
        return;
    }
    heading_->setText(heading(ladder, item));
    body_->setText(paragraph(ladder, item, numbers));
}

QString LadderExplainer::headingText() const
{
    return heading_->text();
}

QString LadderExplainer::paragraphText() const
{
    return body_->text();
}

void LadderExplainer::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QFrame::changeEvent(event);
}

namespace {

QString laneName(const Ladder& l, int lane)
{
    if (lane < 0 || lane >= int(l.lanes.size()))
        return LadderExplainer::tr("?");
    const QString& role = l.lanes[std::size_t(lane)].role;
    // With more than two lanes "client" is ambiguous: the lab socket's name says which.
    const QString& label = l.lanes[std::size_t(lane)].label;
    if (l.lanes.size() > 2 && !label.isEmpty() && label != role)
        return label;
    if (role == QLatin1String("client"))
        return LadderExplainer::tr("client");
    if (role == QLatin1String("server"))
        return LadderExplainer::tr("server");
    if (role == QLatin1String("peer"))
        return LadderExplainer::tr("peer");
    return l.lanes[std::size_t(lane)].endpoint;
}

QString endpointOf(const Ladder& l, int lane)
{
    if (lane < 0 || lane >= int(l.lanes.size()))
        return {};
    return l.lanes[std::size_t(lane)].endpoint;
}

QString optionsParagraph(const QString& opts)
{
    QStringList out;
    for (const QString& o : opts.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString key = o.section(QLatin1Char('='), 0, 0).trimmed();
        const QString value = o.section(QLatin1Char('='), 1);
        if (key == QLatin1String("mss"))
            out << LadderExplainer::tr("MSS %1 is the largest segment this side can receive (on "
                                       "loopback: the 65536-byte MTU minus 40 bytes of IP and TCP "
                                       "headers).")
                       .arg(value);
        else if (key == QLatin1String("wscale"))
            out << LadderExplainer::tr("Window scale %1 multiplies the 16-bit window field by %2, "
                                       "so windows far beyond 64 KiB can be announced.")
                       .arg(value)
                       .arg(qint64(1) << qBound(0, value.toInt(), 30));
        else if (key == QLatin1String("sack_perm"))
            out << LadderExplainer::tr("SACK lets the receiver report which blocks arrived after a "
                                       "gap.");
        else if (key == QLatin1String("ts"))
            out << LadderExplainer::tr("Timestamps measure the round trip and reject very old "
                                       "segments.");
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

QString LadderExplainer::heading(const Ladder& l, int item)
{
    if (const LadderArrow* a = arrowOf(l, item)) {
        if (a->datagram)
            return tr("%1: %2 → %3")
                .arg(datagramTitle(*a), laneName(l, a->from), laneName(l, a->to));
        return tr("%1: %2 → %3")
            .arg(LadderPainter::flagsLabel(a->flags), laneName(l, a->from), laneName(l, a->to));
    }
    if (const LadderState* s = stateOf(l, item))
        return tr("%1 is now %2").arg(laneName(l, s->lane), s->state);
    if (const LadderMarker* m = markerOf(l, item))
        return tr("%1: %2").arg(laneName(l, m->lane), m->event);
    return {};
}

QString LadderExplainer::paragraph(const Ladder& l, int item, LadderPainter::Numbers numbers)
{
    const bool textbook = numbers == LadderPainter::Numbers::Textbook;
    auto join = [](const QString& a, const QString& b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + QLatin1Char(' ') + b;
    };

    if (const LadderArrow* a = arrowOf(l, item)) {
        if (a->datagram)
            return datagramParagraph(l, *a);
        const QString base = Explain::forSegment(eventOf(*a));
        const bool wire = a->source == QLatin1String("wire");
        // A number as this view shows it: a letter sum, or the absolute value on the wire.
        auto seqNum = [&](qint64 delta) {
            return textbook || !wire || a->seq < 0 ? letterPlus(a->seqLetter, a->relSeq + delta)
                                                   : QString::number(a->seq + delta);
        };
        auto ackNum = [&](qint64 delta) {
            return textbook || !wire || a->ack < 0 ? letterPlus(a->ackLetter, a->relAck + delta)
                                                   : QString::number(a->ack + delta);
        };
        const bool syn = hasFlag(a->flags, "SYN"), ack = hasFlag(a->flags, "ACK"),
                   fin = hasFlag(a->flags, "FIN"), rst = hasFlag(a->flags, "RST");
        QString extra;
        if (rst) {
            const int synItem = previousArrow(l, item, [&](const LadderArrow& p) {
                return p.from == a->to && hasFlag(p.flags, "SYN") && !hasFlag(p.flags, "ACK");
            });
            const int anyFromPeer =
                previousArrow(l, item, [&](const LadderArrow& p) { return p.from == a->to; });
            // This side's FIN went out, and then the peer still sent bytes.
            const int myFin = previousArrow(l, item, [&](const LadderArrow& p) {
                return p.from == a->from && hasFlag(p.flags, "FIN");
            });
            const int peerData = previousArrow(
                l, item, [&](const LadderArrow& p) { return p.from == a->to && p.len > 0; });
            if (synItem >= 0 && synItem == anyFromPeer)
                extra = tr("Nothing listens on that port, so the kernel answered the SYN with "
                           "RST: the client's connect() fails with ECONNREFUSED.");
            else if (myFin >= 0 && peerData > myFin) {
                extra = tr("This side had already closed its socket completely (its FIN went "
                           "out), and then bytes still arrived from the peer. A closed socket "
                           "cannot deliver them, so the kernel answers RST and the peer sees "
                           "ECONNRESET.");
                const LadderLane& lane = l.lanes[std::size_t(a->from)];
                if (lane.label.startsWith(QLatin1String("ws-client")))
                    extra =
                        join(extra, tr("Here the bytes are the server's close frame: QWebSocket "
                                       "closed TCP right after sending its own close frame instead "
                                       "of waiting for the server's answer, as RFC 6455 (section "
                                       "7.1.1) asks a client to do."));
            } else
                extra = tr("An abort (SO_LINGER 0, then close) sends RST instead of FIN: unread "
                           "data is thrown away, the peer sees ECONNRESET, and nobody waits in "
                           "TIME-WAIT.");
        } else if (syn && !ack) {
            extra = textbook ? tr("The textbook calls this ISN %1.").arg(a->seqLetter)
                             : (wire ? tr("This ISN is %1; relative numbers count from it, so "
                                          "Wireshark shows Seq=0.")
                                           .arg(a->seq)
                                     : QString());
            extra = join(extra, optionsParagraph(a->opts));
        } else if (syn && ack) {
            extra = tr("Here ack = %1 = %2 + 1. The server's own ISN is %3; its SYN consumes "
                       "that number in turn, so the client will answer ack = %4.")
                        .arg(ackNum(0), ackNum(-1), seqNum(0), seqNum(1));
        } else if (fin) {
            const int peerFin = previousArrow(l, item, [&](const LadderArrow& p) {
                return p.from == a->to && hasFlag(p.flags, "FIN");
            });
            const int mineSince =
                previousArrow(l, item, [&](const LadderArrow& p) { return p.from == a->from; });
            if (peerFin >= 0 && mineSince < peerFin && ack)
                extra = tr("This FIN+ACK also acknowledges the peer's FIN: the program closed "
                           "within the delayed-ACK time, so Linux sent one segment instead of an "
                           "ACK and then a FIN. That is why a \"4-way\" teardown often shows 3 "
                           "segments.");
            else if (peerFin >= 0)
                extra = tr("The second FIN: this side sat in CLOSE-WAIT until its program "
                           "closed. With the separate ACK before it, this is the textbook 4-way "
                           "teardown; this side now waits in LAST-ACK for the final ACK.");
            else
                extra = tr("This side closes first, so it is the one that will wait in TIME-WAIT "
                           "at the end.");
            extra = join(extra, tr("The peer will answer ack = %1.").arg(seqNum(a->len + 1)));
        } else if (a->len > 0) {
            extra =
                tr("The receiver will answer ack = %1 (seq + %2).").arg(seqNum(a->len)).arg(a->len);
        } else {
            // A pure ACK: of what, and was it delayed?
            const int prevItem = previousArrow(l, item, [](const LadderArrow&) { return true; });
            const LadderArrow* prev = arrowOf(l, prevItem);
            const int ackedItem =
                previousArrow(l, item, [&](const LadderArrow& p) { return p.from == a->to; });
            const LadderArrow* acked = arrowOf(l, ackedItem);
            if (prev && prev->from == a->to && hasFlag(prev->flags, "SYN") &&
                hasFlag(prev->flags, "ACK")) {
                extra = tr("Handshake 3/3: the client acknowledges the server's SYN with ack = "
                           "%1. The client is ESTABLISHED as it sends this, the server when it "
                           "arrives. Three segments suffice because the middle one both answers "
                           "and opens.")
                            .arg(ackNum(0));
            } else if (acked && hasFlag(acked->flags, "FIN")) {
                extra = tr("It acknowledges the peer's FIN: ack = %1 is the FIN's sequence "
                           "number + 1, because a FIN consumes one number, like a SYN.")
                            .arg(ackNum(0));
            } else if (acked && acked->len > 0) {
                extra = tr("It acknowledges the %1 bytes received: ack = %2 = their seq + %1.")
                            .arg(acked->len)
                            .arg(ackNum(0));
            }
            if (acked) {
                const qint64 gap = a->t_us - acked->t_us;
                if (gap >= 30000)
                    extra = join(extra, tr("It came %1 later: Linux delays an ACK (up to 40 ms "
                                           "on loopback) hoping to send it with data or its own "
                                           "FIN; nothing came, so the timer sent it alone.")
                                            .arg(LadderPainter::formatDuration(gap)));
            }
        }
        if (a->unacknowledged)
            extra = join(tr("This copy was never acknowledged: the receiver's ACKs stop short of "
                            "it, and the sender sent the same bytes again further down. It was "
                            "lost on the way (here: dropped by the loss rule after the capture "
                            "saw it)."),
                         extra);
        if (a->retransmission)
            extra = join(tr("A retransmission: the same numbers were sent before, but that copy "
                            "was lost (here: dropped by the loss rule before it reached the "
                            "wire), no acknowledgement came, and the sender's kernel sent it "
                            "again when its retransmission timer ran out (RTO, at least 200 ms "
                            "on Linux, doubling each time). UDP has no such timer."),
                         extra);
        return join(base, extra);
    }

    if (const LadderState* s = stateOf(l, item)) {
        QString text = Explain::forState(s->state);
        if (s->state == QLatin1String("TIME-WAIT"))
            text = join(text, tr("Only the side that sent the first FIN waits here (MSL is the "
                                 "maximum segment lifetime); its peer went through CLOSE-WAIT "
                                 "and LAST-ACK instead. `ss -tan` shows the timer."));
        else if (s->state == QLatin1String("CLOSE-WAIT"))
            text = join(text, tr("The kernel acknowledged the FIN by itself; leaving CLOSE-WAIT "
                                 "is the program's job: it must close(). A server that forgets "
                                 "piles up CLOSE-WAIT sockets."));
        else if (s->state == QLatin1String("FIN-WAIT-2"))
            text = join(text, tr("This side can still receive until the peer sends its FIN."));
        // How long the lane stayed: the wait is the lesson.
        for (int i = item + 1; i < int(l.items.size()); ++i) {
            const LadderState* next = stateOf(l, i);
            if (next && next->lane == s->lane) {
                const qint64 d = l.items[std::size_t(i)].t_us - l.items[std::size_t(item)].t_us;
                if (d > 0)
                    text = join(text, tr("The %1 stayed in %2 for %3.")
                                          .arg(laneName(l, s->lane), s->state,
                                               LadderPainter::formatDuration(d)));
                break;
            }
        }
        return text;
    }

    if (const LadderMarker* m = markerOf(l, item)) {
        Event e;
        e.event = m->event;
        e.source = ev::App;
        // A UDP or DNS lane's events mean what they mean for datagrams (a UDP close has no
        // FIN and no TIME-WAIT).
        if (m->lane >= 0 && m->lane < int(l.lanes.size()) &&
            l.lanes[std::size_t(m->lane)].proto != ev::Tcp)
            e.proto = l.lanes[std::size_t(m->lane)].proto;
        if (m->event == ev::Error)
            e.code = m->text.section(QLatin1Char(' '), 1, 1);
        QString text = Explain::sentence(e);
        if (m->event == QLatin1String("data"))
            text = tr("The program saw data: what it read from, or gave to, its socket. The "
                      "segments carrying it are the arrows around this mark.");
        else if (m->event == QLatin1String("finish"))
            text = tr("The program half-closed its socket (shutdown for writing): the kernel "
                      "sends FIN, but the socket can still read.");
        else if (m->event == QLatin1String("step"))
            text = tr("The teacher's step: the lab waited here, and the kernel really held both "
                      "sides in their states meanwhile.");
        if (text.isEmpty())
            text = m->text;
        const QString qt = Explain::qtName(m->event);
        if (!qt.isEmpty())
            text = join(text, tr("(Qt: %1)").arg(qt));
        return text;
    }
    return {};
}

QString LadderExplainer::tooltip(const Ladder& l, int item, LadderPainter::Numbers numbers)
{
    if (item < 0 || item >= int(l.items.size()))
        return {};
    const qint64 t0 = l.items.front().t_us;
    const qint64 t = l.items[std::size_t(item)].t_us;
    QStringList rows;
    auto row = [&rows](const QString& name, const QString& value) {
        rows << QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>")
                    .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString title = heading(l, item);
    row(tr("time"), tr("%1 after the first event").arg(LadderPainter::formatDuration(t - t0)));
    if (const LadderArrow* a = arrowOf(l, item); a && a->datagram) {
        row(tr("from"), endpointOf(l, a->from));
        row(tr("to"), endpointOf(l, a->to));
        row(tr("length"), tr("%1 bytes").arg(a->len));
        if (!a->label.isEmpty())
            row(tr("content"), a->label);
        if (!a->fate.isEmpty())
            row(tr("relay"), a->fate);
        row(tr("source"), tr("app: what the programs sent and received"));
    } else if (a) {
        row(tr("from"), endpointOf(l, a->from));
        row(tr("to"), endpointOf(l, a->to));
        row(tr("flags"), a->flags);
        row(tr("seq"), a->source == QLatin1String("wire")
                           ? tr("%1 (relative %2, textbook %3)")
                                 .arg(a->seq)
                                 .arg(a->relSeq)
                                 .arg(a->textbookSeq().section(QLatin1Char('='), 1))
                           : a->textbookSeq().section(QLatin1Char('='), 1));
        if (a->ack >= 0)
            row(tr("ack"), a->source == QLatin1String("wire")
                               ? tr("%1 (relative %2, textbook %3)")
                                     .arg(a->ack)
                                     .arg(a->relAck)
                                     .arg(a->textbookAck().section(QLatin1Char('='), 1))
                               : a->textbookAck().section(QLatin1Char('='), 1));
        row(tr("length"), tr("%1 bytes").arg(a->len));
        if (a->win >= 0)
            row(tr("window"), QString::number(a->win));
        if (!a->opts.isEmpty())
            row(tr("options"), a->opts);
        if (!a->payload.isEmpty())
            row(tr("payload"), QString::fromUtf8(a->payload));
        row(tr("source"), a->source == QLatin1String("wire")
                              ? tr("wire: captured with libpcap")
                              : tr("model: derived by RFC 9293's state machine, not captured"));
    } else if (const LadderState* s = stateOf(l, item)) {
        row(tr("lane"), endpointOf(l, s->lane));
        row(tr("state"), s->state);
    } else if (const LadderMarker* m = markerOf(l, item)) {
        row(tr("lane"), endpointOf(l, m->lane));
        row(tr("event"), m->text.isEmpty() ? m->event : m->text);
    }
    return QStringLiteral("<p><b>%1</b></p><table>%2</table><p>%3</p>")
        .arg(title.toHtmlEscaped(), rows.join(QString()),
             paragraph(l, item, numbers).toHtmlEscaped());
}

} // namespace netstage
