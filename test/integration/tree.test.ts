import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/nodes';
import { api, seedUri, sidecarOf, sleep, waitFor, writeSidecar } from './util';

const A = seedUri('001_f449809abfeeccdc.txt');
const B = seedUri('003_f2cdae8a492d10f5.txt');

async function labelsOf(nodes: TreeNode[]): Promise<string[]> {
  const tree = (await api()).tree;
  const out: string[] = [];
  for (const n of nodes) {
    const item = await tree.provider.getTreeItem(n);
    out.push(typeof item.label === 'string' ? item.label : item.label?.label ?? '');
  }
  return out;
}

async function child(parent: TreeNode | undefined, label: string): Promise<TreeNode> {
  const tree = (await api()).tree;
  const kids = await tree.provider.getChildren(parent);
  const names = await labelsOf(kids);
  const i = names.findIndex((n) => n === label || n.startsWith(label));
  assert.ok(i >= 0, `“${label}” among ${JSON.stringify(names)}`);
  return kids[i]!;
}

describe('annotations tree', () => {
  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    writeSidecar(A, [
      { id: 'a-claim1', label: 'claim', quote: 'immediate, sustained and irreversible action', speaker: 'India', comment: 'the core demand', tags: ['demand'] },
      { id: 'a-note1', label: 'note', quote: 'Pathankot attacks', comment: 'check the date' },
      { id: 'a-orphan', label: 'claim', quote: 'This sentence is not in the article at all.', start: 5 },
    ]);
    writeSidecar(B, [{ id: 'b-claim1', label: 'claim', quote: 'We want to see full accountability for these terrible attacks', speaker: 'Mark C. Toner' }]);
    const tree = (await api()).tree;
    await tree.setGrouping('article');
    await tree.setFilter(undefined);
    await waitFor(async () => (await (await api()).services.annotations.get(A)).items.length === 3, 'sidecar loaded');
  });
  after(async () => {
    fs.rmSync(sidecarOf(A).fsPath, { force: true });
    fs.rmSync(sidecarOf(B).fsPath, { force: true });
    const tree = (await api()).tree;
    await tree.setGrouping('article');
    await tree.setFilter(undefined);
    await sleep(300);
  });

  it('lists articles, then labels, detections and orphans per article', async () => {
    const tree = (await api()).tree;
    const roots = await tree.provider.getChildren();
    assert.deepEqual(await labelsOf(roots), fs.readdirSync(vscode.Uri.joinPath(A, '..').fsPath).filter((f) => f.endsWith('.txt')).sort());
    const article = await child(undefined, '001_f449809abfeeccdc.txt');
    const groups = await labelsOf(await tree.provider.getChildren(article));
    assert.deepEqual(groups, ['claim', 'note', 'Detections', 'Orphans']);
    const claims = await tree.provider.getChildren(await child(article, 'claim'));
    assert.deepEqual(await labelsOf(claims), ['immediate, sustained and irreversible action']);
    const claimItem = await tree.provider.getTreeItem(claims[0]!);
    assert.equal(claimItem.contextValue, 'annotation');
    assert.match((claimItem.tooltip as vscode.MarkdownString).value, /the core demand/);
    const orphans = await tree.provider.getChildren(await child(article, 'Orphans'));
    assert.equal(orphans.length, 1);
    assert.equal((await tree.provider.getTreeItem(orphans[0]!)).contextValue, 'orphan');
    const detections = await tree.provider.getChildren(await child(article, 'Detections'));
    assert.ok(detections.length > 3, 'detections listed');
    assert.ok(detections.every((d) => d.kind === 'detection'));
    // Under the article, its rows do not repeat its file name.
    for (const d of detections) assert.doesNotMatch(String((await tree.provider.getTreeItem(d)).description), /001_f449809abfeeccdc/);
    const articleItem = await tree.provider.getTreeItem(article);
    assert.match(String(articleItem.description), /3 annotations, 1 orphaned/);
  });

  it('groups by label and by actor', async () => {
    const tree = (await api()).tree;
    await tree.setGrouping('label');
    const labels = await labelsOf(await tree.provider.getChildren());
    assert.deepEqual(labels, ['claim', 'note']);
    const claimArticles = await labelsOf(await tree.provider.getChildren(await child(undefined, 'claim')));
    assert.deepEqual(claimArticles, ['001_f449809abfeeccdc.txt', '003_f2cdae8a492d10f5.txt']);
    await tree.setGrouping('actor');
    const actors = await tree.provider.getChildren();
    const names = await labelsOf(actors);
    assert.ok(names.includes('Pakistan'), names.join(', '));
    const pakistan = await tree.provider.getTreeItem(actors[names.indexOf('Pakistan')]!);
    assert.match(String(pakistan.description), /place · \d+ mentions in 5 articles/);
    // Who said what: Toner's node lists the annotated claim and his detected claims, then mentions.
    const toner = await child(undefined, 'Mark C. Toner');
    const said = await tree.provider.getChildren(toner);
    const saidLabels = await labelsOf(said);
    assert.ok(saidLabels[0]!.startsWith('We want to see full accountability'), saidLabels.join(' | '));
    assert.ok(said.filter((n) => n.kind === 'detection').length >= 1);
    assert.equal(saidLabels[saidLabels.length - 1], 'Mentions');
    await tree.setGrouping('article');
  });

  it('opens an item and selects exactly its range', async () => {
    const tree = (await api()).tree;
    const editor = await tree.open({ kind: 'annotation', article: A.toString(), id: 'a-note1' });
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), A.toString());
    assert.equal(editor.document.getText(editor.selection), 'Pathankot attacks');
    await vscode.commands.executeCommand('articleAnnotator.openItem', { kind: 'detection', article: B.toString(), detection: 'claim', start: 10, end: 20, text: 'x', label: 'claim', key: 'claim:x' });
    const e2 = vscode.window.activeTextEditor!;
    assert.equal(e2.document.uri.toString(), B.toString());
    assert.equal(e2.document.offsetAt(e2.selection.start), 10);
    assert.equal(e2.document.offsetAt(e2.selection.end), 20);
  });

  it('moves to the next and previous annotation and wraps across articles', async () => {
    const tree = (await api()).tree;
    const doc = await vscode.workspace.openTextDocument(A);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const e = (await vscode.commands.executeCommand<vscode.TextEditor>('articleAnnotator.nextAnnotation'))!;
      order.push(`${e.document.uri.path.split('/').pop()}:${e.document.getText(e.selection).slice(0, 20)}`);
    }
    const first = doc.getText().indexOf('immediate, sustained and irreversible') < doc.getText().indexOf('Pathankot attacks') ? 'immediate, sustained' : 'Pathankot attacks';
    assert.ok(order[0]!.endsWith(first), order.join(' / '));
    assert.ok(order[2]!.startsWith('003_f2cdae8a492d10f5.txt'), `wraps to the next article: ${order.join(' / ')}`);
    // Previous from the first annotation of B goes back to the last of A.
    const back = (await vscode.commands.executeCommand<vscode.TextEditor>('articleAnnotator.previousAnnotation'))!;
    assert.equal(back.document.uri.toString(), A.toString());
    // And from B's last, next wraps past the articles without annotations to A again.
    await tree.open({ kind: 'annotation', article: B.toString(), id: 'b-claim1' });
    const wrapped = (await vscode.commands.executeCommand<vscode.TextEditor>('articleAnnotator.nextAnnotation'))!;
    assert.equal(wrapped.document.uri.toString(), A.toString());
  });

  it('filters by text, label and speaker and shows that a filter is active', async () => {
    const tree = (await api()).tree;
    await vscode.commands.executeCommand('articleAnnotator.filter', { text: 'DATE' });
    assert.match(String(tree.view.description), /filtered/);
    const article = await child(undefined, '001_f449809abfeeccdc.txt');
    assert.deepEqual(await labelsOf(await tree.provider.getChildren(article)), ['note', 'Detections']);
    await vscode.commands.executeCommand('articleAnnotator.filter', { speaker: 'india' });
    assert.deepEqual(await labelsOf(await tree.provider.getChildren(article)), ['claim', 'Detections']);
    await vscode.commands.executeCommand('articleAnnotator.clearFilter');
    assert.doesNotMatch(String(tree.view.description), /filtered/);
    assert.equal((await tree.provider.getChildren(article)).length, 4);
  });

  it('filters the by-actor grouping to the actors with a match, and their matching rows', async () => {
    const tree = (await api()).tree;
    const services = (await api()).services;
    const quoteOf = async (n: TreeNode): Promise<string> => {
      if (n.kind === 'detection') return n.ref.text;
      if (n.kind === 'annotation') return (await services.annotations.get(n.uri)).items.find((i) => i.annotation.id === n.ref.id)!.annotation.quote;
      return '';
    };
    try {
      await tree.setGrouping('actor');
      const all = await labelsOf(await tree.provider.getChildren());
      await vscode.commands.executeCommand('articleAnnotator.filter', { text: 'full accountability' });
      assert.equal(tree.view.description, 'by actor · filtered');
      const kept = await tree.provider.getChildren();
      const keptNames = await labelsOf(kept);
      assert.ok(keptNames.includes('Mark C. Toner'), keptNames.join(', '));
      assert.ok(keptNames.length < all.length / 4, `${keptNames.length} of ${all.length} actors kept: ${keptNames.join(', ')}`);
      for (const actor of kept) {
        const rows = await tree.provider.getChildren(actor);
        assert.ok(rows.length > 0, `${actor.id} has a matching row`);
        for (const r of rows) {
          assert.notEqual(r.kind, 'mentions', `no mention of ${actor.id} matches`);
          assert.match(await quoteOf(r), /full accountability/i);
        }
      }
      // A text found in mentions: the actor stays with only the mentions that match.
      await vscode.commands.executeCommand('articleAnnotator.filter', { text: 'Pakistan' });
      const pakistan = await child(undefined, 'Pakistan');
      const mentions = await tree.provider.getChildren(await child(pakistan, 'Mentions'));
      assert.ok(mentions.length > 0);
      for (const m of mentions) {
        assert.match(await quoteOf(m), /pakistan/i);
        // Mentions of several articles: each row names its article.
        assert.match(String((await tree.provider.getTreeItem(m)).description), /· \S+\.txt$/);
      }
    } finally {
      await tree.setFilter(undefined);
      await tree.setGrouping('article');
    }
  });

  it('refreshes after a sidecar changes on disk', async () => {
    const tree = (await api()).tree;
    let fired = 0;
    const sub = tree.provider.onDidChangeTreeData(() => fired++);
    try {
      writeSidecar(B, [
        { id: 'b-claim1', label: 'claim', quote: 'We want to see full accountability for these terrible attacks', speaker: 'Mark C. Toner' },
        { id: 'b-framing', label: 'framing', quote: 'terrible attacks' },
      ]);
      const article = await child(undefined, '003_f2cdae8a492d10f5.txt');
      await waitFor(async () => (await labelsOf(await tree.provider.getChildren(article))).includes('framing'), 'new label in the tree');
      assert.ok(fired > 0, 'the tree was told to refresh');
    } finally {
      sub.dispose();
    }
  });

  it('reveals the annotation under the cursor', async () => {
    const tree = (await api()).tree;
    await vscode.commands.executeCommand('articleAnnotator.annotations.focus');
    const doc = await vscode.workspace.openTextDocument(A);
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('Pathankot attacks') + 3;
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at));
    await waitFor(() => tree.view.selection.some((n) => n.kind === 'annotation' && n.ref.id === 'a-note1'), 'tree selection follows the cursor');
  });
});
