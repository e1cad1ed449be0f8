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
    // Highlights (backgrounds and borders) are drawn as elements with generated class names in
    // the view overlays, under the text; the claim's speaker is an inlay hint in the text.
    const after = await waitFor(async () => {
      const nodes = await queryDom('.editor-instance .view-overlays [class*="ced-"]');
      return nodes.length > 0 ? nodes : undefined;
    }, 10000, 'rendered decoration spans');
    assert.ok(after.length > 0);
    const text = (await queryDom('.view-lines')).map((n) => n.text).join('\n').replace(/[\u00a0\u2009]/g, ' ');
    assert.match(text, /State Department/);
    assert.match(text, /◂ /, 'speaker labels in the text');
    const path = await screenshot('decorations');
    assert.ok(path.endsWith('decorations.png'));
  });
});
