// HTTP Basic authentication against a users file (auth-users-file.ts): with `--users FILE`, every
// request but GET /healthcheck needs the credentials of a user in the file; without them, or with
// wrong ones, the answer is 401 with `WWW-Authenticate: Basic realm="eddy"` and ksqlDB's error
// entity (error_code 40100). The file is read again when it changes, so `eddy users add` takes
// effect without a restart.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { genericError } from './errors.js';
import { UsersFile, verifyPassword, hashPassword } from './auth-users-file.js';

export const UNAUTHORIZED = 40100;
const OPEN_PATHS = new Set(['/healthcheck']);
// Credentials already verified, by a digest of the Authorization header, so a client's every
// request does not pay scrypt's cost; bounded, cleared when the file changes.
const MAX_VERIFIED = 1000;

export class BasicAuth {
  private readonly verified = new Set<string>();
  private readonly pending = new Map<string, Promise<boolean>>();
  /** The users file's generation the verified credentials were checked against. */
  private generation = 0;
  // An unknown user is checked against this hash too, so the answer's timing does not tell
  // which names exist.
  private dummy: Promise<string> | undefined;

  private constructor(private readonly users: UsersFile) {}

  get file(): string { return this.users.file; }

  /** Reads the file now: a missing or malformed file fails the server's start. */
  static async load(file: string): Promise<BasicAuth> {
    return new BasicAuth(await UsersFile.load(file));
  }

  /** The user name when the Authorization header holds a known user's password, else undefined. */
  async authenticate(header: string | undefined): Promise<string | undefined> {
    if (!header) return undefined;
    const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
    if (!m) return undefined;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const name = decoded.slice(0, colon);
    const digest = createHash('sha256').update(header).digest('base64');
    const stored = (await this.users.lookup(name))?.hash; // reads the file again if it changed
    if (this.users.generation !== this.generation) {
      this.generation = this.users.generation;
      this.verified.clear();
    }
    if (stored !== undefined && this.verified.has(digest)) return name;
    // Clients that open many requests at once with one header share one verification.
    let pending = this.pending.get(digest);
    if (!pending) {
      pending = this.verify(stored, decoded.slice(colon + 1), digest).finally(() => this.pending.delete(digest));
      this.pending.set(digest, pending);
    }
    return (await pending) ? name : undefined;
  }

  private async verify(stored: string | undefined, password: string, digest: string): Promise<boolean> {
    const generation = this.generation;
    const ok = await verifyPassword(password, stored ?? await (this.dummy ??= hashPassword('')));
    if (!ok || stored === undefined) return false;
    if (generation !== this.generation) return true; // checked against a file since replaced: do not remember it
    if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
    this.verified.add(digest);
    return true;
  }
}

/** Answers 401 to every request without valid credentials, except the open paths. */
export function registerBasicAuth(app: FastifyInstance, auth: BasicAuth): void {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && OPEN_PATHS.has(req.url.split('?')[0])) return;
    if (await auth.authenticate(req.headers.authorization)) return;
    return reply.code(401).header('www-authenticate', 'Basic realm="eddy"')
      .send(genericError(UNAUTHORIZED, 'Unauthorized'));
  });
}
