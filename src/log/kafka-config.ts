// How KafkaLog connects to a cluster, and the kafkajs client built from it. Logging is quiet by
// default: kafkajs logs every error response at ERROR, including ones KafkaLog expects and handles
// (an unknown topic while checking existence, a group coordinator still loading).

import type { ConnectionOptions } from 'node:tls';
import kafkajs from 'kafkajs';
import type { KafkaConfig, LogEntry, RetryOptions, SASLOptions } from 'kafkajs';
import { registerKafkajsCodecs } from './codecs/batch-codecs.js';

const { Kafka, logLevel } = kafkajs;

export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface KafkaLogOptions {
  /** Bootstrap servers, e.g. ['127.0.0.1:9092']. */
  brokers: string[];
  clientId?: string;
  /** true for TLS with the system CAs, or Node TLS options (ca, cert, key, ...). */
  ssl?: boolean | ConnectionOptions;
  sasl?: SASLOptions;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  retry?: RetryOptions;
  /** Idempotent producer (no duplicates on retries); default true. */
  idempotent?: boolean;
  /**
   * The client records are fetched and produced with: Eddy's own ('wire', the default; not with
   * SASL) or kafkajs's. Groups, topics and transactions always go through kafkajs.
   */
  dataPath?: 'wire' | 'kafkajs';
  /** Compression of produced batches; kafkajs has gzip built in (others need codecs). */
  compression?: 'none' | 'gzip';
  /** Consumer group session timeout; default 10 s (the broker allows 6 s to 5 min). */
  sessionTimeoutMs?: number;
  /** Consumer heartbeat interval, also how soon a member notices a rebalance; default 1 s. */
  heartbeatIntervalMs?: number;
  /** How long a consumer's fetch waits on the broker for data; default 250 ms. */
  fetchMaxWaitMs?: number;
  /** Records a consumer buffers per partition before it pauses fetching; default 2000. */
  maxBufferedPerPartition?: number;
  /** Receives kafkajs log entries at or above `logLevel` (default: errors KafkaLog does not handle, to stderr). */
  log?: (entry: { level: KafkaLogLevel; namespace: string; message: string; extra: object }) => void;
  logLevel?: 'nothing' | KafkaLogLevel;
}

const LEVELS = { nothing: logLevel.NOTHING, error: logLevel.ERROR, warn: logLevel.WARN, info: logLevel.INFO, debug: logLevel.DEBUG };
const nameOf = (l: number): KafkaLogLevel => (l <= logLevel.ERROR ? 'error' : l === logLevel.WARN ? 'warn' : l === logLevel.INFO ? 'info' : 'debug');

/** kafkajs errors that KafkaLog handles itself, so the default logger does not print them. */
function handledElsewhere(namespace: string, message: string): boolean {
  // Connection logs each error response (KafkaLog maps them); Consumer logs crashes it restarts
  // from, and KafkaConsumer's poll() throws the ones it does not.
  return namespace === 'Connection' || namespace === 'Consumer' || /Restarting the consumer/.test(message);
}

/** How long a line the default logger printed is not printed again (only counted). */
const REPEAT_QUIET_MS = 10_000;

/**
 * Writes lines to stderr, each distinct line at most once per REPEAT_QUIET_MS with a count of the
 * repeats left out: while a broker is down, every client logs each reconnection attempt.
 */
function quietRepeats(): (line: string) => void {
  const seen = new Map<string, { at: number; repeats: number }>();
  return (line) => {
    const now = Date.now();
    const s = seen.get(line);
    if (s && now - s.at < REPEAT_QUIET_MS) { s.repeats++; return; }
    if (seen.size > 1000) seen.clear(); // distinct lines are few; this only bounds the memory
    seen.set(line, { at: now, repeats: 0 });
    const more = s && s.repeats > 0 ? ` (${s.repeats} more times in the last ${Math.round((now - s.at) / 1000)} s)` : '';
    process.stderr.write(`${line}${more}\n`);
  };
}

export function createKafkaClient(opts: KafkaLogOptions): InstanceType<typeof Kafka> {
  registerKafkajsCodecs(); // its consumers (the SASL path) read snappy, lz4 and zstd batches too
  const level = LEVELS[opts.logLevel ?? 'error'];
  const sink = opts.log;
  const stderr = quietRepeats();
  const logCreator = () => ({ namespace, level: l, log }: LogEntry) => {
    const { message, ...extra } = log;
    if (sink) {
      sink({ level: nameOf(l), namespace, message, extra });
    } else if (!handledElsewhere(namespace, message)) {
      stderr(`kafkajs ${nameOf(l)} [${namespace}] ${message}${'error' in extra ? `: ${String(extra.error)}` : ''}`);
    }
  };
  const config: KafkaConfig = {
    brokers: opts.brokers,
    clientId: opts.clientId ?? 'eddy',
    ssl: opts.ssl,
    sasl: opts.sasl,
    connectionTimeout: opts.connectionTimeoutMs ?? 3000,
    requestTimeout: opts.requestTimeoutMs ?? 30000,
    retry: opts.retry,
    logLevel: level,
    logCreator,
  };
  return new Kafka(config);
}
