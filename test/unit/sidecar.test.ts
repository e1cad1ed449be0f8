import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { contextOf, makeAnnotation, parseSidecar, serializeSidecar, serializeSidecarBytes, type Sidecar } from '../../src/core/sidecar';
import { OffsetMap, sliceCodePoints } from '../../src/core/offsets';
import { sha256 } from '../../src/core/hash';
import type { Annotation } from '../../src/core/model';

const fixtures = path.resolve(__dirname, '../fixtures/sidecars');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const seed000 = fs.readFileSync(path.resolve(__dirname, '../../seeds/000_567447e36de95f9e.txt'), 'utf8');

function problemsOf(text: string, maxBytes?: number) {
  const r = parseSidecar(text, maxBytes ? { maxBytes } : {});
  assert.equal(r.ok, false, 'expected the sidecar to be refused');
  return r.ok ? [] : r.problems;
}

describe('sidecar parse/serialise', () => {
  it('reads a hand-written sidecar whose quotes match the seed article at code-point offsets', () => {
    const r = parseSidecar(read('valid-with-comments.annotations.yaml'));
    assert.ok(r.ok);
    const map = new OffsetMap(seed000);
    for (const a of r.sidecar.annotations) {
      assert.equal(seed000.slice(map.toUtf16(a.start), map.toUtf16(a.end)), a.quote, a.id);
    }
    assert.equal(r.sidecar.annotations[1]!.label, 'mystery-label', 'unknown labels are kept');
  });

  it('round-trips: same data, stable bytes, comments and unknown keys kept, order by start', () => {
    const text = read('valid-with-comments.annotations.yaml');
    const r = parseSidecar(text);
    assert.ok(r.ok);
    const out = serializeSidecar(r.sidecar, r);
    const r2 = parseSidecar(out);
    assert.ok(r2.ok);
    assert.deepEqual(
      [...r2.sidecar.annotations].sort((a, b) => a.id.localeCompare(b.id)),
      [...r.sidecar.annotations].sort((a, b) => a.id.localeCompare(b.id)),
    );
    assert.equal(serializeSidecar(r2.sidecar, r2), out, 'serialising again gives the same bytes');
    for (const kept of ['# Notes on the State Department report, by hand.', '# an unknown key a person added', 'project: us-pakistan', 'reviewed: true', '# keep me']) {
      assert.ok(out.includes(kept), `keeps ${kept}`);
    }
    assert.ok(out.indexOf('a-handwritten0') < out.indexOf('a-handwritten1'), 'sorted by start');
    assert.ok(!out.includes('\r'), 'LF only');
    assert.ok(out.endsWith('\n'));
    assert.ok(out.includes('quote: "US\\u2009State Department"') || out.includes('quote: "US\u2009State Department"'));
  });

  it('writes keys in a stable order and strings that YAML would change in double quotes', () => {
    const sidecar: Sidecar = {
      version: 1,
      article: 'a.txt',
      annotations: [
        { id: 'b', label: 'note', start: 5, end: 9, quote: ' yes', prefix: 'x: "y"\n', suffix: '', comment: '#1 [x](command:evil)', tags: ['a, b', 'true'], modified: '2026-01-01T00:00:00Z', created: '2026-01-01T00:00:00Z' },
        { id: 'a', label: 'claim', start: 5, end: 9, quote: '123' },
      ],
    };
    const out = serializeSidecar(sidecar);
    const r = parseSidecar(out);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.sidecar.annotations[0], sidecar.annotations[1]);
    assert.deepEqual(r.sidecar.annotations[1], sidecar.annotations[0]);
    const second = out.slice(out.lastIndexOf('\n', out.indexOf('- id: b')) + 1);
    const keys = second.split('\n').filter((l) => /^\s+(- )?\w+:/.test(l)).map((l) => l.trim().replace(/^- /, '').split(':')[0]);
    assert.deepEqual(keys.slice(0, 11), ['id', 'label', 'start', 'end', 'quote', 'prefix', 'suffix', 'comment', 'tags', 'created', 'modified']);
  });

  it('reports corrupt YAML with its line', () => {
    const p = problemsOf(read('corrupt.annotations.yaml'));
    assert.ok(p.length >= 1);
    assert.match(p[0]!.message, /Not valid YAML/);
    assert.ok(p[0]!.line && p[0]!.line >= 6 && p[0]!.line <= 8, `line ${p[0]!.line}`);
  });

  it('reports a truncated (partial) file', () => {
    const p = problemsOf(read('partial.annotations.yaml'));
    assert.match(p[0]!.message, /Not valid YAML/);
    assert.ok(p[0]!.line);
  });

  it('refuses an unknown version and says which it reads', () => {
    const p = problemsOf(read('unknown-version.annotations.yaml'));
    assert.match(p[0]!.message, /version 2.*reads version 1/);
    assert.equal(p[0]!.line, 1);
  });

  it('reports every failing field, with paths and lines', () => {
    const p = problemsOf(read('schema-errors.annotations.yaml'));
    const paths = p.map((x) => x.path);
    for (const expected of ['/annotations/0/start', '/annotations/0/end', '/annotations/1/label', '/annotations/1/end', '/annotations/1/quote', '/annotations/1/tags', '/annotations/2/id', '/annotations/2/created']) {
      assert.ok(paths.includes(expected), `reports ${expected}: ${JSON.stringify(paths)}`);
    }
    const start0 = p.find((x) => x.path === '/annotations/0/start')!;
    assert.equal(start0.line, 6);
    const tags = p.find((x) => x.path === '/annotations/1/tags')!;
    assert.equal(tags.line, 13);
  });

  it('refuses an alias bomb quickly', () => {
    const t0 = Date.now();
    const p = problemsOf(read('alias-bomb.annotations.yaml'));
    assert.match(p[0]!.message, /alias/i);
    assert.ok(Date.now() - t0 < 5000);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const huge = 'version: 1\narticle: a.txt\nannotations:\n' + '  - {id: x, label: l, start: 1, end: 2, quote: y}\n'.repeat(300_000);
    const p = problemsOf(huge, 1_000_000);
    assert.match(p[0]!.message, /more than the limit/);
  });

  it('refuses empty files and non-mappings', () => {
    assert.match(problemsOf('')[0]!.message, /empty/);
    assert.match(problemsOf('- 1\n- 2\n')[0]!.message, /mapping/);
  });

  it('makeAnnotation fills quote, prefix and suffix by code points', () => {
    const text = '😀 The minister said “no”. Then 😀 left.';
    const map = new OffsetMap(text);
    const start = map.toCodePoint(text.indexOf('minister'));
    const a = makeAnnotation(text, start, start + 8, { id: 'a-1', label: 'actor' });
    assert.equal(a.quote, 'minister');
    assert.equal(a.prefix, '😀 The ');
    assert.equal(a.suffix, ' said “no”. Then 😀 left.');
    const long = 'x'.repeat(100) + 'QUOTE' + 'y'.repeat(100);
    const b = makeAnnotation(long, 100, 105, { id: 'a-2', label: 'note' });
    assert.equal(b.prefix, 'x'.repeat(32));
    assert.equal(b.suffix, 'y'.repeat(32));
    assert.deepEqual(contextOf(text, 0, 1).prefix, '');
  });
});

