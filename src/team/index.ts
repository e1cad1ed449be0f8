/**
 * Team work: "Set Up Git Merging of Sidecars", "Import Annotations…" and "Compare Coders…"
 * with its Coder Differences view. Owns its commands, view and context key.
 */
import * as vscode from 'vscode';
import { parseScriptedArgs, type ArgsSpec } from '../core/scriptArgs';
import { IMPORT_FORMATS } from '../core/import';
import type { Choice } from '../core/team/differences';
import type { Services } from '../services';
import { registerCommand } from '../workspace/commands';
import { compareCoders, DifferencesProvider, type CompareArgs, type Comparison, type DiffNode } from './compare';
import { setUpGitMerging, type GitSetupResult } from './gitSetup';
import { askImportArgs, importAnnotations, type ImportArgs, type ImportResult } from './importCommand';
import { Disposable } from '../util/disposable';

const GIT_ARGS: ArgsSpec = { folder: { type: 'string', required: true } };
const IMPORT_ARGS: ArgsSpec = { files: { type: 'strings', required: true }, format: { type: 'string', oneOf: IMPORT_FORMATS } };
const COMPARE_ARGS: ArgsSpec = { folder: { type: 'string' }, branch: { type: 'string' }, authors: { type: 'strings' } };

export class TeamFeature extends Disposable {
  readonly differences = new DifferencesProvider();
  private readonly view: vscode.TreeView<DiffNode>;

  constructor(private readonly services: Services) {
    super();
    this.view = vscode.window.createTreeView('articleAnnotator.differences', { treeDataProvider: this.differences, showCollapseAll: true });
    const reg = (id: string, fn: (...args: unknown[]) => unknown) => this._registerAll(registerCommand(id, fn));
    reg('articleAnnotator.setUpGitMerging', (arg) => this.setUpGit(arg));
    reg('articleAnnotator.importAnnotations', (arg) => this.import(arg));
    reg('articleAnnotator.compareCoders', (arg) => this.compare(arg));
    reg('articleAnnotator.acceptA', (node) => this.accept(node, 'a'));
    reg('articleAnnotator.acceptB', (node) => this.accept(node, 'b'));
    reg('articleAnnotator.keepBoth', (node) => this.accept(node, 'both'));
    reg('articleAnnotator.openDifference', (node) => this.open(node as DiffNode));
    reg('articleAnnotator.closeComparison', () => this.show(undefined));
    this._registerAll(this.view, this.differences);
  }

  private writable(): void {
    if (!vscode.workspace.isTrusted) throw new Error('this command writes files and is disabled in Restricted Mode.');
  }

