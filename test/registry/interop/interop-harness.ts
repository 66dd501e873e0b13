// What the registry interop tests share: the Python client, the broker and the registry found
// once per file, durable Eddy engines on them closed after each test, and a push query's result
// as plain data.
import { afterEach, beforeAll } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { formatType } from '../../../src/types/sql-type.js';
import { KafkaLog } from '../../../src/log/kafka-log.js';
import { rowsOf } from '../../engine/engine-helpers.js';
import { freshSuffix } from '../../kafka/engine-on-kafka-helpers.js';
import { kafkaBrokers, kafkaEnabled } from '../../setup/kafka-broker.js';
import { REGISTRY_START_MS, registryEnabled, registryUrl } from '../registry-fixture.js';
import { plain } from './avro-sample.js';
import { INSTALL_MS, installPythonClient, type Endpoints } from './interop-clients.js';

export interface InteropHarness {
  /** The Python launcher with Confluent's client installed (set before the tests run). */
  readonly python: string;
  readonly at: Endpoints;
  /** A durable engine on the broker whose registry formats use the test registry. */
  eddy(): Promise<Engine>;
  /** A push query's columns (name and type) and its rows as plain JSON, until LIMIT. */
  pushQuery(engine: Engine, sql: string): Promise<{ columns: string[][]; rows: unknown[] }>;
}

/** Registers the file's hooks; `name` tells its engines' client and service ids apart. */
export function interopHarness(name: string): InteropHarness {
  let python = '';
  let at: Endpoints = { brokers: [], registry: '' };
  beforeAll(async () => {
    if (!kafkaEnabled || !registryEnabled) return;
    const [launcher, brokers, registry] = await Promise.all([installPythonClient(), kafkaBrokers(), registryUrl()]);
    python = launcher;
    at = { brokers, registry };
  }, REGISTRY_START_MS + INSTALL_MS);

  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0).reverse()) await c();
  });

  return {
    get python() { return python; },
    get at() { return at; },
    async eddy() {
      const log = new KafkaLog({ brokers: at.brokers, clientId: `eddy-registry-interop-${name}` });
      closers.push(() => log.close());
      const engine = await Engine.create({
        log, durable: true, serviceId: `interop_${name}_${freshSuffix()}`,
        properties: { 'auto.offset.reset': 'earliest', 'schema.registry.url': at.registry },
      });
      closers.push(() => engine.close());
      return engine;
    },
    async pushQuery(engine, sql) {
      const res = await engine.executeScript(sql);
      const r = res[res.length - 1];
      if (r.kind !== 'stream') throw new Error(`expected a push query, got ${JSON.stringify(r)}`);
      return { columns: r.columns.map((c) => [c.name, formatType(c.type)]), rows: (await rowsOf(r)).map(plain) };
    },
  };
}
