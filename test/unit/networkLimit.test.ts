import * as assert from 'node:assert/strict';
import { limitNetwork, type Network, type NetworkEdge, type NetworkNode } from '../../src/core/network';

const node = (id: string, size = 1): NetworkNode => ({ id, label: id.toUpperCase(), kind: 'actor', type: 'person', size, statements: [`s-${id}`] });
const edge = (source: string, target: string, weight: number): NetworkEdge => ({ id: `${source}~${target}`, source, target, directed: false, weight, count: weight, statements: [] });

/*
 * a–b 5, a–c 1, b–c 2, c–d 1, d–e 1, e–f 4.   Weighted degrees: a 6, b 7, c 4, d 2, e 5, f 4.
 * Ranked: b 7, a 6, e 5, then c and f at 4 (c is larger), then d.
 */
const net: Network = {
  kind: 'agreement',
  nodes: [node('a'), node('b'), node('c', 3), node('d'), node('e'), node('f')],
  edges: [edge('a', 'b', 5), edge('a', 'c', 1), edge('b', 'c', 2), edge('c', 'd', 1), edge('d', 'e', 1), edge('e', 'f', 4)],
};

describe('limitNetwork: what a drawing keeps of a large network', () => {
  const cases: [string, number, number, string[], string[]][] = [
    ['everything when within both limits', 6, 6, ['a', 'b', 'c', 'd', 'e', 'f'], ['a~b', 'a~c', 'b~c', 'c~d', 'd~e', 'e~f']],
    ['the most connected nodes, and the edges among them', 3, 10, ['a', 'b', 'e'], ['a~b']],
    ['ties in degree broken by size', 4, 10, ['a', 'b', 'c', 'e'], ['a~b', 'a~c', 'b~c']],
    ['the heaviest edges among the nodes kept', 6, 2, ['a', 'b', 'c', 'd', 'e', 'f'], ['a~b', 'e~f']],
    ['equal weights broken by id', 6, 4, ['a', 'b', 'c', 'd', 'e', 'f'], ['a~b', 'a~c', 'b~c', 'e~f']],
    ['no nodes', 0, 10, [], []],
  ];
  for (const [title, maxNodes, maxEdges, nodes, edges] of cases) {
    it(title, () => {
      const d = limitNetwork(net, maxNodes, maxEdges);
      assert.deepEqual(d.nodes.map((n) => n.id), nodes);
      assert.deepEqual(d.edges.map((e) => e.id), edges);
      assert.deepEqual(d.total, { nodes: 6, edges: 6 });
      assert.equal(d.kind, 'agreement');
    });
  }
  it('keeps the statements of the nodes it keeps', () => {
    assert.deepEqual(limitNetwork(net, 1, 1).nodes, [node('b')]);
  });
});
