/**
 * The annotation store's decisions, without VS Code: loads and anchors sidecars, follows edits,
 * writes sidecars back atomically and never over a file it could not read or that changed under
 * it, and carries unsaved annotations through renames, closes, reverts and checkouts.
 *
 * Ordering: every operation on an article (load, reload, write, close, rename, delete, conflict
 * choice, the user's changes) runs in the article's queue (`KeyedSequencer`), one after another.
 * An operation reads what it needs (awaits), then decides and commits in one synchronous step
 * after its last await. Edits of an open document are the one thing followed at once (the change
 * event's offsets refer to the text just before it): they only move offsets, in that same
 * synchronous way, so whatever order VS Code delivers events in, each operation sees a
 * consistent entry.
 */
import { EDITABLE_FIELDS, setFields, type AnchorStatus, type Annotation, type AnnotationPatch } from '../model';
import type { ArticleMeta } from '../meta/articleMeta';
import { anchorAnnotations, Anchorer, EditFollower, type ContentChange } from '../anchor';
import { makeAnnotation, parseSidecar, serializeSidecar, serializeSidecarBytes, SIDECAR_VERSION, type Sidecar, type SidecarParseResult, type SidecarProblem } from '../sidecar';
import { OffsetMap } from '../offsets';
import { newAnnotationId, sha256 } from '../hash';
import { ArticleEntry, LiveItem, type EntryPhase, type ItemFactory, type SidecarBase } from './entry';
import { mergeForStore } from './merge';
import type { ConflictChoice, Position, ReadResult, StoreDocuments, StoreFiles, StoreHost, StoreUris } from './ports';
import { KeyedSequencer } from './sequencer';
import { offsetOf, RecentTexts } from './text';

export interface NewAnnotationInit extends Omit<AnnotationPatch, 'label'> {
  start: Position;
  end: Position;
  label: string;
}

export type AnnotationFields = AnnotationPatch;

export interface StorePorts<U, I extends LiveItem<U>> {
  files: StoreFiles<U>;
  documents: StoreDocuments<U>;
  uris: StoreUris<U>;
  host: StoreHost<U>;
  makeItem: ItemFactory<U, I>;
}

/** How long a sidecar found missing after a change event may be a file being replaced by a rename. */
const REPLACE_GRACE_MS = 250;
/** How long an entry waits for the rename VS Code announced before it goes on under its old name. */
const RENAME_GRACE_MS = 10_000;
/** How often, and how many times, an entry waiting for a rename looks whether its file is still at the old path. */
const RENAME_CHECK_MS = 1000;
const RENAME_CHECKS = 2;
/** Delay of a write after the user's last annotation change. */
const WRITE_DELAY_MS = 150;
/** How many times a write merges and tries again when the sidecar keeps changing under it. */
const WRITE_ATTEMPTS = 5;
const NO_SIDECAR: SidecarBase = { annotations: [], meta: undefined };
/** How long after our write a sidecar written from the file before it counts as landed over ours. */
const OVERWRITE_WINDOW_MS = 3000;
/** The problem shown when the sidecar on disk, read before, can no longer be read at write time. */
const UNREADABLE_NOW = 'The sidecar on disk can no longer be read; it is not overwritten.';

/** The same annotations (by id and content), in any order. */
function sameAnnotations(a: readonly Annotation[], b: readonly Annotation[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((x) => [x.id, x]));
  return a.every((x) => {
    const y = byId.get(x.id);
    return y !== undefined && (x === y || JSON.stringify(Object.entries(x).sort()) === JSON.stringify(Object.entries(y).sort()));
  });
}

/** A failed parse's problems, never none (a parser that failed without saying why still failed). */
function nonEmpty(problems: readonly SidecarProblem[]): [SidecarProblem, ...SidecarProblem[]] {
  return problems.length ? [problems[0]!, ...problems.slice(1)] : [{ message: 'The sidecar could not be read.', line: 1 }];
}

export class AnnotationStoreCore<U, I extends LiveItem<U> = LiveItem<U>> {
  private readonly entries = new Map<string, ArticleEntry<U, I>>();
  private readonly loading = new Map<string, Promise<ArticleEntry<U, I>>>();
  private readonly queue = new KeyedSequencer();
  private readonly writeTimers = new Map<string, () => void>();
  /** Keys entries are being renamed to (how many renames), not yet registered under them. */
  private readonly arriving = new Map<string, number>();
  /** Decoded texts of recently used closed articles (8 million UTF-16 units at most, about 16 MB). */
  private readonly recentTexts = new RecentTexts(8_000_000);
  /** Follows edits with the items' offsets (its buffers are reused: typing allocates nothing per annotation). */
  private readonly follower = new EditFollower();
  /** Milliseconds spent following each recent edit (the benchmark reads them). */
  readonly editTimings: number[] = [];
  /** Recent load times per article (the benchmark reads them). */
  readonly loadTimings = new Map<string, { readMs: number; workMs: number; parseMs: number; anchorMs: number }>();
  private readonly files: StoreFiles<U>;
  private readonly documents: StoreDocuments<U>;
  private readonly uris: StoreUris<U>;
  private readonly host: StoreHost<U>;
  private readonly makeItem: ItemFactory<U, I>;

  constructor(ports: StorePorts<U, I>) {
    ({ files: this.files, documents: this.documents, uris: this.uris, host: this.host, makeItem: this.makeItem } = ports);
  }

  // ---- reading -------------------------------------------------------------------------------

  peek(article: U): ArticleEntry<U, I> | undefined {
    return this.entries.get(this.uris.key(article));
  }

  /** All loaded articles. */
  loaded(): ArticleEntry<U, I>[] {
    return [...this.entries.values()];
  }

  /** Loads (once, then kept up to date) the annotations of an article. */
  get(article: U): Promise<ArticleEntry<U, I>> {
    const key = this.uris.key(article);
    const existing = this.entries.get(key);
    if (existing) return Promise.resolve(existing);
    let p = this.loading.get(key);
    if (!p) {
      p = this.queue
        .run(key, async () => {
          const registered = this.entries.get(key);
          if (registered) return registered;
          const entry = new ArticleEntry<U, I>(article, this.uris.sidecarOf(article), this.documents, () => this.host.trusted(), this.recentTexts);
          const { nothingThere } = await this.load(entry);
          // No document and no file: asked for by a listing made before a rename or a delete,
          // or by a view after the article was deleted (its sidecar, if any, stays on disk).
          // Nothing to follow, so the entry is not registered: no stale entry stays under an
          // old name or a deleted one (the next get looks again).
          if (!nothingThere) this.entries.set(key, entry);
          return entry;
        })
        .finally(() => this.loading.delete(key));
      this.loading.set(key, p);
    }
    return p;
  }

