#!/usr/bin/env bash
# A Confluent-compatible schema registry on 127.0.0.1, for tests and local use: Apicurio Registry
# 2.x (a Quarkus app on Java 17, in-memory H2 storage), whose Confluent API is served at
# http://127.0.0.1:$REGISTRY_PORT/apis/ccompat/v7. Its distribution comes from Maven Central
# (io.apicurio:apicurio-registry-app:<version>:tar.gz:all, about 140 MB), checked against the
# .sha1 Maven Central publishes, and is cached, so only the first start downloads.
# (Apicurio 3.x needs Java 21. Confluent's own registry is not on Maven Central as an app.)
#
#   scripts/local-registry.sh start      start (if not running) and wait until the API answers
#   scripts/local-registry.sh stop       stop it (its schemas are in memory: they are gone)
#   scripts/local-registry.sh status     "running ..." (exit 0) or "not running" (exit 3)
#   scripts/local-registry.sh url        the Confluent-compatible base URL for this port
#   scripts/local-registry.sh download   only download and unpack (e.g. to warm a CI cache)
#
# Compatibility: Apicurio enforces no compatibility unless told; Confluent's registry (which
# ksqlDB relies on) defaults to BACKWARD. start sets Apicurio's default global rule to BACKWARD
# (registry.rules.global.compatibility), so an incompatible schema is refused with HTTP 409 as
# Confluent's would be. (Its ccompat GET /config still answers NONE for a default rule.)
# It also compares schemas by their canonical form (registry.ccompat.use-canonical-hash), so a
# subject's schema registered again with other whitespace is found, not a new version, as with
# Confluent. Unlike Confluent, ids are per content as written: the same schema written
# differently under another subject gets a new id (the same text gets the same id).
#
# Environment:
#   REGISTRY_PORT           HTTP port (default 8081); one registry per port
#   REGISTRY_VERSION        Apicurio Registry version (default 2.6.13.Final)
#   REGISTRY_HEAP           JVM max heap (default 384m)
#   REGISTRY_JVM_OPTS       more JVM options (e.g. -Dregistry.rules.global.compatibility=NONE)
#   REGISTRY_START_TIMEOUT  seconds to wait for the API after the JVM starts (default 90)
#   REGISTRY_STOP_WITH_PID  stop the registry once this process is gone (a test runner's safety net)
#   EDDY_MAVEN_REPO         Maven repository to download from (default https://repo1.maven.org/maven2)
#   EDDY_CACHE_DIR          download cache (default ${XDG_CACHE_HOME:-~/.cache}/eddy)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${REGISTRY_PORT:-8081}"
VERSION="${REGISTRY_VERSION:-2.6.13.Final}"
STATE_DIR="${TMPDIR:-/tmp}/eddy-registry-$PORT" # pid and log of this port's registry
CACHE_ROOT="${EDDY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/eddy}"
APP_DIR="$CACHE_ROOT/apicurio-registry-$VERSION"
REPO="${EDDY_MAVEN_REPO:-https://repo1.maven.org/maven2}"
ARTIFACT="apicurio-registry-app-$VERSION-all.tar.gz"
ARTIFACT_URL="$REPO/io/apicurio/apicurio-registry-app/$VERSION/$ARTIFACT"
API_PATH="/apis/ccompat/v7"

die() { echo "local-registry: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found: $2"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running_pid() {
  local pid
  [[ -f "$STATE_DIR/pid" ]] || return 1
  pid="$(cat "$STATE_DIR/pid")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

runner_jar() { echo "$APP_DIR/apicurio-registry-app-$VERSION-runner.jar"; }

check_java() {
  need java "install a JDK 17+ (e.g. apt-get install -y openjdk-17-jdk-headless)"
  local v
  v="$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n1)"
  [[ -n "$v" && "$v" -ge 17 ]] || die "Apicurio Registry $VERSION needs Java 17+, found: $(java -version 2>&1 | head -n1)"
}

# curl's exit codes that mean "no network" get a message saying what to do offline.
download_failed() {
  local rc="$1" log="$2"
  [[ -s "$log" ]] && cat "$log" >&2
  case "$rc" in
    5 | 6 | 7 | 28 | 35 | 56)
      die "cannot download $ARTIFACT_URL (curl exit $rc: offline, or Maven Central unreachable).
  Fetch that file elsewhere and unpack it into $APP_DIR (then: touch $APP_DIR/.complete),
  or set EDDY_MAVEN_REPO to a reachable mirror." ;;
    22) die "$ARTIFACT_URL was not found (HTTP error; is REGISTRY_VERSION=$VERSION right?)" ;;
    *) die "downloading $ARTIFACT_URL failed (curl exit $rc)" ;;
  esac
}

