#pragma once

#include <QObject>
#include <vector>

class QTimer;

namespace netstage {

// Plays a ladder's items back at teaching speed: position is how many items are shown.
// Play advances one item per tick (speed = items per second, 0.1 to 10, or real time where the
// real gaps between items are kept). Going back is cheap: views redraw items [0, position),
// like NetAnim seeks by resetting and fast-forwarding without drawing.
class ReplayPlayer : public QObject
{
    Q_OBJECT
public:
    explicit ReplayPlayer(QObject* parent = nullptr);

    void setItemCount(int count, const std::vector<qint64>& itemTimesUs = {});
    int itemCount() const { return count_; }
    int position() const { return position_; }
    bool isPlaying() const;

    static constexpr double kMinSpeed = 0.1;
    static constexpr double kMaxSpeed = 10.0;
    void setSpeed(double itemsPerSecond); // clamped to [kMinSpeed, kMaxSpeed]
    double speed() const { return speed_; }
    void setRealTime(bool on) { realTime_ = on; }
    bool realTime() const { return realTime_; }

    // Slider helpers: a log scale from kMinSpeed (0) to kMaxSpeed (steps).
    static double speedFromSlider(int value, int steps);
    static int sliderFromSpeed(double speed, int steps);

public slots:
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBack();
    void restart();
    void seek(int position);
    void toEnd();

signals:
    void positionChanged(int position);
    void playingChanged(bool playing);

private:
    void scheduleNext();
    QTimer* timer_;
    int count_ = 0;
    int position_ = 0;
    double speed_ = 1.0;
    bool realTime_ = false;
    bool playing_ = false;
    std::vector<qint64> times_;
};

} // namespace netstage
