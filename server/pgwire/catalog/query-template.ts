// A fixed query text with holes: psql's per-relation queries differ only in the oid. Both
// the template and the query are compared normalised (sql-text.ts).
import { normalize } from './sql-text.js';

const HOLES: Record<string, string> = {
  oid: '(\\d+)',
};

export class QueryTemplate {
  private readonly re: RegExp;

  constructor(text: string) {
    // Only known holes: psql's own text has braces too ('{0}', an array literal).
    const parts = normalize(text).split(new RegExp(`\\{(${Object.keys(HOLES).join('|')})\\}`));
    const source = parts.map((p, i) => {
      if (i % 2 === 0) return p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return HOLES[p];
    }).join('');
    this.re = new RegExp(`^${source}$`);
  }

  /** The holes' values if `normalized` (a normalised query) is this query. */
  match(normalized: string): string[] | undefined {
    const m = this.re.exec(normalized);
    return m ? m.slice(1) : undefined;
  }
}
