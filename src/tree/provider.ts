/**
 * Tree data for the Annotations view: by article, by label, by actor or by topic. Children are computed
 * lazily from cached state; the first level is the article list only.
 */
import * as vscode from 'vscode';
import { DEFAULT_STANCES, scaleValues, type Actor, type ActorType, type Annotation, type Mention } from '../core/model';
import { mergeWorkspaceActors, summarizeActors, type ActorSummary, type WorkspaceActor } from '../core/detect';
import { actorsWithMatch, claimItem, isFilterActive, matchesFilter, mentionItem, shorten, type ActorArticle, type TreeFilter } from '../core/tree';
import { escapeMarkdown } from '../core/markdown';
import { mapPool } from '../core/pool';
import { detectionKey, type AnchoredAnnotation, type ArticleAnnotations, type DetectionRef, type Services } from '../services';
import { RowBook } from '../core/tree/rows';
import { groupByTopic, groupRowLabel, NO_STANCE_LABEL, NO_TOPIC_LABEL, type TopicGroup } from '../core/tree/topics';
import type { TreeNode } from './nodes';
import { Disposable } from '../util/disposable';
import { DEFAULT_ANNOTATION_BORDER, parseLabelColor, swatchSvg } from '../core/labelColor';

export type Grouping = 'article' | 'label' | 'actor' | 'topic';
export const GROUPINGS: readonly Grouping[] = ['article', 'label', 'actor', 'topic'];

