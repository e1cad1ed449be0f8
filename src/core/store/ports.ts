/**
 * What the store needs from its host, as small interfaces: the extension implements them with
 * `vscode.workspace.fs` and the open text documents, the unit tests with an in-memory workspace.
 * `U` is the host's file address (a `vscode.Uri` in the extension).
 */
import type { SidecarProblem } from '../sidecar';

/** When a file was last modified and its size, as `stat` gives them. */
export interface FileVersion {
  mtime: number;
  size: number;
}

export type ReadResult =
  /** `text`: the bytes decoded (on first use) as UTF-8, without a byte-order mark. */
  | { kind: 'ok'; readonly text: string; bytes: Uint8Array; version: FileVersion }
  /** The file is still at the `known` version the caller passed: it was not read again. */
  | { kind: 'unchanged' }
  | { kind: 'missing' }
  | { kind: 'tooLarge'; size: number }
  | { kind: 'binary' }
  | { kind: 'error'; message: string };

export interface ReadOptions {
  /** Not read again while the file is still at this version: the result is `unchanged`. */
  unlessAt?: FileVersion;
  /** The file was read before under the limit: read it while its size is checked (one round trip less). */
  readAtOnce?: boolean;
}

export interface Position {
  line: number;
  character: number;
}

/** An article open in an editor (a `vscode.TextDocument` fits). */
export interface OpenDocument {
  getText(): string;
  positionAt(offset: number): Position;
  readonly isDirty: boolean;
  readonly isClosed: boolean;
}

export interface StoreFiles<U> {
  read(uri: U, maxBytes: number, options?: ReadOptions): Promise<ReadResult>;
  /**
   * Writes through a temporary file renamed over `uri`. `ifHash` (compare and swap): the SHA-256
   * of the bytes the caller last read (null: the file was missing); just before the rename the
   * file is read again and, if it changed meanwhile, nothing is written and the result is false.
   */
  writeAtomic(uri: U, bytes: Uint8Array, ifHash?: string | null): Promise<boolean>;
  /** Moves a file; fails if `to` exists. */
  rename(from: U, to: U): Promise<void>;
}

export interface StoreDocuments<U> {
  /** The open document of `uri`, if any. */
  find(uri: U): OpenDocument | undefined;
}

export interface StoreUris<U> {
  key(uri: U): string;
  sidecarOf(article: U): U;
  baseName(uri: U): string;
  /** `base` with `rest` (a path starting with `/`) appended: an entry under a renamed folder. */
  child(base: U, rest: string): U;
}

export type ConflictChoice = 'reload' | 'keep' | 'compare' | undefined;

/** Settings, the user and the views, as the store sees them. */
export interface StoreHost<U> {
  trusted(): boolean;
  maxSidecarBytes(): number;
  maxArticleBytes(): number;
  author(): string;
  /** ISO 8601 time, to the second. */
  now(): string;
  /** The annotations (ranges, states) of an article changed. */
  changed(article: U): void;
  /** Only quotes changed (typing inside an annotation, then a write): no redraw needed. */
  quotesChanged(article: U): void;
  /** The sidecar's problems (none: clear them). */
  problems(article: U, sidecar: U, problems: SidecarProblem[]): void;
  /** Asks what to do about a sidecar changed on disk while the user had unsaved annotation changes. */
  askConflict(sidecarName: string): Promise<ConflictChoice>;
  /** Shows the sidecar on disk beside `mine` (the user's version, serialised). */
  compare(sidecar: U, mine: string): Promise<void>;
  warn(message: string, reveal?: U): void;
  error(message: string): void;
  /** Runs `fn` after `ms` (the write delay); returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
  /** Resolves after `ms`: how long a file replaced by a rename may be missing. */
  delay(ms: number): Promise<void>;
}
