/** The elements of the annotations tree. Each has a stable id (for reveal) and its parent's id. */
import type * as vscode from 'vscode';
import type { ActorType } from '../core/model';
import type { AnnotationRef, DetectionRef } from '../services';

interface Base {
  id: string;
  parent?: string;
}

export type TreeNode =
  | (Base & { kind: 'folder'; folder: vscode.WorkspaceFolder })
  | (Base & { kind: 'article'; uri: vscode.Uri })
  | (Base & { kind: 'label'; label: string; uri?: vscode.Uri })
  | (Base & { kind: 'detections'; uri: vscode.Uri })
  | (Base & { kind: 'orphans'; uri: vscode.Uri })
  | (Base & { kind: 'actor'; actorId: string; name: string; type: ActorType })
  | (Base & { kind: 'mentions'; actorId: string })
  /** By topic: a topic (null: the claims without one) and its claims' count. */
  | (Base & { kind: 'topic'; topic: string | null; count: number })
  /** By topic: a stance under a topic (null: the claims without one) and its claims' count. */
  | (Base & { kind: 'stance'; topic: string | null; stance: string | null; count: number })
  | (Base & { kind: 'annotation'; uri: vscode.Uri; ref: AnnotationRef; orphan: boolean })
  | (Base & { kind: 'detection'; uri: vscode.Uri; ref: DetectionRef; actorType?: ActorType });
