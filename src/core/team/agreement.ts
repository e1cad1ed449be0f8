/**
 * Agreement between two coders over the same articles. Pure: no I/O.
 *
 * The articles are laid end to end into one continuum (offsets in code points). Per label:
 *   - Cohen's κ over code points: each code point is coded with the label or not, by each coder;
 *   - Krippendorff's unitized α (αᵤ) for the category (Krippendorff 2004, "Measuring the
 *     reliability of qualitative text analysis data", Quality & Quantity 38): each coder's
 *     continuum is cut into units (spans with the label, overlapping ones of one coder joined) and
 *     gaps; α = 1 − Do/De;
 *   - span F1 with exact boundaries (same start and end) and with overlapping boundaries (spans
 *     paired one to one, largest overlaps first); counts: only A, only B, both (overlap pairs).
 * Overall: κ and αᵤ pooled over labels (each label's continuum appended to the others), F1 and
 * counts summed over labels. A measure that is undefined (nobody coded anything) is null.
 */

export interface CoderSpan {
  start: number;
  end: number;
  label: string;
}

export interface AgreementArticle {
  /** Length of the article in code points. */
  length: number;
  a: readonly CoderSpan[];
  b: readonly CoderSpan[];
}

export interface AgreementRow {
  kappa: number | null;
  alphaU: number | null;
  f1Exact: number | null;
  f1Overlap: number | null;
  onlyA: number;
  onlyB: number;
  both: number;
}

export interface AgreementReport {
  labels: Record<string, AgreementRow>;
  overall: AgreementRow;
}

type Range = readonly [number, number];

/** Sorted, with overlapping or touching ranges joined (a coder's units of one category never overlap). */
function union(ranges: Range[]): Range[] {
  const sorted = [...ranges].filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function coveredLength(r: Range[]): number {
  return r.reduce((n, [s, e]) => n + e - s, 0);
}

function intersectionLength(a: Range[], b: Range[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]![0], b[j]![0]);
    const e = Math.min(a[i]![1], b[j]![1]);
    if (e > s) n += e - s;
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return n;
}

/** Cohen's κ for two binary codings of `total` items, from the covered ranges. */
export function cohensKappa(a: Range[], b: Range[], total: number): number | null {
  if (total <= 0) return null;
  const na = coveredLength(a);
  const nb = coveredLength(b);
  const both = intersectionLength(a, b);
  const agree = total - na - nb + 2 * both; // both coded + both not coded
  const po = agree / total;
  const pa = na / total;
  const pb = nb / total;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  return pe === 1 ? null : (po - pe) / (1 - pe);
}

interface Section {
  begin: number;
  length: number;
  unit: boolean;
}

function sectionsOf(units: Range[], start: number, end: number): Section[] {
  const out: Section[] = [];
  let at = start;
  for (const [s, e] of units) {
    if (s > at) out.push({ begin: at, length: s - at, unit: false });
    out.push({ begin: s, length: e - s, unit: true });
    at = e;
  }
  if (at < end) out.push({ begin: at, length: end - at, unit: false });
  return out;
}

/** Krippendorff's αᵤ of one category for coders' unions of units on [start, end). */
export function unitizedAlpha(coders: Range[][], start: number, end: number): { alpha: number | null; observed: number; expected: number } {
  const L = end - start;
  const m = coders.length;
  const sections = coders.map((u) => sectionsOf(u, start, end));
  let observed = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      // Sections of both coders in order: only sections that overlap can contribute.
      const si = sections[i]!;
      const sj = sections[j]!;
      let h0 = 0;
      for (const g of si) {
        while (h0 < sj.length && sj[h0]!.begin + sj[h0]!.length <= g.begin) h0++;
        for (let h = h0; h < sj.length && sj[h]!.begin < g.begin + g.length; h++) {
          const o = sj[h]!;
          const d = g.begin - o.begin;
          if (g.unit && o.unit) observed += d * d + (g.begin + g.length - o.begin - o.length) ** 2;
          else if (g.unit && !o.unit && d >= 0 && o.length - g.length >= d) observed += g.length ** 2;
          else if (!g.unit && o.unit && -d >= 0 && g.length - o.length >= -d) observed += o.length ** 2;
        }
      }
    }
  }
  observed /= m * (m - 1) * L * L;
  const units: number[] = [];
  const gaps: number[] = [];
  for (const s of sections) for (const x of s) (x.unit ? units : gaps).push(x.length);
  gaps.sort((x, y) => x - y);
  // Suffix sums of the sorted gap lengths: Σ over gaps ≥ l of (g − l + 1) in O(log n) per unit.
  const suffix = new Array<number>(gaps.length + 1).fill(0);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + gaps[k]!;
  const firstAtLeast = (l: number) => {
    let lo = 0;
    let hi = gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gaps[mid]! < l) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const nc = units.length;
  let num = 0;
  let lossOfPairs = 0;
  for (const l of units) {
    const k = firstAtLeast(l);
    const count = gaps.length - k;
    num += ((nc - 1) / 3) * (2 * l ** 3 - 3 * l ** 2 + l) + l * l * (suffix[k]! - count * (l - 1));
    lossOfPairs += l * (l - 1);
  }
  num *= 2 / L;
  const den = m * L * (m * L - 1) - lossOfPairs;
  const expected = den > 0 ? num / den : 0;
  return { alpha: expected > 0 ? 1 - observed / expected : null, observed, expected };
}

