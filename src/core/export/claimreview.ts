/**
 * Fact checks as schema.org `ClaimReview` JSON-LD (https://schema.org/ClaimReview), one object per
 * claim with a verdict, with the required and recommended properties of Google's ClaimReview
 * structured-data guidelines:
 * - `claimReviewed` (the quote), `url` (required): the first http(s) evidence URL, else the
 *   article's URL with the annotation id as fragment, else an URN of the annotation;
 * - `reviewRating` (required): `alternateName` (the verdict as written) and, for a verdict on the
 *   rating scale (`verdicts`, best first; `unverifiable` is not on it), `ratingValue` with
 *   `bestRating` = number of rated verdicts and `worstRating` = 1;
 * - `author` (the annotation's author, else `reviewer`), `datePublished` (the annotation's last
 *   change, else the export date), `itemReviewed` as a `Claim` with its `author` (the speaker) and
 *   `appearance` / `firstAppearance` (the article: URL, date, headline, outlet), `datePublished`.
 */
import { DEFAULT_VERDICTS } from '../model';
import { iriSegment } from './escape';
import type { ExportArticle, ExportFile, ExportOptions } from './records';
import { detailsOf, recordsOf } from './records';

export const UNRATED_VERDICT = 'unverifiable';

const HTTP = /^https?:\/\/\S+$/i;

/** The numeric rating of a verdict on a scale (best first), or undefined for one off the scale. */
export function ratingOf(verdict: string, scale: readonly string[]): { ratingValue: number; bestRating: number; worstRating: number } | undefined {
  const rated = scale.filter((v) => v !== UNRATED_VERDICT);
  const i = rated.indexOf(verdict);
  if (i < 0) return undefined;
  return { ratingValue: rated.length - i, bestRating: rated.length, worstRating: 1 };
}

export function exportClaimReview(articles: readonly ExportArticle[], options: ExportOptions): ExportFile[] {
  const scale = options.verdicts?.length ? options.verdicts : DEFAULT_VERDICTS;
  const now = options.now ?? new Date().toISOString();
  const details = new Map(articles.map((a) => [a.path, detailsOf(a)]));
  const reviews: Record<string, unknown>[] = [];
  for (const r of recordsOf(articles, { ...options, includeDetections: false })) {
    const verdict = typeof r.verdict === 'string' ? r.verdict.trim() : '';
    if (r.label !== 'claim' || !verdict) continue;
    const d = details.get(r.article) ?? {};
    const evidenceUrl = (Array.isArray(r.evidence) ? r.evidence : []).map((e) => e.trim()).find((e) => HTTP.test(e));
    const url = evidenceUrl ?? (d.url ? `${d.url.split('#')[0]}#${iriSegment(r.id)}` : `urn:article-annotator:annotation:${iriSegment(r.article)}:${iriSegment(r.id)}`);
    const appearance: Record<string, unknown> = { '@type': 'CreativeWork' };
    if (d.url) appearance.url = d.url;
    if (d.title) appearance.headline = d.title;
    if (d.date) appearance.datePublished = d.date;
    if (d.author) appearance.author = { '@type': 'Person', name: d.author };
    if (d.outlet) appearance.publisher = { '@type': 'Organization', name: d.outlet };
    const claim: Record<string, unknown> = { '@type': 'Claim' };
    if (r.speaker?.trim()) claim.author = { '@type': 'Person', name: r.speaker.trim() };
    if (d.date) claim.datePublished = d.date;
    claim.appearance = appearance;
    claim.firstAppearance = appearance;
    const rating = ratingOf(verdict, scale);
    const review: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url,
      claimReviewed: r.quote,
      itemReviewed: claim,
      reviewRating: { '@type': 'Rating', ...(rating ?? {}), alternateName: verdict },
      datePublished: (r.modified ?? r.created ?? now).slice(0, 10),
    };
    const author = r.author?.trim() || options.reviewer?.trim();
    if (author) review.author = { '@type': 'Person', name: author };
    reviews.push(review);
  }
  return [{ path: 'claimreview.jsonld', data: JSON.stringify(reviews, null, 2) + '\n' }];
}
