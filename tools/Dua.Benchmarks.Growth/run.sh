#!/usr/bin/env bash
# Builds and runs the growth benchmark (see docs/benchmarks.md). Installs h2load (Debian's nghttp2-client)
# when it is missing; arguments go to the program (--help lists them).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v h2load > /dev/null; then
  echo "h2load is missing: installing nghttp2-client" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -q && apt-get install -y -q nghttp2-client
  else
    sudo apt-get update -q && sudo apt-get install -y -q nghttp2-client
  fi
fi

dotnet build tools/Dua.Benchmarks.Growth -c Release -v quiet -nologo
exec dotnet tools/Dua.Benchmarks.Growth/bin/Release/net10.0/Dua.Benchmarks.Growth.dll "$@"
