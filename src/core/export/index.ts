/** Exporters: pure functions from articles (+ annotations, detections) to files. */
import type { ExportArticle, ExportFile, ExportOptions } from './records';
import { exporterOf } from './registry';

export * from './records';
export { DEFAULT_OUTPUT, EXPORT_FORMATS, EXPORTERS, exporterOf, type Exporter, type ExportFormat } from './registry';

export function exportTo(format: string, articles: readonly ExportArticle[], options: ExportOptions = {}): ExportFile[] {
  const exporter = exporterOf(format);
  if (!exporter) throw new Error(`Unknown export format "${format}".`);
  return exporter.write(articles, options);
}
