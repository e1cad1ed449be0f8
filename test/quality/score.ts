/**
 * Scores detection against gold annotations written by reading the articles
 * (`test/fixtures/GOLD-FORMAT.md`). Independent of the detector's own word lists: it only
 * compares surface forms and spans.
 *
 * Actors: a detected actor is matched to the gold actor that most of its mentions name. Recall:
 * gold actors matched by some detected actor of the same type. Precision: detected actors
 * matched to a gold actor of the same type, over all detected actors except those whose mentions
 * are only gold `others` (named things that are not actors: neither right nor wrong).
 *
 * Claims: a detected claim matches a gold claim when their spans overlap by at least half of
 * the longer of the two (one-to-one, best overlap first). Speaker accuracy counts matched claims
 * whose speaker is the gold speaker (or one of its `also`), over all gold claims.
 *
 * The published way of counting (quotation attribution papers) is also kept: claims matched at
 * 30 % and at 80 % span overlap (of the longer span, one-to-one), giving precision, recall and F1
 * at each, and speaker accuracy over the claims matched at that overlap only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ACTOR_RULES } from '../../src/core/detect/actors';
import { CLAIM_RULES } from '../../src/core/detect/claims';
import type { ActorType, Detection } from '../../src/core/model';

export interface GoldActor {
  name: string;
  type: Exclude<ActorType, 'other'>;
  forms: string[];
}

export interface GoldClaim {
  text: string;
  speaker: string | null;
  also?: string[];
  kind: 'direct' | 'indirect';
  cue?: string;
  occurrence?: number;
}

export interface GoldArticle {
  file: string;
  actors: GoldActor[];
  others?: string[];
  claims: GoldClaim[];
}

export interface Counts {
  goldActors: number;
  actorsFound: number;
  actorsFoundAnyType: number;
  detectedActors: number;
  detectedCorrect: number;
  goldClaims: number;
  detectedClaims: number;
  claimsMatched: number;
  speakerCorrect: number;
  /** Claims matched at 30 % span overlap, and those of them with the right speaker. */
  claimsMatched30: number;
  speakerCorrect30: number;
  /** Claims matched at 80 % span overlap, and those of them with the right speaker. */
  claimsMatched80: number;
  speakerCorrect80: number;
}

export interface ArticleScore extends Counts {
  file: string;
  /** Gold actors not found with the right type, with what was found instead. */
  missedActors: string[];
  /** Detected actors that are not a gold actor of their type. */
  wrongActors: string[];
  missedClaims: string[];
  wrongSpeakers: string[];
  /** Detected claims matching no gold claim, each with the name of the rule that found it. */
  falseClaims: RuleCase[];
  /** Gold claims not found, each with the gold cue (a miss has no detector rule). */
  missedByCue: RuleCase[];
  /** Matched claims given a wrong speaker, with the rule that found them. */
  wrongSpeakersByRule: RuleCase[];
  /** Detected actors that are not a gold actor of their type, each with the rule that typed it. */
  wrongActorsByRule: RuleCase[];
  /** Gold actors not found with the right type: "not found", or the rule that typed it otherwise. */
  missedActorsByRule: RuleCase[];
}

export interface RuleCase {
  rule: string;
  text: string;
}

/** The name of the rule that found a detected claim. */
export function ruleName(rule: number | undefined): string {
  return rule === undefined ? '(no rule)' : (CLAIM_RULES[rule] ?? `rule ${rule}`);
}

/** The name of the rule that typed a detected actor. */
export function actorRuleName(rule: number | undefined): string {
  return rule === undefined ? '(no rule)' : (ACTOR_RULES[rule] ?? `rule ${rule}`);
}

/** A gold cue's reporting word, for grouping: "He also announced" → "announced", "according to NEOC data" → "according to". */
export function cueWord(cue: string | undefined): string {
  if (!cue) return '?';
  const c = cue.toLowerCase();
  if (c.includes('according to')) return 'according to';
  const verb = /\b(?!(?:has|was|is|were|have|its|this|us|as)\b)(\w+(?:ed|ing|s)|said|says|told|wrote|found|read|reads|called|call|believe|suggest|estimate)\b/.exec(c);
  return verb ? verb[1]! : c.split(/\s+/)[0]!;
}

