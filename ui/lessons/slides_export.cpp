#include "ui/lessons/slides_export.h"

#include "core/lessons/lesson.h"
#include "ui/common/view_export.h"

#include <QDir>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

namespace netstage {

namespace {

bool isStep(const Event& e)
{
    return e.socket == QLatin1String("lesson") && e.event == QLatin1String("step");
}

struct CaptionFonts
{
    QFont heading;
    QFont body;
};

CaptionFonts captionFonts(qreal zoom)
{
    CaptionFonts f;
    f.heading.setPixelSize(std::max(8, int(26 * zoom)));
    f.heading.setBold(true);
    f.body.setPixelSize(std::max(8, int(21 * zoom)));
    return f;
}

QString headingText(const Slide& s, int count)
{
    return SlidesExport::tr("Step %1 of %2: %3").arg(s.step).arg(count).arg(s.title);
}

} // namespace

QString SlidesExport::fileName(int index)
{
    return QStringLiteral("slide-%1.png").arg(index + 1, 2, 10, QLatin1Char('0'));
}

std::vector<Slide> SlidesExport::plan(const std::vector<Event>& events, const Ladder& ladder,
                                      const QString& lesson)
{
    QString name = lesson;
    std::vector<const Event*> steps;
    for (const Event& e : events) {
        if (!isStep(e))
            continue;
        if (e.seq >= 1)
            steps.push_back(&e);
        else if (name.isEmpty() && !e.payload.isEmpty())
            name = QString::fromUtf8(e.payload); // the lesson's start names it
    }
    const Lesson* known = Lessons::find(name);
    std::vector<Slide> slides;
    for (std::size_t k = 0; k < steps.size(); ++k) {
        Slide s;
        s.step = int(steps[k]->seq);
        if (known && s.step <= int(known->steps.size())) {
            s.title = Lessons::title(known->steps[s.step - 1]);
            s.explanation = Lessons::explanation(known->steps[s.step - 1]);
        } else {
            const QString d = steps[k]->detail;
            const int colon = d.indexOf(QStringLiteral(": "));
            s.title = colon > 0 ? d.left(colon) : d;
            s.explanation = colon > 0 ? d.mid(colon + 2) : QString();
        }
        // Everything that happened before the next step began belongs to this one.
        s.upTo = int(ladder.items.size());
        if (k + 1 < steps.size()) {
            const qint64 next = steps[k + 1]->t_us;
            s.upTo = int(std::count_if(ladder.items.begin(), ladder.items.end(),
                                       [next](const LadderItem& it) { return it.t_us < next; }));
        }
        slides.push_back(s);
    }
    return slides;
}

SlideDeck SlidesExport::render(const std::vector<Event>& events, const Ladder& ladder,
                               const QString& lesson, LadderPainter::Options options)
{
    SlideDeck deck;
    deck.slides = plan(events, ladder, lesson);
    QString name = lesson;
    if (name.isEmpty()) {
        for (const Event& e : events) {
            if (isStep(e) && e.seq < 1 && !e.payload.isEmpty()) {
                name = QString::fromUtf8(e.payload);
                break;
            }
        }
    }
    const Lesson* known = Lessons::find(name);
    deck.title = known ? Lessons::title(*known) : name;
    if (deck.slides.empty())
        return deck;
    if (options.title.isEmpty())
        options.title = deck.title;

    const LadderPainter painter;
    const LadderPainter::Layout layout = painter.layout(ladder, options);
    const QSizeF diagram = LadderPainter::sizeFor(layout, options);
    const qreal z = options.zoom;
    const qreal margin = 28 * z;
    const int width = int(std::ceil(std::max(diagram.width(), 1024.0 * z)));
    const CaptionFonts fonts = captionFonts(z);
    const QFontMetricsF fh(fonts.heading);
    const QFontMetricsF fb(fonts.body);
    const qreal wrap = width - 2 * margin;
    const int count = int(deck.slides.size());
    auto textHeight = [wrap](const QFontMetricsF& fm, const QString& text) {
        return fm.boundingRect(QRectF(0, 0, wrap, 1e6), Qt::TextWordWrap, text).height();
    };
    // The tallest caption decides for all: every slide the same size.
    qreal caption = 0;
    for (const Slide& s : deck.slides)
        caption = std::max(caption, textHeight(fh, headingText(s, count)) + fb.height() * 0.5 +
                                        textHeight(fb, s.explanation));
    const int height = int(std::ceil(diagram.height() + caption + 2 * margin));

    for (const Slide& s : deck.slides) {
        LadderPainter::Options o = options;
        o.currentItem = s.upTo - 1;
        o.progress = 1.0;
        o.stickyHeader = false;
        QImage picture(diagram.toSize(), QImage::Format_ARGB32_Premultiplied);
        picture.fill(Qt::white);
        {
            QPainter p(&picture);
            p.setRenderHint(QPainter::Antialiasing);
            painter.paint(&p, QRectF(QPointF(0, 0), diagram), ladder, layout, s.upTo, o,
                          QRectF(QPointF(0, 0), diagram));
        }
        // The diagram's own background continues under the caption.
        const QColor background = picture.pixelColor(1, 1);
        const QColor ink =
            background.lightness() < 128 ? QColor(0xe8, 0xe8, 0xe8) : QColor(0x1a, 0x1a, 0x1a);
        QImage slide(width, height, QImage::Format_ARGB32_Premultiplied);
        slide.fill(background);
        QPainter p(&slide);
        p.setRenderHint(QPainter::Antialiasing);
        p.drawImage(QPointF((width - diagram.width()) / 2, 0), picture);
        qreal y = diagram.height() + margin * 0.5;
        QColor rule = ink;
        rule.setAlpha(90);
        p.setPen(QPen(rule, std::max(1.0, 2 * z)));
        p.drawLine(QPointF(margin, y), QPointF(width - margin, y));
        y += margin * 0.5;
        p.setPen(ink);
        p.setFont(fonts.heading);
        const QString heading = headingText(s, count);
        const qreal hh = textHeight(fh, heading);
        p.drawText(QRectF(margin, y, wrap, hh), Qt::TextWordWrap, heading);
        y += hh + fb.height() * 0.5;
        p.setFont(fonts.body);
        p.drawText(QRectF(margin, y, wrap, textHeight(fb, s.explanation)), Qt::TextWordWrap,
                   s.explanation);
        p.end();
        deck.images.push_back(slide);
    }
    return deck;
}

QString SlidesExport::indexHtml(const SlideDeck& deck)
{
    QString html;
    const int count = int(deck.slides.size());
    html += QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width\">\n"
                           "<title>%1</title>\n"
                           "<style>\n"
                           "body { font-family: sans-serif; margin: 0; background: #f4f4f4; }\n"
                           "h1 { margin: 24px; }\n"
                           "figure { margin: 24px auto; max-width: 96vw; text-align: center; }\n"
                           "img { max-width: 100%; max-height: 92vh; box-shadow: 0 2px 8px "
                           "#0004; }\n"
                           "figcaption { margin-top: 8px; color: #333; }\n"
                           "</style>\n</head>\n<body>\n<h1>%1</h1>\n<p style=\"margin: 0 "
                           "24px\">%2</p>\n")
                .arg(deck.title.toHtmlEscaped(),
                     tr("%n slide(s), one per step. Use the arrow keys or scroll.", nullptr, count)
                         .toHtmlEscaped());
    for (int i = 0; i < count; ++i) {
        const Slide& s = deck.slides[i];
        const QString heading = headingText(s, count).toHtmlEscaped();
        html += QStringLiteral("<figure id=\"s%1\">\n<img src=\"%2\" alt=\"%3\">\n"
                               "<figcaption>%3</figcaption>\n</figure>\n")
                    .arg(i + 1)
                    .arg(fileName(i), heading);
    }
    // Arrow keys and Page keys go from slide to slide.
    html += QStringLiteral(
                "<script>\n"
                "let i = 0; const n = %1;\n"
                "document.addEventListener('keydown', e => {\n"
                "  if (['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(e.key)) i = "
                "Math.min(n - 1, "
                "i + 1);\n"
                "  else if (['ArrowLeft', 'ArrowUp', 'PageUp'].includes(e.key)) i = Math.max(0, i "
                "- 1);\n"
                "  else return;\n"
                "  e.preventDefault();\n"
                "  document.getElementById('s' + (i + 1)).scrollIntoView({block: 'center'});\n"
                "});\n"
                "</script>\n</body>\n</html>\n")
                .arg(count);
    return html;
}

QString SlidesExport::write(const SlideDeck& deck, const QString& dir)
{
    if (deck.images.empty())
        return tr("the recording has no lesson steps, so there are no slides to write");
    if (!QDir().mkpath(dir))
        return tr("cannot create the folder %1").arg(dir);
    const QDir d(dir);
    for (int i = 0; i < int(deck.images.size()); ++i) {
        const QString error = ViewExport::writePng(d.filePath(fileName(i)), deck.images[i]);
        if (!error.isEmpty())
            return error;
    }
    return ViewExport::writeFile(d.filePath(QStringLiteral("index.html")),
                                 indexHtml(deck).toUtf8());
}

int SlidesExport::exportLesson(const std::vector<Event>& events, const Ladder& ladder,
                               const QString& lesson, const QString& dir, QString* error)
{
    LadderPainter::Options options;
    const SlideDeck deck = render(events, ladder, lesson, options);
    const QString e = write(deck, dir);
    if (!e.isEmpty()) {
        if (error)
            *error = e;
        return -1;
    }
    return int(deck.images.size());
}

} // namespace netstage
