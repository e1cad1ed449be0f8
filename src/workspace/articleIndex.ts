import * as vscode from 'vscode';
import { mapPool } from '../core/pool';
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

/** The leading folders of a glob that hold no wildcard ("seeds" for the default glob); "" when it starts with one. */
export function staticPrefix(glob: string): string {
  const parts = glob.split('/');
  const fixed: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (/[*?{[]/.test(p)) break;
    fixed.push(p);
  }
  return fixed.join('/');
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
    this.readSetting(); // also starts the watchers and gives open documents the article language
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
          const found = (await this.walk(folder)) ?? (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.glob)));
          all.push(...found.filter((u) => !u.path.endsWith('.annotations.yaml')));
        }
        return all.sort((a, b) => (a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0));
      })();
    }
    return this.cache;
  }

  /**
   * Lists the glob's fixed folder ("seeds") directly: one directory listing per folder instead of
   * a workspace file search (several times faster on thousands of files, and the same in remote
   * and virtual workspaces). Hidden folders and node_modules are skipped, as a search would. A glob
   * that starts with a wildcard is left to the search (undefined).
   */
  private async walk(folder: vscode.WorkspaceFolder): Promise<vscode.Uri[] | undefined> {
    const prefix = staticPrefix(this.glob);
    if (!prefix) return undefined;
    const out: vscode.Uri[] = [];
    const visit = async (rel: string): Promise<void> => {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder.uri, rel));
      } catch {
        return; // a missing folder has no articles
      }
      const dirs: string[] = [];
      for (const [name, type] of entries) {
        const path = `${rel}/${name}`;
        if (type & vscode.FileType.Directory) {
          if (!(type & vscode.FileType.SymbolicLink) && !name.startsWith('.') && name !== 'node_modules') dirs.push(path);
        } else if (type & vscode.FileType.File && this.matcher.test(path)) out.push(vscode.Uri.joinPath(folder.uri, path));
      }
      await mapPool(dirs, 8, visit);
    };
    await visit(prefix);
    return out;
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
