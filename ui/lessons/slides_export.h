#pragma once

#include "core/base/event.h"
#include "core/ladder/ladder.h"
#include "ui/ladder/ladder_painter.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>
#include <vector>

namespace netstage {

// A lesson as slides, for a classroom without the software: one PNG per lesson step (the
// ladder as it stands when that step's segments have all arrived, the step's explanation as a
// caption) and an index.html that shows them in order. Every slide has the same size, so a
// slideshow does not jump.
struct Slide
{
    int step = 0;  // 1-based
    int upTo = 0;  // ladder items [0, upTo) drawn
    QString title; // "The client connects"
    QString explanation;
};

struct SlideDeck
{
    QString title; // the lesson's title
    std::vector<Slide> slides;
    std::vector<QImage> images; // one per slide, all the same size
};

class SlidesExport
{
    Q_DECLARE_TR_FUNCTIONS(netstage::SlidesExport)
public:
    // The steps of the lesson recorded in `events` (its `step` events) and, for each, how much
    // of the ladder belongs to it: everything before the next step began. Texts come from the
    // lesson in the current language when `lesson` names one, else from the recording.
    static std::vector<Slide> plan(const std::vector<Event>& events, const Ladder& ladder,
                                   const QString& lesson);
    // Draws the slides (GUI thread or any thread with a QGuiApplication; fonts are needed).
    // options.currentItem is set per slide to its newest item; zoom and theme are kept.
    static SlideDeck render(const std::vector<Event>& events, const Ladder& ladder,
                            const QString& lesson, LadderPainter::Options options);
    // Writes slide-01.png... and index.html into `dir` (created if missing). Only file work:
    // safe on a worker thread. Returns "" or the error.
    static QString write(const SlideDeck& deck, const QString& dir);
    // Both, for the command line: returns the number of slides, or -1 with *error set.
    static int exportLesson(const std::vector<Event>& events, const Ladder& ladder,
                            const QString& lesson, const QString& dir, QString* error);

    static QString fileName(int index); // 0 -> "slide-01.png"
    static QString indexHtml(const SlideDeck& deck);
};

} // namespace netstage
