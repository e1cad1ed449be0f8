import { createHash } from 'node:crypto';

/** SHA-256 (hex) of the UTF-8 bytes of `text`, or of `bytes` as they are (no second encoding of a text already read or written as bytes). */
export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex'); // a string is hashed as UTF-8
}

/** Kept here too for callers that imported it from `hash`; the home is `ids.ts`. */
export { newAnnotationId } from './ids';
