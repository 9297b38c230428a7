#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>
#include <vector>

class QTimer;

namespace netstage {

class Timeline;
struct Event;

// What became of each datagram a client sent: one row per datagram, drawn as an arrow from the
// client's column through the relay's to the server's. A lost one stops at the relay with a
// cross, a duplicate arrives twice, a held-back one arrives after its successor (its arrival
// number shows it), a delayed one says by how much. Built from the timeline's events only
// (message, relay), so it shows exactly what was recorded: UDP's missing promises, seen.
class UdpDatagramView : public QWidget
{
    Q_OBJECT
public:
    struct Row
    {
        QString client;     // "udp-client-1"
        QByteArray payload; // preview
        qint64 bytes = 0;
        qint64 sentUs = 0;
        QString relay; // "", "forward", "delay", "duplicate", "reorder", "drop"
        int delayMs = 0;
        int arrivals = 0;    // how many copies reached the server
        int arrivalRank = 0; // 1 = the first datagram the server got, 2 = the second...
        qint64 arrivedUs = 0;
        bool outOfOrder = false; // arrived after a datagram sent later
    };

    explicit UdpDatagramView(Timeline* timeline, QWidget* parent = nullptr);
    ~UdpDatagramView() override;

    // Reads what the timeline gained; runs on a frame timer by itself.
    void flush();
    void clear();
    const std::vector<Row>& rows() const { return rows_; }
    int lostCount() const;
    int outOfOrderCount() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void apply(const Event& e);
    void recomputeOrder();

    QPointer<Timeline> timeline_;
    QTimer* timer_;
    quint64 seenEnd_ = 0;
    std::vector<Row> rows_;
    QString serverEndpoint_;
    QStringList clientEndpoints_; // local endpoint of each client, to recognise direct arrivals
    QStringList clientIds_;
    int arrivals_ = 0;
    bool dirty_ = false;
    static constexpr std::size_t kMaxRows = 2000; // older rows leave (the log keeps them all)
};

} // namespace netstage
