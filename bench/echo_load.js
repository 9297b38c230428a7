// Load for an echo server (NetStage's `tcp serve --preset echo` or bench/echo_server.js).
//
//   node echo_load.js throughput HOST PORT [--conns N] [--messages M] [--size S] [--max-seconds T]
//     N connections in parallel; each sends M messages of S bytes, one at a time, and waits for
//     the whole echo of each before sending the next. Reports MB/s of echoed payload and
//     round trips per second.
//
//   node echo_load.js connrate HOST PORT [--count K] [--parallel P] [--max-seconds T]
//     Opens and closes K connections, P at a time: connect, send one byte, wait for its echo,
//     end, wait for close. Reports connections per second.
//
// Prints one JSON object on stdout. Every run stops after --max-seconds (default 10) even if
// unfinished ("complete": false), so a benchmark never hangs.
'use strict';

var net = require('net');

function usage(msg) {
    console.error('echo_load.js: ' + msg);
    process.exit(2);
}

var args = process.argv.slice(2);
if (args.length < 3) usage('usage: echo_load.js throughput|connrate HOST PORT [options]');
var mode = args[0];
var host = args[1];
var port = Number(args[2]);
var opt = { conns: 8, messages: 2000, size: 1024, count: 2000, parallel: 4, 'max-seconds': 10 };
for (var i = 3; i < args.length; i += 2) {
    var key = args[i].replace(/^--/, '');
    if (!(key in opt) || i + 1 >= args.length) usage('bad option ' + args[i]);
    opt[key] = Number(args[i + 1]);
    if (!Number.isFinite(opt[key]) || opt[key] <= 0) usage('bad value for ' + args[i]);
}

var started = process.hrtime.bigint();
function elapsedSeconds() {
    return Number(process.hrtime.bigint() - started) / 1e9;
}

var deadline = setTimeout(function () {
    finish(false);
}, opt['max-seconds'] * 1000);

var result = null;
var errors = 0;

function finish(complete) {
    clearTimeout(deadline);
    var s = elapsedSeconds();
    var out = { mode: mode, host: host, port: port, seconds: Number(s.toFixed(4)), complete: complete,
                errors: errors };
    Object.assign(out, result(s));
    process.stdout.write(JSON.stringify(out) + '\n');
    process.exit(complete && errors === 0 ? 0 : 1);
}

if (mode === 'throughput') {
    var payload = Buffer.alloc(opt.size, 0x61); // 'a' * size
    var echoedBytes = 0;
    var roundTrips = 0;
    var done = 0;
    result = function (s) {
        return { conns: opt.conns, messages: opt.messages, size: opt.size, echoed_bytes: echoedBytes,
                 round_trips: roundTrips, mb_per_s: Number((echoedBytes / 1e6 / s).toFixed(3)),
                 round_trips_per_s: Math.round(roundTrips / s) };
    };
    var runOne = function () {
        var sock = net.createConnection({ host: host, port: port });
        sock.setNoDelay(true);
        var sent = 0;
        var pending = 0; // bytes of the current message still to come back
        var sendNext = function () {
            if (sent === opt.messages) {
                sock.end();
                return;
            }
            sent++;
            pending = opt.size;
            sock.write(payload);
        };
        sock.on('connect', sendNext);
        sock.on('data', function (chunk) {
            echoedBytes += chunk.length;
            pending -= chunk.length;
            if (pending === 0) {
                roundTrips++;
                sendNext();
            }
        });
        sock.on('error', function () {
            errors++;
        });
        sock.on('close', function () {
            if (++done === opt.conns) finish(true);
        });
    };
    for (var c = 0; c < opt.conns; c++) runOne();
} else if (mode === 'connrate') {
    var opened = 0;
    var closed = 0;
    result = function (s) {
        return { count: opt.count, parallel: opt.parallel, closed: closed,
                 conn_per_s: Math.round(closed / s) };
    };
    var next = function () {
        if (opened === opt.count) return;
        opened++;
        var sock = net.createConnection({ host: host, port: port });
        sock.on('connect', function () {
            sock.write('x');
        });
        sock.on('data', function () {
            sock.end();
        });
        sock.on('error', function () {
            errors++;
        });
        sock.on('close', function () {
            closed++;
            if (closed === opt.count) finish(true);
            else next();
        });
    };
    for (var p = 0; p < Math.min(opt.parallel, opt.count); p++) next();
} else {
    usage('mode must be throughput or connrate');
}
