/**
 * Actor and claim detection for English news text. Pure and synchronous; offsets are UTF-16
 * code units of `text`.
 */
import type { Actor, Detection, Lexicon } from '../model';
import { EMPTY_LEXICON } from '../model';
import { mergeMentions, scanMentions } from './actors';
import { detectClaims } from './claims';
import { normalizeForMatching } from './text';

export { mergeWorkspaceActors, summarizeActors, type ActorSummary, type WorkspaceActor } from './workspace';

export function detect(text: string, lexicon: Lexicon = EMPTY_LEXICON): Detection {
  const norm = normalizeForMatching(text);
  const actors: Actor[] = mergeMentions(scanMentions(text, norm, lexicon));
  const claims = detectClaims(text, norm, actors);
  return { actors, claims };
}
