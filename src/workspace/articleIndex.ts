import * as vscode from 'vscode';
import { diffListings, EXPORT_MARKER, globToRegExp, inExportFolder, interpretWatcherEvent, isInside, movedPath, relativeTo, staticPrefix, watchPatternOf, type WatcherChange } from '../core/files';
import { mapPool } from '../core/pool';
import type { ArticleFileEvent, ArticleIndex } from '../services';
import { Disposable } from '../util/disposable';

export const DEFAULT_GLOB = 'seeds/**/*.txt';

export { globToRegExp, staticPrefix } from '../core/files';

/**
 * Finds articles by the `articleAnnotator.articleGlob` setting in every workspace folder, and is
 * the workspace's one file-event hub: a watcher per folder, made from the glob (and made anew when
 * it changes), whose events are classified in `core/files` and handed on in order as typed events.
 * No `.txt` under a folder holding an export marker (`EXPORT_MARKER`: a brat export's copies of
 * the articles) is an article.
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
  /** Folders (URI strings) holding an export marker, as the last listing and events found them. */
  private exportFolders = new Set<string>();
  /** Folders (URI strings) looked at for a marker and found without one, until a marker event. */
  private noMarker = new Set<string>();

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
      const markers = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `**/${EXPORT_MARKER}`), false, true, false);
      this.watchers.push(
        watcher,
        watcher.onDidCreate((u) => this.enqueue(() => this.onWatcher('created', u))),
        watcher.onDidChange((u) => this.enqueue(() => this.onWatcher('changed', u))),
        watcher.onDidDelete((u) => this.enqueue(() => this.onWatcher('deleted', u))),
        markers,
        markers.onDidCreate((u) => this.enqueue(() => this.markerChanged(u, true))),
        markers.onDidDelete((u) => this.enqueue(() => this.markerChanged(u, false))),
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
    if (where.rel === EXPORT_MARKER || where.rel.endsWith(`/${EXPORT_MARKER}`)) return; // the marker watcher's
    const { folder } = where;
    // A new file the glob matches may be an export's copy whose marker's event is still to come.
    if (change === 'created' && this.matcher.test(where.rel)) await this.lookForMarker(uri, folder);
    const isArticle = (rel: string) => {
      const uri = vscode.Uri.joinPath(folder.uri, rel);
      return (this.matcher.test(rel) && !this.inExport(uri)) || this.isOpenArticle(uri);
    };
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
        this.noMarker.clear();
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

  private inExport(uri: vscode.Uri): boolean {
    return this.exportFolders.size > 0 && inExportFolder(uri.toString(), this.exportFolders);
  }

  /** Notes an export marker in a folder above `uri` (up to the workspace folder), if there is one. */
  private async lookForMarker(uri: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<void> {
    const top = folder.uri.toString();
    for (let dir = vscode.Uri.joinPath(uri, '..'); isInside(dir.toString(), top); dir = vscode.Uri.joinPath(dir, '..')) {
      const key = dir.toString();
      if (this.exportFolders.has(key)) return;
      if (!this.noMarker.has(key)) {
        const found = await vscode.workspace.fs.stat(vscode.Uri.joinPath(dir, EXPORT_MARKER)).then((st) => !!(st.type & vscode.FileType.File), () => false);
        if (found) {
          this.exportFolders.add(key);
          return;
        }
        this.noMarker.add(key);
      }
      if (key === top) return;
    }
  }

  /**
   * An export marker made or deleted: the articles under its folder go, or come back. Under a
   * marker just deleted nothing was an article before, even if a listing has run since.
   */
  private async markerChanged(marker: vscode.Uri, made: boolean): Promise<void> {
    this.noMarker.clear();
    const folder = vscode.Uri.joinPath(marker, '..').toString();
    const listed = (await this.list()).map(String);
    await this.relistAndReport(made ? listed : listed.filter((u) => !isInside(u, folder)));
  }

  /** Lists the articles again and reports what came and went against `before` (uri strings). */
  private async relistAndReport(before: string[]): Promise<void> {
    this.changedSilently();
    const after = (await this.list()).map(String);
    const { created, deleted } = diffListings(before, after);
    if (!created.length && !deleted.length) return;
    for (const c of created) this.emit({ kind: 'articleCreated', uri: vscode.Uri.parse(c) });
    for (const d of deleted) this.emit({ kind: 'articleDeleted', uri: vscode.Uri.parse(d) });
    this.emitter.fire();
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
    await this.relistAndReport((await this.list()).map(String));
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
    return rel !== undefined && this.matcher.test(rel) && !this.inExport(uri);
  }

  list(): Promise<vscode.Uri[]> {
    if (!this.cache) {
      const generation = this.generation;
      const listing = (async () => {
        const all: vscode.Uri[] = [];
        const markers = new Set<string>();
        for (const folder of vscode.workspace.workspaceFolders ?? []) {
          let found = await this.walk(folder, markers);
          if (!found) {
            const [files, marks] = await Promise.all([
              vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.glob)),
              vscode.workspace.findFiles(new vscode.RelativePattern(folder, `**/${EXPORT_MARKER}`)),
            ]);
            for (const m of marks) markers.add(vscode.Uri.joinPath(m, '..').toString());
            found = markers.size ? files.filter((u) => !inExportFolder(u.toString(), markers)) : files;
          }
          all.push(...found.filter((u) => !u.path.endsWith('.annotations.yaml')));
        }
        all.sort((a, b) => compareStrings(a.toString(), b.toString()));
        if (this.generation === generation) {
          this.known = all.map(String);
          this.exportFolders = markers;
        }
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
   * and virtual workspaces). Hidden folders and node_modules are skipped, as a search would, and
   * folders holding an export marker (added to `markers`). A glob that starts with a wildcard is
   * left to the search (undefined).
   */
  private async walk(folder: vscode.WorkspaceFolder, markers: Set<string>): Promise<vscode.Uri[] | undefined> {
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
      if (entries.some(([name, type]) => name === EXPORT_MARKER && type & vscode.FileType.File)) {
        markers.add(vscode.Uri.joinPath(folder.uri, rel).toString());
        return;
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
