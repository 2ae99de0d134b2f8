#!/usr/bin/env bash
# Operations on the platform that deploy/run.sh is running: add a silo, stop one gracefully, list them.
# run.sh starts and supervises every silo (Ctrl-C on it stops added ones too); the gateway routes to a new silo,
# and stops routing to a stopped one, by itself: it follows the cluster's membership table.
#
#   deploy/silo.sh add [--timeout SECONDS]       start one more silo and wait until it is healthy (120 s)
#   deploy/silo.sh stop N [--timeout SECONDS]    drain silo N, stop it gracefully; SIGKILL if not gone in 60 s
#   deploy/silo.sh list                          the silos of this run: ports, pid, state, health
#
# A new silo takes the lowest index i that runs no silo and the ports run.sh was started with for silo i
# (DUA_SILO_*_BASE + i); an index whose ports are in use is skipped, with a message. A stop sends SIGTERM: the silo
# withdraws its endpoint, so the gateway sends it no new calls, drains for 3 s, then Orleans leaves the cluster
# cleanly and deactivates the silo's grains (their state is already stored). The last running silo is not
# stopped. DUA_RUN_DIR names run.sh's state folder (.run). run.sh starts an added silo as it started the others,
# with the internal credential the gateway presents (Silo__GatewayCredential, from DUA_RUN_DIR/keys).
# Exit codes: 0 done, 1 failure, 2 usage, 3 no free ports for a new silo.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=deploy/lib.sh
source "$root/deploy/lib.sh"
# shellcheck source=deploy/platform-state.sh
source "$root/deploy/platform-state.sh"

usage() { sed -n '6,8p' "$0" | sed 's/^#  */usage: /' >&2; exit 2; }

# Sets $supervisor to the run.sh serving the platform, or explains why there is none.
find_platform() {
  [[ -f "$run/platform.env" ]] ||
    die "no platform is running with its state in $(shown "$run"); start it with deploy/run.sh (or set DUA_RUN_DIR)"
  supervisor=$(state_get "$run/platform.env" pid)
  is_supervisor "$supervisor" ||
    die "run.sh (pid $supervisor) is gone and left a stale state in $(shown "$run"); start the platform with deploy/run.sh"
}

# Hands a request to run.sh, which owns the silo processes, and prints its answer. Sets $answer_status ("ok" or
# "error") and $answer_value (the silo index, or the exit code for an error).
request() {
  local id reply lines line deadline
  id="$$-$(now_ms)"
  printf '%s\n' "$1" >"$run/requests/$id.tmp"
  mv "$run/requests/$id.tmp" "$run/requests/$id.request"
  kill -USR1 "$supervisor"
  reply="$run/requests/$id.reply"
  deadline=$(($(now_ms) + 30000))
  until [[ -f "$reply" ]]; do
    if ! is_supervisor "$supervisor" || (($(now_ms) > deadline)); then
      rm -f "$run/requests/$id.request"
      die "run.sh (pid $supervisor) did not answer; is it stopping?"
    fi
    sleep 0.1
  done
  mapfile -t lines <"$reply"
  rm -f "$reply"
  read -r answer_status answer_value <<<"${lines[0]}"
  for line in "${lines[@]:1}"; do
    if [[ "$answer_status" == ok ]]; then say "$line"; else echo "silo.sh: $line" >&2; fi
  done
}

