/**
 * Reading a sidecar that has a YAML syntax error, region by region, so that one broken annotation
 * does not hide the problems of the others (issue 17). The text is cut at its top-level keys and
 * at the items of the `annotations:` list (a line that starts a `- ` item at the list's indent
 * ends the region before it, whatever that region left open: an unclosed quote, `[` or `{`); each
 * region is parsed on its own. The result is every region's syntax errors, then the schema
 * problems of the regions that parsed, each on its line in the whole file. Nothing of a broken
 * region is judged (what the parser made of it is a guess), and nothing is invented for it.
 * Linear in the text: runs of plain annotations are read by the fast reader in chunks.
 */
import { fastParse } from './fastyaml';
import { validateSidecarData, type Path } from './validate';
import type { SidecarProblem } from './index';

/** What one region gave: lines are the region's own (1-based). */
export interface RegionRead {
  /** Syntax errors and refusals (an alias bomb…): the region's value is not used. */
  errors: SidecarProblem[];
  /** Whether there are YAML syntax errors among `errors`. */
  syntax: boolean;
  /** Other problems that do not stop its value being judged (an odd tag). */
  notes: SidecarProblem[];
  data?: unknown;
  locate(path: Path): number | undefined;
}

/** Reads one region with the `yaml` package (given by the caller: index.ts owns that path). */
export type ReadRegion = (text: string) => RegionRead;

interface Region {
  /** Offset in the text, and 0-based line, where the region starts. */
  start: number;
  line: number;
  kind: 'top' | 'item';
  /** The key a top-level region starts with, when it can be told from its first line. */
  key?: string;
}

/** Plain annotations read by the fast reader in chunks of at most this many characters. */
const CHUNK_CHARS = 64 * 1024;
const TOP_KEY = /^(?:"([^"\\]*)"|'([^']*)'|([^\s:#'"][^:#]*?))[ \t]*:(?:[ \t]+(.*)|)$/;

/** Cuts the text at its top-level keys and at the items of the `annotations:` list. */
export function regionsOf(text: string): Region[] {
  const regions: Region[] = [];
  let listIndent: number | undefined;
  let waitingForList = false;
  let line = 0;
  for (let pos = 0; pos < text.length; line++) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const content = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
    const here = pos;
    pos = end + 1;
    let indent = 0;
    while (content.charCodeAt(indent) === 32) indent++;
    if (indent === content.length || content.charCodeAt(indent) === 35) continue; // blank or comment
    const dash = content.charCodeAt(indent) === 45 && (indent + 1 === content.length || content.charCodeAt(indent + 1) === 32);
    if (dash && waitingForList) {
      listIndent = indent;
      waitingForList = false;
    }
    if (dash && indent === listIndent) {
      regions.push({ start: here, line, kind: 'item' });
      continue;
    }
    const c = content.charCodeAt(0);
    if (indent > 0 || c === 9 || c === 45 || content.startsWith('...')) continue;
    const m = TOP_KEY.exec(content);
    const key = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    regions.push({ start: here, line, kind: 'top', ...(key !== undefined ? { key } : {}) });
    listIndent = undefined;
    const rest = m?.[4]?.trim() ?? '';
    waitingForList = key === 'annotations' && (rest === '' || rest.startsWith('#'));
  }
  // What comes before the first region (a header comment, `---`) goes with it.
  if (regions[0]) {
    regions[0].start = 0;
    regions[0].line = 0;
  }
  return regions;
}

/** An annotation as read from its region, or undefined when its region is broken. */
interface Item {
  value: unknown;
  /** The line of a path inside the annotation, in the whole file. */
  locate(path: Path): number | undefined;
}

