import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('command-line tool (built dist/cli.js as a process)', function () {
  this.timeout(60000);
  let ws: string;
  before(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-cli-'));
    fs.cpSync(path.join(root, 'seeds'), path.join(ws, 'seeds'), { recursive: true });
    const text = fs.readFileSync(path.join(ws, 'seeds/003_f2cdae8a492d10f5.txt'), 'utf8');
    const quote = 'We want to see full accountability for these terrible attacks';
    const start = [...text.slice(0, text.indexOf(quote))].length;
    fs.writeFileSync(path.join(ws, 'seeds/003_f2cdae8a492d10f5.txt.annotations.yaml'), `version: 1\narticle: 003_f2cdae8a492d10f5.txt\nannotations:\n  - id: a-1\n    label: claim\n    start: ${start}\n    end: ${start + [...quote].length}\n    quote: "${quote}"\n    speaker: Mark C. Toner\n`);
  });
  after(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('prints help and the version', () => {
    const h = run(['--help'], ws);
    assert.equal(h.code, 0);
    assert.match(h.out, /article-annotator detect <article>/);
    assert.match(h.out, /export --format FORMAT/);
    const v = run(['--version'], ws);
    assert.match(v.out.trim(), /^\d+\.\d+\.\d+$/);
  });

  it('detects actors and claims as JSON with code-point offsets', () => {
    const r = run(['detect', 'seeds/000_567447e36de95f9e.txt', 'seeds/003_f2cdae8a492d10f5.txt', '--json'], ws);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { articles: { file: string; actors: { name: string; type: string; aliases: string[]; mentions: { start: number; end: number; text: string }[] }[]; claims: { start: number; end: number; text: string; speaker: string | null; cue: string; kind: string }[] }[] };
    assert.equal(json.articles.length, 2);
    const a0 = json.articles[0]!;
    assert.equal(a0.file, 'seeds/000_567447e36de95f9e.txt');
    const text = [...fs.readFileSync(path.join(ws, a0.file), 'utf8')];
    for (const actor of a0.actors) {
      assert.ok(['person', 'organization', 'place', 'other'].includes(actor.type));
      for (const m of actor.mentions) assert.equal(text.slice(m.start, m.end).join(''), m.text);
    }
    for (const c of a0.claims) {
      assert.equal(text.slice(c.start, c.end).join(''), c.text);
      assert.ok(c.kind === 'direct' || c.kind === 'indirect');
    }
    assert.ok(json.articles[1]!.claims.some((c) => c.speaker === 'Mark C. Toner'));
  });

  it('exports every format from a folder', () => {
    for (const format of ['w3c', 'csv', 'markdown', 'graphml']) {
      const r = run(['export', '--format', format, 'seeds'], ws);
      assert.equal(r.code, 0, `${format}: ${r.err}`);
      assert.ok(r.out.length > 50, format);
    }
    const csv = run(['export', '--format', 'csv', 'seeds'], ws).out;
    assert.match(csv, /seeds\/003_f2cdae8a492d10f5\.txt,a-1,claim,\d+,\d+,We want to see full accountability for these terrible attacks,Mark C\. Toner/);
    const q = run(['export', '--format', 'qdpx', '-o', 'out/p.qdpx', 'seeds'], ws);
    assert.equal(q.code, 0, q.err);
    assert.equal(fs.readFileSync(path.join(ws, 'out/p.qdpx')).subarray(0, 2).toString('latin1'), 'PK');
    const b = run(['export', '--format', 'brat', '--detections', '-o', 'out/brat', 'seeds'], ws);
    assert.equal(b.code, 0, b.err);
    assert.ok(fs.existsSync(path.join(ws, 'out/brat/seeds/003_f2cdae8a492d10f5.ann')));
    assert.ok(fs.existsSync(path.join(ws, 'out/brat/annotation.conf')));
  });

  it('reports a missing file and a corrupt sidecar, continues with the others, exits 1', () => {
    fs.writeFileSync(path.join(ws, 'seeds/001_f449809abfeeccdc.txt.annotations.yaml'), 'version: 1\narticle: x\nannotations: [unclosed\n');
    try {
      const r = run(['export', '--format', 'csv', 'seeds', 'nope.txt'], ws);
      assert.equal(r.code, 1);
      assert.match(r.err, /nope\.txt: no such file or folder/);
      assert.match(r.err, /001_f449809abfeeccdc\.txt\.annotations\.yaml:\d+: Not valid YAML/);
      assert.match(r.out, /a-1,claim/, 'the other articles are still exported');
    } finally {
      fs.rmSync(path.join(ws, 'seeds/001_f449809abfeeccdc.txt.annotations.yaml'));
    }
  });

  it('rejects bad usage with exit code 2', () => {
    assert.equal(run(['export', 'seeds'], ws).code, 2);
    assert.equal(run(['export', '--format', 'pdf', 'seeds'], ws).code, 2);
    assert.equal(run(['frobnicate'], ws).code, 2);
    const binary = path.join(ws, 'bin.txt');
    fs.writeFileSync(binary, Buffer.from([0, 1, 2, 3]));
    const r = run(['detect', binary, '--json'], ws);
    assert.equal(r.code, 1);
    assert.match(r.err, /binary/);
  });
});
