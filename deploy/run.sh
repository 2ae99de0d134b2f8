#!/usr/bin/env bash
# Starts the whole platform on this machine: a project-local PostgreSQL, the schema, N silos and the gateway.
# Everything listens on 127.0.0.1. Ctrl-C stops it all; a restart finds the data again (in .data/).
#
#   deploy/run.sh [--silos N] [--demo]
#
# --demo loads a small data set from published facts (Hudiksvall, Eskilstuna) through the gateway; loading it
# again changes nothing.
#
# Ports (override by environment): DUA_GATEWAY_PORT (5000), DUA_PG_PORT (55432), and per silo i = 0..N-1:
# gRPC DUA_SILO_GRPC_BASE+i (5101), HTTP DUA_SILO_HTTP_BASE+i (5201), Orleans DUA_SILO_PORT_BASE+i (11111)
# and DUA_SILO_GATEWAY_BASE+i (30000).
# Exit codes: 0 stopped by Ctrl-C, 1 failure, 2 usage, 3 a port is taken.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
silos=2
demo=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --silos) silos="${2:-}"; shift 2 ;;
    --demo) demo=true; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$silos" =~ ^[1-9][0-9]?$ ]] || { echo "run.sh: --silos takes a number from 1 to 99" >&2; exit 2; }

gateway_port=${DUA_GATEWAY_PORT:-5000}
pg_port=${DUA_PG_PORT:-55432}
grpc_base=${DUA_SILO_GRPC_BASE:-5101}
http_base=${DUA_SILO_HTTP_BASE:-5201}
silo_base=${DUA_SILO_PORT_BASE:-11111}
orleans_gateway_base=${DUA_SILO_GATEWAY_BASE:-30000}
cluster_id=${DUA_CLUSTER_ID:-dua}
data="$root/.data"
run="$root/.run"
configuration=Release

say() { echo "run.sh: $*"; }
port_taken() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
require_free() {
  if port_taken "$2"; then
    echo "run.sh: $1 port $2 on 127.0.0.1 is already in use. Stop what uses it, or set $3 to another port." >&2
    exit 3
  fi
}

command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK (dotnet) is required: https://dot.net" >&2; exit 1; }

# Check every port before starting anything, so a clash never leaves half a platform running.
require_free gateway "$gateway_port" DUA_GATEWAY_PORT
for ((i = 0; i < silos; i++)); do
  require_free "silo $i gRPC" $((grpc_base + i)) DUA_SILO_GRPC_BASE
  require_free "silo $i HTTP" $((http_base + i)) DUA_SILO_HTTP_BASE
  require_free "silo $i Orleans" $((silo_base + i)) DUA_SILO_PORT_BASE
  require_free "silo $i Orleans gateway" $((orleans_gateway_base + i)) DUA_SILO_GATEWAY_BASE
done

mkdir -p "$data" "$run"
"$root/deploy/postgres.sh" start "$data/postgres" "$pg_port"
connection=$("$root/deploy/postgres.sh" url "$pg_port")

pids=()
declare -A names
stop_all() {
  trap - INT TERM EXIT
  # Whoever read our output (a pipe into tee, say) may be gone after Ctrl-C: still stop everything.
  trap '' PIPE
  say "stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  "$root/deploy/postgres.sh" stop "$data/postgres" || true
}
trap 'stop_all; exit 0' INT TERM
trap 'stop_all' EXIT

say "building ($configuration)"
for project in services/Dua.Migrations services/Dua.Silo gateway/Dua.Gateway deploy/Dua.DemoData; do
  dotnet build "$root/$project" -c "$configuration" -nologo -v quiet -clp:ErrorsOnly >/dev/null ||
    { echo "run.sh: build of $project failed; run 'dotnet build $project' to see why" >&2; exit 1; }
done

say "applying the schema"
dotnet "$root/services/Dua.Migrations/bin/$configuration/net10.0/Dua.Migrations.dll" "$connection"

# --contentRoot: each program reads its appsettings.json from its own build folder, whatever the caller's folder.
silo_bin="$root/services/Dua.Silo/bin/$configuration/net10.0"
gateway_bin="$root/gateway/Dua.Gateway/bin/$configuration/net10.0"
export ConnectionStrings__Dua="$connection"

# The pseudonym key stays with the data: a new key would make every enrolled person a stranger.
key_file="$data/pseudonym.key"
[[ -s "$key_file" ]] || (umask 077 && head -c 32 /dev/urandom | base64 >"$key_file")
Participants__PseudonymKey=$(<"$key_file")
export Participants__PseudonymKey
for ((i = 0; i < silos; i++)); do
  Silo__ClusterId=$cluster_id Silo__GrpcPort=$((grpc_base + i)) Silo__HttpPort=$((http_base + i)) \
  Silo__SiloPort=$((silo_base + i)) Silo__GatewayPort=$((orleans_gateway_base + i)) \
    dotnet "$silo_bin/Dua.Silo.dll" --contentRoot "$silo_bin" >"$run/silo-$i.log" 2>&1 &
  pids+=($!)
  names[$!]="silo $i"
  say "silo $i starting: gRPC 127.0.0.1:$((grpc_base + i)), log .run/silo-$i.log"
done

Gateway__ClusterId=$cluster_id Gateway__GrpcPort=$gateway_port \
  DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION=1024 \
  dotnet "$gateway_bin/Dua.Gateway.dll" --contentRoot "$gateway_bin" >"$run/gateway.log" 2>&1 &
pids+=($!)
names[$!]="gateway"

# Ready when every silo reports healthy on its HTTP probe and the gateway listens.
for ((i = 0; i < silos; i++)); do
  for ((t = 0; ; t++)); do
    [[ "$(curl -s "http://127.0.0.1:$((http_base + i))/healthz" 2>/dev/null)" == Healthy ]] && break
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "run.sh: a process exited during start-up; see .run/*.log" >&2; tail -n 20 "$run"/*.log >&2; exit 1; }
    done
    ((t < 240)) || { echo "run.sh: silo $i did not become healthy in 120 s; see .run/silo-$i.log" >&2; exit 1; }
    sleep 0.5
  done
done
until port_taken "$gateway_port"; do sleep 0.2; done

if $demo; then
  say "loading the demo data set"
  dotnet "$root/deploy/Dua.DemoData/bin/$configuration/net10.0/Dua.DemoData.dll" "http://127.0.0.1:$gateway_port" ||
    { echo "run.sh: loading the demo data failed" >&2; exit 1; }
fi

cat <<INFO

Dua Platform is running.
  gateway (gRPC, h2c):  127.0.0.1:$gateway_port   <- the single entry point
  silos (gRPC, h2c):    127.0.0.1:$grpc_base..$((grpc_base + silos - 1))
  PostgreSQL:           $connection   (data in .data/postgres)
  logs:                 .run/

Try:
  npx --yes @bufbuild/buf curl --protocol grpc --http2-prior-knowledge \\
    -d '{"municipality_code":"2184"}' http://127.0.0.1:$gateway_port/dua.v1.MunicipalityService/GetMunicipality

Ctrl-C stops everything.
INFO

# A lost silo is what the platform is built to survive: report it and keep serving with the others.
while ((${#pids[@]})); do
  wait -n "${pids[@]}" 2>/dev/null || true
  alive=()
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then alive+=("$pid"); else say "${names[$pid]} (pid $pid) exited; see .run/ (the rest keeps serving)"; fi
  done
  pids=("${alive[@]}")
done
echo "run.sh: every platform process has exited; see .run/*.log" >&2
exit 1
