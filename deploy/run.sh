#!/usr/bin/env bash
# Starts the whole platform on this machine: a project-local PostgreSQL, the schema, the development identity
# provider, N silos and the gateway.
# Everything listens on 127.0.0.1. Ctrl-C stops it all; a restart finds the data again (in .data/).
# While it runs, deploy/silo.sh adds silos to it and stops them gracefully; this script supervises those too.
#
#   deploy/run.sh [--silos N] [--demo] [--no-build] [--tls]
#
# --tls serves every endpoint of the silos and the gateway over TLS (silo-to-silo mutually authenticated), with a
# development CA and certificates that deploy/dev-certs.sh makes in DUA_RUN_DIR/keys/tls (ca.pem is the CA to trust).
#
# --demo loads a small data set from published facts (Hudiksvall, Eskilstuna) through the gateway; loading it
# again changes nothing. --no-build starts what the last build of DUA_CONFIGURATION (Release) left in bin/.
#
# Ports (override by environment): DUA_GATEWAY_PORT (5000), DUA_PG_PORT (55432), DUA_IDP_PORT (5400, the identity
# provider; it registers the web app at DUA_WEB_PORT, 5080), and per silo i = 0, 1, ...:
# gRPC DUA_SILO_GRPC_BASE+i (5101), HTTP DUA_SILO_HTTP_BASE+i (5201), Orleans DUA_SILO_PORT_BASE+i (11111)
# and Orleans' client port DUA_SILO_ORLEANS_CLIENT_BASE+i (30000; formerly DUA_SILO_GATEWAY_BASE, still read).
# Folders: DUA_DATA_DIR (.data: database, pseudonym key) and DUA_RUN_DIR (.run: logs, the state deploy/silo.sh
# works with, and keys/).
# The web app for regional offices (hosts/Dua.Web) starts after the gateway on DUA_WEB_PORT (5080); people sign in
# to it at the identity provider.
#
# Security for local development: tokens come from the development identity provider (tools/Dua.DevIdentity, an
# OpenID Connect provider), which the gateway trusts through its discovery document and published keys. On first
# start run.sh creates, in DUA_RUN_DIR/keys (git-ignored, per machine, mode 600): the client secrets of the web app
# (web-client-secret) and of deploy/token.sh (dev-tokens-client-secret), the provider's signing keys (identity/),
# and the internal credential the gateway presents to the silos (silo-credential); later starts keep them.
# deploy/token.sh gets tokens from the provider (client credentials); the start prints a ready one. In production
# the authority and credentials come from configuration (Gateway:Authentication:*, Gateway:SiloCredential,
# Silo:GatewayCredential).
# Exit codes: 0 stopped by Ctrl-C (SIGINT) or SIGTERM, 1 failure, 2 usage, 3 a port is taken.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=deploy/lib.sh
source "$root/deploy/lib.sh"
# shellcheck source=deploy/platform-state.sh
source "$root/deploy/platform-state.sh"
silos=2
demo=false
build=true
tls=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --silos) silos="${2:-}"; shift 2 ;;
    --demo) demo=true; shift ;;
    --no-build) build=false; shift ;;
    --tls) tls=true; shift ;;
    -h|--help) sed -n '2,/^# Exit codes/p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$silos" =~ ^[1-9][0-9]?$ ]] || { echo "run.sh: --silos takes a number from 1 to 99" >&2; exit 2; }

