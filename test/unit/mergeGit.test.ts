import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeAnnotation, parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import { sha256 } from '../../src/core/hash';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const ARTICLE = 'seeds/003_f2cdae8a492d10f5.txt';

/** End to end with real git: the driver configured as "Set Up Git Merging of Sidecars" configures it. */
describe('merge driver under real git (built dist/cli.js)', function () {
  this.timeout(60000);
  let repo: string;
  let text: string;
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@invalid', GIT_CONFIG_NOSYSTEM: '1', HOME: repo } });
  const ok = (...args: string[]) => {
    const r = git(...args);
    assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  const sidecarFile = () => path.join(repo, `${ARTICLE}.annotations.yaml`);
  const annotate = (id: string, quote: string, label: string, extra: Record<string, unknown> = {}) => {
    const start = [...text.slice(0, text.indexOf(quote))].length;
    return makeAnnotation(text, start, start + [...quote].length, { id, label, ...extra });
  };
  const write = (annotations: ReturnType<typeof annotate>[]) =>
    fs.writeFileSync(sidecarFile(), serializeSidecar({ version: 1, article: path.basename(ARTICLE), articleSha256: sha256(text), annotations }));

  before(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
  });
  beforeEach(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-git-'));
    fs.mkdirSync(path.join(repo, 'seeds'));
    fs.copyFileSync(path.join(root, ARTICLE), path.join(repo, ARTICLE));
    text = fs.readFileSync(path.join(repo, ARTICLE), 'utf8');
    ok('init', '-q', '-b', 'main');
    // The two lines the set-up command writes (README, "Merging sidecars with git").
    fs.writeFileSync(path.join(repo, '.gitattributes'), '*.annotations.yaml merge=article-annotator\n');
    ok('config', 'merge.article-annotator.name', 'Article Annotator sidecars');
    ok('config', 'merge.article-annotator.driver', `"${process.execPath}" "${cli}" merge-driver %O %A %B %P`);
    write([annotate('a-base000000', 'We want to see full accountability for these terrible attacks', 'claim')]);
    ok('add', '.');
    ok('commit', '-q', '-m', 'base');
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  const base = () => annotate('a-base000000', 'We want to see full accountability for these terrible attacks', 'claim');
  const branches = (ours: () => void, theirs: () => void) => {
    ok('checkout', '-q', '-b', 'coder-b');
    theirs();
    ok('commit', '-q', '-am', 'coder b');
    ok('checkout', '-q', 'main');
    ours();
    ok('commit', '-q', '-am', 'coder a');
    return git('merge', '--no-edit', 'coder-b');
  };
  const words = text0();
  function text0() {
    const t = fs.readFileSync(path.join(root, ARTICLE), 'utf8');
    const m = t.match(/\b[A-Z][a-z]{4,}\b/g)!;
    // Two words after the base annotation: both sides add lines at the same place of the file, a
    // conflict for git's line merge.
    return [m[m.length - 2]!, m[m.length - 1]!];
  }

  it('two branches annotating the same article merge without conflict into a valid sidecar with both', () => {
    const r = branches(
      () => write([base(), annotate('a-coderaaaaa', words[0]!, 'actor')]),
      () => write([base(), annotate('a-coderbbbbb', words[1]!, 'actor', { comment: 'coder B' })]),
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const bytes = fs.readFileSync(sidecarFile());
    assert.ok(!bytes.includes('<<<<<<<'), 'no conflict markers');
    const parsed = parseSidecar(bytes);
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.deepEqual(parsed.sidecar.annotations.map((a) => a.id).sort(), ['a-base000000', 'a-coderaaaaa', 'a-coderbbbbb']);
    assert.equal(ok('status', '--porcelain').trim(), '');
  });

  it('the same field changed on both branches: git reports a conflict, the sidecar stays valid with both versions', () => {
    const r = branches(
      () => write([{ ...base(), label: 'evidence' }]),
      () => write([{ ...base(), label: 'framing' }]),
    );
    assert.notEqual(r.status, 0, 'git reports the conflict');
    const parsed = parseSidecar(fs.readFileSync(sidecarFile()));
    assert.ok(parsed.ok, JSON.stringify(parsed));
    const labels = parsed.sidecar.annotations.map((a) => a.label).sort();
    assert.deepEqual(labels, ['evidence', 'framing']);
    for (const a of parsed.sidecar.annotations) assert.ok(a.tags?.includes('merge-conflict'));
  });

  it('keeps a hand-written comment and unknown key of ours through the merge', () => {
    const r = branches(
      () => {
        write([base()]);
        const f = sidecarFile();
        fs.writeFileSync(f, '# coded by A, second pass\n' + fs.readFileSync(f, 'utf8') + 'reviewer: kim\n');
      },
      () => write([base(), annotate('a-coderbbbbb', words[1]!, 'actor')]),
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const after = fs.readFileSync(sidecarFile(), 'utf8');
    assert.match(after, /^# coded by A, second pass\n/);
    const parsed = parseSidecar(after);
    assert.ok(parsed.ok, after);
    assert.equal((parsed.sidecar as unknown as Record<string, unknown>).reviewer, 'kim');
    assert.equal(parsed.sidecar.annotations.length, 2);
  });

  it('keeps theirs\u2019 hand-written comments on the annotations theirs wrote, ours\u2019 on the rest', () => {
    const r = branches(
      () => {
        write([base(), annotate('a-coderaaaaa', words[0]!, 'actor')]);
        const f = sidecarFile();
        fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('  - id: a-coderaaaaa', '  # ours: check the name\n  - id: a-coderaaaaa'));
      },
      () => {
        write([base(), annotate('a-coderbbbbb', words[1]!, 'actor')]);
        const f = sidecarFile();
        fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('  - id: a-coderbbbbb', '  # theirs: second coder, unsure\n  - id: a-coderbbbbb').replace('    label: actor\n', '    label: actor # theirs: or place?\n'));
      },
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const after = fs.readFileSync(sidecarFile(), 'utf8');
    const parsed = parseSidecar(after);
    assert.ok(parsed.ok, after);
    assert.deepEqual(parsed.sidecar.annotations.map((a) => a.id).sort(), ['a-base000000', 'a-coderaaaaa', 'a-coderbbbbb']);
    assert.match(after, /# ours: check the name\n\s*- id: a-coderaaaaa/);
    assert.match(after, /# theirs: second coder, unsure\n\s*- id: a-coderbbbbb/);
    assert.match(after, /label: actor # theirs: or place\?/);
  });

  it('a side that does not parse: non-zero exit and OURS untouched', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-md-'));
    try {
      const good = serializeSidecar({ version: 1, article: 'x.txt', annotations: [base()] });
      fs.writeFileSync(path.join(dir, 'base'), good);
      fs.writeFileSync(path.join(dir, 'ours'), good);
      fs.writeFileSync(path.join(dir, 'theirs'), '<<<<<<< HEAD\nversion: 1\n');
      const r = spawnSync(process.execPath, [cli, 'merge-driver', 'base', 'ours', 'theirs', 'x.txt.annotations.yaml'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /theirs \(x\.txt\.annotations\.yaml\)/);
      assert.equal(fs.readFileSync(path.join(dir, 'ours'), 'utf8'), good);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
