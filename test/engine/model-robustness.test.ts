// Models a user cannot break by accident: a row with Infinity or a huge number is skipped, logged
// and counted (the model keeps predicting), sizes are bounded at CREATE, a model in use cannot be
// dropped or replaced from under its queries, and scoring rows a model already learned warns.
import { describe, it, expect } from 'vitest';
import { engine, errorOf, last, message, rows, rowsOf, run } from './engine-helpers.js';

const described = async (name: string): Promise<Record<string, string>> =>
  Object.fromEntries((await rows(`DESCRIBE MODEL ${name};`)) as [string, string][]);

const PTS = "CREATE STREAM pts (x DOUBLE, y DOUBLE, kind STRING) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);";

function points(n: number): string {
  return Array.from({ length: n }, (_v, i) => `INSERT INTO pts (x, y, kind) VALUES (${(i * 37) % 10}, ${(2 * ((i * 37) % 10)) + 1}, '${i % 3 === 0 ? 'a' : 'b'}');`).join('\n');
}

describe('model robustness', () => {
  it.each([
    ['linear_regression', "LABEL='y'", 'x * 10 AS x, y', 'PREDICT(m, 30.0)'],
    ['mahalanobis', "ON_DRIFT='none'", 'x * 10 AS x, y', 'ANOMALY_SCORE(m, 30.0, 7.0)'],
    ['logistic_regression', "LABEL='kind'", 'x * 10 AS x, kind', 'PREDICT(m, 30.0)'],
  ])('%s: a training row with Infinity or 1e200 is skipped, logged with its offset, and shown in DESCRIBE; the model still predicts', async (type, prop, select, call) => {
    await run(`${PTS}
      CREATE MODEL m WITH (TYPE='${type}', ${prop}) AS SELECT ${select} FROM pts TRAIN ONLINE;
      ${points(50)}
      INSERT INTO pts (x, y, kind) VALUES (1e308, 3.0, 'a');
      INSERT INTO pts (x, y, kind) VALUES (1e200, 3.0, 'a');
      ${points(50)}`);
    const e = await engine();
    await e.settle();
    const d = await described('m');
    expect(d['Rows learned']).toBe('100');
    expect(d['Rows skipped (bad values)']).toBe('2 (feature X non-finite: 1, feature X beyond ±1e150: 1)');
    const logged = e.state.processingLog.recent.filter((l) => l.type === 'MODEL');
    expect(logged.map((l) => [l.topic, l.partition, l.offset])).toEqual([['pts', 0, 50], ['pts', 0, 51]]);
    expect(logged[0].message).toBe('Model M skipped a training row: feature X non-finite.');
    const [[p]] = await rows(`SELECT ${call} FROM pts EMIT CHANGES LIMIT 1;`);
    if (type === 'logistic_regression') expect(['a', 'b']).toContain(p);
    else expect(Number.isFinite(p)).toBe(true);
  });

  it('a regression row whose label overflows is skipped and named in DESCRIBE', async () => {
    await run(`${PTS}
      CREATE MODEL m WITH (TYPE='linear_regression', LABEL='y') AS SELECT x, y * 1e300 AS y FROM pts TRAIN ONLINE;
      ${points(5)}`);
    await (await engine()).settle();
    const d = await described('m');
    expect(d['Rows learned']).toBe('0');
    expect(d['Rows skipped (bad values)']).toBe('5 (label Y beyond ±1e150: 5)');
  });

  it('LEARNING_RATE=1e308 is refused at CREATE MODEL, naming the parameter and its range, and nothing is created', async () => {
    await run(PTS);
    const err = await errorOf(run("CREATE MODEL m WITH (TYPE='linear_regression', LABEL='y', LEARNING_RATE=1e308) AS SELECT x, y FROM pts TRAIN ONLINE;"));
    expect(err.message).toBe("Model M: parameter 'learning_rate' must be in (0, 1000], got 1e+308");
    expect((err as { position?: { column: number } }).position?.column).toBeGreaterThan(60);
    expect(await rows('SHOW MODELS;')).toEqual([]);
  });

  it('CATEGORY_SLOTS above its bound is refused at CREATE, naming the bound', async () => {
    await run(PTS);
    const err = await errorOf(run("CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='kind', CATEGORY_SLOTS=100000000) AS SELECT x, kind, kind AS k2 FROM pts TRAIN ONLINE;"));
    expect(err.message).toBe("CATEGORY_SLOTS must be an integer from 2 to 4096, not '100000000'.");
  });

  it('a mahalanobis or ridge model (a features × features matrix) over more than 2048 encoded features is refused at CREATE', async () => {
    await run(PTS);
    for (const type of ['mahalanobis', 'ridge']) {
      const label = type === 'ridge' ? ", LABEL='y'" : '';
      const err = await errorOf(run(`CREATE MODEL m WITH (TYPE='${type}'${label}, CATEGORY_SLOTS=4096) AS SELECT x, kind, y FROM pts TRAIN ONLINE;`));
      expect(err.message).toMatch(new RegExp(`A ${type} model keeps a matrix .* at most 2048 encoded features, and M would have 409[78]`));
    }
    expect(await rows('SHOW MODELS;')).toEqual([]);
  });

  it('a classifier learns at most MAX_CLASSES labels: rows with a new label beyond it are skipped and counted', async () => {
    const ins = Array.from({ length: 10 }, (_v, i) => `INSERT INTO pts (x, y, kind) VALUES (${i}, 1.0, 'k${i}');`).join('\n');
    await run(`${PTS}
      CREATE MODEL m WITH (TYPE='naive_bayes', LABEL='kind', MAX_CLASSES=3) AS SELECT x, kind FROM pts TRAIN ONLINE;
      ${ins}
      INSERT INTO pts (x, y, kind) VALUES (0.5, 1.0, 'k0');`);
    await (await engine()).settle();
    const d = await described('m');
    expect(d.Classes).toBe('k0, k1, k2');
    expect(d['Max classes']).toBe('3');
    expect(d['Rows learned']).toBe('4');
    expect(d['Rows skipped (bad values)']).toBe('7 (new class beyond MAX_CLASSES=3: 7)');
  });

  it('DROP MODEL and CREATE OR REPLACE MODEL are refused while a query calls PREDICT on the model, naming the query', async () => {
    await run(`${PTS}
      CREATE MODEL m WITH (TYPE='linear_regression', LABEL='y') AS SELECT x, y FROM pts TRAIN ONLINE;
      CREATE STREAM scored AS SELECT x, PREDICT(m, x) AS guess FROM pts;`);
    const e = await engine();
    const id = [...e.state.queries.keys()].find((k) => k.startsWith('CSAS_SCORED'))!;
    const drop = await errorOf(run('DROP MODEL m;'));
    expect(drop.message).toBe(`Cannot drop model M.\nThe following queries use this model: [${id}].\nYou need to terminate them before you drop M.`);
    const replace = await errorOf(run("CREATE OR REPLACE MODEL m WITH (TYPE='ridge', LABEL='y') AS SELECT x, y FROM pts TRAIN ONLINE;"));
    expect(replace.message).toMatch(new RegExp(`^Cannot replace model M.\\nThe following queries use this model: \\[${id}\\]`));
    expect(e.state.models.get('M')!.def.type).toBe('linear_regression');
    await run(`TERMINATE ${id};`);
    expect(await message('DROP MODEL m;')).toBe('Model M was dropped.');
  });

  it('a scoring query over rows its model has already learned warns that those scores are not honest', async () => {
    await run(`${PTS}
      CREATE MODEL m WITH (TYPE='linear_regression', LABEL='y') AS SELECT x, y FROM pts TRAIN ONLINE;
      ${points(40)}`);
    const msg = await message('CREATE STREAM scored AS SELECT x, PREDICT(m, x) AS guess FROM pts;');
    expect(msg).toMatch(/^Created query with ID CSAS_SCORED_\d+\nWarning: model M has already learned the first 40 rows of topic pts/);
    expect(msg).toMatch(/INSERT INTO/);
    // A query that starts at the end of the topic scores only rows the model has not seen.
    await run("SET 'auto.offset.reset'='latest';");
    expect(await message('CREATE STREAM new_scores AS SELECT x, PREDICT(m, x) AS guess FROM pts;')).toMatch(/^Created query with ID CSAS_NEW_SCORES_\d+$/);
  });

  it('DESCRIBE MODEL shows no learning rate, rather than 0 rows/s, for rows all learned in one turn', async () => {
    const e = await engine();
    await run(`${PTS}
      CREATE MODEL m WITH (TYPE='linear_regression', LABEL='y') AS SELECT x, y FROM pts TRAIN ONLINE;`);
    // One produce: the trainer takes the 40 rows in one poll, one turn, one clock reading.
    await e.log.produce('pts', Array.from({ length: 40 }, (_, i) => ({ key: null, value: Buffer.from(JSON.stringify({ X: i, Y: 2 * i, KIND: 'k' })) })));
    await e.settle();
    const d = await described('m');
    expect(d['Rows learned']).toBe('40');
    expect(d['Learning rate (rows/s)']).toBe('-');
  });

  it('a push query scoring with a model trained on its topic says it is not in lockstep with the training', async () => {
    await run(`${PTS}
      CREATE STREAM other (x DOUBLE) WITH (KAFKA_TOPIC='other', VALUE_FORMAT='JSON', PARTITIONS=1);
      INSERT INTO other (x) VALUES (1.0);
      CREATE MODEL m WITH (TYPE='linear_regression', LABEL='y') AS SELECT x, y FROM pts TRAIN ONLINE;
      ${points(40)}`);
    const scoring = await last('SELECT x, PREDICT(m, x) AS guess FROM pts EMIT CHANGES LIMIT 40;');
    if (scoring.kind !== 'stream') throw new Error(`expected a push query, got ${scoring.kind}`);
    expect(scoring.warning).toMatch(/^Warning: this push query scores rows of topic pts with model M as it is when the query reaches each row, not in lockstep with its training \(M has learned the first 40 rows of it so far; those score as seen\)\. For test-then-train scores, score in a persistent query/);
    expect(await rowsOf(scoring)).toHaveLength(40);
    // Another topic: nothing the model learned is scored as unseen.
    const elsewhere = await last('SELECT x, PREDICT(m, x) AS guess FROM other EMIT CHANGES LIMIT 1;');
    expect(elsewhere.kind === 'stream' ? elsewhere.warning : 'not a push query').toBeUndefined();
    await rowsOf(elsewhere);
    const plain = await last('SELECT x FROM pts EMIT CHANGES LIMIT 1;');
    expect(plain.kind === 'stream' ? plain.warning : 'not a push query').toBeUndefined();
    await rowsOf(plain);
  });
});
