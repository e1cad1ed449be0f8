import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { queryDom, screenshot, waitFor } from './harness';
import { api, seedUri } from './util';

describe('detection end to end (rendered workbench)', () => {
  it('renders actor and claim highlights in the editor', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument(seedUri('000_567447e36de95f9e.txt'));
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor(() => (a.detectionFeature.decorations.applied.get(doc.uri.toString())?.get('person')?.length ?? 0) > 0, 10000, 'decorations');
    editor.revealRange(new vscode.Range(0, 0, 0, 0));
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.view.extension.articleAnnotator');
    // Decorations are rendered as spans with generated class names inside the view lines;
    // the claim's speaker is rendered as after-text.
    const after = await waitFor(async () => {
      const nodes = await queryDom('.view-lines span[class*="ced-"]');
      return nodes.length > 0 ? nodes : undefined;
    }, 10000, 'rendered decoration spans');
    assert.ok(after.length > 0);
    const text = (await queryDom('.view-lines')).map((n) => n.text).join('\n').replace(/[\u00a0\u2009]/g, ' ');
    assert.match(text, /State Department/);
    const path = await screenshot('decorations');
    assert.ok(path.endsWith('decorations.png'));
  });
});
