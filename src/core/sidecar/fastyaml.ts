/**
 * A fast reader and writer for the plain, comment-free subset of YAML that sidecars are written
 * in. The `yaml` package stays the reference: the reader returns `undefined` for anything outside
 * the subset (comments other than a header, anchors, aliases, tags, multi-line or block scalars, nested values other
 * than the annotation list and tag lists, floats, ...) and the caller then parses with `yaml`.
 * The writer produces exactly the bytes the `yaml` Document path produces for the same data
 * (checked by the unit tests), so which path wrote a file never shows in a diff.
 */

type Scalar = string | number | boolean | null;
type Value = Scalar | Scalar[] | Record<string, Scalar | Scalar[]>[];

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const KEY_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const INT = /^[-+]?[0-9]+$/;
const FLOATISH = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$|^0[ox]/;
const NON_ASCII = /[\x80-\xff]/g;
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

const isSpaces = (s: string, from: number, to: number): boolean => {
  for (let k = from; k < to; k++) if (s.charCodeAt(k) !== 32) return false;
  return true;
};

/** First characters that make a plain scalar something else (or need the real parser): , [ ] { } # & * ! | > ' " % @ ` */
const INDICATOR = new Set([...',[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

function plain(raw: string, inFlow: boolean): Scalar {
  const v = raw.charCodeAt(raw.length - 1) === 32 ? raw.replace(/ +$/, '') : raw;
  if (v === '') return null;
  if (v.length <= 5 && (NULLS.has(v) || TRUE.has(v) || FALSE.has(v))) return NULLS.has(v) ? null : TRUE.has(v);
  const c = v.charCodeAt(0);
  // Numbers start with a digit, a sign or a dot.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (INT.test(v)) {
      const n = Number(v);
      return Number.isSafeInteger(n) ? n : bail();
    }
    if (FLOATISH.test(v)) return bail();
  }
  const c1 = v.charCodeAt(1);
  if (((c === 45 || c === 63 || c === 58) && (v.length === 1 || c1 === 32)) || INDICATOR.has(c)) return bail();
  if (v.includes(' #') || v.includes(': ') || v.charCodeAt(v.length - 1) === 58 || (inFlow && /[,[\]{}]/.test(v))) return bail();
  return v;
}

/**
 * The plain subset, read on offsets of the whole text: no array of lines, and each value cut
 * out once (sidecars of thousands of annotations are hundreds of thousands of lines).
 */
class Reader {
  /** Index of the next backslash at or after the last place looked, or -1: double-quoted values look it up without scanning the rest of the text each time. */
  private backslash = -2;
  /** In a text of bytes: index of the next non-ASCII byte at or after `highFrom`, or -1. */
  private high = -2;
  private highFrom = 0;
  private readonly n: number;
  private readonly crlf: boolean;
  /** Whether comments other than the header were skipped (the writer then needs the `yaml` document to keep them). */
  comments = false;
  /** Where each top-level key's line starts, and each annotation's `- ` line (offsets in `s`). */
  readonly keyAt = new Map<string, number>();
  readonly itemAt: number[] = [];
  /** Offset after the annotation list (where the next top-level key or the end is). */
  itemsEnd = 0;

  constructor(
    private readonly s: string,
    /** The UTF-8 bytes `s` holds one per character (read as Latin-1), or undefined when `s` is text. */
    private readonly bytes: Buffer | undefined,
  ) {
    this.n = s.length;
    this.crlf = s.includes('\r');
  }

  /**
   * `s.slice(from, to)` as text: in a text of bytes, a piece with non-ASCII bytes is decoded from
   * UTF-8. Pieces end at ASCII characters (quotes, backslashes, line ends), which never fall inside
   * a UTF-8 sequence, so each piece decodes alone.
   */
  private cut(from: number, to: number): string {
    if (!this.bytes) return this.s.slice(from, to);
    if (from < this.highFrom || (this.high !== -1 && this.high < from)) {
      NON_ASCII.lastIndex = from;
      this.high = NON_ASCII.exec(this.s)?.index ?? -1;
      this.highFrom = from;
    }
    return this.high !== -1 && this.high < to ? this.bytes.toString('utf8', from, to) : this.s.slice(from, to);
  }

