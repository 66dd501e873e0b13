// `eddy shell` on a terminal, typed key by key as a person would (through `script`, which gives
// it a pseudo-terminal): Tab completes a stream's name, Ctrl-C clears the line being typed, and
// Up recalls a multi-line statement whole.
import { describe, it, expect, afterEach } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, isBuilt } from './cli-helpers.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

/** The shell in a pseudo-terminal; `screen` is what it printed, escape sequences removed. */
function terminalShell(): { child: ChildProcess; screen: () => string; type: (s: string) => void; waitFor: (s: string | (() => boolean)) => Promise<void> } {
  const home = mkdtempSync(join(tmpdir(), 'eddy-home-'));
  const child = spawn('script', ['-qfc', `${process.execPath} ${BIN} shell`, '/dev/null'], { cwd: ROOT, env: { ...process.env, HOME: home } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  const screen = () => out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const waitFor = (s: string | (() => boolean)) => new Promise<void>((resolve, reject) => {
    const limit = Date.now() + 15_000;
    const poll = () => {
      if (typeof s === 'string' ? screen().includes(s) : s()) resolve();
      else if (Date.now() > limit) reject(new Error(`never saw ${typeof s === 'string' ? JSON.stringify(s) : 'it'} on the screen:\n${screen()}`));
      else setTimeout(poll, 20);
    };
    poll();
  });
  return { child, screen, type: (s) => child.stdin!.write(s), waitFor };
}

describe.skipIf(!hasScript || !isBuilt())('eddy shell on a terminal', () => {
  let child: ChildProcess | undefined;
  afterEach(() => { if (child && child.exitCode === null) child.kill('SIGKILL'); });

  it('Tab completes a stream name, Ctrl-C clears the line, Up recalls a whole multi-line statement', async () => {
    const t = terminalShell();
    child = t.child;
    await t.waitFor('eddy> ');
    t.type("CREATE STREAM clicks (user_id INT KEY) WITH (KAFKA_TOPIC='c', VALUE_FORMAT='JSON', PARTITIONS=1);\r");
    await t.waitFor('Stream created');
    t.type('SELECT * FROM CLI');
    await t.waitFor('FROM CLI');
    t.type('\t');
    await t.waitFor('SELECT * FROM CLICKS');
    const prompts = t.screen().split('eddy> ').length;
    t.type('\x03'); // Ctrl-C: a new prompt, and the line is dropped, so what follows runs alone
    await t.waitFor(() => t.screen().split('eddy> ').length > prompts);
    t.type('SHOW\r');
    await t.waitFor('...> ');
    t.type('STREAMS;\r');
    await t.waitFor('| CLICKS ');
    expect(t.screen()).not.toContain('error');
    t.type('\x1b[A'); // Up
    await t.waitFor('eddy> SHOW STREAMS;');
    t.type('\x03\\q\r');
    const code = await new Promise<number | null>((resolve) => t.child.on('close', resolve));
    expect(code).toBe(0);
  }, 40_000);

  it('Ctrl-C stops a push query and returns to the prompt, in table and in jsonl format', async () => {
    const t = terminalShell();
    child = t.child;
    await t.waitFor('eddy> ');
    t.type("CREATE STREAM s (id INT KEY) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);\r");
    await t.waitFor('Stream created');
    t.type('SELECT * FROM s EMIT CHANGES;\r');
    await t.waitFor('| ID ');
    t.type('\x03');
    await t.waitFor('(0 rows)');
    t.type("INSERT INTO s (id) VALUES (7);\r");
    t.type("SET 'auto.offset.reset' = 'earliest';\r");
    t.type('\\format jsonl\r');
    await t.waitFor('Output format is jsonl.');
    t.type('SELECT * FROM s EMIT CHANGES;\r');
    await t.waitFor('{"ID":7}');
    t.type('\x03');
    await t.waitFor('Query cancelled: 1 row.');
    t.type('\\q\r');
    expect(await new Promise<number | null>((resolve) => t.child.on('close', resolve))).toBe(0);
  }, 40_000);

  it("a push query from 'latest' that gets no row says, after 5 s, why rows already there are not shown", async () => {
    const t = terminalShell();
    child = t.child;
    await t.waitFor('eddy> ');
    t.type("CREATE STREAM s (id INT KEY) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);\r");
    await t.waitFor('Stream created');
    t.type('INSERT INTO s (id) VALUES (7);\r');
    t.type('SELECT * FROM s EMIT CHANGES;\r');
    await t.waitFor('| ID ');
    const shownAt = Date.now();
    await t.waitFor("it reads only rows written after it started (auto.offset.reset is 'latest'). To read the rows already there, put SET 'auto.offset.reset' = 'earliest'; before it.");
    expect(Date.now() - shownAt).toBeGreaterThan(4000);
    t.type('\x03');
    await t.waitFor('(0 rows)');
    t.type('\\q\r');
    expect(await new Promise<number | null>((resolve) => t.child.on('close', resolve))).toBe(0);
  }, 40_000);
});
