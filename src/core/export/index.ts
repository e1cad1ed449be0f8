/** Exporters: pure functions from articles (+ annotations, detections) to files. */
import { exportBrat } from './brat';
import { exportCsv } from './csv';
import { exportGraphml } from './graphml';
import { exportMarkdown } from './markdown';
import { exportQdpx } from './qdpx';
import type { ExportArticle, ExportFile, ExportFormat, ExportOptions } from './records';
import { exportW3c } from './w3c';

export * from './records';

const EXPORTERS: Record<ExportFormat, (a: readonly ExportArticle[], o: ExportOptions) => ExportFile[]> = {
  w3c: exportW3c,
  csv: exportCsv,
  markdown: exportMarkdown,
  brat: exportBrat,
  qdpx: exportQdpx,
  graphml: exportGraphml,
};

/** Default file name of a single-file format; brat writes a folder. */
export const DEFAULT_OUTPUT: Record<ExportFormat, string> = {
  w3c: 'annotations.jsonld',
  csv: 'annotations.csv',
  markdown: 'report.md',
  brat: 'brat',
  qdpx: 'project.qdpx',
  graphml: 'actors.graphml',
};

export function exportTo(format: ExportFormat, articles: readonly ExportArticle[], options: ExportOptions = {}): ExportFile[] {
  const fn = EXPORTERS[format];
  if (!fn) throw new Error(`Unknown export format "${format}".`);
  return fn(articles, options);
}
