/**
 * An in-memory workspace for the core store (in the style of vscode-markdown-languageservice's
 * `inMemoryWorkspace.ts`): files, open documents and file watchers, with every file operation
 * and event delivered when the test says, in the order it picks. Nothing here waits on a clock:
 * "later" is a task in `pending`, run by `step` (chosen by a seeded random number) or `settle`.
 */
import { AnnotationStoreCore } from '../../src/core/store/store';
import type { ConflictChoice, OpenDocument, ReadOptions, ReadResult, StoreHost } from '../../src/core/store/ports';
import { sourceOf } from '../../src/core/store/text';
import { sha256 } from '../../src/core/hash';
import { LiveItem } from '../../src/core/store/entry';
import type { ContentChange } from '../../src/core/anchor';

export type Uri = string;

const encoder = new TextEncoder();

export class FakeDocument implements OpenDocument {
  isClosed = false;
  constructor(
    public uri: Uri,
    public text: string,
  ) {}
  getText(): string {
    return this.text;
  }
  positionAt(offset: number) {
    return sourceOf(this.text).positionAt(offset);
  }
  /** As VS Code reports it: the text differs from what the file held when it was last read or saved. */
  saved = '';
  get isDirty(): boolean {
    return this.text !== this.saved;
  }
}

/** One edit of a text (offsets in the text before it). */
export function applyChanges(text: string, changes: readonly ContentChange[]): string {
  let out = text;
  for (const c of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) out = out.slice(0, c.rangeOffset) + c.text + out.slice(c.rangeOffset + c.rangeLength);
  return out;
}

/** How VS Code reports a reload from disk: one edit replacing every line between the first and last change. */
export function asBlock(before: string, after: string): ContentChange[] {
  if (before === after) return [];
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  const lineStart = before.lastIndexOf('\n', p - 1) + 1;
  let endOld = before.indexOf('\n', before.length - s);
  if (endOld < 0) endOld = before.length;
  const tail = before.length - endOld;
  return [{ rangeOffset: lineStart, rangeLength: endOld - lineStart, text: after.slice(lineStart, after.length - tail) }];
}

export const isSidecar = (u: Uri) => u.endsWith('.annotations.yaml');
export const sidecarOf = (u: Uri) => `${u}.annotations.yaml`;
export const articleOf = (s: Uri) => s.slice(0, -'.annotations.yaml'.length);

export class InMemoryWorkspace {
  readonly files = new Map<Uri, { bytes: Uint8Array; mtime: number }>();
  readonly docs = new Map<Uri, FakeDocument>();
  /** Work the workspace owes: file operations in flight, watcher events, document reloads, timers. */
  readonly pending: { name: string; run: () => void }[] = [];
  /** How many conflict questions the store asked. */
  asked = 0;
  /** Conflict questions waiting for an answer. */
  readonly questions: ((c: ConflictChoice) => void)[] = [];
  private clock = 1;
  readonly store: AnnotationStoreCore<Uri>;
  /** Sidecar and article writes the store made. */
  writes = 0;
  /** Everything the store warned or reported as an error. */
  readonly messages: string[] = [];

