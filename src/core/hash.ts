import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 (hex) of the UTF-8 bytes of `text`. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A new annotation id: `a-` and 10 random base-32 characters (50 bits). */
export function newAnnotationId(): string {
  const bytes = randomBytes(10);
  let s = 'a-';
  for (const b of bytes) s += BASE32[b & 31];
  return s;
}
