// The tutorial's TCP server (seed, "三、构建 TCP 服务"), as a real peer for NetStage's tests.
// Differences from the tutorial, all on purpose:
//   - the typo `console.log('server bound';)` is fixed;
//   - the port comes from argv (default 8124, 0 = any free port) and the host defaults to
//     127.0.0.1 so tests stay on loopback;
//   - once listening it prints `listening PORT`, so a test that asked for port 0 learns the port;
//   - socket errors (a peer's RST) are logged instead of crashing the server.
//
// Usage: node seed_server.js [PORT] [HOST]
'use strict';

var net = require('net');

var port = process.argv.length > 2 ? Number(process.argv[2]) : 8124;
var host = process.argv.length > 3 ? process.argv[3] : '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('seed_server.js: bad port ' + process.argv[2]);
    process.exit(2);
}

var server = net.createServer(function (socket) {
    // 新的连接
    socket.on('data', function (data) {
        socket.write('你好');
    });

    socket.on('end', function () {
        console.log('连接断开');
    });

    socket.on('error', function (err) {
        console.log('error ' + err.code);
    });
    socket.write('欢迎光临《深入浅出Node.js》示例：\n');
});

server.on('error', function (err) {
    console.error('seed_server.js: ' + err.message + ' (' + err.code + ')');
    process.exit(1);
});

server.listen(port, host, function () {
    console.log('server bound');
    console.log('listening ' + server.address().port);
});

function stop() {
    server.close();
    process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
