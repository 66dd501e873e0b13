// The server's raw bytes, decoded by pg-protocol (node-postgres's own parser) as an independent check.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { parse, serialize } from 'pg-protocol';
import { startFixture, type PgFixture } from './pg-helpers.js';

let fx: PgFixture;
beforeAll(async () => { fx = await startFixture(); });
afterAll(async () => fx.close());

type Msg = { name: string; [k: string]: unknown };

/** Opens a connection; `messages` collects what pg-protocol decodes, `until` waits for the n-th ReadyForQuery. */
async function open(): Promise<{ socket: Socket; messages: Msg[]; until(readyCount: number): Promise<void> }> {
  const socket = connect(fx.server.port, '127.0.0.1');
  await once(socket, 'connect');
  const messages: Msg[] = [];
  const waiters: (() => void)[] = [];
  void parse(socket, (m) => { messages.push(m as unknown as Msg); for (const w of waiters.splice(0)) w(); });
  const until = async (readyCount: number): Promise<void> => {
    while (messages.filter((m) => m.name === 'readyForQuery').length < readyCount) await new Promise<void>((r) => waiters.push(r));
  };
  return { socket, messages, until };
}

describe('Postgres wire messages', () => {
  it('answers SSLRequest with N, then starts a session with the full parameter set', async () => {
    const socket = connect(fx.server.port, '127.0.0.1');
    await once(socket, 'connect');
    const ssl = Buffer.alloc(8); ssl.writeInt32BE(8, 0); ssl.writeInt32BE(80877103, 4);
    socket.write(ssl);
    const [answer] = await once(socket, 'data') as [Buffer];
    expect(answer.toString()).toBe('N');
    socket.destroy();

    const c = await open();
    c.socket.write(serialize.startup({ user: 'eddy', database: 'eddy', application_name: 'wire-test' }));
    await c.until(1);
    const params = Object.fromEntries(c.messages.filter((m) => m.name === 'parameterStatus').map((m) => [m.parameterName, m.parameterValue]));
    expect(params).toMatchObject({ server_version: expect.stringMatching(/^15\./), client_encoding: 'UTF8', DateStyle: 'ISO, MDY', TimeZone: 'UTC',
      integer_datetimes: 'on', standard_conforming_strings: 'on', application_name: 'wire-test', session_authorization: 'eddy' });
    expect(c.messages.map((m) => m.name)).toContain('backendKeyData');
    c.socket.destroy();
  });

  it('sends each statement of a Query its own result, and skips the rest after an error', async () => {
    const c = await open();
    c.socket.write(serialize.startup({ user: 'eddy', database: 'eddy' }));
    await c.until(1);
    c.messages.length = 0;
    c.socket.write(serialize.query(`CREATE STREAM w (id INT KEY, v STRING) WITH (kafka_topic='w', value_format='JSON', partitions=1);
      INSERT INTO w (id, v) VALUES (1, 'a'); SELECT id, v FROM w; SELECT bad FROM w; SELECT id FROM w;`));
    await c.until(1);
    expect(c.messages.map((m) => m.name === 'commandComplete' ? `commandComplete ${m.text}` : m.name)).toEqual([
      'commandComplete CREATE STREAM', 'commandComplete INSERT 0 1',
      'rowDescription', 'dataRow', 'commandComplete SELECT 1', 'error', 'readyForQuery']);
    expect(c.messages.find((m) => m.name === 'error')).toMatchObject({ severity: 'ERROR', code: '42703' });
    c.socket.write(serialize.end());
    await once(c.socket, 'close');
  });
});

describe('protocol versions', () => {
  it('answers a newer 3.x client (and _pq_ options) with NegotiateProtocolVersion 3.0, then starts the session', async () => {
    const socket = connect(fx.server.port, '127.0.0.1');
    await once(socket, 'connect');
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    const params = Buffer.from('user\0eddy\0_pq_.future\0on\0\0');
    const msg = Buffer.alloc(8 + params.length);
    msg.writeInt32BE(msg.length, 0); msg.writeInt32BE((3 << 16) | 2, 4); params.copy(msg, 8);
    socket.write(msg);
    for (let i = 0; i < 100 && !Buffer.concat(chunks).includes(Buffer.from([0x5a, 0, 0, 0, 5])); i++) await new Promise((r) => setTimeout(r, 20));
    const b = Buffer.concat(chunks);
    expect(String.fromCharCode(b[0])).toBe('v');
    expect(b.readInt32BE(5)).toBe(0); // newest minor: 3.0
    expect(b.readInt32BE(9)).toBe(1);
    expect(b.toString('utf8', 13, 13 + '_pq_.future'.length)).toBe('_pq_.future');
    expect(b.includes(Buffer.from('server_version'))).toBe(true);
    socket.destroy();
  });
});
