/**
 * Reading brat standoff (`<name>.ann` beside `<name>.txt`), as brat, INCEpTION and our brat
 * export write it. Pure: no I/O.
 *
 * - `T` text-bound annotations (type = label; fragments `s e;s e` in code points of the .txt) —
 *   a discontinuous span becomes one annotation covering its fragments (a note says so when the
 *   gap holds more than white space);
 * - `#` notes on a `T`: `AnnotatorNotes` lines are the comment (one line each), and the note types
 *   our export adds: `Tag` (one tag), `Label` (the label when brat's type had to be simplified),
 *   `Speaker` (a speaker not found in the text) and `ArticleAnnotator … speaker mention` (a span
 *   written only to carry a speaker relation, not an annotation of its own);
 * - `R… Speaker Arg1:T_actor Arg2:T_claim`: the claim's speaker is the actor span's text;
 * - `A` attributes and `N` normalisations become tags (`Name`, `Name:Value`, `Wikipedia:534366`).
 * Events, other relations and equivalences have no place in a sidecar: they are counted in a note.
 */
import { sha256 } from '../hash';
import { OffsetMap } from '../offsets';
import { MAX_IMPORT_ANNOTATIONS, refusal, type ImportedAnnotation, type ImportRead } from './types';

export interface BratDocument {
  /** The article path the .ann is for (its .txt), forward slashes, e.g. `seeds/a.txt`. */
  source: string;
  /** Where the .ann was read (for messages). */
  annPath: string;
  ann: string;
  /** The .txt beside it, when there is one (its offsets are checked against it). */
  txt?: string;
}

/** The note our export writes on a span that only carries a speaker relation. */
export const SPEAKER_MENTION_NOTE = 'speaker mention';

interface TLine {
  id: string;
  line: number;
  type: string;
  frags: [number, number][];
  text: string;
  comment: string[];
  tags: string[];
  label?: string;
  speaker?: string;
  mentionOnly: boolean;
}

