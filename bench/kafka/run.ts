// The Kafka throughput benchmark (npm run bench:kafka): loads N JSON readings into a 4-partition
// topic, then runs, R times each (interleaved, so drift in the machine's state hits all alike):
//   (a)            a bare kafkajs consume-and-produce passthrough — the ceiling for this client;
//   (b), (b-ks)    a filter + projection, on Eddy and on Kafka Streams (1 stream thread);
//   (c), (c-ks)    a tumbling-window COUNT/SUM by key, record cache on (Kafka Streams: 10 MiB);
//   (c-nocache), (c-nocache-ks)  the same with the record cache off in both;
//   (m)            an anomaly model learning online plus a CSAS scoring every record with it
//                  (Eddy alone: no peer learns online).
// Each contender is a process of its own, started once and kept warm (a node worker for the
// passthrough, one for Eddy, one JVM for Kafka Streams), so each run's CPU seconds are read from
// /proc for that process alone. Two discarded warm-up rounds go first: a cold JVM is several
// times slower, and after one round Kafka Streams still ran (b) at 87-157k rec/CPU-s, after two
// at 132-145k. Prints per run and as medians: wall seconds, records/s wall, records per CPU-second,
// and Eddy / Kafka Streams ratios; writes JSON (bench/kafka/results.json, or --out FILE).
// Flags: --records N (200000), --runs R (3), --phases a,b,b-ks,... (all), --timeout SECONDS per run
// (120), --warm-up ROUNDS (2). EDDY_BENCH_PROFILE_DIR=DIR: the node workers write CPU profiles
// there when they exit. Broker: KAFKA_BROKERS, else a private one (see broker.ts). The
// Kafka Streams peer: EDDY_PEERS_DIR, else ../shared/peers (peer-build.ts); skipped if absent.
import { cpus, loadavg } from 'node:os';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../ml/datasets.js';
import { startBroker, type Broker } from './broker.js';
import { benchKafka } from './kafka-client.js';
import { loadReadings, PARTITIONS, THRESHOLD } from './load.js';
import { NodeWorker } from './node-worker.js';
import { buildPeer, type PeerBuild } from './peer-build.js';
import { PeerProcess } from './peer-process.js';
import { PHASES, type Contenders } from './phases.js';
import { int, printSummary, rounded, summarize, toRun, type Run } from './summary.js';
import { timedRun } from './timed-run.js';
import { warmUp } from './warm-up.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const records = Number(flag('--records', '200000'));
const runs = Number(flag('--runs', '3'));
const warmUpRounds = Number(flag('--warm-up', '2'));
const requested = flag('--phases', PHASES.map((p) => p.id).join(',')).split(',');
const timeoutMs = Number(flag('--timeout', '120')) * 1000;
const outFile = flag('--out', join(repoRoot(), 'bench', 'kafka', 'results.json'));

const unknown = requested.filter((id) => !PHASES.some((p) => p.id === id));
if (unknown.length) throw new Error(`unknown phase(s) ${unknown.join(', ')}; known: ${PHASES.map((p) => p.id).join(', ')}`);

const load = (): number[] => loadavg().map((l) => Math.round(l * 100) / 100);

