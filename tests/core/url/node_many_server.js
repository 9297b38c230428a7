// A plain Node.js `http` server whose page names 12 images and a style sheet, each answered
// after 60 ms, so a browser that fetches them must open parallel connections (and at most 6
// per host). Counts the connections it accepts and the requests per path at /stats.
// Listens on 127.0.0.1, port from argv[2] (0 = any), and prints "listening PORT".
'use strict';
const http = require('http');

const N = 12;
let imgs = '';
for (let i = 0; i < N; i++) imgs += `<img src="/img/${i}.png" width="8" height="8">\n`;
const page = `<!DOCTYPE html><html><head><link rel="stylesheet" href="/s.css"></head>
<body><h1>Many images</h1>\n${imgs}</body></html>\n`;
// A 1x1 PNG.
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
                        '1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a0' +
                        '1f0000000049454e44ae426082', 'hex');
const hits = {};
let connections = 0;
let open = 0;
let maxOpen = 0;

const server = http.createServer((req, res) => {
  hits[req.url] = (hits[req.url] || 0) + 1;
  if (req.url === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page);
  } else if (req.url === '/stats') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ hits, connections, maxOpen }));
  } else if (req.url === '/s.css' || req.url.startsWith('/img/')) {
    setTimeout(() => {
      const css = req.url === '/s.css';
      res.writeHead(200, { 'Content-Type': css ? 'text/css' : 'image/png' });
      res.end(css ? 'h1 { color: teal }\n' : png);
    }, 60);
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not here\n');
  }
});
server.on('connection', (s) => {
  connections++;
  open++;
  maxOpen = Math.max(maxOpen, open);
  s.on('close', () => { open--; });
});
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log('listening ' + server.address().port);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
