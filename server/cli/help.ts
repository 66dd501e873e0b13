// Help texts for `eddy --help` and `eddy COMMAND --help`.
export const MAIN_HELP = `eddy — streaming SQL with online machine learning, for Apache Kafka

Usage: eddy <command> [options]

Commands:
  shell             Interactive SQL shell (the default for \`npm start\`)
  run FILE.sql      Run a SQL script's statements in order, then exit
  server            Serve the REST API (on Kafka, an instance of a service) until stopped
  migrate SUBCMD    Versioned migration files applied to a server: new, apply, info, validate
  users add NAME    Add a user (or set its password) in the users file of \`server --users\`
  help [COMMAND]    Show help for a command

Options:
  -h, --help        Show this help
  --version         Print Eddy's version

Run \`eddy COMMAND --help\` for a command's options.
With no --brokers, Eddy runs on its embedded in-memory log: nothing else to install.`;

const CONNECTION_FLAGS = `  --brokers HOST:PORT[,...]  Run on Kafka (default: the embedded log)
  --service-id ID        The service this instance belongs to (default: default); instances
                         with one id share statements and split the work
  --instance-id NAME     This instance's name within the service (default: random). Give a
                         restarted instance its old name so that, with
                         processing.guarantee=exactly_once, it fences its dead predecessor
  --config FILE          JSON: {"brokers": [...], "serviceId", "instanceId", "ssl", "sasl",
                         "properties": {...}}`;

export const SERVER_HELP = `Usage: eddy server [--brokers HOST:PORT] [--service-id ID] [--http-port 8088] [--host 127.0.0.1]
                   [--pg-port 5433 | --no-pg] [--tls-cert FILE --tls-key FILE] [--users FILE]

Runs an engine instance that serves ksqlDB's REST API (POST /ksql, /query, /query-stream,
/inserts-stream, /close-query; GET /info, /healthcheck, /status) over HTTP/1.1 and h2c on one
port, and the Postgres wire protocol (psql, node-postgres; simple queries) on another. With
--brokers it is an instance of a service on Kafka: on start it replays the service's command
topic (_eddy_<service>_commands: every accepted DDL and persistent statement) and resumes each
persistent query from its committed offsets; while running it picks up statements that other
instances and \`eddy run --brokers\` scripts add. Without --brokers it runs on the embedded log,
and its state is lost when it stops. Stops on SIGINT or SIGTERM.

Options:
${CONNECTION_FLAGS}
  --http-port PORT       The REST API's port (default 8088; 0 picks a free one)
  --pg-port PORT         The Postgres endpoint's port (default 5433; 0 picks a free one). It
                         trusts every client that reaches it unless --users is given
  --no-pg                No Postgres endpoint
  --host ADDRESS         The address it listens on (default 127.0.0.1)
  --tls-cert FILE        Serve HTTPS (HTTP/2 by ALPN, and HTTP/1.1) with this PEM certificate,
                         and TLS to Postgres clients that ask (sslmode=require; plain still works)
  --tls-key FILE         ... and this PEM private key (both flags or neither)
  --users FILE           Require a user in FILE: HTTP Basic credentials on every endpoint but
                         GET /healthcheck (401 otherwise), and a SCRAM-SHA-256 login (the user's
                         password) on the Postgres endpoint; \`eddy users add NAME\` writes it
  --set NAME=VALUE       Set a property (repeatable)
  --functions DIR        Load user functions (.ts or .js modules) from DIR at start
  -h, --help             Show this help`;

