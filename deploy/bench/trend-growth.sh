#!/usr/bin/env bash
# The trend growth benchmark on data loaded through the API: a 24-month GetRegionTrend for Stockholm (01) with a small
# data set and with the national data set, both loaded by the load generator through the gateway, every enrolment and
# step a real call. The control is Gotland's (09) summary, which the data set's size should not move either.
#
#   deploy/bench/trend-growth.sh [--small N] [--rounds R] [--duration 10s]
#
# The large data set is the database deploy/bench/national.sh leaves in .run/bench/national/data (1,000,000
# participants by default; loading it takes about two hours). This script seeds the small one itself (--small,
# default 10,000) into a database of its own. Each platform (2 silos, as national.sh runs it) is started on its
# stored data, so neither holds the activations of its seeding, and read straight at silo 0 with the gateway's
# credential: a read through the gateway could be answered by its response cache. Reads are one at a time; each
# round reads the trend, then the control. Memory is each silo's resident set once the reads are done.
#
# Results: .run/bench/trend-growth/ (each run's report.md and report.json), a summary on stdout.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
small=10000
rounds=3
duration=10s
while (($#)); do
  case "$1" in
    --small) small=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    *) echo "usage: $0 [--small N] [--rounds R] [--duration 10s]" >&2; exit 2 ;;
  esac
done

large_data=$root/.run/bench/national/data
if [[ ! -d "$large_data" ]]; then
  echo "trend-growth.sh: no national data set in $large_data; load it first with deploy/bench/national.sh" >&2
  exit 2
fi
large=$(python3 -c "import json; print(json.load(open('$root/.run/bench/national/seed/report.json'))['settings']['participants'])" 2>/dev/null || echo "?")

out=$root/.run/bench/trend-growth
rm -rf "$out"
mkdir -p "$out"
export DUA_GATEWAY_PORT=${DUA_GATEWAY_PORT:-5500} DUA_PG_PORT=${DUA_PG_PORT:-55450}
export DUA_WEB_PORT=${DUA_WEB_PORT:-6500} DUA_IDP_PORT=${DUA_IDP_PORT:-6501}
export DUA_SILO_GRPC_BASE=${DUA_SILO_GRPC_BASE:-5510} DUA_SILO_HTTP_BASE=${DUA_SILO_HTTP_BASE:-5530}
export DUA_SILO_PORT_BASE=${DUA_SILO_PORT_BASE:-11510} DUA_SILO_ORLEANS_CLIENT_BASE=${DUA_SILO_ORLEANS_CLIENT_BASE:-30510}

# shellcheck source=deploy/bench/platform.sh
source "$root/deploy/bench/platform.sh"
# shellcheck source=deploy/platform-state.sh
source "$root/deploy/platform-state.sh"
dotnet build "$root/tools/Dua.LoadTest" -c Release -v quiet -nologo >/dev/null
L=(dotnet "$root/tools/Dua.LoadTest/bin/Release/net10.0/Dua.LoadTest.dll")

# measure NAME PARTICIPANTS: reads from the running platform into $out/NAME-*.
measure() {
  local name=$1 participants=$2 silo0 silo1 direct
  silo0=$(state_get "$DUA_RUN_DIR/silos/0" pid)
  silo1=$(state_get "$DUA_RUN_DIR/silos/1" pid)
  direct=http://127.0.0.1:$DUA_SILO_GRPC_BASE
  export DUA_SILO_CREDENTIAL
  DUA_SILO_CREDENTIAL=$(<"$DUA_RUN_DIR/keys/silo-credential")
  # A silo counts its counties from storage after it starts (minutes for the national set), and a county's trend is
  # answered once its count is done: read every county's trend until all answer.
  echo "== $name: waiting until every county's trend answers"
  local deadline=$((SECONDS + 1800))
  until "${L[@]}" --target "$direct" --participants "$participants" --phases read --read-method region-trend \
      --concurrency 21 --duration 1s --warmup 0s --timeout 10s --report-dir "$out/$name-ready" >"$out/$name-ready.log" 2>&1 \
      && python3 -c "
import json, sys
phase = json.load(open('$out/$name-ready/report.json'))['phases'][0]
op = phase['operations'][0]
sys.exit(0 if op['calls'] >= 21 and op['ok'] == op['calls'] else 1)"; do
    if ((SECONDS > deadline)); then
      echo "trend-growth.sh: the $name platform's trends did not all answer within 30 minutes" >&2
      exit 1
    fi
  done
  echo "== $name: warm-up, every county's trend and summary"
  for method in region-trend region-summary; do
    "${L[@]}" --target "$direct" --participants "$participants" --phases read --read-method "$method" --concurrency 4 \
      --duration 5s --warmup 0s --report-dir "$out/$name-warm-up-$method" >"$out/$name-warm-up-$method.log" 2>&1 \
      || { tail -20 "$out/$name-warm-up-$method.log"; exit 1; }
  done
  for ((r = 1; r <= rounds; r++)); do
    echo "== $name: round $r of $rounds"
    for read in trend:region-trend:01 control:region-summary:09; do
      IFS=: read -r label method county <<<"$read"
      "${L[@]}" --target "$direct" --participants "$participants" --phases read --read-method "$method" --region "$county" \
        --concurrency 1 --duration "$duration" --warmup 2s --watch "silo0=$silo0" --watch "silo1=$silo1" \
        --report-dir "$out/$name-$label-$r" >"$out/$name-$label-$r.log" 2>&1 || { tail -20 "$out/$name-$label-$r.log"; exit 1; }
    done
  done
  for pid in "$silo0" "$silo1"; do
    awk '/^VmRSS/ { printf "%d\n", $2 * 1024 }' "/proc/$pid/status"
  done | paste -sd' ' >"$out/$name-rss.txt"
}

