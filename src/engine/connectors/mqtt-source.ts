// The built-in MQTT source: subscribes to topic filters on an MQTT broker (mqtt.js) and writes
// each message to a Kafka topic through the Log — key the MQTT topic (or one level of it), value
// the payload bytes as they are. QoS 1 messages are acknowledged to the broker only once the Log
// has them (mqtt.js sends the PUBACK when its handleMessage hook calls back; its customHandleAcks
// option works for MQTT 5 only), so a crash before that gets them again from the broker:
// at-least-once. mqtt.js hands over one message at a time and waits for that callback, so QoS 1
// records go to the Log one produce each; QoS 0 messages (no ack) are let through at once and
// those arriving together share a produce. A persistent session (clean session off, a fixed client id) makes the
// broker queue QoS 1 messages while Eddy is away; mqtt.js reconnects by itself.
import type { MqttClient, IClientOptions, IConnackPacket, IPublishPacket, Packet } from 'mqtt';
import type { Header, ProducerRecord } from '../../log/log.js';
import type { ConnectorTask, TaskContext } from './connector-task.js';
import type { MqttSourceConfig } from './mqtt-source-config.js';
import { BatchWriter } from './batch-writer.js';

/** CONNACK codes that retrying cannot fix (3.1.1: bad protocol, id, credentials; 5: 0x80+). */
const FATAL_CONNACK = new Set([1, 2, 4, 5, 128, 129, 130, 132, 133, 134, 135, 138, 140]);

export class MqttSource implements ConnectorTask {
  private client: MqttClient | undefined;
  private readonly writer: BatchWriter;
  private connectedOnce = false;
  private stopping = false;
  private lastError = '';

  constructor(private readonly cfg: MqttSourceConfig, private readonly ctx: TaskContext) {
    this.writer = new BatchWriter(ctx.log, cfg.kafkaTopic, {
      retryTimeoutMs: cfg.retryTimeoutMs, retryMaxDelayMs: cfg.retryMaxDelayMs,
      onWritten: (n) => { ctx.status.counters.recordsWritten += n; },
      onError: (m) => ctx.status.error(m),
    });
  }

  start(): void {
    this.ctx.status.set('CONNECTING');
    // mqtt.js takes ~150 ms to load: only when a connector runs.
    void import('mqtt').then((mqtt) => {
      if (this.stopping) return;
      this.client = mqtt.connect(this.cfg.url, this.options());
      this.client.handleMessage = (packet, done) => this.onPublish(packet, done);
      this.listen(this.client);
    }, (e: unknown) => this.fail(`cannot load the mqtt package: ${String(e)}`));
  }

  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.writer.stop();
    const c = this.client;
    if (c) await endWithin(c, timeoutMs);
    if (this.ctx.status.state !== 'FAILED') this.ctx.status.set('STOPPED');
  }

  private options(): IClientOptions {
    const c = this.cfg;
    return {
      clientId: c.clientId, clean: c.clean, protocolVersion: c.protocolVersion, keepalive: c.keepaliveSeconds,
      connectTimeout: c.connectTimeoutMs, reconnectPeriod: c.reconnectMs, resubscribe: false,
      ...(c.username !== undefined ? { username: c.username } : {}), ...(c.password !== undefined ? { password: c.password } : {}),
      // MQTT 5 ends a session at disconnect unless it has an expiry: keep it as 3.1.1 does.
      ...(c.protocolVersion === 5 && !c.clean ? { properties: { sessionExpiryInterval: 0xffffffff } } : {}),
    };
  }

  private listen(client: MqttClient): void {
    const status = this.ctx.status;
    client.on('connect', (connack: IConnackPacket) => {
      this.connectedOnce = true;
      // A resumed session still has its subscriptions; subscribing again would resend retained messages.
      if (connack.sessionPresent && !this.cfg.clean) { status.set('RUNNING'); return; }
      client.subscribe(this.cfg.topics, { qos: this.cfg.qos }, (err, granted) => {
        const refused = granted?.filter((g) => g.qos === 128).map((g) => g.topic) ?? [];
        if (err || refused.length > 0) {
          this.fail(err ? `subscribing failed: ${err.message}` : `the broker refused the subscription to ${refused.join(', ')}`);
        } else if (!this.stopping) status.set('RUNNING');
      });
    });
    client.on('error', (e: Error & { code?: unknown }) => {
      this.lastError = e.message;
      status.error(`MQTT: ${e.message}`);
      if (typeof e.code === 'number' && FATAL_CONNACK.has(e.code)) { this.fail(`the broker refused the connection: ${e.message}`); return; }
      if (!this.connectedOnce && !this.stopping) {
        status.set('FAILED', `cannot connect to ${this.cfg.url}: ${e.message} (retrying every ${this.cfg.reconnectMs} ms)`);
      }
    });
    client.on('close', () => {
      if (this.stopping || status.state === 'FAILED') return;
      if (this.connectedOnce) status.set('RECONNECTING', `connection to ${this.cfg.url} lost${this.lastError ? `: ${this.lastError}` : ''}`);
    });
  }

  /** mqtt.js's hook before it acknowledges: QoS 1 calls back once the record is in the Log, QoS 0 at once. */
  private onPublish(packet: Packet, done: (e?: Error) => void): void {
    if (packet.cmd !== 'publish') { done(); return; }
    this.ctx.status.counters.messagesIn++;
    const written = this.writer.write(this.record(packet));
    if (packet.qos === 0) done();
    written.then(() => { if (packet.qos > 0) done(); }, (e: Error) => this.writeFailed(e));
  }

  private record(packet: IPublishPacket): ProducerRecord {
    const topic = packet.topic;
    const level = this.cfg.keyLevel;
    const key = level === undefined ? topic : topic.split('/')[level];
    const headers: Header[] = [
      { key: 'mqtt.message.id', value: Buffer.from(String(packet.messageId ?? 0)) },
      { key: 'mqtt.qos', value: Buffer.from(String(packet.qos)) },
      { key: 'mqtt.retained', value: Buffer.from(String(packet.retain)) },
      { key: 'mqtt.duplicate', value: Buffer.from(String(packet.dup)) },
    ];
    const value = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    return { key: key === undefined ? null : Buffer.from(key), value, headers };
  }

  /** Not acknowledged: the broker redelivers it to the session; the connector stops (FAILED). */
  private writeFailed(e: Error): void {
    if (!this.stopping) this.fail(e.message);
  }

  private fail(reason: string): void {
    if (this.stopping) return;
    this.stopping = true;
    this.ctx.status.set('FAILED', reason);
    this.writer.stop();
    const c = this.client;
    if (c) void endWithin(c, 1000);
  }
}

/** client.end, forced (unacknowledged messages stay with the broker), within a limit. */
function endWithin(c: MqttClient, timeoutMs: number): Promise<void> {
  return new Promise((r) => {
    const t = setTimeout(r, timeoutMs);
    c.end(true, {}, () => { clearTimeout(t); r(); });
  });
}