const ACTOR_ICONS: Record<ActorType, string> = { person: 'person', organization: 'organization', place: 'globe', other: 'symbol-misc' };

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export class AnnotationTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** The rows shown, by id (reveal and getParent look them up); each listing replaces its parent's rows. */
  private readonly nodes = new RowBook<TreeNode>();
  grouping: Grouping = 'article';
  filter: TreeFilter | undefined;
  /** Workspace actors of the last "by actor" computation. */
  private actorCache: { actors: WorkspaceActor[] } | undefined;
  /**
   * Per article, what grouping by actor needs of its detections: actors without mentions, and
   * the ids and names of the speakers of its claims. Kept until the article's detections change; mentions and
   * claims are read again (from the detection cache) when a group is opened.
   */
  private readonly actorSummaries = new Map<string, { actors: ActorSummary[]; speakers: Set<string> }>();
  private readonly interned = new Map<string, string>();
  private iconDir: vscode.Uri;

  constructor(private readonly services: Services) {
    super();
    this.iconDir = vscode.Uri.joinPath(services.context.globalStorageUri, 'label-icons');
    this._registerAll(
      services.annotations.onDidChange((uri) => this.changed(uri)),
      services.annotations.onDidChangeQuotes((uri) => this.changed(uri)),
      services.detections.onDidChange((uri) => {
        this.actorCache = undefined;
        this.actorSummaries.delete(uri.toString());
        this.changed(uri);
      }),
      services.articles.onDidChange(() => {
        this.refresh();
        void this.forgetGoneArticles();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('articleAnnotator.labels')) void this.writeIcons().then(() => this.refresh());
        // By topic, stances are listed in the setting's order.
        else if (e.affectsConfiguration('articleAnnotator.stances') && this.grouping === 'topic') this.refresh();
      }),
    );
    void this.writeIcons();
  }

  refresh(): void {
    this.actorCache = undefined;
    this.emitter.fire(undefined);
  }

  /** Actor summaries of articles no longer listed (deleted, renamed, moved with a folder) are dropped. */
  private async forgetGoneArticles(): Promise<void> {
    const listed = new Set((await this.services.articles.list()).map(String));
    for (const key of [...this.actorSummaries.keys()]) if (!listed.has(key)) this.actorSummaries.delete(key);
  }

  /** Refreshes only the changed article's node where the grouping allows it. */
  private changed(uri: vscode.Uri): void {
    if (this.grouping === 'article') {
      const node = this.nodes.get(`article:${uri.toString()}`);
      this.emitter.fire(node);
    } else this.emitter.fire(undefined);
  }

  private async writeIcons(): Promise<void> {
    try {
      await vscode.workspace.fs.createDirectory(this.iconDir);
      for (const l of this.services.annotations.labels()) {
        const color = parseLabelColor(l.color);
        if (color?.kind !== 'hex') continue;
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.iconDir, `${color.hex.slice(1)}.svg`), new TextEncoder().encode(swatchSvg(color.hex)));
      }
    } catch {
      // Icons fall back to theme icons.
    }
  }

  private labelIcon(label: string): vscode.ThemeIcon | vscode.Uri {
    const def = this.services.annotations.labels().find((l) => l.name === label);
    // The same colour and swatch as the label picker and the annotations in the editor.
    const color = parseLabelColor(def?.color);
    if (color?.kind === 'hex') return vscode.Uri.joinPath(this.iconDir, `${color.hex.slice(1)}.svg`);
    return new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(color?.kind === 'theme' ? color.id : DEFAULT_ANNOTATION_BORDER));
  }

  /** Marks a row being listed (kept in `nodes` when its parent's listing is committed, in getChildren). */
  private remember<T extends TreeNode>(node: T): T {
    return node;
  }

  /** One shared, unsliced copy of a name (JSON round trip: a new string, not a view of the article). */
  private intern = (s: string): string => {
    let v = this.interned.get(s);
    if (v === undefined) {
      v = JSON.parse(JSON.stringify(s)) as string;
      this.interned.set(v, v);
    }
    return v;
  };

  node(id: string): TreeNode | undefined {
    return this.nodes.get(id);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent ? this.nodes.get(node.parent) : undefined;
  }

  /** How many rows are remembered (tests check that gone rows are forgotten). */
  rowCount(): number {
    return this.nodes.size;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const ticket = this.nodes.begin(node?.id);
    const children = await this.listChildren(node);
    this.nodes.commit(node?.id, ticket, children);
    return children;
  }

  private async listChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'folder':
        return (await this.articlesOf(node.folder)).map((uri) => this.remember({ kind: 'article', uri, id: `article:${uri.toString()}`, parent: node.id }));
      case 'article':
        return this.grouping === 'label' ? this.annotationNodes(node.uri, node.id, (i) => i.annotation.label === this.labelOfParent(node)) : this.articleChildren(node);
      case 'label':
        if (node.uri) return this.annotationNodes(node.uri, node.id, (i) => i.status !== 'orphan' && i.annotation.label === node.label);
        return this.articlesWithLabel(node);
      case 'orphans':
        return this.annotationNodes(node.uri, node.id, (i) => i.status === 'orphan');
      case 'detections':
        return this.detectionNodes(node.uri, node.id);
      case 'actor':
        return this.actorChildren(node);
      case 'mentions':
        return this.mentionNodes(node);
      case 'topic':
        return this.stanceNodes(node);
      case 'stance':
        return this.topicClaimNodes(node);
      default:
        return [];
    }
  }

  private labelOfParent(node: TreeNode): string | undefined {
    const p = node.parent ? this.nodes.get(node.parent) : undefined;
    return p && p.kind === 'label' ? p.label : undefined;
  }

  private async articlesOf(folder?: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
    const all = await this.services.articles.list();
    return folder ? all.filter((u) => vscode.workspace.getWorkspaceFolder(u)?.uri.toString() === folder.uri.toString()) : all;
  }

  private async roots(): Promise<TreeNode[]> {
    const articles = await this.services.articles.list();
    if (articles.length === 0) return [];
    if (this.grouping === 'label') return this.labelRoots(articles);
    if (this.grouping === 'actor') return this.actorRoots(articles);
    if (this.grouping === 'topic') return this.topicRoots(articles);
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length > 1) return folders.map((folder) => this.remember({ kind: 'folder', folder, id: `folder:${folder.uri.toString()}` }));
    return articles.map((uri) => this.remember({ kind: 'article', uri, id: `article:${uri.toString()}` }));
  }

  private async articleChildren(node: Extract<TreeNode, { kind: 'article' }>): Promise<TreeNode[]> {
    const anns = await this.services.annotations.get(node.uri);
    const labels = new Set<string>();
    let orphans = 0;
    for (const i of anns.items) {
      if (!this.passes(i.annotation)) continue;
      if (i.status === 'orphan') orphans++;
      else labels.add(i.annotation.label);
    }
    const out: TreeNode[] = [...labels].sort().map((label) => this.remember({ kind: 'label', label, uri: node.uri, id: `label:${label}:${node.uri.toString()}`, parent: node.id }));
    out.push(this.remember({ kind: 'detections', uri: node.uri, id: `detections:${node.uri.toString()}`, parent: node.id }));
    if (orphans) out.push(this.remember({ kind: 'orphans', uri: node.uri, id: `orphans:${node.uri.toString()}`, parent: node.id }));
    return out;
  }

  private passes(a: Annotation): boolean {
    return matchesFilter({ quote: a.quote, label: a.label, comment: a.comment, tags: a.tags, speaker: a.speaker }, this.filter);
  }

  private async annotationNodes(uri: vscode.Uri, parent: string, keep: (i: AnchoredAnnotation) => boolean): Promise<TreeNode[]> {
    const anns = await this.services.annotations.get(uri);
    return anns.items
      .filter((i) => keep(i) && this.passes(i.annotation))
      .map((i) => this.remember({ kind: 'annotation', uri, orphan: i.status === 'orphan', ref: { kind: 'annotation', article: uri.toString(), id: i.annotation.id }, id: `annotation:${uri.toString()}:${i.annotation.id}:${parent}`, parent }));
  }

  /** Detections not yet accepted (no annotation on the same span) and not rejected. */
  private async pendingDetections(uri: vscode.Uri): Promise<DetectionRef[]> {
    const snap = await this.services.detections.get(uri);
    if (!snap) return [];
    const anns = await this.services.annotations.get(uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const accepted = new Set(anns.items.filter((i) => i.range && doc).map((i) => `${doc!.offsetAt(i.range!.start)}:${doc!.offsetAt(i.range!.end)}`));
    for (const i of anns.items) accepted.add(`q:${i.annotation.quote}`);
    const out: DetectionRef[] = [];
    for (const c of snap.detection.claims) {
      const key = detectionKey('claim', c.text);
      if (this.services.detections.isRejected(uri, key) || accepted.has(`${c.start}:${c.end}`) || accepted.has(`q:${c.text}`)) continue;
      out.push({ kind: 'detection', article: uri.toString(), detection: 'claim', start: c.start, end: c.end, text: c.text, label: 'claim', speaker: c.speaker, key });
    }
    for (const a of snap.detection.actors) {
      const key = detectionKey('actor', a.id);
      if (this.services.detections.isRejected(uri, key)) continue;
      const m = a.mentions[0]!;
      if (accepted.has(`${m.start}:${m.end}`)) continue;
      out.push({ kind: 'detection', article: uri.toString(), detection: 'actor', start: m.start, end: m.end, text: a.name, label: 'actor', speaker: a.name, key });
    }
    return out;
  }

  private async detectionNodes(uri: vscode.Uri, parent: string): Promise<TreeNode[]> {
    const snap = this.services.detections.peek(uri) ?? (await this.services.detections.get(uri));
    const types = new Map((snap?.detection.actors ?? []).map((a) => [a.name, a.type]));
    return (await this.pendingDetections(uri))
      .filter((r) => matchesFilter({ quote: r.text, label: r.label, speaker: r.speaker }, this.filter))
      .map((ref) => this.remember({ kind: 'detection', uri, ref, actorType: ref.detection === 'actor' ? types.get(ref.text) : undefined, id: `detection:${uri.toString()}:${ref.key}:${ref.start}`, parent }));
  }

  private async labelRoots(articles: vscode.Uri[]): Promise<TreeNode[]> {
    const labels = new Set<string>();
    for (const anns of await this.annotationsOf(articles)) for (const i of anns.items) if (this.passes(i.annotation)) labels.add(i.annotation.label);
    return [...labels].sort().map((label) => this.remember({ kind: 'label', label, id: `label:${label}` }));
  }

  /** The annotations of many articles, sidecars read a few at a time. */
  private annotationsOf(articles: readonly vscode.Uri[]): Promise<ArticleAnnotations[]> {
    return mapPool(articles, 16, (uri) => this.services.annotations.get(uri));
  }

  private async articlesWithLabel(node: Extract<TreeNode, { kind: 'label' }>): Promise<TreeNode[]> {
    const out: TreeNode[] = [];
    const articles = await this.services.articles.list();
    for (const [k, anns] of (await this.annotationsOf(articles)).entries()) {
      const uri = articles[k]!;
      if (anns.items.some((i) => i.annotation.label === node.label && this.passes(i.annotation))) {
        out.push(this.remember({ kind: 'article', uri, id: `article:${uri.toString()}:label:${node.label}`, parent: node.id }));
      }
    }
    return out;
  }

  /**
   * The workspace's claims by topic and stance (core/tree/topics.ts), the filter applied. Coded
   * annotations only: detected claims have no topic or stance yet (they stay under each article's
   * Detections, by article), as the by-label grouping lists annotations only.
   */
  private async topicGroups(articles?: vscode.Uri[]): Promise<TopicGroup<{ uri: vscode.Uri; item: AnchoredAnnotation }>[]> {
    const list = articles ?? (await this.services.articles.list());
    const all = await this.annotationsOf(list);
    const items = all.flatMap((anns, k) => anns.items.filter((i) => this.passes(i.annotation)).map((item) => ({ uri: list[k]!, item })));
    const stances = scaleValues(vscode.workspace.getConfiguration('articleAnnotator').get<unknown>('stances'), DEFAULT_STANCES);
    return groupByTopic(items, (x) => x.item.annotation, stances);
  }

  private static topicId(topic: string | null): string {
    return `topic:${JSON.stringify(topic)}`;
  }

  private async topicRoots(articles: vscode.Uri[]): Promise<TreeNode[]> {
    return (await this.topicGroups(articles)).map((g) => this.remember({ kind: 'topic', topic: g.topic, count: g.count, id: AnnotationTreeProvider.topicId(g.topic) }));
  }

  private async stanceNodes(node: Extract<TreeNode, { kind: 'topic' }>): Promise<TreeNode[]> {
    const group = (await this.topicGroups()).find((g) => g.topic === node.topic);
    return (group?.stances ?? []).map((s) => this.remember({ kind: 'stance', topic: node.topic, stance: s.stance, count: s.items.length, id: `stance:${JSON.stringify([node.topic, s.stance])}`, parent: node.id }));
  }

  private async topicClaimNodes(node: Extract<TreeNode, { kind: 'stance' }>): Promise<TreeNode[]> {
    const group = (await this.topicGroups()).find((g) => g.topic === node.topic)?.stances.find((s) => s.stance === node.stance);
    return (group?.items ?? []).map(({ uri, item }) => {
      const key = uri.toString();
      return this.remember({ kind: 'annotation', uri, orphan: item.status === 'orphan', ref: { kind: 'annotation', article: key, id: item.annotation.id }, id: `annotation:${key}:${item.annotation.id}:${node.id}`, parent: node.id });
    });
  }

  /** Workspace actors from every article's detections, with progress and cancellation when not cached. */
  async workspaceActors(articles?: vscode.Uri[]): Promise<{ actors: WorkspaceActor[] }> {
    if (this.actorCache) return this.actorCache;
    const list = articles ?? (await this.services.articles.list());
    const uncached = list.filter((u) => !this.actorSummaries.has(u.toString()));
    let cancelled = false;
    const collect = async (token?: vscode.CancellationToken, progress?: vscode.Progress<{ increment: number; message: string }>) => {
      // A few articles at a time: reading files overlaps with detecting the others.
      await mapPool(uncached, 8, async (uri) => {
        const snap = await this.services.detections.get(uri, token);
        if (snap) {
          const speakers = new Set<string>();
          for (const c of snap.detection.claims) {
            if (c.speakerId) speakers.add(this.intern(c.speakerId));
            if (c.speaker) speakers.add(this.intern(c.speaker));
          }
          this.actorSummaries.set(uri.toString(), { actors: summarizeActors(snap.detection.actors, this.intern), speakers });
        }
        progress?.report({ increment: 100 / uncached.length, message: baseName(uri) });
      }, () => !!token?.isCancellationRequested);
      cancelled = !!token?.isCancellationRequested;
    };
    if (uncached.length > 20) {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Article Annotator: finding actors in the workspace', cancellable: true }, (p, token) => collect(token, p));
    } else await collect();
    // In article order, whatever finished first.
    const items: { article: string; actors: ActorSummary[] }[] = [];
    for (const u of list) {
      const sum = this.actorSummaries.get(u.toString());
      if (sum) items.push({ article: u.toString(), actors: sum.actors });
    }
    const actors = mergeWorkspaceActors(items);
    actors.sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
    // Cancelled: show what was found; the articles done so far are kept, the rest read next time.
    if (!cancelled) this.actorCache = { actors };
    return { actors };
  }

  private async actorRoots(articles: vscode.Uri[]): Promise<TreeNode[]> {
    const { actors } = await this.workspaceActors(articles);
    // Filtered: only the actors with a matching annotation, claim or mention (one pass over the articles).
    const keep = this.filterActive() ? actorsWithMatch(actors, await this.actorArticles(articles), this.filter) : undefined;
    return actors
      .filter((a) => !keep || keep.has(a.id))
      .map((a) => this.remember({ kind: 'actor', actorId: a.id, name: a.name, type: a.type, id: `actor:${a.id}` }));
  }

  /** What each article gives the by-actor filter: its annotations, unrejected claims and mentions. */
  private async actorArticles(articles: vscode.Uri[]): Promise<ActorArticle[]> {
    const all = await this.annotationsOf(articles);
    return mapPool(articles, 8, async (uri, k) => {
      const snap = this.services.detections.peek(uri) ?? (await this.services.detections.get(uri));
      const claims = (snap?.detection.claims ?? []).filter((c) => !this.services.detections.isRejected(uri, detectionKey('claim', c.text)));
      return { annotations: all[k]!.items.map((i) => i.annotation), claims, actors: snap?.detection.actors ?? [] };
    });
  }

  private actorOf(actorId: string): WorkspaceActor | undefined {
    return this.actorCache?.actors.find((a) => a.id === actorId);
  }

  private async actorChildren(node: Extract<TreeNode, { kind: 'actor' }>): Promise<TreeNode[]> {
    await this.workspaceActors();
    const actor = this.actorOf(node.actorId);
    if (!actor) return [];
    const names = new Set([actor.name, ...actor.aliases]);
    const out: TreeNode[] = [];
    const articles = await this.services.articles.list();
    const all = await this.annotationsOf(articles);
    for (const [k, uri] of articles.entries()) {
      const key = uri.toString();
      // User annotations with this speaker, then detected claims by this actor.
      const anns = all[k]!;
      for (const i of anns.items) {
        if (i.annotation.speaker && names.has(i.annotation.speaker) && this.passes(i.annotation)) {
          out.push(this.remember({ kind: 'annotation', uri, orphan: i.status === 'orphan', ref: { kind: 'annotation', article: key, id: i.annotation.id }, id: `annotation:${key}:${i.annotation.id}:${node.id}`, parent: node.id }));
        }
      }
      const speakers = this.actorSummaries.get(key)?.speakers;
      if (!speakers || ![...actor.memberIds, ...names].some((id) => speakers.has(id))) continue;
      const snap = this.services.detections.peek(uri) ?? (await this.services.detections.get(uri));
      if (!snap) continue;
      for (const c of snap.detection.claims) {
        if (!(c.speakerId && actor.memberIds.has(c.speakerId)) && !(c.speaker && names.has(c.speaker))) continue;
        const dkey = detectionKey('claim', c.text);
        if (this.services.detections.isRejected(uri, dkey) || !matchesFilter(claimItem(c), this.filter)) continue;
        const ref: DetectionRef = { kind: 'detection', article: key, detection: 'claim', start: c.start, end: c.end, text: c.text, label: 'claim', speaker: c.speaker, key: dkey };
        out.push(this.remember({ kind: 'detection', uri, ref, id: `detection:${key}:${dkey}:${c.start}:${node.id}`, parent: node.id }));
      }
    }
    // Filtered: the Mentions group only when one of them matches.
    if (!this.filterActive() || (await this.matchingMentions(actor, 1)).length) out.push(this.remember({ kind: 'mentions', actorId: node.actorId, id: `mentions:${node.actorId}`, parent: node.id }));
    return out;
  }

  /** Mentions of an actor, article by article (the first 500), read from the detection cache. */
  private async mentionNodes(node: Extract<TreeNode, { kind: 'mentions' }>): Promise<TreeNode[]> {
    await this.workspaceActors();
    const actor = this.actorOf(node.actorId);
    if (!actor) return [];
    return (await this.matchingMentions(actor, 500)).map(({ uri, a, m }) => {
      const key = uri.toString();
      const ref: DetectionRef = { kind: 'detection', article: key, detection: 'actor', start: m.start, end: m.end, text: m.text, label: 'actor', speaker: a.name, key: detectionKey('actor', a.id) };
      return this.remember({ kind: 'detection', uri, ref, actorType: a.type, id: `mention:${key}:${m.start}`, parent: node.id });
    });
  }

  /** The first `limit` mentions of a workspace actor that pass the filter, article by article. */
  private async matchingMentions(actor: WorkspaceActor, limit: number): Promise<{ uri: vscode.Uri; a: Actor; m: Mention }[]> {
    const out: { uri: vscode.Uri; a: Actor; m: Mention }[] = [];
    for (const key of actor.articles.keys()) {
      const uri = vscode.Uri.parse(key);
      const snap = this.services.detections.peek(uri) ?? (await this.services.detections.get(uri));
      for (const a of snap?.detection.actors ?? []) {
        if (!actor.memberIds.has(a.id)) continue;
        for (const m of a.mentions) {
          if (!matchesFilter(mentionItem(m.text, actor.name), this.filter)) continue;
          out.push({ uri, a, m });
          if (out.length >= limit) return out;
        }
      }
    }
    return out;
  }

  async getTreeItem(node: TreeNode): Promise<vscode.TreeItem> {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.folder.name, C.Expanded);
        item.iconPath = vscode.ThemeIcon.Folder;
        item.id = node.id;
        item.contextValue = 'folder';
        return item;
      }
      case 'article': {
        const item = new vscode.TreeItem(baseName(node.uri), this.grouping === 'label' ? C.Expanded : C.Collapsed);
        item.id = node.id;
        item.resourceUri = node.uri;
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = 'article';
        const loaded = this.services.annotations.peek(node.uri);
        if (loaded) {
          const n = loaded.items.filter((i) => this.passes(i.annotation)).length;
          const orphans = loaded.items.filter((i) => i.status === 'orphan').length;
          item.description = `${n} annotation${n === 1 ? '' : 's'}${orphans ? `, ${orphans} orphaned` : ''}${loaded.state.kind === 'error' ? ' · sidecar error' : ''}`;
          if (loaded.state.kind === 'error') item.tooltip = `Sidecar cannot be read: ${loaded.state.message}`;
        }
        item.command = { command: 'vscode.open', title: 'Open Article', arguments: [node.uri] };
        return item;
      }
      case 'label': {
        let count = 0;
        if (node.uri) count = (this.services.annotations.peek(node.uri)?.items ?? []).filter((i) => i.status !== 'orphan' && i.annotation.label === node.label && this.passes(i.annotation)).length;
        const item = new vscode.TreeItem(node.label, C.Expanded);
        item.id = node.id;
        item.iconPath = this.labelIcon(node.label);
        item.contextValue = 'group';
        if (node.uri) item.description = String(count);
        const def = this.services.annotations.labels().find((l) => l.name === node.label);
        if (def?.description) item.tooltip = def.description;
        return item;
      }
      case 'detections': {
        const n = this.services.detections.peek(node.uri) ? (await this.pendingDetections(node.uri)).length : undefined;
        const item = new vscode.TreeItem('Detections', C.Collapsed);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('sparkle');
        item.contextValue = 'group';
        item.description = n === undefined ? 'not analysed yet' : `${n} not yet accepted`;
        return item;
      }
      case 'orphans': {
        const n = (this.services.annotations.peek(node.uri)?.items ?? []).filter((i) => i.status === 'orphan').length;
        const item = new vscode.TreeItem('Orphans', C.Expanded);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('warning');
        item.contextValue = 'group';
        item.description = `${n} — text no longer found`;
        return item;
      }
      case 'actor': {
        const actor = this.actorOf(node.actorId);
        const item = new vscode.TreeItem(node.name, C.Collapsed);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(ACTOR_ICONS[node.type], new vscode.ThemeColor(`articleAnnotator.${node.type}Border`));
        item.contextValue = 'actor';
        if (actor) {
          item.description = `${node.type} · ${actor.mentionCount} mention${actor.mentionCount === 1 ? '' : 's'} in ${actor.articles.size} article${actor.articles.size === 1 ? '' : 's'}`;
          if (actor.aliases.length) item.tooltip = `Also: ${actor.aliases.join(', ')}`;
        }
        return item;
      }
      case 'mentions': {
        const item = new vscode.TreeItem('Mentions', C.Collapsed);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('references');
        item.contextValue = 'group';
        item.description = this.filterActive() ? 'matching the filter' : String(this.actorOf(node.actorId)?.mentionCount ?? '');
        return item;
      }
      case 'topic': {
        const item = new vscode.TreeItem(groupRowLabel(node.topic, NO_TOPIC_LABEL, node.count), C.Collapsed);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.topic === null ? 'circle-slash' : 'symbol-keyword');
        item.contextValue = 'topic';
        item.tooltip = node.topic === null ? `${node.count} claim${node.count === 1 ? '' : 's'} without a topic (Set Topic… gives one)` : `${node.count} claim${node.count === 1 ? '' : 's'} about “${node.topic}”`;
        return item;
      }
      case 'stance': {
        const item = new vscode.TreeItem(groupRowLabel(node.stance, NO_STANCE_LABEL, node.count), C.Expanded);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.stance === null ? 'circle-outline' : 'comment-discussion');
        item.contextValue = 'group';
        return item;
      }
      case 'annotation': {
        const anns = this.services.annotations.peek(node.uri);
        const a = anns?.items.find((i) => i.annotation.id === node.ref.id)?.annotation;
        const item = new vscode.TreeItem(a ? shorten(a.quote) : node.ref.id, C.None);
        item.id = node.id;
        item.contextValue = node.orphan ? 'orphan' : 'annotation';
        item.iconPath = node.orphan ? new vscode.ThemeIcon('debug-disconnect') : this.labelIcon(a?.label ?? '');
        if (a) {
          // Under a stance, claims of several articles mix: each row names its article.
          // (and the stance is the group's).
          const underStance = !!node.parent?.startsWith('stance:');
          item.description = [a.label, a.speaker && `— ${a.speaker}`, !underStance && a.stance && `· ${a.stance}`, a.verdict && `· verdict: ${a.verdict}`, underStance && `· ${baseName(node.uri)}`].filter(Boolean).join(' ');
          const md = new vscode.MarkdownString(undefined, false);
          md.isTrusted = false;
          md.appendMarkdown(`**${escapeMarkdown(a.label)}**${node.orphan ? ' _(orphan: its text is no longer in the article)_' : ''}\n\n> ${escapeMarkdown(a.quote)}\n\n`);
          if (a.speaker) md.appendMarkdown(`Speaker: ${escapeMarkdown(a.speaker)}\n\n`);
          if (a.comment) md.appendMarkdown(`${escapeMarkdown(a.comment)}\n\n`);
          if (a.about?.length) md.appendMarkdown(`Topics: ${a.about.map(escapeMarkdown).join(', ')}\n\n`);
          if (a.stance) md.appendMarkdown(`Stance: ${escapeMarkdown(a.stance)}\n\n`);
          if (a.verdict) md.appendMarkdown(`Verdict: ${escapeMarkdown(a.verdict)}${a.evidence?.length ? ` (evidence: ${a.evidence.map(escapeMarkdown).join('; ')})` : ''}\n\n`);
          if (a.tags?.length) md.appendMarkdown(`Tags: ${a.tags.map(escapeMarkdown).join(', ')}`);
          item.tooltip = md;
        }
        item.command = { command: 'articleAnnotator.openItem', title: 'Open', arguments: [node.ref] };
        return item;
      }
      case 'detection': {
        const r = node.ref;
        const item = new vscode.TreeItem(shorten(r.detection === 'actor' ? r.text : r.text), C.None);
        item.id = node.id;
        item.contextValue = `detection.${r.detection}`;
        item.iconPath = r.detection === 'claim' ? new vscode.ThemeIcon('quote', new vscode.ThemeColor('articleAnnotator.claimBorder')) : new vscode.ThemeIcon(ACTOR_ICONS[node.actorType ?? 'other'], new vscode.ThemeColor(`articleAnnotator.${node.actorType ?? 'other'}Border`));
        // Under an article's Detections the article is the parent: its name only where rows of
        // several articles mix (an actor's claims and mentions, grouped by actor).
        const where = node.parent?.startsWith('detections:') ? '' : ` · ${baseName(node.uri)}`;
        item.description = r.detection === 'claim' ? `claim — ${r.speaker ?? 'unknown speaker'}${where}` : `${node.actorType ?? 'actor'}${where}`;
        item.tooltip = `Detected ${r.detection}${r.speaker && r.detection === 'claim' ? ` by ${r.speaker}` : ''} (not yet accepted)`;
        item.command = { command: 'articleAnnotator.openItem', title: 'Open', arguments: [r] };
        return item;
      }
    }
  }

  filterActive(): boolean {
    return isFilterActive(this.filter);
  }

  override dispose(): void {
    super.dispose();
    this.emitter.dispose();
  }
}