  constructor(private readonly random: () => number) {
    const host: StoreHost<Uri> = {
      trusted: () => true,
      maxSidecarBytes: () => 10_000_000,
      maxArticleBytes: () => 20_000_000,
      author: () => '',
      now: () => '2026-12-04T00:00:00Z',
      changed: () => undefined,
      quotesChanged: () => undefined,
      problems: () => undefined,
      askConflict: () =>
        new Promise<ConflictChoice>((r) => {
          this.asked++;
          this.questions.push(r);
        }),
      compare: () => Promise.resolve(),
      warn: (m) => void this.messages.push(m),
      error: (m) => void this.messages.push(m),
      schedule: (fn, ms) => {
        let cancelled = false;
        // (`timer long`: a grace of seconds, such as the wait for an announced rename; `timer`: a write delay.)
        this.later(ms >= 5000 ? 'timer long' : 'timer', () => {
          if (!cancelled) fn();
        });
        return () => (cancelled = true);
      },
      delay: () => new Promise<void>((r) => this.later('delay', r)),
    };
    this.store = new AnnotationStoreCore<Uri>({
      files: {
        read: (uri, max, options) => new Promise<ReadResult>((r) => this.later(`read ${uri}`, () => r(this.readNow(uri, max, options)))),
        writeAtomic: (uri, bytes, ifHash) =>
          new Promise<boolean>((r) =>
            this.later(`write ${uri}`, () => {
              // Compare and swap: not over a file that is not the one the store read.
              const f = this.files.get(uri);
              if (ifHash !== undefined && (f ? sha256(f.bytes) : null) !== ifHash) return r(false);
              this.writeFile(uri, bytes);
              this.writes++;
              r(true);
            }),
          ),
        rename: (from, to) =>
          new Promise<void>((resolve, reject) =>
            this.later(`rename ${from}`, () => {
              const f = this.files.get(from);
              if (!f) return reject(new Error(`${from} not found`));
              if (this.files.has(to)) return reject(new Error(`${to} exists`));
              this.files.delete(from);
              this.files.set(to, f);
              this.watch(from);
              this.watch(to);
              resolve();
            }),
          ),
      },
      documents: { find: (uri) => this.docs.get(uri) },
      uris: { key: (u) => u, sidecarOf, baseName: (u) => u.slice(u.lastIndexOf('/') + 1), child: (base, rest) => base + rest },
      host,
      makeItem: (annotation, status, start16, end16, entry) => new LiveItem(annotation, status, start16, end16, entry),
    });
  }

  /** Queues work for later. */
  later(name: string, run: () => void): void {
    this.pending.push({ name, run });
  }

  private readNow(uri: Uri, max: number, options: ReadOptions = {}): ReadResult {
    const f = this.files.get(uri);
    if (!f) return { kind: 'missing' };
    const version = { mtime: f.mtime, size: f.bytes.length };
    if (options.unlessAt && options.unlessAt.mtime === version.mtime && options.unlessAt.size === version.size) return { kind: 'unchanged' };
    if (f.bytes.length > max) return { kind: 'tooLarge', size: f.bytes.length };
    const bytes = f.bytes;
    return { kind: 'ok', text: new TextDecoder().decode(bytes), bytes, version };
  }

  /** Writes a file now (as any program does) and queues its watcher events. */
  writeFile(uri: Uri, content: string | Uint8Array): void {
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    this.files.set(uri, { bytes, mtime: this.clock++ });
    this.watch(uri);
  }

  /** Deletes a file, or a folder and everything under it, as another program does (rm, git), and queues the watcher's event. */
  deleteOnDisk(uri: Uri): void {
    for (const f of [...this.files.keys()]) if (f === uri || f.startsWith(`${uri}/`)) this.files.delete(f);
    this.later(`watch-delete ${uri}`, () => void this.store.deletedOnDisk(uri));
  }

  /** Drops the pending write timers: the store's delayed writes never fire (what happens before them is "within the write delay"). */
  dropTimers(): void {
    for (let i = this.pending.length - 1; i >= 0; i--) if (this.pending[i]!.name === 'timer') this.pending.splice(i, 1);
  }

  text(uri: Uri): string | undefined {
    const f = this.files.get(uri);
    return f ? new TextDecoder().decode(f.bytes) : undefined;
  }

  /** The file watcher's event for `uri`, and an open clean document's reload from disk, both later. */
  private watch(uri: Uri): void {
    if (isSidecar(uri)) {
      this.later(`watch ${uri}`, () => void this.store.sidecarChangedOnDisk(articleOf(uri)));
      return;
    }
    this.later(`watch ${uri}`, () => void this.store.articleChangedOnDisk(uri));
    this.later(`reload ${uri}`, () => {
      const doc = this.docs.get(uri);
      const disk = this.text(uri);
      if (!doc || disk === undefined || doc.isDirty || doc.text === disk) return;
      this.edit(uri, asBlock(doc.text, disk));
      doc.saved = disk;
    });
  }

