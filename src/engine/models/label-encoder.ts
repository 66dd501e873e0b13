// A classifier's labels: class index ↔ SQL value, indexes in order of first appearance (so a
// model's class count grows as new labels arrive). Values are compared by their text form.
export class LabelEncoder {
  private readonly index = new Map<string, number>();
  readonly values: unknown[] = [];

  /**
   * The class of a label, adding it when `learning` and fewer than `max` classes are known;
   * else -1 for an unknown label.
   */
  classOf(v: unknown, learning: boolean, max = Infinity): number {
    const k = String(v);
    const i = this.index.get(k);
    if (i !== undefined) return i;
    if (!learning || this.values.length >= max) return -1;
    this.index.set(k, this.values.length);
    this.values.push(v);
    return this.values.length - 1;
  }

  get size(): number { return this.values.length; }

  snapshot(): unknown[] { return this.values.slice(); }

  restore(values: unknown[]): void {
    this.index.clear();
    this.values.length = 0;
    for (const v of values) this.classOf(v, true);
  }
}
