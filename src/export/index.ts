import * as vscode from 'vscode';
import type { Services } from '../services';

/** The Export Annotations… command. (Stub: to be implemented.) */
export class ExportFeature implements vscode.Disposable {
  constructor(private readonly services: Services) {}
  dispose(): void {
    void this.services;
  }
}
