#!/usr/bin/env bash
# Manages a project-local PostgreSQL cluster: its own data folder, a loopback port of
# our choosing and a private socket folder, so it never touches (or depends on) a
# system cluster that the distribution's package may have created.
#
#   deploy/postgres.sh install
#   deploy/postgres.sh start <data-dir> <port>
#   deploy/postgres.sh stop <data-dir>
#   deploy/postgres.sh url <port>
#   deploy/postgres.sh psql <port> [psql arguments]
#
# Exit codes: 0 ok, 1 failure, 2 usage, 3 port already taken.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=deploy/lib.sh
source "$root/deploy/lib.sh"

readonly DATABASE=dua
readonly SUPERUSER=postgres
# Quiets NOTICE lines (e.g. "database already exists") in our own psql calls.
export PGOPTIONS='-c client_min_messages=warning'

usage() {
  sed -n '6,10p' "$0" | sed 's/^#  */usage: /' >&2
  exit 2
}

is_root() { [[ "$(id -u)" == 0 ]]; }

# Newest server bin folder, or the one matching an existing cluster's major version
# (a data folder can only be served by the major version that created it).
bin_dir() {
  local data_dir="${1:-}" dir
  if [[ -n "$data_dir" && -f "$data_dir/PG_VERSION" ]]; then
    dir="/usr/lib/postgresql/$(<"$data_dir/PG_VERSION")/bin"
    [[ -x "$dir/postgres" ]] || die "$data_dir was created by PostgreSQL $(<"$data_dir/PG_VERSION"), whose server is not installed"
    echo "$dir"
    return
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/postgres" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return
    fi
  done
}

cmd_install() {
  if [[ -n "$(bin_dir)" ]]; then
    say "PostgreSQL server found in $(bin_dir)"
    return
  fi
  if ! is_root; then
    die "PostgreSQL server binaries are missing (/usr/lib/postgresql/<version>/bin). Install them as root: apt-get update && apt-get install -y postgresql"
  fi
  say "installing PostgreSQL (apt-get install postgresql)"
  # The package may create and start a system cluster on 5432; we never use it.
  # Several test runs may install at once: wait for dpkg's lock instead of failing.
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update
  apt-get -o DPkg::Lock::Timeout=600 install -y postgresql
  [[ -n "$(bin_dir)" ]] || die "apt-get installed postgresql but no server binaries were found in /usr/lib/postgresql/*/bin"
}

# initdb, pg_ctl and postgres refuse to run as root: run them as the postgres user then.
as_owner() {
  if is_root; then
    runuser -u "$SUPERUSER" -- "$@"
  else
    "$@"
  fi
}

absolute() { realpath -m -- "$1"; }

is_running() {
  local data_dir="$1"
  [[ -f "$data_dir/postmaster.pid" ]] || return 1
  as_owner "$(bin_dir "$data_dir")/pg_ctl" -D "$data_dir" status >/dev/null 2>&1
}

valid_port() {
  [[ "$1" =~ ^[0-9]+$ ]] && (( $1 >= 1 && $1 <= 65535 )) || die "not a TCP port: $1"
}

