import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Annotation } from '../../src/core/model';
import { api, resetArticle, seedUri, selectText, sidecarOf, sleep, waitFor } from './util';

const ARTICLE = '001_f449809abfeeccdc.txt';
const QUOTE = 'immediate, sustained and irreversible action';

interface Disk {
  meta?: Record<string, unknown>;
  annotations: Annotation[];
}

describe('claims as statements: topic, stance, verdict, evidence and article details', () => {
  const uri = seedUri(ARTICLE);
  let original: string;
  const disk = (): Disk => parse(fs.readFileSync(sidecarOf(uri).fsPath, 'utf8')) as Disk;
  const flush = async () => (await api()).services.annotations.flushAll();

  before(async () => {
    original = fs.readFileSync(uri.fsPath, 'utf8');
    await api();
  });
  afterEach(async () => {
    await resetArticle(uri, original);
    await sleep(200);
  });

  async function annotate(args: Record<string, unknown>): Promise<Annotation> {
    await selectText(uri, QUOTE);
    const created = await vscode.commands.executeCommand<Annotation>('articleAnnotator.annotateSelection', args);
    assert.ok(created?.id, 'annotateSelection returns the annotation');
    await flush();
    return created;
  }

  it('annotates a claim with about, stance, verdict and evidence, and refuses a stance outside the setting', async () => {
    await annotate({ label: 'claim', speaker: 'India', about: [' Pakistan ', 'terrorism', 'terrorism'], stance: 'agree', verdict: 'mostly-true', evidence: ['https://example.org/statement'] });
    const a = disk().annotations[0]!;
    assert.deepEqual(a.about, ['Pakistan', 'terrorism'], 'trimmed, no duplicates');
    assert.equal(a.stance, 'agree');
    assert.equal(a.verdict, 'mostly-true');
    assert.deepEqual(a.evidence, ['https://example.org/statement']);
    await selectText(uri, 'perpetrators of the 2008 Mumbai');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('articleAnnotator.annotateSelection', { label: 'claim', stance: 'maybe' })), /unknown stance "maybe" \(one of agree, disagree, neutral/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('articleAnnotator.annotateSelection', { label: 'claim', verdict: 'pants-on-fire' })), /unknown verdict/);
    await flush();
    assert.equal(disk().annotations.length, 1, 'a refused call adds nothing');
  });

  it('sets and clears topic, stance and verdict from a tree ref and at the cursor', async () => {
    const created = await annotate({ label: 'claim', speaker: 'India' });
    const ref = { kind: 'annotation', article: uri.toString(), id: created.id };
    await vscode.commands.executeCommand('articleAnnotator.setTopic', ref, { about: ['sanctions', 'Pakistan'] });
    await vscode.commands.executeCommand('articleAnnotator.setVerdict', ref, { verdict: 'false', evidence: ['UN report', 'https://example.org/x'] });
    // At the cursor: the annotation under it.
    const editor = await selectText(uri, QUOTE);
    editor.selection = new vscode.Selection(editor.selection.start.translate(0, 3), editor.selection.start.translate(0, 3));
    await vscode.commands.executeCommand('articleAnnotator.setStance', { stance: 'disagree' });
    await flush();
    let a = disk().annotations[0]!;
    assert.deepEqual([a.about, a.stance, a.verdict, a.evidence], [['sanctions', 'Pakistan'], 'disagree', 'false', ['UN report', 'https://example.org/x']]);
    await vscode.commands.executeCommand('articleAnnotator.setStance', ref, { stance: '' });
    await vscode.commands.executeCommand('articleAnnotator.setTopic', ref, { about: [] });
    await flush();
    a = disk().annotations[0]!;
    assert.equal('stance' in a, false, 'an empty stance clears it');
    assert.equal('about' in a, false, 'an empty list clears the topics');
    assert.equal(a.verdict, 'false');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('articleAnnotator.setStance', ref, { stance: 'sideways' })), /unknown stance/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('articleAnnotator.setTopic', ref, { about: 'one' })), /"about" must be a list of texts/);
  });

  it('shows stance and verdict on the claim\'s tree row, topics and evidence in its tooltip', async () => {
    const created = await annotate({ label: 'claim', speaker: 'India', about: ['Pakistan'], stance: 'agree', verdict: 'mixed', evidence: ['joint statement'] });
    const tree = (await api()).tree;
    const find = async (nodes: readonly unknown[] | undefined): Promise<unknown> => {
      for (const n of nodes ?? []) {
        if ((n as { kind?: string; ref?: { id?: string } }).kind === 'annotation' && (n as { ref: { id: string } }).ref.id === created.id) return n;
        const hit = await find(await tree.provider.getChildren(n as never));
        if (hit) return hit;
      }
      return undefined;
    };
    const node = await waitFor(async () => find(await tree.provider.getChildren()), 'the claim in the tree');
    const item = await tree.provider.getTreeItem(node as never);
    assert.equal(String(item.description), 'claim — India · agree · verdict: mixed');
    const tip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tip, /Topics: Pakistan/);
    assert.match(tip, /Verdict: mixed \(evidence: joint statement\)/);
  });

  it('Set Stance… from the UI: a quick pick of the configured stances', async () => {
    const created = await annotate({ label: 'claim', speaker: 'India' });
    const config = vscode.workspace.getConfiguration('articleAnnotator');
    await config.update('stances', ['support', 'oppose'], vscode.ConfigurationTarget.Workspace);
    try {
      const tree = { ref: { kind: 'annotation', article: uri.toString(), id: created.id } };
      const run = vscode.commands.executeCommand<Annotation | undefined>('articleAnnotator.setStance', tree);
      await sleep(600); // the quick pick opens
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const result = await run;
      assert.equal(result?.stance, 'oppose', 'the second configured stance');
      await flush();
      assert.equal(disk().annotations[0]!.stance, 'oppose');
    } finally {
      await config.update('stances', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Edit Annotation… on a claim: topics, stance, verdict and evidence with the Set… prompts', async () => {
    // A topic elsewhere in the workspace, offered for completion.
    await selectText(uri, 'perpetrators of the 2008 Mumbai');
    await vscode.commands.executeCommand('articleAnnotator.annotateSelection', { label: 'note', about: ['sanctions'] });
    const created = await annotate({ label: 'claim', speaker: 'India', about: ['Pakistan'], stance: 'agree', evidence: ['joint statement', 'https://example.org/s'] });
    const ref = { kind: 'annotation', article: uri.toString(), id: created.id };
    /** Edit Annotation… from the tree row; picks the field `steps` rows below Label, then runs `answer`. */
    const edit = async (steps: number, answer: () => Promise<void>): Promise<Annotation | undefined> => {
      const run = vscode.commands.executeCommand<Annotation | undefined>('articleAnnotator.editAnnotation', { ref });
      await sleep(600); // the field picker opens
      for (let k = 0; k < steps; k++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await sleep(600); // the field's prompt opens
      await answer();
      return run;
    };
    const next = async () => void (await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'));
    const accept = async () => void (await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'));
    // Label, Comment, Tags, Speaker, Topics (4), Stance (5), Verdict (6), Evidence (7).
    // Topics: the workspace's, sorted (Pakistan, sanctions), the claim's checked: check sanctions too.
    // Enter keeps them as they are.
    let a = await edit(4, accept);
    assert.deepEqual(a?.about, ['Pakistan']);
    // A multi-select focuses no row at first: the first Next focuses Pakistan, the second sanctions.
    a = await edit(4, async () => {
      await next();
      await next();
      await vscode.commands.executeCommand('workbench.action.quickPickManyToggle');
      await accept();
    });
    assert.deepEqual(a?.about, ['Pakistan', 'sanctions']);
    // Stance: agree (current), disagree, neutral, None.
    a = await edit(5, async () => {
      await next();
      await accept();
    });
    assert.equal(a?.stance, 'disagree');
    // Verdict: the configured scale (true, mostly-true, mixed, …); the picker asks only the verdict.
    a = await edit(6, async () => {
      await next();
      await next();
      await accept();
    });
    assert.equal(a?.verdict, 'mixed');
    // Evidence: the input shows the current entries joined with “ ; ”; Enter keeps them.
    a = await edit(7, accept);
    assert.deepEqual(a?.evidence, ['joint statement', 'https://example.org/s']);
    await flush();
    const onDisk = disk().annotations.find((x) => x.id === created.id)!;
    assert.deepEqual([onDisk.about, onDisk.stance, onDisk.verdict, onDisk.evidence, onDisk.speaker], [['Pakistan', 'sanctions'], 'disagree', 'mixed', ['joint statement', 'https://example.org/s'], 'India']);
    // Scripted, the same fields through the patch, checked against the settings.
    await vscode.commands.executeCommand('articleAnnotator.editAnnotation', ref, { stance: 'neutral', verdict: '', evidence: [] });
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('articleAnnotator.editAnnotation', ref, { verdict: 'pants-on-fire' })), /editAnnotation: unknown verdict/);
    await flush();
    const scripted = disk().annotations.find((x) => x.id === created.id)!;
    assert.deepEqual([scripted.stance, 'verdict' in scripted, 'evidence' in scripted], ['neutral', false, false]);
  });

  it('Set Article Details… writes a meta block, validates the date, and keeps the annotations', async () => {
    await annotate({ label: 'claim', speaker: 'India' });
    await vscode.commands.executeCommand('vscode.open', uri);
    const details = await vscode.commands.executeCommand<Record<string, string>>('articleAnnotator.setArticleDetails', { article: uri.toString(), date: '2020-09-11', outlet: 'Hindustan Times', url: 'https://example.org/a' });
    assert.equal(details.date, '2020-09-11', 'the sidecar wins over the date line (2020-09-12)');
    await flush();
    let d = disk();
    assert.deepEqual(d.meta, { date: '2020-09-11', outlet: 'Hindustan Times', url: 'https://example.org/a' });
    assert.equal(d.annotations.length, 1);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('articleAnnotator.setArticleDetails', { article: uri.toString(), date: '2020-02-30' })), /not a calendar date/);
    // An empty value removes the override: the text's date line is in force again.
    const after = await vscode.commands.executeCommand<Record<string, string>>('articleAnnotator.setArticleDetails', { date: '' });
    assert.equal(after.date, '2020-09-12');
    await flush();
    d = disk();
    assert.deepEqual(d.meta, { outlet: 'Hindustan Times', url: 'https://example.org/a' });
  });

  it('sets article details on an article without annotations (the sidecar is created)', async () => {
    assert.ok(!fs.existsSync(sidecarOf(uri).fsPath));
    await vscode.commands.executeCommand('articleAnnotator.setArticleDetails', { article: uri.toString(), author: 'Staff writer' });
    await flush();
    await waitFor(() => fs.existsSync(sidecarOf(uri).fsPath), 'sidecar written');
    assert.deepEqual(disk().meta, { author: 'Staff writer' });
  });
});
