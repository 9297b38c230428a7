// The tutorial's UDP server (seed, "四、构建 UDP 服务"), as a real peer for NetStage's tests and
// benchmarks. Its `message` handler is the tutorial's, character for character. Added, on purpose:
//   - it binds (the tutorial never calls bind(), so it would listen nowhere): port from argv
//     (default 41234, 0 = any free port), host 127.0.0.1 so tests stay on loopback;
//   - once listening it prints `listening PORT`, so a test that asked for port 0 learns it;
//   - `--echo` also sends each datagram back (NetStage's echo preset, for comparison);
//   - SIGTERM/SIGINT close the socket (the tutorial's `close` event) and exit 0.
//
// Usage: node udp_seed_server.js [PORT] [HOST] [--echo]
'use strict';

var dgram = require('dgram');

var args = process.argv.slice(2).filter(function (a) { return a !== '--echo'; });
var echo = process.argv.indexOf('--echo') >= 0;
var port = args.length > 0 ? Number(args[0]) : 41234;
var host = args.length > 1 ? args[1] : '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('udp_seed_server.js: bad port ' + args[0]);
    process.exit(2);
}

var server = dgram.createSocket('udp4');

server.on('message', function (msg, rinfo) {
    console.log('server got:' + msg + 'from ' + rinfo.address + ':' + rinfo.port);
    if (echo)
        server.send(msg, rinfo.port, rinfo.address);
});

server.on('listening', function () {
    console.log('listening ' + server.address().port);
});

server.on('close', function () {
    console.log('close');
});

server.on('error', function (err) {
    console.error('udp_seed_server.js: ' + err.message + ' (' + err.code + ')');
    process.exit(1);
});

server.bind(port, host);

function stop() {
    server.close(function () { process.exit(0); });
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
