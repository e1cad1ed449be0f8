/**
 * Shows user annotations in article editors, unmistakable from detections: a solid box in the
 * label's codebook colour (detections have a dotted underline and a tint), a mark in the gutter, a
 * light background, a mark in the overview ruler's left lane; and a hover built as plain,
 * untrusted Markdown (a comment can never run a command).
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/model';
import type { Services } from '../services';
import { escapeMarkdown } from '../core/markdown';
import { Disposable } from '../util/disposable';
import { DEFAULT_ANNOTATION_BACKGROUND, DEFAULT_ANNOTATION_BORDER, NEUTRAL_SWATCH, gutterMarkSvg, parseLabelColor, svgDataUri, type LabelColor } from '../core/labelColor';

/** How an annotation of a label with this colour is drawn. */
export function annotationStyle(color: LabelColor | undefined): vscode.DecorationRenderOptions {
  const hex = color?.kind === 'hex' ? color.hex : undefined;
  const border = hex ?? new vscode.ThemeColor(color?.kind === 'theme' ? color.id : DEFAULT_ANNOTATION_BORDER);
  return {
    backgroundColor: hex ? `${hex}2e` : new vscode.ThemeColor(DEFAULT_ANNOTATION_BACKGROUND),
    borderColor: border,
    borderStyle: 'solid',
    borderWidth: '1px',
    borderRadius: '3px',
    gutterIconPath: vscode.Uri.parse(svgDataUri(gutterMarkSvg(hex ?? NEUTRAL_SWATCH))),
    gutterIconSize: 'contain',
    overviewRulerColor: border,
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    // Text typed at either edge is not part of the annotation, as in the store's own shifting.
    rangeBehavior: vscode.DecorationRangeBehavior.OpenOpen,
  };
}

export function annotationHover(a: Annotation, status: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  md.appendMarkdown(`**${escapeMarkdown(a.label)}** annotation`);
  if (status !== 'exact') md.appendMarkdown(` _(${escapeMarkdown(status)})_`);
  md.appendMarkdown('\n\n');
  if (a.speaker) md.appendMarkdown(`Speaker: ${escapeMarkdown(a.speaker)}\n\n`);
  if (a.comment) md.appendMarkdown(`${escapeMarkdown(a.comment)}\n\n`);
  if (a.tags?.length) md.appendMarkdown(`Tags: ${a.tags.map(escapeMarkdown).join(', ')}\n\n`);
  const meta = [a.author && `by ${escapeMarkdown(a.author)}`, a.created && `created ${escapeMarkdown(a.created)}`, a.modified && a.modified !== a.created && `modified ${escapeMarkdown(a.modified)}`].filter(Boolean);
  if (meta.length) md.appendMarkdown(meta.join(' · '));
  return md;
}

export class AnnotationDecorations extends Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  /** Ranges last applied per editor document and label (read by tests). */
  readonly applied = new Map<string, Map<string, vscode.Range[]>>();

  constructor(private readonly services: Services) {
    super();
    this._registerAll(
      services.annotations.onDidChange((uri) => this.refreshUri(uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('articleAnnotator.labels')) {
          for (const t of this.types.values()) t.dispose();
          this.types.clear();
          this.styles.clear();
          this.refreshAll();
        }
      }),
      vscode.languages.registerHoverProvider({ language: 'article' }, { provideHover: (doc, pos) => this.hover(doc, pos) }),
    );
    this.refreshAll();
  }

  /** The style of each label's decoration type (read by tests). */
  readonly styles = new Map<string, vscode.DecorationRenderOptions>();

  private typeFor(label: string): vscode.TextEditorDecorationType {
    let t = this.types.get(label);
    if (!t) {
      const def = this.services.annotations.labels().find((l) => l.name === label);
      const style = annotationStyle(parseLabelColor(def?.color));
      t = vscode.window.createTextEditorDecorationType(style);
      this.types.set(label, t);
      this.styles.set(label, style);
    }
    return t;
  }

  private refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) void this.refreshEditor(editor);
  }

  private refreshUri(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) void this.refreshEditor(editor);
  }

  /** Milliseconds of each recent decoration update (the benchmark reads them). */
  readonly timings: number[] = [];

  private async refreshEditor(editor: vscode.TextEditor): Promise<void> {
    const doc = editor.document;
    if (doc.languageId !== 'article' && !this.services.articles.isArticle(doc.uri)) return;
    const anns = await this.services.annotations.get(doc.uri);
    const t0 = performance.now();
    const byLabel = new Map<string, vscode.Range[]>();
    for (const item of anns.items) {
      const range = item.range;
      if (!range) continue;
      const list = byLabel.get(item.annotation.label) ?? [];
      list.push(range);
      byLabel.set(item.annotation.label, list);
    }
    for (const label of byLabel.keys()) this.typeFor(label);
    for (const [label, type] of this.types) editor.setDecorations(type, byLabel.get(label) ?? []);
    this.applied.set(doc.uri.toString(), byLabel);
    this.timings.push(performance.now() - t0);
    if (this.timings.length > 1000) this.timings.shift();
  }

  private hover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const anns = this.services.annotations.peek(doc.uri);
    if (!anns) return undefined;
    const hits = anns.items.filter((i) => i.range?.contains(pos));
    if (hits.length === 0) return undefined;
    return new vscode.Hover(hits.map((i) => annotationHover(i.annotation, i.status)), hits[0]!.range);
  }

  override dispose(): void {
    for (const t of this.types.values()) t.dispose();
    super.dispose();
  }
}
