/**
 * `import --format brat|qdpx` through the built CLI (files, folders, sidecars written), and
 * hostile input for every format: each case gets a clear error naming the file, and nothing is
 * written outside the target folder.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readImport } from '../../src/core/import';
import type { Annotation } from '../../src/core/model';
import { makeAnnotation, parseSidecar, serializeSidecar } from '../../src/core/sidecar';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const ARTICLE = '003_f2cdae8a492d10f5.txt';
const text = fs.readFileSync(path.join(root, 'seeds', ARTICLE), 'utf8');

/** A whole directory tree as sorted relative paths (to see that nothing appeared anywhere). */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      out.push(path.relative(dir, p));
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

const qde = (body: string, head = '<?xml version="1.0" encoding="utf-8"?>\n') => `${head}<Project xmlns="urn:QDA-XML:project:1.0" name="p">${body}</Project>`;
const codebook = (name: string) => `<CodeBook><Codes><Code guid="c1" name="${name}" isCodable="true"/></Codes></CodeBook>`;
const source = (sel: string) => `<Sources><TextSource guid="s1" name="seeds/${ARTICLE}" plainTextPath="internal://s1.txt">${sel}</TextSource></Sources>`;
const selection = (start: number, end: number, code = 'c1') => `<PlainTextSelection guid="p${start}" name="x" startPosition="${start}" endPosition="${end}"><Coding guid="k${start}"><CodeRef targetGUID="${code}"/></Coding></PlainTextSelection>`;
const qdpx = (xml: string, extra: Record<string, Uint8Array> = {}) => zipSync({ 'project.qde': strToU8(xml), 'sources/s1.txt': strToU8(text), ...extra });

