/**
 * Escaping of user text for every export, in one place: annotations come from colleagues and
 * other tools, articles from the web, so a comment, tag, speaker or id may hold anything.
 * - CSV: OWASP formula neutralisation (a `'` before `=`, `+`, `-`, `@`, tab, CR), unless raw.
 * - XML 1.0: characters outside `Char` (C0 controls but tab/LF/CR, lone surrogates, U+FFFE,
 *   U+FFFF) are dropped; markup characters escaped.
 * - Markdown: HTML and Markdown syntax (links, images, emphasis, headings) escaped.
 * - IRIs: lone surrogates become U+FFFD before percent-encoding, so encoding never throws.
 */

/** Replaces lone surrogates by U+FFFD (a well-formed string that `encodeURIComponent` and UTF-8 accept). */
export function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Percent-encodes `s` for one IRI segment; never throws. */
export function iriSegment(s: string): string {
  return encodeURIComponent(wellFormed(s));
}

/** Percent-encodes a path (keeps `/`); never throws. */
export function iriPath(s: string): string {
  return wellFormed(s).split('/').map(encodeURIComponent).join('/');
}

/** Drops characters outside XML 1.0 `Char` (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]). */
export function xmlChars(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

/** Text for an XML element or attribute value (double-quoted). */
export function xmlEscape(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Whether a spreadsheet would read the field as a formula (OWASP CSV injection). */
export function isFormulaLike(v: string): boolean {
  return /^[=+\-@\t\r]/.test(v);
}

/** One RFC 4180 field; formula-like values get a leading `'` unless `raw`. */
export function csvField(v: string, raw = false): string {
  const s = raw || !isFormulaLike(v) ? v : `'${v}`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Characters with a meaning in Markdown or HTML: escaped with a backslash (CommonMark escapes any
// ASCII punctuation), except `<`, `>`, `&`, which become entities so no HTML can start.
const MD_PUNCT = /[\\`*_[\]#|~!]/g;

/** User text on one line of a Markdown report: no raw HTML, no links or images, no emphasis. */
export function mdInline(s: string): string {
  return xmlChars(s)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(MD_PUNCT, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** User text in a Markdown table cell (`|` escaped too, which `mdInline` does). */
export function mdCell(s: string): string {
  return mdInline(s);
}
