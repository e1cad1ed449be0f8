// Deterministic benchmark corpora built from the seed articles: sentences shuffled and names
// varied (so detections are not repeats). Written to bench/corpus/ (git-ignored), cached by a hash
// of the generator version and seed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = 4;
const root = new URL('..', import.meta.url).pathname;

export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Amina', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiroshi', 'Ines', 'Jonas', 'Kemal', 'Leila', 'Marco', 'Nadia', 'Olu', 'Priya', 'Quentin', 'Rosa', 'Samir', 'Tanvi'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Petrov', 'Haddad', 'Tanaka', 'Silva', 'Novak', 'Mensah', 'Kowalski', 'Rahimi', 'Castillo', 'Ivanova', 'Bianchi', 'Adeyemi', 'Sato', 'Fischer', 'Nguyen', 'Osei', 'Varga'];
const ORGS = ['Council', 'Ministry of Finance', 'Agency', 'Institute', 'Commission', 'Front', 'Federation', 'Authority'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TOPICS = ['sanctions', 'elections', 'budget', 'climate', 'security', 'trade', 'health', 'migration'];
const PLACES = ['Kenya', 'Peru', 'Norway', 'Vietnam', 'Ghana', 'Chile', 'Poland', 'Egypt', 'Brazil', 'Indonesia'];

export function sentencesOfSeeds() {
  const dir = join(root, 'seeds');
  const text = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8')).join('\n\n');
  return text.split(/(?<=[.!?”])\s+(?=[“A-Z])/).map((s) => s.trim()).filter((s) => s.length > 20);
}

/** An article of about `bytes` characters: shuffled seed sentences with names replaced. */
export function makeArticle(rand, bytes, sentences) {
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const swaps = [
    [/\bPakistan\b/g, () => pick(PLACES)],
    [/\bMasood Azhar\b|\bHafiz Saeed\b|\bSajid Mir\b|\bDonald Lu\b|\bTehmina Janjua\b/g, () => `${pick(FIRST)} ${pick(LAST)}`],
    [/\bSecurity Council\b|\bState Department\b/g, () => `${pick(LAST)} ${pick(ORGS)}`],
  ];
  const out = [];
  let size = 0;
  while (size < bytes) {
    let s = pick(sentences);
    for (const [re, f] of swaps) s = s.replace(re, f);
    // A varied time phrase makes repeated sentences distinct, so that re-anchoring has one right answer.
    const when = ` on ${pick(DAYS)}, ${1 + Math.floor(rand() * 28)} ${pick(MONTHS)} ${1990 + Math.floor(rand() * 35)}`;
    s = /[.!?]$/.test(s) ? s.slice(0, -1) + when + s.slice(-1) : s + when + '.';
    out.push(s);
    size += s.length + 1;
    if (rand() < 0.2) {
      out.push('\n');
      size += 1;
    }
  }
  return out.join(' ').replace(/ \n /g, '\n\n');
}

export function generate(seed = 42) {
  const key = createHash('sha256').update(`${VERSION}:${seed}`).digest('hex').slice(0, 12);
  const dir = join(root, 'bench', 'corpus', key);
  if (existsSync(join(dir, 'done'))) return dir;
  rmSync(join(root, 'bench', 'corpus'), { recursive: true, force: true });
  mkdirSync(join(dir, 'workspace', 'seeds'), { recursive: true });
  const rand = prng(seed);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const sentences = sentencesOfSeeds();
  writeFileSync(join(dir, 'one-mb.txt'), makeArticle(rand, 1_000_000, sentences));
  writeFileSync(join(dir, 'ten-mb.txt'), makeArticle(rand, 10_000_000, sentences));
  // 5,000 articles of ~5 KB with 20 annotations each; some orphans and broken sidecars.
  for (let i = 0; i < 5000; i++) {
    const name = `article-${String(i).padStart(4, '0')}.txt`;
    const text = makeArticle(rand, 5000, sentences);
    writeFileSync(join(dir, 'workspace', 'seeds', name), text);
    const cps = [...text];
    const lines = ['version: 1', `article: ${name}`, 'annotations:'];
    for (let k = 0; k < 20; k++) {
      const start = Math.floor(rand() * (cps.length - 60));
      const end = start + 10 + Math.floor(rand() * 40);
      const orphan = k === 0 && i % 50 === 0;
      const quote = orphan ? 'This passage was removed from the article long ago.' : cps.slice(start, end).join('');
      lines.push(`  - id: a-${i}-${k}`, `    label: ${['claim', 'actor', 'note', 'evidence'][k % 4]}`, `    start: ${start}`, `    end: ${end}`, `    quote: ${JSON.stringify(quote)}`);
      // Claims are coded statements (issue 19): a speaker, a topic and a stance, for the networks.
      if (k % 4 === 0) lines.push(`    speaker: ${pick(FIRST)} ${pick(LAST)}`, `    about: [${pick(TOPICS)}]`, `    stance: ${pick(['agree', 'disagree', 'neutral'])}`);
    }
    const yaml = i % 1000 === 7 ? 'version: 1\narticle: [broken\n' : lines.join('\n') + '\n';
    writeFileSync(join(dir, 'workspace', 'seeds', `${name}.annotations.yaml`), yaml);
  }
  writeFileSync(join(dir, 'done'), new Date().toISOString());
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(generate());
