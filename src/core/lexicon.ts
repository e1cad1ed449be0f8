/**
 * The workspace lexicon `.annotator/actors.yaml` (docs/lexicon-format.md): actors the user adds
 * or fixes (canonical name, type, aliases, colour) and surface forms to ignore.
 */
import { isMap, isSeq, LineCounter, parseDocument, YAMLMap, YAMLSeq, type Document } from 'yaml';
import { ACTOR_TYPES, type ActorType, type Lexicon, type LexiconEntry } from './model';

export interface LexiconProblem {
  message: string;
  line?: number;
}

export interface LexiconParseResult {
  lexicon: Lexicon;
  problems: LexiconProblem[];
}

const EMPTY: Lexicon = { actors: [], ignore: [] };

/** Parses a lexicon; on any problem the lexicon is empty (callers fall back to none) and every problem is listed. */
export function parseLexicon(text: string): LexiconParseResult {
  if (text.trim() === '') return { lexicon: { actors: [], ignore: [] }, problems: [] };
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const problems: LexiconProblem[] = doc.errors.map((e) => ({ message: `Not valid YAML: ${e.message.split('\n')[0]}`, line: lc.linePos(e.pos[0]).line }));
  if (problems.length) return { lexicon: EMPTY, problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { lexicon: EMPTY, problems: [{ message: (e as Error).message, line: 1 }] };
  }
  const lineOf = (path: (string | number)[]): number | undefined => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lc.linePos(node.range[0]).line : undefined;
  };
  if (data === null || data === undefined) return { lexicon: { actors: [], ignore: [] }, problems: [] }; // only comments
  if (typeof data !== 'object' || Array.isArray(data)) return { lexicon: EMPTY, problems: [{ message: 'The lexicon must be a mapping with "actors" and "ignore".', line: 1 }] };
  const obj = data as Record<string, unknown>;
  const actors: LexiconEntry[] = [];
  if (obj.actors !== undefined && obj.actors !== null) {
    if (!Array.isArray(obj.actors)) problems.push({ message: '"actors" must be a list.', line: lineOf(['actors']) });
    else {
      obj.actors.forEach((raw, i) => {
        const line = lineOf(['actors', i]);
        if (typeof raw !== 'object' || raw === null) {
          problems.push({ message: `Actor ${i + 1} must be a mapping with name and type.`, line });
          return;
        }
        const a = raw as Record<string, unknown>;
        if (typeof a.name !== 'string' || !a.name.trim()) problems.push({ message: `Actor ${i + 1}: "name" is required.`, line: lineOf(['actors', i, 'name']) ?? line });
        if (!ACTOR_TYPES.includes(a.type as ActorType)) problems.push({ message: `Actor ${i + 1}: "type" must be one of ${ACTOR_TYPES.join(', ')}.`, line: lineOf(['actors', i, 'type']) ?? line });
        if (a.aliases !== undefined && (!Array.isArray(a.aliases) || a.aliases.some((x) => typeof x !== 'string'))) problems.push({ message: `Actor ${i + 1}: "aliases" must be a list of names.`, line: lineOf(['actors', i, 'aliases']) ?? line });
        if (a.color !== undefined && (typeof a.color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(a.color))) problems.push({ message: `Actor ${i + 1}: "color" must look like #1f77b4.`, line: lineOf(['actors', i, 'color']) ?? line });
        if (typeof a.name === 'string' && ACTOR_TYPES.includes(a.type as ActorType)) {
          actors.push({ name: a.name.trim(), type: a.type as ActorType, aliases: Array.isArray(a.aliases) ? (a.aliases as string[]).filter((x) => typeof x === 'string') : [], ...(typeof a.color === 'string' ? { color: a.color } : {}) });
        }
      });
    }
  }
  let ignore: string[] = [];
  if (obj.ignore !== undefined && obj.ignore !== null) {
    if (!Array.isArray(obj.ignore) || obj.ignore.some((x) => typeof x !== 'string')) problems.push({ message: '"ignore" must be a list of names.', line: lineOf(['ignore']) });
    else ignore = obj.ignore as string[];
  }
  for (const k of Object.keys(obj)) if (k !== 'actors' && k !== 'ignore' && k !== 'version') problems.push({ message: `Unknown key "${k}".`, line: lineOf([k]) });
  if (problems.length) return { lexicon: EMPTY, problems };
  return { lexicon: { actors, ignore }, problems };
}

function load(text: string): Document.Parsed {
  const doc = parseDocument(text.trim() === '' ? 'actors: []\nignore: []\n' : text);
  if (doc.errors.length) throw new Error(`The lexicon does not parse (${doc.errors[0]!.message.split('\n')[0]}); fix it before adding to it.`);
  if (doc.contents === null) doc.contents = doc.createNode({ actors: [], ignore: [] }) as never;
  if (!isMap(doc.contents)) throw new Error('The lexicon must be a mapping.');
  return doc;
}

function seq(doc: Document.Parsed, key: string): YAMLSeq {
  const root = doc.contents as unknown as YAMLMap;
  const found: unknown = root.get(key, true);
  if (isSeq(found)) return found;
  const s = new YAMLSeq();
  root.set(key, s);
  return s;
}

/** Adds an actor, or an alias to an existing one (`aliasOf`), keeping the file's comments. */
export function addLexiconActor(text: string, entry: { name: string; type: ActorType; aliasOf?: string; color?: string }): string {
  if (parseLexicon(text).problems.length && text.trim()) throw new Error('The lexicon has problems; fix them before adding to it.');
  const doc = load(text);
  const actors = seq(doc, 'actors');
  if (entry.aliasOf) {
    const target = actors.items.find((it) => isMap(it) && it.get('name') === entry.aliasOf) as YAMLMap | undefined;
    if (target) {
      const found: unknown = target.get('aliases', true);
      let aliases: YAMLSeq;
      if (isSeq(found)) aliases = found;
      else {
        aliases = new YAMLSeq();
        aliases.flow = true;
        target.set('aliases', aliases);
      }
      if (!aliases.items.some((x) => String((x as { value?: unknown }).value ?? x) === entry.name)) aliases.add(doc.createNode(entry.name));
      return doc.toString({ lineWidth: 0 });
    }
    actors.add(doc.createNode({ name: entry.aliasOf, type: entry.type, aliases: [entry.name] }, { flow: false }));
    return doc.toString({ lineWidth: 0 });
  }
  if (!actors.items.some((it) => isMap(it) && it.get('name') === entry.name)) {
    actors.add(doc.createNode({ name: entry.name, type: entry.type, ...(entry.color ? { color: entry.color } : {}) }));
  }
  return doc.toString({ lineWidth: 0 });
}

/** Adds a surface form to the ignore list, keeping the file's comments. */
export function addLexiconIgnore(text: string, surface: string): string {
  if (parseLexicon(text).problems.length && text.trim()) throw new Error('The lexicon has problems; fix them before adding to it.');
  const doc = load(text);
  const ignore = seq(doc, 'ignore');
  if (!ignore.items.some((x) => String((x as { value?: unknown }).value ?? x) === surface)) ignore.add(doc.createNode(surface));
  return doc.toString({ lineWidth: 0 });
}
