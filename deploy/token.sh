#!/usr/bin/env bash
# Prints a token for the platform that deploy/run.sh runs, from its development identity provider, and nothing else:
#
#   deploy/token.sh ROLE [AREA...]
#   export DUA_TOKEN=$(deploy/token.sh regional-office 21)
#
# ROLE is agency, regional-office or operations. AREA is SE (the whole country), a county code (21) or a
# municipality code (2184); agency and operations default to SE, a regional office names its county.
# It is a client-credentials request (OAuth 2.0) of the development client dua-dev-tokens, whose secret run.sh keeps
# in its state folder (DUA_RUN_DIR, default .run): keys/dev-tokens-client-secret. The provider checks the role and
# the areas and signs the token; it is valid for 1 hour. deploy/run.sh must be running. Production tokens come from
# the agencies' identity provider, never from this script.
# Exit codes: 0 printed, 1 failure (the platform is not running), 2 usage (unknown role, bad area).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
run=${DUA_RUN_DIR:-$root/.run}
secret_file="$run/keys/dev-tokens-client-secret"

usage() { sed -n '4,5p' "$0" | sed 's/^#  *//' >&2; exit 2; }

[[ $# -ge 1 ]] || usage
case "$1" in -h|--help) sed -n '2,13p' "$0"; exit 0 ;; esac
role=$1
shift
areas=("$@")
if ((${#areas[@]} == 0)); then
  case "$role" in
    agency|operations) areas=(SE) ;;
    regional-office) echo "token.sh: a regional-office token needs its county, e.g. deploy/token.sh regional-office 21" >&2; exit 2 ;;
  esac
fi

not_running() {
  echo "token.sh: the identity provider is not running${1:+ ($1)}: start deploy/run.sh first (its state folder: ${run#"$root"/}; set DUA_RUN_DIR for another)" >&2
  exit 1
}
url=""
[[ -f "$run/identity.env" ]] && url=$(sed -n 's/^url=//p' "$run/identity.env" | head -n 1)
[[ -n "$url" ]] || not_running
[[ -s "$secret_file" ]] || not_running "no client secret in ${secret_file#"$root"/}"

# The secret goes to curl on its standard input, never on a command line that other users could read.
arguments=(--data-urlencode grant_type=client_credentials --data-urlencode client_id=dua-dev-tokens
  --data-urlencode scope=dua --data-urlencode "role=$role")
for area in "${areas[@]}"; do arguments+=(--data-urlencode "area=$area"); done
response=$(printf 'client_secret=%s' "$(<"$secret_file")" |
  curl -sS --max-time 30 -d @- "${arguments[@]}" "$url/connect/token" 2>&1) || not_running "$url does not answer"

token=$(sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p' <<<"$response")
if [[ -z "$token" ]]; then
  problem=$(sed -n 's/.*"error_description" *: *"\([^"]*\)".*/\1/p' <<<"$response")
  echo "token.sh: the identity provider refused: ${problem:-$response}" >&2
  # A refused role or area is the caller's mistake; anything else is the platform's.
  grep -q '"invalid_request"' <<<"$response" && exit 2
  exit 1
fi
echo "$token"
