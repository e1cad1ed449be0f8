import * as vscode from 'vscode';
import type { Services } from '../services';

/** Annotation commands, diagnostics and rename handling. (Stub: to be implemented.) */
export class AnnotationFeature implements vscode.Disposable {
  constructor(private readonly services: Services) {}
  dispose(): void {
    void this.services;
  }
}
