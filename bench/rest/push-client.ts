// One push-query client over HTTP/1.1: POST /query-stream (delimited), the metadata line, then a
// row per line. Each row is [ID, SENT, PAYLOAD], SENT the bench's clock when the row was written
// to /inserts-stream; the client records arrival - SENT per row in a shared latency log. A
// paused client reads the metadata and then nothing (its socket fills, the server must hold).
import type { Agent, IncomingMessage, ClientRequest } from 'node:http';
import { post } from './http.js';

const OPEN_TIMEOUT_MS = 30_000;

/** Latencies in ms, preallocated: no allocation per row. */
export class LatencyLog {
  readonly values: Float64Array;
  n = 0;
  dropped = 0;
  constructor(capacity: number) { this.values = new Float64Array(capacity); }
  add(ms: number): void {
    if (this.n < this.values.length) this.values[this.n++] = ms;
    else this.dropped++;
  }
  /** Percentiles (0..1) of what was recorded. */
  percentiles(ps: number[]): number[] {
    const sorted = this.values.slice(0, this.n).sort();
    return ps.map((p) => (this.n === 0 ? NaN : sorted[Math.min(this.n - 1, Math.floor(p * this.n))]));
  }
}

export class PushClient {
  received = 0;
  /** Rows whose ID was not the previous one + 1 (lost, duplicated or reordered). */
  outOfOrder = 0;
  error: string | undefined;
  private lastId = -1;
  private rest = '';
  private constructor(private readonly req: ClientRequest, private readonly res: IncomingMessage, private readonly latencies: LatencyLog | undefined) {}

  static async open(agent: Agent, url: string, sql: string, latencies: LatencyLog | undefined, paused = false): Promise<PushClient> {
    const { req, response } = post(agent, url, '/query-stream',
      { 'content-type': 'application/json', accept: 'application/vnd.ksqlapi.delimited.v1' },
      JSON.stringify({ sql, properties: { 'auto.offset.reset': 'latest' } }));
    const res = await response;
    res.setEncoding('utf8');
    const client = new PushClient(req, res, latencies);
    // The query runs once its metadata line is here.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no metadata within ${OPEN_TIMEOUT_MS / 1000} s`)), OPEN_TIMEOUT_MS);
      let head = '';
      const onHead = (s: string): void => {
        head += s;
        const nl = head.indexOf('\n');
        if (nl < 0) return;
        clearTimeout(timer);
        res.off('data', onHead);
        if (res.statusCode !== 200) { reject(new Error(`/query-stream answered ${res.statusCode}: ${head}`)); return; }
        if (paused) res.pause();
        client.rest = head.slice(nl + 1);
        res.on('data', (chunk: string) => client.onData(chunk));
        resolve();
      };
      res.on('data', onHead);
      res.once('error', reject);
    });
    if (client.rest) client.onData('');
    return client;
  }

  /** A paused client starts reading (and so draining what the server held). */
  resume(): void { this.res.resume(); }

  close(): void { this.req.destroy(); }

  private onData(chunk: string): void {
    const now = performance.now(); // one arrival time per chunk: the rows in it arrived together
    let text = this.rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      if (text.charCodeAt(start) === 91 /* [ */) {
        // [ID,SENT,"PAYLOAD"]: the two numbers without parsing the whole line.
        const c1 = text.indexOf(',', start);
        const c2 = text.indexOf(',', c1 + 1);
        const id = Number(text.slice(start + 1, c1));
        if (id !== this.lastId + 1 && this.lastId >= 0) this.outOfOrder++;
        this.lastId = id;
        this.received++;
        this.latencies?.add(now - Number(text.slice(c1 + 1, c2)));
      } else if (nl > start) {
        this.error ??= text.slice(start, nl); // an error object instead of a row
      }
      start = nl + 1;
    }
    this.rest = text.slice(start);
    text = '';
  }
}
