#!/usr/bin/env bash
# A local Eclipse Mosquitto MQTT broker (MQTT 3.1.1 and 5) on 127.0.0.1, for the connector tests
# and for trying the MQTT source by hand. Mosquitto comes from Debian's packages (apt-get), so a
# fresh machine gets it from here; its config is generated per port.
#
#   scripts/mqtt/mosquitto.sh install   install mosquitto (and mosquitto-clients) with apt if missing
#   scripts/mqtt/mosquitto.sh start     install if needed, start (if not running), wait until it accepts connections
#   scripts/mqtt/mosquitto.sh stop      stop it (its persistence file is kept until clean)
#   scripts/mqtt/mosquitto.sh status    "running ..." (exit 0) or "not running" (exit 3)
#   scripts/mqtt/mosquitto.sh clean     stop and delete its state directory
#
# Environment:
#   MQTT_PORT            listener port (default 1883); one broker per port
#   MQTT_START_TIMEOUT   seconds to wait for the broker (default 10)
#   MQTT_STOP_WITH_PID   stop the broker once this process is gone (a test runner's safety net)
#
# Anonymous clients are allowed and persistence is on (a restart keeps persistent sessions and
# their queued QoS 1 messages), listening on 127.0.0.1 only.
set -euo pipefail

PORT="${MQTT_PORT:-1883}"
STATE_DIR="${TMPDIR:-/tmp}/eddy-mosquitto-$PORT"

die() { echo "mosquitto.sh: $*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

binary() {
  local b
  for b in "$(command -v mosquitto 2>/dev/null || true)" /usr/sbin/mosquitto; do
    [[ -n "$b" && -x "$b" ]] && { echo "$b"; return 0; }
  done
  return 1
}

install() {
  binary >/dev/null && return 0
  command -v apt-get >/dev/null 2>&1 || die "mosquitto is not installed and apt-get is missing: install Eclipse Mosquitto 2.x"
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || die "mosquitto is not installed; run: sudo apt-get install -y mosquitto mosquitto-clients"
    sudo="sudo -n"
  fi
  echo "mosquitto.sh: installing mosquitto with apt-get" >&2
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq mosquitto mosquitto-clients >/dev/null || die "apt-get could not install mosquitto"
  binary >/dev/null || die "mosquitto installed but not found"
}

running_pid() {
  local pid
  [[ -f "$STATE_DIR/pid" ]] || return 1
  pid="$(cat "$STATE_DIR/pid")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start() {
  if pid="$(running_pid)"; then echo "mosquitto running on 127.0.0.1:$PORT (pid $pid)"; return 0; fi
  port_open "$PORT" && die "port $PORT is taken by another process"
  install
  mkdir -p "$STATE_DIR"
  cat > "$STATE_DIR/mosquitto.conf" <<CONF
listener $PORT 127.0.0.1
user $(id -un)
allow_anonymous true
persistence true
persistence_location $STATE_DIR/
autosave_interval 1
max_queued_messages 100000
log_dest file $STATE_DIR/mosquitto.log
log_type error
log_type warning
log_type notice
CONF
  # The broker runs in the foreground of a background job, so its pid is ours to stop.
  "$(binary)" -c "$STATE_DIR/mosquitto.conf" >>"$STATE_DIR/stdout.log" 2>&1 &
  echo $! > "$STATE_DIR/pid"
  local pid=$! deadline=$((SECONDS + ${MQTT_START_TIMEOUT:-10}))
  until port_open "$PORT"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$STATE_DIR/stdout.log" "$STATE_DIR/mosquitto.log" >&2 2>/dev/null; die "mosquitto exited"; }
    (( SECONDS < deadline )) || { kill "$pid" 2>/dev/null; die "mosquitto did not accept connections within ${MQTT_START_TIMEOUT:-10} s"; }
    sleep 0.1
  done
  if [[ -n "${MQTT_STOP_WITH_PID:-}" ]]; then
    # Stops the broker when the test runner is gone, even if it was killed.
    ( while kill -0 "$MQTT_STOP_WITH_PID" 2>/dev/null && kill -0 "$pid" 2>/dev/null; do sleep 2; done; kill "$pid" 2>/dev/null ) >/dev/null 2>&1 &
    disown
  fi
  echo "mosquitto running on 127.0.0.1:$PORT (pid $pid)"
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$STATE_DIR/pid"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) if pid="$(running_pid)"; then echo "running on 127.0.0.1:$PORT (pid $pid)"; else echo "not running"; exit 3; fi ;;
  clean) stop; rm -rf "$STATE_DIR" ;;
  *) echo "usage: $0 install|start|stop|status|clean" >&2; exit 2 ;;
esac
