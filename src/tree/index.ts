import * as vscode from 'vscode';
import type { Services } from '../services';

/** The annotations tree view and navigation commands. (Stub: to be implemented.) */
export class TreeFeature implements vscode.Disposable {
  constructor(private readonly services: Services) {}
  dispose(): void {
    void this.services;
  }
}
