/**
 * article-annotator: the command-line front on the same core as the extension.
 *   article-annotator detect <article>... --json
 *   article-annotator export --format F [--detections] [--bom] [--raw] [-o OUT] <article or folder>...
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detect } from '../core/detect';
import { anchorAnnotations } from '../core/anchor';
import { parseLexicon, type LexiconParseResult } from '../core/lexicon';
import { EMPTY_LEXICON, type Lexicon } from '../core/model';
import { parseSidecar } from '../core/sidecar';
import { EXPORT_MARKER } from '../core/files';
import { runAgreement } from './commands/agreement';
import { runImport } from './commands/import';
import { runMergeDriver } from './commands/mergeDriver';
import { detectionToCodePoints, EXPORT_FORMATS, EXPORTERS, exporterOf, type ExportArticle, type ExportFormat } from '../core/export';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';
const MAX_BYTES = 20_000_000;

const HELP = `article-annotator ${VERSION}: find actors and claims in news articles and export annotations.

Usage:
  article-annotator detect <article>... [--json] [--lexicon FILE]
      Detected actors and claims of each article, offsets in Unicode code points.
  article-annotator export --format FORMAT [--detections] [--bom] [--raw] [-o OUT] [--lexicon FILE] <article or folder>...
      Annotations from the sidecars (<article>.annotations.yaml) beside each article.
      FORMAT: ${EXPORT_FORMATS.join(', ')}
      -o OUT       output file (a folder for ${folderFormats()}); text formats go to standard output without -o
      --detections include detections not yet accepted
      --bom        CSV: start with a UTF-8 byte-order mark (for Excel)
      --raw        CSV: do not neutralise formulas (by default a field starting with = + - @,
                   tab or CR gets a leading ' so that spreadsheets show it as text)
  article-annotator merge-driver BASE OURS THEIRS [PATH]
      git merge driver for sidecars (%O %A %B %P): three-way merge by annotation id into OURS;
      exit 1 when conflicts were kept as annotations tagged merge-conflict, 2 when a side is unreadable.
  article-annotator agreement A B [--label L] [--json]
  article-annotator agreement --by-author FOLDER [--authors X,Y] [--label L] [--json]
      Agreement of two coders (folders with the same articles, or two authors in one folder):
      Cohen's kappa over code points, Krippendorff's unitized alpha, span F1 (exact, overlapping), counts.
  article-annotator import [--format w3c|brat|qdpx] INPUT... --into FOLDER
      Annotations from W3C Web Annotation JSON-LD (ours, Hypothesis; .json/.jsonld), brat standoff
      (.ann beside .txt, or a folder of them) or a REFI-QDA project (.qdpx) placed on FOLDER's
      articles (matched by path, text hash or file name, re-anchored by quote and context) and
      added to their sidecars; the format is guessed from the extension when not given.
  article-annotator --help | --version

Folders are searched for *.txt articles. The lexicon defaults to .annotator/actors.yaml found in
the article's folder or above. Exit codes: 0 ok, 1 some inputs failed (reported on stderr; the
others are still processed), 2 usage error.
`;

class UsageError extends Error {}

interface Args {
  command: string;
  inputs: string[];
  json: boolean;
  format?: ExportFormat;
  output?: string;
  detections: boolean;
  bom: boolean;
  raw: boolean;
  lexicon?: string;
}

function folderFormats(): string {
  return EXPORTERS.filter((e) => e.output === 'folder').map((e) => e.id).join(', ');
}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) return 'help';
  if (argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command !== 'detect' && command !== 'export') throw new UsageError(`Unknown command "${command}". Try --help.`);
  const args: Args = { command, inputs: [], json: false, detections: false, bom: false, raw: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value.`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--detections') args.detections = true;
    else if (a === '--bom') args.bom = true;
    else if (a === '--raw') args.raw = true;
    else if (a === '--format' || a === '-f') {
      const f = value();
      if (!EXPORT_FORMATS.includes(f as ExportFormat)) throw new UsageError(`Unknown format "${f}". Formats: ${EXPORT_FORMATS.join(', ')}.`);
      args.format = f as ExportFormat;
    } else if (a === '-o' || a === '--output') args.output = value();
    else if (a === '--lexicon') args.lexicon = value();
    else if (a.startsWith('-')) throw new UsageError(`Unknown option ${a}. Try --help.`);
    else args.inputs.push(a);
  }
  if (args.inputs.length === 0) throw new UsageError('Name at least one article or folder.');
  if (command === 'export' && !args.format) throw new UsageError(`export needs --format (${EXPORT_FORMATS.join(', ')}).`);
  const exporter = args.format && exporterOf(args.format);
  if (command === 'export' && exporter && (exporter.output === 'folder' || exporter.binary) && !args.output) throw new UsageError(`--format ${args.format} needs -o OUT.`);
  return args;
}

const reason = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'ENOENT') return 'a symbolic link to nothing, or gone';
  if (code === 'EACCES' || code === 'EPERM') return 'not readable (permission denied)';
  if (code === 'EISDIR') return 'a folder, not a file';
  return (e as Error)?.message ?? String(e);
};

/**
 * The articles named on the command line: files as given, folders searched for `*.txt`. Only
 * regular files are read (a FIFO, socket or device named `*.txt` would block or never end);
 * symbolic links are followed to files and to folders not yet visited (by real path), so a
 * link loop is walked once and a dangling link is reported. A folder holding an export marker
 * (an export's copies of the articles) is skipped unless named. Every problem is reported, skipped,
 * and the walk goes on.
 */
