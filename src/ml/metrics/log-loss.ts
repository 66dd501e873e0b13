// Prequential log loss from the probability given to the true class, clipped like scikit-learn
// (1e-15) so one confident mistake costs ~34.5 nats instead of infinity.
import { MeanTracker } from './mean-tracker.js';

const EPS = 1e-15;

export class LogLoss {
  private readonly tracker: MeanTracker;
  constructor(window = 0) { this.tracker = new MeanTracker(window); }
  /** pTrue: the probability the model gave to the class that occurred. */
  update(pTrue: number): void {
    const p = Math.min(1 - EPS, Math.max(EPS, Number.isNaN(pTrue) ? 0 : pTrue));
    this.tracker.add(-Math.log(p));
  }
  get(): number { return this.tracker.mean; }
  get count(): number { return this.tracker.count; }
}
