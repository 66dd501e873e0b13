// One string object per distinct text value of a partition's column (row-chunk.ts): a sensor id
// or a site name repeats on every record, and each fresh copy kept is an object for the garbage
// collector to copy and mark. A column whose values keep being new (ids, free text) stops being
// interned once it has MAX_DISTINCT of them: its strings are then kept as they come.
const MAX_DISTINCT = 4096;

export class StringInterner {
  private readonly byColumn: (Map<string, string> | null | undefined)[] = [];

  intern(column: number, s: string): string {
    let seen = this.byColumn[column];
    if (seen === null) return s;
    if (seen === undefined) this.byColumn[column] = seen = new Map();
    const had = seen.get(s);
    if (had !== undefined) return had;
    if (seen.size >= MAX_DISTINCT) {
      this.byColumn[column] = null;
      return s;
    }
    seen.set(s, s);
    return s;
  }
}
