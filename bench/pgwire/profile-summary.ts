// Where a profiled server spent its time: the top self-time functions and files of a V8
// .cpuprofile (EDDY_BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" writes one when the
// server stops). --last-seconds S keeps only the samples of the profile's last S seconds: the
// reads, which come after the preload, right before the server stops.
//   node dist/bench-pgwire/bench/pgwire/profile-summary.js FILE.cpuprofile [--last-seconds S] [--top 25]
import { readFileSync } from 'node:fs';
import { table } from '../ml/report.js';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
if (!file) {
  console.error('usage: profile-summary FILE.cpuprofile [--last-seconds S] [--top N]');
  process.exit(2);
}
const opt = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const lastSeconds = opt('--last-seconds', Infinity);
const top = opt('--top', 25);

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const from = profile.endTime - lastSeconds * 1e6; // µs
const selfUs = new Map<number, number>();
let t = profile.startTime;
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  // A sample's time is the interval up to the next sample.
  const dt = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
  if (t < from) continue;
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
  total += dt;
}

const shortUrl = (u: string): string => u.replace(/^file:\/\/.*?\/(dist\/[^/]+\/|node_modules\/)/, '$1').replace(/^file:\/\/\/?/, '');
const sumBy = (key: (n: ProfileNode) => string): [string, number][] => {
  const m = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const k = key(byId.get(id)!);
    m.set(k, (m.get(k) ?? 0) + us);
  }
  return [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
};
const row = ([k, us]: [string, number]): string[] => [k, (us / 1000).toFixed(0), ((100 * us) / total).toFixed(1)];

console.log(`${file}: ${(total / 1e6).toFixed(2)} s of samples${Number.isFinite(lastSeconds) ? ` in the last ${lastSeconds} s` : ''}`);
console.log(table('Self time by function', ['function (file:line)', 'ms', '%'],
  sumBy((n) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`).map(row)));
console.log(table('Self time by file', ['file', 'ms', '%'], sumBy((n) => shortUrl(n.callFrame.url) || `(${n.callFrame.functionName})`).map(row)));
