#!/usr/bin/env bash
# Builds and runs the growth benchmark (see docs/benchmarks.md). Installs h2load (Debian's nghttp2-client)
# when it is missing; arguments go to the program (--help lists them).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=deploy/lib.sh
source "$root/deploy/lib.sh"
cd "$root"

install_package h2load nghttp2-client

dotnet build tools/Dua.Benchmarks.Growth -c Release -v quiet -nologo
exec dotnet tools/Dua.Benchmarks.Growth/bin/Release/net10.0/Dua.Benchmarks.Growth.dll "$@"
