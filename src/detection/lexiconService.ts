import * as vscode from 'vscode';
import type { ActorType, Lexicon } from '../core/model';
import { EMPTY_LEXICON } from '../core/model';
import { addLexiconActor, addLexiconIgnore, parseLexicon } from '../core/lexicon';
import type { ArticleIndex, LexiconService } from '../services';
import { readText, writeTextAtomic } from '../workspace/fs';
import { Disposable } from '../util/disposable';

/** Reads `.annotator/actors.yaml` of each workspace folder; a broken one gets diagnostics and is not used. */
export class WorkspaceLexiconService extends Disposable implements LexiconService {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly lexicons = new Map<string, Lexicon>();
  readonly diagnostics = vscode.languages.createDiagnosticCollection('articleAnnotator.lexicon');
  readonly ready: Promise<void>;

  constructor(private readonly articles: ArticleIndex) {
    super();
    const watcher = vscode.workspace.createFileSystemWatcher('**/.annotator/actors.yaml');
    this._registerAll(
      watcher,
      this.diagnostics,
      watcher.onDidChange(() => void this.reload()),
      watcher.onDidCreate(() => void this.reload()),
      watcher.onDidDelete(() => void this.reload()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
    );
    this.ready = this.reload();
  }

  fileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, '.annotator', 'actors.yaml');
  }

  async reload(): Promise<void> {
    this.lexicons.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = this.fileOf(folder);
      const r = await readText(uri, 5_000_000);
      if (r.kind === 'missing') {
        this.diagnostics.delete(uri);
        continue;
      }
      if (r.kind !== 'ok') {
        this.diagnostics.set(uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'The actor lexicon could not be read; detection runs without it.', vscode.DiagnosticSeverity.Error)]);
        continue;
      }
      const parsed = parseLexicon(r.text);
      this.diagnostics.set(
        uri,
        parsed.problems.map((p) => {
          const line = Math.max(0, (p.line ?? 1) - 1);
          const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), `${p.message} (detection runs without the lexicon until this is fixed)`, vscode.DiagnosticSeverity.Error);
          d.source = 'Article Annotator';
          return d;
        }),
      );
      if (parsed.problems.length === 0) this.lexicons.set(folder.uri.toString(), parsed.lexicon);
    }
    this.emitter.fire();
  }

  get(article: vscode.Uri): Lexicon {
    const folder = vscode.workspace.getWorkspaceFolder(article);
    return (folder && this.lexicons.get(folder.uri.toString())) ?? EMPTY_LEXICON;
  }

  private async edit(article: vscode.Uri, change: (text: string) => string): Promise<void> {
    if (!vscode.workspace.isTrusted) throw new Error('The lexicon cannot be changed in Restricted Mode.');
    const folder = vscode.workspace.getWorkspaceFolder(article) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('Open a folder to keep a lexicon.');
    const uri = this.fileOf(folder);
    const r = await readText(uri, 5_000_000);
    if (r.kind !== 'ok' && r.kind !== 'missing') throw new Error('The lexicon could not be read; it is not changed.');
    const next = change(r.kind === 'ok' ? r.text : '# Article Annotator actor lexicon: see docs/lexicon-format.md\n');
    if (r.kind === 'missing') await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.annotator'));
    await writeTextAtomic(uri, next);
    await this.reload();
  }

  addActor(article: vscode.Uri, name: string, type: ActorType, aliasOf?: string): Promise<void> {
    return this.edit(article, (t) => addLexiconActor(t, { name, type, ...(aliasOf ? { aliasOf } : {}) }));
  }

  ignore(article: vscode.Uri, surface: string): Promise<void> {
    return this.edit(article, (t) => addLexiconIgnore(t, surface));
  }

  override dispose(): void {
    void this.articles;
    super.dispose();
    this.emitter.dispose();
  }
}
