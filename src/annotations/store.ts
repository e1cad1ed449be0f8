/**
 * Owns the sidecars: loads and anchors them, follows live edits, writes them back atomically
 * and never over a file it could not read or that changed under it.
 */
import * as vscode from 'vscode';
import type { AnchorStatus, Annotation, LabelDef } from '../core/model';
import { DEFAULT_LABELS } from '../core/model';
import { anchorAnnotations, EditFollower } from '../core/anchor';
import { makeAnnotation, parseSidecar, serializeSidecar, serializeSidecarBytes, SIDECAR_VERSION, type Sidecar, type SidecarProblem } from '../core/sidecar';
import { OffsetMap } from '../core/offsets';
import { newAnnotationId, sha256 } from '../core/hash';
import { EDITABLE_FIELDS, setFields } from '../services';
import type { ArticleMeta } from '../core/meta/articleMeta';
import type { AnchoredAnnotation, AnnotationPatch, AnnotationStore, ArticleAnnotations, ArticleIndex, NewAnnotation, SidecarState } from '../services';
import { baseName, readText, sidecarUriOf, writeTextAtomic, type FileVersion, type ReadResult } from '../workspace/fs';

/** Text of an article as the store sees it: the open document, or the file. */
interface TextSource {
  positionAt(offset: number): vscode.Position;
}

