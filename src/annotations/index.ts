import * as vscode from 'vscode';
import type { Services } from '../services';
import { AnnotationCommands } from './commands';
import { AnnotationDecorations } from './decorations';
import { StatementCommands } from './statementCommands';

/** Annotation commands, decorations and hovers of user annotations. */
export class AnnotationFeature implements vscode.Disposable {
  readonly commands: AnnotationCommands;
  readonly decorations: AnnotationDecorations;
  readonly statements: StatementCommands;
  constructor(services: Services) {
    this.commands = new AnnotationCommands(services);
    this.statements = new StatementCommands(services, (arg) => this.commands.target(arg));
    this.decorations = new AnnotationDecorations(services);
  }
  dispose(): void {
    this.commands.dispose();
    this.statements.dispose();
    this.decorations.dispose();
  }
}
