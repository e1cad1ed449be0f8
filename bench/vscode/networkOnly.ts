/**
 * The network panel rows alone (`npm run bench:network`, loaded as extensionTestsPath by
 * scripts/run-bench-vscode.mjs with `network`). The panel's first drawing reads and detects every
 * article (nothing cached yet); bench/vscode/network.ts then measures with the detections cached.
 * What was measured so far is written every second, for a run that times out.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ArticleAnnotatorApi } from '../../src/extension';
import { networkRows } from './network';

export async function run(): Promise<void> {
  const out = process.env.AA_BENCH_OUT!;
  const results: Record<string, unknown> = {};
  const write = () => fs.writeFileSync(out, JSON.stringify(results, null, 2));
  const timer = setInterval(write, 1000);
  try {
    const api = await vscode.extensions.getExtension<ArticleAnnotatorApi>('article-annotator.article-annotator')!.activate();
    const partial = {};
    results.network = partial;
    await networkRows(api, 5, partial);
  } catch (e) {
    results.error = String((e as Error).stack ?? e);
  }
  clearInterval(timer);
  write();
}
