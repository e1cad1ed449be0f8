/**
 * Says in the article's editor why its annotations are not shown: when its sidecar cannot be read
 * (broken YAML, a schema error, too large…), a CodeLens on the first line says how many problems
 * there are, describes the first, and offers *Open Sidecar at Error* (at the first); the Problems
 * panel lists them all (the store's diagnostics). Editing commands refuse through
 * `refuseIfReadOnly` before they ask anything, with the same button.
 */
import * as vscode from 'vscode';
import type { ArticleAnnotations, Services } from '../services';
import { registerCommand, ShownError } from '../workspace/commands';
import { Disposable } from '../util/disposable';

export const OPEN_AT_ERROR = 'articleAnnotator.openSidecarAtError';
const OPEN_LABEL = 'Open Sidecar at Error';

const baseName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

type Problems = Extract<ArticleAnnotations['state'], { kind: 'error' }>['problems'];

const where = (p: Problems[number]) => `${p.line ? `line ${p.line}: ` : ''}${p.message}`;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const plural = (n: number) => `${n} problem${n === 1 ? '' : 's'}`;

/**
 * What is wrong, in one line: `line 6: …` for one problem; `3 problems, the first on line 6: …`
 * for several (the Problems panel lists them all). `max` cuts the first problem's description.
 */
function problem(anns: ArticleAnnotations, max = Infinity): string | undefined {
  if (anns.state.kind !== 'error') return undefined;
  const [first, ...rest] = anns.state.problems;
  if (!first) return anns.state.message;
  if (!rest.length) return cut(where(first), max);
  return `${plural(rest.length + 1)}, the first on ${cut(where(first), max)}`;
}

/** Every problem, one a line (a tooltip): at most a dozen, then how many more. */
function allProblems(anns: ArticleAnnotations): string {
  if (anns.state.kind !== 'error') return '';
  const all = anns.state.problems;
  const shown = all.slice(0, 12).map(where);
  if (all.length > shown.length) shown.push(`… and ${all.length - shown.length} more in the Problems panel`);
  return shown.join('\n');
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
    if (anns.state.kind !== 'error') return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const count = anns.state.problems.length;
    const name = baseName(anns.sidecar);
    const first = anns.state.problems[0];
    // A CodeLens line does not wrap: the button first, then a short description (the first
    // problem, cut), every problem in the tooltip and in the Problems panel.
    const title = count > 1
      ? `$(warning) Annotations hidden: ${plural(count)} in ${name} (${first ? cut(where(first), 40) : ''})`
      : `$(warning) Annotations hidden: ${name} cannot be read (${problem(anns, 70)})`;
    const tooltip = allProblems(anns);
    const args = [doc.uri.toString()];
    return [
      new vscode.CodeLens(top, { title: `$(go-to-file) ${OPEN_LABEL}`, command: OPEN_AT_ERROR, arguments: args, tooltip: count > 1 ? `Opens ${name} at the first of its ${count} problems.` : tooltip }),
      new vscode.CodeLens(top, { title, command: OPEN_AT_ERROR, arguments: args, tooltip }),
    ];
  }

  /** Opens the article's sidecar with the cursor on the first problem's line. */
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
  const what = problem(anns, 200);
  if (what) {
    const several = anns.state.kind === 'error' && anns.state.problems.length > 1 ? '; all of them are in the Problems panel' : '';
    const message = `Article Annotator: the annotations of ${baseName(article)} cannot be changed: its sidecar ${baseName(anns.sidecar)} could not be read (${what}${several}). Fix it; it is never overwritten.`;
    void vscode.window.showErrorMessage(message, OPEN_LABEL).then((c) => {
      if (c === OPEN_LABEL) void vscode.commands.executeCommand(OPEN_AT_ERROR, article.toString());
    });
    throw new ShownError(message);
  }
  const message = 'Article Annotator: annotations cannot be changed in Restricted Mode. Trust the workspace to annotate.';
  void vscode.window.showErrorMessage(message);
  throw new ShownError(message);
}
