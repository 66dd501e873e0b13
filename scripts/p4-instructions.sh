#!/usr/bin/env bash
# Machine instructions per row of P4 (logistic regression through SQL), this checkout against
# an older revision: a measure of CPU work that the machine's noise moves far less (timings here
# vary ±20% minute to minute; a build's count by about ±3% from one run of this script to the
# next, measured: work driven by timers - polls, the gates' slow tick - grows with the wall time
# valgrind takes). Run it two or three times before quoting a change of a few percent. Each build runs P4 twice
# under valgrind (callgrind), with V8 deterministic (--predictable --single-threaded), on
# SMALL and LARGE rows: the difference divided by LARGE - SMALL is the work per row, without
# start-up and compilation. Fewer instructions is not always less time (cache misses, GC), so
# quote it beside bench:sql, not instead of it. Takes a few minutes; needs valgrind.
#   scripts/p4-instructions.sh BASE_REV [SMALL LARGE]    (default 30000 90000)
set -euo pipefail
base=${1:?usage: scripts/p4-instructions.sh BASE_REV [SMALL LARGE]}
small=${2:-30000}
large=${3:-90000}
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
npx tsc -p bench/sql/tsconfig.json
tree=$(mktemp -d)
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || true; rm -rf dist/p4-base' EXIT
git worktree add --detach "$tree" "$base" >/dev/null 2>&1
ln -s "$PWD/node_modules" "$tree/node_modules"
# The base build lives in this checkout's dist, so its imports find this checkout's node_modules.
rm -rf dist/p4-base
npx tsc -p "$tree/bench/sql/tsconfig.json" --outDir dist/p4-base
refs() { # DIR ROWS: instructions of one run
  valgrind --tool=callgrind --callgrind-out-file=/dev/null node --predictable --single-threaded \
    dist/bench-sql/bench/sql/p4-once.js "$PWD/$1" "$2" "$large" 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,
}
perRow() { echo $(( ($(refs "$1" "$large") - $(refs "$1" "$small")) / (large - small) )); }
b=$(perRow dist/p4-base)
h=$(perRow dist/bench-sql)
echo "P4 logistic_regression, instructions per row: $base $b, this checkout $h, ratio $(echo "scale=3; $h / $b" | bc)"
