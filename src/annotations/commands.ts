/**
 * Commands that create and change annotations. Each is scriptable: with an argument object it
 * asks nothing (used by tests, keybindings and other extensions).
 */
import * as vscode from 'vscode';
import { cleanList, pickerFields, type Annotation, type EditableField } from '../core/model';
import { refOf, type AnnotationPatch, type AnnotationRef, type Services } from '../services';
import { sidecarUriOf } from '../workspace/fs';
import { registerCommand } from '../workspace/commands';
import { parseScriptedArgs } from '../core/scriptArgs';
import { COMMAND_ARGS } from '../core/commandArgs';
import { Disposable } from '../util/disposable';
import { DeleteUndo } from './deleteUndo';
import { checkStatementFields } from './statementCommands';
import { StatementPrompts } from './statementPrompts';
import { refuseIfReadOnly } from './sidecarProblems';
import { DEFAULT_ANNOTATION_BORDER, parseLabelColor, svgDataUri, swatchSvg } from '../core/labelColor';

export interface AnnotateArgs {
  label: string;
  comment?: string;
  tags?: string[];
  speaker?: string;
  about?: string[];
  stance?: string;
  verdict?: string;
  evidence?: string[];
}


function parseTags(input: string): string[] {
  return cleanList(input.split(','));
}

export class AnnotationCommands extends Disposable {
  /** Ctrl+Z in the article undoes a deletion while it is the last action there. */
  readonly deleteUndo: DeleteUndo;
  private readonly prompts: StatementPrompts;

  constructor(private readonly services: Services) {
    super();
    this.prompts = new StatementPrompts(services);
    this.deleteUndo = this._register(new DeleteUndo(services));
    const reg = (id: string, fn: (...args: unknown[]) => unknown) => this._registerAll(registerCommand(id, fn));
    reg('articleAnnotator.annotateSelection', (arg) => this.annotate(arg));
    reg('articleAnnotator.editAnnotation', (arg, patch) => this.edit(arg, patch));
    reg('articleAnnotator.deleteAnnotation', (arg) => this.delete(arg));
    reg('articleAnnotator.acceptDetection', (arg) => this.accept(arg));
    reg('articleAnnotator.reattachOrphan', (arg) => this.reattach(arg));
    reg('articleAnnotator.copyQuote', (arg) => this.copyQuote(arg));
    reg('articleAnnotator.revealSidecar', (arg) => this.revealSidecar(arg));
  }

