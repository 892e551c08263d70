#!/usr/bin/env bash
# Runs every test of the solution. PostgreSQL (storage tests) and Chromium (browser tests) are installed
# with apt-get first when they are missing.
set -euo pipefail
cd "$(dirname "$0")"

have_postgres() { compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; }
have_chromium() { command -v chromium > /dev/null && command -v chromedriver > /dev/null; }

if ! have_postgres || ! have_chromium; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql chromium chromium-driver
fi

dotnet test RunbookRunner.sln -c Release
