/**
 * `article-annotator agreement A B [--label L] [--json]` and
 * `article-annotator agreement --by-author FOLDER [--authors X,Y] [--label L] [--json]`:
 * agreement between two coders (src/core/team/agreement.ts) over the articles of A (and the same
 * relative paths in B), or between two authors within one folder's sidecars.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { articlesUnder } from './articles';
import { anchorAnnotations } from '../../core/anchor';
import type { Annotation } from '../../core/model';
import { OffsetMap } from '../../core/offsets';
import { parseSidecar } from '../../core/sidecar';
import { agreement, type AgreementArticle, type AgreementRow, type CoderSpan } from '../../core/team/agreement';

const MAX_ARTICLE_BYTES = 20_000_000;

class AgreementUsage extends Error {}


function readText(file: string, problems: string[]): string | undefined {
  try {
    const st = fs.statSync(file);
    if (st.size > MAX_ARTICLE_BYTES) {
      problems.push(`${file}: larger than ${MAX_ARTICLE_BYTES} bytes; skipped`);
      return undefined;
    }
    const text = fs.readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    problems.push(`${file}: ${(e as Error).message}`);
    return undefined;
  }
}

/** The annotations of an article's sidecar placed on `text` (code points); [] without a sidecar; undefined when unreadable. */
function spansOf(article: string, text: string, problems: string[]): (Annotation & CoderSpan)[] | undefined {
  const sidecarPath = `${article}.annotations.yaml`;
  if (!fs.existsSync(sidecarPath)) return [];
  const parsed = parseSidecar(fs.readFileSync(sidecarPath));
  if (!parsed.ok) {
    problems.push(...parsed.problems.map((p) => `${sidecarPath}:${p.line ?? 1}: ${p.message}`));
    return undefined;
  }
  const out: (Annotation & CoderSpan)[] = [];
  for (const r of anchorAnnotations(text, parsed.sidecar.annotations, undefined, new OffsetMap(text))) {
    if (r.start === undefined || r.end === undefined) problems.push(`${sidecarPath}: annotation ${r.annotation.id} is an orphan; not compared`);
    else out.push({ ...r.annotation, start: r.start, end: r.end });
  }
  return out;
}

function fmt(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}

export function runAgreement(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const positional: string[] = [];
  let json = false;
  let label: string | undefined;
  let byAuthor: string | undefined;
  let authors: string[] | undefined;
  try {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      const value = () => {
        const v = argv[++i];
        if (v === undefined) throw new AgreementUsage(`${a} needs a value.`);
        return v;
      };
      if (a === '--json') json = true;
      else if (a === '--label') label = value();
      else if (a === '--by-author') byAuthor = value();
      else if (a === '--authors') authors = value().split(',').map((s) => s.trim()).filter(Boolean);
      else if (a.startsWith('-')) throw new AgreementUsage(`Unknown option ${a}. Try --help.`);
      else positional.push(a);
    }
    if (byAuthor === undefined && positional.length !== 2) throw new AgreementUsage('agreement needs two folders A B, or --by-author FOLDER.');
    if (byAuthor !== undefined && positional.length !== 0) throw new AgreementUsage('--by-author FOLDER takes no other folders.');
    if (authors && authors.length !== 2) throw new AgreementUsage('--authors needs two names, e.g. --authors kim,lee.');
    for (const d of byAuthor !== undefined ? [byAuthor] : positional) {
      if (!fs.existsSync(d) || !fs.statSync(d).isDirectory()) throw new AgreementUsage(`${d}: not a folder.`);
    }
  } catch (e) {
    if (e instanceof AgreementUsage) {
      err(`article-annotator: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const problems: string[] = [];
  const articles: AgreementArticle[] = [];
  let names: string[];
  if (byAuthor === undefined) {
    const [dirA, dirB] = positional as [string, string];
    for (const rel of articlesUnder(dirA)) {
      const text = readText(path.join(dirA, rel), problems);
      if (text === undefined) continue;
      if (!fs.existsSync(path.join(dirB, rel))) {
        problems.push(`${path.join(dirB, rel)}: not in B; article not compared`);
        continue;
      }
      const a = spansOf(path.join(dirA, rel), text, problems);
      const b = spansOf(path.join(dirB, rel), text, problems);
      if (a && b) articles.push({ length: new OffsetMap(text).codePointLength, a, b });
    }
    names = [dirA, dirB];
  } else {
    const per: { length: number; spans: (Annotation & CoderSpan)[] }[] = [];
    const seen = new Set<string>();
    for (const rel of articlesUnder(byAuthor)) {
      const text = readText(path.join(byAuthor, rel), problems);
      if (text === undefined) continue;
      const spans = spansOf(path.join(byAuthor, rel), text, problems);
      if (!spans) continue;
      for (const s of spans) if (s.author) seen.add(s.author);
      per.push({ length: new OffsetMap(text).codePointLength, spans });
    }
    const found = [...seen].sort();
    if (!authors) {
      if (found.length !== 2) {
        err(`article-annotator: --by-author compares two authors; found ${found.length}${found.length ? ` (${found.join(', ')})` : ''}. Name two with --authors X,Y.\n`);
        return 2;
      }
      authors = found;
    }
    const [x, y] = authors as [string, string];
    for (const p of per) articles.push({ length: p.length, a: p.spans.filter((s) => s.author === x), b: p.spans.filter((s) => s.author === y) });
    names = [x, y];
  }
  const report = agreement(articles, label);
  if (json) out(JSON.stringify(report, null, 2) + '\n');
  else {
    out(`Agreement of ${names[0]} (A) and ${names[1]} (B) over ${articles.length} article(s)\n`);
    const row = (name: string, r: AgreementRow) => `${name.padEnd(16)} ${fmt(r.kappa).padStart(7)} ${fmt(r.alphaU).padStart(7)} ${fmt(r.f1Exact).padStart(8)} ${fmt(r.f1Overlap).padStart(9)} ${String(r.onlyA).padStart(6)} ${String(r.onlyB).padStart(6)} ${String(r.both).padStart(6)}\n`;
    out(`${'label'.padEnd(16)} ${'kappa'.padStart(7)} ${'alphaU'.padStart(7)} ${'F1 exact'.padStart(8)} ${'F1 overl.'.padStart(9)} ${'only A'.padStart(6)} ${'only B'.padStart(6)} ${'both'.padStart(6)}\n`);
    for (const [name, r] of Object.entries(report.labels)) out(row(name, r));
    out(row('overall', report.overall));
  }
  for (const p of problems) err(`article-annotator: ${p}\n`);
  return problems.length ? 1 : 0;
}
