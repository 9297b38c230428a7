// The seed's TCP server shape (tests/peers/seed_server.js) with the echo behaviour of NetStage's
// `--preset echo`: writes back what arrives and ends when the peer ends. The baseline for
// bench/run_echo_bench.sh.
//
// Usage: node echo_server.js [PORT] [HOST]   (PORT 0 = any free port; prints `listening PORT`)
'use strict';

var net = require('net');

var port = process.argv.length > 2 ? Number(process.argv[2]) : 8124;
var host = process.argv.length > 3 ? process.argv[3] : '127.0.0.1';

var server = net.createServer(function (socket) {
    socket.on('data', function (data) {
        socket.write(data);
    });
    socket.on('end', function () {
        // allowHalfOpen is false: Node ends our side too, like NetStage's echo preset.
    });
    socket.on('error', function () {});
});

server.on('error', function (err) {
    console.error('echo_server.js: ' + err.message + ' (' + err.code + ')');
    process.exit(1);
});

server.listen(port, host, function () {
    console.log('listening ' + server.address().port);
});

function stop() {
    server.close();
    process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
