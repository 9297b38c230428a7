#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <memory>
#include <vector>

class QSocketNotifier;

namespace netstage {

// A UDP socket on a plain non-blocking descriptor under one QSocketNotifier, so the lab reports
// what the kernel really says: EMSGSIZE for a datagram that cannot fit in one IP packet,
// ECONNREFUSED when a connected UDP socket gets ICMP "port unreachable" back, EADDRINUSE when
// the port is taken. QUdpSocket folds these into its own error enum.
//
// Reading drains the socket in batches (recvmmsg) but yields to the event loop after a budget,
// so a flood on one socket cannot starve the others or the GUI.
class UdpSocket : public QObject
{
    Q_OBJECT
public:
    explicit UdpSocket(QObject* parent = nullptr);
    ~UdpSocket() override;

    // Each returns 0 or the errno of the failing call.
    int bind(const QHostAddress& address, quint16 port);
    // Fixes the peer (connect(2) on UDP sends nothing); afterwards send() goes there and ICMP
    // errors for it come back as errorOccurred(ECONNREFUSED).
    int connectTo(const QHostAddress& address, quint16 port);
    int sendTo(const QByteArray& data, const QHostAddress& address, quint16 port);
    int send(const QByteArray& data); // connected sockets only
    void close();

    bool isOpen() const { return fd_ >= 0; }
    bool isConnected() const { return connected_; }
    QHostAddress localAddress() const { return localAddr_; }
    quint16 localPort() const { return localPort_; }
    QHostAddress peerAddress() const { return peerAddr_; }
    quint16 peerPort() const { return peerPort_; }
    int descriptor() const { return fd_; }
    quint64 received() const { return received_; }

    // Pause or resume reading (tests of a full receive buffer, the relay's back-pressure).
    void setReading(bool on);

signals:
    // The whole datagram (a UDP payload always fits in 64 KiB, so nothing is cut).
    void datagramReceived(const QByteArray& data, const QHostAddress& from, quint16 fromPort);
    // An error the kernel queued for this socket (ECONNREFUSED after ICMP port unreachable).
    void errorOccurred(int err);
    // The kernel dropped datagrams for this socket (receive buffer full): `dropped` new ones,
    // `total` since the socket opened (SO_RXQ_OVFL, read with the datagrams that follow).
    void kernelDropped(quint32 dropped, quint32 total);

private:
    int open(int family);
    void refreshLocal();
    void onReadable();

    int fd_ = -1;
    bool connected_ = false;
    QSocketNotifier* notifier_ = nullptr;
    QHostAddress localAddr_;
    quint16 localPort_ = 0;
    QHostAddress peerAddr_;
    quint16 peerPort_ = 0;
    quint64 received_ = 0;
    quint32 drops_ = 0; // the kernel's drop count as last seen (SO_RXQ_OVFL)
    // recvmmsg slots, allocated on the first read and not zero-filled: 1 MiB of memset cost
    // ~0.6 ms on the first datagram of every socket (the URL walk's DNS has five).
    std::unique_ptr<char[]> buffer_;
};

} // namespace netstage
