# Sourced by the benchmark scripts: starts deploy/run.sh in the background on the ports the caller exported
# (DUA_GATEWAY_PORT, DUA_PG_PORT, DUA_SILO_*_BASE, DUA_DATA_DIR, DUA_RUN_DIR), waits until it serves, and stops it
# when the script exits, however it exits. The gateway's per-caller rate limit is raised far above what one machine
# sends (BENCH_RATE_LIMIT, 1000000 permits per second and burst): a load generator is one caller, and the
# limit must not cap the figures. platform_token mints tokens with the platform's development key.

# shellcheck source=deploy/lib.sh
source "$root/deploy/lib.sh"

platform_pid=

stop_platform() {
  if [[ -n "$platform_pid" ]] && kill -0 "$platform_pid" 2>/dev/null; then
    kill -TERM "$platform_pid" 2>/dev/null || true
    wait "$platform_pid" 2>/dev/null || true
  fi
}

# start_platform LOG [run.sh arguments]
start_platform() {
  local log=$1
  shift
  export Gateway__RateLimit__PermitsPerSecond=${BENCH_RATE_LIMIT:-1000000}
  export Gateway__RateLimit__Burst=${BENCH_RATE_LIMIT:-1000000}
  trap stop_platform EXIT
  # Its own session: run.sh stops its silos, gateway and PostgreSQL on SIGTERM.
  setsid "$root/deploy/run.sh" "$@" >"$log" 2>&1 &
  platform_pid=$!
  until grep -q "Dua Platform is running" "$log"; do
    if ! kill -0 "$platform_pid" 2>/dev/null; then
      tail -30 "$log"
      die "the platform did not start; see $log"
    fi
    sleep 1
  done
}

# platform_token ROLE [AREA...]: a token for the started platform (deploy/token.sh with its DUA_RUN_DIR).
platform_token() { "$root/deploy/token.sh" "$@"; }
