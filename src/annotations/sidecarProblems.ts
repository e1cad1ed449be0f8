/**
 * Says in the article's editor why its annotations are not shown: when its sidecar cannot be read
 * (broken YAML, a schema error, too large…), a CodeLens on the first line names the problem and
 * offers *Open Sidecar at Error*. Editing commands refuse through `refuseIfReadOnly` before they
 * ask anything, with the same button.
 */
import * as vscode from 'vscode';
import type { ArticleAnnotations, Services } from '../services';
import { registerCommand, ShownError } from '../workspace/commands';
import { Disposable } from '../util/disposable';

export const OPEN_AT_ERROR = 'articleAnnotator.openSidecarAtError';
const OPEN_LABEL = 'Open Sidecar at Error';

const baseName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** What is wrong, in one line: `line 6: …` (the store keeps the message and the first problem's line). */
function problem(anns: ArticleAnnotations): string | undefined {
  if (anns.state.kind !== 'error') return undefined;
  return `${anns.state.line ? `line ${anns.state.line}: ` : ''}${anns.state.message}`;
}

export class SidecarProblems extends Disposable implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly services: Services) {
    super();
    this._registerAll(
      this.emitter,
      vscode.languages.registerCodeLensProvider({ language: 'article' }, this),
      services.annotations.onDidChange(() => this.emitter.fire()),
      registerCommand(OPEN_AT_ERROR, (arg) => this.openAtError(arg)),
    );
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const anns = await this.services.annotations.get(doc.uri);
    const what = problem(anns);
    if (!what) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    // The button first: a CodeLens line does not wrap, and the description may be cut at the edge.
    const short = what.length > 70 ? `${what.slice(0, 69)}…` : what;
    return [
      new vscode.CodeLens(top, { title: `$(go-to-file) ${OPEN_LABEL}`, command: OPEN_AT_ERROR, arguments: [doc.uri.toString()], tooltip: what }),
      new vscode.CodeLens(top, { title: `$(warning) Annotations hidden: ${baseName(anns.sidecar)} cannot be read (${short})`, command: OPEN_AT_ERROR, arguments: [doc.uri.toString()], tooltip: what }),
    ];
  }

  /** Opens the article's sidecar with the cursor on the (first) problem's line. */
  async openAtError(arg: unknown): Promise<vscode.TextEditor> {
    const article = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!article) throw new Error('No article.');
    const anns = await this.services.annotations.get(article);
    const line = Math.max(0, (anns.state.kind === 'error' ? anns.state.line ?? 1 : 1) - 1);
    const at = new vscode.Range(line, 0, line, 0);
    const editor = await vscode.window.showTextDocument(anns.sidecar, { selection: at, preview: false });
    editor.revealRange(at, vscode.TextEditorRevealType.InCenter);
    return editor;
  }

}

/**
 * Refuses a change to the article's annotations before anything is asked: a visible error (with
 * *Open Sidecar at Error* when the sidecar is broken), then a `ShownError` so that a script's call
 * is rejected and the message is not shown twice.
 */
export async function refuseIfReadOnly(services: Services, article: vscode.Uri): Promise<void> {
  const anns = await services.annotations.get(article);
  if (!anns.readOnly) return;
  const what = problem(anns);
  if (what) {
    const message = `Article Annotator: the annotations of ${baseName(article)} cannot be changed: its sidecar ${baseName(anns.sidecar)} could not be read (${what}). Fix it; it is never overwritten.`;
    void vscode.window.showErrorMessage(message, OPEN_LABEL).then((c) => {
      if (c === OPEN_LABEL) void vscode.commands.executeCommand(OPEN_AT_ERROR, article.toString());
    });
    throw new ShownError(message);
  }
  const message = 'Article Annotator: annotations cannot be changed in Restricted Mode. Trust the workspace to annotate.';
  void vscode.window.showErrorMessage(message);
  throw new ShownError(message);
}
