// CPU time (user + system of this process) and wall time of a stage, so a busy shared machine
// disturbs the figures less than wall time alone would.
export interface Lap { cpuMs: number; wallMs: number }

export class StageClock {
  private cpu = process.cpuUsage();
  private wall = performance.now();

  /** The time since the clock started or last lapped; restarts it. */
  lap(): Lap {
    const used = process.cpuUsage(this.cpu);
    const now = performance.now();
    const lap = { cpuMs: (used.user + used.system) / 1000, wallMs: now - this.wall };
    this.cpu = process.cpuUsage();
    this.wall = now;
    return lap;
  }
}

export const addLaps = (a: Lap, b: Lap): Lap => ({ cpuMs: a.cpuMs + b.cpuMs, wallMs: a.wallMs + b.wallMs });

export function median(values: number[]): number {
  const s = [...values].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
