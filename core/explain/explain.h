#pragma once

#include "core/base/event.h"

#include <QCoreApplication>

namespace netstage {

// Plain sentences that say what an event means, for students. Translated (tr) at the moment
// they are asked for, so the log follows a language switch.
class Explain
{
    Q_DECLARE_TR_FUNCTIONS(netstage::Explain)
public:
    // The event's own detail if it has one, otherwise a sentence for its kind, state or code.
    static QString sentence(const Event& e);
    static QString forError(const QString& code);
    static QString forState(const QString& state);
    static QString forSegment(const Event& e);
    // The Qt signal that matches a Node event name, for students moving from Node to Qt.
    static QString qtName(const QString& event);
    // HTTP lab: request, response, clientError, drop and dns events (proto "http"/"dns").
    static QString forHttp(const Event& e);
    // UDP and WebSocket labs (explain_udp_ws.cpp): message, relay, handshake, frame, close.
    static QString forUdpWs(const Event& e);
    static QString forUdpWsError(const QString& code);
    // "1009 message too big: ...", the meaning of a WebSocket close code.
    static QString forWsCloseCode(int code);
};

} // namespace netstage
