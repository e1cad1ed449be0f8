import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { queryDom, screenshot, waitFor } from './harness';
import { api, seedUri, sidecarOf, writeSidecar } from './util';

describe('tree end to end (rendered workbench)', () => {
  const B = seedUri('003_f2cdae8a492d10f5.txt');
  after(() => fs.rmSync(sidecarOf(B).fsPath, { force: true }));

  it('shows the who-said-what tree grouped by actor', async () => {
    writeSidecar(B, [{ id: 'b-claim1', label: 'claim', quote: 'We want to see full accountability for these terrible attacks', speaker: 'Mark C. Toner', comment: 'the headline demand' }]);
    const a = await api();
    await waitFor(async () => (await a.services.annotations.get(B)).items.length === 1, 10000, 'sidecar');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.view.extension.articleAnnotator');
    await a.tree.setGrouping('actor');
    const roots = await a.tree.provider.getChildren();
    const toner = roots.find((n) => n.kind === 'actor' && n.name === 'Mark C. Toner');
    assert.ok(toner);
    await a.tree.view.reveal(toner, { expand: true, select: true, focus: true });
    const rows = await waitFor(async () => {
      const r = await queryDom('.monaco-list-row');
      return r.some((x) => x.text.includes('We want to see full accountability')) ? r : undefined;
    }, 10000, 'rows rendered');
    const texts = rows.map((r) => r.text);
    assert.ok(texts.some((t) => t.includes('Pakistan') && /mentions in 5 articles/.test(t)), texts.join('\n'));
    assert.ok(texts.some((t) => t.includes('Mark C. Toner')));
    const title = await queryDom('.pane-header .title');
    // The view is named like its container (so the merged title is not "Article Annotator: A…").
    assert.ok(title.some((t) => /Article Annotator/i.test(t.text)), title.map((t) => t.text).join(' | '));
    await screenshot('tree-by-actor');
    await a.tree.setGrouping('article');
  });
});
