/**
 * Where two coders differ on one article, and what accepting one side writes. Pure: no I/O.
 *
 * Annotations with the same label and span on both sides agree and are not listed. Of the rest,
 * overlapping pairs (largest overlap first, one to one) differ in label or in span; what is left
 * is only A's or only B's.
 */
import type { Annotation } from '../model';

export type DifferenceKind = 'onlyA' | 'onlyB' | 'labelDiffers' | 'spanDiffers';

export interface Difference {
  kind: DifferenceKind;
  a?: Annotation;
  b?: Annotation;
}

const overlap = (x: Annotation, y: Annotation) => Math.min(x.end, y.end) - Math.max(x.start, y.start);

/** The differences of two codings of one article (offsets anchored on the same text), sorted by position. */
export function differences(a: readonly Annotation[], b: readonly Annotation[]): Difference[] {
  const restA = new Set(a);
  const restB = new Set(b);
  const exact = new Map<string, Annotation[]>();
  for (const y of b) {
    const k = `${y.label}\u0000${y.start}\u0000${y.end}`;
    exact.set(k, [...(exact.get(k) ?? []), y]);
  }
  for (const x of a) {
    const same = exact.get(`${x.label}\u0000${x.start}\u0000${x.end}`);
    const y = same?.shift();
    if (y) {
      restA.delete(x);
      restB.delete(y);
    }
  }
  const pairs: [Annotation, Annotation, number][] = [];
  for (const x of restA) for (const y of restB) {
    const o = overlap(x, y);
    if (o > 0) pairs.push([x, y, o]);
  }
  // Largest overlap first; a same-label pair before a different-label one of the same overlap.
  pairs.sort((p, q) => q[2] - p[2] || Number(p[0].label !== p[1].label) - Number(q[0].label !== q[1].label));
  const out: Difference[] = [];
  for (const [x, y] of pairs) {
    if (!restA.has(x) || !restB.has(y)) continue;
    restA.delete(x);
    restB.delete(y);
    out.push({ kind: x.label !== y.label ? 'labelDiffers' : 'spanDiffers', a: x, b: y });
  }
  for (const x of restA) out.push({ kind: 'onlyA', a: x });
  for (const y of restB) out.push({ kind: 'onlyB', b: y });
  const at = (d: Difference) => (d.a ?? d.b)!;
  return out.sort((p, q) => at(p).start - at(q).start || at(p).end - at(q).end || (p.kind < q.kind ? -1 : 1));
}

export type Choice = 'a' | 'b' | 'both';

export type SidecarEdit = { remove: Annotation } | { add: Annotation };

/**
 * What accepting `choice` writes to the sidecar being resolved: the chosen side's annotations
 * end up in it, the other side's leave it. `inSidecar` tells which sides are already there
 * (comparing with another folder: only A's; comparing two authors of one sidecar: both).
 */
export function resolve(d: Difference, choice: Choice, inSidecar: { a: boolean; b: boolean }): SidecarEdit[] {
  const edits: SidecarEdit[] = [];
  for (const side of ['a', 'b'] as const) {
    const ann = d[side];
    if (!ann) continue;
    const keep = choice === 'both' || choice === side;
    if (keep && !inSidecar[side]) edits.push({ add: ann });
    if (!keep && inSidecar[side]) edits.push({ remove: ann });
  }
  return edits;
}

export const DIFFERENCE_TITLES: Record<DifferenceKind, string> = {
  onlyA: 'only A',
  onlyB: 'only B',
  labelDiffers: 'label differs',
  spanDiffers: 'span differs',
};
