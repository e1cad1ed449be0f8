/** Sidecars from colleagues, other tools and merges (issue 17): each hostile case in test/fixtures/hostile. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import fc from 'fast-check';
import { MAX_NESTING, parseSidecar, serializeSidecar, type Sidecar } from '../../src/core/sidecar';
import { fastParse } from '../../src/core/sidecar/fastyaml';
import type { Annotation } from '../../src/core/model';

const root = path.resolve(__dirname, '../..');
const read = (name: string) => fs.readFileSync(path.join(root, 'test/fixtures/sidecars', `${name}.annotations.yaml`), 'utf8');
const hostile = (name: string) => fs.readFileSync(path.join(root, 'test/fixtures/hostile', name), 'utf8');
const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(path.join(root, 'schemas/sidecar.schema.json'), 'utf8')));

describe('hostile sidecars (issue 17)', () => {
  for (const name of ['proto-top.yaml', 'proto-annotation.yaml']) {
    it(`${name}: __proto__, constructor and prototype keys never change a prototype, and the rewrite reads again`, () => {
      const r = parseSidecar(hostile(name));
      assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
      const check = (s: typeof r.sidecar) => {
        assert.equal(Object.getPrototypeOf(s), Object.prototype);
        assert.equal(s.version, 1);
        assert.equal(s.annotations.length, 1);
        const a = s.annotations[0]!;
        assert.equal(Object.getPrototypeOf(a), Object.prototype);
        assert.equal(a.tags, undefined);
        assert.equal(({} as Record<string, unknown>).tags, undefined, 'Object.prototype untouched');
      };
      check(r.sidecar);
      const out = serializeSidecar(r.sidecar, r);
      const again = parseSidecar(out);
      assert.ok(again.ok, `rewrite reads: ${JSON.stringify(!again.ok && again.problems)}\n${out}`);
      check(again.sidecar);
      assert.equal(serializeSidecar(again.sidecar, again), out, 'stable bytes');
    });
  }

  it('refuses ids and labels that are only whitespace, Unicode spaces included, as the schema does', () => {
    const text = hostile('nbsp-id.yaml');
    const r = parseSidecar(text);
    assert.ok(!r.ok);
    const paths = r.problems.map((p) => p.message);
    assert.ok(paths.some((m) => /"id" must not be empty/.test(m)), JSON.stringify(paths));
    assert.ok(paths.some((m) => /"label" must not be empty/.test(m)), JSON.stringify(paths));
    assert.equal(validateSchema(parseYaml(text)), false);
  });

  it('reader and JSON Schema give offsets the same bound (2^53 - 1)', () => {
    const text = hostile('offset-2pow53.yaml');
    assert.equal(parseSidecar(text).ok, false);
    assert.equal(validateSchema(parseYaml(text)), false, 'schema refuses 2^53 too');
    const max = text.replace('9007199254740992', '9007199254740990').replace('9007199254740993', '9007199254740991');
    assert.ok(parseSidecar(max).ok);
    assert.equal(validateSchema(parseYaml(max)), true, JSON.stringify(validateSchema.errors));
  });

  it('reports each duplicate id with the index of its first use and its line (20,000 listed twice, read without the yaml package)', () => {
    const items: string[] = [];
    for (let i = 0; i < 20_000; i++) items.push(`  - id: a${i}\n    label: claim\n    start: 0\n    end: 3\n    quote: abc\n`);
    const text = `version: 1\narticle: a.txt\nannotations:\n${items.join('')}${items.join('')}`;
    assert.ok(fastParse(text), 'in the fast reader’s subset: its problems are located without the yaml package');
    const r = parseSidecar(text);
    assert.ok(!r.ok);
    const dups = r.problems.filter((p) => /duplicate id/.test(p.message));
    assert.equal(dups.length, 20_000);
    assert.match(dups[0]!.message, /duplicate id "a0" \(also used by annotation 1\)/);
    assert.equal(dups[0]!.line, 4 + 5 * 20_000, 'the line of the second "id: a0"');
    assert.match(dups.at(-1)!.message, /duplicate id "a19999" \(also used by annotation 20000\)/);
    assert.equal(dups.at(-1)!.line, 4 + 5 * 39_999);
  });

  it('duplicate-ids.yaml: each duplicate named with its first use, on its line', () => {
    const r = parseSidecar(hostile('duplicate-ids.yaml'));
    assert.ok(!r.ok);
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.path, /duplicate id "(.*?)" \(also used by annotation (\d+)\)/.exec(p.message)?.slice(1)]),
      [[17, '/annotations/2/id', ['a-1', '1']], [22, '/annotations/3/id', ['a-2', '2']]],
    );
  });

  it('every fixture in test/fixtures/hostile is read by a unit test', () => {
    const dir = path.join(root, 'test/fixtures/hostile');
    const tests = fs.readdirSync(path.join(root, 'test/unit')).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(root, 'test/unit', f), 'utf8')).join('\n');
    for (const f of fs.readdirSync(dir)) assert.ok(tests.includes(f), `${f} is named in a test`);
  });

  it('locates problems on the fast path on the lines the yaml package gives', () => {
    // The same schema errors, read fast (plain subset) and by the yaml package (a tag forces it).
    const text = read('schema-errors');
    const viaYaml = parseSidecar(text.replace('version: 1', 'version: !!int 1'));
    const viaFast = parseSidecar(text);
    assert.ok(!viaYaml.ok && !viaFast.ok);
    assert.deepEqual(viaFast.problems, viaYaml.problems);
  });

  it('alias-amplify.yaml: refuses aliases that expand past the size limit, by expanded size (1 MB aliased 99 times too)', () => {
    const small = parseSidecar(hostile('alias-amplify.yaml'), { maxBytes: 50_000 });
    assert.ok(!small.ok);
    assert.match(small.problems[0]!.message, /aliases expand this sidecar to more than 50000 bytes/);
    assert.equal(small.problems[0]!.line, 7, 'the line of the alias that crosses the limit');
    assert.ok(parseSidecar(hostile('alias-amplify.yaml')).ok, 'under the default limit it is harmless');
    const big = 'x'.repeat(1_000_000);
    const r = parseSidecar(`version: 1\narticle: a.txt\nextra: &big "${big}"\ncopies: [${Array(99).fill('*big').join(', ')}]\nannotations: []\n`);
    assert.ok(!r.ok, 'a 1 MB string aliased 99 times is never rewritten as 100 MB');
    assert.match(r.problems[0]!.message, /more than 10000000 bytes/);
    const cycle = parseSidecar('version: 1\narticle: a.txt\nx: &a [1, *a]\nannotations: []\n');
    assert.ok(!cycle.ok);
  });

  it('deep-flow.yaml and deeper: refuses values nested too deep, closed or not, before the parser recurses', () => {
    for (const text of [hostile('deep-flow.yaml'), `version: 1\narticle: a.txt\nannotations: ${'['.repeat(1_000_000)}`, `version: 1\narticle: a.txt\nx: ${'{a: '.repeat(5_000)}`]) {
      const r = parseSidecar(text);
      assert.ok(!r.ok);
      assert.equal(r.problems.length, 1, JSON.stringify(r.problems.slice(0, 3)));
      assert.match(r.problems[0]!.message, new RegExp(`nested more than ${MAX_NESTING} levels`));
    }
    // Nested 850 deep in block style (which the parser reads): refused too, so it is never written.
    let block = 'version: 1\narticle: a.txt\nannotations: []\nx:\n';
    for (let d = 1; d <= 850; d++) block += `${' '.repeat(d)}k:\n`;
    const r = parseSidecar(block);
    assert.ok(!r.ok);
    assert.match(r.problems[0]!.message, /nested more than/);
    // A value nested that deep made in code (none read from a file is) gets a clear error, not a stack overflow.
    let deep: unknown = 1;
    for (let d = 0; d < 850; d++) deep = { k: deep };
    const made = { id: 'a', label: 'note', start: 0, end: 1, quote: 'x', deep } as unknown as Annotation;
    assert.throws(() => serializeSidecar({ version: 1, article: 'a.txt', annotations: [made] }), /"deep" is nested more than/);
    let ok: unknown = 1;
    for (let d = 0; d < 10; d++) ok = { k: ok };
    const fine10 = serializeSidecar({ version: 1, article: 'a.txt', annotations: [{ ...made, deep: ok } as unknown as Annotation] });
    assert.ok(parseSidecar(fine10).ok, fine10);
    // Brackets inside quoted text and plain words are not nesting.
    const fine = parseSidecar(`version: 1\narticle: a.txt\nannotations:\n  - id: a\n    label: note\n    start: 0\n    end: 1\n    quote: "${'['.repeat(200)}"\n    comment: x${'['.repeat(200)}\n    tags: [${'"[[[["'}]\n`);
    assert.ok(fine.ok, JSON.stringify(!fine.ok && fine.problems));
  });

  it('nan-comment.yaml: a .nan inside an unknown value keeps the hand comments in that value on rewrite', () => {
    const r = parseSidecar(hostile('nan-comment.yaml'));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    const changed = { ...r.sidecar, annotations: r.sidecar.annotations.map((a) => ({ ...a, label: 'claim' })) };
    const out = serializeSidecar(changed, r);
    assert.match(out, /# kept by hand: the score is not known yet/);
    assert.match(out, /# and the weight is one/);
    assert.match(out, /label: claim/);
  });

  it('syntax-and-schema.yaml: a YAML syntax error does not hide the schema errors before it', () => {
    const r = parseSidecar(hostile('syntax-and-schema.yaml'));
    assert.ok(!r.ok);
    assert.match(r.problems[0]!.message, /Not valid YAML/);
    const start = r.problems.find((p) => p.path === '/annotations/0/start');
    assert.ok(start, JSON.stringify(r.problems));
    assert.equal(start.line, 6);
    assert.ok(!r.problems.some((p) => p.path?.startsWith('/annotations/1')), 'nothing guessed from the broken annotation');
  });

  it('comment-in-list.yaml and a 9.8 MB sidecar with one hand comment: read by the fast reader, comments kept on rewrite', () => {
    const text = hostile('comment-in-list.yaml');
    const fast = fastParse(text);
    assert.ok(fast && fast.comments, 'the fast reader reads files with hand comments');
    const r = parseSidecar(text);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.equal(r.sidecar.annotations[1]!.label, 'claim');
    const out = serializeSidecar({ ...r.sidecar, annotations: [...r.sidecar.annotations].reverse() }, r);
    assert.match(out, /# the next one was checked by hand\n {2}- id: a-2/);
    assert.match(out, /label: claim # was: note/);
    const items: string[] = [];
    let size = 0;
    for (let i = 0; size < 9_700_000; i++) {
      const item = `  - id: a${i}\n    label: claim\n    start: ${i}\n    end: ${i + 3}\n    quote: abc def ghi jkl mno\n    comment: some comment text here for padding ${i}\n`;
      items.push(item);
      size += item.length;
    }
    items.splice(5, 0, '  # one hand comment\n');
    const huge = `version: 1\narticle: a.txt\nannotations:\n${items.join('')}`;
    assert.ok(fastParse(huge)?.comments, 'read by the fast reader');
    const h = parseSidecar(huge);
    assert.ok(h.ok);
    assert.equal(h.sidecar.annotations.length, items.length - 1);
  });

  describe('round trip on generated sidecars (fast-check)', () => {
    const hostileText = fc.constantFrom('=cmd|\' /C calc\'!A0', '# not a comment', '- a', ': b', 'a: b', '&a', '*a', '!t', '|', '>', '"', "'", '%', '@', '`', '~', 'null', 'Null', 'true', 'no', '.nan', '.inf', '0x1f', '1e3', '007', '-1', ' lead', 'trail ', 'tab\there', 'a\r\nb', 'a\rb', '\u2028', '\u00a0', '\ufeff', '__proto__', 'constructor', 'a # b', 'a#b', '[x]', '{y: 1}', '\\', '\ud800', 'x\udc00y', '😀', 'e\u0301', '\u0000', '\u0085');
    const text = fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 12 }), fc.array(hostileText, { minLength: 1, maxLength: 3 }).map((a) => a.join('')));
    const nonBlank = text.filter((t) => /\S/u.test(t));
    const offset = fc.oneof(fc.nat(1000), fc.constant(Number.MAX_SAFE_INTEGER), fc.nat());
    const annotation = fc
      .record(
        {
          id: nonBlank,
          label: nonBlank,
          start: offset,
          length: fc.nat(50),
          quote: text.filter((t) => t !== ''),
          prefix: text,
          suffix: text,
          speaker: text,
          comment: text,
          tags: fc.array(text, { maxLength: 3 }),
        },
        { requiredKeys: ['id', 'label', 'start', 'length', 'quote'] },
      )
      .map(({ length, ...a }) => ({ ...a, end: Math.min(Number.MAX_SAFE_INTEGER, a.start + length) }) as Annotation);
    const sidecarArb = fc.record({ article: nonBlank, annotations: fc.uniqueArray(annotation, { selector: (a) => a.id, maxLength: 6 }) }).map((s) => ({ version: 1, ...s }) as Sidecar);

    const runs = Number(process.env.FUZZ_RUNS ?? 300);

    it('parse(write(x)) equals x, and writing again gives the same bytes', () => {
      fc.assert(
        fc.property(sidecarArb, (x) => {
          const out = serializeSidecar(x);
          const r = parseSidecar(out);
          assert.ok(r.ok, `${JSON.stringify(!r.ok && r.problems)}\n${out}`);
          const sorted = { ...x, annotations: [...x.annotations].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
          assert.deepEqual(r.sidecar, sorted);
          assert.equal(serializeSidecar(r.sidecar, r), out);
          assert.equal(Object.getPrototypeOf(r.sidecar), Object.prototype);
        }),
        { numRuns: runs },
      );
    });

    it('with hand comments added, reads the same data and keeps the comments', () => {
      fc.assert(
        fc.property(sidecarArb, fc.nat(), (x, at) => {
          const out = serializeSidecar(x);
          const lines = out.split('\n');
          // A full-line comment before any line after the first (never inside a value: values are one line).
          const k = 1 + (at % (lines.length - 1));
          const indent = /^ */.exec(lines[k]!)![0];
          lines.splice(k, 0, `${indent}# hand comment ${at}`);
          const commented = lines.join('\n');
          const r = parseSidecar(commented);
          assert.ok(r.ok, `${JSON.stringify(!r.ok && r.problems)}\n${commented}`);
          assert.deepEqual(r.sidecar, parseSidecar(out).ok && (parseSidecar(out) as { sidecar: Sidecar }).sidecar);
          assert.ok(serializeSidecar(r.sidecar, r).includes(`# hand comment ${at}`), commented);
        }),
        { numRuns: Math.ceil(runs / 3) },
      );
    });
  });

  it('binary-tag.yaml: a value tagged !!binary (or another non-JSON type) makes the file read-only, never mangled on rewrite', () => {
    const r = parseSidecar(hostile('binary-tag.yaml'));
    assert.ok(!r.ok, 'refused');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!.message, /!!binary/);
    assert.equal(r.problems[0]!.line, 10);
    for (const tagged of ['when: !!timestamp 2001-12-14', 'set: !!set {a, b}', 'x: !custom y']) {
      const t = parseSidecar(`version: 1\narticle: a.txt\n${tagged}\nannotations: []\n`);
      assert.ok(!t.ok && t.problems.some((p) => p.line === 3), tagged);
    }
    // Tags of the JSON types stay readable.
    assert.ok(parseSidecar('version: 1\narticle: a.txt\nnote: !!str 12\nannotations: []\n').ok);
  });

  describe('hostile sidecars generated from YAML fragments (fast-check)', () => {
    // Lines a colleague, another tool or a bad merge may leave: prototype keys, anchors and
    // aliases, flow openers never closed, deep nesting, odd scalars, tabs, control characters,
    // conflict markers, duplicate keys.
    const line = fc.constantFrom(
      'version: 1', 'version: 2', 'article: a.txt', 'annotations:', 'annotations: []', '  - id: a', '  - id: a', '    label: actor',
      '    start: 0', '    end: 5', '    start: -1', '    end: 9007199254740993', '    quote: "Obama"', '    quote: &q "Obama"', '    comment: *q',
      '    tags: [x, y', '    tags: {a: [b: {c', '__proto__: {tags: 5}', '    __proto__: {label: x}', 'constructor: {prototype: {x: 1}}',
      '    extra: .nan', '    extra: !!binary aGVsbG8=', '    extra: !custom x', '  # a hand comment', '\ttabbed: 1', '<<<<<<< HEAD', '=======', '>>>>>>> theirs',
      '    label: "\u0000"', '    label: \u00a0', '- - - - - - - - - - - -', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', 'a: &a [*a]', 'version: 1\nversion: 1', '%YAML 1.2', '---', '...',
    );
    // A valid sidecar with hostile lines put in anywhere (some still valid: comments, extra keys),
    // or hostile lines alone.
    const BASE = ['version: 1', 'article: a.txt', 'annotations:', '  - id: a', '    label: actor', '    start: 0', '    end: 5', '    quote: "Obama"', '  - id: b', '    label: claim', '    start: 6', '    end: 9', '    quote: "met"'];
    const inserted = fc.array(fc.tuple(fc.nat(BASE.length), line), { maxLength: 4 }).map((ins) => {
      const out = [...BASE];
      for (const [at, l] of ins) out.splice(Math.min(at, out.length), 0, l);
      return out.join('\n');
    });
    const doc = fc.oneof(inserted, fc.array(line, { maxLength: 25 }).map((ls) => ls.join('\n')));

    it('each returns a sidecar or problems, never throws, never changes a prototype, and what reads writes and reads again', () => {
      fc.assert(
        fc.property(doc, (src) => {
          const r = parseSidecar(src);
          assert.equal(({} as Record<string, unknown>).tags, undefined, 'Object.prototype untouched');
          assert.equal(({} as Record<string, unknown>).label, undefined, 'Object.prototype untouched');
          if (!r.ok) {
            assert.ok(r.problems.length > 0 && r.problems.every((p) => typeof p.message === 'string' && p.message.length > 0), 'problems with messages');
            return;
          }
          assert.equal(Object.getPrototypeOf(r.sidecar), Object.prototype);
          for (const a of r.sidecar.annotations) assert.equal(Object.getPrototypeOf(a), Object.prototype);
          const out = serializeSidecar(r.sidecar, r);
          const again = parseSidecar(out);
          assert.ok(again.ok, `the rewrite reads: ${JSON.stringify(!again.ok && again.problems)}\n${src}\n---\n${out}`);
          assert.deepEqual(again.sidecar.annotations, r.sidecar.annotations);
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
      );
    });
  });
});
