#!/usr/bin/env bash
# Runs every test of the platform: unit, in-process gRPC, PostgreSQL and multi-process end-to-end tests.
# It installs what the tests need (PostgreSQL and Chromium from apt, when missing and run as root); the tests start
# their own private PostgreSQL clusters and processes on loopback ports and stop them afterwards.
#
#   deploy/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Gateway]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=deploy/lib.sh
source "$root/deploy/lib.sh"
command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is required"
"$root/deploy/postgres.sh" install

# The web app's browser tests drive Debian's Chromium (Playwright's own browser download does not work offline).
if [[ ! -x /usr/bin/chromium ]]; then
  [[ $(id -u) -eq 0 ]] || { echo "test.sh: the browser tests need Chromium; as root: apt-get update && apt-get install -y chromium" >&2; exit 1; }
  echo "test.sh: installing Chromium (apt-get install chromium)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update
  apt-get -o DPkg::Lock::Timeout=600 install -y chromium
fi

# The multi-host test (Dua.EndToEnd.Tests, MultiHostPlatformTests) builds hosts from network namespaces with iproute2
# and captures their links with tcpdump; it needs root, as CI runs.
if [[ $(id -u) -eq 0 ]]; then
  install_package ip iproute2
  install_package tcpdump tcpdump
fi

# The contract stays buf-lint clean (buf comes from npm; npx caches it).
(cd "$root/proto" && npx --yes @bufbuild/buf@1.75.0 lint) || die "buf lint found problems in proto/"

results="$root/.run/test-results"
rm -rf "$results"
# One test assembly at a time (-m:1): the end-to-end test's fail-over timings should not compete with
# the other assemblies for this machine's two cores.
dotnet build "$root/Dua.Platform.sln" -c Release --nologo -v quiet
dotnet test "$root/Dua.Platform.sln" -c Release --no-build --nologo -m:1 --results-directory "$results" --logger trx "$@"
