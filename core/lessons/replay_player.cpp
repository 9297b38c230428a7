#include "core/lessons/replay_player.h"

#include <QTimer>
#include <algorithm>
#include <cmath>

namespace netstage {

ReplayPlayer::ReplayPlayer(QObject* parent) : QObject(parent), timer_(new QTimer(this))
{
    timer_->setSingleShot(true);
    connect(timer_, &QTimer::timeout, this, [this] {
        if (position_ >= count_) {
            pause();
            return;
        }
        seek(position_ + 1);
        if (position_ >= count_)
            pause();
        else
            scheduleNext();
    });
}

void ReplayPlayer::setItemCount(int count, const std::vector<qint64>& itemTimesUs)
{
    count_ = std::max(0, count);
    times_ = itemTimesUs;
    if (position_ > count_)
        seek(count_);
}

bool ReplayPlayer::isPlaying() const
{
    return playing_;
}

void ReplayPlayer::setSpeed(double itemsPerSecond)
{
    speed_ = std::clamp(itemsPerSecond, kMinSpeed, kMaxSpeed);
}

double ReplayPlayer::speedFromSlider(int value, int steps)
{
    const double f = steps <= 0 ? 0 : std::clamp(double(value) / steps, 0.0, 1.0);
    return kMinSpeed * std::pow(kMaxSpeed / kMinSpeed, f);
}

int ReplayPlayer::sliderFromSpeed(double speed, int steps)
{
    const double f = std::log(std::clamp(speed, kMinSpeed, kMaxSpeed) / kMinSpeed) /
                     std::log(kMaxSpeed / kMinSpeed);
    return int(std::lround(f * steps));
}

void ReplayPlayer::play()
{
    if (count_ == 0)
        return;
    if (position_ >= count_)
        seek(0);
    scheduleNext();
    if (!playing_) {
        playing_ = true;
        emit playingChanged(true);
    }
}

void ReplayPlayer::pause()
{
    timer_->stop();
    if (playing_) {
        playing_ = false;
        emit playingChanged(false);
    }
}

void ReplayPlayer::togglePlay()
{
    isPlaying() ? pause() : play();
}

void ReplayPlayer::stepForward()
{
    pause();
    seek(position_ + 1);
}

void ReplayPlayer::stepBack()
{
    pause();
    seek(position_ - 1);
}

void ReplayPlayer::restart()
{
    pause();
    seek(0);
}

void ReplayPlayer::toEnd()
{
    pause();
    seek(count_);
}

void ReplayPlayer::seek(int position)
{
    const int p = std::clamp(position, 0, count_);
    if (p == position_)
        return;
    position_ = p;
    emit positionChanged(position_);
}

void ReplayPlayer::scheduleNext()
{
    int ms = int(1000.0 / speed_);
    if (realTime_ && position_ > 0 && position_ < int(times_.size()))
        ms = int(std::clamp<qint64>((times_[position_] - times_[position_ - 1]) / 1000, 0, 60000));
    timer_->start(ms);
}

} // namespace netstage
