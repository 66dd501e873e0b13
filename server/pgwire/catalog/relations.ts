// Eddy's streams and tables as Postgres relations in schema public: tables as relkind 'r'
// (their key is the primary key), streams as relkind 'v', each with a stable oid.
import type { Engine } from '../../../src/engine/engine.js';
import type { Catalog, SourceDef } from '../../../src/plan/catalog.js';
import { pgColumnType, type PgColumnType } from './column-types.js';

export const SCHEMA = 'public';

export interface PgAttribute { name: string; type: PgColumnType; notNull: boolean }

export interface PgRelation {
  oid: number;
  name: string;
  kind: 'r' | 'v';
  /** What \d prints in its Type column. */
  typeLabel: 'table' | 'stream';
  columns: PgAttribute[];
  /** A table's key columns: its primary key. Empty for streams (a stream's key repeats). */
  primaryKey: string[];
  def: SourceDef;
}

/** The first oid Postgres gives user objects (FirstNormalObjectId). */
const FIRST_USER_OID = 16384;

/** Oids by source name, per catalog: a name keeps its oid while the process lives. */
const oidsByCatalog = new WeakMap<Catalog, { next: number; byName: Map<string, number> }>();

function oidOf(catalog: Catalog, name: string): number {
  let oids = oidsByCatalog.get(catalog);
  if (!oids) oidsByCatalog.set(catalog, (oids = { next: FIRST_USER_OID, byName: new Map() }));
  let oid = oids.byName.get(name);
  if (oid === undefined) oids.byName.set(name, (oid = oids.next++));
  return oid;
}

function relation(catalog: Catalog, def: SourceDef): PgRelation {
  const isTable = def.type === 'TABLE';
  const keyNames = def.schema.key.map((c) => c.name);
  const columns = [...def.schema.key, ...def.schema.value].map((c) => ({
    name: c.name,
    type: pgColumnType(c.type),
    notNull: isTable && c.namespace === 'KEY',
  }));
  return {
    oid: oidOf(catalog, def.name), name: def.name, kind: isTable ? 'r' : 'v', typeLabel: isTable ? 'table' : 'stream',
    columns, primaryKey: isTable ? keyNames : [], def,
  };
}

/** Every stream and table, by name. */
export function relations(engine: Engine): PgRelation[] {
  const catalog = engine.state.catalog;
  return catalog.list().map((d) => relation(catalog, d));
}

export function relationByOid(engine: Engine, oid: number): PgRelation | undefined {
  return relations(engine).find((r) => r.oid === oid);
}
