// A Node.js `net` client for NetStage's tests: connects, sends the given texts, ends, and prints
// every event it saw as one JSON object per line on stdout, so a test can assert on them.
//
// Usage: node net_client.js HOST PORT [--wait MS] [--then end|destroy|reset] [TEXT...]
//
// After `connect` it waits for the server's first bytes (the seed's welcome) or --wait ms,
// whichever comes first; after each TEXT it waits for a reply the same way. Then:
//   end     (default) socket.end(): our FIN; Node keeps reading until the server's FIN
//   destroy socket.destroy(): close at once
//   reset   socket.resetAndDestroy(): RST
// The last line is {"event":"summary","received":"<all text received>","bytes":N,...}.
// Exit code: 0 when the socket closed without error, 1 otherwise, 2 on bad usage.
'use strict';

var net = require('net');

function usage(msg) {
    console.error('net_client.js: ' + msg);
    console.error('usage: node net_client.js HOST PORT [--wait MS] [--then end|destroy|reset] [TEXT...]');
    process.exit(2);
}

var args = process.argv.slice(2);
if (args.length < 2) usage('HOST and PORT are required');
var host = args[0];
var port = Number(args[1]);
if (!Number.isInteger(port) || port <= 0 || port > 65535) usage('bad port ' + args[1]);
var waitMs = 2000;
var then = 'end';
var texts = [];
for (var i = 2; i < args.length; i++) {
    if (args[i] === '--wait') {
        waitMs = Number(args[++i]);
        if (!Number.isFinite(waitMs) || waitMs < 0) usage('bad --wait');
    } else if (args[i] === '--then') {
        then = args[++i];
        if (['end', 'destroy', 'reset'].indexOf(then) < 0) usage('bad --then ' + then);
    } else {
        texts.push(args[i]);
    }
}

function emit(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

var received = '';
var receivedBytes = 0;
var sawError = false;
var dataWaiter = null; // called on the next data event

// Resolves on the next data event or after ms, whichever comes first.
function nextDataOrTimeout(ms) {
    return new Promise(function (resolve) {
        var timer = setTimeout(function () {
            dataWaiter = null;
            resolve(false);
        }, ms);
        dataWaiter = function () {
            clearTimeout(timer);
            dataWaiter = null;
            resolve(true);
        };
    });
}

var socket = net.createConnection({ host: host, port: port });
socket.setEncoding('utf8'); // a StringDecoder: multi-byte characters split across reads stay whole
var firstData = nextDataOrTimeout(waitMs);

socket.on('connect', function () {
    emit({ event: 'connect', local: socket.localAddress + ':' + socket.localPort,
           remote: socket.remoteAddress + ':' + socket.remotePort });
    run();
});
socket.on('data', function (text) {
    var bytes = Buffer.byteLength(text, 'utf8');
    received += text;
    receivedBytes += bytes;
    emit({ event: 'data', dir: 'in', bytes: bytes, text: text });
    if (dataWaiter) dataWaiter();
});
socket.on('end', function () {
    emit({ event: 'end' });
});
socket.on('error', function (err) {
    sawError = true;
    emit({ event: 'error', code: err.code, detail: err.message });
});
socket.on('close', function (hadError) {
    emit({ event: 'close', hadError: hadError });
    emit({ event: 'summary', received: received, bytes: receivedBytes, error: sawError });
    process.exit(sawError ? 1 : 0);
});

async function run() {
    await firstData;
    for (var t of texts) {
        var reply = nextDataOrTimeout(waitMs);
        socket.write(t);
        emit({ event: 'data', dir: 'out', bytes: Buffer.byteLength(t, 'utf8'), text: t });
        await reply;
    }
    emit({ event: 'then', what: then });
    if (then === 'end') socket.end();
    else if (then === 'destroy') socket.destroy();
    else socket.resetAndDestroy();
}

// Never hang a test: give up after a generous bound.
setTimeout(function () {
    emit({ event: 'error', code: 'ETIMEDOUT', detail: 'net_client.js gave up after 30 s' });
    process.exit(1);
}, 30000).unref();
