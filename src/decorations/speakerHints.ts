/**
 * The speaker of each detected claim, shown after the claim as an inlay hint (`◂ Name`). Inlay
 * hints are text the editor lays out with the line, so word wrapping counts them: a label never
 * runs past the wrapping column, under the minimap, or into a horizontal scrollbar, as the
 * after-text of a decoration did. Long names are shortened (`shortLabel`); the hint's tooltip and
 * the claim's hover give the full name, and Ctrl+click on the hint goes to the speaker's first
 * mention in the article.
 */
import * as vscode from 'vscode';
import type { ActorType, Claim } from '../core/model';
import { shortLabel } from '../core/shortLabel';
import { escapeMarkdown } from '../core/markdown';
import { detectionKey, type DetectionSnapshot, type Services } from '../services';
import { Disposable } from '../util/disposable';

export class SpeakerHints extends Disposable implements vscode.InlayHintsProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.emitter.event;

  constructor(private readonly services: Services) {
    super();
    this._registerAll(
      this.emitter,
      vscode.languages.registerInlayHintsProvider({ language: 'article' }, this),
      services.detections.onDidChange(() => this.emitter.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('articleAnnotator')) this.emitter.fire();
      }),
    );
  }

  async provideInlayHints(doc: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[] | undefined> {
    if (!vscode.workspace.getConfiguration('articleAnnotator').get<boolean>('showClaims', true)) return [];
    const snap = await this.snapshotFor(doc, token);
    if (!snap || token.isCancellationRequested) return undefined;
    const types = new Map<string, { type: ActorType; at: number }>();
    for (const a of snap.detection.actors) types.set(a.name, { type: a.type, at: a.mentions[0]?.start ?? -1 });
    const hints: vscode.InlayHint[] = [];
    const from = doc.offsetAt(range.start);
    const to = doc.offsetAt(range.end);
    for (const c of snap.detection.claims) {
      if (c.end < from || c.end > to) continue;
      if (this.services.detections.isRejected(doc.uri, detectionKey('claim', c.text))) continue;
      hints.push(this.hint(doc, c, c.speaker ? types.get(c.speaker) : undefined));
    }
    return hints;
  }

  private hint(doc: vscode.TextDocument, c: Claim, speaker: { type: ActorType; at: number } | undefined): vscode.InlayHint {
    const name = c.speaker ?? 'unknown speaker';
    const part = new vscode.InlayHintLabelPart(`◂ ${shortLabel(name)}`);
    const tip = new vscode.MarkdownString(undefined, false);
    tip.isTrusted = false;
    tip.appendMarkdown(`Speaker: **${escapeMarkdown(name)}**${speaker ? ` · ${speaker.type}` : ''}`);
    if (c.cue) tip.appendMarkdown(` · cue “${escapeMarkdown(c.cue)}”`);
    part.tooltip = tip;
    if (speaker && speaker.at >= 0) part.location = new vscode.Location(doc.uri, doc.positionAt(speaker.at));
    const hint = new vscode.InlayHint(doc.positionAt(c.end), [part]);
    hint.paddingLeft = true;
    return hint;
  }

  /**
   * The detection of the document's current text. While a newer detection is on its way (after
   * an edit), wait for it rather than answer with nothing: the editor keeps showing the previous
   * hints meanwhile, so the text does not jump as labels vanish and come back.
   */
  private async snapshotFor(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<DetectionSnapshot | undefined> {
    const fresh = (s: DetectionSnapshot | undefined) => !!s && (s.version === -1 || s.version === doc.version);
    const now = this.services.detections.peek(doc.uri);
    if (fresh(now)) return now;
    if (!now) {
      const got = await this.services.detections.get(doc.uri, token);
      if (fresh(got) || token.isCancellationRequested) return got;
    }
    return new Promise((resolve) => {
      const done = (s: DetectionSnapshot | undefined) => {
        sub.dispose();
        cancel.dispose();
        resolve(s);
      };
      const sub = this.services.detections.onDidChange((uri) => {
        const s = this.services.detections.peek(doc.uri);
        if (uri.toString() === doc.uri.toString() && fresh(s)) done(s);
      });
      const cancel = token.onCancellationRequested(() => done(undefined));
    });
  }

}
