// Poisson draws for online bagging (Oza & Russell): Knuth's product-of-uniforms method, which is
// what River and MOA use; exact and cheap for the small rates involved (1 for HAT, 6 for ARF).
import type { Rng } from '../rng.js';

export function poisson(rate: number, rng: Rng): number {
  const limit = Math.exp(-rate);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}
