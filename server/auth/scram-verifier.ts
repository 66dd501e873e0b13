// What a server keeps to check SCRAM-SHA-256 logins (RFC 5802/7677) without the password, in
// PostgreSQL's own format: `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>` (base64).
// A verifier made by `CREATE ROLE ... PASSWORD` in Postgres works here, and the other way round.
import { createHash, createHmac, pbkdf2, randomBytes } from 'node:crypto';

export const SCRAM_ITERATIONS = 4096; // Postgres's default (scram_iterations)
const SALT_LENGTH = 16;
const KEY_LENGTH = 32;
// Bounds keep a doctored users file from making a login cost minutes.
const MAX_ITERATIONS = 1_000_000;
// Makes the mock verifiers of one server unguessable from outside.
const MOCK_SECRET = randomBytes(32);

export interface ScramVerifier { iterations: number; salt: Buffer; storedKey: Buffer; serverKey: Buffer }

export const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();
export const hmac = (key: Buffer, data: string | Buffer): Buffer => createHmac('sha256', key).update(data).digest();

/** A verifier for the password with a fresh random salt, in Postgres's text format. */
export async function makeScramVerifier(password: string, iterations = SCRAM_ITERATIONS, salt = randomBytes(SALT_LENGTH)): Promise<string> {
  const salted = await new Promise<Buffer>((resolve, reject) => {
    pbkdf2(Buffer.from(saslPrep(password), 'utf8'), salt, iterations, KEY_LENGTH, 'sha256', (err, key) => (err ? reject(err) : resolve(key)));
  });
  const storedKey = sha256(hmac(salted, 'Client Key'));
  const serverKey = hmac(salted, 'Server Key');
  return formatScramVerifier({ iterations, salt, storedKey, serverKey });
}

export function formatScramVerifier(v: ScramVerifier): string {
  return `SCRAM-SHA-256$${v.iterations}:${v.salt.toString('base64')}$${v.storedKey.toString('base64')}:${v.serverKey.toString('base64')}`;
}

/** The verifier in `text`, or undefined when it is not one. */
export function parseScramVerifier(text: string): ScramVerifier | undefined {
  const m = /^SCRAM-SHA-256\$(\d+):([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2}):([A-Za-z0-9+/]+={0,2})$/.exec(text);
  if (!m) return undefined;
  const iterations = Number(m[1]);
  if (iterations < 1 || iterations > MAX_ITERATIONS) return undefined;
  const [salt, storedKey, serverKey] = [m[2], m[3], m[4]].map((b) => Buffer.from(b, 'base64'));
  if (salt.length < 8 || storedKey.length !== KEY_LENGTH || serverKey.length !== KEY_LENGTH) return undefined;
  return { iterations, salt, storedKey, serverKey };
}

/**
 * A verifier no password matches, for a user that does not exist: the login goes through every
 * step as for a real one and fails at the proof, so the answers do not tell which names exist.
 * Its salt depends on the name (and a per-process secret), so asking twice gives the same salt.
 */
export function mockScramVerifier(user: string): ScramVerifier {
  return {
    iterations: SCRAM_ITERATIONS,
    salt: hmac(MOCK_SECRET, `salt:${user}`).subarray(0, SALT_LENGTH),
    storedKey: hmac(MOCK_SECRET, `stored:${user}`),
    serverKey: hmac(MOCK_SECRET, `server:${user}`),
  };
}
/**
 * SASLprep (RFC 4013) as libpq and node-postgres apply it to the password: non-ASCII spaces
 * become spaces, characters "mapped to nothing" go, then NFKC. Like them, it skips the
 * prohibited-character and bidi checks. An ASCII password is unchanged.
 */
export function saslPrep(password: string): string {
  if (/^[\x00-\x7f]*$/.test(password)) return password;
  return password
    .replace(/[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g, '')
    .normalize('NFKC');
}
