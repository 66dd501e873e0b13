// Eclipse Mosquitto (MQTT 5) for the connector tests, started by the project's own script
// (scripts/mqtt/mosquitto.sh, which installs it from Debian's packages if missing) on a free
// port, stopped with the test run. Where it cannot be installed, `reason` says why and the tests
// skip.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../setup/kafka-global-setup.js';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/mqtt/mosquitto.sh', import.meta.url));

export interface Mosquitto { port: number; uri: string; stop(): Promise<void>; start(): Promise<void> }

export async function startMosquitto(): Promise<{ broker?: Mosquitto; reason?: string }> {
  if (process.env.EDDY_MQTT_TESTS === '0') return { reason: 'EDDY_MQTT_TESTS=0' };
  const port = await freePort();
  const env = { ...process.env, MQTT_PORT: String(port), MQTT_STOP_WITH_PID: String(process.pid) };
  const script = (cmd: string) => run(SCRIPT, [cmd], { env, timeout: 5 * 60_000 });
  try {
    await script('start');
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    return { reason: `mosquitto could not be started (scripts/mqtt/mosquitto.sh start): ${(err.stderr || err.message).trim()}` };
  }
  return {
    broker: {
      port, uri: `tcp://127.0.0.1:${port}`,
      stop: async () => { await script('stop'); },
      start: async () => { await script('start'); },
    },
  };
}

export async function cleanMosquitto(m: Mosquitto | undefined): Promise<void> {
  if (m) await run(SCRIPT, ['clean'], { env: { ...process.env, MQTT_PORT: String(m.port) } }).catch(() => undefined);
}
