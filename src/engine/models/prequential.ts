// A model's honest, always-current quality: each row is scored before the model learns it
// (prequential evaluation), over the whole stream and over the last `window` rows.
import type { ModelTask } from '../../ml/online-model.js';
import { MeanTracker } from '../../ml/metrics/mean-tracker.js';
import { StreamingRocAuc } from '../../ml/metrics/streaming-roc-auc.js';

export interface MetricValue { name: string; whole: number; recent: number }

export class Prequential {
  /** classification: 1 when right; regression: |error|; anomaly: the score. */
  private readonly all = new MeanTracker();
  private readonly last: MeanTracker;
  private readonly sqAll = new MeanTracker();
  private readonly sqLast: MeanTracker;
  private readonly auc: StreamingRocAuc | undefined;

  constructor(private readonly task: ModelTask, window: number, withLabel: boolean) {
    this.last = new MeanTracker(window);
    this.sqLast = new MeanTracker(window);
    if (task === 'anomaly' && withLabel) this.auc = new StreamingRocAuc();
  }

  classified(right: boolean): void { const v = right ? 1 : 0; this.all.add(v); this.last.add(v); }

  regressed(error: number): void {
    const a = Math.abs(error);
    this.all.add(a); this.last.add(a);
    this.sqAll.add(error * error); this.sqLast.add(error * error);
  }

  /** An anomaly score, and (with LABEL) whether the row was an anomaly. */
  scored(score: number, anomalous?: boolean): void {
    this.all.add(score); this.last.add(score);
    if (this.auc && anomalous !== undefined && Number.isFinite(score)) this.auc.update(anomalous ? 1 : 0, score);
  }

  get count(): number { return this.all.count; }

  values(): MetricValue[] {
    switch (this.task) {
      case 'classification': return [{ name: 'accuracy', whole: this.all.mean, recent: this.last.mean }];
      case 'regression': return [
        { name: 'mae', whole: this.all.mean, recent: this.last.mean },
        { name: 'rmse', whole: Math.sqrt(this.sqAll.mean), recent: Math.sqrt(this.sqLast.mean) },
      ];
      case 'anomaly': {
        const out = [{ name: 'mean_score', whole: this.all.mean, recent: this.last.mean }];
        if (this.auc) out.push({ name: 'roc_auc', whole: this.auc.get(), recent: NaN });
        return out;
      }
      case 'clustering': return [];
    }
  }
}
