// Per-run figures, their medians per phase, and the ratios the goals are stated in:
// Eddy / Kafka Streams and each phase / the bare client (a), per CPU-second and per wall second.
import { table } from '../ml/report.js';
import type { Engine, Phase } from './phases.js';
import type { Timing } from './timed-run.js';

export interface Run {
  seconds?: number;
  recordsPerSec?: number;
  cpuSeconds?: number;
  recordsPerCpuSec?: number;
  /** Kafka Streams only: the stream thread's CPU, without the producer, GC and JIT threads. */
  threadCpuSeconds?: number;
  recordsPerThreadCpuSec?: number;
  outputRecords?: number;
  processingLogEntries?: number;
  error?: string;
}

type Medians = Pick<Run, 'seconds' | 'recordsPerSec' | 'cpuSeconds' | 'recordsPerCpuSec' | 'threadCpuSeconds' | 'recordsPerThreadCpuSec'>;
const MEDIAN_KEYS = ['seconds', 'recordsPerSec', 'cpuSeconds', 'recordsPerCpuSec', 'threadCpuSeconds', 'recordsPerThreadCpuSec'] as const;

export interface PhaseSummary { phase: string; what: string; engine: Engine; median: Medians; toA?: Ratios; runs: Run[] }
export interface Ratios { perCpuSecond?: number; perWallSecond?: number }
export interface PeerRatio extends Ratios { eddy: string; kafkaStreams: string; target: number; met?: boolean }

export function toRun(records: number, t: Timing): Run {
  return {
    seconds: t.seconds, recordsPerSec: records / t.seconds, cpuSeconds: t.cpuSeconds, recordsPerCpuSec: records / t.cpuSeconds,
    ...(t.threadCpuSeconds === undefined ? {} : { threadCpuSeconds: t.threadCpuSeconds, recordsPerThreadCpuSec: records / t.threadCpuSeconds }),
    ...t.extra,
  };
}

export function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function summarize(phases: Phase[], results: Map<string, Run[]>): { phases: PhaseSummary[]; ratios: PeerRatio[] } {
  const medians = (runs: Run[]): Medians =>
    Object.fromEntries(MEDIAN_KEYS.map((k) => [k, median(runs.flatMap((r) => (r[k] === undefined ? [] : [r[k]!])))]));
  const byId = new Map(phases.map((p) => [p.id, medians(results.get(p.id) ?? [])]));
  const ratios = (x: Medians | undefined, y: Medians | undefined): Ratios => ({
    perCpuSecond: divide(x?.recordsPerCpuSec, y?.recordsPerCpuSec), perWallSecond: divide(x?.recordsPerSec, y?.recordsPerSec),
  });
  const a = byId.get('a');
  return {
    phases: phases.map((p) => ({
      phase: p.id, what: p.what, engine: p.engine, median: byId.get(p.id)!,
      ...(a && p.id !== 'a' ? { toA: ratios(byId.get(p.id), a) } : {}), runs: results.get(p.id) ?? [],
    })),
    ratios: phases.flatMap((p) => {
      if (!p.peer || !byId.has(p.peer.id)) return [];
      const r = ratios(byId.get(p.id), byId.get(p.peer.id));
      return [{ eddy: p.id, kafkaStreams: p.peer.id, ...r, target: p.peer.target, met: r.perCpuSecond === undefined ? undefined : r.perCpuSecond >= p.peer.target }];
    }),
  };
}

const divide = (x: number | undefined, y: number | undefined): number | undefined => (x === undefined || y === undefined ? undefined : x / y);
export const int = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '-' : Math.round(v).toLocaleString('en-US'));
const fixed = (v: number | undefined, digits = 2): string => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits));

export function printSummary(title: string, s: { phases: PhaseSummary[]; ratios: PeerRatio[] }): void {
  console.log(table(title,
    ['', 'work', 'rec/CPU-s by run', 'wall s', 'rec/s wall', 'CPU s', 'rec/CPU-s', 'stream thread rec/CPU-s', '× (a) per CPU-s'],
    s.phases.map((p) => [p.phase, p.what, p.runs.map((r) => int(r.recordsPerCpuSec)).join(' / '), fixed(p.median.seconds),
      int(p.median.recordsPerSec), fixed(p.median.cpuSeconds), int(p.median.recordsPerCpuSec), int(p.median.recordsPerThreadCpuSec),
      fixed(p.toA?.perCpuSecond)])));
  if (s.ratios.length === 0) return;
  console.log(table('Eddy / Kafka Streams (medians; goal: >= 1 per CPU-second)',
    ['Eddy', 'Kafka Streams', 'per CPU-second', 'per wall second', 'goal'],
    s.ratios.map((r) => [r.eddy, r.kafkaStreams, fixed(r.perCpuSecond), fixed(r.perWallSecond),
      `>= ${r.target} ${r.met === undefined ? '' : r.met ? 'met' : 'MISSED'}`])));
}

/** JSON replacer: seconds to the millisecond, ratios to 3 digits, rates to the record — more is noise. */
export function rounded(key: string, v: unknown): unknown {
  if (typeof v !== 'number') return v;
  if (/seconds$/i.test(key) || /^per(Cpu|Wall)Second$/.test(key)) return Math.round(v * 1000) / 1000;
  return /^records(PerSec|PerCpuSec|PerThreadCpuSec)$/.test(key) ? Math.round(v) : v;
}
