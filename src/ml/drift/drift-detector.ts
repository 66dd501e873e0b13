// What every drift detector offers: feed it one value per row (a 0/1 error, an absolute error, a
// score) and it says whether the distribution just changed. After a drift the detector has
// already restarted on the recent data, so the caller only reacts.

export interface DriftDetector {
  /** Adds one value; true when a drift is detected at this value. */
  update(value: number): boolean;
  /** True while the detector suspects a coming drift (DDM); always false for detectors without a warning zone. */
  readonly warning: boolean;
  reset(): void;
  /** State for snapshots, and its inverse. */
  toArray(): Float64Array;
  fromArray(state: Float64Array): void;
}
