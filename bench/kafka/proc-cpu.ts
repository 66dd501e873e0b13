// CPU seconds a process (or some of its threads) has used, from /proc: utime + stime in clock
// ticks. Read before and after a run, the difference is that run's CPU, whoever else shares the
// machine — the fair per-core figure on a busy 2-core box, where wall time is not.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second (USER_HZ; 100 on nearly every Linux). */
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds of the whole process (all its threads, as top counts it). */
export function processCpuSeconds(pid: number): number {
  return ticks(readFileSync(`/proc/${pid}/stat`, 'utf8')).cpu / CLK_TCK;
}

/**
 * CPU seconds of the process's live threads whose name starts with `prefix` (Linux keeps the
 * first 15 bytes of a thread's name: "ks-StreamThread-1" reads "ks-StreamThread"). Threads that
 * ended are not counted: read it while the threads of interest run.
 */
export function threadCpuSeconds(pid: number, prefix: string): number {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let t: { comm: string; cpu: number };
    try {
      t = ticks(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
    } catch {
      continue; // the thread ended between the listing and the read
    }
    if (t.comm.startsWith(prefix)) total += t.cpu;
  }
  return total / CLK_TCK;
}

/** Fields 14 and 15 (utime, stime) of a stat line; the name (field 2) may hold spaces and ')'. */
function ticks(stat: string): { comm: string; cpu: number } {
  const close = stat.lastIndexOf(')');
  const rest = stat.slice(close + 2).split(' '); // rest[0] is field 3
  return { comm: stat.slice(stat.indexOf('(') + 1, close), cpu: Number(rest[11]) + Number(rest[12]) };
}
