/**
 * Actor and claim detection for English news text. Pure and synchronous; offsets are UTF-16
 * code units of `text`.
 */
import { en } from '../lang/en';
import type { LanguagePack } from '../lang/pack';
import type { Actor, Detection, Lexicon } from '../model';
import { EMPTY_LEXICON } from '../model';
import { mergeMentions, scanMentions } from './actors';
import { detectClaims } from './claims';
import { normalizeForMatching } from './text';

export { mergeWorkspaceActors, summarizeActors, type ActorSummary, type WorkspaceActor } from './workspace';

export type { LanguagePack } from '../lang/pack';

/**
 * Detects the actors and claims of `text`: `lexicon` adds the user's names (and names to
 * ignore), `language` is the vocabulary the actor rules look words up in (English by default).
 * The claim rules read the English speech vocabulary (`lang/en/speech.ts`) for now.
 */
export function detect(text: string, lexicon: Lexicon = EMPTY_LEXICON, language: LanguagePack = en): Detection {
  const norm = normalizeForMatching(text);
  const actors: Actor[] = mergeMentions(language, scanMentions(language, text, norm, lexicon));
  const claims = detectClaims(text, norm, actors);
  return { actors, claims };
}
