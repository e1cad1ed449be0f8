/**
 * The Annotations view and its commands: grouping, filter, open, next/previous, follow cursor.
 */
import * as vscode from 'vscode';
import { describeFilter, isFilterActive, stepInArticle, wrapOrder, type TreeFilter } from '../core/tree';
import { refOf, type ItemRef, type Services } from '../services';
import type { TreeNode } from './nodes';
import { AnnotationTreeProvider, GROUPINGS, type Grouping } from './provider';
import { registerCommand } from '../workspace/commands';
import { parseScriptedArgs } from '../core/scriptArgs';
import { COMMAND_ARGS } from '../core/commandArgs';
import { Disposable } from '../util/disposable';

export class TreeFeature extends Disposable {
  readonly provider: AnnotationTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;

  constructor(private readonly services: Services) {
    super();
    this.provider = new AnnotationTreeProvider(services);
    const saved = services.context.workspaceState.get<unknown>('articleAnnotator.grouping');
    this.provider.grouping = GROUPINGS.find((g) => g === saved) ?? 'article';
    this.view = vscode.window.createTreeView('articleAnnotator.annotations', { treeDataProvider: this.provider });
    const reg = (id: string, fn: (...args: unknown[]) => unknown) => this._registerAll(registerCommand(id, fn));
    reg('articleAnnotator.groupByArticle', () => this.setGrouping('article'));
    reg('articleAnnotator.groupByLabel', () => this.setGrouping('label'));
    reg('articleAnnotator.groupByActor', () => this.setGrouping('actor'));
    reg('articleAnnotator.groupByTopic', () => this.setGrouping('topic'));
    reg('articleAnnotator.filter', (arg) => this.askFilter(arg));
    reg('articleAnnotator.clearFilter', () => this.setFilter(undefined));
    reg('articleAnnotator.refresh', () => this.provider.refresh());
    reg('articleAnnotator.openGlobSetting', () => vscode.commands.executeCommand('workbench.action.openSettings', 'articleAnnotator.articleGlob'));
    reg('articleAnnotator.openItem', (arg) => this.open(refOf(arg)));
    reg('articleAnnotator.nextAnnotation', () => this.step(1));
    reg('articleAnnotator.previousAnnotation', () => this.step(-1));
    this._registerAll(
      this.view,
      this.provider,
      vscode.window.onDidChangeTextEditorSelection((e) => this.followCursor(e)),
    );
    void this.updateView();
  }

  async setGrouping(g: Grouping): Promise<void> {
    this.provider.grouping = g;
    await this.services.context.workspaceState.update('articleAnnotator.grouping', g);
    this.provider.refresh();
    await this.updateView();
  }

  async setFilter(f: TreeFilter | undefined): Promise<void> {
    this.provider.filter = isFilterActive(f) ? f : undefined;
    this.provider.refresh();
    await this.updateView();
  }

  private async updateView(): Promise<void> {
    const active = this.provider.filterActive();
    await vscode.commands.executeCommand('setContext', 'articleAnnotator.filterActive', active);
    const g = this.provider.grouping;
    // The description shows beside the title when the view shares a container with others. In its
    // own container VS Code shows the container's title only (the view is named alike, so that
    // the title is not "Article Annotator: Annotations" cut short), and no description: the
    // message at the top of the tree then says how it is grouped and filtered.
    this.view.description = `by ${g}${active ? ' · filtered' : ''}`;
    this.view.message = active
      ? `By ${g} · filtered: ${describeFilter(this.provider.filter!)}. Clear Filter in the title bar shows everything.`
      : g === 'article' ? undefined : `By ${g}.`;
  }

  private async askFilter(arg: unknown): Promise<void> {
    const scripted = parseScriptedArgs<TreeFilter>('filter', arg, COMMAND_ARGS.filter);
    if (scripted) {
      await this.setFilter(scripted);
      return;
    }
    const text = await vscode.window.showInputBox({ title: 'Filter annotations (1/3): text in quote, comment or tags', value: this.provider.filter?.text ?? '', prompt: 'Leave empty for any text' });
    if (text === undefined) return;
    const labels = this.services.annotations.labels().map((l) => l.name);
    const label = await vscode.window.showQuickPick(['(any label)', ...labels], { title: 'Filter annotations (2/3): label' });
    if (label === undefined) return;
    const speaker = await vscode.window.showInputBox({ title: 'Filter annotations (3/3): speaker', value: this.provider.filter?.speaker ?? '', prompt: 'Leave empty for any speaker' });
    if (speaker === undefined) return;
    await this.setFilter({ ...(text ? { text } : {}), ...(label !== '(any label)' ? { label } : {}), ...(speaker ? { speaker } : {}) });
  }

