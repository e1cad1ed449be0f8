import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Annotation } from '../../src/core/model';
import { makeAnnotation, serializeSidecar } from '../../src/core/sidecar';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const ARTICLE = '003_f2cdae8a492d10f5.txt';

describe('agreement command (built dist/cli.js)', function () {
  this.timeout(60000);
  let ws: string;
  let text: string;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [cli, 'agreement', ...args], { cwd: ws, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const span = (id: string, quote: string, label: string, author?: string): Annotation => {
    const at = [...text.slice(0, text.indexOf(quote))].length;
    assert.ok(text.includes(quote), quote);
    return makeAnnotation(text, at, at + [...quote].length, { id, label, ...(author ? { author } : {}) });
  };
  const put = (dir: string, annotations: Annotation[]) => {
    fs.mkdirSync(path.join(ws, dir), { recursive: true });
    fs.copyFileSync(path.join(root, 'seeds', ARTICLE), path.join(ws, dir, ARTICLE));
    fs.writeFileSync(path.join(ws, dir, `${ARTICLE}.annotations.yaml`), serializeSidecar({ version: 1, article: ARTICLE, annotations }));
  };
  before(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-agree-'));
    text = fs.readFileSync(path.join(root, 'seeds', ARTICLE), 'utf8');
    const q = 'We want to see full accountability for these terrible attacks';
    put('a', [span('a-1', q, 'claim'), span('a-2', 'accountability', 'framing')]);
    put('b', [span('b-1', q, 'claim')]);
    put('both', [span('a-1', q, 'claim', 'kim'), span('a-2', 'accountability', 'framing', 'kim'), span('b-1', q, 'claim', 'lee')]);
  });
  after(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('prints the JSON shape of the issue for two folders', () => {
    const r = run(['a', 'b', '--json']);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.deepEqual(Object.keys(j), ['labels', 'overall']);
    assert.deepEqual(Object.keys(j.labels).sort(), ['claim', 'framing']);
    assert.deepEqual(j.labels.claim, { kappa: 1, alphaU: 1, f1Exact: 1, f1Overlap: 1, onlyA: 0, onlyB: 0, both: 1 });
    assert.equal(j.labels.framing.onlyA, 1);
    assert.equal(j.labels.framing.f1Exact, 0);
    assert.equal(j.overall.both, 1);
  });

  it('compares the two authors of one folder the same way, and --label keeps one label', () => {
    const folders = JSON.parse(run(['a', 'b', '--json']).out);
    const authors = run(['--by-author', 'both', '--json']);
    assert.equal(authors.code, 0, authors.err);
    assert.deepEqual(JSON.parse(authors.out), folders);
    assert.deepEqual(Object.keys(JSON.parse(run(['a', 'b', '--json', '--label', 'claim']).out).labels), ['claim']);
    const table = run(['a', 'b']);
    assert.match(table.out, /^claim\s+1\.000\s+1\.000/m);
  });

  it('reports usage errors with exit 2', () => {
    assert.equal(run(['a']).code, 2);
    assert.equal(run(['a', 'nope']).code, 2);
    const one = run(['--by-author', 'a']);
    assert.equal(one.code, 2);
    assert.match(one.err, /found 0/);
  });
});
