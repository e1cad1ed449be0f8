import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, resetArticle, seedUri, sidecarOf, sleep, waitFor } from './util';

const ARTICLE = '003_f2cdae8a492d10f5.txt';

function lexiconUri(): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.annotator', 'actors.yaml');
}

async function openArticle(name = ARTICLE): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(seedUri(name));
  return vscode.window.showTextDocument(doc);
}

async function applied(editor: vscode.TextEditor) {
  const a = await api();
  return waitFor(() => {
    const map = a.detectionFeature.decorations.applied.get(editor.document.uri.toString());
    return map && [...map.values()].some((l) => l.length > 0) ? map : undefined;
  }, 'decorations applied');
}

describe('detection in the editor', () => {
  let original: string;
  before(async () => {
    original = fs.readFileSync(seedUri(ARTICLE).fsPath, 'utf8');
    await api();
  });
  afterEach(async () => {
    await resetArticle(seedUri(ARTICLE), original);
    fs.rmSync(lexiconUri().fsPath, { force: true });
    const cfg = vscode.workspace.getConfiguration('articleAnnotator');
    for (const k of ['showActors', 'showClaims', 'actorTypes']) await cfg.update(k, undefined, vscode.ConfigurationTarget.Workspace);
    await (await api()).services.detections.resetRejected();
    await sleep(200);
  });

  it('decorates people, organisations, places and claims of a seed article', async () => {
    const editor = await openArticle();
    const map = await applied(editor);
    const text = editor.document.getText();
    const texts = (k: string) => (map.get(k as never) ?? []).map((o) => editor.document.getText(o.range));
    assert.ok(texts('person').length >= 2, `people: ${texts('person')}`);
    assert.ok(texts('place').includes('Pakistan'), `places: ${texts('place')}`);
    assert.ok(texts('organization').length >= 1, `organisations: ${texts('organization')}`);
    assert.ok(texts('claim').length >= 2, `claims: ${texts('claim')}`);
    // Every decorated span is exactly a detected span.
    const snap = (await (await api()).services.detections.get(editor.document.uri))!;
    const spans = new Set(snap.detection.actors.flatMap((a) => a.mentions.map((m) => `${m.start}:${m.end}`)));
    for (const k of ['person', 'organization', 'place', 'other']) {
      for (const o of map.get(k as never) ?? []) assert.ok(spans.has(`${editor.document.offsetAt(o.range.start)}:${editor.document.offsetAt(o.range.end)}`));
    }
    // Claims carry their speaker after the text, as an inlay hint (which word wrapping counts),
    // not as a decoration's after-text.
    const claims = map.get('claim') ?? [];
    assert.ok(claims.every((o) => !o.renderOptions?.after), 'no after-text on claim decorations');
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const hints = await waitFor(async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, whole);
      return h && h.length > 0 ? h : undefined;
    }, 'speaker hints');
    const ends = snap.detection.claims.map((c) => editor.document.positionAt(c.end).toString());
    assert.deepEqual(hints.map((h) => h.position.toString()), ends, 'one hint at the end of each claim');
    const first = (hints[0]!.label as vscode.InlayHintLabelPart[])[0]!;
    assert.match(first.value, /^◂ /);
    assert.match((first.tooltip as vscode.MarkdownString).value, /^Speaker: \*\*/);
    // Hidden claims hide their speaker too.
    await vscode.commands.executeCommand('articleAnnotator.toggleClaims');
    const none = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, whole);
    assert.deepEqual(none, []);
    await vscode.commands.executeCommand('articleAnnotator.toggleClaims');
    assert.ok(text.length > 0);
  });

  it('shows hovers for actors and claims, with an accept link only on claims', async () => {
    const editor = await openArticle();
    await applied(editor);
    const snap = (await (await api()).services.detections.get(editor.document.uri))!;
    const person = snap.detection.actors.find((a) => a.type === 'person')!;
    const hoverAt = async (offset: number) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
      return hovers.flatMap((h) => h.contents).map((c) => (c as vscode.MarkdownString).value ?? String(c)).join('\n');
    };
    const actorHover = await hoverAt(person.mentions[0]!.start + 1);
    assert.ok(actorHover.includes(person.name.replace(/\./g, '\\.')) || actorHover.includes(person.name), actorHover);
    assert.match(actorHover, /person/);
    assert.match(actorHover, /mentions? in this article/);
    assert.ok(!actorHover.includes('command:'), 'no command link on actors');
    const claim = snap.detection.claims.find((c) => c.speaker)!;
    const claimHover = await hoverAt(claim.start + 2);
    assert.match(claimHover, /Claim/);
    assert.match(claimHover, /command:articleAnnotator\.acceptDetection\?/);
    // The link's argument accepts the claim into the sidecar.
    const m = /command:articleAnnotator\.acceptDetection\?([^ )]+)/.exec(claimHover)!;
    const args = JSON.parse(decodeURIComponent(m[1]!)) as unknown[];
    await vscode.commands.executeCommand('articleAnnotator.acceptDetection', ...args);
    await (await api()).services.annotations.flushAll();
    const disk = parse(fs.readFileSync(sidecarOf(editor.document.uri).fsPath, 'utf8'));
    assert.equal(disk.annotations[0].label, 'claim');
    assert.equal(disk.annotations[0].speaker, claim.speaker);
    assert.equal(disk.annotations[0].quote, claim.text);
  });

  it('hides and shows actors, claims and single types with the toggles', async () => {
    const editor = await openArticle();
    await applied(editor);
    const feature = (await api()).detectionFeature;
    const count = (k: string) => feature.decorations.applied.get(editor.document.uri.toString())?.get(k as never)?.length ?? 0;
    await vscode.commands.executeCommand('articleAnnotator.toggleClaims');
    await waitFor(() => count('claim') === 0, 'claims hidden');
    assert.ok(count('place') > 0);
    await vscode.commands.executeCommand('articleAnnotator.toggleActorType', { type: 'place' });
    await waitFor(() => count('place') === 0, 'places hidden');
    assert.ok(count('person') > 0, 'other types still shown');
    await vscode.commands.executeCommand('articleAnnotator.toggleActors');
    await waitFor(() => count('person') === 0, 'actors hidden');
    await vscode.commands.executeCommand('articleAnnotator.toggleActors');
    await vscode.commands.executeCommand('articleAnnotator.toggleClaims');
    await waitFor(() => count('person') > 0 && count('claim') > 0 && count('place') === 0, 'shown again, places still off');
  });

  it('updates detection after an edit', async () => {
    const editor = await openArticle();
    await applied(editor);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Prime Minister Wilhelmina Okonkwo-Brandt visited Oslo.\n'));
    const services = (await api()).services;
    const snap = await waitFor(async () => {
      const s = await services.detections.get(editor.document.uri);
      return s && s.version === editor.document.version && s.detection.actors.some((a) => a.name === 'Wilhelmina Okonkwo-Brandt') ? s : undefined;
    }, 'detection after the edit');
    assert.equal(snap.detection.actors.find((a) => a.name === 'Wilhelmina Okonkwo-Brandt')!.type, 'person');
  });

  it('counts an actor across the workspace when the hover asks, whatever was analysed before', async () => {
    const editor = await openArticle();
    await applied(editor);
    const { articles, detections } = (await api()).services;
    const list = await articles.list();
    // A lexicon change drops the detections of every article: only the open one is analysed again.
    await vscode.commands.executeCommand('articleAnnotator.ignoreActor', { surface: 'Zzyzx Nobody' });
    await waitFor(() => list.some((u) => u.toString() !== editor.document.uri.toString() && !detections.peek(u)), 'another article not analysed');
    await applied(editor);
    const pakistan = await waitFor(async () => (await detections.get(editor.document.uri))?.detection.actors.find((a) => a.name === 'Pakistan'), 'Pakistan detected');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(pakistan.mentions[0]!.start + 1));
    const text = hovers.flatMap((h) => h.contents).map((c) => (c as vscode.MarkdownString).value ?? String(c)).join('\n');
    const m = /; (\d+) in (\d+) of the (\d+) articles of the workspace/.exec(text);
    assert.ok(m, text);
    assert.equal(Number(m[3]), list.length, 'every article counted');
    assert.ok(Number(m[2]) >= 5 && Number(m[1]) > pakistan.mentions.length, `Pakistan is in every seed: ${text}`);
  });

  it('uses the lexicon: an alias added by command, a broken lexicon gets a diagnostic and is not used', async () => {
    const editor = await openArticle();
    await applied(editor);
    const services = (await api()).services;
    await vscode.commands.executeCommand('articleAnnotator.addToActors', { name: 'Washington', type: 'place', aliasOf: 'United States' });
    assert.ok(fs.readFileSync(lexiconUri().fsPath, 'utf8').includes('Washington'));
    const us = await waitFor(async () => {
      const s = await services.detections.get(editor.document.uri);
      const a = s?.detection.actors.find((x) => x.name === 'United States');
      return a && a.aliases.includes('Washington') ? a : undefined;
    }, 'Washington merged into United States');
    assert.ok(us.mentions.some((m) => m.text === 'Washington'));
    // Ignore a name.
    await vscode.commands.executeCommand('articleAnnotator.ignoreActor', { surface: 'Mumbai' });
    await waitFor(async () => {
      const s = await services.detections.get(editor.document.uri);
      return s && !s.detection.actors.some((a) => a.name === 'Mumbai');
    }, 'Mumbai ignored');
    // Break it: diagnostic, and detection falls back to no lexicon.
    fs.writeFileSync(lexiconUri().fsPath, 'actors:\n  - name: Oops\n    type: alien\n');
    await waitFor(() => vscode.languages.getDiagnostics(lexiconUri()).length > 0, 'lexicon diagnostic');
    await waitFor(async () => {
      const s = await services.detections.get(editor.document.uri);
      return s && s.detection.actors.some((a) => a.name === 'Mumbai') && s.detection.actors.some((a) => a.name === 'Washington');
    }, 'detection without the lexicon');
  });

  it('detects a closed article again after another tool rewrote it', async () => {
    const extra = seedUri('zz-rewritten-on-disk.txt');
    fs.writeFileSync(extra.fsPath, 'Talks stalled on Monday. Finance Minister Ana Kovač said the budget would be cut.\n');
    try {
      const { detections } = (await api()).services;
      const first = await detections.get(extra);
      assert.ok(first?.detection.claims.some((c) => c.speaker === 'Ana Kovač'), 'the first text detected');
      fs.writeFileSync(extra.fsPath, 'Talks resumed on Friday. Trade Commissioner Lena Brandt said the quota would stay.\n');
      const second = await waitFor(async () => {
        const s = await detections.get(extra);
        return s?.detection.claims.some((c) => c.speaker === 'Lena Brandt') ? s : undefined;
      }, 'the detections of the new text');
      assert.ok(!second.detection.actors.some((a) => a.name === 'Ana Kovač'), 'nothing of the old text');
    } finally {
      fs.rmSync(extra.fsPath, { force: true });
    }
  });

  it('analyses a long article in a worker thread and decorates it', async () => {
    const services = (await api()).services;
    const service = services.detections as unknown as { workerRuns: number };
    const before = service.workerRuns;
    const long = vscode.Uri.joinPath(seedUri(ARTICLE), '..', 'long-article.txt');
    let body = '';
    while (body.length < 300_000) body += original + '\n\n';
    fs.writeFileSync(long.fsPath, body);
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(long));
      const map = await applied(editor);
      assert.ok((map.get('place') ?? []).length > 10, 'decorated');
      assert.equal(service.workerRuns, before + 1, 'detected in the worker');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(long.fsPath, { force: true });
    }
  });

  it("keeps the detections of a long article in the extension's storage and reads them back, but not those of a short one", async () => {
    const services = (await api()).services;
    const service = services.detections as unknown as { byHash: Map<string, unknown>; snapshots: Map<string, unknown> };
    const storage = services.context.storageUri ?? services.context.globalStorageUri;
    const dir = vscode.Uri.joinPath(storage, 'detections').fsPath;
    const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);
    const folder = vscode.Uri.joinPath(seedUri(ARTICLE), '..');
    const long = vscode.Uri.joinPath(folder, 'zz-persisted-long.txt');
    const short = vscode.Uri.joinPath(folder, 'zz-persisted-short.txt');
    // Text no earlier run has seen: its content hash is new.
    let body = `Run ${Date.now()}.\n\n`;
    while (body.length < 100_000) body += original + '\n\n';
    fs.writeFileSync(long.fsPath, body);
    fs.writeFileSync(short.fsPath, `Run ${Date.now()}.\n\n${original}`);
    try {
      const before = files();
      const first = await services.detections.get(long);
      assert.ok(first && first.detection.actors.length > 10);
      // Written in the background: waited for until complete.
      const added = await waitFor(() => {
        const now = files().filter((f) => !before.includes(f));
        try {
          return now.length && JSON.parse(fs.readFileSync(`${dir}/${now[0]}`, 'utf8')) ? now : undefined;
        } catch {
          return undefined; // still being written
        }
      }, 'a detection file in the storage');
      assert.equal(added.length, 1);
      // Read back from the file once the memory no longer holds it: the stored content is what comes back.
      const file = `${dir}/${added[0]}`;
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { actors: { name: string }[] };
      stored.actors = stored.actors.slice(0, 1);
      fs.writeFileSync(file, JSON.stringify(stored));
      service.byHash.clear();
      service.snapshots.clear();
      const again = await services.detections.get(long);
      assert.equal(again!.detection.actors.length, 1, 'read from the storage, not detected again');
      // A short article is detected again each time: nothing stored for it.
      const count = files().length;
      const small = await services.detections.get(short);
      assert.ok(small && small.detection.actors.length > 3);
      await sleep(300);
      assert.equal(files().length, count);
    } finally {
      fs.rmSync(long.fsPath, { force: true });
      fs.rmSync(short.fsPath, { force: true });
    }
  });

  it('hides a rejected detection until reset', async () => {
    const editor = await openArticle();
    await applied(editor);
    const a = await api();
    const snap = (await a.services.detections.get(editor.document.uri))!;
    const place = snap.detection.actors.find((x) => x.name === 'Pakistan')!;
    const key = `actor:${place.id}`;
    await vscode.commands.executeCommand('articleAnnotator.rejectDetection', { kind: 'detection', article: editor.document.uri.toString(), detection: 'actor', start: 0, end: 1, text: 'Pakistan', label: 'actor', key });
    const placeTexts = () => (a.detectionFeature.decorations.applied.get(editor.document.uri.toString())?.get('place') ?? []).map((o) => editor.document.getText(o.range));
    await waitFor(() => !placeTexts().includes('Pakistan'), 'rejected actor hidden');
    await vscode.commands.executeCommand('articleAnnotator.resetRejected');
    await waitFor(() => placeTexts().includes('Pakistan'), 'shown again after reset');
  });
});
