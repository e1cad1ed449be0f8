import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { RowBook, type Row } from '../../src/core/tree/rows';

const row = (id: string, parent?: string): Row => (parent === undefined ? { id } : { id, parent });

/** Every path of a small tree of depth 3 over a few names (so that ids come and go and come back). */
const ALL = ['a', 'b', 'c'].flatMap((x) => [x, ...['a', 'b'].flatMap((y) => [`${x}/${y}`, `${x}/${y}/a`, `${x}/${y}/b`])]);

function parentOf(path: string): string | undefined {
  const i = path.lastIndexOf('/');
  return i < 0 ? undefined : path.slice(0, i);
}

/** A tree as a set of paths, closed under parents. */
function treeOf(paths: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const path of paths) {
    for (let p: string | undefined = path; p !== undefined; p = parentOf(p)) out.add(p);
  }
  return out;
}

function childrenIn(tree: Set<string>, parent: string | undefined): Row[] {
  return [...tree].filter((p) => parentOf(p) === parent).sort().map((p) => row(p, parentOf(p)));
}

describe('tree row bookkeeping', () => {
  it('forgets rows a new listing no longer holds, with everything under them', () => {
    const book = new RowBook<Row>();
    assert.ok(book.commit(undefined, book.begin(), [row('a'), row('b')]));
    assert.ok(book.commit('a', book.begin('a'), [row('a/x', 'a'), row('a/y', 'a')]));
    assert.ok(book.commit('a/x', book.begin('a/x'), [row('a/x/1', 'a/x')]));
    assert.deepEqual(book.ids().sort(), ['a', 'a/x', 'a/x/1', 'a/y', 'b']);
    assert.ok(book.commit(undefined, book.begin(), [row('b'), row('c')]));
    assert.deepEqual(book.ids().sort(), ['b', 'c']);
    assert.equal(book.get('a/x/1'), undefined);
    assert.equal(book.parentOf('a/x'), undefined);
  });

  it('drops a listing that finishes after a newer one of the same parent', () => {
    const book = new RowBook<Row>();
    const old = book.begin();
    const fresh = book.begin();
    assert.ok(book.commit(undefined, fresh, [row('new')]));
    assert.equal(book.commit(undefined, old, [row('gone')]), false);
    assert.deepEqual(book.ids(), ['new']);
  });

  it('keeps listings that finish in the order they started', () => {
    const book = new RowBook<Row>();
    const first = book.begin();
    const second = book.begin();
    assert.ok(book.commit(undefined, first, [row('a')]));
    assert.ok(book.commit(undefined, second, [row('b')]));
    assert.deepEqual(book.ids(), ['b']);
  });

  it('drops a listing of a row forgotten, or listed anew, after it started', () => {
    const book = new RowBook<Row>();
    book.commit(undefined, book.begin(), [row('a')]);
    const late = book.begin('a');
    book.commit(undefined, book.begin(), [row('b')]);
    assert.equal(book.commit('a', late, [row('a/x', 'a')]), false);
    book.commit(undefined, book.begin(), [row('a')]);
    assert.equal(book.commit('a', late, [row('a/x', 'a')]), false, 'started before a came back');
    assert.deepEqual(book.ids(), ['a']);
    assert.ok(book.commit('a', book.begin('a'), [row('a/x', 'a')]));
  });

  it('clears everything and ignores listings started before', () => {
    const book = new RowBook<Row>();
    book.commit(undefined, book.begin(), [row('a')]);
    const late = book.begin();
    book.clear();
    assert.equal(book.size, 0);
    assert.equal(book.commit(undefined, late, [row('a')]), false);
  });

  type Op = { op: 'mutate'; paths: string[] } | { op: 'begin'; pick: number } | { op: 'commit'; pick: number };
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('mutate' as const), paths: fc.subarray(ALL, { maxLength: 8 }) }),
    fc.record({ op: fc.constant('begin' as const), pick: fc.nat() }),
    fc.record({ op: fc.constant('commit' as const), pick: fc.nat() }),
  );

  it('under random interleavings of listings: shows only the latest kept listing, never grows, and late listings change nothing', () => {
    fc.assert(
      fc.property(fc.subarray(ALL), fc.array(opArb, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 30 }), (start, ops, lateOrder) => {
        const book = new RowBook<Row>();
        let truth = treeOf(start);
        const pending: { parent: string | undefined; ticket: number; listed: Row[] }[] = [];
        const lastKept = new Map<string | undefined, number>();
        const commit = (k: number) => {
          const [p] = pending.splice(k, 1);
          const kept = book.commit(p!.parent, p!.ticket, p!.listed);
          if (kept) {
            assert.ok(p!.ticket > (lastKept.get(p!.parent) ?? 0), 'kept tickets rise per parent');
            lastKept.set(p!.parent, p!.ticket);
          }
          return kept;
        };
        const check = () => {
          for (const id of book.ids()) {
            const r = book.get(id)!;
            if (r.parent !== undefined) assert.ok(book.get(r.parent), `row ${id} has its parent`);
            assert.ok(book.childIds(r.parent).includes(id), `row ${id} is in its parent's latest listing`);
          }
        };
        for (const o of ops) {
          if (o.op === 'mutate') truth = treeOf(o.paths);
          else if (o.op === 'begin') {
            const parents = [undefined, ...book.ids().sort()];
            const parent = parents[o.pick % parents.length];
            pending.push({ parent, ticket: book.begin(parent), listed: childrenIn(truth, parent) });
          } else if (pending.length) commit(o.pick % pending.length);
          check();
        }
        // A full listing now, level by level, as the view does after a refresh.
        const queue: (string | undefined)[] = [undefined];
        while (queue.length) {
          const parent = queue.shift();
          const listed = childrenIn(truth, parent);
          assert.ok(book.commit(parent, book.begin(parent), listed));
          queue.push(...listed.map((r) => r.id));
        }
        assert.deepEqual(book.ids().sort(), [...truth].sort());
        // Listings started before it finish late, in any order: none is kept, nothing changes.
        for (const n of lateOrder) if (pending.length) assert.equal(commit(n % pending.length), false);
        while (pending.length) assert.equal(commit(0), false);
        check();
        assert.deepEqual(book.ids().sort(), [...truth].sort());
      }),
      { numRuns: 500 },
    );
  });
});
