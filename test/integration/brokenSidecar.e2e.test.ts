// A broken sidecar (issue 15, item 7): the article's editor says why its annotations are hidden
// (a CodeLens on the first line), and Annotate Selection refuses before its first prompt with a
// visible error whose button opens the sidecar at the problem's line. A sidecar with several
// problems (issue 17): every one is in the Problems panel, the lens says how many, nothing is
// rewritten, and fixing the file on disk brings the annotations back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { queryDom, screenshot, waitFor } from './harness';
import { api, resetArticle, seedUri, selectText, sidecarOf } from './util';

const ARTICLE = seedUri('002_0758a46f1570366d.txt');
// Line 6 is broken YAML (an unclosed flow sequence).
const BROKEN = 'version: 1\narticle: 002_0758a46f1570366d.txt\nannotations:\n  - id: b-1\n    label: claim\n    start: [oops\n    end: 20\n';


/** Two annotations of the article's quotes; `broken`: a YAML syntax error in the first (line 9) and an empty label in the second (line 11). */
function twoAnnotations(text: string, broken: boolean): string {
  const at = (quote: string) => {
    const i = text.indexOf(quote);
    assert.ok(i >= 0, quote);
    return [...text.slice(0, i)].length;
  };
  const a = at('Pakistan');
  const b = at('Islamabad');
  return [
    'version: 1',
    'article: 002_0758a46f1570366d.txt',
    'annotations:',
    '  - id: m-1',
    '    label: claim',
    `    start: ${a}`,
    `    end: ${a + 8}`,
    '    quote: Pakistan',
    broken ? '    tags: [x, y' : '    tags: [x, y]',
    '  - id: m-2',
    broken ? '    label: ""' : '    label: note',
    `    start: ${b}`,
    `    end: ${b + 9}`,
    '    quote: Islamabad',
    '',
  ].join('\n');
}

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
  it('with several problems: all in the Problems panel, the lens counts them, nothing rewritten, fixed on disk they come back', async () => {
    const a = await api();
    const store = a.services.annotations;
    await vscode.commands.executeCommand('notifications.clearAll');
    const broken = twoAnnotations(original, true);
    const side = sidecarOf(ARTICLE);
    fs.writeFileSync(side.fsPath, broken);
    const bytes = fs.readFileSync(side.fsPath);
    await store.discardChanges(ARTICLE).catch(() => undefined);
    const state = await waitFor(async () => {
      const s = (await store.get(ARTICLE)).state;
      return s.kind === 'error' && s.problems.length > 1 ? s : undefined;
    }, 15000, 'the store to read the sidecar with several problems');
    // The syntax error (line 9) does not hide the empty label after it (line 11).
    assert.equal(state.problems[0]!.line, 9, state.message);
    assert.match(state.problems[0]!.message, /Not valid YAML/);
    assert.ok(state.problems.some((p) => p.line === 11 && /"label" must not be empty/.test(p.message)), state.message);

    // The Problems panel: each problem on its line of the sidecar, and a warning on the article.
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(side);
      return d.length === state.problems.length ? d : undefined;
    }, 10000, 'a diagnostic per problem');
    assert.deepEqual(diags.map((d) => [d.range.start.line + 1, d.message]), state.problems.map((p) => [p.line, p.message]));
    assert.ok(diags.every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    const onArticle = vscode.languages.getDiagnostics(ARTICLE).map((d) => d.message);
    assert.ok(onArticle.some((m) => m.includes(`has ${state.problems.length} problems`)), onArticle.join(' | '));

    // The lens: how many, and the first (cut short: a CodeLens line does not wrap).
    const editor = await selectText(ARTICLE, 'Pakistan');
    const count = state.problems.length;
    const title = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', ARTICLE);
      return l?.map((x) => x.command?.title ?? '').find((t) => t.includes(`${count} problems in`));
    }, 10000, 'the CodeLens with the count');
    assert.match(title, new RegExp(`Annotations hidden: ${count} problems in 002_0758a46f1570366d\\.txt\\.annotations\\.yaml \\(line 9: Not valid YAML`));
    assert.ok(title.replace('$(warning) ', '').length <= 120, `short enough for one line: ${title}`);
    const drawn = await waitFor(async () => {
      const d = await queryDom('.editor-instance .codelens-decoration');
      return d.find((x) => x.text.includes(`${count} problems in 002_0758a46f1570366d.txt.annotations.yaml`));
    }, 10000, 'the CodeLens with the count drawn');
    assert.ok(drawn.text.includes('Open Sidecar at Error'), drawn.text);
    await screenshot('broken-sidecar-several');

    // Annotating is refused and the file is not rewritten: its bytes are as written.
    assert.ok(!editor.selection.isEmpty);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('articleAnnotator.annotateSelection', { label: 'note' })), new RegExp(`could not be read \\(${count} problems, the first on line 9: .*; all of them are in the Problems panel\\)\\. Fix it`));
    await store.flushAll();
    assert.ok(fs.readFileSync(side.fsPath).equals(bytes), 'the sidecar bytes are unchanged');
    assert.equal((await store.get(ARTICLE)).items.length, 0);

    // The button goes to the first problem.
    await vscode.commands.executeCommand('articleAnnotator.openSidecarAtError', ARTICLE.toString());
    assert.equal(vscode.window.activeTextEditor!.document.uri.toString(), side.toString());
    assert.equal(vscode.window.activeTextEditor!.selection.active.line, 8);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // Fixed on disk (as another editor would): the annotations come back, the problems go.
    fs.writeFileSync(side.fsPath, twoAnnotations(original, false));
    const back = await waitFor(async () => {
      const anns = await store.get(ARTICLE);
      return anns.state.kind === 'ok' && anns.items.length === 2 ? anns : undefined;
    }, 15000, 'the annotations back after the fix');
    assert.deepEqual(back.items.map((i) => [i.annotation.id, i.annotation.label, i.status]).sort(), [['m-1', 'claim', 'exact'], ['m-2', 'note', 'exact']]);
    await waitFor(() => vscode.languages.getDiagnostics(side).length === 0 && vscode.languages.getDiagnostics(ARTICLE).length === 0, 10000, 'the problems cleared');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', ARTICLE);
    assert.equal(lenses?.length ?? 0, 0);
  });
});
