import * as vscode from 'vscode';
import type { Annotation, LabelDef } from '../core/model';
import type { AnnotationPatch, AnnotationStore, ArticleAnnotations, ArticleIndex, NewAnnotation } from '../services';

/** Loads, anchors, tracks and writes sidecars. (Stub: to be implemented.) */
export class SidecarAnnotationStore implements AnnotationStore {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly articles: ArticleIndex,
  ) {}
  async get(article: vscode.Uri): Promise<ArticleAnnotations> {
    return { article, sidecar: article.with({ path: article.path + '.annotations.yaml' }), state: { kind: 'none' }, readOnly: false, items: [] };
  }
  peek(_article: vscode.Uri): ArticleAnnotations | undefined {
    return undefined;
  }
  async add(_article: vscode.Uri, _init: NewAnnotation): Promise<Annotation> {
    throw new Error('not implemented');
  }
  async update(_article: vscode.Uri, _id: string, _patch: AnnotationPatch): Promise<Annotation> {
    throw new Error('not implemented');
  }
  async remove(_article: vscode.Uri, _id: string): Promise<Annotation | undefined> {
    return undefined;
  }
  async restore(_article: vscode.Uri, _annotation: Annotation): Promise<void> {}
  async reattach(_article: vscode.Uri, _id: string, _range: vscode.Range): Promise<Annotation> {
    throw new Error('not implemented');
  }
  labels(): LabelDef[] {
    return [];
  }
  dispose(): void {
    void this.context;
    void this.articles;
    this.emitter.dispose();
  }
}
