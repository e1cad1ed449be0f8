import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/nodes';
import { api, seedUri, sidecarOf, waitFor, writeSidecar } from './util';

/**
 * A folder of articles renamed or deleted, from outside (as a shell or git does) and inside VS
 * Code (WorkspaceEdit, as the explorer does): the article index, the detection cache and the tree
 * move to the new paths, keep no entry under the old ones, and the sidecars' annotations follow.
 */
const NAMES = ['zz-folder-one.txt', 'zz-folder-two.txt'];
const QUOTE = 'Pathankot attacks';

function under(folder: vscode.Uri, name: string): vscode.Uri {
  return vscode.Uri.joinPath(folder, name);
}

async function articleRoots(): Promise<TreeNode[]> {
  const tree = (await api()).tree;
  await tree.setGrouping('article');
  return (await tree.provider.getChildren()).filter((n) => n.kind === 'article');
}

/** Waits until the tree lists the articles under `folder` and none under `gone`. */
async function treeShows(folder: vscode.Uri, gone: vscode.Uri[]): Promise<TreeNode[]> {
  return waitFor(async () => {
    const roots = await articleRoots();
    const paths = roots.map((n) => (n.kind === 'article' ? n.uri.path : ''));
    const ok = NAMES.every((n) => paths.includes(under(folder, n).path)) && !gone.some((g) => paths.some((p) => p.startsWith(g.path + '/')));
    return ok && roots;
  }, `tree lists ${folder.path} and nothing under ${gone.map((g) => g.path).join(', ')}`);
}

/** Opens the article's row and its groups, so that the tree holds rows under it. */
async function expand(article: vscode.Uri): Promise<void> {
  const tree = (await api()).tree;
  const node = (await tree.provider.getChildren()).find((n) => n.kind === 'article' && n.uri.toString() === article.toString());
  assert.ok(node, `row of ${article.path}`);
  for (const group of await tree.provider.getChildren(node)) await tree.provider.getChildren(group);
}

function assertNoRowsUnder(folder: vscode.Uri, provider: { node(id: string): TreeNode | undefined }): void {
  for (const name of NAMES) {
    const old = under(folder, name).toString();
    for (const id of [`article:${old}`, `detections:${old}`, `label:note:${old}`]) assert.equal(provider.node(id), undefined, `no row ${id}`);
  }
}