echo "== small: seeding $small participants through the gateway"
export DUA_DATA_DIR=$out/small/data DUA_RUN_DIR=$out/small/run
start_platform "$out/small-seeding.log" --silos 2
DUA_TOKEN=$(platform_token agency SE) "${L[@]}" --target "http://127.0.0.1:$DUA_GATEWAY_PORT" --participants "$small" \
  --phases seed --report-dir "$out/small-seed" >"$out/small-seed.log" 2>&1 || { tail -20 "$out/small-seed.log"; exit 1; }
stop_platform
echo "== small: the platform started again on its stored data"
start_platform "$out/small-platform.log" --silos 2
measure small "$small"
stop_platform

echo "== large: the platform started on the national data set ($large participants; counting it takes minutes)"
export DUA_DATA_DIR=$large_data DUA_RUN_DIR=$out/large/run
start_platform "$out/large-platform.log" --silos 2
measure large "$large"
stop_platform

echo
echo "== summary (machine load: $(cut -d' ' -f1-3 /proc/loadavg)); medians of $rounds rounds, reads one at a time at silo 0"
python3 - "$out" "$rounds" "$small" "$large" <<'PY'
import json, statistics, sys
out, rounds, small, large = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]

def run(name, label, r):
    report = json.load(open(f"{out}/{name}-{label}-{r}/report.json"))
    phase = next(p for p in report["phases"] if p["name"] == "read")
    op = phase["operations"][0]
    cpu = sum(w["microseconds_per_call"] for w in phase["watched"])
    return dict(op=op["name"], p50=op["latency_ms"]["p50"], p99=op["latency_ms"]["p99"], cpu=cpu, errors=op["calls"] - op["ok"])

def medians(name, label):
    rows = [run(name, label, r) for r in range(1, rounds + 1)]
    return rows[0]["op"], {k: statistics.median(row[k] for row in rows) for k in ("p50", "p99", "cpu")}, sum(row["errors"] for row in rows)

rss = {name: [int(v) for v in open(f"{out}/{name}-rss.txt").read().split()] for name in ("small", "large")}
print(f"| read | data set | participants | p50 ms | p99 ms | silos' CPU µs a read | errors |")
print("|---|---|---:|---:|---:|---:|---:|")
for label, county in (("trend", "01, 24 months"), ("control", "09")):
    for name, n in (("small", f"{small:,}"), ("large", large)):
        op, m, errors = medians(name, label)
        print(f"| {op} ({county}) | {name} | {n} | {m['p50']:.2f} | {m['p99']:.2f} | {m['cpu']:.0f} | {errors} |")
for label in ("trend", "control"):
    _, s, _ = medians("small", label)
    _, l, _ = medians("large", label)
    print(f"{label}: large / small, p50 {l['p50'] / s['p50']:.2f}, p99 {l['p99'] / s['p99']:.2f}")
print("silos' resident memory, MB: small " + " + ".join(f"{v / 1e6:.0f}" for v in rss["small"])
      + ", large " + " + ".join(f"{v / 1e6:.0f}" for v in rss["large"]))
if large != "?":
    grown = sum(rss["large"]) - sum(rss["small"])
    print(f"per participant more: {grown / (int(large) - small):.0f} bytes")
PY
echo "full reports: $out/{small,large}-{trend,control}-N/report.md"