export const RUN_HELP = `Usage: eddy run FILE.sql [options]

Runs the script's statements in order. Before each statement, every persistent query has
processed all input available to it, so a script never needs a sleep. A push query
(EMIT CHANGES) in a script needs a LIMIT. Parse errors in any statement are reported (all of
them, with line and column) before anything runs; a statement that fails when it runs stops the
script. The exit code is 0 when every statement succeeded, 1 otherwise.

Options:
  --server URL           Send the statements to a running \`eddy server\` (or ksqlDB) instead of
                         running them here; SET and DEFINE apply to the script's requests only.
                         A server with --users: http://USER:PASSWORD@HOST:PORT
  --output table|jsonl|csv  How result rows are printed (default: table). With jsonl, each
                         row is one JSON object keyed by column name on stdout; with csv, a
                         header line and a line per row; with both, all messages go to stderr.
  --timeout DURATION     Stop each push query after this long (30s, 500ms, 2m), printing the
                         rows it had, and go on: for a LIMIT that may never be reached. With
                         it, a push query needs no LIMIT.
  --set NAME=VALUE       Set a property before the script runs (repeatable), e.g.
                         --set auto.offset.reset=earliest
  --define NAME=VALUE    Define a variable before the script runs (repeatable): \${NAME} in
                         the script is VALUE, as after DEFINE NAME = 'VALUE';
  --functions DIR        Load user functions (.ts or .js modules) from DIR at start
                         (default: $EDDY_FUNCTIONS_DIR)
${CONNECTION_FLAGS}
                         With --brokers, the script's DDL and persistent queries join the
                         service: its servers keep them running after the script exits.
  -h, --help             Show this help`;

export const SHELL_HELP = `Usage: eddy shell [options]
       eddy shell --server http://host:8088 [--user NAME]

An interactive SQL prompt. End a statement with ';' (it may span lines). Results print as
tables; a push query (EMIT CHANGES) streams rows until its LIMIT or until you press Ctrl-C,
which cancels the query and returns to the prompt. Type help (or \\?) for the shell's commands:
\\d, \\timing, \\format, \\x, RUN SCRIPT. Ctrl-D, \\q or 'exit' leaves. Tab completes
keywords and names; whole statements are kept in ~/.eddy_history.

Options:
  --output table|jsonl|csv  How rows are printed at start (\\format changes it)
  --server URL           Work against a running eddy server (or ksqlDB) over its REST API
  --user NAME            With --server: HTTP Basic user; the password comes from EDDY_PASSWORD
${CONNECTION_FLAGS}
  --set NAME=VALUE       Set a property at start (repeatable)
  --functions DIR        Load user functions (.ts or .js modules) from DIR at start
  -h, --help             Show this help`;

export const USERS_HELP = `Usage: eddy users add NAME [--users FILE]

Adds the user NAME to the users file (default: eddy-users.txt), or sets its password if it is
there. The password is asked for twice without echo, or, when stdin is not a terminal, read
from stdin's first line (\`printf '%s\\n' "$PW" | eddy users add alice --users users.txt\`);
never give it on the command line. The file holds one user a line: NAME, a salted scrypt hash
of the password and a SCRAM-SHA-256 verifier (never the password). \`eddy server --users FILE\`
checks HTTP Basic credentials against the hash and Postgres logins against the verifier, and
reads the file again when it changes. A user added before Postgres logins existed has no
verifier: add it again to log in over Postgres.

Options:
  --users FILE           The users file (default: eddy-users.txt)
  -h, --help             Show this help`;

export const MIGRATE_HELP = `Usage: eddy migrate new NAME | apply [--until V] | info | validate  [--dir DIR] [--server URL]

Versioned migrations, as ksqlDB's ksql-migrations: files V000001__name.sql in DIR (default
./migrations), applied in version order to a server. The service records each version's state
(PENDING, RUNNING, MIGRATED, ERROR), checksum (SHA-256 of the file), who and when in the stream
EDDY_MIGRATION_EVENTS and the table EDDY_MIGRATION_SCHEMA_VERSIONS, created on first use. A
version is marked RUNNING before it runs and the first deploy to do so applies it: two deploys
at once never apply one twice.

  new NAME               Create the next version's empty file, e.g. migrations/V000002__NAME.sql
  apply [--until V]      Apply the versions not yet MIGRATED (up to V), in order; refuses when an
                         applied file was edited; the first failing statement stops the run,
                         is named, and leaves its version in ERROR (apply retries it)
  info                   Each version's state (PENDING, RUNNING, MIGRATED, ERROR, CHANGED when its
                         file was edited after it was applied), who applied it, when
  validate               Exit 1 when an applied file was edited or removed

Options:
  --dir DIR              The migrations directory (default: migrations)
  --server URL           The server (default: http://localhost:8088; with a password:
                         http://USER:PASSWORD@HOST:PORT)
  -h, --help             Show this help`;
