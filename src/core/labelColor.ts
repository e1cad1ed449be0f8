/**
 * Colours of codebook labels. A label's `color` is a CSS hex colour (`#rgb`, `#rrggbb`,
 * `#rrggbbaa`; the alpha is dropped, each use sets its own) or the id of a theme colour
 * (`charts.red`, `articleAnnotator.annotationBorder`), which follows the colour theme. Anything
 * else, and no colour, falls back to the contributed theme colours `articleAnnotator.annotationBorder`
 * and `articleAnnotator.annotationBackground`.
 *
 * Also the small SVG pictures that show a label's colour where VS Code only takes an image: the
 * annotation's mark in the editor's gutter and the swatch in the label picker.
 */
export type LabelColor = { kind: 'hex'; hex: string } | { kind: 'theme'; id: string };

export const DEFAULT_ANNOTATION_BORDER = 'articleAnnotator.annotationBorder';
export const DEFAULT_ANNOTATION_BACKGROUND = 'articleAnnotator.annotationBackground';

export function parseLabelColor(color: unknown): LabelColor | undefined {
  if (typeof color !== 'string') return undefined;
  const c = color.trim();
  let m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(c);
  if (m) return { kind: 'hex', hex: `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toLowerCase() };
  m = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(c);
  if (m) return { kind: 'hex', hex: `#${m[1]}`.toLowerCase() };
  if (/^[A-Za-z][\w-]*(?:\.[\w-]+)+$/.test(c)) return { kind: 'theme', id: c };
  return undefined;
}

/** Grey of the pictures for labels whose colour is a theme colour (a picture cannot follow the theme). */
export const NEUTRAL_SWATCH = '#8c8c8c';

function svg(body: string, w: number, h: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;
}

/** The gutter mark of an annotation: a bar at the gutter's left, in the label's colour. */
export function gutterMarkSvg(hex: string): string {
  return svg(`<rect x="2" y="1" width="4" height="14" rx="1.5" fill="${hex}"/>`, 16, 16);
}

/** The picker's swatch: a filled circle in the label's colour with a thin darker ring. */
export function swatchSvg(hex: string): string {
  return svg(`<circle cx="8" cy="8" r="5.5" fill="${hex}" stroke="#00000059" stroke-width="1"/>`, 16, 16);
}

/** A `data:` URI of an SVG picture, as VS Code accepts for decoration gutter icons and picker icons. */
export function svgDataUri(svgText: string): string {
  return `data:image/svg+xml;base64,${btoa(svgText)}`;
}
