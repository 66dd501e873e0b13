// The car-sensors example end to end on the embedded log: an MQTT broker (aedes, in process), the
// simulator publishing 50 cars' readings once the connector has subscribed, and `eddy run` of
// examples/car-sensors/car-sensors.sql; its output must equal car-sensors.out, as the golden
// scripts' do (`EDDY_UPDATE_GOLDEN=1` rewrites it for review).
import { describe, it, expect, afterEach } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../server/cli/main.js';
import { TestMqttBroker } from '../connectors/mqtt-test-broker.js';
// @ts-expect-error -- the simulator is a plain ESM script (examples/ is not compiled)
import { publish } from '../../examples/car-sensors/simulate.mjs';

const root = join(__dirname, '..', '..');
const script = join(root, 'examples', 'car-sensors', 'car-sensors.sql');
const expectedPath = script.replace(/\.sql$/, '.out');
/** Values that depend on the clock (as in test/golden). */
const VOLATILE = /("Property":"(?:Learning rate \(rows\/s\)|Last checkpoint)","Value":)"[^"]*"/g;

let broker: TestMqttBroker | undefined;
afterEach(async () => { await broker?.close(); broker = undefined; });

describe('examples/car-sensors', () => {
  it('flags the four cars with worn bearings, fed over MQTT', async () => {
    broker = await TestMqttBroker.start();
    const b = broker;
    // The fleet starts driving once the connector listens (a clean session gets nothing earlier).
    let published: Promise<number> | undefined;
    b.aedes.on('subscribe', (subs) => {
      if (!published && subs.some((s) => s.topic === 'cars/+/vibration')) published = publish(`mqtt://127.0.0.1:${b.port}`);
    });
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await main(['run', script, '--output', 'jsonl', '--define', `mqtt_uri=${b.uri}`],
      { stdout: (s) => stdout.push(s), stderr: (s) => stderr.push(s) });
    expect(await published).toBe(9000);
    const actual = [...stdout, '-- stderr --', ...stderr, `-- exit ${code} --`, ''].join('\n')
      .split(root).join('<root>').replace(VOLATILE, '$1"<varies>"').split(b.uri).join('<mqtt_uri>');
    if (process.env.EDDY_UPDATE_GOLDEN === '1') writeFileSync(expectedPath, actual);
    if (!existsSync(expectedPath)) throw new Error(`${expectedPath} is missing: run with EDDY_UPDATE_GOLDEN=1 and review it`);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
  }, 60_000);
});
