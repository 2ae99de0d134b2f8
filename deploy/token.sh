#!/usr/bin/env bash
# Prints a development token for the platform that deploy/run.sh runs, signed with its local key, and nothing else:
#
#   deploy/token.sh ROLE [AREA...]
#   export DUA_TOKEN=$(deploy/token.sh regional-office 21)
#
# ROLE is agency, regional-office or operations. AREA is SE (the whole country), a county code (21) or a
# municipality code (2184); agency and operations default to SE, a regional office names its county.
# The key is the one run.sh created in its state folder (DUA_RUN_DIR, default .run): keys/dev-signing.pem.
# The token is valid for 12 hours (DUA_TOKEN_LIFETIME, e.g. 01:00:00). Production tokens come from the agencies'
# identity provider, never from this script.
# Exit codes: 0 printed, 1 failure (no key, build failed), 2 usage (unknown role, bad area).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=deploy/lib.sh
source "$root/deploy/lib.sh"
run=${DUA_RUN_DIR:-$root/.run}
configuration=${DUA_CONFIGURATION:-Release}
dll="$root/tools/Dua.DevTokens/bin/$configuration/net10.0/Dua.DevTokens.dll"
key="$run/keys/dev-signing.pem"

usage() { sed -n '4,5p' "$0" | sed 's/^#  *//' >&2; exit 2; }

[[ $# -ge 1 ]] || usage
case "$1" in -h|--help) sed -n '2,12p' "$0"; exit 0 ;; esac
role=$1
shift
areas=("$@")
if ((${#areas[@]} == 0)); then
  case "$role" in
    agency|operations) areas=(SE) ;;
    regional-office) echo "token.sh: a regional-office token needs its county, e.g. deploy/token.sh regional-office 21" >&2; exit 2 ;;
  esac
fi

[[ -f "$key" ]] || die "no development key at $(shown "$key"); deploy/run.sh creates it when it starts (or set DUA_RUN_DIR)"

# Built once, not on every call: the output of the build would also spoil $(deploy/token.sh ...).
if [[ ! -f "$dll" ]]; then
  dotnet build "$root/tools/Dua.DevTokens" -c "$configuration" -nologo -v quiet -clp:ErrorsOnly >&2 ||
    die "build of tools/Dua.DevTokens failed"
fi

arguments=(mint --private-key "$key" --role "$role" --lifetime "${DUA_TOKEN_LIFETIME:-12:00:00}")
for area in "${areas[@]}"; do arguments+=(--area "$area"); done
exec dotnet "$dll" "${arguments[@]}"
