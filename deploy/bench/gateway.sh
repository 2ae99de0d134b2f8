#!/usr/bin/env bash
# What the gateway costs: the same gRPC calls straight to a silo and through the gateway, loaded by h2load, in
# one run, with the ratios. Starts its own PostgreSQL, one silo and the gateways on ports of its own, and stops
# everything it started (also on Ctrl-C or failure).
#
#   deploy/bench/gateway.sh [--rounds N] [--duration S] [--warm-up S] [--clients C] [--streams M]
#                           [--variants LIST] [--try NAME 'VAR=VALUE ...']... [--baseline REF] [--no-build]
#
# Targets, each loaded by h2load (C clients x M streams) for a warm-up run of S seconds and a measured run:
#   health direct      grpc.health.v1.Health/Check on the silo: the ceiling, a trivial method
#   read direct        dua.v1.RegionService/GetRegion {region_code:"21"} on the silo: a cheap grain-backed read
#   read via VARIANT   the same read through each gateway variant
#   summary ...        dua.v1.StatisticsService/GetRegionSummary {region_code:"21"}, direct and per variant,
#                      once the silo serves it (left out while it answers UNIMPLEMENTED)
# Every round runs every target once, in that order; the report gives the median req/s over the rounds, latency
# percentiles over all measured calls, and the ratios (of the medians, and per round). On a shared machine the
# interleaving matters: a burst of other work falls on all targets alike.
#
# Gateway variants (--variants, comma-separated; default baseline,tuned,cached), all running side by side:
#   baseline  the gateway as of --baseline REF (default: the commit before the gateway was tuned), built from
#             `git archive` into .run/bench/baseline
#   tuned     this tree's gateway with its shipped settings, the response cache turned off: the cost of forwarding
#   cached    this tree's gateway as shipped, response cache on. GetRegion is added to its allow-list for this run
#             (it is not on the shipped one), as a stand-in for the summary reads until they exist.
#   --try NAME 'VAR=VALUE ...' adds a variant NAME: this tree's gateway with those environment variables on top,
#             e.g. --try wks-gc 'DOTNET_gcServer=0' (how each setting in docs/benchmarks.md was measured).
# Every gateway runs with the environment run.sh gives it (DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_...=1024), and a
# per-caller rate limit far above what one machine can send (Gateway__RateLimit__PermitsPerSecond and __Burst,
# BENCH_RATE_LIMIT, 1000000), so the limit does not cap the figures: h2load is one caller.
#
# Security: a development key pair and silo credential of this run (.run/bench/keys). Calls through this tree's
# gateways carry an agency token (authorization: Bearer); calls straight to the silo carry what a gateway would
# add (the internal credential and the dua-caller-* headers). The baseline gateway predates authentication and
# passes headers on as they come, so calls through it carry the silo's headers too.
#
# Cores (2 here): h2load on BENCH_CPUS_LOAD (0), the silo on BENCH_CPUS_SILO (1), the gateways on
# BENCH_CPUS_GATEWAY (1). So the server side gets core 1 in every row, the silo alone or the gateway and
# the silo together, and a ratio compares equal server CPU. BENCH_CPUS_GATEWAY=0 puts the gateway beside h2load
# instead (its own core, less what h2load uses).
#
# Ports (env): DUA_BENCH_GATEWAY_PORT (5800, and the next ones for more variants), DUA_BENCH_PG_PORT (55480),
# DUA_BENCH_SILO_GRPC (5810), DUA_BENCH_SILO_HTTP (5820), DUA_BENCH_SILO_PORT (11810),
# DUA_BENCH_SILO_ORLEANS_CLIENT (30810; formerly DUA_BENCH_SILO_GATEWAY, still read).
# Exit codes: 0 done, 1 failure (a call that does not answer OK included), 2 usage, 3 a port is taken.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
# Standard output is the report; progress goes to standard error.
say_fd=2
# shellcheck source=deploy/lib.sh
source "$root/deploy/lib.sh"
rounds=3
duration=10
warmup=3
clients=4
streams=8
variants=baseline,tuned,cached
# The last commit before the gateway was tuned for issue 4: the "baseline" variant.
baseline_ref=856776a
build=true
declare -A tries
try_order=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="${2:-}"; shift 2 ;;
    --duration) duration="${2:-}"; shift 2 ;;
    --warm-up) warmup="${2:-}"; shift 2 ;;
    --clients) clients="${2:-}"; shift 2 ;;
    --streams) streams="${2:-}"; shift 2 ;;
    --variants) variants="${2:-}"; shift 2 ;;
    --baseline) baseline_ref="${2:-}"; shift 2 ;;
    --try)
      [[ "${2:-}" =~ ^[a-z0-9][a-z0-9-]*$ && $# -ge 3 ]] || { echo "gateway.sh: --try takes a name (a-z, 0-9, -) and 'VAR=VALUE ...'" >&2; exit 2; }
      tries[$2]="$3"; try_order+=("$2"); shift 3 ;;
    --no-build) build=false; shift ;;
    -h|--help) sed -n '2,/^# Exit codes/p' "$0"; exit 0 ;;
    *) echo "gateway.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$rounds" "$duration" "$warmup" "$clients" "$streams"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "gateway.sh: --rounds, --duration, --warm-up, --clients and --streams take whole numbers > 0" >&2; exit 2; }
