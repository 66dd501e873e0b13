// An in-process MQTT 3.1.1 broker (aedes) for the connector tests, on a TCP port that can be
// closed and opened again while the broker keeps its sessions: what an MQTT broker that restarts
// with persistence looks like to a client (QoS 1 messages for an offline persistent session wait).
import { createServer, type Server, type Socket } from 'node:net';
import { Aedes } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';

export class TestMqttBroker {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(readonly aedes: Aedes, public port: number) {}

  static async start(): Promise<TestMqttBroker> {
    const b = new TestMqttBroker(await Aedes.createBroker(), 0);
    await b.listen();
    return b;
  }

  get uri(): string { return `tcp://127.0.0.1:${this.port}`; }

  /** Accepts connections (again, on the same port). */
  async listen(): Promise<void> {
    const server = createServer((s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      this.aedes.handle(s);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const addr = server.address();
    if (addr && typeof addr === 'object') this.port = addr.port;
    this.server = server;
  }

  /** Drops every connection and stops listening; sessions and queued messages stay. */
  async stopListening(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    for (const sock of this.sockets) sock.destroy();
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }

  /** Publishes from inside the broker (works while nobody can connect). */
  publish(topic: string, payload: string, qos: 0 | 1 = 1): Promise<void> {
    return new Promise((resolve, reject) => {
      this.aedes.publish({ cmd: 'publish', topic, payload: Buffer.from(payload), qos, retain: false, dup: false }, (e) => (e ? reject(e) : resolve()));
    });
  }

  async close(): Promise<void> {
    await this.stopListening();
    await new Promise<void>((r) => this.aedes.close(() => r()));
  }
}

/** A publishing client, as a device would be. */
export async function publisher(uri: string, protocolVersion: 4 | 5 = 4): Promise<MqttClient> {
  return mqtt.connectAsync(uri.replace(/^tcp:/, 'mqtt:'), { clientId: `pub-${Math.random().toString(36).slice(2)}`, protocolVersion, reconnectPeriod: 0 });
}

/** Polls `f` until it holds (or fails after `timeoutMs`). */
export async function until(f: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await f())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
