// The migrations directory: files `V000001__name.sql` (ksql-migrations' naming), each a version
// with its name and the SHA-256 of its text (what `validate` compares with the recorded one).
import { readdirSync, readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

export interface MigrationFile {
  version: number;
  /** "V000001", as files and the service's records name it. */
  versionText: string;
  name: string;
  path: string;
  text: string;
  checksum: string;
}

const FILE = /^V(\d{6})__([A-Za-z0-9_]+)\.sql$/;

export const versionText = (v: number): string => `V${String(v).padStart(6, '0')}`;

export function checksum(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The directory's migration files in version order; throws on two files with one version. */
export function readMigrationFiles(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`no migrations directory ${dir} (create one with \`eddy migrate new NAME\`)`);
  const files: MigrationFile[] = [];
  for (const f of readdirSync(dir).sort()) {
    const m = FILE.exec(f);
    if (!m) continue;
    const version = Number(m[1]);
    const dup = files.find((x) => x.version === version);
    if (dup) throw new Error(`two migration files have version ${versionText(version)}: ${dup.name} and ${m[2]}`);
    const path = join(dir, f);
    const text = readFileSync(path, 'utf8');
    files.push({ version, versionText: versionText(version), name: m[2], path, text, checksum: checksum(text) });
  }
  return files.sort((a, b) => a.version - b.version);
}

/** Creates the next version's empty file (the directory too); its path. */
export function newMigrationFile(dir: string, name: string): string {
  const clean = name.trim().replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (clean === '') throw new Error(`'${name}' is not a usable migration name (letters, digits, _)`);
  mkdirSync(dir, { recursive: true });
  const next = readMigrationFiles(dir).reduce((max, f) => Math.max(max, f.version), 0) + 1;
  const path = join(dir, `${versionText(next)}__${clean}.sql`);
  writeFileSync(path, `-- ${versionText(next)}: ${name.trim()}\n`, { flag: 'wx' });
  return path;
}

/** --until V: "V000003", "3" or "000003". */
export function parseVersion(s: string): number | undefined {
  const m = /^V?(\d{1,6})$/i.exec(s.trim());
  return m ? Number(m[1]) : undefined;
}
