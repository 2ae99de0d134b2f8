#!/usr/bin/env bash
# Reads by id, straight to a silo and through the gateway, side by side in one run: GetParticipant over every
# participant of the data set and GetAgreement over every agreement, each id read in turn (shuffled), so no cache
# answers a read twice in a row. Measured by tools/Dua.LoadTest, which also records the CPU the silo and the gateway
# spend per call. It starts its own platform (deploy/run.sh, 1 silo, so both paths reach the same silo) on ports of
# its own, seeds it, and stops everything it started.
#
#   deploy/bench/reads.sh [--participants N] [--rounds R] [--duration 10s] [--concurrency 64]
#
# Cores (2 here): the load generator on core 0, the silo and the gateway on core 1, so the direct rows and the
# gateway rows get the same server CPU and the ratio shows what forwarding costs. PostgreSQL is not pinned: once
# the grains are active (a warm-up pass reads every id first), a read does not reach it.
# Every round runs every method straight and through the gateway, in turn: a burst of other work on a shared
# machine falls on all of them alike. The summary gives the median over the rounds.
#
# Results: .run/bench/reads/ (each run's report.md and report.json), a summary on stdout.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
participants=10000
rounds=3
duration=10s
concurrency=64
while (($#)); do
  case "$1" in
    --participants) participants=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    *) echo "usage: $0 [--participants N] [--rounds R] [--duration 10s] [--concurrency 64]" >&2; exit 2 ;;
  esac
done

out=$root/.run/bench/reads
rm -rf "$out"
mkdir -p "$out"
export DUA_GATEWAY_PORT=${DUA_GATEWAY_PORT:-5600} DUA_PG_PORT=${DUA_PG_PORT:-55460}
export DUA_WEB_PORT=${DUA_WEB_PORT:-6600} DUA_IDP_PORT=${DUA_IDP_PORT:-6601}
export DUA_SILO_GRPC_BASE=${DUA_SILO_GRPC_BASE:-5610} DUA_SILO_HTTP_BASE=${DUA_SILO_HTTP_BASE:-5630}
export DUA_SILO_PORT_BASE=${DUA_SILO_PORT_BASE:-11610} DUA_SILO_ORLEANS_CLIENT_BASE=${DUA_SILO_ORLEANS_CLIENT_BASE:-30610}
export DUA_DATA_DIR=$out/data DUA_RUN_DIR=$out/run

# shellcheck source=deploy/bench/platform.sh
source "$root/deploy/bench/platform.sh"
# shellcheck source=deploy/platform-state.sh
source "$root/deploy/platform-state.sh"
echo "== starting the platform (1 silo) on gateway port $DUA_GATEWAY_PORT"
start_platform "$out/platform.log" --silos 1
dotnet build "$root/tools/Dua.LoadTest" -c Release -v quiet -nologo >/dev/null

silo_pid=$(state_get "$DUA_RUN_DIR/silos/0" pid)
gateway_pid=$(state_get "$DUA_RUN_DIR/platform.env" gateway_pid)
gateway=http://127.0.0.1:$DUA_GATEWAY_PORT
silo=http://127.0.0.1:$DUA_SILO_GRPC_BASE
# An agency token for the whole country through the gateway; straight to the silo, the internal credential
# (the load generator then sends the caller headers the gateway would add).
export DUA_TOKEN DUA_SILO_CREDENTIAL
DUA_TOKEN=$(platform_token agency SE)
DUA_SILO_CREDENTIAL=$(<"$DUA_RUN_DIR/keys/silo-credential")
L=(dotnet "$root/tools/Dua.LoadTest/bin/Release/net10.0/Dua.LoadTest.dll" --participants "$participants")

echo "== seeding $participants participants through the gateway"
"${L[@]}" --target "$gateway" --phases seed --report-dir "$out/seed" >"$out/seed.log" 2>&1 || { tail -20 "$out/seed.log"; exit 1; }

taskset -a -p -c 1 "$silo_pid" >/dev/null
taskset -a -p -c 1 "$gateway_pid" >/dev/null

# read METHOD TARGET-NAME REPORT-DIR [load-test options]
read_run() {
  local method=$1 name=$2 dir=$3
  shift 3
  local target=$gateway
  [[ $name == direct ]] && target=$silo
  taskset -c 0 "${L[@]}" --target "$target" --phases read --read-method "$method" --concurrency "$concurrency" \
    --watch "silo=$silo_pid" --watch "gateway=$gateway_pid" --report-dir "$dir" "$@" >"$dir.log" 2>&1 \
    || { tail -20 "$dir.log"; exit 1; }
}

echo "== warm-up: every id read once through the gateway (activates every grain)"
for method in participant agreement; do
  read_run "$method" gateway "$out/warm-up-$method" --duration 20s --warmup 0s
done

for ((r = 1; r <= rounds; r++)); do
  echo "== round $r of $rounds"
  for method in participant agreement; do
    for name in direct gateway; do
      read_run "$method" "$name" "$out/$method-$name-$r" --duration "$duration" --warmup 2s
    done
  done
done

echo
echo "== summary (machine load: $(cut -d' ' -f1-3 /proc/loadavg)); median of $rounds rounds"
python3 - "$out" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])

def run(method, name, r):
    report = json.load(open(f"{out}/{method}-{name}-{r}/report.json"))
    phase = next(p for p in report["phases"] if p["name"] == "read")
    op = phase["operations"][0]
    cpu = {w["name"]: w["microseconds_per_call"] for w in phase["watched"]}
    return dict(name=op["name"], ok_s=op["ok_per_second"], p50=op["latency_ms"]["p50"], p99=op["latency_ms"]["p99"],
                silo=cpu["silo"], gateway=cpu["gateway"], client=phase["client_cpu_seconds"] / phase["elapsed_seconds"],
                errors=op["calls"] - op["ok"])

print("| read | path | ok/s | p50 ms | p99 ms | silo µs/call | gateway µs/call | client CPU (of core 0) | errors |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for method in ("participant", "agreement"):
    for name in ("direct", "gateway"):
        rows = [run(method, name, r) for r in range(1, rounds + 1)]
        m = {k: statistics.median(row[k] for row in rows) for k in ("ok_s", "p50", "p99", "silo", "gateway", "client")}
        gateway_cpu = f"{m['gateway']:.0f}" if name == "gateway" else "-"
        print(f"| {rows[0]['name']} | {name} | {m['ok_s']:,.0f} | {m['p50']:.2f} | {m['p99']:.2f} | {m['silo']:.0f} | {gateway_cpu} "
              f"| {m['client']:.0%} | {sum(row['errors'] for row in rows)} |")
for method in ("participant", "agreement"):
    pairs = [(run(method, "gateway", r)["ok_s"], run(method, "direct", r)["ok_s"]) for r in range(1, rounds + 1)]
    ratio = statistics.median(g for g, _ in pairs) / statistics.median(d for _, d in pairs)
    print(f"{method}: through the gateway {ratio:.2f}x direct (ratio of the medians; per round "
          + ", ".join(f"{g / d:.2f}" for g, d in pairs) + ")")
PY
echo "full reports: $out/{participant,agreement}-{direct,gateway}-N/report.md"
