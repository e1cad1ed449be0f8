/**
 * Decorates detected actors (one style per type) and claims (a left border and a tint; the
 * speaker's name after the claim is an inlay hint, see speakerHints.ts) in article editors. Colours are theme colours
 * contributed in package.json, so themes can change them.
 */
import * as vscode from 'vscode';
import { ACTOR_TYPES, type ActorType } from '../core/model';
import { detectionKey, type Services } from '../services';
import { Disposable } from '../util/disposable';

export type DecorationKind = ActorType | 'claim';

export class DetectionDecorations extends Disposable {
  private readonly types = new Map<DecorationKind, vscode.TextEditorDecorationType>();
  /** The style of each kind's decoration type (read by tests). */
  readonly styles = new Map<DecorationKind, vscode.DecorationRenderOptions>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** What was last applied per document (read by tests and the benchmark). */
  readonly applied = new Map<string, Map<DecorationKind, vscode.DecorationOptions[]>>();
  /** Milliseconds spent computing and setting decorations, last update per document. */
  readonly timings = new Map<string, number>();

  constructor(private readonly services: Services) {
    super();
    for (const t of ACTOR_TYPES) {
      // Detected, not confirmed: a tint and a dotted underline (a user's annotation has a solid box).
      this.styles.set(t, {
        backgroundColor: new vscode.ThemeColor(`articleAnnotator.${t}Background`),
        borderColor: new vscode.ThemeColor(`articleAnnotator.${t}Border`),
        borderStyle: 'dotted',
        borderWidth: '0 0 1px 0',
        overviewRulerColor: new vscode.ThemeColor(`articleAnnotator.${t}Border`),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
    }
    this.styles.set('claim', {
      backgroundColor: new vscode.ThemeColor('articleAnnotator.claimBackground'),
      borderColor: new vscode.ThemeColor('articleAnnotator.claimBorder'),
      borderStyle: 'dotted',
      borderWidth: '0 0 0 2px',
      overviewRulerColor: new vscode.ThemeColor('articleAnnotator.claimBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    for (const [kind, style] of this.styles) this.types.set(kind, vscode.window.createTextEditorDecorationType(style));
    this._registerAll(
      services.detections.onDidChange((uri) => this.refreshUri(uri)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) void this.refreshEditor(e);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('articleAnnotator')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) void this.refreshEditor(editor);
  }

  private refreshUri(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === key) void this.refreshEditor(editor);
      }, 15),
    );
  }

  async refreshEditor(editor: vscode.TextEditor): Promise<void> {
    const doc = editor.document;
    if (doc.languageId !== 'article' && !this.services.articles.isArticle(doc.uri)) return;
    const snap = this.services.detections.peek(doc.uri) ?? (await this.services.detections.get(doc.uri));
    if (!snap || (snap.version !== -1 && snap.version !== doc.version)) return;
    const t0 = performance.now();
    const cfg = vscode.workspace.getConfiguration('articleAnnotator');
    const showActors = cfg.get<boolean>('showActors', true);
    const showClaims = cfg.get<boolean>('showClaims', true);
    const perType = cfg.get<Partial<Record<ActorType, boolean>>>('actorTypes', {});
    const out = new Map<DecorationKind, vscode.DecorationOptions[]>();
    for (const k of this.types.keys()) out.set(k, []);
    for (const actor of snap.detection.actors) {
      if (!showActors || perType[actor.type] === false) continue;
      if (this.services.detections.isRejected(doc.uri, detectionKey('actor', actor.id))) continue;
      const list = out.get(actor.type)!;
      for (const m of actor.mentions) list.push({ range: new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end)) });
    }
    if (showClaims) {
      const list = out.get('claim')!;
      for (const c of snap.detection.claims) {
        if (this.services.detections.isRejected(doc.uri, detectionKey('claim', c.text))) continue;
        // The speaker is an inlay hint (SpeakerHints), which word wrapping counts.
        list.push({ range: new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end)) });
      }
    }
    for (const [kind, type] of this.types) editor.setDecorations(type, out.get(kind) ?? []);
    this.applied.set(doc.uri.toString(), out);
    this.timings.set(doc.uri.toString(), performance.now() - t0);
  }

  override dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const t of this.types.values()) t.dispose();
    super.dispose();
  }
}
