// The Kafka Streams peer (a Maven project kept outside the repository, in the shared peers
// directory): found by EDDY_PEERS_DIR, else <repo>/../shared/peers; copied into .cache/ and built
// there once (again only when its sources change), so the shared directory stays untouched.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../ml/datasets.js';

const run = promisify(execFile);

export type PeerBuild = { dir: string; classpath: string; kafkaStreamsVersion: string } | { skipped: string };

export async function buildPeer(): Promise<PeerBuild> {
  const peers = process.env.EDDY_PEERS_DIR ?? join(repoRoot(), '..', 'shared', 'peers');
  const source = join(peers, 'kafka-streams');
  if (!existsSync(join(source, 'pom.xml'))) {
    return { skipped: `no Kafka Streams peer at ${source} (set EDDY_PEERS_DIR to the directory holding kafka-streams/)` };
  }
  const dir = join(repoRoot(), '.cache', 'kafka-streams-peer');
  const built = existsSync(join(dir, 'target', 'classes', 'dev', 'eddy', 'peers', 'PeerWorker.class')) && existsSync(join(dir, 'target', 'lib'));
  if (!built || !sameSources(source, dir)) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(source, dir, { recursive: true, filter: (p) => !relative(source, p).startsWith('target') });
    console.log(`building the Kafka Streams peer in ${dir} (mvn package) ...`);
    try {
      // Offline first (quick when the local repository has everything), else from Maven Central.
      await run('mvn', ['-q', '-o', 'package'], { cwd: dir, timeout: 10 * 60_000 }).catch(() =>
        run('mvn', ['-q', 'package'], { cwd: dir, timeout: 15 * 60_000 }));
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      return { skipped: `mvn package failed in ${dir}: ${(err.stdout || err.stderr || err.message).trim().split('\n').slice(-15).join('\n')}` };
    }
  }
  const kafkaStreamsVersion = /<kafka\.version>([^<]+)</.exec(readFileSync(join(dir, 'pom.xml'), 'utf8'))?.[1] ?? 'unknown';
  return { dir, classpath: `${join(dir, 'target', 'classes')}:${join(dir, 'target', 'lib', '*')}`, kafkaStreamsVersion };
}

/** True when pom.xml and every file under src/ are the same in both trees. */
function sameSources(a: string, b: string): boolean {
  const files = (root: string): string[] => [join(root, 'pom.xml'), ...walk(join(root, 'src'))].map((f) => relative(root, f)).sort();
  const fa = files(a);
  let fb: string[];
  try {
    fb = files(b);
  } catch {
    return false;
  }
  return fa.length === fb.length && fa.every((f, i) => f === fb[i] && readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}