# Downloads and unpacks the distribution beside its place and renames it, so a concurrent or
# interrupted run never sees half of it. Prints progress every few seconds (tests show it).
fetch_app() {
  [[ -f "$APP_DIR/.complete" ]] && return 0
  need curl "install curl (e.g. apt-get install -y curl)"
  need tar "install tar"
  mkdir -p "$CACHE_ROOT"
  local tmp="$APP_DIR.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  trap 'rm -rf "$tmp"' EXIT
  echo "local-registry: downloading Apicurio Registry $VERSION (about 140 MB, once) from $ARTIFACT_URL" >&2
  # Give up when stalled (under 10 kB/s for 60 s) or after REGISTRY_DOWNLOAD_TIMEOUT (900 s).
  curl -fsSL --connect-timeout 20 --speed-limit 10240 --speed-time 60 \
    --max-time "${REGISTRY_DOWNLOAD_TIMEOUT:-900}" -o "$tmp/$ARTIFACT" "$ARTIFACT_URL" 2>"$tmp/curl.log" &
  local curl_pid=$! rc=0 last=$SECONDS
  while kill -0 "$curl_pid" 2>/dev/null; do
    sleep 1
    if ((SECONDS - last >= 5)); then
      last=$SECONDS
      echo "local-registry: downloaded $(($(stat -c %s "$tmp/$ARTIFACT" 2>/dev/null || echo 0) / 1048576)) MB" >&2
    fi
  done
  wait "$curl_pid" || rc=$?
  ((rc == 0)) || download_failed "$rc" "$tmp/curl.log"
  local want got
  want="$(curl -fsSL --connect-timeout 20 --max-time 60 "$ARTIFACT_URL.sha1" | awk '{print $1}')" ||
    die "cannot fetch $ARTIFACT_URL.sha1 to check the download"
  got="$(sha1sum "$tmp/$ARTIFACT" | awk '{print $1}')"
  [[ "$want" == "$got" ]] || die "the download's SHA-1 is $got, Maven Central says $want: try again"
  tar -xzf "$tmp/$ARTIFACT" -C "$tmp" || die "cannot unpack $ARTIFACT"
  rm -f "$tmp/$ARTIFACT" "$tmp/curl.log"
  [[ -f "$tmp/apicurio-registry-app-$VERSION-runner.jar" ]] ||
    die "unexpected layout in $ARTIFACT: no apicurio-registry-app-$VERSION-runner.jar"
  touch "$tmp/.complete"
  [[ -f "$APP_DIR/.complete" ]] || rm -rf "$APP_DIR" # a partial copy from elsewhere
  mv -T "$tmp" "$APP_DIR" 2>/dev/null || rm -rf "$tmp" # lost a race: the other copy is complete
  trap - EXIT
  echo "local-registry: unpacked into $APP_DIR" >&2
}

log_tail() {
  [[ -s "$STATE_DIR/stdout.log" ]] && { echo "--- last lines of $STATE_DIR/stdout.log:" >&2; tail -n 40 "$STATE_DIR/stdout.log" >&2; }
  return 0
}

# Waits until the API answers: 0 when it does, 1 if the JVM exits first; gives up (stopping it)
# after REGISTRY_START_TIMEOUT seconds.
wait_ready() {
  local pid="$1" limit="${REGISTRY_START_TIMEOUT:-90}"
  local deadline=$((SECONDS + limit))
  until curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$PORT$API_PATH/subjects" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || return 1
    if ((SECONDS >= deadline)); then
      log_tail
      stop >/dev/null 2>&1 || true
      die "the registry did not answer on http://127.0.0.1:$PORT$API_PATH within ${limit}s"
    fi
    sleep 0.3
  done
}