describe('folders of articles renamed and deleted', () => {
  const seedsDir = vscode.Uri.joinPath(seedUri('x'), '..');
  const first = vscode.Uri.joinPath(seedsDir, 'zz-batch');
  const second = vscode.Uri.joinPath(seedsDir, 'zz-batch-renamed');
  const third = vscode.Uri.joinPath(seedsDir, 'zz-batch-edited');
  const text = fs.readFileSync(seedUri('001_f449809abfeeccdc.txt').fsPath, 'utf8');

  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.mkdirSync(first.fsPath, { recursive: true });
    for (const n of NAMES) fs.writeFileSync(under(first, n).fsPath, text);
    writeSidecar(under(first, NAMES[0]!), [{ id: 'f-note1', label: 'note', quote: QUOTE, comment: 'moves with its folder' }]);
    await treeShows(first, []);
  });

  after(async () => {
    for (const f of [first, second, third]) fs.rmSync(f.fsPath, { recursive: true, force: true });
    await waitFor(async () => !(await articleRoots()).some((n) => n.kind === 'article' && n.uri.path.includes('/zz-batch')), 'tree without the test folders');
  });

  it('follows a folder renamed outside VS Code', async () => {
    const { services, tree } = await api();
    const article = under(first, NAMES[0]!);
    assert.ok(await services.detections.get(article), 'detected before the rename');
    assert.equal((await services.annotations.get(article)).items.length, 1);
    await expand(article);
    assert.ok(tree.provider.node(`detections:${article.toString()}`), 'rows under the article before the rename');

    fs.renameSync(first.fsPath, second.fsPath);

    await treeShows(second, [first]);
    assertNoRowsUnder(first, tree.provider);
    await waitFor(() => NAMES.every((n) => !services.detections.peek(under(first, n))), 'no detection kept under the old folder');
    const moved = await services.annotations.get(under(second, NAMES[0]!));
    assert.deepEqual(moved.items.map((i) => [i.annotation.id, i.status]), [['f-note1', 'exact']]);
    assert.ok(fs.existsSync(sidecarOf(under(second, NAMES[0]!)).fsPath));
    assert.ok(await services.detections.get(under(second, NAMES[1]!)), 'articles under the new name are detected');
  });

  it('follows a folder renamed in VS Code (WorkspaceEdit)', async () => {
    const { services, tree } = await api();
    await expand(under(second, NAMES[0]!));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(second, third);
    assert.ok(await vscode.workspace.applyEdit(edit), 'rename applied');

    await treeShows(third, [first, second]);
    assertNoRowsUnder(second, tree.provider);
    await waitFor(() => NAMES.every((n) => !services.detections.peek(under(second, n))), 'no detection kept under the old folder');
    const moved = await services.annotations.get(under(third, NAMES[0]!));
    assert.deepEqual(moved.items.map((i) => [i.annotation.id, i.status]), [['f-note1', 'exact']]);
    // The tree's row of the moved article opens on the moved annotations.
    await expand(under(third, NAMES[0]!));
    assert.ok(tree.provider.node(`label:note:${under(third, NAMES[0]!).toString()}`), 'label row under the moved article');
  });

  it('drops everything under a folder deleted outside VS Code', async () => {
    const { services, tree } = await api();
    await services.detections.get(under(third, NAMES[1]!));
    await expand(under(third, NAMES[1]!));
    const rowsBefore = tree.provider.rowCount();
    fs.rmSync(third.fsPath, { recursive: true, force: true });
    await waitFor(async () => !(await articleRoots()).some((n) => n.kind === 'article' && n.uri.path.startsWith(third.path + '/')), 'tree without the deleted folder');
    assertNoRowsUnder(third, tree.provider);
    await waitFor(() => NAMES.every((n) => !services.detections.peek(under(third, n))), 'no detection kept under the deleted folder');
    assert.ok(tree.provider.rowCount() < rowsBefore, `rows forgotten (${tree.provider.rowCount()} < ${rowsBefore})`);
    await waitFor(() => NAMES.every((n) => !services.annotations.peek(under(third, n))), 'no annotation entry kept under the deleted folder', 15000);
  });

  it('follows outside changes of articles of another glob (**/*.md): the watcher is made from the setting', async () => {
    const { services } = await api();
    const config = vscode.workspace.getConfiguration('articleAnnotator');
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const notes = vscode.Uri.joinPath(root, 'zz-notes');
    const md = vscode.Uri.joinPath(notes, 'zz-glob.md');
    fs.mkdirSync(notes.fsPath, { recursive: true });
    fs.writeFileSync(md.fsPath, text);
    writeSidecar(md, [{ id: 'md-note1', label: 'note', quote: QUOTE }]);
    try {
      await config.update('articleGlob', '**/*.md', vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => (await services.articles.list()).some((u) => u.toString() === md.toString()), 'the .md article listed');
      const before = await services.annotations.get(md);
      assert.deepEqual(before.items.map((i) => i.status), ['exact']);
      const line = before.items[0]!.range!.start.line;
      // Another tool rewrites the closed article: two lines on top (a temporary file renamed over it, as git does).
      fs.writeFileSync(`${md.fsPath}.tmp`, `Added on another branch.\n\n${text}`);
      fs.renameSync(`${md.fsPath}.tmp`, md.fsPath);
      await waitFor(() => services.annotations.peek(md)?.items[0]?.range?.start.line === line + 2, 'the annotation follows the outside change of the .md article');
    } finally {
      await config.update('articleGlob', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(notes.fsPath, { recursive: true, force: true });
    }
  });
});
