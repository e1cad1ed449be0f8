// The actor network of real news: the 250 Wikinews articles of ../shared/corpus/wikinews (CC BY
// 2.5, https://en.wikinews.org; each article's URL in that folder's SOURCES.csv), copied into the
// test workspace for this file only. Screenshots: test-artifacts/network-wikinews*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { frameClick, frameDom, frameFill, screenshot } from './harness';
import { api, waitFor } from './util';

describe('actor network of the Wikinews corpus', () => {
  const corpus = path.join(process.env.AA_REPO_ROOT ?? '', '..', 'shared', 'corpus', 'wikinews');
  const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'seeds', 'wikinews');
  let names: string[] = [];

  before(async function () {
    this.timeout(120000);
    assert.ok(fs.existsSync(path.join(corpus, 'SOURCES.csv')), `the Wikinews corpus is at ${corpus}`);
    names = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt'));
    fs.mkdirSync(folder.fsPath, { recursive: true });
    for (const n of names) fs.copyFileSync(path.join(corpus, n), path.join(folder.fsPath, n));
    const a = await api();
    await waitFor(async () => (await a.services.articles.list()).filter((u) => u.path.includes('/seeds/wikinews/')).length === names.length, 'the Wikinews articles listed', 60000);
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  });

  after(async function () {
    this.timeout(120000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
    const a = await api();
    await waitFor(async () => !(await a.services.articles.list()).some((u) => u.path.includes('/seeds/wikinews/')), 'the Wikinews articles gone', 60000);
  });

  it('draws who talks about whom in 250 real articles, the most connected actors first', async function () {
    this.timeout(180000);
    const a = await api();
    // The editor area to the panel alone: a larger picture.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('articleAnnotator.showNetwork');
    const panel = await waitFor(() => a.networkFeature.current, 'the panel');
    // The first drawing (accepted annotations: none here), then the detected claims too.
    await waitFor(() => panel.lastSent && panel.drawn?.seq === panel.lastSent.seq, 'the first drawing', 150000);
    await frameClick('#detections');
    await waitFor(() => panel.lastSent && panel.drawn?.seq === panel.lastSent.seq && panel.drawn.nodes > 0, 'the Wikinews network drawn', 150000).catch((e: Error) => {
      throw new Error(`${e.message}: sent ${JSON.stringify(panel.lastSent)}, drawn ${JSON.stringify(panel.drawn)}, read ${JSON.stringify(panel.loadTimings)}`);
    });
    const [status] = await frameDom('#status');
    const total = Number(status!.data.totalNodes);
    assert.ok(total > 100, `a network of many actors: ${status!.text}`);
    assert.equal(Number(status!.data.nodes), panel.lastSent!.nodes);
    assert.ok(panel.lastSent!.nodes <= 150);
    // Every Wikinews article is among the statements' articles.
    const articles = new Set([...(panel as unknown as { data: { set: { statements: { article: string }[] } } }).data.set.statements.map((s) => s.article)].filter((p) => p.startsWith('seeds/wikinews/')));
    assert.ok(articles.size > names.length / 2, `statements from most articles (${articles.size} of ${names.length})`);
    await new Promise((r) => setTimeout(r, 300));
    await screenshot('network-wikinews');
    // Up to 2019-01-31 (the corpus starts on 2019-01-04; the dated seed articles are older): the date filter.
    const before = panel.lastSent!.seq;
    await frameFill('#to', '2019-01-31');
    await waitFor(() => panel.lastSent && panel.lastSent.seq > before && panel.drawn?.seq === panel.lastSent.seq, 'January 2019 drawn', 60000);
    const [jan] = await frameDom('#status');
    assert.ok(Number(jan!.data.totalNodes) > 0 && Number(jan!.data.totalNodes) < total, `up to January 2019 is a part: ${jan!.text}`);
    await screenshot('network-wikinews-2019-01');
  });
});
