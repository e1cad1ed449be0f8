import * as vscode from 'vscode';
import type { ActorType, Lexicon } from '../core/model';
import { EMPTY_LEXICON } from '../core/model';
import type { ArticleIndex, LexiconService } from '../services';

/** Reads `.annotator/actors.yaml` of each workspace folder. (Stub: to be implemented.) */
export class WorkspaceLexiconService implements LexiconService {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  constructor(private readonly articles: ArticleIndex) {}
  get(_article: vscode.Uri): Lexicon {
    return EMPTY_LEXICON;
  }
  async addActor(_article: vscode.Uri, _name: string, _type: ActorType, _aliasOf?: string): Promise<void> {}
  async ignore(_article: vscode.Uri, _surface: string): Promise<void> {}
  dispose(): void {
    void this.articles;
    this.emitter.dispose();
  }
}
