#!/usr/bin/env bash
# A single-node Apache Kafka (KRaft, broker+controller in one JVM) on 127.0.0.1, for tests and
# local use. The broker's jars come from Maven Central via Maven (scripts/kafka/pom.xml) and are
# cached, so only the first start downloads. See scripts/kafka/README.md.
#
#   scripts/local-kafka.sh start         start (if not running) and wait until the broker answers
#   scripts/local-kafka.sh stop          stop it and delete its temporary data
#   scripts/local-kafka.sh status        "running ..." (exit 0) or "not running" (exit 3)
#   scripts/local-kafka.sh jars          only download the jars (e.g. to warm a CI cache)
#   scripts/local-kafka.sh classpath     the jars' Java classpath (downloads them first): Kafka's own
#                                        clients for tests (e.g. a Java producer compressing batches)
#   scripts/local-kafka.sh ensure-kcat   install kcat with apt if it is missing
#
# Environment:
#   KAFKA_PORT             client port (default 9092); one broker per port
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default: the first free port above KAFKA_PORT)
#   KAFKA_DATA_DIR         keep data here across runs (default: a temporary dir, deleted by stop)
#                          (stop shuts the broker down cleanly and keeps it; start with the same
#                          KAFKA_PORT and KAFKA_DATA_DIR brings back its topics, records and offsets)
#   KAFKA_VERSION          broker version (default: the one in scripts/kafka/pom.xml)
#   KAFKA_HEAP             JVM max heap (default 512m)
#   KAFKA_JVM_OPTS         more JVM options for the broker
#   KAFKA_CDS              0 to not use (or write) a class-data archive (see start)
#   KAFKA_START_TIMEOUT    seconds to wait for the broker (default 90)
#   KAFKA_STOP_WITH_PID    stop the broker once this process is gone (a test runner's safety net)
#   EDDY_CACHE_DIR         jar and class-archive cache (default ${XDG_CACHE_HOME:-~/.cache}/eddy)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
POM="$HERE/kafka/pom.xml"
PORT="${KAFKA_PORT:-9092}"
STATE_DIR="${TMPDIR:-/tmp}/eddy-kafka-$PORT" # pid, config and (by default) the data of this port
CACHE_ROOT="${EDDY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/eddy}"
VERSION="${KAFKA_VERSION:-$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM")}"
LIBS="$CACHE_ROOT/kafka-$VERSION/libs"

die() { echo "local-kafka: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found: $2"; }

# True if something accepts connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running_pid() {
  local pid
  [[ -f "$STATE_DIR/pid" ]] || return 1
  pid="$(cat "$STATE_DIR/pid")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

log_tail() {
  local f
  for f in "$STATE_DIR/stdout.log" "$(data_dir)/server.log"; do
    [[ -s "$f" ]] && { echo "--- last lines of $f:" >&2; tail -n 40 "$f" >&2; }
  done
  return 0
}

data_dir() {
  if [[ -f "$STATE_DIR/data-dir" ]]; then cat "$STATE_DIR/data-dir"; else echo "${KAFKA_DATA_DIR:-$STATE_DIR/data}"; fi
}

fetch_jars() {
  [[ -f "$LIBS/.complete" ]] && return 0
  need java "install a JDK 17+ (e.g. apt-get install -y openjdk-17-jdk-headless)"
  need mvn "install Maven (e.g. apt-get install -y maven)"
  echo "local-kafka: downloading Kafka $VERSION jars to $LIBS (once)" >&2
  mkdir -p "$(dirname "$LIBS")"
  # Download beside the target and rename, so a concurrent or interrupted run never sees half.
  local tmp="$LIBS.tmp.$$" out
  out="$(mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
    -Dkafka.version="$VERSION" -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1)" || {
    rm -rf "$tmp"
    echo "$out" >&2
    die "Maven could not fetch Kafka $VERSION (is Maven Central reachable?)"
  }
  touch "$tmp/.complete"
  [[ -f "$LIBS/.complete" ]] || rm -rf "$LIBS" # a partial copy from elsewhere
  mv -T "$tmp" "$LIBS" 2>/dev/null || rm -rf "$tmp" # lost a race: the other copy is complete
}

check_java() {
  need java "install a JDK 17+ (e.g. apt-get install -y openjdk-17-jdk-headless)"
  local v
  v="$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n1)"
  [[ -n "$v" && "$v" -ge 17 ]] || die "Kafka $VERSION needs Java 17+, found: $(java -version 2>&1 | head -n1)"
}

