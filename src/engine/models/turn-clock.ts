// The wall clock read once per turn of the event loop: a trainer stamps every row it learns
// (DESCRIBE MODEL's first and last learned, the rate), and Date.now() per row cost as much as a
// third of a linear model's own update. A query processes a poll's rows in one synchronous run,
// so they share one reading; the next turn reads the clock again.
let now = 0;
let fresh = false;
const expire = (): void => { fresh = false; };

/** Date.now() as read first in this turn (at most one synchronous run old). */
export function turnNow(): number {
  if (!fresh) {
    now = Date.now();
    fresh = true;
    queueMicrotask(expire);
  }
  return now;
}
