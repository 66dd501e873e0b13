// Prequential accuracy: the fraction of predictions equal to the label seen after them.
import { MeanTracker } from './mean-tracker.js';

export class Accuracy {
  private readonly tracker: MeanTracker;
  constructor(window = 0) { this.tracker = new MeanTracker(window); }
  update(yTrue: number, yPred: number): void { this.tracker.add(yTrue === yPred ? 1 : 0); }
  get(): number { return this.tracker.mean; }
  get count(): number { return this.tracker.count; }
}
