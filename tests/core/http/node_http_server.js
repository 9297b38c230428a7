// A plain Node.js `http` server, the tutorial's own kind, as the target of `netstage http get`.
// Listens on 127.0.0.1, port from argv[2] (0 = any), and prints "listening PORT".
'use strict';
const http = require('http');

const page = '<!DOCTYPE html><h1>Hello from Node</h1>\n';

const server = http.createServer((req, res) => {
  if (req.url === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'X-Node': 'yes',
                         'Content-Length': Buffer.byteLength(page) });
    res.end(page);
  } else if (req.url === '/slow') {
    // Headers after 40 ms (waiting), the body 30 ms later (download), chunked.
    setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Node': 'slow' });
      res.write('first part\n');
      setTimeout(() => res.end('second part\n'), 30);
    }, 40);
  } else if (req.url === '/redirect') {
    res.writeHead(302, { Location: '/' });
    res.end();
  } else if (req.url === '/echo') {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, host: req.headers.host,
                               agent: req.headers['user-agent'], body }));
    });
  } else if (req.url === '/garbage') {
    req.socket.end('THIS IS NOT HTTP\r\n\r\n');
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not here\n');
  }
});

server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log('listening ' + server.address().port);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
