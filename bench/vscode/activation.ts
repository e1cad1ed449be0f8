/**
 * One more activation of the extension in a fresh window (a new extension host): loaded as
 * extensionTestsPath by scripts/run-bench-vscode.mjs after the main benchmark, several times, so
 * that activation, a once-per-window figure, has a median and a p95 too. Appends the time
 * `activate` took, as the extension measured it, to `<AA_BENCH_OUT>.activations`.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ArticleAnnotatorApi } from '../../src/extension';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<ArticleAnnotatorApi>('article-annotator.article-annotator')!;
  const api = await ext.activate();
  fs.appendFileSync(`${process.env.AA_BENCH_OUT!}.activations`, `${api.activationMs}\n`);
}
