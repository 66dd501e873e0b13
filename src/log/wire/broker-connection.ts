// One TCP (or TLS) connection to a Kafka broker: size-prefixed request frames out, responses
// matched back by correlation id. Requests use header v1 and non-flexible API versions only
// (no tagged fields). On connect it asks the broker's ApiVersions once, so callers can pick a
// version both sides speak. Every request has a deadline; a closed or failed socket fails all
// requests in flight with WireConnectionError (their effect on the broker is unknown).
import net from 'node:net';
import tls, { type ConnectionOptions } from 'node:tls';
import { WireReader } from './wire-reader.js';
import { WireWriter } from './wire-writer.js';
import { WireConnectionError, WireError, kafkaError } from './wire-errors.js';

export const API_VERSIONS = 18;

export interface ConnectionSettings {
  clientId: string;
  ssl?: boolean | ConnectionOptions;
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
}

interface Pending { resolve: (r: WireReader) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }

export class BrokerConnection {
  private socket: net.Socket | undefined;
  private connecting: Promise<void> | undefined;
  private readonly pending = new Map<number, Pending>();
  private correlation = 0;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private frameSize = -1;
  private versions = new Map<number, [min: number, max: number]>();
  private closed = false;

  constructor(readonly host: string, readonly port: number, private readonly settings: ConnectionSettings) {}

  get address(): string { return `${this.host}:${this.port}`; }

  /** Connects (once; again after a failure) and learns the broker's API versions. */
  connect(): Promise<void> {
    this.connecting ??= this.open().catch((e: unknown) => {
      this.connecting = undefined;
      throw e;
    });
    return this.connecting;
  }

  /** The highest of `ours` (ascending or not) the broker speaks for `apiKey`; throws if none. */
  pickVersion(apiKey: number, ours: number[]): number {
    const range = this.versions.get(apiKey);
    const fit = range ? ours.filter((v) => v >= range[0] && v <= range[1]) : [];
    if (fit.length === 0) {
      throw new WireError('UNSUPPORTED_VERSION', `broker ${this.address} speaks no version of API ${apiKey} this client has (${ours.join(', ')}; broker: ${range ? `${range[0]}..${range[1]}` : 'none'})`);
    }
    return Math.max(...fit);
  }

  /**
   * Sends a request whose body `write` appends, and resolves with a reader at the start of the
   * response body. `extraTimeoutMs` adds to the deadline (a fetch waits on the broker).
   */
  async request(apiKey: number, version: number, write: (w: WireWriter) => void, extraTimeoutMs = 0, sizeHint = 256): Promise<WireReader> {
    await this.connect();
    return this.send(apiKey, version, write, extraTimeoutMs, sizeHint);
  }

  close(): void {
    this.closed = true;
    this.fail(new WireConnectionError(`connection to ${this.address} closed`));
  }

  private send(apiKey: number, version: number, write: (w: WireWriter) => void, extraTimeoutMs: number, sizeHint: number): Promise<WireReader> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.reject(new WireConnectionError(`not connected to ${this.address}`));
    const id = (this.correlation = (this.correlation + 1) & 0x7fffffff);
    const w = new WireWriter(sizeHint + 64);
    const sizeAt = w.reserve32();
    w.int16(apiKey).int16(version).int32(id).nullableString(this.settings.clientId);
    write(w);
    w.buf.writeInt32BE(w.pos - sizeAt - 4, sizeAt);
    return new Promise<WireReader>((resolve, reject) => {
      const timeoutMs = this.settings.requestTimeoutMs + extraTimeoutMs;
      const timer = setTimeout(() => {
        if (!this.pending.delete(id)) return;
        reject(new WireConnectionError(`request (API ${apiKey}) to ${this.address} timed out after ${timeoutMs} ms`));
        // A late answer would be matched to nothing; a connection that lost one is not trusted.
        this.socket?.destroy();
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      socket.write(w.view());
    });
  }

  private open(): Promise<void> {
    if (this.closed) return Promise.reject(new WireConnectionError(`connection to ${this.address} closed`));
    return new Promise<void>((resolve, reject) => {
      const { ssl, connectionTimeoutMs } = this.settings;
      const socket = ssl
        ? tls.connect({ host: this.host, port: this.port, servername: net.isIP(this.host) ? undefined : this.host, ...(ssl === true ? {} : ssl) })
        : net.connect({ host: this.host, port: this.port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => socket.destroy(new Error(`no connection within ${connectionTimeoutMs} ms`)), connectionTimeoutMs);
      this.socket = socket;
      this.chunks = [];
      this.buffered = 0;
      this.frameSize = -1;
      socket.once(ssl ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        this.send(API_VERSIONS, 0, () => undefined, 0, 0).then((r) => {
          const error = r.int16();
          if (error !== 0) throw kafkaError(error, `ApiVersions of ${this.address}`);
          const versions = new Map<number, [number, number]>();
          r.array((x) => versions.set(x.int16(), [x.int16(), x.int16()]));
          this.versions = versions;
          resolve();
        }).catch(reject);
      });
      socket.on('data', (chunk: Buffer) => { if (this.socket === socket) this.onData(chunk); });
      socket.on('error', (e) => {
        clearTimeout(timer);
        const err = new WireConnectionError(`connection to ${this.address} failed: ${e.message}`);
        reject(err);
        if (this.socket === socket) this.fail(err);
      });
      socket.on('close', () => {
        clearTimeout(timer);
        const err = new WireConnectionError(`connection to ${this.address} closed`);
        reject(err);
        if (this.socket === socket) this.fail(err);
      });
    });
  }

  /** Fails every request in flight and forgets the socket (the next request reconnects). */
  private fail(err: Error): void {
    const socket = this.socket;
    this.socket = undefined;
    this.connecting = undefined;
    socket?.destroy();
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.frameSize < 0) {
        if (this.buffered < 4) return;
        this.frameSize = this.peekInt32() + 4;
      }
      if (this.buffered < this.frameSize) return;
      const frame = this.take(this.frameSize);
      this.frameSize = -1;
      const id = frame.readInt32BE(4);
      const p = this.pending.get(id);
      if (!p) continue; // timed out meanwhile
      this.pending.delete(id);
      clearTimeout(p.timer);
      p.resolve(new WireReader(frame, 8));
    }
  }

  private peekInt32(): number {
    const first = this.chunks[0];
    if (first.length >= 4) return first.readInt32BE(0);
    return Buffer.concat(this.chunks, 4).readInt32BE(0);
  }

  /** The next `n` buffered bytes as one buffer (a view when they lie in one chunk). */
  private take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift(); else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let at = 0;
      while (at < n) {
        const c = this.chunks[0];
        const k = Math.min(c.length, n - at);
        c.copy(out, at, 0, k);
        at += k;
        if (k === c.length) this.chunks.shift(); else this.chunks[0] = c.subarray(k);
      }
    }
    this.buffered -= n;
    return out;
  }
}
