import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ArticleAnnotatorApi } from '../../src/extension';

const EXT_ID = 'article-annotator.article-annotator';

export function seedUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  return vscode.Uri.joinPath(folder, 'seeds', name);
}

describe('activation', () => {
  it('activates when a seed article is opened and gives it the article language', async () => {
    const doc = await vscode.workspace.openTextDocument(seedUri('000_567447e36de95f9e.txt'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'article');
    const ext = vscode.extensions.getExtension<ArticleAnnotatorApi>(EXT_ID);
    assert.ok(ext, 'extension is installed');
    const api = await ext.activate();
    assert.ok(ext.isActive);
    assert.ok(api.services.annotations, 'API exposes the services');
  });

  it('contributes the view container and the annotations view', async () => {
    const pkg = vscode.extensions.getExtension(EXT_ID)!.packageJSON as {
      contributes: { viewsContainers: { activitybar: { id: string }[] }; views: Record<string, { id: string }[]> };
    };
    assert.deepEqual(pkg.contributes.viewsContainers.activitybar.map((c) => c.id), ['articleAnnotator']);
    // The Coder Differences view shows only while comparing coders (its `when`).
    assert.deepEqual(pkg.contributes.views.articleAnnotator!.map((v) => v.id), ['articleAnnotator.annotations', 'articleAnnotator.differences']);
    // The workbench knows the container and the view: their commands exist and run.
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('workbench.view.extension.articleAnnotator'), 'container command');
    assert.ok(commands.includes('articleAnnotator.annotations.focus'), 'view focus command');
    await vscode.commands.executeCommand('workbench.view.extension.articleAnnotator');
    await vscode.commands.executeCommand('articleAnnotator.annotations.focus');
  });

  it('finds the articles of the glob setting, by folder listing or by file search', async () => {
    const api = await vscode.extensions.getExtension<ArticleAnnotatorApi>(EXT_ID)!.activate();
    const config = vscode.workspace.getConfiguration('articleAnnotator');
    const names = async () => (await api.services.articles.list()).map((u) => u.path.split('/').pop()).sort();
    const seeds = ['000_567447e36de95f9e.txt', '001_f449809abfeeccdc.txt', '002_0758a46f1570366d.txt', '003_f2cdae8a492d10f5.txt', '004_7b40fffef38cf50c.txt'];
    try {
      assert.deepEqual(await names(), seeds, 'default glob (listing seeds/)');
      await config.update('articleGlob', 'seeds/00{0,1}_*.txt', vscode.ConfigurationTarget.Workspace);
      assert.deepEqual(await names(), seeds.slice(0, 2), 'alternatives, by listing');
      await config.update('articleGlob', '**/00{3,4}_*.txt', vscode.ConfigurationTarget.Workspace);
      assert.deepEqual(await names(), seeds.slice(3), 'a glob starting with a wildcard, by file search');
    } finally {
      await config.update('articleGlob', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('registers every command it declares', async () => {
    const pkg = vscode.extensions.getExtension(EXT_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const commands = new Set(await vscode.commands.getCommands(true));
    const missing = pkg.contributes.commands.map((c) => c.command).filter((c) => !commands.has(c));
    assert.deepEqual(missing, []);
  });
});
