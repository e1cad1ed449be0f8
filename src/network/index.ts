/**
 * "Show Actor Network": a webview panel beside the editor drawing the discourse networks of
 * src/core/network with cytoscape (bundled separately as dist/networkView.js, loaded only by the
 * panel). The feature owns the command, the serializer (restore after reload) and the panel.
 */
import * as vscode from 'vscode';
import { buildNetwork, DEFAULT_VIEW_STATE, fromPanel, limitNetwork, panelNetwork, statementCache, statementsOf, viewStateOf, type ClaimItem, type NetworkEdge, type NetworkNode, type NetworkViewState, type Statement, type StatementSet, type ToPanel } from '../core/network';
import { OffsetMap } from '../core/offsets';
import { mapPool } from '../core/pool';
import type { Services } from '../services';
import { collectArticle, type CollectedArticle } from '../workspace/collect';
import { Disposable } from '../util/disposable';

const VIEW_TYPE = 'articleAnnotator.network';
/**
 * A drawing keeps at most this many nodes (the most connected) and edges (the heaviest among
 * them): a larger one is neither readable nor quick to lay out. The panel says what was left out.
 */
const MAX_DRAWN_NODES = 150;
const MAX_DRAWN_EDGES = 600;
/** Claims listed for one click (the panel says how many there are in all). */
const MAX_LISTED = 500;

export class NetworkFeature extends Disposable {
  private panel: NetworkPanel | undefined;
  /** Restores the panel after a window reload, with the view state its page saved (tests call it too). */
  readonly serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: async (panel, state) => {
      this.adopt(panel, viewStateOf(state) ?? DEFAULT_VIEW_STATE);
    },
  };

  constructor(private readonly services: Services) {
    super();
    this._registerAll(
      vscode.commands.registerCommand('articleAnnotator.showNetwork', () => this.show()),
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, this.serializer),
    );
  }

  /** The open panel (integration tests read it). */
  get current(): NetworkPanel | undefined {
    return this.panel;
  }

  private show(): NetworkPanel {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Actor Network', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, NetworkPanel.options(this.services.context.extensionUri));
    return this.adopt(panel, DEFAULT_VIEW_STATE);
  }

  private adopt(panel: vscode.WebviewPanel, state: NetworkViewState): NetworkPanel {
    this.panel?.dispose();
    const p = new NetworkPanel(this.services, panel, state, () => {
      if (this.panel === p) this.panel = undefined;
    });
    this.panel = p;
    return p;
  }

  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }
}

export class NetworkPanel extends Disposable {
  private state: NetworkViewState;
  /** The latest computation; replaced as a whole, never mutated. */
  private data: { set: StatementSet; byId: Map<string, Statement>; articles: Map<string, CollectedArticle> } | undefined;
  /**
   * What was read of each article (by URI), kept across refreshes: a change of annotations or
   * detections reads only the articles it touched again. `epochs` counts each article's
   * invalidations, so that a read that started before one is not kept.
   */
  private readonly collected = new Map<string, CollectedArticle & { version: number }>();
  private readonly epochs = new Map<string, number>();
  /** Each article's statements, kept while its entry in `collected` is. */
  private readonly statementCache = statementCache();
  /** How the last load went (the benchmark reads it): articles read, and times. */
  loadTimings: { read: number; readMs: number; statementsMs: number; statements: number } | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private seq = 0;
  /**
   * The network sent last (its counts, and the host's timings: reading the articles, building the
   * network, posting it) and what the panel's canvas drew once its layout settled, with the time
   * from the request to that (`totalMs`). Integration tests and the benchmark read them.
   */
  lastSent: { seq: number; nodes: number; edges: number; total: { nodes: number; edges: number }; requestedAt: number; loadMs: number; buildMs: number; postMs: number } | undefined;
  /** The nodes and edges of the network drawn, by id (a click names one). */
  private shown: { nodes: Map<string, NetworkNode>; edges: Map<string, NetworkEdge> } | undefined;
  drawn: { seq: number; nodes: number; edges: number; ms: number; layoutMs: number; totalMs: number } | undefined;
  /** The claims listed last in the side list. */
  listed: ClaimItem[] = [];

