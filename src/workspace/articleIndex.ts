import * as vscode from 'vscode';
import type { ArticleIndex } from '../services';

export const DEFAULT_GLOB = 'seeds/**/*.txt';

/** Converts a simple glob (`**`, `*`, `?`, `{a,b}`) to a regular expression over relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Finds articles by the `articleAnnotator.articleGlob` setting in every workspace folder. */
export class WorkspaceArticleIndex implements ArticleIndex {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private glob = DEFAULT_GLOB;
  private matcher = globToRegExp(DEFAULT_GLOB);
  private cache: Promise<vscode.Uri[]> | undefined;

  constructor() {
    this.readSetting();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('articleAnnotator.articleGlob')) {
          this.readSetting();
          this.changed();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watch();
        this.changed();
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => this.assignLanguage(doc)),
    );
    this.watch();
    for (const doc of vscode.workspace.textDocuments) this.assignLanguage(doc);
  }

  private readSetting(): void {
    const glob = vscode.workspace.getConfiguration('articleAnnotator').get<string>('articleGlob', DEFAULT_GLOB).trim() || DEFAULT_GLOB;
    this.glob = glob;
    this.matcher = globToRegExp(glob);
    this.watch();
    for (const doc of vscode.workspace.textDocuments) this.assignLanguage(doc);
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, this.glob), false, true, false);
      watcher.onDidCreate(() => this.changed());
      watcher.onDidDelete(() => this.changed());
      this.watchers.push(watcher);
    }
  }

  private changed(): void {
    this.cache = undefined;
    this.emitter.fire();
  }

  /** Gives documents matched by a custom glob the `article` language. */
  private assignLanguage(doc: vscode.TextDocument): void {
    if (doc.languageId === 'plaintext' && this.matchesGlob(doc.uri)) {
      void vscode.languages.setTextDocumentLanguage(doc, 'article').then(undefined, () => undefined);
    }
  }

  private matchesGlob(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const rel = uri.path.slice(folder.uri.path.length).replace(/^\//, '');
    return this.matcher.test(rel);
  }

  list(): Promise<vscode.Uri[]> {
    if (!this.cache) {
      this.cache = (async () => {
        const all: vscode.Uri[] = [];
        for (const folder of vscode.workspace.workspaceFolders ?? []) {
          const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.glob));
          all.push(...found.filter((u) => !u.path.endsWith('.annotations.yaml')));
        }
        return all.sort((a, b) => (a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0));
      })();
    }
    return this.cache;
  }

  isArticle(uri: vscode.Uri): boolean {
    if (uri.path.endsWith('.annotations.yaml')) return false;
    if (this.matchesGlob(uri)) return true;
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.languageId === 'article');
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}
