/**
 * The three discourse networks of issue 19, computed from statements. Pure: no VS Code, no I/O.
 *
 * - `talks-about` (directed, one-mode): speaker → each actor mentioned inside the speaker's
 *   claim; weight = number of statements.
 * - `actor-topic` (two-mode): actor — topic for each topic a statement of the actor is about;
 *   weight = number of statements, `stances` = those statements counted per stance (`none` for
 *   statements without one).
 * - `agreement` / `conflict` (undirected, one-mode, as DNA's congruence and conflict networks):
 *   let K(i) be the set of (topic, stance) pairs actor i states and T(i) the topics i takes a
 *   polar stance on (any stance but `neutral`). Then
 *     agreement raw weight  w(i,j) = |K(i) ∩ K(j)|   (same stance on the same topic)
 *     conflict  raw weight  w(i,j) = number of topics t on which i and j take different polar
 *                                    stances (t ∈ T(i) ∩ T(j) with stance(i,t) ≠ stance(j,t) for
 *                                    some pair; each topic counts once)
 *   with the normalisation chosen:
 *     none     w
 *     average  w / ((|S(i)| + |S(j)|) / 2)      (DNA's average activity)
 *     jaccard  w / |S(i) ∪ S(j)|                (DNA's Jaccard similarity)
 *   where S = K for agreement and S = T for conflict, so normalised weights lie in [0, 1].
 *   Repeated statements of the same (topic, stance) by one actor count once (DNA's duplicates
 *   ignored); statements without a stance or topic do not enter these two networks.
 *
 * Every edge keeps the ids of the statements behind it (for agreement/conflict: the statements of
 * both actors on the shared topics).
 */
import type { NetworkActor, Statement, StatementSet } from './statements';

export type NetworkKind = 'talks-about' | 'actor-topic' | 'agreement' | 'conflict';
export const NETWORK_KINDS: readonly NetworkKind[] = ['talks-about', 'actor-topic', 'agreement', 'conflict'];
export type Normalisation = 'none' | 'average' | 'jaccard';
export const NORMALISATIONS: readonly Normalisation[] = ['none', 'average', 'jaccard'];
/** The stance that takes no side: it never makes a conflict. */
export const NEUTRAL_STANCE = 'neutral';
/** The stance key of statements without one in `actor-topic` stance counts. */
export const NO_STANCE = 'none';

export interface NetworkFilter {
  /** Inclusive `YYYY-MM-DD` bounds; when either is set, statements without a date are left out. */
  from?: string;
  to?: string;
  labels?: readonly string[];
  stances?: readonly string[];
  /** Topics to keep; statements keep only these of their topics. */
  topics?: readonly string[];
  /** Article paths to keep. */
  articles?: readonly string[];
  /** Keep detected claims (default false: accepted annotations only). */
  includeDetections?: boolean;
}

export interface NetworkNode {
  id: string;
  label: string;
  kind: 'actor' | 'topic';
  /** Actor type (actors only). */
  type?: string;
  /** Actors: detected mentions (falls back to statement count when none); topics: statements. */
  size: number;
  /** Statements of this node in the network. */
  statements: string[];
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  directed: boolean;
  /** Weight after normalisation. */
  weight: number;
  /** Raw count before normalisation. */
  count: number;
  /** actor-topic: statements per stance. */
  stances?: Record<string, number>;
  statements: string[];
}