  /** Opens the article of a ref and selects its exact range. */
  async open(ref: ItemRef | undefined): Promise<vscode.TextEditor | undefined> {
    if (!ref) return undefined;
    const uri = vscode.Uri.parse(ref.article);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    let range: vscode.Range | undefined;
    if (ref.kind === 'annotation') {
      const item = (await this.services.annotations.get(uri)).items.find((i) => i.annotation.id === ref.id);
      range = item?.range;
      if (!range) {
        void vscode.window.showWarningMessage('This annotation is an orphan: its text is no longer in the article. Select the right text and use “Re-attach Orphan to Selection”.');
        return editor;
      }
    } else range = new vscode.Range(doc.positionAt(ref.start), doc.positionAt(ref.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  /** Next/previous annotation in the current article, wrapping to the next articles. */
  async step(direction: 1 | -1): Promise<vscode.TextEditor | undefined> {
    const editor = vscode.window.activeTextEditor;
    const articles = await this.services.articles.list();
    if (articles.length === 0) return undefined;
    const items = async (uri: vscode.Uri, doc?: vscode.TextDocument) => {
      const anns = await this.services.annotations.get(uri);
      const d = doc ?? (await vscode.workspace.openTextDocument(uri));
      return anns.items.filter((i) => i.range).map((i) => ({ start: d.offsetAt(i.range!.start), id: i.annotation.id }));
    };
    let index = -1;
    if (editor) {
      index = articles.findIndex((u) => u.toString() === editor.document.uri.toString());
      if (index >= 0) {
        const here = await items(editor.document.uri, editor.document);
        const hit = stepInArticle(here, editor.document.offsetAt(editor.selection.start), direction);
        if (hit) return this.open({ kind: 'annotation', article: editor.document.uri.toString(), id: hit.id });
      }
    }
    for (const uri of wrapOrder(articles, index < 0 ? (direction === 1 ? -1 : 0) : index, direction)) {
      const list = (await items(uri)).sort((a, b) => a.start - b.start);
      if (list.length === 0) continue;
      const pick = direction === 1 ? list[0]! : list[list.length - 1]!;
      return this.open({ kind: 'annotation', article: uri.toString(), id: pick.id });
    }
    void vscode.window.showInformationMessage('No annotations in the workspace yet.');
    return undefined;
  }

  private followCursor(e: vscode.TextEditorSelectionChangeEvent): void {
    if (!this.view.visible || this.provider.grouping !== 'article') return;
    if (!vscode.workspace.getConfiguration('articleAnnotator').get<boolean>('revealOnCursor', true)) return;
    const anns = this.services.annotations.peek(e.textEditor.document.uri);
    const pos = e.selections[0]?.active;
    if (!anns || !pos) return;
    const hit = anns.items.find((i) => i.range?.contains(pos));
    if (!hit) return;
    // Best effort: the article's rows can be rebuilt between finding the row and revealing it (a
    // sidecar write refreshes them), and VS Code then rejects the reveal of the old row.
    this.revealAnnotation(e.textEditor.document.uri, hit.annotation.id).catch(() => undefined);
  }

  /** Reveals and selects an annotation's row (by-article grouping). */
  async revealAnnotation(uri: vscode.Uri, id: string): Promise<boolean> {
    const articleNode = (await this.provider.getChildren()).find((n) => n.kind === 'article' && n.uri.toString() === uri.toString());
    if (!articleNode) return false;
    for (const group of await this.provider.getChildren(articleNode)) {
      for (const child of await this.provider.getChildren(group)) {
        if (child.kind === 'annotation' && child.ref.id === id) {
          await this.view.reveal(child, { select: true, focus: false, expand: true });
          return true;
        }
      }
    }
    return false;
  }

}
