/**
 * Actor network (GraphML), in the spirit of the Discourse Network Analyzer: actors merged across
 * articles are nodes; a directed edge speaker → actor is drawn for each claim of the speaker that
 * mentions the actor, weighted by the number of such claims, with the articles it comes from.
 */
import { mergeWorkspaceActors } from '../detect/workspace';
import type { Actor } from '../model';
import type { ExportArticle, ExportFile, ExportOptions } from './records';
import { recordsOf, xmlEscape } from './records';
import { buildNetwork } from '../network/networks';
import { statementsOf } from '../network/statements';

/** Stances that sign an edge: the first of `articleAnnotator.stances`' defaults is positive, the second negative. */
const POSITIVE = 'agree';
const NEGATIVE = 'disagree';

export function exportGraphml(articles: readonly ExportArticle[], options: ExportOptions): ExportFile[] {
  const perArticle = articles.map((a) => ({ article: a.path, actors: a.detections?.actors ?? ([] as Actor[]) }));
  const actors = mergeWorkspaceActors(perArticle);
  const byMember = new Map<string, (typeof actors)[number]>();
  for (const w of actors) for (const id of w.memberIds) byMember.set(id, w);
  const byName = new Map<string, (typeof actors)[number]>();
  for (const w of actors) for (const n of [w.name, ...w.aliases]) if (!byName.has(n)) byName.set(n, w);
  const nodeId = new Map(actors.map((w, i) => [w, `n${i}`]));
  const edges = new Map<string, { source: string; target: string; weight: number; articles: Set<string>; stances: Map<string, number> }>();
  // Claims: detected ones (with mentions inside them) and user claims with a speaker.
  const records = recordsOf(articles, { ...options, includeDetections: true }).filter((r) => r.label === 'claim' && r.speaker);
  const byPath = new Map(articles.map((a) => [a.path, a]));
  for (const r of records) {
    const speaker = byName.get(r.speaker!);
    if (!speaker) continue;
    const art = byPath.get(r.article);
    const mentioned = new Set<(typeof actors)[number]>();
    for (const a of art?.detections?.actors ?? []) {
      if (a.mentions.some((m) => m.start >= r.start && m.end <= r.end)) {
        const w = byMember.get(a.id);
        if (w && w !== speaker) mentioned.add(w);
      }
    }
    for (const target of mentioned) {
      const key = `${nodeId.get(speaker)}>${nodeId.get(target)}`;
      const e = edges.get(key) ?? { source: nodeId.get(speaker)!, target: nodeId.get(target)!, weight: 0, articles: new Set<string>(), stances: new Map<string, number>() };
      e.weight++;
      e.articles.add(r.article);
      const stance = r.stance?.trim();
      if (stance) e.stances.set(stance, (e.stances.get(stance) ?? 0) + 1);
      edges.set(key, e);
    }
  }
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>',
    '  <key id="aliases" for="node" attr.name="aliases" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="articles" for="edge" attr.name="articles" attr.type="string"/>',
    '  <key id="stances" for="edge" attr.name="stances" attr.type="string"/>',
    '  <key id="sign" for="edge" attr.name="sign" attr.type="int"/>',
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    '  <graph id="actors" edgedefault="directed">',
  ];
  for (const w of actors) {
    out.push(`    <node id="${nodeId.get(w)}"><data key="label">${xmlEscape(w.name)}</data><data key="type">${w.type}</data><data key="mentions">${w.mentionCount}</data><data key="aliases">${xmlEscape(w.aliases.join('; '))}</data></node>`);
  }
  let i = 0;
  for (const e of [...edges.values()].sort((a, b) => (a.source + a.target < b.source + b.target ? -1 : 1))) {
    const counts = [...e.stances].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sign = Math.sign((e.stances.get(POSITIVE) ?? 0) - (e.stances.get(NEGATIVE) ?? 0));
    const stanceData = counts.length ? `<data key="stances">${xmlEscape(counts.map(([k, n]) => `${k}=${n}`).join('; '))}</data><data key="sign">${sign}</data>` : '';
    out.push(`    <edge id="e${i++}" source="${e.source}" target="${e.target}"><data key="weight">${e.weight}</data><data key="articles">${xmlEscape([...e.articles].sort().join('; '))}</data>${stanceData}</edge>`);
  }
  out.push('  </graph>');
  // The agreement network (DNA's congruence, sign +1) and its conflict edges (sign -1), undirected.
  const set = statementsOf(articles, { includeDetections: !!options.includeDetections });
  const signed = [...buildNetwork(set, { kind: 'agreement', filter: { includeDetections: !!options.includeDetections } }).edges.map((e) => ({ e, sign: 1, relation: 'agreement' })), ...buildNetwork(set, { kind: 'conflict', filter: { includeDetections: !!options.includeDetections } }).edges.map((e) => ({ e, sign: -1, relation: 'conflict' }))];
  out.push('  <graph id="agreement" edgedefault="undirected">');
  const inAgreement = [...new Set(signed.flatMap(({ e }) => [e.source, e.target]))].sort();
  const agreementId = new Map(inAgreement.map((k, j) => [k, `g${j}`]));
  for (const k of inAgreement) {
    const a = set.actors.get(k);
    out.push(`    <node id="${agreementId.get(k)}"><data key="label">${xmlEscape(a?.name ?? k)}</data><data key="type">${a?.type ?? 'other'}</data><data key="mentions">${a?.mentions ?? 0}</data></node>`);
  }
  let j = 0;
  for (const { e, sign, relation } of signed) {
    out.push(`    <edge id="g-e${j++}" source="${agreementId.get(e.source)}" target="${agreementId.get(e.target)}"><data key="weight">${e.weight}</data><data key="sign">${sign}</data><data key="relation">${relation}</data></edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return [{ path: 'actors.graphml', data: out.join('\n') }];
}
