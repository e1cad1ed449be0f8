import * as assert from 'node:assert/strict';
import { fromPanel, viewStateOf } from '../../src/core/network';

const ok = { kind: 'agreement', normalisation: 'jaccard', scope: 'workspace', filter: { from: '2019-01-01', stances: ['agree'], includeDetections: true } };

describe('network panel messages', () => {
  const cases: [string, unknown, unknown][] = [
    ['ready', { type: 'ready' }, { type: 'ready' }],
    ['a request with a full state', { type: 'request', state: ok }, { type: 'request', state: ok }],
    ['an empty date is no bound', { type: 'request', state: { ...ok, filter: { from: '' } } }, { type: 'request', state: { ...ok, filter: {} } }],
    ['an unknown network', { type: 'request', state: { ...ok, kind: 'bipartite' } }, undefined],
    ['a date not YYYY-MM-DD', { type: 'request', state: { ...ok, filter: { to: '4 Jan 2019' } } }, undefined],
    ['an unknown filter key', { type: 'request', state: { ...ok, filter: { evil: 1 } } }, undefined],
    ['stances not a string list', { type: 'request', state: { ...ok, filter: { stances: [1] } } }, undefined],
    ['select a node', { type: 'select', element: 'a:person:alice', statements: ['a.txt:s1'] }, { type: 'select', element: 'a:person:alice' }],
    ['select with a number element', { type: 'select', element: 3 }, undefined],
    ['select with an overlong element', { type: 'select', element: 'x'.repeat(2001) }, undefined],
    ['open', { type: 'open', statement: 'a.txt:s1' }, { type: 'open', statement: 'a.txt:s1' }],
    ['drawn counts', { type: 'drawn', seq: 4, nodes: 3, edges: 2, ms: 12.5, layoutMs: 7.25, extra: 1 }, { type: 'drawn', seq: 4, nodes: 3, edges: 2, ms: 12.5, layoutMs: 7.25 }],
    ['drawn with a fraction', { type: 'drawn', seq: 4, nodes: 1.5, edges: 2, ms: 1, layoutMs: 1 }, undefined],
    ['drawn without seq', { type: 'drawn', nodes: 3, edges: 2, ms: 1, layoutMs: 1 }, undefined],
    ['drawn with a negative count', { type: 'drawn', seq: 1, nodes: -1, edges: 2, ms: 1, layoutMs: 1 }, undefined],
    ['drawn with a time that is not a number', { type: 'drawn', seq: 1, nodes: 1, edges: 2, ms: '1', layoutMs: 1 }, undefined],
    ['drawn with an infinite time', { type: 'drawn', seq: 1, nodes: 1, edges: 2, ms: 1, layoutMs: Infinity }, undefined],
    ['an unknown type', { type: 'eval', code: 'x' }, undefined],
    ['not an object', 'ready', undefined],
  ];
  for (const [title, input, expected] of cases) it(title, () => assert.deepEqual(fromPanel(input), expected));

  it('restores only a valid saved state', () => {
    assert.deepEqual(viewStateOf(ok), ok);
    assert.equal(viewStateOf({ ...ok, scope: 'everything' }), undefined);
    assert.equal(viewStateOf(null), undefined);
  });
});
