/**
 * Shortens a name shown inline in the editor (a claim's speaker) to a bounded width, so that it
 * never makes a line overflow: at most `max` code points, cut at a word boundary when one is close
 * enough, ending in "…". Whitespace runs (a name spanning a line break) become one space.
 */
export const SPEAKER_LABEL_MAX = 24;

export function shortLabel(name: string, max = SPEAKER_LABEL_MAX): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  if (chars.length <= max) return clean;
  if (max <= 1) return '…';
  const head = chars.slice(0, max - 1).join('');
  // Prefer to end at a word boundary (the next character ends a word, or a space close enough to
  // the end that at least two thirds of the room stay used).
  const endsWord = /[\s,;:.]/u.test(chars[max - 1]!);
  const cut = head.lastIndexOf(' ');
  const kept = endsWord || cut < Math.ceil(((max - 1) * 2) / 3) ? head : head.slice(0, cut);
  return `${kept.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}
