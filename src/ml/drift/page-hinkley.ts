// Page-Hinkley test as in River: cumulative deviations from the running mean (faded by alpha),
// drift when the increase (or decrease) since the minimum passes `threshold`. Resets after a
// drift. Defaults: min_instances 30, delta 0.005, threshold 50, alpha 0.9999, mode both.
import type { DriftDetector } from './drift-detector.js';

export type PageHinkleyMode = 'up' | 'down' | 'both';

export interface PageHinkleyOptions {
  minInstances?: number;
  delta?: number;
  threshold?: number;
  alpha?: number;
  mode?: PageHinkleyMode;
}

export class PageHinkley implements DriftDetector {
  readonly minInstances: number;
  readonly delta: number;
  readonly threshold: number;
  readonly alpha: number;
  readonly mode: PageHinkleyMode;
  readonly warning = false;
  // n, mean, sumIncrease, sumDecrease, minIncrease, maxDecrease
  private readonly s = new Float64Array(6);

  constructor(opts: PageHinkleyOptions = {}) {
    this.minInstances = opts.minInstances ?? 30;
    this.delta = opts.delta ?? 0.005;
    this.threshold = opts.threshold ?? 50;
    this.alpha = opts.alpha ?? 1 - 0.0001;
    this.mode = opts.mode ?? 'both';
    this.reset();
  }

  update(x: number): boolean {
    if (Number.isNaN(x)) return false;
    const s = this.s;
    s[0]++;
    s[1] += (x - s[1]) / s[0];
    const dev = x - s[1];
    s[2] = this.alpha * s[2] + dev - this.delta;
    s[3] = this.alpha * s[3] + dev + this.delta;
    if (s[2] < s[4]) s[4] = s[2];
    if (s[3] > s[5]) s[5] = s[3];
    if (s[0] < this.minInstances) return false;
    const up = s[2] - s[4] > this.threshold;
    const down = s[5] - s[3] > this.threshold;
    const drift = this.mode === 'up' ? up : this.mode === 'down' ? down : up || down;
    if (drift) this.reset();
    return drift;
  }

  reset(): void {
    this.s.set([0, 0, 0, 0, Infinity, -1]);
  }

  toArray(): Float64Array { return this.s.slice(); }
  fromArray(a: Float64Array): void {
    if (a.length !== 6) throw new Error('Page-Hinkley state: size mismatch');
    this.s.set(a);
  }
}
