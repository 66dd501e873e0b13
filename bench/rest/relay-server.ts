// The baseline: a bare node:http server doing only the fan-out. POST /query-stream answers the
// metadata line and keeps the chunked response open; POST /inserts-stream reads one JSON object
// per line (the first names the target) and writes each row, as a JSON array line, to every open
// response, then acks it. No SQL, no log, no backpressure: the cost of relaying alone.
// Prints its URL on stderr as `eddy server` does.
import { createServer, type ServerResponse } from 'node:http';
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';

const COLUMNS = ['ID', 'SENT', 'PAYLOAD'];
const subscribers = new Set<ServerResponse>();
let queries = 0;

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/query-stream') {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/vnd.ksqlapi.delimited.v1' });
    res.write(JSON.stringify({ queryId: `relay_${queries++}`, columnNames: COLUMNS, columnTypes: ['BIGINT', 'DOUBLE', 'STRING'] }) + '\n');
    subscribers.add(res);
    res.on('close', () => subscribers.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/inserts-stream') {
    res.writeHead(200, { 'content-type': 'application/vnd.ksqlapi.delimited.v1' });
    let first = true;
    let seq = 0;
    const lines = createInterface({ input: req, crlfDelay: Infinity });
    lines.on('line', (line) => {
      if (line.trim() === '') return;
      if (first) { first = false; return; }
      const row = JSON.parse(line) as Record<string, unknown>;
      const out = JSON.stringify(COLUMNS.map((c) => row[c] ?? row[c.toLowerCase()] ?? null)) + '\n';
      for (const s of subscribers) s.write(out);
      res.write(JSON.stringify({ status: 'ok', seq: seq++ }) + '\n');
    });
    lines.on('close', () => res.end());
    return;
  }
  // /ksql and the rest: accepted and ignored (the bench creates its stream through /ksql).
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('[]'); });
});

server.listen(0, '127.0.0.1', () => {
  process.stderr.write(`relay server: REST API at http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => { for (const s of subscribers) s.destroy(); server.close(() => process.exit(0)); });
}
