<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>netstage::Cli</name>
    <message numerus="yes">
        <source>The nftables rule dropped %n TCP segment(s) on the way to the server.</source>
        <translation>
            <numerusform>The nftables rule dropped %n TCP segment on the way to the server.</numerusform>
            <numerusform>The nftables rule dropped %n TCP segments on the way to the server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %n slide(s) and index.html to %1</source>
        <translation>
            <numerusform>wrote %n slide and index.html to %1</numerusform>
            <numerusform>wrote %n slides and index.html to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::Encapsulation</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 event of %2: %n byte(s)</source>
        <translation>
            <numerusform>%1 event of %2: %n byte</numerusform>
            <numerusform>%1 event of %2: %n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::EventLogPanel</name>
    <message numerus="yes">
        <source>Copied %n event(s) as JSON Lines.</source>
        <translation>
            <numerusform>Copied %n event as JSON Lines.</numerusform>
            <numerusform>Copied %n events as JSON Lines.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving %n event(s)…</source>
        <translation>
            <numerusform>Saving %n event…</numerusform>
            <numerusform>Saving %n events…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown</source>
        <translation>
            <numerusform>%n event shown</numerusform>
            <numerusform>%n events shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::Explain</name>
    <message numerus="yes">
        <source>Data: %n byte(s) with sequence numbers from seq on; the receiver acknowledges seq + length.</source>
        <translation>
            <numerusform>Data: %n byte with sequence numbers from seq on; the receiver acknowledges seq + length.</numerusform>
            <numerusform>Data: %n bytes with sequence numbers from seq on; the receiver acknowledges seq + length.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>HTTP request %1 %2 (%3): the request line, %n header field(s) and %4 byte(s) of body, sent as plain text over the TCP connection.</source>
        <translation>
            <numerusform>HTTP request %1 %2 (%3): the request line, %n header field and %4 byte(s) of body, sent as plain text over the TCP connection.</numerusform>
            <numerusform>HTTP request %1 %2 (%3): the request line, %n header fields and %4 byte(s) of body, sent as plain text over the TCP connection.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::HttpExchangeView</name>
    <message numerus="yes">
        <source>
[… %n more byte(s)]</source>
        <translation>
            <numerusform>
[… %n more byte]</numerusform>
            <numerusform>
