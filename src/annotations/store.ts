/**
 * The annotation store in VS Code: a thin adapter around the core store (src/core/store), which
 * makes every decision. This file turns VS Code's events into the core's operations, gives it
 * the files (`vscode.workspace.fs`), the open documents, the settings and the questions to the
 * user, and shows sidecar problems as diagnostics.
 */
import * as vscode from 'vscode';
import type { Annotation, LabelDef } from '../core/model';
import type { ArticleMeta } from '../core/meta/articleMeta';
import { DEFAULT_LABELS } from '../core/model';
import type { SidecarProblem } from '../core/sidecar';
import { AnnotationStoreCore } from '../core/store/store';
import { LiveItem } from '../core/store/entry';
import type { ConflictChoice, OpenDocument, StoreDocuments, StoreHost } from '../core/store/ports';
import type { AnchoredAnnotation, AnnotationPatch, AnnotationStore, ArticleAnnotations, ArticleIndex, NewAnnotation } from '../services';
import { articleOfSidecar, baseName, isSidecar, readText, sidecarUriOf, writeTextAtomic } from '../workspace/fs';
import { Disposable } from '../util/disposable';

/** One annotation with live UTF-16 offsets; `range` is computed on demand. */
class Item extends LiveItem<vscode.Uri> implements AnchoredAnnotation {
  get range(): vscode.Range | undefined {
    if (this.status === 'orphan') return undefined;
    const src = this.entry.source();
    const s = src.positionAt(this.start16);
    const e = src.positionAt(this.end16);
    return new vscode.Range(s.line, s.character, e.line, e.character);
  }
}

/** The open documents, by URI. */
class Documents implements StoreDocuments<vscode.Uri> {
  find(uri: vscode.Uri): OpenDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }
}

