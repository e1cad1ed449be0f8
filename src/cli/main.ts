/**
 * article-annotator: the command-line front on the same core as the extension.
 *   article-annotator detect <article>... --json
 *   article-annotator export --format F [--detections] [--bom] [--raw] [-o OUT] <article or folder>...
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detect } from '../core/detect';
import { anchorAnnotations } from '../core/anchor';
import { parseLexicon } from '../core/lexicon';
import { EMPTY_LEXICON, type Lexicon } from '../core/model';
import { parseSidecar } from '../core/sidecar';
import { detectionToCodePoints, DEFAULT_OUTPUT, EXPORT_FORMATS, exportTo, type ExportArticle, type ExportFormat } from '../core/export';

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
      -o OUT       output file (a folder for brat); text formats go to standard output without -o
      --detections include detections not yet accepted
      --bom        CSV: start with a UTF-8 byte-order mark (for Excel)
      --raw        CSV: do not neutralise formulas (by default a field starting with = + - @,
                   tab or CR gets a leading ' so that spreadsheets show it as text)
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
  if (command === 'export' && (args.format === 'brat' || args.format === 'qdpx') && !args.output) throw new UsageError(`--format ${args.format} needs -o OUT.`);
  return args;
}

function listArticles(inputs: string[], problems: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      const st = fs.statSync(p);
      if (st.isDirectory()) {
        if (!name.startsWith('.') && name !== 'node_modules') walk(p);
      } else if (name.endsWith('.txt')) out.push(p);
    }
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) {
      problems.push(`${input}: no such file or folder`);
      continue;
    }
    if (fs.statSync(input).isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

function readArticle(file: string, problems: string[]): string | undefined {
  const st = fs.statSync(file);
  if (st.size > MAX_BYTES) {
    problems.push(`${file}: ${st.size} bytes, larger than ${MAX_BYTES}; skipped`);
    return undefined;
  }
  const bytes = fs.readFileSync(file);
  if (bytes.subarray(0, 8192).includes(0)) {
    problems.push(`${file}: not a text file (binary); skipped`);
    return undefined;
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
    const r = parseLexicon(fs.readFileSync(lexPath, 'utf8'));
    if (r.problems.length) problems.push(...r.problems.map((p) => `${lexPath}:${p.line ?? 1}: ${p.message} (detecting without the lexicon)`));
    else lexicon = r.lexicon;
  }
  cache.set(lexPath, lexicon);
  return lexicon;
}

export function run(argv: string[], out: (s: string | Uint8Array) => void, err: (s: string) => void): number {
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
      if (fs.existsSync(sidecarPath)) {
        const parsed = parseSidecar(fs.readFileSync(sidecarPath));
        if (!parsed.ok) {
          problems.push(...parsed.problems.map((p) => `${sidecarPath}:${p.line ?? 1}: ${p.message}`));
          continue;
        }
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
      const needDetections = args.detections || args.format === 'graphml' || args.format === 'markdown';
      exportArticles.push({ path: rel.startsWith('..') ? path.basename(file) : rel, text, annotations, ...(needDetections ? { detections: detectionToCodePoints(text, detect(text, lexiconFor(file, args.lexicon, problems, lexicons))) } : {}) });
    }
    const result = exportTo(args.format!, exportArticles, { includeDetections: args.detections, bom: args.bom, rawCsv: args.raw });
    if (!args.output) {
      for (const f of result) out(f.data);
    } else if (args.format === 'brat') {
      for (const f of result) {
        const p = path.join(args.output, f.path);
        fs.mkdirSync(path.dirname(p), { recursive: true });
        fs.writeFileSync(p, f.data);
      }
    } else {
      fs.mkdirSync(path.dirname(path.resolve(args.output)), { recursive: true });
      fs.writeFileSync(args.output, result[0]!.data);
    }
    if (args.output) err(`article-annotator: wrote ${args.format} export of ${exportArticles.length} article(s) to ${args.output}${args.format === 'brat' ? '/' : ''} (default name ${DEFAULT_OUTPUT[args.format!]})\n`);
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
