// The clients nobody here wrote, run as child processes for the interop tests: Confluent's Python
// client (installed from PyPI by scripts/registry-clients/python.sh; its programs in python/) and
// a plain Node program using @confluentinc/schemaregistry's own serializer (node/). Each run has
// a time limit and fails with the program's stderr.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));

/** How long a first install may take (a few wheels from PyPI: about 25 s here). */
export const INSTALL_MS = 280_000;

/** A JSON line a client printed: produced / record / done. */
export type ClientLine = Record<string, unknown> & { event: string };

/** A record as the Python consumer printed it: the value as JSON and its Python types. */
export interface ConsumedRecord {
  partition: number; offset: number; key_hex: string | null; schema_id: number | null;
  value: unknown; types: unknown;
}

/**
 * Runs scripts/registry-clients/python.sh; the python launcher that imports confluent_kafka.
 * Fails (the tests fail, they do not skip) with the script's message when PyPI is not reachable.
 */
export function installPythonClient(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [`${root}scripts/registry-clients/python.sh`], { timeout: INSTALL_MS, cwd: root }, (err, stdout, stderr) => {
      if (err) {
        const why = err.killed ? `timed out after ${INSTALL_MS / 1000} s` : `exit code ${String(err.code)}`;
        reject(new Error(`scripts/registry-clients/python.sh failed (${why}); the registry interop tests cannot run:\n${stderr}`));
      } else {
        resolve(stdout.trim().split('\n').pop() ?? '');
      }
    });
  });
}

/** Where the clients find the broker and the registry. */
export interface Endpoints { brokers: string[]; registry: string }

/** Runs a program to its end (killed after `limitMs`); its JSON lines. */
function runProgram(command: string, args: string[], limitMs: number): Promise<ClientLine[]> {
  return new Promise((resolve, reject) => {
    // PYTHONDONTWRITEBYTECODE: no __pycache__ left in the work tree.
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
    execFile(command, args, { cwd: root, env, timeout: limitMs, killSignal: 'SIGKILL', maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const lines = stdout.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as ClientLine);
      if (err) {
        const why = err.killed ? `was killed after ${limitMs} ms` : `exited with ${String(err.code)}`;
        reject(new Error(`${command} ${args[0]} ${args[1] ?? ''} ${why}\nstdout: ${stdout}\nstderr: ${stderr}`));
      } else {
        resolve(lines);
      }
    });
  });
}

function endpointArgs(e: Endpoints, topic: string): string[] {
  return ['--brokers', e.brokers.join(','), '--registry', e.registry, '--topic', topic];
}

/** `python/<program>.py produce`: writes `records` (JSON values) with the given writer schema. */
export async function pythonProduce(python: string, program: 'avro_interop' | 'protobuf_interop', e: Endpoints,
  topic: string, schema: unknown, records: unknown[]): Promise<void> {
  const lines = await runProgram(python, [`${here}python/${program}.py`, 'produce', ...endpointArgs(e, topic),
    '--schema', JSON.stringify(schema), '--records', JSON.stringify(records), '--timeout', '30'], 45_000);
  const produced = lines.find((l) => l.event === 'produced');
  if (produced?.count !== records.length) throw new Error(`python produced ${JSON.stringify(lines)}`);
}

/** `python/<program>.py consume`: reads `count` records of `topic` from its start. */
export async function pythonConsume(python: string, program: 'avro_interop' | 'protobuf_interop', e: Endpoints,
  topic: string, count: number): Promise<ConsumedRecord[]> {
  const lines = await runProgram(python, [`${here}python/${program}.py`, 'consume', ...endpointArgs(e, topic),
    '--count', String(count), '--timeout', '30'], 45_000);
  return lines.filter((l) => l.event === 'record') as unknown as ConsumedRecord[];
}

/** node/confluent-avro-produce.mjs: registers `schema` under <topic>-value, writes `records`; the schema id. */
export async function nodeConfluentProduce(e: Endpoints, topic: string, schema: unknown, records: unknown[]): Promise<number> {
  const lines = await runProgram(process.execPath, [`${here}node/confluent-avro-produce.mjs`, ...endpointArgs(e, topic),
    '--schema', JSON.stringify(schema), '--records', JSON.stringify(records), '--timeout', '30'], 45_000);
  const produced = lines.find((l) => l.event === 'produced');
  if (produced?.count !== records.length) throw new Error(`node produced ${JSON.stringify(lines)}`);
  return produced.schema_id as number;
}
