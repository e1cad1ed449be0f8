/**
 * One article's annotations as the store holds them: the live items, the state of the entry as
 * one union, and the text the item offsets refer to (the open document, or the file's bytes).
 */
import type { AnchorStatus, Annotation } from '../model';
import type { ArticleMeta } from '../meta/articleMeta';
import type { SidecarProblem } from '../sidecar';
import type { OpenDocument, FileVersion, StoreDocuments } from './ports';
import { RecentTexts, sourceOf, type TextSource } from './text';

/**
 * Where an article's entry stands. Every operation on the article runs in its queue and moves it
 * from one of these to another; nothing else records what is pending.
 *   loading   read for the first time (not yet listed)
 *   clean     the items are what the sidecar on disk holds
 *   moved     only offsets moved with edits of the text: written on save, and a sidecar changed
 *             on disk simply replaces them
 *   dirty     the user's annotation changes, not yet written
 *   writing   our write is in flight; `moved`: the text was edited meanwhile
 *   conflict  the sidecar changed on disk while the user had unsaved changes: waiting for the
 *             user's choice (`asking`: the question is on screen)
 *   broken    the sidecar could not be read or parsed: read-only, never rewritten
 *   renaming  the article is being renamed (VS Code asked); `was`: the state to carry to the new name
 *   gone      renamed or deleted: this entry is no longer listed
 */
export type EntryPhase<U> =
  | { kind: 'loading' }
  | { kind: 'clean' }
  | { kind: 'moved' }
  | { kind: 'dirty' }
  | { kind: 'writing'; moved: boolean }
  | { kind: 'conflict'; asking: boolean }
  | { kind: 'broken'; problems: readonly [SidecarProblem, ...SidecarProblem[]] }
  | { kind: 'renaming'; to: U; was: EntryPhase<U> }
  | { kind: 'gone' };

export interface SidecarBase {
  readonly annotations: readonly Annotation[];
  readonly meta: ArticleMeta | undefined;
}

export type SidecarState =
  | { kind: 'none' } // no sidecar yet
  | { kind: 'ok' }
  /**
   * Unreadable or invalid: read-only, never rewritten. `problems`: every problem found, in the
   * order of the file (at least one); `message`: all of them in one line; `line`: the first's.
   */
  | { kind: 'error'; message: string; line?: number; problems: readonly SidecarProblem[] };

/** One annotation with live UTF-16 offsets into the entry's current text. */
export class LiveItem<U> {
  constructor(
    public annotation: Annotation,
    public status: AnchorStatus,
    public start16: number,
    public end16: number,
    readonly entry: ArticleEntry<U, LiveItem<U>>,
  ) {}
}

export type ItemFactory<U, I extends LiveItem<U>> = (annotation: Annotation, status: AnchorStatus, start16: number, end16: number, entry: ArticleEntry<U, I>) => I;

const utf8Decoder = new TextDecoder();

export class ArticleEntry<U, I extends LiveItem<U> = LiveItem<U>> {
  phase: EntryPhase<U> = { kind: 'loading' };
  items: I[] = [];
  /** The sidecar's `meta:` block (article details set by the user), if any. */
  meta: ArticleMeta | undefined;
  /** `meta` was set by the user and is not yet written. */
  metaChanged = false;
  /** SHA-256 of the sidecar bytes as last read or written (undefined: no file). */
  diskHash: string | undefined;
  /**
   * The sidecar's annotations and meta block as last read or written: the base of a three-way
   * merge with a sidecar changed on disk while the user has unsaved changes (undefined: not
   * known, the sidecar could not be read). The annotation objects are shared with the items
   * (changes replace an item's annotation, never change it in place): this costs one array.
   */
  base: SidecarBase | undefined;
  /** Our last write: when (performance.now()), the sidecar it replaced and the article text it named (see the store's `landedOverOurs`). */
  lastWrite: { at: number; base: SidecarBase; articleSha256: string } | undefined;
  /** Annotations the user removed since the sidecar was last read or written (a "keep mine" does not bring them back). */
  readonly removed = new Map<string, Annotation>();
  /** The sidecar was last read successfully (under the size limit). */
  sidecarReadBefore = false;
  /** The version of the article file `fileBytes` were read from (undefined: not known to be the file's). */
  fileVersion: FileVersion | undefined;
  /**
   * Text the item offsets refer to when the article is not open, kept as UTF-8 bytes (about half
   * the memory of the decoded string when thousands of sidecars are loaded) with its line starts.
   */
  private fileBytes: Uint8Array | undefined;
  private fileSource: TextSource | undefined;
  private decoded: string | undefined;
  /**
   * The article's open document, kept up to date by the open and close events (each range of
   * each item asks for it: a search of every open document each time is too slow).
   */
  private openDocument: OpenDocument | undefined;