done
for v in ${variants//,/ }; do
  [[ "$v" =~ ^(baseline|tuned|cached)$ ]] || { echo "gateway.sh: unknown variant '$v' (baseline, tuned, cached)" >&2; exit 2; }
done
for v in "${try_order[@]}"; do
  [[ ",$variants," != *,$v,* ]] || { echo "gateway.sh: --try $v names a variant twice" >&2; exit 2; }
  variants+=",$v"
done
variants=${variants#,}

gateway_port=${DUA_BENCH_GATEWAY_PORT:-5800}
pg_port=${DUA_BENCH_PG_PORT:-55480}
silo_grpc=${DUA_BENCH_SILO_GRPC:-5810}
silo_http=${DUA_BENCH_SILO_HTTP:-5820}
silo_port=${DUA_BENCH_SILO_PORT:-11810}
renamed_variable DUA_BENCH_SILO_GATEWAY DUA_BENCH_SILO_ORLEANS_CLIENT
silo_orleans_client=${DUA_BENCH_SILO_ORLEANS_CLIENT:-30810}
cpus_load=${BENCH_CPUS_LOAD:-0}
cpus_silo=${BENCH_CPUS_SILO:-1}
cpus_gateway=${BENCH_CPUS_GATEWAY:-1}
cluster_id=bench
configuration=Release
data="$root/.data/bench"
work="$root/.run/bench"

command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is required"
command -v curl >/dev/null || die "curl is required (it checks each target's gRPC status before loading it)"
install_package h2load nghttp2-client

i=0
for variant in ${variants//,/ }; do
  port=$((gateway_port + i++))
  for silo_side in "$silo_grpc" "$silo_http" "$pg_port"; do
    ((port != silo_side)) || { echo "gateway.sh: $variant gateway would take port $port, which the silo or PostgreSQL uses: fewer variants, or move DUA_BENCH_GATEWAY_PORT" >&2; exit 2; }
  done
  require_free "$variant gateway" "$port" DUA_BENCH_GATEWAY_PORT
done
require_free PostgreSQL "$pg_port" DUA_BENCH_PG_PORT
require_free "silo gRPC" "$silo_grpc" DUA_BENCH_SILO_GRPC
require_free "silo HTTP" "$silo_http" DUA_BENCH_SILO_HTTP
require_free "silo Orleans" "$silo_port" DUA_BENCH_SILO_PORT
require_free "silo Orleans client" "$silo_orleans_client" DUA_BENCH_SILO_ORLEANS_CLIENT

mkdir -p "$data" "$work"
rm -rf "$work/h2load" "$work/results.tsv" && mkdir -p "$work/h2load"

# --- stopping everything we start -----------------------------------------------------------------------
pids=()
pg_started=false
stop_pid() {
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
stop_all() {
  trap - INT TERM EXIT
  trap '' PIPE
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if $pg_started; then "$root/deploy/postgres.sh" stop "$data/postgres" >/dev/null || true; fi
}
trap 'stop_all; exit 130' INT TERM
trap 'stop_all' EXIT

# --- builds ---------------------------------------------------------------------------------------------
silo_bin="$root/hosts/Dua.Silo/bin/$configuration/net10.0"
gateway_bin="$root/hosts/Dua.Gateway/bin/$configuration/net10.0"
migrations_dll="$root/hosts/Dua.Migrations/bin/$configuration/net10.0/Dua.Migrations.dll"
baseline_src="$work/baseline"
# The baseline commit predates hosts/: its gateway project is in gateway/Dua.Gateway.
baseline_bin="$baseline_src/gateway/Dua.Gateway/bin/$configuration/net10.0"
tokens_dll="$root/tools/Dua.DevTokens/bin/$configuration/net10.0/Dua.DevTokens.dll"
build_project() {
  dotnet build "$1" -c "$configuration" -nologo -v quiet -clp:ErrorsOnly >/dev/null ||
    die "build of $1 failed; run 'dotnet build $1 -c $configuration' to see why"
}
if $build; then
  say "building ($configuration)"
  for project in hosts/Dua.Migrations hosts/Dua.Silo hosts/Dua.Gateway tools/Dua.DevTokens; do build_project "$root/$project"; done
fi
if [[ ",$variants," == *,baseline,* ]]; then
  commit=$(git -C "$root" rev-parse --verify "$baseline_ref^{commit}" 2>/dev/null) || die "--baseline $baseline_ref is not a commit here"
  if [[ "$(cat "$baseline_src/.commit" 2>/dev/null)" != "$commit" || ! -f "$baseline_bin/Dua.Gateway.dll" ]]; then
    say "building the baseline gateway of ${commit:0:10} (git archive into .run/bench/baseline)"
    rm -rf "$baseline_src" && mkdir -p "$baseline_src"
    git -C "$root" archive "$commit" Directory.Build.props Directory.Packages.props global.json gateway | tar -x -C "$baseline_src"
    build_project "$baseline_src/gateway/Dua.Gateway"
    echo "$commit" >"$baseline_src/.commit"
  fi
fi
[[ -f "$silo_bin/Dua.Silo.dll" && -f "$gateway_bin/Dua.Gateway.dll" && -f "$migrations_dll" && -f "$tokens_dll" ]] ||
  die "build outputs are missing; run without --no-build"

# --- keys, credential, token ----------------------------------------------------------------------------
keys="$work/keys"
mkdir -p "$keys" && chmod 700 "$keys"
dotnet "$tokens_dll" keygen --private-key "$keys/dev-signing.pem" --public-key "$keys/dev-signing.pub.pem" >/dev/null ||
  die "could not create the key pair in .run/bench/keys"
silo_credential=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
token=$(dotnet "$tokens_dll" mint --private-key "$keys/dev-signing.pem" --role agency --area SE --subject bench-gateway) ||
  die "could not mint a token"
rate_limit=${BENCH_RATE_LIMIT:-1000000}
# Request headers per kind of target: through this tree's gateways a token; straight to the silo (or through the
# baseline gateway, which passes headers on) the credential and caller headers a gateway would set.
token_headers=(-H "authorization: Bearer $token")
silo_headers=(-H "dua-caller-credential: $silo_credential" -H "dua-caller-subject: bench-gateway"
  -H "dua-caller-organisation: bench" -H "dua-caller-role: agency" -H "dua-caller-areas: SE")
headers_of() {  # KIND (silo or token): sets $headers
  if [[ "$1" == token ]]; then headers=("${token_headers[@]}"); else headers=("${silo_headers[@]}"); fi
}

# --- PostgreSQL, schema, silo ---------------------------------------------------------------------------
"$root/deploy/postgres.sh" start "$data/postgres" "$pg_port" >/dev/null
pg_started=true
connection=$("$root/deploy/postgres.sh" url "$pg_port")
dotnet "$migrations_dll" "$connection" >/dev/null
export ConnectionStrings__Dua="$connection"

# The silo runs as run.sh runs it; only its ports and cluster id differ.
say "starting the silo on cores $cpus_silo (gRPC 127.0.0.1:$silo_grpc)"
Participants__PseudonymKey=$(head -c 32 /dev/urandom | base64) \
Silo__ClusterId=$cluster_id Silo__GrpcPort=$silo_grpc Silo__HttpPort=$silo_http \
Silo__SiloPort=$silo_port Silo__OrleansClientPort=$silo_orleans_client Silo__GatewayCredential="$silo_credential" \
  taskset -c "$cpus_silo" dotnet "$silo_bin/Dua.Silo.dll" --contentRoot "$silo_bin" >"$work/silo.log" 2>&1 &
silo_pid=$!
pids+=("$silo_pid")
for ((t = 0; ; t++)); do
  healthy "$silo_http" && break
  kill -0 "$silo_pid" 2>/dev/null || { tail -n 20 "$work/silo.log" >&2; die "the silo exited during start-up; see .run/bench/silo.log"; }
  ((t < 240)) || die "the silo did not become healthy in 120 s; see .run/bench/silo.log"
  sleep 0.5
done

# --- request bodies: gRPC framing (1 byte not compressed, 4 bytes big-endian length) + protobuf ----------
# Health/Check: an empty HealthCheckRequest. GetRegion and GetRegionSummary: field 1 (region_code), wire type 2
# (length-delimited) = tag 0x0a, length 2, "21".
printf '\x00\x00\x00\x00\x00' >"$work/health.bin"
printf '\x00\x00\x00\x00\x04\x0a\x0221' >"$work/region-21.bin"

health_path=/grpc.health.v1.Health/Check
read_path=/dua.v1.RegionService/GetRegion
summary_path=/dua.v1.StatisticsService/GetRegionSummary

# Prints "<grpc-status> <served-by> <response bytes>" for one call, from curl's headers and trailers.
grpc_call() {  # URL BODY KIND
  local url="$1" body="$2" dump="$work/curl.headers" size headers
  headers_of "$3"
  size=$(curl -sS --http2-prior-knowledge -H 'content-type: application/grpc' -H 'te: trailers' "${headers[@]}" \
    --data-binary "@$body" -D "$dump" -o /dev/null -w '%{size_download}' "$url") || { echo "curl-failed - 0"; return; }
  local status served
  status=$(tr -d '\r' <"$dump" | awk -F': ' 'tolower($1) == "grpc-status" { s = $2 } END { print (s == "" ? "none" : s) }')
  served=$(tr -d '\r' <"$dump" | awk -F': ' 'tolower($1) == "dua-served-by" { s = $2 } END { print (s == "" ? "-" : s) }')
  echo "$status $served $size"
}


# --- gateway variants, all running at once on ports gateway_port + i ------------------------------------
# Side by side rather than one after the other: the rounds below then interleave every target, so a burst of
# other work on this shared machine falls on all of them alike.
declare -A gateway_port_of gateway_pid_of
# The headers calls through a variant carry: the baseline gateway predates tokens (see the top).
kind_of() { if [[ "$1" == baseline ]]; then echo silo; else echo token; fi; }
start_gateway() {
  local variant="$1" port="$2" bin="$gateway_bin" env=() kind
  kind=$(kind_of "$variant")
  case "$variant" in
    baseline) bin="$baseline_bin" ;;
    cached)
      env+=(Gateway__ResponseCache__Enabled=true)
      # The shipped allow-list (entries 0-2), plus the stand-in read for this run only.
      env+=("Gateway__ResponseCache__Methods__3=$read_path")
      ;;
    tuned) env+=(Gateway__ResponseCache__Enabled=false) ;;
    *) env+=(Gateway__ResponseCache__Enabled=false); read -r -a extra <<<"${tries[$variant]}"; env+=("${extra[@]}") ;;
  esac
  # As run.sh starts it (its shared array pool setting included), on its own port.
  env Gateway__ClusterId=$cluster_id Gateway__GrpcPort="$port" \
    Gateway__Authentication__Issuer=dua-development Gateway__Authentication__Audience=dua-platform \
    Gateway__Authentication__SigningKeyFiles__0="$keys/dev-signing.pub.pem" Gateway__SiloCredential="$silo_credential" \
    Gateway__RateLimit__PermitsPerSecond="$rate_limit" Gateway__RateLimit__Burst="$rate_limit" \
    DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION=1024 "${env[@]}" \
    taskset -c "$cpus_gateway" dotnet "$bin/Dua.Gateway.dll" --contentRoot "$bin" >"$work/gateway-$variant.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  # Ready once a call through it reaches the silo (it learns the silo from the membership table).
  for ((t = 0; ; t++)); do
    read -r status _ _ < <(grpc_call "http://127.0.0.1:$port$health_path" "$work/health.bin" "$kind" 2>/dev/null)
    [[ "$status" == 0 ]] && break
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$work/gateway-$variant.log" >&2; die "the $variant gateway exited; see .run/bench/gateway-$variant.log"; }
    ((t < 120)) || die "the $variant gateway did not route to the silo in 60 s; see .run/bench/gateway-$variant.log"
    sleep 0.5
  done
  gateway_port_of[$variant]=$port
  gateway_pid_of[$variant]=$pid
}
i=0
for variant in ${variants//,/ }; do
  say "starting the $variant gateway on cores $cpus_gateway (127.0.0.1:$((gateway_port + i)))"
  start_gateway "$variant" $((gateway_port + i))
  i=$((i + 1))
done

# --- targets --------------------------------------------------------------------------------------------
targets=()   # "name|url|body|gateway pid or -|header kind"
health_status=$(grpc_call "http://127.0.0.1:$silo_grpc$health_path" "$work/health.bin" silo | cut -d' ' -f1)
[[ "$health_status" == 0 ]] || die "the silo's health check answers grpc-status $health_status"
summary_status=$(grpc_call "http://127.0.0.1:$silo_grpc$summary_path" "$work/region-21.bin" silo | cut -d' ' -f1)
with_summary=false
if [[ "$summary_status" == 0 ]]; then
  with_summary=true
else
  say "GetRegionSummary answers grpc-status $summary_status on the silo (12 = UNIMPLEMENTED): summary rows left out"
fi
targets+=("health direct|http://127.0.0.1:$silo_grpc$health_path|$work/health.bin|-|silo")
targets+=("read direct|http://127.0.0.1:$silo_grpc$read_path|$work/region-21.bin|-|silo")
for variant in ${variants//,/ }; do
  targets+=("read via $variant|http://127.0.0.1:${gateway_port_of[$variant]}$read_path|$work/region-21.bin|${gateway_pid_of[$variant]}|$(kind_of "$variant")")
done
if $with_summary; then
  targets+=("summary direct|http://127.0.0.1:$silo_grpc$summary_path|$work/region-21.bin|-|silo")
  for variant in ${variants//,/ }; do
    targets+=("summary via $variant|http://127.0.0.1:${gateway_port_of[$variant]}$summary_path|$work/region-21.bin|${gateway_pid_of[$variant]}|$(kind_of "$variant")")
  done
fi

# --- h2load runs ----------------------------------------------------------------------------------------
slug_of() { tr -c 'a-z0-9\n' '-' <<<"$1"; }
h2load_run() {  # URL BODY SECONDS LOG OUT KIND
  local headers
  headers_of "$6"
  taskset -c "$cpus_load" h2load -c "$clients" -m "$streams" -t 1 -D "$3" \
    -d "$2" -H 'content-type: application/grpc' -H 'te: trailers' "${headers[@]}" ${4:+--log-file "$4"} "$1" >"$5" 2>&1
}
# A value from h2load's summary: the number before the word $2 on the line starting with $1.
h2load_value() { awk -v line="$1" -v word="$2" '$1 == line { for (i = 2; i <= NF; i++) if (index($i, word) == 1) { gsub(",", "", $(i - 1)); print $(i - 1); exit } }' "$3"; }

# CPU time (user + system, in clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)

declare -A size_of served_of rps_list silo_cpu_list gateway_cpu_list
for target in "${targets[@]}"; do
  IFS='|' read -r name url body _ kind <<<"$target"
  read -r status served size < <(grpc_call "$url" "$body" "$kind")
  [[ "$status" == 0 ]] || die "$name: a single call answered grpc-status $status, not 0 ($url)"
  size_of[$name]=$size
  served_of[$name]=$served
done

say "$rounds round(s) of ${#targets[@]} targets; each: ${warmup} s warm-up run, then ${duration} s measured, h2load $clients clients x $streams streams"
for ((round = 1; round <= rounds; round++)); do
  for target in "${targets[@]}"; do
    IFS='|' read -r name url body gateway kind <<<"$target"
    slug=$(slug_of "$name")
    out="$work/h2load/$slug-$round.out"
    # The warm-up is a run of its own: h2load's --warm-up-time counts warm-up bytes in the traffic figures,
    # which the message check below relies on.
    h2load_run "$url" "$body" "$warmup" "" "$out.warm-up" "$kind" || { cat "$out.warm-up" >&2; die "$name: h2load failed"; }
    silo_before=$(cpu_ticks "$silo_pid")
    [[ "$gateway" == - ]] || gateway_before=$(cpu_ticks "$gateway")
    h2load_run "$url" "$body" "$duration" "$work/h2load/$slug-$round.log" "$out" "$kind" || { cat "$out" >&2; die "$name: h2load failed"; }
    silo_ticks=$(($(cpu_ticks "$silo_pid") - silo_before))
    [[ "$gateway" == - ]] || gateway_ticks=$(($(cpu_ticks "$gateway") - gateway_before))
    rps=$(awk '/^finished in/ { gsub(",", "", $4); print $4 }' "$out")
    done=$(h2load_value requests: done "$out")
    failed=$(awk '/^requests:/ { for (i = 2; i <= NF; i++) if ($i ~ /^(failed|errored|timeout)/) { gsub(",", "", $(i - 1)); s += $(i - 1) } } END { print s + 0 }' "$out")
    data_bytes=$(awk '/^traffic:/ { for (i = 2; i <= NF; i++) if ($i == "data") { gsub(/[()]/, "", $(i - 1)); print $(i - 1); exit } }' "$out")
    [[ -n "$rps" && -n "$done" && -n "$data_bytes" ]] || { cat "$out" >&2; die "$name: could not read h2load's output"; }
    # h2load sees only HTTP status 200, which every gRPC answer has, errors included. An error is a
    # trailers-only answer without message bytes: the message bytes received must be those of `done` good
    # answers, give or take the calls still in flight when the run stopped.
    # A summary states as of when it holds: the timestamp's nanoseconds are a varint, so one answer may be up to
    # 6 bytes shorter or longer than the one measured (the field's tag and 5 bytes). A failed call lacks its whole
    # message, so failures still show unless they are under 6 bytes in size_of[$name] of the calls.
    jitter=0
    [[ "$name" == summary* ]] && jitter=6
    expected=$((done * size_of[$name]))
    slack=$((clients * streams * size_of[$name]))
    if ((failed > 0 || data_bytes < expected - done * jitter - slack || data_bytes > expected + done * jitter + slack)); then
      die "$name (round $round): $failed failed; $data_bytes message bytes for $done calls of ${size_of[$name]} bytes: not every call succeeded (see $out)"
    fi
    rps_list[$name]+="$rps "
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$round" "$rps" "$silo_ticks" "${gateway_ticks:-}" "$done" >>"$work/results.tsv"
    # CPU microseconds per call: steadier than req/s on a shared machine, since other work takes time, not CPU.
    silo_cpu_list[$name]+="$(awk -v t="$silo_ticks" -v hz="$ticks_per_second" -v n="$done" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }') "
    [[ "$gateway" == - ]] || gateway_cpu_list[$name]+="$(awk -v t="$gateway_ticks" -v hz="$ticks_per_second" -v n="$done" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }') "
    printf '%s: round %d: %.0f req/s\n' "$name" "$round" "$rps" >&2
  done
done

# --- report ---------------------------------------------------------------------------------------------
median() { tr ' ' '\n' | { grep . || true; } | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
percentiles() {  # over every measured call of every round
  cat "$work/h2load/$1"-*.log | cut -f3 | sort -n | awk '
    { v[NR] = $1 }
    END { split("50 90 99", q, " "); for (i = 1; i <= 3; i++) { k = int(NR * q[i] / 100 + 0.999999); if (k < 1) k = 1; printf "%.2f ", v[k] / 1000 } }'
}
# Ratio of the medians, and the range of the per-round ratios (rounds ran the targets close together in time).
ratio() {
  local a=(${rps_list[$1]}) b=(${rps_list[$2]}) per_round=() r
  [[ ${#a[@]} -gt 0 && ${#b[@]} -gt 0 ]] || { echo "-"; return; }
  for ((r = 0; r < ${#a[@]}; r++)); do per_round+=("$(awk -v x="${a[r]}" -v y="${b[r]}" 'BEGIN { printf "%.2f", x / y }')"); done
  awk -v x="$(median <<<"${rps_list[$1]}")" -v y="$(median <<<"${rps_list[$2]}")" -v rounds="${per_round[*]}" \
    'BEGIN { n = split(rounds, v, " "); lo = v[1]; hi = v[1]; for (i = 2; i <= n; i++) { if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i] }
             printf "%.2f (rounds: %s)", x / y, rounds }'
}

echo
echo "Gateway benchmark $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "h2load $clients clients x $streams streams; $rounds round(s), each target ${warmup} s warm-up + ${duration} s measured per round;"
echo "cores: h2load $cpus_load, silo $cpus_silo, gateways $cpus_gateway; baseline gateway: ${baseline_ref}"
echo
echo "| target | req/s (median) | p50 ms | p90 ms | p99 ms | gateway CPU µs/call | silo CPU µs/call | served by |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
for target in "${targets[@]}"; do
  name=${target%%|*}
  read -r p50 p90 p99 <<<"$(percentiles "$(slug_of "$name")")"
  gateway_cpu=$(median <<<"${gateway_cpu_list[$name]:-}")
  printf '| %s | %.0f | %s | %s | %s | %s | %s | %s |\n' "$name" "$(median <<<"${rps_list[$name]}")" "$p50" "$p90" "$p99" \
    "${gateway_cpu:--}" "$(median <<<"${silo_cpu_list[$name]}")" "${served_of[$name]}"
done
echo
echo "Ratios of req/s:"
echo "- read direct / health direct: $(ratio "read direct" "health direct")"
for variant in ${variants//,/ }; do echo "- read via $variant / read direct: $(ratio "read via $variant" "read direct")"; done
if $with_summary; then
  echo "- summary direct / health direct: $(ratio "summary direct" "health direct")"
  for variant in ${variants//,/ }; do echo "- summary via $variant / summary direct: $(ratio "summary via $variant" "summary direct")"; done
fi
echo
echo "CPU µs/call: the process's user + system CPU time during the measured run divided by the calls (median of rounds)."
echo "Every call checked: no h2load failures, and message bytes equal to that many successful answers."
echo "h2load outputs and per-call logs: .run/bench/h2load/; process logs: .run/bench/*.log"
