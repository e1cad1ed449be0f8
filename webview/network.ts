/**
 * The network panel's script (runs in the webview, bundled to dist/networkView.js): draws the
 * network the extension sends with cytoscape, sends filter changes and clicks back. Every message
 * is validated (src/core/network/protocol.ts) before use.
 */
import cytoscape from 'cytoscape';
import { toPanel, viewStateOf, DEFAULT_VIEW_STATE, type FromPanel, type NetworkViewState, type ToPanel } from '../src/core/network/protocol';

declare function acquireVsCodeApi(): { postMessage(m: FromPanel): void; setState(s: unknown): void; getState(): unknown };
const vscode = acquireVsCodeApi();

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const css = (name: string, fallback: string) => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
const TYPE_COLOUR: Record<string, [string, string]> = {
  person: ['--vscode-articleAnnotator-personBorder', '#1f77b4'],
  organization: ['--vscode-articleAnnotator-organizationBorder', '#ff7f0e'],
  place: ['--vscode-articleAnnotator-placeBorder', '#2ca02c'],
  other: ['--vscode-descriptionForeground', '#888888'],
};
const STANCE_COLOUR: Record<string, [string, string]> = {
  agree: ['--vscode-charts-green', '#388a34'],
  disagree: ['--vscode-charts-red', '#d62728'],
  neutral: ['--vscode-charts-yellow', '#bf8803'],
};

let state: NetworkViewState = viewStateOf(vscode.getState()) ?? viewStateOf(JSON.parse(document.body.dataset.state ?? 'null')) ?? DEFAULT_VIEW_STATE;
// Large drawings stay quick to pan and zoom: edges hidden and a texture shown while moving.
const cy = cytoscape({ container: $('graph'), wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 4, hideEdgesOnViewport: true, textureOnViewport: true });

function fillSelect(sel: HTMLSelectElement, values: string[], any: string, chosen: string | undefined): void {
  sel.replaceChildren(new Option(any, ''), ...values.map((v) => new Option(v, v)));
  sel.value = chosen && values.includes(chosen) ? chosen : '';
}

function showControls(): void {
  $<HTMLSelectElement>('kind').value = state.kind;
  $<HTMLSelectElement>('normalisation').value = state.normalisation;
  $<HTMLSelectElement>('normalisation').disabled = state.kind !== 'agreement' && state.kind !== 'conflict';
  $<HTMLSelectElement>('scope').value = state.scope;
  $<HTMLInputElement>('from').value = state.filter.from ?? '';
  $<HTMLInputElement>('to').value = state.filter.to ?? '';
  $<HTMLInputElement>('detections').checked = !!state.filter.includeDetections;
}

function request(): void {
  const stance = $<HTMLSelectElement>('stance').value;
  const topic = $<HTMLSelectElement>('topic').value;
  const from = $<HTMLInputElement>('from').value;
  const to = $<HTMLInputElement>('to').value;
  state = {
    kind: $<HTMLSelectElement>('kind').value as NetworkViewState['kind'],
    normalisation: $<HTMLSelectElement>('normalisation').value as NetworkViewState['normalisation'],
    scope: $<HTMLSelectElement>('scope').value === 'current' ? 'current' : 'workspace',
    filter: { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(stance ? { stances: [stance] } : {}), ...(topic ? { topics: [topic] } : {}), includeDetections: $<HTMLInputElement>('detections').checked },
  };
  const checked = viewStateOf(state);
  if (!checked) return;
  vscode.setState(checked);
  vscode.postMessage({ type: 'request', state: checked });
}
for (const id of ['kind', 'normalisation', 'scope', 'from', 'to', 'stance', 'topic', 'detections']) $(id).addEventListener('change', request);

let drawnKind: string | undefined;