  private async setUpGit(arg: unknown): Promise<GitSetupResult | undefined> {
    this.writable();
    const scripted = parseScriptedArgs<{ folder: string }>('setUpGitMerging', arg, GIT_ARGS);
    let folder: vscode.Uri | undefined = scripted ? vscode.Uri.file(scripted.folder) : undefined;
    if (!folder) {
      const folders = vscode.workspace.workspaceFolders ?? [];
      if (!folders.length) throw new Error('open the folder of your articles first.');
      folder = folders.length === 1 ? folders[0]!.uri : (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Set up git merging of sidecars in which folder?' }))?.uri;
      if (!folder) return undefined;
    }
    const r = await setUpGitMerging(folder, this.services.context.extensionPath);
    if (!scripted) {
      const where = r.changed ? `added to ${r.gitattributes}` : `already in ${r.gitattributes}`;
      const warn = r.conflicting ? ` Note: “${r.conflicting}” is there too; remove it so that ours applies.` : '';
      void vscode.window.showInformationMessage(`Git merges sidecars by annotation id now: the attribute is ${where}, and the driver is in ${r.repository}'s git config. Run this again after updating the extension.${warn}`);
    }
    return r;
  }

  private async import(arg: unknown): Promise<ImportResult | undefined> {
    this.writable();
    const scripted = parseScriptedArgs<ImportArgs>('importAnnotations', arg, IMPORT_ARGS);
    const args = scripted ?? (await askImportArgs());
    if (!args) return undefined;
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Importing ${args.files.length} file${args.files.length === 1 ? '' : 's'}`, cancellable: true }, (progress, token) =>
      importAnnotations(this.services, args, progress, token),
    );
    if (!scripted) {
      const msg = `Imported ${result.added} annotation(s) into ${Object.keys(result.perArticle).length} article(s)${result.problems.length ? `; ${result.problems.length} not imported` : ''}.`;
      const show = result.problems.length ? vscode.window.showWarningMessage(msg, 'Show Report') : vscode.window.showInformationMessage(msg, 'Show Report');
      void show.then(async (c) => {
        if (c === 'Show Report') await this.openReport(result.report);
      });
    }
    return result;
  }

  private async compare(arg: unknown): Promise<(Comparison & { document: string }) | undefined> {
    const scripted = parseScriptedArgs<{ folder?: string; branch?: string; authors?: string[] }>('compareCoders', arg, COMPARE_ARGS);
    let args: CompareArgs | undefined;
    if (scripted) {
      const given = [scripted.folder, scripted.branch, scripted.authors].filter((x) => x !== undefined).length;
      if (given !== 1 || (scripted.authors && scripted.authors.length !== 2)) throw new Error('compareCoders: give one of "folder", "branch" or two "authors".');
      args = scripted.folder !== undefined ? { folder: scripted.folder } : scripted.branch !== undefined ? { branch: scripted.branch } : { authors: [scripted.authors![0]!, scripted.authors![1]!] };
    } else args = await this.askCompare();
    if (!args) return undefined;
    const a = args;
    const c = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Comparing coders' }, (progress) => compareCoders(this.services, a, progress));
    this.show(c);
    const doc = await this.openReport(c.report);
    if (c.articles.length) void vscode.commands.executeCommand('articleAnnotator.differences.focus');
    return { ...c, document: doc.uri.toString() };
  }

  private async askCompare(): Promise<CompareArgs | undefined> {
    const how = await vscode.window.showQuickPick(
      [
        { label: 'Another folder…', detail: 'Another coder’s copy of these articles, or a branch checked out with git worktree', v: 'folder' as const },
        { label: 'A git branch…', detail: 'The sidecars committed on another branch of this repository (read, not checked out)', v: 'branch' as const },
        { label: 'Two authors in this workspace…', detail: 'The “author” recorded on each annotation', v: 'authors' as const },
      ],
      { title: 'Compare coders: with whom?' },
    );
    if (!how) return undefined;
    if (how.v === 'folder') {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Compare with this folder', title: 'Compare coders: the other coder’s folder (same articles, same relative paths)' });
      return picked?.[0] ? { folder: picked[0].toString() } : undefined;
    }
    if (how.v === 'branch') {
      const branch = await vscode.window.showInputBox({ title: 'Compare coders: the other coder’s branch', prompt: 'A branch, tag or commit of this repository (e.g. coder-b, origin/coder-b)', validateInput: (v) => (/^[\w./@{}^~-]+$/.test(v) && !v.startsWith('-') ? undefined : 'Not a branch name') });
      return branch ? { branch } : undefined;
    }
    const authors = new Set<string>();
    for (const uri of await this.services.articles.list()) for (const i of (await this.services.annotations.get(uri)).items) if (i.annotation.author) authors.add(i.annotation.author);
    if (authors.size < 2) throw new Error(`comparing authors needs two; the sidecars name ${authors.size ? [...authors].join(', ') : 'none'} (setting articleAnnotator.author records yours).`);
    const picked = await vscode.window.showQuickPick([...authors].sort().map((label) => ({ label })), { canPickMany: true, title: 'Compare coders: pick two authors (the first is A)' });
    if (!picked) return undefined;
    if (picked.length !== 2) throw new Error('pick exactly two authors.');
    return { authors: [picked[0]!.label, picked[1]!.label] };
  }

  private show(c: Comparison | undefined): void {
    this.differences.set(c);
    void vscode.commands.executeCommand('setContext', 'articleAnnotator.comparing', !!c);
  }

  private async openReport(markdown: string): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    void vscode.commands.executeCommand('markdown.showPreview', doc.uri).then(undefined, () => undefined);
    return doc;
  }

  private async accept(node: unknown, choice: Choice) {
    this.writable();
    return this.differences.accept(this.services, node as DiffNode, choice);
  }

  private async open(node: DiffNode | undefined): Promise<void> {
    if (!node || node.kind !== 'difference') return;
    const ann = (node.diff.a ?? node.diff.b)!;
    const doc = await vscode.workspace.openTextDocument(node.article.uri);
    const text = doc.getText();
    const cp = [...text];
    const s = cp.slice(0, ann.start).join('').length;
    const e = s + cp.slice(ann.start, ann.end).join('').length;
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(doc.positionAt(s), doc.positionAt(e)) });
  }

}