  /** End of the line starting at `pos` (before its `\r\n` or `\n`); `nextLine` gives the start of the next one. */
  private lineEnd(pos: number): number {
    const eol = this.s.indexOf('\n', pos);
    if (eol < 0) return this.n;
    return this.crlf && eol > pos && this.s.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
  }

  private nextLine(end: number): number {
    return this.s.charCodeAt(end) === 13 ? end + 2 : end + 1;
  }

  /** Is the line from `pos` to `end` a comment (spaces, then `#`)? */
  private isCommentLine(pos: number, end: number): boolean {
    let k = pos;
    while (k < end && this.s.charCodeAt(k) === 32) k++;
    if (k >= end || this.s.charCodeAt(k) !== 35) return false;
    this.comments = true;
    return true;
  }

  /** Index of the next ` #` at or after the last place looked, or -1 (as `backslash`). */
  private hash = -2;

  /** Is `from..end` only spaces, or spaces and then a comment (` # ...`)? */
  private restIsBlank(from: number, end: number): boolean {
    let k = from;
    while (k < end && this.s.charCodeAt(k) === 32) k++;
    if (k === end) return true;
    if (k > from && this.s.charCodeAt(k) === 35) {
      this.comments = true;
      return true;
    }
    return false;
  }

  /** Where a plain value ends: before a ` #` comment, or at the line's end. */
  private plainEnd(from: number, end: number): number {
    // The next ` #` is looked up once, not from each value to the end of the text.
    if (this.hash !== -1 && this.hash < from) this.hash = this.s.indexOf(' #', from);
    const hash = this.hash;
    if (hash < 0 || hash >= end) return end;
    this.comments = true;
    return hash;
  }

  private nextBackslash(from: number): number {
    if (this.backslash !== -1 && this.backslash < from) this.backslash = this.s.indexOf('\\', from);
    return this.backslash;
  }

  /** Index after the closing quote of the last quoted scalar read (no array allocated per value). */
  private after = 0;

