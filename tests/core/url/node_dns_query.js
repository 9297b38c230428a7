// Asks one DNS server with Node's dns.Resolver (c-ares: a DNS decoder that is not NetStage's)
// and prints one JSON line: {"ok":true,"records":[...]} or {"ok":false,"code":"ENOTFOUND"}.
// argv: PORT NAME TYPE (A or NS)
'use strict';
const { Resolver } = require('dns');
const [port, name, type] = process.argv.slice(2);
const r = new Resolver({ timeout: 2000, tries: 1 });
r.setServers([`127.0.0.1:${port}`]);
const done = (err, records) => {
  console.log(JSON.stringify(err ? { ok: false, code: err.code } : { ok: true, records }));
};
if (type === 'NS') r.resolveNs(name, done);
else r.resolve4(name, { ttl: true }, done);
