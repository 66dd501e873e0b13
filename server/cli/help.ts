// Help texts for `eddy --help` and `eddy COMMAND --help`.
export const MAIN_HELP = `eddy — streaming SQL with online machine learning, for Apache Kafka

Usage: eddy <command> [options]

Commands:
  shell             Interactive SQL shell (the default for \`npm start\`)
  run FILE.sql      Run a SQL script's statements in order, then exit
  server            Serve the REST API (on Kafka, an instance of a service) until stopped
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

Runs an engine instance that serves ksqlDB's REST API (POST /ksql, /query, /query-stream,
/inserts-stream, /close-query; GET /info, /healthcheck, /status) over HTTP/1.1 and h2c on one
port. With --brokers it is an instance of a service on Kafka: on start it replays the service's
command topic (_eddy_<service>_commands: every accepted DDL and persistent statement) and
resumes each persistent query from its committed offsets; while running it picks up statements
that other instances and \`eddy run --brokers\` scripts add. Without --brokers it runs on the
embedded log, and its state is lost when it stops. Stops on SIGINT or SIGTERM.

Options:
${CONNECTION_FLAGS}
  --http-port PORT       The REST API's port (default 8088; 0 picks a free one)
  --host ADDRESS         The address it listens on (default 127.0.0.1)
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
  --output table|jsonl   How result rows are printed (default: table). With jsonl, each row
                         is one JSON object keyed by column name on stdout, and all messages
                         go to stderr.
  --set NAME=VALUE       Set a property before the script runs (repeatable), e.g.
                         --set auto.offset.reset=earliest
  --functions DIR        Load user functions (.ts or .js modules) from DIR at start
                         (default: $EDDY_FUNCTIONS_DIR)
${CONNECTION_FLAGS}
                         With --brokers, the script's DDL and persistent queries join the
                         service: its servers keep them running after the script exits.
  -h, --help             Show this help`;

export const SHELL_HELP = `Usage: eddy shell [options]

An interactive SQL prompt. End a statement with ';' (it may span lines). Results print as
tables; a push query (EMIT CHANGES) streams rows until its LIMIT or until you press Ctrl-C,
which cancels the query and returns to the prompt. Ctrl-D or 'exit' leaves. History is kept in
~/.eddy_history.

Options:
  --set NAME=VALUE       Set a property at start (repeatable)
  --functions DIR        Load user functions (.ts or .js modules) from DIR at start
  -h, --help             Show this help`;
