#pragma once

#include "core/base/event.h"
#include "ui/url/url_step_model.h"

#include <QWidget>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTimer;
class QTreeView;

namespace netstage {

class HttpPageBrowser;
class KernelObserver;
class LadderView;
class ReplayPlayer;
class Timeline;
class UrlStepModel;
class UrlWalk;
class WaterfallChart;
class WireCapture;

// The "URL → page" tab (issue 7): type a URL, press Go, and watch the browser's walk on real
// sockets: the steps light up as they happen (each opens to its events), the ladder of the
// walk's connections, the waterfall of its requests, and the page it rendered. Step mode waits
// before each phase for Next (F5 or N). Everything but the page is drawn from Timeline events,
// so a saved walk opens again without a network.
class UrlPanel : public QWidget
{
    Q_OBJECT
public:
    UrlPanel(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
             QWidget* parent = nullptr);
    ~UrlPanel() override;

    void setUrl(const QString& url);
    QString url() const;
    void setVisits(int visits);
    void setStepMode(bool on);
    void setStepDelay(int ms);

    // Starts a walk with what the controls say; false (and a sentence shown) on bad input.
    bool go();
    void next(); // step mode: run the phase that waits
    void stop();
    bool isRunning() const;
    bool isWaiting() const { return !waitingFor_.isEmpty(); }
    QString waitingFor() const { return waitingFor_; } // the phase Next will run

    // A walk as a recording (the walk's events), and back: replay shows the steps, the
    // waterfall and the ladder.
    void saveRecording(const QString& path);
    void openRecording(const QString& path);
    void setEvents(std::vector<Event> events); // replay these (stops a live walk)
    bool isReplay() const { return replay_; }
    // Replay: how many of the recording's steps are shown (all, once opened).
    ReplayPlayer* player() const { return player_; }

    UrlWalk* walk() const { return walk_; }
    UrlStepModel* stepModel() const { return model_; }
    QTreeView* stepView() const { return steps_; }
    WaterfallChart* waterfall() const { return waterfall_; }
    LadderView* ladderView() const { return ladder_; }
    HttpPageBrowser* pageView() const { return page_; }
    QTabWidget* tabs() const { return tabs_; }
    QLabel* noteLabel() const { return note_; }

signals:
    void statusMessage(const QString& message);
    void walkFinished(bool ok);
    void recordingOpened(const QString& path);
    void recordingSaved(const QString& path);
    void recordingFailed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    // What each empty view will show and the one action that fills it.
    void addEmptyStates();
    void describeEmptyStates();
    void buildUi();
    void retranslate();
    void flush();
    void take(const Event& e);
    void scheduleLadder();
    void rebuildLadder();
    void showPhase(int row);
    void renderPage();
    void showPageUnavailable(const QString& why);
    void updateButtons();
    void showNote(const QString& text, bool bad);
    void onWaiting(const QString& nextPhase);
    void onFinished(bool ok, const QString& sentence);
    void onReplayPosition(int position);
    void saveWithDialog();
    void openWithDialog();

    Timeline* timeline_;
    UrlWalk* walk_;
    int sink_ = 0;
    UrlStepModel::Filter filter_; // which of the timeline's events are the walk's
    std::vector<Event> pending_;  // taken from the timeline, not yet shown
    QTimer* flushTimer_;
    QTimer* ladderTimer_;
    bool live_ = false;   // events of the timeline go to the views
    bool replay_ = false; // the views show a recording
    QString waitingFor_;
    int shownPhase_ = -1; // the phase the explanation box and the ladder follow (-1: running)
    QPair<int, int> ladderFit_{-2, -1}; // (phase, lanes) the ladder's zoom was fitted for
    std::vector<Event> replayEvents_;
    std::vector<std::size_t> replayStarts_; // index of each phase's begin in replayEvents_
    ReplayPlayer* player_;

    QLabel* urlLabel_;
    QLineEdit* urlEdit_;
    QPushButton* goButton_;
    QLabel* visitsLabel_;
    QSpinBox* visits_;
    QCheckBox* stepMode_;
    QLabel* delayLabel_;
    QSpinBox* delay_;
    QPushButton* nextButton_;
    QPushButton* stopButton_;
    QPushButton* saveButton_;
    QPushButton* openButton_;
    QLabel* note_;
    QWidget* replayBar_;
    QPushButton* back_;
    QPushButton* play_;
    QPushButton* forward_;
    QSlider* slider_;
    QLabel* position_;
    QTreeView* steps_;
    UrlStepModel* model_;
    QLabel* explain_;
    QTabWidget* tabs_;
    LadderView* ladder_;
    QLabel* ladderNote_;
    QPushButton* wholeButton_;
    HttpPageBrowser* page_;
    QLabel* pageNote_;
    WaterfallChart* waterfall_;
};

} // namespace netstage
