/**
 * The exporter registry: everything a front end (the Export command, the CLI) needs to know about
 * a format, in one table. Adding a format is one exporter file and one line here.
 */
import { exportBrat } from './brat';
import { exportClaimReview } from './claimreview';
import { exportCsv } from './csv';
import { exportDna } from './dna';
import { exportGraphml } from './graphml';
import { exportMarkdown } from './markdown';
import { exportQdpx } from './qdpx';
import type { ExportArticle, ExportFile, ExportOptions } from './records';
import { exportW3c } from './w3c';

export interface Exporter {
  id: string;
  /** What the format is, for a quick pick. */
  label: string;
  /** Default output name (a file, or a folder when `output` is `folder`). */
  defaultOutput: string;
  /** One file, or a folder of files (paths relative to it). */
  output: 'file' | 'folder';
  /** Bytes that are not text (never written to standard output). */
  binary: boolean;
  /** Reads detections even when only accepted annotations are exported (actors, mentions). */
  needsDetections: boolean;
  write(articles: readonly ExportArticle[], options: ExportOptions): ExportFile[];
}

export const EXPORTERS = [
  { id: 'w3c', label: 'W3C Web Annotation (JSON-LD)', defaultOutput: 'annotations.jsonld', output: 'file', binary: false, needsDetections: false, write: exportW3c },
  { id: 'csv', label: 'CSV (spreadsheet)', defaultOutput: 'annotations.csv', output: 'file', binary: false, needsDetections: false, write: exportCsv },
  { id: 'markdown', label: 'Markdown report', defaultOutput: 'report.md', output: 'file', binary: false, needsDetections: true, write: exportMarkdown },
  { id: 'brat', label: 'brat standoff (folder)', defaultOutput: 'brat', output: 'folder', binary: false, needsDetections: false, write: exportBrat },
  { id: 'qdpx', label: 'REFI-QDA project (.qdpx: NVivo, ATLAS.ti, MAXQDA, QualCoder)', defaultOutput: 'project.qdpx', output: 'file', binary: true, needsDetections: false, write: exportQdpx },
  { id: 'graphml', label: 'Actor network (GraphML: Gephi, networkx)', defaultOutput: 'actors.graphml', output: 'file', binary: false, needsDetections: true, write: exportGraphml },
  { id: 'dna', label: 'Statements for the Discourse Network Analyzer (CSV event list)', defaultOutput: 'statements.csv', output: 'file', binary: false, needsDetections: false, write: exportDna },
  { id: 'claimreview', label: 'Fact checks (schema.org ClaimReview JSON-LD)', defaultOutput: 'claimreview.jsonld', output: 'file', binary: false, needsDetections: false, write: exportClaimReview },
] as const satisfies readonly Exporter[];

export type ExportFormat = (typeof EXPORTERS)[number]['id'];
export const EXPORT_FORMATS: readonly ExportFormat[] = EXPORTERS.map((e) => e.id);

const BY_ID: ReadonlyMap<string, Exporter> = new Map(EXPORTERS.map((e) => [e.id, e]));

/** The exporter of a format id, or undefined. */
export function exporterOf(id: string): Exporter | undefined {
  return BY_ID.get(id);
}

/** Default output name of each format. */
export const DEFAULT_OUTPUT = Object.fromEntries(EXPORTERS.map((e) => [e.id, e.defaultOutput])) as Record<ExportFormat, string>;
