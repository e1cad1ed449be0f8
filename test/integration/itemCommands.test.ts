import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, resetArticle, seedUri, selectText, sidecarOf, waitFor, writeSidecar } from './util';

const A = seedUri('000_567447e36de95f9e.txt');

describe('item commands (tree context menu)', () => {
  let original: string;
  before(() => {
    original = fs.readFileSync(A.fsPath, 'utf8');
  });
  afterEach(async () => {
    await resetArticle(A, original);
  });

  it('re-attaches an orphan to the selection and writes its new place', async () => {
    writeSidecar(A, [{ id: 'a-lost', label: 'claim', quote: 'A sentence that was edited away long ago.', start: 3, speaker: 'Someone' }]);
    const store = (await api()).services.annotations;
    await store.discardChanges(A);
    const state = await waitFor(async () => {
      const s = await store.get(A);
      return s.items.length === 1 ? s : undefined;
    }, 'sidecar loaded');
    assert.equal(state.items[0]!.status, 'orphan');
    await selectText(A, 'live up to their obligations');
    const ref = { kind: 'annotation', article: A.toString(), id: 'a-lost' };
    const fixed = await vscode.commands.executeCommand<{ quote: string; speaker: string }>('articleAnnotator.reattachOrphan', { ref });
    assert.equal(fixed.quote, 'live up to their obligations');
    assert.equal(fixed.speaker, 'Someone', 'the rest of the annotation is kept');
    assert.equal(store.peek(A)!.items[0]!.status, 'exact');
    await store.flushAll();
    const disk = parse(fs.readFileSync(sidecarOf(A).fsPath, 'utf8'));
    assert.equal(disk.annotations[0].quote, 'live up to their obligations');
    assert.equal([...original].slice(disk.annotations[0].start, disk.annotations[0].end).join(''), 'live up to their obligations');
  });

  it('copies the quote and reveals the sidecar at the annotation', async () => {
    writeSidecar(A, [{ id: 'a-one', label: 'note', quote: 'Stéphane Dujarric' }]);
    const store = (await api()).services.annotations;
    await store.discardChanges(A);
    await waitFor(async () => (await store.get(A)).items.length === 1, 'loaded');
    const ref = { kind: 'annotation', article: A.toString(), id: 'a-one' };
    await vscode.commands.executeCommand('articleAnnotator.copyQuote', { ref });
    assert.equal(await vscode.env.clipboard.readText(), 'Stéphane Dujarric');
    await vscode.commands.executeCommand('articleAnnotator.revealSidecar', { ref });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), sidecarOf(A).toString());
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /id: a-one/);
  });

  it('rejects a detection from the tree and the Detections group no longer lists it', async () => {
    const tree = (await api()).tree;
    await tree.setGrouping('article');
    const article = (await tree.provider.getChildren()).find((n) => n.kind === 'article' && n.uri.toString() === A.toString())!;
    const group = (await tree.provider.getChildren(article)).find((n) => n.kind === 'detections')!;
    const before = await tree.provider.getChildren(group);
    const claim = before.find((n) => n.kind === 'detection' && n.ref.detection === 'claim');
    assert.ok(claim && claim.kind === 'detection');
    await vscode.commands.executeCommand('articleAnnotator.rejectDetection', claim);
    const after = await tree.provider.getChildren(group);
    assert.equal(after.length, before.length - 1);
    assert.ok(!after.some((n) => n.kind === 'detection' && n.ref.key === claim.ref.key));
    await vscode.commands.executeCommand('articleAnnotator.resetRejected');
    assert.equal((await tree.provider.getChildren(group)).length, before.length);
  });
});
