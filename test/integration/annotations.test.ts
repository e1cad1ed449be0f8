import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Annotation } from '../../src/core/model';
import { api, resetArticle, seedUri, selectText, sidecarOf, sleep, waitFor, writeSidecar } from './util';

const ARTICLE = '001_f449809abfeeccdc.txt';

type StoredAnnotation = Annotation;

function readSidecar(uri: vscode.Uri): { version: number; article: string; articleSha256: string; annotations: StoredAnnotation[] } {
  return parse(fs.readFileSync(sidecarOf(uri).fsPath, 'utf8'));
}

/** Reads the sidecar, or undefined while it is being replaced (VS Code's rename deletes the target first). */
function tryReadSidecar(uri: vscode.Uri): ReturnType<typeof readSidecar> | undefined {
  try {
    return readSidecar(uri);
  } catch {
    return undefined;
  }
}

function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

describe('annotations and sidecars', () => {
  const uri = seedUri(ARTICLE);
  let original: string;

  before(async () => {
    original = fs.readFileSync(uri.fsPath, 'utf8');
    await api();
  });
  afterEach(async () => {
    await resetArticle(uri, original);
    await sleep(200);
  });

  async function annotateFirst(text: string, args: Record<string, unknown>) {
    await selectText(uri, text);
    const created = await vscode.commands.executeCommand<StoredAnnotation>('articleAnnotator.annotateSelection', args);
    assert.ok(created && created.id, 'the command returns the new annotation');
    const a = await api();
    await a.services.annotations.flushAll();
    return created;
  }

  it('annotates the selection with arguments and writes a sidecar in code points', async () => {
    assert.ok(!fs.existsSync(sidecarOf(uri).fsPath), 'no sidecar before the first annotation');
    const quote = 'immediate, sustained and irreversible action';
    const created = await annotateFirst(quote, { label: 'claim', comment: 'key demand', tags: ['demand', 'pakistan'], speaker: 'India' });
    const disk = readSidecar(uri);
    assert.equal(disk.version, 1);
    assert.equal(disk.article, ARTICLE);
    assert.match(disk.articleSha256, /^[0-9a-f]{64}$/);
    assert.equal(disk.annotations.length, 1);
    const a = disk.annotations[0]!;
    assert.equal(a.id, created.id);
    assert.equal(a.label, 'claim');
    assert.equal(a.quote, quote);
    assert.equal(codePointSlice(original, a.start, a.end), quote);
    assert.equal(a.comment, 'key demand');
    assert.deepEqual(a.tags, ['demand', 'pakistan']);
    assert.equal(a.speaker, 'India');
    assert.ok(a.prefix && original.includes(a.prefix + quote));
    assert.ok(a.created);
  });

  it('follows typing above the annotation and rewrites the sidecar on save', async () => {
    const quote = 'Zakiur Rehman Lakhvi';
    const created = await annotateFirst(quote, { label: 'actor' });
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'UPDATED 🎉 headline.\n'));
    const store = (await api()).services.annotations;
    const item = store.peek(uri)!.items.find((i) => i.annotation.id === created.id)!;
    assert.equal(editor.document.getText(item.range), quote, 'range followed the edit live');
    // Not written while the article has unsaved changes.
    assert.equal(readSidecar(uri).annotations[0]!.start, created.start);
    await editor.document.save();
    const moved = await waitFor(() => {
      const a = tryReadSidecar(uri)?.annotations[0];
      return a && a.start !== created.start ? a : undefined;
    }, 'sidecar rewritten on save');
    const saved = fs.readFileSync(uri.fsPath, 'utf8');
    assert.equal(moved.start, created.start + [...'UPDATED 🎉 headline.\n'].length, 'offsets count code points (the emoji is one)');
    assert.equal(codePointSlice(saved, moved.start, moved.end), quote);
    assert.equal(moved.quote, quote);
  });

  it('saving after typing rewrites the offsets without a change event, and its own write never empties the annotations', async () => {
    const quote = 'Zakiur Rehman Lakhvi';
    const created = await annotateFirst(quote, { label: 'actor' });
    const editor = vscode.window.activeTextEditor!;
    const store = (await api()).services.annotations;
    await sleep(500); // the watcher's event for the write above has been handled
    const seen: number[] = [];
    const probe = store.onDidChange((u) => {
      if (u.toString() === uri.toString()) seen.push(store.peek(uri)?.items.length ?? -1);
    });
    try {
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Auto-saved line.\n'));
      await editor.document.save(); // as files.autoSave does while the user types
      await waitFor(() => {
        const a = tryReadSidecar(uri)?.annotations[0];
        return a && a.start === created.start + 'Auto-saved line.\n'.length ? a : undefined;
      }, 'offsets rewritten on save');
      // The watcher sees our own rename (the file is gone for a moment): it must not reload an empty sidecar.
      await sleep(1000);
      assert.deepEqual(seen, [], 'moved offsets change nothing the views show: no event, no redraw of every annotation');
      const item = store.peek(uri)!.items.find((i) => i.annotation.id === created.id)!;
      assert.equal(editor.document.getText(item.range), quote);
      assert.equal(item.status, 'exact');
      // Typing inside the annotation changes its quote: announced to the views that show quotes. The
      // annotation no longer covers its quote, so it is marked fuzzy (one event, its one annotation
      // kept) rather than silently grown; the save writes the text it now covers.
      const quotesSeen: string[] = [];
      const quoteProbe = store.onDidChangeQuotes((u) => quotesSeen.push(u.toString()));
      try {
        await editor.edit((b) => b.insert(item.range!.start.translate(0, 'Zakiur'.length), ' ur-'));
        await editor.document.save();
        const longer = 'Zakiur ur- Rehman Lakhvi';
        await waitFor(() => (tryReadSidecar(uri)?.annotations[0]?.quote === longer ? true : undefined), 'the new quote written');
        await waitFor(() => (quotesSeen.length ? true : undefined), 'quote change announced');
        assert.deepEqual(quotesSeen, [uri.toString()]);
        assert.deepEqual(seen, [1], 'one change event (marked fuzzy), the annotation kept');
        assert.equal(store.peek(uri)!.items.find((i) => i.annotation.id === created.id)!.annotation.quote, longer);
      } finally {
        quoteProbe.dispose();
      }
    } finally {
      probe.dispose();
    }
  });

  it('settles annotations found moved as exact when it writes them, without redrawing the editors', async () => {
    const quote = 'Zakiur Rehman Lakhvi';
    const created = await annotateFirst(quote, { label: 'actor' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const store = (await api()).services.annotations;
    // Another tool writes the sidecar with offsets five code points off: it is anchored as moved.
    const disk = fs.readFileSync(sidecarOf(uri).fsPath, 'utf8');
    fs.writeFileSync(sidecarOf(uri).fsPath, disk.replace(`start: ${created.start}\n`, `start: ${created.start + 5}\n`).replace(`end: ${created.end}\n`, `end: ${created.end + 5}\n`));
    await waitFor(() => store.peek(uri)?.items.find((i) => i.annotation.id === created.id && i.status === 'moved'), 'reloaded as moved');
    const editor = await vscode.window.showTextDocument(uri);
    await sleep(500);
    const seen: string[] = [];
    const probe = store.onDidChange((u) => seen.push(u.toString()));
    try {
      const added = 'A first line.\n';
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), added));
      await editor.document.save();
      await waitFor(() => (tryReadSidecar(uri)?.annotations[0]?.start === created.start + added.length ? true : undefined), 'offsets written');
      await sleep(1000);
      const item = store.peek(uri)!.items.find((i) => i.annotation.id === created.id)!;
      assert.equal(item.status, 'exact');
      assert.equal(editor.document.getText(item.range), quote);
      assert.deepEqual(seen, [], 'settling moved annotations as exact changes nothing the editors show: no redraw');
    } finally {
      probe.dispose();
    }
  });

  it('makes an annotation an orphan when its whole text is deleted, and keeps it', async () => {
    const quote = 'Hizbul Mujahideen';
    const created = await annotateFirst(quote, { label: 'actor' });
    const editor = vscode.window.activeTextEditor!;
    const at = editor.document.getText().indexOf(quote);
    await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(at - 5), editor.document.positionAt(at + quote.length + 1))));
    const store = (await api()).services.annotations;
    const item = store.peek(uri)!.items.find((i) => i.annotation.id === created.id);
    assert.ok(item, 'still there');
    assert.equal(item.status, 'orphan');
    assert.equal(item.range, undefined);
    await editor.document.save();
    await store.flushAll(); // waits for the write the save started
    const disk = readSidecar(uri).annotations;
    assert.equal(disk.length, 1, 'the orphan stays in the sidecar');
    assert.equal(disk[0]!.quote, quote);
    assert.equal(disk[0]!.start, created.start, 'orphans are stored unchanged');
  });

  it('re-anchors when the article changes on disk', async () => {
    const quote = 'Pathankot';
    const created = await annotateFirst(quote, { label: 'actor' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.writeFileSync(uri.fsPath, 'A NEW PARAGRAPH written by another tool.\n\n' + original);
    const store = (await api()).services.annotations;
    const expected = original.indexOf(quote) + 'A NEW PARAGRAPH written by another tool.\n\n'.length;
    const doc = await vscode.workspace.openTextDocument(uri);
    const item = await waitFor(() => {
      const i = store.peek(uri)?.items.find((x) => x.annotation.id === created.id);
      return i && i.range && doc.getText() !== original && doc.offsetAt(i.range.start) === expected ? i : undefined;
    }, 're-anchored after the external change');
    assert.notEqual(item.status, 'orphan');
    assert.equal(doc.getText(item.range), quote);
  });

  it('follows an open, saved article rewritten on disk by another tool', async () => {
    const quote = 'Pathankot';
    const created = await annotateFirst(quote, { label: 'actor' });
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.isDirty, false);
    const added = 'A NEW PARAGRAPH written by another tool while the article is open.\n\n';
    fs.writeFileSync(uri.fsPath, added + original);
    const store = (await api()).services.annotations;
    const item = await waitFor(() => {
      const i = store.peek(uri)?.items.find((x) => x.annotation.id === created.id);
      return i && i.range && doc.getText().startsWith(added) && doc.getText(i.range) === quote ? i : undefined;
    }, 'the open document reloaded and the annotation moved with its text');
    assert.equal(doc.offsetAt(item.range!.start), added.length + original.indexOf(quote));
  });

  it('reloads a sidecar rewritten by another tool against the closed article, and reads the article again once it changed too', async () => {
    const quote = 'Pathankot';
    const created = await annotateFirst(quote, { label: 'actor' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const store = (await api()).services.annotations;
    const textAt = (i: { range?: vscode.Range }, text: string) => {
      const lines = text.split('\n');
      const r = i.range!;
      return r.start.line === r.end.line ? lines[r.start.line]!.slice(r.start.character, r.end.character) : undefined;
    };
    // Only the sidecar changes: the article, unchanged on disk, is not read again but still anchors it.
    fs.writeFileSync(sidecarOf(uri).fsPath, fs.readFileSync(sidecarOf(uri).fsPath, 'utf8').replace('label: actor', 'label: theirs'));
    const first = await waitFor(() => store.peek(uri)?.items.find((x) => x.annotation.id === created.id && x.annotation.label === 'theirs'), 'their label loaded');
    assert.equal(first.status, 'exact');
    assert.equal(textAt(first, original), quote);
    // Then both change: the new article text is read, and the annotation follows its quote.
    const added = 'A paragraph another tool wrote first.\n\n';
    fs.writeFileSync(uri.fsPath, added + original);
    fs.writeFileSync(sidecarOf(uri).fsPath, fs.readFileSync(sidecarOf(uri).fsPath, 'utf8').replace('label: theirs', 'label: again'));
    const second = await waitFor(() => {
      const i = store.peek(uri)?.items.find((x) => x.annotation.id === created.id && x.annotation.label === 'again');
      return i && i.range && textAt(i, added + original) === quote ? i : undefined;
    }, 'anchored on the new article text');
    assert.equal(second.range!.start.line, original.slice(0, original.indexOf(quote)).split('\n').length - 1 + 2);
  });
  it('re-anchors a closed article replaced on disk by a rename, as git writes it', async () => {
    // An article never opened in this window: the store reads its file.
    const closed = seedUri('zz-checked-out.txt');
    const quote = 'Pathankot';
    fs.writeFileSync(closed.fsPath, original);
    writeSidecar(closed, [{ id: 'git-1', label: 'actor', quote }]);
    try {
      const store = (await api()).services.annotations;
      const first = await waitFor(async () => (await store.get(closed)).items.find((x) => x.annotation.id === 'git-1' && x.status === 'exact'), 'the annotation anchored');
      const line = first.range!.start.line;
      const added = 'A paragraph checked out from another branch.\n\n';
      fs.writeFileSync(`${closed.fsPath}.git-tmp`, added + original);
      fs.renameSync(`${closed.fsPath}.git-tmp`, closed.fsPath);
      const item = await waitFor(() => {
        const i = store.peek(closed)?.items.find((x) => x.annotation.id === 'git-1');
        return i?.range?.start.line === line + 2 ? i : undefined;
      }, 'anchored on the new article text');
      assert.notEqual(item.status, 'orphan');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'without opening it');
    } finally {
      fs.rmSync(closed.fsPath, { force: true });
      fs.rmSync(sidecarOf(closed).fsPath, { force: true });
    }
  });

  it('anchors and draws the annotations of a closed article too long for the store to keep its decoded text', async () => {
    // Over the store's budget of decoded texts (8 million UTF-16 units): decoded again from its bytes each time.
    const long = seedUri('zz-long-article.txt');
    const line = 'A filler sentence about nothing in particular, repeated to make a long article.\n';
    const body = line.repeat(Math.ceil(8_200_000 / line.length)) + 'The closing words of a long article.\n';
    const quote = 'closing words';
    const start = body.indexOf(quote);
    fs.writeFileSync(long.fsPath, body);
    fs.writeFileSync(sidecarOf(long).fsPath, `version: 1\narticle: zz-long-article.txt\nannotations:\n  - id: a-1\n    label: note\n    start: ${start}\n    end: ${start + quote.length}\n    quote: ${quote}\n`);
    try {
      const loaded = await (await api()).services.annotations.get(long);
      assert.equal(loaded.items.length, 1);
      assert.equal(loaded.items[0]!.status, 'exact');
      for (let i = 0; i < 2; i++) {
        const r = loaded.items[0]!.range!;
        assert.equal(r.start.line, body.split('\n').length - 2);
        assert.equal(r.start.character, 'The '.length);
        assert.equal(r.end.character, 'The '.length + quote.length);
      }
    } finally {
      fs.rmSync(long.fsPath, { force: true });
      fs.rmSync(sidecarOf(long).fsPath, { force: true });
    }
  });

  it('shows a diagnostic for a corrupt sidecar and never rewrites it', async () => {
    const bad = 'version: 1\narticle: x.txt\nannotations:\n  - id: a-1\n    label: claim\n    start: [oops\n';
    fs.writeFileSync(sidecarOf(uri).fsPath, bad);
    const store = (await api()).services.annotations;
    const state = await store.get(uri);
    await waitFor(() => vscode.languages.getDiagnostics(sidecarOf(uri)).length > 0 || (store.peek(uri)?.state.kind === 'error' && vscode.languages.getDiagnostics(sidecarOf(uri)).length > 0), 'diagnostic');
    assert.equal(store.peek(uri)!.state.kind, 'error', JSON.stringify(state.state));
    assert.ok(store.peek(uri)!.readOnly);
    const diags = vscode.languages.getDiagnostics(sidecarOf(uri));
    assert.ok(diags[0]!.range.start.line >= 4, `line of the problem: ${diags[0]!.range.start.line}`);
    assert.match(diags[0]!.message, /YAML/);
    // Further attempts to annotate fail clearly and leave the bytes alone.
    await selectText(uri, 'Pathankot');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('articleAnnotator.annotateSelection', { label: 'note' })), /could not be read/);
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'));
    await editor.document.save();
    await store.flushAll();
    await sleep(300);
    assert.equal(fs.readFileSync(sidecarOf(uri).fsPath, 'utf8'), bad);
    // Fixing the file clears the diagnostic.
    fs.writeFileSync(sidecarOf(uri).fsPath, 'version: 1\narticle: x.txt\nannotations: []\n');
    await waitFor(() => vscode.languages.getDiagnostics(sidecarOf(uri)).length === 0, 'diagnostic cleared');
  });

  it('moves the sidecar with a renamed article, and keeps one entry per article', async () => {
    await annotateFirst('Lashkar-e-Taiba', { label: 'actor' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const store = (await api()).services.annotations;
    const renamed = seedUri('renamed-article.txt');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor(() => fs.existsSync(sidecarOf(renamed).fsPath) && !fs.existsSync(sidecarOf(uri).fsPath), 'sidecar moved');
      const disk = await waitFor(() => {
        const d = parse(fs.readFileSync(sidecarOf(renamed).fsPath, 'utf8'));
        return d.article === 'renamed-article.txt' ? d : undefined;
      }, 'article field updated');
      assert.equal(disk.annotations[0].quote, 'Lashkar-e-Taiba');
      await store.flushAll();
      // One entry, under the new name (the queue per article orders the rename after any reload:
      // test/unit/storeCore.test.ts drives those interleavings).
      assert.equal(store.peek(uri), undefined, 'no entry under the old name');
      assert.equal(store.peek(renamed)?.items.length, 1);
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.renameFile(renamed, uri);
      await vscode.workspace.applyEdit(back);
      await waitFor(() => fs.existsSync(uri.fsPath) && fs.existsSync(sidecarOf(uri).fsPath), 'renamed back with its sidecar');
      await waitFor(() => store.peek(uri)?.items.length === 1, 'the store to load the article again');
      await store.flushAll();
      assert.equal(readSidecar(uri).article, ARTICLE, 'the sidecar names the article again');
    }
  });

  it('deletes with Undo, and edits with arguments', async () => {
    const created = await annotateFirst('al-Qaida', { label: 'actor', comment: 'first' });
    const ref = { kind: 'annotation', article: uri.toString(), id: created.id };
    const edited = await vscode.commands.executeCommand<StoredAnnotation>('articleAnnotator.editAnnotation', ref, { comment: 'second', label: 'note' });
    assert.equal(edited.comment, 'second');
    assert.equal(edited.label, 'note');
    const store = (await api()).services.annotations;
    const removed = await vscode.commands.executeCommand<StoredAnnotation>('articleAnnotator.deleteAnnotation', ref);
    assert.equal(removed.id, created.id);
    assert.equal(store.peek(uri)!.items.length, 0);
    await store.restore(uri, removed as never);
    assert.equal(store.peek(uri)!.items[0]!.annotation.comment, 'second');
    await store.flushAll();
    assert.equal(readSidecar(uri).annotations[0]!.label, 'note');
  });

  it('keeps hover text from comments untrusted: a comment cannot run a command', async () => {
    await annotateFirst('Islamic State', { label: 'note', comment: 'click [here](command:workbench.action.quit) <img src=x>' });
    const editor = vscode.window.activeTextEditor!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.selection.start.translate(0, 2));
    const ours = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)).find((v) => v.includes('annotation'));
    assert.ok(ours, 'a hover for the annotation');
    assert.ok(!/\]\(command:/.test(ours), `no command link survives: ${ours}`);
    assert.ok(!/(^|[^\\])<img/.test(ours), `no raw HTML: ${ours}`);
  });

  it('does not silently overwrite a sidecar changed on disk while changes are pending', async () => {
    await annotateFirst('Jaish-e-Mohammed', { label: 'actor' });
    const editor = vscode.window.activeTextEditor!;
    // A pending change: type (the article becomes dirty), then another tool rewrites the sidecar.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Edited. '));
    const theirs = fs.readFileSync(sidecarOf(uri).fsPath, 'utf8').replace('label: actor', 'label: theirs');
    fs.writeFileSync(sidecarOf(uri).fsPath, theirs);
    await sleep(500);
    await editor.document.save();
    await sleep(800);
    assert.equal(fs.readFileSync(sidecarOf(uri).fsPath, 'utf8'), theirs, 'their version is still on disk');
    // The user then chooses to reload theirs.
    const store = (await api()).services.annotations;
    await store.discardChanges(uri);
    assert.equal(store.peek(uri)!.items[0]!.annotation.label, 'theirs');
  });
});