interface Counts {
  exact: number;
  overlap: number;
  a: number;
  b: number;
}

/** Exact matches and one-to-one overlap pairs (largest overlap first) between two span lists. */
function matchSpans(a: Range[], b: Range[]): Counts {
  const key = (r: Range) => `${r[0]}:${r[1]}`;
  const bKeys = new Map<string, number>();
  for (const r of b) bKeys.set(key(r), (bKeys.get(key(r)) ?? 0) + 1);
  let exact = 0;
  for (const r of a) {
    const n = bKeys.get(key(r)) ?? 0;
    if (n > 0) {
      exact++;
      bKeys.set(key(r), n - 1);
    }
  }
  const pairs: [number, number, number][] = [];
  const bs = [...b].map((r, i) => [r, i] as const).sort((x, y) => x[0][0] - y[0][0]);
  a.forEach((ra, i) => {
    for (const [rb, j] of bs) {
      if (rb[0] >= ra[1]) break;
      const o = Math.min(ra[1], rb[1]) - Math.max(ra[0], rb[0]);
      if (o > 0) pairs.push([o, i, j]);
    }
  });
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  for (const [, i, j] of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
  }
  return { exact, overlap: usedA.size, a: a.length, b: b.length };
}

function f1(matched: number, a: number, b: number): number | null {
  return a + b === 0 ? null : (2 * matched) / (a + b);
}

/** The report for two coders over the articles; `only` restricts it to one label. */
export function agreement(articles: readonly AgreementArticle[], only?: string): AgreementReport {
  const labels = new Set<string>();
  for (const art of articles) for (const s of [...art.a, ...art.b]) labels.add(s.label);
  const names = [...labels].filter((l) => only === undefined || l === only).sort();
  const total = articles.reduce((n, a) => n + a.length, 0);
  const report: AgreementReport = { labels: {}, overall: { kappa: null, alphaU: null, f1Exact: null, f1Overlap: null, onlyA: 0, onlyB: 0, both: 0 } };
  const pooledA: [number, number][] = [];
  const pooledB: [number, number][] = [];
  const sum: Counts = { exact: 0, overlap: 0, a: 0, b: 0 };
  names.forEach((label, li) => {
    const ua: Range[] = [];
    const ub: Range[] = [];
    const counts: Counts = { exact: 0, overlap: 0, a: 0, b: 0 };
    let offset = 0;
    for (const art of articles) {
      const clamp = (s: CoderSpan): Range => [offset + Math.max(0, Math.min(s.start, art.length)), offset + Math.max(0, Math.min(s.end, art.length))];
      const sa = art.a.filter((s) => s.label === label).map(clamp);
      const sb = art.b.filter((s) => s.label === label).map(clamp);
      ua.push(...sa);
      ub.push(...sb);
      const c = matchSpans(sa, sb);
      counts.exact += c.exact;
      counts.overlap += c.overlap;
      counts.a += c.a;
      counts.b += c.b;
      offset += art.length;
    }
    const ja = union(ua);
    const jb = union(ub);
    const alpha = unitizedAlpha([ja, jb], 0, total);
    report.labels[label] = {
      kappa: cohensKappa(ja, jb, total),
      alphaU: alpha.alpha,
      f1Exact: f1(counts.exact, counts.a, counts.b),
      f1Overlap: f1(counts.overlap, counts.a, counts.b),
      onlyA: counts.a - counts.overlap,
      onlyB: counts.b - counts.overlap,
      both: counts.overlap,
    };
    for (const [s, e] of ja) pooledA.push([s + li * total, e + li * total]);
    for (const [s, e] of jb) pooledB.push([s + li * total, e + li * total]);
    sum.exact += counts.exact;
    sum.overlap += counts.overlap;
    sum.a += counts.a;
    sum.b += counts.b;
  });
  if (names.length) {
    const whole = names.length * total;
    report.overall = {
      kappa: cohensKappa(pooledA, pooledB, whole),
      alphaU: unitizedAlpha([pooledA, pooledB], 0, whole).alpha,
      f1Exact: f1(sum.exact, sum.a, sum.b),
      f1Overlap: f1(sum.overlap, sum.a, sum.b),
      onlyA: sum.a - sum.overlap,
      onlyB: sum.b - sum.overlap,
      both: sum.overlap,
    };
  }
  return report;
}
