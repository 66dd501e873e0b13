// The shell against a running `eddy server` (or a ksqlDB server): statements go over the REST API
// as `eddy run --server` sends them, with this session's SET properties and DEFINE variables
// kept here and sent with every request, as the ksqlDB CLI does.
import type { StatementResult } from '../../../src/engine/statement-result.js';
import { KsqlClient } from '../../client/ksql-client.js';
import { runStatement } from '../run-remote.js';
import type { CompletionNames, ShellBackend } from './backend.js';

export class RemoteBackend implements ShellBackend {
  readonly describe: string;
  private readonly client: KsqlClient;
  private readonly properties: Record<string, string>;
  private readonly variables = new Map<string, string>();

  /** `user`/`password`: HTTP Basic credentials (else any in the URL). */
  constructor(url: string, properties: Record<string, string>, user?: string, password?: string) {
    this.client = new KsqlClient(url, { user, password });
    this.describe = `the server at ${this.client.url}`;
    this.properties = { ...properties };
  }

  /** Fails unless the server answers (and accepts the credentials). */
  async connect(): Promise<void> {
    await this.client.executeStatement('SHOW STREAMS;');
  }

  execute(text: string): Promise<StatementResult> {
    // A push query runs until Ctrl-C in the shell, as locally: no LIMIT needed.
    return runStatement(this.client, { text, line: 1, column: 1, offset: 0 }, this.properties, this.variables, true);
  }

  async completionNames(): Promise<CompletionNames> {
    const names = async (sql: string, list: string, field: string): Promise<string[]> => {
      const [e] = await this.client.executeStatement(sql);
      const items = (e?.[list] ?? []) as Record<string, unknown>[];
      return items.map((it) => String(it[field]));
    };
    const [streams, tables, functions] = await Promise.all([
      names('SHOW STREAMS;', 'streams', 'name'), names('SHOW TABLES;', 'tables', 'name'), names('SHOW FUNCTIONS;', 'functions', 'name'),
    ]);
    return { sources: [...streams, ...tables], columns: [], functions };
  }

  async close(): Promise<void> {}
}