function listArticles(inputs: string[], problems: string[]): string[] {
  const out: string[] = [];
  const visited = new Set<string>();
  const walk = (dir: string, given = false) => {
    let real: string;
    let names: string[];
    try {
      real = fs.realpathSync(dir);
      if (visited.has(real)) return;
      visited.add(real);
      names = fs.readdirSync(dir).sort();
    } catch (e) {
      problems.push(`${dir}: ${reason(e)}; skipped`);
      return;
    }
    // An export's folder (brat: copies of the articles) found in a walk holds no articles; one named
    // on the command line is read as asked.
    if (!given && names.includes(EXPORT_MARKER)) return;
    for (const name of names) {
      const p = path.join(dir, name);
      let st: fs.Stats;
      try {
        st = fs.statSync(p);
      } catch (e) {
        if (name.endsWith('.txt') || !name.startsWith('.')) problems.push(`${p}: ${reason(e)}; skipped`);
        continue;
      }
      if (st.isDirectory()) {
        if (!name.startsWith('.') && name !== 'node_modules') walk(p);
      } else if (name.endsWith('.txt')) {
        if (st.isFile()) out.push(p);
        else problems.push(`${p}: not a regular file; skipped`);
      }
    }
  };
  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch (e) {
      problems.push(`${input}: ${(e as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'no such file or folder' : reason(e)}`);
      continue;
    }
    if (st.isDirectory()) walk(input, true);
    else if (st.isFile()) out.push(input);
    else problems.push(`${input}: not a regular file; skipped`);
  }
  return out;
}

function readArticle(file: string, problems: string[]): string | undefined {
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      problems.push(`${file}: not a regular file; skipped`);
      return undefined;
    }
    if (st.size > MAX_BYTES) {
      problems.push(`${file}: ${st.size} bytes, larger than ${MAX_BYTES}; skipped`);
      return undefined;
    }
    bytes = fs.readFileSync(file);
  } catch (e) {
    problems.push(`${file}: ${reason(e)}; skipped`);
    return undefined;
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    problems.push(`${file}: not a text file (binary); skipped`);
    return undefined;
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A sidecar's bytes: undefined when there is none; a problem (and null) when it cannot be read. */
function readSidecarFile(file: string, problems: string[]): Uint8Array | undefined | null {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return undefined;
  }
  try {
    if (st.isSymbolicLink()) st = fs.statSync(file);
    if (!st.isFile()) {
      problems.push(`${file}: ${st.isDirectory() ? 'a folder where the sidecar should be' : 'not a regular file'}; its article is skipped`);
      return null;
    }
    return fs.readFileSync(file);
  } catch (e) {
    problems.push(`${file}: ${reason(e)}; its article is skipped`);
    return null;
  }
}

/** Why `-o` cannot be written (an existing folder for a file, a file for brat's folder), or undefined. */
function outputProblemOf(output: string, folder: boolean): string | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(output);
  } catch {
    return undefined; // does not exist yet: it will be made
  }
  if (folder && !st.isDirectory()) return `${output}: -o must be a folder for this format, and it is a file; nothing written`;
  if (!folder && st.isDirectory()) return `${output}: -o names a folder; give a file name (e.g. ${path.join(output, 'export')}); nothing written`;
  return undefined;
}