# Waits until the broker ($1, data dir $2) answers: 0 when it does, 1 if it exits first; gives up
# (stopping it) after KAFKA_START_TIMEOUT seconds.
wait_ready() {
  local pid="$1" data="$2" deadline=$((SECONDS + ${KAFKA_START_TIMEOUT:-90}))
  until port_open "$PORT" && grep -q 'Kafka Server started' "$data/server.log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || return 1
    if ((SECONDS >= deadline)); then
      log_tail
      stop >/dev/null 2>&1 || true
      die "the broker did not answer on 127.0.0.1:$PORT within ${KAFKA_START_TIMEOUT:-90}s"
    fi
    sleep 0.2
  done
}

# Deletes what brokers killed without `stop` (e.g. with their test run) left in the temp dir:
# state dirs with temporary data, no live broker, untouched for 10 minutes.
prune_stale() {
  local d pid
  for d in "${TMPDIR:-/tmp}"/eddy-kafka-*; do
    [[ -d "$d" && -f "$d/temporary" ]] || continue
    pid="$(cat "$d/pid" 2>/dev/null || true)"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && continue
    [[ -n "$(find "$d" -maxdepth 0 -mmin +10 2>/dev/null)" ]] && rm -rf "$d" "$d.lock"
  done
  # Locks of starts that failed before creating their state dir.
  find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'eddy-kafka-*.lock' -mmin +10 2>/dev/null | while read -r l; do
    [[ -d "${l%.lock}" ]] || rm -f "$l"
  done
  return 0
}

# The class-data archive for this Kafka version and this JVM (an archive only fits the JVM that wrote it).
cds_archive() {
  local jdk
  jdk="$(java -Xshare:off -version 2>&1 | head -n1 | tr -c 'A-Za-z0-9._-' '_')"
  echo "$CACHE_ROOT/kafka-$VERSION/classes-$jdk.jsa"
}

free_port_above() {
  local p=$(($1 + 1))
  while port_open "$p"; do p=$((p + 1)); done
  echo "$p"
}

write_config() {
  local data="$1" cport="$2"
  cat >"$STATE_DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data/kafka-logs
# Eddy creates its topics explicitly; a typo must not create one.
auto.create.topics.enable=false
num.partitions=1
# One node: every internal topic has one replica, and few partitions so they are created fast.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Tests join groups all the time: do not wait for more members before the first rebalance.
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
background.threads=4
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=8388608
EOF
}

start() {
  local pid
  if pid="$(running_pid)"; then
    echo "local-kafka: already running on 127.0.0.1:$PORT (pid $pid)"
    return 0
  fi
  rm -rf "$STATE_DIR" # stale state of a broker that died
  prune_stale
  check_java
  fetch_jars
  port_open "$PORT" && die "port $PORT is in use by another process (set KAFKA_PORT)"

  local data="${KAFKA_DATA_DIR:-$STATE_DIR/data}" cport="${KAFKA_CONTROLLER_PORT:-$(free_port_above "$PORT")}"
  mkdir -p "$STATE_DIR" "$data"
  echo "$data" >"$STATE_DIR/data-dir"
  [[ -n "${KAFKA_DATA_DIR:-}" ]] || touch "$STATE_DIR/temporary"
  write_config "$data" "$cport"

  # Class data sharing roughly halves the JVM's start-up: the first broker records the classes it
  # loaded into an archive when it exits cleanly (stop then shuts it down gently), later ones map it.
  local cds="" cds_opts=()
  [[ "${KAFKA_CDS:-1}" == 0 ]] || cds="$(cds_archive)"
  [[ -n "$cds" && -f "$cds" ]] && cds_opts=("-XX:SharedArchiveFile=$cds")
  local jvm=(java "-Xmx${KAFKA_HEAP:-512m}" -Xms128m -XX:+UseSerialGC -Djava.awt.headless=true
    "-Dkafka.logs.dir=$data" "-Dlog4j2.configurationFile=$HERE/kafka/log4j2.properties"
    ${KAFKA_JVM_OPTS:-} -cp "$LIBS/*")

  # Format new storage (a kept KAFKA_DATA_DIR is formatted already, with its own cluster id). The
  # id is a base64url UUID, as `kafka-storage random-uuid` prints (saves a JVM start); like
  # Kafka's, it must not start with '-', or the tool takes it for an option.
  if [[ ! -f "$data/kafka-logs/meta.properties" ]]; then
    local cluster_id="-" out
    while [[ "$cluster_id" == -* ]]; do
      cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    done
    out="$("${jvm[@]}" "${cds_opts[@]}" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$STATE_DIR/server.properties" 2>&1)" || {
      echo "$out" >&2
      die "formatting the storage in $data failed"
    }
  fi

  if [[ -n "$cds" && ! -f "$cds" ]]; then
    cds_opts=("-XX:ArchiveClassesAtExit=$cds.$$.tmp")
    printf '%s\n%s\n' "$cds.$$.tmp" "$cds" >"$STATE_DIR/cds-pending" # stop moves it in place
  fi
  local attempt
  for attempt in 1 2 3; do
    # A kept data dir has the last run's log, whose "started" line must not count for this one.
    [[ -f "$data/server.log" ]] && mv -f "$data/server.log" "$data/server.log.1"
    # stdin/stdout/stderr detached, so whoever ran this script is not kept waiting on our pipes.
    nohup "${jvm[@]}" "${cds_opts[@]}" kafka.Kafka "$STATE_DIR/server.properties" \
      </dev/null >"$STATE_DIR/stdout.log" 2>&1 9>&- & # 9: the start lock, not to be held by the broker
    pid=$!
    echo "$pid" >"$STATE_DIR/pid"
    wait_ready "$pid" "$data" && break
    rm -f "$STATE_DIR/pid"
    # Another process may take a free port between our probe and the broker's bind (client
    # sockets get ports from the same range): then try another controller port.
    if [[ -z "${KAFKA_CONTROLLER_PORT:-}" && $attempt -lt 3 ]] &&
      grep -q "failed to bind to 127.0.0.1:$cport" "$data/server.log" 2>/dev/null; then
      cport="$(free_port_above "$cport")"
      write_config "$data" "$cport"
      continue
    fi
    log_tail
    die "the broker exited during start-up (see the log above)"
  done
  if [[ -n "${KAFKA_STOP_WITH_PID:-}" ]]; then
    nohup bash -c 'while kill -0 "$1" 2>/dev/null && [[ -f "$2" ]]; do sleep 2; done; [[ ! -f "$2" ]] || "$3" stop' \
      watch "$KAFKA_STOP_WITH_PID" "$STATE_DIR/pid" "$HERE/local-kafka.sh" </dev/null >/dev/null 2>&1 9>&- &
  fi
  echo "local-kafka: Kafka $VERSION running on 127.0.0.1:$PORT (pid $pid, data $data)"
}

