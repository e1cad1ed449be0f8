import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Annotation } from '../../src/core/model';
import { makeAnnotation, parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import { readW3c } from '../../src/core/import/w3c';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const ARTICLE = '003_f2cdae8a492d10f5.txt';

describe('import --format w3c (built dist/cli.js)', function () {
  this.timeout(60000);
  let ws: string;
  let text: string;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: ws, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const span = (id: string, quote: string, fields: Partial<Annotation> = {}): Annotation => {
    assert.ok(text.includes(quote), quote);
    const at = [...text.slice(0, text.indexOf(quote))].length;
    return { ...makeAnnotation(text, at, at + [...quote].length, { id, label: 'claim' }), ...fields };
  };
  const fresh = (dir: string) => {
    fs.mkdirSync(path.join(ws, dir, 'seeds'), { recursive: true });
    fs.copyFileSync(path.join(root, 'seeds', ARTICLE), path.join(ws, dir, 'seeds', ARTICLE));
  };
  const sidecarOf = (dir: string) => {
    const p = parseSidecar(fs.readFileSync(path.join(ws, dir, 'seeds', `${ARTICLE}.annotations.yaml`)));
    assert.ok(p.ok, JSON.stringify(p));
    return p.sidecar;
  };
  const pick = (a: Annotation) => ({ label: a.label, start: a.start, end: a.end, quote: a.quote, comment: a.comment, tags: a.tags, speaker: a.speaker, author: a.author });

  before(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-import-'));
    text = fs.readFileSync(path.join(root, 'seeds', ARTICLE), 'utf8');
  });
  after(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('round trip: export → import into a fresh copy gives the same annotations', () => {
    fresh('orig');
    const annotations = [
      span('a-1', 'We want to see full accountability for these terrible attacks', { speaker: 'Mark C. Toner', comment: 'strong wording', tags: ['us', 'pressure'], author: 'kim' }),
      span('a-2', 'accountability', { label: 'framing-Ü' }),
    ];
    fs.writeFileSync(path.join(ws, 'orig/seeds', `${ARTICLE}.annotations.yaml`), serializeSidecar({ version: 1, article: ARTICLE, annotations }));
    const ex = spawnSync(process.execPath, [cli, 'export', '--format', 'w3c', '-o', 'out.jsonld', 'seeds'], { cwd: path.join(ws, 'orig'), encoding: 'utf8' });
    assert.equal(ex.status, 0, ex.stderr);
    fresh('copy');
    const r = run(['import', '--format', 'w3c', 'orig/out.jsonld', '--into', 'copy']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(sidecarOf('copy').annotations.map(pick), sidecarOf('orig').annotations.map(pick));
    // Importing again adds nothing (same label and span are recognised).
    const again = run(['import', '--format', 'w3c', 'orig/out.jsonld', '--into', 'copy']);
    assert.equal(again.code, 0, again.err);
    assert.equal(sidecarOf('copy').annotations.length, 2);
  });

  it('reads Hypothesis API rows: quote re-anchored, text as comment, tags kept, user as author', () => {
    fresh('hyp');
    const quote = 'these terrible attacks';
    const rows = { total: 1, rows: [{ uri: `https://example.org/articles/${ARTICLE}`, user: 'acct:lee@hypothes.is', text: 'see also', tags: ['attack'], target: [{ source: `https://example.org/articles/${ARTICLE}`, selector: [{ type: 'TextQuoteSelector', exact: quote }, { type: 'TextPositionSelector', start: 999999, end: 1000020 }] }] }] };
    fs.writeFileSync(path.join(ws, 'h.json'), JSON.stringify(rows));
    const r = run(['import', '--format', 'w3c', 'h.json', '--into', 'hyp']);
    assert.equal(r.code, 0, r.err);
    const [a] = sidecarOf('hyp').annotations;
    assert.equal(a!.quote, quote);
    assert.equal([...text].slice(a!.start, a!.end).join(''), quote);
    assert.deepEqual([a!.label, a!.comment, a!.tags, a!.author], ['note', 'see also', ['attack'], 'lee@hypothes.is']);
  });

  it('hostile input: clear errors naming the file, nothing written outside the folder', () => {
    fresh('host');
    const target = (source: string, exact: string) => ({ source, selector: [{ type: 'TextQuoteSelector', exact }] });
    const doc = JSON.parse(`[
      {"type":"Annotation","__proto__":{"polluted":1},"body":[{"type":"TextualBody","purpose":"tagging","value":"ok"}],"target":${JSON.stringify(target(`../../${ARTICLE}`, 'accountability'))}},
      {"type":"Annotation","body":[{"type":"TextualBody","purpose":"tagging","value":"bad\\u0007label"}],"target":${JSON.stringify(target(ARTICLE, 'accountability'))}},
      {"type":"Annotation","target":${JSON.stringify(target(ARTICLE, 'words that are nowhere in this article at all'))}},
      {"type":"Annotation","target":${JSON.stringify(target('other.txt', 'accountability'))}}
    ]`);
    fs.writeFileSync(path.join(ws, 'hostile.json'), JSON.stringify(doc));
    const before = fs.readdirSync(ws).sort();
    const r = run(['import', '--format', 'w3c', 'hostile.json', '--into', 'host']);
    assert.equal(r.code, 1);
    assert.match(r.err, /hostile\.json: annotation 2: label "bad\\u0007label" .*control characters/);
    assert.match(r.err, /not placed: its quote “words that are nowhere/);
    assert.match(r.err, /hostile\.json: .*other\.txt, which matches no article/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(fs.readdirSync(ws).sort(), before, 'nothing written beside the folder');
    assert.deepEqual(sidecarOf('host').annotations.map((a) => a.label), ['ok']);
    // Not JSON, and a file over the size limit (sparse: never read).
    fs.writeFileSync(path.join(ws, 'broken.json'), '{"type": "Annotation", ');
    const big = path.join(ws, 'big.jsonld');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 60_000_000);
    const r2 = run(['import', '--format', 'w3c', 'broken.json', 'big.jsonld', '--into', 'host']);
    assert.equal(r2.code, 1);
    assert.match(r2.err, /broken\.json: not W3C Web Annotation JSON/);
    assert.match(r2.err, /big\.jsonld: 60000000 bytes, more than the limit/);
    assert.equal(run(['import', '--format', 'nope', 'x', '--into', 'host']).code, 2);
  });

  it('readW3c copies only known fields', () => {
    const r = readW3c('{"type":"Annotation","target":{"source":"a.txt","selector":{"type":"TextQuoteSelector","exact":"x","__proto__":{"y":1}}},"constructor":{"prototype":{"z":1}}}');
    assert.deepEqual(r.annotations, [{ source: 'a.txt', label: 'note', quote: 'x' }]);
  });
});
