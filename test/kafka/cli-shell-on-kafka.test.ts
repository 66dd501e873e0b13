// `eddy shell --brokers` runs on Kafka, as `eddy run --brokers` does: it joins the service and
// sees the streams its scripts created. (It used to ignore --brokers and run on the embedded log.)
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { freshSuffix } from './engine-on-kafka-helpers.js';
import { file, isBuilt, spawnEddy } from '../cli/cli-helpers.js';

vi.setConfig({ testTimeout: 60_000 });

describe.skipIf(!kafkaEnabled)('eddy shell --brokers', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it.skipIf(!isBuilt())('sees the stream an eddy run --brokers script created in the same service', async () => {
    const s = freshSuffix();
    const service = ['--brokers', brokers.join(','), '--service-id', `shell_${s}`];
    const sql = file(`create_${s}.sql`, `CREATE STREAM from_run_${s} (id INT KEY) WITH (KAFKA_TOPIC='from_run_${s}', VALUE_FORMAT='JSON', PARTITIONS=1);\n`);
    const run = await spawnEddy(['run', ...service, sql], '', 55_000);
    expect(run.code).toBe(0);
    const shell = await spawnEddy(['shell', ...service], 'SHOW STREAMS;\n\\q\n', 55_000);
    expect(shell.code).toBe(0);
    expect(shell.stdout).toContain(`FROM_RUN_${s.toUpperCase()}`);
  });
});
