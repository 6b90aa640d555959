#!/usr/bin/env bash
# Starts, stops or reports a throw-away Virtuoso 7 on 127.0.0.1 (fresh database folder) for the interop tests.
#
#   scripts/virtuoso.sh start    fresh database in a temporary folder, HTTP and SQL ports on 127.0.0.1 only,
#                                a random dba password; waits until SQL and HTTP answer; writes the state file
#   scripts/virtuoso.sh stop     stops it by PID and removes its folder and the state file
#   scripts/virtuoso.sh status   exit 0 and one line if it runs, exit 3 if not
#
# The state file (default .interop/virtuoso.env in the repo, git-ignored, mode 600; VIRTUOSO_ENV_FILE overrides)
# is shell syntax: VIRTUOSO_PID, VIRTUOSO_DIR, VIRTUOSO_HTTP_PORT, VIRTUOSO_SQL_PORT, VIRTUOSO_ENDPOINT,
# VIRTUOSO_USER, VIRTUOSO_PASSWORD. Writes go to $VIRTUOSO_ENDPOINT/sparql-graph-crud-auth?graph=IRI with
# HTTP digest authentication as that user; queries to $VIRTUOSO_ENDPOINT/sparql.
# Ports: free ones picked at start, or VIRTUOSO_HTTP_PORT / VIRTUOSO_SQL_PORT. Needs the Debian package
# virtuoso-opensource-7 (scripts/install-engines.sh installs it).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${VIRTUOSO_ENV_FILE:-$ROOT/.interop/virtuoso.env}"
START_TIMEOUT_S="${VIRTUOSO_START_TIMEOUT:-60}"

die() { echo "virtuoso.sh: $*" >&2; exit 1; }

# A free TCP port on 127.0.0.1 (the kernel picks it).
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});"
}

# True if PID is a running virtuoso-t (so a PID reused by another program is never killed).
is_virtuoso() {
  [[ -n "${1:-}" && -r "/proc/$1/comm" ]] && [[ "$(cat "/proc/$1/comm" 2>/dev/null)" == virtuoso-t* ]]
}

load_state() {
  [[ -f "$STATE" ]] || return 1
  # shellcheck disable=SC1090
  . "$STATE"
}

# Runs SQL statements given on stdin as dba (the password is not put on the command line).
isql() {
  isql-vt "127.0.0.1:$1" dba "$2" 2>&1
}

# True if the SQL port answers `select 1` for dba with this password (output captured whole: no SIGPIPE).
sql_answers() {
  local out
  out="$(isql "$1" "$2" <<<"select 1;")" || return 1
  grep -q '^1 *$' <<<"$out"
}

start() {
  command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null \
    || die "virtuoso-t or isql-vt not found: install the Debian package virtuoso-opensource-7 (bash scripts/install-engines.sh)"
  if load_state && is_virtuoso "${VIRTUOSO_PID:-}"; then
    echo "virtuoso already running: pid $VIRTUOSO_PID, $VIRTUOSO_ENDPOINT"
    return 0
  fi
  rm -f "$STATE"
  local http_port="${VIRTUOSO_HTTP_PORT:-$(free_port)}"
  local sql_port="${VIRTUOSO_SQL_PORT:-$(free_port)}"
  [[ "$http_port" != "$sql_port" ]] || sql_port="$(free_port)"
  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/kg-virtuoso.XXXXXX")"
  local vsp=/var/lib/virtuoso-opensource-7/vsp
  [[ -d "$vsp" ]] || vsp="$dir"
  cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $dir
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
MaxQueryMem          = 512M

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $vsp
MaxClientConnections = 10
ServerThreads        = 10
KeepAliveTimeout     = 10
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 120
EOF
  local t0=$SECONDS
  virtuoso-t +configfile "$dir/virtuoso.ini" +foreground >"$dir/stdout.log" 2>&1 </dev/null &
  local pid=$!
  # Wait until the SQL port answers (about 4 s on a fresh database), bounded by START_TIMEOUT_S.
  local deadline=$((SECONDS + START_TIMEOUT_S))
  until sql_answers "$sql_port" dba; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$dir/virtuoso.log" "$dir/stdout.log" >&2 2>/dev/null || true
      rm -rf "$dir"
      die "virtuoso-t exited during start-up (log above)"
    fi
    if (( SECONDS >= deadline )); then
      kill -KILL "$pid" 2>/dev/null || true
      tail -n 20 "$dir/virtuoso.log" >&2 2>/dev/null || true
      rm -rf "$dir"
      die "virtuoso-t did not answer on 127.0.0.1:$sql_port within ${START_TIMEOUT_S} s"
    fi
    sleep 0.25
  done
  # A random dba password for this database only (it is thrown away with the folder).
  local password
  password="kg$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  local out
  out="$(isql "$sql_port" dba <<<"SET PASSWORD dba $password;")"
  if ! sql_answers "$sql_port" "$password"; then
    sed "s/$password/***/g" <<<"$out" >&2 || true
    kill -KILL "$pid" 2>/dev/null || true
    rm -rf "$dir"
    die "could not set the dba password"
  fi
  # The HTTP server must answer a SPARQL query too.
  local endpoint="http://127.0.0.1:$http_port"
  until node -e "fetch(process.argv[1]+'/sparql?query='+encodeURIComponent('ASK {}'),{headers:{accept:'application/sparql-results+json'},signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$endpoint"; do
    if (( SECONDS >= deadline )) || ! kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
      rm -rf "$dir"
      die "Virtuoso's HTTP server did not answer on $endpoint/sparql within ${START_TIMEOUT_S} s"
    fi
    sleep 0.25
  done
  mkdir -p "$(dirname "$STATE")"
  (
    umask 077
    cat >"$STATE" <<EOF
VIRTUOSO_PID=$pid
VIRTUOSO_DIR=$dir
VIRTUOSO_HTTP_PORT=$http_port
VIRTUOSO_SQL_PORT=$sql_port
VIRTUOSO_ENDPOINT=$endpoint
VIRTUOSO_USER=dba
VIRTUOSO_PASSWORD=$password
EOF
  )
  echo "virtuoso started in $((SECONDS - t0)) s: pid $pid, $endpoint (SQL 127.0.0.1:$sql_port), folder $dir, state $STATE"
}

stop() {
  if ! load_state; then
    echo "virtuoso not running (no $STATE)"
    return 0
  fi
  local pid="${VIRTUOSO_PID:-}" dir="${VIRTUOSO_DIR:-}"
  if is_virtuoso "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 80; i++)); do
      is_virtuoso "$pid" || break
      sleep 0.25
    done
    if is_virtuoso "$pid"; then kill -KILL "$pid" 2>/dev/null || true; sleep 0.2; fi
  fi
  case "$dir" in
    "${TMPDIR:-/tmp}"/kg-virtuoso.*) rm -rf "$dir" ;;
    *) [[ -z "$dir" ]] || echo "virtuoso.sh: not removing unexpected folder $dir" >&2 ;;
  esac
  rm -f "$STATE"
  echo "virtuoso stopped (pid $pid)"
}

status() {
  if load_state && is_virtuoso "${VIRTUOSO_PID:-}"; then
    echo "virtuoso running: pid $VIRTUOSO_PID, $VIRTUOSO_ENDPOINT (SQL 127.0.0.1:$VIRTUOSO_SQL_PORT), folder $VIRTUOSO_DIR"
    return 0
  fi
  [[ -f "$STATE" ]] && echo "virtuoso not running (stale $STATE: run stop to clean up)" || echo "virtuoso not running"
  return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
