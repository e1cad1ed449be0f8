/**
 * A YAML syntax error hides nothing else (issue 17): a sidecar with a broken annotation is read
 * annotation by annotation; every syntax error and every schema problem of the annotations that
 * parse is reported on its line in the whole file, and the valid ones get no problem.
 */
import * as assert from 'node:assert/strict';
import { parseSidecar, type SidecarProblem } from '../../src/core/sidecar';
import { regionsOf } from '../../src/core/sidecar/recover';

const HEAD = 'version: 1\narticle: a.txt\nannotations:\n';
/** An annotation of 5 lines (6 with `extra`). */
const item = (id: string, label = 'note', extra = '') => `  - id: ${id}\n    label: ${label}\n    start: 0\n    end: 3\n    quote: abc\n${extra}`;
/** Three annotations, lines 4–8, 9–13, 14–18 (+1 after the one with `extra`); `label: ""` in `empty`. */
const three = (broken: number, extra: string, empty: number) => HEAD + [0, 1, 2].map((i) => item(`a-${i}`, i === empty ? '""' : 'note', i === broken ? extra : '')).join('');

/** A problem as (line, kind): `syntax` for YAML errors, else the field path. */
const kinds = (problems: SidecarProblem[]) => problems.map((p) => [p.line, /^Not valid YAML/.test(p.message) ? 'syntax' : p.path ?? p.message] as const);

interface Case {
  name: string;
  text: string;
  expect: (readonly [number, string])[];
}

const BROKEN: [string, string, number][] = [
  // what, the extra line, its column of the problem (unused: lines are checked)
  ['an unclosed "', '    comment: "oops, said the coder\n', 14],
  ["an unclosed '", "    comment: 'oops\n", 14],
  ['an unclosed [', '    tags: [x, y\n', 15],
  ['an unclosed {', '    extra: {a: 1\n', 12],
  ['a bad indent', '   speaker: Bob\n', 1],
];

const cases: Case[] = [];
for (const [what, extra] of BROKEN) {
  cases.push(
    { name: `${what} in the first annotation, an empty label in the last`, text: three(0, extra, 2), expect: [[9, 'syntax'], [16, '/annotations/2/label']] },
    { name: `${what} in the middle annotation, an empty label in the last`, text: three(1, extra, 2), expect: [[14, 'syntax'], [16, '/annotations/2/label']] },
    { name: `${what} in the last annotation, an empty label in the first`, text: three(2, extra, 0), expect: [[19, 'syntax'], [5, '/annotations/0/label']] },
  );
}
cases.push(
  {
    name: 'a tab in the middle annotation (each of its errors), an empty label in the last',
    text: three(1, '\tspeaker: Bob\n', 2),
    expect: [[14, 'syntax'], [14, 'syntax'], [14, 'syntax'], [16, '/annotations/2/label']],
  },
  {
    name: 'CRLF: an unclosed " in the first annotation, an empty label in the last',
    text: three(0, '    comment: "oops\n', 2).replace(/\n/g, '\r\n'),
    expect: [[9, 'syntax'], [16, '/annotations/2/label']],
  },
  {
    name: 'CRLF: an unclosed [ in the last annotation, an empty label and a negative start in the first',
    text: three(2, '    tags: [x, y\n', 0).replace('start: 0', 'start: -1').replace(/\n/g, '\r\n'),
    expect: [[19, 'syntax'], [5, '/annotations/0/label'], [6, '/annotations/0/start']],
  },
  {
    name: 'two broken annotations and an empty label between them',
    text: HEAD + item('a-0', 'note', '    tags: [x\n') + item('a-1', '""') + item('a-2', 'note', '    comment: "oops\n'),
    expect: [[9, 'syntax'], [20, 'syntax'], [11, '/annotations/1/label']],
  },
  {
    name: 'an unclosed quote in a top-level key: the annotations are still judged, nothing said of the broken key',
    text: 'version: 1\narticle: "a.txt\nannotations:\n' + item('a-0', '""') + item('a-1'),
    expect: [[2, 'syntax'], [5, '/annotations/0/label']],
  },
  {
    name: 'a duplicate id after a broken annotation',
    text: HEAD + item('a-0') + item('a-1', 'note', '    comment: "oops\n') + item('a-0'),
    expect: [[14, 'syntax'], [15, '/annotations/2/id']],
  },
  {
    name: 'an unindented list (items at column 0), an unclosed [ in the first',
    text: three(0, '    tags: [x, y\n', 2).replace(/^ {2}/gm, ''),
    expect: [[9, 'syntax'], [16, '/annotations/2/label']],
  },
);

describe('sidecars with a YAML syntax error: every problem reported (issue 17)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = parseSidecar(c.text);
      assert.ok(!r.ok);
      // Exactly these: the valid annotations get no problem (none invented for them).
      assert.deepEqual(kinds(r.problems), c.expect, JSON.stringify(r.problems, null, 1));
      for (const p of r.problems.filter((x) => /^Not valid YAML/.test(x.message))) assert.ok(p.column && p.column >= 1, 'syntax errors have a column');
    });
  }

  it('the same problems whether the text is read as text or as the bytes of its file', () => {
    for (const c of cases) {
      const a = parseSidecar(c.text);
      const b = parseSidecar(Buffer.from(c.text));
      assert.deepEqual(b, a, c.name);
    }
  });

  it('a large sidecar (regions read without a whole parse first): an early syntax error, a late schema problem', () => {
    const items: string[] = [];
    for (let i = 0; i < 4000; i++) items.push(item(`a-${i}`, i === 3990 ? '""' : 'note', i === 2 ? '    comment: "oops\n' : `    comment: some padding text for annotation ${i}\n`));
    const text = HEAD + items.join('');
    assert.ok(text.length > 250_000);
    const r = parseSidecar(text);
    assert.ok(!r.ok);
    // Annotation i starts on line 4 + 6i.
    assert.deepEqual(kinds(r.problems), [[4 + 6 * 2 + 5, 'syntax'], [4 + 6 * 3990 + 1, '/annotations/3990/label']]);
  });

  it('a valid file outside the fast subset, with an alias across annotations, still reads (no region is judged alone)', () => {
    const items: string[] = [item('a-0', 'note', '    speaker: &who Bob\n')];
    for (let i = 1; i < 3000; i++) items.push(item(`a-${i}`, 'note', i === 2999 ? '    speaker: *who\n' : `    comment: padding for annotation number ${i}\n`));
    const r = parseSidecar(HEAD + items.join(''));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems.slice(0, 3)));
    assert.equal(r.sidecar.annotations.find((a) => a.id === 'a-2999')?.speaker, 'Bob');
  });

  it('cuts at top-level keys and at the list items at the list indent only', () => {
    const text = '# header\nversion: 1\nannotations:\n  - id: a\n    tags:\n      - x\n  # note\n  - id: b\nextra: 1\n';
    assert.deepEqual(
      regionsOf(text).map((r) => [r.line, r.kind, r.key]),
      [
        [0, 'top', 'version'],
        [2, 'top', 'annotations'],
        [3, 'item', undefined],
        [7, 'item', undefined],
        [8, 'top', 'extra'],
      ],
    );
  });
});