  private articleEditor(): vscode.TextEditor {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !(editor.document.languageId === 'article' || this.services.articles.isArticle(editor.document.uri))) {
      throw new Error('Open an article and select text first.');
    }
    return editor;
  }

  async annotate(arg?: unknown): Promise<Annotation | undefined> {
    const editor = this.articleEditor();
    const selection = editor.selection;
    if (selection.isEmpty) throw new Error('Select the text to annotate first.');
    const article = editor.document.uri;
    await refuseIfReadOnly(this.services, article);
    const scripted = parseScriptedArgs<AnnotateArgs>('annotateSelection', arg, COMMAND_ARGS.annotateSelection);
    const init = (scripted && checkStatementFields('annotateSelection', scripted)) ?? (await this.askAnnotation(article, editor.document.getText(selection)));
    if (!init) return undefined;
    this.deleteUndo.forget();
    return this.services.annotations.add(article, { range: selection, ...init });
  }

  private async askAnnotation(article: vscode.Uri, quote: string): Promise<AnnotateArgs | undefined> {
    const pick = await vscode.window.showQuickPick(
      this.labelItems(),
      { title: `Annotate “${quote.length > 60 ? quote.slice(0, 57) + '…' : quote}”`, placeHolder: 'Label' },
    );
    if (!pick) return undefined;
    // Hints as placeholders: VS Code adds "Press 'Enter' to confirm or 'Escape' to cancel" itself.
    const comment = await vscode.window.showInputBox({ title: 'Comment (optional)', placeHolder: 'Leave empty to skip' });
    if (comment === undefined) return undefined;
    const tags = await vscode.window.showInputBox({ title: 'Tags (optional, comma-separated)', placeHolder: 'Leave empty to skip' });
    if (tags === undefined) return undefined;
    let speaker: string | undefined;
    if (pick.label === 'claim') {
      speaker = await this.askSpeaker(article);
      if (speaker === undefined) return undefined;
    }
    return { label: pick.label, ...(comment ? { comment } : {}), ...(tags ? { tags: parseTags(tags) } : {}), ...(speaker ? { speaker } : {}) };
  }

  /** The codebook's labels for a picker, each with a swatch of its colour (as its annotations are drawn). */
  labelItems(): vscode.QuickPickItem[] {
    return this.services.annotations.labels().map((l) => {
      const color = parseLabelColor(l.color);
      const iconPath =
        color?.kind === 'hex'
          ? vscode.Uri.parse(svgDataUri(swatchSvg(color.hex)))
          : new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(color?.kind === 'theme' ? color.id : DEFAULT_ANNOTATION_BORDER));
      return { label: l.name, description: l.description ?? '', iconPath };
    });
  }

  /** Speaker from the article's actors (detected or annotated), or a new name; '' for none. */
  private async askSpeaker(article: vscode.Uri): Promise<string | undefined> {
    const names = new Set<string>();
    const det = this.services.detections.peek(article) ?? (await this.services.detections.get(article));
    for (const a of det?.detection.actors ?? []) if (a.type === 'person' || a.type === 'organization') names.add(a.name);
    const anns = await this.services.annotations.get(article);
    for (const i of anns.items) {
      if (i.annotation.speaker) names.add(i.annotation.speaker);
      if (i.annotation.label === 'actor') names.add(i.annotation.quote);
    }
    const qp = vscode.window.createQuickPick();
    qp.title = 'Speaker of the claim';
    qp.placeholder = 'Pick an actor or type a new name (Enter with nothing: unknown speaker)';
    const base = [...names].sort().map((n) => ({ label: n }));
    qp.items = base;
    return new Promise<string | undefined>((resolve) => {
      let done = false;
      qp.onDidChangeValue((v) => {
        qp.items = v && !names.has(v) ? [{ label: v, description: 'new speaker' }, ...base] : base;
      });
      qp.onDidAccept(() => {
        done = true;
        resolve(qp.selectedItems[0]?.label ?? qp.value.trim());
        qp.hide();
      });
      qp.onDidHide(() => {
        if (!done) resolve(undefined);
        qp.dispose();
      });
      qp.show();
    });
  }

  /** The annotation a command is about: from a ref/tree element, else at the cursor. */
  async target(arg: unknown): Promise<{ article: vscode.Uri; annotation: Annotation }> {
    const ref = refOf(arg);
    if (ref && ref.kind === 'annotation') {
      const article = vscode.Uri.parse(ref.article);
      const anns = await this.services.annotations.get(article);
      const item = anns.items.find((i) => i.annotation.id === ref.id);
      if (!item) throw new Error(`Annotation ${ref.id} no longer exists.`);
      return { article, annotation: item.annotation };
    }
    const editor = this.articleEditor();
    const anns = await this.services.annotations.get(editor.document.uri);
    const pos = editor.selection.active;
    const hits = anns.items.filter((i) => i.range && i.range.contains(pos));
    if (hits.length === 0) throw new Error('No annotation at the cursor.');
    // The innermost annotation at the cursor.
    hits.sort((a, b) => editor.document.offsetAt(a.range!.end) - editor.document.offsetAt(a.range!.start) - (editor.document.offsetAt(b.range!.end) - editor.document.offsetAt(b.range!.start)));
    return { article: editor.document.uri, annotation: hits[0]!.annotation };
  }

  async edit(arg?: unknown, patch?: unknown): Promise<Annotation | undefined> {
    const { article, annotation } = await this.target(arg);
    await refuseIfReadOnly(this.services, article);
    const parsed = parseScriptedArgs<AnnotationPatch>('editAnnotation', patch, COMMAND_ARGS.editAnnotation);
    const scripted = parsed && checkStatementFields('editAnnotation', parsed);
    if (scripted) {
      this.deleteUndo.forget();
      return this.services.annotations.update(article, annotation.id, scripted);
    }
    const described: Record<EditableField, { label: string; description: string }> = {
      label: { label: 'Label', description: annotation.label },
      comment: { label: 'Comment', description: annotation.comment ?? '' },
      tags: { label: 'Tags', description: (annotation.tags ?? []).join(', ') },
      speaker: { label: 'Speaker', description: annotation.speaker ?? '' },
      about: { label: 'Topics', description: (annotation.about ?? []).join(', ') },
      stance: { label: 'Stance', description: annotation.stance ?? '' },
      verdict: { label: 'Verdict', description: annotation.verdict ?? '' },
      evidence: { label: 'Evidence', description: (annotation.evidence ?? []).join(' ; ') },
    };
    const field = await vscode.window.showQuickPick(
      pickerFields(annotation).map((key) => ({ ...described[key], key })),
      { title: `Edit annotation “${annotation.quote.slice(0, 50)}”`, placeHolder: 'Field to change' },
    );
    if (!field) return undefined;
    const value = await this.askField(field.key, article, annotation);
    if (!value) return undefined;
    this.deleteUndo.forget();
    return this.services.annotations.update(article, annotation.id, value);
  }

  /** Asks the new value of one field (the same prompts as annotating and Set Topic/Stance/Verdict…); undefined: cancelled. */
  private async askField(key: EditableField, article: vscode.Uri, annotation: Annotation): Promise<AnnotationPatch | undefined> {
    switch (key) {
      case 'label': {
        const pick = await vscode.window.showQuickPick(this.labelItems(), { title: 'Label' });
        return pick && { label: pick.label };
      }
      case 'speaker': {
        const s = await this.askSpeaker(article);
        return s === undefined ? undefined : { speaker: s };
      }
      case 'tags': {
        const s = await vscode.window.showInputBox({ title: 'Tags (comma-separated)', value: (annotation.tags ?? []).join(', ') });
        return s === undefined ? undefined : { tags: parseTags(s) };
      }
      case 'comment': {
        const s = await vscode.window.showInputBox({ title: 'Comment', value: annotation.comment ?? '' });
        return s === undefined ? undefined : { comment: s };
      }
      case 'about': {
        const about = await this.prompts.askTopics(annotation);
        return about && { about };
      }
      case 'stance': {
        const stance = await this.prompts.askStance(annotation);
        return stance === undefined ? undefined : { stance };
      }
      case 'verdict': {
        const verdict = await this.prompts.askVerdict(annotation);
        return verdict === undefined ? undefined : { verdict };
      }
      case 'evidence': {
        const evidence = await this.prompts.askEvidence(annotation);
        return evidence && { evidence };
      }
    }
  }

  async delete(arg?: unknown): Promise<Annotation | undefined> {
    const { article, annotation } = await this.target(arg);
    await refuseIfReadOnly(this.services, article);
    const removed = await this.services.annotations.remove(article, annotation.id);
    if (removed) {
      const deleted = await this.deleteUndo.remember(article, removed);
      // Not awaited: the notification stays while the user works; Undo puts the annotation back,
      // as Ctrl+Z in the article does while the deletion is the last action there.
      void vscode.window.showInformationMessage(`Deleted annotation “${removed.quote.slice(0, 40)}” (Ctrl+Z in the article undoes it).`, 'Undo').then((c) => {
        if (c === 'Undo') void this.deleteUndo.undo(deleted);
      });
    }
    return removed;
  }

  async accept(arg: unknown): Promise<Annotation> {
    const ref = refOf(arg);
    if (!ref || ref.kind !== 'detection') throw new Error('Accept needs a detection.');
    const article = vscode.Uri.parse(ref.article);
    await refuseIfReadOnly(this.services, article);
    const doc = await vscode.workspace.openTextDocument(article);
    const range = new vscode.Range(doc.positionAt(ref.start), doc.positionAt(ref.end));
    const speaker = ref.detection === 'claim' ? ref.speaker ?? undefined : undefined;
    this.deleteUndo.forget();
    return this.services.annotations.add(article, { range, label: ref.label, ...(speaker ? { speaker } : {}) });
  }

  async reattach(arg: unknown): Promise<Annotation> {
    const ref = refOf(arg);
    if (!ref || ref.kind !== 'annotation') throw new Error('Re-attach needs an annotation from the tree.');
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.toString() !== ref.article || editor.selection.isEmpty) {
      throw new Error('Open the annotation’s article and select the text to attach it to.');
    }
    await refuseIfReadOnly(this.services, editor.document.uri);
    this.deleteUndo.forget();
    return this.services.annotations.reattach(editor.document.uri, ref.id, editor.selection);
  }

  async copyQuote(arg: unknown): Promise<string> {
    const ref = refOf(arg);
    let quote: string;
    if (ref?.kind === 'detection') quote = ref.text;
    else quote = (await this.target(arg)).annotation.quote;
    await vscode.env.clipboard.writeText(quote);
    return quote;
  }

  async revealSidecar(arg: unknown): Promise<void> {
    const ref = refOf(arg) as AnnotationRef | undefined;
    let article: vscode.Uri | undefined;
    if (ref) article = vscode.Uri.parse(ref.article);
    else if (arg instanceof vscode.Uri) article = arg;
    else if (arg && typeof arg === 'object' && 'uri' in arg && (arg as { uri: unknown }).uri instanceof vscode.Uri) article = (arg as { uri: vscode.Uri }).uri;
    else article = vscode.window.activeTextEditor?.document.uri;
    if (!article) throw new Error('No article.');
    const sidecar = sidecarUriOf(article);
    const editor = await vscode.window.showTextDocument(sidecar, { preview: true });
    if (ref && ref.kind === 'annotation') {
      const at = editor.document.getText().indexOf(`id: ${ref.id}`);
      if (at >= 0) {
        const pos = editor.document.positionAt(at);
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
      }
    }
  }

  override dispose(): void {
    super.dispose();
  }
}
