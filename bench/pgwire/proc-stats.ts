// CPU and memory of server processes from /proc. Eddy is one process; Postgres is a postmaster
// with a forked backend per connection, so its figures are summed over the process tree, and
// the CPU of backends that already exited is the postmaster's cutime/cstime (it reaps them).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** The fields after the parenthesised command name of /proc/<pid>/stat (index 0 is `state`). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // exited in between
  }
}

/** utime + stime of the process, seconds; with `reapedChildren`, also cutime + cstime. */
export function cpuSeconds(pid: number, reapedChildren = false): number {
  const f = statFields(pid);
  if (!f) return NaN;
  const ticks = Number(f[11]) + Number(f[12]) + (reapedChildren ? Number(f[13]) + Number(f[14]) : 0);
  return ticks / CLOCK_TICKS;
}

/** The live direct children of `pid` (a scan of /proc: no kernel option needed). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(Number(name));
    if (f && Number(f[1]) === pid) out.push(Number(name));
  }
  return out;
}

export interface Memory {
  /** Resident set size summed over the processes, MiB (pages shared between them counted in each). */
  rssMiB: number;
  /** Proportional set size summed: a shared page split between its sharers, MiB. */
  pssMiB: number;
}

export function memory(pids: number[]): Memory {
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? NaN);
      pss += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? NaN);
    } catch {
      // exited in between
    }
  }
  return { rssMiB: rss / 1024, pssMiB: pss / 1024 };
}
