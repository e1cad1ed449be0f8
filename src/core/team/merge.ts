/**
 * Three-way merge of sidecars by annotation id (the git merge driver's logic). Pure: no I/O.
 *
 * Per annotation id, with B = base, O = ours, T = theirs:
 *   - added on one side, or on both alike → kept;
 *   - deleted on one side and unchanged on the other → deleted;
 *   - changed on one side only → that change; changed alike on both → kept once;
 *   - per field (the anchor — start, end, quote, prefix, suffix — counts as one field, so offsets
 *     and quote never mix sides): one side's change is taken; different changes on both sides are
 *     a conflict: ours stays (with the fields that did merge) and theirs is added as a new
 *     annotation tagged `merge-conflict` with a comment naming the sides and the fields;
 *   - deleted on one side and edited on the other → the edited version is kept, tagged
 *     `merge-conflict` with a comment saying who deleted it;
 *   - `modified` never conflicts: the later time wins.
 * Unknown annotation keys merge like fields; unknown top-level keys merge three-way too (a
 * conflict keeps ours and is reported). The result is deterministic: the ids of conflict copies
 * are derived from the conflicting content, and the serialiser sorts the annotations.
 */
import type { Annotation } from '../model';
import type { Sidecar } from '../sidecar';
import { anchorAnnotations } from '../anchor';
import { sha256 } from '../hash';
import { OffsetMap } from '../offsets';
import { contextOf } from '../sidecar';

export const CONFLICT_TAG = 'merge-conflict';

const ANCHOR_FIELDS = ['start', 'end', 'quote', 'prefix', 'suffix'] as const;
const ANCHOR_SET: ReadonlySet<string> = new Set(ANCHOR_FIELDS);
const TOP_KNOWN: ReadonlySet<string> = new Set(['version', 'article', 'articleSha256', 'annotations']);

export interface MergeConflict {
  /** Annotation id (or `top:<key>` for a top-level key). */
  id: string;
  kind: 'edit/edit' | 'add/add' | 'edit/delete' | 'delete/edit' | 'top-level';
  fields: string[];
  /** Id of the copy added for the other side's version, if any. */
  copyId?: string;
}

export interface MergeOptions {
  /** Names of the sides for the comments (default "ours" and "theirs"). */
  oursName?: string;
  theirsName?: string;
  /**
   * The merged article text. When the sides' `articleSha256` differ and this is given, every
   * annotation is re-anchored on it and `articleSha256` becomes its hash.
   */
  articleText?: string;
}

export interface MergeResult {
  sidecar: Sidecar;
  conflicts: MergeConflict[];
  /** Notes for the person (re-anchoring done or impossible, orphans). */
  notes: string[];
}

type Rec = Record<string, unknown>;
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Rec)[k] !== undefined).sort();
  const kb = Object.keys(b).filter((k) => (b as Rec)[k] !== undefined).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Rec)[k], (b as Rec)[k]));
}

/** The annotation's fields as groups: `anchor` (start…suffix) and one per other key. */
function field(a: Annotation | undefined, key: string): unknown {
  if (!a) return undefined;
  const r = a as unknown as Rec;
  if (key === 'anchor') return ANCHOR_FIELDS.map((k) => r[k] ?? null);
  return own(r, key) ? r[key] : undefined;
}

function fieldKeys(...as: (Annotation | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const a of as) {
    if (!a) continue;
    for (const k of Object.keys(a)) if (k !== 'id' && (a as unknown as Rec)[k] !== undefined) keys.add(ANCHOR_SET.has(k) ? 'anchor' : k);
  }
  keys.add('anchor');
  return [...keys].sort();
}

