#!/usr/bin/env node
// One core benchmark row alone, without the rest of the bench (the 10 MB corpus, the VS Code
// rows): `node bench/rows.mjs wikinews` (npm run bench:wikinews: detection on real news),
// `node bench/rows.mjs detection` (npm run bench:detection: detection on the generated 10 MB text,
// the corpus built once and cached as by npm run bench) or `node bench/rows.mjs hostile-sidecars`
// (npm run bench:sidecars: issue 17's hostile sidecars). Prints the row; writes nothing.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { generate } from './generate.mjs';

const root = new URL('..', import.meta.url).pathname;
await build({ entryPoints: [`${root}bench/core.ts`], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: `${root}out/bench/core.js`, logLevel: 'warning' });
const require = createRequire(import.meta.url);
const core = require(`${root}out/bench/core.js`);
const rows = { wikinews: core.wikinewsRow, detection: (log) => core.tenMbDetectionRow(generate(42), log), 'hostile-sidecars': core.hostileSidecarsRow };
const which = process.argv[2];
if (!rows[which]) {
  console.error(`usage: node bench/rows.mjs ${Object.keys(rows).join('|')}`);
  process.exit(2);
}
const row = rows[which]((s) => process.stderr.write(`${s}\n`));
if (!row) {
  console.error('the Wikinews corpus is not at ../shared/corpus/wikinews');
  process.exit(1);
}
console.log(`${row.name}\n  target ${row.target}: ${row.value} — ${row.pass ? 'PASS' : 'FAIL'}`);
process.exit(row.pass ? 0 : 1);
