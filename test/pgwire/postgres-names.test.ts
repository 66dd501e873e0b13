// Quoted lower-case names from Postgres clients (server/pgwire/postgres-names.ts): read as the
// upper-case name Eddy folds unquoted ones to, only where that is the name that exists; strings,
// comments and names that exist as written are left alone, and the text keeps its length.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { postgresName, postgresNames } from '../../server/pgwire/postgres-names.js';

describe('postgresNames', () => {
  it('reads "readings" and "id" as READINGS and ID, and leaves the rest of the text as it was', async () => {
    const e = await Engine.create();
    try {
      await e.executeScript(`CREATE STREAM readings (id INT, "v" DOUBLE) WITH (kafka_topic='r', value_format='json', partitions=1);`);
      const text = `SELECT "id", "v", 'say "id"' AS "note", "id" AS "id" /* "id" */ FROM "readings" -- "id"`;
      const st = postgresNames({ text, line: 1, column: 1, offset: 0 }, e.state);
      expect(st.text).toBe(`SELECT \`ID\`, "v", 'say "id"' AS "note", \`ID\` AS "id" /* "id" */ FROM \`READINGS\` -- "id"`);
      expect(st.text.length).toBe(text.length);
      const [r] = await e.executeScript(`INSERT INTO readings (id, "v") VALUES (1, 0.5);`);
      expect(r.kind).not.toBe('error');
      expect(postgresName('readings', (n) => e.state.catalog.get(n) !== undefined)).toBe('READINGS');
      expect(postgresName('Readings', (n) => e.state.catalog.get(n) !== undefined)).toBe('Readings');
      expect(postgresName('nothing', (n) => e.state.catalog.get(n) !== undefined)).toBe('nothing');
    } finally {
      await e.close();
    }
  });
});
