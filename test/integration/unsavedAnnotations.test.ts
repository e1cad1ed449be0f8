import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Annotation } from '../../src/core/model';
import { api, seedUri, sidecarOf, waitFor, writeSidecar } from './util';

/**
 * Annotations made while the article has unsaved edits are never dropped: a rename carries them,
 * closing without saving and a revert anchor them on the saved text and write them; a checkout
 * that replaces article and sidecar together shows the new sidecar. Each test works on its own
 * copy of a seed.
 */
const SEED = '001_f449809abfeeccdc.txt';
const TYPED = 'A line typed and never saved, about Vladimir Putin.\n';

function readSidecar(uri: vscode.Uri): { article: string; annotations: Annotation[] } | undefined {
  try {
    return parse(fs.readFileSync(sidecarOf(uri).fsPath, 'utf8'));
  } catch {
    return undefined;
  }
}

describe('unsaved annotations are never dropped', () => {
  const seed = fs.readFileSync(seedUri(SEED).fsPath, 'utf8');
  const made: vscode.Uri[] = [];
  function copy(name: string): vscode.Uri {
    const uri = seedUri(`zz-unsaved-${name}.txt`);
    fs.writeFileSync(uri.fsPath, seed);
    made.push(uri);
    return uri;
  }

  afterEach(async () => {
    const a = await api();
    // Close without saving whatever is still open, then remove the copies.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && made.some((m) => m.toString() === d.uri.toString()))) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await a.services.annotations.flushAll();
    for (const uri of made.splice(0)) {
      fs.rmSync(uri.fsPath, { force: true });
      fs.rmSync(sidecarOf(uri).fsPath, { force: true });
    }
  });

  /** Opens `uri`, types a line at the top (unsaved), annotates the typed name and a saved one. */
  async function annotateUnsaved(uri: vscode.Uri): Promise<{ editor: vscode.TextEditor; typed: Annotation; saved: Annotation }> {
    const store = (await api()).services.annotations;
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), TYPED));
    assert.ok(doc.isDirty);
    const rangeOf = (q: string) => new vscode.Range(doc.positionAt(doc.getText().indexOf(q)), doc.positionAt(doc.getText().indexOf(q) + q.length));
    const typed = await store.add(uri, { range: rangeOf('Vladimir Putin'), label: 'actor' });
    const saved = await store.add(uri, { range: rangeOf('Zakiur Rehman Lakhvi'), label: 'actor' });
    await store.flushAll();
    assert.equal(readSidecar(uri), undefined, 'not written while the article has unsaved edits');
    return { editor, typed, saved };
  }

  it('a rename carries them to the new name, and saving writes them there', async () => {
    const uri = copy('rename');
    const store = (await api()).services.annotations;
    const { typed, saved } = await annotateUnsaved(uri);
    const renamed = seedUri('zz-unsaved-renamed.txt');
    made.push(renamed);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const items = await waitFor(() => {
      const i = store.peek(renamed)?.items;
      return i && i.length === 2 ? i : undefined;
    }, 'both annotations under the new name', 15000);
    assert.equal(store.peek(uri), undefined, 'no entry under the old name');
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === renamed.toString() && !d.isClosed), 'the renamed document');
    for (const i of items) assert.equal(doc.getText(i.range!), i.annotation.quote, i.annotation.id);
    await doc.save();
    const disk = await waitFor(() => {
      const s = readSidecar(renamed);
      return s && s.annotations.length === 2 ? s : undefined;
    }, 'the sidecar under the new name', 15000);
    assert.deepEqual(disk.annotations.map((a) => a.id).sort(), [typed.id, saved.id].sort());
    assert.equal(disk.article, 'zz-unsaved-renamed.txt');
  });

  it('a folder rename carries them with every article under it', async () => {
    const folder = seedUri('zz-unsaved-folder');
    const movedFolder = seedUri('zz-unsaved-folder-moved');
    fs.mkdirSync(folder.fsPath, { recursive: true });
    const uri = vscode.Uri.joinPath(folder, 'article.txt');
    fs.writeFileSync(uri.fsPath, seed);
    const moved = vscode.Uri.joinPath(movedFolder, 'article.txt');
    made.push(uri, moved);
    const store = (await api()).services.annotations;
    try {
      const { typed, saved } = await annotateUnsaved(uri);
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(folder, movedFolder);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(() => store.peek(moved)?.items.length === 2, 'both annotations under the new folder', 15000);
      assert.equal(store.peek(uri), undefined, 'no entry under the old folder');
      const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === moved.toString() && !d.isClosed), 'the moved document');
      await doc.save();
      const disk = await waitFor(() => {
        const s = readSidecar(moved);
        return s && s.annotations.length === 2 ? s : undefined;
      }, 'the sidecar in the new folder', 15000);
      assert.deepEqual(disk.annotations.map((a) => a.id).sort(), [typed.id, saved.id].sort());
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await store.flushAll();
      fs.rmSync(folder.fsPath, { recursive: true, force: true });
      fs.rmSync(movedFolder.fsPath, { recursive: true, force: true });
    }
  });

  it('closing without saving anchors them on the saved text (an orphan where their text is gone) and writes them', async () => {
    const uri = copy('close');
    const store = (await api()).services.annotations;
    const { typed, saved } = await annotateUnsaved(uri);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const disk = await waitFor(() => {
      const s = readSidecar(uri);
      return s && s.annotations.length === 2 ? s : undefined;
    }, 'both written', 15000);
    const byId = new Map(disk.annotations.map((a) => [a.id, a]));
    assert.equal(byId.get(saved.id)!.start, [...seed.slice(0, seed.indexOf('Zakiur Rehman Lakhvi'))].length, `on the saved text: ${JSON.stringify(disk)}`);
    assert.ok(byId.get(typed.id), 'the one on unsaved text is kept');
    const items = new Map(store.peek(uri)!.items.map((i) => [i.annotation.id, i]));
    assert.equal(items.get(typed.id)!.status, 'orphan');
    assert.notEqual(items.get(saved.id)!.status, 'orphan');
  });

  it('a revert keeps them and writes them', async () => {
    const uri = copy('revert');
    const store = (await api()).services.annotations;
    const { typed, saved } = await annotateUnsaved(uri);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const doc = vscode.window.activeTextEditor!.document;
    await waitFor(() => !doc.isDirty, 'reverted');
    await store.flushAll();
    const disk = await waitFor(() => {
      const s = readSidecar(uri);
      return s && s.annotations.length === 2 ? s : undefined;
    }, 'both written', 15000);
    assert.deepEqual(disk.annotations.map((a) => a.id).sort(), [typed.id, saved.id].sort());
    const item = store.peek(uri)!.items.find((i) => i.annotation.id === saved.id)!;
    assert.equal(doc.getText(item.range!), 'Zakiur Rehman Lakhvi');
  });

  for (const order of ['article first', 'sidecar first'] as const) {
    it(`a checkout replacing an open article and its sidecar (${order}) shows the new sidecar on the new text`, async () => {
      const uri = copy(`checkout-${order.split(' ')[0]}`);
      const store = (await api()).services.annotations;
      writeSidecar(uri, [{ id: 'mine', label: 'actor', quote: 'Zakiur Rehman Lakhvi' }]);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await waitFor(async () => (await store.get(uri)).items.length === 1, 'loaded');
      // The other branch: two more lines at the top and a word changed in the middle, and another sidecar.
      const other = `Headline on the other branch.\n\n${seed.replace('Mumbai attacks', 'Mumbai attack')}`;
      const theirQuote = 'Lashkar-e-Taiba';
      const tmp = seedUri('zz-unsaved-other.tmp');
      const replace = (target: string, content: string) => {
        fs.writeFileSync(`${target}.git-tmp`, content);
        fs.renameSync(`${target}.git-tmp`, target);
      };
      const writeArticle = () => replace(uri.fsPath, other);
      const writeTheirSidecar = () => {
        // Their sidecar is written for their text (as it was committed on their branch).
        fs.writeFileSync(tmp.fsPath, other);
        writeSidecar(tmp, [{ id: 'theirs', label: 'organization', quote: theirQuote }]);
        const text = fs.readFileSync(sidecarOf(tmp).fsPath, 'utf8').replace('zz-unsaved-other.tmp', uri.path.slice(uri.path.lastIndexOf('/') + 1));
        fs.rmSync(tmp.fsPath);
        fs.rmSync(sidecarOf(tmp).fsPath);
        replace(sidecarOf(uri).fsPath, text);
      };
      if (order === 'article first') {
        writeArticle();
        writeTheirSidecar();
      } else {
        writeTheirSidecar();
        writeArticle();
      }
      await waitFor(() => doc.getText() === other, 'the document reloaded', 15000);
      const item = await waitFor(() => {
        const items = store.peek(uri)?.items;
        return items && items.length === 1 && items[0]!.annotation.id === 'theirs' ? items[0] : undefined;
      }, 'their annotations shown', 15000);
      assert.equal(doc.getText(item!.range!), theirQuote);
      assert.equal((store.peek(uri) as unknown as { phase: { kind: string } }).phase.kind !== 'conflict', true, 'no question asked');
    });
  }

  it('a sidecar written on disk (another window, another tool) while annotations are unsaved is merged with them, without asking', async () => {
    const uri = copy('merge');
    const a = await api();
    const store = a.services.annotations;
    const { editor, typed, saved } = await annotateUnsaved(uri);
    writeSidecar(uri, [{ id: 'theirs', label: 'organization', quote: 'Lashkar-e-Taiba' }]);
    await waitFor(() => store.peek(uri)!.items.some((i) => i.annotation.id === 'theirs'), 'theirs merged in', 15000);
    assert.notEqual((store.peek(uri) as unknown as { phase: { kind: string } }).phase.kind, 'conflict', 'no question asked');
    assert.deepEqual(store.peek(uri)!.items.map((i) => i.annotation.id).sort(), [typed.id, saved.id, 'theirs'].sort());
    const theirs = store.peek(uri)!.items.find((i) => i.annotation.id === 'theirs')!;
    assert.equal(editor.document.getText(theirs.range!), 'Lashkar-e-Taiba', 'anchored on the text as it is in the editor');
    await editor.document.save();
    const disk = await waitFor(() => {
      const s = readSidecar(uri);
      return s && s.annotations.length === 3 ? s : undefined;
    }, 'all three written', 15000);
    assert.deepEqual(disk.annotations.map((x) => x.id).sort(), [typed.id, saved.id, 'theirs'].sort());
  });

  it('a sidecar changed on disk in an annotation the user changed too asks, and "keep mine" keeps both sets', async () => {
    const uri = copy('keep-mine');
    const a = await api();
    const store = a.services.annotations as unknown as typeof a.services.annotations & { resolveConflict(u: vscode.Uri, c: string): Promise<void> };
    const { editor, typed, saved } = await annotateUnsaved(uri);
    // The same annotation (same id), with another label: an overlap.
    writeSidecar(uri, [
      { id: saved.id, label: 'organization', quote: 'Zakiur Rehman Lakhvi' },
      { id: 'theirs', label: 'organization', quote: 'Lashkar-e-Taiba' },
    ]);
    await waitFor(() => (store.peek(uri) as unknown as { phase: { kind: string } }).phase.kind === 'conflict', 'the question', 15000);
    await store.resolveConflict(uri, 'keep');
    assert.deepEqual(store.peek(uri)!.items.map((i) => i.annotation.id).sort(), [typed.id, saved.id, 'theirs'].sort());
    assert.equal(store.peek(uri)!.items.find((i) => i.annotation.id === saved.id)!.annotation.label, 'actor', 'mine kept');
    await editor.document.save();
    const disk = await waitFor(() => {
      const s = readSidecar(uri);
      return s && s.annotations.length === 3 ? s : undefined;
    }, 'all three written', 15000);
    assert.deepEqual(disk.annotations.map((x) => x.id).sort(), [typed.id, saved.id, 'theirs'].sort());
  });
});