  /** The sidecar's problem, when it could not be read or parsed. */
  problemOf(article: U): { message: string; line: number | undefined; count: number } | undefined {
    const s = this.peek(article)?.state;
    return s?.kind === 'error' ? { message: s.message, line: s.line, count: s.problems.length } : undefined;
  }

  /** Everything queued so far, on every article, is over. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private readSidecar(entry: ArticleEntry<U, I>): Promise<ReadResult> {
    return this.files.read(entry.sidecar, this.host.maxSidecarBytes(), { readAtOnce: entry.sidecarReadBefore }).then((r) => {
      entry.sidecarReadBefore = r.kind === 'ok';
      return r;
    });
  }

  /**
   * Reads (in the article's queue) and anchors an article's sidecar: the disk wins. `sidecarRead`:
   * the sidecar as the caller just read it. The article text is taken after the last await, so no
   * edit slips between reading it and anchoring against it.
   */
  private async load(entry: ArticleEntry<U, I>, sidecarRead?: ReadResult): Promise<{ nothingThere: boolean }> {
    const t0 = performance.now();
    const [sc, fileRead] = await Promise.all([
      sidecarRead ?? this.readSidecar(entry),
      // A closed article unchanged since it was last read is not read again.
      entry.document() ? undefined : this.files.read(entry.article, this.host.maxArticleBytes(), { unlessAt: entry.fileVersion }),
    ]);
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
    this.cancelWrite(entry);
    entry.items = [];
    entry.meta = undefined;
    entry.metaChanged = false;
    entry.removed.clear();
    let phase: EntryPhase<U> = { kind: 'clean' };
    entry.base = undefined;
    if (sc.kind === 'missing') {
      entry.diskHash = undefined;
      entry.base = NO_SIDECAR;
      this.host.problems(entry.article, entry.sidecar, []);
    } else if (sc.kind !== 'ok') {
      const message =
        sc.kind === 'tooLarge' ? `Sidecar is ${sc.size} bytes, more than the limit (setting articleAnnotator.maxSidecarSize); it is not read.`
        : sc.kind === 'binary' ? 'Sidecar is not a text file.'
        : `Sidecar could not be read: ${sc.kind === 'error' ? sc.message : 'unknown error'}`;
      phase = { kind: 'broken', problems: [{ message, line: 1 }] };
      entry.diskHash = undefined;
      this.host.problems(entry.article, entry.sidecar, [{ message, line: 1 }]);
    } else {
      entry.diskHash = sha256(sc.bytes);
      const tp = performance.now();
      const parsed = this.parse(sc.bytes);
      parseMs = performance.now() - tp;
      if (!parsed.ok) {
        phase = { kind: 'broken', problems: nonEmpty(parsed.problems) };
        this.host.problems(entry.article, entry.sidecar, parsed.problems);
      } else {
        this.host.problems(entry.article, entry.sidecar, []);
        entry.meta = parsed.sidecar.meta;
        entry.base = { annotations: parsed.sidecar.annotations, meta: parsed.sidecar.meta };
        const ta = performance.now();
        const map = new OffsetMap(text);
        const anchored = anchorAnnotations(text, parsed.sidecar.annotations, undefined, map);
        anchorMs = performance.now() - ta;
        for (const r of anchored) {
          const s16 = r.start !== undefined ? map.toUtf16(r.start) : map.toUtf16(Math.min(r.annotation.start, map.codePointLength));
          const e16 = r.end !== undefined ? map.toUtf16(r.end) : s16;
          entry.items.push(this.makeItem(r.annotation, r.status, s16, e16, entry));
        }
        entry.sortItems();
      }
    }
    this.setPhase(entry, phase);
    const key = this.uris.key(entry.article);
    this.loadTimings.delete(key);
    this.loadTimings.set(key, { readMs: t1 - t0, workMs: performance.now() - t1, parseMs, anchorMs });
    if (this.loadTimings.size > 50) this.loadTimings.delete(this.loadTimings.keys().next().value!);
    return { nothingThere: !doc && fileRead?.kind === 'missing' };
  }

  /** Sets the phase, or the phase to carry over a rename in progress. */
  private setPhase(entry: ArticleEntry<U, I>, next: EntryPhase<U>): void {
    if (entry.phase.kind === 'renaming') entry.phase.was = next;
    else if (entry.phase.kind !== 'gone') entry.phase = next;
  }

  /** The phase, seen through a rename in progress. */
  private phaseOf(entry: ArticleEntry<U, I>): EntryPhase<U> {
    return entry.phase.kind === 'renaming' ? entry.phase.was : entry.phase;
  }

  /** The article has an entry, or one is being renamed to it. */
  private known(article: U): boolean {
    return !!this.peek(article) || this.arriving.has(this.uris.key(article));
  }

  /** Runs `op` in the article's queue on its current entry (none: renamed or deleted meanwhile). */
  private inQueue<T>(article: U, op: (entry: ArticleEntry<U, I> | undefined) => Promise<T> | T): Promise<T> {
    const key = this.uris.key(article);
    return this.queue.run(key, () => op(this.entries.get(key)));
  }

  // ---- the user's changes ----------------------------------------------------------------------

  private assertWritable(entry: ArticleEntry<U, I> | undefined, article: U): ArticleEntry<U, I> {
    if (!entry) throw new Error(`${this.uris.baseName(article)} was renamed or deleted meanwhile.`);
    if (!this.host.trusted()) throw new Error('Annotations cannot be changed in Restricted Mode. Trust the workspace to annotate.');
    const s = entry.state;
    if (s.kind === 'error') {
      throw new Error(`The sidecar ${this.uris.baseName(entry.sidecar)} could not be read (${s.message}). Fix it (see the Problems panel) before annotating; it will not be overwritten.`);
    }
    return entry;
  }

  /** UTF-16 offset of a position in the entry's current text. */
  private offsetIn(text: string, p: Position): number {
    return offsetOf(text, p);
  }

  async add(article: U, init: NewAnnotationInit): Promise<Annotation> {
    await this.get(article);
    return this.inQueue(article, (found) => {
      const entry = this.assertWritable(found, article);
      const text = entry.text();
      const s16 = this.offsetIn(text, init.start);
      const e16 = this.offsetIn(text, init.end);
      if (e16 <= s16) throw new Error('Select some text to annotate.');
      const map = new OffsetMap(text);
      const author = this.host.author().trim();
      const created = this.host.now();
      const annotation = makeAnnotation(
        text,
        map.toCodePoint(s16),
        map.toCodePoint(e16),
        {
          id: newAnnotationId(),
          label: init.label,
          ...setFields(init),
          ...(author ? { author } : {}),
          created,
          modified: created,
        },
        map,
      );
      entry.items.push(this.makeItem(annotation, 'exact', s16, e16, entry));
      entry.sortItems();
      this.userChanged(entry);
      return annotation;
    });
  }