/** Counts cases per rule, most first. */
export function byRule(cases: readonly RuleCase[]): [string, RuleCase[]][] {
  const m = new Map<string, RuleCase[]>();
  for (const c of cases) {
    const l = m.get(c.rule);
    if (l) l.push(c);
    else m.set(c.rule, [c]);
  }
  return [...m].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
}

export interface Rates {
  actorRecall: number;
  actorPrecision: number;
  claimRecall: number;
  claimPrecision: number;
  speakerAccuracy: number;
}

export function loadGold(file: string): GoldArticle[] {
  const doc = parse(fs.readFileSync(file, 'utf8')) as { articles: GoldArticle[] };
  // YAML reads a bare 24 or true as a number or boolean: every form and text is a string here.
  return doc.articles.map((a) => ({
    ...a,
    actors: a.actors.map((g) => ({ ...g, name: String(g.name), forms: g.forms.map(String) })),
    others: a.others?.map(String),
    claims: a.claims.map((c) => ({ ...c, text: String(c.text), speaker: c.speaker === null ? null : String(c.speaker) })),
  }));
}

/** Folds a surface form for comparison: special spaces, curly apostrophes, possessive, case, a leading "the". */
export function foldForm(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\s]+/g, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .trim()
    .replace(/'s?$/, '')
    .replace(/^the /i, '')
    .toLowerCase();
}

/** Words a mention may carry before a name without being wrong ("Prime Minister Imran Khan" for "Imran Khan"). */
const TITLE_LIKE = /^(?:(?:former|acting|deputy|vice|chief|senior|foreign|prime|interior|defence|defense|finance|state|general|secretary|minister|president|ambassador|spokesperson|spokesman|spokeswoman|envoy|special|representative|mr|mrs|ms|dr|gen|lt|col|sen|rep|gov|governor|senator|king|queen|prince|sheikh|judge|justice|commander|director|chairman|chairwoman|chair|head|leader|mayor|premier|chancellor|army|chief|of|the|un|us|eu|u\.s\.|-)\s*)+$/i;

function mentionNames(mention: string, form: string): boolean {
  const m = foldForm(mention);
  const f = foldForm(form);
  if (m === f) return true;
  if (m.endsWith(' ' + f)) return TITLE_LIKE.test(m.slice(0, m.length - f.length).trim());
  return false;
}

function goldActorOf(mentions: string[], gold: GoldActor[]): GoldActor | undefined {
  let best: GoldActor | undefined;
  let bestCount = 0;
  for (const g of gold) {
    const n = mentions.filter((m) => g.forms.some((f) => mentionNames(m, f))).length;
    if (n > bestCount) {
      best = g;
      bestCount = n;
    }
  }
  return best;
}

/** Offsets (UTF-16) of a gold claim in the article text. */
export function locate(text: string, claim: GoldClaim): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k < (claim.occurrence ?? 1); k++) {
    at = text.indexOf(claim.text, at + 1);
    if (at < 0) throw new Error(`gold claim not found in the article: ${claim.text.slice(0, 60)}`);
  }
  return { start: at, end: at + claim.text.length };
}