export class SidecarAnnotationStore extends Disposable implements AnnotationStore {
  private readonly emitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.emitter.event;
  private readonly quotesEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChangeQuotes = this.quotesEmitter.event;
  readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('articleAnnotator.sidecar'));
  private readonly core: AnnotationStoreCore<vscode.Uri, Item>;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly articles: ArticleIndex,
  ) {
    super();
    this.core = new AnnotationStoreCore<vscode.Uri, Item>({
      files: {
        read: (uri, maxBytes, options) => readText(uri, maxBytes, options),
        writeAtomic: (uri, bytes, ifHash) => writeTextAtomic(uri, bytes, ifHash),
        rename: (from, to) => Promise.resolve(vscode.workspace.fs.rename(from, to, { overwrite: false })),
      },
      documents: new Documents(),
      uris: {
        key: (u) => u.toString(),
        sidecarOf: sidecarUriOf,
        baseName,
        child: (base, rest) => base.with({ path: base.path + rest }),
      },
      host: this.host(),
      makeItem: (annotation, status, start16, end16, entry) => new Item(annotation, status, start16, end16, entry),
    });
    this._register({ dispose: () => this.core.dispose() });
    this.subscribeToFileEvents();
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.core.documentChanged(e.document.uri, e.contentChanges, () => e.document.getText())));
    this._register(vscode.workspace.onDidSaveTextDocument((d) => this.core.documentSaved(d.uri)));
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.core.documentOpened(d.uri)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => void this.core.documentClosed(d.uri, () => d.getText())));
    this._register(vscode.workspace.onWillRenameFiles((e) => e.waitUntil(Promise.all(e.files.map((f) => this.core.willRename(f.oldUri, f.newUri))))));
    this._register(vscode.workspace.onDidRenameFiles((e) => this.track(async () => {
      for (const f of e.files) await this.core.renamed(f.oldUri, f.newUri);
    })));
    this._register(vscode.workspace.onDidDeleteFiles((e) => this.track(async () => {
      for (const uri of e.files) if (!isSidecar(uri)) await this.core.deleted(uri);
    })));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => {
      for (const e of this.core.loaded()) this.emitter.fire(e.article);
    }));
  }

  /**
   * The store's file events, from the article index's hub (articles by the glob, their sidecars).
   * Creations count as changes: a file replaced by a rename, as git and many tools write, is
   * created anew. Articles and folders deleted on disk drop their entries once the file is
   * still missing a moment later (a replace-by-rename deletes for a moment), unsaved annotations
   * written to the sidecar first; renames and deletes made in VS Code come through
   * `onWillRenameFiles` / `onDidRenameFiles` / `onDidDeleteFiles` above.
   */
  private subscribeToFileEvents(): void {
    this._register(
      this.articles.onDidChangeFiles((e) => {
        if (e.kind === 'sidecarCreated' || e.kind === 'sidecarChanged' || e.kind === 'sidecarDeleted') void this.core.sidecarChangedOnDisk(articleOfSidecar(e.uri));
        else if (e.kind === 'articleCreated' || e.kind === 'articleChanged') void this.core.articleChangedOnDisk(e.uri);
        else if (e.kind === 'articleDeleted' || e.kind === 'folderDeleted') this.track(() => this.core.deletedOnDisk(e.uri));
      }),
    );
  }


  private host(): StoreHost<vscode.Uri> {
    const config = () => vscode.workspace.getConfiguration('articleAnnotator');
    return {
      trusted: () => vscode.workspace.isTrusted,
      maxSidecarBytes: () => config().get<number>('maxSidecarSize', 10_000_000),
      maxArticleBytes: () => config().get<number>('maxArticleSize', 20_000_000),
      author: () => config().get<string>('author', ''),
      now: () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      changed: (u) => this.emitter.fire(u),
      quotesChanged: (u) => this.quotesEmitter.fire(u),
      problems: (article, sidecar, problems) => this.setDiagnostics(article, sidecar, problems),
      askConflict: async (name): Promise<ConflictChoice> => {
        const choice = await vscode.window.showWarningMessage(
          `${name} changed on disk while you had unsaved annotation changes. Nothing was overwritten.`,
          'Reload Theirs',
          'Keep Mine',
          'Compare',
        );
        return choice === 'Reload Theirs' ? 'reload' : choice === 'Keep Mine' ? 'keep' : choice === 'Compare' ? 'compare' : undefined;
      },
      compare: async (sidecar, mine) => {
        const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: mine });
        await vscode.commands.executeCommand('vscode.diff', sidecar, doc.uri, `${baseName(sidecar)}: on disk ↔ yours (unsaved)`);
      },
      warn: (message, reveal) => {
        if (!reveal) return void vscode.window.showWarningMessage(message);
        void vscode.window.showWarningMessage(message, 'Reveal Sidecar').then((c) => {
          if (c) void vscode.window.showTextDocument(reveal);
        });
      },
      error: (message) => void vscode.window.showErrorMessage(message),
      schedule: (fn, ms) => {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      },
      delay: (ms) => new Promise((r) => setTimeout(r, ms)),
    };
  }

  /** Milliseconds spent following each recent edit (the benchmark reads them). */
  get editTimings(): number[] {
    return this.core.editTimings;
  }
  /** Recent load times per article (the benchmark reads them). */
  get loadTimings() {
    return this.core.loadTimings;
  }

  /** Sidecar moves after renames and deletes, so that `flushAll` can wait for them. */
  private readonly fileOps = new Set<Promise<void>>();
  private track(work: () => Promise<void>): void {
    const op = work()
      .catch((err: unknown) => void vscode.window.showErrorMessage(`Article Annotator: could not update annotations after a file operation: ${(err as Error).message}`))
      .finally(() => this.fileOps.delete(op));
    this.fileOps.add(op);
  }

  labels(): LabelDef[] {
    const configured = vscode.workspace.getConfiguration('articleAnnotator').get<LabelDef[]>('labels') ?? [...DEFAULT_LABELS];
    const out = configured.filter((l) => l && typeof l.name === 'string').map((l) => ({ ...l }));
    const known = new Set(out.map((l) => l.name));
    for (const e of this.core.loaded()) {
      for (const item of e.items) {
        if (!known.has(item.annotation.label)) {
          known.add(item.annotation.label);
          out.push({ name: item.annotation.label, description: 'Not in the codebook (found in a sidecar)' });
        }
      }
    }
    return out;
  }

  peek(article: vscode.Uri): ArticleAnnotations | undefined {
    return this.core.peek(article);
  }

  get(article: vscode.Uri): Promise<ArticleAnnotations> {
    return this.core.get(article);
  }

  /** The sidecar's problem when it could not be read or parsed (read by the tree and the problems view). */
  problemOf(article: vscode.Uri): { message: string; line: number | undefined } | undefined {
    return this.core.problemOf(article);
  }

  add(article: vscode.Uri, init: NewAnnotation): Promise<Annotation> {
    const { range, ...rest } = init;
    return this.core.add(article, { ...rest, start: range.start, end: range.end });
  }

  update(article: vscode.Uri, id: string, patch: AnnotationPatch): Promise<Annotation> {
    return this.core.update(article, id, patch);
  }

  remove(article: vscode.Uri, id: string): Promise<Annotation | undefined> {
    return this.core.remove(article, id);
  }

  setMeta(article: vscode.Uri, meta: ArticleMeta | undefined): Promise<void> {
    return this.core.setMeta(article, meta);
  }

  restore(article: vscode.Uri, annotation: Annotation): Promise<void> {
    return this.core.restore(article, annotation);
  }

  reattach(article: vscode.Uri, id: string, range: vscode.Range): Promise<Annotation> {
    return this.core.reattach(article, id, range.start, range.end);
  }

  async flushAll(): Promise<void> {
    while (this.fileOps.size) await Promise.all(this.fileOps);
    await this.core.flushAll();
  }

  /** Answers the question about a sidecar changed on disk while changes were unsaved (as its buttons do). */
  resolveConflict(article: vscode.Uri, choice: ConflictChoice): Promise<void> {
    return this.core.resolveConflict(article, choice);
  }

  discardChanges(article: vscode.Uri): Promise<void> {
    return this.core.discardChanges(article);
  }

  private setDiagnostics(article: vscode.Uri, sidecar: vscode.Uri, problems: SidecarProblem[]): void {
    if (problems.length === 0) {
      // Each change is a message to the workbench: loading thousands of clean sidecars sends none.
      if (this.diagnostics.has(sidecar)) this.diagnostics.delete(sidecar);
      if (this.diagnostics.has(article)) this.diagnostics.delete(article);
      return;
    }
    this.diagnostics.set(
      sidecar,
      problems.map((p) => {
        const line = Math.max(0, (p.line ?? 1) - 1);
        const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), p.message, vscode.DiagnosticSeverity.Error);
        d.source = 'Article Annotator';
        return d;
      }),
    );
    const d = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, 0),
      `Annotations are read-only: ${baseName(sidecar)} has ${problems.length} problem${problems.length === 1 ? '' : 's'} and will not be rewritten until it is fixed.`,
      vscode.DiagnosticSeverity.Warning,
    );
    d.source = 'Article Annotator';
    this.diagnostics.set(article, [d]);
  }

  override dispose(): void {
    void this.core.flushAll();
    super.dispose();
    void this.context;
    void this.articles;
  }
}
