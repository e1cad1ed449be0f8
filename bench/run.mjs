#!/usr/bin/env node
// npm run bench: builds the corpus, runs the benchmark rows, prints a table with targets and
// PASS/FAIL, and writes bench/results.json. Not part of npm test (no timed assertions in tests).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generate } from './generate.mjs';

const root = new URL('..', import.meta.url).pathname;
const log = (s) => process.stderr.write(`${s}\n`);
// Measure the production bundle (npm test leaves a development build with inline source maps).
execFileSync(process.execPath, [`${root}scripts/build.mjs`, '--production'], { stdio: 'inherit' });
log('generating the corpus (cached) …');
const corpus = generate(42);
await build({ entryPoints: [`${root}bench/core.ts`], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: `${root}out/bench/core.js`, logLevel: 'warning' });
const require = createRequire(import.meta.url);
const { runCore } = require(`${root}out/bench/core.js`);
const rows = runCore(corpus, log);

const bundle = statSync(`${root}dist/extension.js`).size;
rows.push({ name: 'bundle dist/extension.js (production build)', target: '< 1 MB', value: `${(bundle / 1024).toFixed(0)} KB`, pass: bundle < 1_000_000 });
for (const name of [
  'extension-host work per keystroke, 1 MB article, 10,000 annotations + detections (in VS Code)',
  'opening a 5 KB article until its decorations are set (in VS Code)',
  'tree first level, 5,000-article workspace (in VS Code)',
  'activation time (in VS Code)',
  'extension-host heap growth, 5,000-article workspace (in VS Code)',
]) rows.push({ name, target: 'see issue', value: 'PENDING', pass: null, note: 'needs the in-VS-Code benchmark harness, not written yet' });

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