  /** Sets (undefined: removes) the article details of the sidecar's `meta:` block. */
  async setMeta(article: U, meta: ArticleMeta | undefined): Promise<void> {
    await this.get(article);
    return this.inQueue(article, (found) => {
      const entry = this.assertWritable(found, article);
      entry.meta = meta && Object.keys(meta).length ? meta : undefined;
      entry.metaChanged = true;
      this.userChanged(entry);
    });
  }

  private find(entry: ArticleEntry<U, I>, id: string): I {
    const item = entry.items.find((i) => i.annotation.id === id);
    if (!item) throw new Error(`No annotation ${id} in ${this.uris.baseName(entry.article)}.`);
    return item;
  }

  async update(article: U, id: string, patch: AnnotationFields): Promise<Annotation> {
    await this.get(article);
    return this.inQueue(article, (found) => {
      const entry = this.assertWritable(found, article);
      const item = this.find(entry, id);
      const next: Annotation = { ...item.annotation };
      for (const key of EDITABLE_FIELDS) {
        if (!(key in patch)) continue;
        const v = patch[key];
        if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[key];
        else (next as unknown as Record<string, unknown>)[key] = v;
      }
      if (!next.label) throw new Error('An annotation needs a label.');
      next.modified = this.host.now();
      item.annotation = next;
      this.userChanged(entry);
      return next;
    });
  }

  async remove(article: U, id: string): Promise<Annotation | undefined> {
    await this.get(article);
    return this.inQueue(article, (found) => {
      const entry = this.assertWritable(found, article);
      const idx = entry.items.findIndex((i) => i.annotation.id === id);
      if (idx < 0) return undefined;
      const [item] = entry.items.splice(idx, 1);
      entry.removed.set(id, item!.annotation);
      this.userChanged(entry);
      return this.currentAnnotation(entry, item!);
    });
  }

  async restore(article: U, annotation: Annotation): Promise<void> {
    await this.get(article);
    return this.inQueue(article, (found) => {
      const entry = this.assertWritable(found, article);
      if (entry.items.some((i) => i.annotation.id === annotation.id)) return;
      entry.removed.delete(annotation.id);
      this.placeNew(entry, entry.text(), [annotation]);
      entry.sortItems();
      this.userChanged(entry);
    });
  }

  async reattach(article: U, id: string, start: Position, end: Position): Promise<Annotation> {
    await this.get(article);
    return this.inQueue(article, (found) => {
      const entry = this.assertWritable(found, article);
      const item = this.find(entry, id);
      const text = entry.text();
      const s16 = this.offsetIn(text, start);
      const e16 = this.offsetIn(text, end);
      if (e16 <= s16) throw new Error('Select the text to attach the annotation to.');
      const map = new OffsetMap(text);
      const fresh = makeAnnotation(text, map.toCodePoint(s16), map.toCodePoint(e16), { id: item.annotation.id, label: item.annotation.label }, map);
      item.annotation = { ...item.annotation, start: fresh.start, end: fresh.end, quote: fresh.quote, prefix: fresh.prefix ?? '', suffix: fresh.suffix ?? '', modified: this.host.now() };
      item.status = 'exact';
      item.start16 = s16;
      item.end16 = e16;
      entry.sortItems();
      this.userChanged(entry);
      return item.annotation;
    });
  }

  /** Anchors annotations new to the entry (restored, theirs kept beside mine) on `text` and adds them. */
  private placeNew(entry: ArticleEntry<U, I>, text: string, annotations: readonly Annotation[]): void {
    const map = new OffsetMap(text);
    for (const r of anchorAnnotations(text, annotations, undefined, map)) {
      const s16 = r.start !== undefined ? map.toUtf16(r.start) : map.toUtf16(Math.min(r.annotation.start, map.codePointLength));
      const e16 = r.end !== undefined ? map.toUtf16(r.end) : s16;
      entry.items.push(this.makeItem(r.annotation, r.status, s16, e16, entry));
    }
  }

  /** The user changed an annotation: dirty (unless a conflict is waiting), written soon. */
  private userChanged(entry: ArticleEntry<U, I>): void {
    const p = this.phaseOf(entry);
    if (p.kind !== 'conflict') this.setPhase(entry, { kind: 'dirty' });
    this.scheduleWrite(entry);
    this.host.changed(entry.article);
  }

  /** The annotation with offsets, quote and context refreshed for `text` (orphans unchanged). */
  private currentAnnotation(entry: ArticleEntry<U, I>, item: I, text = entry.text(), map = new OffsetMap(text)): Annotation {
    if (item.status === 'orphan') return item.annotation;
    const start = map.toCodePoint(item.start16);
    const end = map.toCodePoint(item.end16);
    const a = item.annotation;
    if (a.start === start && a.end === end && item.status === 'exact' && a.quote === text.slice(item.start16, item.end16)) return a;
    const fresh = makeAnnotation(text, start, end, { id: a.id, label: a.label }, map);
    return { ...a, start, end, quote: fresh.quote, prefix: fresh.prefix ?? '', suffix: fresh.suffix ?? '' };
  }

  // ---- writing ---------------------------------------------------------------------------------

  private scheduleWrite(entry: ArticleEntry<U, I>, delay = WRITE_DELAY_MS): void {
    const key = this.uris.key(entry.article);
    this.writeTimers.get(key)?.();
    this.writeTimers.set(
      key,
      this.host.schedule(() => {
        this.writeTimers.delete(key);
        void this.flush(entry.article).catch((e: Error) => this.host.error(`Article Annotator: could not write ${this.uris.baseName(entry.sidecar)}: ${e.message}`));
      }, delay),
    );
  }

  private cancelWrite(entry: ArticleEntry<U, I>): void {
    const key = this.uris.key(entry.article);
    this.writeTimers.get(key)?.();
    this.writeTimers.delete(key);
  }

  /** Writes an article's pending changes (in its queue), unless its document has unsaved edits. */
  flush(article: U): Promise<boolean> {
    return this.inQueue(article, (entry) => (entry ? this.write(entry) : false));
  }

  /** Writes every pending sidecar that can be written now (tests, deactivation). */
  async flushAll(): Promise<void> {
    for (const cancel of this.writeTimers.values()) cancel();
    this.writeTimers.clear();
    await this.queue.idle();
    for (const entry of [...this.entries.values()]) await this.flush(entry.article);
    await this.queue.idle();
  }

