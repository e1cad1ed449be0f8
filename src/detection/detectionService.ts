/**
 * Runs core detection for articles, off the typing path: debounced after edits, in slices for
 * long texts, cached per content hash (in memory and in the extension's storage).
 */
import * as vscode from 'vscode';
import type { Detection } from '../core/model';
import { detect } from '../core/detect';
import { sha256 } from '../core/hash';
import { isInside, movesOf } from '../core/files';
import type { ArticleFileEvent, ArticleIndex, DetectionService, DetectionSnapshot, LexiconService } from '../services';
import { readText } from '../workspace/fs';
import { DetectionWorker } from './workerClient';
import { Disposable } from '../util/disposable';

/** Texts longer than this (UTF-16 units) are analysed in a worker thread, off the extension host. */
const WORKER_THRESHOLD = 200_000;

/**
 * Detections of texts at least this long (UTF-16 units) are also kept in the extension's storage.
 * A shorter text is detected again in under about 10 ms, faster than a cached file is read and
 * written (each a round trip to the workbench through workspace.fs, and a disk write): with the
 * 5,000 short articles of the bench workspace persisted, grouping it by actor took 48 s, not 29.
 */
const PERSIST_THRESHOLD = 64 * 1024;

/** Detections kept in memory by content hash, and snapshots of articles not open in an editor. */
const MEMORY_CACHE = 200;
const CLOSED_SNAPSHOTS = 100;

