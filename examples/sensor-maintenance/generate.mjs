// Generates readings.csv: one reading a minute from each of six presses over three days
// (vibration in mm/s, temperature in °C). Press-4's bearing starts to wear after the first day:
// its vibration climbs and gets spikier, and it runs hotter, a little more every hour. Press-6
// has one short glitch (a sensor knocked loose for twenty minutes) that is not wear.
// Deterministic: a seeded PRNG, no clock. Run: node examples/sensor-maintenance/generate.mjs
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
const rand = prng(7);
/** A standard normal draw (Box-Muller). */
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

const START = Date.UTC(2024, 5, 3); // Monday 3 June 2024, 00:00 UTC
const MINUTES = 3 * 24 * 60;
const WEAR_FROM = 24 * 60; // press-4 starts to wear after a day
const GLITCH = [40 * 60, 40 * 60 + 20]; // press-6's loose sensor, minutes 2400-2419
const MACHINES = [
  { id: 'press-1', vib: 1.0, temp: 61 },
  { id: 'press-2', vib: 1.1, temp: 63 },
  { id: 'press-3', vib: 0.9, temp: 60 },
  { id: 'press-4', vib: 1.05, temp: 62 },
  { id: 'press-5', vib: 1.2, temp: 64 },
  { id: 'press-6', vib: 0.95, temp: 61 },
];

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
const lines = ['ROWTIME,MACHINE,VIBRATION,TEMPERATURE'];
for (let t = 0; t < MINUTES; t++) {
  // The hall warms up by day: every machine runs up to 2 °C hotter in the afternoon.
  const ambient = 2 * Math.max(0, Math.sin(((t % 1440) / 1440 - 0.25) * 2 * Math.PI));
  for (const m of MACHINES) {
    let vib = m.vib + 0.05 * normal();
    let temp = m.temp + ambient + 0.4 * normal();
    if (m.id === 'press-4' && t >= WEAR_FROM) {
      const wear = (t - WEAR_FROM) / (MINUTES - WEAR_FROM); // 0 .. 1 over the last two days
      vib += 0.5 * wear + 0.1 * wear * normal();
      if (rand() < 0.1 * wear) vib += 1 + rand(); // impacts from the worn bearing, more and more often
      temp += 5 * wear;
    }
    if (m.id === 'press-6' && t >= GLITCH[0] && t < GLITCH[1]) vib = round(3 * rand(), 3);
    lines.push([START + t * 60_000, m.id, round(vib, 3), round(temp, 2)].join(','));
  }
}
const out = fileURLToPath(new URL('readings.csv', import.meta.url));
writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${lines.length - 1} rows to ${out}`);
