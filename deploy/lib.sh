# Sourced by every script (deploy/*.sh, deploy/bench/*.sh, tools/*/run.sh), not run: the helpers they share.
# Messages start with the script's name; scripts whose standard output is a report set say_fd=2 first.
# Exit codes, as the silo and the gateway use them (Dua.ServiceDefaults.ExitCodes): 1 failure, 2 usage or invalid
# settings, 3 a port is taken.

: "${root:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
script_name=$(basename "$0")

say() { echo "$script_name: $*" >&"${say_fd:-1}"; }
die() { echo "$script_name: $*" >&2; exit 1; }

# Whether something already listens on PORT at 127.0.0.1: a completed TCP connect means it does.
port_taken() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# require_free WHAT PORT [VARIABLE]: exits with 3, naming the port and the variable that chose it, when it is taken.
require_free() {
  if port_taken "$2"; then
    local fix="choose another port"
    [[ -z "${3:-}" ]] || fix="set $3 to another port"
    echo "$script_name: $1 port $2 on 127.0.0.1 is already in use. Stop what uses it, or $fix." >&2
    exit 3
  fi
}

# The answer of the health probe (/healthz) of the host whose HTTP port is PORT; over https, trusting the development
# CA, when deploy/run.sh --tls runs the platform (DUA_RUN_DIR/tls.env names the CA). Fails when nothing answers.
health_of() {
  local tls_env="${run:-${DUA_RUN_DIR:-$root/.run}}/tls.env" ca
  if [[ -f "$tls_env" ]] && ca=$(sed -n 's/^ca=//p' "$tls_env") && [[ -n "$ca" ]]; then
    curl -s -m 2 --cacert "$ca" "https://127.0.0.1:$1/healthz" 2>/dev/null
  else
    curl -s -m 2 "http://127.0.0.1:$1/healthz" 2>/dev/null
  fi
}

# Whether the host whose HTTP port is PORT answers its health probe with Healthy.
healthy() { [[ "$(health_of "$1")" == Healthy ]]; }

# renamed_variable OLD NEW: an environment variable that was renamed is still read under its old name, with a warning;
# the new one wins when both are set.
renamed_variable() {
  [[ -n "${!1:-}" ]] || return 0
  if [[ -z "${!2:-}" ]]; then
    export "$2=${!1}"
    echo "$script_name: $1 is now called $2; its value is still read, but rename it, for the old name will go" >&2
  else
    echo "$script_name: $1 is ignored: it is now called $2, which is set too" >&2
  fi
}

# install_package COMMAND PACKAGE: installs the Debian package that provides COMMAND when it is missing (as root).
# Several scripts may install at once: apt waits for dpkg's lock instead of failing.
install_package() {
  command -v "$1" >/dev/null && return 0
  [[ "$(id -u)" == 0 ]] || die "$1 is missing; install it as root: apt-get update && apt-get install -y $2"
  say "installing $1 (apt-get install $2)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update >/dev/null &&
    apt-get -o DPkg::Lock::Timeout=600 install -y "$2" >/dev/null ||
    die "could not install $2"
  command -v "$1" >/dev/null || die "apt-get installed $2 but $1 is still missing"
}

# Milliseconds since the epoch (EPOCHREALTIME's separator follows the locale).
now_ms() {
  local t=${EPOCHREALTIME//[.,]/}
  echo $((t / 1000))
}

# 1234 -> "1.2 s"
seconds() { printf '%d.%d s' $(($1 / 1000)) $(($1 % 1000 / 100)); }

# A path as the operator knows it: relative to the repository when inside it.
shown() { echo "${1#"$root"/}"; }