export function readBrat(doc: BratDocument): ImportRead {
  const problems: string[] = [];
  const notes: string[] = [];
  const ts = new Map<string, TLine>();
  const txt = doc.txt !== undefined && doc.txt.charCodeAt(0) === 0xfeff ? doc.txt.slice(1) : doc.txt;
  const map = txt !== undefined ? new OffsetMap(txt) : undefined;
  const skipped = new Map<string, number>();
  const relations: { line: number; type: string; arg1: string; arg2: string }[] = [];
  const lines = doc.ann.split(/\r?\n/);
  const where = (n: number) => `${doc.annPath}:${n}`;
  // Spans first, so that notes, attributes and relations may come before the span they name.
  const order = lines.map((_, i) => i).sort((x, y) => Number(lines[y]!.startsWith('T')) - Number(lines[x]!.startsWith('T')) || x - y);
  order.forEach((i) => {
    const raw = lines[i]!;
    const n = i + 1;
    if (!raw.trim()) return;
    const tab = raw.split('\t');
    const id = tab[0]!;
    const kind = id[0];
    if (kind === 'T') {
      if (ts.size >= MAX_IMPORT_ANNOTATIONS) return void (ts.size === MAX_IMPORT_ANNOTATIONS && problems.push(`${where(n)}: more than ${MAX_IMPORT_ANNOTATIONS} spans; the rest not imported`));
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(tab[1] ?? '');
      if (!m || tab.length < 3) return void problems.push(`${where(n)}: ${id} is not “T<n>␉TYPE START END[;START END]␉TEXT”; not imported`);
      const frags = m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      const bad = frags.find(([s, e]) => !Number.isSafeInteger(s) || !Number.isSafeInteger(e) || e < s);
      if (bad) return void problems.push(`${where(n)}: ${id} has a span ${bad[0]} ${bad[1]} that ends before it starts; not imported`);
      frags.sort((a, b) => a[0] - b[0]);
      if (map && frags[frags.length - 1]![1] > map.codePointLength) return void problems.push(`${where(n)}: ${id} ends at ${frags[frags.length - 1]![1]}, outside the text (${map.codePointLength} characters); not imported`);
      ts.set(id, { id, line: n, type: m[1]!, frags, text: tab.slice(2).join('\t'), comment: [], tags: [], mentionOnly: false });
    } else if (kind === '#') {
      const m = /^(\S+) (\S+)$/.exec(tab[1] ?? '');
      const t = m && ts.get(m[2]!);
      if (!m || !t) return void problems.push(`${where(n)}: note ${id} names no span of this file; not imported`);
      const value = tab.slice(2).join('\t');
      if (m[1] === 'Tag') t.tags.push(value);
      else if (m[1] === 'Label') t.label = value;
      else if (m[1] === 'Speaker') t.speaker = value;
      else if (m[1] === 'ArticleAnnotator' && value === SPEAKER_MENTION_NOTE) t.mentionOnly = true;
      else t.comment.push(value);
    } else if (kind === 'R') {
      const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(tab[1] ?? '');
      if (!m) return void problems.push(`${where(n)}: relation ${id} is not “R<n>␉TYPE Arg1:T Arg2:T”; not imported`);
      relations.push({ line: n, type: m[1]!, arg1: m[2]!, arg2: m[3]! });
    } else if (kind === 'A' || kind === 'M') {
      const m = /^(\S+) (\S+)(?: (\S+))?$/.exec(tab[1] ?? '');
      const t = m && ts.get(m[2]!);
      if (!m || !t) return void problems.push(`${where(n)}: attribute ${id} names no span of this file; not imported`);
      t.tags.push(m[3] !== undefined ? `${m[1]}:${m[3]}` : m[1]!);
    } else if (kind === 'N') {
      const m = /^(\S+) (\S+) (\S+)$/.exec(tab[1] ?? '');
      const t = m && ts.get(m[2]!);
      if (!m || !t) return void problems.push(`${where(n)}: normalisation ${id} names no span of this file; not imported`);
      t.tags.push(m[3]!);
    } else if (kind === 'E' || kind === '*') {
      const what = kind === 'E' ? 'event' : 'equivalence';
      skipped.set(what, (skipped.get(what) ?? 0) + 1);
    } else problems.push(`${where(n)}: line not understood (brat lines start with T, R, E, A, M, N, # or *); not imported`);
  });
  for (const r of relations) {
    const a1 = ts.get(r.arg1);
    const a2 = ts.get(r.arg2);
    if (!a1 || !a2) problems.push(`${where(r.line)}: relation ${r.type} names a span not in this file; not imported`);
    else if (r.type === 'Speaker') a2.speaker = a1.text;
    else skipped.set(`${r.type} relation`, (skipped.get(`${r.type} relation`) ?? 0) + 1);
  }
  for (const [what, count] of skipped) notes.push(`${doc.annPath}: ${count} ${what}${count === 1 ? '' : 's'} not imported (a sidecar annotation is a labelled span)`);

  const annotations: ImportedAnnotation[] = [];
  const sourceSha256 = txt !== undefined ? sha256(txt) : undefined;
  for (const t of ts.values()) {
    if (t.mentionOnly) continue;
    const start = t.frags[0]![0];
    const end = t.frags[t.frags.length - 1]![1];
    let quote = t.text;
    if (map && txt !== undefined) {
      quote = txt.slice(map.toUtf16(start), map.toUtf16(end));
      for (let k = 1; k < t.frags.length; k++) {
        const gap = txt.slice(map.toUtf16(t.frags[k - 1]![1]), map.toUtf16(t.frags[k]![0]));
        if (gap.trim()) {
          notes.push(`${where(t.line)}: ${t.id} is discontinuous (${t.frags.length} fragments); imported as one span covering them`);
          break;
        }
      }
    }
    const a: ImportedAnnotation = { source: doc.source, label: t.label ?? t.type, quote, start, end };
    if (sourceSha256) a.sourceSha256 = sourceSha256;
    if (t.comment.length) a.comment = t.comment.join('\n');
    if (t.tags.length) a.tags = t.tags;
    if (t.speaker) a.speaker = t.speaker;
    const why = refusal(a);
    if (why) problems.push(`${where(t.line)}: ${t.id}: ${why}; not imported`);
    else annotations.push(a);
  }
  return { annotations, problems, notes };
}
