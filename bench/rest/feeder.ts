// Feeds rows to POST /inserts-stream at a fixed rate: every few ms it writes the rows due by
// then, each {"ID": n, "SENT": <bench clock ms>, "PAYLOAD": "..."} on its own line, and counts
// the acks. If the server reads slower than the rate, rows wait in the connection: their
// latency then includes that wait, as it would for an application.
import type { Agent } from 'node:http';
import { post } from './http.js';

const TICK_MS = 5;
const ACK_TIMEOUT_MS = 120_000;

export interface FeedResult {
  sent: number;
  acked: number;
  errorAcks: number;
  /** From the first row written to the last one. */
  feedSeconds: number;
  /** From the first row written to the last ack. */
  ackSeconds: number;
  firstError?: string;
}

export async function feed(agent: Agent, url: string, target: string, rate: number, seconds: number, payloadBytes: number): Promise<FeedResult> {
  const { req, response } = post(agent, url, '/inserts-stream', { 'content-type': 'application/vnd.ksqlapi.delimited.v1', accept: 'application/vnd.ksqlapi.delimited.v1' });
  req.write(JSON.stringify({ target }) + '\n');
  const payload = JSON.stringify('x'.repeat(payloadBytes));
  const total = Math.round(rate * seconds);
  let sent = 0;
  let acked = 0;
  let errorAcks = 0;
  let firstError: string | undefined;
  let lastAck = 0;
  const t0 = performance.now();
  const acks = response.then(async (res) => {
    res.setEncoding('utf8');
    let rest = '';
    for await (const chunk of res as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      for (const l of lines) {
        if (l.includes('"ok"')) acked++;
        else if (l.trim()) { errorAcks++; firstError ??= l; }
      }
      lastAck = performance.now();
    }
  });
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - t0) / 1000) * rate));
      if (due > sent) {
        let text = '';
        const sentAt = Math.round(now * 1000) / 1000;
        for (; sent < due; sent++) text += `{"ID":${sent},"SENT":${sentAt},"PAYLOAD":${payload}}\n`;
        req.write(text);
      }
      if (sent >= total) { clearInterval(timer); resolve(); }
    }, TICK_MS);
  });
  const fed = performance.now();
  req.end();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([acks, new Promise((r) => { timer = setTimeout(r, ACK_TIMEOUT_MS); })]);
  clearTimeout(timer);
  return { sent, acked, errorAcks, feedSeconds: (fed - t0) / 1000, ackSeconds: ((lastAck || fed) - t0) / 1000, firstError };
}
