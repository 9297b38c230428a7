<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>netstage::Cli</name>
    <message>
        <source>cannot write events to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 is already in use (EADDRINUSE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection to %1 refused: nothing listens there (ECONNREFUSED)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not connect to %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the peer did not close its side within %1 ms; closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection closed before every --send was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: netstage [--lang zh_CN|en] [--screenshot FILE [--view tcp]]
       netstage &lt;lab&gt; &lt;verb&gt; [options] [--events FILE|-]

NetStage shows how network connections live and die, with real sockets.
Without a lab it opens the window. With one it runs headless and prints
events; --events writes them as JSON Lines (&quot;-&quot; = stdout, and then
people-readable lines go to stderr).

Labs:
  tcp serve     run the tutorial&apos;s TCP server (presets seed, echo, silent)
  tcp connect   connect, send, then close, half-close or abort

Options:
  --lang L        zh_CN or en (default: the system&apos;s language)
  --screenshot F  open the window, let it settle, write a PNG to F, exit
  --view V        the view for --screenshot (tcp)
  --help          this text; &apos;netstage tcp --help&apos; for the TCP lab
  --version       the version

Exit status: 0 success, 1 runtime failure, 2 bad usage.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
  netstage tcp serve   [--host 127.0.0.1] [--port 8124] [--preset seed|echo|silent]
                       [--for SECONDS] [--events FILE|-] [--quiet]
  netstage tcp connect HOST:PORT [--send TEXT]... [--hex]
                       [--then half-close|close|abort] [--wait MS]
                       [--events FILE|-] [--quiet]

serve    listens (127.0.0.1 unless --host says otherwise; --port 0 picks a free
         port) until SIGINT/SIGTERM or --for SECONDS, then closes cleanly.
         seed: the tutorial&apos;s server: a welcome line on connection, &quot;你好&quot;
               for each message, ends its side when the client ends.
         echo: writes back what arrives.   silent: says nothing and never
               closes by itself (the connection waits in CLOSE-WAIT).
connect  connects, reads what the server says, sends each --send (waiting
         --wait ms, default 500, for replies after each), then closes
         (--then close, default), sends FIN and keeps reading (half-close),
         or resets with RST (abort). --hex: --send values are hex bytes.
--events FILE|-  every event as a JSON line (t_us, socket, event, source, ...)
--quiet          no people-readable lines
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lang needs a value (zh_CN or en)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lang must be zh_CN or en, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot needs a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--view needs a view name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--events needs a file name or -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--host needs an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--preset must be seed, echo or silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--for needs a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--send needs a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--then must be half-close, close or abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--wait needs milliseconds (0 to 600000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown lab &quot;%1&quot; (try: tcp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tcp needs a verb: serve or connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tcp serve takes no argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--send and --hex belong to tcp connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tcp connect needs HOST:PORT, e.g. 127.0.0.1:8124</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not HOST:PORT (port 1-65535), e.g. 127.0.0.1:8124</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not hex bytes (e.g. &quot;48 65 6c 6c 6f&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown tcp verb &quot;%1&quot; (try: serve, connect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;netstage --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>netstage: no command given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>netstage::EventLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t_us = %1 µs on the session clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
local %2
remote %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Qt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes
hex: %2
text: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milliseconds since the first event; hover a cell for the raw microseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who saw it: app (the program), kernel (the kernel&apos;s TCP state), wire (captured packets), model (what RFC 9293 says happened).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node.js event name; hover a cell for the matching Qt signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ out: this socket sent it. ← in: this socket received it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payload as text, or as hex when it is binary or Hex is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TCP state the event reports.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>netstage::EventLogPanel</name>
    <message>
        <source>Hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Event log&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the events of one socket, or of all sockets. Selecting a socket in the list above chooses it here too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the program sees: listening, connect, data, end, close…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel&apos;s TCP state of each socket (as `ss` shows it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real segments captured on the loopback interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What RFC 9293 says must have happened, when the wire is not visible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every payload as hex bytes, not only the binary ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected events as JSON Lines (Ctrl+C).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the events shown (after filtering) as a JSON Lines file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as JSON Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sockets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select rows to copy first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n event(s) as JSON Lines.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A save is still running; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saving %n event(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Save the event log as JSON Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.ndjson);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::Explain</name>
    <message>
        <source>The server socket is bound and listening: the kernel now completes handshakes for it and queues the new connections until the program accepts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server accepted a new connection: the 3-way handshake (SYN, SYN+ACK, ACK) is already complete in the kernel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client&apos;s 3-way handshake completed (SYN, SYN+ACK, ACK): the connection is ESTABLISHED and both sides can send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The peer sent FIN: it will send nothing more. Reading returns end-of-stream; this side may still write until it closes too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program closed its socket. The kernel may still hold the connection (FIN-WAIT, TIME-WAIT) until the teardown completes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection refused: nothing listens on that port, so the peer&apos;s kernel answered the SYN with RST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address in use: another socket already listens on this address and port. Stop the other program or choose another port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection reset: the peer sent RST. It aborted (SO_LINGER 0) or closed while data was still unread, so the connection ends at once, without a FIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out: no answer came to the SYN in time (a firewall may drop it silently, or the host is unreachable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broken pipe: this side already shut down its sending direction, or the peer reset the connection; the data cannot be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission denied: ports below 1024 need administrator rights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address not available: that IP address does not belong to this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No route to that network or host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name could not be resolved to an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That socket is not open (it was closed already, or never existed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That input cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LISTEN: waiting for SYNs from clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SYN-SENT: the client sent SYN and waits for SYN+ACK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SYN-RECEIVED: the server got SYN, answered SYN+ACK and waits for the final ACK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESTABLISHED: the handshake is complete; data flows both ways.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FIN-WAIT-1: this side sent FIN and waits for it to be acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FIN-WAIT-2: our FIN was acknowledged; we wait for the peer&apos;s FIN and can still receive data (half-closed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLOSE-WAIT: the peer sent FIN and the kernel acknowledged it; the connection stays half-open until this program closes its side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLOSING: both sides sent FIN at the same time; waiting for the ACK of ours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LAST-ACK: this side sent its FIN after the peer&apos;s; waiting for the last ACK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIME-WAIT: the side that closed first waits 2×MSL (60 s on Linux) so late segments die out and the last ACK can be repeated if it was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLOSED: the kernel has forgotten this connection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>netstage::KernelObserver</name>
    <message>
        <source>The kernel observer cannot open NETLINK_SOCK_DIAG, so the TCP states are not shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>netstage::LogSaver</name>
    <message numerus="yes">
        <source>Saved %n event(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the log to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>netstage::SocketListModel</name>
    <message>
        <source>listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>half-closed (we sent FIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peer ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No kernel state observed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the program knows from its own calls and events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel&apos;s own TCP state, read with NETLINK_SOCK_DIAG (what `ss` shows). It outlives the program&apos;s socket: look for TIME-WAIT.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>netstage::TcpLab</name>
    <message>
        <source>&quot;%1&quot; is not an IP address this server can bind to (try 127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1, not on loopback: other machines on the network can connect to this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server stopped listening; connections it accepted stay open until they are closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port 0 cannot be connected to: choose the server&apos;s port (1-65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No host given: type an address such as 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; could not be resolved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client sent FIN. The seed server prints &quot;%1&quot; as in the tutorial and ends its own side too, like Node&apos;s default (allowHalfOpen: false).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client sent FIN. The silent server keeps its side open: the connection stays in CLOSE-WAIT until you close it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborted: with SO_LINGER 0 the kernel sent RST and dropped anything queued. No FIN, no TIME-WAIT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed because of the error above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot %1: %2 is not an open connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This side already sent its FIN (half-close or close), so it cannot send any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>half-close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This side already sent its FIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This side sent FIN (shutdown SHUT_WR, Node&apos;s socket.end()): it will send nothing more, but it keeps reading what the peer still sends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abort</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>netstage::TcpPanel</name>
    <message>
        <source>Every socket of the lab, as the events tell it. Select one to act on it and to see only its events in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sockets&lt;/b&gt; — what the program sees and what the kernel says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address to listen on. 127.0.0.1 keeps the lab on this machine; any other address lets the network in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port to listen on (8124 as in the tutorial). 0 lets the kernel pick a free one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed: the tutorial&apos;s server. Greets each client with “%1”, answers every message with “%2” and ends when the client ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>echo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>echo: sends back every byte it receives and ends when the client ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silent: says nothing and never closes by itself, so the teacher decides when each side closes (watch CLOSE-WAIT and FIN-WAIT-2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start listening on this address and port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop listening. Connections already accepted stay open until they close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host:port to connect to, e.g. 127.0.0.1:8124 or [::1]:8124.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a new client connection (tcp-client-N) to this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bytes to send: text (sent as UTF-8) or, with Hex, hex bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the message as hex bytes, e.g. 48 65 6c 6c 6f.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message on the selected socket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send FIN but keep reading (shutdown SHUT_WR): the peer sees `end`, this side waits in FIN-WAIT-2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close gracefully: send what is queued, then FIN; the kernel finishes the goodbye.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort (RST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort: SO_LINGER 0 then close, so the kernel sends RST and the peer gets ECONNRESET.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1 is not a loopback address: other machines on the network can reach this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the server; see the event log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1 port %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the target as host:port, e.g. 127.0.0.1:8124.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect; see the event log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 connecting to %2 port %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a client or an accepted connection in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is the listener: it only accepts. Select a connection to send or close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not hex: use pairs of 0-9 and a-f, like 48 65 6c 6c 6f.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has an odd number of hex digits: each byte is two digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to send: type hex bytes like 48 65 6c 6c 6f.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to send: type a message first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sent %n byte(s) on %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>FIN queued on %1; it keeps reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-close failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 aborted: RST sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