gateway_port=${DUA_GATEWAY_PORT:-5000}
pg_port=${DUA_PG_PORT:-55432}
grpc_base=${DUA_SILO_GRPC_BASE:-5101}
http_base=${DUA_SILO_HTTP_BASE:-5201}
silo_base=${DUA_SILO_PORT_BASE:-11111}
renamed_variable DUA_SILO_GATEWAY_BASE DUA_SILO_ORLEANS_CLIENT_BASE
orleans_client_base=${DUA_SILO_ORLEANS_CLIENT_BASE:-30000}
cluster_id=${DUA_CLUSTER_ID:-dua}
data=${DUA_DATA_DIR:-$root/.data}
configuration=${DUA_CONFIGURATION:-Release}
# --- Identity provider: ports -------------------------------------------------------------------------------
idp_port=${DUA_IDP_PORT:-5400}
idp_url="http://127.0.0.1:$idp_port"
# The web app's address, registered with the provider as the dua-web client's redirect target.
idp_web_app_url="http://127.0.0.1:${DUA_WEB_PORT:-5080}"
# --- end identity provider ------------------------------------------------------------------------------------
# --- Web app: port --------------------------------------------------------------------------------------------
web_port=${DUA_WEB_PORT:-5080}
web_url="http://127.0.0.1:$web_port"
# --- end web app ----------------------------------------------------------------------------------------------
# How often the gateway re-reads the live silos; a stopping silo drains for longer (Silo:DrainDelay, 3 s).
readonly gateway_poll_seconds=2
# Silo indices go up to this; deploy/silo.sh add looks for free ports among them.
readonly max_silos=100

# The first of silo i's ports that is in use, as "gRPC port 5103 (DUA_SILO_GRPC_BASE+2)"; empty when all are free.
silo_port_in_use() {
  local i=$1 kind name base variable
  for kind in "gRPC $grpc_base DUA_SILO_GRPC_BASE" "HTTP $http_base DUA_SILO_HTTP_BASE" \
              "Orleans $silo_base DUA_SILO_PORT_BASE" "Orleans-client $orleans_client_base DUA_SILO_ORLEANS_CLIENT_BASE"; do
    read -r name base variable <<<"$kind"
    if port_taken $((base + i)); then
      echo "$name port $((base + i)) ($variable+$i)"
      return
    fi
  done
}

command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK (dotnet) is required: https://dot.net" >&2; exit 1; }

# One supervisor per state folder: a second one would overwrite the first one's state.
if [[ -f "$run/run.pid" ]] && is_supervisor "$(<"$run/run.pid")"; then
  echo "run.sh: already running (pid $(<"$run/run.pid")) with its state in $(shown "$run"); stop it first, or set DUA_RUN_DIR" >&2
  exit 1
fi

# Check every port before starting anything, so a clash never leaves half a platform running.
require_free gateway "$gateway_port" DUA_GATEWAY_PORT
require_free "identity provider" "$idp_port" DUA_IDP_PORT
for ((i = 0; i < silos; i++)); do
  require_free "silo $i gRPC" $((grpc_base + i)) DUA_SILO_GRPC_BASE
  require_free "silo $i HTTP" $((http_base + i)) DUA_SILO_HTTP_BASE
  require_free "silo $i Orleans" $((silo_base + i)) DUA_SILO_PORT_BASE
  require_free "silo $i Orleans client" $((orleans_client_base + i)) DUA_SILO_ORLEANS_CLIENT_BASE
done

# --- Web app: port check -------------------------------------------------------------------------------------
require_free "web app" "$web_port" DUA_WEB_PORT
# --- end web app ----------------------------------------------------------------------------------------------

mkdir -p "$data" "$run"
rm -f "$run/web.env"
rm -rf "$run/silos" "$run/requests" "$run/platform.env" "$run/identity.env" "$run"/silo-*.log
mkdir -p "$run/silos" "$run/requests"
echo $$ >"$run/run.pid"

pids=()
declare -A names      # pid -> what it is, for messages
declare -A silo_index # pid -> silo index
declare -A silo_pid silo_state silo_exit silo_stop_ms silo_term_ms silo_stop_took silo_term_took

