// Bundles the extension, the CLI and the test entry points with esbuild.
// `--production` minifies; sourcemaps are always written (linked in development, external in production).
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

function listTests(dir) {
  const out = [];
  let names;
  try { names = readdirSync(dir); } catch { return out; }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTests(p));
    else if (p.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? 'linked' : 'inline',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { detectWorker: 'src/detection/worker.ts' }, outdir: 'dist' },
  // The network panel's script: browser code, loaded only when the panel opens.
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { networkView: 'webview/network.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' }, define: { __VERSION__: JSON.stringify(version) } },
];
if (!production) {
  // Integration tests run inside VS Code: one bundle for the mocha index, one per test file.
  const integration = listTests('test/integration');
  builds.push({ ...common, entryPoints: ['test/integration/index.ts', ...integration], outdir: 'out/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha'] });
}

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