async function main(broker: Broker): Promise<void> {
  const id = Date.now().toString(36);
  const kafka = benchKafka(broker.brokers, `eddy-bench-${id}`);
  const admin = kafka.admin();
  await admin.connect();
  const loadAtStart = load(); // the machine may be shared: a busy one lowers every number
  const c: Contenders = { brokers: broker.brokers, admin };
  let peerBuild: PeerBuild | undefined;
  try {
    console.log(`Eddy Kafka benchmark: ${records.toLocaleString('en-US')} records, ${runs} runs (+${warmUpRounds} warm-up), node ${process.version}, ` +
      `Kafka ${broker.kafkaVersion} on ${broker.brokers.join(',')}, ${cpus().length} CPUs, load average at start ${loadAtStart.join(' ')}`);
    let selected = PHASES.filter((p) => requested.includes(p.id));
    if (selected.some((p) => p.engine === 'Kafka Streams')) {
      peerBuild = await buildPeer();
      if ('skipped' in peerBuild) {
        console.log(`Kafka Streams peer skipped: ${peerBuild.skipped}`);
        selected = selected.filter((p) => p.engine !== 'Kafka Streams');
      }
    }
    const data = await loadReadings(kafka, admin, `bench_readings_${id}`, records);
    console.log(`loaded ${data.topic}: ${int(data.avgValueBytes)}-byte values in ${data.loadSeconds.toFixed(1)} s ` +
      `(${int(records / data.loadSeconds)} records/s); ${int(data.expectedHot)} have temp > ${THRESHOLD}`);
    await warmUp(broker.brokers, admin, `bench_warm_up_${id}`);

    // Compiled next to this file (dist/bench-kafka/bench/kafka/).
    if (selected.some((p) => p.engine === 'kafkajs')) c.passthrough = new NodeWorker('passthrough worker', new URL('./passthrough-worker.js', import.meta.url));
    if (selected.some((p) => p.engine === 'Eddy')) c.eddy = new NodeWorker('Eddy worker', new URL('./eddy-worker.js', import.meta.url));
    if (peerBuild && !('skipped' in peerBuild)) {
      const stateDir = join(peerBuild.dir, 'state');
      rmSync(stateDir, { recursive: true, force: true });
      c.peer = await PeerProcess.start(peerBuild.classpath, broker.brokers, stateDir);
    }

    const results = new Map<string, Run[]>(selected.map((p) => [p.id, []]));
    for (let r = 1 - warmUpRounds; r <= runs; r++) {
      const round = r < 1 ? `warm-up ${r + warmUpRounds}` : `run ${r}`;
      for (const p of selected) {
        // Topic, group and SQL names: no '-' (c-nocache), and a fresh set per run.
        const tag = `${p.id.replace(/-/g, '_')}${r < 1 ? `w${r + warmUpRounds}` : r}_${id}`;
        let run: Run;
        try {
          run = toRun(records, await timedRun(`(${p.id}) ${round}`, p.work(c, data, tag), timeoutMs));
          const thread = run.threadCpuSeconds === undefined ? '' : `; stream thread ${run.threadCpuSeconds.toFixed(2)} CPU s, ${int(run.recordsPerThreadCpuSec)} rec/CPU-s`;
          console.log(`  (${p.id}) ${round}: ${run.seconds!.toFixed(2)} s, ${int(run.recordsPerSec)} rec/s wall; ` +
            `${run.cpuSeconds!.toFixed(2)} CPU s, ${int(run.recordsPerCpuSec)} rec/CPU-s${thread}`);
        } catch (e) {
          run = { error: (e as Error).stack ?? String(e) };
          console.log(`  (${p.id}) ${round} FAILED: ${(e as Error).message}`);
        }
        if (r >= 1) results.get(p.id)!.push(run);
      }
    }

    const loadAtEnd = load();
    const summary = summarize(selected, results);
    printSummary(`${records.toLocaleString('en-US')} records of ~${int(data.avgValueBytes)} bytes, ${PARTITIONS} partitions, medians of ${runs}; ` +
      `load average ${loadAtStart.join(' ')} at start, ${loadAtEnd.join(' ')} at end`, summary);
    console.log('For reference, ksqlDB sizing guide: ~49k records/s per core for filter/projection, ~12k for aggregation.');

    const kafkajsVersion = (createRequire(import.meta.url)('kafkajs/package.json') as { version: string }).version;
    writeFileSync(outFile, JSON.stringify({
      date: new Date().toISOString(), records, partitions: PARTITIONS, avgValueBytes: Math.round(data.avgValueBytes), runsPerPhase: runs, warmUpRounds,
      kafkaVersion: broker.kafkaVersion, kafkajsVersion, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model,
      kafkaStreams: peerBuild === undefined ? { skipped: 'no Kafka Streams phase selected' }
        : 'skipped' in peerBuild ? { skipped: peerBuild.skipped } : { version: peerBuild.kafkaStreamsVersion, threads: 1 },
      cpuSeconds: 'utime + stime of the contender\'s process (/proc/PID/stat) from the start of a run to its end',
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      loadPhase: { seconds: data.loadSeconds, recordsPerSec: records / data.loadSeconds }, filterPasses: data.expectedHot,
      phases: summary.phases, eddyToKafkaStreams: summary.ratios,
    }, rounded, 2) + '\n');
    console.log(`\nwrote ${outFile}`);
    if (summary.phases.some((s) => s.runs.some((r) => r.error))) process.exitCode = 1;
  } finally {
    await Promise.allSettled([c.passthrough?.close(), c.eddy?.close(), c.peer?.quit()]);
    await admin.disconnect();
  }
}

const broker = await startBroker();
// Ctrl-C or a kill still stops the private broker (its watcher would too, a little later); the
// workers and the JVM are killed on exit (child-guard.ts).
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => { void broker.stop().finally(() => process.exit(130)); });
}
try {
  await main(broker);
} finally {
  await broker.stop();
}
