// The trainer learns a row with the encoding the scoring query's PREDICT just made of the same
// values (live-model.ts memoRaw), instead of encoding the row again. Where that would be wrong
// it must not: a category the model has not seen encodes differently when learned, and a value
// the model must not learn still skips the row. Each case against a model that predicts, then
// learns, row by row.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { LiveModel } from '../../src/engine/models/live-model.js';

const props = { 'auto.offset.reset': 'earliest' };

interface Row { SEQ: number; SITE: string; X: number; BUSY: boolean }

function rows(n: number): Row[] {
  return Array.from({ length: n }, (_v, i) => {
    const x = ((i * 37) % 100) / 10;
    // A new site every 50 rows (more than the model's own slots: some share the hashed ones).
    const site = `site-${Math.floor(i / 50)}`;
    return { SEQ: i, SITE: site, X: i % 97 === 13 ? 1e200 : x, BUSY: (i % 3 === 0) !== x > 5 };
  });
}

/**
 * `values`: a row's features as PREDICT takes them. The reference predicts them, then predicts
 * `other` (the same model: nothing learned) so that its own learn cannot take that memo: it
 * encodes every row itself.
 */
async function scoreAndCompare(features: string, values: (r: Row) => unknown[], other: unknown[]): Promise<void> {
  const log = new MemoryLog();
  const e = await Engine.create({ log, properties: props });
  try {
    await e.executeScript(`
      CREATE STREAM pts (seq INT, site STRING, x DOUBLE, busy BOOLEAN) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy', CATEGORY_SLOTS=8) AS SELECT ${features}, busy FROM pts TRAIN ONLINE;
      CREATE STREAM scored AS SELECT seq, PREDICT(m, ${features}) AS p, PREDICT_PROBA(m, ${features}) AS q FROM pts;`);
    const input = rows(3000);
    await log.produce('pts', input.map((r) => ({ key: null, value: Buffer.from(JSON.stringify(r)) })));
    await e.settle();

    const live = e.state.models.get('M') as LiveModel;
    const ref = new LiveModel(live.def);
    const predict = ref.bind('PREDICT');
    const proba = ref.bind('PREDICT_PROBA');
    if (typeof predict === 'string' || typeof proba === 'string') throw new Error('unbound');
    const expected = input.map((r) => {
      const out = { P: predict.overArray(values(r)), Q: proba.overArray(values(r)) };
      predict.overArray(other);
      ref.learn([...values(r), r.BUSY], 0);
      return out;
    });
    const [end] = await log.endOffsets('SCORED');
    const actual = (await log.read('SCORED', 0, 0, end)).map((r) => {
      const v = JSON.parse(Buffer.from(r.value!).toString()) as { P: unknown; Q: unknown };
      return { P: v.P, Q: v.Q };
    });
    expect(actual).toEqual(expected);
    expect(live.encoder.snapshot()).toEqual(ref.encoder.snapshot()); // the categories learned
    expect(live.rows).toBe(ref.rows);
    expect(live.skippedBad).toBe(ref.skippedBad);
    expect(live.skippedBad).toBeGreaterThan(0); // the rows with 1e200 (its square overflows)
  } finally {
    await e.close();
  }
}

describe('the trainer reusing the scoring query\'s encoding', () => {
  it('skips the rows PREDICT found a bad value in, as a model encoding them itself', async () => {
    await scoreAndCompare('x', (r) => [r.X], [-12345]);
  });

  it('encodes again where a category is new: learning gives it a slot that predicting did not', async () => {
    await scoreAndCompare('site, x', (r) => [r.SITE, r.X], ['elsewhere', -12345]);
  });
});
