// Online min-max scaling (River's preprocessing.MinMaxScaler): each feature mapped to [0, 1] by
// the smallest and largest values learned so far (0 while a feature is constant or unseen).
// Half-space trees need it, since their splits are drawn inside [0, 1].

export class MinMaxScaler {
  readonly min: Float64Array;
  readonly max: Float64Array;

  constructor(readonly features: number) {
    this.min = new Float64Array(features).fill(Infinity);
    this.max = new Float64Array(features).fill(-Infinity);
  }

  update(x: Float64Array): void {
    for (let i = 0; i < this.features; i++) {
      const v = x[i];
      if (v !== v) continue;
      if (v < this.min[i]) this.min[i] = v;
      if (v > this.max[i]) this.max[i] = v;
    }
  }

  /** NaN stays NaN (the trees route missing values themselves). */
  transform(x: Float64Array, out: Float64Array): void {
    for (let i = 0; i < this.features; i++) {
      const v = x[i];
      const range = this.max[i] - this.min[i];
      out[i] = v !== v ? NaN : range > 0 ? (v - this.min[i]) / range : 0;
    }
  }

  toArray(): Float64Array {
    const out = new Float64Array(2 * this.features);
    out.set(this.min, 0);
    out.set(this.max, this.features);
    return out;
  }

  fromArray(a: Float64Array): void {
    if (a.length !== 2 * this.features) throw new Error('model state: min-max scaler size mismatch');
    this.min.set(a.subarray(0, this.features));
    this.max.set(a.subarray(this.features));
  }
}
