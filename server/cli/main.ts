// Entry point of the `eddy` command.
import { parseArgs, unknownFlag } from './args.js';
import { runCommand } from './run-command.js';
import { shellCommand } from './shell-command.js';
import { serverCommand } from './server-command.js';
import { migrateCommand } from './migrate-command.js';
import { usersCommand } from './users-command.js';
import { MAIN_HELP, RUN_HELP, SHELL_HELP, SERVER_HELP, USERS_HELP, MIGRATE_HELP } from './help.js';
import type { Out } from './print-result.js';
import { packageVersion } from '../rest/package-root.js';

const BOOLEAN_FLAGS = new Set(['help', 'version']);

export async function main(argv: string[], out: Out = {
  stdout: (s) => process.stdout.write(s + '\n'),
  stderr: (s) => process.stderr.write(s + '\n'),
}): Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest, BOOLEAN_FLAGS);
  const badFlag = command === undefined ? undefined : unknownFlag(command, args);
  if (badFlag) { out.stderr(`${badFlag}\n\nRun \`eddy ${command} --help\` for its options.`); return 2; }
  switch (command) {
    case undefined: case '--help': case '-h':
      out.stdout(MAIN_HELP);
      return command === undefined ? 2 : 0;
    case '--version':
      out.stdout(packageVersion());
      return 0;
    case 'help': {
      const topic = args.positionals[0];
      out.stdout(topic === 'run' ? RUN_HELP : topic === 'shell' ? SHELL_HELP : topic === 'server' ? SERVER_HELP : topic === 'users' ? USERS_HELP : topic === 'migrate' ? MIGRATE_HELP : MAIN_HELP);
      return 0;
    }
    case 'run': return runCommand(args, out);
    case 'shell': return shellCommand(args, out);
    case 'server': return serverCommand(args, out);
    case 'migrate': return migrateCommand(args, out);
    case 'users': return usersCommand(args, out);
    default:
      out.stderr(`eddy: unknown command '${command}'\n\n${MAIN_HELP}`);
      return 2;
  }
}

