// `eddy migrate info`: every version, from the files and the service's records: PENDING (not
// applied), RUNNING, MIGRATED, ERROR, CHANGED (applied, file edited since) or MISSING (applied,
// file gone), with who applied it, when, and the error.
import type { KsqlClient } from '../../client/ksql-client.js';
import type { Out } from '../print-result.js';
import { renderTable } from '../render-table.js';
import { MigrationStore, type MigrationEvent } from './migration-state.js';
import { readMigrationFiles } from './migration-files.js';

export async function migrateInfo(client: KsqlClient, dir: string, out: Out): Promise<number> {
  const files = readMigrationFiles(dir);
  const store = new MigrationStore(client);
  const recorded = (await store.initialized()) ? await store.versions() : new Map<string, MigrationEvent>();
  const versions = [...new Set([...files.map((f) => f.versionText), ...recorded.keys()])].sort();
  const rows = versions.map((v) => {
    const f = files.find((x) => x.versionText === v);
    const r = recorded.get(v);
    const state = !r ? 'PENDING' : r.state === 'MIGRATED' && !f ? 'MISSING' : r.state === 'MIGRATED' && f!.checksum !== r.checksum ? 'CHANGED' : r.state;
    return [v, f?.name ?? r?.name ?? '', state, r?.appliedBy ?? '', r?.completedOn || r?.startedOn || '', r?.errorReason ?? ''];
  });
  const cols = ['Version', 'Name', 'State', 'Applied by', 'Executed at', 'Error'].map((name) => ({ name }));
  out.stdout(renderTable(cols, rows));
  return 0;
}
