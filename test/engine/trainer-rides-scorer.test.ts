// A model's trainer rides on its model's only scoring query (in a log in this process): the
// scorer's runner hands each record to the trainer right after scoring it. What a user sees must
// not change: every row scored by the model from just before it learned that row, every row
// learned once — while the ride starts, while a second scoring query ends it, after the scoring
// query stops (the trainer reads on alone from where it was) and after the trainer stops.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { burst, predictThenLearn } from './test-then-train-reference.js';
import { LiveModel } from '../../src/engine/models/live-model.js';

const props = { 'auto.offset.reset': 'earliest' };

const streamAndModel = (partitions: number): string => `
  CREATE STREAM pts (seq INT, x DOUBLE, y DOUBLE, busy BOOLEAN) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=${partitions});
  CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy', LEARNING_RATE=0.2) AS SELECT x, y, busy FROM pts TRAIN ONLINE;`;

/** A scoring query's output (SEQ and P) in the order it wrote them, over all partitions by SEQ. */
async function scored(log: MemoryLog, topic: string): Promise<Map<number, unknown>> {
  const out = new Map<number, unknown>();
  const ends = await log.endOffsets(topic);
  for (let p = 0; p < ends.length; p++) {
    for (const r of await log.read(topic, p, 0, ends[p])) {
      const v = JSON.parse(Buffer.from(r.value!).toString()) as { SEQ: number; P: unknown };
      out.set(v.SEQ, v.P);
    }
  }
  return out;
}

/** Runs `body` on a fresh embedded engine over its own MemoryLog, and closes it. */
async function withEngine(body: (e: Engine, log: MemoryLog) => Promise<void>): Promise<void> {
  const log = new MemoryLog();
  const e = await Engine.create({ log, properties: props });
  try {
    await body(e, log);
  } finally {
    await e.close();
  }
}

function trainer(e: Engine) {
  const q = [...e.state.queries.values()].find((x) => x.kind === 'TRAIN');
  if (!q) throw new Error('no training query');
  return q;
}

/** Produces input[from, to) in bursts of a few polls' worth and waits for every query. */
async function feed(e: Engine, log: MemoryLog, input: { key: null; value: Buffer }[], from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += 4000) await log.produce('pts', input.slice(i, Math.min(to, i + 4000)));
  await e.settle();
}