stopping=false
stop_all() {
  # Once: a second Ctrl-C or SIGTERM (service managers and operators send more than one) must not cut the stop short
  # and leave silos holding their ports. Later signals are noted and otherwise change nothing.
  $stopping && return
  stopping=true
  trap 'say "already stopping" || true' INT TERM
  trap - EXIT
  # Whoever read our output (a pipe into tee, say) may be gone after Ctrl-C: still stop everything.
  trap '' PIPE USR1
  rm -f "$run/platform.env" "$run/identity.env"
  say "stopping"
  local pid deadline
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # A process that ignores SIGTERM for a minute is killed: Ctrl-C must leave nothing behind.
  deadline=$(($(now_ms) + 60000))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && (($(now_ms) < deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      say "${names[$pid]} (pid $pid) did not stop within 60 s of SIGTERM; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  "$root/deploy/postgres.sh" stop "$data/postgres" || true
  rm -f "$run/run.pid"
}
trap 'stop_all; exit 0' INT TERM
trap 'stop_all' EXIT
# deploy/silo.sh signals a new request; until the platform serves, requests wait in $run/requests.
trap ':' USR1

if $build; then
  say "building ($configuration)"
  for project in hosts/Dua.Migrations hosts/Dua.Silo hosts/Dua.Gateway tools/Dua.DemoData tools/Dua.DevIdentity; do
    dotnet build "$root/$project" -c "$configuration" -nologo -v quiet -clp:ErrorsOnly >/dev/null ||
      { echo "run.sh: build of $project failed; run 'dotnet build $project' to see why" >&2; exit 1; }
  done
fi

# --- Web app: build -------------------------------------------------------------------------------------------
if $build; then
  dotnet build "$root/hosts/Dua.Web" -c "$configuration" -nologo -v quiet -clp:ErrorsOnly >/dev/null ||
    { echo "run.sh: build of hosts/Dua.Web failed; run 'dotnet build hosts/Dua.Web' to see why" >&2; exit 1; }
fi
web_bin="$root/hosts/Dua.Web/bin/$configuration/net10.0"
[[ -f "$web_bin/Dua.Web.dll" ]] || { echo "run.sh: $(shown "$web_bin/Dua.Web.dll") is missing; run without --no-build" >&2; exit 1; }
# --- end web app ----------------------------------------------------------------------------------------------

# --contentRoot: each program reads its appsettings.json from its own build folder, whatever the caller's folder.
migrations_dll="$root/hosts/Dua.Migrations/bin/$configuration/net10.0/Dua.Migrations.dll"
silo_bin="$root/hosts/Dua.Silo/bin/$configuration/net10.0"
gateway_bin="$root/hosts/Dua.Gateway/bin/$configuration/net10.0"
demo_dll="$root/tools/Dua.DemoData/bin/$configuration/net10.0/Dua.DemoData.dll"
idp_bin="$root/tools/Dua.DevIdentity/bin/$configuration/net10.0"
for assembly in "$migrations_dll" "$silo_bin/Dua.Silo.dll" "$gateway_bin/Dua.Gateway.dll" "$demo_dll" "$idp_bin/Dua.DevIdentity.dll"; do
  [[ -f "$assembly" ]] || { echo "run.sh: $(shown "$assembly") is missing; run without --no-build" >&2; exit 1; }
done

"$root/deploy/postgres.sh" start "$data/postgres" "$pg_port"
connection=$("$root/deploy/postgres.sh" url "$pg_port")

say "applying the schema"
dotnet "$migrations_dll" "$connection"

export ConnectionStrings__Dua="$connection"

# The pseudonym key stays with the data: a new key would make every enrolled person a stranger.
key_file="$data/pseudonym.key"
[[ -s "$key_file" ]] || (umask 077 && head -c 32 /dev/urandom | base64 >"$key_file")
Participants__PseudonymKey=$(<"$key_file")
export Participants__PseudonymKey

keys="$run/keys"
mkdir -p "$keys"
chmod 700 "$keys"
# A secret of 64 hex digits in FILE (mode 600), made once and kept across restarts.
ensure_secret() { [[ -s "$1" ]] || (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$1"); }
# The internal credential only the gateway presents to the silos (64 hex digits); a silo refuses calls without it.
credential_file="$keys/silo-credential"
ensure_secret "$credential_file"
silo_credential=$(<"$credential_file")

# --- TLS (--tls): development certificates and the settings that turn it on ------------------------------------
gateway_url="http://127.0.0.1:$gateway_port"
# The environment that makes a .NET client (the web app, the demo loader) trust the development CA.
trust_dev_ca=()
rm -f "$run/tls.env"
if $tls; then
  "$root/deploy/dev-certs.sh" "$keys/tls" silo 127.0.0.1 localhost
  "$root/deploy/dev-certs.sh" "$keys/tls" gateway 127.0.0.1 localhost
  export Silo__Tls__CertificatePath="$keys/tls/silo.pem" Silo__Tls__CertificateKeyPath="$keys/tls/silo.key" \
    Silo__Tls__CaPath="$keys/tls/ca.pem"
  export Gateway__Tls__CertificatePath="$keys/tls/gateway.pem" Gateway__Tls__CertificateKeyPath="$keys/tls/gateway.key" \
    Gateway__Tls__CaPath="$keys/tls/ca.pem"
  gateway_url="https://127.0.0.1:$gateway_port"
  trust_dev_ca=(SSL_CERT_FILE="$keys/tls/ca.pem")
  # deploy/lib.sh's health probe and deploy/silo.sh read it: the silos' probes answer over https.
  state_put "$run/tls.env" "ca=$keys/tls/ca.pem"
fi
# --- end TLS --------------------------------------------------------------------------------------------------

# --- Identity provider: secrets and start ----------------------------------------------------------------------
# The provider's signing keys stay in keys/identity, so tokens it issued stay valid across restarts; the gateway
# learns them (and any rotation) from the provider's published key set.
ensure_secret "$keys/web-client-secret"
ensure_secret "$keys/dev-tokens-client-secret"
readonly token_audience=dua-platform
echo "=== $(date -Is) identity provider starting" >>"$run/identity.log"
DevIdentity__Url="$idp_url" DevIdentity__WebAppUrl="$idp_web_app_url" DevIdentity__Audience=$token_audience \
  DevIdentity__KeyDirectory="$keys/identity" DevIdentity__WebClientSecret="$(<"$keys/web-client-secret")" \
  DevIdentity__DevTokensClientSecret="$(<"$keys/dev-tokens-client-secret")" \
  dotnet "$idp_bin/Dua.DevIdentity.dll" --contentRoot "$idp_bin" >>"$run/identity.log" 2>&1 &
idp_pid=$!
pids+=("$idp_pid")
names[$idp_pid]="identity provider"
say "identity provider starting: $idp_url, pid $idp_pid, log $(shown "$run/identity.log")"
# The gateway reads the provider's metadata on its first call: the provider must answer before the gateway serves.
for ((t = 0; ; t++)); do
  curl -sf "$idp_url/.well-known/openid-configuration" >/dev/null 2>&1 && break
  kill -0 "$idp_pid" 2>/dev/null || { echo "run.sh: the identity provider exited during start-up; see $(shown "$run/identity.log")" >&2; tail -n 20 "$run/identity.log" >&2; exit 1; }
  ((t < 240)) || { echo "run.sh: the identity provider did not answer in 120 s; see $(shown "$run/identity.log")" >&2; exit 1; }
  sleep 0.5
done
# deploy/token.sh finds the provider of this platform here.
state_put "$run/identity.env" "url=$idp_url" "pid=$idp_pid"
# A token for the given role and areas from the identity provider (as deploy/token.sh gets them).
mint_token() { DUA_RUN_DIR="$run" "$root/deploy/token.sh" "$@"; }
# --- end identity provider ------------------------------------------------------------------------------------

save_silo() {
  local i=$1
  state_put "$run/silos/$i" "index=$i" "pid=${silo_pid[$i]}" "state=${silo_state[$i]}" \
    "grpc=$((grpc_base + i))" "http=$((http_base + i))" "orleans=$((silo_base + i))" \
    "orleans_client=$((orleans_client_base + i))" "log=$run/silo-$i.log" \
    "term_at=${silo_term_ms[$i]:-}" "exit_code=${silo_exit[$i]:-}" "stop_ms=${silo_stop_took[$i]:-}" \
    "term_ms=${silo_term_took[$i]:-}"
}

# Starts silo i as a child of this script, so Ctrl-C and the exit report cover it wherever it was asked for.
start_silo() {
  local i=$1 pid
  echo "=== $(date -Is) silo $i starting" >>"$run/silo-$i.log"
  Silo__ClusterId=$cluster_id Silo__GrpcPort=$((grpc_base + i)) Silo__HttpPort=$((http_base + i)) \
  Silo__SiloPort=$((silo_base + i)) Silo__OrleansClientPort=$((orleans_client_base + i)) \
  Silo__GatewayCredential="$silo_credential" \
    dotnet "$silo_bin/Dua.Silo.dll" --contentRoot "$silo_bin" >>"$run/silo-$i.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  names[$pid]="silo $i"
  silo_index[$pid]=$i
  silo_pid[$i]=$pid
  silo_state[$i]=running
  silo_exit[$i]=""
  silo_stop_took[$i]=""
  silo_term_took[$i]=""
  silo_term_ms[$i]=""
  save_silo "$i"
  say "silo $i starting: gRPC 127.0.0.1:$((grpc_base + i)), pid $pid, log $(shown "$run/silo-$i.log")"
}

for ((i = 0; i < silos; i++)); do start_silo "$i"; done

Gateway__ClusterId=$cluster_id Gateway__GrpcPort=$gateway_port Gateway__PollInterval="$(printf '00:00:%02d' "$gateway_poll_seconds")" \
  Gateway__Authentication__Authority="$idp_url/" Gateway__Authentication__Issuer="$idp_url/" \
  Gateway__Authentication__Audience=$token_audience \
  Gateway__SiloCredential="$silo_credential" \
  DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION=1024 \
  dotnet "$gateway_bin/Dua.Gateway.dll" --contentRoot "$gateway_bin" >"$run/gateway.log" 2>&1 &
gateway_pid=$!
pids+=("$gateway_pid")
names[$gateway_pid]="gateway"

# Ready when every silo reports healthy on its HTTP probe and the gateway listens.
for ((i = 0; i < silos; i++)); do
  for ((t = 0; ; t++)); do
    healthy $((http_base + i)) && break
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "run.sh: a process exited during start-up; see $(shown "$run")/*.log" >&2; tail -n 20 "$run"/*.log >&2; exit 1; }
    done
    ((t < 240)) || { echo "run.sh: silo $i did not become healthy in 120 s; see $(shown "$run/silo-$i.log")" >&2; exit 1; }
    sleep 0.5
  done
done
until port_taken "$gateway_port"; do sleep 0.2; done

# --- Web app: start (after the gateway, its only back end) ----------------------------------------------------
# People sign in at the identity provider as the dua-web client; the secret stays in a file, out of the environment.
echo "=== $(date -Is) web app starting" >>"$run/web.log"
# With --tls the web app trusts the development CA for its calls to the gateway (OpenSSL's SSL_CERT_FILE).
env "${trust_dev_ca[@]}" Web__Port=$web_port Web__GatewayAddress="$gateway_url" \
  SignIn__Authority="$idp_url/" SignIn__ClientId=dua-web SignIn__ClientSecretFile="$keys/web-client-secret" \
  dotnet "$web_bin/Dua.Web.dll" --contentRoot "$web_bin" >>"$run/web.log" 2>&1 &
web_pid=$!
pids+=("$web_pid")
names[$web_pid]="web app"
say "web app starting: $web_url, pid $web_pid, log $(shown "$run/web.log")"
for ((t = 0; ; t++)); do
  [[ "$(curl -s "$web_url/healthz" 2>/dev/null)" == ok ]] && break
  kill -0 "$web_pid" 2>/dev/null || { echo "run.sh: the web app exited during start-up; see $(shown "$run/web.log")" >&2; tail -n 20 "$run/web.log" >&2; exit 1; }
  ((t < 240)) || { echo "run.sh: the web app did not answer in 120 s; see $(shown "$run/web.log")" >&2; exit 1; }
  sleep 0.5
done
state_put "$run/web.env" "url=$web_url" "pid=$web_pid"
# --- end web app ----------------------------------------------------------------------------------------------

if $demo; then
  say "loading the demo data set"
  # It writes for Hudiksvall, Eskilstuna and Gävleborg: an agency token for the whole country covers them all.
  DUA_TOKEN=$(mint_token agency SE) env "${trust_dev_ca[@]}" dotnet "$demo_dll" "$gateway_url" ||
    { echo "run.sh: loading the demo data failed" >&2; exit 1; }
fi

# --- Operations: requests from deploy/silo.sh ---------------------------------------------------------------

# Answers request ID: the first line is "ok <silo index>" or "error <exit code>", then lines for the operator.
reply() {
  local id=$1
  shift
  state_put "$run/requests/$id.reply" "$@"
}

live_silos() {
  local i n=0
  for i in "${!silo_state[@]}"; do
    if [[ "${silo_state[$i]}" == running ]]; then n=$((n + 1)); fi
  done
  echo "$n"
}

# The lowest silo index that runs no silo and whose four ports are free (a stopped silo's index comes back
# with its ports, as a redeployed machine would); ports in use elsewhere are skipped and reported.
add_silo() {
  local id=$1 i taken notes=()
  for ((i = 0; i < max_silos; i++)); do
    [[ "${silo_state[$i]:-}" == running || "${silo_state[$i]:-}" == stopping ]] && continue
    taken=$(silo_port_in_use "$i")
    if [[ -n "$taken" ]]; then
      notes+=("silo $i skipped: its $taken is already in use")
      say "${notes[-1]}"
      continue
    fi
    start_silo "$i"
    reply "$id" "ok $i" "${notes[@]}" "silo $i starting: gRPC 127.0.0.1:$((grpc_base + i)), pid ${silo_pid[$i]}, log $(shown "$run/silo-$i.log")"
    return
  done
  reply "$id" "error 3" "${notes[@]}" "no free ports for silo indices 0..$((max_silos - 1)); free some, or restart with other DUA_SILO_*_BASE"
}

stop_silo() {
  local id=$1 i=$2 timer
  if [[ "${silo_state[$i]:-}" != running ]]; then
    reply "$id" "error 1" "silo $i is not running${silo_state[$i]:+ (it is ${silo_state[$i]})}; see deploy/silo.sh list"
    return
  fi
  if (($(live_silos) < 2)); then
    reply "$id" "error 1" "silo $i is the last running silo: stopping it would leave the gateway nothing to route to. Add one first (deploy/silo.sh add), or stop the platform with Ctrl-C"
    return
  fi
  # The silo drains itself on SIGTERM: it withdraws its endpoint, so the gateway stops routing to it at its next
  # poll, and keeps serving for Silo:DrainDelay (3 s) before its web server and Orleans stop.
  silo_state[$i]=stopping
  silo_stop_ms[$i]=$(now_ms)
  save_silo "$i"
  terminate_silo "$i"
  reply "$id" "ok $i" "silo $i (pid ${silo_pid[$i]}) stopping: it withdraws from the gateway, drains for 3 s, then leaves the cluster"
}

# SIGTERM makes the host shut down in order: it withdraws its endpoint and drains, its web server finishes the
# calls in flight, Orleans leaves the membership (Dead) and deactivates the silo's grains, whose state is already
# in PostgreSQL.
terminate_silo() {
  local i=$1
  [[ "${silo_state[$i]}" == stopping ]] || return 0
  silo_term_ms[$i]=$(now_ms)
  save_silo "$i"
  kill -TERM "${silo_pid[$i]}" 2>/dev/null || true
  say "silo $i (pid ${silo_pid[$i]}) stopping (SIGTERM)"
}

handle_requests() {
  local request id command
  for request in "$run/requests"/*.request; do
    [[ -e "$request" ]] || continue
    id=$(basename "$request" .request)
    command=$(<"$request")
    rm -f "$request"
    case "$command" in
      add) add_silo "$id" ;;
      "stop "[0-9]*) stop_silo "$id" "${command#stop }" ;;
      *) reply "$id" "error 1" "unknown request '$command'" ;;
    esac
  done
}

process_exited() {
  local pid=$1 code=$2 i p remaining=()
  for p in "${pids[@]}"; do [[ "$p" == "$pid" ]] || remaining+=("$p"); done
  pids=("${remaining[@]}")
  i=${silo_index[$pid]:-}
  if [[ -z "$i" ]]; then
    say "${names[$pid]} (pid $pid) exited with code $code; see $(shown "$run") (the silos keep running)"
    return
  fi
  silo_exit[$i]=$code
  if [[ "${silo_state[$i]}" == stopping ]]; then
    silo_state[$i]=stopped
    silo_stop_took[$i]=$(($(now_ms) - ${silo_stop_ms[$i]}))
    silo_term_took[$i]=$(($(now_ms) - ${silo_term_ms[$i]:-${silo_stop_ms[$i]}}))
    save_silo "$i"
    if ((code == 128 + 9)); then
      say "silo $i (pid $pid) killed (SIGKILL) $(seconds "${silo_term_took[$i]}") after SIGTERM"
    else
      say "silo $i (pid $pid) stopped $(seconds "${silo_term_took[$i]}") after SIGTERM, exit code $code"
    fi
  else
    silo_state[$i]=exited
    save_silo "$i"
    say "silo $i (pid $pid) exited with code $code; see $(shown "$run/silo-$i.log") (the rest keeps serving)"
  fi
}

state_put "$run/platform.env" "pid=$$" "gateway_port=$gateway_port" "gateway_pid=$gateway_pid" "pg_port=$pg_port" \
  "cluster_id=$cluster_id" "data=$data" "grpc_base=$grpc_base" "http_base=$http_base" \
  "silo_port_base=$silo_base" "silo_orleans_client_base=$orleans_client_base" "idp_port=$idp_port" "idp_pid=$idp_pid"

ready_token=$(mint_token agency SE) || { echo "run.sh: could not get a token from the identity provider" >&2; exit 1; }
# How the operator calls deploy/token.sh for this platform: with its state folder when it is not the default one.
token_command=deploy/token.sh
[[ "$run" == "$root/.run" ]] || token_command="DUA_RUN_DIR=$run deploy/token.sh"

transport="h2c"
try_call="npx --yes @bufbuild/buf curl --protocol grpc --http2-prior-knowledge -H \"authorization: Bearer \$DUA_TOKEN\" \\
    -d '{\"municipality_code\":\"2184\"}' http://127.0.0.1:$gateway_port/dua.v1.MunicipalityService/GetMunicipality"
if $tls; then
  transport="TLS, CA $(shown "$keys/tls/ca.pem")"
  try_call="npx --yes @bufbuild/buf curl --protocol grpc --cacert $(shown "$keys/tls/ca.pem") -H \"authorization: Bearer \$DUA_TOKEN\" \\
    -d '{\"municipality_code\":\"2184\"}' https://127.0.0.1:$gateway_port/dua.v1.MunicipalityService/GetMunicipality"
fi
cat <<INFO

Dua Platform is running.
  gateway (gRPC, $transport):  127.0.0.1:$gateway_port   <- the single entry point
  silos (gRPC, $transport):    127.0.0.1:$grpc_base..$((grpc_base + silos - 1))
  PostgreSQL:           $connection   (data in $(shown "$data/postgres"))
  logs:                 $(shown "$run")/
  identity provider:    $idp_url/   (development OpenID Connect provider; the gateway's authority)

Every call needs a token. An agency token for the whole country, valid for 1 hour:
  export DUA_TOKEN=$ready_token
Other roles and areas ($token_command ROLE [AREA...]):
  export DUA_TOKEN=\$($token_command regional-office 21)     # Gävleborg's regional office
  export DUA_TOKEN=\$($token_command agency 2184)            # an agency for Hudiksvall
  export DUA_TOKEN=\$($token_command operations)

Try:
  $try_call

deploy/silo.sh add | stop N | list   adds a silo, stops one gracefully, lists them.
Ctrl-C stops everything.
INFO
# --- Web app: address -----------------------------------------------------------------------------------------
cat <<WEB
Regional offices open the web app in a browser:
  web app:              $web_url/   (sign in as "Regionkontor Gävleborg" on the provider's page)
WEB
# --- end web app ----------------------------------------------------------------------------------------------

# A lost silo is what the platform is built to survive: report it and keep serving with the others. A signal
# from deploy/silo.sh interrupts the wait; then its request is handled.
handle_requests
while ((${#pids[@]})); do
  finished=""
  code=0
  wait -n -p finished "${pids[@]}" 2>/dev/null || code=$?
  if [[ -n "${finished:-}" ]]; then process_exited "$finished" "$code"; fi
  handle_requests
done
echo "run.sh: every platform process has exited; see $(shown "$run")/*.log" >&2
exit 1
