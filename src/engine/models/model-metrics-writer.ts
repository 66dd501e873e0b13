// The model metrics system stream EDDY_MODEL_METRICS: every few seconds, one row per model
// (rows learned, learning rate, prequential metrics over the whole stream and the recent
// window, drift events, state size, and the features' statistics), so models can be charted
// and alerted on with SQL.
import type { Log } from '../../log/log.js';
import { createTopicIfAbsent } from '../../log/create-topic-if-absent.js';
import type { SourceDef } from '../../plan/catalog.js';
import type { AnyModel } from './any-model.js';
import { OnnxModel } from './onnx-model.js';
import { BIGINT, DOUBLE, STRING, map, struct } from '../../types/sql-type.js';

export const MODEL_METRICS_STREAM = 'EDDY_MODEL_METRICS';

/** A feature's statistics (feature-stats.ts), by feature name in FEATURE_STATS. */
const FEATURE_SUMMARY = struct(['COUNT', 'MEAN', 'STDDEV', 'MIN', 'MAX'].map((name) => ({ name, type: name === 'COUNT' ? BIGINT : DOUBLE })));

export class ModelMetricsWriter {
  readonly topic: string;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly log: Log, serviceId: string, private readonly models: Map<string, AnyModel>) {
    this.topic = `_eddy_${serviceId}_model_metrics`;
  }

  async init(): Promise<void> {
    await createTopicIfAbsent(this.log, this.topic, { partitions: 1 }, true); // instances starting together all create it
  }

  /** Writes a row per model every `intervalMs` (0: never; `writeNow` still works). */
  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => { void this.writeNow(); }, intervalMs);
    this.timer.unref();
  }

  /** One row per model, now. A failed write is dropped: the next round reports again. */
  writeNow(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (this.models.size === 0) return;
      const now = Date.now();
      const records = [...this.models.values()].map((m) => {
        const metrics: Record<string, number | null> = {};
        const recent: Record<string, number | null> = {};
        for (const v of m.metrics.values()) {
          metrics[v.name] = Number.isFinite(v.whole) ? v.whole : null;
          recent[v.name] = Number.isFinite(v.recent) ? v.recent : null;
        }
        return {
          key: Buffer.from(m.name),
          timestamp: now,
          value: Buffer.from(JSON.stringify({
            MODEL: m.name, TYPE: m.def.type, TASK: m.def.task, ROWS: m.rows, ROWS_PER_SEC: m.rate(),
            METRICS: metrics, RECENT_METRICS: recent, DRIFTS: m.drifts.length,
            // An ONNX model: the file's size, and no feature statistics (it learns nothing).
            STATE_BYTES: m instanceof OnnxModel ? m.session.bytes : m.model.stateBytes(),
            FEATURE_STATS: m instanceof OnnxModel ? {} : m.featureStats.summary(),
          })),
        };
      });
      await this.log.produce(this.topic, records).catch(() => undefined);
    });
    return this.writing;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.writing;
  }

  sourceDef(): SourceDef {
    const v = (name: string, type = STRING) => ({ name, type, namespace: 'VALUE' as const });
    return {
      name: MODEL_METRICS_STREAM, type: 'STREAM', topic: this.topic,
      schema: {
        key: [{ name: 'MODEL_KEY', type: STRING, namespace: 'KEY' as const }],
        value: [v('MODEL'), v('TYPE'), v('TASK'), v('ROWS', BIGINT), v('ROWS_PER_SEC', DOUBLE),
          v('METRICS', map(STRING, DOUBLE)), v('RECENT_METRICS', map(STRING, DOUBLE)), v('DRIFTS', BIGINT), v('STATE_BYTES', BIGINT),
          v('FEATURE_STATS', map(STRING, FEATURE_SUMMARY))],
      },
      keyFormat: { format: 'KAFKA' }, valueFormat: { format: 'JSON' },
      sql: `CREATE STREAM ${MODEL_METRICS_STREAM} (...) WITH (KAFKA_TOPIC='${this.topic}', VALUE_FORMAT='JSON')`,
      readOnly: true, system: true,
    };
  }
}