describe('sidecar parse/serialise, more cases', () => {
  const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../schemas/sidecar.schema.json'), 'utf8')) as object;
  const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);

  function docExample(): string {
    const md = fs.readFileSync(path.resolve(__dirname, '../../docs/sidecar-format.md'), 'utf8');
    const m = /```yaml\n([\s\S]*?)```/.exec(md);
    assert.ok(m, 'docs/sidecar-format.md has a yaml example');
    return m[1]!;
  }

  it('the worked example of docs/sidecar-format.md reads, matches seed 000 and its schema', () => {
    const r = parseSidecar(docExample());
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.equal(r.sidecar.articleSha256, sha256(seed000));
    const map = new OffsetMap(seed000);
    for (const a of r.sidecar.annotations) {
      assert.equal(sliceCodePoints(seed000, a.start, a.end, map), a.quote, a.id);
      if (a.prefix !== undefined) assert.deepEqual({ prefix: a.prefix, suffix: a.suffix }, contextOf(seed000, a.start, a.end, map), a.id);
    }
    assert.equal(r.sidecar.annotations[1]!.quote, 'US\u2009State Department');
    assert.ok(validateSchema(parseYaml(docExample())), JSON.stringify(validateSchema.errors));
  });

  it('agrees with the JSON Schema on valid and invalid files', () => {
    for (const name of ['valid-with-comments.annotations.yaml', 'handwritten-styles.annotations.yaml']) {
      assert.ok(parseSidecar(read(name)).ok, name);
      assert.ok(validateSchema(parseYaml(read(name))), `${name}: ${JSON.stringify(validateSchema.errors)}`);
    }
    const bad = read('schema-errors.annotations.yaml');
    assert.equal(validateSchema(parseYaml(bad)), false);
    const schemaPaths = new Set((validateSchema.errors ?? []).map((e) => e.instancePath));
    for (const p of ['/annotations/0/start', '/annotations/0/end', '/annotations/1/quote', '/annotations/1/tags']) assert.ok(schemaPaths.has(p), `schema flags ${p}`);
    assert.equal(validateSchema(parseYaml(read('unknown-version.annotations.yaml'))), false);
  });

  it('reads hand-written YAML styles: unindented lists, block tags, single quotes, folded text, flow mappings', () => {
    const r = parseSidecar(read('handwritten-styles.annotations.yaml'));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    const [a1, a2] = r.sidecar.annotations;
    assert.deepEqual(a1!.tags, ['block', 'list']);
    assert.equal(a1!.quote, 'Imran Khan');
    assert.equal(a1!.comment, 'A folded comment.');
    assert.equal(a2!.quote, 'US\u2009State Department');
    assert.equal('prefix' in a2!, false, 'a null optional field is absent');
    const out = serializeSidecar(r.sidecar, r);
    assert.ok(out.startsWith('# Written by hand in several YAML styles'));
    assert.ok(out.includes('# sequence not indented under its key'));
    const again = parseSidecar(out);
    assert.ok(again.ok);
    assert.deepEqual(again.sidecar, r.sidecar);
  });

  it('writes the same bytes whether or not the previous file had comments (fast and Document writers agree)', () => {
    const odd = ['plain', 'two words', ' lead', 'trail ', 'x: y', 'a #b', '#c', '- d', 'yes', 'No', 'null', '~', '123', '1.5', '0x1F', '2026-01-01', 'é', 'a\u00a0b', 'a\u2009b', 'line\nbreak', 'tab\there', 'q"uote', "apo'strophe", 'back\\slash', '😀 emoji', ' ', '[x]', '{y}', 'a, b', '\u0085', '\u2028', 'ctl\u0001', '---', '...', '%x', '@at', '&a', '*a', '!b', '|p', '>g', '?q', ':c', 'end:', 'mid:dle', 'O’Brien', 'x'.repeat(300), 'a\r\nb', '\ud83d'];
    for (let i = 0; i < odd.length; i++) {
      const s = odd[i]!;
      const next = odd[(i + 7) % odd.length]!;
      const ann = { id: `a-${i}`, label: s.trim() ? s : 'note', start: i, end: i + 5, quote: s || 'q', prefix: s, suffix: next, comment: next, tags: [s, next], speaker: s.trim() ? s : undefined, extra: i % 2 ? s : i, flag: true } as unknown as Annotation;
      const sidecar = { version: 1, article: s.trim() ? s : 'a.txt', annotations: [ann], project: next } as Sidecar;
      const fast = serializeSidecar(sidecar);
      // A comment at the end sends the file through the `yaml` package and its Document writer.
      const prev = parseSidecar(fast + '# end\n');
      assert.ok(prev.ok, `${JSON.stringify(s)}: ${JSON.stringify(!prev.ok && prev.problems)}\n${fast}`);
      assert.equal(serializeSidecar(sidecar, prev), fast + '\n# end\n', JSON.stringify(s));
      // A header comment is kept by the fast reader and writer alike.
      const headed = parseSidecar('# header\n' + fast);
      assert.ok(headed.ok);
      assert.equal(serializeSidecar(sidecar, headed), '# header\n' + fast);
      const back = parseSidecar(fast);
      assert.ok(back.ok);
      assert.deepEqual(back.sidecar.annotations[0], JSON.parse(JSON.stringify(ann)), JSON.stringify(s));
    }
  });

  it('writes as bytes exactly the UTF-8 of the text it writes, across pieces, with a header or comments', () => {
    const values = ['plain', 'é à', 'O’Brien said “no”', '😀 emoji', 'a\u00a0b', 'x: y', 'line\nbreak', 'ascii only'];
    const many = (n: number): Sidecar => ({
      version: 1,
      article: 'a.txt',
      annotations: Array.from({ length: n }, (_, i) => ({ id: `a-${i}`, label: values[i % 3]!.split(' ')[0]!, start: i, end: i + 4, quote: values[i % values.length]!, prefix: values[(i + 3) % values.length]!, suffix: values[(i + 5) % values.length]!, created: '2026-11-24T00:00:00Z', ...(i % 5 ? {} : { extra: values[i % values.length]! }) }) as unknown as Annotation),
    });
    // The bytes go into a block sized from the first 32 annotations: 0, 1, 32, 33, 200 annotations;
    // later annotations far longer than the first (more blocks); a value only the `yaml` writer
    // writes, late in the list (the fast writer gives up after writing part of the file).
    const longer = (n: number): Sidecar => {
      const s = many(n);
      s.annotations.forEach((a, i) => i >= 40 && (a.quote = 'é'.repeat(5000)));
      return s;
    };
    const nested = (n: number): Sidecar => {
      const s = many(n);
      (s.annotations[n - 1] as unknown as Record<string, unknown>).extra = { nested: ['value'] };
      return s;
    };
    for (const [n, sidecar] of [[0, many(0)], [1, many(1)], [32, many(32)], [33, many(33)], [200, many(200)], [400, longer(400)], [150, nested(150)]] as const) {
      const text = serializeSidecar(sidecar);
      assert.deepEqual(Buffer.from(serializeSidecarBytes(sidecar)), Buffer.from(text, 'utf8'), `${n} annotations`);
      assert.ok(parseSidecar(text).ok);
      for (const previousText of ['# header\n' + text, text + '# end\n']) {
        const previous = parseSidecar(previousText);
        assert.ok(previous.ok);
        const kept = serializeSidecar(sidecar, previous);
        assert.ok(kept.includes('# '), 'comment kept');
        assert.deepEqual(Buffer.from(serializeSidecarBytes(sidecar, previous)), Buffer.from(kept, 'utf8'), `${n} annotations after ${JSON.stringify(previousText.slice(0, 8))}`);
      }
    }
  });

  it('keeps unknown top-level keys on the object, and from the previous file when a new object lacks them', () => {
    const text = 'version: 1\narticle: a.txt\nproject: us-pakistan # the project\nreviewers: [ ana, ben ]\nannotations: []\n';
    const r = parseSidecar(text);
    assert.ok(r.ok);
    assert.equal((r.sidecar as unknown as Record<string, unknown>).project, 'us-pakistan');
    assert.equal(serializeSidecar(r.sidecar), 'version: 1\narticle: a.txt\nproject: us-pakistan\nreviewers: [ ana, ben ]\nannotations: []\n');
    const fresh: Sidecar = { version: 1, article: 'a.txt', annotations: [] };
    const out = serializeSidecar(fresh, r);
    assert.match(out, /^project: us-pakistan # the project$/m);
    assert.match(out, /^reviewers: \[ ana, ben \]$/m);
    const dropped = serializeSidecar({ ...fresh, project: undefined } as Sidecar, r);
    assert.ok(!dropped.includes('project'), 'an extra key set to undefined is dropped');
    const changed = serializeSidecar({ ...fresh, project: 'other' } as Sidecar, r);
    assert.match(changed, /^project: other # the project$/m, 'a changed value keeps its comment');
  });

  it('keeps comments with their annotation (by id) when the order or values change, and writes changed unknown values', () => {
    const text = [
      '# header',
      'version: 1',
      'article: a.txt',
      'annotations:',
      '  # about B',
      '  - id: b',
      '    label: note',
      '    start: 10',
      '    end: 11',
      '    quote: y',
      '    confidence: low # my guess',
      '  # about A',
      '  - id: a',
      '    label: note',
      '    start: 20',
      '    end: 21',
      '    quote: x',
      '',
    ].join('\n');
    const r = parseSidecar(text);
    assert.ok(r.ok);
    const [b, a] = r.sidecar.annotations;
    const moved: Sidecar = { ...r.sidecar, annotations: [{ ...b!, start: 30, end: 31, confidence: 'high' } as Annotation, a!] };
    const out = serializeSidecar(moved, r);
    assert.ok(out.indexOf('# about A') < out.indexOf('- id: a') && out.indexOf('- id: a') < out.indexOf('# about B'), out);
    assert.ok(out.indexOf('# about B') < out.indexOf('- id: b'), out);
    assert.match(out, /confidence: high # my guess/);
    assert.ok(out.startsWith('# header\n'));
    assert.equal(serializeSidecar(moved, r), out, 'deterministic');
  });

  it('keeps a header comment block verbatim, as the yaml Document writer does', () => {
    const body = serializeSidecar({ version: 1, article: 'a.txt', annotations: [{ id: 'a-1', label: 'note', start: 0, end: 1, quote: 'x' }] });
    for (const header of ['# one\n', '# one\n# two\n', '# one\n\n', '#\n#  indented words  \n', '# one\n\n# two\n', '\n# one\n']) {
      const viaFast = parseSidecar(header + body);
      const viaYaml = parseSidecar(header + body + '# end\n');
      assert.ok(viaFast.ok && viaYaml.ok);
      const fromYaml = serializeSidecar(viaYaml.sidecar, viaYaml);
      assert.equal(serializeSidecar(viaFast.sidecar, viaFast) + '\n# end\n', fromYaml, JSON.stringify(header));
    }
  });

  it('reads CRLF sidecars and writes LF', () => {
    const lf = serializeSidecar({ version: 1, article: 'a.txt', annotations: [{ id: 'a-1', label: 'note', start: 0, end: 3, quote: 'abc', prefix: '', suffix: ' def\r\n' }] });
    const crlf = lf.replace(/\n/g, '\r\n');
    const r = parseSidecar(crlf);
    assert.ok(r.ok);
    assert.equal(r.sidecar.annotations[0]!.suffix, ' def\r\n');
    assert.equal(serializeSidecar(r.sidecar, r), lf);
    const withComment = parseSidecar('# c\r\n' + crlf);
    assert.ok(withComment.ok);
    assert.ok(!serializeSidecar(withComment.sidecar, withComment).includes('\r\n'));
  });

  it('reports duplicate keys, and YAML syntax errors with line and column', () => {
    const dup = problemsOf(read('duplicate-keys.annotations.yaml'));
    assert.match(dup[0]!.message, /unique|duplicate/i);
    assert.equal(dup[0]!.line, 7);
    const p = problemsOf('version: 1\narticle: a.txt\nannotations:\n  - id: "a-1\n');
    assert.ok(p[0]!.line! >= 4, JSON.stringify(p));
    assert.ok(p[0]!.column! >= 1);
  });

  it('reports every problem of a file with no version and no article, each with its line', () => {
    const p = problemsOf('annotations:\n  - id: a-1\n    label: ""\n    start: x\n    end: 1\n  - 42\n');
    const byPath = new Map(p.map((x) => [x.path, x]));
    assert.ok(byPath.has('/version'));
    assert.ok(byPath.has('/article'));
    assert.equal(byPath.get('/annotations/0/label')?.line, 3);
    assert.equal(byPath.get('/annotations/0/start')?.line, 4);
    assert.equal(byPath.get('/annotations/0/quote')?.line, 2, 'a missing field points at its annotation');
    assert.equal(byPath.get('/annotations/1')?.line, 6);
  });

  it('refuses a huge generated file over the limit, and reads a large valid one under it', () => {
    const anns: Annotation[] = [];
    for (let i = 0; i < 5000; i++) anns.push({ id: `a-${i}`, label: 'note', start: i * 10, end: i * 10 + 5, quote: 'quote', prefix: 'before ', suffix: ' after' });
    const big = serializeSidecar({ version: 1, article: 'big.txt', annotations: anns });
    const r = parseSidecar(big, { maxBytes: big.length + 1 });
    assert.ok(r.ok);
    assert.equal(r.sidecar.annotations.length, 5000);
    const over = problemsOf(big + '# padding\n'.repeat(10), big.length + 1);
    assert.match(over[0]!.message, /more than the limit/);
    // Multi-byte characters count as bytes, not characters.
    assert.match(problemsOf(`version: 1\narticle: "${'é'.repeat(60)}"\n`, 100)[0]!.message, /limit of 100 bytes/);
  });

  it('reads the bytes of a file as it reads its text: fixtures, non-ASCII text, a byte-order mark, invalid UTF-8, the size limit', () => {
    const headerOf = (source: unknown) => (source as { header?: string }).header;
    const same = (text: string, bytes: Uint8Array = Buffer.from(text, 'utf8')) => {
      const a = parseSidecar(text);
      const b = parseSidecar(bytes);
      assert.equal(b.ok, a.ok, text.slice(0, 80));
      if (a.ok && b.ok) {
        assert.deepEqual(b.sidecar, a.sidecar);
        assert.equal(headerOf(b.source), headerOf(a.source));
      } else if (!a.ok && !b.ok) assert.deepEqual(b.problems, a.problems);
      return b;
    };
    for (const name of fs.readdirSync(fixtures)) same(read(name));
    const anns: Annotation[] = [
      { id: 'a-1', label: 'claim', start: 0, end: 5, quote: '“Naïve', prefix: '', suffix: ' café” — 😀 ü' },
      { id: 'a-2', label: 'note', start: 9, end: 12, quote: 'x\\y "z"', comment: 'Ω\nline two', tags: ['é', 'ü ö'] },
    ];
    const text = '# en-tête\n\n' + serializeSidecar({ version: 1, article: 'résumé.txt', annotations: anns });
    const r = same(text);
    assert.ok(r.ok);
    assert.deepEqual(r.sidecar.annotations, anns);
    assert.equal(headerOf(r.source), '# en-tête\n\n');
    assert.equal((r.source as { doc?: unknown }).doc, undefined, 'read by the fast reader, not the yaml package');
    // A byte-order mark is dropped, as when the text is decoded.
    same(text, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    // Invalid UTF-8 reads as replacement characters, as an editor shows it.
    const broken = Buffer.from(text.replace('Naïve', 'Na#ve'), 'utf8');
    broken[broken.indexOf('#'.charCodeAt(0), broken.indexOf('Na'))] = 0xff;
    const rb = parseSidecar(broken);
    assert.ok(rb.ok);
    assert.equal(rb.sidecar.annotations[0]!.quote, '“Na\ufffdve');
    // The limit counts the bytes.
    const over = parseSidecar(Buffer.from(text), { maxBytes: 100 });
    assert.ok(!over.ok);
    assert.match(over.problems[0]!.message, new RegExp(`Sidecar is ${Buffer.byteLength(text)} bytes, more than the limit of 100 bytes`));
  });

  it('refuses alias bombs anywhere, fast, and still reads a harmless alias', () => {
    const bomb = 'version: 1\narticle: a.txt\nannotations:\n  - id: a-1\n    label: note\n    start: 1\n    end: 2\n    quote: x\n    blob: &a [x, x, x, x, x, x, x, x, x, x]\n    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n    d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    const p = problemsOf(bomb);
    assert.match(p[0]!.message, /alias/i);
    assert.equal(p[0]!.line, 9);
    const harmless = parseSidecar('version: 1\narticle: &name a.txt\nproject: *name\nannotations: []\n');
    assert.ok(harmless.ok);
    assert.equal((harmless.sidecar as unknown as Record<string, unknown>).project, 'a.txt');
  });
});
