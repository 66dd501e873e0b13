// Entry point of the `eddy` command.
import { readFileSync } from 'node:fs';
import { parseArgs } from './args.js';
import { runCommand } from './run-command.js';
import { shellCommand } from './shell-command.js';
import { serverCommand } from './server-command.js';
import { MAIN_HELP, RUN_HELP, SHELL_HELP, SERVER_HELP } from './help.js';
import type { Out } from './print-result.js';

const BOOLEAN_FLAGS = new Set(['help', 'version']);

export async function main(argv: string[], out: Out = {
  stdout: (s) => process.stdout.write(s + '\n'),
  stderr: (s) => process.stderr.write(s + '\n'),
}): Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest, BOOLEAN_FLAGS);
  switch (command) {
    case undefined: case '--help': case '-h':
      out.stdout(MAIN_HELP);
      return command === undefined ? 2 : 0;
    case '--version': {
      const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
      out.stdout(pkg.version);
      return 0;
    }
    case 'help': {
      const topic = args.positionals[0];
      out.stdout(topic === 'run' ? RUN_HELP : topic === 'shell' ? SHELL_HELP : topic === 'server' ? SERVER_HELP : MAIN_HELP);
      return 0;
    }
    case 'run': return runCommand(args, out);
    case 'shell': return shellCommand(args, out);
    case 'server': return serverCommand(args, out);
    default:
      out.stderr(`eddy: unknown command '${command}'\n\n${MAIN_HELP}`);
      return 2;
  }
}
