#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (test/console/), the way the Kafka scripts
# install their tools: idempotent, fast when done; prints the path of the chromium binary.
# Needs root (or passwordless sudo) and Debian's apt (about 40 s the first time).
set -euo pipefail
bin=/usr/bin/chromium
if [[ -x $bin ]]; then echo "$bin"; exit 0; fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$root/.cache/browser"
exec 9>"$root/.cache/browser/apt.lock"
command -v flock >/dev/null && flock -w 600 9
if [[ -x $bin ]]; then echo "$bin"; exit 0; fi
sudo=''
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "chromium.sh: installing Chromium needs root or sudo" >&2; exit 1; }
  sudo='sudo -n'
fi
log="$root/.cache/browser/apt.log"
if ! { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium; } >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "chromium.sh: apt-get install chromium failed (log: $log)" >&2
  exit 1
fi
[[ -x $bin ]] || { echo "chromium.sh: $bin missing after the install" >&2; exit 1; }
echo "$bin"