export class CachedDetectionService extends Disposable implements DetectionService {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly snapshots = new Map<string, DetectionSnapshot>();
  private readonly byHash = new Map<string, Detection>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inflight = new Map<string, Promise<DetectionSnapshot | undefined>>();
  /** Closed articles rewritten on disk while being detected: detected again from the new file. */
  private readonly rewrittenWhileDetecting = new Set<string>();
  private rejected: Record<string, string[]>;
  /** Milliseconds of detection work of the last run per article (for the benchmark). */
  readonly timings = new Map<string, number>();
  private readonly worker: DetectionWorker;
  /** How many texts were analysed in the worker thread (tests read it). */
  workerRuns = 0;
  private cacheDirReady = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly lexicon: LexiconService,
    private readonly articles: ArticleIndex,
  ) {
    super();
    this.worker = new DetectionWorker(context.extensionUri.fsPath);
    this.rejected = context.workspaceState.get<Record<string, string[]>>('articleAnnotator.rejected', {});
    this._registerAll(
      // The article index's hub: articles by the glob. A file replaced by a rename (as git and many
      // tools write) is created anew; a change right after a creation may be reported as the creation alone.
      articles.onDidChangeFiles((e) => this.onFileEvent(e)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.isArticleDoc(e.document)) this.schedule(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.snapshots.delete(d.uri.toString())),
      lexicon.onDidChange(() => {
        this.byHash.clear();
        for (const key of [...this.snapshots.keys()]) {
          this.snapshots.delete(key);
          this.emitter.fire(vscode.Uri.parse(key));
        }
      }),
    );
  }

  private onFileEvent(e: ArticleFileEvent): void {
    switch (e.kind) {
      case 'articleChanged':
      case 'articleCreated':
        return this.changedOnDisk(e.uri);
      case 'articleDeleted':
        return this.forget((key) => key === e.uri.toString());
      case 'folderDeleted': {
        const folder = e.uri.toString();
        return this.forget((key) => isInside(key, folder));
      }
      case 'folderRenamed':
        return this.moveFolder(e.from.toString(), e.to.toString());
      default:
    }
  }

  /** Drops the snapshots (and pending runs) of articles that are gone, and tells the views. */
  private forget(gone: (key: string) => boolean): void {
    for (const key of [...this.snapshots.keys(), ...this.timers.keys()]) {
      if (!gone(key)) continue;
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      if (this.snapshots.delete(key)) this.emitter.fire(vscode.Uri.parse(key));
    }
  }

  /**
   * A folder renamed: the snapshots and rejected detections of the articles under it move to their
   * new paths (the texts did not change), and the views hear of both paths.
   */
  private moveFolder(from: string, to: string): void {
    for (const [key, moved] of movesOf([...this.snapshots.keys()], from, to)) {
      const snap = this.snapshots.get(key)!;
      this.snapshots.delete(key);
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      const article = vscode.Uri.parse(moved);
      this.snapshots.set(moved, { ...snap, article });
      this.emitter.fire(vscode.Uri.parse(key));
      this.emitter.fire(article);
    }
    const rejectedMoves = movesOf(Object.keys(this.rejected), from, to);
    if (rejectedMoves.length) {
      const next = { ...this.rejected };
      for (const [key, moved] of rejectedMoves) {
        next[moved] = next[key]!;
        delete next[key];
      }
      this.rejected = next;
      void this.context.workspaceState.update('articleAnnotator.rejected', next);
    }
  }

  /**
   * A closed article rewritten on disk (git checkout, another tool): its snapshot is dropped and
   * the views are told, so that it is detected again when next asked for (from the cache by
   * content hash when the text is one seen before). An open article follows its document instead.
   */
  private changedOnDisk(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.inflight.has(key)) this.rewrittenWhileDetecting.add(key);
    if (!this.snapshots.has(key) || vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) return;
    this.snapshots.delete(key);
    this.emitter.fire(uri);
  }

  private isArticleDoc(doc: vscode.TextDocument): boolean {
    return doc.languageId === 'article' || this.articles.isArticle(doc.uri);
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = vscode.workspace.getConfiguration('articleAnnotator').get<number>('detectionDelay', 300);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.snapshots.delete(key);
        void this.get(uri);
      }, delay),
    );
  }

  peek(article: vscode.Uri): DetectionSnapshot | undefined {
    return this.snapshots.get(article.toString());
  }

  get(article: vscode.Uri, token?: vscode.CancellationToken): Promise<DetectionSnapshot | undefined> {
    const key = article.toString();
    const have = this.snapshots.get(key);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (have && (!doc || have.version === doc.version)) return Promise.resolve(have);
    let p = this.inflight.get(key);
    if (!p) {
      p = this.compute(article, token).finally(() => this.inflight.delete(key));
      this.inflight.set(key, p);
    }
    return p;
  }

  private async compute(article: vscode.Uri, token?: vscode.CancellationToken): Promise<DetectionSnapshot | undefined> {
    const key = article.toString();
    this.rewrittenWhileDetecting.delete(key);
    const maxBytes = vscode.workspace.getConfiguration('articleAnnotator').get<number>('maxArticleSize', 20_000_000);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    let text: string;
    let version = -1;
    if (doc) {
      text = doc.getText();
      version = doc.version;
      if (text.length > maxBytes) return undefined;
    } else {
      const r = await readText(article, maxBytes);
      if (r.kind !== 'ok') return undefined;
      text = r.text;
    }
    if (token?.isCancellationRequested) return undefined;
    const lexicon = this.lexicon.get(article);
    const hash = sha256(text + '\u0000' + JSON.stringify(lexicon));
    const persisted = text.length >= PERSIST_THRESHOLD;
    let detection = this.byHash.get(hash) ?? (persisted ? await this.readPersisted(hash) : undefined);
    if (!detection) {
      // Let pending UI work (typing) run first; long texts are detected after a yield.
      await new Promise((r) => setImmediate(r));
      if (token?.isCancellationRequested) return undefined;
      const t0 = performance.now();
      if (text.length > WORKER_THRESHOLD) {
        try {
          detection = await this.worker.detect(text, lexicon);
          this.workerRuns++;
        } catch {
          detection = detect(text, lexicon); // no worker threads here: detect in place
        }
      } else detection = detect(text, lexicon);
      this.timings.set(key, performance.now() - t0);
      if (persisted) void this.persist(hash, detection);
    }
    this.byHash.set(hash, detection);
    if (this.byHash.size > MEMORY_CACHE) this.byHash.delete(this.byHash.keys().next().value!);
    // A newer edit made this result stale: the scheduled run will replace it.
    const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (now && now.version !== version) return undefined;
    if (this.rewrittenWhileDetecting.delete(key) && !doc && !now) return this.compute(article, token);
    const snapshot: DetectionSnapshot = { article, version, detection };
    this.snapshots.delete(key);
    this.snapshots.set(key, snapshot);
    this.trimSnapshots();
    this.emitter.fire(article);
    return snapshot;
  }

  /**
   * Snapshots of open documents stay; of the others only the most recent are kept in memory (the
   * rest are a file read away in the persisted cache), so a workspace of thousands of articles
   * does not hold every detection.
   */
  private trimSnapshots(): void {
    if (this.snapshots.size <= CLOSED_SNAPSHOTS) return;
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    let closed = 0;
    for (const key of [...this.snapshots.keys()].reverse()) {
      if (open.has(key)) continue;
      if (++closed > CLOSED_SNAPSHOTS) this.snapshots.delete(key);
    }
  }

  private cacheUri(hash: string): vscode.Uri | undefined {
    const base = this.context.storageUri ?? this.context.globalStorageUri;
    return base ? vscode.Uri.joinPath(base, 'detections', `${hash}.json`) : undefined;
  }

  private async readPersisted(hash: string): Promise<Detection | undefined> {
    const uri = this.cacheUri(hash);
    if (!uri) return undefined;
    try {
      return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as Detection;
    } catch {
      return undefined;
    }
  }

  private async persist(hash: string, detection: Detection): Promise<void> {
    const uri = this.cacheUri(hash);
    if (!uri) return;
    try {
      if (!this.cacheDirReady) {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
        this.cacheDirReady = true;
      }
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(detection)));
    } catch {
      // The cache is an optimisation only.
    }
  }

  isRejected(article: vscode.Uri, key: string): boolean {
    return this.rejected[article.toString()]?.includes(key) ?? false;
  }

  async reject(article: vscode.Uri, key: string): Promise<void> {
    const list = this.rejected[article.toString()] ?? [];
    if (!list.includes(key)) list.push(key);
    this.rejected = { ...this.rejected, [article.toString()]: list };
    await this.context.workspaceState.update('articleAnnotator.rejected', this.rejected);
    this.emitter.fire(article);
  }

  async resetRejected(): Promise<void> {
    const articles = Object.keys(this.rejected);
    this.rejected = {};
    await this.context.workspaceState.update('articleAnnotator.rejected', this.rejected);
    for (const a of articles) this.emitter.fire(vscode.Uri.parse(a));
  }

  override dispose(): void {
    this.worker.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    super.dispose();
    this.emitter.dispose();
  }
}
