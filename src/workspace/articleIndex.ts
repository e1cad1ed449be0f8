import * as vscode from 'vscode';
import type { ArticleIndex } from '../services';

/** Finds articles by the `articleAnnotator.articleGlob` setting in every workspace folder. (Stub: to be implemented.) */
export class WorkspaceArticleIndex implements ArticleIndex {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  async list(): Promise<vscode.Uri[]> {
    return [];
  }
  isArticle(uri: vscode.Uri): boolean {
    return uri.path.endsWith('.txt');
  }
  dispose(): void {
    this.emitter.dispose();
  }
}
