// The users file of `eddy server --users FILE`: one user a line,
// `NAME:scrypt$N$r$p$SALT$HASH:SCRAM-SHA-256$ITERATIONS:SALT$STOREDKEY:SERVERKEY` (base64 fields;
// never the password). The scrypt hash checks HTTP Basic passwords; the SCRAM-SHA-256 verifier
// (PostgreSQL's format) checks Postgres logins, which never send the password itself. Lines
// written before Postgres logins existed have no verifier. Blank lines and lines starting with
// '#' are ignored. `eddy users add NAME --users FILE` writes it.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFile, writeFile, rename, rm, stat } from 'node:fs/promises';
import { SqlError } from '../../src/types/sql-error.js';
import { makeScramVerifier, parseScramVerifier } from '../auth/scram-verifier.js';

// Cost of one hash: 16 MiB and some 50 ms, so a stolen file is slow to guess from.
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** Each user's scrypt hash, by name (what HTTP Basic checks). */
export type Users = ReadonlyMap<string, string>;

/** A user's line: the scrypt hash, and the SCRAM-SHA-256 verifier when the line has one. */
export interface UserEntry { hash: string; scram?: string }

const LINE_FORMAT = 'NAME:scrypt$N$r$p$SALT$HASH:SCRAM-SHA-256$ITERATIONS:SALT$STOREDKEY:SERVERKEY';

/** A user name HTTP Basic can carry: no ':' (it ends the name there), no spaces or control characters. */
export function checkUserName(name: string): void {
  if (!/^[^\s:\p{Cc}]+$/u.test(name)) {
    throw new SqlError('INVALID_PROPERTY', `a user name must be non-empty, without ':' or spaces, not '${name}'`);
  }
}

/** `scrypt$N$r$p$SALT$HASH` for the password with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(password, salt, KEY_LENGTH, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Whether the password hashes to the stored hash (compared in constant time). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const p = parseHash(stored);
  if (!p) return false;
  const hash = await derive(password, p.salt, p.hash.length, { N: p.N, r: p.r, p: p.p });
  return timingSafeEqual(hash, p.hash);
}

/** The users in a users file's text; a malformed line is an error naming the file and line. */
export function parseUserEntries(text: string, file: string): Map<string, UserEntry> {
  const users = new Map<string, UserEntry>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    // The scrypt hash has no ':'; the verifier after it has.
    const [hash, scram] = splitOnce(line.slice(colon + 1), ':');
    if (colon <= 0 || !parseHash(hash) || (scram !== undefined && !parseScramVerifier(scram))) {
      throw new SqlError('INVALID_PROPERTY', `${file}:${i + 1}: expected ${LINE_FORMAT} (written by 'eddy users add NAME --users ${file}')`);
    }
    users.set(name, scram === undefined ? { hash } : { hash, scram });
  });
  return users;
}

/** Each user's scrypt hash, by name. */
export function parseUsers(text: string, file: string): Map<string, string> {
  return new Map([...parseUserEntries(text, file)].map(([name, e]) => [name, e.hash]));
}

export async function readUsers(file: string): Promise<Map<string, string>> {
  return parseUsers(await readUsersText(file), file);
}

// How often, at most, a UsersFile checks the file's modification time.
const RELOAD_CHECK_MS = 1000;

/**
 * A users file kept current: read at start (a missing or malformed file fails the server's
 * start), read again when it changes, so `eddy users add` takes effect without a restart. A file
 * removed or half-edited keeps the users last read: a typo must not open the server.
 */
export class UsersFile {
  private entries: ReadonlyMap<string, UserEntry> = new Map();
  private mtimeMs = -1;
  private checkedAt = 0;
  /** Grows each time the file is read again: what was verified against an older one is stale. */
  generation = 0;

  private constructor(readonly file: string) {}

  static async load(file: string): Promise<UsersFile> {
    const f = new UsersFile(file);
    try {
      f.mtimeMs = (await stat(file)).mtimeMs;
    } catch (e) {
      throw new SqlError('IO_ERROR', `cannot read the users file ${file}: ${(e as Error).message}`);
    }
    f.entries = parseUserEntries(await readUsersText(file), file);
    f.checkedAt = Date.now();
    return f;
  }

  /** The user's entry, from the file as it is now (checked at most once a second). */
  async lookup(name: string): Promise<UserEntry | undefined> {
    await this.reloadIfChanged();
    return this.entries.get(name);
  }

  private async reloadIfChanged(): Promise<void> {
    const now = Date.now();
    if (now - this.checkedAt < RELOAD_CHECK_MS) return;
    this.checkedAt = now;
    try {
      const { mtimeMs } = await stat(this.file);
      if (mtimeMs === this.mtimeMs) return;
      this.entries = parseUserEntries(await readFile(this.file, 'utf8'), this.file);
      this.mtimeMs = mtimeMs;
      this.generation++;
    } catch {
      // Keeps the users last read (see above).
    }
  }
}

async function readUsersText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new SqlError('IO_ERROR', `cannot read the users file ${file}: ${(e as Error).message}`);
  }
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const at = s.indexOf(sep);
  return at < 0 ? [s, undefined] : [s.slice(0, at), s.slice(at + sep.length)];
}

/** Adds the user, or sets its password (both the scrypt hash and the SCRAM verifier); the file is replaced whole (written aside, then renamed) and readable by its owner only. */
export async function setUser(file: string, name: string, password: string): Promise<'added' | 'updated'> {
  checkUserName(name);
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new SqlError('IO_ERROR', `cannot read the users file ${file}: ${(e as Error).message}`);
  }
  const existed = parseUsers(text, file).has(name);
  const line = `${name}:${await hashPassword(password)}:${await makeScramVerifier(password)}`;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith(`${name}:`));
  if (lines.length === 0) lines.push(`# Eddy users: ${LINE_FORMAT}, one a line (eddy users add NAME)`);
  lines.push(line);
  const aside = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(aside, lines.join('\n') + '\n', { mode: 0o600 });
    await rename(aside, file);
  } catch (e) {
    await rm(aside, { force: true }).catch(() => undefined);
    throw new SqlError('IO_ERROR', `cannot write the users file ${file}: ${(e as Error).message}`);
  }
  return existed ? 'updated' : 'added';
}

interface ParsedHash { N: number; r: number; p: number; salt: Buffer; hash: Buffer }

function parseHash(s: string): ParsedHash | undefined {
  const parts = s.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  // Bounds keep a doctored file from making each check take minutes or gigabytes.
  if (!Number.isInteger(n) || n < 2 || n > 1 << 20 || (n & (n - 1)) !== 0) return undefined;
  if (!Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) return undefined;
  const salt = Buffer.from(parts[4], 'base64');
  const hash = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || hash.length < 16 || hash.length > 64) return undefined;
  return { N: n, r, p, salt, hash };
}

function derive(password: string, salt: Buffer, keyLength: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { ...opts, maxmem: 256 * opts.N! * opts.r! + (1 << 20) }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}
