/**
 * Messages between the network panel (webview) and the extension, with validators for both
 * directions: anything that does not match is dropped. Pure: no VS Code.
 */
import { NETWORK_KINDS, NORMALISATIONS, type DrawnNetwork, type NetworkEdge, type NetworkFilter, type NetworkKind, type NetworkNode, type Normalisation } from './networks';

/** What the panel asks for; also the state saved for restoring the panel after a reload. */
export interface NetworkViewState {
  kind: NetworkKind;
  normalisation: Normalisation;
  filter: NetworkFilter;
  /** `workspace`, or `current` (the article of the active editor). */
  scope: 'workspace' | 'current';
}

export const DEFAULT_VIEW_STATE: NetworkViewState = { kind: 'talks-about', normalisation: 'none', filter: {}, scope: 'workspace' };

/** A claim listed when a node or edge is clicked. */
export interface ClaimItem {
  id: string;
  speaker: string;
  quote: string;
  article: string;
  date?: string;
  stance?: string;
  about: string[];
}

/** Nodes and edges as the panel gets them: the number of their statements, not the statements. */
export type PanelNode = Omit<NetworkNode, 'statements'> & { claims: number };
export type PanelEdge = Omit<NetworkEdge, 'statements'> & { claims: number };
export interface PanelNetwork {
  kind: NetworkKind;
  nodes: PanelNode[];
  edges: PanelEdge[];
  /** Size of the whole network, of which the panel draws `nodes` and `edges`. */
  total: { nodes: number; edges: number };
}

/** The network to post to the panel (the statements stay in the extension; a click names the element). */
export function panelNetwork(n: DrawnNetwork): PanelNetwork {
  return {
    kind: n.kind,
    nodes: n.nodes.map(({ statements, ...rest }) => ({ ...rest, claims: statements.length })),
    edges: n.edges.map(({ statements, ...rest }) => ({ ...rest, claims: statements.length })),
    total: n.total,
  };
}

export type ToPanel =
  /** `seq` numbers the networks sent; the panel's `drawn` answer repeats it. */
  | { type: 'network'; seq: number; state: NetworkViewState; network: PanelNetwork; options: { labels: string[]; stances: string[]; topics: string[] }; statements: number }
  /** The claims behind a node or edge: the first of `total`. */
  | { type: 'claims'; title: string; claims: ClaimItem[]; total: number };

export type FromPanel =
  | { type: 'ready' }
  | { type: 'request'; state: NetworkViewState }
  /** A click on a node or an edge (its id) of the network drawn. */
  | { type: 'select'; element: string }
  | { type: 'open'; statement: string }
  /**
   * Sent once the drawing's layout has settled: what the canvas shows, for network `seq`, and how
   * long the panel took from receiving it to settling (`ms`, of which `layoutMs` the layout).
   */
  | { type: 'drawn'; seq: number; nodes: number; edges: number; ms: number; layoutMs: number };

const isStr = (v: unknown): v is string => typeof v === 'string';
const isDate = (v: unknown): v is string => isStr(v) && /^\d{4}-\d{2}-\d{2}$/.test(v);
const strList = (v: unknown, max = 10_000): v is string[] => Array.isArray(v) && v.length <= max && v.every(isStr);

function filterOf(v: unknown): NetworkFilter | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const out: NetworkFilter = {};
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (x === undefined) continue;
    if (k === 'from' || k === 'to') {
      if (x === '') continue;
      if (!isDate(x)) return undefined;
      out[k] = x;
    } else if (k === 'labels' || k === 'stances' || k === 'topics' || k === 'articles') {
      if (!strList(x)) return undefined;
      out[k] = x;
    } else if (k === 'includeDetections') {
      if (typeof x !== 'boolean') return undefined;
      out.includeDetections = x;
    } else return undefined;
  }
  return out;
}

/** The view state in `v`, or undefined when it is not one (also for restored panel state). */
export function viewStateOf(v: unknown): NetworkViewState | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (!(NETWORK_KINDS as readonly unknown[]).includes(o.kind)) return undefined;
  if (!(NORMALISATIONS as readonly unknown[]).includes(o.normalisation)) return undefined;
  if (o.scope !== 'workspace' && o.scope !== 'current') return undefined;
  const filter = filterOf(o.filter ?? {});
  if (!filter) return undefined;
  return { kind: o.kind as NetworkKind, normalisation: o.normalisation as Normalisation, scope: o.scope, filter };
}

/** A message from the panel, validated; undefined for anything else. */
export function fromPanel(v: unknown): FromPanel | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  switch (o.type) {
    case 'ready':
      return { type: 'ready' };
    case 'request': {
      const state = viewStateOf(o.state);
      return state ? { type: 'request', state } : undefined;
    }
    case 'select':
      return isStr(o.element) && o.element.length <= 2000 ? { type: 'select', element: o.element } : undefined;
    case 'open':
      return isStr(o.statement) ? { type: 'open', statement: o.statement } : undefined;
    case 'drawn': {
      const count = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
      const time = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
      if (!count(o.seq) || !count(o.nodes) || !count(o.edges) || !time(o.ms) || !time(o.layoutMs)) return undefined;
      return { type: 'drawn', seq: o.seq as number, nodes: o.nodes as number, edges: o.edges as number, ms: o.ms as number, layoutMs: o.layoutMs as number };
    }
    default:
      return undefined;
  }
}

/** A message from the extension, checked in the panel before use. */
export function toPanel(v: unknown): ToPanel | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (o.type === 'network') {
    const n = o.network as PanelNetwork | undefined;
    const state = viewStateOf(o.state);
    if (!state || !n || !Array.isArray(n.nodes) || !Array.isArray(n.edges) || typeof o.statements !== 'number' || !Number.isInteger(o.seq)) return undefined;
    if (!n.total || !Number.isInteger(n.total.nodes) || !Number.isInteger(n.total.edges)) return undefined;
    const opts = o.options as Record<string, unknown> | undefined;
    if (!opts || !strList(opts.labels) || !strList(opts.stances) || !strList(opts.topics)) return undefined;
    if (!n.nodes.every((x) => x && isStr(x.id) && isStr(x.label) && typeof x.size === 'number' && Number.isInteger(x.claims))) return undefined;
    if (!n.edges.every((e) => e && isStr(e.id) && isStr(e.source) && isStr(e.target) && typeof e.weight === 'number' && Number.isInteger(e.claims))) return undefined;
    return o as unknown as ToPanel;
  }
  if (o.type === 'claims') {
    if (!isStr(o.title) || !Array.isArray(o.claims) || !Number.isInteger(o.total)) return undefined;
    if (!o.claims.every((c: unknown) => c && typeof c === 'object' && isStr((c as ClaimItem).id) && isStr((c as ClaimItem).quote) && isStr((c as ClaimItem).article) && isStr((c as ClaimItem).speaker))) return undefined;
    return o as unknown as ToPanel;
  }
  return undefined;
}