# Deletes what registries killed without `stop` left in the temp dir.
prune_stale() {
  local d pid
  for d in "${TMPDIR:-/tmp}"/eddy-registry-*; do
    [[ -d "$d" ]] || continue
    pid="$(cat "$d/pid" 2>/dev/null || true)"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && continue
    [[ -n "$(find "$d" -maxdepth 0 -mmin +10 2>/dev/null)" ]] && rm -rf "$d" "$d.lock"
  done
  # Locks of starts that failed before creating their state dir.
  find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'eddy-registry-*.lock' -mmin +10 2>/dev/null | while read -r l; do
    [[ -d "${l%.lock}" ]] || rm -f "$l"
  done
  return 0
}

start() {
  local pid
  if pid="$(running_pid)"; then
    echo "local-registry: already running at http://127.0.0.1:$PORT$API_PATH (pid $pid)"
    return 0
  fi
  rm -rf "$STATE_DIR" # stale state of a registry that died
  prune_stale
  check_java
  need curl "install curl (e.g. apt-get install -y curl)"
  fetch_app
  port_open "$PORT" && die "port $PORT is in use by another process (set REGISTRY_PORT)"
  mkdir -p "$STATE_DIR"
  # Small pools and a client-grade JIT: it serves a few test requests beside Kafka on 2 cores.
  # stdin/stdout/stderr detached, so whoever ran this script is not kept waiting on our pipes.
  # shellcheck disable=SC2086 # REGISTRY_JVM_OPTS is a list of options
  nohup java "-Xmx${REGISTRY_HEAP:-384m}" -Xms64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Djava.awt.headless=true \
    "-Dquarkus.http.port=$PORT" -Dquarkus.http.host=127.0.0.1 \
    -Dregistry.rules.global.compatibility=BACKWARD -Dregistry.ccompat.use-canonical-hash=true \
    -Dquarkus.datasource.jdbc.initial-size=2 -Dquarkus.datasource.jdbc.min-size=2 \
    -Dquarkus.datasource.jdbc.max-size=20 -Dquarkus.thread-pool.core-threads=2 \
    ${REGISTRY_JVM_OPTS:-} -jar "$(runner_jar)" \
    </dev/null >"$STATE_DIR/stdout.log" 2>&1 9>&- & # 9: the start lock, not to be held by the JVM
  pid=$!
  echo "$pid" >"$STATE_DIR/pid"
  if ! wait_ready "$pid"; then
    rm -f "$STATE_DIR/pid"
    log_tail
    die "the registry exited during start-up (see the log above)"
  fi
  if [[ -n "${REGISTRY_STOP_WITH_PID:-}" ]]; then
    nohup bash -c 'while kill -0 "$1" 2>/dev/null && [[ -f "$2" ]]; do sleep 2; done; [[ ! -f "$2" ]] || "$3" stop' \
      watch "$REGISTRY_STOP_WITH_PID" "$STATE_DIR/pid" "$HERE/local-registry.sh" </dev/null >/dev/null 2>&1 9>&- &
  fi
  echo "local-registry: Apicurio Registry $VERSION running at http://127.0.0.1:$PORT$API_PATH (pid $pid)"
}

# Runs "$@" holding this port's lock, so concurrent starts (parallel test files) start one registry.
locked() {
  if command -v flock >/dev/null 2>&1; then
    exec 9>"${STATE_DIR}.lock"
    # Generous: a first start downloads 140 MB while the others wait.
    flock -w 1200 9 || die "timed out waiting for another start on port $PORT"
  fi
  "$@"
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 15))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    echo "local-registry: stopped the registry on 127.0.0.1:$PORT (pid $pid)"
  else
    echo "local-registry: not running on 127.0.0.1:$PORT"
  fi
  rm -rf "$STATE_DIR" "$STATE_DIR.lock"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "running at http://127.0.0.1:$PORT$API_PATH (pid $pid, Apicurio Registry $VERSION)"
  else
    echo "not running on 127.0.0.1:$PORT"
    return 3
  fi
}

case "${1:-}" in
  start) locked start ;;
  stop) stop ;;
  status) status ;;
  url) echo "http://127.0.0.1:$PORT$API_PATH" ;;
  download) fetch_app ;;
  *) echo "usage: $0 start|stop|status|url|download" >&2; exit 2 ;;
esac
