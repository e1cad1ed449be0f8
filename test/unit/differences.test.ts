import * as assert from 'node:assert/strict';
import type { Annotation } from '../../src/core/model';
import { differences, resolve, type Choice, type Difference } from '../../src/core/team/differences';

const ann = (id: string, label: string, start: number, end: number): Annotation => ({ id, label, start, end, quote: 'x'.repeat(end - start) });
const short = (d: ReturnType<typeof differences>) => d.map((x) => `${x.kind}:${x.a?.id ?? '-'}/${x.b?.id ?? '-'}`);

describe('coder differences', () => {
  const cases: { name: string; a: Annotation[]; b: Annotation[]; want: string[] }[] = [
    { name: 'identical codings: nothing listed', a: [ann('a1', 'claim', 0, 5)], b: [ann('b1', 'claim', 0, 5)], want: [] },
    { name: 'only A and only B', a: [ann('a1', 'claim', 0, 5)], b: [ann('b1', 'actor', 10, 15)], want: ['onlyA:a1/-', 'onlyB:-/b1'] },
    { name: 'same span, other label', a: [ann('a1', 'claim', 0, 5)], b: [ann('b1', 'framing', 0, 5)], want: ['labelDiffers:a1/b1'] },
    { name: 'same label, other boundaries', a: [ann('a1', 'claim', 0, 5)], b: [ann('b1', 'claim', 2, 8)], want: ['spanDiffers:a1/b1'] },
    {
      name: 'largest overlap pairs first, one to one; exact matches never paired again',
      a: [ann('a1', 'claim', 0, 10), ann('a2', 'claim', 20, 30)],
      b: [ann('b1', 'actor', 0, 3), ann('b2', 'framing', 0, 9), ann('b3', 'claim', 20, 30)],
      want: ['onlyB:-/b1', 'labelDiffers:a1/b2'],
    },
    { name: 'a same-label pair wins over a different-label one of the same overlap', a: [ann('a1', 'claim', 0, 10)], b: [ann('b1', 'actor', 0, 9), ann('b2', 'claim', 1, 10)], want: ['onlyB:-/b1', 'spanDiffers:a1/b2'] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(short(differences(c.a, c.b)), c.want));

  const d: Difference = { kind: 'labelDiffers', a: ann('a1', 'claim', 0, 5), b: ann('b1', 'framing', 0, 5) };
  const edits = (choice: Choice, inSidecar: { a: boolean; b: boolean }, diff: Difference = d) => resolve(diff, choice, inSidecar).map((e) => ('add' in e ? `+${e.add.id}` : `-${e.remove.id}`));
  const table: [string, Choice, { a: boolean; b: boolean }, string[]][] = [
    ['other folder: accept A keeps the sidecar as it is', 'a', { a: true, b: false }, []],
    ['other folder: accept B swaps in B’s version', 'b', { a: true, b: false }, ['-a1', '+b1']],
    ['other folder: keep both adds B’s', 'both', { a: true, b: false }, ['+b1']],
    ['two authors: accept A removes B’s', 'a', { a: true, b: true }, ['-b1']],
    ['two authors: accept B removes A’s', 'b', { a: true, b: true }, ['-a1']],
    ['two authors: keep both changes nothing', 'both', { a: true, b: true }, []],
  ];
  for (const [name, choice, inSidecar, want] of table) it(`resolve: ${name}`, () => assert.deepEqual(edits(choice, inSidecar), want));
  it('resolve: only-B accepted from another folder adds it; only-A refused removes it', () => {
    assert.deepEqual(edits('b', { a: true, b: false }, { kind: 'onlyB', b: ann('b9', 'actor', 1, 2) }), ['+b9']);
    assert.deepEqual(edits('b', { a: true, b: false }, { kind: 'onlyA', a: ann('a9', 'actor', 1, 2) }), ['-a9']);
    assert.deepEqual(edits('a', { a: true, b: false }, { kind: 'onlyB', b: ann('b9', 'actor', 1, 2) }), []);
  });
});