export interface Network {
  kind: NetworkKind;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

function inList(list: readonly string[] | undefined, value: string | undefined): boolean {
  return !list || (value !== undefined && list.includes(value));
}

/** The statements that pass the filter. */
export function filterStatements(statements: readonly Statement[], filter: NetworkFilter = {}): Statement[] {
  const kept = statements.filter((s) => {
    if (s.provenance === 'detected' && !filter.includeDetections) return false;
    if (filter.from || filter.to) {
      if (!s.date) return false;
      if (filter.from && s.date < filter.from) return false;
      if (filter.to && s.date > filter.to) return false;
    }
    if (!inList(filter.labels, s.label)) return false;
    if (filter.stances && !inList(filter.stances, s.stance ?? NO_STANCE)) return false;
    if (filter.topics && !s.about.some((t) => filter.topics!.includes(t))) return false;
    if (!inList(filter.articles, s.article)) return false;
    return true;
  });
  // A topic filter also narrows each statement's topics to the chosen ones.
  return filter.topics ? kept.map((s) => ({ ...s, about: s.about.filter((t) => filter.topics!.includes(t)) })) : kept;
}

function sorted<T extends { id: string }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

class NodeSet {
  readonly nodes = new Map<string, NetworkNode>();
  /** Each node's statements as a set while building (a workspace's actor has thousands). */
  private readonly seen = new Map<string, Set<string>>();
  constructor(private readonly actors: Map<string, NetworkActor>) {}
  private add(n: NetworkNode, statement: string): boolean {
    let seen = this.seen.get(n.id);
    if (!seen) this.seen.set(n.id, (seen = new Set()));
    if (seen.has(statement)) return false;
    seen.add(statement);
    n.statements.push(statement);
    return true;
  }
  actor(key: string, statement: string): void {
    let n = this.nodes.get(key);
    if (!n) {
      const a = this.actors.get(key);
      n = { id: key, label: a?.name ?? key, kind: 'actor', type: a?.type ?? 'other', size: a?.mentions ?? 0, statements: [] };
      this.nodes.set(key, n);
    }
    this.add(n, statement);
  }
  topic(name: string, statement: string): string {
    const id = `t:${name}`;
    let n = this.nodes.get(id);
    if (!n) {
      n = { id, label: name, kind: 'topic', size: 0, statements: [] };
      this.nodes.set(id, n);
    }
    if (this.add(n, statement)) n.size = n.statements.length;
    return id;
  }
  list(): NetworkNode[] {
    const out = sorted(this.nodes.values());
    for (const n of out) {
      n.statements.sort();
      if (n.kind === 'actor' && n.size === 0) n.size = n.statements.length;
    }
    return out;
  }
}

/** Edges by id, with the statements of each as a set while building. */
type EdgeMap = Map<string, { edge: NetworkEdge; seen: Set<string> }>;

function addTo(edges: EdgeMap, source: string, target: string, directed: boolean, statement: string): NetworkEdge {
  const id = `${source}${directed ? '>' : '~'}${target}`;
  let e = edges.get(id);
  if (!e) {
    e = { edge: { id, source, target, directed, weight: 0, count: 0, statements: [] }, seen: new Set() };
    edges.set(id, e);
  }
  if (!e.seen.has(statement)) {
    e.seen.add(statement);
    e.edge.statements.push(statement);
    e.edge.count++;
    e.edge.weight = e.edge.count;
  }
  return e.edge;
}

const edgeList = (edges: EdgeMap): NetworkEdge[] => sorted([...edges.values()].map((e) => e.edge));

function talksAbout(set: StatementSet, statements: readonly Statement[]): Network {
  const nodes = new NodeSet(set.actors);
  const edges: EdgeMap = new Map();
  for (const s of statements) {
    if (!s.mentioned.length) continue;
    nodes.actor(s.speaker, s.id);
    for (const m of s.mentioned) {
      nodes.actor(m, s.id);
      addTo(edges, s.speaker, m, true, s.id);
    }
  }
  return { kind: 'talks-about', nodes: nodes.list(), edges: edgeList(edges) };
}

function actorTopic(set: StatementSet, statements: readonly Statement[]): Network {
  const nodes = new NodeSet(set.actors);
  const edges: EdgeMap = new Map();
  for (const s of statements) {
    for (const t of s.about) {
      nodes.actor(s.speaker, s.id);
      const topic = nodes.topic(t, s.id);
      const e = addTo(edges, s.speaker, topic, false, s.id);
      const stance = s.stance ?? NO_STANCE;
      e.stances = { ...e.stances, [stance]: (e.stances?.[stance] ?? 0) + 1 };
    }
  }
  return { kind: 'actor-topic', nodes: nodes.list(), edges: edgeList(edges) };
}

interface Profile {
  /** `topic\0stance` → statement ids. */
  pairs: Map<string, string[]>;
  /** topic → polar stances → statement ids. */
  polar: Map<string, Map<string, string[]>>;
}

function profiles(statements: readonly Statement[]): Map<string, Profile> {
  const out = new Map<string, Profile>();
  for (const s of statements) {
    if (!s.stance || !s.about.length) continue;
    let p = out.get(s.speaker);
    if (!p) out.set(s.speaker, (p = { pairs: new Map(), polar: new Map() }));
    for (const t of s.about) {
      const k = `${t}\u0000${s.stance}`;
      const ids = p.pairs.get(k);
      if (ids) ids.push(s.id);
      else p.pairs.set(k, [s.id]);
      if (s.stance === NEUTRAL_STANCE) continue;
      const byStance = p.polar.get(t) ?? new Map<string, string[]>();
      const ids2 = byStance.get(s.stance);
      if (ids2) ids2.push(s.id);
      else byStance.set(s.stance, [s.id]);
      p.polar.set(t, byStance);
    }
  }
  return out;
}

/** w normalised with the sizes a, b of the two actors' sets and the size of their union. */
function normalise(w: number, a: number, b: number, union: number, how: Normalisation): number {
  if (how === 'average') return a + b ? w / ((a + b) / 2) : 0;
  if (how === 'jaccard') return union ? w / union : 0;
  return w;
}

/**
 * An edge whose statement list is worked out when first read: a workspace's agreement network can
 * have tens of thousands of edges with a hundred statements each, of which a drawing keeps a few
 * hundred. Read like a plain property (enumerable; computed once).
 */
function lazyEdge(edge: Omit<NetworkEdge, 'statements'>, statements: () => string[]): NetworkEdge {
  let cached: string[] | undefined;
  return Object.defineProperty(edge, 'statements', { enumerable: true, configurable: true, get: () => (cached ??= statements()) }) as NetworkEdge;
}

function agreementOrConflict(set: StatementSet, statements: readonly Statement[], kind: 'agreement' | 'conflict', how: Normalisation): Network {
  const prof = profiles(statements);
  const keys = [...prof.keys()].sort();
  const nodes = new NodeSet(set.actors);
  const edges: NetworkEdge[] = [];
  // A node's statements are its own on what it shares with someone (as the union over its edges).
  if (kind === 'agreement') {
    const holders = new Map<string, number>();
    for (const p of prof.values()) for (const k of p.pairs.keys()) holders.set(k, (holders.get(k) ?? 0) + 1);
    for (const i of keys) for (const [k, ids] of prof.get(i)!.pairs) if (holders.get(k)! > 1) for (const id of ids) nodes.actor(i, id);
  } else {
    const byTopic = new Map<string, { actors: number; stances: Map<string, number> }>();
    for (const p of prof.values()) {
      for (const [t, st] of p.polar) {
        let e = byTopic.get(t);
        if (!e) byTopic.set(t, (e = { actors: 0, stances: new Map() }));
        e.actors++;
        for (const x of st.keys()) e.stances.set(x, (e.stances.get(x) ?? 0) + 1);
      }
    }
    for (const i of keys) {
      for (const [t, st] of prof.get(i)!.polar) {
        const e = byTopic.get(t)!;
        const conflicts = st.size > 1 ? e.actors > 1 : [...e.stances.keys()].some((x) => !st.has(x));
        if (conflicts) for (const ids of st.values()) for (const id of ids) nodes.actor(i, id);
      }
    }
  }
  for (let x = 0; x < keys.length; x++) {
    for (let y = x + 1; y < keys.length; y++) {
      const [i, j] = [keys[x]!, keys[y]!];
      const [pi, pj] = [prof.get(i)!, prof.get(j)!];
      let w = 0;
      let a: number;
      let b: number;
      let union: number;
      let ids: () => string[];
      if (kind === 'agreement') {
        for (const k of pi.pairs.keys()) if (pj.pairs.has(k)) w++;
        [a, b] = [pi.pairs.size, pj.pairs.size];
        union = a + b - w;
        ids = () => {
          const out = new Set<string>();
          for (const [k, si] of pi.pairs) {
            const sj = pj.pairs.get(k);
            if (sj) for (const id of [...si, ...sj]) out.add(id);
          }
          return [...out].sort();
        };
      } else {
        let sharedTopics = 0;
        const differ = (ti: Map<string, string[]>, tj: Map<string, string[]>) => [...ti.keys()].some((s) => [...tj.keys()].some((u) => u !== s));
        for (const [t, ti] of pi.polar) {
          const tj = pj.polar.get(t);
          if (!tj) continue;
          sharedTopics++;
          if (differ(ti, tj)) w++;
        }
        [a, b] = [pi.polar.size, pj.polar.size];
        union = a + b - sharedTopics;
        ids = () => {
          const out = new Set<string>();
          for (const [t, ti] of pi.polar) {
            const tj = pj.polar.get(t);
            if (!tj || !differ(ti, tj)) continue;
            for (const id of [...[...ti.values()].flat(), ...[...tj.values()].flat()]) out.add(id);
          }
          return [...out].sort();
        };
      }
      if (!w) continue;
      edges.push(lazyEdge({ id: `${i}~${j}`, source: i, target: j, directed: false, weight: normalise(w, a, b, union, how), count: w }, ids));
    }
  }
  return { kind, nodes: nodes.list(), edges };
}

export interface NetworkRequest {
  kind: NetworkKind;
  filter?: NetworkFilter;
  /** agreement / conflict only (default `none`). */
  normalisation?: Normalisation;
}

/** One network of the statement set, after the filter. */
export function buildNetwork(set: StatementSet, request: NetworkRequest): Network {
  const statements = filterStatements(set.statements, request.filter);
  switch (request.kind) {
    case 'talks-about':
      return talksAbout(set, statements);
    case 'actor-topic':
      return actorTopic(set, statements);
    case 'agreement':
    case 'conflict':
      return agreementOrConflict(set, statements, request.kind, request.normalisation ?? 'none');
  }
}

/** A network cut down for drawing, with the size of the whole. */
export interface DrawnNetwork extends Network {
  /** Nodes and edges of the whole network (equal to the drawn ones when nothing was left out). */
  total: { nodes: number; edges: number };
}

/**
 * At most `maxNodes` nodes and `maxEdges` edges of `network`, for a drawing that stays readable
 * and settles quickly: the nodes with the largest weighted degree in this network (ties: larger
 * size, then id), then the heaviest edges among them (ties: id). Node and edge order as in the input.
 */
export function limitNetwork(network: Network, maxNodes: number, maxEdges: number): DrawnNetwork {
  const total = { nodes: network.nodes.length, edges: network.edges.length };
  if (total.nodes <= maxNodes && total.edges <= maxEdges) return { ...network, total };
  const degree = new Map<string, number>();
  for (const e of network.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + e.weight);
    degree.set(e.target, (degree.get(e.target) ?? 0) + e.weight);
  }
  const byRank = [...network.nodes].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keep = new Set(byRank.slice(0, maxNodes).map((n) => n.id));
  const among = network.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  const heaviest = new Set([...among].sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, maxEdges).map((e) => e.id));
  return { kind: network.kind, nodes: network.nodes.filter((n) => keep.has(n.id)), edges: among.filter((e) => heaviest.has(e.id)), total };
}
