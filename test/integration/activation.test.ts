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
    assert.deepEqual(pkg.contributes.views.articleAnnotator!.map((v) => v.id), ['articleAnnotator.annotations']);
    // The workbench knows the container and the view: their commands exist and run.
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('workbench.view.extension.articleAnnotator'), 'container command');
    assert.ok(commands.includes('articleAnnotator.annotations.focus'), 'view focus command');
    await vscode.commands.executeCommand('workbench.view.extension.articleAnnotator');
    await vscode.commands.executeCommand('articleAnnotator.annotations.focus');
  });

  it('registers every command it declares', async () => {
    const pkg = vscode.extensions.getExtension(EXT_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const commands = new Set(await vscode.commands.getCommands(true));
    const missing = pkg.contributes.commands.map((c) => c.command).filter((c) => !commands.has(c));
    assert.deepEqual(missing, []);
  });
});
