// A broken sidecar (issue 15, item 7): the article's editor says why its annotations are hidden
// (a CodeLens on the first line), and Annotate Selection refuses before its first prompt with a
// visible error whose button opens the sidecar at the problem's line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { queryDom, screenshot, waitFor } from './harness';
import { api, resetArticle, seedUri, selectText, sidecarOf } from './util';

const ARTICLE = seedUri('002_0758a46f1570366d.txt');
// Line 6 is broken YAML (an unclosed flow sequence).
const BROKEN = 'version: 1\narticle: 002_0758a46f1570366d.txt\nannotations:\n  - id: b-1\n    label: claim\n    start: [oops\n    end: 20\n';

describe('a broken sidecar, in the editor (rendered workbench)', () => {
  let original: string;
  before(() => {
    original = fs.readFileSync(ARTICLE.fsPath, 'utf8');
  });
  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    await resetArticle(ARTICLE, original);
  });

  it('says why the annotations are hidden, refuses to annotate before asking anything, and opens the sidecar at the error', async () => {
    const a = await api();
    await vscode.commands.executeCommand('notifications.clearAll');
    fs.writeFileSync(sidecarOf(ARTICLE).fsPath, BROKEN);
    const store = a.services.annotations;
    await store.discardChanges(ARTICLE).catch(() => undefined);
    const state = await waitFor(async () => {
      const s = (await store.get(ARTICLE)).state;
      return s.kind === 'error' ? s : undefined;
    }, 15000, 'the store to read the broken sidecar');
    assert.ok(state.line && state.line >= 5, `the problem's line: ${state.line}`);

    // In the editor: a CodeLens on the first line names the problem and offers the button.
    const editor = await selectText(ARTICLE, 'Pakistan');
    const lenses = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', ARTICLE);
      return l && l.length > 0 ? l : undefined;
    }, 10000, 'the CodeLens');
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => /Annotations hidden: 002_0758a46f1570366d\.txt\.annotations\.yaml cannot be read \(line \d+: /.test(t)), titles.join(' | '));
    assert.ok(titles[0]!.endsWith('Open Sidecar at Error'), 'the button first: a long description may be cut at the edge');
    assert.equal(lenses[0]!.range.start.line, 0);
    const drawn = await waitFor(async () => {
      const d = await queryDom('.editor-instance .codelens-decoration');
      return d.some((x) => x.text.includes('Annotations hidden')) ? d : undefined;
    }, 10000, 'the CodeLens drawn');
    assert.ok(drawn.some((x) => x.text.includes('Open Sidecar at Error')));

    // Annotate Selection from the UI (no arguments): it returns at once, so it asked nothing (a
    // label picker would keep it waiting), and shows the error with its button.
    assert.ok(!editor.selection.isEmpty);
    const outcome = await Promise.race([
      Promise.resolve(vscode.commands.executeCommand('articleAnnotator.annotateSelection')).then(() => 'returned'),
      new Promise((r) => setTimeout(() => r('still waiting for an answer'), 5000)),
    ]);
    assert.equal(outcome, 'returned');
    assert.equal((await store.get(ARTICLE)).items.length, 0);
    await vscode.commands.executeCommand('notifications.showList');
    const note = await waitFor(async () => {
      const rows = await queryDom('.notifications-list-container .monaco-list-row');
      return rows.find((r) => r.text.includes('could not be read') && r.text.includes('002_0758a46f1570366d.txt')) ? rows : undefined;
    }, 10000, 'the error in the notifications');
    const texts = note.map((r) => r.text).join('\n');
    assert.match(texts, /cannot be changed: its sidecar 002_0758a46f1570366d\.txt\.annotations\.yaml could not be read \(line \d+: /);
    const buttons = await queryDom('.notifications-list-container .monaco-list-row .monaco-button');
    assert.ok(buttons.some((b) => b.text.includes('Open Sidecar at Error')), buttons.map((b) => b.text).join(' | '));
    // Shown once, not a second time by the command wrapper.
    assert.equal(note.filter((r) => r.text.includes('could not be read') && r.text.includes('002_0758a46f1570366d.txt')).length, 1, texts);
    await screenshot('broken-sidecar');
    await vscode.commands.executeCommand('notifications.hideList');

    // Scripted, it is rejected with the same reason.
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('articleAnnotator.annotateSelection', { label: 'note' })), /could not be read/);

    // The button's command opens the sidecar at the problem's line.
    await vscode.commands.executeCommand('articleAnnotator.openSidecarAtError', ARTICLE.toString());
    const side = vscode.window.activeTextEditor!;
    assert.equal(side.document.uri.toString(), sidecarOf(ARTICLE).toString());
    assert.equal(side.selection.active.line, state.line! - 1);
    // Nothing was written.
    assert.equal(fs.readFileSync(sidecarOf(ARTICLE).fsPath, 'utf8'), BROKEN);
  });
});
