# Sourced by the scripts that install Python test clients from PyPI (scripts/*-clients/python.sh).
# install_python_clients DIR CHECK PIP_FLAGS SPEC...: installs SPECs into DIR (a venv, or a
# private --target directory where Python has no venv module), one install at a time, skipped
# when DIR already has them and CHECK (Python code) runs; prints the path of a python launcher.
install_python_clients() {
  local dir=$1 check=$2 extra=$3
  shift 3
  local specs=("$@")
  local spec="${specs[*]}" launcher="$dir/bin/python" stamp="$dir/python.installed"
  mkdir -p "$dir/bin"

  # Several test runs may install at once (vitest workers, other checkouts of this cache): one at a time.
  exec 9>"$dir/python.lock"
  command -v flock >/dev/null && flock -w 300 9

  if [[ -x $launcher && -f $stamp && "$(cat "$stamp")" == "$spec" ]] && "$launcher" -c "$check" 2>/dev/null; then
    echo "$launcher"; return 0
  fi

  local python
  python=$(command -v python3 || true)
  [[ -n $python ]] || { echo "python.sh: python3 is not installed; install Python 3.8+ to run these tests ($spec)" >&2; exit 1; }

  local pip_flags=(--disable-pip-version-check --no-input --timeout 30 --retries 2 -q)
  # shellcheck disable=SC2206 # extra flags are words
  [[ -n $extra ]] && pip_flags+=($extra)
  local fail="python.sh: could not install $spec from PyPI (is https://pypi.org reachable? pip said the above)"

  rm -rf "$dir/venv" "$dir/python-lib"
  if "$python" -m venv "$dir/venv" 2>/dev/null; then
    "$dir/venv/bin/python" -m pip install "${pip_flags[@]}" "${specs[@]}" || { echo "$fail" >&2; exit 1; }
    # A wrapper, not a symlink: a venv's python finds its pyvenv.cfg from the path it was started by.
    printf '#!/bin/sh\nexec "%s" "$@"\n' "$dir/venv/bin/python" > "$launcher"
  else
    # No venv module (Debian without python3-venv): install into a private directory instead.
    rm -rf "$dir/venv"
    "$python" -m pip install "${pip_flags[@]}" --target "$dir/python-lib" "${specs[@]}" || { echo "$fail" >&2; exit 1; }
    printf '#!/bin/sh\nPYTHONPATH="%s${PYTHONPATH:+:$PYTHONPATH}" exec "%s" "$@"\n' "$dir/python-lib" "$python" > "$launcher"
  fi
  chmod +x "$launcher"
  "$launcher" -c "$check" || { echo "python.sh: $spec was installed but does not import" >&2; exit 1; }
  echo "$spec" > "$stamp"
  echo "$launcher"
}
