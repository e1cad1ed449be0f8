import * as assert from 'node:assert/strict';
import { agreement, cohensKappa, unitizedAlpha, type AgreementArticle } from '../../src/core/team/agreement';

const close = (got: number | null, want: number, what: string) => {
  assert.ok(got !== null, `${what} is null`);
  assert.ok(Math.abs(got - want) < 1e-9, `${what}: ${got}, want ${want}`);
};

describe('agreement between coders', () => {
  it('αᵤ reproduces Krippendorff’s own worked example (2004, category c)', () => {
    // Krippendorff (2004), "Measuring the reliability of qualitative text analysis data",
    // Quality & Quantity 38: continuum 150..450, coder i units [225,295) [370,400), coder j units
    // [220,300) [355,375) [400,420). The paper gives Do = .0144, De = .0532 (rounded); the exact
    // values below come from test/reference/agreement.py (python3, run separately).
    const r = unitizedAlpha([[[225, 295], [370, 400]], [[220, 300], [355, 375], [400, 420]]], 150, 450);
    assert.equal(r.observed.toFixed(4), '0.0144');
    assert.equal(r.expected.toFixed(4), '0.0532');
    close(r.observed, 0.014444444444444444, 'Do');
    close(r.expected, 0.05322177985498048, 'De');
    close(r.alpha, 0.728598996805389, 'αu');
    // κ over the same code points, from the same reference script.
    close(cohensKappa([[75, 145], [220, 250]], [[70, 150], [205, 225], [250, 270]], 300), 0.5000000000000001, 'κ');
  });

  // Two articles (120 and 80 code points), label "claim"; values from test/reference/agreement.py.
  const articles: AgreementArticle[] = [
    {
      length: 120,
      a: [{ start: 10, end: 40, label: 'claim' }, { start: 60, end: 90, label: 'claim' }, { start: 0, end: 5, label: 'actor' }],
      b: [{ start: 12, end: 40, label: 'claim' }, { start: 100, end: 110, label: 'claim' }, { start: 0, end: 5, label: 'actor' }],
    },
    {
      length: 80,
      a: [{ start: 5, end: 25, label: 'claim' }],
      b: [{ start: 5, end: 25, label: 'claim' }, { start: 50, end: 70, label: 'claim' }],
    },
  ];

  it('per label: κ and αᵤ match the reference; F1 and counts', () => {
    const r = agreement(articles);
    const claim = r.labels.claim!;
    close(claim.kappa, 0.3514644351464434, 'κ claim');
    close(claim.alphaU, 0.2006064440340377, 'αu claim');
    // A: 3 claims, B: 4; exact: 1 ([5,25) of article 2); overlapping pairs: 2.
    close(claim.f1Exact, (2 * 1) / 7, 'f1Exact');
    close(claim.f1Overlap, (2 * 2) / 7, 'f1Overlap');
    assert.deepEqual([claim.onlyA, claim.onlyB, claim.both], [1, 2, 2]);
    const actor = r.labels.actor!;
    assert.deepEqual([actor.kappa, actor.alphaU, actor.f1Exact, actor.f1Overlap, actor.both], [1, 1, 1, 1, 1]);
    assert.deepEqual(Object.keys(r.labels), ['actor', 'claim']);
    assert.deepEqual(Object.keys(r.overall).sort(), ['alphaU', 'both', 'f1Exact', 'f1Overlap', 'kappa', 'onlyA', 'onlyB']);
    assert.deepEqual([r.overall.onlyA, r.overall.onlyB, r.overall.both], [1, 2, 3]);
    close(r.overall.f1Exact, (2 * 2) / 9, 'overall f1Exact');
  });

  it('--label restricts to one label; identical codings agree fully; nothing coded is null', () => {
    assert.deepEqual(Object.keys(agreement(articles, 'claim').labels), ['claim']);
    const same = agreement([{ length: 50, a: [{ start: 3, end: 9, label: 'x' }], b: [{ start: 3, end: 9, label: 'x' }] }]);
    assert.deepEqual([same.overall.kappa, same.overall.alphaU, same.overall.f1Exact], [1, 1, 1]);
    const none = agreement([{ length: 50, a: [], b: [] }]);
    assert.deepEqual(none.overall, { kappa: null, alphaU: null, f1Exact: null, f1Overlap: null, onlyA: 0, onlyB: 0, both: 0 });
    // Offsets outside the article are clamped, not counted past its end.
    const out = agreement([{ length: 10, a: [{ start: 5, end: 500, label: 'x' }], b: [{ start: 5, end: 10, label: 'x' }] }]);
    assert.equal(out.labels.x!.kappa, 1);
  });
});
