// Property: any statement — our own golden scripts' statements, mutated token by token — either
// runs (and its queries keep up with their input) or fails with a SqlError that changes nothing.
// Never a JavaScript error, a crash, or a statement that does not return.
// `npm run fuzz` runs many more cases (EDDY_FUZZ_RUNS); a failure prints the seed to replay.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import { SqlError } from '../../src/types/sql-error.js';
import { splitStatements } from '../../grammar/index.js';
import { mutate, mutationArb } from './sql-mutations.js';
import { drain, within } from './bounded.js';
import { fuzzParams, fuzzTimeout } from './fuzz-runs.js';

const GOLDEN = fileURLToPath(new URL('../golden/', import.meta.url));
const CORPUS = fileURLToPath(new URL('./corpus/', import.meta.url));

/** The golden scripts and the fuzz corpus (joins, models, functions), statement by statement (COPY reads files: left out). */
const SCRIPTS: string[][] = [GOLDEN, CORPUS].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => join(dir, f)))
  .map((f) => splitStatements(readFileSync(f, 'utf8')).map((s) => s.text).filter((t) => !/^\s*COPY\b/i.test(t)))
  .filter((s) => s.length > 1);

const STATEMENT_MS = 15_000;
/** EDDY_FUZZ_TRACE=file: each case's statements are appended there first, to find what crashed a worker. */
const TRACE = process.env.EDDY_FUZZ_TRACE;

/** What a failed statement must leave as it was. */
async function snapshot(e: Engine): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const sql of ['SHOW STREAMS', 'SHOW TABLES', 'SHOW QUERIES', 'SHOW TOPICS', 'SHOW MODELS', 'SHOW PROPERTIES']) {
    const [r] = await e.executeScript(`${sql};`);
    out[sql] = r.kind === 'rows' ? r.rows : r;
  }
  return out;
}

async function runOne(e: Engine, text: string): Promise<void> {
  for (const st of splitStatements(text)) {
    const r = await within(e.executeText(st), STATEMENT_MS, `statement ${JSON.stringify(st.text.slice(0, 200))}`);
    await within(drain(r), STATEMENT_MS, 'reading its rows');
  }
}

describe('statement fuzzing', () => {
  it('a mutated statement runs, or fails with a SqlError and changes nothing', async () => {
    await fc.assert(fc.asyncProperty(
      fc.nat(), fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
      async (scriptPick, stmtPick, mutations) => {
        const script = SCRIPTS[scriptPick % SCRIPTS.length];
        const at = 1 + (stmtPick % (script.length - 1));
        const text = mutate(script[at], mutations);
        if (TRACE) appendFileSync(TRACE, `--- case\n${script.slice(0, at).join(';\n')};\n--- mutated\n${text};\n`);
        const e = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' }, baseDir: GOLDEN });
        try {
          for (const before of script.slice(0, at)) {
            await runOne(e, before).catch((err) => { if (!(err instanceof SqlError)) throw err; });
          }
          // A mutation may split the statement in two (an inserted ';'): the first may run, so
          // what a failing one must leave as it was is the state just before it.
          for (const st of splitStatements(text)) {
            const state = await snapshot(e);
            try {
              await runOne(e, st.text);
            } catch (err) {
              expect(err, `${st.text}\n${String(err)}`).toBeInstanceOf(SqlError);
              // A SqlError's message quotes at most an excerpt of the statement.
              expect((err as Error).message.length, st.text).toBeLessThan(2000);
              expect(await snapshot(e), st.text).toEqual(state);
              return;
            }
          }
          // It ran: whatever queries it started keep up with their input.
          await within(e.settle(STATEMENT_MS), STATEMENT_MS + 1000, `settling after ${JSON.stringify(text.slice(0, 200))}`);
        } finally {
          await within(e.close(), STATEMENT_MS, 'closing the engine');
        }
      }), fuzzParams(40));
  }, fuzzTimeout(40, 3000));
});
