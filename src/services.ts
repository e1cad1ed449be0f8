/**
 * Contracts between the VS Code feature folders. Each feature receives a `Services` object and
 * talks to the others only through these interfaces. Implementations:
 *   ArticleIndex      -> src/workspace/articleIndex.ts
 *   AnnotationStore   -> src/annotations/store.ts
 *   DetectionService  -> src/detection/detectionService.ts
 *   LexiconService    -> src/detection/lexiconService.ts
 *   TreeController    -> src/tree/ (exposes navigation/reveal for tests)
 */
import type * as vscode from 'vscode';
import type { ArticleMeta } from './core/meta/articleMeta';
import type { Annotation, AnchorStatus, Detection, LabelDef, Lexicon } from './core/model';
import type { FileEvent } from './core/files';

/** A file event of the workspace's articles and sidecars (see `ArticleIndex.onDidChangeFiles`). */
export type ArticleFileEvent = FileEvent<vscode.Uri>;

/** Finds the workspace's articles (setting `articleAnnotator.articleGlob`, multi-root aware). */
export interface ArticleIndex extends vscode.Disposable {
  /** Fires when articles are created, deleted or renamed, or the glob setting changes. */
  readonly onDidChange: vscode.Event<void>;
  /**
   * The one file-event hub: articles (by the glob) and their sidecars created, changed or deleted
   * on disk, and folders renamed or deleted, in the order they happened. Subscribe here instead of
   * creating a file watcher.
   */
  readonly onDidChangeFiles: vscode.Event<ArticleFileEvent>;
  /** All article URIs, sorted by path. */
  list(): Promise<vscode.Uri[]>;
  /** Does this URI match the article glob (or is it a document of language `article`)? */
  isArticle(uri: vscode.Uri): boolean;
}

/** One annotation and where it sits in the current text of its article. */
export interface AnchoredAnnotation {
  annotation: Annotation;
  status: AnchorStatus;
  /** Current range in the article (UTF-16, as VS Code counts); undefined for orphans. */
  range: vscode.Range | undefined;
}

import type { SidecarState } from './core/store/entry';
export type { SidecarState };

export interface ArticleAnnotations {
  article: vscode.Uri;
  sidecar: vscode.Uri;
  state: SidecarState;
  /** True when annotations may not be changed (sidecar error, untrusted workspace). */
  readOnly: boolean;
  /** Sorted by start; orphans last. */
  items: AnchoredAnnotation[];
  /** The sidecar's `meta:` block (article details set by the user), if any. */
  meta?: ArticleMeta;
}

export { EDITABLE_FIELDS, setFields, type AnnotationPatch } from './core/model';
import type { AnnotationPatch } from './core/model';

export interface NewAnnotation extends Omit<AnnotationPatch, 'label'> {
  range: vscode.Range;
  label: string;
}

/** Owns sidecars: loading, anchoring, live range tracking, writing. */
export interface AnnotationStore extends vscode.Disposable {
  /** Fires with the article URI whose annotations (or their ranges or state) changed. */
  readonly onDidChange: vscode.Event<vscode.Uri>;
  /**
   * Fires with the article URI when only the quoted text of some of its annotations changed (typing
   * inside one, then saving): ranges, labels and states are as they were, so editors need no redraw.
   */
  readonly onDidChangeQuotes: vscode.Event<vscode.Uri>;
  /** Loads (once, then cached and kept up to date) the annotations of an article. */
  get(article: vscode.Uri): Promise<ArticleAnnotations>;
  /** The cached state, if loaded. */
  peek(article: vscode.Uri): ArticleAnnotations | undefined;
  add(article: vscode.Uri, init: NewAnnotation): Promise<Annotation>;
  update(article: vscode.Uri, id: string, patch: AnnotationPatch): Promise<Annotation>;
  /** Removes and returns the annotation (for undo). */
  remove(article: vscode.Uri, id: string): Promise<Annotation | undefined>;
  /** Puts back an annotation removed earlier (undo). */
  restore(article: vscode.Uri, annotation: Annotation): Promise<void>;
  /** Sets (undefined: removes) the article details of the sidecar's `meta:` block; unknown keys in it are kept. */
  setMeta(article: vscode.Uri, meta: ArticleMeta | undefined): Promise<void>;
  /** Re-attaches an (orphaned) annotation to a new range. */
  reattach(article: vscode.Uri, id: string, range: vscode.Range): Promise<Annotation>;
  /** The codebook: configured labels plus unknown labels found in loaded sidecars. */
  labels(): LabelDef[];
  /** Writes every pending change now (those that can be written: not for unsaved articles). */
  flushAll(): Promise<void>;
  /** Drops unsaved annotation changes of an article and reloads its sidecar from disk. */
  discardChanges(article: vscode.Uri): Promise<void>;
}