describe('a trainer riding on its scoring query', () => {
  it.each([1, 3])('rides while one query scores with its model, and each row is scored before it is learned (%i partitions)', (partitions) => withEngine(async (e, log) => {
    await e.executeScript(`${streamAndModel(partitions)}
      CREATE STREAM scored AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;`);
    const input = burst(12_000);
    await feed(e, log, input, 0, input.length);
    expect(trainer(e).runner.riding).toBe(true);
    // One partition: the order produced; several: MemoryLog hands records over in that order too.
    const { expected } = predictThenLearn(e.state.models.get('M')!.def, input);
    const got = await scored(log, 'SCORED');
    expect(input.map((_r, i) => got.get(i))).toEqual(expected);
    expect(e.state.models.get('M')!.rows).toBe(12_000);
    // What SHOW QUERIES / EXPLAIN report of the trainer: every record read.
    expect((await trainer(e).runner.stats()).partitions.reduce((n, p) => n + p.end - p.position, 0)).toBe(0);
  }));

  it('rides with a WHERE of its own: it learns the rows it keeps, right after the scorer scored every row', () => withEngine(async (e, log) => {
    await e.executeScript(`
      CREATE STREAM pts (seq INT, x DOUBLE, y DOUBLE, busy BOOLEAN) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy', LEARNING_RATE=0.2) AS SELECT x, y, busy FROM pts WHERE seq % 3 <> 1 TRAIN ONLINE;
      CREATE STREAM scored AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;`);
    const input = burst(9000);
    await feed(e, log, input, 0, input.length);
    expect(trainer(e).runner.riding).toBe(true);
    // The reference predicts every row, and learns only the rows the trainer's WHERE keeps.
    const model = new LiveModel(e.state.models.get('M')!.def);
    const bound = model.bind('PREDICT_PROBA');
    if (typeof bound === 'string') throw new Error(bound);
    const expected = input.map((r) => {
      const v = JSON.parse(r.value.toString()) as { SEQ: number; X: number; Y: number; BUSY: boolean };
      const p = bound.impl(v.X, v.Y);
      if (v.SEQ % 3 !== 1) model.learn([v.X, v.Y, v.BUSY], 0);
      return p;
    });
    const got = await scored(log, 'SCORED');
    expect(input.map((_r, i) => got.get(i))).toEqual(expected);
    expect(e.state.models.get('M')!.rows).toBe(6000);
  }));

  it('stops riding when a second query scores with the model; both score the new rows before the model learns them', () => withEngine(async (e, log) => {
    await e.executeScript(`${streamAndModel(1)}
      CREATE STREAM scored AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;`);
    const input = burst(12_000);
    await feed(e, log, input, 0, 6000);
    expect(trainer(e).runner.riding).toBe(true);
    await e.executeScript('CREATE STREAM other AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;');
    expect(trainer(e).runner.riding).toBe(false);
    await feed(e, log, input, 6000, 12_000);
    expect(trainer(e).runner.riding).toBe(false);

    const { expected } = predictThenLearn(e.state.models.get('M')!.def, input);
    const first = await scored(log, 'SCORED');
    expect(input.map((_r, i) => first.get(i))).toEqual(expected);
    // OTHER started behind the model: its scores of rows 0..5999 come from a model that saw
    // them (CREATE warns); from row 6000 on, the lockstep holds for it too.
    const second = await scored(log, 'OTHER');
    expect(second.size).toBe(12_000);
    for (let i = 6000; i < 12_000; i++) expect(second.get(i)).toEqual(expected[i]);
    expect(e.state.models.get('M')!.rows).toBe(12_000);
  }));

  it('reads on alone from where it was when the scoring query stops, and rides again on a new one', () => withEngine(async (e, log) => {
    await e.executeScript(`${streamAndModel(1)}
      CREATE STREAM scored AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;`);
    const input = burst(15_000);
    await feed(e, log, input, 0, 5000);
    expect(trainer(e).runner.riding).toBe(true);
    const scorer = [...e.state.queries.values()].find((q) => q.kind === 'CSAS')!;
    await e.executeScript(`TERMINATE ${scorer.id};`);
    expect(trainer(e).runner.riding).toBe(false);
    await feed(e, log, input, 5000, 10_000);
    // Every row learned exactly once: none skipped at the hand-over, none learned twice.
    expect(e.state.models.get('M')!.rows).toBe(10_000);

    // A new scoring query from the end: the trainer waits for it, then rides on it.
    await e.executeScript(`SET 'auto.offset.reset'='latest';
      CREATE STREAM again AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;`);
    await feed(e, log, input, 10_000, 15_000);
    expect(trainer(e).runner.riding).toBe(true);
    expect(e.state.models.get('M')!.rows).toBe(15_000);
    const { expected } = predictThenLearn(e.state.models.get('M')!.def, input);
    const again = await scored(log, 'AGAIN');
    expect([...again.keys()]).toEqual(input.slice(10_000).map((_r, i) => 10_000 + i));
    for (let i = 10_000; i < 15_000; i++) expect(again.get(i)).toEqual(expected[i]);
  }));

  it('learns every row once while scoring queries come and go as the input streams in', () => withEngine(async (e, log) => {
    await e.executeScript(streamAndModel(2));
    const input = burst(24_000);
    let rides = 0;
    for (let round = 0; round < 8; round++) {
      // Rounds start a scorer from the end or from the start, and produce before or after it starts.
      const from = round % 3 === 0 ? 'earliest' : 'latest';
      const slice = input.slice(round * 3000, (round + 1) * 3000);
      if (round % 2 === 0) await log.produce('pts', slice.slice(0, 1500));
      await e.executeScript(`SET 'auto.offset.reset'='${from}';
        CREATE STREAM s${round} AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;`);
      await log.produce('pts', round % 2 === 0 ? slice.slice(1500) : slice);
      await e.settle();
      if (trainer(e).runner.riding) rides++;
      const scorer = [...e.state.queries.values()].find((q) => q.kind === 'CSAS')!;
      await e.executeScript(`TERMINATE ${scorer.id};`);
    }
    expect(rides).toBeGreaterThan(0);
    expect(e.state.models.get('M')!.rows).toBe(24_000);
  }));

  it('leaves the scoring query running when the trainer stops', () => withEngine(async (e, log) => {
    await e.executeScript(`${streamAndModel(1)}
      CREATE STREAM scored AS SELECT seq, PREDICT_PROBA(m, x, y) AS p FROM pts;`);
    const input = burst(8000);
    await feed(e, log, input, 0, 4000);
    const t = trainer(e);
    expect(t.runner.riding).toBe(true);
    await e.executeScript(`TERMINATE ${t.id};`);
    await feed(e, log, input, 4000, 8000);
    // The model keeps what it learned; the scoring query scores every row with it.
    expect(e.state.models.get('M')!.rows).toBe(4000);
    const { proba } = predictThenLearn(e.state.models.get('M')!.def, input.slice(0, 4000));
    const got = await scored(log, 'SCORED');
    expect(got.size).toBe(8000);
    for (let i = 4000; i < 8000; i++) {
      const v = JSON.parse(input[i].value.toString()) as { X: number; Y: number };
      expect(got.get(i)).toEqual(proba(v.X, v.Y));
    }
  }));
});
