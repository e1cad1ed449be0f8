import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, seedUri, sidecarOf, waitFor, writeSidecar } from './util';

describe('export command', () => {
  const A = seedUri('002_0758a46f1570366d.txt');
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-export-'));
    writeSidecar(A, [{ id: 'a-1', label: 'claim', quote: 'We continue to encourage Pakistan to prosecute militant leaders', speaker: 'Donald Lu', comment: 'the ask, "quoted"' }]);
    const a = await api();
    await waitFor(async () => (await a.services.annotations.get(A)).items.length === 1, 'sidecar loaded');
  });
  after(() => {
    fs.rmSync(sidecarOf(A).fsPath, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('offers a destination outside the articles: the workspace folder, or exports/ beside top-level articles', async () => {
    const { exportFeature, services } = await api();
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    // The seeds are in seeds/: the workspace folder is outside them, and nothing is made.
    assert.deepEqual(await exportFeature.defaultFolder(), { uri: root, created: false });
    // Every .txt an article, one at the top: exports/, made for the dialog.
    const top = vscode.Uri.joinPath(root, 'top-level-article.txt');
    const exportsDir = vscode.Uri.joinPath(root, 'exports');
    fs.writeFileSync(top.fsPath, 'Talks resumed on Friday.\n');
    const cfg = vscode.workspace.getConfiguration('articleAnnotator');
    try {
      await cfg.update('articleGlob', '**/*.txt', vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => (await services.articles.list()).some((u) => u.toString() === top.toString()), 'the top-level article listed');
      const dest = await exportFeature.defaultFolder();
      assert.equal(dest?.uri.toString(), exportsDir.toString());
      assert.equal(dest?.created, true);
      assert.ok(fs.statSync(exportsDir.fsPath).isDirectory());
      assert.equal((await exportFeature.defaultFolder())?.created, false, 'made once');
    } finally {
      await cfg.update('articleGlob', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(top.fsPath, { force: true });
      fs.rmSync(exportsDir.fsPath, { recursive: true, force: true });
    }
  });

  for (const format of ['w3c', 'csv', 'markdown', 'qdpx', 'graphml'] as const) {
    it(`exports ${format} for the workspace with arguments`, async () => {
      const output = path.join(dir, `out.${format}`);
      const written = await vscode.commands.executeCommand<vscode.Uri[]>('articleAnnotator.export', { format, scope: 'workspace', output, includeDetections: format !== 'csv' });
      assert.equal(written.length, 1);
      const bytes = fs.readFileSync(output);
      assert.ok(bytes.length > 100);
      const text = bytes.toString('utf8');
      if (format === 'w3c') {
        const json = JSON.parse(text);
        assert.equal(json.type, 'AnnotationCollection');
        assert.ok(json.first.items.some((i: { target: { selector: { exact?: string }[] } }) => i.target.selector[0]!.exact === 'We continue to encourage Pakistan to prosecute militant leaders'));
      } else if (format === 'csv') {
        const rows = text.split('\r\n').filter(Boolean);
        assert.equal(rows.length, 2, 'header and the one annotation (no detections)');
        assert.match(rows[1]!, /^seeds\/002_0758a46f1570366d\.txt,a-1,claim,\d+,\d+,We continue to encourage Pakistan to prosecute militant leaders,Donald Lu,"the ask, ""quoted""",,,,user$/);
      } else if (format === 'markdown') assert.match(text, /#### Donald Lu/);
      else if (format === 'qdpx') assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
      else assert.match(text, /<graphml/);
    });
  }

  it('exports brat into a folder, and only the current article with scope article', async () => {
    const doc = await vscode.workspace.openTextDocument(A);
    await vscode.window.showTextDocument(doc);
    const out = path.join(dir, 'brat');
    const written = await vscode.commands.executeCommand<vscode.Uri[]>('articleAnnotator.export', { format: 'brat', scope: 'article', output: out });
    assert.deepEqual(written.map((u) => path.basename(u.fsPath)).sort(), ['.article-annotator-export', '002_0758a46f1570366d.ann', '002_0758a46f1570366d.txt', 'annotation.conf']);
    const ann = fs.readFileSync(path.join(out, 'seeds', '002_0758a46f1570366d.ann'), 'utf8');
    const t = /^T1\tclaim (\d+) (\d+)\t(.*)$/m.exec(ann)!;
    const txt = fs.readFileSync(path.join(out, 'seeds', '002_0758a46f1570366d.txt'), 'utf8');
    assert.equal([...txt].slice(Number(t[1]), Number(t[2])).join(''), t[3]);
    assert.match(ann, /^R1\tSpeaker Arg1:T\d+ Arg2:T1$/m);
  });

  it('exports dna and claimreview with the sidecar\'s meta and statement fields', async () => {
    const B = seedUri('003_f2cdae8a492d10f5.txt');
    const quote = 'We want to see full accountability for these terrible attacks.';
    const text = fs.readFileSync(B.fsPath, 'utf8');
    const start = [...text.slice(0, text.indexOf(quote))].length;
    fs.writeFileSync(
      sidecarOf(B).fsPath,
      ['version: 1', 'article: 003_f2cdae8a492d10f5.txt', 'meta:', '  url: https://news.example/003', '  outlet: Example News', 'annotations:', '  - id: a-9', '    label: claim', `    start: ${start}`, `    end: ${start + [...quote].length}`, `    quote: "${quote}"`, '    speaker: State Department', '    about: [ accountability, Mumbai attacks ]', '    stance: agree', '    verdict: mixed', ''].join('\n'),
    );
    try {
      const a = await api();
      await waitFor(async () => (await a.services.annotations.get(B)).items.length === 1, 'sidecar loaded');
      const dna = path.join(dir, 'statements.csv');
      await vscode.commands.executeCommand('articleAnnotator.export', { format: 'dna', scope: 'workspace', output: dna });
      const row = fs.readFileSync(dna, 'utf8').split('\r\n').find((r) => r.startsWith('a-9,'));
      assert.equal(row, `a-9,2016-09-07,State Department,accountability; Mumbai attacks,agree,seeds/003_f2cdae8a492d10f5.txt,${quote},${start},${start + [...quote].length},user`, 'date from the 1:00 pm 7 Sep, 2016 line');
      const cr = path.join(dir, 'claimreview.jsonld');
      await vscode.commands.executeCommand('articleAnnotator.export', { format: 'claimreview', scope: 'workspace', output: cr });
      const reviews = JSON.parse(fs.readFileSync(cr, 'utf8')) as { claimReviewed: string; url: string; reviewRating: { ratingValue: number; alternateName: string }; itemReviewed: { appearance: { url: string; datePublished: string } } }[];
      assert.equal(reviews.length, 1);
      assert.equal(reviews[0]!.claimReviewed, quote);
      assert.equal(reviews[0]!.url, 'https://news.example/003#a-9');
      assert.deepEqual([reviews[0]!.reviewRating.ratingValue, reviews[0]!.reviewRating.alternateName], [3, 'mixed']);
      assert.deepEqual(reviews[0]!.itemReviewed.appearance.datePublished, '2016-09-07');
    } finally {
      fs.rmSync(sidecarOf(B).fsPath, { force: true });
    }
  });

  it('CSV: formulas neutralised, written as they are with the setting export.rawCsv (issue 17)', async () => {
    const C = seedUri('004_7b40fffef38cf50c.txt');
    const text = fs.readFileSync(C.fsPath, 'utf8');
    const quote = text.slice(0, 20);
    fs.writeFileSync(sidecarOf(C).fsPath, ['version: 1', 'article: 004_7b40fffef38cf50c.txt', 'annotations:', '  - id: f-1', '    label: note', '    start: 0', `    end: ${[...quote].length}`, `    quote: ${JSON.stringify(quote)}`, `    comment: "=HYPERLINK(\\"http://x\\",\\"y\\")"`, '    tags: ["@SUM(A1)"]', ''].join('\n'));
    const cfg = vscode.workspace.getConfiguration('articleAnnotator');
    try {
      const a = await api();
      await waitFor(async () => (await a.services.annotations.get(C)).items.length === 1, 'sidecar loaded');
      const row = async (name: string) => {
        const output = path.join(dir, name);
        await vscode.commands.executeCommand('articleAnnotator.export', { format: 'csv', scope: 'workspace', output });
        return fs.readFileSync(output, 'utf8').split('\r\n').find((r) => r.includes(',f-1,'));
      };
      assert.match((await row('default.csv'))!, /,"'=HYPERLINK\(""http:\/\/x"",""y""\)",'@SUM\(A1\),/);
      await cfg.update('export.rawCsv', true, vscode.ConfigurationTarget.Workspace);
      assert.match((await row('raw.csv'))!, /,"=HYPERLINK\(""http:\/\/x"",""y""\)",@SUM\(A1\),/);
    } finally {
      await cfg.update('export.rawCsv', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(sidecarOf(C).fsPath, { force: true });
    }
  });

  it('a brat export inside the articles (glob **/*.txt): its copies are not articles; without its marker they are', async () => {
    const { services } = await api();
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const exportsDir = vscode.Uri.joinPath(root, 'exports');
    const out = vscode.Uri.joinPath(exportsDir, 'brat');
    const copy = vscode.Uri.joinPath(out, 'seeds', '002_0758a46f1570366d.txt');
    const sentinel = vscode.Uri.joinPath(exportsDir, 'sentinel.txt');
    const cfg = vscode.workspace.getConfiguration('articleAnnotator');
    const created: string[] = [];
    const sub = services.articles.onDidChangeFiles((e) => {
      if (e.kind === 'articleCreated') created.push(e.uri.toString());
    });
    const listed = async (u: vscode.Uri) => (await services.articles.list()).some((x) => x.toString() === u.toString());
    try {
      await cfg.update('articleGlob', '**/*.txt', vscode.ConfigurationTarget.Workspace);
      await waitFor(() => listed(A), 'the seeds listed under **/*.txt');
      const written = await vscode.commands.executeCommand<vscode.Uri[]>('articleAnnotator.export', { format: 'brat', scope: 'workspace', output: out.fsPath });
      assert.ok(written.some((u) => u.toString() === copy.toString()));
      assert.ok(fs.existsSync(copy.fsPath));
      // A file made after the export: once it is listed, the watcher's events of the copies are handled.
      fs.writeFileSync(sentinel.fsPath, 'Talks resumed on Friday.\n');
      await waitFor(() => created.includes(sentinel.toString()) && listed(sentinel), 'the file made after the export listed');
      assert.equal(await listed(copy), false, 'the copy is not an article');
      assert.equal(services.articles.isArticle(copy), false);
      assert.ok(!created.some((c) => c.startsWith(out.toString())), created.join(' | '));
      assert.ok(services.articles.isArticle(sentinel), 'beside the export folder, a .txt is still an article');
      // The marker is what makes them copies: deleted, they are articles (and reported as created).
      fs.rmSync(path.join(out.fsPath, '.article-annotator-export'));
      await waitFor(() => listed(copy), 'the copy listed once the marker is gone', 15000);
      await waitFor(() => created.includes(copy.toString()), 'the copy reported as created');
      assert.ok(services.articles.isArticle(copy));
    } finally {
      sub.dispose();
      await cfg.update('articleGlob', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(exportsDir.fsPath, { recursive: true, force: true });
    }
  });

  it('refuses an unknown format clearly', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('articleAnnotator.export', { format: 'pdf', scope: 'workspace', output: path.join(dir, 'x') })), /unknown format/);
  });
});
