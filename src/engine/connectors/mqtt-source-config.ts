// The MQTT source's settings, named after Confluent's MQTT source connector where it has one
// (mqtt.server.uri, mqtt.topics, kafka.topic, mqtt.qos, mqtt.clean.session.enabled,
// mqtt.username/password, mqtt.keepalive.interval.seconds, mqtt.connect.timeout.seconds), and
// after Kafka Connect's own (errors.retry.timeout, topic.creation.default.*). Checked at CREATE,
// so a bad value fails the statement rather than the running connector. docs/connectors.md.
import type { Properties } from '../../../grammar/ast.js';
import { SqlError } from '../../types/sql-error.js';
import { ConfigReader, type ConnectorConfig } from './connector-config.js';

export interface MqttSourceConfig {
  /** The broker URL as mqtt.js takes it (tcp:// → mqtt://, ssl:// → mqtts://). */
  url: string;
  topics: string[];
  kafkaTopic: string;
  /** 0 or 1: QoS 2's PUBREC goes out before mqtt.js hands the message over (mqtt.js keeps it in memory only). */
  qos: 0 | 1;
  clean: boolean;
  clientId: string;
  username?: string;
  password?: string;
  protocolVersion: 4 | 5;
  keepaliveSeconds: number;
  connectTimeoutMs: number;
  reconnectMs: number;
  /** key.mqtt.topic.level: the key is this level of the MQTT topic (0-based); absent: the whole topic. */
  keyLevel?: number;
  retryTimeoutMs: number;
  retryMaxDelayMs: number;
  partitions: number;
  replicas: number;
}

const KNOWN = new Set([
  'connector.class', 'tasks.max', 'name', 'mqtt.server.uri', 'mqtt.topics', 'kafka.topic', 'mqtt.qos', 'mqtt.clean.session.enabled',
  'mqtt.clean.session', 'mqtt.client.id', 'mqtt.username', 'mqtt.password', 'mqtt.version', 'mqtt.keepalive.interval.seconds',
  'mqtt.connect.timeout.seconds', 'mqtt.reconnect.backoff.ms', 'key.mqtt.topic.level', 'errors.retry.timeout',
  'errors.retry.delay.max.ms', 'topic.creation.default.partitions', 'topic.creation.default.replication.factor',
]);

const SCHEMES: Record<string, string> = { 'tcp:': 'mqtt:', 'mqtt:': 'mqtt:', 'ssl:': 'mqtts:', 'mqtts:': 'mqtts:', 'ws:': 'ws:', 'wss:': 'wss:' };

export function mqttSourceConfig(config: ConnectorConfig, props: Properties, defaultClientId: string): MqttSourceConfig {
  for (const k of Object.keys(config)) {
    // Kafka Connect passes unknown keys on; here a typo would silently do nothing, so refuse it.
    if (!KNOWN.has(k) && /^(mqtt|key|errors|topic\.creation)\./.test(k)) {
      throw new SqlError('INVALID_PROPERTY', `Unknown config '${k}' for the MQTT source connector (see docs/connectors.md).`);
    }
  }
  const r = new ConfigReader(config, props);
  const uri = r.required('mqtt.server.uri', 'tcp://127.0.0.1:1883');
  const topics = r.required('mqtt.topics', 'cars/+/vibration').split(',').map((t) => t.trim()).filter((t) => t !== '');
  for (const t of topics) checkFilter(t, r);
  const kafkaTopic = r.required('kafka.topic', 'car_sensors');
  if (!/^[a-zA-Z0-9._-]{1,249}$/.test(kafkaTopic)) throw r.bad('kafka.topic', 'a Kafka topic name (letters, digits, . _ -)');
  const version = r.string('mqtt.version', '3.1.1');
  if (version !== '3.1.1' && version !== '5') throw r.bad('mqtt.version', "'3.1.1' or '5'");
  const password = r.optional('mqtt.password');
  const username = r.optional('mqtt.username');
  if (password !== undefined && username === undefined && version === '3.1.1') {
    throw new SqlError('INVALID_PROPERTY', "Connector config 'mqtt.password' needs 'mqtt.username' too (MQTT 3.1.1 sends no password without a user name).");
  }
  return {
    url: brokerUrl(uri, r),
    topics,
    kafkaTopic,
    qos: r.int('mqtt.qos', 1, 0, 1) as 0 | 1,
    clean: r.has('mqtt.clean.session.enabled') ? r.bool('mqtt.clean.session.enabled', false) : r.bool('mqtt.clean.session', false),
    clientId: r.string('mqtt.client.id', defaultClientId),
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    protocolVersion: version === '5' ? 5 : 4,
    keepaliveSeconds: r.int('mqtt.keepalive.interval.seconds', 60, 0, 65535),
    connectTimeoutMs: r.int('mqtt.connect.timeout.seconds', 30, 1, 3600) * 1000,
    reconnectMs: r.int('mqtt.reconnect.backoff.ms', 1000, 10, 3_600_000),
    ...(r.has('key.mqtt.topic.level') ? { keyLevel: r.int('key.mqtt.topic.level', 0, 0, 1000) } : {}),
    retryTimeoutMs: r.int('errors.retry.timeout', 30_000, 0, 86_400_000),
    retryMaxDelayMs: r.int('errors.retry.delay.max.ms', 5000, 1, 3_600_000),
    partitions: r.int('topic.creation.default.partitions', 1, 1, 100_000),
    replicas: r.int('topic.creation.default.replication.factor', 1, 1, 100),
  };
}

/** tcp://host:port (Paho's spelling, as Confluent's connector takes it) and mqtt.js's own schemes. */
function brokerUrl(uri: string, r: ConfigReader): string {
  if (uri.includes(',')) throw r.bad('mqtt.server.uri', 'one broker URI (a list is not supported)');
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    throw r.bad('mqtt.server.uri', 'a URI such as tcp://host:1883');
  }
  const scheme = SCHEMES[u.protocol];
  if (!scheme || u.hostname === '') throw r.bad('mqtt.server.uri', 'a URI such as tcp://host:1883 (schemes tcp, mqtt, ssl, mqtts, ws, wss)');
  return `${scheme}//${uri.slice(u.protocol.length + 2)}`;
}

/** An MQTT topic filter: '+' a whole level, '#' a whole last level, no empty filter. */
function checkFilter(f: string, r: ConfigReader): void {
  const levels = f.split('/');
  const ok = levels.every((l, i) => (l.includes('+') ? l === '+' : true) && (l.includes('#') ? l === '#' && i === levels.length - 1 : true));
  if (!ok || f.includes('\u0000')) throw r.bad('mqtt.topics', "MQTT topic filters ('+' stands for a whole level, '#' for the whole last level)");
}
