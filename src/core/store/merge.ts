/**
 * The store's three-way merge of a sidecar changed on disk while the user has unsaved changes:
 * base = the sidecar as last read or written, ours = the annotations in memory, theirs = the
 * sidecar on disk now. Annotation by annotation and field by field (`core/team/merge.ts`, the
 * git merge driver's rules); the anchor (start, end, quote, prefix, suffix) counts as one field.
 * Any conflict (the same annotation or the meta block changed differently on both sides, or
 * deleted on one and changed on the other) is an overlap: then nothing is merged and the user is
 * asked, as before.
 */
import type { Annotation } from '../model';
import type { ArticleMeta } from '../meta/articleMeta';
import type { Sidecar } from '../sidecar';
import { SIDECAR_VERSION } from '../sidecar';
import { mergeSidecars } from '../team/merge';
import type { SidecarBase } from './entry';

export interface StoreMergeInput {
  base: SidecarBase;
  ours: SidecarBase;
  theirs: SidecarBase;
}

export type StoreMergeResult =
  /** `annotations` in the order of ids; `anchorFrom`: ids whose anchor is theirs (to be found again on the current text). */
  | { kind: 'merged'; annotations: Annotation[]; meta: ArticleMeta | undefined; theirsAnchor: ReadonlySet<string> }
  | { kind: 'overlap'; ids: string[] };

const ANCHOR = ['start', 'end', 'quote', 'prefix', 'suffix'] as const;
const sameAnchor = (a: Annotation, b: Annotation) => ANCHOR.every((k) => (a[k] ?? '') === (b[k] ?? ''));

function asSidecar(side: SidecarBase): Sidecar {
  // The same `article` on every side: a renamed article is no conflict (the writer sets the name).
  return { version: SIDECAR_VERSION, article: '', ...(side.meta ? { meta: side.meta as Sidecar['meta'] } : {}), annotations: [...side.annotations] };
}

export function mergeForStore({ base, ours, theirs }: StoreMergeInput): StoreMergeResult {
  const result = mergeSidecars(asSidecar(base), asSidecar(ours), asSidecar(theirs));
  if (result.conflicts.length) return { kind: 'overlap', ids: result.conflicts.map((c) => c.id) };
  const mine = new Map(ours.annotations.map((a) => [a.id, a]));
  const theirsAnchor = new Set<string>();
  for (const a of result.sidecar.annotations) {
    const o = mine.get(a.id);
    if (!o || !sameAnchor(o, a)) theirsAnchor.add(a.id);
  }
  return { kind: 'merged', annotations: result.sidecar.annotations, meta: result.sidecar.meta, theirsAnchor };
}
