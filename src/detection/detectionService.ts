import * as vscode from 'vscode';
import type { ArticleIndex, DetectionService, DetectionSnapshot, LexiconService } from '../services';

/** Runs core detection with a per-content-hash cache, off the typing path. (Stub: to be implemented.) */
export class CachedDetectionService implements DetectionService {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly lexicon: LexiconService,
    private readonly articles: ArticleIndex,
  ) {}
  async get(_article: vscode.Uri, _token?: vscode.CancellationToken): Promise<DetectionSnapshot | undefined> {
    return undefined;
  }
  peek(_article: vscode.Uri): DetectionSnapshot | undefined {
    return undefined;
  }
  isRejected(_article: vscode.Uri, _key: string): boolean {
    return false;
  }
  async reject(_article: vscode.Uri, _key: string): Promise<void> {}
  async resetRejected(): Promise<void> {}
  dispose(): void {
    void this.context;
    void this.lexicon;
    void this.articles;
    this.emitter.dispose();
  }
}
