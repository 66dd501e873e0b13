// A raw Postgres wire client for tests: frontend messages built by pg-protocol's serializer,
// backend messages decoded by its parser (node-postgres's own), collected in order.
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { parse, serialize } from 'pg-protocol';

export type Msg = { name: string; [k: string]: unknown };

export interface WireClient {
  socket: Socket;
  messages: Msg[];
  /** Waits (at most 10 s) until a message satisfies `pred`; returns it. Searches from `from`. */
  waitFor(pred: (m: Msg) => boolean, from?: number): Promise<Msg>;
  /** Waits for the n-th ReadyForQuery since the messages were last cleared. */
  ready(n?: number): Promise<void>;
  /** Message names, commandComplete with its tag. */
  names(): string[];
  pid: number;
  secret: number;
  close(): void;
}

export async function openWire(port: number, params: Record<string, string> = {}): Promise<WireClient> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const messages: Msg[] = [];
  const waiters: (() => void)[] = [];
  void parse(socket, (m) => { messages.push(m as unknown as Msg); for (const w of waiters.splice(0)) w(); });
  const waitFor = async (pred: (m: Msg) => boolean, from = 0): Promise<Msg> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = messages.slice(from).find(pred);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting; got ${messages.map((x) => x.name).join(', ')}`);
      await new Promise<void>((r) => { waiters.push(r); setTimeout(r, 200); });
    }
  };
  const c: WireClient = {
    socket, messages, waitFor, pid: 0, secret: 0,
    ready: async (n = 1) => {
      const deadline = Date.now() + 10_000;
      while (messages.filter((m) => m.name === 'readyForQuery').length < n) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ReadyForQuery; got ${messages.map((x) => x.name).join(', ')}`);
        await new Promise<void>((r) => { waiters.push(r); setTimeout(r, 200); });
      }
    },
    names: () => messages.map((m) => (m.name === 'commandComplete' ? `commandComplete ${m.text}` : m.name)),
    close: () => socket.destroy(),
  };
  socket.write(serialize.startup({ user: 'eddy', database: 'eddy', ...params }));
  await c.ready(1);
  const key = messages.find((m) => m.name === 'backendKeyData')!;
  c.pid = key.processID as number;
  c.secret = key.secretKey as number;
  messages.length = 0;
  return c;
}

/** A CancelRequest for (pid, secret) on a new connection; resolves when the server closes it. */
export async function sendCancel(port: number, pid: number, secret: number): Promise<void> {
  const s = connect(port, '127.0.0.1');
  await once(s, 'connect');
  const b = Buffer.alloc(16);
  b.writeInt32BE(16, 0); b.writeInt32BE(80877102, 4); b.writeInt32BE(pid, 8); b.writeInt32BE(secret, 12);
  s.write(b);
  await Promise.race([once(s, 'close'), new Promise((_, reject) => setTimeout(() => reject(new Error('the server did not close the cancel connection')), 5000))]);
}

export { serialize };