export function scoreArticle(text: string, det: Detection, gold: GoldArticle): ArticleScore {
  const others = (gold.others ?? []).map(foldForm);
  const byDetected = new Map<string, GoldActor | undefined>();
  const found = new Map<GoldActor, boolean>();
  const wrongActors: string[] = [];
  const wrongActorsByRule: RuleCase[] = [];
  /** The rule of the detected actor that named a gold actor with another type (the first one). */
  const otherTypeRule = new Map<GoldActor, number | undefined>();
  let detectedActors = 0;
  let detectedCorrect = 0;
  for (const a of det.actors) {
    const texts = a.mentions.map((m) => m.text);
    const g = goldActorOf(texts.length ? texts : [a.name], gold.actors);
    byDetected.set(a.name, g);
    if (!g && texts.every((t) => others.includes(foldForm(t)))) continue;
    detectedActors++;
    if (g && g.type === a.type) {
      detectedCorrect++;
      found.set(g, true);
    } else {
      if (g && !found.has(g)) found.set(g, false);
      if (g && !otherTypeRule.has(g)) otherTypeRule.set(g, a.rule);
      wrongActors.push(`${a.name} (${a.type}${g ? `; gold: ${g.name}, ${g.type}` : ''})`);
      wrongActorsByRule.push({ rule: actorRuleName(a.rule), text: wrongActors[wrongActors.length - 1]! });
    }
  }
  const missedGold = gold.actors.filter((g) => found.get(g) !== true);
  const missedActors = missedGold.map((g) => `${g.name} (${g.type}${found.get(g) === false ? ', found with another type' : ''})`);
  const missedActorsByRule = missedGold.map((g, i): RuleCase => ({ rule: found.get(g) === false ? `typed otherwise by: ${actorRuleName(otherTypeRule.get(g))}` : 'not found', text: missedActors[i]! }));

  // Claims: best-overlap one-to-one matching, at the scorer's 50 % and the published 30 % / 80 %.
  const goldSpans = gold.claims.map((c) => ({ claim: c, ...locate(text, c) }));
  const goldTaken = matchClaims(goldSpans, det.claims, 0.5);
  const speakerOf = (gi: number, di: number): { right: boolean; got: string | null } => {
    const g = goldSpans[gi]!;
    const d = det.claims[di]!;
    const want = [g.claim.speaker, ...(g.claim.also ?? [])];
    let got: string | null = null;
    if (d.speaker !== null) {
      const direct = gold.actors.find((a) => a.name === d.speaker || a.forms.some((f) => mentionNames(d.speaker!, f)));
      got = (direct ?? byDetected.get(d.speaker))?.name ?? `?${d.speaker}`;
    }
    return { right: want.includes(got), got };
  };
  const missedClaims: string[] = [];
  const missedByCue: RuleCase[] = [];
  const wrongSpeakers: string[] = [];
  const wrongSpeakersByRule: RuleCase[] = [];
  let speakerCorrect = 0;
  goldSpans.forEach((g, gi) => {
    const di = goldTaken.get(gi);
    if (di === undefined) {
      missedClaims.push(g.claim.text.slice(0, 70));
      missedByCue.push({ rule: `cue: ${cueWord(g.claim.cue)}`, text: `${g.claim.text.slice(0, 70)} (cue: ${g.claim.cue ?? '?'})` });
      return;
    }
    const { right, got } = speakerOf(gi, di);
    if (right) speakerCorrect++;
    else {
      wrongSpeakers.push(`${g.claim.text.slice(0, 50)}… → ${got ?? 'null'} (gold: ${g.claim.speaker ?? 'null'})`);
      wrongSpeakersByRule.push({ rule: ruleName(det.claims[di]!.rule), text: wrongSpeakers[wrongSpeakers.length - 1]! });
    }
  });
  const matchedDetections = new Set(goldTaken.values());
  const falseClaims = det.claims.flatMap((d, di) => (matchedDetections.has(di) ? [] : [{ rule: ruleName(d.rule), text: d.text.slice(0, 70) }]));
  const rightAmong = (m: Map<number, number>): number => [...m].filter(([gi, di]) => speakerOf(gi, di).right).length;
  const taken30 = matchClaims(goldSpans, det.claims, 0.3);
  const taken80 = matchClaims(goldSpans, det.claims, 0.8);

  return {
    file: gold.file,
    goldActors: gold.actors.length,
    actorsFound: [...found.values()].filter(Boolean).length,
    actorsFoundAnyType: found.size,
    detectedActors,
    detectedCorrect,
    goldClaims: gold.claims.length,
    detectedClaims: det.claims.length,
    claimsMatched: goldTaken.size,
    speakerCorrect,
    claimsMatched30: taken30.size,
    speakerCorrect30: rightAmong(taken30),
    claimsMatched80: taken80.size,
    speakerCorrect80: rightAmong(taken80),
    missedActors,
    wrongActors,
    missedClaims,
    wrongSpeakers,
    falseClaims,
    missedByCue,
    wrongSpeakersByRule,
    wrongActorsByRule,
    missedActorsByRule,
  };
}

