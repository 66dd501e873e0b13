// The CommandComplete tag of a statement that gave a message: what psql prints and drivers
// parse (`INSERT 0 1` counts one row; the rest name the command, as Postgres does).
import type { Statement } from '../../grammar/ast.js';

export function commandTag(s: Statement): string {
  switch (s.kind) {
    case 'CreateSource': case 'CreateAsSelect': return `CREATE ${s.sourceType}`;
    case 'DropSource': return `DROP ${s.sourceType}`;
    case 'InsertValues': return 'INSERT 0 1';
    case 'InsertInto': return 'INSERT INTO';
    case 'Terminate': return 'TERMINATE';
    case 'SetProperty': case 'DefineVariable': return 'SET';
    case 'UnsetProperty': case 'UndefineVariable': return 'RESET';
    case 'Copy': return 'COPY';
    case 'CreateModel': return 'CREATE MODEL';
    case 'DropModel': return 'DROP MODEL';
    case 'CreateConnector': return 'CREATE CONNECTOR';
    case 'DropConnector': return 'DROP CONNECTOR';
    case 'CreateType': return 'CREATE TYPE';
    case 'DropType': return 'DROP TYPE';
    default: return s.text.trim().split(/\s+/, 1)[0].toUpperCase();
  }
}