  /** A double-quoted scalar starting at `s[i] === '"'`, on one line; `after` is set past its closing quote. */
  private readDouble(i: number, end: number): string {
    const s = this.s;
    let out = '';
    let j = i + 1;
    for (;;) {
      const q = s.indexOf('"', j);
      if (q < 0 || q >= end) return bail(); // multi-line or unterminated
      const k = this.nextBackslash(j);
      if (k < 0 || q < k) {
        out += this.cut(j, q);
        this.after = q + 1;
        return out;
      }
      out += this.cut(j, k);
      const c = s[k + 1];
      if (c === undefined) return bail();
      const simple = SIMPLE_ESCAPES[c];
      if (simple !== undefined) {
        out += simple;
        j = k + 2;
        continue;
      }
      const width = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
      const hex = s.slice(k + 2, k + 2 + width);
      if (!width || hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) return bail();
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) return bail();
      out += String.fromCodePoint(cp);
      j = k + 2 + width;
    }
  }

  private readSingle(i: number, end: number): string {
    const s = this.s;
    let out = '';
    let j = i + 1;
    for (;;) {
      const q = s.indexOf("'", j);
      if (q < 0 || q >= end) return bail();
      out += this.cut(j, q);
      if (s.charCodeAt(q + 1) === 39) {
        out += "'";
        j = q + 2;
      } else {
        this.after = q + 1;
        return out;
      }
    }
  }

  private quoted(i: number, end: number): string {
    return this.s.charCodeAt(i) === 34 ? this.readDouble(i, end) : this.readSingle(i, end);
  }

  /** The scalar (or flow list) from `from` to the line's `end` (after `key: `). */
  private scalar(from: number, end: number): Scalar | Scalar[] {
    const c = this.s.charCodeAt(from);
    if (c === 34 || c === 39) {
      const v = this.quoted(from, end);
      if (!this.restIsBlank(this.after, end)) bail();
      return v;
    }
    if (c === 91) return this.flowSeq(from, end);
    end = this.plainEnd(from, end);
    if (c >= 48 && c <= 57) {
      // Offsets: digits only (up to 15, always a safe integer), read without cutting out a string.
      let n = 0;
      let j = from;
      for (; j < end && j - from < 15; j++) {
        const d = this.s.charCodeAt(j) - 48;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (isSpaces(this.s, j, end)) return n;
    }
    return plain(this.cut(from, end), false);
  }

  private flowSeq(from: number, end: number): Scalar[] {
    const s = this.s;
    const items: Scalar[] = [];
    let i = from + 1;
    const skip = () => {
      while (i < end && s.charCodeAt(i) === 32) i++;
    };
    skip();
    if (s.charCodeAt(i) === 93 && i < end) {
      i++;
    } else {
      for (;;) {
        skip();
        const c = s.charCodeAt(i);
        let v: Scalar;
        if (i < end && (c === 34 || c === 39)) {
          v = this.quoted(i, end);
          i = this.after;
        } else {
          let j = i;
          while (j < end && s.charCodeAt(j) !== 44 && s.charCodeAt(j) !== 93) j++;
          v = plain(this.cut(i, j), true);
          if (v === null) bail(); // `[a, , b]` and friends: leave to the real parser
          i = j;
        }
        items.push(v);
        skip();
        if (i < end && s.charCodeAt(i) === 44) {
          i++;
          continue;
        }
        if (i < end && s.charCodeAt(i) === 93) {
          i++;
          break;
        }
        return bail();
      }
    }
    if (!this.restIsBlank(i, end)) bail();
    return items;
  }

  parse(): { data: Record<string, Value>; header: string } {
    const s = this.s;
    const n = this.n;
    if (s.charCodeAt(0) === 0xfeff || s.includes('\t') || (this.crlf && /\r(?!\n)/.test(s))) bail();
    const root: Record<string, Value> = {};
    let pos = 0;
    // A block of comment lines at the very top (a file header), optionally followed by one blank
    // line, is kept verbatim; comments anywhere else are left to the `yaml` package.
    const headerLines: string[] = [];
    while (pos < n && s.charCodeAt(pos) === 35) {
      const end = this.lineEnd(pos);
      headerLines.push(this.cut(pos, end));
      pos = this.nextLine(end);
    }
    if (headerLines.length && pos < n && this.lineEnd(pos) === pos) {
      const after = this.nextLine(pos);
      if (after < n && KEY.test(s.slice(after, this.lineEnd(after)))) {
        headerLines.push('');
        pos = after;
      }
    }
    const header = headerLines.length ? headerLines.join('\n') + '\n' : '';
    while (pos < n) {
      const end = this.lineEnd(pos);
      const line = s.slice(pos, end);
      pos = this.nextLine(end);
      if (isSpaces(line, 0, line.length) || this.isCommentLine(end - line.length, end)) continue;
      const m = KEY.exec(line);
      if (!m) return bail(); // comments, directives, document markers, indented or odd lines
      const key = m[1]!;
      if (key === '__proto__' || Object.prototype.hasOwnProperty.call(root, key)) bail(); // duplicate: let `yaml` report it
      this.keyAt.set(key, end - line.length);
      if (m[2] !== undefined && m[2] !== '') {
        root[key] = this.scalar(end - m[2].length, end);
        continue;
      }
      // `key:` alone: null, or a block sequence of mappings (only for `annotations`).
      let next = pos;
      while (next < n && (isSpaces(s, next, this.lineEnd(next)) || this.isCommentLine(next, this.lineEnd(next)))) next = this.nextLine(this.lineEnd(next));
      const nextLine = next < n ? s.slice(next, this.lineEnd(next)) : '';
      const seqIndent = /^( *)- /.exec(nextLine)?.[1]?.length;
      if (seqIndent === undefined) {
        if (nextLine.charCodeAt(0) === 32) bail();
        root[key] = null;
        continue;
      }
      if (key !== 'annotations') bail();
      const [items, after] = this.blockSeqOfMaps(next, seqIndent);
      root[key] = items;
      pos = after;
      this.itemsEnd = after;
    }
    if (Object.keys(root).length === 0) bail(); // an empty document is null, not a mapping
    return { data: root, header };
  }

  /** Starts of lines, found once when a problem is first located. */
  private lineStarts: number[] | undefined;

  private lineOf(offset: number): number {
    if (!this.lineStarts) {
      const starts = [0];
      for (let k = this.s.indexOf('\n'); k >= 0; k = this.s.indexOf('\n', k + 1)) starts.push(k + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /**
   * The line of a field, as the `yaml` package would give it: a top-level key's line, an
   * annotation's first line, or the line of its key (the annotation's first line when it has none).
   */
  locate(path: readonly (string | number)[]): number | undefined {
    if (path.length === 0) return this.lineOf(this.keyAt.values().next().value ?? 0);
    const top = this.keyAt.get(String(path[0]));
    if (top === undefined) return 1;
    if (path[0] !== 'annotations' || typeof path[1] !== 'number') return this.lineOf(top);
    const start = this.itemAt[path[1]];
    if (start === undefined) return this.lineOf(top);
    if (path.length < 3) return this.lineOf(start);
    const field = `${String(path[2])}:`;
    const end = this.itemAt[path[1] + 1] ?? this.itemsEnd;
    for (let pos = start; pos < end; pos = this.nextLine(this.lineEnd(pos))) {
      let k = pos;
      while (this.s.charCodeAt(k) === 32) k++;
      if (pos === start) k += 2; // past "- "
      if (this.s.startsWith(field, k)) return this.lineOf(pos);
    }
    return this.lineOf(start);
  }

  private blockSeqOfMaps(from: number, indent: number): [Record<string, Scalar | Scalar[]>[], number] {
    const s = this.s;
    const n = this.n;
    const items: Record<string, Scalar | Scalar[]>[] = [];
    const dash = ' '.repeat(indent) + '- ';
    const inner = ' '.repeat(indent + 2);
    let current: Record<string, Scalar | Scalar[]> | undefined;
    // Keys already checked, recognised without cutting them out of each line (fewer strings: less
    // garbage collection on sidecars of thousands of annotations). Annotations repeat the key
    // order of the one before, so the key after the last one found is tried first.
    const seenKeys: string[] = [];
    let hint = 0;
    /** `key: value` from `offset` to the line's `end`. */
    const put = (offset: number, end: number) => {
      const colon = s.indexOf(':', offset);
      if (colon <= offset || colon >= end || !current) return bail();
      const length = colon - offset;
      let key: string | undefined;
      const guess = seenKeys[hint];
      if (guess !== undefined && guess.length === length && s.startsWith(guess, offset)) {
        key = guess;
        hint++;
      } else {
        for (let k = 0; k < seenKeys.length; k++) {
          const candidate = seenKeys[k]!;
          if (candidate.length === length && s.startsWith(candidate, offset)) {
            key = candidate;
            hint = k + 1;
            break;
          }
        }
      }
      if (key === undefined) {
        key = s.slice(offset, colon);
        if (!KEY_NAME.test(key) || key === '__proto__') return bail();
        if (seenKeys.length < 32) {
          seenKeys.push(key);
          hint = seenKeys.length;
        }
      }
      let v = colon + 1;
      if (v < end && s.charCodeAt(v) !== 32) return bail();
      while (v < end && s.charCodeAt(v) === 32) v++;
      // `key:` with no value: null, or a nested block; either way the real parser's.
      if (v >= end) return bail();
      if (Object.prototype.hasOwnProperty.call(current, key)) return bail();
      current[key] = this.scalar(v, end);
    };
    let pos = from;
    while (pos < n) {
      const end = this.lineEnd(pos);
      if (s.startsWith(dash, pos)) {
        current = {};
        items.push(current);
        this.itemAt.push(pos);
        put(pos + dash.length, end);
      } else if (s.startsWith(inner, pos) && pos + inner.length < end && s.charCodeAt(pos + inner.length) !== 32 && s.charCodeAt(pos + inner.length) !== 45) {
        put(pos + inner.length, end);
      } else if (isSpaces(s, pos, end) || this.isCommentLine(pos, end)) {
        // blank or comment line
      } else if (s.charCodeAt(pos) !== 32 && (indent > 0 || s.charCodeAt(pos) !== 45)) {
        break; // the next top-level key
      } else {
        return bail();
      }
      pos = this.nextLine(end);
    }
    return [items, pos];
  }
}

/**
 * Parses the plain subset; `undefined` when the text is outside it (the caller then uses the
 * `yaml` package, which also reports errors with lines). Bytes (valid UTF-8, no byte-order mark)
 * are read as Latin-1, one character per byte: half the memory of the decoded text for a sidecar
 * with any non-Latin-1 character, and no decoding of the whole file; values with non-ASCII
 * characters are decoded one by one.
 */
export interface FastParsed {
  data: Record<string, Value>;
  header: string;
  /** Comments other than the header were skipped. */
  comments: boolean;
  /** 1-based line of a field path (for problems), as the `yaml` package's positions give it. */
  locate(path: readonly (string | number)[]): number | undefined;
}

export function fastParse(input: string | Uint8Array): FastParsed | undefined {
  try {
    let reader: Reader;
    if (typeof input === 'string') reader = new Reader(input, undefined);
    else {
      const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
      reader = new Reader(bytes.toString('latin1'), bytes);
    }
    const { data, header } = reader.parse();
    return { data, header, comments: reader.comments, locate: (path) => reader.locate(path) };
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

/* ------------------------------------------------------------------------------------------ */

const SAFE_PLAIN = /^[\p{L}_][\p{L}\p{N}\p{M} _.\-/()@+=;&'’:]*$/u;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/** Whether a string is written plain (unquoted); otherwise it is written as a JSON string. */
const ASCII_PLAIN = /^[A-Za-z_][A-Za-z0-9 _.\-/()@+=;&':]*$/;
const ASCII_ONLY = /^[ -~]*$/;

export function writesPlain(s: string): boolean {
  // The ASCII check first: the Unicode-property pattern is several times slower.
  const safe = ASCII_PLAIN.test(s) || (!ASCII_ONLY.test(s) && SAFE_PLAIN.test(s));
  return safe && !/ $|:$|: /.test(s) && !RESERVED.test(s);
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return writesPlain(v) ? v : JSON.stringify(v);
  if (typeof v === 'number') return Number.isSafeInteger(v) && !Object.is(v, -0) ? String(v) : undefined;
  if (typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  return undefined;
}

function valueText(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const parts: string[] = [];
    for (const x of v) {
      const t = scalarText(x);
      if (t === undefined) return undefined;
      parts.push(t);
    }
    return `[ ${parts.join(', ')} ]`;
  }
  return scalarText(v);
}

/**
 * Writes the sidecar in the one block style the `yaml` writer would use, or returns false when
 * some value needs that writer (`add` may then have had part of the text: drop it). Annotation keys
 * come first in `keyOrder` (the keys of `known`: absent and null values left out), then any other
 * own key of the object (absent values left out). The text goes to `add` in pieces: the top keys,
 * then one piece per annotation, so that a caller can encode each as it comes and let it die young.
 */
export function fastStringifyPieces(top: [string, unknown][], annotations: readonly object[], keyOrder: readonly string[], known: ReadonlySet<string>, add: (piece: string) => void): boolean {
  let out = '';
  const plainKeys = new Set<string>();
  const keyOk = (k: string): boolean => {
    if (plainKeys.has(k)) return true;
    if (!writesPlain(k)) return false;
    plainKeys.add(k);
    return true;
  };
  for (const [k, v] of top) {
    const t = valueText(v);
    if (t === undefined || !keyOk(k)) return false;
    out += `${k}: ${t}\n`;
  }
  if (annotations.length === 0) {
    add(out + 'annotations: []\n');
    return true;
  }
  add(out + 'annotations:\n');
  let lines = '';
  /** Adds `key: value` to the current annotation's lines; false when the `yaml` writer is needed. */
  const entry = (k: string, v: unknown): boolean => {
    const t = valueText(v);
    if (t === undefined || !keyOk(k)) return false;
    lines += (lines === '' ? '  - ' : '    ') + k + ': ' + t + '\n';
    return true;
  };
  for (let i = 0; i < annotations.length; i++) {
    const record = annotations[i] as Record<string, unknown>;
    lines = '';
    for (const k of keyOrder) {
      const v = record[k];
      if (v !== undefined && v !== null && !entry(k, v)) return false;
    }
    for (const k in record) {
      if (known.has(k) || !Object.prototype.hasOwnProperty.call(record, k)) continue;
      const v = record[k];
      if (v !== undefined && !entry(k, v)) return false;
    }
    if (lines === '') return false;
    add(lines);
  }
  return true;
}
