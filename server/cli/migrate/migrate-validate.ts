// `eddy migrate validate`: fails when a version the service has MIGRATED has no file any more,
// or its file's checksum differs from the one recorded when it was applied.
import type { KsqlClient } from '../../client/ksql-client.js';
import type { Out } from '../print-result.js';
import { MigrationStore, type MigrationEvent } from './migration-state.js';
import { readMigrationFiles, type MigrationFile } from './migration-files.js';

/** One line per applied migration whose file was edited or removed. */
export function changedFiles(files: readonly MigrationFile[], recorded: ReadonlyMap<string, MigrationEvent>): string[] {
  const out: string[] = [];
  for (const r of [...recorded.values()].sort((a, b) => a.version.localeCompare(b.version))) {
    if (r.state !== 'MIGRATED') continue;
    const f = files.find((x) => x.versionText === r.version);
    if (!f) out.push(`${r.version} ${r.name} was applied but its file is missing`);
    else if (f.checksum !== r.checksum) out.push(`${f.path} was edited after it was applied (checksum ${f.checksum.slice(0, 12)}, applied ${r.checksum.slice(0, 12)})`);
  }
  return out;
}

export async function migrateValidate(client: KsqlClient, dir: string, out: Out): Promise<number> {
  const files = readMigrationFiles(dir);
  const store = new MigrationStore(client);
  const recorded = (await store.initialized()) ? await store.versions() : new Map<string, MigrationEvent>();
  const changed = changedFiles(files, recorded);
  for (const c of changed) out.stderr(`eddy migrate: ${c}`);
  if (changed.length > 0) return 1;
  const n = [...recorded.values()].filter((r) => r.state === 'MIGRATED').length;
  out.stdout(`Validated: the ${n} applied migration${n === 1 ? '' : 's'} match${n === 1 ? 'es' : ''} their files.`);
  return 0;
}
