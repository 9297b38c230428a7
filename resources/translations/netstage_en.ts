<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>netstage::EventLogPanel</name>
    <message numerus="yes">
        <source>Copied %n event(s) as JSON Lines.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving %n event(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::Explain</name>
    <message numerus="yes">
        <source>Data: %n byte(s) with sequence numbers from seq on; the receiver acknowledges seq + length.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>HTTP request %1 %2 (%3): the request line, %n header field(s) and %4 byte(s) of body, sent as plain text over the TCP connection.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::HttpExchangeView</name>
    <message numerus="yes">
        <source>
[… %n more byte(s)]</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n byte(s) of binary body: tick Hex to see them]</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[… %n more byte(s)]</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::HttpParser</name>
    <message numerus="yes">
        <source>The request line is longer than %n bytes (nginx&apos;s limit): 414 URI Too Long.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The headers are larger than %n bytes (Node&apos;s limit): 431 Request Header Fields Too Large.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More than %n header fields: 431 Request Header Fields Too Large.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::HttpServer</name>
    <message numerus="yes">
        <source>%n connection(s) are already open, the server&apos;s limit: this one is refused with 503 Service Unavailable and closed (Node&apos;s server.maxConnections emits &apos;drop&apos;).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::LessonPanel</name>
    <message numerus="yes">
        <source>Opened %1: %n step(s). Press Play or Forward.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::LogSaver</name>
    <message numerus="yes">
        <source>Saved %n event(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::MainWindow</name>
    <message numerus="yes">
        <source>Saving %n event(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::TcpPanel</name>
    <message numerus="yes">
        <source>Sent %n byte(s) on %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::UdpRelay</name>
    <message numerus="yes">
        <source>The relay stopped; %n datagram(s) still waiting in it were discarded.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::WsLab</name>
    <message numerus="yes">
        <source>The client sent %n byte(s) of frames before the server&apos;s 101 answer. RFC 6455 (section 4.1) says a client must wait for the answer first; this server does not act on them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::WsPanel</name>
    <message numerus="yes">
        <source>── The client&apos;s request (%n byte(s)) ──</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>── The server&apos;s answer (%n byte(s)) ──</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
