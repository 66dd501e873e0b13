// `eddy migrate new|apply|info|validate`: versioned migration files applied to a running server,
// as ksqlDB's ksql-migrations tool does (see server/cli/migrate/).
import type { ParsedArgs } from './args.js';
import type { Out } from './print-result.js';
import { MIGRATE_HELP } from './help.js';
import { KsqlClient } from '../client/ksql-client.js';
import { newMigrationFile, parseVersion } from './migrate/migration-files.js';
import { migrateApply } from './migrate/migrate-apply.js';
import { migrateInfo } from './migrate/migrate-info.js';
import { migrateValidate } from './migrate/migrate-validate.js';

export async function migrateCommand(args: ParsedArgs, out: Out): Promise<number> {
  const [sub, ...rest] = args.positionals;
  if (args.flags.has('help') || sub === undefined) { (sub === undefined && !args.flags.has('help') ? out.stderr : out.stdout)(MIGRATE_HELP); return args.flags.has('help') ? 0 : 2; }
  const dirFlag = args.flags.get('dir');
  const dir = typeof dirFlag === 'string' ? dirFlag : 'migrations';
  const serverFlag = args.flags.get('server');
  const client = new KsqlClient(typeof serverFlag === 'string' ? serverFlag : 'http://localhost:8088');
  try {
    switch (sub) {
      case 'new': {
        if (rest.length === 0) { out.stderr('eddy migrate new: missing NAME\n\n' + MIGRATE_HELP); return 2; }
        out.stdout(`Created ${newMigrationFile(dir, rest.join('_'))}`);
        return 0;
      }
      case 'apply': {
        const untilFlag = args.flags.get('until');
        const until = typeof untilFlag === 'string' ? parseVersion(untilFlag) : undefined;
        if (untilFlag !== undefined && until === undefined) { out.stderr(`eddy migrate apply: --until takes a version such as V000003, not '${String(untilFlag)}'`); return 2; }
        return await migrateApply(client, dir, until, out);
      }
      case 'info': return await migrateInfo(client, dir, out);
      case 'validate': return await migrateValidate(client, dir, out);
      default:
        out.stderr(`eddy migrate: unknown subcommand '${sub}'\n\n${MIGRATE_HELP}`);
        return 2;
    }
  } catch (e) {
    out.stderr(`eddy migrate ${sub}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
