#!/usr/bin/env node
// Runs bench/vscode (bundled to out/bench/vscode/index.js) inside a real VS Code on a benchmark
// workspace, then bench/vscode/activation.ts in nine more windows (activation times), and writes
// the measurements to the file named by the second argument. With a third argument `network`,
// only the network panel rows (bench/vscode/networkOnly.ts), in one window.
//   node scripts/run-bench-vscode.mjs <workspace folder> <results.json> [network]
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot, vscodeTestDir, startServer, workbenchUrl, launchBrowser } from './lib/server.mjs';

const ACTIVATION_WINDOWS = 9;
const [workspace, outFile] = process.argv.slice(2, 4).map((p) => resolve(p));
const networkOnly = process.argv[4] === 'network';
for (const name of networkOnly ? ['networkOnly'] : ['index', 'activation']) {
  await build({ entryPoints: [join(repoRoot, `bench/vscode/${name}.ts`)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: join(repoRoot, `out/bench/vscode/${name}.js`), external: ['vscode'], logLevel: 'warning' });
}
const activationsFile = `${outFile}.activations`;
rmSync(outFile, { force: true });
rmSync(activationsFile, { force: true });
/** Opens a window on the workspace that runs `entry` as its tests; resolves with its exit code or 'timeout'. */
async function runWindow(browser, server, entry, minutes) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const done = new Promise((res) => page.exposeFunction('codeAutomationExit', (code) => res(code)));
    await page.exposeFunction('codeAutomationLog', () => {});
    await page.goto(workbenchUrl(server, { folder: workspace, extensionPath: repoRoot, testsPath: join(repoRoot, `out/bench/vscode/${entry}.js`) }));
    const timeout = new Promise((res) => setTimeout(() => res('timeout'), minutes * 60 * 1000).unref());
    return await Promise.race([done, timeout]);
  } finally {
    await context.close().catch(() => {});
  }
}
const dataDir = join(vscodeTestDir, 'runs', `bench-${process.pid}`);
const server = await startServer({ dataDir, env: { AA_BENCH_OUT: outFile } });
const browser = await launchBrowser();
try {
  if (networkOnly) {
    if ((await runWindow(browser, server, 'networkOnly', 15)) === 'timeout') console.error('the network benchmark timed out');
    process.exitCode = existsSync(outFile) ? 0 : 1;
  } else {
    const r = await runWindow(browser, server, 'index', 15);
    if (r === 'timeout') console.error('VS Code benchmark timed out');
    // Activation happens once per window: nine more windows, each with a new extension host.
    for (let i = 0; i < ACTIVATION_WINDOWS; i++) {
      await new Promise((res) => setTimeout(res, 2000)); // the last window's extension host winds down
      if ((await runWindow(browser, server, 'activation', 3)) === 'timeout') console.error('an activation window timed out');
    }
    if (existsSync(outFile)) {
      const results = JSON.parse(readFileSync(outFile, 'utf8'));
      results.activationSamples = [results.activationMs, ...(existsSync(activationsFile) ? readFileSync(activationsFile, 'utf8').trim().split('\n').map(Number) : [])].filter((x) => Number.isFinite(x));
      writeFileSync(outFile, JSON.stringify(results, null, 2));
    }
  }
} finally {
  await browser.close().catch(() => {});
  server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(activationsFile, { force: true });
}
