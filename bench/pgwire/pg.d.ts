// The part of node-postgres (`pg`, a devDependency without bundled types) this benchmark uses.
// @types/pg, if the project adds it, supersedes this file.
declare module 'pg' {
  import { EventEmitter } from 'node:events';

  namespace pg {
    interface ClientConfig {
      host?: string;
      port?: number;
      user?: string;
      database?: string;
      connectionTimeoutMillis?: number;
      query_timeout?: number;
    }
    /** A query whose rows are 'row' events (not accumulated when a 'row' listener is attached). */
    class Query extends EventEmitter {
      constructor(config: { text: string; values?: unknown[]; rowMode?: 'array' });
    }
    class Client extends EventEmitter {
      constructor(config: ClientConfig);
      connect(): Promise<void>;
      query(query: Query): Query;
      query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
      end(): Promise<void>;
    }
  }
  export default pg;
}
