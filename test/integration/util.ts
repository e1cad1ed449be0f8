// Helpers shared by the integration tests.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ArticleAnnotatorApi } from '../../src/extension';

export const EXT_ID = 'article-annotator.article-annotator';

export async function api(): Promise<ArticleAnnotatorApi> {
  const ext = vscode.extensions.getExtension<ArticleAnnotatorApi>(EXT_ID);
  assert.ok(ext, 'extension installed');
  return ext.activate();
}

export function seedUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  return vscode.Uri.joinPath(folder, 'seeds', name);
}

export function sidecarOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: uri.path + '.annotations.yaml' });
}

/**
 * Polls `probe` until it gives a value. A file that is missing for a moment counts as "not yet":
 * VS Code's rename with overwrite (how sidecars are replaced) deletes the old file just before
 * moving the new one in, so a reader can catch the gap.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let v: T | undefined | false;
    try {
      v = await probe();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || Date.now() > deadline) throw e;
      v = undefined;
    }
    if (v) return v as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens an article and selects the first occurrence of `text`. */
export async function selectText(uri: vscode.Uri, text: string, occurrence = 0): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = doc.getText().indexOf(text, at + 1);
  assert.ok(at >= 0, `text in article: ${text}`);
  editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + text.length));
  return editor;
}

/** Restores an article's bytes and removes its sidecar, closing its editors without saving. */
export async function resetArticle(uri: vscode.Uri, original: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // Let sidecar moves and writes still running (after a rename, say) finish before the files are reset.
  await (await api()).services.annotations.flushAll();
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc?.isDirty) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  const hadSidecar = fs.existsSync(sidecarOf(uri).fsPath);
  // Rewritten only when changed, and atomically: a reader never sees it truncated.
  if (!fs.existsSync(uri.fsPath) || fs.readFileSync(uri.fsPath, 'utf8') !== original) {
    fs.writeFileSync(`${uri.fsPath}.reset-tmp`, original);
    fs.renameSync(`${uri.fsPath}.reset-tmp`, uri.fsPath);
  }
  fs.rmSync(sidecarOf(uri).fsPath, { force: true });
  // Make the store read the restored files now (file-watcher events for a file that was created
  // and deleted quickly may be coalesced away), so tests stay independent.
  const store = (await api()).services.annotations;
  if (hadSidecar || store.peek(uri)) {
    await store.discardChanges(uri);
    await waitFor(() => {
      const s = store.peek(uri);
      return !s || (s.state.kind === 'none' && s.items.length === 0);
    }, 'the store to notice the reset', 15000);
  }
}

/** Writes a sidecar by hand (as a person would, in the documented format) for `quotes` of the article. */
export function writeSidecar(uri: vscode.Uri, items: { id: string; label: string; quote: string; comment?: string; speaker?: string; tags?: string[]; about?: string[]; stance?: string; start?: number }[]): void {
  const text = fs.readFileSync(uri.fsPath, 'utf8');
  const lines = ['version: 1', `article: ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`, 'annotations:'];
  for (const it of items) {
    const at = text.indexOf(it.quote);
    const start = it.start ?? (at >= 0 ? [...text.slice(0, at)].length : 0);
    const end = start + [...it.quote].length;
    lines.push(`  - id: ${it.id}`, `    label: ${it.label}`, `    start: ${start}`, `    end: ${end}`, `    quote: ${JSON.stringify(it.quote)}`);
    if (it.comment) lines.push(`    comment: ${JSON.stringify(it.comment)}`);
    if (it.speaker) lines.push(`    speaker: ${JSON.stringify(it.speaker)}`);
    if (it.tags) lines.push(`    tags: ${JSON.stringify(it.tags)}`);
    if (it.about) lines.push(`    about: ${JSON.stringify(it.about)}`);
    if (it.stance) lines.push(`    stance: ${JSON.stringify(it.stance)}`);
  }
  fs.writeFileSync(sidecarOf(uri).fsPath, lines.join('\n') + '\n');
}
