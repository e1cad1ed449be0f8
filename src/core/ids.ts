import { randomBytes } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Shape of ids made by `newAnnotationId` (ids written by hand may be any non-empty string). */
export const ANNOTATION_ID_PATTERN = /^a-[a-z2-7]{10}$/;

/**
 * A new annotation id: `a-` and 10 random base-32 characters (50 bits of randomness), e.g.
 * `a-k3xq7mzp2d`. Ids are never derived from the text, so they stay stable when the text moves.
 * Pass the ids already in use to guarantee uniqueness within a sidecar.
 */
export function newAnnotationId(taken?: { has(id: string): boolean }): string {
  for (;;) {
    const bytes = randomBytes(10);
    let s = 'a-';
    for (const b of bytes) s += BASE32[b & 31];
    if (!taken?.has(s)) return s;
  }
}
