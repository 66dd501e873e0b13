// Generates stores.csv: one row per drone-delivery store and opening hour over 35 simulated
// days, with BUSY (more orders than the drones can take) drawn from rules per shop type, day of
// week, hour and rain. On day 15 (a Monday) three of the four shop types change their rules
// (concept drift).
// Deterministic: a seeded PRNG, no clock. Run: node examples/busy-stores/generate.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** mulberry32: a small seeded PRNG, the same numbers on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20240304);

const DAYS = 35;
const DRIFT_DAY = 15;
const OPEN = 8, CLOSE = 22; // hours 8..21
const START = Date.UTC(2024, 2, 4); // Monday 4 March 2024, 00:00 UTC
const NOISE = 0.04; // share of labels flipped: no model can beat ~96%
const STORES = [
  ['grocery-north', 'grocery'], ['grocery-south', 'grocery'], ['grocery-docks', 'grocery'],
  ['pharmacy-north', 'pharmacy'], ['pharmacy-central', 'pharmacy'], ['pharmacy-east', 'pharmacy'],
  ['electronics-mall', 'electronics'], ['electronics-central', 'electronics'], ['electronics-west', 'electronics'],
  ['restaurant-pizza', 'restaurant'], ['restaurant-sushi', 'restaurant'], ['restaurant-curry', 'restaurant'],
];

/** Whether a store is busy, before the noise. dow: 1 = Monday .. 7 = Sunday. */
function rule(type, dow, hour, rain, after) {
  const weekend = dow >= 6;
  switch (type) {
    case 'grocery':
      // Before: the after-work rush on weekdays, late mornings and afternoons at the weekend.
      // After: a partner supermarket's evening slots take that rush; groceries now go out in
      // the morning, every day.
      if (after) return hour >= 8 && hour <= 11;
      return weekend ? hour >= 10 && hour <= 15 : hour >= 17 && hour <= 20;
    case 'pharmacy':
      // Before: weekday mornings and evenings, quiet at the weekend. After: a flu wave keeps
      // them busy from 10 to 18, every day.
      if (after) return hour >= 10 && hour <= 18;
      return !weekend && ((hour >= 8 && hour <= 9) || (hour >= 17 && hour <= 18));
    case 'electronics':
      // Before: weekend afternoons. After: a weekday-evening sale, and the weekends calm down.
      if (after) return !weekend && hour >= 18;
      return weekend && hour >= 12 && hour <= 18;
    case 'restaurant':
      // Lunch and dinner every day, and any hour from 11 when it rains hard (unchanged).
      return hour === 12 || hour === 13 || hour >= 18 || (rain >= 4 && hour >= 11);
  }
  throw new Error(type);
}

const lines = ['ROWTIME,DAY,STORE,SHOP_TYPE,DAY_OF_WEEK,HOUR,RAIN_MM,BUSY'];
for (let day = 1; day <= DAYS; day++) {
  const dow = ((day - 1) % 7) + 1;
  // A dry or a rainy day, then the rain per hour around the day's level.
  const wet = rand() < 0.3;
  for (let hour = OPEN; hour < CLOSE; hour++) {
    const rain = wet ? Math.round(rand() * 80) / 10 : 0;
    for (const [store, type] of STORES) {
      let busy = rule(type, dow, hour, rain, day >= DRIFT_DAY);
      if (rand() < NOISE) busy = !busy;
      const ts = START + (day - 1) * 86_400_000 + hour * 3_600_000;
      lines.push([ts, day, store, type, dow, hour, rain, busy].join(','));
    }
  }
}
const out = fileURLToPath(new URL('stores.csv', import.meta.url));
writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${lines.length - 1} rows to ${out}`);
