#include "ui/shell/shortcuts_overlay.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QRegularExpression>
#include <algorithm>

namespace netstage {

namespace {

const QColor kScrim(0, 0, 0, 170);
const QColor kPanel(28, 30, 34, 255);
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
    // CJK menus put the accelerator after the text: "文件(&F)".
    t.remove(QRegularExpression(QStringLiteral("\\s*\\(&[^)&]\\)")));
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

    // Blocks to draw: a heading and its rows. Views whose keys are the same (every event log's
    // Ctrl+C) share one block, "TCP, UDP: Copy…", so the sheet stays short enough for large type.
    struct Block
    {
        QString heading;
        std::vector<int> rows;
    };
    std::vector<Block> blocks;
    for (int i = 0; i < int(rows_.size()); ++i) {
        auto it = std::find_if(blocks.begin(), blocks.end(),
                               [&](const Block& b) { return b.heading == rows_[i].group; });
        if (it == blocks.end()) {
            blocks.push_back({rows_[i].group, {}});
            it = blocks.end() - 1;
        }
        it->rows.push_back(i);
    }
    auto sameRows = [this](const Block& a, const Block& b) {
        if (a.rows.size() != b.rows.size())
            return false;
        for (std::size_t k = 0; k < a.rows.size(); ++k) {
            const ShortcutRow& x = rows_[a.rows[k]];
            const ShortcutRow& y = rows_[b.rows[k]];
            if (x.text != y.text || x.keys != y.keys)
                return false;
        }
        return true;
    };
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        for (std::size_t j = i + 1; j < blocks.size();) {
            if (sameRows(blocks[i], blocks[j])) {
                blocks[i].heading += QStringLiteral(", ") + blocks[j].heading;
                blocks.erase(blocks.begin() + j);
            } else {
                ++j;
            }
        }
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
        l.lineHeight = fm.height() * 1.32;
        for (const ShortcutRow& r : rows_)
            l.keysWidth = std::max(l.keysWidth, capsWidth(fb, r.keys, pad, gap));
        qreal textWidth = 0;
        for (const ShortcutRow& r : rows_)
            textWidth = std::max(textWidth, fm.horizontalAdvance(r.text));
        for (const Block& b : blocks)
            textWidth =
                std::max(textWidth, fb.horizontalAdvance(b.heading) - l.keysWidth - 2 * gap);
        l.columnWidth = l.keysWidth + 2 * gap + textWidth;

        const QFont titleFont = withSize(bold, pt * 1.5);
        const qreal top = QFontMetricsF(titleFont).height() * 1.2 + fm.height() * 1.6;
        const qreal inner = panel.width() - 2 * margin;
        const qreal columnGap = fm.height() * 2;
        const qreal available = panel.height() - 2 * margin - top;
        if (available <= l.lineHeight * 2 || l.columnWidth > inner)
            return l;
        // Fill columns top to bottom. A block moves to the next column whole when the rest of
        // this one would hold only its heading and a row or two; otherwise it continues there.
        int column = 0;
        qreal y = 0;
        qreal tallest = 0;
        for (const Block& b : blocks) {
            const qreal blockHeight = l.lineHeight * (qreal(b.rows.size()) + 1);
            const qreal room = available - y;
            if (y > 0 && blockHeight > room &&
                (room < l.lineHeight * 4 || blockHeight <= l.lineHeight * 4)) {
                ++column;
                y = 0;
            }
            l.placed.push_back({true, -1, b.heading, column, y});
            y += l.lineHeight;
            for (int i : b.rows) {
                if (y + l.lineHeight > available) {
                    ++column; // the heading again, so no row stands alone
                    l.placed.push_back({true, -1, b.heading, column, 0});
                    y = l.lineHeight;
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
