import { createHash } from 'node:crypto';

/** SHA-256 (hex) of the UTF-8 bytes of `text`. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Kept here too for callers that imported it from `hash`; the home is `ids.ts`. */
export { newAnnotationId } from './ids';
