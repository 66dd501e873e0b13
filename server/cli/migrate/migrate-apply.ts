// `eddy migrate apply [--until V]`: applies, in version order, each migration file the service
// has not MIGRATED, after checking that none it did was edited. Each file runs as `eddy run
// --server` runs a script (its SET and DEFINE last for that file only); the first statement that
// fails stops the run, is named, and leaves its version in ERROR.
import { randomUUID } from 'node:crypto';
import { userInfo, hostname } from 'node:os';
import type { KsqlClient } from '../../client/ksql-client.js';
import type { Out } from '../print-result.js';
import { formatError } from '../format-error.js';
import { runScriptRemote } from '../run-remote.js';
import { MigrationStore, type MigrationEvent } from './migration-state.js';
import { readMigrationFiles } from './migration-files.js';
import { claimOf } from './claim-version.js';
import { changedFiles } from './migrate-validate.js';

export async function migrateApply(client: KsqlClient, dir: string, until: number | undefined, out: Out): Promise<number> {
  const files = readMigrationFiles(dir).filter((f) => until === undefined || f.version <= until);
  const store = new MigrationStore(client);
  await store.initialize();
  const recorded = await store.versions();
  const changed = changedFiles(files, recorded);
  if (changed.length > 0) {
    for (const c of changed) out.stderr(`eddy migrate: ${c}`);
    out.stderr('eddy migrate: nothing applied: applied migrations were changed (see `eddy migrate validate`)');
    return 1;
  }
  const pending = files.filter((f) => recorded.get(f.versionText)?.state !== 'MIGRATED');
  if (pending.length === 0) { out.stdout('Nothing to apply: every migration is applied.'); return 0; }
  const runId = randomUUID();
  const who = `${safeUser()}@${hostname()}`;
  let applied = 0;
  for (const f of pending) {
    const base = { version: f.versionText, name: f.name, checksum: f.checksum, appliedBy: who, runId, completedOn: '', errorReason: '' };
    const startedOn = new Date().toISOString();
    await store.record({ ...base, state: 'RUNNING', startedOn });
    const claim = claimOf(await store.events(f.versionText), runId);
    if (!claim.won) {
      if (claim.migrated) { out.stdout(`${f.versionText} ${f.name}: already applied by ${claim.owner?.appliedBy}`); continue; }
      out.stderr(`eddy migrate: ${f.versionText} ${f.name} is being applied by ${claim.owner?.appliedBy} (since ${claim.owner?.startedOn}): stopped`);
      return 1;
    }
    out.stdout(`Applying ${f.versionText} ${f.name}`);
    const failed = await runScriptRemote(client, f.text, { mode: 'table' }, out);
    const done: MigrationEvent = { ...base, startedOn, completedOn: new Date().toISOString(), state: failed ? 'ERROR' : 'MIGRATED' };
    if (failed) {
      const at = failed.error.position ?? failed.statement;
      const where = `${f.path}:${at.line}:${at.column}`;
      await store.record({ ...done, errorReason: `${where}: ${failed.error.message}` });
      out.stderr(formatError(failed.error, f.path, f.text));
      out.stderr(`eddy migrate: ${f.versionText} ${f.name} failed at the statement on line ${failed.statement.line}: ${oneLine(failed.statement.text)}`);
      out.stderr(`eddy migrate: stopped after ${applied} migration${applied === 1 ? '' : 's'} applied`);
      return 1;
    }
    await store.record(done);
    applied++;
  }
  out.stdout(`Applied ${applied} migration${applied === 1 ? '' : 's'}.`);
  return 0;
}

function safeUser(): string {
  try { return userInfo().username; } catch { return process.env.USER ?? 'unknown'; }
}

const oneLine = (s: string): string => { const t = s.replace(/\s+/g, ' '); return t.length > 120 ? t.slice(0, 117) + '...' : t; };

