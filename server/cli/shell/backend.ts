// What the shell talks to: something that executes one statement's text and knows the names to
// complete. The local engine is one backend; a REST client of `eddy server` can be another.
import type { StatementResult } from '../../../src/engine/statement-result.js';
import type { Engine } from '../../../src/engine/engine.js';
import { offsetReset } from '../../../src/engine/engine-state.js';

export interface CompletionNames { sources: string[]; columns: string[]; functions: string[] }

export interface ShellBackend {
  /** Where statements run, for the greeting ("the embedded log", "Kafka at ..."). */
  readonly describe: string;
  /** Executes one statement (without its ';'); positions in errors are within `text`. */
  execute(text: string): Promise<StatementResult>;
  /** Source, column and function names for tab completion. */
  completionNames(): Promise<CompletionNames>;
  /** Whether push queries start at the latest offset (undefined: not known here). */
  readsFromLatest?(): boolean;
  close(): Promise<void>;
}

export class LocalBackend implements ShellBackend {
  constructor(private readonly engine: Engine, readonly describe: string, private readonly onClose: () => Promise<void>) {}

  execute(text: string): Promise<StatementResult> {
    return this.engine.executeText({ text, line: 1, column: 1, offset: 0 });
  }

  readsFromLatest(): boolean {
    return offsetReset(this.engine.state.properties) === 'latest';
  }

  async completionNames(): Promise<CompletionNames> {
    const sources = this.engine.state.catalog.list();
    const columns = new Set<string>();
    for (const s of sources) for (const c of [...s.schema.key, ...s.schema.value]) columns.add(c.name);
    return {
      sources: sources.map((s) => s.name),
      columns: [...columns],
      functions: this.engine.state.registry.list().map((f) => f.name.toUpperCase()),
    };
  }

  close(): Promise<void> { return this.onClose(); }
}
