/**
 * The Export Annotations… command: format, scope and detections picked in quick picks (or
 * passed as arguments), destination from a save dialog, progress for the workspace, "Open" when done.
 */
import * as vscode from 'vscode';
import { DEFAULT_VERDICTS } from '../core/model';
import { EXPORTERS, defaultExportFolder, exporterOf, type ExportArticle, type ExportFormat } from '../core/export';
import type { Services } from '../services';
import { collectArticle } from '../workspace/collect';
import { registerCommand } from '../workspace/commands';
import { parseScriptedArgs } from '../core/scriptArgs';
import { COMMAND_ARGS } from '../core/commandArgs';
import { Disposable } from '../util/disposable';

export interface ExportArgs {
  format: ExportFormat;
  scope: 'article' | 'workspace';
  /** File path (a folder for formats written as folders: brat). */
  output: string;
  includeDetections?: boolean;
  bom?: boolean;
  /** CSV: no formula neutralisation (default: the articleAnnotator.export.rawCsv setting). */
  rawCsv?: boolean;
}



export class ExportFeature extends Disposable {

  constructor(private readonly services: Services) {
    super();
    this._registerAll(registerCommand('articleAnnotator.export', (arg) => this.run(arg)));
  }

  private async ask(): Promise<ExportArgs | undefined> {
    const format = await vscode.window.showQuickPick(EXPORTERS.map((e) => ({ label: e.label, format: e.id as ExportFormat })), { title: 'Export annotations (1/3): format' });
    if (!format) return undefined;
    const active = vscode.window.activeTextEditor?.document;
    const scopes: { label: string; scope: 'article' | 'workspace' }[] = [{ label: 'Whole workspace', scope: 'workspace' }];
    if (active && this.services.articles.isArticle(active.uri)) scopes.unshift({ label: `Current article (${active.uri.path.split('/').pop()})`, scope: 'article' });
    const scope = await vscode.window.showQuickPick(scopes, { title: 'Export annotations (2/3): scope' });
    if (!scope) return undefined;
    const det = await vscode.window.showQuickPick([{ label: 'Only my annotations', v: false }, { label: 'Also detections not yet accepted', v: true }], { title: 'Export annotations (3/3): detections' });
    if (!det) return undefined;
    const dest = await this.defaultFolder();
    const folder = dest?.uri;
    let output: vscode.Uri | undefined;
    try {
      const exporter = exporterOf(format.format)!;
      if (exporter.output === 'folder') {
        const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: `Export ${exporter.id} files here`, ...(folder ? { defaultUri: folder } : {}) });
        output = picked?.[0];
      } else {
        output = await vscode.window.showSaveDialog({ title: 'Export annotations', ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, exporter.defaultOutput) } : {}) });
      }
    } finally {
      // An exports/ folder made for the dialog and left empty goes again.
      if (dest?.created && !(output && output.toString().startsWith(dest.uri.toString()))) await this.removeIfEmpty(dest.uri);
    }
    if (!output) return undefined;
    return { format: format.format, scope: scope.scope, output: output.toString(), includeDetections: det.v };
  }

  /**
   * The folder the export dialog opens in: the first workspace folder, or its exports/
   * subfolder (made if missing) when articles sit at its top (defaultExportFolder).
   */
  async defaultFolder(): Promise<{ uri: vscode.Uri; created: boolean } | undefined> {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!root) return undefined;
    const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
    const inRoot = (await this.services.articles.list()).filter((u) => u.scheme === root.scheme && u.authority === root.authority && u.path.startsWith(prefix));
    const sub = defaultExportFolder(inRoot.map((u) => u.path.slice(prefix.length)));
    if (!sub) return { uri: root, created: false };
    const uri = vscode.Uri.joinPath(root, sub);
    const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
    if (!exists) await vscode.workspace.fs.createDirectory(uri);
    return { uri, created: !exists };
  }

  private async removeIfEmpty(uri: vscode.Uri): Promise<void> {
    try {
      if ((await vscode.workspace.fs.readDirectory(uri)).length === 0) await vscode.workspace.fs.delete(uri);
    } catch {
      // Gone already, or not ours to remove.
    }
  }

  private async run(arg: unknown): Promise<vscode.Uri[] | undefined> {
    if (!vscode.workspace.isTrusted) throw new Error('exports are disabled in Restricted Mode.');
    const scripted = parseScriptedArgs<ExportArgs>('export', arg, COMMAND_ARGS.export);
    const args = scripted ?? (await this.ask());
    if (!args) return undefined;
    const exporter = exporterOf(args.format)!;
    const toFolder = exporter.output === 'folder';
    const output = /^[a-z][a-z0-9+.-]*:/i.test(args.output) && !/^[a-z]:\\/i.test(args.output) ? vscode.Uri.parse(args.output) : vscode.Uri.file(args.output);
    let uris: vscode.Uri[];
    if (args.scope === 'article') {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || !this.services.articles.isArticle(doc.uri)) throw new Error('open the article to export first.');
      uris = [doc.uri];
    } else uris = await this.services.articles.list();
    const written = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Exporting ${uris.length} article${uris.length === 1 ? '' : 's'}`, cancellable: true },
      async (progress, token) => {
        const articles: ExportArticle[] = [];
        for (const uri of uris) {
          if (token.isCancellationRequested) return undefined;
          const a = await collectArticle(this.services, uri, !!args.includeDetections || exporter.needsDetections);
          if (a) articles.push(a);
          progress.report({ increment: 80 / uris.length, message: uri.path.split('/').pop() });
        }
        const config = vscode.workspace.getConfiguration('articleAnnotator');
        const files = exporter.write(articles, {
          includeDetections: !!args.includeDetections,
          bom: !!args.bom,
          rawCsv: args.rawCsv ?? config.get<boolean>('export.rawCsv', false),
          labels: this.services.annotations.labels(),
          verdicts: config.get<string[]>('verdicts', [...DEFAULT_VERDICTS]),
          reviewer: config.get<string>('author', ''),
        });
        const out: vscode.Uri[] = [];
        for (const f of files) {
          const target = toFolder ? vscode.Uri.joinPath(output, f.path) : output;
          if (toFolder) await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
          await vscode.workspace.fs.writeFile(target, typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data);
          out.push(target);
        }
        return out;
      },
    );
    if (!written) return undefined;
    if (!scripted) {
      void vscode.window.showInformationMessage(`Exported ${args.format} to ${output.fsPath || output.toString()}.`, 'Open').then((c) => {
        if (c === 'Open') void vscode.commands.executeCommand(toFolder || exporter.binary ? 'revealFileInOS' : 'vscode.open', toFolder ? written[0] : output);
      });
    }
    return written;
  }

  override dispose(): void {
    super.dispose();
  }
}