parse_timeout() {
  [[ "${1:-}" == --timeout && "${2:-}" =~ ^[1-9][0-9]*$ && $# -eq 2 ]] || usage
  echo "$2"
}

cmd_add() {
  local timeout=120 started attempt i file log code
  [[ $# -eq 0 ]] || timeout=$(parse_timeout "$@")
  find_platform
  started=$(now_ms)
  # A port can be taken between run.sh's check and the silo binding it (exit code 3): then take the next index.
  for attempt in 1 2 3; do
    request add
    [[ "$answer_status" == ok ]] || exit "$answer_value"
    i=$answer_value
    file="$run/silos/$i"
    log=$(state_get "$file" log)
    until healthy "$(state_get "$file" http)"; do
      if [[ "$(state_get "$file" state)" != running ]]; then
        code=$(state_get "$file" exit_code)
        if [[ "$code" == 3 && $attempt -lt 3 ]]; then
          say "silo $i found one of its ports taken as it started; trying the next index"
          continue 2
        fi
        tail -n 20 "$log" >&2 || true
        die "silo $i exited (code $code) before it became healthy; see $(shown "$log")"
      fi
      if (($(now_ms) - started > timeout * 1000)); then
        die "silo $i is not healthy after $timeout s; it keeps starting (deploy/silo.sh stop $i stops it); see $(shown "$log")"
      fi
      sleep 0.5
    done
    say "silo $i is healthy after $(seconds $(($(now_ms) - started))): gRPC 127.0.0.1:$(state_get "$file" grpc)," \
      "pid $(state_get "$file" pid); the gateway routes to it within seconds"
    return
  done
}

cmd_stop() {
  local n=${1:-} timeout=60 file pid started term_at code
  [[ "$n" =~ ^[0-9]+$ ]] || usage
  shift
  [[ $# -eq 0 ]] || timeout=$(parse_timeout "$@")
  find_platform
  file="$run/silos/$n"
  [[ -f "$file" ]] || die "this run has no silo $n; see deploy/silo.sh list"
  pid=$(state_get "$file" pid)
  started=$(now_ms)
  request "stop $n"
  [[ "$answer_status" == ok ]] || exit "$answer_value"
  # run.sh sends SIGTERM, then reaps the process and records its exit. The timeout counts from
  # SIGTERM; a silo that outlives it is killed.
  until [[ "$(state_get "$file" state)" =~ ^(stopped|exited)$ ]]; do
    term_at=$(state_get "$file" term_at)
    if [[ -n "$term_at" ]] && (($(now_ms) - term_at > timeout * 1000)); then
      kill -KILL "$pid" 2>/dev/null || true
      echo "silo.sh: silo $n (pid $pid) did not exit within $timeout s of SIGTERM; killed it (SIGKILL)." \
        "Its grains' state was already stored; the cluster declares it dead within seconds." >&2
      exit 1
    fi
    if [[ -z "$term_at" ]] && (($(now_ms) - started > 60000)); then
      die "run.sh did not send SIGTERM to silo $n within 60 s; see deploy/silo.sh list"
    fi
    is_supervisor "$supervisor" || die "run.sh stopped while silo $n was stopping"
    sleep 0.1
  done
  code=$(state_get "$file" exit_code)
  if [[ "$code" == 0 ]]; then
    say "silo $n (pid $pid) stopped gracefully in $(seconds "$(state_get "$file" stop_ms)"):" \
      "exited $(seconds "$(state_get "$file" term_ms)") after SIGTERM (3 s of it draining)"
  else
    die "silo $n (pid $pid) exited with code $code $(seconds "$(state_get "$file" term_ms)") after SIGTERM; see $(shown "$(state_get "$file" log)")"
  fi
}

cmd_list() {
  [[ $# -eq 0 ]] || usage
  local index file state health detail
  find_platform
  printf '%-5s %-8s %-6s %-6s %-8s %-16s %-9s %s\n' silo pid gRPC HTTP Orleans "Orleans client" state health
  for index in $(ls "$run/silos" | grep -E '^[0-9]+$' | sort -n); do
    file="$run/silos/$index"
    state=$(state_get "$file" state)
    health=-
    detail=""
    if [[ "$state" == running ]]; then
      health=$(health_of "$(state_get "$file" http)") || health="no answer"
    elif [[ "$state" == stopped ]]; then
      detail="  (exit code $(state_get "$file" exit_code), $(seconds "$(state_get "$file" term_ms)") after SIGTERM)"
    elif [[ "$state" == exited ]]; then
      detail="  (exit code $(state_get "$file" exit_code); see $(shown "$(state_get "$file" log)"))"
    fi
    printf '%-5s %-8s %-6s %-6s %-8s %-16s %-9s %s%s\n' "$(state_get "$file" index)" "$(state_get "$file" pid)" \
      "$(state_get "$file" grpc)" "$(state_get "$file" http)" "$(state_get "$file" orleans)" \
      "$(state_get "$file" orleans_client)" "$state" "$health" "$detail"
  done
  echo "gateway: 127.0.0.1:$(state_get "$run/platform.env" gateway_port) (pid $(state_get "$run/platform.env" gateway_pid))"
}

[[ $# -ge 1 ]] || usage
command=$1
shift
case "$command" in
  add) cmd_add "$@" ;;
  stop) cmd_stop "$@" ;;
  list) cmd_list "$@" ;;
  -h|--help) sed -n '2,/^# Exit codes/p' "$0"; exit 0 ;;
  *) usage ;;
esac
