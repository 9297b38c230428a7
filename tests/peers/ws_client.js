// An npm `ws` client for NetStage's tests: opens URL, sends the given texts, pings, closes with
// a code (or terminates abruptly), and prints every event as one JSON object per line.
//
// Usage: node ws_client.js URL [--wait MS] [--ping] [--close CODE] [--terminate] [--big BYTES]
//                          [--hold MS] [TEXT...]
//   {"event":"upgrade","key":K,"accept":A}  the key it sent and the accept value it received
//   {"event":"open"}
//   {"event":"message","text":T,"binary":false}
//   {"event":"pong","text":T}
//   {"event":"close","code":C,"reason":R}
//   {"event":"error","code":C,"message":M}
// --big BYTES sends one text message of that many bytes (to meet a server's size limit);
// --hold MS waits that long before closing (a second client can meet this one in a chat).
// After each TEXT (and the ping) it waits for an answer or --wait ms, whichever comes first.
// Exit code: 0 when it opened and closed, 1 otherwise, 2 on bad usage.
'use strict';

var WebSocket = require('ws');

function usage(msg) {
    console.error('ws_client.js: ' + msg);
    process.exit(2);
}

var args = process.argv.slice(2);
if (args.length < 1) usage('URL is required');
var url = args[0];
var waitMs = 2000, ping = false, closeCode = 1000, terminate = false, big = 0, holdMs = 0;
var texts = [];
for (var i = 1; i < args.length; i++) {
    var a = args[i];
    if (a === '--wait') waitMs = Number(args[++i]);
    else if (a === '--ping') ping = true;
    else if (a === '--close') closeCode = Number(args[++i]);
    else if (a === '--terminate') terminate = true;
    else if (a === '--big') big = Number(args[++i]);
    else if (a === '--hold') holdMs = Number(args[++i]);
    else texts.push(a);
}

function emit(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

var ws = new WebSocket(url, { perMessageDeflate: false });
var opened = false;
var waiter = null;
function waitAnswer(then) {
    var t = setTimeout(function () { waiter = null; then(); }, waitMs);
    waiter = function () { clearTimeout(t); waiter = null; then(); };
}

ws.on('upgrade', function (res) {
    emit({ event: 'upgrade', key: ws._req ? ws._req.getHeader('sec-websocket-key') : null,
           accept: res.headers['sec-websocket-accept'], status: res.statusCode });
});
ws.on('unexpected-response', function (req, res) {
    emit({ event: 'unexpected-response', status: res.statusCode });
    process.exitCode = 1;
    ws.terminate();
});
ws.on('message', function (data, isBinary) {
    emit({ event: 'message', text: data.toString(), binary: isBinary });
    if (waiter) waiter();
});
ws.on('pong', function (data) {
    emit({ event: 'pong', text: data.toString() });
    if (waiter) waiter();
});
ws.on('error', function (err) {
    emit({ event: 'error', code: err.code || null, message: err.message });
    process.exitCode = 1;
});
ws.on('close', function (code, reason) {
    emit({ event: 'close', code: code, reason: reason.toString() });
    if (!opened) process.exitCode = 1;
});
ws.on('open', function () {
    opened = true;
    emit({ event: 'open' });
    var k = 0;
    (function next() {
        if (ws.readyState !== WebSocket.OPEN) return;
        if (big > 0) {
            var b = big; big = 0;
            ws.send('b'.repeat(b));
            return waitAnswer(next);
        }
        if (k < texts.length) {
            ws.send(texts[k++]);
            return waitAnswer(next);
        }
        if (ping) {
            ping = false;
            ws.ping('are you there');
            return waitAnswer(next);
        }
        setTimeout(function () {
            if (terminate) ws.terminate();
            else ws.close(closeCode, 'bye');
        }, holdMs);
    })();
});
