/**
 * Undo of a deleted annotation from the editor's own Undo (Ctrl+Z / Cmd+Z). VS Code offers
 * extensions no way into a document's undo stack, so while the deletion is the last thing done
 * in its article's editor, the context key `articleAnnotator.canUndoDelete` is true and the
 * keybinding of `articleAnnotator.undoDelete` takes Ctrl+Z there. Typing in the article, another
 * annotation command, or undoing it ends that; Ctrl+Z then undoes text edits as usual. The
 * deletion's notification keeps its own Undo button.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/model';
import type { Services } from '../services';
import { registerCommand } from '../workspace/commands';
import { Disposable } from '../util/disposable';

const CONTEXT_KEY = 'articleAnnotator.canUndoDelete';

export interface DeletedAnnotation {
  readonly article: vscode.Uri;
  readonly annotation: Annotation;
}

export class DeleteUndo extends Disposable {
  /** The deletion Ctrl+Z undoes, while it is the last action in its article. */
  private last: DeletedAnnotation | undefined;

  constructor(private readonly services: Services) {
    super();
    this._registerAll(
      registerCommand('articleAnnotator.undoDelete', () => this.undoLastOrText()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.last?.article.toString() === e.document.uri.toString()) this.forget();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.updateContext()),
    );
  }

  /**
   * Records a deletion as the last action; gives what the notification's Undo restores once
   * Ctrl+Z is bound to it.
   */
  async remember(article: vscode.Uri, annotation: Annotation): Promise<DeletedAnnotation> {
    const deleted = { article, annotation };
    this.last = deleted;
    await this.updateContext();
    return deleted;
  }

  /** Another action came after the deletion: Ctrl+Z no longer undoes it. */
  forget(): void {
    if (!this.last) return;
    this.last = undefined;
    void this.updateContext();
  }

  /** Puts a deleted annotation back (once; restoring it again changes nothing). */
  async undo(deleted: DeletedAnnotation): Promise<void> {
    if (this.last === deleted) this.forget();
    await this.services.annotations.restore(deleted.article, deleted.annotation);
  }

  /** The command behind Ctrl+Z: undoes the last deletion; true when there was one. */
  async undoLast(): Promise<boolean> {
    const last = this.last;
    if (!last) return false;
    await this.undo(last);
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.uri.toString() === last.article.toString()) void vscode.window.setStatusBarMessage(`Restored annotation “${last.annotation.quote.slice(0, 40)}”`, 3000);
    return true;
  }

  /**
   * Ctrl+Z: the last deletion, or else the editor's own undo (the context key can lag behind a
   * keystroke by a round trip, and Ctrl+Z must then still undo the text).
   */
  private async undoLastOrText(): Promise<void> {
    if (!(await this.undoLast())) await vscode.commands.executeCommand('undo');
  }

  private async updateContext(): Promise<void> {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, !!this.last && this.last.article.toString() === active);
  }

}
