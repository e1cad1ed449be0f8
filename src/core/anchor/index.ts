/**
 * Anchoring annotations to article text. (Implementation in progress: see issue on sidecars.)
 */
import type { AnchorStatus, Annotation } from '../model';

export interface AnchorResult {
  annotation: Annotation;
  status: AnchorStatus;
  /** Code-point offsets in the new text; undefined for orphans. */
  start?: number;
  end?: number;
}

/** Re-anchors stored annotations (code-point offsets) against `text`. */
export function anchorAnnotations(text: string, annotations: readonly Annotation[]): AnchorResult[] {
  void text;
  return annotations.map((annotation) => ({ annotation, status: 'orphan' as AnchorStatus }));
}
