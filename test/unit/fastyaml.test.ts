import * as assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { fastParse } from '../../src/core/sidecar/fastyaml';

/**
 * The fast reader against the `yaml` package: on every text it either declines (undefined, so the
 * caller uses `yaml`) or returns exactly what `yaml` reads.
 */
describe('fast sidecar reader agrees with the yaml package', () => {
  const head = 'version: 1\narticle: a.txt\nannotations:\n';
  const annotation = (extra: string) => `  - id: a-1\n    label: note\n    start: 1\n    end: 2\n${extra}  - id: a-2\n    label: actor\n    start: 3\n    end: 9\n    quote: "two"\n`;
  // Values written by hand after `quote:` (what a person might type, or a broken tool might write).
  const values = [
    'plain text', 'a #b', 'a#b', '"x" y', '"x"  ', "'it''s'", "'unterminated", '"unterminated', '12', '-3', '+12', '007', '0x1F', '0o17', '1.5', '1e3', '.5', '.inf', '-.Inf', '.nan',
    '12345678901234567890', 'true', 'True', 'FALSE', 'yes', 'no', 'null', 'Null', '~', 'trailing  ', ' two spaces', '-', '- x', '-x', '? q', ':c', 'a: b', 'a:b', 'end:', '[x', '[a, b]', '[ ]', '[a, , b]', '["a, b", c]',
    "['a', \"b\"] tail", '{a: 1}', '&a x', '*a', '!tag x', '%x', '@x', '`x', '|', '>', '|-', '>+', '"\\u00e9\\x41\\t\\"q\\\\"', '"\\z"', '"\\U0001F600"', '"\\uZZZZ"', 'é', '’quoted’', 'O’Brien', 'x,y', 'a] b', 'a} b',
    '"é\\u00e9€ 😀 \\"ü\\" end"', "'ça ''va'' 😀'", '[é, "ü ö", \'€\']', 'naïve café', '"\\xe9"', 'Ω “quoted” plain',
    '"line\n      continued"', "'line\n      continued'", 'plain\n      continued', '', '2026-01-01', '"2026-01-01T00:00:00Z"', '2026-01-01T00:00:00Z', '0', '-0', '1_000', '0b101', '=', '<<',
  ];
  const cases: string[] = [];
  for (const v of values) cases.push(head + annotation(v === '' ? '    quote:\n' : `    quote: ${v}\n`));
  // Layout variations around the annotation list.
  const base = head + annotation('    quote: one\n');
  cases.push(
    base.replace(/\n/g, '\r\n'),
    base.replace('    label: note\n', '\n    label: note\n'),
    base.replace('    label: note\n', '   \n    label: note\n'),
    base.replace('    label: note\n', '     label: note\n'),
    base.replace('    label: note\n', '   label: note\n'),
    base.replace('  - id: a-2', '  -   id: a-2'),
    base.replace('  - id: a-2', '  -\n    id: a-2'),
    base.replace('  - id: a-2', '   - id: a-2'),
    base.replace('  - id: a-2', '- id: a-2'),
    base.replace(/^ {2}/gm, ''),
    base.replace('    label: note\n', '    tags:\n      - a\n    label: note\n'),
    base.replace('    label: note\n', '    tags: [a, "b c"]\n    label: note\n'),
    base.replace('    label: note\n', '    tags: []\n    label: note\n'),
    base.replace('    label: note\n', '    label: note\n    label: again\n'),
    base.replace('    label: note\n', '    __proto__: x\n'),
    base.replace('    label: note\n', '    label: note # comment\n'),
    base.replace('    label: note\n', '    label : note\n'),
    base.replace('    label: note\n', '    label:  note\n'),
    base.replace('    label: note\n', '    label:note\n'),
    base.replace('    label: note\n', '    "label": note\n'),
    base.replace('    label: note\n', '    la bel: note\n'),
    base.replace('    label: note\n', '    label: note\n\tx: 1\n'),
    base + 'extra: 1\n',
    base + '  extra: 1\n',
    base + '# trailing comment\n',
    // Hand comments anywhere (read fast since issue 17: one comment must not cost the slow reader).
    base.replace('    label: note\n', '    # a hand comment\n    label: note\n'),
    base.replace('    label: note\n', '# at column 0\n    label: note\n'),
    base.replace('    label: note\n', '        # deeper\n    label: note\n'),
    base.replace('  - id: a-2', '  # before an item\n  - id: a-2'),
    base.replace('annotations:\n', 'annotations:\n  # before the first item\n'),
    base.replace('annotations:\n', '# between keys\nannotations:\n'),
    base.replace('article: a.txt', 'article: a.txt # trailing'),
    base.replace('    label: note\n', '    label: "note" # after quotes\n'),
    base.replace('    label: note\n', "    label: 'note'   # after single quotes\n"),
    base.replace('    label: note\n', '    label: "a # b"\n'),
    base.replace('    label: note\n', '    label: a#b\n'),
    base.replace('    label: note\n', '    label: note #\n'),
    base.replace('    start: 1\n', '    start: 1 # offset\n'),
    base.replace('    label: note\n', '    tags: [a, b] # two\n    label: note\n'),
    base.replace('    label: note\n', '    tags: [a, b]# no space\n    label: note\n'),
    base.replace('    label: note\n', '    label: "note"# no space\n'),
    base.replace('    label: note\n', '    label: |\n      # not a comment\n'),
    base + '  # after the last item\n',
    base + '---\n',
    base.replace('annotations:\n', 'annotations: []\n').replace(/ {2}- [\s\S]*$/, ''),
    base.replace('annotations:\n', 'annotations:\n\n'),
    base.slice(0, -1),
    '# header\n\n' + base,
    '# header\n' + base,
    'version: 1\nversion: 2\n',
    'version: 1\narticle:\nannotations:\n',
    'version: 1\narticle: "a.txt"\nproject: [x, y]\nannotations: []\n',
    'version: 1\narticle: a.txt\nannotations:\n  key: value\n',
    '\ufeff' + base,
    '# en-tête – café\n\n' + base,
    base.replace('article: a.txt', 'article: résumé 😀.txt'),
    '',
    '\n\n',
  );
  it(`on ${cases.length} texts`, () => {
    let read = 0;
    for (const text of cases) {
      let expected: unknown;
      try {
        expected = parseYaml(text, { uniqueKeys: true });
      } catch {
        expected = undefined;
      }
      const fast = fastParse(text);
      if (!fast) continue;
      read++;
      assert.notEqual(expected, undefined, `fast read what yaml refuses: ${JSON.stringify(text)}`);
      assert.deepEqual(fast.data, expected, JSON.stringify(text));
      assert.equal(Object.getPrototypeOf(fast.data), Object.prototype);
    }
    // The files Article Annotator writes are in the subset: the fast path is really taken.
    for (const text of [base, base.replace(/\n/g, '\r\n'), '# header\n\n' + base]) assert.ok(fastParse(text), JSON.stringify(text));
    assert.ok(read > cases.length / 3, `fast reader read only ${read} of ${cases.length}`);
  });

  it('reads the UTF-8 bytes of each text (as Latin-1) exactly as it reads the text', () => {
    let nonAscii = 0;
    for (const text of cases) {
      const bytes = Buffer.from(text, 'utf8');
      if (text.charCodeAt(0) === 0xfeff) continue; // parseSidecar decodes a file with a byte-order mark first
      const plainOf = (r: ReturnType<typeof fastParse>) => r && { data: r.data, header: r.header, comments: r.comments, lines: [[], ['annotations', 0], ['annotations', 1, 'quote'], ['article']].map((p) => r.locate(p)) };
      const asText = fastParse(text);
      const asBytes = fastParse(bytes);
      assert.deepEqual(plainOf(asBytes), plainOf(asText), JSON.stringify(text));
      if (asText && [...text].some((c) => c.charCodeAt(0) > 127)) nonAscii++;
    }
    assert.ok(nonAscii >= 8, `only ${nonAscii} texts with non-ASCII characters were read`);
  });
});