/** Line starts of a text, for offset → position without keeping the text. */
function sourceOf(text: string): TextSource {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  const lineStarts = new Uint32Array(n);
  for (let i = 0, k = 1; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts[k++] = i + 1;
  return {
    positionAt(offset: number) {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (lineStarts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return new vscode.Position(lo, offset - lineStarts[lo]!);
    },
  };
}

const utf8Decoder = new TextDecoder();

/**
 * Keeps the decoded texts of the most recently used closed articles, up to a budget of UTF-16
 * units: re-anchoring after a sidecar change, drawing ranges or closing an article then does not
 * decode the kept bytes again (a 1 MB article costs 10–20 ms to decode here, most of it for the
 * fresh memory). Texts beyond the budget are dropped, oldest first; the bytes stay.
 */
class RecentTexts {
  private readonly lengths = new Map<Entry, number>();
  private total = 0;
  constructor(private readonly budget: number) {}
  /** `entry` has just decoded a text of `length` units. */
  used(entry: Entry, length: number): void {
    this.forget(entry);
    if (length > this.budget) return entry.dropText();
    this.lengths.set(entry, length);
    this.total += length;
    for (const [oldest, n] of this.lengths) {
      if (this.total <= this.budget) break;
      this.lengths.delete(oldest);
      this.total -= n;
      oldest.dropText();
    }
  }
  forget(entry: Entry): void {
    const n = this.lengths.get(entry);
    if (n === undefined) return;
    this.lengths.delete(entry);
    this.total -= n;
  }
}

/** One annotation with live UTF-16 offsets; `range` is computed on demand. */
class Item implements AnchoredAnnotation {
  constructor(
    public annotation: Annotation,
    public status: AnchorStatus,
    public start16: number,
    public end16: number,
    private readonly entry: Entry,
  ) {}
  get range(): vscode.Range | undefined {
    if (this.status === 'orphan') return undefined;
    const src = this.entry.source();
    return new vscode.Range(src.positionAt(this.start16), src.positionAt(this.end16));
  }
}

class Entry implements ArticleAnnotations {
  state: SidecarState = { kind: 'none' };
  items: Item[] = [];
  meta: ArticleMeta | undefined;
  /** `meta` was set by the user and is not yet written. */
  metaChanged = false;
  /** SHA-256 of the sidecar bytes as last read or written (undefined: no file). */
  diskHash: string | undefined;
  /** Annotation changes made by the user, not yet written. */
  pending = false;
  /** Counts the user's annotation changes: a reload whose reads were overtaken by one does not replace it. */
  edits = 0;
  /** Offsets moved with edits of the article since the sidecar was written (written on save). */
  shifted = false;
  /** Waiting for the user to resolve a conflict with a sidecar changed on disk. */
  conflict = false;
  /**
   * Text the item offsets refer to when the article is not open, kept as UTF-8 bytes (about half
   * the memory of the decoded string when thousands of sidecars are loaded) with its line starts.
   */
  private fileBytes: Uint8Array | undefined;
  private fileSource: TextSource | undefined;
  /** The sidecar was last read successfully (under the size limit). */
  sidecarReadBefore = false;
  /** The version of the article file `fileBytes` were read from (undefined: not known to be the file's). */
  fileVersion: FileVersion | undefined;
  constructor(
    readonly article: vscode.Uri,
    public sidecar: vscode.Uri,
    private readonly trusted: () => boolean,
    private readonly recent: RecentTexts,
  ) {
    this.openDocument = this.findDocument();
  }
  get readOnly(): boolean {
    return this.state.kind === 'error' || !this.trusted();
  }
  /**
   * The article's open document, kept up to date by the store's open and close events (each range
   * of each item asks for it: a search of every open document each time cost hundreds of
   * milliseconds for 10,000 annotations).
   */
  private openDocument: vscode.TextDocument | undefined;
  document(): vscode.TextDocument | undefined {
    if (this.openDocument?.isClosed) this.openDocument = this.findDocument();
    return this.openDocument;
  }
  /** The store saw a document of this article open (or closed: undefined). */
  documentOpened(doc: vscode.TextDocument | undefined): void {
    this.openDocument = doc;
  }
  /** Looks the document up again (after waiting: it may have opened meanwhile, before the store knew this entry). */
  refreshDocument(): vscode.TextDocument | undefined {
    return (this.openDocument = this.findDocument());
  }
  private findDocument(): vscode.TextDocument | undefined {
    const key = this.article.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }
  /** `fileBytes` decoded, while the store's budget of recent texts keeps it. */
  private decoded: string | undefined;
  get fileText(): string {
    if (!this.fileBytes) return '';
    if (this.decoded !== undefined) return this.decoded;
    const text = utf8Decoder.decode(this.fileBytes);
    this.keepText(text); // not kept when longer than the whole budget
    return text;
  }
  private keepText(text: string): void {
    this.decoded = text;
    this.recent.used(this, text.length);
  }
  /** Called by the budget: the text is decoded again from the bytes when next needed. */
  dropText(): void {
    this.decoded = undefined;
  }
  /**
   * The article's text as the bytes read from its file at `version` (kept as they are: no second
   * encoding), and `text`, those bytes decoded when the caller has them.
   */
  setFile(bytes: Uint8Array | undefined, version?: FileVersion, text?: string): void {
    this.fileBytes = bytes;
    this.fileVersion = version;
    this.fileSource = undefined;
    this.decoded = undefined;
    this.recent.forget(this);
    if (bytes && text !== undefined) this.keepText(text);
  }
  source(): TextSource {
    const doc = this.document();
    if (doc) return { positionAt: (o) => doc.positionAt(o) };
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

export class SidecarAnnotationStore implements AnnotationStore {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly quotesEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeQuotes = this.quotesEmitter.event;
  private readonly entries = new Map<string, Entry>();
  /** Decoded texts of recently used closed articles (8 million UTF-16 units at most, about 16 MB). */
  private readonly recentTexts = new RecentTexts(8_000_000);
  private readonly loading = new Map<string, Promise<Entry>>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly diagnostics = vscode.languages.createDiagnosticCollection('articleAnnotator.sidecar');
  private readonly writeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Sidecar writes of our own, to tell them from external changes in the watcher. */
  private readonly ownWrites = new Set<string>();
  /** Our flushes in progress, by sidecar: the watcher and the next flush wait for them. */
  private readonly writing = new Map<string, Promise<void>>();
  /** Sidecars being moved or rewritten after their article was renamed or deleted. */
  private readonly fileOps = new Set<Promise<void>>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly articles: ArticleIndex,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml');
    // (Creations too: a file replaced by a rename, as git and many tools write, is created anew.)
    const articleWatcher = vscode.workspace.createFileSystemWatcher('**/*.txt', false, false, true);
    this.disposables.push(
      this.diagnostics,
      watcher,
      articleWatcher,
      watcher.onDidChange((u) => this.onSidecarChangedOnDisk(u)),
      watcher.onDidCreate((u) => this.onSidecarChangedOnDisk(u)),
      watcher.onDidDelete((u) => this.onSidecarChangedOnDisk(u)),
      articleWatcher.onDidChange((u) => this.onArticleChangedOnDisk(u)),
      articleWatcher.onDidCreate((u) => this.onArticleChangedOnDisk(u)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onDocumentSaved(d)),
      vscode.workspace.onDidOpenTextDocument((d) => this.entries.get(d.uri.toString())?.documentOpened(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onDocumentClosed(d)),
      vscode.workspace.onDidRenameFiles((e) => this.onRenamed(e)),
      vscode.workspace.onDidDeleteFiles((e) => this.onDeleted(e)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const e of this.entries.values()) this.emitter.fire(e.article);
      }),
    );
  }

  private config() {
    return vscode.workspace.getConfiguration('articleAnnotator');
  }

  private maxSidecarBytes(): number {
    return this.config().get<number>('maxSidecarSize', 10_000_000);
  }

  private maxArticleBytes(): number {
    return this.config().get<number>('maxArticleSize', 20_000_000);
  }

  labels(): LabelDef[] {
    const configured = this.config().get<LabelDef[]>('labels') ?? [...DEFAULT_LABELS];
    const out = configured.filter((l) => l && typeof l.name === 'string').map((l) => ({ ...l }));
    const known = new Set(out.map((l) => l.name));
    for (const e of this.entries.values()) {
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
    return this.entries.get(article.toString());
  }

  async get(article: vscode.Uri): Promise<ArticleAnnotations> {
    return this.entry(article);
  }

  private async entry(article: vscode.Uri): Promise<Entry> {
    const key = article.toString();
    const existing = this.entries.get(key);
    if (existing) return existing;
    let p = this.loading.get(key);
    if (!p) {
      p = this.load(article).finally(() => this.loading.delete(key));
      this.loading.set(key, p);
    }
    return p;
  }

  /**
   * Reads and anchors an article's sidecar; `sidecarRead`: the sidecar as just read by the caller
   * (not read again). Reloading an entry: when the user changed its annotations while the files
   * were being read, and `keepNewerEdits`, their changes stay and the reload is dropped (the disk
   * hash stays too, so writing them later finds the file changed and asks).
   */
  private async load(article: vscode.Uri, into?: Entry, sidecarRead?: ReadResult, keepNewerEdits = true): Promise<Entry> {
    const t0 = performance.now();
    const editsBefore = into?.edits;
    const entry = into ?? new Entry(article, sidecarUriOf(article), () => vscode.workspace.isTrusted, this.recentTexts);
    // Both files at once (each read is a round trip to the workbench's file service). The
    // article text is taken after the last await, so that no edit can slip between reading it and
    // anchoring against it.
    const [sc, fileRead] = await Promise.all([
      sidecarRead ?? this.readSidecar(entry),
      // A closed article unchanged since it was last read (reloading after its sidecar changed) is not read again.
      entry.document() ? undefined : readText(article, this.maxArticleBytes(), { unlessAt: entry.fileVersion }),
    ]);
    if (into && keepNewerEdits && into.edits !== editsBefore) return into;
    const t1 = performance.now();
    let parseMs = 0;
    let anchorMs = 0;
    const doc = entry.refreshDocument();
    let text = '';
    if (doc) {
      entry.setFile(undefined);
      text = doc.getText();
    } else if (fileRead?.kind === 'ok') {
      entry.setFile(fileRead.bytes, fileRead.version, fileRead.text);
      text = fileRead.text;
    } else if (fileRead?.kind === 'unchanged') {
      text = entry.fileText;
    } else {
      entry.setFile(undefined);
    }
    entry.items = [];
    entry.meta = undefined;
    entry.metaChanged = false;
    entry.pending = false;
    entry.shifted = false;
    if (sc.kind === 'missing') {
      entry.state = { kind: 'none' };
      entry.diskHash = undefined;
    } else if (sc.kind !== 'ok') {
      const message =
        sc.kind === 'tooLarge' ? `Sidecar is ${sc.size} bytes, more than the limit (setting articleAnnotator.maxSidecarSize); it is not read.`
        : sc.kind === 'binary' ? 'Sidecar is not a text file.'
        : `Sidecar could not be read: ${sc.kind === 'error' ? sc.message : 'unknown error'}`;
      entry.state = { kind: 'error', message, line: 1 };
      entry.diskHash = undefined;
      this.setDiagnostics(entry, [{ message, line: 1 }]);
    } else {
      entry.diskHash = sha256(sc.bytes);
      const tp = performance.now();
      const parsed = parseSidecar(sc.bytes, { maxBytes: this.maxSidecarBytes() });
      parseMs = performance.now() - tp;
      if (!parsed.ok) {
        entry.state = { kind: 'error', message: parsed.problems.map((p) => p.message).join('; '), line: parsed.problems[0]?.line };
        this.setDiagnostics(entry, parsed.problems);
      } else {
        entry.state = { kind: 'ok' };
        this.setDiagnostics(entry, []);
        entry.meta = parsed.sidecar.meta;
        const ta = performance.now();
        const map = new OffsetMap(text);
        const anchored = anchorAnnotations(text, parsed.sidecar.annotations, undefined, map);
        anchorMs = performance.now() - ta;
        for (const r of anchored) {
          const s16 = r.start !== undefined ? map.toUtf16(r.start) : map.toUtf16(Math.min(r.annotation.start, map.codePointLength));
          const e16 = r.end !== undefined ? map.toUtf16(r.end) : s16;
          entry.items.push(new Item(r.annotation, r.status, s16, e16, entry));
        }
        entry.sortItems();
      }
    }
    const key = article.toString();
    this.loadTimings.delete(key);
    this.loadTimings.set(key, { readMs: t1 - t0, workMs: performance.now() - t1, parseMs, anchorMs });
    if (this.loadTimings.size > 50) this.loadTimings.delete(this.loadTimings.keys().next().value!);
    // One entry per article: an entry dropped while its files were read (its article was renamed or
    // deleted) is not registered again, and a fresh load yields to an entry registered meanwhile.
    const registered = this.entries.get(key);
    if (!registered && !into) {
      this.entries.set(key, entry);
      return entry;
    }
    if (registered !== entry) this.recentTexts.forget(entry); // dropped, or another entry registered meanwhile
    return registered ?? entry;
  }

  /** Reads an article's files anew (its sidecar has just arrived with a rename): the disk wins. */
  private async loadAnew(article: vscode.Uri): Promise<Entry> {
    const key = article.toString();
    await this.loading.get(key)?.catch(() => undefined);
    const existing = this.entries.get(key);
    if (!existing) return this.entry(article);
    return this.load(article, existing, undefined, false);
  }

  /** Forgets an article's entry (renamed or deleted), and its decoded text. */
  private dropEntry(article: vscode.Uri): void {
    const entry = this.entries.get(article.toString());
    if (!entry) return;
    this.entries.delete(article.toString());
    this.recentTexts.forget(entry);
    entry.dropText(); // work still in flight decodes it again from the bytes
  }

  /** Reads an entry's sidecar, remembering its size: a sidecar read before is read with one round trip less. */
  private async readSidecar(entry: Entry): Promise<ReadResult> {
    const r = await readText(entry.sidecar, this.maxSidecarBytes(), { readAtOnce: entry.sidecarReadBefore });
    entry.sidecarReadBefore = r.kind === 'ok';
    return r;
  }

  private setDiagnostics(entry: Entry, problems: SidecarProblem[]): void {
    if (problems.length === 0) {
      // Each change is a message to the workbench: loading thousands of clean sidecars sends none.
      if (this.diagnostics.has(entry.sidecar)) this.diagnostics.delete(entry.sidecar);
      if (this.diagnostics.has(entry.article)) this.diagnostics.delete(entry.article);
      return;
    }
    this.diagnostics.set(
      entry.sidecar,
      problems.map((p) => {
        const line = Math.max(0, (p.line ?? 1) - 1);
        const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), p.message, vscode.DiagnosticSeverity.Error);
        d.source = 'Article Annotator';
        return d;
      }),
    );
    const d = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, 0),
      `Annotations are read-only: ${baseName(entry.sidecar)} has ${problems.length} problem${problems.length === 1 ? '' : 's'} and will not be rewritten until it is fixed.`,
      vscode.DiagnosticSeverity.Warning,
    );
    d.source = 'Article Annotator';
    this.diagnostics.set(entry.article, [d]);
  }

  private assertWritable(entry: Entry): void {
    if (!vscode.workspace.isTrusted) throw new Error('Annotations cannot be changed in Restricted Mode. Trust the workspace to annotate.');
    if (entry.state.kind === 'error') {
      throw new Error(`The sidecar ${baseName(entry.sidecar)} could not be read (${entry.state.message}). Fix it (see the Problems panel) before annotating; it will not be overwritten.`);
    }
  }

  private now(): string {
    return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private currentText(entry: Entry): string {
    return entry.document()?.getText() ?? entry.fileText;
  }

  async add(article: vscode.Uri, init: NewAnnotation): Promise<Annotation> {
    const entry = await this.entry(article);
    this.assertWritable(entry);
    const doc = entry.document();
    const text = this.currentText(entry);
    const s16 = doc ? doc.offsetAt(init.range.start) : sourceOffset(text, init.range.start);
    const e16 = doc ? doc.offsetAt(init.range.end) : sourceOffset(text, init.range.end);
    if (e16 <= s16) throw new Error('Select some text to annotate.');
    const map = new OffsetMap(text);
    const author = this.config().get<string>('author', '').trim();
    const created = this.now();
    const annotation = makeAnnotation(text, map.toCodePoint(s16), map.toCodePoint(e16), {
      id: newAnnotationId(),
      label: init.label,
      ...setFields(init),
      ...(author ? { author } : {}),
      created,
      modified: created,
    }, map);
    entry.items.push(new Item(annotation, 'exact', s16, e16, entry));
    entry.sortItems();
    this.changed(entry);
    return annotation;
  }

  async setMeta(article: vscode.Uri, meta: ArticleMeta | undefined): Promise<void> {
    const entry = await this.entry(article);
    this.assertWritable(entry);
    entry.meta = meta && Object.keys(meta).length ? meta : undefined;
    entry.metaChanged = true;
    this.changed(entry);
  }

  private find(entry: Entry, id: string): Item {
    const item = entry.items.find((i) => i.annotation.id === id);
    if (!item) throw new Error(`No annotation ${id} in ${baseName(entry.article)}.`);
    return item;
  }

  async update(article: vscode.Uri, id: string, patch: AnnotationPatch): Promise<Annotation> {
    const entry = await this.entry(article);
    this.assertWritable(entry);
    const item = this.find(entry, id);
    const next: Annotation = { ...item.annotation };
    for (const key of EDITABLE_FIELDS) {
      if (!(key in patch)) continue;
      const v = patch[key];
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[key];
      else (next as unknown as Record<string, unknown>)[key] = v;
    }
    if (!next.label) throw new Error('An annotation needs a label.');
    next.modified = this.now();
    item.annotation = next;
    this.changed(entry);
    return next;
  }

  async remove(article: vscode.Uri, id: string): Promise<Annotation | undefined> {
    const entry = await this.entry(article);
    this.assertWritable(entry);
    const idx = entry.items.findIndex((i) => i.annotation.id === id);
    if (idx < 0) return undefined;
    const [item] = entry.items.splice(idx, 1);
    this.changed(entry);
    return this.currentAnnotation(entry, item!);
  }

  async restore(article: vscode.Uri, annotation: Annotation): Promise<void> {
    const entry = await this.entry(article);
    this.assertWritable(entry);
    if (entry.items.some((i) => i.annotation.id === annotation.id)) return;
    const text = this.currentText(entry);
    const [r] = anchorAnnotations(text, [annotation]);
    const map = new OffsetMap(text);
    const s16 = r!.start !== undefined ? map.toUtf16(r!.start) : 0;
    const e16 = r!.end !== undefined ? map.toUtf16(r!.end) : s16;
    entry.items.push(new Item(annotation, r!.status, s16, e16, entry));
    entry.sortItems();
    this.changed(entry);
  }

  async reattach(article: vscode.Uri, id: string, range: vscode.Range): Promise<Annotation> {
    const entry = await this.entry(article);
    this.assertWritable(entry);
    const item = this.find(entry, id);
    const doc = entry.document();
    const text = this.currentText(entry);
    const s16 = doc ? doc.offsetAt(range.start) : sourceOffset(text, range.start);
    const e16 = doc ? doc.offsetAt(range.end) : sourceOffset(text, range.end);
    if (e16 <= s16) throw new Error('Select the text to attach the annotation to.');
    const map = new OffsetMap(text);
    const fresh = makeAnnotation(text, map.toCodePoint(s16), map.toCodePoint(e16), { id: item.annotation.id, label: item.annotation.label }, map);
    item.annotation = { ...item.annotation, start: fresh.start, end: fresh.end, quote: fresh.quote, prefix: fresh.prefix ?? '', suffix: fresh.suffix ?? '', modified: this.now() };
    item.status = 'exact';
    item.start16 = s16;
    item.end16 = e16;
    entry.sortItems();
    this.changed(entry);
    return item.annotation;
  }

  /** The annotation with offsets, quote and context refreshed for the current text (orphans unchanged). */
  private currentAnnotation(entry: Entry, item: Item, text = this.currentText(entry), map = new OffsetMap(text)): Annotation {
    if (item.status === 'orphan') return item.annotation;
    const start = map.toCodePoint(item.start16);
    const end = map.toCodePoint(item.end16);
    const a = item.annotation;
    if (a.start === start && a.end === end && item.status === 'exact' && a.quote === text.slice(item.start16, item.end16)) return a;
    const fresh = makeAnnotation(text, start, end, { id: a.id, label: a.label }, map);
    return { ...a, start, end, quote: fresh.quote, prefix: fresh.prefix ?? '', suffix: fresh.suffix ?? '' };
  }

  private changed(entry: Entry, write = true): void {
    if (write) {
      entry.pending = true;
      entry.edits++;
      this.scheduleWrite(entry);
    }
    this.emitter.fire(entry.article);
  }

  private scheduleWrite(entry: Entry, delay = 150): void {
    const key = entry.article.toString();
    clearTimeout(this.writeTimers.get(key));
    this.writeTimers.set(
      key,
      setTimeout(() => {
        this.writeTimers.delete(key);
        void this.flush(entry).catch((e) => vscode.window.showErrorMessage(`Article Annotator: could not write ${baseName(entry.sidecar)}: ${(e as Error).message}`));
      }, delay),
    );
  }

  /** Writes pending changes, unless the article has unsaved edits (offsets must refer to the saved text). */
  async flush(entry: Entry): Promise<boolean> {
    // One flush at a time per sidecar: the next one starts from what the last one wrote, and the
    // watcher looks at the file only once a flush of ours is over.
    const key = entry.sidecar.toString();
    const inFlight = this.writing.get(key);
    if (inFlight) {
      await inFlight;
      return this.flush(entry);
    }
    let release!: () => void;
    this.writing.set(key, new Promise<void>((r) => (release = r)));
    try {
      return await this.flushNow(entry);
    } finally {
      this.writing.delete(key);
      release();
    }
  }

  private async flushNow(entry: Entry): Promise<boolean> {
    if (!(entry.pending || entry.shifted) || entry.readOnly || entry.conflict) return false;
    const doc = entry.document();
    if (doc?.isDirty) return false; // written on save
    // Reload before write: never overwrite a sidecar that changed since we read it.
    const disk = await this.readSidecar(entry);
    const diskHash = disk.kind === 'ok' ? sha256(disk.bytes) : undefined;
    if (disk.kind !== 'missing' && disk.kind !== 'ok') {
      entry.state = { kind: 'error', message: 'The sidecar on disk can no longer be read; it is not overwritten.' };
      this.changed(entry, false);
      return false;
    }
    if (diskHash !== entry.diskHash) {
      // Changed under us: with changes of the user's own, ask; else theirs is re-anchored.
      if (entry.pending) this.conflictWithDisk(entry);
      else await this.reload(entry, disk);
      return false;
    }
    const text = doc ? doc.getText() : entry.fileText;
    const map = new OffsetMap(text);
    const annotations = entry.items.map((i) => this.currentAnnotation(entry, i, text, map));
    if (annotations.length === 0 && entry.state.kind === 'none' && !entry.metaChanged) {
      entry.pending = false;
      entry.shifted = false;
      return false;
    }
    const sidecar: Sidecar = { version: SIDECAR_VERSION, article: baseName(entry.article), articleSha256: sha256(text), ...(entry.metaChanged ? { meta: entry.meta as Sidecar['meta'] } : {}), annotations };
    entry.metaChanged = false;
    // The file on disk is what we read (same hash): parse it again here for its comments and
    // unknown keys, rather than keeping every sidecar's syntax tree in memory.
    const previous = disk.kind === 'ok' ? parseSidecar(disk.bytes, { maxBytes: this.maxSidecarBytes() }) : undefined;
    const out = serializeSidecarBytes(sidecar, previous);
    const outHash = sha256(out);
    entry.pending = false;
    entry.shifted = false;
    if (outHash === entry.diskHash) return false;
    this.ownWrites.add(entry.sidecar.toString());
    await writeTextAtomic(entry.sidecar, out);
    entry.diskHash = outHash;
    // Only a sidecar that could not be read before changes what the editors show. Moved and fuzzy
    // annotations become exact below: only hovers, made when shown, tell that; their ranges stay.
    const shown = entry.state.kind !== 'ok';
    let quotes = false;
    entry.state = { kind: 'ok' };
    // Items now carry the written annotation (fresh quote/context) and refer to the saved text.
    entry.items.forEach((item, i) => {
      const next = annotations[i]!;
      if (item.annotation.quote !== next.quote) quotes = true;
      item.annotation = next;
      if (item.status !== 'orphan') item.status = 'exact';
    });
    // A write that only stored offsets moved by typing (an auto-save, say) changes nothing the
    // editors show: no change event, which would redraw every annotation of the article; quotes
    // changed by typing inside an annotation are announced to the views that show them.
    if (shown) this.emitter.fire(entry.article);
    else if (quotes) this.quotesEmitter.fire(entry.article);
    return true;
  }

  /** Writes every pending sidecar now, after any sidecar move in progress (tests, deactivation). */
  async flushAll(): Promise<void> {
    while (this.fileOps.size) await Promise.all(this.fileOps);
    for (const [key, timer] of this.writeTimers) {
      clearTimeout(timer);
      this.writeTimers.delete(key);
    }
    for (const entry of this.entries.values()) await this.flush(entry);
  }

  private conflictWithDisk(entry: Entry): void {
    if (entry.conflict) return;
    entry.conflict = true;
    const name = baseName(entry.sidecar);
    void vscode.window
      .showWarningMessage(`${name} changed on disk while you had unsaved annotation changes. Nothing was overwritten.`, 'Reload Theirs', 'Keep Mine', 'Compare')
      .then(async (choice) => {
        if (choice === 'Reload Theirs') {
          entry.conflict = false;
          await this.reload(entry);
        } else if (choice === 'Keep Mine') {
          entry.conflict = false;
          const disk = await this.readSidecar(entry);
          entry.diskHash = disk.kind === 'ok' ? sha256(disk.bytes) : undefined;
          entry.pending = true;
          await this.flush(entry);
        } else if (choice === 'Compare') {
          entry.conflict = false;
          const text = this.currentText(entry);
          const disk = await this.readSidecar(entry);
          const previous = disk.kind === 'ok' ? parseSidecar(disk.bytes, { maxBytes: this.maxSidecarBytes() }) : undefined;
          const mine = serializeSidecar({ version: SIDECAR_VERSION, article: baseName(entry.article), articleSha256: sha256(text), annotations: entry.items.map((i) => this.currentAnnotation(entry, i)) }, previous);
          const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: mine });
          await vscode.commands.executeCommand('vscode.diff', entry.sidecar, doc.uri, `${name}: on disk ↔ yours (unsaved)`);
          entry.conflict = true;
        }
      });
  }

  private async reload(entry: Entry, sidecarRead?: ReadResult, keepNewerEdits = true): Promise<void> {
    await this.load(entry.article, entry, sidecarRead, keepNewerEdits);
    this.emitter.fire(entry.article);
  }

  async discardChanges(article: vscode.Uri): Promise<void> {
    const entry = this.entries.get(article.toString());
    if (!entry) return;
    clearTimeout(this.writeTimers.get(article.toString()));
    entry.conflict = false;
    await this.reload(entry, undefined, false); // asked for: the file on disk wins
  }

  private onSidecarChangedOnDisk(uri: vscode.Uri): void {
    const article = uri.with({ path: uri.path.slice(0, -'.annotations.yaml'.length) });
    const entry = this.entries.get(article.toString());
    if (!entry) return;
    void (async () => {
      await this.writing.get(uri.toString());
      let disk = await this.readSidecar(entry);
      // Replacing a file by a rename removes it for a moment (VS Code deletes the target first): a
      // sidecar found missing is looked for again before it counts as deleted.
      if (disk.kind === 'missing') {
        await new Promise((r) => setTimeout(r, 250));
        disk = await this.readSidecar(entry);
      }
      const hash = disk.kind === 'ok' ? sha256(disk.bytes) : undefined;
      if (this.ownWrites.delete(uri.toString()) && hash === entry.diskHash) return;
      if (hash === entry.diskHash && entry.state.kind !== 'error') return;
      if (entry.pending) this.conflictWithDisk(entry);
      else await this.reload(entry, disk);
    })();
  }

  private onArticleChangedOnDisk(uri: vscode.Uri): void {
    const entry = this.entries.get(uri.toString());
    if (!entry) return;
    // An open article follows its file itself (VS Code reloads it, or asks the user when it has
    // unsaved changes), and the store follows the document's change events. Saving it lands here
    // too: nothing to reload then.
    if (entry.document()) return;
    if (entry.pending) return; // our changes are written first, against the text we know
    void this.reload(entry);
  }

  /** Follows edits with the items' offsets (its buffers are reused: typing allocates nothing per annotation). */
  private readonly follower = new EditFollower();

  /** Milliseconds spent following each recent edit (the benchmark reads them). */
  readonly editTimings: number[] = [];
  /** Recent load times per article (for the benchmark): waiting for the reads, and the work after them (of which parsing and anchoring). */
  readonly loadTimings = new Map<string, { readMs: number; workMs: number; parseMs: number; anchorMs: number }>();

  private onDocumentChanged(e: vscode.TextDocumentChangeEvent): void {
    const t0 = performance.now();
    this.followEdit(e);
    this.editTimings.push(performance.now() - t0);
    if (this.editTimings.length > 1000) this.editTimings.shift();
  }

  private followEdit(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const entry = this.entries.get(e.document.uri.toString());
    if (!entry || entry.items.length === 0) return;
    if (e.contentChanges.length === 1 && e.contentChanges[0]!.rangeOffset === 0 && e.contentChanges[0]!.rangeLength > 0) {
      const c = e.contentChanges[0]!;
      const oldLength = e.document.getText().length - c.text.length + c.rangeLength;
      if (c.rangeLength === oldLength) {
        // The whole text was replaced (reloaded from disk after another tool changed it, or
        // select-all and paste): re-anchor by quote rather than orphaning everything.
        this.reanchorInMemory(entry, e.document.getText());
        entry.shifted = true;
        return;
      }
    }
    // Shifted in buffers kept between keystrokes; touched annotations found again or orphaned.
    const { moved, statusChanged } = this.follower.follow(entry.items, e.contentChanges, () => e.document.getText());
    if (moved || statusChanged) entry.shifted = true;
    // Ranges that only moved with the text need no event: VS Code moves the decorations itself
    // (same open-open behaviour) and ranges are computed on demand. A change of status (orphaned,
    // found again) changes what is shown.
    if (statusChanged) {
      entry.sortItems();
      this.emitter.fire(entry.article);
    }
  }

  /** Re-anchors the current annotations (their last known offsets and quotes) against `text`. */
  private reanchorInMemory(entry: Entry, text: string): void {
    const before = entry.items.map((i) => i.annotation);
    const results = anchorAnnotations(text, before);
    const map = new OffsetMap(text);
    results.forEach((r, idx) => {
      const item = entry.items[idx]!;
      item.status = r.status;
      if (r.start !== undefined && r.end !== undefined) {
        item.start16 = map.toUtf16(r.start);
        item.end16 = map.toUtf16(r.end);
      }
    });
    entry.sortItems();
    this.emitter.fire(entry.article);
  }

  private onDocumentSaved(doc: vscode.TextDocument): void {
    const entry = this.entries.get(doc.uri.toString());
    if (!entry) return;
    if (entry.pending || entry.shifted) void this.flush(entry);
  }

  private onDocumentClosed(doc: vscode.TextDocument): void {
    const entry = this.entries.get(doc.uri.toString());
    if (!entry) return;
    // Closed without saving: the file on disk is the truth again (and, with offsets moved by the
    // unsaved edits, the annotations are anchored on it anew).
    const reanchor = (entry.pending || entry.shifted) && !entry.conflict;
    void (async () => {
      const r = await readText(entry.article, this.maxArticleBytes());
      if (r.kind === 'ok') entry.setFile(r.bytes, r.version, r.text);
      else entry.setFile(undefined);
      if (reanchor) await this.reload(entry);
    })();
  }

  /** Runs `work` (a sidecar move after a rename or delete) so that `flushAll` can wait for it. */
  private track(work: () => Promise<void>): void {
    const op = work()
      .catch((err: unknown) => void vscode.window.showErrorMessage(`Article Annotator: could not update annotations after a file operation: ${(err as Error).message}`))
      .finally(() => this.fileOps.delete(op));
    this.fileOps.add(op);
  }

  private onRenamed(e: vscode.FileRenameEvent): void {
    this.track(async () => {
      for (const { oldUri, newUri } of e.files) {
        if (oldUri.path.endsWith('.annotations.yaml')) continue;
        const oldSidecar = sidecarUriOf(oldUri);
        const newSidecar = sidecarUriOf(newUri);
        const entry = this.entries.get(oldUri.toString());
        if (entry) {
          clearTimeout(this.writeTimers.get(oldUri.toString()));
          this.dropEntry(oldUri);
        }
        const sc = await readText(oldSidecar, this.maxSidecarBytes());
        if (sc.kind === 'missing') continue;
        try {
          await vscode.workspace.fs.rename(oldSidecar, newSidecar, { overwrite: false });
        } catch (err) {
          void vscode.window.showWarningMessage(`Article Annotator: could not move ${baseName(oldSidecar)} with its article: ${(err as Error).message}`);
          continue;
        }
        this.diagnostics.delete(oldSidecar);
        this.diagnostics.delete(oldUri);
        // Record the new file name inside the sidecar (only when it parses: never rewrite a broken one).
        if (sc.kind === 'ok') {
          const parsed = parseSidecar(sc.bytes, { maxBytes: this.maxSidecarBytes() });
          if (parsed.ok && parsed.sidecar.article !== baseName(newUri)) {
            this.ownWrites.add(newSidecar.toString());
            await writeTextAtomic(newSidecar, serializeSidecar({ ...parsed.sidecar, article: baseName(newUri) }, parsed));
          }
        }
        const fresh = await this.loadAnew(newUri);
        this.emitter.fire(oldUri);
        this.emitter.fire(fresh.article);
      }
    });
  }

  private onDeleted(e: vscode.FileDeleteEvent): void {
    this.track(async () => {
      for (const uri of e.files) {
        if (uri.path.endsWith('.annotations.yaml')) continue;
        const sidecar = sidecarUriOf(uri);
        const sc = await readText(sidecar, this.maxSidecarBytes());
        this.dropEntry(uri);
        if (sc.kind !== 'missing') {
          void vscode.window.showWarningMessage(`${baseName(uri)} was deleted; its annotations were kept in ${baseName(sidecar)}.`, 'Reveal Sidecar').then((c) => {
            if (c) void vscode.window.showTextDocument(sidecar);
          });
        }
        this.emitter.fire(uri);
      }
    });
  }

  /** All loaded articles (for the tree and export). */
  loaded(): ArticleAnnotations[] {
    return [...this.entries.values()];
  }

  dispose(): void {
    void this.flushAll();
    for (const t of this.writeTimers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
    this.quotesEmitter.dispose();
    void this.context;
    void this.articles;
  }
}

/** UTF-16 offset of a position in `text`. */
function sourceOffset(text: string, pos: vscode.Position): number {
  let line = 0;
  let i = 0;
  while (line < pos.line) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    i = nl + 1;
    line++;
  }
  return Math.min(i + pos.character, text.length);
}
