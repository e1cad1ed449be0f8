// Issue 15, item 10, in the rendered workbench: the view's title bar keeps few icons, prompts do
// not repeat VS Code's own hint, and Ctrl+Z in the article undoes a deletion while it is the last
// action there (and undoes text as usual after an edit).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { pressKey, queryDom, screenshot, waitFor } from './harness';
import { api, resetArticle, seedUri, selectText, sidecarOf } from './util';

const ARTICLE = seedUri('002_0758a46f1570366d.txt');

describe('every button gives feedback (rendered)', () => {
  let original: string;
  before(async () => {
    await api();
    original = fs.readFileSync(ARTICLE.fsPath, 'utf8');
  });
  after(async () => {
    await resetArticle(ARTICLE, original);
    const tree = (await api()).tree;
    await tree.setFilter(undefined);
    await tree.setGrouping('article');
  });

  it('keeps at most four icons in the view title bar, the grouping in one menu', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.articleAnnotator');
    await vscode.commands.executeCommand('articleAnnotator.groupByActor');
    await vscode.commands.executeCommand('articleAnnotator.filter', { text: 'Pakistan' });
    const actions = await waitFor(async () => {
      const a = await queryDom('.part.sidebar .title-actions .action-item .action-label');
      // (Clear Filter replaces Filter once the filter's context key has reached the workbench.)
      return a.some((x) => /Group By/.test(x.ariaLabel + x.title)) && a.some((x) => /Clear Filter/.test(x.ariaLabel + x.title)) ? a : undefined;
    }, 15000, 'the Group By menu and Clear Filter in the title bar');
    const names = actions.map((a) => a.ariaLabel || a.title);
    const header = (await queryDom('.part.sidebar .composite.title')).map((n) => n.text).join(' ');
    await screenshot('view-title-bar');
    // Ours, and VS Code's own "…" (Views and More Actions) holding the rest.
    assert.ok(names.length <= 4, `title-bar icons: ${names.join(' | ')}; header: ${header}`);
    assert.ok(names.some((n) => /Clear Filter/.test(n)) && names.some((n) => /Export/.test(n)), names.join(' | '));
    assert.ok(!names.some((n) => /Group by Article|Refresh|Actor Network/.test(n)), `moved to menus: ${names.join(' | ')}`);
    // The view has the container's name: the title is not "Article Annotator: Annotations" cut short.
    assert.equal(header.trim(), 'Article Annotator');
    const message = (await queryDom('.part.sidebar .pane-body .message')).map((n) => n.text).join(' ');
    assert.match(message, /By actor · filtered: “Pakistan”/, message);
  });

  it('asks for an optional comment without repeating VS Code’s own hint', async () => {
    await selectText(ARTICLE, 'Pakistan');
    const pending = vscode.commands.executeCommand('articleAnnotator.annotateSelection');
    try {
      await waitFor(async () => (await queryDom('.quick-input-widget .monaco-list-row')).length > 0, 15000, 'the label picker');
      await pressKey('Enter');
      const message = await waitFor(async () => {
        const title = (await queryDom('.quick-input-widget .quick-input-title')).map((n) => n.text).join(' ');
        if (!/Comment/.test(title)) return undefined;
        return (await queryDom('.quick-input-widget .quick-input-message')).map((n) => n.text).join(' ') || ' ';
      }, 15000, 'the comment prompt');
      await screenshot('comment-prompt');
      assert.doesNotMatch(message, /skip.*Press 'Enter'/i, message);
      assert.ok((message.match(/Enter/g) ?? []).length <= 1, message);
    } finally {
      await pressKey('Escape');
      assert.equal(await pending, undefined, 'Escape cancels without annotating');
    }
  });

  it('undoes a deletion with Ctrl+Z in the article while it is the last action, then text as usual', async () => {
    const { services, annotationFeature } = await api();
    const editor = await selectText(ARTICLE, 'Pakistan');
    const created = await vscode.commands.executeCommand<{ id: string }>('articleAnnotator.annotateSelection', { label: 'note', comment: 'undo me' });
    const ref = { kind: 'annotation', article: ARTICLE.toString(), id: created.id };
    const has = () => !!services.annotations.peek(ARTICLE)?.items.some((i) => i.annotation.id === created.id);
    await vscode.commands.executeCommand('articleAnnotator.deleteAnnotation', ref);
    assert.equal(has(), false);
    await vscode.window.showTextDocument(editor.document);
    const version = editor.document.version;
    await pressKey('Control+z');
    await waitFor(() => has(), 10000, 'Ctrl+Z to put the annotation back');
    assert.equal(editor.document.version, version, 'the text was not touched');
    assert.equal(await annotationFeature.commands.deleteUndo.undoLast(), false, 'nothing left to undo');

    // Delete, then type: Ctrl+Z now undoes the typing, and the deletion stays.
    await vscode.commands.executeCommand('articleAnnotator.deleteAnnotation', ref);
    await vscode.window.showTextDocument(editor.document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'X'));
    assert.ok(editor.document.getText().startsWith('X'));
    await pressKey('Control+z');
    await waitFor(() => !editor.document.getText().startsWith('X'), 10000, 'Ctrl+Z to undo the typing');
    assert.equal(has(), false, 'the deletion was not undone by the text undo');
    await services.annotations.flushAll();
    assert.ok(!fs.existsSync(sidecarOf(ARTICLE).fsPath) || !fs.readFileSync(sidecarOf(ARTICLE).fsPath, 'utf8').includes('undo me'));
  });
});
