// A classifier's labels: class index ↔ SQL value, indexes in order of first appearance (so a
// model's class count grows as new labels arrive). Values are compared by their text form.
export class LabelEncoder {
  private readonly index = new Map<string, number>();
  readonly values: unknown[] = [];
  /** The classes of TRUE and FALSE once known (-1 before): a BOOLEAN label skips the text and the map. */
  private trueClass = -1;
  private falseClass = -1;

  /**
   * The class of a label, adding it when `learning` and fewer than `max` classes are known;
   * else -1 for an unknown label.
   */
  classOf(v: unknown, learning: boolean, max = Infinity): number {
    if (v === true && this.trueClass >= 0) return this.trueClass;
    if (v === false && this.falseClass >= 0) return this.falseClass;
    const k = String(v);
    let i = this.index.get(k);
    if (i === undefined) {
      if (!learning || this.values.length >= max) return -1;
      i = this.values.length;
      this.index.set(k, i);
      this.values.push(v);
    }
    if (v === true) this.trueClass = i;
    else if (v === false) this.falseClass = i;
    return i;
  }

  get size(): number { return this.values.length; }

  snapshot(): unknown[] { return this.values.slice(); }

  restore(values: unknown[]): void {
    this.index.clear();
    this.values.length = 0;
    this.trueClass = -1;
    this.falseClass = -1;
    for (const v of values) this.classOf(v, true);
  }
}
