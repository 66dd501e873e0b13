// Prequential mean absolute error and root mean squared error.
import { MeanTracker } from './mean-tracker.js';

export class MAE {
  private readonly tracker: MeanTracker;
  constructor(window = 0) { this.tracker = new MeanTracker(window); }
  update(yTrue: number, yPred: number): void { this.tracker.add(Math.abs(yTrue - yPred)); }
  get(): number { return this.tracker.mean; }
  get count(): number { return this.tracker.count; }
}

export class RMSE {
  private readonly tracker: MeanTracker;
  constructor(window = 0) { this.tracker = new MeanTracker(window); }
  update(yTrue: number, yPred: number): void { const e = yTrue - yPred; this.tracker.add(e * e); }
  get(): number { return Math.sqrt(this.tracker.mean); }
  get count(): number { return this.tracker.count; }
}