function lexiconFor(file: string, explicit: string | undefined, problems: string[], cache: Map<string, Lexicon>): Lexicon {
  let lexPath = explicit;
  if (!lexPath) {
    for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, '.annotator', 'actors.yaml');
      if (fs.existsSync(candidate)) {
        lexPath = candidate;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  if (!lexPath) return EMPTY_LEXICON;
  const cached = cache.get(lexPath);
  if (cached) return cached;
  let lexicon = EMPTY_LEXICON;
  if (!fs.existsSync(lexPath)) problems.push(`${lexPath}: lexicon not found; detecting without it`);
  else {
    let r: LexiconParseResult;
    try {
      r = parseLexicon(fs.readFileSync(lexPath, 'utf8'));
    } catch (e) {
      r = { lexicon: EMPTY_LEXICON, problems: [{ message: reason(e), line: 1 }] };
    }
    if (r.problems.length) problems.push(...r.problems.map((p) => `${lexPath}:${p.line ?? 1}: ${p.message} (detecting without the lexicon)`));
    else lexicon = r.lexicon;
  }
  cache.set(lexPath, lexicon);
  return lexicon;
}

export function run(argv: string[], out: (s: string | Uint8Array) => void, err: (s: string) => void): number {
  if (argv[0] === 'merge-driver' && !argv.includes('--help')) return runMergeDriver(argv.slice(1), err);
  if (argv[0] === 'agreement' && !argv.includes('--help')) return runAgreement(argv.slice(1), (s) => out(s), err);
  if (argv[0] === 'import' && !argv.includes('--help')) return runImport(argv.slice(1), err);
  let args: Args | 'help' | 'version';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`article-annotator: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    out(HELP);
    return 0;
  }
  if (args === 'version') {
    out(`${VERSION}\n`);
    return 0;
  }
  const problems: string[] = [];
  const lexicons = new Map<string, Lexicon>();
  const files = listArticles(args.inputs, problems);
  const cwd = process.cwd();
  if (args.command === 'detect') {
    const articles = [];
    for (const file of files) {
      const text = readArticle(file, problems);
      if (text === undefined) continue;
      const d = detectionToCodePoints(text, detect(text, lexiconFor(file, args.lexicon, problems, lexicons)));
      articles.push({
        file,
        actors: d.actors.map((a) => ({ name: a.name, type: a.type, aliases: a.aliases, mentions: a.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })) })),
        claims: d.claims.map((c) => ({ start: c.start, end: c.end, text: c.text, speaker: c.speaker, cue: c.cue, kind: c.kind })),
      });
    }
    if (args.json) out(JSON.stringify({ articles }, null, 2) + '\n');
    else {
      for (const a of articles) {
        out(`${a.file}\n`);
        for (const x of a.actors) out(`  ${x.type.padEnd(12)} ${x.name}${x.aliases.length ? ` (${x.aliases.join(', ')})` : ''} ×${x.mentions.length}\n`);
        for (const c of a.claims) out(`  claim        ${c.speaker ?? '?'} ${c.cue}: ${c.text.slice(0, 80)}\n`);
      }
    }
  } else {
    const exportArticles: ExportArticle[] = [];
    for (const file of files) {
      const text = readArticle(file, problems);
      if (text === undefined) continue;
      const sidecarPath = `${file}.annotations.yaml`;
      let annotations: ExportArticle['annotations'] = [];
      let meta: ExportArticle['meta'];
      const sidecarBytes = readSidecarFile(sidecarPath, problems);
      if (sidecarBytes === null) continue;
      if (sidecarBytes) {
        const parsed = parseSidecar(sidecarBytes);
        if (!parsed.ok) {
          problems.push(...parsed.problems.map((p) => `${sidecarPath}:${p.line ?? 1}: ${p.message}`));
          continue;
        }
        meta = parsed.sidecar.meta;
        for (const r of anchorAnnotations(text, parsed.sidecar.annotations)) {
          if (r.status === 'orphan' || r.start === undefined || r.end === undefined) {
            problems.push(`${sidecarPath}: annotation ${r.annotation.id} is an orphan (its text “${r.annotation.quote.slice(0, 40)}” is no longer in the article); not exported`);
            continue;
          }
          annotations.push({ ...r.annotation, start: r.start, end: r.end, quote: [...text].slice(r.start, r.end).join('') });
        }
        annotations = annotations.sort((a, b) => a.start - b.start);
      }
      const rel = path.relative(cwd, path.resolve(file)).split(path.sep).join('/');
      const needDetections = args.detections || exporterOf(args.format!)!.needsDetections;
      exportArticles.push({ path: rel.startsWith('..') ? path.basename(file) : rel, text, annotations, ...(meta ? { meta } : {}), ...(needDetections ? { detections: detectionToCodePoints(text, detect(text, lexiconFor(file, args.lexicon, problems, lexicons))) } : {}) });
    }
    const exporter = exporterOf(args.format!)!;
    const toFolder = exporter.output === 'folder';
    const outputProblem = args.output ? outputProblemOf(args.output, toFolder) : undefined;
    if (outputProblem) {
      for (const p of problems) err(`article-annotator: ${p}\n`);
      err(`article-annotator: ${outputProblem}\n`);
      return 1;
    }
    const result = exporter.write(exportArticles, { includeDetections: args.detections, bom: args.bom, rawCsv: args.raw });
    if (!args.output) {
      for (const f of result) out(f.data);
    } else if (toFolder) {
      for (const f of result) {
        const p = path.join(args.output, f.path);
        fs.mkdirSync(path.dirname(p), { recursive: true });
        fs.writeFileSync(p, f.data);
      }
    } else {
      fs.mkdirSync(path.dirname(path.resolve(args.output)), { recursive: true });
      fs.writeFileSync(args.output, result[0]!.data);
    }
    if (args.output) err(`article-annotator: wrote ${args.format} export of ${exportArticles.length} article(s) to ${args.output}${toFolder ? '/' : ''} (default name ${exporter.defaultOutput})\n`);
  }
  for (const p of problems) err(`article-annotator: ${p}\n`);
  return problems.length ? 1 : 0;
}

if (require.main === module) {
  const code = run(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
  process.exitCode = code;
}
