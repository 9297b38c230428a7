// An npm `ws` server for NetStage's tests and benchmarks: echoes every message (or, with
// --chat, sends it to every client), and prints what it saw as JSON lines.
//
// Usage: node ws_echo_server.js [PORT] [--chat] [--quiet]
//   {"event":"listening","port":P}
//   {"event":"connection","key":K,"headers":{...},"remote":"ADDR:PORT"}
//   {"event":"message","text":T}          (not with --quiet: the benchmark's server is silent)
//   {"event":"close","code":C,"reason":R}
// SIGTERM/SIGINT: close and exit 0.
'use strict';

var WebSocket = require('ws');

var args = process.argv.slice(2);
var chat = args.indexOf('--chat') >= 0;
var quiet = args.indexOf('--quiet') >= 0;
var nums = args.filter(function (a) { return a[0] !== '-'; });
var port = nums.length > 0 ? Number(nums[0]) : 8090;

function emit(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

var wss = new WebSocket.Server({ host: '127.0.0.1', port: port, perMessageDeflate: false });
wss.on('listening', function () { emit({ event: 'listening', port: wss.address().port }); });
wss.on('error', function (err) {
    console.error('ws_echo_server.js: ' + err.message + ' (' + err.code + ')');
    process.exit(1);
});
wss.on('connection', function (ws, req) {
    if (!quiet)
        emit({ event: 'connection', key: req.headers['sec-websocket-key'], headers: req.headers,
               remote: req.socket.remoteAddress + ':' + req.socket.remotePort });
    ws.on('message', function (data, isBinary) {
        if (!quiet) emit({ event: 'message', text: data.toString(), binary: isBinary });
        if (chat) {
            wss.clients.forEach(function (c) {
                if (c.readyState === WebSocket.OPEN) c.send(data, { binary: isBinary });
            });
        } else {
            ws.send(data, { binary: isBinary });
        }
    });
    ws.on('ping', function (data) { if (!quiet) emit({ event: 'ping', text: data.toString() }); });
    ws.on('close', function (code, reason) {
        if (!quiet) emit({ event: 'close', code: code, reason: reason.toString() });
    });
    ws.on('error', function (err) { if (!quiet) emit({ event: 'error', code: err.code }); });
});

function stop() {
    wss.close();
    process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