  /**
   * Writes the entry's annotations (in its queue). Offsets must refer to the saved text: an
   * article with unsaved edits is written on save or close. Never over a sidecar that changed
   * since it was read: the user's changes are merged with it first (or the user is asked, when
   * they overlap), and the write itself is a compare-and-swap on the bytes read: a sidecar
   * written by someone else between our read and our write is read, merged and written again.
   */
  private async write(entry: ArticleEntry<U, I>, force = false): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const r = await this.writeOnce(entry, force);
      if (r !== 'changed') return r === 'written';
      if (attempt >= WRITE_ATTEMPTS) {
        this.scheduleWrite(entry, WRITE_DELAY_MS * 4); // it keeps changing: tried again later
        return false;
      }
    }
  }

  private async writeOnce(entry: ArticleEntry<U, I>, force: boolean): Promise<'written' | 'skipped' | 'changed'> {
    const p = entry.phase;
    if (!force && p.kind !== 'dirty' && p.kind !== 'moved') return 'skipped';
    if (entry.readOnly) return 'skipped';
    if (!force && entry.document()?.isDirty) return 'skipped'; // written on save, or on close
    // An open document not marked dirty may still hold text the file does not (a soft revert
    // before a close, say): its text is compared with the file, which the offsets must refer to.
    const [disk, file] = await Promise.all([this.readSidecar(entry), entry.document() ? this.files.read(entry.article, this.host.maxArticleBytes()) : undefined]);
    const diskHash = disk.kind === 'ok' ? sha256(disk.bytes) : undefined;
    if (entry.phase.kind !== p.kind) return 'skipped'; // renamed or deleted while reading
    if (disk.kind !== 'missing' && disk.kind !== 'ok') {
      this.setPhase(entry, { kind: 'broken', problems: [{ message: UNREADABLE_NOW, line: 1 }] });
      this.host.changed(entry.article);
      return 'skipped';
    }
    if (diskHash !== entry.diskHash) {
      // Changed under us: with changes of the user's own, merged (asked when they overlap); else theirs is re-anchored.
      if (!entry.unsaved) {
        await this.reload(entry, disk);
        return 'skipped';
      }
      if (!this.mergeDisk(entry, disk)) {
        if (!force) {
          this.enterConflict(entry);
          return 'skipped';
        }
        // The article is gone: nobody to ask. Mine are written with every one of theirs I do not have.
        if (disk.kind === 'ok') this.addMissing(entry, disk.bytes);
        entry.diskHash = diskHash;
        entry.base = undefined;
      }
      this.host.changed(entry.article);
    }
    const doc = entry.document();
    // (`force`: the article is gone, what it last held is all there is to refer to.)
    if (!force && doc?.isDirty) return 'skipped';
    if (!force && doc && !(file?.kind === 'ok' && file.text === doc.getText())) return 'skipped'; // written on save, or on close
    if (!doc && !entry.hasFileText && !force) return 'skipped'; // closed meanwhile: the close, in the queue, finds them on the file and writes
    const text = entry.text();
    const map = new OffsetMap(text);
    const annotations = entry.items.map((i) => this.currentAnnotation(entry, i, text, map));
    if (annotations.length === 0 && entry.diskHash === undefined && !entry.metaChanged) {
      this.setPhase(entry, { kind: 'clean' });
      return 'skipped';
    }
    // The meta block as the user set it; unchanged, the previous file's block is kept as written.
    const metaChanged = entry.metaChanged;
    const sidecar: Sidecar = { version: SIDECAR_VERSION, article: this.uris.baseName(entry.article), articleSha256: sha256(text), ...(metaChanged ? { meta: entry.meta as Sidecar['meta'] } : {}), annotations };
    // The file on disk is what we read (same hash): parse it again here for its comments and
    // unknown keys, rather than keeping every sidecar's syntax tree in memory.
    const previous = disk.kind === 'ok' ? this.parse(disk.bytes) : undefined;
    const out = serializeSidecarBytes(sidecar, previous);
    const outHash = sha256(out);
    this.settleItems(entry, annotations);
    if (outHash === entry.diskHash) {
      this.setPhase(entry, { kind: 'clean' });
      entry.metaChanged = false;
      entry.removed.clear();
      return 'skipped';
    }
    const writing: EntryPhase<U> = { kind: 'writing', moved: false };
    this.setPhase(entry, writing);
    entry.metaChanged = false;
    let swapped: boolean;
    try {
      swapped = await this.files.writeAtomic(entry.sidecar, out, diskHash ?? null);
    } catch (e) {
      entry.metaChanged ||= metaChanged;
      this.setPhase(entry, { kind: 'dirty' });
      throw e;
    }
    if (!swapped) {
      // Written by someone else since our read: nothing of ours was written; read, merged, tried again.
      entry.metaChanged ||= metaChanged;
      this.setPhase(entry, p.kind === 'dirty' || p.kind === 'conflict' ? p : { kind: 'moved' });
      return 'changed';
    }
    entry.lastWrite = entry.base && { at: performance.now(), base: entry.base, articleSha256: sidecar.articleSha256! };
    entry.diskHash = outHash;
    entry.base = { annotations, meta: entry.meta };
    entry.removed.clear();
    this.setPhase(entry, writing.moved ? { kind: 'moved' } : { kind: 'clean' });
    return 'written';
  }

  /** A sidecar's bytes parsed, within the size the host allows. */
  private parse(bytes: Uint8Array): SidecarParseResult {
    return parseSidecar(bytes, { maxBytes: this.host.maxSidecarBytes() });
  }

  /**
   * The sidecar on disk (`disk`, just read) is not the one last read or written, and the user
   * has unsaved changes: theirs and ours are merged three-way with the last-read sidecar as the
   * base. False when they overlap (the same annotation changed differently on both sides), when
   * theirs cannot be parsed, or when it was deleted with annotations in it: the user is asked.
   */
  private mergeDisk(entry: ArticleEntry<U, I>, disk: ReadResult, base = entry.base, onlyIfOursAdds = false): boolean {
    if (!base || (disk.kind !== 'ok' && disk.kind !== 'missing')) return false;
    let theirs: SidecarBase = NO_SIDECAR;
    if (disk.kind === 'missing') {
      if (base.annotations.length || base.meta) return false;
    } else {
      const parsed = this.parse(disk.bytes);
      if (!parsed.ok) return false;
      theirs = { annotations: parsed.sidecar.annotations, meta: parsed.sidecar.meta };
    }
    const r = mergeForStore({ base, ours: { annotations: entry.items.map((i) => i.annotation), meta: entry.meta }, theirs });
    if (r.kind === 'overlap') return false;
    // (Theirs holds everything the merge keeps: nothing of ours to bring back.)
    if (onlyIfOursAdds && sameAnnotations(r.annotations, theirs.annotations) && JSON.stringify(r.meta ?? null) === JSON.stringify(theirs.meta ?? null)) return false;
    const byId = new Map(entry.items.map((i) => [i.annotation.id, i]));
    const kept: I[] = [];
    const placed: Annotation[] = [];
    for (const a of r.annotations) {
      const item = byId.get(a.id);
      // Our anchor (live offsets in the current text) stays; theirs is found again on the current text.
      if (item && !r.theirsAnchor.has(a.id)) {
        item.annotation = a;
        kept.push(item);
      } else placed.push(a);
    }
    entry.items = kept;
    if (placed.length) this.placeNew(entry, entry.text(), placed);
    entry.sortItems();
    entry.meta = r.meta;
    entry.diskHash = disk.kind === 'ok' ? sha256(disk.bytes) : undefined;
    entry.base = theirs;
    return true;
  }

  /**
   * A sidecar written by someone else right after our write, from the file as it was before it
   * (two windows writing within a few milliseconds: VS Code's file API has no exclusive create or
   * compare-and-swap rename, so the check before our rename cannot close that gap): merged with
   * the file our write replaced as the base, so that what we wrote is not lost; written again.
   */
  private landedOverOurs(entry: ArticleEntry<U, I>, disk: ReadResult): boolean {
    const w = entry.lastWrite;
    if (!w || performance.now() - w.at > OVERWRITE_WINDOW_MS || disk.kind !== 'ok') return false;
    const p = this.phaseOf(entry).kind;
    if (p !== 'clean' && p !== 'moved') return false;
    // Another window annotates the same text: its sidecar names the text ours did (a checkout's names its branch's).
    const parsed = this.parse(disk.bytes);
    if (!parsed.ok || parsed.sidecar.articleSha256 !== w.articleSha256) return false;
    if (!this.mergeDisk(entry, disk, w.base, true)) return false;
    entry.lastWrite = undefined;
    this.setPhase(entry, { kind: 'dirty' });
    return true;
  }

  /** Items now carry the written annotations (fresh quote and context) and refer to the saved text. */
  private settleItems(entry: ArticleEntry<U, I>, annotations: Annotation[]): void {
    let quotes = false;
    entry.items.forEach((item, i) => {
      const next = annotations[i]!;
      if (item.annotation.quote !== next.quote) quotes = true;
      item.annotation = next;
      if (item.status !== 'orphan') item.status = 'exact';
    });
    // A write that only stored offsets moved by typing changes nothing the editors show: no change
    // event (it would redraw every annotation); quotes changed by typing are announced.
    if (quotes) this.host.quotesChanged(entry.article);
  }

  private async reload(entry: ArticleEntry<U, I>, sidecarRead?: ReadResult): Promise<void> {
    await this.load(entry, sidecarRead);
    this.host.changed(entry.article);
  }

  // ---- conflicts -------------------------------------------------------------------------------

  private enterConflict(entry: ArticleEntry<U, I>): void {
    const p = this.phaseOf(entry);
    if (p.kind === 'conflict' && p.asking) return;
    this.setPhase(entry, { kind: 'conflict', asking: true });
    // Answered for this entry, under whatever name it has by then.
    void this.host.askConflict(this.uris.baseName(entry.sidecar)).then((choice) => this.answer(entry, choice));
  }

  /** The user's answer to a conflict about an article (in its queue). */
  resolveConflict(article: U, choice: ConflictChoice): Promise<void> {
    const entry = this.peek(article);
    return entry ? this.answer(entry, choice) : Promise.resolve();
  }

  private answer(target: ArticleEntry<U, I>, choice: ConflictChoice): Promise<void> {
    return this.inQueue(target.article, async (entry) => {
      if (entry !== target || this.phaseOf(entry).kind !== 'conflict') return;
      if (choice === 'reload') {
        await this.reload(entry);
      } else if (choice === 'keep') {
        await this.keepMine(entry);
      } else if (choice === 'compare') {
        const disk = await this.readSidecar(entry);
        const previous = disk.kind === 'ok' ? this.parse(disk.bytes) : undefined;
        const text = entry.text();
        const mine = serializeSidecar(
          { version: SIDECAR_VERSION, article: this.uris.baseName(entry.article), articleSha256: sha256(text), annotations: entry.items.map((i) => this.currentAnnotation(entry, i, text)) },
          previous,
        );
        await this.host.compare(entry.sidecar, mine);
        this.setPhase(entry, { kind: 'conflict', asking: false });
        this.enterConflict(entry); // asked again beside the comparison
      } else {
        this.setPhase(entry, { kind: 'conflict', asking: false }); // dismissed: asked again at the next write
      }
    });
  }

  /**
   * "Keep mine": my annotations, plus every annotation of theirs I do not have (by id) anchored
   * on the current text; theirs are dropped only where I removed that very annotation.
   */
  private async keepMine(entry: ArticleEntry<U, I>): Promise<void> {
    const disk = await this.readSidecar(entry);
    if (disk.kind !== 'ok' && disk.kind !== 'missing') {
      this.setPhase(entry, { kind: 'broken', problems: [{ message: UNREADABLE_NOW, line: 1 }] });
      this.host.changed(entry.article);
      return;
    }
    const theirs: SidecarParseResult | undefined = disk.kind === 'ok' ? this.parse(disk.bytes) : undefined;
    if (theirs && !theirs.ok) {
      // Theirs is broken: it is not overwritten; mine stay in memory.
      this.setPhase(entry, { kind: 'broken', problems: nonEmpty(theirs.problems) });
      this.host.problems(entry.article, entry.sidecar, theirs.problems);
      this.host.changed(entry.article);
      return;
    }
    const mine = new Set(entry.items.map((i) => i.annotation.id));
    const added = (theirs?.sidecar.annotations ?? []).filter((a) => {
      if (mine.has(a.id)) return false;
      const removed = entry.removed.get(a.id);
      return !(removed && JSON.stringify(removed) === JSON.stringify(a));
    });
    if (added.length) {
      this.placeNew(entry, entry.text(), added);
      entry.sortItems();
    }
    entry.diskHash = disk.kind === 'ok' ? sha256(disk.bytes) : undefined;
    entry.base = theirs ? { annotations: theirs.sidecar.annotations, meta: theirs.sidecar.meta } : NO_SIDECAR;
    this.setPhase(entry, { kind: 'dirty' });
    this.host.changed(entry.article);
    await this.write(entry);
  }

  /** Adds the annotations of a sidecar's bytes the entry does not have (none removed by the user as they are there). */
  private addMissing(entry: ArticleEntry<U, I>, bytes: Uint8Array): void {
    const parsed = this.parse(bytes);
    if (!parsed.ok) return;
    const mine = new Set(entry.items.map((i) => i.annotation.id));
    const added = parsed.sidecar.annotations.filter((a) => {
      if (mine.has(a.id)) return false;
      const removed = entry.removed.get(a.id);
      return !(removed && JSON.stringify(removed) === JSON.stringify(a));
    });
    if (!added.length) return;
    this.placeNew(entry, entry.text(), added);
    entry.sortItems();
  }

  /** Drops unsaved annotation changes of an article and reloads its sidecar from disk. */
  discardChanges(article: U): Promise<void> {
    return this.inQueue(article, async (entry) => {
      if (!entry) return;
      this.cancelWrite(entry);
      await this.reload(entry);
    });
  }

  // ---- events from the workspace ---------------------------------------------------------------

  /** The sidecar of `article` was changed, created or deleted on disk (by us or another tool). */
  sidecarChangedOnDisk(article: U): Promise<void> {
    if (!this.known(article)) return Promise.resolve();
    return this.inQueue(article, async (entry) => {
      if (!entry) return;
      let disk = await this.readSidecar(entry);
      // Replacing a file by a rename removes it for a moment: a sidecar found missing is looked for again before it counts as deleted.
      if (disk.kind === 'missing' && entry.diskHash !== undefined) {
        await this.host.delay(REPLACE_GRACE_MS);
        disk = await this.readSidecar(entry);
      }
      const hash = disk.kind === 'ok' ? sha256(disk.bytes) : undefined;
      const p = this.phaseOf(entry);
      if (hash === entry.diskHash && p.kind !== 'broken') return; // our own write, or no change
      if (entry.phase.kind === 'gone') return;
      if (p.kind === 'dirty' && this.mergeDisk(entry, disk)) {
        // Another window or program wrote it: theirs and mine merged, mine written soon.
        this.host.changed(entry.article);
        this.scheduleWrite(entry);
      } else if (p.kind === 'dirty' || p.kind === 'conflict') this.enterConflict(entry);
      else if (this.landedOverOurs(entry, disk)) {
        this.host.changed(entry.article);
        this.scheduleWrite(entry);
      } else await this.reload(entry, disk);
    });
  }

  /** The article's file changed on disk (or was replaced by a rename). */
  articleChangedOnDisk(article: U): Promise<void> {
    if (!this.known(article)) return Promise.resolve();
    return this.inQueue(article, async (entry) => {
      // An open article follows its file itself (VS Code reloads the document and reports the
      // change as an edit); saving it lands here too: nothing to do then.
      if (!entry || entry.document() || entry.phase.kind === 'gone' || entry.phase.kind === 'renaming') return;
      const p = this.phaseOf(entry);
      if (p.kind === 'clean' || p.kind === 'broken') return this.reload(entry); // sidecar read again too (a checkout changes both)
      // Unsaved annotation changes: found again on the new text in memory, written later.
      await this.followFile(entry);
    });
  }

  /** A closed article's file read again (if it changed): its items found again on the new text. */
  private async followFile(entry: ArticleEntry<U, I>): Promise<void> {
    if (entry.document()) return;
    const r = await this.files.read(entry.article, this.host.maxArticleBytes(), { unlessAt: entry.fileVersion });
    if (r.kind !== 'ok' || entry.document()) return;
    const before = entry.text();
    entry.setFile(r.bytes, r.version, r.text);
    if (this.reanchor(entry, before, r.text)) this.host.changed(entry.article);
  }

  /**
   * Finds every item again on `text` (near its place, then by quote and context, then fuzzy),
   * from offsets into `before`. Returns whether anything changed.
   */
  private reanchor(entry: ArticleEntry<U, I>, before: string, text: string): boolean {
    if (before === text || entry.items.length === 0) return false;
    const anchorer = new Anchorer(text);
    let changed = false;
    for (const item of entry.items) {
      const found = anchorer.relocate(item.annotation, Math.min(item.start16, text.length));
      // Found where it was, on its quote: nothing to show or write differently.
      if (found.status === 'moved' && item.status !== 'orphan' && found.start16 === item.start16 && found.end16 === item.end16) continue;
      changed = true;
      item.status = found.status;
      item.start16 = found.start16;
      item.end16 = found.end16;
    }
    if (changed) {
      entry.sortItems();
      const p = this.phaseOf(entry);
      if (p.kind === 'clean') this.setPhase(entry, { kind: 'moved' });
    }
    return changed;
  }

  /** An edit of an open document (followed at once, in order: its offsets refer to the text just before). */
  documentChanged(article: U, changes: readonly ContentChange[], newText: () => string): void {
    const t0 = performance.now();
    this.followEdit(article, changes, newText);
    this.editTimings.push(performance.now() - t0);
    if (this.editTimings.length > 1000) this.editTimings.shift();
  }

  private followEdit(article: U, changes: readonly ContentChange[], newText: () => string): void {
    if (changes.length === 0) return;
    const entry = this.entries.get(this.uris.key(article));
    if (!entry || entry.items.length === 0) return;
    const { moved, statusChanged } = this.follower.follow(entry.items, changes, newText);
    if (moved || statusChanged) this.textMoved(entry);
    // Unsaved annotation changes are written once the text is the file's again (a save, a revert):
    // the write looks (a timer reset per edit, no work while the document stays dirty).
    if (entry.phase.kind === 'dirty') this.scheduleWrite(entry);
    // Ranges that only moved with the text need no event: VS Code moves the decorations itself
    // and ranges are computed on demand. A change of status changes what is shown.
    if (statusChanged) {
      entry.sortItems();
      this.host.changed(entry.article);
    }
  }

  private textMoved(entry: ArticleEntry<U, I>): void {
    const p = entry.phase.kind === 'renaming' ? entry.phase.was : entry.phase;
    if (p.kind === 'clean') this.setPhase(entry, { kind: 'moved' });
    else if (p.kind === 'writing') p.moved = true;
  }

  /**
   * An article's document opened: from now on it is the text. Should it differ from the text the
   * items refer to (the file changed before its event came), they are found again on it.
   */
  documentOpened(article: U): void {
    const entry = this.peek(article);
    if (!entry) return;
    if (entry.items.length === 0) return void entry.refreshDocument();
    const before = entry.text();
    const doc = entry.refreshDocument();
    if (doc && this.reanchor(entry, before, doc.getText())) this.host.changed(entry.article);
  }

  /** An article's document was saved: pending changes are written against the saved text. */
  documentSaved(article: U): void {
    const entry = this.peek(article);
    if (!entry) return;
    const p = this.phaseOf(entry);
    if (p.kind === 'dirty' || p.kind === 'moved') void this.flush(article).catch((e: Error) => this.host.error(`Article Annotator: could not write ${this.uris.baseName(entry.sidecar)}: ${e.message}`));
  }

  /**
   * An article's document was closed; `textThen`: its text then (what the items refer to). The
   * file is the truth again: items are found again on the saved text (orphans where their text
   * is not there) and written. Nothing here trusts `isDirty`: the texts are compared.
   */
  documentClosed(article: U, textThen: string | (() => string)): Promise<void> {
    const now = this.peek(article);
    if (!now) return Promise.resolve();
    const lastText = typeof textThen === 'string' ? textThen : textThen();
    now.holdText(lastText); // (a rename in progress compares it with the document under the new name)
    return this.inQueue(article, async (entry) => {
      if (!entry || entry.phase.kind === 'renaming' || entry.phase.kind === 'gone') return;
      const r = await this.files.read(entry.article, this.host.maxArticleBytes());
      if (r.kind === 'missing') return; // renamed or deleted: those events carry the entry
      if (entry.refreshDocument()) return; // opened again meanwhile: the document is the text
      if (r.kind !== 'ok') {
        entry.setFile(undefined);
        return;
      }
      entry.setFile(r.bytes, r.version, r.text);
      if (this.reanchor(entry, lastText, r.text)) this.host.changed(entry.article);
      const p = this.phaseOf(entry);
      if (p.kind === 'dirty' || p.kind === 'moved') await this.write(entry);
    });
  }

  /**
   * VS Code is about to rename `from` (an article, or a folder holding articles): their entries
   * wait for the rename (nothing is written under the old name meanwhile, a close of the old
   * document reloads nothing).
   */
  willRename(from: U, to: U): Promise<void> {
    const moving = this.entriesUnder(from);
    return Promise.all(
      moving.map(([entry, target]) =>
        this.inQueue(entry.article, (e) => {
          if (!e || e.phase.kind === 'renaming' || e.phase.kind === 'gone') return;
          const renaming: EntryPhase<U> & { kind: 'renaming' } = { kind: 'renaming', to: target(to), was: e.phase };
          e.phase = renaming;
          // A rename that fails or does not happen has no "did rename" event: the entry then goes
          // on under its name, as soon as its file is seen still there, at the latest after the grace.
          void this.watchRename(e, renaming);
          this.host.schedule(() => {
            void this.inQueue(e.article, (still) => {
              if (still === e && e.phase === renaming) this.endRenameWait(e, renaming);
            });
          }, RENAME_GRACE_MS);
        }),
      ),
    ).then(() => undefined);
  }

  /**
   * Looks whether the announced rename happened: the article's file still at its old path at
   * each of a few checks a second apart (a rename is done right after its "will rename"
   * participants) means it failed or was not made; the entry then goes on under its name.
   * Gone from the old path: the "did rename" event carries the entry.
   */
  private async watchRename(e: ArticleEntry<U, I>, renaming: EntryPhase<U> & { kind: 'renaming' }): Promise<void> {
    for (let n = 1; ; n++) {
      await this.host.delay(RENAME_CHECK_MS);
      const over = await this.inQueue(e.article, async (still) => {
        if (still !== e || e.phase !== renaming) return true;
        // (A read with no byte allowed: whether the file is there, without reading it.)
        const r = await this.files.read(e.article, 0);
        if (still !== this.entries.get(this.uris.key(e.article)) || e.phase !== renaming) return true;
        if (r.kind === 'missing') return true; // moved: "did rename" follows
        if (n < RENAME_CHECKS) return false;
        this.endRenameWait(e, renaming);
        return true;
      });
      if (over) return;
    }
  }

  /** The announced rename did not happen: the entry goes on under its name (pending changes written). */
  private endRenameWait(e: ArticleEntry<U, I>, renaming: EntryPhase<U> & { kind: 'renaming' }): void {
    e.phase = renaming.was;
    const p = e.phase.kind;
    if (p === 'dirty' || p === 'moved') this.scheduleWrite(e);
  }

  /** Entries of `uri` itself or under it (a folder), each with how to map the new base to its new name. */
  private entriesUnder(uri: U): [ArticleEntry<U, I>, (to: U) => U][] {
    const key = this.uris.key(uri);
    const out: [ArticleEntry<U, I>, (to: U) => U][] = [];
    for (const [k, e] of this.entries) {
      if (k === key) out.push([e, (to) => to]);
      else if (k.startsWith(`${key}/`)) {
        const rest = k.slice(key.length);
        out.push([e, (to) => this.uris.child(to, rest)]);
      }
    }
    return out;
  }

  /**
   * `from` was renamed to `to` (an article, or a folder of them): each entry moves to its new name
   * with its annotations, saved or not; its sidecar file moves with it, naming the new article.
   */
  async renamed(from: U, to: U): Promise<void> {
    const pairs = this.entriesUnder(from).map(([e, target]) => [e.article, target(to)] as const);
    if (pairs.length === 0 && !this.uris.key(from).endsWith('.annotations.yaml')) pairs.push([from, to]);
    for (const [oldUri, newUri] of pairs) await this.renameOne(oldUri, newUri);
  }

  private renameOne(oldUri: U, newUri: U): Promise<void> {
    const oldKey = this.uris.key(oldUri);
    const newKey = this.uris.key(newUri);
    // Until it is registered under the new name, events about the new name wait for it in its queue.
    this.arriving.set(newKey, (this.arriving.get(newKey) ?? 0) + 1);
    return this.queue.runAll([oldKey, newKey], async () => {
      const entry = this.entries.get(oldKey);
      const carried = entry ? this.phaseOf(entry) : undefined;
      const previous = this.entries.get(newKey);
      const oldSidecar = this.uris.sidecarOf(oldUri);
      const newSidecar = this.uris.sidecarOf(newUri);
      if (entry) {
        this.cancelWrite(entry);
        this.entries.delete(oldKey);
        entry.phase = { kind: 'renaming', to: newUri, was: carried! };
        // Under the new name at once: opens and edits of the document under the new name are
        // followed from now on (nothing is written meanwhile: the entry is renaming).
        const before = entry.text();
        entry.article = newUri;
        entry.sidecar = newSidecar;
        if (previous && previous !== entry) previous.release();
        this.entries.set(newKey, entry);
        // The document under the new name (edits made in it before this ran were not followed: compare).
        const doc = entry.refreshDocument();
        if (doc) this.reanchor(entry, before, doc.getText());
      }
      let sc = await this.files.read(oldSidecar, this.host.maxSidecarBytes());
      let moveFailed = false;
      let alreadyMoved = false;
      if (sc.kind === 'missing') {
        // Moved with its folder (or by whoever renamed the article): read where it is now.
        const there = await this.files.read(newSidecar, this.host.maxSidecarBytes());
        if (there.kind !== 'missing') [sc, alreadyMoved] = [there, true];
      }
      if (sc.kind !== 'missing' && !alreadyMoved) {
        try {
          await this.files.rename(oldSidecar, newSidecar);
          this.host.problems(oldUri, oldSidecar, []);
        } catch (err) {
          moveFailed = true;
          this.host.warn(`Article Annotator: could not move ${this.uris.baseName(oldSidecar)} with its article: ${(err as Error).message}`);
        }
      }
      // Record the new file name inside the sidecar (only when it parses: never rewrite a broken one).
      let written: string | undefined;
      /** Written by someone else right after the move (the name is then recorded by our next write). */
      let rewrittenUnder = false;
      if (!moveFailed && sc.kind === 'ok') {
        const parsed = this.parse(sc.bytes);
        if (parsed.ok && parsed.sidecar.article !== this.uris.baseName(newUri)) {
          const out = serializeSidecarBytes({ ...parsed.sidecar, article: this.uris.baseName(newUri) }, parsed);
          if (await this.files.writeAtomic(newSidecar, out, sha256(sc.bytes))) written = sha256(out);
          else rewrittenUnder = true;
        } else if (parsed.ok) written = sha256(sc.bytes);
      }
      if (!entry) {
        if (previous) previous.release();
        // Not loaded under the old name: loaded from the moved sidecar under the new one.
        const fresh = previous ?? new ArticleEntry<U, I>(newUri, newSidecar, this.documents, () => this.host.trusted(), this.recentTexts);
        await this.load(fresh);
        this.entries.set(newKey, fresh);
      } else {
        const oldHash = sc.kind === 'ok' ? sha256(sc.bytes) : undefined;
        const changedUnder = rewrittenUnder || (sc.kind !== 'ok' && sc.kind !== 'missing' ? false : oldHash !== entry.diskHash);
        if (changedUnder && entry.unsaved && !moveFailed) {
          // The sidecar changed on disk while the user had unsaved changes: the question, under the new name.
          entry.phase = carried!;
        } else if (moveFailed || (sc.kind === 'ok' && written === undefined && !rewrittenUnder)) {
          // The old sidecar stayed, or a new one was there already: what is on disk there is read, and mine kept beside it.
          // The old sidecar, changed on disk since it was read, stays where it is: what changed in it is kept in memory too.
          if (moveFailed && sc.kind === 'ok' && sha256(sc.bytes) !== entry.diskHash && !this.mergeDisk(entry, sc)) this.addMissing(entry, sc.bytes);
          const disk = await this.readSidecar(entry);
          entry.phase = carried!.kind === 'broken' ? carried! : { kind: 'dirty' };
          entry.diskHash = disk.kind === 'ok' ? `unknown:${sha256(disk.bytes)}` : undefined; // differs: the next write asks
          entry.base = undefined; // another file than the one last read: no base to merge with
        } else if (changedUnder) {
          // The sidecar changed on disk before the rename and nothing of the user's is unsaved: the disk wins.
          entry.phase = carried!;
          await this.load(entry);
        } else {
          entry.diskHash = written ?? entry.diskHash;
          if (sc.kind === 'missing') [entry.diskHash, entry.base] = [undefined, NO_SIDECAR];
          entry.phase = carried!;
        }
        this.entries.set(newKey, entry);
        // An outside change of the article while the rename waited (its event found the entry renaming).
        await this.followFile(entry);
        const p = entry.phase;
        if (changedUnder && p.kind === 'dirty' && !moveFailed) {
          // Changed on disk before the rename while the user had unsaved changes: merged, or asked.
          if (this.mergeDisk(entry, await this.readSidecar(entry))) this.scheduleWrite(entry);
          else this.enterConflict(entry);
        } else if (p.kind === 'dirty' || p.kind === 'moved' || p.kind === 'conflict') this.scheduleWrite(entry);
      }
      this.host.changed(oldUri);
      this.host.changed(newUri);
    }).finally(() => {
      const n = this.arriving.get(newKey)! - 1;
      if (n) this.arriving.set(newKey, n);
      else this.arriving.delete(newKey);
    });
  }

  /**
   * `uri` was deleted (an article, or a folder): unsaved annotations are written to its sidecar,
   * which is kept, and the entry is dropped.
   */
  async deleted(uri: U): Promise<void> {
    const targets = this.entriesUnder(uri).map(([e]) => e.article);
    if (targets.length === 0) targets.push(uri);
    for (const article of targets) {
      await this.inQueue(article, async (entry) => {
        const sidecar = this.uris.sidecarOf(article);
        if (entry) await this.drop(entry);
        const sc = await this.files.read(sidecar, this.host.maxSidecarBytes());
        if (sc.kind !== 'missing') this.host.warn(`${this.uris.baseName(article)} was deleted; its annotations were kept in ${this.uris.baseName(sidecar)}.`, sidecar);
        this.host.changed(article);
      });
    }
  }

  /**
   * `uri` (an article, or a folder of them) was deleted on disk, outside VS Code (a watcher's
   * event). An article still missing once a file replaced by a rename would be back has its
   * entry dropped; unsaved annotations are written to its sidecar first (never dropped), and the
   * user is told. An article that is back (git replaces files so) keeps its entry.
   */
  deletedOnDisk(uri: U): Promise<void> {
    const targets = this.entriesUnder(uri).map(([e]) => e);
    return Promise.all(
      targets.map((target) =>
        this.inQueue(target.article, async (entry) => {
          if (entry !== target || entry.phase.kind === 'gone' || entry.phase.kind === 'renaming') return;
          await this.host.delay(REPLACE_GRACE_MS);
          const r = await this.files.read(entry.article, this.host.maxArticleBytes(), { unlessAt: entry.fileVersion });
          if (r.kind !== 'missing' || this.entries.get(this.uris.key(entry.article)) !== entry) return; // back (replaced), or renamed meanwhile
          const unsaved = entry.unsaved;
          const written = await this.drop(entry);
          if (unsaved) {
            const name = this.uris.baseName(entry.article);
            const sidecar = this.uris.baseName(entry.sidecar);
            this.host.warn(
              written ? `${name} was deleted on disk; your unsaved annotations were written to ${sidecar}.` : `${name} was deleted on disk; your unsaved annotations could not be written to ${sidecar}.`,
              entry.sidecar,
            );
          }
          this.host.changed(entry.article);
        }),
      ),
    ).then(() => undefined);
  }

  /** Drops an entry (its article is gone); unsaved annotations (and moved offsets) are written first. Whether that write happened. */
  private async drop(entry: ArticleEntry<U, I>): Promise<boolean> {
    this.cancelWrite(entry);
    let written = false;
    if (entry.unsaved || this.phaseOf(entry).kind === 'moved') written = await this.write(entry, true).catch(() => false);
    this.entries.delete(this.uris.key(entry.article));
    entry.phase = { kind: 'gone' };
    entry.release();
    return written;
  }

  dispose(): void {
    for (const cancel of this.writeTimers.values()) cancel();
    this.writeTimers.clear();
  }
}

export type { AnchorStatus };
