# Sourced by deploy/run.sh and deploy/silo.sh, not run: where a running platform keeps its state, so the script
# that started it and the commands that change it agree on one layout. Expects $root (the repository) to be set
# and deploy/lib.sh to be sourced.
#
#   $run/run.pid         the deploy/run.sh process that supervises the platform
#   $run/platform.env    written once the platform serves, removed when it stops: its ports and pids (key=value)
#   $run/silos/<i>       one file per silo of this run: pid, ports, state, exit code (key=value)
#   $run/requests/       commands from deploy/silo.sh to run.sh: <id>.request in, <id>.reply out
#   $run/*.log           the output of every process
#
# A silo's state is running, stopping (drained from the gateway, then sent SIGTERM), stopped (exited after being
# asked to stop) or exited (on its own: a crash, or a port taken as it started).

run=${DUA_RUN_DIR:-$root/.run}

# The value of KEY in a key=value state file; empty when the key or the file is missing.
state_get() { sed -n "s/^$2=//p" "$1" 2>/dev/null | head -n 1; }

# Writes key=value lines through a temporary file, so a reader never sees half a file.
state_put() {
  local file=$1
  shift
  printf '%s\n' "$@" >"$file.tmp" && mv -f "$file.tmp" "$file"
}

# Whether PID is a live deploy/run.sh, not some process that inherited a stale pid.
is_supervisor() {
  [[ "$1" =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q 'run\.sh'
}
