// DDM (Gama et al., 2004) as in River: watches a 0/1 error stream; with p the error rate and
// s = sqrt(p(1-p)/n), warns when p + s > p_min + 2 s_min and signals drift past p_min + 3 s_min
// (after warm_start values), then restarts. The warning lets a wrapper train a background model.
import type { DriftDetector } from './drift-detector.js';

export interface DdmOptions {
  warmStart?: number;
  warningThreshold?: number;
  driftThreshold?: number;
}

export class Ddm implements DriftDetector {
  readonly warmStart: number;
  readonly warningThreshold: number;
  readonly driftThreshold: number;
  // n, p, pMin, sMin, psMin, warning
  private readonly s = new Float64Array(6);

  constructor(opts: DdmOptions = {}) {
    this.warmStart = opts.warmStart ?? 30;
    this.warningThreshold = opts.warningThreshold ?? 2;
    this.driftThreshold = opts.driftThreshold ?? 3;
    this.reset();
  }

  get warning(): boolean { return this.s[5] === 1; }

  update(x: number): boolean {
    if (Number.isNaN(x)) return false;
    const s = this.s;
    s[0]++;
    s[1] += ((x ? 1 : 0) - s[1]) / s[0];
    const p = s[1], n = s[0];
    const si = Math.sqrt((p * (1 - p)) / n);
    if (n <= this.warmStart) return false;
    if (p + si <= s[4]) {
      s[2] = p;
      s[3] = si;
      s[4] = p + si;
    }
    if (p + si > s[2] + this.driftThreshold * s[3]) {
      this.reset();
      return true;
    }
    s[5] = p + si > s[2] + this.warningThreshold * s[3] ? 1 : 0;
    return false;
  }

  reset(): void {
    this.s.set([0, 0, Infinity, Infinity, Infinity, 0]);
  }

  toArray(): Float64Array { return this.s.slice(); }
  fromArray(a: Float64Array): void {
    if (a.length !== 6) throw new Error('DDM state: size mismatch');
    this.s.set(a);
  }
}
