import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Annotation } from '../../src/core/model';
import { closeSecondPage, openSecondPage, pressKey, queryDom, screenshot, typeText, waitFor as waitForDom } from './harness';
import { api, seedUri, sidecarOf, waitFor } from './util';

/**
 * Two VS Code windows on the same folder: a second workbench page on the same server (its own
 * extension host), driven through its workbench UI by keyboard. Both windows annotate the same
 * article, in different sentences, within the write delay of each other: both annotations end
 * up in the sidecar, and each window then shows both.
 */
const SEED = '001_f449809abfeeccdc.txt';
const NAME = 'zz-two-windows.txt';
const MINE = 'Islamic State'; // annotated in this window
const THEIRS = 'joint working group'; // annotated in the second window

function readSidecar(uri: vscode.Uri): { annotations: Annotation[] } | undefined {
  try {
    return parse(fs.readFileSync(sidecarOf(uri).fsPath, 'utf8'));
  } catch {
    return undefined;
  }
}

/** 1-based line and column of `quote` in `text`, as VS Code shows them. */
function lineCol(text: string, quote: string): { line: number; col: number } {
  const at = text.indexOf(quote);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, col: at - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The text of the second page's quick input title (the prompt on screen), if any. */
async function prompt(): Promise<string> {
  const titles = await queryDom('.quick-input-widget .quick-input-title', 2);
  return titles.map((t) => t.text).join(' | ');
}

/** Opens Quick Open in the second page (the command palette without its ">") and types `text` in it. */
async function quickOpen(text: string): Promise<void> {
  await pressKey('F1', 2);
  await waitForDom(async () => (await queryDom('.quick-input-widget', 2)).some((w) => w.visible), 10_000, 'the command palette');
  await pressKey('Backspace', 2);
  await typeText(text, 2);
}

/** Presses Enter in the second page's Quick Open and waits until it is closed. */
async function acceptQuickOpen(): Promise<void> {
  await pressKey('Enter', 2);
  await waitForDom(async () => !(await queryDom('.quick-input-widget', 2)).some((w) => w.visible), 10_000, 'Quick Open closed');
}

/** The second page's status bar selection item ("Ln 5, Col 42 (19 selected)"). */
async function selectionStatus(): Promise<string> {
  const items = await queryDom('[id="status.editor.selection"]', 2);
  return items.map((i) => i.text).join('');
}

describe('two windows on one folder (two workbench pages, one server)', function () {
  this.timeout(240_000);
  const uri = seedUri(NAME);
  const text = fs.readFileSync(seedUri(SEED).fsPath, 'utf8');

  before(() => fs.writeFileSync(uri.fsPath, text));
  after(async () => {
    await closeSecondPage();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await (await api()).services.annotations.flushAll();
    fs.rmSync(uri.fsPath, { force: true });
    fs.rmSync(sidecarOf(uri).fsPath, { force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshot('two-windows-failed', 2).catch(() => undefined);
  });

  it('both annotate the same article within the write delay: both annotations are in the sidecar and each window shows both', async () => {
    const a = await api();
    const store = a.services.annotations;
    // This window: the article open, the text selected.
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const at = text.indexOf(MINE);
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + MINE.length));
    await store.get(uri);

    // The second window: the same folder, the extension loaded in its own extension host.
    await openSecondPage();
    await waitForDom(async () => (await queryDom('.activitybar .action-item a', 2)).some((x) => /Article Annotator/.test(x.ariaLabel)), 60_000, 'the extension in the second window');
    // Quick Open, the article by name.
    await quickOpen(NAME);
    await waitForDom(async () => (await queryDom('.quick-input-list .monaco-list-row', 2)).some((r) => r.visible && r.text.includes(NAME)), 20_000, 'the article in Quick Open');
    await acceptQuickOpen();
    await waitForDom(async () => (await queryDom('.tabs-container .tab', 2)).some((t) => t.ariaLabel.includes(NAME)), 20_000, 'the article open in the second window');
    // Go to the quote (":line:column") and select it with the keyboard.
    const pos = lineCol(text, THEIRS);
    await quickOpen(`:${pos.line}:${pos.col}`);
    await acceptQuickOpen();
    await waitForDom(async () => (await selectionStatus()).startsWith(`Ln ${pos.line}, Col ${pos.col}`), 10_000, 'the cursor at the quote');
    for (let i = 0; i < THEIRS.length; i++) await pressKey('Shift+ArrowRight', 2);
    await waitForDom(async () => (await selectionStatus()).includes(`(${THEIRS.length} selected)`), 10_000, 'the quote selected');
    // Annotate Selection (its key), label, no comment, no tags.
    await pressKey('Control+Alt+A', 2);
    await waitForDom(async () => (await prompt()).includes(`Annotate “${THEIRS}”`), 20_000, 'the label picker');
    await typeText('evidence', 2);
    await pressKey('Enter', 2);
    await waitForDom(async () => (await prompt()).includes('Comment'), 10_000, 'the comment prompt');
    await pressKey('Enter', 2);
    await waitForDom(async () => (await prompt()).includes('Tags'), 10_000, 'the tags prompt');
    // Both windows annotate at once: each writes the sidecar within the write delay of the other.
    const [, mine] = await Promise.all([pressKey('Enter', 2), vscode.commands.executeCommand<Annotation>('articleAnnotator.annotateSelection', { label: 'actor' })]);
    assert.equal(mine.quote, MINE);

    // Both in the sidecar, none lost.
    const written = await waitFor(() => {
      const s = readSidecar(uri);
      return s && s.annotations.length === 2 ? s : undefined;
    }, 'both annotations in the sidecar', 30_000);
    assert.deepEqual(written.annotations.map((x) => `${x.label}:${x.quote}`).sort(), [`actor:${MINE}`, `evidence:${THEIRS}`]);
    // Stays so (a late write of either window does not drop the other's).
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(readSidecar(uri)?.annotations.length, 2, 'still both');

    // This window shows both, on their text.
    const items = await waitFor(() => {
      const i = store.peek(uri)?.items;
      return i && i.length === 2 ? i : undefined;
    }, 'both annotations in this window', 15_000);
    for (const i of items) assert.equal(doc.getText(i.range!), i.annotation.quote);

    // The second window shows both: Next Annotation (Alt+F8) from the top selects each in turn.
    await pressKey('Escape', 2);
    await pressKey('Control+Home', 2);
    const seen: string[] = [];
    for (const quote of [MINE, THEIRS]) {
      const p = lineCol(text, quote);
      // (The status bar shows where the cursor is: at the selection's end.)
      const want = [p.col, p.col + quote.length].map((c) => `Ln ${p.line}, Col ${c} (${quote.length} selected)`);
      await pressKey('Alt+F8', 2);
      seen.push(await waitForDom(async () => {
        const s = await selectionStatus();
        return want.includes(s) ? s : undefined;
      }, 15_000, `"${quote}" selected by Next Annotation in the second window (${want.join(' or ')})`));
    }
    assert.equal(seen.length, 2);
    await screenshot('two-windows-second', 2);
  });
});
