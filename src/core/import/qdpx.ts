/**
 * Reading a REFI-QDA project (`.qdpx`: a zip holding `project.qde` and `sources/`), as NVivo,
 * ATLAS.ti, MAXQDA, QualCoder and our export write it: the codebook's codes (with colour and
 * description), the text sources (internal `sources/<guid>.txt` or inline PlainTextContent), and
 * each PlainTextSelection's codings (one annotation per code) with its description (our export's
 * `Speaker:` and `Tags:` lines read back), user and date. Pure: no I/O.
 *
 * Hostile input: the zip is inflated with bounded size (zip.ts), entry names are never used as
 * paths, external sources (`file://`, `relative://`) are not read, and the XML is parsed by a
 * strict SAX parser that refuses any DOCTYPE, so no entity is ever expanded or fetched.
 */
import * as sax from 'sax';
import { sha256 } from '../hash';
import type { LabelDef } from '../model';
import { OffsetMap } from '../offsets';
import { MAX_IMPORT_ANNOTATIONS, refusal, type ImportedAnnotation, type ImportRead } from './types';
import { readZipEntries, type ZipLimits } from './zip';

interface Selection {
  name: string;
  start: number;
  end: number;
  user?: string;
  created?: string;
  description: string;
  codes: string[];
}

interface Source {
  name: string;
  plainTextPath?: string;
  content?: string;
  selections: Selection[];
}

interface Project {
  users: Map<string, string>;
  codes: Map<string, LabelDef>;
  sources: Source[];
}

const POSITION = /^\d{1,15}$/;