[… %n more bytes]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n byte(s) of binary body: tick Hex to see them]</source>
        <translation>
            <numerusform>[%n byte of binary body: tick Hex to see them]</numerusform>
            <numerusform>[%n bytes of binary body: tick Hex to see them]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[… %n more byte(s)]</source>
        <translation>
            <numerusform>[… %n more byte]</numerusform>
            <numerusform>[… %n more bytes]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::HttpParser</name>
    <message numerus="yes">
        <source>The request line is longer than %n bytes (nginx&apos;s limit): 414 URI Too Long.</source>
        <translation>
            <numerusform>The request line is longer than %n bytes (nginx&apos;s limit): 414 URI Too Long.</numerusform>
            <numerusform>The request line is longer than %n bytes (nginx&apos;s limit): 414 URI Too Long.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The headers are larger than %n bytes (Node&apos;s limit): 431 Request Header Fields Too Large.</source>
        <translation>
            <numerusform>The headers are larger than %n bytes (Node&apos;s limit): 431 Request Header Fields Too Large.</numerusform>
            <numerusform>The headers are larger than %n bytes (Node&apos;s limit): 431 Request Header Fields Too Large.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More than %n header fields: 431 Request Header Fields Too Large.</source>
        <translation>
            <numerusform>More than %n header fields: 431 Request Header Fields Too Large.</numerusform>
            <numerusform>More than %n header fields: 431 Request Header Fields Too Large.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::HttpServer</name>
    <message numerus="yes">
        <source>%n connection(s) are already open, the server&apos;s limit, and none of them is idle: this one is refused with 503 Service Unavailable and closed (Node&apos;s server.maxConnections emits &apos;drop&apos;).</source>
        <translation>
            <numerusform>%n connection is already open, the server&apos;s limit, and it is not idle: this one is refused with 503 Service Unavailable and closed (Node&apos;s server.maxConnections emits &apos;drop&apos;).</numerusform>
            <numerusform>%n connections are already open, the server&apos;s limit, and none of them is idle: this one is refused with 503 Service Unavailable and closed (Node&apos;s server.maxConnections emits &apos;drop&apos;).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the server&apos;s limit of %n connection(s) is reached</source>
        <translation>
            <numerusform>the server&apos;s limit of %n connection is reached</numerusform>
            <numerusform>the server&apos;s limit of %n connections is reached</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::HttpsCli</name>
    <message numerus="yes">
        <source>  %1, %2, ALPN %3%4, %n handshake message(s)</source>
        <translation>
            <numerusform>  %1, %2, ALPN %3%4, %n handshake message</numerusform>
            <numerusform>  %1, %2, ALPN %3%4, %n handshake messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2%3, %n handshake message(s), round trips before the request: %4, TLS handshake %5, %6 TLS bytes from the server, HTTP %7</source>
        <translation>
            <numerusform>%1: %2%3, %n handshake message, round trips before the request: %4, TLS handshake %5, %6 TLS bytes from the server, HTTP %7</numerusform>
            <numerusform>%1: %2%3, %n handshake messages, round trips before the request: %4, TLS handshake %5, %6 TLS bytes from the server, HTTP %7</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::HttpsClient</name>
    <message numerus="yes">
        <source>no answer within %n ms</source>
        <translation>
            <numerusform>no answer within %n ms</numerusform>
            <numerusform>no answer within %n ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::HttpsPane</name>
    <message numerus="yes">
        <source>%n handshake message(s), </source>
        <translation>
            <numerusform>%n handshake message, </numerusform>
            <numerusform>%n handshake messages, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n TLS record(s) on the wire. </source>
        <translation>
            <numerusform>%n TLS record on the wire. </numerusform>
            <numerusform>%n TLS records on the wire. </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::HttpsServer</name>
    <message numerus="yes">
        <source>Idle for %n ms: the server closes the connection with close_notify.</source>
        <translation>
            <numerusform>Idle for %n ms: the server closes the connection with close_notify.</numerusform>
            <numerusform>Idle for %n ms: the server closes the connection with close_notify.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No complete handshake within %n ms: the client stopped in the middle; the server closes the connection.</source>
        <translation>
            <numerusform>No complete handshake within %n ms: the client stopped in the middle; the server closes the connection.</numerusform>
            <numerusform>No complete handshake within %n ms: the client stopped in the middle; the server closes the connection.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) are already open, the server&apos;s limit: this one is closed before its handshake.</source>
        <translation>
            <numerusform>%n connection is already open, the server&apos;s limit: this one is closed before its handshake.</numerusform>
            <numerusform>%n connections are already open, the server&apos;s limit: this one is closed before its handshake.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::LadderExplainer</name>
    <message numerus="yes">
        <source>DNS datagram, %n byte(s)</source>
        <translation>
            <numerusform>DNS datagram, %n byte</numerusform>
            <numerusform>DNS datagram, %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>UDP datagram, %n byte(s)</source>
        <translation>
            <numerusform>UDP datagram, %n byte</numerusform>
            <numerusform>UDP datagram, %n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::LessonPanel</name>
    <message numerus="yes">
        <source>Opened %1: %n step(s). Press Play or Forward.</source>
        <translation>
            <numerusform>Opened %1: %n step. Press Play or Forward.</numerusform>
            <numerusform>Opened %1: %n steps. Press Play or Forward.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n slide(s) and index.html to %1.</source>
        <translation>
            <numerusform>Wrote %n slide and index.html to %1.</numerusform>
            <numerusform>Wrote %n slides and index.html to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::LogSaver</name>
    <message numerus="yes">
        <source>Saved %n event(s) to %1</source>
        <translation>
            <numerusform>Saved %n event to %1</numerusform>
            <numerusform>Saved %n events to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::MainWindow</name>
    <message numerus="yes">
        <source>Saving %n event(s)…</source>
        <translation>
            <numerusform>Saving %n event…</numerusform>
            <numerusform>Saving %n events…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %1; %n other file(s) ignored (one recording at a time).</source>
        <translation>
            <numerusform>Opened %1; %n other file ignored (one recording at a time).</numerusform>
            <numerusform>Opened %1; %n other files ignored (one recording at a time).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>LAN mode ON: students connect to %1 · at most %n connection(s) per server</source>
        <translation>
            <numerusform>LAN mode ON: students connect to %1 · at most %n connection per server</numerusform>
            <numerusform>LAN mode ON: students connect to %1 · at most %n connections per server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n frame(s) as pcapng…</source>
        <translation>
            <numerusform>Exporting %n frame as pcapng…</numerusform>
            <numerusform>Exporting %n frames as pcapng…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n frame(s) to %1 (pcapng: Wireshark and tshark open it).</source>
        <translation>
            <numerusform>Exported %n frame to %1 (pcapng: Wireshark and tshark open it).</numerusform>
            <numerusform>Exported %n frames to %1 (pcapng: Wireshark and tshark open it).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::NetworkModelView</name>
    <message numerus="yes">
        <source>%1, %n byte(s)</source>
        <translation>
            <numerusform>%1, %n byte</numerusform>
            <numerusform>%1, %n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::PacketLayersView</name>
    <message numerus="yes">
        <source>%n byte(s) of data</source>
        <translation>
            <numerusform>%n byte of data</numerusform>
            <numerusform>%n bytes of data</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) as captured</source>
        <translation>
            <numerusform>%n byte as captured</numerusform>
            <numerusform>%n bytes as captured</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::SlidesExport</name>
    <message numerus="yes">
        <source>%n slide(s), one per step. Use the arrow keys or scroll.</source>
        <translation>
            <numerusform>%n slide, one per step. Use the arrow keys or scroll.</numerusform>
            <numerusform>%n slides, one per step. Use the arrow keys or scroll.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::TcpLab</name>
    <message numerus="yes">
        <source>LAN mode allows %n connection(s) at once: the connection from %1 is refused and closed (Node&apos;s server.maxConnections emits &apos;drop&apos;).</source>
        <translation>
            <numerusform>LAN mode allows %n connection at once: the connection from %1 is refused and closed (Node&apos;s server.maxConnections emits &apos;drop&apos;).</numerusform>
            <numerusform>LAN mode allows %n connections at once: the connection from %1 is refused and closed (Node&apos;s server.maxConnections emits &apos;drop&apos;).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::TcpPanel</name>
    <message numerus="yes">
        <source>Sent %n byte(s) on %1.</source>
        <translation>
            <numerusform>Sent %n byte on %1.</numerusform>
            <numerusform>Sent %n bytes on %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::TlsEngine</name>
    <message numerus="yes">
        <source>ClientHello, in clear: offers %1, %n cipher suite(s), server name &quot;%2&quot;; with a key share it could finish in one round trip.</source>
        <translation>
            <numerusform>ClientHello, in clear: offers %1, %n cipher suite, server name &quot;%2&quot;; with a key share it could finish in one round trip.</numerusform>
            <numerusform>ClientHello, in clear: offers %1, %n cipher suites, server name &quot;%2&quot;; with a key share it could finish in one round trip.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>NewSessionTicket: a ticket (valid %n s) the client can show next time to resume without a certificate.</source>
        <translation>
            <numerusform>NewSessionTicket: a ticket (valid %n s) the client can show next time to resume without a certificate.</numerusform>
            <numerusform>NewSessionTicket: a ticket (valid %n s) the client can show next time to resume without a certificate.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::UdpCli</name>
    <message numerus="yes">
        <source>%1: %n datagram(s) sent; answers received: %2</source>
        <translation>
            <numerusform>%1: %n datagram sent; answers received: %2</numerusform>
            <numerusform>%1: %n datagrams sent; answers received: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::UdpLab</name>
    <message numerus="yes">
        <source>The kernel dropped %n datagram(s) for this socket: its receive buffer was full, the program did not read fast enough (SO_RXQ_OVFL counts them; %1 so far). UDP has no flow control: nobody, not even the sender, is told.</source>
        <translation>
            <numerusform>The kernel dropped %n datagram for this socket: its receive buffer was full, the program did not read fast enough (SO_RXQ_OVFL counts them; %1 so far). UDP has no flow control: nobody, not even the sender, is told.</numerusform>
            <numerusform>The kernel dropped %n datagrams for this socket: its receive buffer was full, the program did not read fast enough (SO_RXQ_OVFL counts them; %1 so far). UDP has no flow control: nobody, not even the sender, is told.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::UdpRelay</name>
    <message numerus="yes">
        <source>The relay stopped; %n datagram(s) still waiting in it were discarded.</source>
        <translation>
            <numerusform>The relay stopped; %n datagram still waiting in it was discarded.</numerusform>
            <numerusform>The relay stopped; %n datagrams still waiting in it were discarded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::UrlPanel</name>
    <message numerus="yes">
        <source>The whole walk: DNS datagrams and %n TCP connection(s)</source>
        <translation>
            <numerusform>The whole walk: DNS datagrams and %n TCP connection</numerusform>
            <numerusform>The whole walk: DNS datagrams and %n TCP connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The whole walk: %n TCP connection(s)</source>
        <translation>
            <numerusform>The whole walk: %n TCP connection</numerusform>
            <numerusform>The whole walk: %n TCP connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n step(s) of a saved walk. Back, Forward (F5 or N) and the slider replay it step by step.</source>
        <translation>
            <numerusform>Opened %1: %n step of a saved walk. Back, Forward (F5 or N) and the slider replay it step by step.</numerusform>
            <numerusform>Opened %1: %n steps of a saved walk. Back, Forward (F5 or N) and the slider replay it step by step.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::UrlStepModel</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::UrlWalk</name>
    <message numerus="yes">
        <source>The page names %n sub-resource(s): style sheets, scripts and images.</source>
        <translation>
            <numerusform>The page names %n sub-resource: style sheets, scripts and images.</numerusform>
            <numerusform>The page names %n sub-resources: style sheets, scripts and images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The walk is complete: %n visit(s).</source>
        <translation>
            <numerusform>The walk is complete: %n visit.</numerusform>
            <numerusform>The walk is complete: %n visits.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::WaterfallChart</name>
    <message numerus="yes">
        <source>The walk&apos;s waterfall: %n request(s), the last one done at %1 ms</source>
        <translation>
            <numerusform>The walk&apos;s waterfall: %n request, the last one done at %1 ms</numerusform>
            <numerusform>The walk&apos;s waterfall: %n requests, the last one done at %1 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::WireCapture</name>
    <message numerus="yes">
        <source>A UDP datagram on the wire: %n byte(s) of payload behind an 8-byte header (ports, length, checksum). No handshake, no sequence number, no acknowledgement.</source>
        <translation>
            <numerusform>A UDP datagram on the wire: %n byte of payload behind an 8-byte header (ports, length, checksum). No handshake, no sequence number, no acknowledgement.</numerusform>
            <numerusform>A UDP datagram on the wire: %n bytes of payload behind an 8-byte header (ports, length, checksum). No handshake, no sequence number, no acknowledgement.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::WsLab</name>
    <message numerus="yes">
        <source>The client sent %n byte(s) of frames before the server&apos;s 101 answer. RFC 6455 (section 4.1) says a client must wait for the answer first; this server does not act on them.</source>
        <translation>
            <numerusform>The client sent %n byte of frames before the server&apos;s 101 answer. RFC 6455 (section 4.1) says a client must wait for the answer first; this server does not act on them.</numerusform>
            <numerusform>The client sent %n bytes of frames before the server&apos;s 101 answer. RFC 6455 (section 4.1) says a client must wait for the answer first; this server does not act on them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>LAN mode allows %n connection(s) at once: this one is answered 503 Service Unavailable and closed before it becomes a WebSocket.</source>
        <translation>
            <numerusform>LAN mode allows %n connection at once: this one is answered 503 Service Unavailable and closed before it becomes a WebSocket.</numerusform>
            <numerusform>LAN mode allows %n connections at once: this one is answered 503 Service Unavailable and closed before it becomes a WebSocket.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::WsPanel</name>
    <message numerus="yes">
        <source>── The client&apos;s request (%n byte(s)) ──</source>
        <translation>
            <numerusform>── The client&apos;s request (%n byte) ──</numerusform>
            <numerusform>── The client&apos;s request (%n bytes) ──</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>── The server&apos;s answer (%n byte(s)) ──</source>
        <translation>
            <numerusform>── The server&apos;s answer (%n byte) ──</numerusform>
            <numerusform>── The server&apos;s answer (%n bytes) ──</numerusform>
        </translation>
    </message>
</context>
</TS>
