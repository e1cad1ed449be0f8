import * as vscode from 'vscode';
import type { Services } from '../services';

/** Editor side of detection: decorations, hovers, toggles, lexicon commands. (Stub: to be implemented.) */
export class DetectionFeature implements vscode.Disposable {
  constructor(private readonly services: Services) {}
  dispose(): void {
    void this.services;
  }
}
