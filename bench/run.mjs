#!/usr/bin/env node
// npm run bench: builds the corpus, runs the benchmark rows, prints a table with targets and
// PASS/FAIL, and writes bench/results.json. Not part of npm test (no timed assertions in tests).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generate } from './generate.mjs';
import { networkRowsOf } from './networkRows.mjs';

const root = new URL('..', import.meta.url).pathname;
const log = (s) => process.stderr.write(`${s}\n`);
// Measure the production bundle (npm test leaves a development build with inline source maps).
execFileSync(process.execPath, [`${root}scripts/build.mjs`, '--production'], { stdio: 'inherit' });
log('generating the corpus (cached) …');
const corpus = generate(42);
await build({ entryPoints: [`${root}bench/core.ts`], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: `${root}out/bench/core.js`, logLevel: 'warning' });
const require = createRequire(import.meta.url);
const { runCore, stats } = require(`${root}out/bench/core.js`);
const rows = runCore(corpus, log);

const bundle = statSync(`${root}dist/extension.js`).size;
rows.push({ name: 'bundle dist/extension.js (production build)', target: '< 1 MB', value: `${(bundle / 1024).toFixed(0)} KB`, pass: bundle < 1_000_000 });
// Rows measured inside a real VS Code (server build + Chromium, as the integration tests).
const { prepareVscodeWorkspace } = require(`${root}out/bench/core.js`);
const ws = prepareVscodeWorkspace(corpus);
log('measuring inside VS Code (5,000-article workspace) …');
const vsOut = `${root}out/bench/vscode-results.json`;
let vs = {};
try {
  execFileSync(process.execPath, [`${root}scripts/run-bench-vscode.mjs`, ws, vsOut], { stdio: 'inherit' });
  vs = JSON.parse(readFileSync(vsOut, 'utf8'));
} catch (e) {
  vs = { error: String(e) };
}
const pendingRow = (name, target) => rows.push({ name, target, value: 'PENDING', pass: null, note: vs.error ? `the VS Code run failed: ${String(vs.error).split('\n')[0]}` : 'not measured' });
if (vs.keystroke) rows.push({ name: 'extension-host work per keystroke, 1 MB article, 10,000 annotations + detections (in VS Code)', target: 'p95 < 10 ms', value: `p50 ${vs.keystroke.median.toFixed(2)} ms, p95 ${vs.keystroke.p95.toFixed(2)} ms (${vs.keystroke.n} keys)`, pass: vs.keystroke.p95 < 10, note: 'range shifting + annotation decoration update per keystroke; detection reruns debounced, off the keystroke' });
else pendingRow('extension-host work per keystroke (in VS Code)', 'p95 < 10 ms');
if (vs.openSmall) {
  const o = vs.openSmall;
  rows.push({ name: 'opening a 5 KB article until its decorations are set (in VS Code)', target: '< 50 ms', value: `${o.work.median.toFixed(1)} ms (p95 ${o.work.p95.toFixed(1)}, ${o.samples} articles after a first one at ${vs.firstOpenWorkMs.toFixed(1)} ms; sidecar ${o.sidecarMs.toFixed(1)}, detection ${o.detectionMs.toFixed(1)}, decorations ${o.decorationsMs.toFixed(1)}; waiting for the two file reads ${o.readMs.toFixed(1)} more)`, pass: o.work.p95 < 50 });
} else pendingRow('opening a 5 KB article until its decorations are set (in VS Code)', '< 50 ms');
if (vs.bigSidecarWork) {
  const w = vs.bigSidecarWork;
  rows.push({ name: 'load + anchor the 10,000-annotation sidecar of the 1 MB article (in VS Code, extension-host work; 40 reloads after two warm-up ones)', target: '< 200 ms', value: `${w.median.toFixed(0)} ms (p95 ${w.p95.toFixed(0)}; parsing ${vs.bigSidecarParse.median.toFixed(0)}, anchoring ${vs.bigSidecarAnchor.median.toFixed(0)}; waiting for the file reads ${vs.bigSidecarRead.median.toFixed(0)} more, p95 ${vs.bigSidecarRead.p95.toFixed(0)}; with that wait ${vs.bigSidecarLoad.median.toFixed(0)}, p95 ${vs.bigSidecarLoad.p95.toFixed(0)}; first load ${vs.bigSidecarFirstLoadMs.toFixed(0)}; ${vs.bigAnnotations} annotations)`, pass: w.p95 < 200 });
}
else pendingRow('load + anchor the 10,000-annotation sidecar of the 1 MB article (in VS Code, store)', '< 200 ms');
if (vs.treeFirstLevelMs !== undefined) rows.push({ name: 'tree first level, 5,000-article workspace (in VS Code)', target: '< 1 s', value: `${vs.treeFirstLevelMs.toFixed(0)} ms (${vs.treeRoots} rows; of which finding the articles ${vs.treeIndexMs.toFixed(0)} ms)`, pass: vs.treeFirstLevelMs < 1000 });
else pendingRow('tree first level, 5,000-article workspace (in VS Code)', '< 1 s');
if (vs.actorsColdMs !== undefined) {
  rows.push({ name: 'tree by actor, whole workspace, cold (in VS Code, with progress)', target: '< 60 s', value: `${(vs.actorsColdMs / 1000).toFixed(1)} s (${vs.actors} actors)`, pass: vs.actorsColdMs < 60000 });
  rows.push({ name: 'tree by actor, whole workspace, detections cached (in VS Code)', target: '< 3 s', value: `${(vs.actorsCachedMs / 1000).toFixed(2)} s`, pass: vs.actorsCachedMs < 3000 });
}
if (vs.activationSamples?.length) {
  const a = [...vs.activationSamples].sort((x, y) => x - y);
  const { median, p95 } = stats(a);
  // Once per window: the median of the windows opened (a window's start competes with the browser drawing it).
  rows.push({ name: `activation time (in VS Code, ${a.length} windows)`, target: '< 30 ms', value: `${median.toFixed(1)} ms (p95 ${p95.toFixed(1)}; ${a.map((x) => x.toFixed(0)).join(', ')})`, pass: median < 30, samples: { median, p95 } });
}
else pendingRow('activation time (in VS Code)', '< 30 ms');
if (vs.heapGrowthMB !== undefined) rows.push({ name: 'extension-host heap growth, 5,000-article workspace open (in VS Code)', target: '< 300 MB', value: `${vs.heapGrowthMB.toFixed(0)} MB (heap + array buffers; all sidecars loaded, workspace actors grouped)`, pass: vs.heapGrowthMB < 300 });
else pendingRow('extension-host heap growth (in VS Code)', '< 300 MB');
const network = networkRowsOf(vs.network);
if (network) rows.push(...network);
else pendingRow('actor network, 5,000-article workspace: request → layout settled (in VS Code)', '< 3 s');
if (vs.error) log(`VS Code benchmark error: ${vs.error}`);

const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, date: new Date().toISOString() };
const w = [Math.max(...rows.map((r) => r.name.length)), Math.max(...rows.map((r) => r.target.length)), Math.max(...rows.map((r) => r.value.length))];
const line = (a, b, c, d) => `${a.padEnd(w[0])} | ${b.padEnd(w[1])} | ${c.padEnd(w[2])} | ${d}`;
console.log(`Machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}`);
console.log(line('what', 'target', 'measured', 'result'));
for (const r of rows) console.log(line(r.name, r.target, r.value, r.pass === null ? 'PENDING' : r.pass ? 'PASS' : 'FAIL'));
for (const r of rows.filter((x) => x.note && x.pass !== null)) console.log(`note: ${r.name}: ${r.note}`);
writeFileSync(`${root}bench/results.json`, JSON.stringify({ machine, rows }, null, 2) + '\n');
const failed = rows.filter((r) => r.pass === false).length;
const pending = rows.filter((r) => r.pass === null).length;
console.log(`${rows.length - failed - pending} passed, ${failed} failed, ${pending} pending`);
