#!/usr/bin/env node
// npm run bench:wikinews: only the benchmark row for detection on the Wikinews corpus (real news),
// without the rest of the bench (the 10 MB corpus, the VS Code rows). Prints the row; writes nothing.
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
await build({ entryPoints: [`${root}bench/core.ts`], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: `${root}out/bench/core.js`, logLevel: 'warning' });
const require = createRequire(import.meta.url);
const { wikinewsRow } = require(`${root}out/bench/core.js`);
const row = wikinewsRow((s) => process.stderr.write(`${s}\n`));
if (!row) {
  console.error('the Wikinews corpus is not at ../shared/corpus/wikinews');
  process.exit(1);
}
console.log(`${row.name}\n  target ${row.target}: ${row.value} — ${row.pass ? 'PASS' : 'FAIL'}`);
process.exit(row.pass ? 0 : 1);
