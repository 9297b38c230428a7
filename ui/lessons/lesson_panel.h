#pragma once

#include "core/base/event.h"
#include "core/ladder/ladder.h"

#include <QPointer>
#include <QWidget>
#include <optional>
#include <vector>

class QCheckBox;
class QSpinBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QTableView;
class QTimer;

namespace netstage {

class KernelObserver;
class LadderExplainer;
class EmptyState;
class LadderView;
class LessonEventModel;
class LessonRunner;
class ReplayPlayer;
class TcpStateDiagramView;
class Timeline;
class WireCapture;

// The lifecycle animation: run a lesson on real sockets (straight through or step by step,
// the teacher deciding each application action while the kernel holds the state), watch it
// as a ladder diagram, then replay it at teaching speed, save it, open it again anywhere.
// The ladder is drawn from the wire where capture runs, from the TCP model otherwise, and says
// which. A user action goes to the runner or the player; what happened comes back as events.
class LessonPanel : public QWidget
{
    Q_OBJECT
public:
    LessonPanel(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                QWidget* parent = nullptr);
    ~LessonPanel() override;

    // Runs a lesson by name ("handshake", "teardown"...). In step mode it waits for next().
    bool startLesson(const QString& name, bool stepMode);
    // Chooses the lesson (and step mode) the Run button will run, without running it.
    void selectLesson(const QString& name, bool stepMode);
    void nextStep();
    void stopLesson();
    bool isRunning() const;
    // Pause between steps when not in step mode (900 ms by default: time to read each one).
    void setAutoStepDelay(int ms) { autoStepDelayMs_ = ms; }

    // Opens a recording off the GUI thread; a broken or foreign file leaves everything as it
    // was and says why (recordingFailed).
    void openRecording(const QString& path);
    // Saves what is shown as a recording, off the GUI thread (recordingSaved / failed).
    void saveRecording(const QString& path);
    bool exportDiagram(const QString& path, QString* error) const;
    void setEvents(std::vector<Event> events, const QString& lesson); // replaces the session
    // The lesson's own log (one row per event, in order), for "Show layers".
    QTableView* logView() const { return log_; }
    std::optional<Event> eventAtRow(int row) const
    {
        if (row < 0 || row >= int(events_.size()))
            return std::nullopt;
        return events_[std::size_t(row)];
    }

    LadderView* view() const { return view_; }
    TcpStateDiagramView* stateDiagram() const { return states_; }
    ReplayPlayer* player() const { return player_; }
    const Ladder& ladder() const { return ladder_; }
    const std::vector<Event>& events() const { return events_; }
    QString lessonName() const { return lessonName_; }

    // The lesson as slides (slide-01.png... and index.html in `dir`): drawn here, written on a
    // worker thread; slidesExported reports (count -1 and the reason on failure).
    void exportSlides(const QString& dir);

    // The panel's own controls, for keyboard shortcuts from outside (presentation mode): each
    // does what its button does, and nothing while the button is disabled.
    enum class Control
    {
        Run,      // run the selected lesson
        Step,     // the next lesson step (step mode)
        Stop,     // stop the lesson
        Play,     // play or pause the replay
        Restart,  // back to the beginning
        RealTime, // real time on or off
    };
    void trigger(Control control);
    void changeSpeed(int delta);   // the speed slider, while it is enabled
    void setDarkLadder(bool dark); // the "Dark" box, as if the user clicked it

public slots:
    void openWithDialog();
    void saveWithDialog();
    void exportWithDialog();
    void exportSlidesWithDialog();
    // The diagram's N / P: one step of the replay; at the end of a step-mode lesson that waits
    // for the teacher, N runs the next lesson step.
    void stepForward();
    void stepBack();

signals:
    void statusMessage(const QString& message);
    void recordingOpened(const QString& path);
    void recordingSaved(const QString& path);
    void recordingFailed(const QString& message);
    void lessonFinished();
    void slidesExported(const QString& dir, int count, const QString& error);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslate();
    void rebuildLadder();
    void scheduleRebuild();
    void onPosition(int position);
    void onLogRowClicked(int row);
    void updateButtons();
    void updateStepList();
    void showNote(const QString& text, bool bad);
    void styleNote();

    Timeline* timeline_;
    QPointer<KernelObserver> observer_;
    QPointer<WireCapture> wire_;
    LessonRunner* runner_ = nullptr;
    ReplayPlayer* player_ = nullptr;
    int sink_ = 0;
    bool recording_ = false; // collecting the timeline's events into events_
    bool follow_ = true;     // live: show every new item as it arrives
    std::vector<Event> events_;
    Ladder ladder_;
    QString lessonName_;
    int autoStepDelayMs_ = 900;
    QTimer* rebuild_ = nullptr;

    EmptyState* empty_ = nullptr; // over the ladder until a lesson draws
    QComboBox* lessons_ = nullptr;
    QCheckBox* stepMode_ = nullptr;
    QSpinBox* loss_ = nullptr; // real loss on the TCP port (root), 0 = off
    QPushButton* run_ = nullptr;
    QPushButton* next_ = nullptr;
    QPushButton* stop_ = nullptr;
    QComboBox* source_ = nullptr;
    QComboBox* numbers_ = nullptr;
    QCheckBox* dark_ = nullptr;
    QPushButton* open_ = nullptr;
    QPushButton* save_ = nullptr;
    QPushButton* export_ = nullptr;
    QPushButton* slides_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* note_ = nullptr;
    LadderView* view_ = nullptr;
    TcpStateDiagramView* states_ = nullptr;
    LadderExplainer* explainer_ = nullptr;
    QListWidget* steps_ = nullptr;
    QTableView* log_ = nullptr;
    LessonEventModel* logModel_ = nullptr;
    QPushButton* restart_ = nullptr;
    QPushButton* back_ = nullptr;
    QPushButton* play_ = nullptr;
    QPushButton* forward_ = nullptr;
    QSlider* scrubber_ = nullptr;
    QLabel* position_ = nullptr;
    QSlider* speed_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QCheckBox* realTime_ = nullptr;
};

} // namespace netstage
