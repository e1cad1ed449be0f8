import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contextOf, makeAnnotation, parseSidecar, serializeSidecar, type Sidecar } from '../../src/core/sidecar';
import { OffsetMap } from '../../src/core/offsets';

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
