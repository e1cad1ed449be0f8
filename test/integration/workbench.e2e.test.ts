import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { queryDom, screenshot, waitFor } from './harness';
import { api, seedUri } from './util';

describe('workbench end to end (rendered)', () => {
  it('opens a seed article with the article grammar and shows the Article Annotator view', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument(seedUri('004_7b40fffef38cf50c.txt'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.view.extension.articleAnnotator');
    await vscode.commands.executeCommand('articleAnnotator.groupByArticle');
    const lines = await waitFor(async () => {
      const t = (await queryDom('.view-lines')).map((n) => n.text).join('\n').replace(/\u00a0/g, ' ');
      return t.includes('Pakistan in touch with US') ? t : undefined;
    }, 15000, 'the article text rendered');
    assert.match(lines, /ISLAMABAD -/);
    // The grammar colours tokens: the headline and the dateline get their own token classes.
    const tokens = await queryDom('.view-lines span[class^="mtk"]');
    assert.ok(new Set(tokens.map((t) => t.className)).size >= 3, 'several token colours (headline, dateline, quotes)');
    // The language mode in the status bar and the view in the sidebar.
    const status = (await queryDom('.statusbar-item')).map((n) => n.ariaLabel + ' ' + n.text).join(' | ');
    assert.match(status, /News Article/);
    const rows = await waitFor(async () => {
      const r = await queryDom('.monaco-list-row');
      return r.some((x) => x.text.includes('004_7b40fffef38cf50c.txt')) ? r : undefined;
    }, 15000, 'the tree lists the articles');
    assert.ok(rows.length >= 5);
    await screenshot('editor-and-sidebar');
  });
});
