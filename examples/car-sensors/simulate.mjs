// Vibration readings of a fleet of cars, published over MQTT as a car's telematics unit would:
// one JSON reading a second per car on cars/<car>/vibration. Some cars develop a fault (a worn
// wheel bearing): from a point in their drive on, their readings spike now and then, and the
// spikes grow. Seeded: the same options give the same readings, in the same order.
//
//   node examples/car-sensors/simulate.mjs --url mqtt://127.0.0.1:1883 [--cars 50] [--seconds 180]
//        [--realtime] [--seed 7]
//   node examples/car-sensors/simulate.mjs --csv healthy.csv   (healthy cars' readings, no MQTT:
//        what train_vibration_model.py learns "normal" from)
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** Cars whose bearing wears, and the second of their drive from which it shows. */
export const FAULTY = new Map([['car-07', 60], ['car-19', 75], ['car-33', 90], ['car-42', 105]]);
/** The drive starts here (event time of the first reading): Monday 2 December 2024, 08:00 UTC. */
export const START_MS = Date.UTC(2024, 11, 2, 8, 0, 0);

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const carId = (i) => `car-${String(i + 1).padStart(2, '0')}`;
const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Every reading in publishing order (second by second, car by car): { topic, car, reading }.
 * A reading: event time `ts` (ms), speed (km/h), vibration RMS and peak (g), dominant frequency (Hz).
 */
export function* readings({ cars = 50, seconds = 180, seed = 7 } = {}) {
  const rnd = mulberry32(seed);
  const gauss = () => {
    const u = 1 - rnd();
    const v = rnd();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const speed = Array.from({ length: cars }, () => 60 + rnd() * 60);
  for (let s = 0; s < seconds; s++) {
    for (let i = 0; i < cars; i++) {
      const car = carId(i);
      speed[i] = Math.min(130, Math.max(30, speed[i] + gauss() * 2));
      let rms = 0.35 + speed[i] / 400 + gauss() * 0.03;
      let peak = rms * (2.4 + gauss() * 0.15);
      let freq = 20 + speed[i] / 5 + gauss() * 1.5;
      const faultAt = FAULTY.get(car);
      if (faultAt !== undefined && s >= faultAt && rnd() < 0.5) {
        // A spike: the worse the wear (the longer since it began), the harder the knock.
        const wear = Math.min(1, (s - faultAt) / 60);
        rms += 0.15 + 0.35 * wear;
        peak *= 1.8 + 1.5 * wear;
        freq += 25;
      }
      yield {
        topic: `cars/${car}/vibration`,
        car,
        reading: {
          car, ts: START_MS + s * 1000, speed_kmh: round(speed[i], 1), rms_g: round(rms, 4),
          peak_g: round(peak, 4), freq_hz: round(freq, 2),
        },
      };
    }
  }
}

/** Publishes every reading with QoS 1 and resolves once the broker has acknowledged them all. */
export async function publish(url, options = {}) {
  const { connectAsync } = await import('mqtt');
  const client = await connectAsync(url, { clientId: `car-simulator-${process.pid}`, reconnectPeriod: 1000, connectTimeout: 10_000 });
  let sent = 0;
  try {
    let second = -1;
    for (const { topic, reading } of readings(options)) {
      const s = (reading.ts - START_MS) / 1000;
      if (options.realtime && s !== second) {
        second = s;
        await new Promise((r) => setTimeout(r, 1000));
      }
      await client.publishAsync(topic, JSON.stringify(reading), { qos: 1 });
      sent++;
    }
  } finally {
    await client.endAsync();
  }
  return sent;
}

/** The healthy cars' readings as CSV (what the batch-trained model learns normal from). */
export function healthyCsv(options = {}) {
  const lines = ['car,ts,speed_kmh,rms_g,peak_g,freq_hz'];
  for (const { car, reading: r } of readings(options)) {
    if (!FAULTY.has(car)) lines.push([r.car, r.ts, r.speed_kmh, r.rms_g, r.peak_g, r.freq_hz].join(','));
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
      cars: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '180' },
      seed: { type: 'string', default: '7' },
      realtime: { type: 'boolean', default: false },
      csv: { type: 'string' },
    },
  });
  const options = { cars: Number(values.cars), seconds: Number(values.seconds), seed: Number(values.seed), realtime: values.realtime };
  if (values.csv) {
    writeFileSync(values.csv, healthyCsv(options));
    console.log(`wrote ${values.csv}`);
  } else {
    const sent = await publish(values.url, options);
    console.log(`published ${sent} readings to ${values.url}`);
  }
}
