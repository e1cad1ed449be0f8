import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './harness';
import { api, seedUri, sidecarOf, waitFor, writeSidecar } from './util';
import * as fs from 'node:fs';

describe('actor network panel', () => {
  const A = seedUri('002_0758a46f1570366d.txt');
  before(async () => {
    writeSidecar(A, [{ id: 'n-1', label: 'claim', quote: 'We continue to encourage Pakistan to prosecute militant leaders', speaker: 'Donald Lu' }]);
    const a = await api();
    await waitFor(async () => (await a.services.annotations.get(A)).items.length === 1, 'sidecar loaded');
  });
  after(async () => {
    fs.rmSync(sidecarOf(A).fsPath, { force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the editor, draws the seed network, lists claims and selects the quote', async () => {
    const a = await api();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(A));
    await vscode.commands.executeCommand('articleAnnotator.showNetwork');
    const panel = await waitFor(() => a.networkFeature.current, 'the panel');
    // Detections included, so the seed workspace's detected claims give a network to draw.
    await panel.handle({ type: 'request', state: { kind: 'talks-about', normalisation: 'none', scope: 'workspace', filter: { includeDetections: true } } });
    const drawn = await waitFor(() => (panel.drawn && panel.drawn.nodes > 0 && panel.lastSent && panel.drawn.nodes === panel.lastSent.nodes ? panel.drawn : undefined), 'the canvas drew the nodes sent', 30000);
    assert.equal(drawn.edges, panel.lastSent!.edges);
    assert.ok(drawn.edges > 0);
    await screenshot('network-panel');
    // A node's claims: the speaker of the user claim (Donald Lu) lists it.
    await panel.handle({ type: 'request', state: { kind: 'talks-about', normalisation: 'none', scope: 'workspace', filter: {} } });
    await waitFor(() => panel.drawn && panel.lastSent && panel.drawn.nodes === panel.lastSent.nodes && panel.drawn.nodes >= 2, 'accepted-only network drawn', 30000);
    await panel.handle({ type: 'select', title: 'Donald Lu', statements: ['seeds/002_0758a46f1570366d.txt:n-1', 'no-such-statement'] });
    assert.deepEqual(panel.listed.map((c) => `${c.speaker}: ${c.quote}`), ['Donald Lu: We continue to encourage Pakistan to prosecute militant leaders']);
    const editor = await panel.open('seeds/002_0758a46f1570366d.txt:n-1');
    assert.ok(editor);
    assert.equal(editor.document.getText(editor.selection), 'We continue to encourage Pakistan to prosecute militant leaders');
    // Invalid messages are dropped.
    const before = panel.listed;
    await panel.handle({ type: 'select', title: 3, statements: 'x' });
    assert.equal(panel.listed, before);
  });
});