const own = (o: Record<string, unknown>, k: string, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

/**
 * The problems of a text with a syntax error, found region by region; undefined when no region
 * has one (the error is not inside a region: the caller reports what the whole parse says).
 */
export function recoverByRegions(text: string, readRegion: ReadRegion): SidecarProblem[] | undefined {
  const regions = regionsOf(text);
  if (regions.length < 2) return undefined;
  const errors: SidecarProblem[] = [];
  let syntax = false;
  const notes: SidecarProblem[] = [];
  const shift = (p: SidecarProblem, base: number): SidecarProblem => ({ ...p, line: (p.line ?? 1) + base });
  const textOf = (i: number) => text.slice(regions[i]!.start, regions[i + 1]?.start ?? text.length);
  const data: Record<string, unknown> = {};
  const topLocate = new Map<string, (path: Path) => number | undefined>();
  const items: (Item | undefined)[] = [];
  const brokenKeys = new Set<string>();
  let brokenUnknownKey = false;

  /** Reads one region with the fast reader, else the `yaml` package; undefined when broken. */
  const read = (i: number, fastText: string, fastShift: number): { data: unknown; locate: (path: Path) => number | undefined; fast: boolean } | undefined => {
    const region = regions[i]!;
    const fast = fastParse(fastText);
    if (fast) return { data: fast.data, locate: (p) => (fast.locate(p) ?? 1) - fastShift + region.line, fast: true };
    const r = readRegion(textOf(i));
    notes.push(...r.notes.map((p) => shift(p, region.line)));
    if (r.errors.length || r.data === undefined) {
      syntax ||= r.syntax;
      // An alias whose anchor is in another region says nothing about this one: not reported
      // (without a syntax error elsewhere, the whole file is parsed and resolves it).
      if (r.syntax || !r.errors.every((p) => /Unresolved alias/.test(p.message))) errors.push(...r.errors.map((p) => shift(p, region.line)));
      return undefined;
    }
    return { data: r.data, locate: (p) => (r.locate(p) ?? 1) + region.line, fast: false };
  };

  const readItem = (i: number) => {
    const got = read(i, `annotations:\n${textOf(i)}`, 1);
    if (!got) {
      items.push(undefined);
      return;
    }
    const list = got.fast ? (got.data as Record<string, unknown>).annotations : got.data;
    const values = Array.isArray(list) ? list : [list];
    values.forEach((value, k) => items.push({ value, locate: (p) => got.locate(got.fast ? ['annotations', k, ...p] : [k, ...p]) }));
  };

  for (let i = 0; i < regions.length; ) {
    const region = regions[i]!;
    if (region.kind === 'item') {
      // A run of items, in chunks: one fast read each when they are plain (the common case).
      let j = i;
      while (j < regions.length && regions[j]!.kind === 'item' && (j === i || (regions[j + 1]?.start ?? text.length) - region.start <= CHUNK_CHARS)) j++;
      const chunk = text.slice(region.start, regions[j]?.start ?? text.length);
      const fast = j - i > 1 ? fastParse(`annotations:\n${chunk}`) : undefined;
      const list = fast?.data.annotations;
      if (fast && Array.isArray(list) && list.length === j - i && Object.keys(fast.data).length === 1) {
        list.forEach((value, k) => items.push({ value, locate: (p) => (fast.locate(['annotations', k, ...p]) ?? 1) - 1 + region.line }));
      } else {
        for (let k = i; k < j; k++) readItem(k);
      }
      i = j;
      continue;
    }
    const got = read(i, textOf(i), 0);
    i++;
    if (!got) {
      if (region.key !== undefined) brokenKeys.add(region.key);
      else brokenUnknownKey = true;
      continue;
    }
    if (got.data === null || got.data === undefined) continue; // comments only
    if (typeof got.data !== 'object' || Array.isArray(got.data)) {
      errors.push({ message: 'Not valid YAML: expected a top-level key (`key: value`) here.', line: region.line + 1, column: 1 });
      syntax = true;
      brokenUnknownKey = true;
      continue;
    }
    for (const [k, v] of Object.entries(got.data as Record<string, unknown>)) {
      if (Object.prototype.hasOwnProperty.call(data, k)) {
        errors.push({ message: 'Not valid YAML: Map keys must be unique', line: got.locate([k]) ?? region.line + 1, column: 1 });
        syntax = true;
        continue;
      }
      own(data, k, v);
      topLocate.set(k, (p) => got.locate([k, ...p]));
    }
  }
  if (!syntax) return undefined;

  const brokenItems = new Set<number>();
  if (items.length) {
    own(
      data,
      'annotations',
      items.map((item, i) => {
        if (!item) brokenItems.add(i);
        return item ? item.value : null;
      }),
    );
  }
  const locate = (path: Path): number | undefined => {
    if (path[0] === 'annotations' && typeof path[1] === 'number' && items.length) return items[path[1]]?.locate(path.slice(2));
    if (path.length === 0) return 1;
    return topLocate.get(String(path[0]))?.(path.slice(1)) ?? 1;
  };
  const judged = validateSidecarData(data, locate).problems.filter((p) => {
    if (p.path === undefined) return !brokenUnknownKey && brokenKeys.size === 0;
    const [top, index] = p.path.slice(1).split('/');
    if (top === 'annotations' && index !== undefined && /^\d+$/.test(index)) return !brokenItems.has(Number(index));
    return !brokenUnknownKey && !brokenKeys.has(top!.replace(/~1/g, '/').replace(/~0/g, '~'));
  });
  return [...errors, ...notes, ...judged];
}
