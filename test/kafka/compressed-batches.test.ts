// Topics whose batches producers compressed (compression.type snappy, lz4, zstd, gzip), read by
// Eddy queries on a real broker: written by kcat (librdkafka: raw Snappy) and by Kafka's Java
// producer (xerial-framed Snappy, its LZ4 frames, zstd-jni), through both data paths (Eddy's wire
// client and kafkajs with Eddy's decoders). Before, every codec but gzip failed the query.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';

vi.setConfig({ testTimeout: 180_000 });

const scripts = join(__dirname, '..', '..', 'scripts');
const COUNT = 300;
const KCAT_CODECS = ['gzip', 'snappy', 'lz4', 'zstd'];
const JAVA_CODECS = ['snappy', 'lz4', 'zstd'];

function ensureKcat(): void {
  try {
    execFileSync('kcat', ['-V'], { stdio: 'ignore' });
  } catch {
    execFileSync(join(scripts, 'local-kafka.sh'), ['ensure-kcat'], { stdio: 'inherit' });
  }
}

describe.skipIf(!kafkaEnabled)('compressed record batches on Kafka', () => {
  let brokers: string[] = [];
  const topic = `compressed_${process.pid}_${Date.now().toString(36)}`;

  beforeAll(async () => {
    brokers = await kafkaBrokers();
    ensureKcat();
    const b = brokers.join(',');
    const admin = new KafkaLog({ brokers, clientId: 'eddy-codecs-setup' });
    try {
      await admin.createTopic(topic, { partitions: 1 });
    } finally {
      await admin.close();
    }
    for (const codec of KCAT_CODECS) {
      const lines = Array.from({ length: COUNT }, (_, i) => `${codec}-kcat-${i}|{"CODEC":"${codec}-kcat","N":${i},"TEXT":"reading ${i} of sensor ${i % 7} reading reading"}`);
      execFileSync('kcat', ['-P', '-b', b, '-t', topic, '-p', '0', '-K', '|', '-z', codec, '-X', 'linger.ms=20'], { input: lines.join('\n') + '\n' });
    }
    const cp = execFileSync(join(scripts, 'local-kafka.sh'), ['classpath'], { encoding: 'utf8' }).trim();
    for (const codec of JAVA_CODECS) {
      execFileSync('java', ['-cp', cp, join(__dirname, 'java', 'CompressedProducer.java'), b, topic, codec, String(COUNT)], { stdio: ['ignore', 'ignore', 'pipe'] });
    }
  }, 15 * 60_000);

  for (const dataPath of ['wire', 'kafkajs'] as const) {
    it(`reads every record of every codec (${dataPath} data path)`, async () => {
      const suffix = `${dataPath}_${Date.now().toString(36)}`;
      const engine = await Engine.create({
        log: new KafkaLog({ brokers, clientId: 'eddy-codecs-test', dataPath }), durable: true, serviceId: `codecs_${suffix}`,
        properties: { 'auto.offset.reset': 'earliest' },
      });
      try {
        await engine.executeScript(`
          CREATE STREAM readings (k STRING KEY, codec STRING, n INT, text STRING) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON');
          CREATE TABLE per_codec_${suffix} AS SELECT codec, COUNT(*) AS c, SUM(n) AS total, MIN(n) AS lo, MAX(n) AS hi FROM readings GROUP BY codec;`);
        await engine.settle(120_000);
        const [pull] = await engine.executeScript(`SELECT codec, c, total, lo, hi FROM per_codec_${suffix};`);
        const rows = pull.kind === 'rows' ? pull.rows : [];
        const expected = [...KCAT_CODECS.map((c) => `${c}-kcat`), ...JAVA_CODECS.map((c) => `${c}-java`)].sort()
          .map((c) => [c, COUNT, (COUNT * (COUNT - 1)) / 2, 0, COUNT - 1]);
        expect(rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v))).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual(expected);
        expect(engine.state.queries.size).toBe(1);
        for (const q of engine.state.queries.values()) expect(q.status).toBe('RUNNING');
      } finally {
        await engine.close();
        await engine.log.close();
      }
    });
  }
});