ensure_database() {
  local bin="$1" port="$2" exists
  exists=$("$bin/psql" -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -d postgres -tAX \
    -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")
  if [[ "$exists" != 1 ]]; then
    # Another caller may win the race; only a still-missing database is an error.
    "$bin/psql" -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -d postgres -qX \
      -c "CREATE DATABASE $DATABASE" >/dev/null 2>&1 ||
      [[ "$("$bin/psql" -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -d postgres -tAX \
        -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" == 1 ]] ||
      die "could not create database $DATABASE"
    say "created database $DATABASE"
  fi
}

cmd_start() {
  [[ $# -eq 2 ]] || usage
  local data_dir port parent name socket_dir log_file bin
  data_dir=$(absolute "$1")
  port="$2"
  valid_port "$port"
  parent=$(dirname "$data_dir")
  name=$(basename "$data_dir")
  socket_dir="$parent/$name.socket"
  log_file="$parent/$name.log"

  [[ -n "$(bin_dir)" ]] || cmd_install
  bin=$(bin_dir "$data_dir")

  if is_running "$data_dir"; then
    local running_port
    running_port=$(sed -n 4p "$data_dir/postmaster.pid")
    say "already running for $data_dir on port $running_port"
    ensure_database "$bin" "$running_port"
    return
  fi

  require_free PostgreSQL "$port"

  mkdir -p "$parent"
  if is_root; then
    id -u "$SUPERUSER" >/dev/null 2>&1 || die "user $SUPERUSER is missing (it comes with Debian's postgresql package)"
    runuser -u "$SUPERUSER" -- test -x "$parent" ||
      die "user $SUPERUSER cannot reach $parent; make it (and the folders above it) searchable by others, or use another folder"
  fi
  mkdir -p "$socket_dir"
  chmod 700 "$socket_dir"
  touch "$log_file"
  if is_root; then chown "$SUPERUSER:" "$socket_dir" "$log_file"; fi

  if [[ ! -f "$data_dir/PG_VERSION" ]]; then
    if [[ -d "$data_dir" && -n "$(ls -A "$data_dir")" ]]; then
      die "$data_dir is not empty and is no PostgreSQL data folder; refusing to touch it"
    fi
    mkdir -p "$data_dir"
    chmod 700 "$data_dir"
    if is_root; then chown "$SUPERUSER:" "$data_dir"; fi
    say "initializing a new cluster in $data_dir"
    as_owner "$bin/initdb" -D "$data_dir" -U "$SUPERUSER" --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 >>"$log_file" 2>&1 ||
      die "initdb failed; see $log_file"
  fi

  # Loopback only, private socket folder. Dev/test sizing, but fsync and
  # synchronous_commit stay on: an acknowledged write must survive a crash.
  local options="-c listen_addresses=127.0.0.1 -p $port -k $socket_dir"
  options+=" -c max_connections=300 -c shared_buffers=128MB"
  options+=" -c fsync=on -c synchronous_commit=on -c full_page_writes=on"
  # Statement counts for the write benchmark (deploy/bench/writes.sh); a few per cent of a statement's cost.
  options+=" -c shared_preload_libraries=pg_stat_statements"
  if ! as_owner "$bin/pg_ctl" -D "$data_dir" -l "$log_file" -w -t 60 -o "$options" start >/dev/null; then
    tail -n 20 "$log_file" >&2 || true
    die "the server did not start; see $log_file"
  fi

  local tries=0
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$SUPERUSER"; do
    (( ++tries < 60 )) || die "the server does not accept connections on port $port; see $log_file"
    sleep 0.5
  done
  ensure_database "$bin" "$port"
  say "running for $data_dir on 127.0.0.1:$port (log: $log_file)"
}

cmd_stop() {
  [[ $# -eq 1 ]] || usage
  local data_dir
  data_dir=$(absolute "$1")
  if [[ ! -f "$data_dir/PG_VERSION" ]] || ! is_running "$data_dir"; then
    say "not running for $data_dir"
    return
  fi
  as_owner "$(bin_dir "$data_dir")/pg_ctl" -D "$data_dir" -m fast -w -t 60 stop >/dev/null
  say "stopped $data_dir"
}

cmd_url() {
  [[ $# -eq 1 ]] || usage
  valid_port "$1"
  echo "Host=127.0.0.1;Port=$1;Username=$SUPERUSER;Database=$DATABASE"
}

# psql on the cluster's dua database, stopping at the first error: for scripts and operators.
cmd_psql() {
  [[ $# -ge 1 ]] || usage
  valid_port "$1"
  local port="$1" bin
  shift
  bin=$(bin_dir)
  [[ -n "$bin" ]] || die "PostgreSQL is not installed; run deploy/postgres.sh install"
  "$bin/psql" -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -d "$DATABASE" -qX -v ON_ERROR_STOP=1 "$@"
}

main() {
  [[ $# -ge 1 ]] || usage
  local command="$1"
  shift
  case "$command" in
    install) [[ $# -eq 0 ]] || usage; cmd_install ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    url) cmd_url "$@" ;;
    psql) cmd_psql "$@" ;;
    *) usage ;;
  esac
}

main "$@"
