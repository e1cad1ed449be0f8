#!/usr/bin/env node
// One core benchmark row alone, without the rest of the bench (the 10 MB corpus, the VS Code
// rows): `node bench/rows.mjs wikinews` (npm run bench:wikinews: detection on real news),
// `node bench/rows.mjs detection` (npm run bench:detection: detection on the generated 10 MB text,
// the corpus built once and cached as by npm run bench), `node bench/rows.mjs hostile-sidecars`
// (npm run bench:sidecars: issue 17's hostile sidecars) or `node bench/rows.mjs network`
// (npm run bench:network: the actor network panel on the 5,000-article workspace, in VS Code; its
// raw figures in out/bench/network-results.json). Prints the row; writes nothing else.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generate } from './generate.mjs';
import { networkRowsOf } from './networkRows.mjs';

const root = new URL('..', import.meta.url).pathname;
await build({ entryPoints: [`${root}bench/core.ts`], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: `${root}out/bench/core.js`, logLevel: 'warning' });
const require = createRequire(import.meta.url);
const core = require(`${root}out/bench/core.js`);
const which = process.argv[2];
if (which === 'network') {
  execFileSync(process.execPath, [`${root}scripts/build.mjs`, '--production'], { stdio: 'inherit' });
  const ws = core.prepareVscodeWorkspace(generate(42));
  const out = `${root}out/bench/network-results.json`;
  execFileSync(process.execPath, [`${root}scripts/run-bench-vscode.mjs`, ws, out, 'network'], { stdio: 'inherit' });
  const results = JSON.parse(readFileSync(out, 'utf8'));
  if (results.error) console.error(results.error);
  const rows = networkRowsOf(results.network) ?? [];
  for (const r of rows) console.log(`${r.name}\n  target ${r.target}: ${r.value} — ${r.pass ? 'PASS' : 'FAIL'}`);
  process.exit(rows.length && rows.every((r) => r.pass) ? 0 : 1);
}
const rows = { wikinews: core.wikinewsRow, detection: (log) => core.tenMbDetectionRow(generate(42), log), 'hostile-sidecars': core.hostileSidecarsRow };
if (!rows[which]) {
  console.error(`usage: node bench/rows.mjs ${[...Object.keys(rows), 'network'].join('|')}`);
  process.exit(2);
}
const row = rows[which]((s) => process.stderr.write(`${s}\n`));
if (!row) {
  console.error('the Wikinews corpus is not at ../shared/corpus/wikinews');
  process.exit(1);
}
console.log(`${row.name}\n  target ${row.target}: ${row.value} — ${row.pass ? 'PASS' : 'FAIL'}`);
process.exit(row.pass ? 0 : 1);
