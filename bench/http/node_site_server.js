// The reference for bench/http: Node's own `http` server answering every GET with the same
// bytes NetStage serves for / (the demo page), with the same Content-Type. Node adds Date,
// Connection and Keep-Alive itself. Usage: node node_site_server.js PAGE.html [PORT]
'use strict';
const http = require('http');
const fs = require('fs');

const page = fs.readFileSync(process.argv[2]);
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8',
                       'Content-Length': page.length, 'Server': 'node' });
  res.end(page);
});
server.maxConnections = 1000;
server.listen(Number(process.argv[3] || 0), '127.0.0.1', () => {
  console.log('listening ' + server.address().port);
});
process.on('SIGTERM', () => process.exit(0));