/**
 * Pairs gold and detected claims one-to-one, best overlap first, where the overlap is at least
 * `threshold` of the longer of the two spans. Returns gold index → detected index.
 */
export function matchClaims(goldSpans: readonly { start: number; end: number }[], detected: readonly { start: number; end: number }[], threshold: number): Map<number, number> {
  const pairs: { gi: number; di: number; overlap: number }[] = [];
  goldSpans.forEach((g, gi) => {
    detected.forEach((d, di) => {
      const overlap = Math.min(g.end, d.end) - Math.max(g.start, d.start);
      if (overlap > 0 && overlap >= threshold * Math.max(g.end - g.start, d.end - d.start)) pairs.push({ gi, di, overlap });
    });
  });
  pairs.sort((x, y) => y.overlap - x.overlap);
  const goldTaken = new Map<number, number>();
  const detTaken = new Set<number>();
  for (const p of pairs) {
    if (goldTaken.has(p.gi) || detTaken.has(p.di)) continue;
    goldTaken.set(p.gi, p.di);
    detTaken.add(p.di);
  }
  return goldTaken;
}

export function sum(scores: Counts[]): Counts {
  const total: Counts = { goldActors: 0, actorsFound: 0, actorsFoundAnyType: 0, detectedActors: 0, detectedCorrect: 0, goldClaims: 0, detectedClaims: 0, claimsMatched: 0, speakerCorrect: 0, claimsMatched30: 0, speakerCorrect30: 0, claimsMatched80: 0, speakerCorrect80: 0 };
  for (const s of scores) for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += s[k];
  return total;
}

export function rates(c: Counts): Rates {
  const r = (a: number, b: number): number => (b === 0 ? 1 : a / b);
  return {
    actorRecall: r(c.actorsFound, c.goldActors),
    actorPrecision: r(c.detectedCorrect, c.detectedActors),
    claimRecall: r(c.claimsMatched, c.goldClaims),
    claimPrecision: r(c.claimsMatched, c.detectedClaims),
    speakerAccuracy: r(c.speakerCorrect, c.goldClaims),
  };
}

/** Claims counted the published way at one span overlap (0.3 or 0.8). */
export interface OverlapRates {
  precision: number;
  recall: number;
  f1: number;
  /** Right speaker over the claims matched at this overlap (not over all gold claims). */
  speakerAccuracy: number;
}

export function overlapRates(c: Counts, overlap: 30 | 80): OverlapRates {
  const r = (a: number, b: number): number => (b === 0 ? 1 : a / b);
  const matched = overlap === 30 ? c.claimsMatched30 : c.claimsMatched80;
  const precision = r(matched, c.detectedClaims);
  const recall = r(matched, c.goldClaims);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    speakerAccuracy: r(overlap === 30 ? c.speakerCorrect30 : c.speakerCorrect80, matched),
  };
}

/** Scores every article of a gold file; article texts are looked up beside the gold file, then in `fallbackDir`. */
export function scoreGoldFile(goldFile: string, detectFn: (text: string) => Detection, fallbackDir?: string): ArticleScore[] {
  return loadGold(goldFile).map((g) => {
    let file = path.join(path.dirname(goldFile), g.file);
    if (!fs.existsSync(file) && fallbackDir) file = path.join(fallbackDir, g.file);
    const text = fs.readFileSync(file, 'utf8');
    return scoreArticle(text, detectFn(text), g);
  });
}
