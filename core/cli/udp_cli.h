#pragma once

#include "core/base/event.h"
#include "core/cli/cli.h"

namespace netstage {

// `netstage udp serve|send ...`: the UDP lab headless (listed in Cli::labModules()).
LabCli udpCli();

// A people-readable line for a UDP or WebSocket event: humanLine() plus what these labs add
// (the relay's decision, a frame's opcode and flags, a handshake's first line), and the
// event's own sentence beside an error code (UDP's ECONNREFUSED is not TCP's).
QString udpWsHumanLine(const Event& e, qint64 t0);

// "0.1", "10%" -> 0.1; false for anything outside 0..1.
bool parseProbability(const QString& text, double* out);

} // namespace netstage
