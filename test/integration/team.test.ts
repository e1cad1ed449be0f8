/**
 * Team work in real VS Code: Set Up Git Merging of Sidecars (then a real `git merge` runs the
 * driver it configured), Import Annotations…, and Compare Coders… with accepting differences.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import type { Annotation } from '../../src/core/model';
import type { Comparison } from '../../src/team/compare';
import type { GitSetupResult } from '../../src/team/gitSetup';
import type { ImportResult } from '../../src/team/importCommand';
import { api, resetArticle, seedUri, sidecarOf, waitFor, writeSidecar } from './util';

const readSidecar = (uri: vscode.Uri): Annotation[] | undefined => {
  if (!fs.existsSync(sidecarOf(uri).fsPath)) return undefined;
  const p = parseSidecar(fs.readFileSync(sidecarOf(uri).fsPath));
  return p.ok ? p.sidecar.annotations : undefined;
};

describe('team commands', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-team-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('Set Up Git Merging writes .gitattributes once and a driver that git runs on a merge', async () => {
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(repo);
    const g = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });
    g('init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(repo, '.gitattributes'), '*.png binary\n');
    const r1 = await vscode.commands.executeCommand<GitSetupResult>('articleAnnotator.setUpGitMerging', { folder: repo });
    const r2 = await vscode.commands.executeCommand<GitSetupResult>('articleAnnotator.setUpGitMerging', { folder: repo });
    assert.equal(r1.changed, true);
    assert.equal(r2.changed, false, 'the second run changes nothing');
    assert.equal(fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8'), '*.png binary\n*.annotations.yaml merge=article-annotator\n');
    assert.equal(g('config', '--get', 'merge.article-annotator.driver').trim(), r1.driver);
    assert.match(r1.driver, /dist\/cli\.js'? merge-driver %O %A %B %P$/);

    // Two branches annotate the same article; git's merge runs the configured driver.
    const text = 'The minister said the plan would work.\n';
    const ann = (id: string, quote: string, label: string): Annotation => ({ id, label, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, quote });
    const write = (list: Annotation[]) => fs.writeFileSync(path.join(repo, 'a.txt.annotations.yaml'), serializeSidecar({ version: 1, article: 'a.txt', annotations: list }));
    fs.writeFileSync(path.join(repo, 'a.txt'), text);
    write([ann('a-1', 'minister', 'actor')]);
    g('add', '-A');
    g('commit', '-q', '-m', 'base');
    g('checkout', '-q', '-b', 'other');
    write([ann('a-1', 'minister', 'actor'), ann('a-2', 'the plan would work', 'claim')]);
    g('commit', '-q', '-am', 'other');
    g('checkout', '-q', 'main');
    write([ann('a-1', 'minister', 'actor'), ann('a-3', 'plan', 'framing')]);
    g('commit', '-q', '-am', 'main');
    g('merge', '-q', '--no-edit', 'other');
    const merged = parseSidecar(fs.readFileSync(path.join(repo, 'a.txt.annotations.yaml')));
    assert.ok(merged.ok, JSON.stringify(merged));
    assert.deepEqual(merged.sidecar.annotations.map((a) => a.id).sort(), ['a-1', 'a-2', 'a-3']);
  });

  it('Set Up Git Merging outside a repository says so and writes nothing', async () => {
    const plain = fs.mkdtempSync(path.join(tmp, 'plain-'));
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('articleAnnotator.setUpGitMerging', { folder: plain })), /not in a git repository/);
    assert.deepEqual(fs.readdirSync(plain), []);
  });

  it('Import Annotations… places a brat file, adds its new label to the codebook and reports what it could not place', async () => {
    const A = seedUri('004_7b40fffef38cf50c.txt');
    const original = fs.readFileSync(A.fsPath, 'utf8');
    const config = vscode.workspace.getConfiguration('articleAnnotator');
    try {
      const quote = 'Pakistan';
      const at = [...original.slice(0, original.indexOf(quote))].length;
      const dir = path.join(tmp, 'brat');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, '004_7b40fffef38cf50c.ann'), `T1\tcountry-x ${at} ${at + quote.length}\t${quote}\n#1\tAnnotatorNotes T1\tfrom brat\nT2\tclaim 5 99999999\tfar\n`);
      fs.writeFileSync(path.join(dir, '004_7b40fffef38cf50c.txt'), original);
      const r = await vscode.commands.executeCommand<ImportResult>('articleAnnotator.importAnnotations', { files: [path.join(dir, '004_7b40fffef38cf50c.ann')] });
      assert.equal(r.added, 1, JSON.stringify(r));
      assert.deepEqual(r.newLabels, ['country-x']);
      assert.ok(r.problems.some((p) => /004_7b40fffef38cf50c\.ann:3: T2 ends at 99999999, outside the text/.test(p)), r.problems.join('\n'));
      assert.match(r.report, /# Import report/);
      const onDisk = await waitFor(() => readSidecar(A)?.length === 1 && readSidecar(A), 'sidecar written');
      assert.deepEqual(onDisk.map((a) => [a.label, a.start, a.quote, a.comment]), [['country-x', at, quote, 'from brat']]);
      assert.ok(vscode.workspace.getConfiguration('articleAnnotator').get<{ name: string }[]>('labels')!.some((l) => l.name === 'country-x'));
      const again = await vscode.commands.executeCommand<ImportResult>('articleAnnotator.importAnnotations', { files: [path.join(dir, '004_7b40fffef38cf50c.ann')] });
      assert.equal(again.added, 0, 'importing again adds nothing');
    } finally {
      await config.update('labels', undefined, vscode.ConfigurationTarget.Workspace);
      await resetArticle(A, original);
    }
  });

  it('Compare Coders… with a git branch reads the sidecars committed there, checking nothing out', async () => {
    const A = seedUri('000_567447e36de95f9e.txt');
    const original = fs.readFileSync(A.fsPath, 'utf8');
    const root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const g = (args: string[], input?: string) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: root, encoding: 'utf8', ...(input !== undefined ? { input } : {}) }).trim();
    // VS Code's git extension would open the short-lived repository and keep showing it (status
    // bar, badges in later screenshots) after it is gone: off while it exists, if it is installed.
    const gitConfig = vscode.workspace.getConfiguration('git');
    const gitSetting = (v: boolean | undefined) => Promise.resolve(gitConfig.update('enabled', v, vscode.ConfigurationTarget.Workspace)).catch(() => undefined);
    await gitSetting(false);
    try {
      writeSidecar(A, [{ id: 'a-1', label: 'actor', quote: 'Pakistan' }]);
      const a = await api();
      await waitFor(async () => (await a.services.annotations.get(A)).items.length === 1, 'A loaded');
      // Branch coder-b: the article and B's sidecar, committed without touching the work tree.
      const bDir = path.join(tmp, 'b-branch', 'seeds');
      fs.mkdirSync(bDir, { recursive: true });
      const bUri = vscode.Uri.file(path.join(bDir, '000_567447e36de95f9e.txt'));
      fs.writeFileSync(bUri.fsPath, original);
      writeSidecar(bUri, [{ id: 'a-1', label: 'place', quote: 'Pakistan' }]);
      g(['init', '-q', '-b', 'main']);
      g(['add', 'seeds/000_567447e36de95f9e.txt']);
      const blob = g(['hash-object', '-w', '--stdin'], fs.readFileSync(sidecarOf(bUri).fsPath, 'utf8'));
      g(['update-index', '--add', '--cacheinfo', `100644,${blob},seeds/000_567447e36de95f9e.txt.annotations.yaml`]);
      g(['commit', '-q', '-m', 'coder b']);
      g(['branch', 'coder-b']);
      const sidecarBefore = fs.readFileSync(sidecarOf(A).fsPath, 'utf8');
      const c = await vscode.commands.executeCommand<Comparison>('articleAnnotator.compareCoders', { branch: 'coder-b' });
      assert.deepEqual(c.names, ['this workspace', 'branch coder-b']);
      const art = c.articles.find((x) => x.path === 'seeds/000_567447e36de95f9e.txt');
      assert.deepEqual(art?.diffs.map((d) => `${d.kind}:${d.a?.label}/${d.b?.label}`), ['labelDiffers:actor/place']);
      assert.ok(c.problems.some((p) => /seeds\/001_f449809abfeeccdc\.txt: not on branch coder-b/.test(p)), c.problems.join('\n'));
      assert.equal(fs.readFileSync(sidecarOf(A).fsPath, 'utf8'), sidecarBefore, 'the work tree is as it was');
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('articleAnnotator.compareCoders', { branch: 'no-such-branch' })), /cannot read branch no-such-branch/);
    } finally {
      fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
      await gitSetting(undefined);
      await vscode.commands.executeCommand('articleAnnotator.closeComparison');
      await resetArticle(A, original);
    }
  });

  it('Compare Coders… reports agreement, lists differences, and accepting one writes the sidecar', async () => {
    const A = seedUri('001_f449809abfeeccdc.txt');
    const original = fs.readFileSync(A.fsPath, 'utf8');
    const words = ['Pakistan', 'India', 'terror'].map((w) => {
      assert.ok(original.includes(w), w);
      return w;
    });
    try {
      writeSidecar(A, [
        { id: 'a-1', label: 'actor', quote: words[0]! },
        { id: 'a-2', label: 'actor', quote: words[1]! },
      ]);
      const a = await api();
      await waitFor(async () => (await a.services.annotations.get(A)).items.length === 2, 'A loaded');
      // Coder B: agrees on a-1, labels a-2 otherwise, and has one more.
      const other = path.join(tmp, 'coder-b');
      fs.mkdirSync(path.join(other, 'seeds'), { recursive: true });
      const bUri = vscode.Uri.file(path.join(other, 'seeds', '001_f449809abfeeccdc.txt'));
      fs.writeFileSync(bUri.fsPath, original);
      writeSidecar(bUri, [
        { id: 'a-1', label: 'actor', quote: words[0]! },
        { id: 'b-2', label: 'place', quote: words[1]! },
        { id: 'b-3', label: 'claim', quote: words[2]! },
      ]);
      const c = await vscode.commands.executeCommand<Comparison & { document: string }>('articleAnnotator.compareCoders', { folder: other });
      assert.match(c.report, /\| Label \| Cohen’s κ \| Krippendorff’s αᵤ \|/);
      assert.match(c.report, /\| \*\*overall\*\* \| -?\d\.\d{3} \|/);
      assert.ok(vscode.workspace.textDocuments.some((d) => d.uri.toString() === c.document && d.getText() === c.report), 'the report is open');
      const tree = a.teamFeature.differences;
      const [article] = tree.getChildren();
      assert.ok(article && article.kind === 'article' && article.article.path === 'seeds/001_f449809abfeeccdc.txt', JSON.stringify(tree.getChildren().map((n) => n.article.path)));
      const rows = tree.getChildren(article);
      assert.deepEqual(rows.map((n) => (n.kind === 'difference' ? `${n.diff.kind}:${n.diff.a?.id ?? '-'}/${n.diff.b?.id ?? '-'}` : '')).sort(), ['labelDiffers:a-2/b-2', 'onlyB:-/b-3']);
      assert.match(String(tree.getTreeItem(rows.find((n) => n.kind === 'difference' && n.diff.kind === 'labelDiffers')!).label), /^label differs: “India”$/);

      // Accept B's label for India; keep both for the claim only B has.
      await vscode.commands.executeCommand('articleAnnotator.acceptB', rows.find((n) => n.kind === 'difference' && n.diff.kind === 'labelDiffers'));
      await vscode.commands.executeCommand('articleAnnotator.keepBoth', rows.find((n) => n.kind === 'difference' && n.diff.kind === 'onlyB'));
      const onDisk = await waitFor(() => {
        const list = readSidecar(A);
        return list?.length === 3 && !list.some((x) => x.id === 'a-2') && list;
      }, 'the sidecar has B’s versions');
      assert.deepEqual(onDisk.map((x) => [x.id, x.label, x.quote]).sort(), [['a-1', 'actor', words[0]], ['b-2', 'place', words[1]], ['b-3', 'claim', words[2]]].sort());
      assert.deepEqual(tree.getChildren(), [], 'no differences left');
    } finally {
      await vscode.commands.executeCommand('articleAnnotator.closeComparison');
      await resetArticle(A, original);
    }
  });
});
