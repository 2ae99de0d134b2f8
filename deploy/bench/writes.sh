#!/usr/bin/env bash
# Durable writes, measured in one run on this machine:
#   1. a plain PostgreSQL single-row upsert (pgbench, 16 clients, fsync and synchronous_commit on), the ceiling;
#   2. participants' progress events (dua.v1.ParticipantService/RecordProgress) through the gateway, each
#      acknowledged only once stored in PostgreSQL, driven by tools/Dua.LoadTest after it seeds its data set.
# It starts its own platform (deploy/run.sh, 2 silos) on ports of its own, and stops everything it started.
#
#   deploy/bench/writes.sh [--participants N] [--duration 30s] [--concurrency 64] [--silos 2]
#
# Results: .run/bench/writes/ (pgbench.txt, the load test's report.md and report.json), and a summary on stdout.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
participants=10000
duration=30s
concurrency=64
silos=2
while (($#)); do
  case "$1" in
    --participants) participants=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --silos) silos=$2; shift 2 ;;
    *) echo "usage: $0 [--participants N] [--duration 30s] [--concurrency 64] [--silos 2]" >&2; exit 2 ;;
  esac
done

out=$root/.run/bench/writes
# A fresh database each run: a data set seeded before would be answered as retries, and its participants moved on.
rm -rf "$out/data" "$out/run"
mkdir -p "$out"
export DUA_GATEWAY_PORT=${DUA_GATEWAY_PORT:-5900} DUA_PG_PORT=${DUA_PG_PORT:-55490}
export DUA_WEB_PORT=${DUA_WEB_PORT:-6900} DUA_IDP_PORT=${DUA_IDP_PORT:-6901}
export DUA_SILO_GRPC_BASE=${DUA_SILO_GRPC_BASE:-5910} DUA_SILO_HTTP_BASE=${DUA_SILO_HTTP_BASE:-5930}
export DUA_SILO_PORT_BASE=${DUA_SILO_PORT_BASE:-11910} DUA_SILO_ORLEANS_CLIENT_BASE=${DUA_SILO_ORLEANS_CLIENT_BASE:-30910}
export DUA_DATA_DIR=$out/data DUA_RUN_DIR=$out/run

# shellcheck source=deploy/bench/platform.sh
source "$root/deploy/bench/platform.sh"
# shellcheck source=deploy/platform-state.sh
source "$root/deploy/platform-state.sh"
echo "== starting the platform ($silos silos) on gateway port $DUA_GATEWAY_PORT, PostgreSQL $DUA_PG_PORT"
start_platform "$out/platform.log" --silos "$silos"

echo "== 1. pgbench: single-row upsert, 16 clients, 20 s"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg=(-h 127.0.0.1 -p "$DUA_PG_PORT" -U postgres)
"$bin/psql" "${pg[@]}" -d postgres -qX -c "DROP DATABASE IF EXISTS upsert_bench" -c "CREATE DATABASE upsert_bench" >/dev/null
"$bin/psql" "${pg[@]}" -d upsert_bench -qX -c \
  "CREATE TABLE item (id int PRIMARY KEY, version bigint NOT NULL, payload text NOT NULL, updated_at timestamptz NOT NULL)"
cat >"$out/upsert.sql" <<'SQL'
\set id random(1, 100000)
INSERT INTO item (id, version, payload, updated_at) VALUES (:id, 1, 'step', now())
ON CONFLICT (id) DO UPDATE SET version = item.version + 1, payload = EXCLUDED.payload, updated_at = EXCLUDED.updated_at;
SQL
"$bin/pgbench" "${pg[@]}" -n -M prepared -c 16 -j 2 -T 20 -f "$out/upsert.sql" upsert_bench | tee "$out/pgbench.txt"
# One client: the latency of one durable commit on this machine, the floor under a write at 1 in flight.
"$bin/pgbench" "${pg[@]}" -n -M prepared -c 1 -j 1 -T 10 -f "$out/upsert.sql" upsert_bench | tee "$out/pgbench-1.txt"

echo "== 2. RecordProgress through the gateway: seed $participants participants, then $duration of progress at $concurrency in flight"
dotnet build "$root/tools/Dua.LoadTest" -c Release -v quiet -nologo >/dev/null
# An agency token for the whole country: the data set spans all municipalities.
token=$(platform_token agency SE)
L=("$root/tools/Dua.LoadTest/bin/Release/net10.0/Dua.LoadTest.dll" --target "http://127.0.0.1:$DUA_GATEWAY_PORT"
   --participants "$participants")
# The CPU each server process spends per call, in the progress phases' reports: the write's CPU budget.
watch=(--watch "gateway=$(state_get "$DUA_RUN_DIR/platform.env" gateway_pid)")
for ((i = 0; i < silos; i++)); do
  watch+=(--watch "silo$i=$(state_get "$DUA_RUN_DIR/silos/$i" pid)")
