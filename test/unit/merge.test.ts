import * as assert from 'node:assert/strict';
import type { Annotation } from '../../src/core/model';
import { makeAnnotation, parseSidecar, serializeSidecar, type Sidecar } from '../../src/core/sidecar';
import { sha256 } from '../../src/core/hash';
import { CONFLICT_TAG, mergeSidecars, type MergeConflict } from '../../src/core/team/merge';

const TEXT = 'The minister said the talks would resume in May. Critics called the plan a delay tactic.';
const TEXT2 = 'Breaking: ' + TEXT + ' More to follow.';

function ann(id: string, quote: string, fields: Partial<Annotation> = {}, text = TEXT): Annotation {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { ...makeAnnotation(text, start, start + quote.length, { id, label: 'claim' }), ...fields };
}
function car(annotations: Annotation[], extra: Record<string, unknown> = {}, text = TEXT): Sidecar {
  return { version: 1, article: 'a.txt', articleSha256: sha256(text), annotations, ...extra } as Sidecar;
}

const A = ann('a-aaaaaaaaaa', 'the talks would resume in May');
const B = ann('a-bbbbbbbbbb', 'a delay tactic');
const C = ann('a-cccccccccc', 'Critics', { label: 'actor' });

interface Case {
  name: string;
  base: Sidecar | undefined;
  ours: Sidecar;
  theirs: Sidecar;
  /** Expected annotations: id → selected fields (conflict copies are matched by `copyOf`). */
  expect: { id: string; fields: Partial<Annotation> & Record<string, unknown>; conflict?: boolean }[];
  conflicts: Pick<MergeConflict, 'id' | 'kind' | 'fields'>[];
}

const cases: Case[] = [
  {
    name: 'add/add of different annotations keeps both',
    base: car([]),
    ours: car([A]),
    theirs: car([B]),
    expect: [{ id: A.id, fields: { label: 'claim', quote: A.quote } }, { id: B.id, fields: { quote: B.quote } }],
    conflicts: [],
  },
  {
    name: 'no common ancestor (new file on both branches)',
    base: undefined,
    ours: car([A]),
    theirs: car([A, C]),
    expect: [{ id: A.id, fields: {} }, { id: C.id, fields: { label: 'actor' } }],
    conflicts: [],
  },
  {
    name: 'different fields edited on each side merge',
    base: car([A]),
    ours: car([{ ...A, label: 'evidence' }]),
    theirs: car([{ ...A, comment: 'check the date' }]),
    expect: [{ id: A.id, fields: { label: 'evidence', comment: 'check the date' } }],
    conflicts: [],
  },
  {
    name: 'same field edited differently keeps both, the other tagged',
    base: car([A]),
    ours: car([{ ...A, label: 'evidence' }]),
    theirs: car([{ ...A, label: 'framing', speaker: 'The minister' }]),
    expect: [
      { id: A.id, fields: { label: 'evidence', speaker: 'The minister' }, conflict: true },
      { id: '*', fields: { label: 'framing', speaker: 'The minister', quote: A.quote }, conflict: true },
    ],
    conflicts: [{ id: A.id, kind: 'edit/edit', fields: ['label'] }],
  },
  {
    name: 'same field edited alike on both is no conflict',
    base: car([A]),
    ours: car([{ ...A, tags: ['x'] }]),
    theirs: car([{ ...A, tags: ['x'] }]),
    expect: [{ id: A.id, fields: { tags: ['x'] } }],
    conflicts: [],
  },
  {
    name: 'edit (ours) / delete (theirs) keeps the edit, tagged',
    base: car([A, B]),
    ours: car([{ ...A, comment: 'important' }, B]),
    theirs: car([B]),
    expect: [{ id: A.id, fields: { comment: /theirs deleted this annotation[\s\S]*important/ as unknown as string }, conflict: true }, { id: B.id, fields: {} }],
    conflicts: [{ id: A.id, kind: 'edit/delete', fields: ['comment'] }],
  },
  {
    name: 'delete (ours) / edit (theirs) keeps the edit, tagged',
    base: car([A]),
    ours: car([]),
    theirs: car([{ ...A, label: 'note' }]),
    expect: [{ id: A.id, fields: { label: 'note' }, conflict: true }],
    conflicts: [{ id: A.id, kind: 'delete/edit', fields: ['label'] }],
  },
  {
    name: 'delete on one side, untouched on the other deletes',
    base: car([A, B]),
    ours: car([A, B]),
    theirs: car([B]),
    expect: [{ id: B.id, fields: {} }],
    conflicts: [],
  },
  {
    name: 'reordered annotations and keys are no change',
    base: car([A, B]),
    ours: car([B, A]),
    theirs: car([A, { ...B, label: 'note' }]),
    expect: [{ id: A.id, fields: {} }, { id: B.id, fields: { label: 'note' } }],
    conflicts: [],
  },
  {
    name: 'one side moved the anchor, the other changed the label',
    base: car([A]),
    ours: car([ann(A.id, A.quote, {}, TEXT2)], {}, TEXT2),
    theirs: car([{ ...A, label: 'evidence' }]),
    expect: [{ id: A.id, fields: { label: 'evidence', start: TEXT2.indexOf(A.quote) } }],
    conflicts: [],
  },
  {
    name: 'unknown annotation and top-level keys merge and survive',
    base: car([A], { project: 'p' }),
    ours: car([{ ...A, confidence: 3 } as Annotation], { project: 'p', reviewer: 'kim' }),
    theirs: car([A], { project: 'q' }),
    expect: [{ id: A.id, fields: { confidence: 3 } }],
    conflicts: [],
  },
  {
    name: 'both sides added the same id differently',
    base: car([]),
    ours: car([{ ...A, label: 'actor' }]),
    theirs: car([{ ...A, label: 'note' }]),
    expect: [
      { id: A.id, fields: { label: 'actor' }, conflict: true },
      { id: '*', fields: { label: 'note' }, conflict: true },
    ],
    conflicts: [{ id: A.id, kind: 'add/add', fields: ['label'] }],
  },
];

