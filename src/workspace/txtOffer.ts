/**
 * A folder of the user's own articles: when the workspace has `.txt` files but none matches
 * `articleAnnotator.articleGlob` (default `seeds/**\/*.txt`, the demo's), the view's welcome
 * content offers to treat its `.txt` files as articles (context key
 * `articleAnnotator.txtWithoutArticles`), and one notification says so, once per workspace
 * (remembered in workspaceState). Accepting writes the workspace setting `**\/*.txt`.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from './commands';
import { Disposable } from '../util/disposable';

export const ALL_TXT_GLOB = '**/*.txt';
const CONTEXT_KEY = 'articleAnnotator.txtWithoutArticles';
const SHOWN_KEY = 'articleAnnotator.txtOfferShown';
const ACCEPT = 'Treat .txt Files as Articles';

export class TxtArticlesOffer extends Disposable {
  /** Checks run one after the other (the article list changes in bursts). */
  private queue: Promise<void> = Promise.resolve();
  /** How many notifications this offer showed (tests read it). */
  notifications = 0;

  constructor(private readonly services: Services) {
    super();
    this._registerAll(
      registerCommand('articleAnnotator.useAllTxtFiles', () => this.accept()),
      services.articles.onDidChange(() => void this.check()),
    );
    void this.check();
  }

  /** Looks again whether to offer; resolves when the context key (and any notification) is set. */
  check(): Promise<void> {
    this.queue = this.queue.then(() => this.evaluate()).catch(() => undefined);
    return this.queue;
  }

  private async evaluate(): Promise<void> {
    const txt = (await this.services.articles.list()).length === 0 ? await this.txtFiles() : 0;
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, txt > 0);
    if (txt === 0 || this.services.context.workspaceState.get<boolean>(SHOWN_KEY, false)) return;
    await this.services.context.workspaceState.update(SHOWN_KEY, true);
    this.notifications++;
    const glob = vscode.workspace.getConfiguration('articleAnnotator').get<string>('articleGlob', '');
    // Not awaited: the notification stays until the user answers.
    void vscode.window
      .showInformationMessage(`This folder has ${txt >= 1000 ? 'over 1,000' : txt} .txt file${txt === 1 ? '' : 's'}, but none matches the article glob “${glob}”. Treat its .txt files as news articles?`, ACCEPT, 'Open Setting')
      .then((c) => {
        if (c === ACCEPT) void vscode.commands.executeCommand('articleAnnotator.useAllTxtFiles');
        else if (c === 'Open Setting') void vscode.commands.executeCommand('articleAnnotator.openGlobSetting');
      });
  }

  private async txtFiles(): Promise<number> {
    if (!vscode.workspace.workspaceFolders?.length) return 0;
    const found = await vscode.workspace.findFiles('**/*.txt', '**/{node_modules,.git,.vscode-test}/**', 1000);
    return found.length;
  }

  /** Writes the workspace setting that makes every `.txt` file an article. */
  private async accept(): Promise<void> {
    if (!vscode.workspace.isTrusted) throw new Error('trust this folder first: nothing is written in Restricted Mode.');
    if (!vscode.workspace.workspaceFolders?.length) throw new Error('open a folder first.');
    await vscode.workspace.getConfiguration('articleAnnotator').update('articleGlob', ALL_TXT_GLOB, vscode.ConfigurationTarget.Workspace);
    void vscode.window.showInformationMessage(`Every .txt file of this folder is now an article (workspace setting articleAnnotator.articleGlob = “${ALL_TXT_GLOB}”).`);
    await this.check();
  }

}
