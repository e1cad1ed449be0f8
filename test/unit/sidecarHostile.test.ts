/** Sidecars from colleagues, other tools and merges (issue 17): each hostile case in test/fixtures/hostile. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';

const root = path.resolve(__dirname, '../..');
const hostile = (name: string) => fs.readFileSync(path.join(root, 'test/fixtures/hostile', name), 'utf8');
const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(path.join(root, 'schemas/sidecar.schema.json'), 'utf8')));

describe('hostile sidecars (issue 17)', () => {
  for (const name of ['proto-top.yaml', 'proto-annotation.yaml']) {
    it(`${name}: __proto__, constructor and prototype keys never change a prototype, and the rewrite reads again`, () => {
      const r = parseSidecar(hostile(name));
      assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
      const check = (s: typeof r.sidecar) => {
        assert.equal(Object.getPrototypeOf(s), Object.prototype);
        assert.equal(s.version, 1);
        assert.equal(s.annotations.length, 1);
        const a = s.annotations[0]!;
        assert.equal(Object.getPrototypeOf(a), Object.prototype);
        assert.equal(a.tags, undefined);
        assert.equal(({} as Record<string, unknown>).tags, undefined, 'Object.prototype untouched');
      };
      check(r.sidecar);
      const out = serializeSidecar(r.sidecar, r);
      const again = parseSidecar(out);
      assert.ok(again.ok, `rewrite reads: ${JSON.stringify(!again.ok && again.problems)}\n${out}`);
      check(again.sidecar);
      assert.equal(serializeSidecar(again.sidecar, again), out, 'stable bytes');
    });
  }

  it('refuses ids and labels that are only whitespace, Unicode spaces included, as the schema does', () => {
    const text = hostile('nbsp-id.yaml');
    const r = parseSidecar(text);
    assert.ok(!r.ok);
    const paths = r.problems.map((p) => p.message);
    assert.ok(paths.some((m) => /"id" must not be empty/.test(m)), JSON.stringify(paths));
    assert.ok(paths.some((m) => /"label" must not be empty/.test(m)), JSON.stringify(paths));
    assert.equal(validateSchema(parseYaml(text)), false);
  });

  it('reader and JSON Schema give offsets the same bound (2^53 - 1)', () => {
    const text = hostile('offset-2pow53.yaml');
    assert.equal(parseSidecar(text).ok, false);
    assert.equal(validateSchema(parseYaml(text)), false, 'schema refuses 2^53 too');
    const max = text.replace('9007199254740992', '9007199254740990').replace('9007199254740993', '9007199254740991');
    assert.ok(parseSidecar(max).ok);
    assert.equal(validateSchema(parseYaml(max)), true, JSON.stringify(validateSchema.errors));
  });

  it('reports each duplicate id with the index of its first use (2,000 listed twice)', () => {
    const items: string[] = [];
    for (let i = 0; i < 2_000; i++) items.push(`  - id: a${i}\n    label: claim\n    start: 0\n    end: 3\n    quote: abc\n`);
    const r = parseSidecar(`version: 1\narticle: a.txt\nannotations:\n${items.join('')}${items.join('')}`);
    assert.ok(!r.ok);
    const dups = r.problems.filter((p) => /duplicate id/.test(p.message));
    assert.equal(dups.length, 2_000);
    assert.match(dups[0]!.message, /duplicate id "a0" \(also used by annotation 1\)/);
    assert.match(dups.at(-1)!.message, /duplicate id "a1999" \(also used by annotation 2000\)/);
  });
});
