/**
 * Hovers on detected actors and claims. The claim hover's "Accept as annotation" link is the only
 * trusted command link of the extension; all article text in hovers is escaped.
 */
import * as vscode from 'vscode';
import type { Actor, Claim } from '../core/model';
import { escapeMarkdown } from '../core/markdown';
import { detectionKey, type DetectionRef, type Services } from '../services';
import { mapPool } from '../core/pool';

/** Up to this many articles, a hover analyses them all to count an actor's mentions in the workspace. */
const LAZY_WORKSPACE_LIMIT = 200;

export function claimRef(article: vscode.Uri, c: Claim): DetectionRef {
  return { kind: 'detection', article: article.toString(), detection: 'claim', start: c.start, end: c.end, text: c.text, label: 'claim', speaker: c.speaker, key: detectionKey('claim', c.text) };
}

export function actorRef(article: vscode.Uri, a: Actor, mention: { start: number; end: number; text: string }): DetectionRef {
  return { kind: 'detection', article: article.toString(), detection: 'actor', start: mention.start, end: mention.end, text: mention.text, label: 'actor', speaker: a.name, key: detectionKey('actor', a.id) };
}

export class DetectionHovers implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const snap = this.services.detections.peek(doc.uri);
    if (!snap || (snap.version !== -1 && snap.version !== doc.version)) return undefined;
    const offset = doc.offsetAt(pos);
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    for (const a of snap.detection.actors) {
      const m = a.mentions.find((x) => x.start <= offset && offset < x.end);
      if (!m || this.services.detections.isRejected(doc.uri, detectionKey('actor', a.id))) continue;
      range = new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end));
      parts.push(await this.actorHover(a, token));
      break;
    }
    for (const c of snap.detection.claims) {
      if (c.start > offset || offset >= c.end || this.services.detections.isRejected(doc.uri, detectionKey('claim', c.text))) continue;
      range ??= new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end));
      parts.push(this.claimHover(doc.uri, c));
      break;
    }
    return parts.length ? new vscode.Hover(parts, range) : undefined;
  }

  private async actorHover(a: Actor, token: vscode.CancellationToken): Promise<vscode.MarkdownString> {
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = false;
    md.appendMarkdown(`**${escapeMarkdown(a.name)}** · ${a.type}\n\n`);
    if (a.aliases.length) md.appendMarkdown(`Also: ${a.aliases.map(escapeMarkdown).join(', ')}\n\n`);
    md.appendMarkdown(`${a.mentions.length} mention${a.mentions.length === 1 ? '' : 's'} in this article`);
    md.appendMarkdown(await this.workspaceCount(a, token));
    return md;
  }

  /**
   * The actor's mentions in the workspace, computed when the hover asks: every article is
   * analysed (from the detection cache when it can) in a workspace of up to LAZY_WORKSPACE_LIMIT
   * articles; a larger one counts the articles analysed so far and says so.
   */
  private async workspaceCount(a: Actor, token: vscode.CancellationToken): Promise<string> {
    const list = await this.services.articles.list();
    const snaps = list.length <= LAZY_WORKSPACE_LIMIT
      ? await mapPool(list, 8, (uri) => this.services.detections.get(uri, token), () => token.isCancellationRequested)
      : list.map((uri) => this.services.detections.peek(uri));
    if (token.isCancellationRequested) return '';
    let mentions = 0;
    let articles = 0;
    let analysed = 0;
    for (const s of snaps) {
      if (!s) continue;
      analysed++;
      const same = s.detection.actors.find((x) => x.id === a.id || x.name === a.name || x.aliases.includes(a.name));
      if (same) {
        mentions += same.mentions.length;
        articles++;
      }
    }
    const plural = (n: number) => `${n} article${n === 1 ? '' : 's'}`;
    if (analysed === list.length) return `; ${mentions} in ${articles} of the ${plural(list.length)} of the workspace`;
    if (analysed > 0) return `; ${mentions} in ${articles} of the ${plural(analysed)} analysed so far (${list.length} in the workspace)`;
    return '';
  }

  private claimHover(article: vscode.Uri, c: Claim): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = { enabledCommands: ['articleAnnotator.acceptDetection'] };
    md.appendMarkdown(`**Claim** (${c.kind}) · speaker: ${escapeMarkdown(c.speaker ?? 'unknown')} · cue: “${escapeMarkdown(c.cue || '—')}”\n\n`);
    const args = encodeURIComponent(JSON.stringify([claimRef(article, c)]));
    md.appendMarkdown(`[Accept as annotation](command:articleAnnotator.acceptDetection?${args} "Save this claim in the sidecar")`);
    return md;
  }
}
