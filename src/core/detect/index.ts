/**
 * Actor and claim detection for English news text. Pure and synchronous; offsets are UTF-16
 * code units of `text`. (Implementation in progress: see issue on detection.)
 */
import type { Detection, Lexicon } from '../model';
import { EMPTY_LEXICON } from '../model';

export function detect(text: string, lexicon: Lexicon = EMPTY_LEXICON): Detection {
  void text;
  void lexicon;
  return { actors: [], claims: [] };
}
