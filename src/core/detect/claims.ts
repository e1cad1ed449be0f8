/**
 * Claim detection: direct quotes with their attribution before or after, reported speech
 * ("X said that …", "…, X said."), "according to X", and pronoun / "the group" speakers resolved
 * to the last matching actor. Offsets are UTF-16 code units.
 */
import type { Actor, ActorType, Claim } from '../model';
import { ORG_ANAPHORS, SPEECH_VERBS, WEAK_SPEECH_VERBS } from './gazetteer';
import { sentenceStarts } from './text';

interface MentionRef {
  start: number;
  end: number;
  actor: Actor;
}

interface Speaker {
  actor: Actor | null;
}

const QUOTE = /“([^”\n]{2,3000})”|"([^"\n]{2,3000})"/g;
const WORD = /[A-Za-zÀ-ÖØ-öø-ÿ'’-]+/g;
const LISTENERS = /^(?:told|tells)\s+(?:(?:a|the|reporters|journalists|lawmakers|legislators|parliament|members|senators|correspondents|media|press|news|an?\s+\w+|his|her|their|\w+'s|[A-Z]\w+)\b[^,.“"]{0,60}?)(?=\s+(?:that|on|in|at|during)\b|,|:|\s*$)/;

class Context {
  readonly mentions: MentionRef[] = [];
  readonly starts: number[];
  constructor(
    readonly text: string,
    readonly norm: string,
    actors: Actor[],
  ) {
    for (const a of actors) for (const m of a.mentions) this.mentions.push({ start: m.start, end: m.end, actor: a });
    this.mentions.sort((x, y) => x.start - y.start);
    this.starts = sentenceStarts(norm);
  }

  sentenceOf(pos: number): [number, number] {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (s[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return [s[lo]!, lo + 1 < s.length ? s[lo + 1]! : this.norm.length];
  }

  /** Index of the first mention starting at or after `pos`. */
  private firstAtOrAfter(pos: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.mentions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  mentionsIn(start: number, end: number): MentionRef[] {
    const out: MentionRef[] = [];
    for (let i = this.firstAtOrAfter(start); i < this.mentions.length && this.mentions[i]!.start < end; i++) {
      if (this.mentions[i]!.end <= end) out.push(this.mentions[i]!);
    }
    return out;
  }

  lastBefore(pos: number, types: ActorType[]): Actor | null {
    for (let i = this.firstAtOrAfter(pos) - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.end <= pos && types.includes(m.actor.type)) return m.actor;
    }
    return null;
  }

  /** Resolves the speaker named in [start, end) (the words around a reporting verb). */
  resolve(start: number, end: number, anchor: number, preferLast: boolean): Speaker | undefined {
    const all = this.mentionsIn(start, end);
    const persons = all.filter((m) => m.actor.type === 'person');
    const orgs = all.filter((m) => m.actor.type === 'organization');
    const inPhrase = persons.length ? persons : orgs.length ? orgs : all;
    if (inPhrase.length) {
      const m = preferLast ? inPhrase[inPhrase.length - 1]! : inPhrase[0]!;
      return { actor: m.actor };
    }
    const phrase = this.norm.slice(start, end).trim().toLowerCase().replace(/[,:]/g, ' ').trim();
    if (!phrase) return undefined;
    const words = phrase.split(/\s+/);
    if (words.length === 1 && /^(?:he|she)$/.test(words[0]!)) return { actor: this.lastBefore(anchor, ['person']) };
    if (words.length === 1 && words[0] === 'it') return { actor: this.lastBefore(anchor, ['organization']) };
    if (words.length === 1 && words[0] === 'they') return { actor: this.lastBefore(anchor, ['organization', 'place']) };
    const last = words[words.length - 1]!;
    if ((words[0] === 'the' || words[0] === 'its' || words[0] === 'their') && words.length <= 4 && ORG_ANAPHORS.has(last)) {
      return { actor: /spokes|statement/.test(last) ? null : this.lastBefore(anchor, ['organization']) };
    }
    if (words.length <= 8 && /\b(?:official|officials|source|sources|spokesperson|spokesman|spokeswoman|statement|report|diplomat|analyst|analysts|experts?|minister|envoy|lawmakers?|residents?|witnesses?)\b/.test(phrase)) {
      return { actor: null };
    }
    return undefined;
  }
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s,:;“”"‘]/.test(text[start]!)) start++;
  while (end > start && /[\s,.:;“”"’‘]/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** First reporting verb (token) in [from, to), with its offset. */
function findVerb(norm: string, from: number, to: number, last = false): { verb: string; start: number; end: number } | undefined {
  WORD.lastIndex = from;
  let found: { verb: string; start: number; end: number } | undefined;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(norm)) && m.index < to) {
    const w = m[0].toLowerCase();
    if (SPEECH_VERBS.has(w) && !WEAK_SPEECH_VERBS.has(w)) {
      found = { verb: w, start: m.index, end: m.index + m[0].length };
      if (!last) return found;
    }
  }
  return found;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

export function detectClaims(text: string, norm: string, actors: Actor[]): Claim[] {
  const ctx = new Context(text, norm, actors);
  const claims: Claim[] = [];
  const quoted: [number, number][] = [];
  /** Offsets of reporting verbs already used to attribute a direct quote. */
  const directVerbs = new Set<number>();
  let lastSpeaker: Actor | null = null;

  const push = (start: number, end: number, speaker: Actor | null, cue: string, kind: 'direct' | 'indirect') => {
    [start, end] = trimSpan(text, start, end);
    if (end - start < 8) return;
    claims.push({ start, end, text: text.slice(start, end), speaker: speaker ? speaker.name : null, speakerId: speaker ? speaker.id : null, cue, kind });
    if (speaker) lastSpeaker = speaker;
  };

  // Direct quotes.
  QUOTE.lastIndex = 0;
  let q: RegExpExecArray | null;
  while ((q = QUOTE.exec(norm))) {
    const open = q.index;
    const close = q.index + q[0].length;
    const cStart = open + 1;
    const cEnd = close - 1;
    quoted.push([open, close]);
    const words = wordCount(norm.slice(cStart, cEnd));
    const [sStart] = ctx.sentenceOf(open);
    const lineEnd = norm.indexOf('\n', close) < 0 ? norm.length : norm.indexOf('\n', close);
    // Attribution after the quote, in the rest of its sentence.
    const tailEndMatch = /[.!?](?=\s|$)|\n/.exec(norm.slice(close, lineEnd + 1));
    const tailEnd = tailEndMatch ? close + tailEndMatch.index : lineEnd;
    let speaker: Speaker | undefined;
    let cue = '';
    const after = findVerb(norm, close, Math.min(tailEnd, close + 120));
    if (after && (words >= 4 || after.start - close < 40)) {
      speaker = ctx.resolve(close, after.start, open, true);
      if (!speaker || (speaker.actor === null && norm.slice(close, after.start).trim().replace(/^,/, '').trim() === '')) {
        // "…,” said the minister.
        const rest = norm.slice(after.end, tailEnd);
        const restEnd = after.end + (/[,;]/.exec(rest)?.index ?? rest.length);
        speaker = ctx.resolve(after.end, restEnd, open, false) ?? speaker;
      }
      cue = after.verb;
    }
    // Attribution before the quote, in its sentence: "X said: “…”", "according to X, “…”".
    if (!speaker) {
      const headStart = Math.max(sStart, open - 200);
      const before = findVerb(norm, headStart, open, true);
      const acc = /according to ([^,“"]{2,80})/.exec(norm.slice(headStart, open));
      if (before && (words >= 4 || open - before.end < 12) && !/^\s*(?:to|on|for)\b/.test(norm.slice(before.end, before.end + 5))) {
        speaker = ctx.resolve(headStart, before.start, open, true) ?? ctx.resolve(before.end, open, open, false);
        cue = before.verb;
      } else if (acc) {
        const s = headStart + acc.index + 'according to '.length;
        speaker = ctx.resolve(s, s + acc[1]!.length, open, true) ?? { actor: null };
        cue = 'according to';
      }
    }
    // A paragraph that is only a quote, after "… said:" or continuing a speaker.
    if (!speaker && words >= 6) {
      const lineStart = norm.lastIndexOf('\n', open - 1) + 1;
      if (norm.slice(lineStart, open).trim() === '') {
        const prevText = norm.slice(Math.max(0, lineStart - 300), lineStart).trimEnd();
        if (prevText.endsWith(':')) {
          const v = findVerb(norm, Math.max(0, lineStart - 300), lineStart, true);
          if (v) {
            const [ps] = ctx.sentenceOf(v.start);
            speaker = ctx.resolve(ps, v.start, open, true) ?? { actor: null };
            cue = v.verb;
          }
        }
        if (!speaker && lastSpeaker) {
          speaker = { actor: lastSpeaker };
          cue = 'continued';
        }
      }
    }
    if (!speaker) continue;
    if (after && cue === after.verb) directVerbs.add(after.start);
    const beforeVerb = findVerb(norm, Math.max(sStart, open - 200), open, true);
    if (beforeVerb && cue === beforeVerb.verb) directVerbs.add(beforeVerb.start);
    push(cStart, cEnd, speaker.actor, cue, 'direct');
  }

  const inQuote = (pos: number) => {
    // quoted is sorted by start: binary search the last quote opening before pos
    let lo = 0;
    let hi = quoted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (quoted[mid]![0] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && pos < quoted[lo - 1]![1];
  };
  const quotesIn = (start: number, end: number) => {
    let lo = 0;
    let hi = quoted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (quoted[mid]![0] < start) lo = mid + 1;
      else hi = mid;
    }
    const out: [number, number][] = [];
    for (let i = lo; i < quoted.length && quoted[i]![0] < end; i++) out.push(quoted[i]!);
    return out;
  };

  // Reported speech, sentence by sentence.
  for (let i = 0; i < ctx.starts.length; i++) {
    const sStart = ctx.starts[i]!;
    const sEnd = i + 1 < ctx.starts.length ? ctx.starts[i + 1]! : norm.length;
    const sentence = norm.slice(sStart, sEnd);
    // "…, X said." / "…, according to X."
    const tail = /,\s+((?:according to\s+)?[^,“”"]{2,80}?)(?:\s+(said|says|added|noted|stated|claimed|argued|warned|stressed|told [^.]{1,40}|reported))?\s*(?:on \w+(?: \w+)?|in a statement|in an interview|last week|this week|today|yesterday|(?:after|when|while|as|following|before|during|in response to)\b.*)?\s*[.!]\s*$/.exec(sentence);
    if (tail && !inQuote(sStart + tail.index)) {
      const phraseStart = sStart + tail.index + 1;
      const accordingTo = /^according to\s+/.exec(tail[1]!);
      if (accordingTo || tail[2]) {
        const pStart = phraseStart + (tail[0].indexOf(tail[1]!)) - 1 + (accordingTo ? accordingTo[0].length : 0);
        const pEnd = pStart + tail[1]!.length - (accordingTo ? accordingTo[0].length : 0);
        const speaker = ctx.resolve(pStart, pEnd, sStart, true);
        const contentEnd = sStart + tail.index;
        if (speaker && !quotesIn(sStart, contentEnd + 2).some(([a, b]) => b <= contentEnd + 2 && b - a > (contentEnd - sStart) * 0.6)) {
          push(sStart, contentEnd, speaker.actor, accordingTo ? 'according to' : tail[2]!.split(' ')[0]!, 'indirect');
          continue;
        }
      }
    }
    // "X said (that) …", "X told reporters (that) …", "the report noted …"
    WORD.lastIndex = sStart;
    let m: RegExpExecArray | null;
    while ((m = WORD.exec(norm)) && m.index < sEnd) {
      const w = m[0].toLowerCase();
      if (!SPEECH_VERBS.has(w) || inQuote(m.index)) continue;
      if (directVerbs.has(m.index) && /^[^.“"]{0,80}[:,]?\s*[“"]/.test(norm.slice(m.index + m[0].length, sEnd)) && !/\bthat\b/.test(norm.slice(m.index, m.index + 30))) break;
      const vEnd = m.index + m[0].length;
      let rest = norm.slice(vEnd, sEnd);
      let contentStart = vEnd;
      const listeners = LISTENERS.exec(norm.slice(m.index, sEnd));
      if (listeners) {
        contentStart = m.index + listeners[0].length;
        rest = norm.slice(contentStart, sEnd);
      }
      const that = /^\s*(?:,\s*)?(?:on \w+ |in a statement |in an interview |during [^,]{1,40} )?(?:that\b|:)/.exec(rest);
      if (WEAK_SPEECH_VERBS.has(w) && !that) continue;
      if (!that && !/^(?:said|says|told|added|noted|stated|warned|stressed|argued|insisted|maintained|claimed|asserted|reiterated|acknowledged|alleged|explained|wrote)$/.test(w)) continue;
      if (!that && /^\s*(?:[.,;!?]|$|to\b|on\b|by\b|in\b|at\b|he\b|she\b|they\b)/.test(rest)) continue;
      if (that) contentStart += that[0].length;
      // Subject: the words just before the verb (and an auxiliary).
      const head = norm.slice(sStart, m.index).replace(/\s+(?:has|had|have|also|further|had also|has also|once again|again|repeatedly|previously|earlier|recently|reportedly)\s*$/, '');
      const subjStart = Math.max(sStart, sStart + head.length - 90);
      const subjText = norm.slice(subjStart, sStart + head.length);
      const cut = Math.max(subjText.lastIndexOf(','), subjText.lastIndexOf(' and '), subjText.lastIndexOf(' but '), subjText.lastIndexOf(' while '), subjText.lastIndexOf('”'), subjText.lastIndexOf(' which '));
      let pStart = subjStart + (cut >= 0 ? cut + 1 : 0);
      if (norm.slice(pStart, sStart + head.length).trim() === '') pStart = subjStart;
      const speaker = ctx.resolve(pStart, sStart + head.length, m.index, true);
      if (!speaker) continue;
      const contentEnd = sEnd;
      // A direct quote filling the whole content is already a direct claim.
      const covered = quotesIn(contentStart - 2, contentEnd).some(([a, b]) => b <= contentEnd && b - a > (contentEnd - contentStart) * 0.6);
      if (covered) break;
      push(contentStart, contentEnd, speaker.actor, w, 'indirect');
      break;
    }
  }
  claims.sort((a, b) => a.start - b.start || a.end - b.end);
  // Drop a direct claim contained in an indirect one of the same speaker (reported speech with a quoted phrase).
  // (claims are sorted: only neighbours can contain each other)
  return claims.filter((c, i) => {
    if (c.kind !== 'direct') return true;
    for (let j = Math.max(0, i - 3); j < Math.min(claims.length, i + 4); j++) {
      const o = claims[j]!;
      if (o !== c && o.kind === 'indirect' && o.start <= c.start && o.end >= c.end && o.speaker === c.speaker) return false;
    }
    return true;
  });
}
