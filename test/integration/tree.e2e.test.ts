import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { pressKey, queryDom, screenshot, waitFor } from './harness';
import { api, seedUri, sidecarOf, writeSidecar } from './util';

describe('tree end to end (rendered workbench)', () => {
  const B = seedUri('003_f2cdae8a492d10f5.txt');
  const A = seedUri('001_f449809abfeeccdc.txt');
  after(async () => {
    await (await api()).services.annotations.flushAll();
    fs.rmSync(sidecarOf(B).fsPath, { force: true });
    fs.rmSync(sidecarOf(A).fsPath, { force: true });
  });

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

  it('shows claims by topic and stance with counts; Enter on a claim row selects its quote', async () => {
    const quote = 'We want to see full accountability for these terrible attacks';
    writeSidecar(B, [
      { id: 'b-claim1', label: 'claim', quote, speaker: 'Mark C. Toner', about: ['Accountability', 'Terrorism'], stance: 'agree', verdict: 'mixed' },
      { id: 'b-claim2', label: 'claim', quote: 'We’ve seen progress, but we need to see more', speaker: 'Mark C. Toner', about: ['Terrorism'], stance: 'disagree' },
    ]);
    writeSidecar(A, [{ id: 'a-claim1', label: 'claim', quote: 'immediate, sustained and irreversible action', speaker: 'India' }]);
    const a = await api();
    await waitFor(async () => (await a.services.annotations.get(B)).items.length === 2 && (await a.services.annotations.get(A)).items.length === 1, 10000, 'sidecars');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.extension.articleAnnotator');
    await vscode.commands.executeCommand('articleAnnotator.groupByTopic');
    const topics = await a.tree.provider.getChildren();
    for (const t of topics) await a.tree.view.reveal(t, { expand: 2, select: false, focus: false });
    const rows = await waitFor(async () => {
      const r = (await queryDom('.monaco-list-row')).map((x) => x.text);
      return r.some((x) => x.includes('No topic (1)')) && r.filter((x) => x.includes('We want to see full accountability')).length === 2 ? r : undefined;
    }, 10000, 'topic rows rendered');
    for (const want of ['Accountability (1)', 'Terrorism (2)', 'agree (1)', 'disagree (1)', 'No topic (1)', 'no stance (1)']) {
      assert.ok(rows.some((t) => t.includes(want)), `a row “${want}” in:\n${rows.join('\n')}`);
    }
    const order = ['Accountability (1)', 'Terrorism (2)', 'No topic (1)'].map((t) => rows.findIndex((r) => r.includes(t)));
    assert.deepEqual([...order].sort((x, y) => x - y), order, `topics in order: ${rows.join(' | ')}`);
    assert.ok(rows.some((t) => t.includes('We want to see full accountability') && t.includes('003_f2cdae8a492d10f5.txt')), 'a claim row names its article');
    await screenshot('tree-by-topic');
    // Keyboard: focus the claim row under Terrorism › agree and press Enter.
    const terrorism = topics.find((n) => n.kind === 'topic' && n.topic === 'Terrorism')!;
    const agree = (await a.tree.provider.getChildren(terrorism)).find((n) => n.kind === 'stance' && n.stance === 'agree')!;
    const row = (await a.tree.provider.getChildren(agree))[0]!;
    await a.tree.view.reveal(row, { select: true, focus: true });
    await pressKey('Enter');
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === B.toString() && !e.selection.isEmpty ? e : undefined;
    }, 10000, 'the article opened from the row');
    assert.equal(editor.document.getText(editor.selection), quote);
    await a.tree.setGrouping('article');
  });

  it('Edit Annotation… lists the statement fields for a claim only', async () => {
    const a = await api();
    const fields = async (id: string, quote: string, shot?: string): Promise<string[]> => {
      const run = vscode.commands.executeCommand('articleAnnotator.editAnnotation', { kind: 'annotation', article: A.toString(), id });
      try {
        // The picker of this annotation (its title names the quote), rendered alike twice in a row:
        // while the list is re-rendered it may hold the rows of the previous picker too.
        let last = '';
        const rows = await waitFor(async () => {
          const lists = await queryDom('.quick-input-widget .quick-input-list .monaco-list');
          if (!lists.some((l) => l.ariaLabel.includes(quote))) return undefined;
          const r = await queryDom('.quick-input-widget .quick-input-list .monaco-list-row');
          const now = JSON.stringify(r.map((x) => x.ariaLabel));
          const stable = r.length > 0 && now === last;
          last = now;
          return stable ? r : undefined;
        }, 10000, 'the field picker');
        if (shot) await screenshot(shot);
        // A row's accessible name: the field, then its current value ("Speaker, India").
        return rows.map((r) => r.ariaLabel.split(', ')[0]!);
      } finally {
        await pressKey('Escape');
        assert.equal(await run, undefined, 'Escape changes nothing');
      }
    };
    writeSidecar(A, [
      { id: 'a-claim1', label: 'claim', quote: 'immediate, sustained and irreversible action', speaker: 'India' },
      { id: 'a-note1', label: 'note', quote: 'Pathankot attacks' },
    ]);
    await waitFor(async () => (await a.services.annotations.get(A)).items.length === 2, 10000, 'sidecar');
    const claim = await fields('a-claim1', 'immediate, sustained and irreversible action', 'edit-annotation-claim-fields');
    assert.deepEqual(claim, ['Label', 'Comment', 'Tags', 'Speaker', 'Topics', 'Stance', 'Verdict', 'Evidence']);
    assert.deepEqual(await fields('a-note1', 'Pathankot attacks'), ['Label', 'Comment', 'Tags', 'Speaker']);
  });
});