/** The project.qde's users, codes and sources; throws with the line on malformed XML or a DOCTYPE. */
export function parseProjectXml(xml: string): Project {
  const parser = sax.parser(true, { trim: false, normalize: false, xmlns: false });
  const project: Project = { users: new Map(), codes: new Map(), sources: [] };
  const stack: string[] = [];
  let source: Source | undefined;
  let selection: Selection | undefined;
  let code: LabelDef | undefined;
  const codeStack: (LabelDef | undefined)[] = [];
  let text: string[] | undefined;
  let failure: Error | undefined;
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  const attr = (node: sax.Tag, k: string): string | undefined => {
    const v = Object.prototype.hasOwnProperty.call(node.attributes, k) ? node.attributes[k] : undefined;
    return typeof v === 'string' ? v : undefined;
  };
  parser.ondoctype = () => {
    failure = new Error(`line ${parser.line + 1}: has a DOCTYPE; REFI-QDA projects have none, and entities are never expanded`);
    throw failure;
  };
  parser.onerror = (e) => {
    failure ??= new Error(`not well-formed XML: ${e.message.split('\n')[0]} (line ${parser.line + 1})`);
    throw failure;
  };
  parser.onopentag = (node) => {
    const tag = node as sax.Tag;
    const name = local(tag.name);
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (name === 'User') {
      const g = attr(tag, 'guid');
      const n = attr(tag, 'name');
      if (g && n) project.users.set(g, n);
    } else if (name === 'Code') {
      codeStack.push(code);
      const g = attr(tag, 'guid');
      const n = attr(tag, 'name');
      code = n !== undefined ? { name: n } : undefined;
      const color = attr(tag, 'color');
      if (code && color && /^#[0-9a-fA-F]{6}$/.test(color)) code.color = color;
      if (g && code) project.codes.set(g, code);
    } else if (name === 'TextSource') {
      source = { name: attr(tag, 'name') ?? attr(tag, 'guid') ?? '', selections: [] };
      const p = attr(tag, 'plainTextPath');
      if (p) source.plainTextPath = p;
      project.sources.push(source);
    } else if (name === 'PlainTextContent' && source) text = [];
    else if (name === 'PlainTextSelection' && source) {
      const s = attr(tag, 'startPosition') ?? '';
      const e = attr(tag, 'endPosition') ?? '';
      selection = { name: attr(tag, 'name') ?? '', start: POSITION.test(s) ? Number(s) : -1, end: POSITION.test(e) ? Number(e) : -1, description: '', codes: [] };
      const u = attr(tag, 'creatingUser');
      const c = attr(tag, 'creationDateTime');
      if (u) selection.user = u;
      if (c) selection.created = c;
      source.selections.push(selection);
    } else if (name === 'Description' && (parent === 'PlainTextSelection' || parent === 'Code')) text = [];
    else if (name === 'CodeRef' && selection) {
      const g = attr(tag, 'targetGUID');
      if (g) selection.codes.push(g);
    }
  };
  parser.ontext = (t) => {
    if (text) text.push(t);
  };
  parser.oncdata = (t) => {
    if (text) text.push(t);
  };
  parser.onclosetag = (tagName) => {
    const name = local(tagName);
    stack.pop();
    const parent = stack[stack.length - 1];
    if (name === 'Code') code = codeStack.pop();
    else if (name === 'TextSource') source = undefined;
    else if (name === 'PlainTextSelection') selection = undefined;
    else if (name === 'PlainTextContent' && source && text) {
      source.content = text.join('');
      text = undefined;
    } else if (name === 'Description' && text) {
      const d = text.join('');
      if (parent === 'PlainTextSelection' && selection) selection.description = d;
      else if (parent === 'Code' && code && d) code.description = d;
      text = undefined;
    }
  };
  try {
    parser.write(xml).close();
  } catch (e) {
    throw failure ?? e;
  }
  if (failure) throw failure;
  return project;
}

/** Our export's description: the comment, then `Speaker: …`, `Tags: a, b`, `Detected automatically` lines. */
function splitDescription(d: string): { comment?: string; speaker?: string; tags?: string[] } {
  const lines = d.split(/\r\n|\r|\n/);
  const out: { comment?: string; speaker?: string; tags?: string[] } = {};
  for (;;) {
    const last = lines[lines.length - 1];
    if (last === undefined) break;
    let m: RegExpExecArray | null;
    if (last === 'Detected automatically') lines.pop();
    else if (!out.tags && !out.speaker && (m = /^Tags: (.+)$/.exec(last))) {
      out.tags = m[1]!.split(', ');
      lines.pop();
    } else if (!out.speaker && (m = /^Speaker: (.+)$/.exec(last))) {
      out.speaker = m[1]!;
      lines.pop();
    } else break;
  }
  const comment = lines.join('\n');
  if (comment.trim()) out.comment = comment;
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The annotations of a .qdpx (its bytes); `file` names it in messages. */
export function readQdpx(bytes: Uint8Array, file: string, limits?: ZipLimits): ImportRead {
  const problems: string[] = [];
  const notes: string[] = [];
  const entryProblems: string[] = [];
  const entries = readZipEntries(bytes, (n) => n === 'project.qde' || n.startsWith('sources/'), entryProblems, limits);
  problems.push(...entryProblems.map((p) => `${file}: ${p}`));
  const qde = entries.get('project.qde');
  if (!qde) throw new Error('no project.qde in the archive (not a REFI-QDA project)');
  let xml: string;
  try {
    xml = decoder.decode(qde);
  } catch {
    throw new Error('project.qde is not UTF-8 text');
  }
  let project: Project;
  try {
    project = parseProjectXml(xml);
  } catch (e) {
    throw new Error(`project.qde: ${(e as Error).message}`, { cause: e });
  }
  const annotations: ImportedAnnotation[] = [];
  for (const src of project.sources) {
    const who = `${file}: source “${src.name.slice(0, 80)}”`;
    let text = src.content;
    if (text === undefined && src.plainTextPath) {
      const m = /^internal:\/\/(.+)$/.exec(src.plainTextPath);
      if (!m) {
        problems.push(`${who}: its text is outside the project (${src.plainTextPath.slice(0, 80)}), which is never read; its ${src.selections.length} selection(s) are placed by name only`);
      } else {
        const entry = entries.get(`sources/${m[1]}`);
        if (!entry) problems.push(`${who}: sources/${m[1]} is not in the archive`);
        else {
          try {
            text = decoder.decode(entry);
          } catch {
            problems.push(`${who}: sources/${m[1]} is not UTF-8 text`);
          }
        }
      }
    }
    if (text?.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const map = text !== undefined ? new OffsetMap(text) : undefined;
    const sourceSha256 = text !== undefined ? sha256(text) : undefined;
    for (const sel of src.selections) {
      if (annotations.length >= MAX_IMPORT_ANNOTATIONS) {
        problems.push(`${file}: more than ${MAX_IMPORT_ANNOTATIONS} codings; the rest not imported`);
        break;
      }
      const where = `${who}, selection “${sel.name.slice(0, 40)}”`;
      if (sel.start < 0 || sel.end < sel.start) {
        problems.push(`${where}: startPosition/endPosition missing or reversed; not imported`);
        continue;
      }
      if (map && sel.end > map.codePointLength) {
        problems.push(`${where}: ends at ${sel.end}, outside the text (${map.codePointLength} characters); not imported`);
        continue;
      }
      const quote = map && text !== undefined ? text.slice(map.toUtf16(sel.start), map.toUtf16(sel.end)) : sel.name.replace(/\.\.\.$/, '');
      const desc = splitDescription(sel.description);
      const author = sel.user !== undefined ? project.users.get(sel.user) : undefined;
      const labels = sel.codes.length ? sel.codes : [undefined];
      for (const g of labels) {
        const code = g !== undefined ? project.codes.get(g) : undefined;
        if (g !== undefined && !code) {
          problems.push(`${where}: its code ${g} is not in the codebook; not imported`);
          continue;
        }
        const a: ImportedAnnotation = { source: src.name, label: code?.name ?? 'note', quote, start: sel.start, end: sel.end };
        if (sourceSha256) a.sourceSha256 = sourceSha256;
        if (desc.comment) a.comment = desc.comment;
        if (desc.tags) a.tags = [...desc.tags];
        if (desc.speaker) a.speaker = desc.speaker;
        if (author) a.author = author;
        if (sel.created) a.created = sel.created;
        const why = refusal(a);
        if (why) problems.push(`${where}: ${why}; not imported`);
        else annotations.push(a);
      }
      if (!sel.codes.length) notes.push(`${where}: no code; imported as a note`);
    }
  }
  const codes = [...project.codes.values()];
  return { annotations, problems, codes, notes };
}
