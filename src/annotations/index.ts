import * as vscode from 'vscode';
import type { Services } from '../services';
import { AnnotationCommands } from './commands';
import { AnnotationDecorations } from './decorations';

/** Annotation commands, decorations and hovers of user annotations. */
export class AnnotationFeature implements vscode.Disposable {
  readonly commands: AnnotationCommands;
  readonly decorations: AnnotationDecorations;
  constructor(services: Services) {
    this.commands = new AnnotationCommands(services);
    this.decorations = new AnnotationDecorations(services);
  }
  dispose(): void {
    this.commands.dispose();
    this.decorations.dispose();
  }
}
