// Benchmark rows of the actor network panel (issue 19) from bench/vscode/network.ts's results.
// Shared by bench/run.mjs (the full bench) and bench/rows.mjs network (these rows alone).
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const TARGET = 3000;

function row(name, samples) {
  const median = med(samples.map((x) => x.totalMs));
  const worst = Math.max(...samples.map((x) => x.totalMs));
  const parts = ['loadMs', 'buildMs', 'postMs', 'layoutMs', 'pageMs'].map((k) => med(samples.map((x) => x[k])));
  const { nodes: n, edges: e, total } = samples[0];
  const size = total && (total.nodes > n || total.edges > e) ? `${n} of ${total.nodes} nodes, ${e} of ${total.edges} edges drawn` : `${n} nodes, ${e} edges`;
  const stmts = samples.find((x) => x.statements !== undefined);
  return {
    name,
    target: '< 3 s',
    value: `${s(median)} (slowest of ${samples.length} ${s(worst)}; host: statements ${s(parts[0])}, network ${s(parts[1])}, posting ${s(parts[2])}; page: layout ${s(parts[3])} of ${s(parts[4])}; ${size}${stmts ? `, ${stmts.statements} statements` : ''})`,
    pass: worst < TARGET,
  };
}

/** The rows, or undefined when the run measured nothing. */
export function networkRowsOf(network) {
  if (!network?.kinds) return undefined;
  const rows = [];
  const names = { 'talks-about': 'who talks about whom', 'actor-topic': 'actors × topics', agreement: 'agreement' };
  for (const [kind, r] of Object.entries(network.kinds)) {
    rows.push(row(`actor network "${names[kind] ?? kind}", 5,000-article workspace + detections: request → layout settled, annotations and detections read again (in VS Code)`, r.reload));
    rows.push(row(`actor network "${names[kind] ?? kind}", same, a filter changed (what was read kept) (in VS Code)`, r.filter));
  }
  const f = network.first;
  rows.push({ name: 'actor network, first drawing after "Show Actor Network": reads all 5,001 articles (alone: detects them too; in the full bench: detections cached) (in VS Code)', target: '< 60 s (as the tree by actor, cold)', value: `${s(f.totalMs)} (reading ${f.read} articles ${s(f.readMs)}, statements ${s(f.statementsMs)}; ${f.statements} statements)`, pass: f.totalMs < 60000 });
  return rows;
}
