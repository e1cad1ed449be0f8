import * as assert from 'node:assert/strict';
import { gutterMarkSvg, parseLabelColor, svgDataUri, swatchSvg } from '../../src/core/labelColor';

describe('label colours', () => {
  const table: { color: unknown; want: ReturnType<typeof parseLabelColor> }[] = [
    { color: '#1f77b4', want: { kind: 'hex', hex: '#1f77b4' } },
    { color: '#1F77B4', want: { kind: 'hex', hex: '#1f77b4' } },
    { color: ' #d62728 ', want: { kind: 'hex', hex: '#d62728' } },
    { color: '#f80', want: { kind: 'hex', hex: '#ff8800' } },
    // The alpha is dropped: background, border and gutter mark each set their own.
    { color: '#d6272880', want: { kind: 'hex', hex: '#d62728' } },
    { color: 'charts.red', want: { kind: 'theme', id: 'charts.red' } },
    { color: 'articleAnnotator.annotationBorder', want: { kind: 'theme', id: 'articleAnnotator.annotationBorder' } },
    { color: 'terminal.ansiBrightRed', want: { kind: 'theme', id: 'terminal.ansiBrightRed' } },
    // Not colours we can use: the default theme colours apply.
    { color: 'red', want: undefined },
    { color: '#12345', want: undefined },
    { color: 'rgb(1,2,3)', want: undefined },
    { color: 'url(x)', want: undefined },
    { color: '#fff; background: url(x)', want: undefined },
    { color: '', want: undefined },
    { color: undefined, want: undefined },
    { color: 42, want: undefined },
  ];
  for (const c of table) {
    it(`${JSON.stringify(c.color)} → ${JSON.stringify(c.want)}`, () => assert.deepEqual(parseLabelColor(c.color), c.want));
  }

  it('draws the gutter mark and the swatch in the colour, as data URIs that decode to the SVG', () => {
    for (const [draw, shape] of [[gutterMarkSvg, '<rect'], [swatchSvg, '<circle']] as const) {
      const svg = draw('#2ca02c');
      assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
      assert.ok(svg.includes(shape) && svg.includes('fill="#2ca02c"'), svg);
      const uri = svgDataUri(svg);
      assert.match(uri, /^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/);
      assert.equal(Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64').toString('utf8'), svg);
    }
  });
});