function check(c: Case, result: ReturnType<typeof mergeSidecars>) {
  const anns = result.sidecar.annotations;
  assert.equal(anns.length, c.expect.length, JSON.stringify(anns, null, 1));
  const used = new Set<string>();
  for (const e of c.expect) {
    const found = e.id === '*' ? anns.find((a) => !c.expect.some((x) => x.id === a.id) && !used.has(a.id)) : anns.find((a) => a.id === e.id);
    assert.ok(found, `annotation ${e.id}`);
    used.add(found.id);
    for (const [k, v] of Object.entries(e.fields)) {
      const got: unknown = (found as unknown as Record<string, unknown>)[k];
      if (v instanceof RegExp) assert.match(String(got), v);
      else assert.deepEqual(got, v, `${found.id}.${k}`);
    }
    assert.equal((found.tags ?? []).includes(CONFLICT_TAG), !!e.conflict, `${found.id} tagged`);
    if (e.conflict) assert.match(found.comment ?? '', /merge conflict: .*(ours|theirs)/);
  }
  assert.deepEqual(result.conflicts.map(({ id, kind, fields }) => ({ id, kind, fields })), c.conflicts);
}

describe('sidecar three-way merge (merge driver core)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = mergeSidecars(c.base, c.ours, c.theirs);
      check(c, result);
      // Always a valid sidecar, and the same bytes on a second run (deterministic).
      const text = serializeSidecar(result.sidecar);
      const reparsed = parseSidecar(text);
      assert.ok(reparsed.ok, text);
      assert.equal(serializeSidecar(mergeSidecars(c.base, c.ours, c.theirs).sidecar), text);
    });
  }

  it('keeps both sides\u2019 unknown top-level keys', () => {
    const r = mergeSidecars(car([], { project: 'p' }), car([], { project: 'p', reviewer: 'kim' }), car([], { project: 'q' }));
    assert.equal((r.sidecar as unknown as Record<string, unknown>).project, 'q');
    assert.equal((r.sidecar as unknown as Record<string, unknown>).reviewer, 'kim');
  });

  it('re-anchors on the merged article when both sides annotated different article versions', () => {
    const OURS_TEXT = 'Update: ' + TEXT;
    const THEIRS_TEXT = TEXT + ' (Reuters)';
    const MERGED = 'Update: ' + TEXT + ' (Reuters)';
    const base = car([A]);
    const ours = car([ann(A.id, A.quote, {}, OURS_TEXT)], {}, OURS_TEXT);
    const theirs = car([ann(A.id, A.quote, {}, THEIRS_TEXT), ann(B.id, B.quote, {}, THEIRS_TEXT)], {}, THEIRS_TEXT);
    const r = mergeSidecars(base, ours, theirs, { articleText: MERGED });
    assert.deepEqual(r.conflicts, []);
    assert.equal(r.sidecar.articleSha256, sha256(MERGED));
    for (const a of r.sidecar.annotations) {
      assert.equal(MERGED.slice(a.start, a.end), a.quote);
      assert.equal(a.start, MERGED.indexOf(a.quote));
    }
    assert.equal(r.sidecar.annotations.length, 2);
    // Without the text the offsets are kept and a note says so.
    const r2 = mergeSidecars(base, ours, theirs);
    assert.equal(r2.sidecar.articleSha256, ours.articleSha256);
    assert.match(r2.notes.join(' '), /different versions of the article/);
  });
});
