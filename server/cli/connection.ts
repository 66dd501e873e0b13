// --brokers, --service-id and --config: where an engine's log lives. With no brokers, the
// embedded MemoryLog; with brokers, KafkaLog and a durable engine (the command topic).
import { readFileSync } from 'node:fs';
import type { ParsedArgs } from './args.js';
import type { EngineOptions } from '../../src/engine/engine.js';
import type { KafkaLogOptions } from '../../src/log/kafka-log.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { SqlError } from '../../src/types/sql-error.js';

/** The --config file: JSON with Kafka connection settings and engine properties. */
interface ConfigFile {
  brokers?: string[] | string;
  serviceId?: string;
  instanceId?: string;
  ssl?: KafkaLogOptions['ssl'];
  sasl?: KafkaLogOptions['sasl'];
  clientId?: string;
  properties?: Record<string, string>;
}

function readConfig(path: string): ConfigFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ConfigFile;
  } catch (e) {
    throw new SqlError('INVALID_PROPERTY', `Cannot read --config ${path}: ${(e as Error).message}`);
  }
}

export interface Connection {
  options: Pick<EngineOptions, 'log' | 'durable' | 'serviceId' | 'instanceId'>;
  properties: Record<string, string>;
  describe: string;
  /** Closes the log's connections (the engine does not own a log it was given). */
  close: () => Promise<void>;
}

export function connectionFromArgs(args: ParsedArgs): Connection {
  const cfgPath = args.flags.get('config');
  const cfg = typeof cfgPath === 'string' ? readConfig(cfgPath) : {};
  const brokersFlag = args.flags.get('brokers');
  const brokers = typeof brokersFlag === 'string' ? brokersFlag.split(',')
    : typeof cfg.brokers === 'string' ? cfg.brokers.split(',') : cfg.brokers ?? [];
  const sid = args.flags.get('service-id');
  const serviceId = typeof sid === 'string' ? sid : cfg.serviceId ?? 'default';
  const iid = args.flags.get('instance-id');
  const instanceId = typeof iid === 'string' ? iid : cfg.instanceId;
  if (brokers.length === 0) {
    return { options: { serviceId }, properties: cfg.properties ?? {}, describe: 'the embedded log', close: async () => {} };
  }
  const log = new KafkaLog({ brokers: brokers.map((b) => b.trim()), clientId: cfg.clientId ?? `eddy-${serviceId}`, ssl: cfg.ssl, sasl: cfg.sasl });
  return {
    options: { log, durable: true, serviceId, instanceId },
    properties: cfg.properties ?? {},
    describe: `Kafka at ${brokers.join(',')} (service ${serviceId})`,
    close: () => log.close(),
  };
}
