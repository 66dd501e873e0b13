// Exponentially weighted mean and variance (River's stats.EWMean / EWVar): each new value gets
// weight `fadingFactor` (alpha), the past 1 - alpha. The first value initialises the mean.

export class EWMean {
  mean = 0;
  n = 0;

  constructor(readonly fadingFactor = 0.5) {
    if (!(fadingFactor >= 0 && fadingFactor <= 1)) throw new Error('fading_factor must be in [0, 1]');
  }

  update(x: number): void {
    if (Number.isNaN(x)) return;
    this.mean = this.n === 0 ? x : this.fadingFactor * x + (1 - this.fadingFactor) * this.mean;
    this.n++;
  }

  get(): number {
    return this.n === 0 ? NaN : this.mean;
  }
}

/** Exponentially weighted variance, kept in the incremental (West) form to avoid cancellation. */
export class EWVar {
  mean = 0;
  variance = 0;
  n = 0;

  constructor(readonly fadingFactor = 0.5) {
    if (!(fadingFactor >= 0 && fadingFactor <= 1)) throw new Error('fading_factor must be in [0, 1]');
  }

  update(x: number): void {
    if (Number.isNaN(x)) return;
    if (this.n === 0) {
      this.mean = x;
      this.variance = 0;
    } else {
      const a = this.fadingFactor;
      const d = x - this.mean;
      this.mean += a * d;
      this.variance = (1 - a) * (this.variance + a * d * d);
    }
    this.n++;
  }

  get(): number {
    return this.n === 0 ? NaN : this.variance;
  }
}
