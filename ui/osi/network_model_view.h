#pragma once

#include "core/observe/encapsulation.h"

#include <QWidget>

namespace netstage {

// The network model, painted for a projector: the seven OSI layers beside the four TCP/IP
// layers (application, presentation and session are TCP/IP's application; network is its
// internet layer; data link and physical are its link layer), the protocols of each, the unit
// each layer hands down (message, segment or datagram, packet, frame, bits) and where
// NetStage's labs live. When a packet is shown in the layers view, the layers it has are
// outlined and the ones its source does not know are marked.
class NetworkModelView : public QWidget
{
    Q_OBJECT
public:
    explicit NetworkModelView(QWidget* parent = nullptr);

    // The packet shown below: its layers are outlined here (nullptr: none).
    void setPacket(const Encapsulation* packet);

    // Paints the whole model into `rect` (the widget, PNG and SVG share it).
    void paint(QPainter* p, const QRectF& rect) const;
    // Saves the model as .png (twice the widget's size) or .svg.
    bool saveImage(const QString& path, QString* error) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Fill and border colour of a TCP/IP layer (shared with the layers view).
    static QColor fillOf(PacketLayer::Kind kind);
    static QColor inkOf(PacketLayer::Kind kind);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Shown
    {
        bool present = false;
        bool captured = false;
        QString name;
    };
    Shown shown_[4];
    bool hasPacket_ = false;
};

} // namespace netstage
