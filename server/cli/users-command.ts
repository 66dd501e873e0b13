// `eddy users add NAME [--users FILE]`: adds a user to the users file `eddy server --users FILE`
// checks HTTP Basic credentials against, or sets the user's password. The password is read from
// the terminal without echo (twice), or from stdin's first line when stdin is not a terminal, so
// scripts can pipe it; never from the command line, where `ps` and shell history would show it.
import type { Readable } from 'node:stream';
import type { Out } from './print-result.js';
import type { ParsedArgs } from './args.js';
import { USERS_HELP } from './help.js';
import { formatError } from './format-error.js';
import { checkUserName, setUser } from '../rest/auth-users-file.js';

export const DEFAULT_USERS_FILE = 'eddy-users.txt';
// A password longer than this is a mistake (a file piped in by accident), not a password.
const MAX_PASSWORD_BYTES = 1024;

export interface PasswordInput { stream: Readable & { isTTY?: boolean; setRawMode?(raw: boolean): unknown }; prompt(s: string): void }

export async function usersCommand(args: ParsedArgs, out: Out, input: PasswordInput = {
  stream: process.stdin, prompt: (s) => process.stderr.write(s),
}): Promise<number> {
  if (args.flags.has('help')) { out.stdout(USERS_HELP); return 0; }
  const [action, name, ...extra] = args.positionals;
  if (action !== 'add' || name === undefined || extra.length > 0) {
    out.stderr(`eddy users: expected 'add NAME'\n\n${USERS_HELP}`);
    return 2;
  }
  const file = typeof args.flags.get('users') === 'string' ? args.flags.get('users') as string : DEFAULT_USERS_FILE;
  try {
    checkUserName(name);
    const password = input.stream.isTTY ? await askTwice(input) : await firstLine(input.stream);
    if (password === '') throw new Error('the password is empty');
    if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) throw new Error(`the password is longer than ${MAX_PASSWORD_BYTES} bytes`);
    const done = await setUser(file, name, password);
    out.stderr(`${done === 'added' ? 'Added user' : 'Changed the password of'} ${name} in ${file}.`);
    return 0;
  } catch (e) {
    out.stderr(formatError(e, undefined));
    return 1;
  }
}

/** The first line of a piped stdin, without its line end; reading stops at the newline or the limit. */
function firstLine(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (): void => {
      stream.off('data', onData); stream.off('end', done); stream.off('error', reject);
      stream.pause();
      resolve(text.split(/\r?\n/)[0]);
    };
    const onData = (d: Buffer | string): void => {
      text += d.toString();
      if (text.includes('\n') || text.length > MAX_PASSWORD_BYTES * 4) done();
    };
    stream.on('data', onData);
    stream.once('end', done);
    stream.once('error', reject);
  });
}

async function askTwice(input: PasswordInput): Promise<string> {
  const first = await askHidden(input, 'Password: ');
  const again = await askHidden(input, 'Password again: ');
  if (first !== again) throw new Error('the passwords do not match');
  return first;
}

/** Reads a line from the terminal in raw mode, echoing nothing; Ctrl-C or Ctrl-D abandons. */
function askHidden(input: PasswordInput, prompt: string): Promise<string> {
  const { stream } = input;
  input.prompt(prompt);
  stream.setRawMode?.(true);
  stream.resume();
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (err?: Error): void => {
      stream.off('data', onData);
      stream.setRawMode?.(false);
      stream.pause();
      input.prompt('\n');
      if (err) reject(err); else resolve(text);
    };
    const onData = (d: Buffer | string): void => {
      for (const ch of d.toString()) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
        else text += ch;
      }
    };
    stream.on('data', onData);
  });
}
