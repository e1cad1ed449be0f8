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

/** Reads a double-quoted scalar starting at `s[i] === '"'`; returns the value and the index after the closing quote. */
function readDouble(s: string, i: number): [string, number] {
  let out = '';
  let j = i + 1;
  for (;;) {
    const k = s.indexOf('\\', j);
    const q = s.indexOf('"', j);
    if (q < 0) return bail(); // multi-line or unterminated
    if (k < 0 || q < k) {
      out += s.slice(j, q);
      return [out, q + 1];
    }
    out += s.slice(j, k);
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

function readSingle(s: string, i: number): [string, number] {
  let out = '';
  let j = i + 1;
  for (;;) {
    const q = s.indexOf("'", j);
    if (q < 0) return bail();
    out += s.slice(j, q);
    if (s[q + 1] === "'") {
      out += "'";
      j = q + 2;
    } else {
      return [out, q + 1];
    }
  }
}

function plain(raw: string, inFlow: boolean): Scalar {
  const v = raw.endsWith(' ') ? raw.replace(/ +$/, '') : raw;
  if (v === '' || NULLS.has(v)) return null;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  if (INT.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : bail();
  }
  if (FLOATISH.test(v)) return bail();
  if (/^[-?:](?: |$)|^[,[\]{}#&*!|>'"%@`]/.test(v) || / #|: |:$|\t/.test(v) || (inFlow && /[,[\]{}]/.test(v))) return bail();
  return v;
}

/** A scalar filling the rest of a line from `from` (after `key: ` or `- `); quoted ones are read in place. */
function lineScalar(s: string, from = 0): Scalar | Scalar[] {
  const c = s[from];
  if (c === '"' || c === "'") {
    const [v, end] = c === '"' ? readDouble(s, from) : readSingle(s, from);
    if (end < s.length && !/^ *$/.test(s.slice(end))) bail();
    return v;
  }
  const rest = from ? s.slice(from) : s;
  if (c === '[') return flowSeq(rest);
  return plain(rest, false);
}

function flowSeq(s: string): Scalar[] {
  const items: Scalar[] = [];
  let i = 1;
  const skip = () => {
    while (s[i] === ' ') i++;
  };
  skip();
  if (s[i] === ']') {
    i++;
  } else {
    for (;;) {
      skip();
      const c = s[i];
      let v: Scalar;
      if (c === '"' || c === "'") {
        [v, i] = c === '"' ? readDouble(s, i) : readSingle(s, i);
      } else {
        let j = i;
        while (j < s.length && s[j] !== ',' && s[j] !== ']') j++;
        v = plain(s.slice(i, j), true);
        if (v === null) bail(); // `[a, , b]` and friends: leave to the real parser
        i = j;
      }
      items.push(v);
      skip();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === ']') {
        i++;
        break;
      }
      return bail();
    }
  }
  if (!/^ *$/.test(s.slice(i))) bail();
  return items;
}

/**
 * Parses the plain subset; `undefined` when the text is outside it (the caller then uses the
 * `yaml` package, which also reports errors with lines).
 */
export function fastParse(text: string): { data: Record<string, Value>; header: string } | undefined {
  try {
    return parseLines(text);
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

function parseLines(text: string): { data: Record<string, Value>; header: string } {
  if (text.charCodeAt(0) === 0xfeff || text.includes('\t') || /\r(?!\n)/.test(text)) bail();
  const lines = text.includes('\r') ? text.split(/\r?\n/) : text.split('\n');
  const root: Record<string, Value> = {};
  let i = 0;
  const n = lines.length;
  // A block of comment lines at the very top (a file header), optionally followed by one blank
  // line, is kept verbatim; comments anywhere else are left to the `yaml` package.
  while (i < n && lines[i]!.startsWith('#')) i++;
  if (i > 0 && i < n && lines[i] === '' && i + 1 < n && KEY.test(lines[i + 1]!)) i++;
  const header = i > 0 ? lines.slice(0, i).join('\n') + '\n' : '';
  while (i < n) {
    const line = lines[i]!;
    if (line === '' || /^ +$/.test(line)) {
      i++;
      continue;
    }
    const m = KEY.exec(line);
    if (!m) return bail(); // comments, directives, document markers, indented or odd lines
    const key = m[1]!;
    if (Object.prototype.hasOwnProperty.call(root, key)) bail(); // duplicate: let `yaml` report it
    i++;
    if (m[2] !== undefined && m[2] !== '') {
      root[key] = lineScalar(m[2]);
      continue;
    }
    // `key:` alone: null, or a block sequence of mappings (only for `annotations`).
    let j = i;
    while (j < n && /^ *$/.test(lines[j]!)) j++;
    const next = j < n ? lines[j]! : '';
    const seqIndent = /^( *)- /.exec(next)?.[1]?.length;
    if (seqIndent === undefined) {
      if (/^ /.test(next)) bail();
      root[key] = null;
      continue;
    }
    if (key !== 'annotations') bail();
    const [items, after] = blockSeqOfMaps(lines, j, seqIndent);
    root[key] = items;
    i = after;
  }
  return { data: root, header };
}

function blockSeqOfMaps(lines: string[], from: number, indent: number): [Record<string, Scalar | Scalar[]>[], number] {
  const items: Record<string, Scalar | Scalar[]>[] = [];
  const dash = ' '.repeat(indent) + '- ';
  const inner = ' '.repeat(indent + 2);
  let i = from;
  let current: Record<string, Scalar | Scalar[]> | undefined;
  let sawNull = false;
  // Keys already checked, recognised without cutting them out of each line (fewer strings: less
  // garbage collection on sidecars of thousands of annotations).
  const seenKeys: string[] = [];
  /** `key: value` or `key:` from `offset` of `line`, scanned by hand: this runs once per line. */
  const put = (line: string, offset: number) => {
    const colon = line.indexOf(':', offset);
    if (colon < offset + 1 || !current) return bail();
    let key: string | undefined;
    for (const k of seenKeys) {
      if (k.length === colon - offset && line.startsWith(k, offset)) {
        key = k;
        break;
      }
    }
    if (key === undefined) {
      key = line.slice(offset, colon);
      if (!KEY_NAME.test(key)) return bail();
      if (seenKeys.length < 32) seenKeys.push(key);
    }
    let value: Scalar | Scalar[] = null;
    if (colon + 1 < line.length) {
      if (line.charCodeAt(colon + 1) !== 32) return bail();
      let v = colon + 2;
      while (line.charCodeAt(v) === 32) v++;
      if (v < line.length) value = lineScalar(line, v);
    }
    if (Object.prototype.hasOwnProperty.call(current, key)) bail();
    if (value === null) sawNull = true;
    current[key] = value;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === '' || (line.charCodeAt(0) === 32 && !line.startsWith(dash) && !line.startsWith(inner) && /^ +$/.test(line))) {
      i++;
      continue;
    }
    if (line.startsWith(dash)) {
      current = {};
      items.push(current);
      put(line, dash.length);
    } else if (line.startsWith(inner) && line[inner.length] !== ' ' && line[inner.length] !== '-') {
      put(line, inner.length);
    } else if (indent > 0 && /^[^ ]/.test(line)) {
      break;
    } else if (indent === 0 && /^[^ -]/.test(line)) {
      break;
    } else {
      return bail();
    }
    // A key with an empty value followed by deeper lines would be a nested block: not ours.
    i++;
  }
  if (sawNull) bail();
  return [items, i];
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
 * Writes `[key, value]` entries of the top level and of each annotation (already ordered) in
 * the plain subset; `undefined` when some value needs the full `yaml` writer.
 */
/**
 * Writes the sidecar in the one block style the `yaml` writer would use, or returns undefined when
 * some value needs that writer. Annotation keys come first in `keyOrder` (the keys of `known`: absent
 * and null values left out), then any other own key of the object (absent values left out).
 */
export function fastStringify(top: [string, unknown][], annotations: readonly object[], keyOrder: readonly string[], known: ReadonlySet<string>): string | undefined {
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
    if (t === undefined || !keyOk(k)) return undefined;
    out += `${k}: ${t}\n`;
  }
  if (annotations.length === 0) return out + 'annotations: []\n';
  // One long concatenation (a rope, flattened once) is faster here than joining pieces.
  out += 'annotations:\n';
  for (const a of annotations) {
    const record = a as Record<string, unknown>;
    let first = true;
    for (const k of keyOrder) {
      const v = record[k];
      if (v === undefined || v === null) continue;
      const t = valueText(v);
      if (t === undefined || !keyOk(k)) return undefined;
      out += (first ? '  - ' : '    ') + k + ': ' + t + '\n';
      first = false;
    }
    for (const k in record) {
      if (known.has(k) || !Object.prototype.hasOwnProperty.call(record, k)) continue;
      const v = record[k];
      if (v === undefined) continue;
      const t = valueText(v);
      if (t === undefined || !keyOk(k)) return undefined;
      out += (first ? '  - ' : '    ') + k + ': ' + t + '\n';
      first = false;
    }
    if (first) return undefined;
  }
  return out;
}
