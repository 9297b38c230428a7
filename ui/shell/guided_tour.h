#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QLabel;
class QPushButton;
class QTimer;
class QWidget;

namespace netstage {

class TcpLab;
class TcpPanel;
class Timeline;

// The guided first run of the tutorial's TCP chapter, over the TCP lab: start the seed server,
// connect, send, half-close. Each step rings the control to press and says what will appear in
// the log and in the socket table; a step advances only when the lab really did it (the lab's
// own events), whichever way it was done. No modal dialog: a note beside the control, Esc or
// "End the guided run" ends it at any moment.
class GuidedTour : public QObject
{
    Q_OBJECT
public:
    enum Step
    {
        StartServer,
        Connect,
        Send,
        HalfClose,
        Done
    };

    // Over `window`, guiding `panel` (which shows `lab`). Starts at once.
    GuidedTour(QWidget* window, TcpPanel* panel, TcpLab* lab);
    ~GuidedTour() override;

    Step step() const { return step_; }
    static constexpr int kSteps = 4;
    // The control the current step points at (null when done).
    QWidget* target() const;
    QWidget* note() const;
    QWidget* ring() const;
    QString noteText() const;

public slots:
    void end();

signals:
    void stepChanged(int step);
    void finished(bool completed); // completed: every step done, not ended early

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onEvent(const QString& socket, const QString& event, const QString& dir);
    void advanceTo(Step step);
    void show();
    void place();

    QPointer<QWidget> window_;
    QPointer<TcpPanel> panel_;
    QPointer<TcpLab> lab_;
    QPointer<Timeline> timeline_;
    int sink_ = -1;
    Step step_ = StartServer;
    QString client_;
    QWidget* ring_ = nullptr;
    QWidget* note_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* text_ = nullptr;
    QPushButton* endButton_ = nullptr;
    QTimer* follow_ = nullptr;
    bool ended_ = false;
};

} // namespace netstage
