import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { makeAnnotation, parseSidecar, serializeSidecar, SIDECAR_VERSION } from '../../src/core/sidecar';
import { OffsetMap } from '../../src/core/offsets';
import { sha256 } from '../../src/core/hash';
import { KeyedSequencer } from '../../src/core/store/sequencer';
import { sourceOf } from '../../src/core/store/text';
import { InMemoryWorkspace, sidecarOf, type Uri } from './inMemoryWorkspace';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/wikinews');
const ARTICLES = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, 6)
  .map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8').slice(0, 2500));

/** A small seeded generator (mulberry32): the interleaving of one run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ids = (xs: readonly { annotation: { id: string } }[]) => xs.map((x) => x.annotation.id).sort();

/** Another program adds an annotation to the sidecar on disk (or writes a new sidecar). */
function theirsAdd(ws: InMemoryWorkspace, article: Uri, id: string, at: number): boolean {
  const text = ws.text(article);
  if (text === undefined) return false;
  const raw = ws.text(sidecarOf(article));
  const parsed = raw === undefined ? undefined : parseSidecar(raw);
  if (parsed && !parsed.ok) return false;
  const map = new OffsetMap(text);
  const start = Math.min(Math.floor(at * map.codePointLength), Math.max(0, map.codePointLength - 12));
  if (map.codePointLength < 12) return false;
  const a = makeAnnotation(text, start, start + 10, { id, label: 'theirs' }, map);
  const sidecar = parsed?.ok ? { ...parsed.sidecar, annotations: [...parsed.sidecar.annotations, a] } : { version: SIDECAR_VERSION, article: article.slice(article.lastIndexOf('/') + 1), annotations: [a] };
  ws.writeFile(sidecarOf(article), serializeSidecar(sidecar, parsed));
  return true;
}

/** The current text of an article: its open document's, or its file's. */
function currentText(ws: InMemoryWorkspace, uri: Uri): string {
  return ws.docs.get(uri)?.text ?? ws.text(uri) ?? '';
}

/** Every anchored item covers its quote; orphans only where the quote is really gone. */
function checkAnchors(ws: InMemoryWorkspace, uri: Uri, where: string): void {
  const entry = ws.store.peek(uri);
  if (!entry) return;
  const text = currentText(ws, uri);
  for (const i of entry.items) {
    if (i.status === 'exact' || i.status === 'moved') assert.equal(text.slice(i.start16, i.end16), i.annotation.quote, `${where}: ${i.annotation.id} (${i.status}) covers its quote [${i.start16}, ${i.end16}) of ${text.length} (store text ${entry.text().length}, ${entry.phase.kind})`);
    // "Gone": the quote in its context (as stored) is not in the text any more.
    const inContext = (i.annotation.prefix ?? '') + i.annotation.quote + (i.annotation.suffix ?? '');
    if (i.status === 'orphan') assert.ok(!text.includes(inContext), `${where}: ${i.annotation.id} orphaned although "${inContext}" is in the text`);
  }
}

describe('store core: one queue per article', () => {
  it('runs one key\'s operations in order, other keys beside them, and a rename after both', async () => {
    const q = new KeyedSequencer();
    const log: string[] = [];
    const slow = (name: string, ticks: number) => async () => {
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      log.push(name);
    };
    const runs = [q.run('a', slow('a1', 20)), q.run('b', slow('b1', 1)), q.run('a', slow('a2', 1)), q.runAll(['a', 'b'], slow('ab', 1)), q.run('b', slow('b2', 1)), q.run('a', () => Promise.reject(new Error('x'))), q.run('a', slow('a3', 1))];
    await Promise.allSettled(runs);
    assert.deepEqual(log, ['b1', 'a1', 'a2', 'ab', 'b2', 'a3']);
    await q.idle();
  });
});

