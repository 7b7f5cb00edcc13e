#!/usr/bin/env bash
# Installs what the tests need (the pinned npm tools, Debian's chromium) and runs every test of the solution.
#   scripts/test.sh                                           all tests
#   scripts/test.sh -- --filter FullyQualifiedName~EndToEnd   extra arguments go to `dotnet test`
# The exit code is dotnet test's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/tools.sh

require_command dotnet "Install the .NET SDK named in global.json."
ensure_node_tools
ensure_chromium

if [[ "${1:-}" == "--" ]]; then
  shift
fi
exec dotnet test CxBot.sln "$@"
