import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, seedUri, sidecarOf, sleep, waitFor, writeSidecar } from './util';

/**
 * Changes made to an article by another tool, as git makes them (a temporary file renamed over
 * the article), with the article open, closed and reopened, or closed just before the change:
 * the store, Next Annotation and the decorations agree, and annotations whose text survived stay
 * on it (VS Code reloads an open document as one edit replacing every line between the first and
 * the last change).
 */
const SEED = '001_f449809abfeeccdc.txt';
/** In the headline paragraph, which the change replaces; nothing like it elsewhere. */
const HEADLINE_END = 'New Delhi/Beijing';
/** Annotated in the text that stays: a name with words inserted just before it, and one far away. */
const NAME = 'Zakiur Rehman Lakhvi';
const FAR = 'Mumbai attacks';

type Mode = 'open' | 'closed and reopened' | 'closed just before';
const modes: Mode[] = ['open', 'closed and reopened', 'closed just before'];
const eols = ['LF', 'CRLF'] as const;

function outsideChange(text: string, eol: string): string {
  // Several changes in one file: the headline paragraph replaced, words inserted before the name.
  const firstBreak = text.indexOf(eol);
  const replaced = `A new headline written on another branch.${eol}${eol}With a second paragraph.` + text.slice(firstBreak);
  return replaced.replace(`commander ${NAME}`, `commander, the militant ${NAME}`);
}