  // ---- what the user does in the editor (each event delivered at once, as VS Code does) ----

  open(uri: Uri): FakeDocument {
    let doc = this.docs.get(uri);
    if (doc) return doc;
    doc = new FakeDocument(uri, this.text(uri) ?? '');
    doc.saved = doc.text;
    this.docs.set(uri, doc);
    this.store.documentOpened(uri);
    return doc;
  }

  edit(uri: Uri, changes: ContentChange[]): void {
    const doc = this.docs.get(uri);
    if (!doc || changes.length === 0) return;
    doc.text = applyChanges(doc.text, changes);
    this.store.documentChanged(uri, changes, () => doc.text);
  }

  save(uri: Uri): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    this.writeFile(uri, doc.text);
    doc.saved = doc.text;
    this.store.documentSaved(uri);
  }

  /** Closes without saving: unsaved text is gone. */
  close(uri: Uri): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    this.docs.delete(uri);
    doc.isClosed = true;
    void this.store.documentClosed(uri, doc.text);
  }

  /** Revert File: the document takes the file's text again, reported as one edit. */
  revert(uri: Uri): void {
    const doc = this.docs.get(uri);
    const disk = this.text(uri);
    if (!doc || disk === undefined) return;
    const changes = asBlock(doc.text, disk);
    doc.saved = disk;
    this.edit(uri, changes);
  }

  /**
   * Renames an article as the Explorer does: "will rename" (awaited), the move, then the old
   * document closed and the new one opened with the same (unsaved) text, and "did rename", the
   * close and the did-rename in the order `closeFirst` says.
   */
  async rename(from: Uri, to: Uri, closeFirst: boolean): Promise<void> {
    const will = this.store.willRename(from, to);
    await this.settleWhile(will);
    const f = this.files.get(from);
    if (!f || this.files.has(to)) return;
    this.files.delete(from);
    this.files.set(to, f);
    const doc = this.docs.get(from);
    const moveDoc = () => {
      if (!doc) return;
      this.docs.delete(from);
      doc.isClosed = true;
      const fresh = new FakeDocument(to, doc.text);
      fresh.saved = doc.saved;
      this.docs.set(to, fresh);
      void this.store.documentClosed(from, doc.text);
      this.store.documentOpened(to);
    };
    if (closeFirst) moveDoc();
    void this.store.renamed(from, to);
    if (!closeFirst) moveDoc();
  }

  /** Runs one piece of pending work, chosen at random, then lets the promises it resolved run. */
  async step(): Promise<boolean> {
    if (this.pending.length === 0) return false;
    const i = Math.floor(this.random() * this.pending.length);
    const [task] = this.pending.splice(i, 1);
    task!.run();
    await microtasks();
    return true;
  }

  /** Runs pending work until `p` settles. */
  async settleWhile(p: Promise<unknown>): Promise<void> {
    let done = false;
    void p.then(
      () => (done = true),
      () => (done = true),
    );
    await microtasks();
    while (!done) {
      if (!(await this.step())) await macrotask();
    }
  }

  /** Runs everything the workspace owes, answering conflict questions with `answer`, until nothing is left. */
  async settle(answer: ConflictChoice = 'keep'): Promise<void> {
    for (let rounds = 0; rounds < 100_000; rounds++) {
      if (await this.step()) continue;
      const q = this.questions.shift();
      if (q) {
        q(answer);
        await microtasks();
        continue;
      }
      await macrotask();
      if (this.pending.length === 0 && this.questions.length === 0) return;
    }
    throw new Error('the workspace never settled');
  }
}

async function microtasks(): Promise<void> {
  for (let i = 0; i < 30; i++) await Promise.resolve();
}

function macrotask(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
