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

describe('annotations tree grouped by topic', () => {
  const C = {
    t1: 'immediate, sustained and irreversible action',
    t2: 'Both sides denounced the use of terrorist proxies',
    t3: 'there has been little progress in their trial',
    t5: 'We want to see full accountability for these terrible attacks',
    t6: 'We’ve seen progress, but we need to see more',
  };
  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    writeSidecar(A, [
      { id: 't1', label: 'claim', quote: C.t1, speaker: 'India', about: ['Terrorism', 'Pakistan'], stance: 'agree' },
      { id: 't2', label: 'claim', quote: C.t2, about: ['Terrorism'], stance: 'disagree' },
      { id: 't3', label: 'claim', quote: C.t3 },
      { id: 't4', label: 'note', quote: 'Pathankot attacks', comment: 'not a claim: not listed by topic' },
    ]);
    writeSidecar(B, [
      { id: 't5', label: 'claim', quote: C.t5, speaker: 'Mark C. Toner', about: ['Terrorism'], stance: 'agree', verdict: 'mixed' },
      { id: 't6', label: 'claim', quote: C.t6, about: ['Pakistan'] },
    ]);
    const store = (await api()).services.annotations;
    await waitFor(async () => (await store.get(A)).items.length === 4 && (await store.get(B)).items.length === 2, 'sidecars loaded');
  });
  after(async () => {
    const { tree, services } = await api();
    await tree.setGrouping('article');
    await services.annotations.flushAll();
    fs.rmSync(sidecarOf(A).fsPath, { force: true });
    fs.rmSync(sidecarOf(B).fsPath, { force: true });
    await sleep(300);
  });

  /** The tree below the roots as lines: rows indented by depth, claim rows by annotation id. */
  async function outline(): Promise<string[]> {
    const tree = (await api()).tree;
    const out: string[] = [];
    const walk = async (parent: TreeNode | undefined, depth: number): Promise<void> => {
      for (const n of await tree.provider.getChildren(parent)) {
        out.push(`${'  '.repeat(depth)}${n.kind === 'annotation' ? n.ref.id : (await labelsOf([n]))[0]}`);
        await walk(n, depth + 1);
      }
    };
    await walk(undefined, 0);
    return out;
  }

  it('lists topic → stance → claims with counts, from the Group By command, and keeps the choice', async () => {
    const { tree, services } = await api();
    await vscode.commands.executeCommand('articleAnnotator.groupByTopic');
    assert.equal(tree.provider.grouping, 'topic');
    assert.equal(services.context.workspaceState.get('articleAnnotator.grouping'), 'topic', 'persisted like the other groupings');
    assert.equal(tree.view.description, 'by topic');
    assert.deepEqual(await outline(), [
      'Pakistan (2)',
      '  agree (1)',
      '    t1',
      '  no stance (1)',
      '    t6',
      'Terrorism (3)',
      '  agree (2)',
      '    t1',
      '    t5',
      '  disagree (1)',
      '    t2',
      'No topic (1)',
      '  no stance (1)',
      '    t3',
    ]);
    // A claim row under a stance names its article (rows of several articles mix), not the stance.
    const terrorism = await child(undefined, 'Terrorism');
    const agree = await child(terrorism, 'agree');
    const [r1, r5] = await tree.provider.getChildren(agree);
    assert.equal(String((await tree.provider.getTreeItem(r5!)).description), 'claim — Mark C. Toner · verdict: mixed · 003_f2cdae8a492d10f5.txt');
    assert.equal(String((await tree.provider.getTreeItem(r1!)).description), 'claim — India · 001_f449809abfeeccdc.txt');
    assert.equal(tree.provider.getParent(r5!)?.id, agree.id);
  });

  it('opening a claim row selects its quote in the article', async () => {
    const tree = (await api()).tree;
    await tree.setGrouping('topic');
    for (const [topic, stance, quote, article] of [
      ['Terrorism', 'agree', C.t5, B],
      ['No topic', 'no stance', C.t3, A],
    ] as const) {
      const rows = await tree.provider.getChildren(await child(await child(undefined, topic), stance));
      const row = rows.find((r) => r.kind === 'annotation' && r.uri.toString() === article.toString());
      assert.ok(row, `${topic} / ${stance} has a row of ${article.path}`);
      const item = await tree.provider.getTreeItem(row);
      assert.ok(item.command, 'the row opens on click');
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), article.toString());
      assert.equal(editor.document.getText(editor.selection), quote);
    }
  });

  it('follows the stances setting, the filter and edits of topics', async () => {
    const tree = (await api()).tree;
    await tree.setGrouping('topic');
    const config = vscode.workspace.getConfiguration('articleAnnotator');
    await config.update('stances', ['disagree', 'agree', 'neutral'], vscode.ConfigurationTarget.Workspace);
    try {
      assert.deepEqual(await labelsOf(await tree.provider.getChildren(await child(undefined, 'Terrorism'))), ['disagree (1)', 'agree (2)']);
    } finally {
      await config.update('stances', undefined, vscode.ConfigurationTarget.Workspace);
    }
    try {
      await tree.setFilter({ speaker: 'India' });
      assert.deepEqual(await outline(), ['Pakistan (1)', '  agree (1)', '    t1', 'Terrorism (1)', '  agree (1)', '    t1']);
    } finally {
      await tree.setFilter(undefined);
    }
    let fired = 0;
    const sub = tree.provider.onDidChangeTreeData(() => fired++);
    try {
      await vscode.commands.executeCommand('articleAnnotator.setTopic', { kind: 'annotation', article: A.toString(), id: 't3' }, { about: ['Pakistan'] });
      await vscode.commands.executeCommand('articleAnnotator.setStance', { kind: 'annotation', article: A.toString(), id: 't3' }, { stance: 'neutral' });
      await waitFor(() => fired > 0, 'the tree is told to refresh');
      assert.deepEqual(await labelsOf(await tree.provider.getChildren()), ['Pakistan (3)', 'Terrorism (3)']);
      assert.deepEqual(await labelsOf(await tree.provider.getChildren(await child(undefined, 'Pakistan'))), ['agree (1)', 'neutral (1)', 'no stance (1)']);
    } finally {
      sub.dispose();
    }
  });
});
