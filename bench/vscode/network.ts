/**
 * The actor network panel on the 5,000-article workspace (issue 19): "computed in the extension
 * host and drawn with its layout settled in < 3 s". Measured from the request (as the panel sends
 * it when the user changes a control) to the panel's `drawn` answer, which the page sends once
 * cytoscape's layout has stopped and a frame with it has been painted. The host's part (reading
 * the articles' annotations and detections, building the network, posting it) and the page's part
 * (receipt to settled) are reported apart. Used by index.ts (the full bench) and networkOnly.ts.
 */
import * as vscode from 'vscode';
import type { ArticleAnnotatorApi } from '../../src/extension';
import type { NetworkViewState } from '../../src/core/network';
import type { NetworkPanel } from '../../src/network';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(probe: () => T | undefined | false, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v as T;
    if (Date.now() > end) throw new Error('timed out waiting for the network panel');
    await sleep(10);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export interface NetworkSample {
  totalMs: number;
  loadMs: number;
  buildMs: number;
  postMs: number;
  pageMs: number;
  layoutMs: number;
  nodes: number;
  edges: number;
  /** Nodes and edges of the whole network (the drawing keeps the most connected). */
  total?: { nodes: number; edges: number };
  /** When the articles were read: how many were read, in how long, and putting the statements together. */
  read?: number;
  readMs?: number;
  statementsMs?: number;
  statements?: number;
}

interface PanelInternals {
  data: unknown;
  collected: Map<string, unknown>;
  epochs: Map<string, number>;
}

/**
 * Sends `state` as the panel would and waits for the drawing of the answer. `changed`: as after a
 * change of annotations in that article (what the panel read of it is forgotten, and the
 * statements of the workspace are put together again); otherwise as after a change of a control.
 */
async function measure(panel: NetworkPanel, state: NetworkViewState, changed?: vscode.Uri): Promise<NetworkSample> {
  const before = panel.lastSent?.seq ?? 0;
  if (changed) {
    const p = panel as unknown as PanelInternals;
    p.data = undefined;
    p.collected.delete(changed.toString());
  }
  await panel.handle({ type: 'request', state });
  const sent = await until(() => panel.lastSent && panel.lastSent.seq > before && panel.lastSent, 120000);
  const drawn = await until(() => panel.drawn && panel.drawn.seq === sent.seq && panel.drawn, 120000);
  return { totalMs: drawn.totalMs, loadMs: sent.loadMs, buildMs: sent.buildMs, postMs: sent.postMs, pageMs: drawn.ms, layoutMs: drawn.layoutMs, nodes: drawn.nodes, edges: drawn.edges, total: sent.total, ...(panel.loadTimings && sent.loadMs > 0 ? { read: panel.loadTimings.read, readMs: panel.loadTimings.readMs, statementsMs: panel.loadTimings.statementsMs, statements: panel.loadTimings.statements } : {}) };
}

export interface NetworkResults {
  /** The first drawing after the command (the panel reads every article, and detects those not detected yet). */
  first: NetworkSample;
  /** Per network: samples after a change of one article's annotations, and samples of a filter change. */
  kinds: Record<string, { reload: NetworkSample[]; filter: NetworkSample[]; median: { reloadMs: number; filterMs: number } }>;
}

const base = (kind: NetworkViewState['kind']): NetworkViewState => ({ kind, normalisation: 'none', scope: 'workspace', filter: { includeDetections: true } });

/** Opens the panel (the first drawing reads every article, detecting those not detected yet) and measures. */
export async function networkRows(api: ArticleAnnotatorApi, samples = 5, partial: Partial<NetworkResults> & { panel?: unknown } = {}): Promise<NetworkResults> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('articleAnnotator.showNetwork');
  const panel = await until(() => api.networkFeature.current, 30000);
  // What the panel did so far, for a run that times out.
  partial.panel = {
    get sent() { return panel.lastSent; },
    get drawn() { return panel.drawn; },
    get load() { return panel.loadTimings; },
    get read() { return (panel as unknown as PanelInternals).collected.size; },
  };
  const firstDrawn = await until(() => panel.drawn && panel.lastSent && panel.drawn.seq === panel.lastSent.seq && panel.drawn, 300000);
  const s0 = panel.lastSent!;
  const lt = panel.loadTimings!;
  const first = { totalMs: firstDrawn.totalMs, loadMs: s0.loadMs, buildMs: s0.buildMs, postMs: s0.postMs, pageMs: firstDrawn.ms, layoutMs: firstDrawn.layoutMs, nodes: firstDrawn.nodes, edges: firstDrawn.edges, read: lt.read, readMs: lt.readMs, statementsMs: lt.statementsMs, statements: lt.statements };
  const articles = await api.services.articles.list();
  const kinds: NetworkResults['kinds'] = {};
  Object.assign(partial, { first, kinds });
  for (const kind of ['talks-about', 'actor-topic', 'agreement'] as const) {
    const reload: NetworkSample[] = [];
    const filter: NetworkSample[] = [];
    await measure(panel, base(kind), articles[0]); // warm-up
    for (let i = 0; i < samples; i++) {
      await sleep(300);
      reload.push(await measure(panel, base(kind), articles[(i + 1) * 97]));
      await sleep(300);
      // A filter change: the statements read are kept, the network is built and drawn again.
      filter.push(await measure(panel, { ...base(kind), filter: { includeDetections: true, ...(i % 2 ? {} : { from: '1990-01-01' }) } }));
    }
    kinds[kind] = { reload, filter, median: { reloadMs: median(reload.map((x) => x.totalMs)), filterMs: median(filter.map((x) => x.totalMs)) } };
  }
  panel.dispose();
  return { first, kinds };
}
