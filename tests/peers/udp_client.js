// A Node.js `dgram` client for NetStage's tests: binds, sends the given texts to HOST:PORT, waits
// for answers, and prints what it saw as one JSON object per line on stdout.
//
// Usage: node udp_client.js HOST PORT [--wait MS] [--connect] [TEXT...]
//   {"event":"listening","port":P}   its own port: the one the server must name as rinfo.port
//   {"event":"sent","text":T}        after each send's callback
//   {"event":"message","text":T,"from":"ADDR:PORT"}
//   {"event":"error","code":C}       e.g. ECONNREFUSED on a connected socket
//   {"event":"summary","sent":N,"received":M}
// Exit code: 0 unless an error event was printed (1), 2 on bad usage.
'use strict';

var dgram = require('dgram');

function usage(msg) {
    console.error('udp_client.js: ' + msg);
    console.error('usage: node udp_client.js HOST PORT [--wait MS] [--connect] [TEXT...]');
    process.exit(2);
}

var args = process.argv.slice(2);
if (args.length < 2) usage('HOST and PORT are required');
var host = args[0];
var port = Number(args[1]);
if (!Number.isInteger(port) || port <= 0 || port > 65535) usage('bad port ' + args[1]);
var waitMs = 500;
var connected = false;
var texts = [];
for (var i = 2; i < args.length; i++) {
    if (args[i] === '--wait') {
        waitMs = Number(args[++i]);
        if (!Number.isFinite(waitMs) || waitMs < 0) usage('bad --wait');
    } else if (args[i] === '--connect') {
        connected = true;
    } else {
        texts.push(args[i]);
    }
}

function emit(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

var sock = dgram.createSocket('udp4');
var sent = 0, received = 0, failed = false;
sock.on('message', function (msg, rinfo) {
    received++;
    emit({ event: 'message', text: msg.toString(), from: rinfo.address + ':' + rinfo.port });
});
sock.on('error', function (err) {
    failed = true;
    emit({ event: 'error', code: err.code });
});

function sendAll() {
    var k = 0;
    (function next() {
        if (k >= texts.length) {
            setTimeout(function () {
                emit({ event: 'summary', sent: sent, received: received });
                sock.close();
                process.exitCode = failed ? 1 : 0;
            }, waitMs);
            return;
        }
        var buf = Buffer.from(texts[k++]);
        var cb = function (err) {
            if (err) {
                failed = true;
                emit({ event: 'error', code: err.code });
            } else {
                sent++;
                emit({ event: 'sent', text: buf.toString() });
            }
            setTimeout(next, 20);
        };
        if (connected) sock.send(buf, cb);
        else sock.send(buf, port, host, cb);
    })();
}

sock.bind(0, '127.0.0.1', function () {
    emit({ event: 'listening', port: sock.address().port });
    if (connected) {
        sock.connect(port, host, function (err) {
            if (err) { emit({ event: 'error', code: err.code }); process.exit(1); }
            sendAll();
        });
    } else {
        sendAll();
    }
});
