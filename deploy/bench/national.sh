#!/usr/bin/env bash
# The load generator's national data set loaded through the gateway (every agreement, report, enrolment and step by
# the public API), timed; then OperationsService/RecountRegion for Gävleborg, Södermanland and Stockholm, each
# comparing the live summaries and every month of the trends with a count from the authoritative state.
# It starts its own platform (deploy/run.sh, 2 silos) on ports of its own, and stops everything it started.
#
#   deploy/bench/national.sh [--participants N] [--resume]
#
# --participants: default 1000000 (about two hours here; 100000 take about 11 minutes).
# --resume: keeps the database of the previous run and seeds again. What is stored is answered as retries, and the
# seeding goes on where it stopped: the load generator resends a participant's enrolment and only the steps its
# history lacks.
# The load generator takes a new token every 15 minutes (--token-command), as the provider's tokens last an hour.
#
# Results: .run/bench/national/ (the load test's report.md and report.json, recount-CC.json), a summary on stdout.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
participants=1000000
resume=false
while (($#)); do
  case "$1" in
    --participants) participants=$2; shift 2 ;;
    --resume) resume=true; shift ;;
    *) echo "usage: $0 [--participants N] [--resume]" >&2; exit 2 ;;
  esac
done

out=$root/.run/bench/national
seed=$out/seed
if $resume; then
  [[ -d "$out/data" ]] || { echo "national.sh: nothing to resume in $out" >&2; exit 2; }
  seed=$out/seed-resumed-$(date -u +%H%M)
else
  rm -rf "$out"
fi
mkdir -p "$out"
export DUA_GATEWAY_PORT=${DUA_GATEWAY_PORT:-5700} DUA_PG_PORT=${DUA_PG_PORT:-55470}
export DUA_WEB_PORT=${DUA_WEB_PORT:-6700} DUA_IDP_PORT=${DUA_IDP_PORT:-6701}
export DUA_SILO_GRPC_BASE=${DUA_SILO_GRPC_BASE:-5710} DUA_SILO_HTTP_BASE=${DUA_SILO_HTTP_BASE:-5730}
export DUA_SILO_PORT_BASE=${DUA_SILO_PORT_BASE:-11710} DUA_SILO_ORLEANS_CLIENT_BASE=${DUA_SILO_ORLEANS_CLIENT_BASE:-30710}
export DUA_DATA_DIR=$out/data DUA_RUN_DIR=$out/run

# A recount reads every participant of its county (Stockholm's 231,000 of the national set took 66 s here, longer
# while the silos still count at start-up). The gateway gives a recount 90 s at a silo and waits 100 s for a silo's
# answer: both are raised together (the gateway refuses a recount deadline longer than its wait).
export ReverseProxy__Clusters__silos__HttpRequest__ActivityTimeout=00:10:00 Gateway__Limits__RecountDeadline=00:10:00

# shellcheck source=deploy/bench/platform.sh
source "$root/deploy/bench/platform.sh"
echo "== starting the platform (2 silos) on gateway port $DUA_GATEWAY_PORT"
start_platform "$out/platform.log" --silos 2
dotnet build "$root/tools/Dua.LoadTest" -c Release -v quiet -nologo >/dev/null

echo "== seeding $participants participants through the gateway"
started=$(date +%s)
dotnet "$root/tools/Dua.LoadTest/bin/Release/net10.0/Dua.LoadTest.dll" --token-command "$root/deploy/token.sh agency SE" \
  --target "http://127.0.0.1:$DUA_GATEWAY_PORT" --participants "$participants" --phases seed --concurrency 64 \
  --report-dir "$seed" >"$seed.log" 2>&1
echo "seeded in $(( $(date +%s) - started )) s"
grep -E "^\| (EnrolParticipant|RecordProgress) " "$seed/report.md"

echo "== RecountRegion (live against a count from storage, summaries and every trend month)"
ops=$(platform_token operations)
for county in 21 04 01; do
  npx --yes @bufbuild/buf curl --protocol grpc --http2-prior-knowledge -H "authorization: Bearer $ops" \
    -d "{\"region_code\":\"$county\"}" "http://127.0.0.1:$DUA_GATEWAY_PORT/dua.v1.OperationsService/RecountRegion" \
    >"$out/recount-$county.json" || { echo "county $county: the recount failed (above)"; continue; }
  python3 - "$out/recount-$county.json" "$county" <<'PY'
import json, sys
answer = json.load(open(sys.argv[1]))
enrolled = lambda side: answer.get(side, {}).get("summary", {}).get("participants", {}).get("enrolled", {}).get("value")
print(f"county {sys.argv[2]}: equal {answer.get('equal', False)}, trend months compared {answer.get('trendMonthsCompared', 0)}, "
      f"enrolled live {enrolled('live')} recount {enrolled('recount')}, differences {len(answer.get('differences', []))}")
PY
done
