/**
 * Entry point: builds the shared services and wires the feature folders. No logic lives here.
 */
import * as vscode from 'vscode';
import type { Services } from './services';
import { WorkspaceArticleIndex } from './workspace/articleIndex';
import { WorkspaceLexiconService } from './detection/lexiconService';
import { CachedDetectionService } from './detection/detectionService';
import { SidecarAnnotationStore } from './annotations/store';
import { AnnotationFeature } from './annotations';
import { DetectionFeature } from './detection';
import { TreeFeature } from './tree';
import { ExportFeature } from './export';
import { NetworkFeature } from './network';
import { TxtArticlesOffer } from './workspace/txtOffer';
import { TeamFeature } from './team';

/** What `activate` returns: used by the integration tests and by other extensions. */
export interface ArticleAnnotatorApi {
  readonly services: Services;
  readonly tree: TreeFeature;
  readonly annotationFeature: AnnotationFeature;
  readonly detectionFeature: DetectionFeature;
  readonly networkFeature: NetworkFeature;
  readonly txtOffer: TxtArticlesOffer;
  readonly exportFeature: ExportFeature;
  readonly teamFeature: TeamFeature;
  /** Milliseconds `activate` took (the benchmark reads it). */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): ArticleAnnotatorApi {
  const t0 = performance.now();
  const articles = new WorkspaceArticleIndex();
  const lexicon = new WorkspaceLexiconService(articles);
  const detections = new CachedDetectionService(context, lexicon, articles);
  const annotations = new SidecarAnnotationStore(context, articles);
  const services: Services = { context, articles, lexicon, detections, annotations };
  const tree = new TreeFeature(services);
  const annotationFeature = new AnnotationFeature(services);
  const detectionFeature = new DetectionFeature(services);
  const networkFeature = new NetworkFeature(services);
  const txtOffer = new TxtArticlesOffer(services);
  const exportFeature = new ExportFeature(services);
  const teamFeature = new TeamFeature(services);
  // Every service and feature owns its registrations and is disposed with the extension.
  context.subscriptions.push(
    articles,
    lexicon,
    detections,
    annotations,
    detectionFeature,
    annotationFeature,
    tree,
    exportFeature,
    networkFeature,
    txtOffer,
    teamFeature,
  );
  return { services, tree, annotationFeature, detectionFeature, networkFeature, txtOffer, exportFeature, teamFeature, activationMs: performance.now() - t0 };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
