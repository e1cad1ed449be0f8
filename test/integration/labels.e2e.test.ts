// Speaker labels (`◂ Name`) in the rendered editor: measured in the page, no label and no
// wrapped line reaches past the text area (under the minimap) and no horizontal scrollbar shows,
// on a seed article and on a long Wikinews article with long speaker names (Wikinews, CC BY 2.5:
// https://en.wikinews.org/wiki/Wikinews_discusses_DRM_and_DMCA_with_Richard_Stallman_after_GitHub_re-enables_public_access_to_youtube-dl).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { editorGeometry, screenshot, waitFor } from './harness';
import { api, seedUri } from './util';
import { shortLabel } from '../../src/core/shortLabel';

const WIKINEWS = '2020-11-17_wikinews-discusses-drm-and-dmca-with-richard-stallman-after-.txt';

async function hintsOf(doc: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  return (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, end.line, end.character))) ?? [];
}

const labelText = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));

/**
 * Opens the article, then brings each claim's end into view in turn and measures the editor:
 * its label is rendered, inside the text area, with no overflow anywhere and no horizontal
 * scrollbar. Returns how many labels were seen.
 */
async function checkArticle(uri: vscode.Uri, shot: string, setLanguage = false): Promise<number> {
  const a = await api();
  let doc = await vscode.workspace.openTextDocument(uri);
  if (setLanguage) doc = await vscode.languages.setTextDocumentLanguage(doc, 'article');
  const editor = await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  await vscode.commands.executeCommand('workbench.view.extension.articleAnnotator');
  const snap = await waitFor(async () => {
    const s = await a.services.detections.get(doc.uri);
    return s && s.detection.claims.length > 0 ? s : undefined;
  }, 15000, 'claims detected');
  // Every label drawn is a whole (shortened) speaker name: nothing cut further by the editor.
  const expected = new Set(snap.detection.claims.map((c) => `◂ ${shortLabel(c.speaker ?? 'unknown speaker')}`));
  let seen = 0;
  let shotTaken = false;
  for (const c of snap.detection.claims) {
    const end = doc.positionAt(c.end);
    editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenter);
    const text = `◂ ${shortLabel(c.speaker ?? 'unknown speaker')}`;
    // Measured once the editor has drawn the lines around the claim's end.
    const g = await waitFor(async () => {
      const r = await editorGeometry();
      if (r.error) throw new Error(r.error);
      return r.spans > 0 && r.labels.some((l) => l.text.includes(text)) ? r : undefined;
    }, 15000, `the label ${text} rendered`).catch(async (e: Error) => {
      await screenshot(`${shot}-failed`);
      const r = await editorGeometry();
      assert.deepEqual(r.overflowing, [], `text past the text area (right edge ${r.limit}) near ${text}`);
      throw e;
    });
    assert.deepEqual(g.overflowing, [], `text past the text area (right edge ${g.limit}) with ${text} in view`);
    assert.equal(g.horizontalScrollbar, false, `a horizontal scrollbar with ${text} in view`);
    for (const l of g.labels) {
      assert.ok(l.right <= g.limit + 0.5 && l.left >= g.left, `label ${l.text} inside the text area`);
      assert.ok(expected.has(l.text.trim()), `label drawn as ${JSON.stringify(l.text)}, not as one of the speakers' labels`);
    }
    seen++;
    if (!shotTaken && g.labels.length >= 2) {
      await screenshot(shot);
      shotTaken = true;
    }
  }
  if (!shotTaken) await screenshot(shot);
  return seen;
}

describe('speaker labels end to end (rendered workbench)', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('labels every claim of a seed article, shortened, inside the text area, without a horizontal scrollbar', async () => {
    const doc = await vscode.workspace.openTextDocument(seedUri('000_567447e36de95f9e.txt'));
    const hints = await waitFor(async () => {
      const h = await hintsOf(doc);
      return h.length > 0 ? h : undefined;
    }, 15000, 'speaker hints');
    // The full name is in the tooltip; the label is at most SPEAKER_LABEL_MAX characters of it.
    for (const h of hints) {
      const part = (h.label as vscode.InlayHintLabelPart[])[0]!;
      const tip = (part.tooltip as vscode.MarkdownString).value;
      const name = /Speaker: \*\*(.*?)\*\*/.exec(tip)![1]!.replace(/\\(.)/g, '$1');
      assert.equal(part.value, `◂ ${shortLabel(name)}`);
    }
    assert.ok((await checkArticle(doc.uri, 'speaker-labels-seed')) >= 5);
  });

  it('does the same on a long Wikinews article with long speaker names', async () => {
    const corpus = path.join(process.env.AA_REPO_ROOT ?? '', '..', 'shared', 'corpus', 'wikinews', WIKINEWS);
    assert.ok(fs.existsSync(corpus), `no Wikinews corpus at ${corpus}`);
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const dir = vscode.Uri.joinPath(folder, 'wikinews');
    fs.mkdirSync(dir.fsPath, { recursive: true });
    const uri = vscode.Uri.joinPath(dir, WIKINEWS);
    fs.copyFileSync(corpus, uri.fsPath);
    try {
      assert.ok((await checkArticle(uri, 'speaker-labels-wikinews', true)) >= 10);
      const doc = await vscode.workspace.openTextDocument(uri);
      const long = (await hintsOf(doc)).filter((h) => labelText(h).endsWith('…'));
      assert.ok(long.length > 0, 'a long speaker name is shortened');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir.fsPath, { recursive: true, force: true });
    }
  });
});