# Runs "$@" holding this port's lock, so concurrent starts (parallel test files) start one broker.
locked() {
  if command -v flock >/dev/null 2>&1; then
    exec 9>"${STATE_DIR}.lock"
    flock -w 900 9 || die "timed out waiting for another start on port $PORT"
  fi
  "$@"
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    if [[ -f "$STATE_DIR/temporary" && ! -f "$STATE_DIR/cds-pending" ]]; then
      kill -KILL "$pid" 2>/dev/null || true # its data is deleted next: no clean shutdown needed
    else
      kill -TERM "$pid" 2>/dev/null || true
      local deadline=$((SECONDS + 30))
      while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    if [[ -f "$STATE_DIR/cds-pending" ]]; then
      local tmp cds
      { read -r tmp; read -r cds; } <"$STATE_DIR/cds-pending"
      [[ -s "$tmp" ]] && mv -f "$tmp" "$cds"
      rm -f "$tmp"
    fi
    echo "local-kafka: stopped the broker on 127.0.0.1:$PORT (pid $pid)"
  else
    echo "local-kafka: not running on 127.0.0.1:$PORT"
  fi
  rm -rf "$STATE_DIR" "$STATE_DIR.lock" # holds the data too, unless KAFKA_DATA_DIR put it elsewhere
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "running on 127.0.0.1:$PORT (pid $pid, Kafka $VERSION, data $(data_dir))"
  else
    echo "not running on 127.0.0.1:$PORT"
    return 3
  fi
}

ensure_kcat() {
  if command -v kcat >/dev/null 2>&1; then
    echo "local-kafka: kcat is installed ($(command -v kcat))"
    return 0
  fi
  need apt-get "install kcat with your package manager"
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then need sudo "run as root to install kcat"; sudo=(sudo); fi
  echo "local-kafka: installing kcat with apt-get" >&2
  local out
  out="$("${sudo[@]}" apt-get update -qq 2>&1 && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq kcat 2>&1)" || {
    echo "$out" >&2
    die "apt-get could not install kcat"
  }
  echo "local-kafka: kcat installed ($(command -v kcat))"
}

case "${1:-}" in
  start) locked start ;;
  stop) stop ;;
  status) status ;;
  jars) check_java; fetch_jars ;;
  classpath) check_java; fetch_jars; echo "$LIBS/*" ;;
  ensure-kcat) ensure_kcat ;;
  *) echo "usage: $0 start|stop|status|jars|classpath|ensure-kcat" >&2; exit 2 ;;
esac
