// Which JSON field feeds which column or struct field, as KsqlJsonDeserializer picks: the field
// with exactly the column's name, else one whose upper-cased name equals it (the last such field
// wins, as in its HashMap). Exact names cost one property read; the upper-case fallback scans the
// object's keys once per record, with upper-casing cached per distinct key.

const hasOwn = Object.prototype.hasOwnProperty;
const CACHE_LIMIT = 4096;

export class FieldLookup {
  private readonly inherited: boolean[];
  private readonly byName = new Map<string, number>();
  private readonly upperCache = new Map<string, number>();
  private readonly found: unknown[];
  private readonly foundStamp: Int32Array;
  private stamp = 0;
  private scanned = false;

  constructor(private readonly names: readonly string[]) {
    // A name like "toString" must not be read from Object.prototype.
    this.inherited = names.map((n) => n in Object.prototype);
    names.forEach((n, i) => { if (!this.byName.has(n)) this.byName.set(n, i); });
    this.found = new Array(names.length).fill(undefined);
    this.foundStamp = new Int32Array(names.length);
  }

  /** Start on a new JSON object: forget the previous object's fallback scan. */
  begin(): void {
    this.scanned = false;
  }

  /** The JSON value for name i of `obj` (undefined when absent). Call begin() first per object. */
  get(obj: Record<string, unknown>, i: number): unknown {
    const name = this.names[i];
    const v = obj[name];
    if (v !== undefined && (!this.inherited[i] || hasOwn.call(obj, name))) return v;
    if (!this.scanned) this.scan(obj);
    return this.foundStamp[i] === this.stamp ? this.found[i] : undefined;
  }

  private scan(obj: Record<string, unknown>): void {
    this.scanned = true;
    if (++this.stamp === 0x7fffffff) {
      this.foundStamp.fill(0);
      this.stamp = 1;
    }
    for (const key in obj) {
      if (!hasOwn.call(obj, key)) continue;
      const i = this.upperIndex(key);
      if (i < 0) continue;
      this.found[i] = obj[key];
      this.foundStamp[i] = this.stamp;
    }
  }

  private upperIndex(key: string): number {
    const cached = this.upperCache.get(key);
    if (cached !== undefined) return cached;
    const i = this.byName.get(key.toUpperCase()) ?? -1;
    if (this.upperCache.size < CACHE_LIMIT) this.upperCache.set(key, i);
    return i;
  }
}