  static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
  }

  constructor(
    private readonly services: Services,
    readonly panel: vscode.WebviewPanel,
    state: NetworkViewState,
    private readonly onDispose: () => void,
  ) {
    super();
    this.state = state;
    panel.webview.options = NetworkPanel.options(services.context.extensionUri);
    panel.webview.html = this.html();
    this._registerAll(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => void this.handle(m)),
      services.annotations.onDidChange((u) => this.invalidate(u)),
      // Detections are announced also when one is merely computed again from the cache (reading an
      // article detects it): only a detection of another content (an edited document) counts.
      services.detections.onDidChange((u) => {
        const had = this.collected.get(u.toString());
        const now = services.detections.peek(u);
        if (had && now && now.version !== had.version) this.invalidate(u);
      }),
      services.lexicon.onDidChange(() => this.invalidate(undefined)),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.collected.has(e.document.uri.toString()) && this.invalidate(e.document.uri)),
      services.articles.onDidChange(() => this.scheduleRefresh()),
      services.articles.onDidChangeFiles((e) => {
        if (e.kind === 'folderRenamed' || e.kind === 'folderDeleted') this.invalidate(undefined);
        else this.invalidate(e.kind.startsWith('sidecar') ? e.uri.with({ path: e.uri.path.replace(/\.annotations\.yaml$/, '') }) : e.uri);
      }),
      // An article's text as the panel read it is the open document's or the file's.
      vscode.workspace.onDidOpenTextDocument((d) => this.collected.has(d.uri.toString()) && this.invalidate(d.uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collected.has(d.uri.toString()) && this.invalidate(d.uri)),
    );
  }

  reveal(): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  /** Forgets what was read of one article (undefined: of all) and refreshes the drawing soon. */
  private invalidate(uri: vscode.Uri | undefined): void {
    if (uri) {
      const key = uri.toString();
      this.collected.delete(key);
      this.epochs.set(key, (this.epochs.get(key) ?? 0) + 1);
    } else {
      for (const key of this.collected.keys()) this.epochs.set(key, (this.epochs.get(key) ?? 0) + 1);
      this.collected.clear();
    }
    this.scheduleRefresh();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.data = undefined;
      void this.send();
    }, 300);
  }

  /** Handles a message from the panel (validated first; anything else is dropped). */
  async handle(raw: unknown): Promise<void> {
    const m = fromPanel(raw);
    if (!m) return;
    if (m.type === 'ready') await this.send();
    else if (m.type === 'drawn') {
      const sent = this.lastSent?.seq === m.seq ? this.lastSent : undefined;
      this.drawn = { seq: m.seq, nodes: m.nodes, edges: m.edges, ms: m.ms, layoutMs: m.layoutMs, totalMs: sent ? performance.now() - sent.requestedAt : NaN };
    }
    else if (m.type === 'request') {
      const scopeChanged = m.state.scope !== this.state.scope;
      this.state = m.state;
      if (scopeChanged) this.data = undefined;
      await this.send();
    } else if (m.type === 'select') {
      // The element is looked up in the network drawn; its statements never went to the page.
      const shown = this.shown;
      const node = shown?.nodes.get(m.element);
      const edge = node ? undefined : shown?.edges.get(m.element);
      if (!shown || (!node && !edge)) return;
      const title = node ? node.label : `${shown.nodes.get(edge!.source)?.label ?? edge!.source} – ${shown.nodes.get(edge!.target)?.label ?? edge!.target}`;
      const byId = this.data?.byId;
      const claims: ClaimItem[] = [];
      for (const id of (node ?? edge)!.statements) {
        const s = byId?.get(id);
        if (!s) continue;
        claims.push({ id: s.id, speaker: this.data!.set.actors.get(s.speaker)?.name ?? s.speaker, quote: s.quote, article: s.article, ...(s.date ? { date: s.date } : {}), ...(s.stance ? { stance: s.stance } : {}), about: s.about });
        if (claims.length >= MAX_LISTED) break;
      }
      this.listed = claims;
      await this.post({ type: 'claims', title, claims, total: (node ?? edge)!.statements.length });
    } else if (m.type === 'open') await this.open(m.statement);
  }

  private async load(): Promise<NonNullable<NetworkPanel['data']>> {
    let uris: vscode.Uri[];
    if (this.state.scope === 'current') {
      const doc = vscode.window.visibleTextEditors.map((e) => e.document).find((d) => this.services.articles.isArticle(d.uri));
      uris = doc ? [doc.uri] : [];
    } else uris = await this.services.articles.list();
    const t0 = performance.now();
    const missing = uris.filter((u) => !this.collected.has(u.toString()));
    // Several at a time: waiting for one article's files overlaps with reading the others.
    const read = (progress?: vscode.Progress<{ increment: number; message: string }>) =>
      mapPool(missing, 8, async (uri) => {
        const key = uri.toString();
        const epoch = this.epochs.get(key) ?? 0;
        const version = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key)?.version ?? -1;
        const a = await collectArticle(this.services, uri, true);
        if (a && (this.epochs.get(key) ?? 0) === epoch && !this.isDisposed) this.collected.set(key, { ...a, version });
        progress?.report({ increment: 100 / missing.length, message: a?.path ?? '' });
      }, () => this.isDisposed);
    if (missing.length > 20) await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Article Annotator: reading ${missing.length} articles for the actor network` }, (p) => read(p));
    else await read();
    const articles = new Map<string, CollectedArticle>();
    for (const uri of uris) {
      const a = this.collected.get(uri.toString());
      if (a) articles.set(a.path, a);
    }
    if (this.state.scope === 'workspace') {
      // Articles no longer in the workspace are forgotten.
      const listed = new Set(uris.map((u) => u.toString()));
      for (const key of [...this.collected.keys()]) if (!listed.has(key)) this.collected.delete(key);
    }
    const t1 = performance.now();
    const set = statementsOf([...articles.values()], { includeDetections: true, labels: this.services.annotations.labels().map((l) => l.name) }, this.statementCache);
    this.loadTimings = { read: missing.length, readMs: t1 - t0, statementsMs: performance.now() - t1, statements: set.statements.length };
    return { set, byId: new Map(set.statements.map((s) => [s.id, s])), articles };
  }

  private async send(): Promise<void> {
    const gen = ++this.generation;
    const requestedAt = performance.now();
    const data = this.data ?? (await this.load());
    if (gen !== this.generation || this.isDisposed) return; // a newer request took over
    const loadMs = performance.now() - requestedAt;
    this.data = data;
    const state = this.state;
    const filter = { labels: ['claim'], ...state.filter };
    const network = limitNetwork(buildNetwork(data.set, { kind: state.kind, normalisation: state.normalisation, filter }), MAX_DRAWN_NODES, MAX_DRAWN_EDGES);
    this.shown = { nodes: new Map(network.nodes.map((n) => [n.id, n])), edges: new Map(network.edges.map((e) => [e.id, e])) };
    const buildMs = performance.now() - requestedAt - loadMs;
    const topics = new Set<string>();
    const stances = new Set<string>();
    const labels = new Set<string>();
    for (const s of data.set.statements) {
      for (const t of s.about) topics.add(t);
      if (s.stance) stances.add(s.stance);
      labels.add(s.label);
    }
    const configured = vscode.workspace.getConfiguration('articleAnnotator').get<string[]>('stances', ['agree', 'disagree', 'neutral']);
    for (const s of configured) stances.add(s);
    const seq = ++this.seq;
    const sent = { seq, nodes: network.nodes.length, edges: network.edges.length, total: network.total, requestedAt, loadMs, buildMs, postMs: 0 };
    this.lastSent = sent;
    const p0 = performance.now();
    await this.post({ type: 'network', seq, state, network: panelNetwork(network), statements: data.set.statements.length, options: { labels: [...labels].sort(), stances: [...stances], topics: [...topics].sort() } });
    sent.postMs = performance.now() - p0;
  }

  private async post(m: ToPanel): Promise<void> {
    if (!this.isDisposed) await this.panel.webview.postMessage(m);
  }

  /** Opens the statement's article with its quote selected. */
  async open(statementId: string): Promise<vscode.TextEditor | undefined> {
    const s = this.data?.byId.get(statementId);
    const art = s && this.data?.articles.get(s.article);
    if (!s || !art) return undefined;
    const doc = await vscode.workspace.openTextDocument(art.uri);
    const map = new OffsetMap(doc.getText());
    const range = new vscode.Range(doc.positionAt(map.toUtf16(s.start)), doc.positionAt(map.toUtf16(s.end)));
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    return vscode.window.showTextDocument(doc, { viewColumn: column, selection: range, preserveFocus: false });
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'networkView.js'));
    const state = JSON.stringify(this.state).replace(/</g, '\\u003c');
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:;">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Actor Network</title>
<style nonce="${nonce}">
body { margin: 0; padding: 0; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); display: flex; flex-direction: column; height: 100vh; }
#bar { display: flex; flex-wrap: wrap; gap: 6px; padding: 6px; border-bottom: 1px solid var(--vscode-panel-border); align-items: center; }
#bar select, #bar input { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); }
#main { flex: 1; display: flex; min-height: 0; }
#graph { flex: 1; min-width: 0; }
#side { width: 34%; max-width: 420px; overflow: auto; border-left: 1px solid var(--vscode-panel-border); padding: 6px; }
#side li { cursor: pointer; margin-bottom: 6px; list-style: none; }
#side li:hover { background: var(--vscode-list-hoverBackground); }
#side ul { padding: 0; }
.meta { opacity: 0.8; font-size: 90%; overflow-wrap: anywhere; }
#status { opacity: 0.8; }
</style></head>
<body data-state="${state.replace(/"/g, '&quot;')}">
<div id="bar">
 <select id="kind" aria-label="Network"><option value="talks-about">Who talks about whom</option><option value="actor-topic">Actors × topics</option><option value="agreement">Agreement</option><option value="conflict">Conflict</option></select>
 <select id="normalisation" aria-label="Normalisation"><option value="none">Counts</option><option value="average">Average</option><option value="jaccard">Jaccard</option></select>
 <select id="scope" aria-label="Articles"><option value="workspace">Workspace</option><option value="current">Current article</option></select>
 <label>From <input id="from" type="date"></label><label>To <input id="to" type="date"></label>
 <select id="stance" aria-label="Stance"><option value="">Any stance</option></select>
 <select id="topic" aria-label="Topic"><option value="">Any topic</option></select>
 <label><input id="detections" type="checkbox"> Detections</label>
 <span id="status" data-nodes="0" data-edges="0"></span>
</div>
<div id="main"><div id="graph"></div><div id="side"><p class="meta">Click a node or an edge to list its claims.</p></div></div>
<script nonce="${nonce}" src="${script}"></script>
</body></html>`;
  }

  override dispose(): void {
    if (this.isDisposed) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    super.dispose();
    this.panel.dispose();
    this.onDispose();
  }
}