  constructor(
    public article: U,
    public sidecar: U,
    private readonly documents: StoreDocuments<U>,
    private readonly trusted: () => boolean,
    private readonly recent: RecentTexts,
  ) {
    this.openDocument = documents.find(article);
  }

  get state(): SidecarState {
    const p = this.phase.kind === 'renaming' ? this.phase.was : this.phase;
    if (p.kind === 'broken') {
      const line = p.problems[0].line;
      return { kind: 'error', message: p.problems.map((x) => x.message).join('; '), ...(line !== undefined ? { line } : {}), problems: p.problems };
    }
    return this.diskHash === undefined ? { kind: 'none' } : { kind: 'ok' };
  }

  get readOnly(): boolean {
    return this.phase.kind === 'broken' || this.phase.kind === 'gone' || !this.trusted();
  }

  /** The user has annotation changes not on disk. */
  get unsaved(): boolean {
    const p = this.phase.kind === 'renaming' ? this.phase.was : this.phase;
    return p.kind === 'dirty' || p.kind === 'conflict';
  }

  document(): OpenDocument | undefined {
    if (this.openDocument?.isClosed) this.openDocument = this.documents.find(this.article);
    return this.openDocument;
  }
  /** Looks the document up again (an open or close event, or a new name). */
  refreshDocument(): OpenDocument | undefined {
    return (this.openDocument = this.documents.find(this.article));
  }

  /** `fileBytes` decoded, while the budget of recent texts keeps it. */
  get fileText(): string {
    if (this.decoded !== undefined) return this.decoded;
    if (!this.fileBytes) return '';
    const text = utf8Decoder.decode(this.fileBytes);
    this.keepText(text);
    return text;
  }
  private keepText(text: string): void {
    this.decoded = text;
    this.recent.used(this, text.length);
  }
  dropText(): void {
    this.decoded = undefined;
  }
  /** The article's text as the bytes read from its file at `version`, and `text`, those bytes decoded when the caller has them. */
  setFile(bytes: Uint8Array | undefined, version?: FileVersion, text?: string): void {
    this.fileBytes = bytes;
    this.fileVersion = version;
    this.fileSource = undefined;
    this.decoded = undefined;
    this.recent.forget(this);
    if (bytes && text !== undefined) this.keepText(text);
  }
  /**
   * The text the items refer to now that the document is closed, until the file is read (the
   * close is handled in the article's queue): kept while the budget allows.
   */
  holdText(text: string): void {
    this.setFile(undefined);
    this.openDocument = undefined;
    this.keepText(text);
  }
  /** The text (with no document open) is the file's as read, not a closed document's held until the file is read. */
  get hasFileText(): boolean {
    return this.fileBytes !== undefined;
  }
  /** Forgets the decoded text (the entry is dropped). */
  release(): void {
    this.recent.forget(this);
    this.dropText();
  }

  /** The text the item offsets refer to: the open document's, or the file's. */
  text(): string {
    return this.document()?.getText() ?? this.fileText;
  }

  source(): TextSource {
    const doc = this.document();
    if (doc) return doc;
    return (this.fileSource ??= sourceOf(this.fileText));
  }

  sortItems(): void {
    this.items.sort((a, b) => {
      const ao = a.status === 'orphan' ? 1 : 0;
      const bo = b.status === 'orphan' ? 1 : 0;
      return ao - bo || a.start16 - b.start16 || a.end16 - b.end16 || (a.annotation.id < b.annotation.id ? -1 : 1);
    });
  }
}
