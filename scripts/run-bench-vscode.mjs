#!/usr/bin/env node
// Runs bench/vscode (bundled to out/bench/vscode/index.js) inside a real VS Code on a benchmark
// workspace, and writes the measurements to the file named by the first argument.
//   node scripts/run-bench-vscode.mjs <workspace folder> <results.json>
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot, vscodeTestDir, startServer, workbenchUrl, launchBrowser } from './lib/server.mjs';

const [workspace, outFile] = process.argv.slice(2).map((p) => resolve(p));
await build({ entryPoints: [join(repoRoot, 'bench/vscode/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: join(repoRoot, 'out/bench/vscode/index.js'), external: ['vscode'], logLevel: 'warning' });
rmSync(outFile, { force: true });
const dataDir = join(vscodeTestDir, 'runs', `bench-${process.pid}`);
const server = await startServer({ dataDir, env: { AA_BENCH_OUT: outFile } });
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const done = new Promise((res) => page.exposeFunction('codeAutomationExit', (code) => res(code)));
  await page.exposeFunction('codeAutomationLog', () => {});
  await page.goto(workbenchUrl(server, { folder: workspace, extensionPath: repoRoot, testsPath: join(repoRoot, 'out/bench/vscode/index.js') }));
  const timeout = new Promise((res) => setTimeout(() => res('timeout'), 15 * 60 * 1000).unref());
  const r = await Promise.race([done, timeout]);
  if (r === 'timeout') console.error('VS Code benchmark timed out');
} finally {
  await browser.close().catch(() => {});
  server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
