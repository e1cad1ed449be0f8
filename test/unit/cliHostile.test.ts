import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const SEED = '003_f2cdae8a492d10f5.txt';

/**
 * Odd files in a folder the CLI is pointed at: each is reported on stderr with what it is, skipped,
 * and the good article is still processed; the exit code is 1. None may block, loop or crash.
 */
const CASES: { name: string; make: (dir: string) => void; stderr: RegExp; args?: (dir: string) => string[] }[] = [
  { name: 'a symbolic link to its own folder', make: (d) => fs.symlinkSync('.', path.join(d, 'loop')), stderr: /^$/ },
  { name: 'a symbolic link loop', make: (d) => { fs.symlinkSync('b.txt', path.join(d, 'a.txt')); fs.symlinkSync('a.txt', path.join(d, 'b.txt')); }, stderr: /a\.txt: a loop of symbolic links; skipped/ },
  { name: 'a dangling symbolic link', make: (d) => fs.symlinkSync('nowhere.txt', path.join(d, 'gone.txt')), stderr: /gone\.txt: a symbolic link to nothing, or gone; skipped/ },
  { name: 'a FIFO named *.txt', make: (d) => execFileSync('mkfifo', [path.join(d, 'pipe.txt')]), stderr: /pipe\.txt: not a regular file; skipped/ },
  { name: 'a folder where a sidecar should be', make: (d) => { fs.copyFileSync(path.join(root, 'seeds', SEED), path.join(d, 'second.txt')); fs.mkdirSync(path.join(d, 'second.txt.annotations.yaml')); }, stderr: /second\.txt\.annotations\.yaml: a folder where the sidecar should be; its article is skipped/ },
  { name: '-o naming an existing folder', make: (d) => fs.mkdirSync(path.join(d, 'out')), stderr: /out: -o names a folder; give a file name .*nothing written/, args: (d) => ['export', '--format', 'csv', '-o', path.join(d, 'out'), d] },
];

describe('command-line tool on odd files (reports, skips, goes on)', function () {
  this.timeout(60000);
  before(() => execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' }));

  for (const c of CASES) {
    it(c.name, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-cli-odd-'));
      try {
        fs.copyFileSync(path.join(root, 'seeds', SEED), path.join(dir, SEED));
        c.make(dir);
        const args = c.args ? c.args(dir) : ['export', '--format', 'csv', dir];
        const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 30000 });
        assert.equal(r.error, undefined, 'the CLI must not block');
        assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
        assert.match(r.stderr, c.stderr);
        if (c.args) {
          assert.equal(r.status, 1);
          assert.ok(fs.statSync(path.join(dir, 'out')).isDirectory(), 'the folder is left as it was');
          assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), []);
        } else {
          // The good article is exported: its detections are not asked for, so its row count is
          // that of its sidecar (none): the header alone, and the article appears in no error.
          assert.match(r.stdout, /^article,id,label/);
          assert.equal(r.status, c.stderr.source === '^$' ? 0 : 1, r.stderr);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('detect goes on past a symbolic link loop and a dangling link, and detects the good article', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-cli-odd-'));
    try {
      fs.copyFileSync(path.join(root, 'seeds', SEED), path.join(dir, SEED));
      fs.symlinkSync('.', path.join(dir, 'self'));
      fs.symlinkSync('nowhere.txt', path.join(dir, 'gone.txt'));
      const r = spawnSync(process.execPath, [cli, 'detect', '--json', dir], { encoding: 'utf8', timeout: 30000 });
      assert.equal(r.status, 1);
      const files = (JSON.parse(r.stdout) as { articles: { file: string; actors: unknown[] }[] }).articles;
      assert.deepEqual(files.map((a) => path.basename(a.file)), [SEED], 'the loop is walked once: the article is listed once');
      assert.ok(files[0]!.actors.length > 0);
      assert.match(r.stderr, /gone\.txt: a symbolic link to nothing/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('export: CSV formulas neutralised by default, written as they are with --raw (csv and dna)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-cli-raw-'));
    try {
      const text = fs.readFileSync(path.join(root, 'seeds', SEED), 'utf8');
      fs.writeFileSync(path.join(dir, SEED), text);
      const quote = 'Washington wants Islamabad';
      const start = [...text.slice(0, text.indexOf(quote))].length;
      const sidecar = ['version: 1', `article: ${SEED}`, 'annotations:', '  - id: f-1', '    label: claim', `    start: ${start}`, `    end: ${start + [...quote].length}`, `    quote: ${quote}`, `    speaker: "@SUM(A1:A2)"`, `    comment: "=cmd|' /C calc'!A0"`, '    tags: ["+1+1"]', ''].join('\n');
      fs.writeFileSync(path.join(dir, `${SEED}.annotations.yaml`), sidecar);
      const out = (format: string, raw: boolean) => {
        const r = spawnSync(process.execPath, [cli, 'export', '--format', format, ...(raw ? ['--raw'] : []), dir], { encoding: 'utf8', timeout: 30000 });
        assert.equal(r.status, 0, r.stderr);
        return r.stdout;
      };
      const csv = out('csv', false);
      assert.ok(csv.includes(`,'@SUM(A1:A2),'=cmd|' /C calc'!A0,'+1+1,`), csv);
      assert.ok(out('csv', true).includes(`,@SUM(A1:A2),=cmd|' /C calc'!A0,+1+1,`), 'raw');
      assert.ok(out('dna', false).includes(`,'@SUM(A1:A2),`));
      assert.ok(out('dna', true).includes(`,@SUM(A1:A2),`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a brat export inside the articles\' folder: its copies are not articles in a later walk, unless the folder is named', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-cli-brat-'));
    try {
      fs.copyFileSync(path.join(root, 'seeds', SEED), path.join(dir, SEED));
      const exp = spawnSync(process.execPath, [cli, 'export', '--format', 'brat', '-o', path.join(dir, 'brat'), dir], { encoding: 'utf8', timeout: 30000 });
      assert.equal(exp.status, 0, exp.stderr);
      assert.ok(fs.existsSync(path.join(dir, 'brat', SEED)), 'the copy is written');
      const files = (args: string[]) => {
        const r = spawnSync(process.execPath, [cli, 'detect', '--json', ...args], { encoding: 'utf8', timeout: 30000 });
        assert.equal(r.status, 0, r.stderr);
        return (JSON.parse(r.stdout) as { articles: { file: string }[] }).articles.map((a) => path.relative(dir, a.file));
      };
      assert.deepEqual(files([dir]), [SEED]);
      assert.deepEqual(files([path.join(dir, 'brat')]), [path.join('brat', SEED)], 'named, it is read');
      fs.rmSync(path.join(dir, 'brat', '.article-annotator-export'));
      assert.deepEqual(files([dir]), [SEED, path.join('brat', SEED)].sort(), 'without the marker, the copy is an article again');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