describe('annotations survive outside edits of their article', () => {
  const seed = fs.readFileSync(seedUri(SEED).fsPath, 'utf8');

  for (const eolName of eols) {
    const eol = eolName === 'CRLF' ? '\r\n' : '\n';
    for (const mode of modes) {
      it(`keeps annotations on their text (${eolName}, ${mode})`, async () => {
        const uri = seedUri(`zz-outside-${eolName}-${mode.replace(/ /g, '-')}.txt`);
        const original = eolName === 'CRLF' ? seed.replace(/\r?\n/g, '\r\n') : seed;
        assert.ok(original.includes(`commander ${NAME}`), 'the name in the seed');
        assert.ok(original.indexOf(HEADLINE_END) < original.indexOf(eol), `the headline quote in the first paragraph: ${original.indexOf(HEADLINE_END)} ${original.indexOf(eol)}`);
        fs.writeFileSync(uri.fsPath, original);
        writeSidecar(uri, [
          { id: 'headline', label: 'note', quote: HEADLINE_END },
          { id: 'name', label: 'actor', quote: NAME },
          { id: 'far', label: 'claim', quote: FAR },
        ]);
        const a = await api();
        const store = a.services.annotations;
        try {
          let doc = await vscode.workspace.openTextDocument(uri);
          await vscode.window.showTextDocument(doc);
          await waitFor(async () => (await store.get(uri)).items.filter((i) => i.status === 'exact').length === 3, 'all three anchored');
          if (mode !== 'open') {
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            if (mode === 'closed and reopened') await sleep(500);
          }
          const changed = outsideChange(original, eol);
          fs.writeFileSync(`${uri.fsPath}.git-tmp`, changed);
          fs.renameSync(`${uri.fsPath}.git-tmp`, uri.fsPath);
          if (mode === 'open') {
            await waitFor(() => doc.getText() === changed, 'the open document reloaded', 15000);
          } else {
            await sleep(300);
            doc = await vscode.workspace.openTextDocument(uri);
            await vscode.window.showTextDocument(doc);
          }
          const textOf = (id: string) => {
            const i = store.peek(uri)?.items.find((x) => x.annotation.id === id);
            return i?.range ? doc.getText(i.range) : undefined;
          };
          const state = () => JSON.stringify(store.peek(uri)?.items.map((i) => [i.annotation.id, i.status, i.range ? doc.getText(i.range) : null]));
          await waitFor(() => doc.getText().includes('A new headline') && textOf('name') === NAME && textOf('far') === FAR && textOf('headline') === undefined, 'the store followed the change', 15000).catch((e: Error) => {
            throw new Error(`${e.message}: ${state()}`);
          });
          const items = store.peek(uri)!.items;
          const byId = new Map(items.map((i) => [i.annotation.id, i]));
          assert.equal(byId.get('headline')!.status, 'orphan', 'the replaced headline is gone: orphaned, not moved elsewhere');
          assert.notEqual(byId.get('far')!.status, 'fuzzy');
          assert.equal(doc.offsetAt(byId.get('name')!.range!.start), doc.getText().indexOf(NAME));
          // Every anchored annotation covers its quote.
          for (const i of items) if (i.range && i.status !== 'fuzzy') assert.equal(doc.getText(i.range), i.annotation.quote, i.annotation.id);
          // The decorations drawn are the store's ranges.
          const drawn = await waitFor(() => {
            const m = a.annotationFeature.decorations.applied.get(uri.toString());
            const all = m ? [...m.values()].flat().map((r) => doc.getText(r)) : [];
            return all.length === 2 ? all.sort() : undefined;
          }, 'decorations of the two anchored annotations');
          assert.deepEqual(drawn, [FAR, NAME].sort());
          // Next Annotation from the top visits the anchored ones in text order, on their text.
          const editor = vscode.window.activeTextEditor!;
          assert.equal(editor.document.uri.toString(), uri.toString());
          editor.selection = new vscode.Selection(0, 0, 0, 0);
          const visited: string[] = [];
          for (let k = 0; k < 2; k++) {
            const e = (await vscode.commands.executeCommand<vscode.TextEditor>('articleAnnotator.nextAnnotation'))!;
            if (e.document.uri.toString() !== uri.toString()) break;
            visited.push(e.document.getText(e.selection));
          }
          const expected = [NAME, FAR].sort((x, y) => doc.getText().indexOf(x) - doc.getText().indexOf(y));
          assert.deepEqual(visited, expected);
        } finally {
          await vscode.commands.executeCommand('workbench.action.closeAllEditors');
          await store.flushAll();
          fs.rmSync(uri.fsPath, { force: true });
          fs.rmSync(sidecarOf(uri).fsPath, { force: true });
        }
      });
    }
  }

  describe('an article deleted outside VS Code', () => {
    const made: vscode.Uri[] = [];
    afterEach(async () => {
      const store = (await api()).services.annotations;
      for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && made.some((m) => m.toString() === d.uri.toString()))) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await store.flushAll();
      for (const uri of made.splice(0)) {
        fs.rmSync(uri.fsPath, { force: true });
        fs.rmSync(sidecarOf(uri).fsPath, { force: true });
      }
    });

    it('with nothing unsaved: its entry is dropped, its sidecar kept as it is', async () => {
      const uri = seedUri('zz-outside-deleted-clean.txt');
      made.push(uri);
      await createdOutside(uri, seed);
      writeSidecar(uri, [{ id: 'od-1', label: 'actor', quote: NAME }]);
      const store = (await api()).services.annotations;
      assert.equal((await store.get(uri)).items.length, 1);
      const before = fs.readFileSync(sidecarOf(uri).fsPath, 'utf8');
      fs.rmSync(uri.fsPath);
      await waitFor(() => !store.peek(uri), 'the entry dropped', 15000);
      assert.equal(fs.readFileSync(sidecarOf(uri).fsPath, 'utf8'), before, 'the sidecar untouched');
    });

    it('with an unsaved annotation (the document open and edited): the annotation is written to the sidecar', async () => {
      const uri = seedUri('zz-outside-deleted-unsaved.txt');
      made.push(uri);
      await createdOutside(uri, seed);
      writeSidecar(uri, [{ id: 'od-1', label: 'actor', quote: NAME }]);
      const store = (await api()).services.annotations;
      await store.get(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Typed, not saved.\n'));
      const at = doc.getText().indexOf(FAR);
      const made1 = await store.add(uri, { range: new vscode.Range(doc.positionAt(at), doc.positionAt(at + FAR.length)), label: 'event' });
      await sleep(400);
      assert.deepEqual(readIds(uri), ['od-1'], 'not written while the document has unsaved edits');
      fs.rmSync(uri.fsPath);
      const ids = await waitFor(() => {
        const i = readIds(uri);
        return i.length === 2 ? i : undefined;
      }, 'the unsaved annotation written to the sidecar', 15000);
      assert.deepEqual(ids, [made1.id, 'od-1'].sort());
    });
  });
});

/**
 * Writes a new article and waits until the workspace's file events report it: a file created and
 * deleted within the watcher's batching delay is reported as nothing at all.
 */
async function createdOutside(uri: vscode.Uri, text: string): Promise<void> {
  const { services } = await api();
  let seen = false;
  const sub = services.articles.onDidChangeFiles((e) => {
    if (e.kind === 'articleCreated' && e.uri.toString() === uri.toString()) seen = true;
  });
  try {
    fs.writeFileSync(uri.fsPath, text);
    await waitFor(() => seen, `the creation of ${uri.path} reported`, 15000);
  } finally {
    sub.dispose();
  }
}

function readIds(uri: vscode.Uri): string[] {
  try {
    const parsed = parse(fs.readFileSync(sidecarOf(uri).fsPath, 'utf8')) as { annotations?: { id: string }[] };
    return (parsed.annotations ?? []).map((a) => a.id).sort();
  } catch {
    return [];
  }
}