/** A detection as shown in the editor and tree: offsets converted to the document. */
export interface DetectionSnapshot {
  article: vscode.Uri;
  /** Content version this was computed for (document version, or -1 for files read from disk). */
  version: number;
  /** Offsets in UTF-16 of that content. */
  detection: Detection;
}

/** Runs core detection off the typing path, caches per content hash. */
export interface DetectionService extends vscode.Disposable {
  readonly onDidChange: vscode.Event<vscode.Uri>;
  /** Detection for the open document or, if closed, the file on disk. */
  get(article: vscode.Uri, token?: vscode.CancellationToken): Promise<DetectionSnapshot | undefined>;
  peek(article: vscode.Uri): DetectionSnapshot | undefined;
  /** Detections the user rejected ("hidden until reset"), keyed per article by `detectionKey`. */
  isRejected(article: vscode.Uri, key: string): boolean;
  reject(article: vscode.Uri, key: string): Promise<void>;
  resetRejected(): Promise<void>;
}

/** Reads `.annotator/actors.yaml` per workspace folder; falls back to an empty lexicon on error. */
export interface LexiconService extends vscode.Disposable {
  readonly onDidChange: vscode.Event<void>;
  get(article: vscode.Uri): Lexicon;
  addActor(article: vscode.Uri, name: string, type: import('./core/model').ActorType, aliasOf?: string): Promise<void>;
  ignore(article: vscode.Uri, surface: string): Promise<void>;
}

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly articles: ArticleIndex;
  readonly lexicon: LexiconService;
  readonly detections: DetectionService;
  readonly annotations: AnnotationStore;
}

/**
 * Key of a detection for reject bookkeeping, stable across edits elsewhere in the article:
 * `actor:<actor id>` (rejects that actor in the article) or `claim:<claim text>`.
 */
export function detectionKey(kind: 'actor' | 'claim', idOrText: string): string {
  return `${kind}:${idOrText.replace(/\s+/g, ' ').trim()}`;
}

/** Points at a stored annotation (command argument; tree elements carry one in `ref`). */
export interface AnnotationRef {
  kind: 'annotation';
  /** Article URI, `uri.toString()`. */
  article: string;
  id: string;
}

/** Points at a detection (command argument; tree elements carry one in `ref`; the claim hover's accept link passes one). */
export interface DetectionRef {
  kind: 'detection';
  /** Article URI, `uri.toString()`. */
  article: string;
  detection: 'actor' | 'claim';
  /** UTF-16 offsets in the document's current text. */
  start: number;
  end: number;
  text: string;
  /** Label for the accepted annotation: `actor` or `claim`. */
  label: string;
  /** Canonical speaker name (claims) or actor name (actors). */
  speaker?: string | null;
  /** `detectionKey(...)` of this detection. */
  key: string;
}

export type ItemRef = AnnotationRef | DetectionRef;

/** Commands accept a ref, or a tree element carrying one in `ref`; anything else gives undefined. */
export function refOf(arg: unknown): ItemRef | undefined {
  const candidate = (arg && typeof arg === 'object' && 'ref' in arg ? (arg as { ref: unknown }).ref : arg) as Partial<ItemRef> | undefined;
  if (!candidate || typeof candidate !== 'object' || typeof candidate.article !== 'string') return undefined;
  if (candidate.kind === 'annotation' && typeof candidate.id === 'string') return candidate as AnnotationRef;
  if (candidate.kind === 'detection' && typeof (candidate as DetectionRef).start === 'number') return candidate as DetectionRef;
  return undefined;
}
