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
      if (!isSpaces(this.s, this.after, end)) bail();
      return v;
    }
    if (c === 91) return this.flowSeq(from, end);
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
    if (!isSpaces(s, i, end)) bail();
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
      if (isSpaces(line, 0, line.length)) continue;
      const m = KEY.exec(line);
      if (!m) return bail(); // comments, directives, document markers, indented or odd lines
      const key = m[1]!;
      if (key === '__proto__' || Object.prototype.hasOwnProperty.call(root, key)) bail(); // duplicate: let `yaml` report it
      if (m[2] !== undefined && m[2] !== '') {
        root[key] = this.scalar(end - m[2].length, end);
        continue;
      }
      // `key:` alone: null, or a block sequence of mappings (only for `annotations`).
      let next = pos;
      while (next < n && isSpaces(s, next, this.lineEnd(next))) next = this.nextLine(this.lineEnd(next));
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
    }
    if (Object.keys(root).length === 0) bail(); // an empty document is null, not a mapping
    return { data: root, header };
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
        put(pos + dash.length, end);
      } else if (s.startsWith(inner, pos) && pos + inner.length < end && s.charCodeAt(pos + inner.length) !== 32 && s.charCodeAt(pos + inner.length) !== 45) {
        put(pos + inner.length, end);
      } else if (isSpaces(s, pos, end)) {
        // blank line
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
export function fastParse(input: string | Uint8Array): { data: Record<string, Value>; header: string } | undefined {
  try {
    if (typeof input === 'string') return new Reader(input, undefined).parse();
    const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    return new Reader(bytes.toString('latin1'), bytes).parse();
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
