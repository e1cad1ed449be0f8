import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const root = path.resolve(__dirname, '../..');

interface Token {
  text: string;
  scopes: string[];
}

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== 'text.article') return null;
      const file = path.join(root, 'syntaxes/article.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  const grammar = await registry.loadGrammar('text.article');
  assert.ok(grammar);
  return grammar;
}

function tokenize(grammar: vsctm.IGrammar, text: string): Token[][] {
  let stack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the token that covers `needle` on the first line containing it. */
function scopesOf(lines: Token[][], needle: string, fromLine = 0): string[] {
  for (const line of lines.slice(fromLine)) {
    const joined = line.map((t) => t.text).join('');
    const at = joined.indexOf(needle);
    if (at < 0) continue;
    let pos = 0;
    for (const t of line) {
      if (pos + t.text.length > at) return t.scopes;
      pos += t.text.length;
    }
  }
  throw new Error(`not found: ${needle}`);
}

function hasScope(lines: Token[][], needle: string, scope: string, fromLine = 0): boolean {
  return scopesOf(lines, needle, fromLine).some((s) => s.startsWith(scope));
}

describe('article grammar', () => {
  let grammar: vsctm.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('scopes the headline, dateline, quotes and dates of a seed article', () => {
    const text = fs.readFileSync(path.join(root, 'seeds/004_7b40fffef38cf50c.txt'), 'utf8');
    const lines = tokenize(grammar, text);
    const headline = text.split('\n')[0]!;
    assert.ok(hasScope(lines, headline.slice(0, 12), 'markup.heading.headline'), 'headline');
    assert.ok(hasScope(lines, 'ISLAMABAD', 'entity.name.section.dateline'), 'dateline');
    assert.ok(hasScope(lines, 'in conversation with the US', 'string.quoted.double.speech'), 'quote');
    // Only the first line is the headline.
    assert.ok(!scopesOf(lines, 'ISLAMABAD').some((s) => s.startsWith('markup.heading')));
  });

  it('scopes dates, times and figures of a seed article', () => {
    const text = fs.readFileSync(path.join(root, 'seeds/003_f2cdae8a492d10f5.txt'), 'utf8');
    const lines = tokenize(grammar, text);
    assert.ok(hasScope(lines, '7 Sep, 2016', 'constant.other.date'), 'date');
    assert.ok(hasScope(lines, '1:00 pm', 'constant.other.time'), 'time');
    assert.ok(hasScope(lines, '26/11', 'markup.heading.headline'), '26/11 in the headline is headline');
    assert.ok(hasScope(lines, '26/11', 'constant.numeric.figure', 1), 'figure 26/11 in the body');
    assert.ok(hasScope(lines, 'We want to see full accountability', 'string.quoted.double.speech'), 'curly quote');
  });

  it('handles datelines, straight quotes, money and percentages in new text', () => {
    const text = [
      'Ministers meet in Geneva',
      '',
      'NEW YORK — The fund pledged $2 billion on September 7, 2016, a rise of 10 percent.',
      'WASHINGTON: "We will not back down," the envoy said.',
      'A normal sentence about NATO - with a dash - is not a dateline.',
    ].join('\n');
    const lines = tokenize(grammar, text);
    assert.ok(hasScope(lines, 'Ministers meet', 'markup.heading.headline'));
    assert.ok(hasScope(lines, 'NEW YORK', 'entity.name.section.dateline'));
    assert.ok(hasScope(lines, 'WASHINGTON', 'entity.name.section.dateline'));
    assert.ok(hasScope(lines, '$2 billion', 'constant.numeric.money'));
    assert.ok(hasScope(lines, 'September 7, 2016', 'constant.other.date'));
    assert.ok(hasScope(lines, '10 percent', 'constant.numeric.figure'));
    assert.ok(hasScope(lines, 'We will not back down', 'string.quoted.double.speech'));
    assert.ok(!hasScope(lines, 'NATO', 'entity.name.section.dateline'), 'NATO mid-sentence is no dateline');
    assert.ok(!hasScope(lines, 'The fund', 'string.quoted'), 'text outside quotes is not a quote');
  });
});
