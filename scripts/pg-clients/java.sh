#!/usr/bin/env bash
# Fetches pgjdbc from Maven Central and compiles the JDBC scenario program for the Postgres-wire
# client tests (test/pgwire/clients/). Idempotent and fast when done; prints the java classpath.
# Everything goes under .cache/pg-clients/ (git-ignored).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.cache/pg-clients/java"
version='42.7.5'
jar="$dir/postgresql-$version.jar"
src="$root/test/pgwire/clients/java"
classes="$dir/classes"
mkdir -p "$dir"

exec 9>"$dir/java.lock"
command -v flock >/dev/null && flock -w 300 9

for tool in java javac mvn; do
  command -v "$tool" >/dev/null || { echo "java.sh: $tool is not installed; the pgjdbc tests need a JDK 11+ and Maven" >&2; exit 1; }
done

if [[ ! -s $jar ]]; then
  # Maven resolves through ~/.m2 (and its settings, mirrors, proxies), checking checksums.
  if ! mvn -B -q dependency:copy -Dartifact="org.postgresql:postgresql:$version" -DoutputDirectory="$dir" >"$dir/mvn.log" 2>&1; then
    cat "$dir/mvn.log" >&2
    echo "java.sh: could not fetch org.postgresql:postgresql:$version from Maven Central (is https://repo.maven.apache.org reachable?)" >&2
    exit 1
  fi
fi

# Recompile only when a source file is newer than the last build.
stamp="$classes/.built"
if [[ ! -f $stamp ]] || [[ -n "$(find "$src" -name '*.java' -newer "$stamp" -print -quit)" ]]; then
  rm -rf "$classes"; mkdir -p "$classes"
  javac -encoding UTF-8 --release 11 -cp "$jar" -d "$classes" "$src"/*.java
  touch "$stamp"
fi
echo "$classes:$jar"
