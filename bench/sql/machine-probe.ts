// The same fixed work (a pure JavaScript loop over a small array: no allocation, no I/O), timed
// in CPU milliseconds between the benchmark's runs. These machines are shared and their speed
// moves: on one day the same P4 run read 2.3 to 4.8 µs/row within minutes, and this loop 194 to
// 281 ms. Its spread over a run says how far the run's figures can be trusted.
import { median } from './cpu-clock.js';

const data = Float64Array.from({ length: 1024 }, (_, i) => Math.sin(i));
let sink = 0;

/** One pass over the array: a function of its own, called often, so that it is optimized at once. */
function pass(k: number): number {
  let s = 0;
  for (let i = 0; i < 1024; i++) s += data[i] * data[(i * 7 + k) & 1023];
  return s;
}

/** CPU ms of the fixed loop (~40 ms on these machines). */
export function probeMs(): number {
  const t0 = process.cpuUsage();
  let s = 0;
  for (let k = 0; k < 40_000; k++) s += pass(k);
  sink += s;
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1000;
}

probeMs(); // compiled before the first probe that counts

export interface ProbeSummary { runs: number; medianMs: number; minMs: number; maxMs: number; spread: number }

/** The probes' median, extremes and spread (max / min - 1). */
export function summarize(ms: number[]): ProbeSummary {
  if (sink === 0.5) console.log(''); // keep the loop observable
  const min = Math.min(...ms);
  const max = Math.max(...ms);
  return { runs: ms.length, medianMs: median(ms), minMs: min, maxMs: max, spread: max / min - 1 };
}
