import * as vscode from 'vscode';
import { diffListings, globToRegExp, interpretWatcherEvent, isInside, movedPath, relativeTo, staticPrefix, watchPatternOf, type WatcherChange } from '../core/files';
import { mapPool } from '../core/pool';
import type { ArticleFileEvent, ArticleIndex } from '../services';
import { Disposable } from '../util/disposable';

export const DEFAULT_GLOB = 'seeds/**/*.txt';

export { globToRegExp, staticPrefix } from '../core/files';

/**
 * Finds articles by the `articleAnnotator.articleGlob` setting in every workspace folder, and is
 * the workspace's one file-event hub: a watcher per folder, made from the glob (and made anew when
 * it changes), whose events are classified in `core/files` and handed on in order as typed events.
 */
export class WorkspaceArticleIndex extends Disposable implements ArticleIndex {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly filesEmitter = new vscode.EventEmitter<ArticleFileEvent>();
  readonly onDidChangeFiles = this.filesEmitter.event;
  private watchers: vscode.Disposable[] = [];
  private glob = DEFAULT_GLOB;
  private matcher = globToRegExp(DEFAULT_GLOB);
  private cache: Promise<vscode.Uri[]> | undefined;
  /** The last complete listing (URI strings), while no change has made it stale. */
  private known: string[] | undefined;
  /** Bumped by every change of the article set: a listing started before it is not kept. */
  private generation = 0;
  /** Watcher events are handled one after the other, in the order they came. */
  private queue: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.readSetting(); // also starts the watchers and gives open documents the article language
    this._registerAll(
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
      // Renames and deletes made in VS Code (explorer, WorkspaceEdit) name the folder exactly.
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) this.enqueue(() => this.renamedInWorkspace(f.oldUri, f.newUri));
      }),
      vscode.workspace.onDidDeleteFiles((e) => {
        for (const uri of e.files) this.enqueue(async () => this.onWatcher('deleted', uri));
      }),
    );
  }

  private readSetting(): void {
    const glob = vscode.workspace.getConfiguration('articleAnnotator').get<string>('articleGlob', DEFAULT_GLOB).trim() || DEFAULT_GLOB;
    const same = glob === this.glob && this.watchers.length > 0;
    this.glob = glob;
    this.matcher = globToRegExp(glob);
    if (!same) this.watch();
    for (const doc of vscode.workspace.textDocuments) this.assignLanguage(doc);
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const pattern = watchPatternOf(this.glob);
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
      this.watchers.push(
        watcher,
        watcher.onDidCreate((u) => this.enqueue(() => this.onWatcher('created', u))),
        watcher.onDidChange((u) => this.enqueue(() => this.onWatcher('changed', u))),
        watcher.onDidDelete((u) => this.enqueue(() => this.onWatcher('deleted', u))),
      );
    }
  }

  private enqueue(work: () => Promise<void> | void): void {
    this.queue = this.queue.then(work).catch(() => undefined);
  }

  private emit(e: ArticleFileEvent): void {
    if (!this.isDisposed) this.filesEmitter.fire(e);
  }

  private relOf(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; rel: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const rel = relativeTo(uri.path, folder.uri.path);
    return rel === undefined ? undefined : { folder, rel };
  }

  private async onWatcher(change: WatcherChange, uri: vscode.Uri): Promise<void> {
    const where = this.relOf(uri);
    if (!where || where.rel === '') return;
    const { folder } = where;
    const isArticle = (rel: string) => this.matcher.test(rel) || this.isOpenArticle(vscode.Uri.joinPath(folder.uri, rel));
    const knownRel = this.known?.flatMap((k) => {
      const r = relativeTo(vscode.Uri.parse(k).path, folder.uri.path);
      return r === undefined ? [] : [r];
    });
    const meaning = interpretWatcherEvent(change, where.rel, isArticle, knownRel);
    if (!meaning) return;
    if (meaning.kind === 'maybeFolder') return this.maybeFolderCreated(uri);
    const e = meaning.event;
    const at = (rel: string) => vscode.Uri.joinPath(folder.uri, rel);
    switch (e.kind) {
      case 'folderRenamed':
        return; // watchers never report renames
      case 'folderDeleted': {
        const gone = at(e.uri);
        if (this.known) this.setKnown(this.known.filter((k) => !isInside(k, gone.toString())));
        else this.changedSilently();
        this.emit({ kind: 'folderDeleted', uri: gone });
        this.emitter.fire();
        return;
      }
      case 'articleCreated':
      case 'articleDeleted':
        this.changedSilently();
        this.emit({ kind: e.kind, uri: at(e.uri) });
        this.emitter.fire();
        return;
      default:
        this.emit({ kind: e.kind, uri: at(e.uri) });
    }
  }

  /** Something new that is not an article: a folder moved in brings its articles (reported once, as created). */
  private async maybeFolderCreated(uri: vscode.Uri): Promise<void> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return;
    }
    if (!(stat.type & vscode.FileType.Directory)) return;
    const before = (await this.list()).map(String);
    this.changedSilently();
    const after = (await this.list()).map(String);
    const { created, deleted } = diffListings(before, after);
    if (!created.length && !deleted.length) return;
    for (const c of created) this.emit({ kind: 'articleCreated', uri: vscode.Uri.parse(c) });
    for (const d of deleted) this.emit({ kind: 'articleDeleted', uri: vscode.Uri.parse(d) });
    this.emitter.fire();
  }

  /** A rename made in VS Code: a folder's rename moves the articles under it at once. */
  private async renamedInWorkspace(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<void> {
    let isFolder: boolean;
    try {
      isFolder = !!((await vscode.workspace.fs.stat(newUri)).type & vscode.FileType.Directory);
    } catch {
      return; // gone again already: the watcher reports what is left
    }
    if (!isFolder) return; // files: the watcher reports the delete and the create
    const from = oldUri.toString();
    const to = newUri.toString();
    if (this.known?.some((k) => isInside(k, from))) {
      this.setKnown(this.known.map((k) => movedPath(k, from, to) ?? k).filter((k) => this.isArticle(vscode.Uri.parse(k))));
    } else this.changedSilently();
    this.emit({ kind: 'folderRenamed', from: oldUri, to: newUri });
    this.emitter.fire();
  }

  private changed(): void {
    this.changedSilently();
    this.emitter.fire();
  }

  /** The listing is stale: the next `list()` reads the folders again. */
  private changedSilently(): void {
    this.generation++;
    this.cache = undefined;
    this.known = undefined;
  }

  /** The listing after a change worked out in memory (a folder renamed or deleted). */
  private setKnown(list: string[]): void {
    this.generation++;
    const sorted = [...list].sort(compareStrings);
    this.known = sorted;
    this.cache = Promise.resolve(sorted.map((k) => vscode.Uri.parse(k)));
  }

  private isOpenArticle(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && d.languageId === 'article');
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
    const rel = relativeTo(uri.path, folder.uri.path);
    return rel !== undefined && this.matcher.test(rel);
  }

  list(): Promise<vscode.Uri[]> {
    if (!this.cache) {
      const generation = this.generation;
      const listing = (async () => {
        const all: vscode.Uri[] = [];
        for (const folder of vscode.workspace.workspaceFolders ?? []) {
          const found = (await this.walk(folder)) ?? (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.glob)));
          all.push(...found.filter((u) => !u.path.endsWith('.annotations.yaml')));
        }
        all.sort((a, b) => compareStrings(a.toString(), b.toString()));
        if (this.generation === generation) this.known = all.map(String);
        return all;
      })();
      this.cache = listing;
      // A listing made stale while it ran is not kept for the next caller.
      void listing.then(() => {
        if (this.generation !== generation && this.cache === listing) this.cache = undefined;
      }, () => {
        if (this.cache === listing) this.cache = undefined;
      });
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

  override dispose(): void {
    super.dispose();
    for (const w of this.watchers) w.dispose();
    this.emitter.dispose();
    this.filesEmitter.dispose();
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