done
# PostgreSQL's backends come and go, so its CPU is summed over the user's processes from /proc (clock ticks).
postgres_ticks() { pgrep -u postgres | sed 's|.*|/proc/&/stat|' | xargs -r cat 2>/dev/null | awk '{ s += $14 + $15 } END { print s + 0 }'; }
# Commits and WAL of the platform's database, read around each phase: PostgreSQL work per acknowledged write.
pg_counters() {
  "$bin/psql" "${pg[@]}" -d dua -AtX -c \
    "SELECT xact_commit, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint FROM pg_stat_database WHERE datname = 'dua'"
}
pg_delta() { # BEFORE AFTER LABEL: commits and WAL bytes between two pg_counters
  awk -F'|' -v a="$1" -v l="$3" 'BEGIN { split(a, b, "|") } { printf "%s: %d commits, %.1f MB WAL\n", l, $1 - b[1], ($2 - b[2]) / 1e6 }' <<<"$2"
}
# Statements per acknowledged step, from pg_stat_statements (deploy/postgres.sh preloads it): reset after seeding,
# read after the progress phase at full concurrency.
statements() {
  "$bin/psql" "${pg[@]}" -d dua -AtX -F ' | ' -c "$1"
}
statements "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
c0=$(pg_counters)
DUA_TOKEN=$token dotnet "${L[@]}" --phases seed --concurrency "$concurrency" --report-dir "$out/seed"
statements "SELECT pg_stat_statements_reset()" >/dev/null
c1=$(pg_counters)
t1=$(postgres_ticks)
DUA_TOKEN=$token dotnet "${L[@]}" --phases progress --duration "$duration" --concurrency "$concurrency" "${watch[@]}" --report-dir "$out/progress-$concurrency"
t2=$(postgres_ticks)
c2=$(pg_counters)
statements "SELECT calls, rows, round(total_exec_time::numeric, 1) AS ms, left(regexp_replace(query, '\s+', ' ', 'g'), 90)
            FROM pg_stat_statements JOIN pg_database d ON d.oid = dbid WHERE d.datname = 'dua' ORDER BY calls DESC LIMIT 12" \
  >"$out/statements-$concurrency.txt"
# Where a write's time goes at 1 in flight: the silos' own histograms (their /metrics), read around that phase.
silo_metrics() {
  for ((i = 0; i < silos; i++)); do
    curl -sf "http://127.0.0.1:$(state_get "$DUA_RUN_DIR/silos/$i" http)/metrics"
  done
}
silo_metrics >"$out/metrics-1-before.txt"
DUA_TOKEN=$token dotnet "${L[@]}" --phases progress --duration "$duration" --concurrency 1 "${watch[@]}" --report-dir "$out/progress-1"
silo_metrics >"$out/metrics-1-after.txt"

echo
echo "== summary (machine load: $(cut -d' ' -f1-3 /proc/loadavg))"
grep -E "^tps|latency average" "$out/pgbench.txt" | sed 's/^/pgbench upsert: /'
grep -E "latency average" "$out/pgbench-1.txt" | sed 's/^/pgbench upsert, 1 client: /'
grep -hE "EnrolParticipant|RecordProgress" "$out/seed/report.md" | head -4 | sed 's/^/seed: /'
grep -hE "RecordProgress" "$out/progress-$concurrency/report.md" | head -2 | sed "s/^/progress at $concurrency: /"
grep -hE "RecordProgress" "$out/progress-1/report.md" | head -2 | sed 's/^/progress at 1: /'
pg_delta "$c0" "$c1" "seed (database dua)"
pg_delta "$c1" "$c2" "progress at $concurrency (database dua)"
echo "CPU per acknowledged call at $concurrency in flight (µs):"
python3 - "$out/progress-$concurrency/report.json" "$((t2 - t1))" "$(getconf CLK_TCK)" <<'PY'
import json, sys
report, ticks, hz = json.load(open(sys.argv[1])), int(sys.argv[2]), int(sys.argv[3])
phase = next(p for p in report["phases"] if p["name"] == "progress")
calls = sum(op["ok"] for op in phase["operations"])
parts = {w["name"]: w["microseconds_per_call"] for w in phase["watched"]}
# The PostgreSQL ticks span the whole load-generator run (its start, the resolving of its data set and the warm-up
# too), so they overstate.
parts["postgres (whole run)"] = ticks / hz * 1e6 / calls
parts["client"] = phase["client_cpu_seconds"] * 1e6 / calls
print("  " + ", ".join(f"{name} {us:.0f}" for name, us in parts.items()))
PY
echo "where a call's time goes at 1 in flight (means over the phase, from the silos' histograms):"
python3 - "$out/metrics-1-before.txt" "$out/metrics-1-after.txt" "$out/progress-1/report.json" <<'PY'
import json, re, sys
def totals(path):
    sums = {}
    for line in open(path):
        m = re.match(r'(\w+)(\{[^}]*\})?\s+([0-9.eE+-]+)', line)
        if not m:
            continue
        name, labels = m.group(1), m.group(2) or ""
        if name.startswith("http_server_request_duration_seconds_") and "RecordProgress" not in labels:
            continue
        sums[name] = sums.get(name, 0.0) + float(m.group(3))
    return sums
before, after = totals(sys.argv[1]), totals(sys.argv[2])
def mean(base):
    count = after.get(base + "_count", 0) - before.get(base + "_count", 0)
    return (after.get(base + "_sum", 0) - before.get(base + "_sum", 0)) / count if count else float("nan"), count
report = json.load(open(sys.argv[3]))
phase = next(p for p in report["phases"] if p["name"] == "progress")
client = next(o for o in phase["operations"] if o["name"] == "RecordProgress")["latency_ms"]["mean"]
served, _ = mean("http_server_request_duration_seconds")
write, writes = mean("dua_storage_write_duration_seconds")
commit, commits = mean("dua_storage_commit_duration_seconds")
size, _ = mean("dua_storage_commit_writes")
print(f"  RecordProgress at the load generator {client:.2f} ms; in the silo {served * 1e3:.2f} ms; outside the silo"
      f" (gateway, both hops, client) {client - served * 1e3:.2f} ms")
print(f"  storage: {writes:.0f} writes in {commits:.0f} commits ({size:.2f} a commit); a commit {commit * 1e3:.2f} ms,"
      f" a write from queued to durable {write * 1e3:.2f} ms (all calls of the phase, enrolments too)")
PY
echo "statements during progress at $concurrency (calls | rows | ms | text):"
sed 's/^/  /' "$out/statements-$concurrency.txt"
echo "full reports: $out/{seed,progress-$concurrency,progress-1}/report.md"
