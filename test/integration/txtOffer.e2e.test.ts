// Issue 15, "also for real users' folders": a workspace whose .txt files (real Wikinews articles,
// CC BY 2.5, URLs in ../shared/corpus/wikinews/SOURCES.csv) match no article glob gets the offer
// to treat them as articles — in the view's welcome content, and once in a notification.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { queryDom, screenshot, waitFor } from './harness';
import { api, EXT_ID } from './util';

describe('a folder of .txt files that the article glob does not match (rendered)', () => {
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  const news = vscode.Uri.joinPath(folder, 'my-news');
  let picked: string[] = [];
  /** Notifications shown before this suite (other suites change the glob too). */
  let base = 0;
  before(async () => {
    const { services, txtOffer } = await api();
    const corpus = path.join(vscode.extensions.getExtension(EXT_ID)!.extensionPath, '..', 'shared', 'corpus', 'wikinews');
    assert.ok(fs.existsSync(corpus), `the Wikinews corpus at ${corpus}`);
    picked = fs.readdirSync(corpus).filter((n) => n.endsWith('.txt')).slice(0, 3);
    fs.mkdirSync(news.fsPath, { recursive: true });
    for (const n of picked) fs.copyFileSync(path.join(corpus, n), path.join(news.fsPath, n));
    await txtOffer.check(); // any check still queued from an earlier suite is over
    await services.context.workspaceState.update('articleAnnotator.txtOfferShown', undefined);
    base = txtOffer.notifications;
    // The seeds are this workspace's articles: a glob that matches nothing makes it a user's folder.
    await vscode.workspace.getConfiguration('articleAnnotator').update('articleGlob', 'nothing-here/**/*.txt', vscode.ConfigurationTarget.Workspace);
    await waitFor(async () => (await services.articles.list()).length === 0, 10000, 'no articles');
  });
  after(async () => {
    await vscode.workspace.getConfiguration('articleAnnotator').update('articleGlob', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(news.fsPath, { recursive: true, force: true });
    const { services, tree } = await api();
    await waitFor(async () => (await services.articles.list()).length === 5, 10000, 'the seeds again');
    tree.provider.refresh();
  });

  it('offers once, in the welcome view and a notification; accepting makes them articles', async () => {
    const { services, tree, txtOffer } = await api();
    await txtOffer.check();
    assert.equal(txtOffer.notifications - base, 1, 'one notification');
    await txtOffer.check();
    assert.equal(txtOffer.notifications - base, 1, 'not twice: remembered in the workspace state');
    assert.equal(services.context.workspaceState.get('articleAnnotator.txtOfferShown'), true);

    await vscode.commands.executeCommand('workbench.view.extension.articleAnnotator');
    tree.provider.refresh();
    const welcome = await waitFor(async () => {
      const t = (await queryDom('.part.sidebar .welcome-view-content')).map((n) => n.text).join(' ');
      return t.includes('Treat .txt Files as Articles') ? t : undefined;
    }, 15000, 'the offer in the welcome view');
    assert.doesNotMatch(welcome, /No articles found/);
    await screenshot('txt-offer-welcome');

    // What the welcome button and the notification's button run.
    await vscode.commands.executeCommand('articleAnnotator.useAllTxtFiles');
    assert.equal(vscode.workspace.getConfiguration('articleAnnotator').inspect('articleGlob')?.workspaceValue, '**/*.txt');
    const list = await waitFor(async () => {
      const l = (await services.articles.list()).map((u) => u.path.split('/').pop()!);
      return picked.every((p) => l.includes(p)) ? l : undefined;
    }, 10000, 'the Wikinews copies as articles');
    assert.ok(list.length >= picked.length + 5, 'the seeds are .txt files too');
    const rows = await waitFor(async () => {
      const r = (await queryDom('.part.sidebar .monaco-list-row')).map((n) => n.text);
      return picked.every((p) => r.some((t) => t.includes(p))) ? r : undefined;
    }, 15000, 'the tree lists them');
    assert.ok(rows.length >= picked.length);
    await screenshot('txt-offer-accepted');
  });
});