describe('import --format brat|qdpx (built dist/cli.js)', function () {
  this.timeout(120000);
  let ws: string;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: ws, encoding: 'utf8' });
    return { code: r.status, err: r.stderr };
  };
  const fresh = (dir: string) => {
    fs.mkdirSync(path.join(ws, dir, 'seeds'), { recursive: true });
    fs.copyFileSync(path.join(root, 'seeds', ARTICLE), path.join(ws, dir, 'seeds', ARTICLE));
  };
  const sidecarOf = (dir: string): Annotation[] => {
    const file = path.join(ws, dir, 'seeds', `${ARTICLE}.annotations.yaml`);
    if (!fs.existsSync(file)) return [];
    const p = parseSidecar(fs.readFileSync(file));
    assert.ok(p.ok, JSON.stringify(p));
    return p.sidecar.annotations;
  };
  const span = (id: string, quote: string, fields: Partial<Annotation> = {}): Annotation => {
    const at = [...text.slice(0, text.indexOf(quote))].length;
    return { ...makeAnnotation(text, at, at + [...quote].length, { id, label: 'claim' }), ...fields };
  };
  const pick = (a: Annotation) => ({ label: a.label, start: a.start, end: a.end, quote: a.quote, comment: a.comment, tags: a.tags, speaker: a.speaker });

  before(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-importfmt-'));
    fresh('orig');
    const annotations = [
      span('a-1', 'We want to see full accountability for these terrible attacks', { speaker: 'Mark C. Toner', comment: 'strong wording', tags: ['us', 'pressure'] }),
      span('a-2', 'accountability', { label: 'framing Ü' }),
    ];
    fs.writeFileSync(path.join(ws, 'orig/seeds', `${ARTICLE}.annotations.yaml`), serializeSidecar({ version: 1, article: ARTICLE, annotations }));
  });
  after(() => fs.rmSync(ws, { recursive: true, force: true }));

  for (const format of ['brat', 'qdpx'] as const) {
    it(`${format}: export → import into a fresh copy (format guessed from the name) gives the same annotations`, () => {
      const out = format === 'brat' ? 'brat-out' : 'out.qdpx';
      const ex = spawnSync(process.execPath, [cli, 'export', '--format', format, '-o', out, 'seeds'], { cwd: path.join(ws, 'orig'), encoding: 'utf8' });
      assert.equal(ex.status, 0, ex.stderr);
      fresh(`copy-${format}`);
      const input = format === 'brat' ? 'orig/brat-out' : 'orig/out.qdpx';
      const r = run(['import', input, '--into', `copy-${format}`]);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /imported 2 annotation\(s\)/);
      assert.match(r.err, /labels not in the default codebook .*: framing Ü/);
      assert.deepEqual(sidecarOf(`copy-${format}`).map(pick), sidecarOf('orig').map(pick));
      const again = run(['import', '--format', format, input, '--into', `copy-${format}`]);
      assert.equal(again.code, 0, again.err);
      assert.equal(sidecarOf(`copy-${format}`).length, 2);
    });
  }

  it('a single .ann file is read with the .txt beside it', () => {
    fresh('single');
    const at = [...text.slice(0, text.indexOf('Mark C. Toner'))].length;
    fs.writeFileSync(path.join(ws, `${ARTICLE.replace('.txt', '.ann')}`), `T1\tactor ${at} ${at + 13}\tMark C. Toner\n`);
    fs.copyFileSync(path.join(root, 'seeds', ARTICLE), path.join(ws, ARTICLE));
    const r = run(['import', ARTICLE.replace('.txt', '.ann'), '--into', 'single']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(sidecarOf('single').map((a) => [a.label, a.start, a.quote]), [['actor', at, 'Mark C. Toner']]);
  });

  // Hostile input: [what, files to write, expected stderr patterns]. Each runs against a fresh
  // copy; nothing may appear outside it, and nothing may be imported from the hostile parts.
  const cases: { name: string; files: Record<string, string | Uint8Array>; input: string[]; errors: RegExp[]; imported?: number }[] = [
    {
      name: 'qdpx zip bomb (an entry that inflates past the 50 MB limit)',
      files: { 'bomb.qdpx': zipSync({ 'project.qde': strToU8(qde(codebook('claim') + source(selection(0, 5)))), 'sources/s1.txt': new Uint8Array(60_000_000) }, { level: 9 }) },
      input: ['bomb.qdpx'],
      errors: [/bomb\.qdpx: not a readable REFI-QDA project: entry sources\/s1\.txt expands to more than 50000000 bytes \(a zip bomb\?\)/],
    },
    {
      name: 'qdpx entries named ../../x and /abs/x',
      files: { 'slip.qdpx': qdpx(qde(codebook('claim') + source(selection(0, 5))), { '../../escaped.txt': strToU8('x'), '/tmp/aa-abs-escaped.txt': strToU8('x'), 'sources/../../up.txt': strToU8('x') }) },
      input: ['slip.qdpx'],
      errors: [/slip\.qdpx: entry “\.\.\/\.\.\/escaped\.txt” has a “\.\.” segment/, /slip\.qdpx: entry “\/tmp\/aa-abs-escaped\.txt” has an absolute path/, /slip\.qdpx: entry “sources\/\.\.\/\.\.\/up\.txt” has a “\.\.” segment/],
      imported: 1,
    },
    {
      name: 'XML entity expansion (billion laughs)',
      files: { 'laughs.qdpx': qdpx(qde(codebook('&lol3;') + source(selection(0, 5)), '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n')) },
      input: ['laughs.qdpx'],
      errors: [/laughs\.qdpx: not a readable REFI-QDA project: project\.qde: line 2: has a DOCTYPE/],
    },
    {
      name: 'XML external entity',
      files: { 'xxe.qdpx': qdpx(qde(codebook('&xxe;') + source(selection(0, 5)), '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')) },
      input: ['xxe.qdpx'],
      errors: [/xxe\.qdpx: not a readable REFI-QDA project: project\.qde: line 2: has a DOCTYPE/],
    },
    {
      name: 'an entity that is not declared (no DOCTYPE)',
      files: { 'undeclared.qdpx': qdpx(qde(codebook('&xxe;') + source(selection(0, 5)))) },
      input: ['undeclared.qdpx'],
      errors: [/undeclared\.qdpx: not a readable REFI-QDA project: project\.qde: not well-formed XML: .*entity/i],
    },
    {
      name: 'a JSON-LD file over the size limit (sparse, never read)',
      files: {},
      input: ['huge.jsonld'],
      errors: [/huge\.jsonld: 60000000 bytes, more than the limit of 50000000; not read/],
    },
    {
      name: 'offsets outside the text (brat and qdpx)',
      files: { [`far/seeds/${ARTICLE.replace('.txt', '.ann')}`]: 'T1\tclaim 5 999999\tfar away\nT2\tclaim 0 4\tUS I\n', [`far/seeds/${ARTICLE}`]: text, 'far.qdpx': qdpx(qde(codebook('claim') + source(selection(10, 999999) + selection(0, 2)))) },
      input: ['far', 'far.qdpx'],
      errors: [/far\/seeds\/003_f2cdae8a492d10f5\.ann:1: T1 ends at 999999, outside the text/, /far\.qdpx: source “seeds\/003_f2cdae8a492d10f5\.txt”, selection “x”: ends at 999999, outside the text/],
      imported: 2,
    },
    {
      name: '__proto__ keys (brat type and id, qdpx code guid and attributes)',
      files: { 'proto.ann': 'T1\t__proto__ 0 2\tUS\n#1\tAnnotatorNotes __proto__\tx\n', 'proto.qdpx': qdpx(qde(`<CodeBook><Codes><Code guid="__proto__" name="constructor" __proto__="1"/></Codes></CodeBook>` + source(selection(0, 2, '__proto__')))) },
      input: ['proto.ann', 'proto.qdpx'],
      errors: [/proto\.ann: “US” \(__proto__\): it is for proto\.txt, which matches no article/, /proto\.ann:2: note #1 names no span/],
      imported: 1,
    },
    {
      name: 'labels with control characters (brat type, qdpx code name)',
      files: { [`ctl/seeds/${ARTICLE.replace('.txt', '.ann')}`]: 'T1\tbad\u0007label 0 2\tUS\n', 'ctl.qdpx': qdpx(qde(codebook('bad&#x85;code') + source(selection(0, 2)))) },
      input: ['ctl', 'ctl.qdpx'],
      errors: [/ctl\/seeds\/003_f2cdae8a492d10f5\.ann:1: T1: label "bad\\u0007label" is empty, too long or has control characters; not imported/, /ctl\.qdpx: source .*: label "bad\\u0085code" is empty, too long or has control characters; not imported/],
    },
  ];
  for (const c of cases) {
    it(`hostile: ${c.name}`, () => {
      const dir = fs.mkdtempSync(path.join(ws, 'h-'));
      ws = dir; // run() works in ws: each case in its own folder
      try {
        fresh('target');
        for (const [name, data] of Object.entries(c.files)) {
          fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
          fs.writeFileSync(path.join(dir, name), data);
        }
        if (c.input.includes('huge.jsonld')) {
          fs.writeFileSync(path.join(dir, 'huge.jsonld'), '');
          fs.truncateSync(path.join(dir, 'huge.jsonld'), 60_000_000);
        }
        const before = tree(dir).filter((p) => !p.startsWith('target'));
        const r = run(['import', ...c.input, '--into', 'target']);
        assert.equal(r.code, 1, r.err);
        for (const e of c.errors) assert.match(r.err, e);
        assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
        assert.deepEqual(tree(dir).filter((p) => !p.startsWith('target')), before, 'nothing written beside the target');
        const sidecar = sidecarOf('target');
        assert.equal(sidecar.length, c.imported ?? 0, JSON.stringify(sidecar));
        assert.ok(tree(path.join(dir, 'target')).every((p) => p === 'seeds' || p.startsWith(`seeds${path.sep}${ARTICLE}`)), tree(path.join(dir, 'target')).join());
        assert.ok(!fs.existsSync('/tmp/aa-abs-escaped.txt') && !fs.existsSync(path.join(dir, '..', '..', 'escaped.txt')));
        assert.equal(({} as Record<string, unknown>).constructor, Object);
      } finally {
        ws = path.dirname(dir);
      }
    });
  }

  it('the zip bound is checked while inflating, whatever sizes the zip declares', () => {
    const bomb = zipSync({ 'project.qde': strToU8(qde('')), 'sources/a.txt': new Uint8Array(5_000_000) }, { level: 9 });
    const r = readImport({ format: 'qdpx', name: 'b.qdpx', bytes: bomb }, { maxEntryBytes: 1_000_000, maxTotalBytes: 10_000_000 });
    assert.deepEqual(r.problems, ['b.qdpx: not a readable REFI-QDA project: entry sources/a.txt expands to more than 1000000 bytes (a zip bomb?); not read']);
    const many = zipSync(Object.fromEntries([['project.qde', strToU8(qde(''))], ...Array.from({ length: 6 }, (_, i) => [`sources/${i}.txt`, new Uint8Array(900_000)])]), { level: 9 });
    const r2 = readImport({ format: 'qdpx', name: 'm.qdpx', bytes: many }, { maxEntryBytes: 1_000_000, maxTotalBytes: 4_000_000 });
    assert.match(r2.problems[0]!, /m\.qdpx: .*the entries expand to more than 4000000 bytes in all/);
    const junk = readImport({ format: 'qdpx', name: 'j.qdpx', bytes: strToU8('PK not really') });
    assert.match(junk.problems[0]!, /j\.qdpx: not a readable REFI-QDA project/);
  });
});