function setField(target: Rec, key: string, value: unknown): void {
  if (key === 'anchor') {
    const v = value as unknown[];
    ANCHOR_FIELDS.forEach((k, i) => {
      if (v[i] === null || v[i] === undefined) delete target[k];
      else target[k] = v[i];
    });
  } else if (value === undefined) delete target[key];
  else target[key] = value;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A deterministic id in the shape of `newAnnotationId`, derived from `seed`, not in `taken`. */
export function derivedId(seed: string, taken: ReadonlySet<string>): string {
  for (let n = 0; ; n++) {
    const h = sha256(`${seed}\u0000${n}`);
    let s = 'a-';
    for (let i = 0; i < 10; i++) s += BASE32[parseInt(h.slice(i * 2, i * 2 + 2), 16) & 31];
    if (!taken.has(s)) return s;
  }
}

function later(a: unknown, b: unknown): unknown {
  if (typeof a !== 'string') return b;
  if (typeof b !== 'string') return a;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a >= b ? a : b;
  return ta >= tb ? a : b;
}

function withConflictTag(a: Annotation, note: string): Annotation {
  const tags = a.tags ?? [];
  const out: Annotation = { ...a, tags: tags.includes(CONFLICT_TAG) ? [...tags] : [...tags, CONFLICT_TAG] };
  out.comment = a.comment ? `${note}\n${a.comment}` : note;
  return out;
}

function mergeTop(base: Sidecar | undefined, ours: Sidecar, theirs: Sidecar, conflicts: MergeConflict[]): Sidecar {
  const b = (base ?? {}) as unknown as Rec;
  const o = ours as unknown as Rec;
  const t = theirs as unknown as Rec;
  const out: Rec = { version: Math.max(ours.version, theirs.version), article: ours.article, annotations: [] };
  const keys = new Set([...Object.keys(o), ...Object.keys(t)]);
  for (const k of [...keys].sort()) {
    if (k === 'version' || k === 'annotations' || k === 'articleSha256') continue;
    const bv = own(b, k) ? b[k] : undefined;
    const ov = own(o, k) ? o[k] : undefined;
    const tv = own(t, k) ? t[k] : undefined;
    let v: unknown;
    if (same(ov, tv) || same(tv, bv)) v = ov;
    else if (same(ov, bv)) v = tv;
    else {
      v = ov;
      if (!TOP_KNOWN.has(k) || k === 'article') conflicts.push({ id: `top:${k}`, kind: 'top-level', fields: [k] });
    }
    if (v !== undefined) out[k] = v;
  }
  // Keep the key order of ours for unknown keys (the serialiser keeps ours' order when given ours' parse).
  return out as unknown as Sidecar;
}

/** Merges three parsed sidecars. `base` is undefined when the file did not exist in the common ancestor. */
export function mergeSidecars(base: Sidecar | undefined, ours: Sidecar, theirs: Sidecar, options: MergeOptions = {}): MergeResult {
  const oursName = options.oursName ?? 'ours';
  const theirsName = options.theirsName ?? 'theirs';
  const conflicts: MergeConflict[] = [];
  const notes: string[] = [];
  const merged = mergeTop(base, ours, theirs, conflicts);
  const B = new Map((base?.annotations ?? []).map((a) => [a.id, a]));
  const O = new Map(ours.annotations.map((a) => [a.id, a]));
  const T = new Map(theirs.annotations.map((a) => [a.id, a]));
  const ids = [...new Set([...O.keys(), ...T.keys(), ...B.keys()])].sort();
  const taken = new Set(ids);
  const result: Annotation[] = [];
  for (const id of ids) {
    const b = B.get(id);
    const o = O.get(id);
    const t = T.get(id);
    if (!o && !t) continue; // deleted on both sides
    if (!o || !t) {
      const present = (o ?? t)!;
      if (!b) {
        result.push(present); // added on one side
        continue;
      }
      if (same(present, b)) continue; // deleted on one side, untouched on the other
      const [editor, deleter] = o ? [oursName, theirsName] : [theirsName, oursName];
      const changed = fieldKeys(b, present).filter((k) => !same(field(b, k), field(present, k)));
      conflicts.push({ id, kind: o ? 'edit/delete' : 'delete/edit', fields: changed });
      result.push(withConflictTag(present, `merge conflict: ${deleter} deleted this annotation, ${editor} edited it (${changed.join(', ')}); kept ${editor}'s version.`));
      continue;
    }
    if (same(o, t)) {
      result.push(o);
      continue;
    }
    // Present on both sides and different: merge field by field.
    const oursOut: Rec = { id };
    const theirsOut: Rec = { id };
    const conflicting: string[] = [];
    for (const k of fieldKeys(b, o, t)) {
      const bv = field(b, k);
      const ov = field(o, k);
      const tv = field(t, k);
      let mv: unknown;
      if (k === 'modified') mv = later(ov, tv);
      else if (same(ov, tv)) mv = ov;
      else if (b && same(ov, bv)) mv = tv;
      else if (b && same(tv, bv)) mv = ov;
      else {
        conflicting.push(k);
        setField(oursOut, k, ov);
        setField(theirsOut, k, tv);
        continue;
      }
      setField(oursOut, k, mv);
      setField(theirsOut, k, mv);
    }
    if (conflicting.length === 0) {
      result.push(oursOut as unknown as Annotation);
      continue;
    }
    const copyId = derivedId(`${id}\u0000${JSON.stringify(theirsOut)}`, taken);
    taken.add(copyId);
    conflicts.push({ id, kind: b ? 'edit/edit' : 'add/add', fields: conflicting, copyId });
    const what = b ? 'both sides changed' : 'both sides added this id with different';
    result.push(withConflictTag(oursOut as unknown as Annotation, `merge conflict: ${what} ${conflicting.join(', ')}; this is ${oursName}'s version, ${theirsName}'s is ${copyId}.`));
    result.push(withConflictTag({ ...(theirsOut as unknown as Annotation), id: copyId }, `merge conflict: ${theirsName}'s version of ${id} (${what} ${conflicting.join(', ')}; ${oursName}'s version kept as ${id}).`));
  }
  merged.annotations = result;

  // The article hash and the offsets.
  const bh = base?.articleSha256;
  const oh = ours.articleSha256;
  const th = theirs.articleSha256;
  if (oh === th || th === bh) {
    if (oh !== undefined) merged.articleSha256 = oh;
  } else if (oh === bh) {
    if (th !== undefined) merged.articleSha256 = th;
  }
  if (oh !== th) {
    if (options.articleText !== undefined) {
      reanchorOn(merged, options.articleText, notes);
    } else {
      if (oh !== undefined) merged.articleSha256 = oh;
      notes.push(`the two sides annotated different versions of the article (articleSha256 ${oh ?? 'none'} vs ${th ?? 'none'}) and the merged article text was not available: offsets kept as they were; the extension re-anchors them when the article is opened.`);
    }
  }
  return { sidecar: merged, conflicts, notes };
}

/** Re-anchors every annotation of `sidecar` on `text` (in place) and sets its hash. */
export function reanchorOn(sidecar: Sidecar, text: string, notes: string[]): void {
  const map = new OffsetMap(text);
  const results = anchorAnnotations(text, sidecar.annotations, undefined, map);
  let orphans = 0;
  sidecar.annotations = results.map((r) => {
    if (r.start === undefined || r.end === undefined) {
      orphans++;
      return r.annotation;
    }
    const quote = text.slice(map.toUtf16(r.start), map.toUtf16(r.end));
    const { prefix, suffix } = contextOf(text, r.start, r.end, map);
    return { ...r.annotation, start: r.start, end: r.end, quote, prefix, suffix };
  });
  sidecar.articleSha256 = sha256(text);
  notes.push(`re-anchored ${results.length} annotation(s) on the merged article text${orphans ? `; ${orphans} could not be placed and keep their old offsets` : ''}.`);
}
