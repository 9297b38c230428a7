#include "shortcuts_overlay.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <algorithm>

namespace netstage {

namespace {

const QColor kScrim(0, 0, 0, 170);
const QColor kPanel(28, 30, 34, 238);
const QColor kText(240, 240, 240);
const QColor kDim(190, 190, 190);
const QColor kHeading(255, 209, 102); // the ladder's highlight yellow
const QColor kCapFill(255, 255, 255, 34);
const QColor kCapLine(255, 255, 255, 110);

struct Placed
{
    bool heading = false;
    int row = -1; // index into rows (not a heading)
    QString text;
    int column = 0;
    qreal y = 0;
};

struct Layout
{
    bool fits = false;
    qreal keysWidth = 0;
    qreal columnWidth = 0;
    qreal lineHeight = 0;
    int columns = 0;
    qreal height = 0;
    std::vector<Placed> placed;
};

QFont withSize(QFont f, qreal pt)
{
    f.setPointSizeF(pt);
    return f;
}

qreal capsWidth(const QFontMetricsF& fm, const QList<QKeySequence>& keys, qreal pad, qreal gap)
{
    qreal w = 0;
    for (const QKeySequence& k : keys)
        w += fm.horizontalAdvance(k.toString(QKeySequence::NativeText)) + 2 * pad + gap;
    return w - (keys.isEmpty() ? 0 : gap);
}

} // namespace

ShortcutsOverlay::ShortcutsOverlay(QWidget* window,
                                   std::function<std::vector<ShortcutRow>()> source)
    : QWidget(window), source_(std::move(source))
{
    setObjectName(QStringLiteral("shortcutsOverlay"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_NoSystemBackground);
    hide();
    window->installEventFilter(this);
}

QString ShortcutsOverlay::plainText(const QString& actionText)
{
    QString t = actionText;
    t.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    t.remove(QLatin1Char('&'));
    t.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    while (t.endsWith(QChar(0x2026)) || t.endsWith(QLatin1Char('.')))
        t.chop(1);
    return t.trimmed();
}

QString ShortcutsOverlay::keysText(const QList<QKeySequence>& keys)
{
    QStringList parts;
    for (const QKeySequence& k : keys)
        parts << k.toString(QKeySequence::NativeText);
    return parts.join(QStringLiteral(" / "));
}

QStringList ShortcutsOverlay::lines() const
{
    QStringList out;
    for (const ShortcutRow& r : rows_)
        out << QStringLiteral("%1: %2 — %3").arg(r.group, keysText(r.keys), r.text);
    return out;
}

void ShortcutsOverlay::open()
{
    rows_ = source_ ? source_() : std::vector<ShortcutRow>();
    if (parentWidget())
        setGeometry(parentWidget()->rect());
    show();
    raise();
    setFocus(Qt::PopupFocusReason);
    update();
}

bool ShortcutsOverlay::event(QEvent* event)
{
    // While the sheet is open, Esc closes it and nothing else (not presentation mode).
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

bool ShortcutsOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void ShortcutsOverlay::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ShortcutsOverlay::mousePressEvent(QMouseEvent* event)
{
    hide();
    event->accept();
}

void ShortcutsOverlay::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    emit closed();
}

void ShortcutsOverlay::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), kScrim);

    const qreal margin = std::max(12.0, std::min(width(), height()) * 0.03);
    const QRectF panel = QRectF(rect()).adjusted(margin, margin, -margin, -margin);
    const qreal basePt = font().pointSizeF() > 0 ? font().pointSizeF() : 11.0;

    // Headings, then the rows of each group in order (rows of a group are contiguous in the
    // table except for registered actions added later; gather them by group).
    QStringList groups;
    for (const ShortcutRow& r : rows_) {
        if (!groups.contains(r.group))
            groups << r.group;
    }

    const QString title = tr("Keyboard shortcuts");
    const QString hint = tr("Esc, F1 or a click closes this sheet.");

    auto compute = [&](qreal pt) {
        Layout l;
        const QFont body = withSize(font(), pt);
        QFont bold = body;
        bold.setBold(true);
        const QFontMetricsF fm(body);
        const QFontMetricsF fb(bold);
        const qreal pad = fm.height() * 0.3;
        const qreal gap = fm.height() * 0.3;
        l.lineHeight = fm.height() * 1.45;
        for (const ShortcutRow& r : rows_)
            l.keysWidth = std::max(l.keysWidth, capsWidth(fb, r.keys, pad, gap));
        qreal textWidth = 0;
        for (const ShortcutRow& r : rows_)
            textWidth = std::max(textWidth, fm.horizontalAdvance(r.text));
        for (const QString& g : groups)
            textWidth = std::max(textWidth, fb.horizontalAdvance(g) - l.keysWidth - 2 * gap);
        l.columnWidth = l.keysWidth + 2 * gap + textWidth;

        const QFont titleFont = withSize(bold, pt * 1.5);
        const qreal top = QFontMetricsF(titleFont).height() * 1.2 + fm.height() * 1.6;
        const qreal inner = panel.width() - 2 * margin;
        const qreal columnGap = fm.height() * 2;
        const qreal available = panel.height() - 2 * margin - top;
        if (available <= l.lineHeight * 2 || l.columnWidth > inner)
            return l;
        // Fill columns top to bottom; a group moves to the next column whole unless it is
        // taller than a column.
        int column = 0;
        qreal y = 0;
        qreal tallest = 0;
        for (const QString& g : groups) {
            int count = 0;
            for (const ShortcutRow& r : rows_)
                count += r.group == g;
            const qreal groupHeight = l.lineHeight * (count + 1);
            if (y > 0 && y + groupHeight > available && groupHeight <= available) {
                ++column;
                y = 0;
            }
            l.placed.push_back({true, -1, g, column, y});
            y += l.lineHeight;
            for (int i = 0; i < int(rows_.size()); ++i) {
                if (rows_[i].group != g)
                    continue;
                if (y + l.lineHeight > available) {
                    ++column;
                    y = 0;
                }
                l.placed.push_back({false, i, rows_[i].text, column, y});
                y += l.lineHeight;
                tallest = std::max(tallest, y);
            }
            y += l.lineHeight * 0.5;
        }
        l.columns = column + 1;
        l.height = top + tallest;
        l.fits = l.columns * l.columnWidth + (l.columns - 1) * columnGap <= inner;
        return l;
    };

    // The window's size first; smaller only when even many columns would not hold the table.
    qreal pt = basePt;
    Layout l = compute(pt);
    while (!l.fits && pt > 6.0) {
        pt *= 0.92;
        l = compute(pt);
    }
    drawnPointSize_ = pt;

    const QFont body = withSize(font(), pt);
    QFont bold = body;
    bold.setBold(true);
    const QFontMetricsF fm(body);
    const qreal pad = fm.height() * 0.3;
    const qreal gap = fm.height() * 0.3;
    const qreal columnGap = fm.height() * 2;
    const qreal contentWidth = l.columns * l.columnWidth + (l.columns - 1) * columnGap;
    const QFont titleFont = withSize(bold, pt * 1.5);

    // The panel hugs its content, centred.
    const qreal w = std::min(
        panel.width(),
        std::max(contentWidth, QFontMetricsF(titleFont).horizontalAdvance(title)) + 2 * margin);
    const qreal h = std::min(panel.height(), l.height + 2 * margin);
    const QRectF box(panel.center().x() - w / 2, panel.center().y() - h / 2, w, h);
    QPainterPath path;
    path.addRoundedRect(box, 14, 14);
    p.fillPath(path, kPanel);

    qreal y = box.top() + margin;
    p.setFont(titleFont);
    p.setPen(kText);
    const qreal titleHeight = QFontMetricsF(titleFont).height();
    p.drawText(QRectF(box.left() + margin, y, box.width() - 2 * margin, titleHeight),
               Qt::AlignLeft | Qt::AlignVCenter, title);
    y += titleHeight * 1.2;
    p.setFont(body);
    p.setPen(kDim);
    p.drawText(QRectF(box.left() + margin, y, box.width() - 2 * margin, fm.height()),
               Qt::AlignLeft | Qt::AlignVCenter, hint);
    const qreal top = y + fm.height() * 1.6;
    const qreal left = box.left() + margin;

    for (const Placed& item : l.placed) {
        const qreal x = left + item.column * (l.columnWidth + columnGap);
        const qreal rowTop = top + item.y;
        const QRectF line(x, rowTop, l.columnWidth, l.lineHeight);
        if (item.heading) {
            p.setFont(bold);
            p.setPen(kHeading);
            p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, item.text);
            continue;
        }
        const ShortcutRow& r = rows_[item.row];
        p.setFont(bold);
        const QFontMetricsF fb(bold);
        qreal cx = x;
        for (const QKeySequence& k : r.keys) {
            const QString t = k.toString(QKeySequence::NativeText);
            const QRectF cap(cx, rowTop + (l.lineHeight - fm.height() * 1.2) / 2,
                             fb.horizontalAdvance(t) + 2 * pad, fm.height() * 1.2);
            QPainterPath capPath;
            capPath.addRoundedRect(cap, 5, 5);
            p.fillPath(capPath, kCapFill);
            p.setPen(QPen(kCapLine, 1));
            p.drawPath(capPath);
            p.setPen(kText);
            p.drawText(cap, Qt::AlignCenter, t);
            cx = cap.right() + gap;
        }
        p.setFont(body);
        p.setPen(r.action && !r.action->isEnabled() ? kDim : kText);
        p.drawText(QRectF(x + l.keysWidth + 2 * gap, rowTop, l.columnWidth - l.keysWidth - 2 * gap,
                          l.lineHeight),
                   Qt::AlignLeft | Qt::AlignVCenter, r.text);
    }
}

} // namespace netstage
