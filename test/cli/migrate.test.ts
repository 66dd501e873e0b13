// `eddy migrate`: the real binary against a REST server running in this process (an embedded
// engine per test, so each starts with no recorded migrations).
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync, appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnEddy, eddy, isBuilt } from './cli-helpers.js';
import { startFixture, type Fixture } from '../rest/rest-fixture.js';

let fx: Fixture | undefined;
beforeAll(() => {
  if (!isBuilt()) throw new Error('dist/ is missing: build Eddy first (npx tsc -p .)');
});
afterEach(async () => { await fx?.close(); fx = undefined; });

/** A fresh server and a migrations directory holding `files`. */
async function project(files: Record<string, string>): Promise<{ dir: string; migrate: (...a: string[]) => ReturnType<typeof spawnEddy> }> {
  fx = await startFixture();
  const dir = mkdtempSync(join(tmpdir(), 'eddy-migrate-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const url = fx.url;
  return { dir, migrate: (...a) => spawnEddy(['migrate', ...a, '--dir', dir, '--server', url]) };
}

const stream = (name: string): string =>
  `CREATE STREAM ${name} (id INT KEY, v DOUBLE) WITH (KAFKA_TOPIC='${name.toLowerCase()}', VALUE_FORMAT='JSON', PARTITIONS=1);\n`;
const has = (name: string): boolean => fx!.engine.state.catalog.get(name) !== undefined;

/** The info table's rows: version, name, state. */
function infoRows(stdout: string): string[][] {
  return stdout.split('\n').filter((l) => /^\| V\d{6}/.test(l)).map((l) => l.split('|').slice(1, 4).map((c) => c.trim()));
}

describe('eddy migrate', { timeout: 60_000 }, () => {
  it('new creates the next version\'s file in the migrations directory', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'eddy-migrate-new-')), 'migrations');
    const first = await spawnEddy(['migrate', 'new', 'create orders', '--dir', dir]);
    expect(first.code).toBe(0);
    const second = await spawnEddy(['migrate', 'new', 'add_view', '--dir', dir]);
    expect(second.stdout).toBe(`Created ${join(dir, 'V000002__add_view.sql')}\n`);
    expect(readdirSync(dir).sort()).toEqual(['V000001__create_orders.sql', 'V000002__add_view.sql']);
  });

  it('apply applies the pending versions in order and records them; apply twice applies nothing new', async () => {
    const { migrate } = await project({
      'V000001__orders.sql': stream('ORDERS'),
      'V000002__big.sql': `SET 'auto.offset.reset' = 'earliest';\nCREATE STREAM big AS SELECT * FROM orders WHERE v > 10 EMIT CHANGES;\n`,
    });
    const first = await migrate('apply');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Applying V000001 orders\nStream created\nApplying V000002 big\nSuccessfully changed local property 'auto.offset.reset' to 'earliest'.\nCreated query with ID CSAS_BIG_");
    expect(has('ORDERS') && has('BIG')).toBe(true);
    const again = await migrate('apply');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Nothing to apply: every migration is applied.\n');
    const info = await migrate('info');
    expect(infoRows(info.stdout)).toEqual([['V000001', 'orders', 'MIGRATED'], ['V000002', 'big', 'MIGRATED']]);
  });

  it('apply --until stops at that version; info shows the rest pending', async () => {
    const { migrate } = await project({ 'V000001__a.sql': stream('A1'), 'V000002__b.sql': stream('B2'), 'V000003__c.sql': stream('C3') });
    const r = await migrate('apply', '--until', 'V000002');
    expect(r.code).toBe(0);
    expect(has('A1') && has('B2')).toBe(true);
    expect(has('C3')).toBe(false);
    expect(infoRows((await migrate('info')).stdout)).toEqual([['V000001', 'a', 'MIGRATED'], ['V000002', 'b', 'MIGRATED'], ['V000003', 'c', 'PENDING']]);
  });

  it('an applied file edited: validate fails naming it, info shows it CHANGED, apply refuses', async () => {
    const { dir, migrate } = await project({ 'V000001__a.sql': stream('EDITED_A') });
    expect((await migrate('apply')).code).toBe(0);
    expect((await migrate('validate')).code).toBe(0);
    appendFileSync(join(dir, 'V000001__a.sql'), stream('SNEAKED_IN'));
    writeFileSync(join(dir, 'V000002__b.sql'), stream('EDITED_B'));
    const v = await migrate('validate');
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(`${join(dir, 'V000001__a.sql')} was edited after it was applied`);
    expect(infoRows((await migrate('info')).stdout)).toEqual([['V000001', 'a', 'CHANGED'], ['V000002', 'b', 'PENDING']]);
    const a = await migrate('apply');
    expect(a.code).toBe(1);
    expect(has('EDITED_B') || has('SNEAKED_IN')).toBe(false);
  });

  it('a failed migration stops the run, names the statement, and leaves its version in ERROR', async () => {
    const { dir, migrate } = await project({
      'V000001__ok.sql': stream('OK1'),
      'V000002__bad.sql': `${stream('BAD_FIRST')}CREATE STREAM bad_out AS SELECT nope FROM ok1 EMIT CHANGES;\n${stream('BAD_AFTER')}`,
      'V000003__later.sql': stream('LATER3'),
    });
    const r = await migrate('apply');
    expect(r.code).toBe(1);
    const path = join(dir, 'V000002__bad.sql');
    expect(r.stderr).toContain(`${path}:2:33: error: Column 'NOPE' cannot be resolved`);
    expect(r.stderr).toContain('V000002 bad failed at the statement on line 2: CREATE STREAM bad_out AS SELECT nope FROM ok1 EMIT CHANGES');
    expect(has('OK1')).toBe(true);
    expect(has('BAD_AFTER') || has('LATER3')).toBe(false);
    const info = await migrate('info');
    expect(infoRows(info.stdout)).toEqual([['V000001', 'ok', 'MIGRATED'], ['V000002', 'bad', 'ERROR'], ['V000003', 'later', 'PENDING']]);
    expect(info.stdout).toContain(`${path}:2:33: Column 'NOPE' cannot be resolved`);
  });

  it('two deploys at once apply each version once', async () => {
    const files: Record<string, string> = {};
    for (let v = 1; v <= 4; v++) files[`V00000${v}__s${v}.sql`] = stream(`TWICE_${v}`);
    const { dir, migrate } = await project(files);
    // In this process, so the two runs interleave at every request (two processes rarely overlap).
    const apply = () => eddy('migrate', 'apply', '--dir', dir, '--server', fx!.url).then((r) => ({ ...r, stdout: r.stdout.join('\n'), stderr: r.stderr.join('\n') }));
    const runs = await Promise.all([apply(), apply()]);
    // CREATE STREAM is not idempotent: a version applied twice would fail with "already exists".
    expect(runs.map((r) => r.stderr).join('')).not.toContain('already exists');
    expect(runs.some((r) => r.code === 0)).toBe(true);
    const finish = await migrate('apply');
    expect(finish.code).toBe(0);
    const info = await migrate('info');
    expect(infoRows(info.stdout).map((r) => r[2])).toEqual(['MIGRATED', 'MIGRATED', 'MIGRATED', 'MIGRATED']);
    const applied = runs.flatMap((r) => r.stdout.match(/^Applying V\d+/gm) ?? []);
    expect(applied.sort()).toEqual(['Applying V000001', 'Applying V000002', 'Applying V000003', 'Applying V000004']);
    expect(readFileSync(join(dir, 'V000001__s1.sql'), 'utf8')).toBe(stream('TWICE_1'));
  });
});