async function draw(m: Extract<ToPanel, { type: 'network' }>, receivedAt: number): Promise<void> {
  // Another network: the claims listed for an element of the one before no longer apply.
  if (drawnKind !== undefined && drawnKind !== m.state.kind) {
    const hint = document.createElement('p');
    hint.className = 'meta';
    hint.textContent = 'Click a node or an edge to list its claims.';
    $('side').replaceChildren(hint);
  }
  drawnKind = m.state.kind;
  state = m.state;
  vscode.setState(state);
  showControls();
  fillSelect($('stance'), m.options.stances, 'Any stance', state.filter.stances?.[0]);
  fillSelect($('topic'), m.options.topics, 'Any topic', state.filter.topics?.[0]);
  const n = m.network;
  const maxSize = Math.max(1, ...n.nodes.map((x) => x.size));
  const maxWeight = Math.max(1e-9, ...n.edges.map((e) => e.weight));
  const fg = css('--vscode-foreground', '#cccccc');
  const topicColour = css('--vscode-charts-purple', '#9467bd');
  cy.elements().remove();
  cy.add([
    ...n.nodes.map((x) => ({
      group: 'nodes' as const,
      data: { id: x.id, label: x.label, d: 18 + 42 * Math.sqrt(x.size / maxSize), colour: x.kind === 'topic' ? topicColour : css(...(TYPE_COLOUR[x.type ?? 'other'] ?? TYPE_COLOUR.other!)), shape: x.kind === 'topic' ? 'round-rectangle' : 'ellipse' },
    })),
    ...n.edges.map((e) => {
      const stances = Object.entries(e.stances ?? {}).sort((a, b) => b[1] - a[1]);
      const main = stances[0]?.[0];
      const colour = n.kind === 'conflict' ? css(...STANCE_COLOUR.disagree!) : n.kind === 'agreement' ? css(...STANCE_COLOUR.agree!) : main && STANCE_COLOUR[main] ? css(...STANCE_COLOUR[main]!) : css('--vscode-descriptionForeground', '#888888');
      return { group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, w: 1 + 7 * (e.weight / maxWeight), colour, arrow: e.directed ? 'triangle' : 'none', label: Number.isInteger(e.weight) ? String(e.weight) : e.weight.toFixed(2) } };
    }),
  ]);
  cy.style([
    { selector: 'node', style: { label: 'data(label)', width: 'data(d)', height: 'data(d)', 'background-color': 'data(colour)', shape: 'data(shape)' as never, color: fg, 'font-size': 11, 'min-zoomed-font-size': 6, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-outline-color': css('--vscode-editor-background', '#1e1e1e'), 'text-outline-width': 2 } },
    // Weight labels on a chip of the editor's background with a thin border: readable over the line in every theme.
    { selector: 'edge', style: { width: 'data(w)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'data(arrow)' as never, 'curve-style': 'bezier', opacity: 0.85, label: 'data(label)', 'font-size': 11, 'min-zoomed-font-size': 6, 'font-weight': 'bold', color: fg, 'text-background-color': css('--vscode-editor-background', '#1e1e1e'), 'text-background-opacity': 1, 'text-background-padding': '2px', 'text-background-shape': 'roundrectangle', 'text-border-color': css('--vscode-panel-border', '#808080'), 'text-border-width': 1, 'text-border-opacity': 1 } as never },
    { selector: ':selected', style: { 'border-width': 3, 'border-color': css('--vscode-focusBorder', '#007fd4'), 'line-color': css('--vscode-focusBorder', '#007fd4') } },
  ]);
  const l0 = performance.now();
  // From a cheap start (rings by weighted degree: the most connected in the middle), a force
  // layout; a large network cools faster, so that its layout settles in well under a second.
  cy.layout({ name: 'concentric', animate: false, fit: false, concentric: (x: cytoscape.NodeSingular) => x.degree(false), levelWidth: () => 2, minNodeSpacing: 20 } as cytoscape.LayoutOptions).run();
  const big = n.nodes.length > 60;
  const layout = cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 90, padding: 30, initialTemp: big ? 200 : 1000, coolingFactor: big ? 0.95 : 0.99 } as cytoscape.LayoutOptions);
  const settled = layout.promiseOn('layoutstop');
  layout.run();
  await settled;
  const layoutMs = performance.now() - l0;
  if (m.seq !== latest) return; // a newer network arrived meanwhile
  cy.fit(undefined, 30);
  const status = $('status');
  status.dataset.nodes = String(n.nodes.length);
  status.dataset.edges = String(n.edges.length);
  status.dataset.seq = String(m.seq);
  const cut = n.total.nodes > n.nodes.length || n.total.edges > n.edges.length;
  status.textContent = cut
    ? `${n.nodes.length} of ${n.total.nodes} nodes (the most connected), ${n.edges.length} of ${n.total.edges} edges, ${m.statements} statements: narrow with the filters to see the rest`
    : `${n.nodes.length} nodes, ${n.edges.length} edges, ${m.statements} statements`;
  status.dataset.totalNodes = String(n.total.nodes);
  status.dataset.totalEdges = String(n.total.edges);
  // Drawn: after the next frame has been painted.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  vscode.postMessage({ type: 'drawn', seq: m.seq, nodes: cy.nodes().length, edges: cy.edges().length, ms: performance.now() - receivedAt, layoutMs });
}
let latest = -1;

// For end-to-end tests: where each node and edge is drawn, in pixels of #graph. Read-only.
Object.defineProperty(window, 'articleAnnotatorNetwork', {
  value: Object.freeze({
    nodes: () => cy.nodes().map((x) => ({ id: x.id(), label: String(x.data('label')), ...x.renderedPosition() })),
    edges: () => cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id(), ...e.renderedMidpoint() })),
  }),
});

cy.on('tap', 'node, edge', (evt) => {
  vscode.postMessage({ type: 'select', element: (evt.target as cytoscape.SingularElementArgument).id() });
});

function listClaims(m: Extract<ToPanel, { type: 'claims' }>): void {
  const side = $('side');
  const h = document.createElement('h3');
  h.textContent = m.title;
  const count = document.createElement('p');
  count.className = 'meta';
  count.textContent = m.total > m.claims.length ? `The first ${m.claims.length} of ${m.total} claims` : `${m.total} claim${m.total === 1 ? '' : 's'}`;
  const ul = document.createElement('ul');
  ul.id = 'claims';
  for (const c of m.claims) {
    const li = document.createElement('li');
    li.dataset.statement = c.id;
    li.tabIndex = 0;
    const who = document.createElement('b');
    who.textContent = c.speaker;
    const quote = document.createElement('div');
    quote.textContent = `“${c.quote}”`;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = [c.article, c.date, c.stance, c.about.join(', ')].filter(Boolean).join(' · ');
    li.append(who, quote, meta);
    const open = () => vscode.postMessage({ type: 'open', statement: c.id });
    li.addEventListener('click', open);
    li.addEventListener('keydown', (e) => e.key === 'Enter' && open());
    ul.append(li);
  }
  side.replaceChildren(h, count, ul);
}

window.addEventListener('message', (e: MessageEvent) => {
  const m = toPanel(e.data);
  if (!m) return;
  if (m.type === 'network') {
    latest = m.seq;
    void draw(m, performance.now());
  }
  else listClaims(m);
});
showControls();
vscode.setState(state);
vscode.postMessage({ type: 'request', state });
