/**
 * Benchmark rows measured inside a real VS Code (loaded as extensionTestsPath by
 * scripts/run-bench-vscode.mjs). Times are the extension's own work, taken with performance.now()
 * inside the extension host (the extension records them), not browser wall-clock.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ArticleAnnotatorApi } from '../../src/extension';

const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(probe: () => T | undefined | false, ms = 120000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v as T;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? NaN, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN, n: s.length };
}

export async function run(): Promise<void> {
  const out = process.env.AA_BENCH_OUT!;
  const results: Record<string, unknown> = {};
  try {
    const heap0 = process.memoryUsage().heapUsed;
    const ext = vscode.extensions.getExtension<ArticleAnnotatorApi>('article-annotator.article-annotator')!;
    const api = await ext.activate();
    results.activationMs = api.activationMs;
    const { services, tree } = api;

    // Tree, first level, on the 5,000-article workspace.
    await tree.setGrouping('article');
    let t0 = performance.now();
    const roots = await tree.provider.getChildren();
    for (const r of roots) await tree.provider.getTreeItem(r);
    results.treeFirstLevelMs = performance.now() - t0;
    results.treeRoots = roots.length;

    // Opening a 5 KB article until its decorations are set: the extension's work for it.
    const articles = await services.articles.list();
    const small = articles.find((u) => u.path.endsWith('article-0010.txt'))!;
    t0 = performance.now();
    await services.annotations.get(small);
    const loadMs = performance.now() - t0;
    const doc = await vscode.workspace.openTextDocument(small);
    await vscode.window.showTextDocument(doc);
    await waitFor(() => api.detectionFeature.decorations.applied.has(small.toString()));
    await waitFor(() => api.annotationFeature.decorations.applied.has(small.toString()));
    const key = small.toString();
    results.openSmall = {
      sidecarLoadMs: loadMs,
      detectionMs: services.detections.timings.get(key) ?? 0,
      detectionDecorationsMs: api.detectionFeature.decorations.timings.get(key) ?? 0,
      annotationDecorationsMs: api.annotationFeature.decorations.timings.at(-1) ?? 0,
    };

    // Keystrokes in the 1 MB article with 10,000 annotations and its detections.
    const big = articles.find((u) => u.path.endsWith('zz-one-mb.txt'))!;
    t0 = performance.now();
    const loaded = await services.annotations.get(big);
    results.bigSidecarLoadMs = performance.now() - t0;
    results.bigAnnotations = loaded.items.length;
    const bigDoc = await vscode.workspace.openTextDocument(big);
    const editor = await vscode.window.showTextDocument(bigDoc);
    await waitFor(() => api.detectionFeature.decorations.applied.has(big.toString()), 180000);
    results.bigDetectionMs = services.detections.timings.get(big.toString());
    const store = services.annotations as unknown as { editTimings: number[] };
    const decoTimes = api.annotationFeature.decorations.timings;
    const perKey: number[] = [];
    const middle = bigDoc.positionAt(Math.floor(bigDoc.getText().length / 2));
    for (let i = 0; i < 60; i++) {
      const e0 = store.editTimings.length;
      const d0 = decoTimes.length;
      await editor.edit((b) => b.insert(middle, 'x'), { undoStopBefore: false, undoStopAfter: false });
      await waitFor(() => store.editTimings.length > e0, 5000).catch(() => undefined);
      await tick();
      await sleep(5);
      const shift = store.editTimings.slice(e0).reduce((a, b) => a + b, 0);
      const deco = decoTimes.slice(d0).reduce((a, b) => a + b, 0);
      perKey.push(shift + deco);
    }
    results.keystroke = stats(perKey.slice(5));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    // Grouping by actor over the whole workspace: cold (detect every article), then cached.
    await tree.setGrouping('actor');
    t0 = performance.now();
    const cold = await tree.provider.workspaceActors();
    results.actorsColdMs = performance.now() - t0;
    results.actors = cold.actors.length;
    tree.provider.refresh();
    t0 = performance.now();
    const actorRoots = await tree.provider.getChildren();
    for (const r of actorRoots.slice(0, 200)) await tree.provider.getTreeItem(r);
    results.actorsCachedMs = performance.now() - t0;

    // Heap growth with the workspace open (all sidecars loaded, detections cached).
    t0 = performance.now();
    for (const u of articles) await services.annotations.get(u);
    results.loadAllSidecarsMs = performance.now() - t0;
    (globalThis as { gc?: () => void }).gc?.();
    results.heapGrowthMB = (process.memoryUsage().heapUsed - heap0) / 1e6;
  } catch (e) {
    results.error = String((e as Error).stack ?? e);
  }
  fs.writeFileSync(out, JSON.stringify(results, null, 2));
}
