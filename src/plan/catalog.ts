// The catalog: every stream, table and model the engine knows, by upper-case name.
import type { LogicalSchema } from '../types/schema.js';
import type { FormatSpec } from '../format/serde.js';
import type { WindowInfo } from './physical-plan.js';
import { SqlError } from '../types/sql-error.js';
import { excerpt } from '../types/excerpt.js';

export interface SourceDef {
  name: string;
  type: 'STREAM' | 'TABLE';
  schema: LogicalSchema;
  topic: string;
  keyFormat: FormatSpec;
  valueFormat: FormatSpec;
  timestampColumn?: string;
  timestampFormat?: string;
  /** Set for the sink of a windowed aggregation. */
  window?: WindowInfo;
  /** The statement that created it. */
  sql: string;
  /** CREATE SOURCE STREAM|TABLE: no INSERT, read-only. */
  readOnly: boolean;
  /** Built by a CSAS/CTAS query with this id. */
  ownerQueryId?: string;
  /** Eddy's own system streams (processing log). */
  system?: boolean;
}

export class Catalog {
  private readonly sources = new Map<string, SourceDef>();

  get(name: string): SourceDef | undefined { return this.sources.get(name); }

  require(name: string, position?: { line: number; column: number; offset: number }): SourceDef {
    const s = this.sources.get(name);
    if (!s) throw new SqlError('UNKNOWN_SOURCE', `${excerpt(name)} does not exist.`, { position });
    return s;
  }

  add(def: SourceDef): void { this.sources.set(def.name, def); }

  remove(name: string): void { this.sources.delete(name); }

  list(): SourceDef[] { return [...this.sources.values()].sort((a, b) => a.name.localeCompare(b.name)); }

  byTopic(topic: string): SourceDef[] { return this.list().filter((s) => s.topic === topic); }
}
