#!/usr/bin/env bash
# Sets up a fresh Debian machine for building, testing and running Article Annotator. Idempotent
# and quick when everything is already there.
#   - Debian packages: chromium (the browser the tests drive), libkrb5-dev (a native module of the
#     VS Code server), libxml2-utils (xmllint, validates REFI-QDA exports)
#   - npm dependencies (npm ci when node_modules is missing or older than package-lock.json)
#   - the VS Code server build and Node 24 under .vscode-test/ (scripts/setup-vscode-server.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${missing[*]}. Install them with: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm dependencies (npm ci)..."
  npm ci --no-audit --no-fund
fi

bash scripts/setup-vscode-server.sh