describe('store core in an in-memory workspace', () => {
  const A = 'mem:/ws/a.txt';
  const text = 'Barack Obama met Angela Merkel in Berlin on Monday.\nLater, Obama flew to Paris.\nThe end.\n';

  async function setup(seed = 1): Promise<InMemoryWorkspace> {
    const ws = new InMemoryWorkspace(rng(seed));
    ws.writeFile(A, text);
    ws.pending.length = 0;
    return ws;
  }
  const pos = (t: string, q: string) => {
    const o = t.indexOf(q);
    const line = t.slice(0, o).split('\n').length - 1;
    const character = o - (t.lastIndexOf('\n', o - 1) + 1);
    return { line, character };
  };
  async function annotate(ws: InMemoryWorkspace, uri: Uri, quote: string): Promise<string> {
    const t = currentText(ws, uri);
    const s = pos(t, quote);
    const p = ws.store.add(uri, { start: s, end: { line: s.line, character: s.character + quote.length }, label: 'actor' });
    await ws.settleWhile(p);
    return (await p).id;
  }
  const disk = (ws: InMemoryWorkspace, uri: Uri) => {
    const raw = ws.text(sidecarOf(uri));
    if (raw === undefined) return [];
    const p = parseSidecar(raw);
    assert.ok(p.ok);
    return p.sidecar.annotations;
  };

  it('closing without saving anchors unsaved annotations on the saved text and writes them (orphans where the text is gone)', async () => {
    const ws = await setup();
    ws.open(A);
    ws.edit(A, [{ rangeOffset: 0, rangeLength: 0, text: 'Typed, never saved: Vladimir Putin.\n' }]);
    const onTyped = await annotate(ws, A, 'Vladimir Putin');
    const onSaved = await annotate(ws, A, 'Angela Merkel');
    await ws.settle();
    assert.equal(ws.text(sidecarOf(A)), undefined, 'not written while the document has unsaved edits');
    ws.close(A);
    await ws.settle();
    const written = new Map(disk(ws, A).map((a) => [a.id, a]));
    assert.deepEqual([...written.keys()].sort(), [onSaved, onTyped].sort());
    assert.equal(written.get(onSaved)!.start, text.indexOf('Angela Merkel'), 'on the saved text');
    const items = new Map(ws.store.peek(A)!.items.map((i) => [i.annotation.id, i]));
    assert.equal(items.get(onTyped)!.status, 'orphan');
    assert.equal(items.get(onSaved)!.status, 'exact');
    checkAnchors(ws, A, 'after close');
  });

  it('a revert keeps unsaved annotations (orphaned where their text was unsaved) and writes them', async () => {
    const ws = await setup();
    ws.open(A);
    ws.edit(A, [{ rangeOffset: 0, rangeLength: 0, text: 'Typed: Xi Jinping.\n' }]);
    const typed = await annotate(ws, A, 'Xi Jinping');
    const kept = await annotate(ws, A, 'Paris');
    ws.revert(A);
    await ws.settle();
    assert.deepEqual(ids(ws.store.peek(A)!.items), [kept, typed].sort());
    assert.deepEqual(disk(ws, A).map((a) => a.id).sort(), [kept, typed].sort());
    checkAnchors(ws, A, 'after revert');
  });

  for (const closeFirst of [true, false]) {
    it(`a rename carries unsaved annotations to the new name (old document closed ${closeFirst ? 'before' : 'after'} "did rename")`, async () => {
      const ws = await setup();
      const B = 'mem:/ws/b.txt';
      ws.open(A);
      const saved = await annotate(ws, A, 'Barack Obama');
      await ws.settle();
      ws.edit(A, [{ rangeOffset: 0, rangeLength: 0, text: 'Unsaved line.\n' }]);
      const unsaved = await annotate(ws, A, 'Berlin');
      await ws.rename(A, B, closeFirst);
      await ws.settle();
      assert.equal(ws.store.peek(A), undefined, 'no entry under the old name');
      assert.deepEqual(ids(ws.store.peek(B)!.items), [saved, unsaved].sort());
      assert.equal(ws.text(sidecarOf(A)), undefined, 'the old sidecar moved');
      ws.save(B);
      await ws.settle();
      assert.deepEqual(disk(ws, B).map((a) => a.id).sort(), [saved, unsaved].sort());
      assert.equal(parseSidecar(ws.text(sidecarOf(B))!).ok && (parseSidecar(ws.text(sidecarOf(B))!) as { sidecar: { article: string } }).sidecar.article, 'b.txt');
      checkAnchors(ws, B, 'after rename');
    });
  }

  it('a folder rename moves every entry under it, unsaved annotations too, without asking', async () => {
    const ws = new InMemoryWorkspace(rng(3));
    const X = 'mem:/ws/dir/x.txt';
    ws.writeFile(X, text);
    const saved = await annotate(ws, X, 'Angela Merkel');
    await ws.settle();
    ws.open(X);
    ws.edit(X, [{ rangeOffset: 0, rangeLength: 0, text: 'Unsaved. ' }]);
    const unsaved = await annotate(ws, X, 'Paris');
    const will = ws.store.willRename('mem:/ws/dir', 'mem:/ws/moved');
    await ws.settleWhile(will);
    for (const f of [X, sidecarOf(X)]) {
      const data = ws.files.get(f)!;
      ws.files.delete(f);
      ws.files.set(f.replace('/dir/', '/moved/'), data);
    }
    const doc = ws.docs.get(X)!;
    ws.docs.delete(X);
    const moved = 'mem:/ws/moved/x.txt';
    ws.docs.set(moved, Object.assign(doc, { uri: moved }));
    void ws.store.renamed('mem:/ws/dir', 'mem:/ws/moved');
    for (let i = 0; i < 1000 && ws.questions.length === 0; i++) if (!(await ws.step())) break;
    assert.equal(ws.questions.length, 0, 'nothing to ask');
    await ws.settle();
    assert.equal(ws.store.peek(X), undefined);
    assert.deepEqual(ids(ws.store.peek(moved)!.items), [saved, unsaved].sort());
    ws.save(moved);
    await ws.settle();
    assert.deepEqual(disk(ws, moved).map((a) => a.id).sort(), [saved, unsaved].sort());
  });

  for (const order of ['article first', 'sidecar first'] as const) {
    it(`a checkout of article and sidecar (${order}) shows the new sidecar on the new text, without asking`, async () => {
      const ws = await setup();
      ws.open(A);
      const mine = await annotate(ws, A, 'Angela Merkel');
      await ws.settle();
      // The other branch: a headline line more, and a sidecar with another annotation.
      const other = `Headline of the other branch.\n${text.replace('on Monday', 'on Tuesday')}`;
      const map = new OffsetMap(other);
      const s = other.indexOf('Paris');
      const theirs = { version: SIDECAR_VERSION, article: 'a.txt', annotations: [makeAnnotation(other, s, s + 5, { id: 'theirs1', label: 'place' }, map)] };
      const writeArticle = () => ws.writeFile(A, other);
      const writeSidecar = () => ws.writeFile(sidecarOf(A), serializeSidecar(theirs));
      if (order === 'article first') {
        writeArticle();
        writeSidecar();
      } else {
        writeSidecar();
        writeArticle();
      }
      await ws.settle('reload');
      assert.equal(ws.questions.length, 0);
      assert.equal(ws.docs.get(A)!.text, other);
      assert.deepEqual(ids(ws.store.peek(A)!.items), ['theirs1'], `mine (${mine}) was saved and is not on the other branch`);
      const item = ws.store.peek(A)!.items[0]!;
      assert.equal(other.slice(item.start16, item.end16), 'Paris');
      checkAnchors(ws, A, 'after checkout');
    });
  }

  /** A checkout of another branch while an annotation of the user's is unsaved; `theirsToo`: the other branch also has `Berlin`, with another label. */
  async function checkoutWithUnsaved(theirsToo: boolean) {
    const ws = await setup();
    const saved = await annotate(ws, A, 'Barack Obama');
    await ws.settle();
    ws.open(A);
    ws.edit(A, [{ rangeOffset: 0, rangeLength: 0, text: 'x' }]); // unsaved: the new annotation waits for the save
    const unsaved = await annotate(ws, A, 'Berlin');
    ws.edit(A, [{ rangeOffset: 0, rangeLength: 1, text: '' }]); // back to the saved text
    const other = text.replace('Monday', 'Sunday');
    const s = other.indexOf('Paris');
    const onDisk = parseSidecar(ws.text(sidecarOf(A))!);
    assert.ok(onDisk.ok);
    const theirs = { ...onDisk.sidecar, annotations: [...onDisk.sidecar.annotations, makeAnnotation(other, s, s + 5, { id: 'theirs1', label: 'place' })] };
    if (theirsToo) {
      // The same annotation (same id: made in another clone from this one's history) with another label.
      const mine = ws.store.peek(A)!.items.find((i) => i.annotation.id === unsaved)!.annotation;
      theirs.annotations.push({ ...mine, label: 'city' });
    }
    ws.writeFile(sidecarOf(A), serializeSidecar(theirs));
    ws.writeFile(A, other);
    for (let i = 0; i < 1000 && ws.questions.length === 0; i++) if (!(await ws.step())) break;
    const asked = ws.questions.length;
    await ws.settle('keep');
    return { ws, saved, unsaved, asked };
  }

  it('a checkout with unsaved annotation changes that do not overlap theirs merges both sets without asking', async () => {
    const { ws, saved, unsaved, asked } = await checkoutWithUnsaved(false);
    assert.equal(asked, 0, 'nothing to ask');
    assert.deepEqual(ids(ws.store.peek(A)!.items), [saved, unsaved, 'theirs1'].sort());
    assert.deepEqual(disk(ws, A).map((a) => a.id).sort(), [saved, unsaved, 'theirs1'].sort());
    checkAnchors(ws, A, 'after the merge');
  });

  it('a checkout that changed an annotation the user changed too asks, and "keep mine" keeps both sets', async () => {
    const { ws, saved, unsaved, asked } = await checkoutWithUnsaved(true);
    assert.equal(asked, 1, 'asked once');
    assert.deepEqual(ids(ws.store.peek(A)!.items), [saved, unsaved, 'theirs1'].sort());
    assert.deepEqual(disk(ws, A).map((a) => a.id).sort(), [saved, unsaved, 'theirs1'].sort());
    assert.equal(disk(ws, A).find((a) => a.id === unsaved)!.label, 'actor', 'mine kept');
    checkAnchors(ws, A, 'after keep mine');
  });

  describe('a sidecar written by another window or program while the user has unsaved changes', () => {
    type Ann = ReturnType<typeof disk>[number];
    interface Row {
      name: string;
      /** What the user does (not yet written). */
      ours: (ws: InMemoryWorkspace, saved: Record<string, string>) => Promise<void>;
      /** What the other writer does to the sidecar's annotations. */
      theirs: (annotations: Ann[], saved: Record<string, string>) => Ann[];
      /** Asked (the changes overlap)? */
      asks: boolean;
      /** The sidecar in the end ("keep mine" answered): label per quote. */
      expect: Record<string, string>;
      /** Extra checks of the final sidecar. */
      check?: (written: Ann[]) => void;
    }
    const theirsNew = (quote: string, label: string, id: string): Ann => {
      const s = text.indexOf(quote);
      return makeAnnotation(text, s, s + quote.length, { id, label });
    };
    const relabel = (as: Ann[], id: string, label: string) => as.map((a) => (a.id === id ? { ...a, label } : a));
    const rows: Row[] = [
      {
        name: 'both add',
        ours: async (ws) => void (await annotate(ws, A, 'Berlin')),
        theirs: (as) => [...as, theirsNew('Paris', 'place', 'theirs1')],
        asks: false,
        expect: { 'Barack Obama': 'actor', 'Angela Merkel': 'actor', Berlin: 'actor', Paris: 'place' },
      },
      {
        name: 'different fields of one annotation',
        ours: async (ws, saved) => void (await ws.settleWhile(ws.store.update(A, saved['Barack Obama']!, { label: 'person' }))),
        theirs: (as, saved) => as.map((a) => (a.id === saved['Barack Obama'] ? { ...a, comment: 'their comment' } : a)),
        asks: false,
        expect: { 'Barack Obama': 'person', 'Angela Merkel': 'actor' },
        check: (w) => assert.equal(w.find((a) => a.quote === 'Barack Obama')!.comment, 'their comment'),
      },
      {
        name: 'the same field of one annotation, differently',
        ours: async (ws, saved) => void (await ws.settleWhile(ws.store.update(A, saved['Barack Obama']!, { label: 'person' }))),
        theirs: (as, saved) => relabel(as, saved['Barack Obama']!, 'politician'),
        asks: true,
        expect: { 'Barack Obama': 'person', 'Angela Merkel': 'actor' },
      },
      {
        name: 'the same field of one annotation, alike',
        ours: async (ws, saved) => void (await ws.settleWhile(ws.store.update(A, saved['Barack Obama']!, { label: 'person' }))),
        theirs: (as, saved) => relabel(as, saved['Barack Obama']!, 'person'),
        asks: false,
        expect: { 'Barack Obama': 'person', 'Angela Merkel': 'actor' },
      },
      {
        name: 'ours removes one, theirs adds another',
        ours: async (ws, saved) => void (await ws.settleWhile(ws.store.remove(A, saved['Angela Merkel']!))),
        theirs: (as) => [...as, theirsNew('Paris', 'place', 'theirs1')],
        asks: false,
        expect: { 'Barack Obama': 'actor', Paris: 'place' },
      },
      {
        name: 'theirs removes one, ours adds another',
        ours: async (ws) => void (await annotate(ws, A, 'Berlin')),
        theirs: (as, saved) => as.filter((a) => a.id !== saved['Angela Merkel']),
        asks: false,
        expect: { 'Barack Obama': 'actor', Berlin: 'actor' },
      },
      {
        name: 'ours removes one theirs changed',
        ours: async (ws, saved) => void (await ws.settleWhile(ws.store.remove(A, saved['Angela Merkel']!))),
        theirs: (as, saved) => relabel(as, saved['Angela Merkel']!, 'politician'),
        asks: true,
        // "Keep mine" keeps what theirs changed (only an annotation removed as it is on disk stays removed).
        expect: { 'Barack Obama': 'actor', 'Angela Merkel': 'politician' },
      },
      {
        name: 'ours sets the article details, theirs adds',
        ours: async (ws) => void (await ws.settleWhile(ws.store.setMeta(A, { title: 'My title' }))),
        theirs: (as) => [...as, theirsNew('Paris', 'place', 'theirs1')],
        asks: false,
        expect: { 'Barack Obama': 'actor', 'Angela Merkel': 'actor', Paris: 'place' },
      },
    ];
    for (const row of rows) {
      for (const when of ['before our write', 'between our read and our write'] as const) {
        it(`${row.name} (${when}): ${row.asks ? 'asks' : 'merged without asking'}`, async () => {
          for (const seed of [1, 2, 3, 4, 5]) {
            const ws = await setup(seed);
            const saved = { 'Barack Obama': await annotate(ws, A, 'Barack Obama'), 'Angela Merkel': await annotate(ws, A, 'Angela Merkel') };
            await ws.settle();
            assert.equal(disk(ws, A).length, 2);
            await row.ours(ws, saved);
            const outside = () => {
              const raw = parseSidecar(ws.text(sidecarOf(A))!);
              assert.ok(raw.ok);
              ws.writeFile(sidecarOf(A), serializeSidecar({ ...raw.sidecar, annotations: row.theirs(raw.sidecar.annotations, saved) }, raw));
            };
            if (when === 'before our write') outside();
            else {
              // Run until our write is in flight (the sidecar read, its bytes on the way), then write theirs.
              for (let i = 0; i < 1000 && !ws.pending.some((t) => t.name === `write ${sidecarOf(A)}`); i++) {
                const t = ws.pending.findIndex((t) => t.name !== `write ${sidecarOf(A)}`);
                if (t < 0) break;
                ws.pending.splice(t, 1)[0]!.run();
                await new Promise((r) => setImmediate(r));
              }
              assert.ok(ws.pending.some((t) => t.name === `write ${sidecarOf(A)}`), 'our write is in flight');
              outside();
            }
            await ws.settle('keep');
            assert.equal(ws.asked > 0, row.asks, `seed ${seed}: asked ${ws.asked}`);
            const written = disk(ws, A);
            assert.deepEqual(Object.fromEntries(written.map((a) => [a.quote, a.label]).sort()), Object.fromEntries(Object.entries(row.expect).sort()), `seed ${seed}: the sidecar`);
            assert.deepEqual(ids(ws.store.peek(A)!.items), written.map((a) => a.id).sort(), `seed ${seed}: the store holds what was written`);
            row.check?.(written);
            if (row.name.includes('article details')) assert.equal(parseSidecar(ws.text(sidecarOf(A))!).ok && (parseSidecar(ws.text(sidecarOf(A))!) as { sidecar: { meta?: { title?: string } } }).sidecar.meta?.title, 'My title');
            checkAnchors(ws, A, `seed ${seed}`);
          }
        });
      }
    }
  });

  it('deleting an article with unsaved annotations writes them to the sidecar it keeps', async () => {
    const ws = await setup();
    const saved = await annotate(ws, A, 'Barack Obama');
    await ws.settle();
    ws.open(A);
    ws.edit(A, [{ rangeOffset: 0, rangeLength: 0, text: 'Typed. ' }]);
    const unsaved = await annotate(ws, A, 'Paris');
    ws.files.delete(A);
    await ws.settleWhile(ws.store.deleted(A));
    await ws.settle();
    assert.equal(ws.store.peek(A), undefined);
    assert.deepEqual(disk(ws, A).map((a) => a.id).sort(), [saved, unsaved].sort());
    assert.ok(ws.messages.some((m) => /was deleted; its annotations were kept/.test(m)));
  });

  describe('another window\'s write landing right over ours (from the file before it)', () => {
    const rows = [
      { name: 'theirs adds: both kept, ours written again', theirs: 'add' as const, expect: (mine: string, first: string) => [first, mine, 'theirs1'] },
      { name: 'theirs deletes an annotation we did not touch: deleted', theirs: 'delete' as const, expect: (mine: string) => [mine] },
    ];
    for (const row of rows) {
      it(row.name, async () => {
        for (const seed of [1, 2, 3]) {
          const ws = await setup(seed);
          const first = await annotate(ws, A, 'Barack Obama');
          await ws.settle();
          const before = parseSidecar(ws.text(sidecarOf(A))!);
          assert.ok(before.ok);
          const mine = await annotate(ws, A, 'Angela Merkel');
          await ws.settle();
          assert.deepEqual(disk(ws, A).map((a) => a.id).sort(), [first, mine].sort(), 'ours written');
          // The other window read the file before our write and renames its own over ours just after.
          const s = text.indexOf('Paris');
          const annotations = row.theirs === 'add' ? [...before.sidecar.annotations, makeAnnotation(text, s, s + 5, { id: 'theirs1', label: 'place' })] : [];
          ws.writeFile(sidecarOf(A), serializeSidecar({ ...before.sidecar, annotations }, before));
          await ws.settle();
          const want = row.expect(mine, first).sort();
          assert.equal(ws.asked, 0, 'nothing asked');
          assert.deepEqual(disk(ws, A).map((a) => a.id).sort(), want, `seed ${seed}: the sidecar`);
          assert.deepEqual(ids(ws.store.peek(A)!.items), want, `seed ${seed}: the store`);
        }
      });
    }
  });

  describe('an article or folder deleted on disk (another program)', () => {
    const B = 'mem:/ws/dir/b.txt';
    const C = 'mem:/ws/dir/c.txt';
    interface Row {
      name: string;
      /** Deleted on disk. */
      target: Uri;
      /** Articles annotated (and written) before. */
      articles: Uri[];
      /** `unsaved`: one annotation more on the first article, deleted before its write; `open`: with an unsaved edit in its document. */
      unsaved: boolean;
      open?: boolean;
      /** Put back right after the delete (a file replaced by a rename). */
      back?: boolean;
    }
    const rows: Row[] = [
      { name: 'a closed article, nothing unsaved: its entry is dropped, nothing said', target: A, articles: [A], unsaved: false },
      { name: 'a closed article with an unsaved annotation: written to the sidecar, the user told', target: A, articles: [A], unsaved: true },
      { name: 'an open, edited article with an unsaved annotation: written, the user told', target: A, articles: [A], unsaved: true, open: true },
      { name: 'a file replaced by a rename (back within the grace): the entry stays', target: A, articles: [A], unsaved: true, back: true },
      { name: 'a folder: every entry under it dropped, unsaved ones written', target: 'mem:/ws/dir', articles: [B, C], unsaved: true },
    ];
    for (const row of rows) {
      it(row.name, async () => {
        for (const seed of [1, 2, 3]) {
          const ws = new InMemoryWorkspace(rng(seed));
          const saved = new Map<Uri, string>();
          for (const u of row.articles) {
            ws.writeFile(u, text);
            saved.set(u, await annotate(ws, u, 'Barack Obama'));
          }
          await ws.settle();
          const first = row.articles[0]!;
          if (row.open) {
            ws.open(first);
            ws.edit(first, [{ rangeOffset: 0, rangeLength: 0, text: 'Typed. ' }]);
          }
          const extra = row.unsaved ? await annotate(ws, first, 'Angela Merkel') : undefined;
          ws.dropTimers(); // the delete comes within the write delay
          const bytes = ws.files.get(first)!.bytes;
          ws.deleteOnDisk(row.target);
          if (row.back) ws.files.set(first, { bytes, mtime: 999 });
          await ws.settle();
          if (row.back) await ws.settleWhile(ws.store.flush(first)); // (its write timer was dropped)
          for (const u of row.articles) {
            const want = [saved.get(u)!, ...(u === first && extra ? [extra] : [])].sort();
            // A folder deleted on disk takes its sidecars with it: only the unsaved annotations' is written again.
            if (row.target !== u && row.target !== A && u !== first) assert.equal(ws.text(sidecarOf(u)), undefined, `seed ${seed}: ${u}'s sidecar went with its folder`);
            else assert.deepEqual(disk(ws, u).map((a) => a.id).sort(), want, `seed ${seed}: ${u}'s sidecar keeps every annotation`);
            if (row.back) assert.deepEqual(ids(ws.store.peek(u)!.items), want, `seed ${seed}: the entry stays`);
            else assert.equal(ws.store.peek(u), undefined, `seed ${seed}: ${u}'s entry is dropped`);
          }
          const told = ws.messages.filter((m) => /deleted on disk; your unsaved annotations were written/.test(m));
          assert.equal(told.length, row.unsaved && !row.back ? 1 : 0, `seed ${seed}: ${ws.messages.join(' | ')}`);
        }
      });
    }

    it('a deleted article whose sidecar changed on disk in an annotation the user changed too keeps both (nobody to ask)', async () => {
      const ws = await setup();
      const id = await annotate(ws, A, 'Barack Obama');
      await ws.settle();
      await ws.settleWhile(ws.store.update(A, id, { label: 'mine' }));
      ws.dropTimers();
      const raw = parseSidecar(ws.text(sidecarOf(A))!);
      assert.ok(raw.ok);
      const s = text.indexOf('Paris');
      ws.writeFile(sidecarOf(A), serializeSidecar({ ...raw.sidecar, annotations: [{ ...raw.sidecar.annotations[0]!, label: 'theirs' }, makeAnnotation(text, s, s + 5, { id: 'theirs1', label: 'place' })] }, raw));
      ws.pending.length = 0; // the sidecar's event comes after the delete
      ws.deleteOnDisk(A);
      await ws.settle();
      assert.equal(ws.store.peek(A), undefined);
      assert.deepEqual(Object.fromEntries(disk(ws, A).map((a) => [a.id, a.label])), { [id]: 'mine', theirs1: 'place' });
    });
  });

  describe('a rename VS Code announced', () => {
    const B = 'mem:/ws/b.txt';
    const rows = [
      { name: 'that did not happen (the file still at its old name): the wait ends, the unsaved annotation is written under the old name', happens: false, targetExists: false },
      { name: 'that failed (a file at the new name already): the wait ends, the unsaved annotation is written under the old name', happens: false, targetExists: true },
      { name: 'that happened, its "did rename" late: the entry waits for it and is carried to the new name', happens: true, targetExists: false },
    ];
    for (const row of rows) {
      it(row.name, async () => {
        for (const seed of [1, 2, 3]) {
          const ws = await setup(seed);
          const saved = await annotate(ws, A, 'Barack Obama');
          await ws.settle();
          if (row.targetExists) ws.writeFile(B, 'Another article.\n');
          const unsaved = await annotate(ws, A, 'Angela Merkel');
          ws.dropTimers(); // the announcement comes within the write delay
          await ws.settleWhile(ws.store.willRename(A, B));
          assert.equal(ws.store.peek(A)!.phase.kind, 'renaming');
          if (row.happens) {
            ws.files.set(B, ws.files.get(A)!);
            ws.files.delete(A);
          }
          // Only the checks of the old path can end the wait: the 10-second grace never fires.
          for (let i = 0; i < 10_000 && ws.pending.length; i++) {
            const long = ws.pending.findIndex((t) => t.name === 'timer long');
            if (long >= 0) ws.pending.splice(long, 1);
            else await ws.step();
          }
          await ws.settle();
          if (!row.happens) {
            assert.notEqual(ws.store.peek(A)!.phase.kind, 'renaming', `seed ${seed}: the wait ended`);
            assert.deepEqual(disk(ws, A).map((a) => a.id).sort(), [saved, unsaved].sort(), `seed ${seed}: written under the old name`);
          } else {
            assert.equal(ws.store.peek(A)!.phase.kind, 'renaming', `seed ${seed}: still waiting for "did rename"`);
            await ws.settleWhile(ws.store.renamed(A, B));
            await ws.settle();
            assert.equal(ws.store.peek(A), undefined);
            assert.deepEqual(ids(ws.store.peek(B)!.items), [saved, unsaved].sort(), `seed ${seed}: carried`);
            await ws.settleWhile(ws.store.flushAll());
            assert.deepEqual(disk(ws, B).map((a) => a.id).sort(), [saved, unsaved].sort(), `seed ${seed}: written under the new name`);
          }
        }
      });
    }
  });

  it('a broken sidecar is never rewritten and its problem is there to read', async () => {
    const ws = await setup();
    ws.writeFile(sidecarOf(A), 'version: [unclosed');
    ws.pending.length = 0;
    const p = ws.store.get(A);
    await ws.settleWhile(p);
    assert.ok(ws.store.problemOf(A)?.message);
    await assert.rejects(ws.store.add(A, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 }, label: 'x' }), /could not be read/);
    await ws.settle();
    assert.equal(ws.text(sidecarOf(A)), 'version: [unclosed');
  });

  it('a sidecar with several problems: the state holds them all, in order, the first one\'s line on top', async () => {
    const ws = await setup();
    const broken = [
      'version: 1', 'article: a.txt', 'annotations:',
      '  - id: m-1', '    label: note', '    start: 0', '    end: 3', '    quote: abc', '    tags: [x, y',
      '  - id: m-2', '    label: ""', '    start: 4', '    end: 6', '    quote: de', '',
    ].join('\n');
    ws.writeFile(sidecarOf(A), broken);
    ws.pending.length = 0;
    await ws.settleWhile(ws.store.get(A));
    const state = ws.store.peek(A)!.state;
    assert.equal(state.kind, 'error');
    if (state.kind !== 'error') return;
    const parsed = parseSidecar(broken);
    assert.ok(!parsed.ok);
    assert.deepEqual(state.problems, parsed.problems);
    assert.deepEqual(state.problems.map((p) => p.line), [9, 11], 'the syntax error and the schema error after it');
    assert.equal(state.line, 9);
    assert.equal(state.message, parsed.problems.map((p) => p.message).join('; '));
    assert.deepEqual(ws.store.problemOf(A), { message: state.message, line: 9, count: 2 });
    await assert.rejects(ws.store.add(A, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 }, label: 'x' }), /could not be read/);
    await ws.settle();
    assert.equal(ws.text(sidecarOf(A)), broken);
  });

  it('keeps a change made while a reload is still reading the files, and writes it', async () => {
    const ws = await setup();
    const id = await annotate(ws, A, 'Angela Merkel');
    await ws.settle();
    ws.writeFile(A, `New first line.\n${text}`); // its watcher event reloads the entry
    while (ws.pending.length && !ws.pending[0]!.name.startsWith('watch')) await ws.step();
    ws.pending.shift()!.run(); // the reload starts reading
    const removing = ws.store.remove(A, id); // the user deletes meanwhile
    await ws.settleWhile(removing);
    await ws.settle();
    assert.deepEqual(ids(ws.store.peek(A)!.items), [], 'the deletion stays');
    assert.deepEqual(disk(ws, A), [], 'and is written');
  });

  it('a second load of an article yields the one registered entry', async () => {
    const ws = await setup();
    const p1 = ws.store.get(A);
    const p2 = ws.store.get(A);
    await ws.settleWhile(Promise.all([p1, p2]));
    assert.equal(await p1, await p2);
    assert.equal(ws.store.loaded().length, 1);
  });

  it('an article that is not there (a listing made before a rename) leaves no entry behind', async () => {
    const ws = await setup();
    const gone = 'mem:/ws/renamed-away.txt';
    const p = ws.store.get(gone);
    await ws.settleWhile(p);
    assert.equal((await p).items.length, 0);
    assert.equal(ws.store.peek(gone), undefined);
    // One that is there is kept.
    const q = ws.store.get(A);
    await ws.settleWhile(q);
    assert.equal(ws.store.peek(A), await q);
  });

  /**
   * Random interleavings: the user annotates, types, saves, closes, reverts, renames; another
   * program rewrites the article (as git does: lines replaced and words inserted) and adds
   * annotations to the sidecar, at quiet moments or at any moment (another window: between our
   * read of the sidecar and our write, say); file operations, watcher events, document reloads and write
   * timers complete in an order the seed picks. At the end every annotation made (and not
   * removed) by anyone is in the store and in the sidecar, and none is anchored on text that
   * differs from its quote.
   */
  it('never loses an annotation nor anchors one on other text, whatever the interleaving', async function () {
    this.timeout(600_000);
    const runs = Number(process.env.FUZZ_RUNS ?? 2000);
    type Op =
      | { k: 'add'; at: number; len: number }
      | { k: 'type'; at: number; del: number; ins: string }
      | { k: 'save' | 'open' | 'close' | 'revert' | 'remove' | 'flush' }
      | { k: 'outside'; at: number; del: number; ins: string }
      | { k: 'theirs' | 'theirsNow'; at: number }
      | { k: 'rename'; closeFirst: boolean }
      | { k: 'run'; n: number };
    const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ k: fc.constant('add' as const), at: frac, len: fc.integer({ min: 3, max: 30 }) }) },
      { weight: 4, arbitrary: fc.record({ k: fc.constant('type' as const), at: frac, del: fc.integer({ min: 0, max: 12 }), ins: fc.constantFrom('', 'x', ' new words ', '\n', 'Obama ') }) },
      { weight: 2, arbitrary: fc.constantFrom<Op>({ k: 'save' }, { k: 'open' }, { k: 'close' }, { k: 'revert' }, { k: 'remove' }, { k: 'flush' }) },
      { weight: 1, arbitrary: fc.record({ k: fc.constant('outside' as const), at: frac, del: fc.integer({ min: 0, max: 40 }), ins: fc.constantFrom('', 'inserted by git ', 'A new headline.\n\n') }) },
      { weight: 1, arbitrary: fc.record({ k: fc.constant('theirs' as const), at: frac }) },
      { weight: 2, arbitrary: fc.record({ k: fc.constant('theirsNow' as const), at: frac }) },
      { weight: 1, arbitrary: fc.record({ k: fc.constant('rename' as const), closeFirst: fc.boolean() }) },
      { weight: 4, arbitrary: fc.record({ k: fc.constant('run' as const), n: fc.integer({ min: 1, max: 12 }) }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: ARTICLES.length - 1 }), fc.array(op, { minLength: 1, maxLength: 30 }), fc.integer(), async (which, ops, seed) => {
        const ws = new InMemoryWorkspace(rng(seed));
        let name = 0;
        let uri: Uri = `mem:/ws/article-${name}.txt`;
        ws.writeFile(uri, ARTICLES[which]!);
        const expected = new Set<string>();
        let theirs = 0;
        const run = async (n: number) => {
          for (let i = 0; i < n; i++) if (!(await ws.step())) break;
        };
        const loaded = ws.store.get(uri);
        await ws.settleWhile(loaded);
        for (const o of ops) {
          const doc = ws.docs.get(uri);
          const t = currentText(ws, uri);
          switch (o.k) {
            case 'add': {
              // Positions as the user sees them: in the open document, else in the text the store knows.
              const t = doc?.text ?? ws.store.peek(uri)?.text() ?? currentText(ws, uri);
              const s = Math.floor(o.at * t.length);
              const e = Math.min(t.length, s + o.len);
              if (e <= s || /[\uD800-\uDFFF]/.test(t.slice(Math.max(0, s - 1), e + 1))) break;
              const src = doc ?? sourceOf(t);
              const p = ws.store.add(uri, { start: src.positionAt(s), end: src.positionAt(e), label: 'user' });
              await ws.settleWhile(p);
              // A closed article's text may change before the add runs: a selection left empty is refused.
              const made = await p.catch((e: Error) => {
                if (!doc && /Select some text/.test(e.message)) return undefined;
                throw e;
              });
              if (made) expected.add(made.id);
              break;
            }
            case 'type': {
              if (!doc) break;
              const s = Math.floor(o.at * t.length);
              ws.edit(uri, [{ rangeOffset: s, rangeLength: Math.min(o.del, t.length - s), text: o.ins }]);
              break;
            }
            case 'save':
              ws.save(uri);
              break;
            case 'open':
              ws.open(uri);
              break;
            case 'close':
              ws.close(uri);
              break;
            case 'revert':
              ws.revert(uri);
              break;
            case 'remove': {
              const items = ws.store.peek(uri)?.items ?? [];
              const item = items[Math.floor(o === undefined ? 0 : items.length / 2)];
              if (!item) break;
              const p = ws.store.remove(uri, item.annotation.id);
              await ws.settleWhile(p);
              if (await p) expected.delete(item.annotation.id);
              break;
            }
            case 'flush':
              await ws.settleWhile(ws.store.flush(uri));
              break;
            case 'outside': {
              // As git writes: the whole file replaced; an open clean document reloads (reported as one block edit).
              if (doc?.isDirty) break;
              const f = ws.text(uri)!;
              const s = Math.floor(o.at * f.length);
              const firstBreak = f.indexOf('\n');
              const changed = `${o.ins === 'A new headline.\n\n' ? o.ins : ''}${f.slice(0, s)}${o.ins}${f.slice(s + o.del)}`.replace(firstBreak > 0 ? f.slice(0, firstBreak) : '\u0000', 'Changed headline');
              ws.writeFile(uri, changed);
              break;
            }
            case 'theirs': {
              // Another program, at a moment the store is not writing (no file operation of ours in flight).
              await ws.settle();
              const id = `theirs-${theirs++}`;
              if (theirsAdd(ws, uri, id, o.at)) expected.add(id);
              break;
            }
            case 'theirsNow': {
              // Another window or program, at any moment: while our write is in flight, between our read and our write.
              const id = `theirs-${theirs++}`;
              if (theirsAdd(ws, uri, id, o.at)) expected.add(id);
              break;
            }
            case 'rename': {
              const to = `mem:/ws/article-${++name}.txt`;
              await ws.rename(uri, to, o.closeFirst);
              uri = to;
              break;
            }
            case 'run':
              await run(o.n);
              break;
          }
        }
        // Everything delivered (conflicts answered "keep mine"), the document saved and closed.
        await ws.settle('keep');
        checkAnchors(ws, uri, 'settled');
        assert.deepEqual(ids(ws.store.peek(uri)?.items ?? []), [...expected].sort(), 'in the store');
        ws.save(uri);
        ws.close(uri);
        await ws.settle('keep');
        await ws.settleWhile(ws.store.flushAll());
        const entry = ws.store.peek(uri);
        checkAnchors(ws, uri, 'closed');
        assert.deepEqual(ids(entry?.items ?? []), [...expected].sort(), 'in the store after closing');
        assert.equal(ws.store.loaded().length, expected.size || ws.store.peek(uri) ? 1 : 0, 'one entry, under the current name');
        const raw = ws.text(sidecarOf(uri));
        const onDisk = raw === undefined ? undefined : parseSidecar(raw);
        assert.ok(!onDisk || onDisk.ok, 'the sidecar parses');
        const written = onDisk?.ok ? onDisk.sidecar.annotations : [];
        assert.deepEqual(written.map((a) => a.id).sort(), [...expected].sort(), 'in the sidecar');
        const fileText = ws.text(uri)!;
        const map = new OffsetMap(fileText);
        const status = new Map(entry?.items.map((i) => [i.annotation.id, i.status]));
        // Offsets and quotes refer to the text the sidecar names (the store writes only when it has something to write).
        if (onDisk?.ok && onDisk.sidecar.articleSha256 === sha256(fileText)) for (const a of written) {
          if (status.get(a.id) !== 'exact') continue; // a sidecar does not say which are orphans (a later load may find one elsewhere)
          assert.equal(fileText.slice(map.toUtf16(a.start), map.toUtf16(a.end)), a.quote, `written ${a.id} covers its quote`);
        }
      }),
      // A fixed seed (the same interleavings each run); FUZZ_SEED=random, or a failure's seed and FUZZ_PATH to replay it.
      { numRuns: runs, ...(process.env.FUZZ_SEED === 'random' ? {} : { seed: Number(process.env.FUZZ_SEED ?? 20261204) }), ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH, endOnFailure: true } : {}) },
    );
  });
});
