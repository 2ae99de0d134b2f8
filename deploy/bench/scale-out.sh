#!/usr/bin/env bash
# Adding a silo to a running platform under load: GetRegionSummary reads through the gateway for 60 s against
# 2 silos; after 25 s, deploy/silo.sh adds a third. The load test's report shows, second by second, which silo
# served the calls (the dua-served-by header): the new silo's column fills in without touching the gateway.
# It starts its own platform on ports of its own and stops everything it started.
#
#   deploy/bench/scale-out.sh [--duration 60] [--add-after 25]
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
duration=60
add_after=25
while (($#)); do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --add-after) add_after=$2; shift 2 ;;
    *) echo "usage: $0 [--duration 60] [--add-after 25]" >&2; exit 2 ;;
  esac
done

out=$root/.run/bench/scale-out
mkdir -p "$out"
export DUA_GATEWAY_PORT=${DUA_GATEWAY_PORT:-5950} DUA_PG_PORT=${DUA_PG_PORT:-55495}
export DUA_SILO_GRPC_BASE=${DUA_SILO_GRPC_BASE:-5960} DUA_SILO_HTTP_BASE=${DUA_SILO_HTTP_BASE:-5980}
export DUA_SILO_PORT_BASE=${DUA_SILO_PORT_BASE:-11960} DUA_SILO_ORLEANS_CLIENT_BASE=${DUA_SILO_ORLEANS_CLIENT_BASE:-30960}
export DUA_DATA_DIR=$out/data DUA_RUN_DIR=$out/run

# shellcheck source=deploy/bench/platform.sh
source "$root/deploy/bench/platform.sh"
echo "== starting the platform (2 silos) on gateway port $DUA_GATEWAY_PORT"
start_platform "$out/platform.log" --silos 2

dotnet build "$root/tools/Dua.LoadTest" -c Release -v quiet -nologo >/dev/null
echo "== reading for ${duration} s; a third silo is added after ${add_after} s"
# GetRegionSummary of every county, exact: an agency token for the whole country.
token=$(platform_token agency SE)
DUA_TOKEN=$token dotnet "$root/tools/Dua.LoadTest/bin/Release/net10.0/Dua.LoadTest.dll" \
  --target "http://127.0.0.1:$DUA_GATEWAY_PORT" --phases read --duration "${duration}s" --warmup 0s \
  --concurrency 32 --report-dir "$out" &
load=$!
sleep "$add_after"
started=$(date +%s%3N)
"$root/deploy/silo.sh" add
echo "silo added and healthy $(( $(date +%s%3N) - started )) ms after the request"
wait "$load"

echo
sed -n '/Calls per/,$p' "$out/report.md"
